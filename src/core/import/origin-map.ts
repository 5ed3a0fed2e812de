/**
 * Where each plain-text character came from, stored as runs rather than one entry per
 * character: a run either copies input characters one for one or maps all its characters to
 * one input offset (a decoded entity, a synthetic line break).
 */
export class OriginMap {
  private readonly at: number[] = [];
  private readonly from: number[] = [];
  private readonly copies: boolean[] = [];
  constructor(private readonly inputLength: number) {}

  /** Adds a run starting at plain offset `at`; merges it into the last run when it continues it. */
  add(at: number, from: number, copies: boolean): void {
    const last = this.at.length - 1;
    if (last >= 0 && copies && this.copies[last] && this.from[last]! + (at - this.at[last]!) === from) return;
    this.at.push(at);
    this.from.push(from);
    this.copies.push(copies);
  }

  /** The input offset of plain offset p; the input length for p at or past the end. */
  originOf(p: number, plainLength = Infinity): number {
    if (p >= plainLength || this.at.length === 0) return this.inputLength;
    const lo = this.runAt(p);
    return this.copies[lo] ? this.from[lo]! + (p - this.at[lo]!) : this.from[lo]!;
  }

  /** The index of the run that plain offset p falls in (the last run starting at or before it). */
  private runAt(p: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds the runs that map plain range [from, to) of this map's text, placed at plain offset `at` of another. */
  copyInto(target: OriginMap, at: number, from: number, to: number): void {
    let p = from;
    while (p < to) {
      const lo = this.runAt(p);
      const runEnd = lo + 1 < this.at.length ? Math.min(to, this.at[lo + 1]!) : to;
      target.add(at + (p - from), this.copies[lo] ? this.from[lo]! + (p - this.at[lo]!) : this.from[lo]!, this.copies[lo]!);
      p = runEnd;
    }
  }
}
