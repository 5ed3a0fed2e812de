import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { PROGRAM, VALID_BODIES } from "../support/valid-bodies.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

/** Requests that end the session they are sent with when they succeed (no fixation); sent only without one. */
const ENDS_OWN_SESSION = new Set(["POST /api/auth/sign-out", "POST /api/auth/sign-up", "POST /api/auth/sign-in"]);

const ascii = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: max });
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));

const PATH_TRICKS = [
  "..",
  "%2e%2e",
  "..%2f..%2f..%2fetc%2fpasswd",
  "%00",
  "%ff",
  "%",
  "%%41",
  "%c0%ae%c0%ae",
  "😀",
  "\u202e",
  "a".repeat(3000),
  "'%20or%201=1--",
  "$(id)",
  "%3Cscript%3E",
  "00000000-0000-0000-0000-000000000000",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "-1",
  "1e308",
  "NaN",
  ".",
  "%20",
  "x;y=z",
  "%0d%0aSet-Cookie:%20a=b",
];
const pathSegment = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PATH_TRICKS) },
  { weight: 1, arbitrary: anyText.map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 3, arbitrary: fc.constant(PROGRAM) },
);

const queryString = fc.oneof(
  fc.constant(""),
  fc
    .dictionary(fc.oneof(fc.constantFrom("from", "to", "today", "weeks", "day", "days", "sort", "limit"), anyText), anyText, { maxKeys: 4 })
    .map((d) => "?" + new URLSearchParams(d).toString()),
  fc.constantFrom(
    "?from=%zz",
    "?weeks=1e400",
    "?weeks=-0",
    "?today=2026-02-30",
    "?from[]=1&from[]=2",
    "?&&==&",
    "?today=9999-99-99",
    "?weeks=" + "9".repeat(400),
  ),
);

function deepNest(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** Bodies: random JSON, a valid body with one field replaced or removed, raw text, huge and deeply nested input. */
function bodyFor(routeKey: string) {
  const valid = VALID_BODIES[routeKey];
  const mutated =
    valid && typeof valid === "object"
      ? fc
          .tuple(
            fc.constantFrom(...Object.keys(valid as object)),
            fc.option(fc.oneof(fc.jsonValue(), anyText, fc.constant("x".repeat(100_000))), { nil: undefined }),
          )
          .map(([key, value]) => {
            const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
            if (value === undefined) delete copy[key];
            else copy[key] = value;
            return JSON.stringify(copy);
          })
      : fc.jsonValue().map((v) => JSON.stringify(v));
  return fc.oneof(
    { weight: 4, arbitrary: mutated },
    { weight: 3, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: anyText },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        deepNest(5_000),
        deepNest(200_000),
        '{"a":' + "1".repeat(10_000) + "}",
        '{"__proto__":{"admin":true}}',
        "\uFEFF{}",
        "x".repeat(1024 * 1024 + 10),
        "",
      ),
    },
  );
}

type HeaderCase = {
  signedIn: boolean;
  csrf: string;
  origin: string | undefined;
  contentType: string | undefined;
  cookieTrick: string | undefined;
};
type Fuzzed = {
  route: { method: string; path: string };
  wrongMethod: string | undefined;
  segments: string[];
  query: string;
  seed: number;
  asCoach: boolean;
};

const headerCase: fc.Arbitrary<HeaderCase> = fc.record({
  signedIn: fc.boolean(),
  csrf: fc.constantFrom("session", "absent", "wrong", "empty-ish"),
  origin: fc.constantFrom(undefined, "own", "http://evil.example", "null"),
  contentType: fc.constantFrom(
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/json; charset=utf-16",
    undefined,
  ),
  cookieTrick: fc.option(
    fc.oneof(
      ascii(200).map((s) => s.replace(/[;,]/g, "")),
      fc.constantFrom("limber_session=", "limber_session=%%%", "limber_session=a; limber_session=b", "limber_session=" + "A".repeat(8000)),
    ),
    { nil: undefined },
  ),
});

