import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";
import { PROGRAM, VALID_BODIES } from "../support/valid-bodies.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

// accounts.test.ts shows the CSRF rules on one endpoint each; this applies them to every
// state-changing route the app has, and checks that a refused request changed nothing at all.
describe.each(BACKENDS)("CSRF on every state-changing endpoint on %s", (name) => {
  const suite = useTestApp(name);
  let coach: ApiClient;
  let other: ApiClient;
  let writes: { method: string; path: string; key: string }[];

  /** Every row of every table, to compare before and after. */
  async function everything(): Promise<string> {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(
      suite.t.database.db,
    );
    const out: unknown[] = [];
    for (const { table_name } of tables.rows)
      out.push(table_name, (await sql.raw(`select * from "${table_name}" order by 1`).execute(suite.t.database.db)).rows);
    return JSON.stringify(out);
  }

  beforeAll(async () => {
    coach = suite.t.client();
    const { account } = await coach.signUp({ role: "coach" });
    other = suite.t.client();
    await other.signUp();
    writes = suite.t.app.routes
      .filter((r) => r.path.startsWith("/api") && r.method !== "ALL" && !SAFE.has(r.method))
      .map((r) => {
        const path = r.path.replace(/\/$/, "");
        return {
          method: r.method,
          key: `${r.method} ${path}`,
          path: path.replace(":programId", PROGRAM).replace(":id", path.startsWith("/api/programs") ? PROGRAM : account.id),
        };
      });
    expect(writes.length).toBeGreaterThan(15);
  });

  it("refuses each without the X-CSRF-Token header, with another session's token, and from another site's origin, with 403 and nothing changed", async () => {
    const before = await everything();
    const cases: [string, Record<string, string>][] = [
      ["no token", { "x-csrf-token": "" }],
      ["another session's token", { "x-csrf-token": other.csrfToken! }],
      ["a foreign origin with the right token", { "x-csrf-token": coach.csrfToken!, origin: "http://evil.example" }],
      ["the null origin with the right token", { "x-csrf-token": coach.csrfToken!, origin: "null" }],
      ["the same host on another scheme", { "x-csrf-token": coach.csrfToken!, origin: "https://127.0.0.1" }],
    ];
    for (const { method, path, key } of writes) {
      for (const [what, headers] of cases) {
        const h = new Headers(headers);
        if (!h.get("x-csrf-token")) h.delete("x-csrf-token");
        h.set("cookie", coach.cookie!);
        h.set("content-type", "application/json");
        const body = VALID_BODIES[key] === undefined ? undefined : JSON.stringify(VALID_BODIES[key]);
        const res = await suite.t.app.request(new Request(`http://127.0.0.1${path}`, { method, headers: h, body }));
        expect(res.status, `${key}: ${what}`).toBe(403);
        expect((await res.json()).error, `${key}: ${what}`).toMatch(
          /^This request('s x-csrf-token header does not match your session| has no x-csrf-token header| came from another site, so it was refused)\. /,
        );
      }
    }
    expect(await everything()).toBe(before);
    expect(suite.t.errors).toEqual([]);
  });

  it("does not accept a session's token in place of the session cookie", async () => {
    const res = await suite.t.client().post("/api/logs", {}, { "x-csrf-token": coach.csrfToken! });
    expect(res.status).toBe(401);
  });
});
