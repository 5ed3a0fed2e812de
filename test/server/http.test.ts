import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

async function fakeWebBuild(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "limber-web-"));
  await mkdir(join(dir, "assets"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>Limber</title>");
  await writeFile(join(dir, "assets", "index-abc123.js"), "console.log('app')");
  await writeFile(join(dir, "sw.js"), "self.addEventListener('fetch', () => {})");
  await writeFile(join(dir, "manifest.webmanifest"), "{}");
  await writeFile(join(dir, "icon-192.png"), "png");
  return dir;
}

describe.each(BACKENDS)("over real HTTP on 127.0.0.1 with %s", (name) => {
  const backend = new TestBackend(name);
  let server: RunningServer;
  let webDir: string;
  beforeAll(async () => {
    webDir = await fakeWebBuild();
    server = await startServer({ database: await backend.emptyDatabase(), host: "127.0.0.1", port: 0, webDir });
  });
  afterAll(async () => {
    await server?.close();
    await backend.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 on the free port it was given", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it("shows the built-in program, seeded at start-up", async () => {
    const res = await fetch(`${server.url}/api/programs`);
    expect(await res.json()).toEqual({
      programs: [{ id: "foot-stretches-for-lower-back-pain", version: 1, title: "Foot stretches for lower back pain", builtIn: true }],
    });
  });

  it("signs up, keeps a session log and gives it back through a real socket", async () => {
    const c = new ApiClient(overHttp, server.url);
    await c.signUp();
    const log = sessionLog();
    expect((await c.post("/api/logs", log)).status).toBe(201);
    expect((await c.post("/api/logs", log)).status).toBe(200);
    expect((await c.get("/api/logs")).body.logs.map((l: { id: string }) => l.id)).toEqual([log.id]);
  });

  it("sends the security headers on pages, API answers and errors alike", async () => {
    for (const path of ["/", "/api/health", "/api/nope", "/assets/missing.js"]) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
  });

  it("serves the app's page for any page path so the app's router can show it, never cached long", async () => {
    for (const path of ["/", "/history", "/some/deep/page"]) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("<title>Limber</title>");
    }
  });

  it("caches hashed assets for a year but the service worker and manifest not at all", async () => {
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect((await fetch(`${server.url}/manifest.webmanifest`)).headers.get("cache-control")).toBe("no-cache");
    expect((await fetch(`${server.url}/icon-192.png`)).headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("answers 304 when the browser already has the file", async () => {
    const first = await fetch(`${server.url}/sw.js`);
    const again = await fetch(`${server.url}/sw.js`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("answers 404 for a missing file and never serves files outside the web folder", async () => {
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    const escaped = await fetch(`${server.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await escaped.text()).not.toContain("root:");
  });

  it("answers JSON 404 for an unknown API route", async () => {
    const res = await fetch(`${server.url}/api/does-not-exist`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: "Limber has no GET /api/does-not-exist. Check the address against docs/api.md." });
  });

  it("limits failed sign-ins per client address, read from the real socket", async () => {
    const c = new ApiClient(overHttp, server.url);
    const { email } = await new ApiClient(overHttp, server.url).signUp();
    for (let i = 0; i < 30; i++)
      expect((await c.post("/api/auth/sign-in", { email: `guess-${i}@example.org`, password: "wrong password" })).status).toBe(401);
    const refused = await c.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const c = new ApiClient(overHttp, server.url);
    await c.signUp();
    const res = await c.post("/api/logs", sessionLog({ notes: "x".repeat(1_100_000) }));
    expect(res.status).toBe(413);
  });

  it("refuses a body over 1 MiB sent in chunks without a length with 413, and takes one under it sent so", async () => {
    const c = new ApiClient(overHttp, server.url);
    await c.signUp();
    const chunked = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/api/logs`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: c.cookie!, "x-csrf-token": c.csrfToken!, "transfer-encoding": "chunked" },
        });
        req.on("response", (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, body: text }));
        });
        req.on("error", reject);
        for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024));
        req.end();
      });
    const big = await chunked(JSON.stringify(sessionLog({ notes: "x".repeat(1_100_000) })));
    expect([big.status, JSON.parse(big.body)]).toEqual([
      413,
      { error: "This is larger than 1 MiB, more than Limber takes at once. Send less and try again." },
    ]);
    const log = sessionLog();
    expect((await chunked(JSON.stringify(log))).status).toBe(201);
    expect((await c.get(`/api/logs/${log.id}`)).body.id).toBe(log.id);
  });
});

describe("unexpected errors", () => {
  const backend = new TestBackend("pglite");
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("answer 500 with a plain message and no stack trace, and are reported to the log", async () => {
    const c = t.client();
    await c.signUp();
    // Break the database under the app: the next query fails inside a handler.
    const broken = createApp(
      {
        ...t.deps,
        db: {
          ...t.deps.db,
          selectFrom: () => {
            throw new Error("disk on fire at secret.ts:12");
          },
        } as never,
      },
      {
        logError: (e) => t.errors.push(e),
      },
    );
    const res = await broken.request("http://127.0.0.1/api/logs", { headers: { cookie: c.cookie! } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret\.ts|disk on fire|at .*:\d+/);
    expect(JSON.parse(text).error).toMatch(/went wrong/);
    expect(t.errors).toHaveLength(1);
  });
});
