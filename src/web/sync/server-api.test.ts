import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, NetworkError } from "./server-api.ts";

describe("callApi", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    // A real server on loopback that answers a cut-off JSON body: a broken answer, not a network failure.
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"clients": [');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("rejects with a NetworkError when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = await callApi("GET", `http://127.0.0.1:${port}/api/auth/me`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as NetworkError).message).toBe("the Limber server could not be reached");
  });

  it("rejects with the real error, not a NetworkError, when an answer cannot be read", async () => {
    const failure = await callApi("GET", `${base}/api/clients`).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyntaxError);
    expect(failure).not.toBeInstanceOf(NetworkError);
  });
});
