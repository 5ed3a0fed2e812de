import { describe, expect, it } from "vitest";
import { readBlocks } from "./blocks.ts";
import { importRoutine } from "./import-routine.ts";

const names = (text: string) => importRoutine(text).exercises.map((e) => e.name.value);
const holds = (text: string) => importRoutine(text).exercises.map((e) => e.phases.map((p) => p.hold?.value.max ?? null));

describe("finding where exercises begin and end", () => {
  it("takes each heading with a timed body as one exercise", () => {
    expect(names("# Routine\n\n## Calf stretch\nStand at a wall. Hold 30 s.\n\n## Hamstring stretch\nLie down. Hold 20 s.")).toEqual([
      "Calf stretch",
      "Hamstring stretch",
    ]);
  });

  it("keeps numbered steps under one heading as one exercise", () => {
    const text =
      "Standing calf stretch\n\n1. Stand facing a wall.\n2. Step one foot back.\n3. Hold for 30 seconds.\n4. Repeat with the other leg.";
    expect(names(text)).toEqual(["Standing calf stretch"]);
  });

  it("splits a heading's body at 'Name:' labels, each with its own hold", () => {
    const text =
      "Ankle stretches\nCalf Stretch: stand at a wall. Hold 20-30 seconds.\nShin Stretch: kneel and sit back. Hold 20-60 seconds.";
    expect(names(text)).toEqual(["Calf Stretch", "Shin Stretch"]);
  });

  it("reads short timed lines that start with a name as one exercise each", () => {
    expect(names("Quick reset\n\ncat cow x10\nchild's pose 30s\nseated twist 2x30s per side")).toEqual([
      "Cat cow",
      "Child's pose",
      "Seated twist",
    ]);
  });

  it("starts a new exercise at a paragraph that names its own position and hold", () => {
    const text =
      "Two stretches\n\nStand in a doorway and lean forward. Hold for half a minute.\n\nLie on your stomach on your forearms. Stay for a full minute.";
    expect(holds(text)).toEqual([[30], [60]]);
  });

  it("leaves text after the last exercise out of it and lists it as unused", () => {
    const draft = importRoutine("## Calf stretch\nStand at a wall. Hold 30 s.\n\nFollow us for more tips and news!");
    expect(draft.exercises).toHaveLength(1);
    expect(draft.unparsed.map((u) => u.text)).toEqual(["Follow us for more tips and news!"]);
  });
});

