import { issuePasswordReset, RESET_LIFETIME_MS, resetLinkFor } from "../server/auth/password-reset.ts";
import { databaseConfigFrom, openDatabase } from "../server/db/database.ts";
import { askRunningServer } from "../server/operator.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Command } from "./commands.ts";
import { count } from "../core/words.ts";

const USAGE = "limber reset-link <email> [--url ADDRESS] [--data DIR]";

type Outcome =
  { ok: true; token: string; expiresAt: string; displayName: string; email: string; serverUrl?: string } | { ok: false; problem: string };

/** Through the server running on this PGlite folder, if one is; otherwise straight to the database. */
async function issue(email: string, env: NodeJS.ProcessEnv, data: string | undefined): Promise<Outcome> {
  const config = databaseConfigFrom(env, data);
  if (config.kind === "pglite") {
    const answer = await askRunningServer(config.dataDir, "/reset-links", { email });
    if (answer) {
      if (answer.status === 201) return answer.body as unknown as Outcome;
      return { ok: false, problem: String(answer.body.error ?? `the running server answered ${answer.status}`) };
    }
  }
  const database = await openDatabase(config);
  try {
    const issued = await issuePasswordReset(database.db, email, new Date());
    return issued.ok ? { ...issued, expiresAt: issued.expiresAt.toISOString() } : issued;
  } finally {
    await database.close();
  }
}

/**
 * `limber reset-link <email>`: for the person who runs the server, to help someone who forgot
 * their password. Prints a link that sets a new password once, within 30 minutes.
 */
export const resetLinkCommand: Command = async (argv, io) => {
  const env = process.env;
  const args = parseArgs(argv, [], ["url", "data"]);
  if (args.positional.length !== 1) throw new UsageError(`expected one email address. Usage: ${USAGE}`);
  const email = args.positional[0]!;
  const url = (args.flags.get("url") as string | undefined) ?? (env.LIMBER_PUBLIC_URL || undefined);
  if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url))
    throw new UsageError(`--url must be the address people open Limber at, such as https://limber.example.org, got "${url}"`);
  const outcome = await issue(email, env, args.flags.get("data") as string | undefined);
  if (!outcome.ok) {
    io.err(`limber reset-link: ${outcome.problem}. No link was made.`);
    return 1;
  }
  const base = url ?? outcome.serverUrl ?? `http://localhost:${env.PORT ?? 8080}`;
  const minutes = Math.round(RESET_LIFETIME_MS / 60_000);
  io.out(
    [
      `Password reset link for ${outcome.displayName} <${outcome.email}>:`,
      "",
      `  ${resetLinkFor(base, outcome.token)}`,
      "",
      `It works once, until ${outcome.expiresAt} (${count(minutes, "minute")}). Any earlier link for this account no longer works.`,
      "Give it to the person yourself (in person, by phone or a message only they read): whoever opens it can set the password.",
      "Setting a new password signs the account out everywhere.",
      ...(url === undefined ? ["If people reach Limber at another address, make the link again with --url ADDRESS."] : []),
    ].join("\n"),
  );
  return 0;
};
