/**
 * The plain sections of the "Tiêu chí" sheet (docs/trang-tieu-chi.md): categories with a maximum
 * per tier, inputs, consistency rules, levels and grades. Criteria are in readCriteria.ts.
 */
import { CellValue } from '../../sheet/grid';
import { normText } from '../../sheet/normalize';
import { SectionTable } from './layout';
import {
  SheetReader,
  cellText,
  compact,
  isFractionColumn,
  optionalList,
  readNumber,
  notANumber,
  readWord,
  requiredPercent,
  requiredText,
} from './sheetReader';
import { TierRefs } from './tierRefs';
import { TYPE_WORDS, suggestWords, wordKey, wordLookup } from './vocabulary';

type Item = Record<string, unknown>;
const TYPE_BY_WORD = wordLookup(TYPE_WORDS);

export function readCategories(rd: SheetReader, { cols, items }: SectionTable, tiers: TierRefs): Item[] {
  return items.map((r, i) => {
    const path = ['categories', i];
    rd.place(path, r, cols.get('id')!);
    // A blank maximum: the category is absent for that tier (the sums check says if it should not be).
    const max: Record<string, number> = {};
    for (const t of tiers.tiers) {
      const c = cols.get(`max.${t.id}`)!;
      rd.place([...path, 'max', t.id], r, c);
      const v = rd.value(r, c);
      const read = readNumber(v);
      if (read.kind === 'number') max[t.id] = read.value;
      else if (read.kind === 'bad') rd.fail({ r, c }, notANumber(v, read.text));
    }
    return compact({
      id: requiredText(rd, r, cols.get('id'), [...path, 'id'], 'mã hạng mục'),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên hạng mục'),
      short: requiredText(rd, r, cols.get('short'), [...path, 'short'], 'tên viết tắt'),
      max,
    });
  });
}

export function readInputs(rd: SheetReader, { cols, items }: SectionTable): Item[] {
  return items.map((r, i) => {
    const path = ['inputs', i];
    rd.place(path, r, cols.get('code')!);
    return compact({
      code: requiredText(rd, r, cols.get('code'), [...path, 'code'], 'mã số liệu'),
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên số liệu'),
      type: readWord(rd, r, cols.get('type'), [...path, 'type'], TYPE_BY_WORD, suggestWords(TYPE_WORDS), 'kiểu số liệu', wordKey),
      answers: optionalList(rd, r, cols.get('answers'), [...path, 'answers']),
    });
  });
}

export function readRules(rd: SheetReader, { cols, items }: SectionTable): Item[] {
  return items.map((r, i) => {
    const path = ['rules', i];
    rd.place(path, r, cols.get('part')!);
    return compact({
      part: requiredText(rd, r, cols.get('part'), [...path, 'part'], 'mã số liệu'),
      total: requiredText(rd, r, cols.get('total'), [...path, 'total'], 'mã số liệu không được vượt quá'),
    });
  });
}

/** "Mức 2", "2" → 2; null when the cell does not say a level. */
function levelNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 ? v : null;
  const m = /^(?:mức\s*)?(\d+)$/u.exec(normText(cellText(v)));
  return m && Number(m[1]) >= 1 ? Number(m[1]) : null;
}

export function readLevels(rd: SheetReader, { cols, items }: SectionTable): Item[] {
  const levelCol = cols.get('level')!;
  const fractions = {
    categoryThreshold: isFractionColumn(rd, items, cols.get('categoryThreshold')),
    criterionMinimum: isFractionColumn(rd, items, cols.get('criterionMinimum')),
  };
  // Staff may list the levels in any order; the rubric lists them from Mức 1 down.
  const rows = items.map((r) => ({ r, level: levelNumber(rd.value(r, levelCol)) ?? Infinity })).sort((a, b) => a.level - b.level);
  return rows.map(({ r, level }, i) => {
    const path = ['levels', i];
    rd.place(path, r, levelCol);
    rd.place([...path, 'level'], r, levelCol);
    if (level === Infinity) rd.fail({ r, c: levelCol }, `"${rd.text(r, levelCol)}" không phải là mức; ghi "Mức 1", "Mức 2", …`);
    const percent = (field: 'categoryThreshold' | 'criterionMinimum', what: string) =>
      requiredPercent(rd, r, cols.get(field), [...path, field], what, fractions[field]);
    return compact({
      level: level === Infinity ? undefined : level,
      categoryThreshold: percent('categoryThreshold', 'ngưỡng hạng mục'),
      criterionMinimum: percent('criterionMinimum', 'tối thiểu mỗi tiêu chí'),
    });
  });
}

/** Grades in the order written: best first, the rubric's check says when they are not. */
export function readGrades(rd: SheetReader, { cols, items }: SectionTable): Item[] {
  const fractions = isFractionColumn(rd, items, cols.get('min'));
  return items.map((r, i) => {
    const path = ['grades', i];
    rd.place(path, r, cols.get('name')!);
    return compact({
      name: requiredText(rd, r, cols.get('name'), [...path, 'name'], 'tên xếp loại'),
      min: requiredPercent(rd, r, cols.get('min'), [...path, 'min'], 'ngưỡng xếp loại', fractions),
    });
  });
}
