import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { launchBrowser } from "./support/browser.ts";
import { openApp } from "./support/limber-app.ts";

let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "limber-e2e-editor-"));
  server = await startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, webDir: inject("webDist") });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the program editor", () => {
  it("copies the built-in program, explains a problem at its field, previews the session's length and saves versions", async () => {
    const email = `editor-${Date.now()}@example.org`;
    const api = new ApiClient(overHttp, server.url);
    await api.signUp({ email, password: "editor password", displayName: "Eda", role: "coach" });
    const { context, page } = await openApp(browser, `${server.url}/`, "account");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("editor password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Signed in as Eda" }).waitFor();

    await page.goto(`${server.url}/#/editor`);
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
    await page.getByText(/shortest hold is longer than the longest/i).first().waitFor();
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
