#!/usr/bin/env node
// Runs the CLI compiled once from its TypeScript (bin/compiled-cli.js), so a fresh clone needs no
// build step and a start skips the loader; when it cannot be compiled here, straight from the
// sources through tsx's loader.
import { compiledCli } from "../src/cli/compiled-cli.js";

let entry;
try {
  entry = await compiledCli();
} catch (e) {
  console.error(`limber: running from the TypeScript sources (the compiled CLI could not be made: ${e instanceof Error ? e.message : e})`);
  const { register } = await import("tsx/esm/api");
  register();
  entry = "../src/cli/main.ts";
}
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
