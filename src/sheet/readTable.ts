/**
 * Reading the rows below the header (docs/bang-tong-hop.md, "Bảng tổng hợp"): section rows set
 * the tier, group rows set the area, sub-total, note and blank rows are skipped, and the table
 * ends where the footer starts ("Cuối bảng và phần ghi chú"): notes, signatures and date lines
 * under the table never become units, and a stray value far below is ignored with a warning.
 */
import { CompiledRubric, tierOfCell, tierOfSection } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { HeaderLayout } from './findHeader';
import { CellValue, Grid, a1, cellAt, columnCount, mergeOwners } from './grid';
import { normGroupName, normRowLabel, normText, normUnitName } from './normalize';
import { cellDisplayText, isBlankCell, readInputCell } from './typedValues';

export interface TierCell {
  address: string;
  text: string;
  /** The tier it names, or null when it is filled but not recognised. */
  tier: Tier | null;
}

/** A row that is, or may be, a unit: named, or unnamed but with entries. */
export interface TableRow {
  /** 0-based sheet row. */
  row: number;
  /** The name cell's text, trimmed; null when blank. */
  name: string | null;
  nameCell: string;
  /** The "Cấp" cell when it is filled. */
  tierCell: TierCell | null;
  /** Tier of the nearest section row above. */
  sectionTier: Tier | null;
  /** Area of the nearest group row above (as written), for rows of a grouped tier. */
  district: string | null;
  /** Raw input cells, in the order of rubric.inputs. */
  values: CellValue[];
  /** At least one input cell holds something. */
  submitted: boolean;
}

/** A stray value far below the table, ignored (docs/bang-tong-hop.md, "Cuối bảng và phần ghi chú"). */
export interface StrayValue {
  /** 0-based position of its first value cell. */
  row: number;
  col: number;
}

export interface TableRead {
  layout: HeaderLayout;
  /** 0-based column of each input, in the order of rubric.inputs. */
  inputCols: number[];
  rows: TableRow[];
  /** 0-based last row of the table (the header's last row when the table is empty). */
  lastRow: number;
  /** 0-based last column with a value from the header rows to lastRow, outside the ignored columns. */
  lastUsedCol: number;
  /** The first value far below the table, when there is one. */
  stray: StrayValue | null;
}

export interface ReadOptions {
  /** Tier of a unit on the official list, for "is followed by rows of a grouped tier". */
  listedTier?: (name: string) => Tier | null;
  /** Whether a name is on the official list (a unit candidate); absent when there is no list. */
  isListed?: (name: string) => boolean;
  /** Known group keys (normGroupName), for "Cộng huyện Ba Bể". */
  knownDistricts?: Set<string>;
  /** Columns to leave out of lastUsedCol: the add-in's own result block. */
  ignoreCols?: { from: number; to: number } | null;
}

const SUBTOTAL = /^(tổng cộng|tổng số|tổng|cộng)(?:\s+(.+))?$/u;

/** Blank rows above a value that make it a stray cell rather than part of the table. */
export const STRAY_GAP = 100;

/** Words that open a note, a signature or an approval line under the table. */
const NOTE_WORDS = [
  'ghi chú',
  'chú thích',
  'lưu ý',
  'nơi nhận',
  'người lập',
  'người tổng hợp',
  'thủ trưởng',
  'giám đốc',
  'phó giám đốc',
  'chủ tịch',
  'tm.',
  'kt.',
  'q.',
  'xác nhận',
];
const DATE_LINE = /(?:^|[\s,.])ngày(?:\s.*)?\stháng(?:\s.*)?\snăm(?:\s|$)/u;
const LEADING_NUMBER = /^\d+$/;

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  if (word.endsWith('.') || text.length === word.length) return true;
  return !/[\p{L}\p{N}]/u.test(text.charAt(word.length));
}

