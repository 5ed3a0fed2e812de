import { describe, expect, it } from "vitest";
import { MAX_QUANTITIES, readQuantities, SECONDS_PER_BREATH, type QuantityKind } from "./quantities.ts";
import { tokenize } from "./tokens.ts";

const read = (text: string) =>
  readQuantities(tokenize(text)).map((q) => ({ kind: q.kind, min: q.range.min, max: q.range.max, text: text.slice(q.start, q.end) }));
const one = (text: string, kind: QuantityKind, min: number, max = min) =>
  expect(read(text)).toContainEqual(expect.objectContaining({ kind, min, max }));

describe("reading holds", () => {
  it("reads ranges written with a hyphen, an en dash, 'to' and 'between … and'", () => {
    one("Hold for 10-20 seconds.", "hold", 10, 20);
    one("hold 10–20 s", "hold", 10, 20);
    one("10 to 15 secs", "hold", 10, 15);
    one("hold between 15 and 30 seconds", "hold", 15, 30);
  });

  it("reads glued units and spelled-out numbers", () => {
    one("child's pose 30s", "hold", 30);
    one("hold forty-five seconds", "hold", 45);
    one("hold ten to fifteen seconds", "hold", 10, 15);
  });

  it("reads minutes, half a minute and mixed units", () => {
    one("hold for half a minute", "hold", 30);
    one("stay for a full minute", "hold", 60);
    one("one and a half minutes", "hold", 90);
    one("Hold 1-2 minutes", "hold", 60, 120);
    one("stay for 30 seconds to 1 minute", "hold", 30, 60);
  });

  it("turns a breath count into seconds at the documented rate", () => {
    one("stay for 5 deep breaths", "breaths", 5);
    const q = readQuantities(tokenize("for 5 deep breaths"))[0]!;
    expect(q.seconds).toEqual({ min: 5 * SECONDS_PER_BREATH, max: 5 * SECONDS_PER_BREATH });
  });

  it("reads rests, build-up targets and routine lengths as something other than a hold", () => {
    one("Rest 30 seconds between sets", "rest", 30);
    one("build up to 2 minutes", "target", 120);
    one("a 5 min morning reset", "other", 300);
  });

  it("treats resting in the pose as holding it", () => {
    one("Rest here for 6-8 slow breaths", "breaths", 6, 8);
  });
});

describe("reading repetitions and sets", () => {
  it("reads times, x-multipliers before and after, and words like twice", () => {
    one("Repeat three times.", "reps", 3);
    one("Repeat 2-3x on each side.", "reps", 2, 3);
    one("cat cow x10", "reps", 10);
    one("do it twice", "reps", 2);
    one("two or three times", "reps", 2, 3);
    one("Do 8 on each side.", "reps", 8);
    one("3 each leg", "reps", 3);
    one("Do 5 lunges with each leg.", "reps", 5);
    one("perform 10 heel raises", "reps", 10);
    one("Repeat three contract/relax cycles on each side", "reps", 3);
  });

  it("does not count a plural that is not the movement as repetitions", () => {
    expect(read("Do 3 stretches every morning").filter((q) => q.kind === "reps")).toEqual([]);
  });

  it("reads sets with their repetitions", () => {
    one("3 sets of 10", "sets", 3);
    one("3 sets of 10", "reps", 10);
    one("Do 2 x 15", "sets", 2);
    one("Do 2 x 15", "reps", 15);
  });

  it("reads '2x30s' as two repetitions of a 30 second hold", () => {
    expect(read("2x30s")).toEqual([
      { kind: "reps", min: 2, max: 2, text: "2x" },
      { kind: "hold", min: 30, max: 30, text: "30s" },
    ]);
  });

  it("reads 'twice a day' as how often, not as repetitions", () => {
    one("do this twice a day", "other", 2);
  });

  it("counts repetitions spread 'throughout the day', but not a length spread so", () => {
    one("Perform for 10-15 repetitions throughout the day", "reps", 10, 15);
    one("walk for 10 minutes throughout the day", "other", 600);
  });

  it("stops quietly when a range joiner ends the text", () => {
    expect(read("hold 2 minutes to")).toEqual([{ kind: "hold", min: 120, max: 120, text: "2 minutes" }]);
  });
});

