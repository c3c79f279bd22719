/**
 * The decision draft (.docx) of docs/du-thao-quyet-dinh.md ("Dự thảo quyết định"), in the layout
 * of Nghị định 30/2020/NĐ-CP: A4, Times New Roman, margins 20/20/30/15 mm, the two-column heading,
 * the title, the legal bases left as placeholders, Điều 1–3, Nơi nhận, the signature block, then
 * the appendix with the ranking tables on landscape pages. Pure: runs in the task pane and the
 * command line.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ScoreResult } from '../scoring/types';
import { formatCents, formatCentsShort } from '../scoring/viFormat';
import {
  RankingCell,
  RankingColumn,
  RankingRow,
  RankingSection,
  RankingTable,
  cellText,
  rankingTables,
} from '../report/rankingTables';
import { DecisionSettings, PLACEHOLDER, committeeOfProvince, evaluationSubject } from '../report/settings';
import type { CompiledRubric } from '../rubric/compiled';
import { joinVi, summaryParagraph } from '../report/summary';

const FONT = 'Times New Roman';
/** Sizes in half-points. */
const SIZE = { body: 28, heading: 26, nation: 24, table: 24, recipients: 22, recipientsTitle: 24 };

/** A4 in twips, portrait. */
const A4 = { width: 11906, height: 16838 };
/** Millimetres to twips, rounded up so that a margin is never below the decree's minimum. */
const mm = (n: number) => Math.ceil((n * 1440) / 25.4);
const PORTRAIT_MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const LANDSCAPE_MARGIN = { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15) };
const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

// Characters XML 1.0 cannot carry (a name read from a cell may hold one).
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const safe = (s: string) => s.replace(XML_INVALID, '');

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text: safe(text), font: FONT, size: style.size ?? SIZE.body, bold: style.bold, italics: style.italics });
}

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

interface ParaOptions extends RunStyle {
  align?: Align;
  /** First-line indent in mm (body text: 10 mm). */
  indent?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

function para(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
  const children = typeof content === 'string' ? [run(content, o)] : content;
  return new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: 288 },
    indent: o.indent ? { firstLine: mm(o.indent) } : undefined,
    keepNext: o.keepNext,
  });
}

/**
 * The short line under a heading (NĐ 30): an empty paragraph whose top border is the line,
 * indented `inset` twips on each side so that it stays short whatever the text above.
 */
function rule(inset: number): Paragraph {
  return new Paragraph({
    children: [],
    indent: { left: inset, right: inset },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const centered = (text: string, o: ParaOptions = {}) => para(text, { ...o, align: AlignmentType.CENTER });
const body = (content: string | TextRun[], o: ParaOptions = {}) => para(content, { indent: 10, after: 120, ...o });

const NO_BORDERS = TableBorders.NONE;

/** A borderless cell of a layout table (heading, signature). */
function layoutCell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

function layoutTable(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [layoutCell(widths[0], left), layoutCell(widths[1], right)] })],
  });
}

// ---------------------------------------------------------------- first pages

function headingBlock(s: DecisionSettings): Table {
  const leftWidth = Math.round(PORTRAIT_TEXT_WIDTH * 0.37);
  const rightWidth = PORTRAIT_TEXT_WIDTH - leftWidth;
  const left = [
    centered(s.committee.toLocaleUpperCase('vi'), { bold: true, size: SIZE.heading }),
    centered(`TỈNH ${s.province.toLocaleUpperCase('vi')}`, { bold: true, size: SIZE.heading }),
    rule(Math.round(leftWidth * 0.32)),
    centered(`Số: ${s.decisionNumber}/QĐ-UBND`, { size: SIZE.heading, before: 120 }),
  ];
  const right = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.nation }),
    centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE.heading }),
    rule(Math.round(rightWidth * 0.22)),
    centered(`${s.province}, ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER}`, {
      italics: true,
      size: SIZE.body,
      before: 120,
    }),
  ];
  return layoutTable([leftWidth, rightWidth], left, right);
}

/** "Công bố kết quả đánh giá, xếp loại … năm 2018": the decision's title, in the rubric's words. */
export function decisionSubject(rubric: CompiledRubric, year: number): string {
  return `Công bố kết quả ${evaluationSubject(rubric.rubric)} năm ${year}`;
}

