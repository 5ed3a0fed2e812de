import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { INTEGER_MAX } from "../../src/core/bounds.ts";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";
import { PROGRAM, VALID_BODIES } from "../support/valid-bodies.ts";

const EDGE_INTEGERS = [
  0,
  -1,
  1,
  INTEGER_MAX,
  INTEGER_MAX + 1,
  -INTEGER_MAX - 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  0.5,
  2 ** 63,
];
const EDGE_DATES = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00Z",
  "0050-06-01T08:00:00+01:00",
  "1899-12-31T23:59:59Z",
  "1900-01-01T00:00:00+14:00",
  "2200-12-31T23:59:59-14:00",
  "2201-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-11-20T08:00:00+23:59",
  "2026-11-20T08:00:00-14:01",
  "2026-02-30T08:00:00Z",
  "0000-01-01",
  "1899-12-31",
  "2201-01-01",
  "9999-12-31",
];

/** Every path to a number or a date-like string inside a JSON value, as key lists. */
function edgeablePaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "number") return [at];
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.test(value) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => edgeablePaths(v, [...at, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => edgeablePaths(v, [...at, k]));
  return [];
}

function withValueAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = withValueAt(copy[head!], rest, replacement);
  return copy;
}

describe.each(BACKENDS)("numbers and dates at the edge on %s", (name) => {
  const suite = useTestApp(name);
  let person: ApiClient;
  let coach: ApiClient;
  let loner: ApiClient;
  let clientId: string;

  beforeAll(async () => {
    coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const code = (await coach.post("/api/invites", { label: "edge" })).body.code as string;
    person = suite.t.client();
    clientId = (await person.signUp()).account.id;
    expect((await person.post("/api/invites/accept", { code })).status).toBe(200);
    // Without a coach, a person sets their own plan.
    loner = suite.t.client();
    await loner.signUp();
  });

  it.each([INTEGER_MAX + 1, Number.MAX_SAFE_INTEGER])(
    "refuses programVersion %d with 400 naming it on logs and both prescriptions",
    async (version) => {
      const expected = [{ path: "programVersion", message: `expected a whole number from 1 to ${INTEGER_MAX}` }];
      const log = await person.post("/api/logs", sessionLog({ programVersion: version }));
      expect([log.status, log.body.problems]).toEqual([400, expected]);
      const own = await loner.put("/api/prescription", { ...(VALID_BODIES["PUT /api/prescription"] as object), programVersion: version });
      expect([own.status, own.body.problems]).toEqual([400, expected]);
      const given = await coach.put(`/api/clients/${clientId}/prescription`, {
        ...(VALID_BODIES["PUT /api/clients/:id/prescription"] as object),
        programVersion: version,
      });
      expect([given.status, given.body.problems]).toEqual([400, expected]);
    },
  );

  it.each([
    ["0000-01-01T00:00:00Z", "expected a year from 1900 to 2200"],
    ["0050-06-01T08:00:00+01:00", "expected a year from 1900 to 2200"],
    ["9999-12-31T23:59:59Z", "expected a year from 1900 to 2200"],
    ["2026-11-20T08:00:00+23:59", "expected a time-zone offset from -14:00 to +14:00"],
  ])("refuses a session started at %s with 400 naming startedAt", async (startedAt, message) => {
    const res = await person.post("/api/logs", sessionLog({ startedAt, endedAt: "2026-11-20T09:00:00+01:00" }));
    expect(res.status).toBe(400);
    expect(res.body.problems).toContainEqual({ path: "startedAt", message });
  });

  it("reads back the earliest and latest moments it accepts exactly", async () => {
    const earliest = sessionLog({ startedAt: "1900-01-01T00:00:00+14:00", endedAt: "1900-01-01T00:10:00+14:00" });
    const latest = sessionLog({ startedAt: "2200-12-31T23:50:00-14:00", endedAt: "2200-12-31T23:59:59-14:00" });
    for (const log of [earliest, latest]) expect((await person.post("/api/logs", log)).status).toBe(201);
    const back = async (id: string) => (await person.get(`/api/logs/${id}`)).body;
    expect([(await back(earliest.id)).startedAt, (await back(earliest.id)).endedAt]).toEqual([
      "1899-12-31T10:00:00.000Z",
      "1899-12-31T10:10:00.000Z",
    ]);
    expect([(await back(latest.id)).startedAt, (await back(latest.id)).endedAt]).toEqual([
      "2201-01-01T13:50:00.000Z",
      "2201-01-01T13:59:59.000Z",
    ]);
  });

  it("answers every route with edge integers and dates in any number or date field with a success or a 4xx, never a 5xx", async () => {
    const routes = Object.keys(VALID_BODIES).filter((k) => edgeablePaths(VALID_BODIES[k]).length > 0);
    expect(routes).toContain("POST /api/logs");
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.integer({ min: 0, max: 1000 }),
        fc.oneof(fc.constantFrom<unknown>(...EDGE_INTEGERS, ...EDGE_DATES), fc.integer(), fc.double({ noNaN: true })),
        async (key, pick, edge) => {
          const valid = key === "POST /api/logs" ? sessionLog() : VALID_BODIES[key];
          const paths = edgeablePaths(valid);
          const body = withValueAt(valid, paths[pick % paths.length]!, edge);
          const [method, template] = key.split(" ") as [string, string];
          const path = template.replace(":id", clientId).replace(":programId", PROGRAM).replace(":id", "fuzzed-program");
          const as =
            key.includes("/clients/") || key.includes("/programs") || key.includes("/invites") || key.includes("/organisation")
              ? coach
              : key === "PUT /api/prescription"
                ? loner
                : person;
          const res = await as.request(method, path, body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${key} ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
          if (res.status === 400) expect(res.body.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(suite.t.errors).toEqual([]);
  }, 120_000);
});
