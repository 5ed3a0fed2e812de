import { describe, expect, it } from "vitest";
import { calibratedConfidence, calibrateDraft, calibrationKeys, structureOf } from "./calibration.ts";
import { CALIBRATION_TABLE } from "./calibration-table.ts";
import { importRoutine, readRoutine } from "./import-routine.ts";

const read = (text: string) => importRoutine(text).exercises;
const holds = (text: string) => read(text).map((e) => e.phases.map((p) => p.hold?.value ?? null));
const summary = (text: string) => read(text).map((e) => [e.name.value, e.reps.value.max, e.phases.map((p) => p.hold?.value.max ?? null)]);

describe("reading real routine texts: structure before quantities", () => {
  it("gives a hold stated once for every stretch to each stretch that states none, with a warning", () => {
    const text =
      "Hold each stretch for 15 to 30 seconds.\n\nHamstring stretch\n\nStand with one leg in front of the other and bend forward.\n\nQuad stretch\n\nStand and pull one foot to your bottom. Hold for 20 seconds.";
    expect(holds(text)).toEqual([[{ min: 15, max: 30 }], [{ min: 20, max: 20 }]]);
    expect(importRoutine(text).warnings.map((w) => w.message)).toContain(
      "A hold or repetitions stated once for every exercise were used for each exercise that gives none.",
    );
  });

  it("reads a page of stretching advice as no exercise at all", () => {
    expect(
      read(
        "Stretching Guidelines\n\n1. Try and hold each stretch for 5-10 seconds.\n2. Repeat exercise 2-3 times in succession.\n3. Stop if you feel any pain.",
      ),
    ).toEqual([]);
  });

  it("takes a heading over untimed steps as a movement", () => {
    const names = read(
      "Neck stretches\n\nCervical Rotation - Turn your head to the left, and hold. Turn to the right and hold.\n\nCervical Flexion - Look down towards the floor, then look up to the sky.",
    ).map((e) => e.name.value);
    expect(names).toEqual(["Cervical Rotation", "Cervical Flexion"]);
  });

  it("takes a list of names alone as a list of movements, each with the hold said for all", () => {
    const exercises = read(
      "Hold each stretch for 20 - 30 seconds.\n  1) Calf Stretch\n  2) Quadriceps Stretch\n  3) Groin (Butterfly) Stretch",
    );
    expect(exercises.map((e) => [e.name.value, e.phases[0]!.hold?.value])).toEqual([
      ["Calf Stretch", { min: 20, max: 30 }],
      ["Quadriceps Stretch", { min: 20, max: 30 }],
      ["Groin (Butterfly) Stretch", { min: 20, max: 30 }],
    ]);
  });

  it("reads a numbered item heading as a movement's name, not the routine's title", () => {
    expect(
      read(
        "1. Flexor/Extensor Stretch\n\nPlace your right arm in front of your body. Gently bend the wrist upwards.\n\n2. Finger Fan\n\nMake a fist, then slowly spread your fingers and hold.",
      ).map((e) => e.name.value),
    ).toEqual(["Flexor/Extensor Stretch", "Finger Fan"]);
  });

  it("reads a text of steps with no heading as one movement", () => {
    const exercises = read(
      "STEPS:\n1. Kneel on your hands and knees.\n2. As you exhale, lower your buttocks toward your heels.\n3. Rest your arms alongside the thighs.",
    );
    expect(exercises).toHaveLength(1);
    expect(exercises[0]!.position.value).toBe("kneeling");
  });

  it("starts a new movement where a paragraph sets up a new position after a timed one", () => {
    const text =
      "Laying on your back, rest your right ankle over the left knee and pull the left thigh toward your chest.\nHold stretch for 30 seconds. Repeat on the other side.\nWhile in a seated position, cross your right leg over your straightened left leg.\nHold this stretch for 30-60 seconds, and then repeat on the opposite side.";
    expect(read(text).map((e) => [e.position.value, e.phases[0]!.hold?.value])).toEqual([
      ["lying", { min: 30, max: 30 }],
      ["seated", { min: 30, max: 60 }],
    ]);
  });
});

