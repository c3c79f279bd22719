/**
 * Large parts as bytes without their whole text as one string: the scored copy's sheets, the
 * decision draft's document (README.md, "Đo đạc").
 */

const encoder = new TextEncoder();

/** Text pieces are joined into strings of about this many characters before each is encoded. */
const ENCODE_BATCH = 1 << 18;

/** Byte chunks as one buffer (the chunk itself when there is one). */
export function concatBytes<B extends ArrayBufferLike>(chunks: readonly Uint8Array<B>[]): Uint8Array<B | ArrayBuffer> {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The UTF-8 bytes of pieces — text, or bytes already encoded (a large part's rows are encoded as
 * they are made, so that they do not wait as strings) — as one buffer.
 */
export function encodePieces<B extends ArrayBufferLike = ArrayBuffer>(
  pieces: readonly (string | Uint8Array<B>)[],
): Uint8Array<B | ArrayBuffer> {
  const chunks: Uint8Array<B | ArrayBuffer>[] = [];
  let batch: string[] = [];
  let batchChars = 0;
  const flush = () => {
    if (batch.length) chunks.push(encoder.encode(batch.join('')));
    batch = [];
    batchChars = 0;
  };
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      flush();
      chunks.push(piece);
      continue;
    }
    batch.push(piece);
    batchChars += piece.length;
    if (batchChars >= ENCODE_BATCH) flush();
  }
  flush();
  return concatBytes(chunks);
}