describe("words near a hold, inside its sentence", () => {
  const repeats = (text: string) => readQuantities(tokenize(text)).map((q) => q.repeatsHold);
  const filler = (n: number) => Array.from({ length: n }, () => "gently").join(" ");

  it("marks a hold said for the other side as a repeat, before or after it in the sentence", () => {
    expect(repeats("Switch legs and hold 30 seconds.")).toEqual([true]);
    expect(repeats("Hold 30 seconds on the other leg.")).toEqual([true]);
  });

  it("does not look past the end of the sentence or further than 30 words", () => {
    expect(repeats("Switch legs. Hold 30 seconds.")).toEqual([false]);
    expect(repeats(`Switch legs ${filler(27)} hold 30 seconds.`)).toEqual([true]);
    expect(repeats(`Switch legs ${filler(28)} hold 30 seconds.`)).toEqual([false]);
    expect(repeats(`Hold 30 seconds ${filler(29)} other leg.`)).toEqual([true]);
    expect(repeats(`Hold 30 seconds ${filler(30)} other leg.`)).toEqual([false]);
  });

  it("reads each of many holds in one long sentence on its own: only the last seven are within 30 words of 'switch'", () => {
    expect(repeats(`${"Hold 30s, ".repeat(40)}then switch.`)).toEqual([...Array(33).fill(false), ...Array(7).fill(true)]);
  });
});

describe("reading a crowded run of tokens", () => {
  it("stops at MAX_QUANTITIES (200) quantities, the first ones in order", () => {
    const qs = readQuantities(tokenize("x3 ".repeat(250)));
    expect(MAX_QUANTITIES).toBe(200);
    expect(qs).toHaveLength(200);
    expect(qs[199]!.start).toBe(199 * 3);
  });
});

describe("reading counts of a movement and sets", () => {
  it("reads 'draw 5 to 10 circles' and 'make 8 circles clockwise' as repetitions", () => {
    one("Lift your arms and draw 5 to 10 circles with your wrists.", "reps", 5, 10);
    one("Make 8 circles clockwise with the ankle.", "reps", 8);
  });

  it("reads 'three sets of 10 repetitions each day' as sets of repetitions, not as how often", () => {
    expect(read("Do three sets of 10 repetitions each day.").map((q) => [q.kind, q.min, q.max])).toEqual([
      ["sets", 3, 3],
      ["reps", 10, 10],
    ]);
    one("Do it twice a day.", "other", 2);
  });
});

describe("repeating without a count", () => {
  const reps = (text: string) =>
    readQuantities(tokenize(text))
      .filter((q) => q.kind === "reps")
      .map((q) => ({ min: q.range.min, max: q.range.max, implied: q.implied, text: text.slice(q.start, q.end) }));

  it("reads 'release and repeat' and 'hold …, repeat and then switch' as the movement twice, marked as implied", () => {
    expect(reps("Hold the stretch for 15 to 30 seconds. Release and repeat.")).toEqual([{ min: 2, max: 2, implied: true, text: "repeat" }]);
    expect(reps("Hold this for 10 seconds, repeat and then switch sides.")).toEqual([{ min: 2, max: 2, implied: true, text: "repeat" }]);
    expect(reps("Relax, then repeat, trying to stretch farther.")).toEqual([{ min: 2, max: 2, implied: true, text: "repeat" }]);
  });

  it("reads 'repeat the motion' as twice, though nothing was held", () => {
    expect(reps("Then reverse the direction. Repeat the motion.")).toEqual([{ min: 2, max: 2, implied: true, text: "Repeat the motion" }]);
  });

  it("does not read 'repeat' as twice after a switch, before a side or a count, or with nothing held or named", () => {
    expect(reps("Switch legs and repeat.")).toEqual([]);
    expect(reps("Hold for 20 seconds. Repeat on the other side.")).toEqual([]);
    expect(reps("Hold 10 seconds and repeat 3 times.")).toEqual([{ min: 3, max: 3, implied: false, text: "3 times" }]);
    expect(reps("Return to start position and repeat.")).toEqual([]);
    expect(reps("Repeat: 3")).toEqual([{ min: 3, max: 3, implied: false, text: "3" }]);
  });

  it("does not count 'to complete one rep', which says what a repetition is", () => {
    expect(reps("Do both sides to complete one rep. Do 5-10 reps.")).toEqual([{ min: 5, max: 10, implied: false, text: "5-10 reps" }]);
  });

  it("reads 'alternate 5 to 10 cat-cow stretches' as 5 to 10 repetitions", () => {
    expect(reps("Alternate 5 to 10 cat-cow stretches, then return to neutral.")).toEqual([
      { min: 5, max: 10, implied: false, text: "5 to 10" },
    ]);
  });
});

