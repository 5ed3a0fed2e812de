import { describe, expect, it } from "vitest";
import { pieceKey } from "../../src/core/soundtrack/speech-pieces.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const sentence = "Roll the ball slowly under your arch.";
const clipPath = (text: string, key = pieceKey(text)) => `/api/voice/clips/${key}?text=${encodeURIComponent(text)}`;

describe.each(BACKENDS)("Limber's voice for a practice's own programs on %s", (name) => {
  const suite = useTestApp(name);

  it("speaks a sentence once into an MP3 clip and keeps it for the practice", async () => {
    const c = suite.t.client();
    await c.signUp();
    const first = await c.get(clipPath(sentence));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("audio/mpeg");
    expect(first.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    // An MPEG audio frame starts with eleven set bits.
    expect([first.bytes[0], first.bytes[1]! & 0xe0]).toEqual([0xff, 0xe0]);
    const samples = Number(first.headers.get("x-limber-samples"));
    // About 2.5 s of speech at 22,050 samples a second.
    expect(samples).toBeGreaterThan(22_050);
    expect(samples).toBeLessThan(5 * 22_050);
    const again = await c.get(clipPath(sentence));
    expect([again.status, again.headers.get("x-limber-samples"), again.bytes.length]).toEqual([200, String(samples), first.bytes.length]);
    const rows = await suite.t.database.db
      .selectFrom("voice_clips")
      .select(["key", "text", "samples"])
      .where("key", "=", pieceKey(sentence))
      .execute();
    expect(rows).toEqual([{ key: pieceKey(sentence), text: sentence, samples }]);
  });

  it("keeps each practice's clips its own", async () => {
    const words = "Breathe out as you lean in.";
    const a = suite.t.client();
    await a.signUp();
    await a.get(clipPath(words));
    const b = suite.t.client();
    await b.signUp();
    expect((await b.get(clipPath(words))).status).toBe(200);
    const orgs = await suite.t.database.db.selectFrom("voice_clips").select("organisation_id").where("key", "=", pieceKey(words)).execute();
    expect(orgs).toHaveLength(2);
    expect(orgs[0]!.organisation_id).not.toBe(orgs[1]!.organisation_id);
  });

  it("asks to sign in first, as speaking costs the server time", async () => {
    const res = await suite.t.client().get(clipPath(sentence));
    expect(res.status).toBe(401);
  });

  it("names what is wrong with a request it will not speak", async () => {
    const c = suite.t.client();
    await c.signUp();
    const count = async () => (await suite.t.database.db.selectFrom("voice_clips").select("key").execute()).length;
    const before = await count();
    const cases: [string, string, string][] = [
      [clipPath(sentence, "zz"), "key", "The clip name must be 16 hexadecimal characters."],
      [`/api/voice/clips/${pieceKey(sentence)}`, "text", "Send the sentence to say as text, from 1 to 400 characters."],
      [clipPath("x".repeat(401)), "text", "Send the sentence to say as text, from 1 to 400 characters."],
      [clipPath("Hold\u0007 it."), "text", "The sentence to say may not hold control characters."],
      [
        clipPath(sentence, pieceKey("Other words.")),
        "key",
        "The clip name does not match the sentence; ask for the name the app gives it.",
      ],
    ];
    for (const [path, field, message] of cases) {
      const res = await c.get(path);
      expect({ path, status: res.status, body: res.body }).toEqual({
        path,
        status: 400,
        body: {
          error: "Some of what was sent is not right. Correct each field named below and try again.",
          problems: [{ path: field, message }],
        },
      });
    }
    expect(await count()).toBe(before);
  });
});
