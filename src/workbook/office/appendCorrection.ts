/**
 * A correction appended to the "Thẩm định" sheet (docs/tham-dinh.md): one read round trip (does the
 * sheet exist, where is its header, which is its last used row) and one write. The sheet is
 * created with its bold header row when missing — under the fixed name the read phase of Score
 * already looks for, which is how the add-in recognises it. Nothing else is written: not the
 * other rows, not the submission sheet, whose reported cell stays as the unit typed it.
 */
import { APPRAISAL_SHEET } from '../../scoring/scoreWorkbook';
import type { CompiledRubric } from '../../rubric/compiled';
import { AppraisalColumn, appraisalColumns, findAppraisalHeader } from '../../sheet/appraisalSheet';
import type { CellValue } from '../../sheet/grid';
import { a1 } from '../../sheet/grid';
import type { AppendedCorrection, CorrectionEntry, GatewayMessages, Outcome } from '../gateway';
import { FIXED_FIRST_WINDOW } from './payload';
import { finishSheets, queueSheetRead, takeFirstWindows } from './readSheets';
import type { RoundTrips } from './roundTrips';
import { valueForWrite } from './typedText';
import { widthInPoints } from './writeResultBlock';

const HEADER_FILL = '#DDEBF7';

function entryValue(entry: CorrectionEntry, key: AppraisalColumn): CellValue {
  switch (key) {
    case 'unit':
      return entry.unit;
    case 'district':
      return entry.district;
    case 'code':
      return entry.code;
    case 'reported':
      return entry.reported;
    case 'verified':
      return entry.verified;
    case 'reason':
      return entry.reason;
    case 'reviewer':
      return entry.reviewer;
    case 'date':
      return entry.date;
  }
}

export async function appendCorrection(
  context: Excel.RequestContext,
  trips: RoundTrips,
  entry: CorrectionEntry,
  rubric: CompiledRubric,
  messages: GatewayMessages,
): Promise<Outcome<AppendedCorrection>> {
  const specs = appraisalColumns(rubric);
  // Columns a row cannot do without; the area column is optional (docs/tham-dinh.md).
  const needed = specs.filter((c) => c.key !== 'district');
  const existing = context.workbook.worksheets.getItemOrNullObject(APPRAISAL_SHEET);
  existing.load('name');
  const protection = existing.protection;
  protection.load('protected');
  const queued = queueSheetRead(existing, { merges: false, formats: false, first: FIXED_FIRST_WINDOW });
  await trips.read();

  let sheet: Excel.Worksheet;
  let columns: Map<AppraisalColumn, number>;
  let row: number;
  const created = existing.isNullObject;
  if (created) {
    sheet = context.workbook.worksheets.add(APPRAISAL_SHEET);
    const titles = specs.map((c) => c.title);
    const header = sheet.getRangeByIndexes(0, 0, 1, titles.length);
    header.values = [titles];
    header.format.font.bold = true;
    header.format.fill.color = HEADER_FILL;
    header.format.wrapText = true;
    specs.forEach((c, i) => (sheet.getRange(a1(0, i)).format.columnWidth = widthInPoints(c.width)));
    columns = new Map(specs.map((c, i) => [c.key, i]));
    row = 1;
  } else {
    const name = existing.name;
    if (protection.protected) return { ok: false, message: messages.appraisalSheetProtected(name) };
    const [grid] = await finishSheets(takeFirstWindows([{ name, queued }]), trips);
    const found = findAppraisalHeader(grid, rubric);
    if (!found) return { ok: false, message: messages.appraisalHeaderMissing(name) };
    const missing = needed.filter((c) => !found.columns.has(c.key)).map((c) => c.title);
    if (missing.length) return { ok: false, message: messages.appraisalColumnsMissing(name, missing) };
    sheet = existing;
    columns = found.columns;
    // Below the last used row: rows staff left blank in between stay as they are.
    row = Math.max(grid.rows.length, found.row + 1);
  }

  for (const [key, col] of columns) {
    const { value, numberFormat } = valueForWrite(entryValue(entry, key));
    const cell = sheet.getRange(a1(row, col));
    if (numberFormat) cell.numberFormat = [[numberFormat]];
    cell.values = [[value]];
  }
  await trips.write();
  return {
    ok: true,
    value: {
      sheet: created ? APPRAISAL_SHEET : existing.name,
      row: row + 1,
      created,
      roundTrips: { reads: trips.reads, writes: trips.writes },
    },
  };
}
