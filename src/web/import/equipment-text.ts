import type { Equipment } from "../../core/program.ts";

const OPTIONAL = /\s*\((optional|if you have one)\)\s*$/i;

/** Equipment as one line a person can edit: "stretch strap or towel, chair (optional)". */
export function equipmentToText(list: ReadonlyArray<Pick<Equipment, "name" | "alternatives" | "optional">>): string {
  return list.map((e) => [e.name, ...e.alternatives].join(" or ") + (e.optional ? " (optional)" : "")).join(", ");
}

/** Reads that line back: commas part items, "or" names alternatives, "(optional)" marks one optional. */
export function equipmentFromText(text: string): Equipment[] {
  return text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => {
      const optional = OPTIONAL.test(item);
      const [name = "", ...alternatives] = item
        .replace(OPTIONAL, "")
        .split(/\s+or\s+/i)
        .map((w) => w.trim());
      return { name, alternatives: alternatives.filter((a) => a !== ""), optional };
    });
}
