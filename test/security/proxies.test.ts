import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../src/server/auth/rate-limit.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { TestBackend } from "../support/backends.ts";
import { serverArgsFor, spawnServer, type ServerProcess } from "../support/server-process.ts";

/** Counts answers by status, as "status x count" sorted. */
function tally(statuses: number[]): string[] {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s} x ${n}`);
}

// The real `limber serve` behind a pretend proxy on 127.0.0.1: what a client writes into the forwarding headers.
describe.each([
  ["--trust-proxy (one hop)", ["--trust-proxy"]],
  ["--trusted-proxies 127.0.0.1", ["--trusted-proxies", "127.0.0.1"]],
])("a server started with %s", (_name, flags) => {
  const backend = new TestBackend("pglite");
  let server: ServerProcess;
  beforeAll(async () => {
    const [args, env] = serverArgsFor(await backend.emptyDatabase());
    server = await spawnServer([...args, ...flags], env);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await backend.stop();
  });

  it("limits an address by the entry its proxy appended, however many addresses the client puts before it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.address.attempts + 10; i++) {
      const res = await new ApiClient(overHttp, server.url).post(
        "/api/auth/sign-in",
        { email: `nobody-${i}@example.org`, password: "a wrong password" },
        { "x-forwarded-for": `203.0.113.${i}, 198.51.100.7` },
      );
      statuses.push(res.status);
    }
    expect(tally(statuses)).toEqual([`401 x ${SIGN_IN_LIMITS.address.attempts}`, "429 x 10"]);
    // Another client behind the same proxy is not limited by it.
    const other = await new ApiClient(overHttp, server.url).post(
      "/api/auth/sign-in",
      { email: "nobody@example.org", password: "a wrong password" },
      { "x-forwarded-for": "198.51.100.8" },
    );
    expect(other.status).toBe(401);
  }, 120_000);

  it("reads Forwarded the same way when the proxy writes that instead", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_LIMITS.address.attempts + 2; i++) {
      const res = await new ApiClient(overHttp, server.url).post(
        "/api/auth/sign-in",
        { email: `someone-${i}@example.org`, password: "a wrong password" },
        { forwarded: `for=203.0.113.${i}, for="198.51.100.20:5000";proto=https` },
      );
      statuses.push(res.status);
    }
    expect(tally(statuses)).toEqual([`401 x ${SIGN_IN_LIMITS.address.attempts}`, "429 x 2"]);
    // Another client behind the same proxy is not limited by it: the limit was 198.51.100.20's, not the proxy's.
    const other = await new ApiClient(overHttp, server.url).post(
      "/api/auth/sign-in",
      { email: "someone@example.org", password: "a wrong password" },
      { forwarded: 'for="198.51.100.21:5000";proto=https' },
    );
    expect(other.status).toBe(401);
  }, 120_000);

  it("sends HSTS and a Secure cookie when the proxy says the request came over https, and neither over plain http", async () => {
    const https = await new ApiClient(overHttp, server.url).get("/api/health", {
      "x-forwarded-proto": "https",
      "x-forwarded-for": "198.51.100.30",
    });
    expect(https.headers.get("strict-transport-security")).toBe("max-age=31536000");
    const plain = await new ApiClient(overHttp, server.url).get("/api/health", { "x-forwarded-for": "198.51.100.30" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const spoofed = await new ApiClient(overHttp, server.url).get("/api/health", {
      "x-forwarded-proto": "https, http",
      "x-forwarded-for": "198.51.100.30",
    });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
    const signUp = await new ApiClient(overHttp, server.url).post(
      "/api/auth/sign-up",
      { email: "secure-cookie@example.org", password: "correct horse battery", displayName: "Over TLS" },
      { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.31" },
    );
    expect(signUp.headers.getSetCookie()[0]).toMatch(/; Secure/);
  });
});

describe("a server started without --trust-proxy", () => {
  const backend = new TestBackend("pglite");
  let server: ServerProcess;
  beforeAll(async () => {
    const [args, env] = serverArgsFor(await backend.emptyDatabase());
    server = await spawnServer(args, env);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await backend.stop();
  });

  it("believes no forwarding header: no HSTS over plain http, whatever X-Forwarded-Proto says", async () => {
    const res = await new ApiClient(overHttp, server.url).get("/api/health", { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});
