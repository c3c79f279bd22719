/**
 * The words the decision's appendix shares with the "Xếp hạng" sheet (docs/bang-tong-hop.md,
 * "Trang Xếp hạng"; docs/du-thao-quyet-dinh.md, "Bố cục"): the line tying it to the decision, the
 * tables' headings numbered I, II, … by tier, and the note when there is no unit at all.
 */
import { formatCentsShort } from '../scoring/viFormat';
import { DecisionSettings, PLACEHOLDER, committeeOfProvince } from './settings';

export const NO_UNITS_NOTE = 'Không có đơn vị nào trong bảng tổng hợp.';

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 4 → "IV", 7 → "VII" (a rubric has at most six tiers, plus the units of unknown tier). */
export function romanNumeral(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

/** "II. CẤP HUYỆN" for the second table (index 1). */
export function tierHeading(index: number, name: string): string {
  return `${romanNumeral(index + 1)}. ${name.toLocaleUpperCase('vi')}`;
}

/** The heading with the tier's maximum: "I. CẤP TỈNH (tổng điểm tối đa: 108 điểm)". */
export function tableHeading(t: { title: string; maxCents: number | null }): string {
  const max = t.maxCents !== null ? ` (tổng điểm tối đa: ${formatCentsShort(t.maxCents)} điểm)` : '';
  return `${t.title}${max}`;
}

/** "(Kèm theo Quyết định số …/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh …)". */
export function attachmentLine(s: DecisionSettings): string {
  const p = PLACEHOLDER;
  return `(Kèm theo Quyết định số ${s.decisionNumber}/QĐ-UBND ngày ${p} tháng ${p} năm ${p} của ${committeeOfProvince(s)})`;
}
