import { describe, expect, it } from "vitest";
import { savedProgramId } from "./saved-program-id.ts";

describe("the id a saved program gets", () => {
  it("is its title as a slug", () => {
    expect(savedProgramId("My Morning Feet", new Set(), null)).toBe("my-morning-feet");
  });

  it("never takes the id of a built-in or another saved program", () => {
    expect(savedProgramId("Calf work", new Set(["calf-work", "calf-work-2"]), null)).toBe("calf-work-3");
  });

  it("stays the same when the same import is saved again, so the save replaces it", () => {
    expect(savedProgramId("Renamed", new Set(["calf-work"]), "calf-work")).toBe("calf-work");
  });
});
