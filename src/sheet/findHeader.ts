/**
 * Finding the submission table's header (docs/bang-tong-hop.md, "Bảng tổng hợp"): the first row —
 * or pair of adjacent rows — holding a unit label and at least one input, recognised by code or
 * by Vietnamese name; then which column holds which input.
 */
import type { CompiledRubric } from '../rubric/compiled';
import { CellValue, Grid, a1, cellAt, columnCount, mergeOwners } from './grid';
import { normLabel, normText } from './normalize';
import { cellDisplayText, isBlankCell } from './typedValues';

/** What the unit-name column's header says (docs/bang-tong-hop.md, "Dòng tiêu đề"). */
export const UNIT_LABELS = new Set(['tên đơn vị', 'đơn vị', 'tên cơ quan', 'tên cơ quan, đơn vị', 'cơ quan, đơn vị']);
const TIER_LABEL = 'cấp';
const ORDER_LABELS = new Set(['stt', 'tt', 'số thứ tự', 'số tt']);
const COLUMN_NUMBER = /^\(?(\d+)\)?$/;

export interface HeaderLayout {
  /** 0-based header rows, top to bottom. */
  headerRows: number[];
  firstDataRow: number;
  nameCol: number;
  tierCol: number | null;
  /** The "STT" column, when the table has one. */
  orderCol: number | null;
  /** Input code → 0-based column. */
  inputCols: Map<string, number>;
  firstInputCol: number;
}

export type HeaderResult =
  | { ok: true; layout: HeaderLayout }
  | { ok: false; reason: 'no_header'; message: string }
  | { ok: false; reason: 'columns'; message: string };

/** What one header cell says. */
interface HeaderCellMeaning {
  unitLabel: boolean;
  tierLabel: boolean;
  orderLabel: boolean;
  input: string | null;
  columnNumber: number | null;
}

const NOTHING: HeaderCellMeaning = { unitLabel: false, tierLabel: false, orderLabel: false, input: null, columnNumber: null };

/** Matches a header text to the rubric: code prefix ("R1a - …", "R1a. …") or the input's name. */
export function matchInputLabel(text: string, rubric: CompiledRubric): string | null {
  const label = normLabel(text);
  if (label === '') return null;
  for (const inp of rubric.inputs) {
    const code = inp.code.toLowerCase();
    if (label.startsWith(code)) {
      const next = label.charAt(code.length);
      if (next === '' || !/[\p{L}\p{N}]/u.test(next)) return inp.code;
    }
  }
  return rubric.inputByName.get(label) ?? null;
}

function meaning(v: CellValue, rubric: CompiledRubric): HeaderCellMeaning {
  if (isBlankCell(v)) return NOTHING;
  const text = cellDisplayText(v);
  const num = COLUMN_NUMBER.exec(normText(text));
  if (num) return { ...NOTHING, columnNumber: Number(num[1]) };
  const label = normLabel(text);
  if (UNIT_LABELS.has(label)) return { ...NOTHING, unitLabel: true };
  if (label === TIER_LABEL) return { ...NOTHING, tierLabel: true };
  if (ORDER_LABELS.has(label)) return { ...NOTHING, orderLabel: true };
  return { ...NOTHING, input: matchInputLabel(text, rubric) };
}

/**
 * @param ignoreCols the add-in's own result block (from its defined name): its column titles sit
 * on the last header row and must not stop a column-number row from joining the header.
 */
