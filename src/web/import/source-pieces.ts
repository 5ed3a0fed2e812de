import type { Span } from "../../core/import/draft.ts";
import type { FieldOrigins } from "./field-origins.ts";

/**
 * A stretch of the source text, the fields whose values were read from it (none: plain text),
 * and whether it lies in a part the importer left unused.
 */
export interface SourcePiece {
  start: number;
  end: number;
  fields: string[];
  unused: boolean;
}

/**
 * Cuts the source into pieces at every edge of every span, so that overlapping spans (a hold
 * inside a sentence that also names a side) become separate, non-nested highlights.
 */
export function sourcePieces(length: number, origins: FieldOrigins, unused: readonly Span[] = []): SourcePiece[] {
  const spans: { start: number; end: number; field: string }[] = [];
  for (const [field, origin] of Object.entries(origins)) {
    for (const s of origin.spans) {
      const start = Math.max(0, Math.min(length, s.start));
      const end = Math.max(start, Math.min(length, s.end));
      if (end > start) spans.push({ start, end, field });
    }
  }
  const skipped = unused.map((s) => ({ start: Math.max(0, Math.min(length, s.start)), end: Math.max(0, Math.min(length, s.end)) }));
  const edges = [...new Set([0, length, ...spans.flatMap((s) => [s.start, s.end]), ...skipped.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const pieces: SourcePiece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const fields = [...new Set(spans.filter((s) => s.start <= start && end <= s.end).map((s) => s.field))];
    const isUnused = skipped.some((s) => s.start <= start && end <= s.end);
    const last = pieces[pieces.length - 1];
    if (last && last.fields.length === 0 && fields.length === 0 && last.unused === isUnused) last.end = end;
    else pieces.push({ start, end, fields, unused: isUnused });
  }
  return pieces;
}
