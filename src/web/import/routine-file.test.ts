import { describe, expect, it } from "vitest";
import { decodeRoutineBytes, MAX_ROUTINE_BYTES, pastedTextProblem, routineFileProblem } from "./routine-file.ts";

describe("reading a routine file", () => {
  it("accepts .txt, .md and .html files within the size limit", () => {
    for (const name of ["a.txt", "b.MD", "c.markdown", "d.html", "e.htm"]) expect(routineFileProblem({ name, size: 2000 })).toBeNull();
  });

  it("refuses other kinds of file, naming the ones it reads", () => {
    expect(routineFileProblem({ name: "scan.pdf", size: 2000 })).toMatch(/“scan\.pdf” is not a text file.*\.txt, \.md or \.html/);
  });

  it("refuses a file over the limit, saying both sizes and what to do instead", () => {
    expect(routineFileProblem({ name: "book.txt", size: 2 * 1024 * 1024 })).toBe(
      "“book.txt” is 2.0 MB; Limber reads files up to 300 KB. Copy just the routine and paste it instead.",
    );
  });

  it("refuses pasted text over the limit", () => {
    expect(pastedTextProblem("x".repeat(MAX_ROUTINE_BYTES + 1))).toMatch(/Limber reads up to 300 KB/);
    expect(pastedTextProblem("Hold 30 s.")).toBeNull();
  });

  it("decodes UTF-8 text and refuses binary or other encodings", () => {
    expect(decodeRoutineBytes("a.txt", new TextEncoder().encode("Calf stretch – 30 s"))).toEqual({ ok: true, text: "Calf stretch – 30 s" });
    expect(decodeRoutineBytes("a.txt", new Uint8Array([72, 0, 105]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/binary/),
    });
    expect(decodeRoutineBytes("a.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/UTF-8/),
    });
  });
});
