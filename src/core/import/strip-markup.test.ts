import { describe, expect, it } from "vitest";
import { inputSpan, looksLikeHtml, stripMarkup } from "./strip-markup.ts";

describe("stripping markup", () => {
  it("turns HTML headings and list items into heading and list lines, dropping scripts and styles", () => {
    const plain = stripMarkup("<style>p{}</style><h2>Calf stretch</h2><ul><li>Stand tall</li></ul><script>x()</script>");
    expect(plain.text.split("\n").filter((l) => l.trim() !== "")).toEqual(["## Calf stretch", "- Stand tall"]);
  });

  it("decodes entities such as &ndash; and &amp;", () => {
    expect(stripMarkup("<p>Cat &amp; camel: 5&ndash;10 times</p>").text.trim()).toBe("Cat & camel: 5–10 times");
  });

  it("drops markdown emphasis and link targets but keeps list markers", () => {
    expect(stripMarkup("- hold *gently* for [30 s](http://example.invalid)").text).toBe("- hold gently for 30 s");
  });

  it("reads a bold lead-in as a label", () => {
    expect(stripMarkup("**Low lunge.** From kneeling").text).toBe("Low lunge: From kneeling");
  });

  it("maps every kept character back to its offset in the input", () => {
    const input = "<p>Hold <b>30 seconds</b></p>";
    const plain = stripMarkup(input);
    const at = plain.text.indexOf("30 seconds");
    const span = inputSpan(plain, at, at + "30 seconds".length);
    expect(input.slice(span.start, span.end)).toBe("30 seconds");
  });

  it("leaves plain text with a stray '<' alone", () => {
    expect(looksLikeHtml("hold < 30 s if it hurts")).toBe(false);
    expect(stripMarkup("hold < 30 s").text).toBe("hold < 30 s");
  });

  it("reads markdown table rows as labelled lines and drops the rule row", () => {
    const lines = stripMarkup("| Exercise | Hold |\n|---|---|\n| Calf stretch | 30 s |").text.split("\n");
    expect(lines.map((l) => l.replace(/\s+/g, " ").trim())).toEqual(["Exercise – Hold", "Calf stretch – 30 s"]);
  });
});
