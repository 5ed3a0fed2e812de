import { describe, expect, it } from "vitest";
import { equipmentFromText, equipmentToText } from "./equipment-text.ts";

describe("equipment as one editable line", () => {
  it("writes items with commas, substitutes with “or” and optional ones marked", () => {
    expect(
      equipmentToText([
        { name: "stretch strap", alternatives: ["towel"], optional: false },
        { name: "chair", alternatives: [], optional: true },
      ]),
    ).toBe("stretch strap or towel, chair (optional)");
  });

  it("reads the line back into the same list", () => {
    expect(equipmentFromText("stretch strap or towel, chair (optional)")).toEqual([
      { name: "stretch strap", alternatives: ["towel"], optional: false },
      { name: "chair", alternatives: [], optional: true },
    ]);
  });

  it("reads an empty line as no equipment and ignores stray commas", () => {
    expect(equipmentFromText("  ")).toEqual([]);
    expect(equipmentFromText("wall,, ")).toEqual([{ name: "wall", alternatives: [], optional: false }]);
  });
});
