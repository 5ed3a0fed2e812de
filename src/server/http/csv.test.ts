import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv.ts";

describe("CSV", () => {
  it("quotes fields with commas, quotes and line breaks", () => {
    expect(csvField('felt "tight", then better\nnext day')).toBe('"felt ""tight"", then better\nnext day"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-2 pain")).toBe("'-2 pain");
  });

  it("writes numbers and booleans plainly and null as empty", () => {
    expect(toCsv(["a", "b", "c"], [[-1, true, null]])).toBe("a,b,c\r\n-1,true,\r\n");
  });
});
