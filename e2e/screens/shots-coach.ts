import type { Page } from "playwright-core";
import { ApiClient, overHttp } from "../../test/support/api-client.ts";
import { busyPractice, signInAs, type Practice } from "../support/coach-practice.ts";
import { defineShots, variants, type ShotContext, type ShotEnv } from "./shot.ts";

/** Each variant gets its own practice: the dashboard marks what is new as seen once it has shown it. */
interface CoachData {
  busy: Practice[];
  empty: ApiClient[];
  invites: string[];
}

const variantIndex = (ctx: ShotContext<CoachData>) => variants.indexOf(ctx.variant);

async function prepare(env: ShotEnv): Promise<CoachData> {
  const now = new Date();
  const busy: Practice[] = [];
  const empty: ApiClient[] = [];
  const invites: string[] = [];
  for (const [i] of variants.entries()) {
    const tag = `${now.getTime()}-${i}`;
    const practice = await busyPractice(env.baseUrl, now, tag);
    busy.push(practice);
    invites.push((await practice.coach.post("/api/invites", { label: "for the join page" })).body.code);
    const fresh = new ApiClient(overHttp, env.baseUrl.replace(/\/$/, ""));
    await fresh.signUp({ displayName: "Sam Rivera", email: `new-coach-${tag}@example.org`, role: "coach" });
    empty.push(fresh);
  }
  return { busy, empty, invites };
}

/** Opens `route` signed in as `who`. */
async function asUser(page: Page, env: ShotEnv, who: ApiClient, route: string) {
  await signInAs(page.context(), env.baseUrl, who);
  await page.goto(`${env.baseUrl}#/${route}`);
  await page.reload();
  await page.locator("main h1").first().waitFor();
}

const coachOf = (ctx: ShotContext<CoachData>) => ctx.data.busy[variantIndex(ctx)]!;
const margaretOf = (ctx: ShotContext<CoachData>) => coachOf(ctx).clients["Margaret Ellis"]!;

/** The coach's pages and their states: opening a practice, the dashboard empty and busy, a client, invites, joining, the plan form, the editor and the handout. */
export const shotGroup = defineShots<CoachData>({
  area: "coach",
  prepare,
  shots: [
    { name: "open-practice", route: "coach" },
    {
      name: "dashboard-empty",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, ctx.data.empty[variantIndex(ctx)]!, "coach");
        await page.getByText("No clients yet.").waitFor();
      },
    },
    {
      name: "dashboard",
      fullPage: false,
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, "coach");
        await page.getByTestId("dashboard-summary").waitFor();
      },
    },
    {
      name: "dashboard-whole",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, "coach");
        await page.getByTestId("dashboard-summary").waitFor();
      },
    },
    {
      name: "dashboard-needs-attention",
      fullPage: false,
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, "coach");
        await page.getByRole("radio", { name: /^Attention/ }).check();
        await page.getByTestId("client-row").first().scrollIntoViewIfNeeded();
      },
    },
    {
      name: "invite",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, ctx.data.empty[variantIndex(ctx)]!, "coach");
        await page.getByRole("button", { name: "Make an invite" }).click();
        await page.getByTestId("invite-link").waitFor();
        await page.getByText("Show a QR code to scan").click();
      },
    },
    {
      name: "join-before-sign-up",
      show: async (page, ctx) => {
        await page.goto(`${ctx.env.baseUrl}#/join/${ctx.data.invites[variantIndex(ctx)]}`);
        await page.getByTestId("invite-preview").waitFor();
      },
    },
    {
      name: "client",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, `client/${margaretOf(ctx).id}`);
        await page.getByTestId("week-calendar").waitFor();
        await page.locator(".pain-chart canvas").first().waitFor();
      },
    },
    {
      name: "client-conversation",
      fullPage: false,
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, `client/${margaretOf(ctx).id}`);
        await page.getByTestId("conversation").scrollIntoViewIfNeeded();
        await page.getByLabel("Answer Margaret Ellis").scrollIntoViewIfNeeded();
      },
    },
    {
      name: "plan-form-problem",
      fullPage: false,
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, `client/${margaretOf(ctx).id}`);
        await page.getByLabel("End date (optional)").fill("2020-01-01");
        await page.getByRole("button", { name: "Save plan" }).click();
        await page.getByTestId("plan-status").waitFor();
        await page.getByLabel("Start date").scrollIntoViewIfNeeded();
      },
    },
    {
      name: "client-my-plan-conversation",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, margaretOf(ctx).api, "plan");
        await page.getByTestId("conversation").waitFor();
      },
    },
    {
      name: "editor",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, "editor");
        await page.getByRole("button", { name: "Open in the editor" }).click();
        await page.getByLabel("Title").waitFor();
      },
    },
    {
      name: "handout",
      show: async (page, ctx) => {
        await asUser(page, ctx.env, coachOf(ctx).coach, `handout/${margaretOf(ctx).id}`);
        await page.locator(".handout h1").waitFor();
      },
    },
  ],
});
