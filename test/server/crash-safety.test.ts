import { afterAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

function serverArgs(config: Awaited<ReturnType<TestBackend["emptyDatabase"]>>): [string[], NodeJS.ProcessEnv] {
  return config.kind === "pglite" ? [["--data", config.dataDir], {}] : [[], { DATABASE_URL: config.url }];
}

describe.each(BACKENDS)("crash safety on %s", (name) => {
  const backend = new TestBackend(name);
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await backend.stop();
  });

  it("keeps every acknowledged session log when the server is killed with SIGKILL mid-stream, and a retry stores the rest once", async () => {
    const config = await backend.emptyDatabase();
    const [args, env] = serverArgs(config);
    const first = await spawnServer(args, env);
    servers.push(first);
    const signUp = new ApiClient(overHttp, first.url);
    await signUp.signUp();

    const acknowledged = new Set<string>();
    const sent: string[] = [];
    const exited = new Promise<void>((resolve) => first.child.once("exit", () => resolve()));
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const log = sessionLog();
        sent.push(log.id);
        const c = new ApiClient(overHttp, first.url);
        c.cookie = signUp.cookie;
        c.csrfToken = signUp.csrfToken;
        try {
          const res = await c.post("/api/logs", log);
          if (res.status === 201) acknowledged.add(log.id);
          else throw new Error(`unexpected ${res.status} ${res.text}`);
        } catch (e) {
          if (!killed) throw e;
        }
        if (acknowledged.size >= 150 && !killed) {
          killed = true;
          first.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    await exited;
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    const second = await spawnServer(args, env);
    servers.push(second);
    const c = new ApiClient(overHttp, second.url);
    c.cookie = signUp.cookie;
    c.csrfToken = signUp.csrfToken;
    const stored = new Set<string>((await c.get("/api/logs")).body.logs.map((l: { id: string }) => l.id));
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);

    // The client retries whatever it never saw acknowledged; each ends up stored exactly once.
    for (const id of sent.filter((i) => !acknowledged.has(i))) {
      const res = await c.post("/api/logs", sessionLog({ id }));
      expect([200, 201]).toContain(res.status);
    }
    const after = (await c.get("/api/logs")).body.logs.map((l: { id: string }) => l.id);
    expect(after.length).toBe(sent.length);
    expect(new Set(after).size).toBe(sent.length);
    expect((await c.get("/api/progress/foot-stretches-for-lower-back-pain")).body.sessionsProgressed).toBe(sent.length);
  }, 180_000);
});
