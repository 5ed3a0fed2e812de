import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { trackRequests } from "./graceful-close.ts";

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe("closing the HTTP server gracefully", () => {
  let server: Server | undefined;
  afterEach(() => server?.closeAllConnections());

  it("waits for a handler still at work after its client went away, so what it uses is closed only after it", async () => {
    const requests = trackRequests();
    const events: string[] = [];
    let finish: () => void = () => undefined;
    const work = new Promise<void>((resolve) => (finish = resolve));
    let responseClosed: () => void = () => undefined;
    const clientGone = new Promise<void>((resolve) => (responseClosed = resolve));
    server = createServer((_req, res) => {
      res.once("close", responseClosed);
      void requests.answering(work.then(() => events.push("handler done"))).then(() => res.end());
    });
    requests.watch(server);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    // The client sends a request, then goes away before the answer (as a phone that loses its signal).
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/logs" });
    req.on("error", () => undefined);
    req.end("{}");
    await new Promise((r) => server!.once("request", r));
    req.destroy();
    await clientGone;

    const closing = requests.close(server).then(() => events.push("closed"));
    await turns(20);
    expect(events).toEqual([]);
    finish();
    await closing;
    expect(events).toEqual(["handler done", "closed"]);
  });

  it("closes at once when nothing is being answered", async () => {
    const requests = trackRequests();
    server = createServer((_req, res) => void requests.answering("ok").then((t) => res.end(t)));
    requests.watch(server);
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const text = await new Promise<string>((resolve, reject) =>
      request({ host: "127.0.0.1", port, path: "/" }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve(body));
      })
        .on("error", reject)
        .end(),
    );
    expect(text).toBe("ok");
    await requests.close(server, 60_000);
    expect(server.listening).toBe(false);
  });
});
