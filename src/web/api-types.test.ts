import { hc } from "hono/client";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { ClientStanding } from "../core/client-standing.ts";
import type { ApiRoutes } from "../server/api-routes.ts";
import { TestBackend } from "../../test/support/backends.ts";
import { openTestApp, type TestApp } from "../../test/support/test-app.ts";
import type { ClientDetailAnswer, DashboardAnswer, MyPlanAnswer } from "./api-types.ts";
import type { ClientDetail, DashboardClient } from "./coaching/coaching-api.ts";

// These checks run in `tsc --noEmit` (the first step of `npm test`): each `@ts-expect-error` below
// must meet an error, so if the web's types stopped coming from the server (turned `any`, say),
// or the server stopped sending a field the web reads, the build fails here or at the page.
describe("the web's API types come from the server's routes", () => {
  it("carry the exact fields of each answer, not any", () => {
    expectTypeOf<DashboardAnswer>().not.toBeAny();
    expectTypeOf<ClientDetailAnswer>().not.toBeAny();
    expectTypeOf<DashboardClient["standing"]>().toEqualTypeOf<ClientStanding>();
    expectTypeOf<ClientDetail["client"]>().toEqualTypeOf<{ id: string; displayName: string; email: string }>();
    expectTypeOf<MyPlanAnswer["coach"]>().toEqualTypeOf<{ practice: string; coachName: string; email: string; contact: string } | null>();
  });

  it("refuse a field the server does not send", () => {
    const read = (d: ClientDetail) => [
      d.client.displayName,
      // @ts-expect-error: the client page answers `displayName`, never `name`
      d.client.name,
      // @ts-expect-error: sessions carry `day`, not `localDay` (the database's name)
      d.sessions[0]?.localDay,
    ];
    expect(read).toBeTypeOf("function");
  });
});

describe("Hono's typed client over the real app", () => {
  const backend = new TestBackend("pglite");
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(backend);
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("reads the dashboard answer with the type the web uses", async () => {
    const coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    const api = hc<ApiRoutes>("http://127.0.0.1/api", {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        request.headers.set("cookie", coach.cookie!);
        return t.app.request(request);
      },
    });
    const res = await api.clients.$get();
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const body = await res.json();
    expectTypeOf(body).toEqualTypeOf<DashboardAnswer>();
    expect(body).toEqual({
      today: "2026-11-25",
      clients: [],
      seenAt: null,
      summary: { clients: 0, needAttention: 0, noPlan: 0, sessionsThisWeek: 0, stopped: 0 },
    });
  });
});