describe("reading real routine texts: quantities, sides and positions", () => {
  it("reads the affected or injured leg as one side only, the left when none is named", () => {
    const [e] = read("Towel stretch: sit with the injured leg stretched out in front. Hold for 30 seconds. Repeat three times.");
    expect([e!.sides.value, e!.firstSide.value]).toEqual(["one", "left"]);
  });

  it("reads 'for both legs' and 'before changing sides' as both sides", () => {
    expect(read("Calf stretch: lean on a wall. Hold for 15 counts. Repeat 3 times for both legs.")[0]!.sides.value).toBe("both");
    expect(read("Kneeling hip flexor stretch: kneel and lean forward. Hold for 20-30 seconds before changing sides.")[0]!.sides.value).toBe(
      "both",
    );
  });

  it("reads clinical and wall positions", () => {
    const position = (t: string) => read(`Stretch: ${t} Hold for 30 seconds.`)[0]!.position.value;
    expect([
      position("Lie prone with your hands under your shoulders."),
      position("Start in side-lying with knees bent."),
      position("Facing a wall, step one foot back."),
      position("Start in half kneeling."),
    ]).toEqual(["lying", "lying", "standing", "kneeling"]);
  });

  it("reads the body raised up onto the balls of the feet or the toes as standing, unless a seat is named first", () => {
    const position = (t: string) => read(`Heel raise: ${t} Hold for 3 seconds.`)[0]!.position.value;
    expect([
      position("Balance and raise the body up onto the balls of your feet."),
      position("Rise up on your toes, then lower slowly."),
      position("Sit in a chair and come up onto your toes."),
    ]).toEqual(["standing", "standing", "seated"]);
  });

  it("reads a staggered or split stance, a doorway and a door frame as standing, and one knee down as kneeling", () => {
    const position = (t: string) => read(`Stretch: ${t} Hold for 30 seconds.`)[0]!.position.value;
    expect([
      position("Take a staggered stance and lean forward."),
      position("From a split stance, bend the front knee."),
      position("Place your forearms on the door frame and step through."),
      position("Stand in a doorway with your arms on the frame."),
      position("Get down on one knee and shift forward."),
    ]).toEqual(["standing", "standing", "standing", "standing", "kneeling"]);
  });

  it("reads leaning into or against a wall and holding onto a chair for balance as standing, unless a seat is named first", () => {
    const position = (t: string) => read(`Stretch: ${t} Hold for 30 seconds.`)[0]!.position.value;
    expect([
      position("Lean into a wall with one foot back."),
      position("Leaning against a wall, slide down."),
      position("Put your hands against the wall and step back."),
      position("Hold onto a chair for balance and lift one leg."),
      position("Sit in a chair and hold onto the back of it."),
    ]).toEqual(["standing", "standing", "standing", "standing", "seated"]);
  });

  it("does not take inches from a wall for a hold", () => {
    expect(holds('Calf Stretch\n\nStand about 12" from a wall. Lean in and hold for 30 seconds.')).toEqual([[{ min: 30, max: 30 }]]);
  });

  it("reads 'up to 5 breaths' as 3 to 5 breaths held 15 to 30 s (half the most to the most), and 'repeat once more' as twice", () => {
    const [e] = read("Reverse warrior: lift your right arm. Stay in the pose for up to 5 breaths. Repeat once more.");
    expect([e!.phases[0]!.breaths?.value, e!.phases[0]!.hold?.value, e!.reps.value]).toEqual([
      { min: 3, max: 5 },
      { min: 15, max: 30 },
      { min: 2, max: 2 },
    ]);
  });

  it("reads sets of a hold as its repetitions", () => {
    const [e] = read("Standing quad stretch: stand tall and pull one ankle toward your glutes. 2–3 sets × 20–40s per leg.");
    expect([e!.reps.value, e!.sets]).toEqual([{ min: 2, max: 3 }, null]);
  });
});

