import { Hono } from "hono";
import { z } from "zod";
import { compileTimeline } from "../../core/timeline.ts";
import { requireSession } from "../auth/current-session.ts";
import { newToken, tokenHash } from "../auth/tokens.ts";
import { sessionOf, type Env } from "../context.ts";
import { calendarFeed } from "../feeds/calendar-feed.ts";
import { parseWith } from "../http/problems.ts";
import { calendarFeedCreatedAt, findFeedOwner, revokeCalendarFeed, rotateCalendarFeed } from "../store/calendar-feeds.ts";
import { readPrescription } from "../store/prescriptions.ts";
import { findProgram } from "../store/programs.ts";
import { findUserById } from "../store/accounts.ts";
import { utcToday } from "../clock.ts";

const FeedFile = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "expected a calendar address as given by Limber") });

/**
 * A private iCalendar feed of planned sessions. The address carries a random token (only its
 * hash is stored); whoever has the address can read the feed, so it can be replaced or turned off.
 */
export const calendarRoutes = new Hono<Env>()
  .get("/calendar/:file", async (c) => {
    const params = parseWith(c, FeedFile, c.req.param());
    if (!params.ok) return params.response;
    const { db, clock } = c.get("deps");
    const owner = await findFeedOwner(db, tokenHash(params.value.file.slice(0, -4)));
    if (!owner)
      return c.json(
        { error: "There is no calendar at this address; it may have been turned off or replaced. Copy the new address from My plan." },
        404,
      );
    const user = (await findUserById(db, owner.userId))!;
    const prescription = await readPrescription(db, owner.userId);
    const program = prescription
      ? await findProgram(db, prescription.programId, user.organisation_id, prescription.programVersion)
      : undefined;
    const body = calendarFeed({
      ownerId: owner.userId,
      schedule: program ? prescription!.schedule : null,
      programTitle: program?.title ?? "",
      minutes: program ? Math.round(compileTimeline(program, null).totalSeconds / 60) : 0,
      today: utcToday(clock),
    });
    return c.body(body, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "private, max-age=900" });
  })
  .get("/calendar-feed", requireSession, async (c) =>
    c.json({ active: (await calendarFeedCreatedAt(c.get("deps").db, sessionOf(c).user.id)) !== null }),
  )
  .post("/calendar-feed", requireSession, async (c) => {
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    const token = newToken();
    await rotateCalendarFeed(db, { userId: user.id, organisationId: user.organisation_id }, tokenHash(token), clock.now());
    // Shown this once; a lost address is replaced, not recovered.
    return c.json({ path: `/api/calendar/${token}.ics` }, 201);
  })
  .delete("/calendar-feed", requireSession, async (c) => {
    await revokeCalendarFeed(c.get("deps").db, sessionOf(c).user.id);
    return c.body(null, 204);
  });
