import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtInProgram } from "../../content/index.ts";
import { useAppServer } from "../../e2e/support/app-server.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
/** Each payload would set window.__xss or leave an element with an id starting "xss-" if it were parsed as HTML. */
const payload = (where: string) => `${where}"><img src=x id=xss-${where} onerror=__xss=1><script>__xss=2</script>`;

const app = useAppServer("xss");

/**
 * A page signed in as `who`. CSP is bypassed on purpose: the test shows that escaping alone keeps
 * the text inert, and the CSP (checked separately) is a second layer.
 */
async function signedInPage(who: ApiClient, path: string): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await app.browser.newContext({ bypassCSP: true });
  await context.addCookies([{ name: "limber_session", value: who.cookie!.split("=")[1]!, url: app.server.url }]);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${app.server.url}/${path}`);
  return { context, page, dialogs };
}

async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('[id^="xss-"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
}

describe("text people and coaches write, shown in the web app", () => {
  it("shows script and HTML in names, practice, program, plan note and notes to the coach as literal text, and none of it runs", async () => {
    const coach = new ApiClient(overHttp, app.server.url);
    await coach.signUp({ role: "coach", displayName: payload("coach") });
    expect((await coach.put("/api/organisation", { name: payload("practice"), contact: payload("contact") })).status).toBe(200);
    const program = { ...builtInProgram(PROGRAM)!, id: "xss-program", title: payload("title") };
    program.exercises = program.exercises.map((e, i) => (i === 0 ? { ...e, name: payload("exercise") } : e));
    const created = await coach.post("/api/programs", program);
    expect(created.status, created.text).toBe(201);

    const client = new ApiClient(overHttp, app.server.url);
    const { account } = await client.signUp({ displayName: payload("client") });
    const code = (await coach.post("/api/invites", { label: payload("invite") })).body.code;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    await client.get("/api/auth/me");
    const log = sessionLog();
    expect((await client.post("/api/logs", log)).status).toBe(201);
    expect((await client.post("/api/messages", { body: payload("message"), sessionLogId: log.id })).status).toBe(201);
    const plan = {
      programId: created.body.id,
      programVersion: created.body.version,
      schedule: { kind: "per-week", timesPerWeek: 3, startDate: "2026-11-23" },
      note: payload("note"),
    };
    const prescribed = await coach.put(`/api/clients/${account.id}/prescription`, plan);
    expect(prescribed.status, prescribed.text).toBe(200);

    // The coach's dashboard and the client's page.
    const asCoach = await signedInPage(coach, "#/coach");
    const row = asCoach.page.getByTestId("client-row").filter({ hasText: payload("client") });
    await row.waitFor();
    // The row counts the note; its words are on the client's page, in the conversation.
    expect(await row.getByTestId("client-note").textContent()).toBe("1 unread note");
    await expectInert(asCoach.page, asCoach.dialogs);
    await asCoach.page.goto(`${app.server.url}/#/client/${account.id}`);
    await asCoach.page.getByRole("heading", { name: payload("client"), level: 1 }).waitFor();
    await asCoach.page.getByText(payload("title"), { exact: false }).first().waitFor();
    await asCoach.page.getByText(payload("message"), { exact: false }).first().waitFor();
    await expectInert(asCoach.page, asCoach.dialogs);

    // The client's plan and printable handout.
    const asClient = await signedInPage(client, "#/plan");
    await asClient.page.getByText(`“${payload("note")}”`).waitFor();
    expect(await asClient.page.getByTestId("coach-name").textContent()).toContain(payload("coach"));
    await expectInert(asClient.page, asClient.dialogs);
    await asClient.page.goto(`${app.server.url}/#/handout`);
    await asClient.page.getByRole("heading", { name: payload("title"), level: 1 }).waitFor();
    await asClient.page.getByRole("heading", { name: payload("exercise") }).waitFor();
    await expectInert(asClient.page, asClient.dialogs);
    await asCoach.context.close();
    await asClient.context.close();
  }, 120_000);

  it("serves the app with a strict Content-Security-Policy: scripts from its own origin only, no inline script, no framing", async () => {
    const res = await fetch(`${app.server.url}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v]),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("does not run an inline script even if one got into the page, because of the CSP", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${app.server.url}/#/`);
    await page.locator("main h1").first().waitFor();
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__xss = 'inline ran'";
      document.body.append(s);
      const img = document.createElement("img");
      img.setAttribute("onerror", "window.__xss = 'handler ran'");
      img.src = "data:,not-an-image";
      document.body.append(img);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await context.close();
  });
});
