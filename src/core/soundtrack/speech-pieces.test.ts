import { describe, expect, it } from "vitest";
import { pieceKey, speechPieces } from "./speech-pieces.ts";

describe("speechPieces", () => {
  it("splits a line into its sentences, trimmed", () => {
    expect(speechPieces("Eversion.  Turn the sole outward! Hold for 30 seconds.")).toEqual([
      "Eversion.",
      "Turn the sole outward!",
      "Hold for 30 seconds.",
    ]);
  });

  it("keeps a line without a full stop, and a number, whole", () => {
    expect(speechPieces("3")).toEqual(["3"]);
    expect(speechPieces("Switch sides. Now the left foot")).toEqual(["Switch sides.", "Now the left foot"]);
  });

  it("gives nothing for an empty line", () => {
    expect(speechPieces("  ")).toEqual([]);
  });
});

describe("pieceKey", () => {
  it("names a sentence's clip by its words alone, so clips rendered before keep their names", () => {
    expect(pieceKey("Ease off.")).toBe("9c949e94e61daffd");
    expect(pieceKey("3")).toBe("360caa4252c963d9");
  });

  it("names other words otherwise, down to the punctuation", () => {
    expect(pieceKey("Ease off!")).not.toBe("9c949e94e61daffd");
  });
});
