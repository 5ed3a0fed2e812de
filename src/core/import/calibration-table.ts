// Written by bench/calibrate-import.ts from the development corpus (102 texts); do not edit by hand.
// Key: field|rule score|how the exercise was found, then coarser keys; value: calibrated confidence.
export const CALIBRATION_TABLE: Readonly<Record<string, number>> = {
  breaths: 0.65, // 8/10 right
  "breaths|0.75": 0.65, // 8/10 right
  firstSide: 0.74, // 33/41 right
  "firstSide|0.70": 0.67, // 14/18 right
  "firstSide|0.70|named": 0.54, // 7/10 right
  "firstSide|0.85": 0.73, // 19/23 right
  "firstSide|0.85|named": 0.76, // 13/15 right
  hold: 0.83, // 117/135 right
  "hold|0.70": 0.89, // 8/8 right
  "hold|0.70|named": 0.89, // 8/8 right
  "hold|0.75": 0.68, // 15/19 right
  "hold|0.75|named": 0.76, // 13/15 right
  "hold|0.80": 0.5, // 6/9 right
  "hold|0.95": 0.85, // 88/99 right
  "hold|0.95|named": 0.98, // 51/51 right
  "hold|0.95|named+doubt": 0.71, // 14/17 right
  "hold|0.95|named+phases": 0.4, // 7/13 right
  "hold|0.95|weak": 0.91, // 10/10 right
  position: 0.85, // 120/136 right
  "position|0.60": 0.4, // 7/13 right
  "position|0.60|named": 0.44, // 6/10 right
  "position|0.85": 0.9, // 113/122 right
  "position|0.85|named": 0.91, // 68/72 right
  "position|0.85|named+doubt": 0.85, // 23/25 right
  "position|0.85|weak": 0.8, // 11/12 right
  reps: 0.86, // 76/85 right
  "reps|0.85": 0.9, // 9/9 right
  "reps|0.85|named+doubt": 0.89, // 8/8 right
  "reps|0.90": 0.86, // 66/73 right
  "reps|0.90|named": 0.94, // 44/45 right
  "reps|0.90|named+doubt": 0.55, // 9/13 right
  sets: 0.91, // 10/10 right
  "sets|0.90": 0.91, // 10/10 right
  "sets|0.90|named+doubt": 0.9, // 9/9 right
  sides: 0.86, // 93/104 right
  "sides|0.60": 0.79, // 16/18 right
  "sides|0.60|named": 0.65, // 8/10 right
  "sides|0.80": 0.72, // 7/8 right
  "sides|0.85": 0.83, // 5/5 right
  "sides|0.90": 0.85, // 65/73 right
  "sides|0.90|named": 0.87, // 45/49 right
  "sides|0.90|named+doubt": 0.68, // 9/11 right
};
