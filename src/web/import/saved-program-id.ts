import { slugify } from "../../core/import/to-program.ts";

/**
 * The id to save an imported program under: the one it was saved with before (so saving again
 * replaces it), else its title as a slug that no built-in or saved program uses yet.
 */
export function savedProgramId(title: string, taken: ReadonlySet<string>, savedBefore: string | null): string {
  if (savedBefore) return savedBefore;
  const base = slugify(title, "my-routine").slice(0, 70).replace(/-+$/, "");
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
