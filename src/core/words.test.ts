import { describe, expect, it } from "vitest";
import { count, plural } from "./words.ts";

describe("words for counts", () => {
  it("says one of a thing in the singular and any other number in the plural", () => {
    expect(count(1, "second")).toBe("1 second");
    expect(count(0, "hold")).toBe("0 holds");
    expect(count(25, "hold")).toBe("25 holds");
  });

  it("takes an irregular plural when given one", () => {
    expect(plural(1, "time", "times")).toBe("time");
    expect(count(3, "day", "days")).toBe("3 days");
    expect(count(2, "person", "people")).toBe("2 people");
  });
});