describe("lengths that are not holds, and the most a hold may be", () => {
  it("reads the length of one breath in or out as no hold", () => {
    one("Breathe in 5 seconds, pause at the top of the breath.", "other", 5);
    one("then breathe out through nose for 5 seconds", "other", 5);
    one("Inhale for 4 seconds.", "other", 4);
  });

  it("still reads a hold beside a breath when the clause holds, or breathes without a direction", () => {
    one("Exhale and hold for 10 seconds.", "hold", 10);
    one("Stay here and breathe deeply for 30 seconds.", "hold", 30);
  });

  it("reads 'a maximum of 10 seconds' and 'at most 20 seconds' like 'up to': half of it to it", () => {
    one("Hold this position for a maximum of 10 seconds.", "hold", 5, 10);
    one("Hold for at most 20 seconds.", "hold", 10, 20);
    one("Hold for up to 30 seconds.", "hold", 15, 30);
  });

  it("times 'up to 5 breaths' from half the most to the most, 15 to 30 s", () => {
    const [q] = readQuantities(tokenize("Stay in the pose for up to 5 breaths."));
    expect([q!.kind, q!.range, q!.seconds]).toEqual(["breaths", { min: 3, max: 5 }, { min: 15, max: 30 }]);
  });
});

describe("letting go after a hold", () => {
  it("reads 'hold for five seconds and relax' as a hold, not a rest", () => {
    expect(read("Hold for five seconds and relax.")).toEqual([{ kind: "hold", min: 5, max: 5, text: "five seconds" }]);
    expect(read("Hold 10 seconds then relax.")).toEqual([{ kind: "hold", min: 10, max: 10, text: "10 seconds" }]);
    expect(read("Hold this position for 30 to 60 seconds and then relax.")).toEqual([
      { kind: "hold", min: 30, max: 60, text: "30 to 60 seconds" },
    ]);
  });

  it("still reads a rest given its own length, or a length not held, as a rest", () => {
    expect(read("Hold for 5 seconds and rest for 10 seconds.").map((q) => [q.kind, q.min])).toEqual([
      ["hold", 5],
      ["rest", 10],
    ]);
    one("Stretch for 30 seconds and rest.", "rest", 30);
  });
});

describe("how often, written in more ways", () => {
  it("reads '3 times/day', '3x/day' and '2 to 3 times in a day' as how often", () => {
    one("Do this 3 times/day.", "other", 3);
    one("Do it 3x/day.", "other", 3);
    one("Do these 2 to 3 times in a day.", "other", 2, 3);
  });

  it("reads '3 times throughout the day' as how often, but '10-15 repetitions throughout the day' as repetitions", () => {
    one("Do this exercise 3 times throughout the day.", "other", 3);
    one("Do it twice during the day.", "other", 2);
    one("Perform for 10-15 repetitions throughout the day", "reps", 10, 15);
  });

  it("reads 'once or twice' as one or two repetitions, and 'once or twice a day' as how often", () => {
    expect(read("Do this once or twice.")).toEqual([{ kind: "reps", min: 1, max: 2, text: "once or twice" }]);
    expect(read("Do this once or twice a day.")).toEqual([{ kind: "other", min: 1, max: 2, text: "once or twice" }]);
  });
});

