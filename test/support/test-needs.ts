/**
 * What `npm test` needs from the machine beyond npm packages, and what to do when some of it is missing.
 * The decision is pure so it can be tested; `check-test-needs.ts` applies it to the real machine.
 */

/** One thing from outside npm that some tests cannot run without. */
export interface TestNeed {
  /** The Debian package that provides it. */
  readonly debianPackage: string;
  /** The file whose presence shows it is installed. */
  readonly file: string;
  /** Which tests need it, in words for the person running them. */
  readonly neededBy: string;
}

/** The browser, PostgreSQL and openssl the tests use, at the paths the tests read (overridable as they are). */
export function testNeeds(env: Record<string, string | undefined>): TestNeed[] {
  const pgBin = env.LIMBER_PG_BIN ?? "/usr/lib/postgresql/15/bin";
  return [
    { debianPackage: "chromium", file: env.CHROMIUM_PATH ?? "/usr/bin/chromium", neededBy: "the browser tests (e2e/)" },
    { debianPackage: "postgresql-15", file: `${pgBin}/initdb`, neededBy: "the PostgreSQL 15 tests" },
    { debianPackage: "postgresql-15", file: `${pgBin}/pg_ctl`, neededBy: "the PostgreSQL 15 tests" },
    { debianPackage: "openssl", file: "/usr/bin/openssl", neededBy: "the STARTTLS mail test (a certificate made for the run)" },
  ];
}

export type NeedsPlan =
  | { readonly kind: "ready" }
  | { readonly kind: "install"; readonly packages: readonly string[]; readonly message: string }
  | { readonly kind: "stop"; readonly packages: readonly string[]; readonly message: string };

export interface Machine {
  readonly isRoot: boolean;
  readonly hasAptGet: boolean;
}

/** Ready when nothing is missing; installs as root where apt-get exists; otherwise one message and a stop. */
export function planTestNeeds(missing: readonly TestNeed[], machine: Machine): NeedsPlan {
  if (missing.length === 0) return { kind: "ready" };
  const packages = [...new Set(missing.map((n) => n.debianPackage))];
  const why = [...new Set(missing.map((n) => `${n.debianPackage} for ${n.neededBy}`))].join(" and ");
  const install = `apt-get install -y --no-install-recommends ${packages.join(" ")}`;
  const command = `apt-get update && ${install}`;
  if (machine.isRoot && machine.hasAptGet)
    return { kind: "install", packages, message: `Installing Debian packages the tests need: ${why}. Running: ${command}` };
  const how = machine.hasAptGet
    ? `Install them with:\n\n  sudo apt-get update && sudo ${install}\n`
    : "Install them with your system's package manager.\n";
  return {
    kind: "stop",
    packages,
    message:
      `npm test needs ${packages.length === 1 ? "a package" : "packages"} this machine does not have: ${why}.\n${how}` +
      "Then run npm test again. (Set CHROMIUM_PATH or LIMBER_PG_BIN if they are installed somewhere else.)",
  };
}
