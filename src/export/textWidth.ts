/**
 * How wide a line of text is set in Times New Roman, in twips, from the font's advance widths
 * (an accent does not change its letter's width): close enough to size table columns so that
 * figures such as "1.000,00" and words such as "Không xếp hạng" stay on one line.
 */

/** Advance widths in thousandths of an em of a–z and A–Z, regular and bold (Times metrics). */
const LOWER = {
  regular: [
    444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500,
    444,
  ],
  bold: [
    500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500,
    444,
  ],
};
const UPPER = {
  regular: [
    722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722,
    611,
  ],
  bold: [
    722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722,
    667,
  ],
};
const OTHER: Record<string, [number, number]> = {
  ' ': [250, 250],
  '.': [250, 250],
  ',': [250, 250],
  ':': [278, 333],
  ';': [278, 333],
  '-': [333, 333],
  '–': [500, 500],
  '(': [333, 333],
  ')': [333, 333],
  '/': [278, 278],
  '%': [833, 1000],
  '+': [564, 570],
  '×': [564, 570],
};
/** Đ and đ are D and d with a bar. */
const LIKE: Record<string, string> = { Đ: 'D', đ: 'd' };

function charWidth(ch: string, bold: boolean): number {
  const c = LIKE[ch] ?? ch;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return 500;
  if (code >= 97 && code <= 122) return (bold ? LOWER.bold : LOWER.regular)[code - 97];
  if (code >= 65 && code <= 90) return (bold ? UPPER.bold : UPPER.regular)[code - 65];
  const other = OTHER[c];
  if (other) return other[bold ? 1 : 0];
  return bold ? 556 : 500;
}

/** The width of `text` on one line at `halfPoints` (docx sizes), bold or not. */
export function textTwips(text: string, halfPoints: number, bold = false): number {
  let thousandths = 0;
  for (const ch of text.normalize('NFD')) {
    if (/\p{M}/u.test(ch)) continue;
    thousandths += charWidth(ch, bold);
  }
  // An em is the font size: half-points × 10 twips.
  return (thousandths / 1000) * halfPoints * 10;
}

/** The width of the longest word of `text`: what a column must give text that may wrap between words. */
export function longestWordTwips(text: string, halfPoints: number, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((w) => textTwips(w, halfPoints, bold)));
}
