/** A parsed command line: positional words and --flags (boolean or with a value). */
export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/**
 * Parses argv against the flags a command accepts. `valued` flags take the next word (or
 * `--flag=value`); unknown flags are a usage error naming the flag.
 */
export function parseArgs(argv: string[], boolean: string[], valued: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith("--") || word === "--") {
      positional.push(word);
      continue;
    }
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (boolean.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (valued.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else {
      const known = [...boolean, ...valued].map((f) => `--${f}`).join(", ") || "none";
      throw new UsageError(`unknown option --${name} (this command accepts: ${known})`);
    }
  }
  return { positional, flags };
}

/** Reads a whole-number flag, naming the flag and the expected range when it is wrong. */
export function intFlag(args: Args, name: string, fallback: number, min: number, max: number): number {
  const raw = args.flags.get(name);
  if (raw === undefined) return fallback;
  if (raw === true || !/^\d+$/.test(raw))
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${n}`);
  return n;
}
