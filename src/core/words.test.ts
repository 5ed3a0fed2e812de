import { describe, expect, it } from "vitest";
import { count, inWords, plural } from "./words.ts";

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

  it("writes whole numbers in words up to the limit asked for, and in digits past it", () => {
    expect([0, 7, 13, 20, 21, 45, 69, 99].map((n) => inWords(n))).toEqual([
      "zero",
      "seven",
      "thirteen",
      "twenty",
      "twenty-one",
      "forty-five",
      "sixty-nine",
      "ninety-nine",
    ]);
    expect([12, 13, 70, 100, 1.5, -1].map((n) => inWords(n, 12))).toEqual(["twelve", "13", "70", "100", "1.5", "-1"]);
  });
});
