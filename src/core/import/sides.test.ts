import { describe, expect, it } from "vitest";
import { readSides } from "./sides.ts";
import { tokenize } from "./tokens.ts";

const sides = (text: string) => {
  const r = readSides(tokenize(text));
  return [r.sides, r.firstSide];
};

describe("reading sides", () => {
  it("reads 'switch to the other foot' as both sides, first side from the first left or right", () => {
    expect(sides("Wrap the strap around your left forefoot. Hold. Switch to other foot.")).toEqual(["both", "left"]);
  });

  it("reads 'each side', 'per leg' and 'repeat on the other side' as both sides", () => {
    expect(sides("Hold 30 s on each side.")[0]).toBe("both");
    expect(sides("10 reps per leg")[0]).toBe("both");
    expect(sides("Cross your right leg over. Repeat on the other side.")).toEqual(["both", "right"]);
  });

  it("starts with the left when the text never says which side comes first", () => {
    expect(sides("Do it 3 times each side.")).toEqual(["both", "left"]);
  });

  it("reads both feet working together as no sides", () => {
    expect(sides("Sit back on your heels with the tops of both feet on the floor.")).toEqual(["none", null]);
  });

  it("reads a stretch for one named side only", () => {
    expect(sides("Repeat 4 times on the right side only.")).toEqual(["one", "right"]);
  });

  it("does not mistake 'right away' or 'all right' for a side", () => {
    expect(sides("Stop right away if it hurts. All right, now relax.")).toEqual(["none", null]);
  });
});

describe("reading one limb at a time", () => {
  it("reads 'one foot at a time' and 'one hand at a time' as both sides, left first", () => {
    expect(sides("Curl the towel in with your toes, one foot at a time.")).toEqual(["both", "left"]);
    expect(sides("Press the palm down gently, one hand at a time.")).toEqual(["both", "left"]);
  });

  it("does not read 'one at a time' without a limb as sides", () => {
    expect(sides("Lift the beads one at a time.")).toEqual(["none", null]);
  });
});

describe("the other limb the movement works against", () => {
  it("does not read a limb placed beside the other one as a second side", () => {
    expect(sides("Place the foot you are stretching behind the other foot. Hold for ten seconds.")).toEqual(["none", null]);
    expect(sides("Sit on a chair and cross one leg over the other knee. Pull the toes back.")).toEqual(["none", null]);
    expect(sides("Place one hand on the back of the chair and the other on your opposite knee.")).toEqual(["none", null]);
    expect(sides("Lie on one side and sweep the top arm until it is 180 degrees from the other one.")).toEqual(["none", null]);
  });

  it("does not read a limb set in place by a verb ('bend the other knee', 'place the other leg behind') as a second side", () => {
    expect(sides("Lie down with the leg you want to exercise straight. Bend the other knee to support your back.")).toEqual(["none", null]);
    expect(sides("Keep one leg a little bent. Place the other leg about two feet behind your body.")).toEqual(["none", null]);
  });

  it("still reads the other limb as a second side when its sentence or the text goes over to it", () => {
    expect(sides("Hold for 30 seconds, then place the other foot behind.")).toEqual(["both", "left"]);
    expect(sides("Place your foot behind the other foot. Hold 30 s. Switch.")).toEqual(["both", "left"]);
    expect(sides("Repeat with the other leg.")).toEqual(["both", "left"]);
    expect(sides("Rest your hand on the other side of the chair.")).toEqual(["both", "left"]);
  });
});

describe("alternating between two movements", () => {
  it("does not read 'alternate' before a count or 'between' as sides", () => {
    expect(sides("Alternate 5 to 10 cat-cow stretches, then return to neutral.")).toEqual(["none", null]);
    expect(sides("Alternate between the two poses.")).toEqual(["none", null]);
  });

  it("still reads 'alternate legs' and a bare 'alternate' as both sides", () => {
    expect(sides("Alternate legs.")).toEqual(["both", "left"]);
    expect(sides("Lift one knee, lower it, and alternate.")).toEqual(["both", "left"]);
  });
});

describe("the foot stood on", () => {
  it("starts with the side worked, not the foot stood on, when both are named", () => {
    expect(
      sides("Stand on your left foot, next to a wall. With your right hand pull the heel of your right foot toward your buttocks."),
    ).toEqual(["both", "right"]);
  });

  it("still starts with the foot stood on when it is the only side named", () => {
    expect(sides("Stand on your left foot for 30 seconds, then switch legs.")).toEqual(["both", "left"]);
  });
});

describe("hands, wrists and palms", () => {
  it("reads 'with each hand' and 'per wrist' as both sides", () => {
    expect(sides("Touch each fingertip to the thumb. Do this 10 times with each hand.")).toEqual(["both", "left"]);
    expect(sides("Bend the wrist back, 5 times per wrist.")).toEqual(["both", "left"]);
  });

  it("reads 'repeat … with the other palm' as both sides, any limb named", () => {
    expect(sides("Squeeze the ball. Release the ball and repeat the same stretch with the other palm.")).toEqual(["both", "left"]);
  });

  it("does not read 'the other hand' that helps as a second side", () => {
    expect(sides("Use the other hand to pull your elbow gently across.")).toEqual(["none", null]);
  });
});
