import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compiledCli } from "./compiled-cli.js";

let root: string;
const entry = "src/main.ts";
const write = (file: string, text: string) => writeFile(join(root, file), text);
const builds = async () => (await readdir(join(root, "node_modules/.cache/limber-cli"))).filter((f) => f.startsWith("build-"));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "limber-compiled-cli-"));
  await mkdir(join(root, "src"));
  await write("src/answer.ts", "export const answer: number = 1;\n");
  await write(entry, 'import { answer } from "./answer.ts";\nexport const main = () => answer;\nexport const here = import.meta.url;\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("the compiled CLI", () => {
  it("runs the TypeScript it was compiled from", async () => {
    const compiled = await import(await compiledCli({ root, entry }));
    expect(compiled.main()).toBe(1);
  });

  it("keeps each module's own location as import.meta.url, so files beside the sources are found", async () => {
    const compiled = await import(await compiledCli({ root, entry }));
    expect(compiled.here).toBe(pathToFileURL(join(root, entry)).href);
  });

  it("is built once and reused while no source changed", async () => {
    const first = await compiledCli({ root, entry });
    expect(await compiledCli({ root, entry })).toBe(first);
    expect(await builds()).toHaveLength(1);
  });

  it("is built again when a module it imports changed, and runs the change", async () => {
    const first = await compiledCli({ root, entry });
    await write("src/answer.ts", "export const answer: number = 22;\n");
    const second = await compiledCli({ root, entry });
    expect(second).not.toBe(first);
    expect((await import(second)).main()).toBe(22);
  });

  it("is built again when a source it was made from is gone", async () => {
    const first = await compiledCli({ root, entry });
    await write(entry, "export const main = () => 3;\n");
    await rm(join(root, "src/answer.ts"));
    const second = await compiledCli({ root, entry });
    expect(second).not.toBe(first);
    expect((await import(second)).main()).toBe(3);
  });
});