/** Who the decision is about: "các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố và …". */
function audience(rubric: CompiledRubric): string {
  return joinVi(rubric.tierList.map((t) => t.def.audience ?? `các đơn vị ${t.phrase}`));
}

function titleBlock(s: DecisionSettings, rubric: CompiledRubric): Paragraph[] {
  return [
    centered('QUYẾT ĐỊNH', { bold: true, before: 360 }),
    centered(decisionSubject(rubric, s.year), { bold: true }),
    rule(Math.round(PORTRAIT_TEXT_WIDTH * 0.38)),
    centered('', { after: 120 }),
    centered(committeeOfProvince(s).toLocaleUpperCase('vi'), { bold: true, after: 240 }),
  ];
}

/** Legal bases: placeholders the drafter completes in Word. */
function legalBases(s: DecisionSettings, rubric: CompiledRubric): Paragraph[] {
  const p = PLACEHOLDER;
  return [
    body(`Căn cứ Luật Tổ chức chính quyền địa phương ngày ${p};`, { italics: true, after: 60 }),
    body(`Căn cứ ${p};`, { italics: true, after: 60 }),
    body(
      `Căn cứ Quyết định số ${p}/QĐ-UBND ngày ${p} của ${committeeOfProvince(s)} ban hành Bộ tiêu chí ` +
        `${evaluationSubject(rubric.rubric)} trên địa bàn tỉnh ${s.province};`,
      { italics: true, after: 60 },
    ),
    body(`Theo đề nghị của ${s.departmentHead} tại Tờ trình số ${p} ngày ${p}.`, { italics: true, after: 240 }),
    centered('QUYẾT ĐỊNH:', { bold: true, after: 240 }),
  ];
}

function article(n: number, text: string): Paragraph {
  return body([run(`Điều ${n}. `, { bold: true }), run(text)]);
}

function articles(s: DecisionSettings, rubric: CompiledRubric, summary: string): Paragraph[] {
  const who = audience(rubric);
  const Who = who.charAt(0).toLocaleUpperCase('vi') + who.slice(1);
  return [
    article(
      1,
      `Công bố kết quả ${evaluationSubject(rubric.rubric)} năm ${s.year} của ${who} trên địa bàn tỉnh ${s.province} ` +
        `(chi tiết tại Phụ lục kèm theo).`,
    ),
    body(summary),
    article(
      2,
      `${s.department} có trách nhiệm công khai kết quả đánh giá; theo dõi, hướng dẫn, đôn đốc các cơ quan, đơn vị, ` +
        `địa phương khắc phục các tiêu chí chưa đạt. ${Who} căn cứ kết quả đánh giá xây dựng kế hoạch khắc phục hạn chế, ` +
        `gửi báo cáo đầy đủ, đúng thời hạn trong kỳ đánh giá tiếp theo.`,
    ),
    article(
      3,
      `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${committeeOfProvince(s)}, ${s.departmentHead}, ` +
        `thủ trưởng ${who} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`,
    ),
  ];
}

function signatureBlock(s: DecisionSettings): Table {
  const left = [
    para([run('Nơi nhận:', { bold: true, italics: true, size: SIZE.recipientsTitle })], { align: AlignmentType.LEFT }),
    ...s.recipients.map((r) => para(`- ${r}`, { size: SIZE.recipients, align: AlignmentType.LEFT })),
  ];
  const right = [
    centered(`TM. ${s.committee.toLocaleUpperCase('vi')}`, { bold: true }),
    centered(s.signerTitle, { bold: true }),
    ...[1, 2, 3, 4].map(() => centered('')),
    centered(s.signerName, { bold: true }),
  ];
  const leftWidth = Math.round(PORTRAIT_TEXT_WIDTH * 0.45);
  return layoutTable([leftWidth, PORTRAIT_TEXT_WIDTH - leftWidth], left, right);
}

// ---------------------------------------------------------------- appendix