describe("splitting an exercise into timed phases", () => {
  it("makes two holds in one paragraph two phases of one exercise", () => {
    const text =
      "Strap stretch\nSit with a strap around your foot. Turn the sole out (eversion). Hold 10 s. Now turn it in (inversion). Hold 10 s.";
    const e = importRoutine(text).exercises[0]!;
    expect(e.phases.map((p) => [p.motion.value, p.hold?.value])).toEqual([
      ["eversion", { min: 10, max: 10 }],
      ["inversion", { min: 10, max: 10 }],
    ]);
  });

  it("does not count the same hold on the other side as a new phase", () => {
    expect(
      holds("Quad stretch\nStand and hold your right ankle behind you. Hold 30 s. Switch legs and hold 30 s on the other side."),
    ).toEqual([[30]]);
  });

  it("reads 'a minute, or a minute and a half' as one hold with a range", () => {
    const e = importRoutine("Sphinx\nLie on your stomach. Stay for a full minute, or a minute and a half if it feels good.").exercises[0]!;
    expect(e.phases.map((p) => p.hold?.value)).toEqual([{ min: 60, max: 90 }]);
  });

  it("keeps a breath count beside a time in the same sentence as one hold", () => {
    const e = importRoutine("Lunge\nKneel and step forward. Hold for 30 seconds (about 5 breaths).").exercises[0]!;
    expect(e.phases.map((p) => [p.hold?.value, p.breaths?.value])).toEqual([
      [
        { min: 30, max: 30 },
        { min: 5, max: 5 },
      ],
    ]);
  });

  it("reads '1-Child's pose' over a paragraph as a numbered name, but not '5-minute stretches'", () => {
    const text =
      "Morning yoga\n\n1-Child's pose\n\nSit on your heels and fold forward.\n\n2-Mountain Pose\n\nStand with your toes touching.";
    expect(names(text)).toEqual(["Child's pose", "Mountain Pose"]);
    expect(readBlocks("5-minute stretches\n\nStand facing a wall.").map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("takes a heading over steps that open with a clause before the verb as a movement", () => {
    const text =
      "Ankle rehab\n\nBalance\n\nStand on one leg for 30 seconds.\n\nAnkle alphabet\n\nUsing ankle and foot only, trace the letters of the alphabet in the air.";
    expect(names(text)).toEqual(["Balance", "Ankle alphabet"]);
  });

  it("takes a heading over steps that open with an adverb as a movement", () => {
    const text = "Spinal twist\n\nAlways keep both shoulders on the bed and turn your knees.\n\nUpper back stretch\n\nSit on the bed edge.";
    expect(names(text)).toEqual(["Spinal twist", "Upper back stretch"]);
  });

  it("opens an exercise at a label that numbers it in words, naming it by the words after", () => {
    const text =
      "My suggestions for your feet.\nExercise One: Foot circles\nCircle the foot one way, then the other. Do this for 20-30 seconds.\nExercise Two: Towel pickup.\nExercise Three: Massage.";
    expect(names(text)).toEqual(["Foot circles", "Towel pickup", "Massage"]);
  });

  it("reads a list whose timed items are each a whole prescription as one movement an item, untimed ones too", () => {
    const text = [
      "Neck and shoulders",
      "",
      "- Shrug your shoulders to your ears. Hold for three to five seconds. Repeat two or three times.",
      "- While sitting or standing – without lifting your chin – glide your head back. Hold for 20 counts and repeat five to 10 times.",
      "- Slowly drop your head to the left. Hold and then repeat on the right side.",
    ].join("\n");
    const read = importRoutine(text).exercises;
    expect(read.map((e) => [e.reps.value.max, e.phases[0]!.hold?.value.max ?? null])).toEqual([
      [3, 5],
      [10, 20],
      [1, null],
    ]);
  });

  it("reads a numbered name in title case as a name even when its first word is also a verb", () => {
    const text =
      "Home program\n\n5. Straight Leg Raise\nLie on back with 1 knee bent.\n\n6. Lower Trunk Rotation\nLie on back with knees bent.";
    expect(names(text)).toEqual(["Straight Leg Raise", "Lower Trunk Rotation"]);
  });

  it("reads list items each labelled with a name as movements, even with no time of their own", () => {
    const text =
      "The morning routine\n\n1. Crunches – Side to side, back off the floor.\n2. Press-ups – Chest to floor, then full extension.\n3. Squats – Legs parallel to floor.";
    expect(names(text)).toEqual(["Crunches", "Press-ups", "Squats"]);
  });

  it("never opens an exercise at a field label, takes no hold from the routine's elapsed time, and reads the name line's hold said again as one", () => {
    const text =
      "Warm-down\n\nCalf stretch (30 seconds x 2 reps)\n\nElapsed Time: 10 to 11 minutes\n\nInstruction: Stand leading with your right leg. Hold for 30 seconds. Switch sides and repeat.";
    const read = importRoutine(text).exercises;
    expect(read.map((e) => [e.name.value, e.phases.map((p) => p.hold?.value.max ?? null)])).toEqual([["Calf stretch", [30]]]);
  });

  it("reads a first line that numbers a movement as that movement, not the title, and keeps its steps", () => {
    const text =
      "EXERCISE 1: Range of Motion: Alphabet\nGet comfortable in a chair. Sit up straight and write the alphabet in the air with your toe.\nEXERCISE 2: Range of Motion: Towel\nGet comfortable in your chair, sitting straight. Pull the towel toward you with your toes.";
    const read = importRoutine(text).exercises;
    expect(read.map((e) => [e.name.value, e.position.value])).toEqual([
      ["Range of Motion: Alphabet", "seated"],
      ["Range of Motion: Towel", "seated"],
    ]);
  });

  it("reads a bare name in a list of timed name lines as a movement of its own", () => {
    expect(names("Class plan\n\n- DD to plank x3\n- Sphinx roll-ups x 5\n- Utkatasana\n- Sun As x 3")).toEqual([
      "DD to plank",
      "Sphinx roll-ups",
      "Utkatasana",
      "Sun As",
    ]);
  });

  it("does not take a name item for a movement among untimed label lines (a subtitle, a tagline)", () => {
    const text = [
      "Mobility Training - Hip Stretch",
      "Mobility Training – The Best Exercises for Full-Body Flexibility",
      "Improving mobility is not just about stretching.",
      "- 90/90 Hip Stretch – Unlock Your Hips",
      "What is the 90/90 Stretch?",
      "How to Perform the 90/90 Hip Stretch:",
      "- Sit on the floor with one leg in front of you.",
      "- Lean forward over your front leg. Hold for 20-30 seconds.",
    ].join("\n");
    expect(names(text)).toEqual(["How to Perform the 90/90 Hip Stretch"]);
  });
});
