import { describe, expect, it } from "vitest";
import { hashSegments } from "./hash-params.ts";

describe("hashSegments", () => {
  it("gives the parts after the page name", () => {
    expect(hashSegments("#/client/4f1c")).toEqual(["4f1c"]);
  });

  it("ignores the query and decodes each part", () => {
    expect(hashSegments("#/join/AB%20CD?x=1")).toEqual(["AB CD"]);
  });

  it("is empty for a page without parts", () => {
    expect(hashSegments("#/coach")).toEqual([]);
    expect(hashSegments("")).toEqual([]);
  });
});
