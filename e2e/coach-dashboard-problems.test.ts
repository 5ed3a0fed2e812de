import { describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, signInOnAccountPage } from "./support/limber-app.ts";

const app = useAppServer("e2e-coach-problems");
const password = "stretch every morning";

describe("the coach's dashboard when its clients cannot be loaded", () => {
  it("says why instead of loading forever: the server's own words on a refusal, 'out of reach' without a network", async () => {
    const email = `coach-${Date.now()}@example.org`;
    await new ApiClient(overHttp, app.server.url).signUp({ email, password, displayName: "Casey", role: "coach" });
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, password, "Casey");

    await page.route("**/api/clients?*", (route) =>
      route.fulfill({
        status: 500,
        json: { error: "Something went wrong on the server. Nothing you sent before this was lost; please try again." },
      }),
    );
    await page.goto(`${app.server.url}/#/coach`);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe(
        "Your clients could not be loaded. Something went wrong on the server. Nothing you sent before this was lost; please try again.",
      );
    expect(await page.locator(".loading").count()).toBe(0);

    await page.unroute("**/api/clients?*");
    await page.route("**/api/clients?*", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Your clients could not be loaded (the server is out of reach). Reload the page to try again.");
    await context.close();
  });
});
