/**
 * A small digital-transformation index of this year's kind, for tests: two tiers (sở; xã,
 * phường, đặc khu), three groups, every new kind of criterion (choice, ratioBands, info), an
 * input only communes read, a group wholly not applicable to departments, grades and rank by
 * percent. Small enough to check every figure by hand.
 */
import { compileRubric } from '../../src/rubric/compiled';
import { Rubric, parseRubric } from '../../src/rubric/schema';
import type { CellValue } from '../../src/sheet/grid';

export const DTI: Rubric = {
  id: 'dti-thu',
  name: 'Bộ chỉ số thử',
  tiers: [
    {
      id: 'so',
      name: 'Sở, ban, ngành',
      phrase: 'cấp sở',
      cellValues: ['sở', 'ban', 'ngành', 'cấp sở'],
      sectionPhrases: ['sở, ban, ngành', 'cấp sở'],
    },
    {
      id: 'xa',
      name: 'Xã, phường, đặc khu',
      phrase: 'cấp xã',
      kinds: ['xã', 'phường', 'đặc khu'],
      cellValues: ['xã', 'phường', 'đặc khu', 'cấp xã'],
      sectionPhrases: ['xã, phường, đặc khu', 'cấp xã'],
    },
  ],
  inputs: [
    { code: 'A1', name: 'Trưởng ban chỉ đạo', type: 'choice', answers: ['Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Không có'] },
    { code: 'A2', name: 'Có kế hoạch năm', type: 'yesno' },
    { code: 'B1a', name: 'Tổng số hồ sơ', type: 'count' },
    { code: 'B1b', name: 'Số hồ sơ trực tuyến', type: 'count' },
    { code: 'B2', name: 'Điểm tự đánh giá', type: 'points' },
    { code: 'C1', name: 'Số sản phẩm trên sàn', type: 'count' },
    { code: 'D1', name: 'Số điểm Wi-Fi công cộng', type: 'count' },
    { code: 'E1', name: 'Số người dân', type: 'count' },
  ],
  categories: [
    { id: 'nhan_thuc', name: 'Nhận thức số', short: 'NTS', max: { so: 30, xa: 30 } },
    { id: 'chinh_quyen', name: 'Chính quyền số', short: 'CQS', max: { so: 50, xa: 50 } },
    { id: 'kinh_te', name: 'Kinh tế số', short: 'KTS', max: { so: 20, xa: 20 } },
  ],
  criteria: [
    {
      code: 'A1',
      category: 'nhan_thuc',
      name: 'Trưởng ban là Chủ tịch',
      kind: 'choice',
      input: 'A1',
      answers: [
        { answer: 'Chủ tịch UBND', percent: 100 },
        { answer: 'Phó Chủ tịch UBND', percent: 50 },
        { answer: 'Không có', percent: 0 },
      ],
      tiers: { so: { max: 15 }, xa: { max: 15 } },
    },
    {
      code: 'A2',
      category: 'nhan_thuc',
      name: 'Kế hoạch năm',
      kind: 'yesno',
      input: 'A2',
      tiers: { so: { max: 15 }, xa: { max: 15 } },
    },
    {
      code: 'B1',
      category: 'chinh_quyen',
      name: 'Hồ sơ trực tuyến',
      kind: 'ratioBands',
      part: 'B1b',
      total: 'B1a',
      tiers: {
        so: {
          max: 30,
          percentBands: [
            { min: 80, percent: 100 },
            { min: 50, percent: 50 },
          ],
        },
        xa: {
          max: 30,
          percentBands: [
            { min: 80, percent: 100 },
            { min: 50, percent: 50 },
          ],
        },
      },
    },
    {
      code: 'B2',
      category: 'chinh_quyen',
      name: 'Tự đánh giá',
      kind: 'points',
      input: 'B2',
      tiers: { so: { max: 20 }, xa: { max: 20 } },
    },
    {
      code: 'C1',
      category: 'kinh_te',
      name: 'Sản phẩm trên sàn',
      kind: 'bands',
      input: 'C1',
      tiers: {
        so: {
          max: 20,
          allowNA: true,
          bands: [
            { min: 10, points: 20 },
            { min: 1, points: 10 },
          ],
        },
        xa: {
          max: 20,
          bands: [
            { min: 10, points: 20 },
            { min: 1, points: 10 },
          ],
        },
      },
    },
    { code: 'D1', category: 'chinh_quyen', name: 'Điểm Wi-Fi công cộng', kind: 'info', input: 'D1', tiers: { xa: {} } },
    { code: 'E1', category: 'kinh_te', name: 'Số người dân', kind: 'info', input: 'E1', tiers: { xa: {} } },
  ],
  grades: [
    { name: 'Tốt', min: 90 },
    { name: 'Khá', min: 70 },
    { name: 'Trung bình', min: 50 },
    { name: 'Yếu', min: 0 },
  ],
  rankBy: 'percent',
};

export const DTI_CODES = DTI.inputs.map((i) => i.code);
export const DTI_HEADER: CellValue[] = ['STT', 'Tên đơn vị', 'Cấp', ...DTI_CODES];

/** Full marks for a department (100 of 100). */
export const DTI_FULL: Record<string, CellValue> = {
  A1: 'Chủ tịch UBND',
  A2: 'Có',
  B1a: 100,
  B1b: 100,
  B2: 20,
  C1: 10,
  D1: 3,
  E1: 5000,
};

export function dtiRow(stt: CellValue, name: CellValue, tier: CellValue, entries: Record<string, CellValue>): CellValue[] {
  return [stt, name, tier, ...DTI_CODES.map((c) => (c in entries ? entries[c] : null))];
}

export function compiledDti() {
  const parsed = parseRubric(DTI);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return compileRubric(parsed.rubric);
}
