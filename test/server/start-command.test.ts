import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { webBuildIsStale } from "../../src/cli/start-command.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function project(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "limber-start-"));
  dirs.push(root);
  await mkdir(join(root, "src/web"), { recursive: true });
  await writeFile(join(root, "src/web/main.tsx"), "x");
  return root;
}

const at = (iso: string) => new Date(iso);

describe("limber start", () => {
  it("builds the web app when dist/web has no index.html", async () => {
    const root = await project();
    expect(webBuildIsStale(root, join(root, "dist/web"))).toBe(true);
  });

  it("builds again when a source is newer than the build, and not when the build is newer", async () => {
    const root = await project();
    await mkdir(join(root, "dist/web"), { recursive: true });
    await writeFile(join(root, "dist/web/index.html"), "<!doctype html>");
    const source = join(root, "src/web/main.tsx");
    await utimes(join(root, "src/web"), at("2026-01-01"), at("2026-01-01"));
    await utimes(source, at("2026-01-01"), at("2026-01-01"));
    await utimes(join(root, "dist/web/index.html"), at("2026-02-01"), at("2026-02-01"));
    expect(webBuildIsStale(root, join(root, "dist/web"))).toBe(false);
    await utimes(source, at("2026-03-01"), at("2026-03-01"));
    expect(webBuildIsStale(root, join(root, "dist/web"))).toBe(true);
  });
});

describe("limber serve arguments", () => {
  const run = async (...argv: string[]) => {
    const err: string[] = [];
    const code = await main(argv, { out: () => {}, err: (t) => err.push(t) });
    return { code, err: err.join("\n") };
  };

  it("explains a port that is not a number", async () => {
    expect(await run("serve", "--port", "eighty")).toEqual({
      code: 2,
      err: 'limber serve: --port must be a whole number from 0 to 65535, got "eighty"',
    });
  });

  it("names an unknown option and the ones it accepts", async () => {
    const r = await run("serve", "--colour");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --colour .*--port, --host, --data/);
  });

  it("asks for a file to back up to", async () => {
    expect(await run("backup")).toEqual({ code: 2, err: "limber backup: expected one file. Usage: limber backup <file> [--data DIR]" });
  });
});
