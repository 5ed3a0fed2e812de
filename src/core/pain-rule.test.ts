import { describe, expect, it } from "vitest";
import { painCallsForCare } from "./pain-rule.ts";

describe("painCallsForCare", () => {
  it("answers a rise of two points or more", () => {
    expect(painCallsForCare({ painBefore: 6, painAfter: 8 })).toBe(true);
    expect(painCallsForCare({ painBefore: 2, painAfter: 4 })).toBe(true);
  });

  it("stays calm about a one-point change or a fall", () => {
    expect(painCallsForCare({ painBefore: 3, painAfter: 4 })).toBe(false);
    expect(painCallsForCare({ painBefore: 5, painAfter: 2 })).toBe(false);
  });

  it("answers pain after of 7 or more even when it did not rise, as the coach's flag does", () => {
    expect(painCallsForCare({ painBefore: 8, painAfter: 7 })).toBe(true);
    expect(painCallsForCare({ painBefore: null, painAfter: 7 })).toBe(true);
    expect(painCallsForCare({ painBefore: null, painAfter: 6 })).toBe(false);
  });

  it("says nothing when pain after was not rated", () => {
    expect(painCallsForCare({ painBefore: 9, painAfter: null })).toBe(false);
  });
});