describe("calibrated confidence", () => {
  it("replaces a read value's rule score with the table's figure for its field, rule and structure", () => {
    const text = "Calf stretch: stand facing a wall with one foot back. Hold for 30 seconds. Repeat 3 times on each side.";
    const raw = readRoutine(text).exercises[0]!;
    const structure = structureOf(raw, false);
    const calibrated = importRoutine(text).exercises[0]!;
    expect(calibrated.phases[0]!.hold!.confidence).toBe(calibratedConfidence("hold", raw.phases[0]!.hold!.confidence, structure));
    expect(calibrated.reps.confidence).toBe(calibratedConfidence("reps", raw.reps.confidence, structure));
  });

  it("falls back from the most specific key to the field's own figure, and to the rule score when the table has none", () => {
    const fieldOnly = CALIBRATION_TABLE.hold!;
    expect(calibratedConfidence("hold", 0.123, "no-such-structure")).toBe(fieldOnly);
    expect(calibratedConfidence("hold", 0.95, "named")).toBe(CALIBRATION_TABLE["hold|0.95|named"]);
  });

  it("tells a long exercise from a short one, since long ones are more often several merged", () => {
    const steps = Array.from({ length: 12 }, (_, i) => `Step ${i + 1} moves the knee a little further over the toes.`).join(" ");
    const long = readRoutine(`Calf stretch: stand facing a wall. ${steps} Hold for 30 seconds.`).exercises[0]!;
    expect(structureOf(long, false)).toBe("named+w100");
    const short = readRoutine("Calf stretch: stand facing a wall. Hold for 30 seconds.").exercises[0]!;
    expect(structureOf(short, false)).toBe("named");
  });

  it("looks a value up by its structure, then without the length class, then by field and rule", () => {
    expect(calibrationKeys("hold", 0.95, "named+doubt+w60")).toEqual([
      "hold|0.95|named+doubt+w60",
      "hold|0.95|named+doubt",
      "hold|0.95",
      "hold",
    ]);
    expect(calibratedConfidence("hold", 0.95, "named+w60", { "hold|0.95|named": 0.8, hold: 0.5 })).toBe(0.8);
  });

  it("leaves defaults, which are always marked for checking, as they were", () => {
    const draft = readRoutine("Calf stretch\n\nStand facing a wall with one foot back. Lean in gently.");
    const before = draft.exercises[0]!.reps.confidence;
    expect(calibrateDraft(draft).exercises[0]!.reps).toMatchObject({ span: null, confidence: before });
  });

  it("says the structure is in doubt when headings and exercises do not match one to one", () => {
    expect(
      importRoutine("Morning stretches\n\nCalf stretch\n\nStand facing a wall. Hold for 30 seconds.\n\nWhy stretch\n\nIt helps.")
        .doubtfulStructure,
    ).toBe(true);
    expect(importRoutine("Calf stretch: stand facing a wall. Hold for 30 seconds.").doubtfulStructure).toBe(false);
  });
});

describe("reading real routine texts: where one movement ends and the next begins", () => {
  it("reads a paragraph that starts in a named pose after a timed movement as a movement of its own", () => {
    const text =
      "Sit tall on a chair and turn your upper body to the right.\nHold for 20 seconds, then turn to the left.\nStart in child's pose with your arms reaching forward.\nWalk your hands to the right and stay for 5 breaths.\n\nStart in Mountain pose with your feet together.\nRaise both arms overhead and hold for 30 seconds.";
    expect(read(text).map((e) => e.phases[0]!.hold?.value)).toEqual([
      { min: 20, max: 20 },
      { min: 30, max: 30 },
      { min: 30, max: 30 },
    ]);
  });

  it("reads a first line written like the later 'Name: …' lines as the first movement, not the title", () => {
    const text =
      "Thumb press: Go gently if your thumb is sore\nPress your thumb into your palm and let go. Do this with the other hand too.\nPalm stretch: Hold it for about 20 seconds\nPress your palms together in front of your chest and lower them slowly. Hold it for about 20 seconds. Repeat 5 times.";
    expect(summary(text)).toEqual([
      ["Thumb press", 1, [null]],
      ["Palm stretch", 5, [20]],
    ]);
  });

  it("does not take a hold in the name line and the same hold in the steps for two phases", () => {
    const text = "Palm stretch: Hold for 20 seconds\nPress your palms together and lower them slowly. Hold for 20 seconds. Repeat 5 times.";
    expect(summary(text)).toEqual([["Palm stretch", 5, [20]]]);
  });

  it("keeps a step that opens with 'Do this' or a clause before 'pick up' in its movement", () => {
    const text =
      "Toe exercises\nBead pickup\nScatter ten beads on the floor.\nUsing only your toes, pick up one bead at a time and drop it in a cup.\nDo this with one foot at a time.\nCalf raise\nStand behind a chair and rise onto your toes 10 times.";
    expect(read(text).map((e) => [e.name.value, e.sides.value])).toEqual([
      ["Bead pickup", "both"],
      ["Calf raise", "none"],
    ]);
  });

  it("does not start a new movement after a time that belongs to no movement", () => {
    const text =
      "Sphinx pose\n\nYou can stay with anything for a minute.\n\nStart by lying on your stomach with your elbows under your shoulders.\n\nLift your chest and stay here for 5 breaths.";
    expect(read(text).map((e) => e.name.value)).toEqual(["Sphinx pose"]);
  });

  it("does not read 'Just a minute.' as a movement named 'Just'", () => {
    const text = "Cat stretch\n\nKneel on all fours and round your back. Hold for 10 seconds.\n\nJust a minute.";
    expect(read(text).map((e) => e.name.value)).toEqual(["Cat stretch"]);
  });

  it("cuts a paragraph at 'Next,' after a counted movement, and at a placing step towards a hold", () => {
    const text =
      "Hand care\n\nTry these every hour. Hold your arms out and draw 5 to 10 circles with your wrists. Next, open and close your hands, repeating this 5 to 10 times. Place one palm on the table, fingers towards you, and lean gently. Hold each side for 5 breaths.";
    expect(read(text).map((e) => [e.reps.value, e.sides.value, e.phases[0]!.breaths?.value ?? null])).toEqual([
      [{ min: 5, max: 10 }, "none", null],
      [{ min: 5, max: 10 }, "none", null],
      [{ min: 1, max: 1 }, "both", { min: 5, max: 5 }],
    ]);
  });

  it("does not make a movement's paragraph a setting for all because an aside before it speaks of 'these stretches'", () => {
    const text = "Wrist stretches\n\nDo these stretches twice a day. Hold your arm out and pull the fingers back gently for 20 seconds.";
    const draft = importRoutine(text);
    expect(draft.exercises.map((e) => e.phases[0]!.hold?.value)).toEqual([{ min: 20, max: 20 }]);
  });

  it("does not give the pose a title lists to every movement as its position", () => {
    const text = "Salutes, Warrior and Hips\n\n- Cat-cow x5\n- Warrior two x3\n- Forward fold x3";
    expect(read(text).map((e) => e.position.value)).toEqual(["other", "standing", "other"]);
  });
});

