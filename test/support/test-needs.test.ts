import { describe, expect, it } from "vitest";
import { planTestNeeds, testNeeds } from "./test-needs.ts";

const needs = testNeeds({});
const chromium = needs.filter((n) => n.debianPackage === "chromium");
const postgres = needs.filter((n) => n.debianPackage === "postgresql-15");

describe("what npm test needs from the machine", () => {
  it("looks for Chromium, PostgreSQL 15 and openssl where the tests read them, or where the environment points", () => {
    expect(needs.map((n) => n.file)).toEqual([
      "/usr/bin/chromium",
      "/usr/lib/postgresql/15/bin/initdb",
      "/usr/lib/postgresql/15/bin/pg_ctl",
      "/usr/bin/openssl",
    ]);
    expect(testNeeds({ CHROMIUM_PATH: "/opt/c", LIMBER_PG_BIN: "/pg" }).map((n) => n.file)).toEqual([
      "/opt/c",
      "/pg/initdb",
      "/pg/pg_ctl",
      "/usr/bin/openssl",
    ]);
  });

  it("goes ahead when nothing is missing", () => {
    expect(planTestNeeds([], { isRoot: false, hasAptGet: false })).toEqual({ kind: "ready" });
  });

  it("installs each missing package once, as root where apt-get exists, and says why", () => {
    const plan = planTestNeeds([...chromium, ...postgres], { isRoot: true, hasAptGet: true });
    expect(plan).toEqual({
      kind: "install",
      packages: ["chromium", "postgresql-15"],
      message:
        "Installing Debian packages the tests need: chromium for the browser tests (e2e/) and postgresql-15 for the PostgreSQL 15 tests. " +
        "Running: apt-get update && apt-get install -y --no-install-recommends chromium postgresql-15",
    });
  });

  it("stops with the one command to run when not root", () => {
    const plan = planTestNeeds(postgres, { isRoot: false, hasAptGet: true });
    expect(plan.kind).toBe("stop");
    expect(plan.kind === "stop" && plan.packages).toEqual(["postgresql-15"]);
    expect(plan.kind === "stop" && plan.message).toBe(
      "npm test needs a package this machine does not have: postgresql-15 for the PostgreSQL 15 tests.\n" +
        "Install them with:\n\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql-15\n" +
        "Then run npm test again. (Set CHROMIUM_PATH or LIMBER_PG_BIN if they are installed somewhere else.)",
    );
  });

  it("stops, naming the packages, as root on a machine without apt-get", () => {
    const plan = planTestNeeds(chromium, { isRoot: true, hasAptGet: false });
    expect(plan.kind === "stop" && plan.message.split("\n")[0]).toBe(
      "npm test needs a package this machine does not have: chromium for the browser tests (e2e/).",
    );
  });
});
