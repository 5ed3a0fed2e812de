import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import preact from "@preact/preset-vite";
import { VitePWA } from "vite-plugin-pwa";
import { builtInPrograms } from "./content/index.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Built-in programs reach the browser already validated: the schema runs here, at build time,
 * so the shipped app carries plain data and no validation library.
 */
function validatedPrograms(): Plugin {
  const id = "virtual:limber-programs";
  return {
    name: "limber-programs",
    resolveId: (source) => (source === id ? "\0" + id : null),
    load: (resolved) => (resolved === "\0" + id ? `export default ${JSON.stringify(builtInPrograms)};` : null),
  };
}

export default defineConfig({
  root: here("./src/web"),
  publicDir: here("./public"),
  base: "./",
  build: {
    outDir: here("./dist/web"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
  },
  plugins: [
    validatedPrograms(),
    preact(),
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      // The glob below already precaches the icons; listing them twice would duplicate entries.
      includeManifestIcons: false,
      manifest: {
        name: "Limber — gentle stretching",
        short_name: "Limber",
        description: "Guided, progressive home stretching programs, spoken aloud so you can keep your hands on the strap.",
        start_url: "./",
        scope: "./",
        display: "standalone",
        orientation: "portrait",
        background_color: "#f6f4ee",
        theme_color: "#2c6a5c",
        icons: [
          { src: "icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "icon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png}", "voice/index.json"],
        navigateFallback: "index.html",
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        // The voice index is precached (it is small and says which clips exist); each clip is kept once
        // played, so a program played once plays offline with its words.
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /\/voice\/[0-9a-f]{16}\.mp3$/.test(url.pathname),
            handler: "CacheFirst",
            options: { cacheName: "limber-voice", expiration: { maxEntries: 2000 } },
          },
          {
            // A practice's own sentences, spoken by the server: the name and words never change together.
            urlPattern: ({ url }) => /\/api\/voice\/clips\/[0-9a-f]{16}$/.test(url.pathname),
            handler: "CacheFirst",
            options: { cacheName: "limber-voice-own", expiration: { maxEntries: 2000 } },
          },
        ],
      },
    }),
  ],
});
