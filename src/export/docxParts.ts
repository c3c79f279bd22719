/**
 * The building blocks of the department's Word documents (Nghị định 30/2020/NĐ-CP: A4, Times
 * New Roman, margins 20/20/30/15 mm): runs, paragraphs, the short rule under a heading, layout
 * tables and bordered grid cells. Pure: runs in the task pane and the command line.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
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
import { PLACEHOLDER } from '../report/settings';
import { withoutInvalidXml } from './xmlText';

export const FONT = 'Times New Roman';
/** Sizes in half-points. */
export const SIZE = { body: 28, heading: 26, nation: 24, table: 24, small: 22 };

/** A4 in twips, portrait. */
export const A4 = { width: 11906, height: 16838 };
/** Millimetres to twips, rounded up so that a margin is never below the decree's minimum. */
export const mm = (n: number) => Math.ceil((n * 1440) / 25.4);
export const PORTRAIT_MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
export const PORTRAIT_TEXT_WIDTH = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: withoutInvalidXml(text),
    font: FONT,
    size: style.size ?? SIZE.body,
    bold: style.bold,
    italics: style.italics,
  });
}

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface ParaOptions extends RunStyle {
  align?: Align;
  /** First-line indent in mm (body text: 10 mm). */
  indent?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

export function para(content: string | TextRun[], o: ParaOptions = {}): Paragraph {
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
export function rule(inset: number): Paragraph {
  return new Paragraph({
    children: [],
    indent: { left: inset, right: inset },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

export const centered = (text: string, o: ParaOptions = {}) => para(text, { ...o, align: AlignmentType.CENTER });
export const body = (content: string | TextRun[], o: ParaOptions = {}) => para(content, { indent: 10, after: 120, ...o });

/** A borderless table of two columns (heading, signature). */
export function layoutTable(widths: [number, number], left: Paragraph[], right: Paragraph[]): Table {
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(widths[0], left), cell(widths[1], right)] })],
  });
}

/** The first line of the national motto, the widest of the heading's right column. */
export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/**
 * The right column of NĐ 30's heading, `width` twips wide: the national motto, its short rule,
 * then the place (the province) and the date left for the clerk.
 */
export function mottoColumn(width: number, province: string): Paragraph[] {
  return [
    centered(NATION, { bold: true, size: SIZE.nation }),
    centered('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE.heading }),
    rule(Math.round(width * 0.22)),
    centered(`${province}, ngày ${PLACEHOLDER} tháng ${PLACEHOLDER} năm ${PLACEHOLDER}`, { italics: true, before: 120 }),
  ];
}

const LINES = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINES, bottom: LINES, left: LINES, right: LINES };

/** A bordered cell of a data table. */
export function gridCell(text: string, width: number, o: ParaOptions & { span?: number; shade?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    borders: GRID_BORDERS,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: o.shade ? { fill: 'E7E6E6', color: 'auto', type: 'clear' } : undefined,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    children: [
      para(text, { size: o.size ?? SIZE.table, align: o.align ?? AlignmentType.LEFT, bold: o.bold, italics: o.italics }),
    ],
  });
}

/** A bordered data table of fixed column widths: a repeated header row, then the rows. */
export function gridTable(header: string[], rows: { cells: string[]; aligns: Align[] }[], widths: number[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => gridCell(h, widths[i], { bold: true, align: AlignmentType.CENTER, shade: true })),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => gridCell(c, widths[i], { align: r.aligns[i] })) }),
      ),
    ],
  });
}
