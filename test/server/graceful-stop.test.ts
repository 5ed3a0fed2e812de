import { request } from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

/**
 * Starts POST /api/logs with the headers and the first half of the body sent, and answers with
 * a function that sends the rest and waits for the answer.
 */
function halfSentLog(url: string, cookie: string, csrf: string, log: object): () => Promise<{ status: number; body: string }> {
  const body = Buffer.from(JSON.stringify(log));
  let answered: (a: { status: number; body: string }) => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => ((answered = resolve), (failed = reject)));
  const req = request(
    `${url}/api/logs`,
    {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": body.length, cookie, "x-csrf-token": csrf, origin: url },
    },
    (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => answered({ status: res.statusCode!, body: text }));
    },
  );
  req.on("error", failed);
  req.write(body.subarray(0, body.length >> 1));
  return () => {
    req.end(body.subarray(body.length >> 1));
    return answer;
  };
}

describe("stopping the server while it answers a request", () => {
  let dir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-stop-"));
    server = await spawnServer(["--data", join(dir, "data")]);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("finishes that request and stores its log before closing the database, then exits 0", async () => {
    const client = new ApiClient(overHttp, server.url);
    await client.signUp();
    const log = sessionLog({ notes: "sent as the server was told to stop" });
    const finish = halfSentLog(server.url, client.cookie!, client.csrfToken!, log);
    // The server has the request once it has read its headers; give it a moment to.
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    server.child.kill("SIGTERM");
    await expect.poll(() => server.output()).toMatch(/SIGTERM received, closing/);
    const answer = await finish();
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toEqual({ id: log.id, stored: true });
    expect(await exited).toBe(0);
    expect(server.output()).not.toMatch(/destroyed|Internal Server Error|\b500\b/);

    // The log was stored: a server started again on the same folder has it.
    server = await spawnServer(["--data", join(dir, "data")]);
    const again = new ApiClient(overHttp, server.url);
    again.cookie = client.cookie;
    again.csrfToken = client.csrfToken;
    expect((await again.get(`/api/logs/${log.id}`)).body.notes).toBe("sent as the server was told to stop");
  });
});
