import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";
import { PROGRAM } from "../support/valid-bodies.ts";

const UNKNOWN = [404, "This invite code is not known. Check it with your coach."];

describe.each(BACKENDS)("invites of a coach who deleted their account on %s", (name) => {
  const suite = useTestApp(name);

  /** A coach with an unused invite who then deletes their account, after `before` (what keeps the practice). */
  async function coachWhoLeaves(before: (coach: ApiClient, code: () => Promise<string>) => Promise<void>) {
    const coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const invite = async () => (await coach.post("/api/invites", { label: "for the waiting room" })).body.code as string;
    await before(coach, invite);
    const code = await invite();
    expect((await coach.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    return code;
  }

  /** Someone new tries the code: it is unknown when looked at and when used, and they stay in their own organisation. */
  async function triedByANewClient(code: string) {
    const client = suite.t.client();
    const { account } = await client.signUp();
    const preview = await client.post("/api/invites/preview", { code });
    expect([preview.status, preview.body.error]).toEqual(UNKNOWN);
    const joined = await client.post("/api/invites/accept", { code });
    expect([joined.status, joined.body.error]).toEqual(UNKNOWN);
    expect((await client.get("/api/auth/me")).body.account.organisationId).toBe(account.organisationId);
  }

  it("lead nowhere when the practice went with the coach (no clients, no programs of its own)", async () => {
    await triedByANewClient(await coachWhoLeaves(async () => undefined));
  });

  it("lead nowhere when the practice outlives the coach because a client is still in it", async () => {
    let stayer: ApiClient | undefined;
    const code = await coachWhoLeaves(async (_coach, invite) => {
      stayer = suite.t.client();
      await stayer.signUp();
      expect((await stayer.post("/api/invites/accept", { code: await invite() })).status).toBe(200);
    });
    await triedByANewClient(code);
    // The client already there keeps their own data, in a practice nobody can join any more.
    expect((await stayer!.get("/api/auth/me")).status).toBe(200);
  });

  it("lead nowhere when the practice outlives the coach because it owns a program the coach wrote", async () => {
    const code = await coachWhoLeaves(async (coach) => {
      const builtIn = (await coach.get(`/api/programs/${PROGRAM}`)).body;
      expect((await coach.post("/api/programs", { ...builtIn, title: "Our own foot stretches" })).status).toBe(201);
    });
    await triedByANewClient(code);
  });
});
