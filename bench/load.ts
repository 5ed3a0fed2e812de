/**
 * Load on the real server process, PGlite and PostgreSQL in the same run: 500 simulated clients
 * syncing session logs back to back and 50 coaches reloading their dashboard (GET /api/clients)
 * for 60 s on 127.0.0.1, each client a member of one coach's practice. Baseline in the same run:
 * GET /api/health from as many connections for 10 s. Records error rate, p50/p99 latency,
 * throughput and the server's RSS; afterwards every acknowledged log must be there (exit 1 if not).
 *
 *   npm run bench:load
 *   LOAD_SECONDS=20 LOAD_CLIENTS=100 LOAD_COACHES=10 npm run bench:load     (a shorter trial)
 */
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { cpus } from "node:os";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { BACKENDS, TestBackend, type BackendName } from "../test/support/backends.ts";
import { residentMemoryMb, sameSession, serverArgsFor, spawnServer, type ServerProcess } from "../test/support/server-process.ts";
import { beginRun, percentile, runHeader, writeSection } from "./benchmarks-section.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const BASELINE_SECONDS = Number(process.env.LOAD_BASELINE_SECONDS ?? 10);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 500);
const COACHES = Number(process.env.LOAD_COACHES ?? 50);
const run = beginRun("bench:load", {
  LOAD_SECONDS: SECONDS,
  LOAD_BASELINE_SECONDS: BASELINE_SECONDS,
  LOAD_CLIENTS: CLIENTS,
  LOAD_COACHES: COACHES,
});
const PROGRAM = "foot-stretches-for-lower-back-pain";

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request on a keep-alive connection; a network error is answered as status 0. */
function send(agent: Agent, url: URL, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { ...headers, "content-length": Buffer.byteLength(body) } : headers,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }));
        res.on("error", (e) => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.on("error", (e) => resolve({ status: 0, body: String(e), ms: performance.now() - started }));
    req.end(body);
  });
}

interface Tally {
  latencies: number[];
  ok: number;
  failed: number;
  statuses: Map<string, number>;
}
const tally = (): Tally => ({ latencies: [], ok: 0, failed: 0, statuses: new Map() });
function count(t: Tally, a: Answer) {
  t.latencies.push(a.ms);
  if (a.status >= 200 && a.status < 300) t.ok++;
  else {
    t.failed++;
    const key = a.status === 0 ? `network: ${a.body.slice(0, 60)}` : String(a.status);
    t.statuses.set(key, (t.statuses.get(key) ?? 0) + 1);
  }
}

/** Samples the server's RSS every 500 ms until stopped; answers the peak. */
function watchMemory(pid: number) {
  let peak = 0;
  const sample = () =>
    residentMemoryMb(pid)
      .then((m) => (peak = Math.max(peak, m)))
      .catch(() => undefined);
  void sample();
  const timer = setInterval(sample, 500);
  return { stop: async () => (clearInterval(timer), await sample(), peak) };
}

async function inBatches<T>(items: T[], width: number, each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(each));
}

interface Row {
  request: string;
  loops: number;
  seconds: number;
  tally: Tally;
  peakRssMb: number;
}

