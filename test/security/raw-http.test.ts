import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { TestBackend } from "../support/backends.ts";

/** Writes raw bytes to the server and answers whatever comes back before it closes or 3 s pass. */
function raw(port: number, ...chunks: (string | Buffer)[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    const timer = setTimeout(() => (socket.destroy(), resolve(answer)), 3000);
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("close", () => (clearTimeout(timer), resolve(answer)));
    socket.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve(answer) : reject(e)));
    socket.on("connect", () => {
      for (const c of chunks) socket.write(c);
    });
  });
}
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

describe("malformed HTTP on a real socket", () => {
  const backend = new TestBackend("pglite");
  let server: RunningServer;
  let person: ApiClient;
  const kept = sessionLog({ notes: "kept through malformed requests" });

  beforeAll(async () => {
    server = await startServer({ database: await backend.emptyDatabase(), host: "127.0.0.1", port: 0 });
    person = new ApiClient(overHttp, server.url);
    await person.signUp();
    await person.post("/api/logs", kept);
  });
  afterAll(async () => {
    await server?.close();
    await backend.stop();
  });

  it("answers broken request lines, oversized headers, bad chunking and lying lengths with a 4xx or a closed connection, and goes on serving", async () => {
    const auth = `Cookie: ${person.cookie}\r\nX-CSRF-Token: ${person.csrfToken}\r\n`;
    const cases: [string, (string | Buffer)[]][] = [
      ["garbage request line", ["\x00\x01\x02 NOT HTTP\r\n\r\n"]],
      ["no path", ["GET\r\n\r\n"]],
      ["unknown HTTP version", ["GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n"]],
      ["header without a colon", ["GET /api/health HTTP/1.1\r\nHost: x\r\nbroken header line\r\n\r\n"]],
      ["64 KiB header", [`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`]],
      ["control bytes in a header", ["GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\n\r\n"]],
      [
        "bad chunk size",
        [
          `POST /api/logs HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
        ],
      ],
      [
        "both length and chunked",
        [`POST /api/logs HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
      ],
      [
        "length larger than the body sent",
        [
          `POST /api/logs HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{"id":`,
        ],
      ],
      ["negative length", [`POST /api/logs HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: -1\r\n\r\n`]],
      [
        "2 MiB chunked body without a length",
        [
          `POST /api/logs HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
          ...Array.from({ length: 32 }, () => `10000\r\n${"a".repeat(0x10000)}\r\n`),
          "0\r\n\r\n",
        ],
      ],
    ];
    for (const [what, chunks] of cases) {
      const answer = await raw(server.port, ...chunks);
      const status = statusOf(answer);
      expect(status === 0 || (status >= 400 && status < 500), `${what}: ${answer.slice(0, 200)}`).toBe(true);
      expect((await fetch(`${server.url}/api/health`)).status, `serving after: ${what}`).toBe(200);
    }
    expect((await person.get(`/api/logs/${kept.id}`)).body.notes).toBe("kept through malformed requests");
  }, 60_000);

  it("refuses a chunked body over 1 MiB with 413 and stores nothing of it", async () => {
    const before = (await person.get("/api/logs")).body.logs.length;
    const big = JSON.stringify(sessionLog({ notes: "x".repeat(2 * 1024 * 1024) }));
    const chunks = [
      `POST /api/logs HTTP/1.1\r\nHost: x\r\nCookie: ${person.cookie}\r\nX-CSRF-Token: ${person.csrfToken}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    ];
    for (let i = 0; i < big.length; i += 0x8000) {
      const part = big.slice(i, i + 0x8000);
      chunks.push(`${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`);
    }
    chunks.push("0\r\n\r\n");
    const answer = await raw(server.port, ...chunks);
    expect(statusOf(answer)).toBe(413);
    expect((await person.get("/api/logs")).body.logs.length).toBe(before);
  });
});
