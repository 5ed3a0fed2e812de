import { describe, expect, it } from "vitest";
import { findEquipment } from "./equipment.ts";
import { tokenize } from "./tokens.ts";

const kinds = (text: string) => findEquipment(tokenize(text)).map((e) => [e.kind, e.alternatives.map((a) => a.kind), e.optional]);

describe("finding equipment", () => {
  it("reads '(or towel)' and 'or a belt' as alternatives, not extra equipment", () => {
    expect(kinds("Seated with a stretch strap (or towel) wrap the strap around your foot")).toEqual([["strap", ["towel"], false]]);
    expect(kinds("Use a towel or a belt.")).toEqual([["towel", ["belt"], false]]);
  });

  it("lets a fuller later mention complete an earlier bare one", () => {
    expect(kinds("Strap stretch. Sit with a stretch strap (or towel).")).toEqual([["strap", ["towel"], false]]);
  });

  it("marks equipment optional when the text says so", () => {
    expect(kinds("Kneel on a mat (optional).")).toEqual([["mat", [], true]]);
  });

  it("ignores body parts and verbs that share a name with equipment", () => {
    expect(kinds("Press through the ball of your foot and step back.")).toEqual([]);
  });
});
