/**
 * The small texts of a criterion row, written and read back the same way
 * (docs/trang-tieu-chi.md, "Phần TIÊU CHÍ", the columns "Các mức" and "Điểm theo phương án"):
 *   bands            "≥200: 8; ≥100: 6; ≥0: 0"       threshold: points
 *   percent bands    "≥80%: 100%; ≥50%: 50%"          ratio threshold: percent of the maximum
 *   answer scores    "Người đứng đầu: 100%; Cấp phó: 50%; Chưa có: 0%"
 * Items are separated by ";" or line breaks; decimals are written with a comma.
 */
import { isInteger, isNegative, toInteger } from '../../sheet/decimal';
import { normText } from '../../sheet/normalize';
import { parseTypedNumber } from '../../sheet/typedValues';
import { decimalToNumber, splitList, viNumber } from './sheetReader';

export type Band = { min: number; points: number };
export type PercentBand = { min: number; percent: number };
export type AnswerScore = { answer: string; percent: number };

export const bandsText = (bands: Band[]) => bands.map((b) => `≥${viNumber(b.min)}: ${viNumber(b.points)}`).join('; ');
export const percentBandsText = (bands: PercentBand[]) => bands.map((b) => `≥${b.min}%: ${b.percent}%`).join('; ');
export const answerScoresText = (answers: AnswerScore[]) => answers.map((a) => `${a.answer}: ${a.percent}%`).join('; ');

/** Parsed items, or the first problem in words. */
type Parsed<T> = { ok: true; items: T[] } | { ok: false; message: string };

const BAND = /^(?:≥|>=|từ)?\s*([-\d., ]+?)\s*(%?)\s*(?::|→|->)\s*([-\d., ]+?)\s*(%|điểm|đ)?$/u;

function parseAll<T>(text: string, one: (part: string) => T | string): Parsed<T> {
  const items: T[] = [];
  for (const part of splitList(text)) {
    const item = one(part);
    if (typeof item === 'string') return { ok: false, message: item };
    items.push(item);
  }
  return { ok: true, items };
}

/** "≥200: 8; ≥100: 6; ≥0: 0" → bands, in the order written (the rubric's check wants highest first). */
export function parseBands(text: string): Parsed<Band> {
  return parseAll(text, (part) => {
    const m = BAND.exec(normText(part));
    const min = m ? parseTypedNumber(m[1].trim()) : null;
    const points = m ? parseTypedNumber(m[3].trim()) : null;
    if (!m || !min || !points) {
      return `không đọc được mức "${part}"; viết mỗi mức dạng ≥ngưỡng: điểm, các mức cách nhau bằng dấu ";" (ví dụ ≥200: 8; ≥100: 6; ≥0: 0)`;
    }
    if (m[2] || m[4] === '%') {
      return `mức "${part}": tiêu chí tính "theo mức" cho điểm theo số lượng, không theo %; muốn chấm theo ngưỡng tỷ lệ thì đổi cách tính thành "tỷ lệ theo ngưỡng"`;
    }
    if (!isInteger(min) || isNegative(min)) return `mức "${part}": ngưỡng phải là số nguyên không âm`;
    return { min: Number(toInteger(min)), points: decimalToNumber(points) };
  });
}

/** A whole percent 0–100 typed inside a text, or a problem. */
function wholePercent(text: string, where: string, what: string): number | string {
  const d = parseTypedNumber(text.trim());
  if (!d) return `${where}: "${text.trim()}" không phải là số`;
  if (!isInteger(d) || isNegative(d)) return `${where}: ${what} phải là số nguyên từ 0 đến 100`;
  const n = Number(toInteger(d));
  return n > 100 ? `${where}: ${what} ${n}% vượt quá 100%` : n;
}

/** "≥80%: 100%; ≥50%: 50%" → percent bands, in the order written. */
export function parsePercentBands(text: string): Parsed<PercentBand> {
  return parseAll(text, (part) => {
    const m = BAND.exec(normText(part));
    if (!m || (m[4] !== undefined && m[4] !== '%')) {
      return `không đọc được ngưỡng "${part}"; viết mỗi ngưỡng dạng ≥tỷ lệ%: phần trăm điểm tối đa%, cách nhau bằng dấu ";" (ví dụ ≥80%: 100%; ≥50%: 50%)`;
    }
    const min = wholePercent(m[1], `ngưỡng "${part}"`, 'tỷ lệ');
    if (typeof min === 'string') return min;
    const percent = wholePercent(m[3], `ngưỡng "${part}"`, 'phần trăm điểm tối đa');
    if (typeof percent === 'string') return percent;
    return { min, percent };
  });
}

/** "Người đứng đầu: 100%; Cấp phó: 50%" → the percent of the maximum each answer gives. */
export function parseAnswerScores(text: string): Parsed<AnswerScore> {
  return parseAll(text, (part) => {
    // The answer may itself hold a colon: the percent is after the last one.
    const m = /^(.*\S)\s*(?::|=|→)\s*([\d.,]+)\s*%?$/u.exec(part);
    if (!m) {
      return `không đọc được "${part}"; viết mỗi phương án dạng phương án: phần trăm điểm tối đa, cách nhau bằng dấu ";" (ví dụ Người đứng đầu: 100%; Cấp phó: 50%; Chưa có: 0%)`;
    }
    const percent = wholePercent(m[2], `phương án "${m[1]}"`, 'phần trăm điểm tối đa');
    return typeof percent === 'string' ? percent : { answer: m[1].trim(), percent };
  });
}
