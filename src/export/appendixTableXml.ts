/**
 * One tier's table of the decision draft's appendix (docs/du-thao-quyet-dinh.md, "Bố cục") as
 * WordprocessingML: a bordered grid of fixed column widths, the header row repeated on each page,
 * rows never split across pages, cells centred vertically. A province has up to tens of thousands
 * of units, so what every cell shares is said once: borders and cell margins on the table, font,
 * size, spacing and alignment in two paragraph styles (./decisionDraft), and each cell's own
 * properties are a string made once per column. Pure: runs in the task pane and the command line.
 */
import type { RankingColumn, RankingTable } from '../report/rankingTables';
import { escapeText } from './xmlText';

/** Paragraph styles of the cells, defined in the document's styles by ./decisionDraft. */
export const CELL_STYLE = { left: 'PhuLucTrai', center: 'PhuLucGiua' } as const;

const LINE = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_LOOK =
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${LINE}/>`).join('')}</w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/>' +
  '<w:tblCellMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="60"/></w:tblCellMar>';
const ROW_START = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
const HEADER_ROW_START = '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
const BOLD = '<w:rPr><w:b/><w:bCs/></w:rPr>';
const BOLD_ITALIC = '<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>';

/** A cell's XML before and after its text, for one look. */
interface CellShape {
  open: string;
  close: string;
}

function cellShape(width: number, style: string, o: { span?: number; shade?: boolean; run?: string } = {}): CellShape {
  const span = o.span ? `<w:gridSpan w:val="${o.span}"/>` : '';
  const shade = o.shade ? '<w:shd w:fill="E7E6E6" w:color="auto" w:val="clear"/>' : '';
  return {
    open:
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span}${shade}<w:vAlign w:val="center"/></w:tcPr>` +
      `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r>${o.run ?? ''}<w:t xml:space="preserve">`,
    close: '</w:t></w:r></w:p></w:tc>',
  };
}

function styleOf(col: RankingColumn): string {
  return col.kind === 'name' || col.kind === 'district' ? CELL_STYLE.left : CELL_STYLE.center;
}

/**
 * The table's XML. `widths` are the columns' widths in twips; `text` gives a cell's display
 * text. Returned as pieces to be joined (one per row) so that no row is copied twice.
 */
export function appendixTableXml(
  t: RankingTable,
  widths: number[],
  text: (cell: RankingTable['sections'][number]['rows'][number]['cells'][number]) => string,
): string[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const header = t.columns.map((_, i) => cellShape(widths[i], CELL_STYLE.center, { shade: true, run: BOLD }));
  const body = t.columns.map((c, i) => cellShape(widths[i], styleOf(c)));
  const section = cellShape(total, CELL_STYLE.left, { span: t.columns.length, run: BOLD_ITALIC });
  const cell = (shape: CellShape, s: string) => shape.open + escapeText(s) + shape.close;

  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${TABLE_LOOK}</w:tblPr>` +
      `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    HEADER_ROW_START + t.columns.map((c, i) => cell(header[i], c.title)).join('') + '</w:tr>',
  ];
  for (const s of t.sections) {
    if (s.title) out.push(ROW_START + cell(section, s.title) + '</w:tr>');
    for (const r of s.rows) {
      let row = ROW_START;
      for (let i = 0; i < body.length; i++) row += cell(body[i], text(r.cells[i]));
      out.push(row + '</w:tr>');
    }
  }
  out.push('</w:tbl>');
  return out;
}
