/**
 * The result block written in place beside the entries (docs/bang-tong-hop.md, "Kết quả ghi
 * cạnh số liệu"): where it goes, what each cell holds, the conditional-format rules that
 * highlight typed cells, and the notes on invalid cells. Its columns follow the rubric (levels,
 * grades, "Điểm tối đa"). Pure: both gateways (Excel.run and the .xlsx writer) turn this plan
 * into writes.
 */
import type { CellValue } from '../sheet/grid';
import { a1, columnLetters, parseA1, quoteSheetName } from '../sheet/grid';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { cellDisplayText } from '../sheet/typedValues';
import { InputFlags, inputFlagsOf } from '../scoring/unitViews';
import { NOT_RANKED, levelText } from './levelWords';
import { money } from './money';

export const RESULT_BLOCK_NAME = 'CQDT_KetQua';
export const BLOCK_TITLE = 'KẾT QUẢ CHẤM ĐIỂM';
/** Prefix of the notes the add-in owns, so it can find and replace them. */
export const NOTE_PREFIX = '[Chấm điểm] ';

export const STATUS_TEXT = { scored: 'Đã chấm', error: 'Cần sửa', missing: 'Không gửi báo cáo' } as const;
export const ATTENTION = {
  missing: 'Không gửi báo cáo',
  error: 'Cần sửa',
  notRanked: NOT_RANKED,
  lowestGrade: 'Dưới mức tối thiểu',
} as const;

/** One character per table column in the hidden flags column: how that cell is highlighted. */
export const FLAG = { none: '.', invalid: 'R', belowMinimum: 'A', verified: 'V' } as const;

export const HIGHLIGHT_COLOURS = {
  missing: 'D9D9D9', // grey
  belowMinimum: 'FFD966', // amber
  invalid: 'FF9999', // red
  verified: 'BDD7EE', // blue: a value replaced by appraisal
} as const;

export type ColumnKind = 'score' | 'level' | 'grade' | 'percent' | 'rank' | 'text' | 'flags';

export interface BlockColumn {
  key: string;
  title: string;
  kind: ColumnKind;
  /** Excel number format for the column's values ("0.00" shows 96,05 in Vietnamese Excel). */
  numberFormat: string | null;
  width: number;
  hidden: boolean;
}

export interface HighlightRule {
  /** A1 range (no sheet) the rule applies to. */
  range: string;
  /** Formula relative to the range's top-left cell, without "=". */
  formula: string;
  fill: string;
  /** 1 is applied first and wins over later rules. */
  priority: number;
}

export interface BlockNote {
  cell: string;
  /** Full note text, starting with NOTE_PREFIX. */
  text: string;
}

export interface ResultBlockPlan {
  sheet: string;
  /** 0-based inclusive bounds of the whole block (title row included when written). */
  top: number;
  left: number;
  bottom: number;
  right: number;
  titleRow: number | null;
  headerRow: number;
  columns: BlockColumn[];
  /** Cell values, (bottom - top + 1) rows × columns.length, row `top` first. */
  values: CellValue[][];
  rules: HighlightRule[];
  notes: BlockNote[];
  /** Range for the sheet's AutoFilter: the header row to the last table row, table and block. */
  autoFilter: string;
  /** The defined name's reference: 'Sheet'!$R$5:$AB$160. */
  reference: string;
}