describe.each(BACKENDS)("every API endpoint under fuzzed requests on %s", (name) => {
  const suite = useTestApp(name);
  let user: ApiClient;
  let coach: ApiClient;
  const kept = sessionLog({ notes: "must survive the fuzzing" });
  let routes: { method: string; path: string }[];

  beforeAll(async () => {
    user = suite.t.client();
    await user.signUp();
    coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    expect((await user.post("/api/logs", kept)).status).toBe(201);
    routes = suite.t.app.routes
      .filter((r) => r.method !== "ALL" && r.path.startsWith("/api"))
      .map((r) => ({ method: r.method, path: r.path.replace(/\/$/, "") }));
    expect(routes.length).toBeGreaterThan(15);
  });

  it("refuses text and path values holding a NUL character, which PostgreSQL cannot store, with 400 naming the field instead of a 500 or a 404", async () => {
    const log = await user.post("/api/logs", sessionLog({ notes: "before\u0000after" }));
    expect(log.status).toBe(400);
    expect(log.body.problems).toEqual([{ path: "notes", message: "expected text without the NUL character (\\u0000)" }]);
    const signUp = await suite.t
      .client()
      .post("/api/auth/sign-up", { ...(VALID_BODIES["POST /api/auth/sign-up"] as object), displayName: "Eve\u0000" });
    expect(signUp.status).toBe(400);
    expect(signUp.body.problems[0].path).toBe("displayName");
    const program = await user.get("/api/programs/%00");
    expect([program.status, program.body.problems]).toEqual([
      400,
      [{ path: "id", message: "expected an address without the NUL character (%00)" }],
    ]);
    const progress = await user.get("/api/progress/a%00b");
    expect([progress.status, progress.body.problems]).toEqual([
      400,
      [{ path: "programId", message: "expected an address without the NUL character (%00)" }],
    ]);
    expect(suite.t.errors).toEqual([]);
  });

  /** Sends one fuzzed request and checks the answer is a success or a clear 4xx; tallies the status. */
  async function sendAndCheck(statuses: Map<number, number>, f: Fuzzed, headers: HeaderCase, as: ApiClient) {
    const key = `${f.route.method} ${f.route.path}`;
    const method = f.wrongMethod ?? f.route.method;
    let i = 0;
    const path = f.route.path.replace(/:[a-zA-Z]+/g, () => f.segments[i++ % f.segments.length]!) + f.query;
    const body = method === "GET" || method === "HEAD" ? undefined : fc.sample(bodyFor(key), { numRuns: 1, seed: f.seed })[0];
    const signedIn = headers.signedIn && !ENDS_OWN_SESSION.has(`${method} ${f.route.path}`);
    const h = new Headers();
    if (signedIn && as.cookie) h.set("cookie", as.cookie);
    if (headers.cookieTrick !== undefined) h.set("cookie", headers.cookieTrick);
    if (headers.csrf === "session") h.set("x-csrf-token", as.csrfToken ?? "x");
    if (headers.csrf === "wrong") h.set("x-csrf-token", "not-the-token");
    if (headers.csrf === "empty-ish") h.set("x-csrf-token", " ");
    if (headers.origin) h.set("origin", headers.origin === "own" ? "http://127.0.0.1" : headers.origin);
    if (headers.contentType && body !== undefined) h.set("content-type", headers.contentType);
    const res = await suite.t.app.request(new Request(`http://127.0.0.1${path}`, { method, headers: h, body }));
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const where = `${method} ${path.slice(0, 200)} body=${String(body).slice(0, 200)}`;
    expect(res.status, where).toBeLessThan(500);
    if (res.status >= 400 && method !== "HEAD") {
      expect(res.headers.get("content-type"), where).toMatch(/application\/json/);
      const answer = JSON.parse(text) as { error?: unknown; problems?: { path: unknown; message: unknown }[] };
      expect(typeof answer.error === "string" && answer.error.length > 0, where).toBe(true);
      if (res.status === 400) {
        expect(answer.problems?.length, where).toBeGreaterThan(0);
        for (const p of answer.problems!) expect(typeof p.path === "string" && typeof p.message === "string", where).toBe(true);
      }
    }
  }

  const fuzzed = () =>
    fc.record({
      route: fc.integer({ min: 0, max: 10_000 }).map((i) => routes[i % routes.length]!),
      wrongMethod: fc.option(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"), { nil: undefined, freq: 8 }),
      segments: fc.array(pathSegment, { minLength: 3, maxLength: 3 }),
      query: queryString,
      seed: fc.integer(),
      asCoach: fc.boolean(),
    });

  it("answers requests with hostile cookies, CSRF tokens, origins and content types with a clear 4xx or a success, never a 5xx", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fuzzed(), headerCase, async (f, headers) => sendAndCheck(statuses, f, headers, f.asCoach ? coach : user)),
      { numRuns: 300 },
    );
    expect(suite.t.errors).toEqual([]);
    expect((await user.get(`/api/logs/${kept.id}`)).body.notes).toBe("must survive the fuzzing");
  }, 120_000);

  it("answers well-formed, signed-in requests with fuzzed paths, queries and bodies with a clear 4xx or a success, never a 5xx, and loses nothing", async () => {
    const statuses = new Map<number, number>();
    const honest: HeaderCase = { signedIn: true, csrf: "session", origin: "own", contentType: "application/json", cookieTrick: undefined };
    await fc.assert(
      fc.asyncProperty(fuzzed(), async (f) => sendAndCheck(statuses, f, honest, f.asCoach ? coach : user)),
      { numRuns: 500 },
    );
    // The fuzzing reached the handlers' own checks, and some requests were valid enough to succeed.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(20);
    expect([...statuses].filter(([s]) => s < 300).reduce((n, [, k]) => n + k, 0)).toBeGreaterThan(20);
    expect(suite.t.errors).toEqual([]);
    expect((await user.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await coach.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await user.get(`/api/logs/${kept.id}`)).body.notes).toBe("must survive the fuzzing");
  }, 120_000);
});