/** Whether a cell's text opens a note, a signature line or a date line. */
export function isNoteText(text: string): boolean {
  const t = normText(text).replace(/^[\s*\-–—•(]+/u, '');
  if (t === '') return false;
  return NOTE_WORDS.some((w) => startsWithWord(t, w)) || DATE_LINE.test(t);
}

export function readTable(grid: Grid, layout: HeaderLayout, rubric: CompiledRubric, options: ReadOptions = {}): TableRead {
  const owners = mergeOwners(grid.merges);
  const height = grid.rows.length;
  const inputCols = rubric.inputs.map((i) => layout.inputCols.get(i.code)!);
  const knownDistricts = new Set(options.knownDistricts ?? []);
  const groupWords = rubric.groupWords;
  const grouped = new Set(rubric.groupedTiers);
  const width = columnCount(grid);

  /** Below the header a merged area's value counts only for the name cell. */
  const nameValue = (r: number): CellValue => {
    const owner = owners.get(r * 65536 + layout.nameCol);
    return owner ? cellAt(grid, owner.r, owner.c) : cellAt(grid, r, layout.nameCol);
  };
  const hasEntry = (r: number) => {
    const row = grid.rows[r];
    return row !== undefined && inputCols.some((c) => !isBlankCell(row[c]));
  };
  /** The first cell that validates for its column's input type, whatever the row's tier; -1 when none. */
  const firstValueCol = (r: number): number => {
    const row = grid.rows[r];
    if (row === undefined) return -1;
    for (let i = 0; i < inputCols.length; i++) {
      const v = row[inputCols[i]];
      if (isBlankCell(v)) continue;
      const read = readInputCell(v, rubric.inputs[i].type, rubric.choices[i]);
      if (read.kind === 'number' || read.kind === 'yesno' || read.kind === 'na' || read.kind === 'choice') return inputCols[i];
    }
    return -1;
  };
  const label = (r: number): string => {
    const v = nameValue(r);
    if (!isBlankCell(v)) return cellDisplayText(v);
    for (let c = 0; c < layout.firstInputCol; c++) {
      const x = cellAt(grid, r, c);
      if (!isBlankCell(x)) return cellDisplayText(x);
    }
    return '';
  };
  // Entries first: most rows have one, and then their label need not be read.
  const isBlankRow = (r: number) => grid.rows[r] === undefined || (!hasEntry(r) && label(r).trim() === '');
  const tierCellOf = (r: number): TierCell | null => {
    if (layout.tierCol === null) return null;
    const v = cellAt(grid, r, layout.tierCol);
    if (isBlankCell(v)) return null;
    const text = cellDisplayText(v).trim();
    return { address: a1(r, layout.tierCol), text, tier: tierOfCell(rubric, text) };
  };
  /** A row without a value holding a note, a signature or a date line in any cell. */
  const isNoteRow = (r: number): boolean => {
    const row = grid.rows[r];
    // A row with a value is never a note row: asked first, as most rows have one.
    if (row === undefined || firstValueCol(r) >= 0) return false;
    for (let c = 0; c < Math.min(row.length, width); c++) {
      const v = row[c];
      if (typeof v === 'string' && isNoteText(v)) return true;
    }
    return false;
  };
  const startsWithGroupWord = (key: string) =>
    groupWords.some((w) => key.startsWith(w) && (w.endsWith('.') || key.charAt(w.length) === ' '));
  const isSubtotalLabel = (key: string): boolean => {
    const m = SUBTOTAL.exec(key.replace(/[\s.:;,\-–—]+$/u, ''));
    if (!m) return false;
    const rest = m[2];
    if (!rest) return true;
    if (tierOfSection(rubric, rest) !== null) return true;
    if (rubric.sectionPhrases.some((p) => rest.startsWith(p.phrase))) return true;
    if (rest.startsWith('các ') || rest === 'toàn tỉnh') return true;
    if (startsWithGroupWord(`${rest} `)) return true;
    return knownDistricts.has(normGroupName(rest, groupWords));
  };
  /** A named row without values that is still a unit: listed, with a "Cấp", an STT number, or a tier's word first. */
  const isUnitCandidate = (r: number): boolean => {
    const v = nameValue(r);
    if (isBlankCell(v)) return false;
    const name = cellDisplayText(v).trim();
    if (options.isListed?.(name)) return true;
    if (tierCellOf(r)?.tier) return true;
    if (layout.orderCol !== null) {
      const stt = cellAt(grid, r, layout.orderCol);
      if (typeof stt === 'number' ? Number.isInteger(stt) : LEADING_NUMBER.test(normText(cellDisplayText(stt)))) return true;
    }
    if (options.isListed || layout.orderCol !== null) return false;
    const key = normUnitName(name);
    return [...rubric.tierByCell.keys()].some((w) => key.startsWith(`${w} `));
  };
  const classify = (r: number): 'section' | 'group' | 'subtotal' | null => {
    const key = normRowLabel(label(r));
    if (key === '') return null;
    if (isSubtotalLabel(key)) return 'subtotal';
    if (tierOfSection(rubric, key)) return 'section';
    if (startsWithGroupWord(`${key} `) && tierCellOf(r) === null) return 'group';
    return null;
  };

  // A value after STRAY_GAP blank rows: the table (and everything usable) ends above the gap.
  let cutoff = height; // exclusive
  let stray: StrayValue | null = null;
  let blankRun = 0;
  for (let r = layout.firstDataRow; r < height; r++) {
    if (isBlankRow(r)) {
      blankRun++;
      continue;
    }
    if (blankRun >= STRAY_GAP) {
      const col = firstValueCol(r);
      if (col >= 0) {
        cutoff = r - blankRun;
        stray = { row: r, col };
        break;
      }
    }
    blankRun = 0;
  }

  // The footer starts below the last value: at a note row, or at a row after a blank row that
  // is neither a section, group, sub-total nor unit candidate.
  let lastValue = layout.firstDataRow - 1;
  for (let r = cutoff - 1; r >= layout.firstDataRow; r--) {
    if (firstValueCol(r) >= 0) {
      lastValue = r;
      break;
    }
  }
  let end = cutoff;
  let afterBlank = false;
  for (let r = lastValue + 1; r < cutoff; r++) {
    if (isBlankRow(r)) {
      afterBlank = true;
      continue;
    }
    if (isNoteRow(r) || (afterBlank && classify(r) === null && !isUnitCandidate(r))) {
      end = r;
      break;
    }
  }

  /** Whether the next table row belongs to a grouped tier, as its own "Cấp" cell or the list tells it. */
  const nextRowIsGrouped = (r: number): boolean => {
    for (let n = r + 1; n < end; n++) {
      if (isBlankRow(n) || isNoteRow(n)) continue;
      const tc = tierCellOf(n);
      if (tc) return tc.tier !== null && grouped.has(tc.tier);
      const name = nameValue(n);
      if (isBlankCell(name) || !options.listedTier) return false;
      const tier = options.listedTier(cellDisplayText(name).trim());
      return tier !== null && grouped.has(tier);
    }
    return false;
  };

  const rows: TableRow[] = [];
  let sectionTier: Tier | null = null;
  let district: string | null = null;
  let lastRow = layout.firstDataRow - 1;
  for (let r = layout.firstDataRow; r < end; r++) {
    if (grid.rows[r] === undefined) continue;
    const text = label(r);
    const entries = hasEntry(r);
    if (text.trim() === '' && !entries) continue;
    if (isNoteRow(r)) continue;
    lastRow = r;
    const key = normRowLabel(text);
    if (key !== '') {
      if (isSubtotalLabel(key)) continue;
      const section = tierOfSection(rubric, key);
      if (section) {
        sectionTier = section;
        district = null;
        continue;
      }
      if (
        startsWithGroupWord(`${key} `) &&
        tierCellOf(r) === null &&
        ((sectionTier !== null && grouped.has(sectionTier)) || nextRowIsGrouped(r))
      ) {
        district = text.trim().replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVXLCivxlc]+[.)]|[a-zđ][.)])\s*/u, '');
        knownDistricts.add(normGroupName(district, groupWords));
        continue;
      }
    }
    const nameCell = nameValue(r);
    const name = isBlankCell(nameCell) ? null : cellDisplayText(nameCell).trim();
    if (name === null && !entries) continue;
    rows.push({
      row: r,
      name,
      nameCell: a1(r, layout.nameCol),
      tierCell: tierCellOf(r),
      sectionTier,
      district,
      values: inputCols.map((c) => cellAt(grid, r, c)),
      submitted: entries,
    });
  }

  // Last used column, from the header rows to the last table row.
  let lastUsedCol = 0;
  const ignore = options.ignoreCols ?? null;
  for (let r = layout.headerRows[0]; r <= Math.max(lastRow, layout.headerRows[layout.headerRows.length - 1]); r++) {
    const cells = grid.rows[r] ?? [];
    for (let c = Math.min(cells.length, width) - 1; c > lastUsedCol; c--) {
      if (ignore && c >= ignore.from && c <= ignore.to) continue;
      if (!isBlankCell(cells[c])) {
        lastUsedCol = c;
        break;
      }
    }
  }
  return { layout, inputCols, rows, lastRow, lastUsedCol, stray };
}