describe("sets, breaths and minutes, written in more ways", () => {
  it("reads '10 reps x 3 sets' as 3 sets of 10", () => {
    expect(read("Do 10 reps x 3 sets.").map((q) => [q.kind, q.min])).toEqual([
      ["reps", 10],
      ["sets", 3],
    ]);
  });

  it("reads '3 rounds of 10' as 3 sets of 10, but '3 rounds of 30 seconds' as three times a hold", () => {
    expect(read("Do 3 rounds of 10.").map((q) => [q.kind, q.min])).toEqual([
      ["sets", 3],
      ["reps", 10],
    ]);
    expect(read("3 rounds of 30 seconds").map((q) => [q.kind, q.min])).toEqual([
      ["reps", 3],
      ["hold", 30],
    ]);
  });

  it("reads '5 rounds of breath' as five breaths", () => {
    one("Stay here for 5 rounds of breath.", "breaths", 5);
  });

  it("reads 'a minute or two' as one to two minutes", () => {
    one("Hold for a minute or two.", "hold", 60, 120);
  });
});

describe("counting in a hold", () => {
  it("reads 'scrunch it up, and count to 5' as a 5 s hold, with no hold word before it", () => {
    expect(read("Grab the towel with your toes, scrunch it up, and count to 5. Then release the towel.")).toEqual([
      { kind: "hold", min: 5, max: 5, text: "count to 5" },
    ]);
  });
});

describe("how long the whole takes, and the time spent on each", () => {
  it("reads 'in just 10 minutes' as how long the whole takes, not a hold", () => {
    one("In just 10 minutes you can stretch your whole body.", "other", 600);
    one("You can do the routine in under 5 minutes.", "other", 300);
  });

  it("reads 'spend 30 seconds on each side' as a hold, but 'spend another 5-10 minutes cooling down' not", () => {
    one("Spend 30 seconds on each side.", "hold", 30);
    one("Spend 1-2 minutes on each stretch.", "hold", 60, 120);
    one("Spend another 5-10 minutes cooling down.", "other", 300, 600);
  });
});

describe("breaths and counts, written in more ways", () => {
  it("reads breaths after adjectives joined by commas or 'and', and after words such as 'belly' and 'nice'", () => {
    one("Hold for 5-8 long, slow breaths.", "breaths", 5, 8);
    one("Stay for 10 slow and deep breaths.", "breaths", 10);
    one("Hold for 5 deep belly breaths.", "breaths", 5);
    one("Hold for 5 to 10 nice deep breaths.", "breaths", 5, 10);
  });

  it("reads 'breathe deeply 5 times' and 'x5 breaths' as five breaths, not repetitions", () => {
    one("Breathe deeply 5 times.", "breaths", 5);
    one("Inhale and exhale 5 times.", "breaths", 5);
    one("Hold for x5 breaths.", "breaths", 5);
    one("Breathe out as you lift your leg, 10 times.", "reps", 10);
  });

  it("reads 'an 8 count' as a count, like '8 counts'", () => {
    one("Hold for an 8 count.", "hold", 8);
  });
});

describe("lengths across units and wordy lengths", () => {
  it("reads 'between 30 seconds and 1 minute' and 'half a minute to a minute' as one range", () => {
    expect(read("Hold between 30 seconds and 1 minute.")).toEqual([
      { kind: "hold", min: 30, max: 60, text: "between 30 seconds and 1 minute" },
    ]);
    one("Hold for half a minute to a minute.", "hold", 30, 60);
    one("Hold for half a minute to 2 minutes.", "hold", 30, 120);
  });

  it("reads '1 minute 30 seconds' and '1 min 30 sec' as one length of 90 s", () => {
    expect(read("Hold for 1 minute 30 seconds each side.")).toEqual([{ kind: "hold", min: 90, max: 90, text: "1 minute 30 seconds" }]);
    one("Hold 1 min 30 sec.", "hold", 90);
  });

  it("reads '1½ minutes' as 90 s, and '10 or more seconds' as at least 10 s", () => {
    one("Hold for 1½ minutes.", "hold", 90);
    one("Hold for 10 or more seconds.", "hold", 10);
  });

  it("reads a long run of 'between' or 'a minute to' one step at a time", () => {
    expect(readQuantities(tokenize("between ".repeat(5000))).length).toBe(0);
    expect(readQuantities(tokenize("a minute to ".repeat(5000))).length).toBeGreaterThan(0);
  });
});