describe("reading real routine texts: one hold for all, and lying another way", () => {
  it("under a hold said once for every stretch, reads each paragraph that opens with a step or a position as a movement", () => {
    const text =
      "Each stretch should be held for 20 seconds.\n\nLoop a strap around your foot and lie on your back. Pull the strap gently.\n\nIn a seated position, cross one ankle over the other knee and pull the toes back.\n\nDo not bounce.\n\nStand facing a wall and step one foot back, heel down.";
    expect(read(text).map((e) => [e.position.value, e.phases[0]!.hold?.value])).toEqual([
      ["lying", { min: 20, max: 20 }],
      ["seated", { min: 20, max: 20 }],
      ["standing", { min: 20, max: 20 }],
    ]);
  });

  it("starts a new movement at a timed paragraph that lies face up after one that lies face down, though the first has no time", () => {
    const text =
      "Sphinx stretch\n\nLie on your stomach with your elbows under your shoulders and lift your chest.\n\nPull one knee to your chest while lying on your back. Hold for 30 seconds.\n\nSide stretch\n\nStand tall and lean to one side. Hold for 10 seconds.";
    expect(read(text).map((e) => [e.position.value, e.phases[0]!.hold?.value ?? null])).toEqual([
      ["lying", null],
      ["lying", { min: 30, max: 30 }],
      ["standing", { min: 10, max: 10 }],
    ]);
  });

  it("reads the affected side as one side even beside 'the other foot', unless the text switches", () => {
    const side = (t: string) => read(`Calf stretch: ${t} Hold for 30 seconds.`)[0]!.sides.value;
    expect(side("Put the affected foot behind the other foot and lean in towards the wall.")).toBe("one");
    expect(side("Put the affected foot behind the other foot. Switch sides.")).toBe("both");
  });

  it("reads 'on the stair' and 'lean in towards the wall' as standing", () => {
    const position = (t: string) => read(`Calf stretch: ${t} Hold for 30 seconds.`)[0]!.position.value;
    expect([position("Put the balls of your feet on the stair and let the heels drop."), position("Lean in towards the wall.")]).toEqual([
      "standing",
      "standing",
    ]);
  });

  it("reads 'switch sides after 10 seconds' as a 10 s hold, and 'then switch sides and do it again' as once a side", () => {
    const [e] = read("Neck stretch: tilt your ear to your shoulder. Repeat on the other side after 10 seconds.");
    expect(e!.phases[0]!.hold?.value).toEqual({ min: 10, max: 10 });
    const [f] = read("Shoulder stretch: pull one arm across your body. Hold for 30 seconds, then switch sides and do it again.");
    expect([f!.reps.value, f!.sides.value]).toEqual([{ min: 1, max: 1 }, "both"]);
  });
});

