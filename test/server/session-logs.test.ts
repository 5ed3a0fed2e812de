import { describe, expect, it } from "vitest";
import { builtInProgram } from "../../content/index.ts";
import { progressAfter } from "../../src/core/progress.ts";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const program = builtInProgram(PROGRAM)!;

describe.each(BACKENDS)("session logs and progress on %s", (name) => {
  const suite = useTestApp(name);

  it("stores a session log with everything the device sent and gives it back", async () => {
    const c = suite.t.client();
    await c.signUp();
    const log = sessionLog({ notes: "calf felt tight", painBefore: 7, painAfter: 5, completed: false, stepsDone: 12 });
    expect((await c.post("/api/logs", log)).status).toBe(201);
    const back = await c.get(`/api/logs/${log.id}`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      ...log,
      startedAt: "2026-11-20T07:00:00.000Z",
      endedAt: "2026-11-20T07:12:00.000Z",
      localDay: "2026-11-20",
    });
    expect(back.body.receivedAt).toBe("2026-11-25T09:00:00.000Z");
  });

  it("stores a log sent twice exactly once and says the second was already kept", async () => {
    const c = suite.t.client();
    await c.signUp();
    const log = sessionLog();
    expect((await c.post("/api/logs", log)).body).toEqual({ id: log.id, stored: true });
    const again = await c.post("/api/logs", log);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: log.id, stored: false });
    expect((await c.get("/api/logs")).body.logs).toHaveLength(1);
  });

  it("stores a log replayed many times at once exactly once and advances progress once", async () => {
    const c = suite.t.client();
    await c.signUp();
    const log = sessionLog();
    const results = await Promise.all(Array.from({ length: 8 }, () => c.post("/api/logs", log)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(1);
    expect((await c.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(1);
  });

  it("refuses a log whose id another user already owns, and leaves theirs untouched", async () => {
    const alice = suite.t.client();
    await alice.signUp();
    const bob = suite.t.client();
    await bob.signUp();
    const log = sessionLog({ notes: "alice's" });
    await alice.post("/api/logs", log);
    const res = await bob.post("/api/logs", { ...log, notes: "bob's" });
    expect(res.status).toBe(409);
    expect((await alice.get(`/api/logs/${log.id}`)).body.notes).toBe("alice's");
    expect((await bob.get("/api/logs")).body.logs).toEqual([]);
  });

  it("answers 400 naming each bad field of a log, and keeps what was saved before", async () => {
    const c = suite.t.client();
    await c.signUp();
    const good = sessionLog();
    await c.post("/api/logs", good);
    const res = await c.post("/api/logs", { ...sessionLog(), id: "not-a-uuid", painAfter: 11, holds: [{ exerciseId: "" }] });
    expect(res.status).toBe(400);
    const paths = res.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["id", "painAfter", "holds[0].exerciseId"]));
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    expect((await c.get("/api/logs")).body.logs.map((l: { id: string }) => l.id)).toEqual([good.id]);
  });

  it("answers 400 for a body that is not JSON", async () => {
    const c = suite.t.client();
    await c.signUp();
    const res = await c.post("/api/logs", "{not json");
    expect(res.status).toBe(400);
    expect(res.body.problems[0]).toEqual({ path: "(root)", message: "expected a JSON body" });
  });

  it("moves progress on by each completed, comfortable session, as advanceProgress does", async () => {
    const c = suite.t.client();
    await c.signUp();
    for (let i = 0; i < 3; i++) await c.post("/api/logs", sessionLog({ painBefore: 5, painAfter: 4 }));
    expect((await c.get(`/api/progress/${PROGRAM}`)).body).toEqual(progressAfter(program, 3));
  });

  it("does not move progress on for an abandoned session or one that left pain higher", async () => {
    const c = suite.t.client();
    await c.signUp();
    await c.post("/api/logs", sessionLog({ completed: false, stepsDone: 3 }));
    await c.post("/api/logs", sessionLog({ painBefore: 3, painAfter: 6 }));
    expect((await c.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(0);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(2);
  });

  it("keeps a log for a program the server does not know, without progress", async () => {
    const c = suite.t.client();
    await c.signUp();
    expect((await c.post("/api/logs", sessionLog({ programId: "someone-elses-routine" }))).status).toBe(201);
    expect((await c.get("/api/progress/someone-elses-routine")).status).toBe(404);
  });

  it("follows the user to another device: progress made on the phone shows on the laptop", async () => {
    const phone = suite.t.client();
    const { email } = await phone.signUp();
    await phone.post("/api/logs", sessionLog());
    const laptop = suite.t.client();
    await laptop.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    expect((await laptop.get(`/api/progress/${PROGRAM}`)).body).toEqual(progressAfter(program, 1));
  });

  it("sets one hold by hand and pins it, then progression leaves it there", async () => {
    const c = suite.t.client();
    await c.signUp();
    const set = await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 45 });
    expect(set.status).toBe(200);
    expect(set.body.exercises["wall-calf-stretch"]).toMatchObject({ holds: { calf: 45 }, pinned: ["calf"] });
    await c.post("/api/logs", sessionLog());
    const after = (await c.get(`/api/progress/${PROGRAM}`)).body;
    expect(after.exercises["wall-calf-stretch"].holds.calf).toBe(45);
    expect(after.exercises["strap-eversion-inversion"].holds.eversion).toBe(12);
    const unpinned = await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: null });
    expect(unpinned.body.exercises["wall-calf-stretch"].pinned).toEqual([]);
  });

  it("answers 400 for a hold on an exercise or phase the program does not have, or out of range", async () => {
    const c = suite.t.client();
    await c.signUp();
    const ex = await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "nope", phaseId: "calf", seconds: 30 });
    expect(ex.status).toBe(400);
    expect(ex.body.problems[0].path).toBe("exerciseId");
    const ph = await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "nope", seconds: 30 });
    expect(ph.body.problems[0]).toMatchObject({ path: "phaseId", message: "expected one of: calf" });
    const range = await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 4 });
    expect(range.status).toBe(400);
    expect(range.body.problems[0].path).toBe("seconds");
  });

  it("lists only the logs between two local days when asked", async () => {
    const c = suite.t.client();
    await c.signUp();
    for (const day of ["2026-11-01", "2026-11-10", "2026-11-20"]) {
      await c.post("/api/logs", sessionLog({ startedAt: `${day}T23:30:00-05:00`, endedAt: `${day}T23:45:00-05:00` }));
    }
    const res = await c.get("/api/logs?from=2026-11-05&to=2026-11-15");
    expect(res.body.logs.map((l: { localDay: string }) => l.localDay)).toEqual(["2026-11-10"]);
    expect((await c.get("/api/logs?from=yesterday")).status).toBe(400);
  });
});
