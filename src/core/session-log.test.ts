import { describe, expect, it } from "vitest";
import { holdsDoneOf } from "./session-log.ts";

const held = { skipped: false };
const skipped = { skipped: true };

describe("holds done of holds planned", () => {
  it("counts held holds against the planned total the device sent", () => {
    expect(holdsDoneOf({ holds: [held, held, skipped], completed: false, holdsPlanned: 25 })).toEqual({ done: 2, planned: 25 });
  });

  it("takes every recorded hold as the total of a completed session from a device that did not say", () => {
    expect(holdsDoneOf({ holds: [held, skipped, held], completed: true })).toEqual({ done: 2, planned: 3 });
  });

  it("leaves the total unknown for a session stopped early on such a device", () => {
    expect(holdsDoneOf({ holds: [held], completed: false })).toEqual({ done: 1, planned: null });
  });
});
