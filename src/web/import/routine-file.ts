/** The largest file or pasted text the Import page reads: a routine is a page or two, not a book. */
export const MAX_ROUTINE_BYTES = 300 * 1024;

const READABLE = /\.(txt|text|md|markdown|html?)$/i;

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Why a chosen file cannot be read, in words for the person who chose it; null when it can. */
export function routineFileProblem(file: { name: string; size: number }): string | null {
  if (!READABLE.test(file.name))
    return `“${file.name}” is not a text file Limber can read. Choose a .txt, .md or .html file, or paste the text instead.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > MAX_ROUTINE_BYTES)
    return `“${file.name}” is ${size(file.size)}; Limber reads files up to ${size(MAX_ROUTINE_BYTES)}. Copy just the routine and paste it instead.`;
  return null;
}

/** Why pasted text is too long to read, or null. */
export function pastedTextProblem(text: string): string | null {
  const bytes = new TextEncoder().encode(text).length;
  return bytes > MAX_ROUTINE_BYTES
    ? `The text is ${size(bytes)}; Limber reads up to ${size(MAX_ROUTINE_BYTES)}. Paste just the routine.`
    : null;
}

/** A file's bytes as text, or why they are not readable text (binary, or not UTF-8). */
export function decodeRoutineBytes(name: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.includes(0))
    return { ok: false, message: `“${name}” looks like a binary file, not text. Save the routine as .txt, .md or .html and try again.` };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.trim() === "") return { ok: false, message: `“${name}” has no text in it.` };
    return { ok: true, text };
  } catch {
    return {
      ok: false,
      message: `“${name}” is not saved as UTF-8 text. Save it as UTF-8 (most editors offer this under “Save as”) and try again.`,
    };
  }
}
