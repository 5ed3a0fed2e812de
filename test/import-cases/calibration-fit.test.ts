import { describe, expect, it } from "vitest";
import type { ShownValue } from "./calibration.ts";
import { CALIBRATION_FIT } from "../../src/core/import/calibration-table.ts";
import { FIT_SOURCES, finalTable, fitTable, FOLDS, judgedOnCalibration, wilsonLower } from "./calibration-fit.ts";

const hold = (right: boolean, read = true): ShownValue => ({ field: "hold", confidence: 0.95, read, right, structure: "named" });
/** Ten calibration texts of one value each, so each fold holds one text; the first value is wrong. */
const calibration = Array.from({ length: FOLDS }, (_, i) => [hold(i !== 0)]);

describe("fitting the calibration table", () => {
  it("bounds a group's share right from below, so 2 of 2 right claims a third at width 2", () => {
    expect(wilsonLower(2, 2, 2)).toBeCloseTo(1 / 3, 12);
    expect(wilsonLower(9, 9, 1)).toBeCloseTo(0.9, 12);
  });

  it("counts each value at its weight, in every key of the value", () => {
    const table = fitTable(
      [
        { value: hold(true), weight: 0.5 },
        { value: hold(false), weight: 0.5 },
        { value: hold(true), weight: 1 },
      ],
      1,
    );
    for (const key of ["hold|0.95|named", "hold|0.95", "hold"]) expect(table[key]).toMatchObject({ right: 1.5, total: 2 });
    expect(table.hold!.p).toBeCloseTo(wilsonLower(1.5, 2, 1), 12);
  });

  it("leaves defaults, which the text did not give, out of the fit", () => {
    expect(fitTable([{ value: hold(false, false), weight: 1 }], 1)).toEqual({});
  });
});

describe("judging a fit on calibration texts it was not fitted to", () => {
  it("calibrates each fold by the same fit made without that fold", () => {
    const judged = judgedOnCalibration({ dev: [], calibration }, "calibration", 1);
    // The wrong value's fold is judged by the nine right ones; every other fold by eight right of nine.
    expect(judged.map((v) => v.confidence)).toEqual([wilsonLower(9, 9, 1), ...Array(FOLDS - 1).fill(wilsonLower(8, 9, 1))]);
  });

  it("counts development values at a half in the dev/2+calibration fit", () => {
    const dev = [[hold(true)], [hold(true)]];
    const judged = judgedOnCalibration({ dev, calibration }, "dev/2+calibration", 1);
    expect(judged[0]!.confidence).toBeCloseTo(wilsonLower(10, 10, 1), 12);
    expect(judged[1]!.confidence).toBeCloseTo(wilsonLower(9, 10, 1), 12);
  });

  it("judges a fit on the development part alone on the whole calibration part at once", () => {
    const judged = judgedOnCalibration({ dev: [[hold(true), hold(false)]], calibration }, "dev", 1);
    expect(new Set(judged.map((v) => v.confidence))).toEqual(new Set([wilsonLower(1, 2, 1)]));
  });

  it("writes the fit made on all of its texts", () => {
    const table = finalTable({ dev: [[hold(false)]], calibration }, "dev+calibration", 1);
    expect(table.hold).toMatchObject({ right: FOLDS - 1, total: FOLDS + 1 });
  });

  it("names, in the written table, a fit the benchmark can make again", () => {
    expect(FIT_SOURCES).toContain(CALIBRATION_FIT.source);
  });
});
