import { describe, expect, it } from "vitest";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

describe.each(BACKENDS)("invites of a coach who deleted their account on %s", (name) => {
  const suite = useTestApp(name);

  it("lead nowhere: a client cannot join the practice left without a coach, and stays in their own", async () => {
    const coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const code = (await coach.post("/api/invites", { label: "before leaving" })).body.code as string;
    expect((await coach.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    const client = suite.t.client();
    const { account } = await client.signUp();
    const joined = await client.post("/api/invites/accept", { code });
    expect([joined.status, joined.body.error]).toEqual([404, "this invite code is not known; check it with your coach"]);
    expect((await client.get("/api/auth/me")).body.account.organisationId).toBe(account.organisationId);
  });
});
