import { DatabaseDamaged, DataFolderRefused } from "../server/db/data-folder.ts";
import { DataFolderBusy } from "../server/db/data-lock.ts";
import { UsageError } from "./args.ts";
import { MailConfigError } from "../server/mail/mail-config.ts";
import { programCommand, programsCommand, timelineCommand, type Command } from "./commands.ts";
import { processIo, type Io } from "./output.ts";

const commands: Record<string, { run: () => Promise<Command>; help: string }> = {
  programs: { run: async () => programsCommand, help: "programs [--json]            list the built-in programs" },
  program: { run: async () => programCommand, help: "program <id|file> [--json]   show a program" },
  timeline: { run: async () => timelineCommand, help: "timeline <id|file> [--session N] [--json]   the timed steps of session N" },
  import: {
    run: async () => (await import("./import-command.ts")).importCommand,
    help: "import <file|-> [--json]     read a routine written in prose into a program",
  },
  run: {
    run: async () => (await import("./run-command.ts")).runCommand,
    help: "run <id|file> [--session N] [--silent]   guided session in the terminal",
  },
  serve: {
    run: async () => (await import("./serve-command.ts")).serveCommand,
    help: "serve [--port N] [--host H] [--data DIR]   the web app and JSON API",
  },
  start: {
    run: async () => (await import("./start-command.ts")).startCommand,
    help: "start [--port N] [--host H] [--data DIR]   build the web app if needed, then serve",
  },
  backup: {
    run: async () => (await import("./backup-command.ts")).backupCommand,
    help: "backup <file> [--data DIR]   write every table to a JSON file",
  },
  restore: {
    run: async () => (await import("./backup-command.ts")).restoreCommand,
    help: "restore <file> [--data DIR] [--force]   load a backup into an empty database",
  },
  check: {
    run: async () => (await import("./backup-command.ts")).checkCommand,
    help: "check [--data DIR]           read every table and index and report damage",
  },
  "reset-link": {
    run: async () => (await import("./reset-link-command.ts")).resetLinkCommand,
    help: "reset-link <email> [--url ADDRESS] [--data DIR]   a one-time link to set a forgotten password",
  },
};

const usage = () =>
  ["Usage: limber <command> [options]", "", "Commands:", ...Object.values(commands).map((c) => `  limber ${c.help}`)].join("\n");

/** Runs one CLI invocation and answers its exit code; usage errors are explained, never thrown. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = commands[name];
  if (!entry) {
    io.err(`limber: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (
      await entry.run()
    )(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`limber ${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof MailConfigError) {
      io.err(`limber ${name}: ${e.message}`);
      return 1;
    }
    if (e instanceof DataFolderBusy || e instanceof DataFolderRefused || e instanceof DatabaseDamaged) {
      io.err(`limber ${name}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
