// The CLI compiled once into plain JavaScript, so a start does not go through tsx's loader.
//
// Run from source, every one of the CLI's ~600 modules (ours and its packages') is resolved and
// transformed by tsx's hooks, which Node 20 runs in a loader thread of their own: on a small
// machine about a second and some 80 MB more per start. Here esbuild (as in tsx and Vite) bundles
// src/cli/main.ts into node_modules/.cache/limber-cli, and later starts import that while every
// file it was made from is unchanged (size and mtime, checked in a few milliseconds). A changed
// file makes a new build; nothing is ever run from a stale one.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Raised when the way of building changes, so builds made the old way are not used. */
const BUILD_FORMAT = 1;
/** Builds no longer current are removed once this old (a running server may still load chunks from its own). */
const KEEP_OLD_MS = 24 * 60 * 60_000;

/**
 * Packages left to Node: ones that read their own files next to their code (PGlite's WebAssembly,
 * eSpeak NG's data), load optional native parts (pg), or are build tools.
 */
const EXTERNAL = ["@electric-sql/pglite", "pg", "pg-native", "espeak-ng", "esbuild", "tsx", "vite", "lightningcss", "fsevents"];

/**
 * The compiled CLI's entry module (a file URL), built first when it is missing or any file it was
 * made from changed. `root` is the project, `entry` the module compiled, relative to it.
 */
export async function compiledCli({ root = PROJECT_ROOT, entry = "src/cli/main.ts" } = {}) {
  const cache = join(root, "node_modules", ".cache", "limber-cli");
  const where = { root, entry, cache, manifest: join(cache, "manifest.json") };
  return pathToFileURL(join(cache, currentBuild(where) ?? (await buildCli(where)), "main.mjs")).href;
}

/** The current build's folder name, when every input it was made from is as it was. */
function currentBuild({ root, entry, manifest: manifestFile }) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
  } catch {
    return null;
  }
  if (manifest.format !== BUILD_FORMAT || manifest.node !== process.versions.node || manifest.entry !== entry) return null;
  for (const [file, size, mtimeMs] of manifest.inputs) {
    try {
      const s = statSync(join(root, file));
      if (s.size !== size || s.mtimeMs !== mtimeMs) return null;
    } catch {
      return null;
    }
  }
  return manifest.dir;
}

/**
 * Where a module sits decides what `import.meta.url` means to it (our code finds content,
 * migrations, PGlite and the voice worker from it), so each file keeps its own source location
 * in the bundle.
 */
const ownLocation = {
  name: "own-location",
  setup(b) {
    b.onLoad({ filter: /\.(ts|js|mjs)$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!text.includes("import.meta")) return undefined;
      return {
        contents: text
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href))
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(path))),
        loader: path.endsWith(".ts") ? "ts" : "js",
        resolveDir: dirname(path),
      };
    });
  },
};

async function buildCli({ root, entry, cache, manifest: manifestFile }) {
  const { build } = await import("esbuild");
  const dir = `build-${Date.now()}-${randomBytes(4).toString("hex")}`;
  const outdir = join(cache, dir);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: entry },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    external: EXTERNAL,
    metafile: true,
    logLevel: "silent",
    // Bundled CommonJS packages call require for Node's own modules.
    banner: { js: 'import { createRequire as __limberRequire } from "node:module"; const require = __limberRequire(import.meta.url);' },
    plugins: [ownLocation],
  });
  const inputs = Object.keys(result.metafile.inputs).map((file) => {
    const s = statSync(resolve(root, file));
    return [relative(root, resolve(root, file)), s.size, s.mtimeMs];
  });
  mkdirSync(cache, { recursive: true });
  const manifest = { format: BUILD_FORMAT, node: process.versions.node, entry, dir, inputs };
  // Written aside and renamed, so a process starting at the same moment reads a whole manifest or the old one.
  const staged = `${manifestFile}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(staged, JSON.stringify(manifest));
  renameSync(staged, manifestFile);
  removeOldBuilds(cache, dir);
  return dir;
}

function removeOldBuilds(cache, current) {
  for (const entry of readdirSync(cache)) {
    if (!entry.startsWith("build-") || entry === current) continue;
    const path = join(cache, entry);
    if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS) rmSync(path, { recursive: true, force: true });
  }
}
