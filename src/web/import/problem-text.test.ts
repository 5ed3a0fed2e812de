import { describe, expect, it } from "vitest";
import { problemText } from "./problem-text.ts";

describe("problems in plain words", () => {
  it("explains a shortest hold longer than the longest", () => {
    expect(problemText("exercises[0].phases[0].holdSeconds.max", "min seconds must not exceed max")).toBe(
      "The shortest hold is longer than the longest. Make the first number the smaller one.",
    );
  });

  it("explains fewest repetitions above most", () => {
    expect(problemText("exercises[0].reps.max", "min repetitions must not exceed max")).toMatch(/^The fewest is more than the most/);
  });

  it("asks for a number where text was typed, and for a whole one where a fraction was", () => {
    expect(problemText("exercises[0].reps.min", "Invalid input: expected number, received string")).toBe(
      "Type a whole number, for example 20.",
    );
    expect(problemText("exercises[0].reps.min", "Invalid input: expected int, received number")).toBe(
      "Use a whole number, without a decimal point.",
    );
  });

  it("gives the allowed limits, in seconds for holds", () => {
    expect(problemText("exercises[0].phases[0].holdSeconds.max", "Too big: expected number to be <=600")).toBe("Use 600 or fewer seconds.");
    expect(problemText("exercises[0].reps.min", "Too small: expected number to be >=1")).toBe("Use 1 or more.");
  });

  it("asks for a title, a name, a first side and a shorter text where those are wrong", () => {
    expect(problemText("title", "Too small: expected string to have >=1 characters")).toBe("Give the program a title.");
    expect(problemText("exercises[2].name", "Too small: expected string to have >=1 characters")).toBe("This cannot be empty.");
    expect(problemText("exercises[0].firstSide", "an exercise done on both sides needs a first side: left or right")).toBe(
      "Choose which side to start with.",
    );
    expect(problemText("exercises[0].name", "Too big: expected string to have <=80 characters")).toBe(
      "Keep this to 80 characters or fewer.",
    );
    expect(problemText("exercises[0].equipment[0].name", "Too big: expected string to have <=1 characters")).toBe(
      "Keep this to 1 character or fewer.",
    );
  });

  it("explains a growth cap below the longest hold", () => {
    expect(problemText("exercises[0].progression.capSeconds", 'cap 120 s is below phase "hold" top of 200 s')).toBe(
      "Holds would grow only to 120 seconds, less than the longest hold of 200. Raise this, or shorten that hold.",
    );
  });

  it("passes a message written for people through, as a sentence", () => {
    expect(problemText("exercises[0].phases[1].id", 'duplicate phase id "hold"')).toBe('Duplicate phase id "hold".');
  });
});
