import { randomUUID } from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { ApiClient, overHttp } from "../../test/support/api-client.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const DAY_MS = 86_400_000;

/** A day `n` days before `now`, as YYYY-MM-DD. */
export const dayBefore = (now: Date, n: number) => new Date(now.getTime() - n * DAY_MS).toISOString().slice(0, 10);

const hold = (skipped: boolean) => ({
  exerciseId: "wall-calf-stretch",
  phaseId: "calf",
  side: "left",
  rep: 1,
  plannedSeconds: 20,
  heldSeconds: skipped ? 4 : 20,
  skipped,
});

/** A session log of the built-in program on `day`, 25 holds planned, `done` of them held. */
export function sessionOn(day: string, painBefore: number, painAfter: number, done = 25) {
  const holds = [...Array.from({ length: done }, () => hold(false)), ...(done < 25 ? [hold(true)] : [])];
  return {
    id: randomUUID(),
    programId: PROGRAM,
    programVersion: 1,
    startedAt: `${day}T08:00:00Z`,
    endedAt: `${day}T08:10:00Z`,
    completed: done === 25,
    stepsDone: done === 25 ? 60 : done * 2,
    stepsTotal: 60,
    holds,
    holdsPlanned: 25,
    painBefore,
    painAfter,
    notes: "",
  };
}

export interface Practice {
  coach: ApiClient;
  coachEmail: string;
  clients: Record<string, { api: ApiClient; id: string }>;
}

/**
 * A practice as a coach meets it on a busy week, made over the real HTTP API: one client whose pain
 * is rising, one who stopped, one who stopped a session early, one without a plan, one doing well;
 * then the coach looks, and a session and a note come in after that look.
 */
export async function busyPractice(baseUrl: string, now: Date, tag: string): Promise<Practice> {
  const url = baseUrl.replace(/\/$/, "");
  const coach = new ApiClient(overHttp, url);
  const coachEmail = `coach-${tag}@example.org`;
  await coach.signUp({ displayName: "Dr Casey Morgan", email: coachEmail, role: "coach" });
  await coach.put("/api/organisation", { name: "Calm Backs Physiotherapy", contact: "Phone 0123 456 789, weekdays 9 to 5" });
  const clients: Practice["clients"] = {};
  const start = dayBefore(now, 35);
  const join = async (name: string, plan: boolean) => {
    const api = new ApiClient(overHttp, url);
    const { account } = await api.signUp({ displayName: name, email: `${name.split(" ")[0]!.toLowerCase()}-${tag}@example.org` });
    const { code } = (await coach.post("/api/invites", { label: name })).body;
    await api.post("/api/invites/accept", { code });
    if (plan) {
      await coach.put(`/api/clients/${account.id}/prescription`, {
        programId: PROGRAM,
        programVersion: 1,
        schedule: { kind: "per-week", timesPerWeek: 3, startDate: start },
        note: "Gently, and stop if anything is sharp.",
      });
    }
    clients[name] = { api, id: account.id };
    return api;
  };
  const margaret = await join("Margaret Ellis", true);
  for (const [n, after] of [
    [20, 3],
    [18, 3],
    [15, 4],
    [13, 3],
    [11, 4],
    [8, 5],
    [6, 6],
    [1, 8],
  ] as const)
    await margaret.post("/api/logs", sessionOn(dayBefore(now, n), 5, after));
  const tom = await join("Tom Brennan", true);
  for (const n of [26, 24, 21, 19, 12]) await tom.post("/api/logs", sessionOn(dayBefore(now, n), 4, 3));
  const aisha = await join("Aisha Khan", true);
  for (const [i, n] of [23, 21, 18, 16, 14, 11, 9, 7, 4].entries())
    await aisha.post("/api/logs", sessionOn(dayBefore(now, n), 6, Math.max(1, 5 - Math.floor(i / 2))));
  await aisha.post("/api/logs", sessionOn(dayBefore(now, 2), 3, 2, 12));
  const li = await join("Li Wei", false);
  await li.post("/api/logs", sessionOn(dayBefore(now, 3), 4, 4));
  const robert = await join("Robert Okafor", true);
  for (const n of [22, 20, 17, 15, 13, 10, 8, 6, 3]) await robert.post("/api/logs", sessionOn(dayBefore(now, n), 3, 1));
  await margaret.post("/api/messages", { body: "My lower back ached after the calf stretch on Monday." });
  await coach.post(`/api/clients/${clients["Margaret Ellis"]!.id}/messages/read`);
  await coach.post(`/api/clients/${clients["Margaret Ellis"]!.id}/messages`, {
    body: "Thank you for telling me. Hold the calf stretch for 20 seconds, not 30, this week.",
  });
  // The coach looks; what follows is new since.
  await coach.post("/api/clients/seen");
  await new Promise((r) => setTimeout(r, 20));
  await robert.post("/api/logs", sessionOn(dayBefore(now, 0), 2, 1));
  await margaret.post("/api/messages", { body: "Today it is worse again, about an 8." });
  await coach.post(`/api/clients/${clients["Robert Okafor"]!.id}/messages`, { body: "Lovely steady weeks, Robert. Keep going." });
  return { coach, coachEmail, clients };
}

/** Signs a browser context in as this API user by giving it their session cookie. */
export async function signInAs(context: BrowserContext, baseUrl: string, who: ApiClient): Promise<void> {
  const [name, value] = who.cookie!.split("=") as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
}
