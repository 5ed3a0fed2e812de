import { chmod, unlink } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { join, resolve } from "node:path";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { z } from "zod";
import { issuePasswordReset } from "./auth/password-reset.ts";
import type { ServerDeps } from "./context.ts";

/**
 * The operator's door into a running server on PGlite. PGlite lets one process at a time open its
 * folder, so the `limber` commands that change data while a server runs ask it through this Unix
 * socket inside the data folder. The folder is private to its owner (mode 0700) and the socket is
 * 0600: whoever can connect can already read every file of the database.
 */
export const OPERATOR_SOCKET = "operator.sock";
/** Unix socket paths are limited to about 107 bytes; longer folders get no operator socket. */
const MAX_SOCKET_PATH = 100;

const ResetLinkRequest = z.object({ email: z.string().min(1).max(254) });

export function operatorApp(deps: ServerDeps, serverUrl: string) {
  return new Hono().post("/reset-links", async (c) => {
    let parsed;
    try {
      parsed = ResetLinkRequest.safeParse(await c.req.json());
    } catch {
      return c.json({ error: "expected a JSON body" }, 400);
    }
    if (!parsed.success) return c.json({ error: 'expected {"email": "..."}' }, 400);
    const issued = await issuePasswordReset(deps.db, parsed.data.email, deps.clock.now());
    if (!issued.ok) return c.json({ error: issued.problem }, 409);
    return c.json({ ...issued, expiresAt: issued.expiresAt.toISOString(), serverUrl }, 201);
  });
}

export function operatorSocketPath(dataDir: string): string {
  return join(resolve(dataDir), OPERATOR_SOCKET);
}

/** Listens on the data folder's operator socket; answers why not when the path is too long. */
export async function listenForOperator(
  dataDir: string,
  deps: ServerDeps,
  serverUrl: string,
): Promise<{ close(): Promise<void> } | { skipped: string }> {
  const path = operatorSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return { skipped: `the path ${path} is too long for a Unix socket` };
  // This process holds the folder's lock, so a socket file here is left from a process that died.
  await unlink(path).catch(() => undefined);
  const app = operatorApp(deps, serverUrl);
  const server: Server = createServer(getRequestListener(app.fetch));
  try {
    await new Promise<void>((done, fail) => {
      server.once("error", fail);
      server.listen(path, () => done());
    });
    await chmod(path, 0o600);
  } catch (e) {
    server.close();
    return { skipped: `could not listen on ${path}: ${(e as Error).message}` };
  }
  return {
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await unlink(path).catch(() => undefined);
    },
  };
}

/**
 * Sends one request to the server running on this data folder. Answers undefined when no server
 * listens there (no socket, or one left by a process that died), so the caller opens the folder itself.
 */
export async function askRunningServer(
  dataDir: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  const socketPath = operatorSocketPath(dataDir);
  const payload = JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = request(
      { socketPath, path, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => {
          try {
            done({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> });
          } catch {
            fail(new Error(`the running server answered ${res.statusCode} with something that is not JSON`));
          }
        });
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "ENOENT" || e.code === "ECONNREFUSED" ? done(undefined) : fail(e)));
    req.end(payload);
  });
}
