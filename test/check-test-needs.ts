/**
 * Run first by `npm test`: makes sure Chromium and PostgreSQL 15 are there before any test starts, installing
 * them as root with apt-get, or stopping with one message that says what to install.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { planTestNeeds, testNeeds, type TestNeed } from "./support/test-needs.ts";

function present(need: TestNeed): boolean {
  try {
    accessSync(need.file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const missing = () => testNeeds(process.env).filter((n) => !present(n));
const hasAptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
const plan = planTestNeeds(missing(), { isRoot: process.getuid?.() === 0, hasAptGet });

if (plan.kind === "stop") {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === "install") {
  console.log(plan.message);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const run = (args: string[]) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status === 0;
  if (!run(["update", "-qq"]) || !run(["install", "-y", "-qq", "--no-install-recommends", ...plan.packages])) {
    console.error(`apt-get could not install ${plan.packages.join(" ")}; see its message above.`);
    process.exit(1);
  }
  const still = missing();
  if (still.length > 0) {
    console.error(`After installing, still missing: ${still.map((n) => n.file).join(", ")}.`);
    process.exit(1);
  }
}