describe("reading real routine texts: captions, lettered items and lines said of all", () => {
  it("cuts a flattened paragraph at picture captions ('Left:', 'Top right:'), each part a movement under the hold for all", () => {
    const text =
      "Heel care\n\nHold each stretch for 30 seconds and do it twice. Left: Stand with your back leg straight and lean forward. Switch legs. Top right: While sitting, pull your toes back towards you. Stretch one foot at a time.";
    expect(
      read(text).map((e) => [e.position.value, e.sides.value, e.firstSide.value, e.reps.value.max, e.phases[0]!.hold?.value.max]),
    ).toEqual([
      ["standing", "both", "left", 2, 30],
      ["seated", "both", "left", 2, 30],
    ]);
  });

  it("reads 'A.' and 'B.' as list items, and timed text before them that names no movement as said of all", () => {
    const text =
      "Gently ease into the stretch and hold. Hold the stretch for 20 seconds.\n\nA. Hamstring stretch (20 seconds x 3 reps)\n\nInstruction: Sit with one leg straight and reach for your toes. Hold for 20 seconds.\n\nB. Calf stretch (20 seconds x 3 reps)\n\nInstruction: Stand facing a wall and step one foot back. Hold for 20 seconds.";
    expect(summary(text)).toEqual([
      ["Hamstring stretch", 3, [20]],
      ["Calf stretch", 3, [20]],
    ]);
  });

  it("keeps a 'Repetition: 3 x 15 seconds per leg' line as a field of the movement above it", () => {
    const text =
      "Hip flexor stretch\n\nKneel in a lunge and move your hips forward. Hold for 15 seconds, then switch legs.\n\nRepetition: 3 x 15 seconds per leg";
    expect(summary(text)).toEqual([["Hip flexor stretch", 3, [15]]]);
  });

  it("reads 'a set of 3' as three repetitions, and 'repeat these steps with your other foot' as both sides beside the affected foot", () => {
    const [e] = read(
      "Toe stretch: sit and put your affected foot across your other knee. Hold for 20 seconds. Try to do a set of 3 each day. Repeat these steps with your other foot.",
    );
    expect([e!.reps.value, e!.sides.value]).toEqual([{ min: 3, max: 3 }, "both"]);
  });
});

describe("reading real routine texts: positions and the first side", () => {
  it("does not give a desk routine's title to its movements as sitting", () => {
    const text =
      "3 Quick Desk Stretches\n\n1. Overhead reach\n\nReach both arms up and hold for 20 seconds.\n\n2. Neck tilt\n\nSit tall and tilt your ear to your shoulder. Hold for 10 seconds.";
    expect(read(text).map((e) => e.position.value)).toEqual(["other", "seated"]);
  });

  it("reads one hand against a wall, stepping the feet apart and a comfortable seat as positions", () => {
    const position = (t: string) => read(`Stretch: ${t} Hold for 30 seconds.`)[0]!.position.value;
    expect([
      position("With one hand against a wall for balance, pull your heel back."),
      position("Start by stepping your feet apart and cross one arm over."),
      position("Begin in a comfortable seat and tilt your head."),
    ]).toEqual(["standing", "standing", "seated"]);
  });

  it("starts with the side worked, not the hand that helps or the foot kept still", () => {
    const first = (t: string) => read(`Stretch: ${t} Hold for 30 seconds. Switch sides.`)[0]!.firstSide.value;
    expect(first("Use your left hand to bend the right wrist back.")).toBe("right");
    expect(first("Keep your left foot flat and lift your right leg.")).toBe("right");
    expect(first("Use your hand to lift the left foot.")).toBe("left");
  });
});

describe("reading real routine texts: repeating without a count", () => {
  it("reads 'Release and repeat.' after a hold as twice, but a count the text gives wins", () => {
    expect(summary("Quad stretch\n\nPull your heel toward your buttock. Hold for 15 to 30 seconds. Release and repeat.")).toEqual([
      ["Quad stretch", 2, [30]],
    ]);
    expect(
      summary(
        "Towel scrunches\n\nSit in a chair. Scrunch the towel with your toes and hold. Then release the towel and repeat. Do this 8 to 10 times.",
      ),
    ).toEqual([["Towel scrunches", 10, [null]]]);
  });
});

