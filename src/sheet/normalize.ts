/**
 * Text normalisation (docs/bang-tong-hop.md, "Chuẩn hoá chữ"): how header labels, unit names
 * and typed tokens are compared.
 */

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/**
 * Remembered results. Sheets repeat the same short tokens ("Có", "x", "KAD") thousands of times,
 * and reading a table looks at each row's name several times: a name is normalised once. Two
 * generations keep what was seen recently without growing without bound.
 */
const CACHE_GENERATION = 8192;
const CACHEABLE_LENGTH = 256;
let recentTexts = new Map<string, string>();
let olderTexts = new Map<string, string>();

function remembered(s: string): string | undefined {
  return recentTexts.get(s) ?? olderTexts.get(s);
}

function remember(s: string, t: string): void {
  if (s.length > CACHEABLE_LENGTH) return;
  if (recentTexts.size >= CACHE_GENERATION) {
    olderTexts = recentTexts;
    recentTexts = new Map();
  }
  recentTexts.set(s, t);
}

/** NFC, lower case, every kind of space (non-breaking included) collapsed, trimmed. */
export function normText(s: string): string {
  const known = remembered(s);
  if (known !== undefined) return known;
  const t = s.normalize('NFC').toLowerCase().replace(SPACES, ' ').trim();
  remember(s, t);
  return t;
}

/** A leading list number: "1.", "1.2.", "a)", "b.", "II.", "(3)". */
const LEADING_NUMBERING = /^(?:\(?\d+(?:\.\d+)*(?:[.)]\s*|\s+)|\(?[a-zđ][.)]\s*|\(?[ivxlc]+[.)]\s*)/u;

/** Drops a leading list number ("1.", "a)", "II."), keeping the rest. */
export function dropNumbering(normalised: string): string {
  const m = LEADING_NUMBERING.exec(normalised);
  if (!m || m[0].length === 0) return normalised;
  // "1" alone or "12 345" are not numbering followed by a label; "1a" and "3G" never match.
  const rest = normalised.slice(m[0].length);
  if (rest === '' || /^\d/.test(rest)) return normalised;
  return rest;
}

/** Header label: normText, leading numbering dropped, everything from the first "(" dropped. */
export function normLabel(s: string): string {
  let t = dropNumbering(normText(s));
  const paren = t.indexOf('(');
  if (paren >= 0) t = t.slice(0, paren);
  return t.trim();
}

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

/**
 * Puts the tone mark of oa, oe, uy on the second vowel (hoà/hòa, thuỷ/thủy), so both
 * spellings compare equal.
 */
export function unifyTonePlacement(s: string): string {
  const decomposed = s.normalize('NFD');
  const moved = decomposed.replace(
    new RegExp(`([oO])([${TONE_MARKS}])([aAeE])|([uU])([${TONE_MARKS}])([yY])`, 'g'),
    (_m, o, t1, ae, u, t2, y) => (o ? `${o}${ae}${t1}` : `${u}${y}${t2}`),
  );
  return moved.normalize('NFC');
}

const UBND_PREFIX = new RegExp(`^(?:ubnd|${unifyTonePlacement('ủy ban nhân dân')})\\b\\s*[:\\-–]?\\s*`, 'u');

/** Letters whose tone mark unifyTonePlacement may move: o and u carrying a tone, or a loose mark. */
const MOVABLE_TONE = /[òóõỏọùúũủụÒÓÕỎỌÙÚŨỦỤ\u0300-\u036f]/;

/** Unit name key: normText, tone placement unified, a leading "UBND" / "Ủy ban nhân dân" dropped. */
export function normUnitName(s: string): string {
  const text = normText(s);
  // normText gives NFC text: without a movable tone mark, unifying changes nothing.
  const t = MOVABLE_TONE.test(text) ? unifyTonePlacement(text) : text;
  return t.replace(UBND_PREFIX, '').trim();
}

/**
 * Group (area) key: as a unit name, also without a leading group word of the rubric ("huyện",
 * "thành phố", "tp.") and anything from "(". `words` are normalised, longest first.
 */
export function normGroupName(s: string, words: readonly string[]): string {
  let t = normUnitName(s);
  const paren = t.indexOf('(');
  if (paren >= 0) t = t.slice(0, paren);
  t = t.trim();
  for (const w of words) {
    if (t.startsWith(w) && (w.endsWith('.') || t.length === w.length || t.charAt(w.length) === ' ')) {
      return t.slice(w.length).trim();
    }
  }
  return t;
}

/** A row label for classification: normText, numbering and a leading "UBND" dropped. */
export function normRowLabel(s: string): string {
  const t = dropNumbering(normText(s));
  return t.replace(/^(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s*/u, '').trim();
}