export interface ExistingBlock {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type PlanOutcome = { ok: true; plan: ResultBlockPlan } | { ok: false; message: string };

export interface PlanOptions {
  /** The block recorded by the defined name on this sheet, if any. */
  existing: ExistingBlock | null;
  /** Whether a cell of the sheet holds anything (for the growth check and the title row). */
  isOccupied: (row: number, col: number) => boolean;
}

/** The block's columns for the rubric (docs/bang-tong-hop.md, "Các cột kết quả"). */
export function blockColumns(result: ScoreResult, withSelfScored: boolean): BlockColumn[] {
  const col = (key: string, title: string, kind: ColumnKind, width: number, numberFormat: string | null = null): BlockColumn => ({
    key,
    title,
    kind,
    numberFormat,
    width,
    hidden: kind === 'flags',
  });
  const rubric = result.rubric;
  const hasLevels = rubric.levels.length > 0;
  const columns: BlockColumn[] = [];
  for (const cat of rubric.rubric.categories) {
    columns.push(col(`score:${cat.id}`, `Điểm ${cat.short}`, 'score', 10, '0.00'));
    if (hasLevels) columns.push(col(`level:${cat.id}`, `Mức ${cat.short}`, 'level', 14));
  }
  if (withSelfScored) columns.push(col('selfTotal', 'Tổng điểm tự chấm', 'score', 11, '0.00'));
  columns.push(col('total', 'Tổng điểm', 'score', 10, '0.00'));
  if (rubric.showsMax) columns.push(col('max', 'Điểm tối đa', 'score', 10, '0.00'));
  columns.push(col('percent', 'Tỷ lệ (%)', 'percent', 9, '0.00'));
  if (rubric.grades.length) columns.push(col('grade', 'Xếp loại', 'grade', 12));
  columns.push(col('rank', 'Thứ hạng', 'rank', 9, '0'));
  columns.push(col('status', 'Trạng thái', 'text', 16));
  columns.push(col('attention', 'Cần chú ý', 'text', 18));
  columns.push(col('notes', 'Ghi chú', 'text', 50));
  columns.push(col('flags', 'Đánh dấu', 'flags', 4));
  return columns;
}

function levelCell(u: UnitResult, id: string): string | null {
  // A category the unit's tier does not have, a missing unit, an unknown tier: blank.
  if (u.status === 'missing' || u.tier === null) return null;
  const cat = u.categories.find((c) => c.id === id);
  return cat ? levelText(cat.level, cat.applicable) : null;
}

/**
 * "Cần chú ý": one word per row, the first that applies — no report, errors, a category not
 * ranked (rubrics with levels), graded at the lowest grade (rubrics with grades).
 */
export function attentionText(u: UnitResult, rubric: ScoreResult['rubric']): string | null {
  if (u.status === 'missing') return ATTENTION.missing;
  if (u.status === 'error') return ATTENTION.error;
  if (rubric.levels.length && u.categories.some((c) => c.applicable && c.level === null)) return ATTENTION.notRanked;
  const lowest = lowestGrade(rubric);
  return lowest !== null && u.grade === lowest ? ATTENTION.lowestGrade : null;
}

/** The lowest grade's name when the rubric has at least two grades, else null. */
export function lowestGrade(rubric: ScoreResult['rubric']): string | null {
  return rubric.grades.length > 1 ? rubric.grades[rubric.grades.length - 1].name : null;
}

/** Ghi chú: the unit's issues in words; blank entries summarised in one phrase. */
export function notesText(u: UnitResult): string | null {
  if (u.status === 'missing' && u.issues.length === 0) return 'Không gửi báo cáo';
  const parts: string[] = [];
  const blanks: string[] = [];
  for (const i of u.issues) {
    if (i.code === 'missing_entry') blanks.push(i.input!);
    else parts.push(i.message);
  }
  if (blanks.length) parts.push(`Chưa nhập: ${blanks.join(', ')}`);
  for (const c of u.corrections) {
    parts.push(
      `Đã thẩm định ${c.input}: ${cellDisplayText(c.reported).trim() || '(trống)'} → ${cellDisplayText(c.verified).trim()}`,
    );
  }
  return parts.length ? parts.join('; ') : null;
}

/** The flags string of one unit's row: one character per table column, A first. */
export function rowFlags(u: UnitResult, width: number, verified: Map<string, string> | null): string | null {
  if (u.status === 'missing') return null;
  const compact = inputFlagsOf(u);
  if (compact) return compactRowFlags(compact, width, verified);
  if (!u.inputs) return null;
  const flags = new Array<string>(width).fill(FLAG.none);
  const colOf = (cell: string | null) => (cell ? (parseA1(cell)?.col ?? -1) : -1);
  const byCode = new Map(u.inputs.map((s) => [s.code, s]));
  for (const c of u.criteria ?? []) {
    if (!c.belowMinimum) continue;
    // The numerator, or the denominator when that is blank; the single input otherwise.
    let target = byCode.get(c.inputs[0]);
    const total = c.inputs.length === 2 ? byCode.get(c.inputs[1]) : undefined;
    if (total && total.read.kind === 'blank') target = total;
    const col = colOf(target?.cell ?? null);
    if (col >= 0 && col < width) flags[col] = FLAG.belowMinimum;
  }
  for (const s of u.inputs) {
    const col = colOf(s.cell);
    if (col < 0 || col >= width) continue;
    if (verified?.has(s.cell!) && flags[col] === FLAG.none) flags[col] = FLAG.verified;
    if (s.invalid) flags[col] = FLAG.invalid;
  }
  return flags.join('');
}

/** rowFlags from a unit's compact storage: the same flags, no object per input. */
function compactRowFlags(f: InputFlags, width: number, verified: Map<string, string> | null): string {
  const flags = new Array<string>(width).fill(FLAG.none);
  for (const i of f.belowMinimum) {
    const col = f.cols[i];
    if (col >= 0 && col < width) flags[col] = FLAG.belowMinimum;
  }
  const anyVerified = verified !== null && verified.size > 0;
  for (let i = 0; i < f.cols.length; i++) {
    const col = f.cols[i];
    if (col < 0 || col >= width) continue;
    if (anyVerified && flags[col] === FLAG.none && verified.has(a1(f.row, col))) flags[col] = FLAG.verified;
    if (f.invalid[i]) flags[col] = FLAG.invalid;
  }
  return flags.join('');
}

/**
 * Input cells whose value appraisal replaced, with the note that says so (docs/tham-dinh.md,
 * "Kết quả sau thẩm định").
 */
export function verifiedCells(result: ScoreResult): Map<string, string> {
  const out = new Map<string, string>();
  for (const u of result.units) {
    for (const c of u.corrections) {
      const who = [c.reviewer, dateText(c.date)].filter(Boolean).join(', ');
      out.set(
        c.inputCell,
        `${NOTE_PREFIX}Đã thẩm định: ${cellDisplayText(c.reported).trim() || '(trống)'} → ${cellDisplayText(c.verified).trim()}` +
          `${c.reason ? `; lý do: ${c.reason}` : ''}${who ? ` (${who})` : ''}`,
      );
    }
  }
  return out;
}

export function dateText(v: CellValue): string {
  if (v instanceof Date) return new Intl.DateTimeFormat('vi-VN', { timeZone: 'UTC' }).format(v);
  return cellDisplayText(v).trim();
}

export function planResultBlock(result: ScoreResult, options: PlanOptions): PlanOutcome {
  const { table } = result;
  const layout = table.layout;
  const verified = verifiedCells(result);
  // "Tổng điểm tự chấm" only when at least one correction applies (docs/tham-dinh.md, "Kết quả sau
  // thẩm định").
  const columns = blockColumns(result, verified.size > 0);
  const headerRow = layout.headerRows[layout.headerRows.length - 1];
  const existing = options.existing;
  const left = existing ? existing.left : table.lastUsedCol + 1;
  const right = left + columns.length - 1;
  const tableWidth = left; // table columns A .. left-1 carry flags
  const lastRow = Math.max(table.lastRow, headerRow);

  const inOld = (r: number, c: number) =>
    existing !== null && r >= existing.top && r <= existing.bottom && c >= existing.left && c <= existing.right;
  const free = (r: number, c: number) => inOld(r, c) || !options.isOccupied(r, c);

  // The group title goes in the row above the header when those cells are empty.
  let titleRow: number | null = null;
  if (headerRow > 0) {
    let empty = true;
    for (let c = left; c <= right && empty; c++) empty = free(headerRow - 1, c);
    if (empty) titleRow = headerRow - 1;
  }
  const top = titleRow ?? headerRow;

  // Never overwrite: every cell the block newly takes must be empty.
  for (let r = top; r <= lastRow; r++) {
    for (let c = left; c <= right; c++) {
      if (!free(r, c)) {
        return {
          ok: false,
          message:
            `Không ghi được kết quả vào trang "${result.sheet}": ô ${a1(r, c)} đã có dữ liệu, ` +
            `trong khi cột kết quả cần dùng các cột ${columnLetters(left)}–${columnLetters(right)}. ` +
            `Hãy chuyển dữ liệu ở ô đó sang chỗ khác rồi chấm lại.`,
        };
      }
    }
  }

  const width = columns.length;
  const values: CellValue[][] = [];
  for (let r = top; r <= lastRow; r++) values.push(new Array<CellValue>(width).fill(null));
  if (titleRow !== null) values[0][0] = BLOCK_TITLE;
  columns.forEach((c, i) => (values[headerRow - top][i] = c.title));

  const notes: BlockNote[] = [];
  const issueTexts = new Map<string, string[]>();
  const cellOf = columns.map((col) => columnValue(col, result, verified, tableWidth));
  for (const u of result.units) {
    if (u.row === null) continue;
    const r = u.row - 1;
    const row = values[r - top];
    for (let i = 0; i < width; i++) row[i] = cellOf[i](u);
    for (const issue of u.issues) {
      // Invalid entries get a note; info inputs' problems are warnings but still invalid cells.
      if (!issue.input || issue.code === 'missing_entry' || !issue.cell) continue;
      const texts = issueTexts.get(issue.cell);
      if (texts) texts.push(issue.message);
      else issueTexts.set(issue.cell, [issue.message]);
    }
  }
  for (const [cell, texts] of issueTexts) notes.push({ cell, text: NOTE_PREFIX + texts.join('\n') });
  for (const [cell, text] of verified) {
    if (!issueTexts.has(cell)) notes.push({ cell, text });
  }

  const firstData = headerRow + 1;
  const rules: HighlightRule[] = [];
  if (lastRow >= firstData) {
    const col = (key: string) => columnLetters(left + columns.findIndex((c) => c.key === key));
    const flags = `$${col('flags')}${firstData + 1}`;
    const status = `$${col('status')}${firstData + 1}`;
    const tableRange = `A${firstData + 1}:${columnLetters(left - 1)}${lastRow + 1}`;
    const flagAt = `MID(${flags},COLUMN(A${firstData + 1}),1)`;
    rules.push({ range: tableRange, formula: `${flagAt}="${FLAG.invalid}"`, fill: HIGHLIGHT_COLOURS.invalid, priority: 1 });
    rules.push({
      range: tableRange,
      formula: `${flagAt}="${FLAG.belowMinimum}"`,
      fill: HIGHLIGHT_COLOURS.belowMinimum,
      priority: 2,
    });
    rules.push({ range: tableRange, formula: `${flagAt}="${FLAG.verified}"`, fill: HIGHLIGHT_COLOURS.verified, priority: 3 });
    const lowest = lowestGrade(result.rubric);
    columns.forEach((c, i) => {
      const marker = c.kind === 'level' ? NOT_RANKED : c.kind === 'grade' ? lowest : null;
      if (marker === null) return;
      const letter = columnLetters(left + i);
      rules.push({
        range: `${letter}${firstData + 1}:${letter}${lastRow + 1}`,
        formula: `${letter}${firstData + 1}="${marker}"`,
        fill: HIGHLIGHT_COLOURS.belowMinimum,
        priority: 4,
      });
    });
    rules.push({
      range: `A${firstData + 1}:${columnLetters(right)}${lastRow + 1}`,
      formula: `${status}="${STATUS_TEXT.missing}"`,
      fill: HIGHLIGHT_COLOURS.missing,
      priority: 5,
    });
  }

  const sheetRef = quoteSheetName(result.sheet);
  return {
    ok: true,
    plan: {
      sheet: result.sheet,
      top,
      left,
      bottom: lastRow,
      right,
      titleRow,
      headerRow,
      columns,
      values,
      rules,
      notes,
      autoFilter: `A${headerRow + 1}:${columnLetters(right - 1)}${lastRow + 1}`,
      reference: `${sheetRef}!$${columnLetters(left)}$${top + 1}:$${columnLetters(right)}$${lastRow + 1}`,
    },
  };
}

/** How one block column's value is read from a unit (decided once per column, not per cell). */
function columnValue(
  col: BlockColumn,
  result: ScoreResult,
  verified: Map<string, string>,
  tableWidth: number,
): (u: UnitResult) => CellValue {
  const [kind, id] = col.key.split(':');
  switch (kind) {
    case 'score':
      return (u) => money(u.categories.find((c) => c.id === id)?.scoreCents ?? null);
    case 'level':
      return (u) => levelCell(u, id);
    case 'selfTotal':
      return (u) => money(u.selfTotalCents);
    case 'total':
      return (u) => money(u.totalCents);
    case 'max':
      return (u) => money(u.maxCents);
    case 'percent':
      return (u) => money(u.percentHundredths);
    case 'grade':
      return (u) => u.grade;
    case 'rank':
      return (u) => u.rank;
    case 'status':
      return (u) => STATUS_TEXT[u.status];
    case 'attention':
      return (u) => attentionText(u, result.rubric);
    case 'notes':
      return notesText;
    case 'flags':
      return (u) => rowFlags(u, tableWidth, verified);
    default:
      return () => null;
  }
}

/**
 * Whether a conditional-format rule is one the add-in wrote: its formula compares a cell inside
 * the given result block with a quoted marker. The block is the add-in's own, so staff rules
 * never refer to it.
 */
export function isOwnHighlightRule(formulae: string[], block: ExistingBlock): boolean {
  return formulae.some((f) => {
    if (!f.includes('"')) return false;
    for (const m of f.matchAll(/\$?([A-Z]{1,3})\$?\d+/g)) {
      const col = parseA1(m[0].replace(/\$/g, ''))?.col ?? -1;
      if (col >= block.left && col <= block.right) return true;
    }
    return false;
  });
}