/** Column widths in twips: fixed for figures, the rest to the unit's name. */
function columnWidths(columns: RankingColumn[]): number[] {
  const fixed: Record<RankingColumn['kind'], number> = {
    stt: 650,
    name: 0,
    district: 2250,
    score: 1100,
    level: 1750, // "Không xếp hạng" on one line
    total: 1100,
    max: 1100,
    previousTotal: 1200,
    change: 1000,
    percent: 1050,
    grade: 1300,
    rank: 1000,
  };
  // Many categories (a digital-transformation index has eight) share the page: figures narrow.
  const scale = Math.min(1, (LANDSCAPE_TEXT_WIDTH - 2200) / columns.reduce((sum, c) => sum + fixed[c.kind], 0));
  const width = (c: RankingColumn) => Math.floor(fixed[c.kind] * scale);
  const used = columns.reduce((sum, c) => sum + width(c), 0);
  const nameWidth = Math.max(2200, LANDSCAPE_TEXT_WIDTH - used);
  return columns.map((c) => (c.kind === 'name' ? nameWidth : width(c)));
}

const LINES = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINES, bottom: LINES, left: LINES, right: LINES };

function gridCell(text: string, width: number, o: ParaOptions & { span?: number; shade?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    borders: GRID_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: o.shade ? { fill: 'E7E6E6', color: 'auto', type: 'clear' } : undefined,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [para(text, { size: SIZE.table, align: o.align ?? AlignmentType.LEFT, bold: o.bold, italics: o.italics })],
  });
}

function alignOf(col: RankingColumn): Align {
  return col.kind === 'name' || col.kind === 'district' ? AlignmentType.LEFT : AlignmentType.CENTER;
}

const display = (cell: RankingCell) => cellText(cell, formatCents);

function headerRow(columns: RankingColumn[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => gridCell(c.title, widths[i], { bold: true, align: AlignmentType.CENTER, shade: true })),
  });
}

function bodyRow(row: RankingRow, columns: RankingColumn[], widths: number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: columns.map((c, i) => gridCell(display(row.cells[i]), widths[i], { align: alignOf(c) })),
  });
}

function sectionRows(section: RankingSection, columns: RankingColumn[], widths: number[]): TableRow[] {
  const rows = section.rows.map((r) => bodyRow(r, columns, widths));
  if (!section.title) return rows;
  const total = widths.reduce((a, b) => a + b, 0);
  const title = new TableRow({
    cantSplit: true,
    children: [gridCell(section.title, total, { span: columns.length, bold: true, italics: true })],
  });
  return [title, ...rows];
}

function appendixTable(t: RankingTable): (Paragraph | Table)[] {
  const widths = columnWidths(t.columns);
  const max = t.maxCents !== null ? ` (tổng điểm tối đa: ${formatCentsShort(t.maxCents)} điểm)` : '';
  return [
    para(`${t.title}${max}`, { bold: true, before: 240, after: 120, align: AlignmentType.LEFT, keepNext: true }),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [headerRow(t.columns, widths), ...t.sections.flatMap((s) => sectionRows(s, t.columns, widths))],
    }),
  ];
}

function appendix(result: ScoreResult, s: DecisionSettings): (Paragraph | Table)[] {
  const tables = rankingTables(result, s.year);
  const p = PLACEHOLDER;
  const heading = [
    centered('PHỤ LỤC', { bold: true }),
    centered(tables.title, { bold: true }),
    centered(`(Kèm theo Quyết định số ${s.decisionNumber}/QĐ-UBND ngày ${p} tháng ${p} năm ${p} của ${committeeOfProvince(s)})`, {
      italics: true,
      after: 240,
    }),
  ];
  if (tables.tables.length === 0) return [...heading, centered('Không có đơn vị nào trong bảng tổng hợp.')];
  return [...heading, ...tables.tables.flatMap(appendixTable)];
}

// ---------------------------------------------------------------- document

export function buildDecisionDraft(result: ScoreResult, settings: DecisionSettings): Document {
  const summary = summaryParagraph(result);
  return new Document({
    title: decisionSubject(result.rubric, settings.year),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: PORTRAIT_MARGIN } },
        children: [
          headingBlock(settings),
          ...titleBlock(settings, result.rubric),
          ...legalBases(settings, result.rubric),
          ...articles(settings, result.rubric, summary),
          para('', { after: 120 }),
          signatureBlock(settings),
        ],
      },
      {
        // docx swaps width and height for a landscape section.
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN } },
        children: appendix(result, settings),
      },
    ],
  });
}

/** The .docx file; Packer.toArrayBuffer works in Node and in the browser alike. */
export async function decisionDraftBytes(result: ScoreResult, settings: DecisionSettings): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(buildDecisionDraft(result, settings));
  return new Uint8Array(buffer);
}
