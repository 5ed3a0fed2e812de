import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

/** Replaces one character of a token with another from its alphabet. */
const nearMiss = (token: string, at: number) => token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);

// coach-authorisation.test.ts shows a feed answers only to its exact token; this tries to guess one.
describe.each(BACKENDS)("guessing secret addresses and codes on %s", (name) => {
  const suite = useTestApp(name);
  let person: ApiClient;
  let token: string;

  beforeAll(async () => {
    person = suite.t.client();
    await person.signUp();
    const feed = await person.post("/api/calendar-feed");
    expect(feed.status).toBe(201);
    token = /\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.body.path)![1]!;
    expect((await suite.t.client().get(`/api/calendar/${token}.ics`)).status).toBe(200);
  });

  it("gives calendar tokens 256 random bits and keeps only their hash", async () => {
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const dump = JSON.stringify((await sql.raw("select * from calendar_feeds").execute(suite.t.database.db)).rows);
    expect(dump).not.toContain(token);
  });

  it("answers every guessed, near-miss or differently cased calendar address the same 404, with nothing about any feed", async () => {
    const guesses = [
      ...Array.from({ length: 300 }, () => randomBytes(32).toString("base64url")),
      ...Array.from({ length: 43 }, (_, i) => nearMiss(token, i)),
      token.toUpperCase(),
      token.toLowerCase(),
    ].filter((g) => g !== token);
    const answers = new Set<string>();
    for (const g of guesses) {
      const res = await suite.t.client().get(`/api/calendar/${g}.ics`);
      answers.add(`${res.status} ${res.text}`);
    }
    expect([...answers]).toEqual([
      '404 {"error":"There is no calendar at this address; it may have been turned off or replaced. Copy the new address from My plan."}',
    ]);
  });

  it("stops answering a replaced or turned-off address at once", async () => {
    const replaced = await person.post("/api/calendar-feed");
    const fresh = replaced.body.path as string;
    expect((await suite.t.client().get(`/api/calendar/${token}.ics`)).status).toBe(404);
    expect((await suite.t.client().get(fresh)).status).toBe(200);
    expect((await person.delete("/api/calendar-feed")).status).toBe(204);
    expect((await suite.t.client().get(fresh)).status).toBe(404);
  });

  it("answers guessed invite codes 404 and keeps only the hash of real ones", async () => {
    const coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const code = (await coach.post("/api/invites", { label: "guess me" })).body.code as string;
    const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const someone = suite.t.client();
    await someone.signUp();
    for (let i = 0; i < 100; i++) {
      const guess = Array.from({ length: 5 }, () => Array.from(randomBytes(4), (b) => alphabet[b % alphabet.length]).join("")).join("-");
      if (guess === code) continue;
      expect((await someone.post("/api/invites/accept", { code: guess })).status).toBe(404);
    }
    const dump = JSON.stringify((await sql.raw("select * from invites").execute(suite.t.database.db)).rows);
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(code.replace(/-/g, ""));
  });
});
