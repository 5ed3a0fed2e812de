import type { Server } from "node:http";

/**
 * Closes an HTTP server without cutting a request in the middle: it stops taking connections,
 * lets idle keep-alive connections go, waits for the requests already being answered (at most
 * `graceMs`), and only then closes whatever is left. What the server answers next (the database,
 * the mail queue) may be closed once this resolves, so no request meets a closed database.
 *
 * A request is being answered until both its handler has settled (`answering`) and its response
 * has closed: a client that goes away mid-request closes the response at once, while the handler
 * goes on to the database, so the response alone does not say the work is done.
 */
export function trackRequests(): {
  /** Wraps a handler's answer, so a stop waits for it even when its client has gone. */
  answering<T>(answer: T | Promise<T>): Promise<T>;
  /** Counts the server's responses until each closes (a body still streaming after its handler). */
  watch(server: Server): void;
  close(server: Server, graceMs?: number): Promise<void>;
} {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const begin = () => void inFlight++;
  const end = () => {
    inFlight--;
    if (inFlight === 0) drained?.();
  };
  return {
    async answering(answer) {
      begin();
      try {
        return await answer;
      } finally {
        end();
      }
    },
    watch(server) {
      server.on("request", (_req, res) => {
        begin();
        res.once("close", end);
      });
    },
    async close(server, graceMs = 10_000) {
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