async function benchBackend(name: BackendName) {
  const backend = new TestBackend(name);
  const [args, env] = serverArgsFor(await backend.emptyDatabase());
  let server: ServerProcess | undefined;
  try {
    server = await spawnServer(args, env);
    const url = new URL(server.url);
    const pid = server.child.pid!;
    const setupStarted = Date.now();
    const coaches: ApiClient[] = Array.from({ length: COACHES }, () => new ApiClient(overHttp, server!.url));
    await inBatches(coaches, 4, async (c) => void (await c.signUp({ role: "coach", displayName: "Coach" })));
    const clients: ApiClient[] = Array.from({ length: CLIENTS }, () => new ApiClient(overHttp, server!.url));
    await inBatches(
      clients.map((c, i) => [c, coaches[i % COACHES]!] as const),
      4,
      async ([client, coach]) => {
        await client.signUp();
        const invite = await coach.post("/api/invites", { label: "load" });
        if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
        const joined = await client.post("/api/invites/accept", { code: invite.body.code });
        if (joined.status !== 200) throw new Error(`accept: ${joined.status} ${joined.text}`);
        // The web app asks for the session's token again after the organisation changed.
        await client.get("/api/auth/me");
      },
    );
    const setupSeconds = Math.round((Date.now() - setupStarted) / 1000);
    const restRss = await residentMemoryMb(pid);

    const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
    const rows: Row[] = [];

    // Baseline: the cheapest endpoint from as many loops, same server, same run.
    {
      const t = tally();
      const memory = watchMemory(pid);
      const until = performance.now() + BASELINE_SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CLIENTS + COACHES }, async () => {
          while (performance.now() < until) count(t, await send(agent, url, "GET", "/api/health", {}));
        }),
      );
      rows.push({
        request: "GET /api/health (baseline)",
        loops: CLIENTS + COACHES,
        seconds: BASELINE_SECONDS,
        tally: t,
        peakRssMb: await memory.stop(),
      });
    }

    const acknowledged = clients.map(() => new Set<string>());
    const sync = tally();
    const dashboard = tally();
    const memory = watchMemory(pid);
    const until = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all([
      ...clients.map(async (c, i) => {
        const headers = { cookie: c.cookie!, "x-csrf-token": c.csrfToken!, "content-type": "application/json" };
        while (performance.now() < until) {
          const log = sessionLog({ id: randomUUID() });
          const a = await send(agent, url, "POST", "/api/logs", headers, JSON.stringify(log));
          count(sync, a);
          if (a.status === 201 || a.status === 200) acknowledged[i]!.add(log.id);
        }
      }),
      ...coaches.map(async (c) => {
        const headers = { cookie: c.cookie! };
        while (performance.now() < until) {
          const a = await send(agent, url, "GET", "/api/clients", headers);
          count(dashboard, a);
          if (a.status === 200 && JSON.parse(a.body).clients.length !== CLIENTS / COACHES)
            throw new Error(`a dashboard without its ${CLIENTS / COACHES} clients: ${a.body.slice(0, 200)}`);
        }
      }),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    const peak = await memory.stop();
    rows.push({ request: "POST /api/logs (clients syncing)", loops: CLIENTS, seconds: elapsed, tally: sync, peakRssMb: peak });
    rows.push({ request: "GET /api/clients (coach dashboards)", loops: COACHES, seconds: elapsed, tally: dashboard, peakRssMb: peak });
    agent.destroy();
    const afterRss = await residentMemoryMb(pid);

    let missing = 0;
    let stored = 0;
    let ack = 0;
    await inBatches(
      clients.map((c, i) => [c, i] as const),
      8,
      async ([c, i]) => {
        const ids = new Set<string>((await sameSession(c, server!.url).get("/api/logs")).body.logs.map((l: { id: string }) => l.id));
        stored += ids.size;
        ack += acknowledged[i]!.size;
        for (const id of acknowledged[i]!) if (!ids.has(id)) missing++;
      },
    );
    const progressed = (await sameSession(clients[0]!, server.url).get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed;
    return {
      name: name === "pglite" ? "PGlite" : "PostgreSQL 15",
      rows,
      setupSeconds,
      restRss,
      afterRss,
      missing,
      stored,
      acknowledged: ack,
      progressed,
      firstClientLogs: acknowledged[0]!.size,
    };
  } finally {
    await server?.stop();
    await backend.stop();
  }
}

const results = [];
for (const name of BACKENDS) {
  const r = await benchBackend(name);
  console.log(
    JSON.stringify({
      ...r,
      rows: r.rows.map((x) => ({ ...x, tally: { ok: x.tally.ok, failed: x.tally.failed, statuses: [...x.tally.statuses] } })),
    }),
  );
  results.push(r);
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : "–");
await writeSection("reliability-load", [
  `## Reliability: ${CLIENTS} clients syncing and ${COACHES} coach dashboards (bench/load.ts)`,
  "",
  ...runHeader(run),
  `The real \`limber serve\` process on 127.0.0.1 on a new database; the load generator in the bench process on the same ${cpus().length} cores (so it competes with the server). ` +
    `Setup: ${COACHES} coaches sign up, each invites ${CLIENTS / COACHES} of the ${CLIENTS} clients, who sign up and join. ` +
    `Then for ${SECONDS} s, at once: ${CLIENTS} client loops each POST a new SessionLog as soon as the previous answer came back (no think time: the worst case of every phone syncing at the same moment), ` +
    `and ${COACHES} coach loops each reload GET /api/clients (the dashboard: every client's standing, adherence and flags, computed from their logs, which grow during the run). ` +
    `Baseline in the same run, before the load: GET /api/health from ${CLIENTS + COACHES} loops for ${BASELINE_SECONDS} s. Keep-alive connections, one per loop. ` +
    "An error is any answer other than 2xx, or no answer within 30 s.",
  "",
  "| backend | request | loops | s | requests | req/s | p50 ms | p99 ms | errors | error rate | peak server RSS MB |",
  "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.flatMap((r) =>
    r.rows.map((x) => {
      const n = x.tally.ok + x.tally.failed;
      const kinds = [...x.tally.statuses].map(([k, v]) => `${v}× ${k}`).join(", ");
      return `| ${r.name} | ${x.request} | ${x.loops} | ${fmt(x.seconds)} | ${n} | ${fmt(n / x.seconds)} | ${fmt(percentile(x.tally.latencies, 50))} | ${fmt(percentile(x.tally.latencies, 99))} | ${x.tally.failed}${kinds ? ` (${kinds})` : ""} | ${((100 * x.tally.failed) / Math.max(1, n)).toFixed(2)} % | ${x.peakRssMb} |`;
    }),
  ),
  "",
  "| backend | setup (sign-ups, invites) s | RSS after setup MB | RSS after load MB | logs acknowledged | logs stored afterwards | acknowledged but missing |",
  "|---|---:|---:|---:|---:|---:|---:|",
  ...results.map(
    (r) => `| ${r.name} | ${r.setupSeconds} | ${r.restRss} | ${r.afterRss} | ${r.acknowledged} | ${r.stored} | ${r.missing} |`,
  ),
  "",
  "Stored may exceed acknowledged only by logs whose answer never arrived (counted as errors); a real client resends those and they are stored once. " +
    "The bench exits 1 when any acknowledged log is missing.",
]);
if (results.some((r) => r.missing > 0 || r.stored < r.acknowledged)) {
  console.error("FAILED: acknowledged logs are missing");
  process.exit(1);
}