describe("reading real routine texts: names written as a first sentence", () => {
  it("reads two or more list items that open with a short name sentence as one movement each", () => {
    const text =
      "Desk stretches\n\n1. Chest stretch. Place both hands on the back of your head. Hold for 3-5 breaths.\n\n2. Spinal twist. Sit sideways on the chair. Hold this pose for 3-5 breaths and then switch to the left side.";
    expect(summary(text)).toEqual([
      ["Chest stretch", 1, [30]],
      ["Spinal twist", 1, [30]],
    ]);
  });

  it("does not take one such item, or items that open with a step ('Relax.', 'Stand tall.'), for names", () => {
    expect(summary("Neck stretch\n\n- Good form. Keep your back straight.\n- Tilt your head. Hold for 20 seconds.")).toEqual([
      ["Neck stretch", 1, [20]],
    ]);
    expect(summary("Side reach\n\n- Stand tall. Reach up with one arm.\n- Relax. Hold for 20 seconds.")).toEqual([["Side reach", 1, [20]]]);
  });
});

describe("reading real routine texts: a count said of each exercise in a long introduction", () => {
  const intro =
    "These exercises help your new hip. Do them slowly. Aim to do them four times a day. As you get stronger you will do more. To start with, aim to do 10 repetitions of each exercise and build to do 20.";

  it("gives '10 repetitions of each exercise' to every movement, however many sentences the introduction has", () => {
    const text = `Hip exercises\n\n${intro}\n\nKnee extension\n\nPlace a rolled towel under your knee. Hold for five seconds.\n\nHip abduction\n\nLying on your back, slide your leg out to the side.`;
    expect(summary(text)).toEqual([
      ["Knee extension", 10, [5]],
      ["Hip abduction", 10, [null]],
    ]);
  });

  it("does not make a long paragraph a setting for 'each' alone, without an exercise named after it", () => {
    const text = `Hip exercises\n\n${intro.replace("of each exercise", "each time")}\n\nKnee extension\n\nPlace a rolled towel under your knee. Hold for five seconds.`;
    expect(summary(text).map((e) => e[0])).toEqual(["Hip exercises", "Knee extension"]);
  });
});

describe("reading real routine texts: balancing as a step", () => {
  it("reads a heading over 'Balance and raise the body …' as a movement of its own", () => {
    const text =
      "Exercises\n\n1. Calf Stretch\n\n- Facing a wall, lean into the wall.\n\n2. Heel Raise\n\n- Balance and raise the body up onto the balls of your feet";
    expect(read(text).map((e) => e.name.value)).toEqual(["Calf Stretch", "Heel Raise"]);
  });
});

describe("reading real routine texts: a first line asking how to do one movement", () => {
  it("reads 'How to … ?' over one step as the movement it names", () => {
    const text =
      'How to "Thoracic Rotation with Shoulder Rotation" ?\n\n- Lie on your side, top leg bent at 90 degrees. Rotate the top arm in a full circle. Return to start position and repeat.';
    expect(read(text).map((e) => [e.position.value, e.reps.value.max])).toEqual([["lying", 1]]);
  });

  it("still reads a first line asking how much or how often as advice, not a movement", () => {
    expect(read("How often should I stretch?\n\n- Stretch every day, holding each stretch for 30 seconds.")).toEqual([]);
  });
});

describe("reading real routine texts: a hold for all written in a heading", () => {
  it("reads 'Morning stretches (hold each for 30 seconds)' as the hold of every movement under it, not a movement", () => {
    const text =
      "Morning stretches (hold each for 30 seconds)\n\nCalf stretch\nLean into a wall with one foot back.\n\nQuad stretch\nStand and pull your heel to your buttock.";
    expect(summary(text)).toEqual([
      ["Calf stretch", 1, [30]],
      ["Quad stretch", 1, [30]],
    ]);
  });

  it("reads 'Stretches - 30 sec each' over a list of names as each one's hold", () => {
    expect(summary("Stretches - 30 sec each\n\n- Calf stretch\n- Quad stretch\n- Hamstring stretch")).toEqual([
      ["Calf stretch", 1, [30]],
      ["Quad stretch", 1, [30]],
      ["Hamstring stretch", 1, [30]],
    ]);
  });

  it("still reads 'Hamstring stretches: 30 s each leg' as a movement, each leg being a side", () => {
    expect(summary("Hamstring stretches: 30 s each leg\n\nSit and reach.\n\nRepeat twice.")).toEqual([["Hamstring stretches", 2, [30]]]);
  });

  it("still reads 'Ankle stretches: 30 s each ankle' as a movement: 'each' before any limb the sides are read by is per side", () => {
    expect(summary("Ankle stretches: 30 s each ankle\n\nSit and point your toes.\n\nRepeat twice.")).toEqual([
      ["Ankle stretches", 2, [30]],
    ]);
  });
});
