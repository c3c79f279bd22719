/**
 * Reading the rows below the header (workbook.md, "The submission sheet"): section rows set the
 * tier, district group rows set the district, sub-total and blank rows are skipped, and the
 * table ends at the first blank row below which nothing is entered.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { HeaderLayout } from './findHeader';
import { CellValue, Grid, a1, cellAt, columnCount, mergeOwners } from './grid';
import { normDistrictName, normRowLabel } from './normalize';
import { DISTRICT_WORDS, TIER_PHRASES, tierFromCell, tierOfSectionLabel } from './tiers';
import { cellDisplayText, isBlankCell } from './typedValues';

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
  /** District of the nearest group row above (as written), for communes. */
  district: string | null;
  /** Raw input cells, in the order of rubric.inputs. */
  values: CellValue[];
  /** At least one input cell holds something. */
  submitted: boolean;
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
}

export interface ReadOptions {
  /** Tier of a unit on the official list, for "is followed by commune rows". */
  listedTier?: (name: string) => Tier | null;
  /** Known district keys (normalised), for "Cộng huyện Ba Bể". */
  knownDistricts?: Set<string>;
  /** Columns to leave out of lastUsedCol: the add-in's own result block. */
  ignoreCols?: { from: number; to: number } | null;
}

const SUBTOTAL = /^(tổng cộng|tổng số|tổng|cộng)(?:\s+(.+))?$/u;

function isSubtotalLabel(label: string, knownDistricts: Set<string>): boolean {
  const m = SUBTOTAL.exec(label.replace(/[\s.:;,\-–—]+$/u, ''));
  if (!m) return false;
  const rest = m[2];
  if (!rest) return true;
  if (tierOfSectionLabel(rest) !== null) return true;
  if (Object.values(TIER_PHRASES).some((ps) => ps.some((p) => rest.startsWith(p)))) return true;
  if (rest.startsWith('các ') || rest === 'toàn tỉnh') return true;
  if (DISTRICT_WORDS.test(`${rest} `)) return true;
  return knownDistricts.has(normDistrictName(rest));
}

export function readTable(grid: Grid, layout: HeaderLayout, rubric: CompiledRubric, options: ReadOptions = {}): TableRead {
  const owners = mergeOwners(grid.merges);
  const height = grid.rows.length;
  const inputCols = rubric.inputs.map((i) => layout.inputCols.get(i.code)!);
  const knownDistricts = new Set(options.knownDistricts ?? []);

  /** Below the header a merged area's value counts only for the name cell. */
  const nameValue = (r: number): CellValue => {
    const owner = owners.get(r * 65536 + layout.nameCol);
    return owner ? cellAt(grid, owner.r, owner.c) : cellAt(grid, r, layout.nameCol);
  };
  const hasEntry = (r: number) => inputCols.some((c) => !isBlankCell(cellAt(grid, r, c)));
  const label = (r: number): string => {
    const v = nameValue(r);
    if (!isBlankCell(v)) return cellDisplayText(v);
    for (let c = 0; c < layout.firstInputCol; c++) {
      const x = cellAt(grid, r, c);
      if (!isBlankCell(x)) return cellDisplayText(x);
    }
    return '';
  };
  const isBlankRow = (r: number) => label(r).trim() === '' && !hasEntry(r);
  const tierCellOf = (r: number): TierCell | null => {
    if (layout.tierCol === null) return null;
    const v = cellAt(grid, r, layout.tierCol);
    if (isBlankCell(v)) return null;
    const text = cellDisplayText(v).trim();
    return { address: a1(r, layout.tierCol), text, tier: tierFromCell(text) };
  };

  // End of the table: the first blank row below which no row has an entry.
  let lastEntry = layout.firstDataRow - 1;
  for (let r = height - 1; r >= layout.firstDataRow; r--) {
    if (hasEntry(r)) {
      lastEntry = r;
      break;
    }
  }
  let end = height; // exclusive
  for (let r = Math.max(lastEntry + 1, layout.firstDataRow); r < height; r++) {
    if (isBlankRow(r)) {
      end = r;
      break;
    }
  }

  /** The tier of the next non-blank row, as its own "Cấp" cell or the list tells it. */
  const nextRowIsCommune = (r: number): boolean => {
    for (let n = r + 1; n < end; n++) {
      if (isBlankRow(n)) continue;
      const tc = tierCellOf(n);
      if (tc) return tc.tier === 'commune';
      const name = nameValue(n);
      if (isBlankCell(name) || !options.listedTier) return false;
      return options.listedTier(cellDisplayText(name).trim()) === 'commune';
    }
    return false;
  };

  const rows: TableRow[] = [];
  let sectionTier: Tier | null = null;
  let district: string | null = null;
  let lastRow = layout.firstDataRow - 1;
  for (let r = layout.firstDataRow; r < end; r++) {
    const text = label(r);
    const entries = hasEntry(r);
    if (text.trim() === '' && !entries) continue;
    lastRow = r;
    const key = normRowLabel(text);
    if (key !== '') {
      if (isSubtotalLabel(key, knownDistricts)) continue;
      const section = tierOfSectionLabel(key);
      if (section) {
        sectionTier = section;
        district = null;
        continue;
      }
      if (DISTRICT_WORDS.test(`${key} `) && tierCellOf(r) === null && (sectionTier === 'commune' || nextRowIsCommune(r))) {
        district = text.trim().replace(/^(?:\d+(?:\.\d+)*[.)]?|[IVXLCivxlc]+[.)]|[a-zđ][.)])\s*/u, '');
        knownDistricts.add(normDistrictName(district));
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
  const width = columnCount(grid);
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
  return { layout, inputCols, rows, lastRow, lastUsedCol };
}
