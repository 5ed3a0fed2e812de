/** "exercises[1].phases[0].holdSeconds.max" -> ["exercises", 1, "phases", 0, "holdSeconds", "max"]. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return keys;
}

/** The path one level up: "exercises[0].reps.min" -> "exercises[0].reps"; the root gives "". */
export function parentPath(path: string): string {
  return path.replace(/(\.[^.[\]]+|\[\d+\]|^[^.[\]]+)$/, "");
}

/** A DOM id for the input of a field path, e.g. "field-exercises-1-phases-0-holdSeconds-max". */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`;
}

/** A copy of `data` with the value at `path` replaced; everything not on the path is shared. */
export function withValue<T>(data: T, path: string, value: unknown): T {
  const keys = pathKeys(path);
  const put = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const key = keys[i]!;
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string | number, unknown>;
    copy[key] = put((node as Record<string | number, unknown>)[key], i + 1);
    return copy;
  };
  return put(data, 0) as T;
}

/**
 * The field of the form that should show a problem reported at `path`: the path itself when
 * the form has it, else its nearest ancestor that does (an exercise's own box for a problem in
 * a part the form does not show), else "" for the whole program.
 */
export function fieldForProblem(path: string, fields: ReadonlySet<string>): string {
  for (let p = path; p !== ""; p = parentPath(p)) if (fields.has(p)) return p;
  return "";
}
