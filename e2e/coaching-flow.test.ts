import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { axeViolations } from "./support/axe.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, phone, signInOnAccountPage } from "./support/limber-app.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);

const app = useAppServer("e2e-coaching");

describe("a coach and a client in the browser", () => {
  it("coach opens a practice and invites; client joins, gets a plan, does a session; coach sees adherence, the flag and the note, then lets the client go", async () => {
    const stamp = Date.now();
    // The coach.
    // Axe is injected as an inline script, which the server's CSP rightly blocks; the coach's
    // context bypasses CSP for that, the client's keeps it.
    const coachContext = await app.browser.newContext({ viewport: phone, bypassCSP: true });
    const coach = { context: coachContext, page: await coachContext.newPage() };
    coach.page.on("pageerror", (e) => {
      throw e;
    });
    await coach.page.goto(`${app.server.url}/#/coach`);
    await coach.page.getByLabel("Your name").fill("Casey Coach");
    await coach.page.getByLabel("Email").fill(`coach-${stamp}@example.org`);
    await coach.page.getByLabel(/^Password/).fill("coach password here");
    await coach.page.getByRole("button", { name: "Open my practice" }).click();
    await coach.page.getByRole("heading", { name: "Your clients" }).waitFor();
    await coach.page.getByText("No clients yet.").waitFor();
    expect(await axeViolations(coach.page)).toEqual([]);
    await coach.page.getByRole("button", { name: "Make an invite" }).click();
    const link = (await coach.page.getByTestId("invite-link").textContent())!.trim();
    expect(link).toMatch(/\/#\/join\/([2-9A-Z]{4}-){4}[2-9A-Z]{4}$/);

    // The client opens the link on their phone, makes an account and joins.
    const client = await openApp(app.browser, link.split("#")[0]!, link.split("#/")[1]!, { fakeClockAt: new Date() });
    await client.page.getByLabel("Your name").fill("Robin Client");
    await client.page.getByLabel("Email").fill(`client-${stamp}@example.org`);
    await client.page.getByLabel(/^Password/).fill("client password here");
    await client.page.getByRole("button", { name: "Create account" }).click();
    await client.page.getByRole("button", { name: "Join" }).click();
    await client.page.getByRole("heading", { name: /You joined Casey Coach/ }).waitFor();

    // The coach prescribes every day from today.
    await coach.page.reload();
    await coach.page.getByRole("link", { name: "Robin Client" }).click();
    await coach.page.getByRole("heading", { name: "Robin Client", level: 1 }).waitFor();
    for (const day of ["Tue", "Thu", "Sat", "Sun"]) await coach.page.getByLabel(day, { exact: true }).check();
    await coach.page.getByLabel("Note for the client (optional)").fill("Gently; stop if it hurts.");
    await coach.page.getByRole("button", { name: "Save plan" }).click();
    await coach.page.getByTestId("plan-status").getByText("Plan saved.").waitFor();

    // The client sees the plan and the coach, then does a session on an accelerated clock.
    await client.page.goto(`${app.server.url}/#/plan`);
    await client.page
      .getByTestId("plan-summary")
      .getByText(/Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday/)
      .waitFor();
    expect(await client.page.getByTestId("coach-name").textContent()).toContain("Casey Coach");
    await client.page.getByText("“Gently; stop if it hurts.”").waitFor();
    await client.page.goto(`${app.server.url}/#/`);
    await client.page.getByTestId("today-reminder").getByText("Today is a stretching day in your coach’s plan.").waitFor();
    await client.page.getByRole("link", { name: "Start session" }).click();
    await client.page.getByRole("button", { name: "3", exact: true }).click();
    await client.page.locator("section.player").waitFor();
    await client.page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
    await client.page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
    await client.page.getByRole("button", { name: "8", exact: true }).click();
    await client.page.getByRole("heading", { name: "Session complete" }).waitFor();
    await client.page.clock.runFor(31_000); // the background sync's next round
    await client.page.goto(`${app.server.url}/#/plan`);
    await client.page.getByLabel("How did your last session go?").fill("My left calf felt tight.");
    await client.page.getByRole("button", { name: "Send", exact: true }).click();
    await client.page.getByText("Sent to Casey Coach.").waitFor();

    // The coach sees the session counted, the pain flag first, and the note.
    await coach.page.goto(`${app.server.url}/#/coach`);
    const row = coach.page.getByTestId("client-row").filter({ hasText: "Robin Client" });
    await row.getByText("Pain after the last session was 8 out of 10.").waitFor();
    expect(await row.getByRole("img", { name: /^Plan kept over the last 4 weeks/ }).getAttribute("aria-label")).toBe(
      "Plan kept over the last 4 weeks: 0 of 0, 0 of 0, 0 of 0, 1 of 1 (oldest first)",
    );
    expect(await row.getByTestId("client-last").textContent()).toBe("Last session: 25 of 25 holds, today; pain 3 → 8.");
    expect(await row.getByTestId("client-note").textContent()).toBe("1 unread note");
    expect(await row.getByTestId("client-quote").textContent()).toBe("“My left calf felt tight.”");
    expect(await row.getAttribute("data-flagged")).toBe("yes");
    expect(await axeViolations(coach.page)).toEqual([]);

    await coach.page.getByRole("link", { name: "Robin Client" }).click();
    expect(await coach.page.getByRole("link", { name: "Printable handout" }).getAttribute("href")).toMatch(/^#\/handout\//);

    // The client's handout, under the server's CSP: the program, a QR code to it, and no navigation on paper.
    await client.page.goto(`${app.server.url}/#/handout`);
    await client.page.getByRole("heading", { name: "Foot stretches for lower back pain" }).waitFor();
    expect(await client.page.locator(".qr svg").count()).toBe(1);
    await client.page.emulateMedia({ media: "print" });
    expect(await client.page.locator("header.top").isVisible()).toBe(false);
    expect(await client.page.getByRole("button", { name: "Print or save as PDF" }).isVisible()).toBe(false);

    // The coach lets Robin go: Robin leaves the list, and Robin's plan page no longer names a coach.
    expect(await axeViolations(coach.page)).toEqual([]);
    coach.page.once("dialog", (d) => void d.accept());
    await coach.page.getByRole("button", { name: "Remove Robin Client from my practice" }).click();
    await coach.page.getByRole("heading", { name: "Your clients" }).waitFor();
    await coach.page.getByText("No clients yet.").waitFor();
    await client.page.emulateMedia({ media: "screen" });
    await client.page.goto(`${app.server.url}/#/plan`);
    await client.page.getByText("No plan yet. Choose one below; you can change it any time.").waitFor();
    expect(await client.page.getByTestId("coach-name").count()).toBe(0);
    await coach.context.close();
    await client.context.close();
  }, 180_000);

  it("puts the coach's own program, not the built-in one, behind the client's big Start, until the client stops sharing", async () => {
    const stamp = Date.now();
    const coach = new ApiClient(overHttp, app.server.url);
    await coach.signUp({ displayName: "Noor Coach", role: "coach" });
    const builtIn = builtInProgram(defaultProgramId)!;
    const own = await coach.post("/api/programs", {
      ...builtIn,
      id: "calf-only",
      title: "Calves only, for Sam",
      exercises: builtIn.exercises.filter((e) => e.id === "wall-calf-stretch"),
    });
    expect(own.status).toBe(201);
    const { code } = (await coach.post("/api/invites", {})).body;
    const email = `sam-${stamp}@example.org`;
    const sam = new ApiClient(overHttp, app.server.url);
    const { account } = await sam.signUp({ email, password: "sam's password here", displayName: "Sam" });
    expect((await sam.post("/api/invites/accept", { code })).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const plan = { programId: own.body.id, programVersion: 1, schedule: { kind: "weekdays", days, startDate: today }, note: "" };
    expect((await coach.put(`/api/clients/${account.id}/prescription`, plan)).status).toBe(200);

    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, "sam's password here", "Sam");
    await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
    await page.getByRole("heading", { name: "Calves only, for Sam" }).waitFor();
    await page.getByTestId("today-reminder").getByText("Today is a stretching day in your coach’s plan.").waitFor();
    expect(await page.getByRole("heading", { name: builtIn.title }).count()).toBe(0);
    await page.getByRole("link", { name: "Start session" }).click();
    await page.getByRole("button", { name: "3", exact: true }).click();
    await page.locator("section.player").waitFor();
    expect(await page.locator("#exercise-name").textContent()).toBe(builtIn.exercises.find((e) => e.id === "wall-calf-stretch")!.name);

    // Sam stops sharing: the coach loses sight of them, and the big Start is the built-in program again.
    await page.goto(`${app.server.url}/#/plan`);
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Stop sharing with my coach" }).click();
    await page.getByRole("link", { name: "Enter the code" }).last().waitFor();
    expect((await coach.get(`/api/clients?today=${today}`)).body.clients).toEqual([]);
    await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
    await page.getByRole("heading", { name: builtIn.title }).waitFor();
    expect(await page.getByTestId("today-reminder").count()).toBe(0);
    await context.close();
  }, 120_000);
});
