/**
 * The sentences of a spoken line, each a clip of its own, so a sentence said in many steps
 * ("Ease off.", "Hold for 30 seconds.") is rendered and stored once.
 */
export function speechPieces(text: string): string[] {
  const out: string[] = [];
  // A sentence ends at . ! or ? followed by a space or the end; "e.g." style dots inside words stay.
  for (const m of text.matchAll(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)) {
    const piece = m[0].replace(/\s+/g, " ").trim();
    if (piece) out.push(piece);
  }
  return out;
}

/** A stable name for a piece's clip: the same words give the same file, whatever the program. */
export function pieceKey(piece: string): string {
  // FNV-1a over UTF-16 units, twice with different seeds: short, stable, and collisions are vanishingly rare
  // for the few hundred sentences a program says.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}
