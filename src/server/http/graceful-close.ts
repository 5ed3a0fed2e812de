import type { Server } from "node:http";

/**
 * Closes an HTTP server without cutting a request in the middle: it stops taking connections,
 * lets idle keep-alive connections go, waits for the requests already being answered (at most
 * `graceMs`), and only then closes whatever is left. What the server answers next (the database,
 * the mail queue) may be closed once this resolves, so no request meets a closed database.
 */
export function trackRequests(server: Server): { close(graceMs?: number): Promise<void> } {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.on("request", (_req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  return {
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
        ]);
        clearTimeout(timer);
      }
      // Answered connections kept alive, or requests past the grace period.
      server.closeAllConnections();
      await closed;
    },
  };
}
