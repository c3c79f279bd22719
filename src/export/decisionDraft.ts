/**
 * The decision draft (.docx) of docs/du-thao-quyet-dinh.md ("Dự thảo quyết định"), in the layout
 * of Nghị định 30/2020/NĐ-CP: A4, Times New Roman, margins 20/20/30/15 mm, the two-column heading,
 * the title, the legal bases left as placeholders, Điều 1–3, Nơi nhận, the signature block, then
 * the appendix with the ranking tables on landscape pages. Pure: runs in the task pane and the
 * command line.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table } from 'docx';
import { unzipSync, zipSync } from 'fflate';
import type { ScoreResult } from '../scoring/types';
import { formatCents } from '../scoring/viFormat';
import { NO_UNITS_NOTE, attachmentLine, tableHeading } from '../report/appendixWords';
import { RankingCell, RankingTable, RankingTables, cellText, rankingTables } from '../report/rankingTables';
import { CELL_STYLE, appendixTableXml } from './appendixTableXml';
import { encodePieces } from './utf8Bytes';
import { longestWordTwips, textTwips } from './textWidth';
import {
  A4,
  FONT,
  PORTRAIT_MARGIN,
  PORTRAIT_TEXT_WIDTH,
  SIZE,
  body,
  centered,
  layoutTable,
  mm,
  mottoColumn,
  para,
  rule,
  run,
} from './docxParts';
import { DecisionSettings, PLACEHOLDER, committeeOfProvince, evaluationSubject } from '../report/settings';
import type { CompiledRubric } from '../rubric/compiled';
import { joinVi, summaryParagraph } from '../report/summary';

/** The recipients' list is set a size smaller than the body (NĐ 30). */
const RECIPIENTS = { title: 24, item: 22 };
const LANDSCAPE_MARGIN = { top: mm(20), bottom: mm(15), left: mm(20), right: mm(15) };
const LANDSCAPE_TEXT_WIDTH = A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;

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
  return layoutTable([leftWidth, rightWidth], left, mottoColumn(rightWidth, s.province));
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
    para([run('Nơi nhận:', { bold: true, italics: true, size: RECIPIENTS.title })], { align: AlignmentType.LEFT }),
    ...s.recipients.map((r) => para(`- ${r}`, { size: RECIPIENTS.item, align: AlignmentType.LEFT })),
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

/** Cell margins (60 twips each side, ./appendixTableXml) and room for how Word and LibreOffice set text. */
const CELL_PADDING = 120 + 120;
const NAME_MIN = 2200;

/**
 * Column widths in twips, measured from the table's own texts: each figure column as wide as its
 * widest figure on one line (and its title's longest word, the title may wrap), the rest to the
 * unit's name. Names and areas wrap between words; a figure never does, unless there are so many
 * columns that even measured widths do not fit, when all but the name's narrow alike.
 */
function columnWidths(t: RankingTable): number[] {
  const size = SIZE.table;
  const needs = t.columns.map((c, i) => {
    if (c.kind === 'name') return 0;
    let widest = longestWordTwips(c.title, size, true);
    for (const s of t.sections) {
      for (const r of s.rows) {
        const text = display(r.cells[i]);
        widest = Math.max(widest, c.kind === 'district' ? longestWordTwips(text, size) : textTwips(text, size));
      }
    }
    return Math.ceil(widest) + CELL_PADDING;
  });
  const used = needs.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, (LANDSCAPE_TEXT_WIDTH - NAME_MIN) / used);
  const widths = needs.map((w) => Math.floor(w * scale));
  const nameWidth = LANDSCAPE_TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return t.columns.map((c, i) => (c.kind === 'name' ? nameWidth : widths[i]));
}

/**
 * Paragraph styles of the appendix cells (./appendixTableXml): font, size, spacing and alignment
 * said once in styles.xml rather than on each of the cells a large province has.
 */
const CELL_PARAGRAPH_STYLES = [
  {
    id: CELL_STYLE.left,
    name: 'Ô bảng phụ lục',
    run: { font: FONT, size: SIZE.table },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: 288 } },
  },
  {
    id: CELL_STYLE.center,
    name: 'Ô bảng phụ lục (giữa)',
    basedOn: CELL_STYLE.left,
    run: { font: FONT, size: SIZE.table },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 288 } },
  },
];

const display = (cell: RankingCell) => cellText(cell, formatCents);

/**
 * Where an appendix table goes: an empty paragraph whose style names the table. The docx library
 * writes the document around it; decisionDraftBytes then puts the table's XML in its place.
 */
const tableMark = (i: number) => `CqdtBangPhuLuc${i}`;

function appendixTable(t: RankingTable, i: number): Paragraph[] {
  return [
    para(tableHeading(t), { bold: true, before: 240, after: 120, align: AlignmentType.LEFT, keepNext: true }),
    new Paragraph({ style: tableMark(i) }),
  ];
}

function appendix(tables: RankingTables, s: DecisionSettings): Paragraph[] {
  const heading = [
    centered('PHỤ LỤC', { bold: true }),
    centered(tables.title, { bold: true }),
    centered(attachmentLine(s), { italics: true, after: 240 }),
  ];
  if (tables.tables.length === 0) return [...heading, centered(NO_UNITS_NOTE)];
  return [...heading, ...tables.tables.flatMap((t, i) => appendixTable(t, i))];
}

// ---------------------------------------------------------------- document

/** The document, with a marked empty paragraph where each appendix table goes. */
function buildDecisionDraft(result: ScoreResult, settings: DecisionSettings, tables: RankingTables): Document {
  const summary = summaryParagraph(result);
  return new Document({
    title: decisionSubject(result.rubric, settings.year),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } }, paragraphStyles: CELL_PARAGRAPH_STYLES },
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
        children: appendix(tables, settings),
      },
    ],
  });
}

/** Puts each table's XML in place of its marked paragraph in the document part. */
function placeTables(documentXml: string, tables: RankingTable[]): string[] {
  const out: string[] = [];
  let at = 0;
  tables.forEach((t, i) => {
    const mark = documentXml.indexOf(`<w:pStyle w:val="${tableMark(i)}"/>`, at);
    const start = mark < 0 ? -1 : documentXml.lastIndexOf('<w:p>', mark);
    const end = mark < 0 ? -1 : documentXml.indexOf('</w:p>', mark);
    if (start < at || end < 0) throw new Error(`appendix table ${i + 1} has no place in the document`);
    out.push(documentXml.slice(at, start), ...appendixTableXml(t, columnWidths(t), display));
    at = end + '</w:p>'.length;
  });
  out.push(documentXml.slice(at));
  return out;
}

const DOCUMENT_PART = 'word/document.xml';

/**
 * The .docx file: the docx library writes the document (Packer.toArrayBuffer works in Node and in
 * the browser alike), then the appendix tables take their places in the document part and the
 * package is zipped again with the same parts in the same order.
 */
export async function decisionDraftBytes(result: ScoreResult, settings: DecisionSettings): Promise<Uint8Array> {
  const tables = rankingTables(result, settings.year);
  const packed = new Uint8Array(await Packer.toArrayBuffer(buildDecisionDraft(result, settings, tables)));
  if (tables.tables.length === 0) return packed;
  const parts = unzipSync(packed);
  const pieces = placeTables(new TextDecoder().decode(parts[DOCUMENT_PART]), tables.tables);
  parts[DOCUMENT_PART] = encodePieces(pieces);
  return zipSync(parts);
}