export function findHeader(
  grid: Grid,
  rubric: CompiledRubric,
  ignoreCols: { from: number; to: number } | null = null,
): HeaderResult {
  const owners = mergeOwners(grid.merges);
  const width = ignoreCols ? Math.min(columnCount(grid), ignoreCols.from) : columnCount(grid);
  const height = grid.rows.length;

  /** A header cell's value: a merged area's value counts for each of its cells. */
  const headerValue = (r: number, c: number): CellValue => {
    const owner = owners.get(r * 65536 + c);
    return owner ? cellAt(grid, owner.r, owner.c) : cellAt(grid, r, c);
  };
  /** The cell's value as part of a header starting at row `top`: without merge information, a blank cell takes the value above it. */
  const valueInHeader = (r: number, c: number, top: number): CellValue => {
    const v = headerValue(r, c);
    if (grid.merges === null && r > top && isBlankCell(v)) return valueInHeader(r - 1, c, top);
    return v;
  };
  const rowMeanings = (r: number, top: number) => {
    const out: HeaderCellMeaning[] = [];
    for (let c = 0; c < width; c++) out.push(meaning(valueInHeader(r, c, top), rubric));
    return out;
  };
  const qualifies = (rows: HeaderCellMeaning[][]) => {
    let unit = false;
    let input = false;
    for (let c = 0; c < width; c++) {
      for (const m of rows) {
        if (m[c].unitLabel) unit = true;
        if (m[c].input) input = true;
      }
    }
    return unit && input;
  };
  const recognisesAnything = (m: HeaderCellMeaning[]) => m.some((x) => x.unitLabel || x.input);

  let headerRows: number[] | null = null;
  let meanings: HeaderCellMeaning[][] = [];
  for (let r = 0; r < height && !headerRows; r++) {
    const first = rowMeanings(r, r);
    if (qualifies([first])) {
      headerRows = [r];
      meanings = [first];
    } else if (r + 1 < height && recognisesAnything(first)) {
      const second = rowMeanings(r + 1, r);
      if (qualifies([first, second])) {
        headerRows = [r, r + 1];
        meanings = [first, second];
      }
    }
  }
  if (!headerRows) {
    return {
      ok: false,
      reason: 'no_header',
      message: `Trang "${grid.name}" không có dòng tiêu đề: cần một cột "Tên đơn vị" và các cột số liệu theo mã (${exampleCodes(rubric)}) hoặc theo tên`,
    };
  }

  const nameCol = firstColumn(meanings, (m) => m.unitLabel);
  const top = headerRows[0];

  // Rows below join the header: a column-number row, or a row of codes under a row of names.
  for (;;) {
    const r = headerRows[headerRows.length - 1] + 1;
    if (r >= height) break;
    const asTyped: HeaderCellMeaning[] = [];
    for (let c = 0; c < width; c++) asTyped.push(meaning(headerValue(r, c), rubric));
    if (!joinsHeader(grid, owners, r, headerRows, asTyped, nameCol)) break;
    headerRows.push(r);
    meanings.push(rowMeanings(r, top));
  }

  // Which column holds which input; a column whose header cells name two inputs is refused.
  const inputCols = new Map<string, number[]>();
  const conflicts: string[] = [];
  for (let c = 0; c < width; c++) {
    const found = new Set<string>();
    for (const m of meanings) if (m[c].input) found.add(m[c].input!);
    if (found.size > 1) {
      conflicts.push(`cột ${columnName(c)} có tiêu đề ứng với nhiều số liệu (${[...found].join(', ')})`);
      continue;
    }
    for (const code of found) inputCols.set(code, [...(inputCols.get(code) ?? []), c]);
  }
  const problems: string[] = [...conflicts];
  for (const inp of rubric.inputs) {
    const cols = inputCols.get(inp.code) ?? [];
    if (cols.length === 0) {
      problems.push(`không có cột cho số liệu ${inp.code} - ${inp.name}`);
    } else if (cols.length > 1) {
      const headers = cols.map(
        (c) => `${headerAddress(headerRows!, meanings, c)} "${headerText(grid, headerRows!, c, headerValue)}"`,
      );
      problems.push(`số liệu ${inp.code} có ${cols.length} cột: ${headers.join(', ')}`);
    }
  }
  if (problems.length) {
    return {
      ok: false,
      reason: 'columns',
      message: `Trang "${grid.name}" không chấm được: ${problems.join('; ')}`,
    };
  }

  const single = new Map<string, number>();
  for (const [code, cols] of inputCols) single.set(code, cols[0]);
  return {
    ok: true,
    layout: {
      headerRows,
      firstDataRow: headerRows[headerRows.length - 1] + 1,
      nameCol,
      tierCol: firstColumnOrNull(meanings, (m) => m.tierLabel),
      orderCol: firstColumnOrNull(meanings, (m) => m.orderLabel),
      inputCols: single,
      firstInputCol: Math.min(...single.values()),
    },
  };
}

/** "R1a, R1b, …": how the rubric's codes look, for messages. */
export function exampleCodes(rubric: CompiledRubric): string {
  const codes = rubric.inputs.slice(0, 2).map((i) => i.code);
  return rubric.inputs.length > 2 ? `${codes.join(', ')}, …` : codes.join(', ');
}

function columnName(c: number): string {
  return a1(0, c).replace(/\d+$/, '');
}

function headerAddress(rows: number[], meanings: HeaderCellMeaning[][], c: number): string {
  const i = meanings.findIndex((m) => m[c].input);
  return a1(rows[Math.max(i, 0)], c);
}

function headerText(grid: Grid, rows: number[], c: number, value: (r: number, c: number) => CellValue): string {
  return rows
    .map((r) => cellDisplayText(value(r, c)).trim())
    .filter((t, i, all) => t !== '' && all.indexOf(t) === i)
    .join(' / ');
}

function firstColumnOrNull(meanings: HeaderCellMeaning[][], test: (m: HeaderCellMeaning) => boolean): number | null {
  const width = meanings[0].length;
  for (let c = 0; c < width; c++) if (meanings.some((m) => test(m[c]))) return c;
  return null;
}

function firstColumn(meanings: HeaderCellMeaning[][], test: (m: HeaderCellMeaning) => boolean): number {
  return firstColumnOrNull(meanings, test) ?? 0;
}

/**
 * The row below a header row joins the header when its name cell is blank, carries the merged
 * unit label or is a column number, and each of its other non-blank cells matches an input or is
 * a column number. Cells continuing a merged header cell from above are part of that cell.
 * To keep an unnamed data row of plain numbers out, column numbers must rise left to right and
 * the row must hold an input label or at least two column numbers.
 */
function joinsHeader(
  grid: Grid,
  owners: Map<number, { r: number; c: number }>,
  r: number,
  headerRows: number[],
  m: HeaderCellMeaning[],
  nameCol: number,
): boolean {
  const continuesHeader = (c: number) => {
    const owner = owners.get(r * 65536 + c);
    return owner !== undefined && owner.r < r && owner.r >= headerRows[0];
  };
  const nameMeaning = m[nameCol];
  const nameBlank = isBlankCell(cellAt(grid, r, nameCol)) && !continuesHeader(nameCol);
  if (!(nameBlank || continuesHeader(nameCol) || nameMeaning.unitLabel || nameMeaning.columnNumber !== null)) return false;
  let inputs = 0;
  let lastNumber = -Infinity;
  let numbers = 0;
  for (let c = 0; c < m.length; c++) {
    if (continuesHeader(c)) continue;
    const x = m[c];
    if (x.columnNumber !== null) {
      if (x.columnNumber <= lastNumber) return false;
      lastNumber = x.columnNumber;
      numbers++;
      continue;
    }
    if (c === nameCol) continue;
    if (isBlankCell(cellAt(grid, r, c))) continue;
    if (x.input) {
      inputs++;
      continue;
    }
    return false;
  }
  return inputs > 0 || numbers >= 2;
}
