/**
 * The add-in's own sheets — "Xếp hạng" (docs/bang-tong-hop.md, "Trang Xếp hạng"), "Lộ trình",
 * "Tiêu chí còn yếu" (docs/lo-trinh.md) — as worksheet parts, from the same pure plans the
 * add-in writes from: values, looks, merged banners, row heights, column widths, A4 landscape
 * fitted to the page width, the header row repeated on every printed page (a defined name, set
 * by patchPackage), the plan's page breaks and filter. Names are values, never formulas: a name
 * starting with "=" stays text.
 */
import type { RankingCellLook, RankingSheetPlan } from '../../report/rankingSheetPlan';
import { FONT_NAME, RANKING_PAGE } from '../../report/rankingSheetPlan';
import { a1, columnLetters } from '../../sheet/grid';
import { cellXml } from './patchSheet';
import { CellStyle, StylesPatch } from './stylesPatch';
import { ByteArena, MAIN_NS } from './xml';

function styleOf(look: RankingCellLook): CellStyle {
  return {
    font: { name: FONT_NAME, size: look.size, ...(look.bold ? { bold: true } : {}), ...(look.italic ? { italic: true } : {}) },
    horizontal: look.horizontal,
    vertical: 'center',
    wrap: look.wrap,
    border: look.border ? '000000' : null,
    fill: look.fill,
    numberFormat: look.numberFormat,
  };
}

/** The plan may carry page breaks (1-based rows that start a printed page); older plans have none. */
type PlanWithBreaks = RankingSheetPlan & { pageBreaks?: number[] };

/** The sheet part, as pieces in order (see encodePieces); rows are encoded as they are made. */
export function rankingSheetXml(plan: PlanWithBreaks, styles: StylesPatch): (string | Uint8Array)[] {
  const width = plan.columns.length;
  const rows: Uint8Array[] = [];
  const arena = new ByteArena();
  const merges: string[] = [];
  // Rows share their look objects: one style lookup per look, not per cell.
  const styleIds = new Map<RankingCellLook, number>();
  const styleId = (look: RankingCellLook) => {
    let id = styleIds.get(look);
    if (id === undefined) styleIds.set(look, (id = styles.cellXf(styleOf(look))));
    return id;
  };
  const letters = plan.columns.map((_, c) => columnLetters(c));
  plan.rows.forEach((row, r) => {
    if (row.kind === 'blank' && row.height === null) return;
    if (row.merged && width > 1) merges.push(`${a1(r, 0)}:${a1(r, width - 1)}`);
    let cells = '';
    if (row.kind !== 'blank') {
      for (let c = 0; c < row.values.length; c++) {
        const look = row.looks[c];
        // A banner's text sits in its first cell; the others carry only a border, when it has one.
        if (row.merged && c > 0 && !look.border) continue;
        cells += cellXml(
          '',
          `${letters[c] ?? columnLetters(c)}${r + 1}`,
          styleId(look),
          row.merged && c > 0 ? null : row.values[c],
        );
      }
    }
    const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
    rows.push(arena.encode(`<row r="${r + 1}"${height}>${cells}</row>`));
  });
  const lastRow = Math.max(1, plan.rows.length);
  const cols = plan.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const m = RANKING_PAGE.margins;
  const breaks = (plan.pageBreaks ?? []).filter((b) => b > 1).sort((x, y) => x - y);
  const breaksXml = breaks.length
    ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
      breaks.map((b) => `<brk id="${b - 1}" max="16383" man="1"/>`).join('') +
      `</rowBreaks>`
    : '';
  const head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${columnLetters(Math.max(0, width - 1))}${lastRow}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>`;
  const tail =
    `</sheetData>` +
    (plan.filter ? `<autoFilter ref="${plan.filter}"/>` : '') +
    (merges.length
      ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
      : '') +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="${RANKING_PAGE.fitToWidth}" fitToHeight="0"/>` +
    breaksXml +
    `</worksheet>`;
  return [head, ...rows, tail];
}

/** The print titles reference for the repeated header row: 'Xếp hạng'!$5:$5. */
export function printTitlesReference(quotedSheet: string, row: number): string {
  return `${quotedSheet}!$${row}:$${row}`;
}
