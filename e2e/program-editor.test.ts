import { describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, signInOnAccountPage } from "./support/limber-app.ts";

const app = useAppServer("e2e-editor");

describe("the program editor", () => {
  it("copies the built-in program, explains a problem at its field, previews the session's length and saves versions", async () => {
    const email = `editor-${Date.now()}@example.org`;
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ email, password: "editor password", displayName: "Eda", role: "coach" });
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, "editor password", "Eda");

    await page.goto(`${app.server.url}/#/editor`);
    await page.getByLabel("Start from").selectOption({ label: "Copy of “Foot stretches for lower back pain” (built in)" });
    await page.getByRole("button", { name: "Open in the editor" }).click();
    const total = page.getByTestId("preview-total");
    const before = await total.textContent();

    await page.getByLabel("Title", { exact: true }).fill("");
    await page.getByText("Give the program a title.").waitFor();
    expect(await page.getByLabel("Title", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Title", { exact: true }).fill("Eda's gentle feet");

    const firstHold = page.getByRole("group", { name: "Hold, in seconds" }).first();
    const longest = firstHold.getByLabel("Longest", { exact: true });
    await longest.fill("5");
    await page
      .getByText(/shortest hold is longer than the longest/i)
      .first()
      .waitFor();
    await longest.fill("90");
    await firstHold.getByLabel("Shortest", { exact: true }).fill("60");
    await expect.poll(() => total.textContent()).not.toBe(before);

    await page.getByRole("button", { name: "Save to my practice" }).click();
    await page.getByText("Saved “Eda's gentle feet” as version 1.", { exact: false }).waitFor();
    await page.getByLabel("Title", { exact: true }).fill("Eda's gentle feet, longer");
    await page.getByRole("button", { name: "Save as a new version" }).click();
    await page.getByText("as version 2.", { exact: false }).waitFor();

    const mine = (await api.get("/api/programs")).body.programs.find((p: { builtIn: boolean }) => !p.builtIn);
    expect(mine).toMatchObject({ title: "Eda's gentle feet, longer", version: 2 });
    const v2 = (await api.get(`/api/programs/${mine.id}`)).body;
    expect(v2.exercises[0].phases[0].holdSeconds).toEqual({ min: 60, max: 90 });
    await context.close();
  }, 120_000);
});
