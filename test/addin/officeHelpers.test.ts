/**
 * The small pure parts of the Office gateway and the pane: how Office's cells become engine
 * values, how addresses are read back, how payloads are split, which cell the ribbon selects.
 */
import { convertRows, isDateFormat, toCellValue } from '../../src/workbook/office/cellValues';
import { jsonBytes, splitByBudget } from '../../src/workbook/office/payload';
import { parseAreaList, parseSheetReference } from '../../src/workbook/office/references';
import { filterCondition } from '../../src/workbook/office/filters';
import { firstProblemCell, problemsByUnit } from '../../src/taskpane/problems';
import { stringsFor } from '../../src/taskpane/strings';
import { en } from '../../src/taskpane/strings/en';
import { vi } from '../../src/taskpane/strings/vi';
import { FakeExcel } from './fake/fakeExcel';
import { createOfficeGateway } from '../../src/workbook/office/officeGateway';
import { submissionWorkbook } from './fixtures/submissionWorkbook';

describe('Office cells → engine values', () => {
  test('error values become errors only when Office says so; typed "#N/A" text stays text', () => {
    expect(toCellValue('#N/A', 'Error')).toEqual({ error: '#N/A' });
    expect(toCellValue('#DIV/0!', 'Error')).toEqual({ error: '#DIV/0!' });
    expect(toCellValue('#N/A', 'String')).toBe('#N/A');
    expect(toCellValue('', 'Empty')).toBeNull();
    expect(toCellValue(true, 'Boolean')).toBe(true);
    expect(toCellValue(4.005, 'Double')).toBe(4.005);
    expect(toCellValue('khoảng 50', 'String')).toBe('khoảng 50');
  });

  test('numbers in a date or time format are dates; other formats keep numbers', () => {
    for (const f of ['dd/mm/yyyy', 'm/d/yy', 'd-mmm', '[$-42A]dd/mm/yyyy', 'h:mm', '[h]:mm:ss', 'yyyy'])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '0.00', '#,##0', '@', '0%', '"m²" 0', '[Red]0.00', '0.00E+00', '#,##0 "đ"'])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    const date = toCellValue(43466, 'Double', 'dd/mm/yyyy');
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2019-01-01');
    expect(toCellValue(43466, 'Double', 'General')).toBe(43466);
  });

  test('a window of a used range is padded to stay anchored at column A', () => {
    expect(convertRows([[1, 'x']], [['Double', 'String']], null, 2)).toEqual([[null, null, 1, 'x']]);
  });
});

describe('addresses Excel hands back', () => {
  test('merged areas, even on a sheet whose name holds a comma', () => {
    expect(parseAreaList("'Tổng hợp, 2019'!A1:W1, 'Tổng hợp, 2019'!B4:B5")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 22 },
      { top: 3, left: 1, bottom: 4, right: 1 },
    ]);
    expect(parseAreaList('Sheet1!C3')).toEqual([{ top: 2, left: 2, bottom: 2, right: 2 }]);
  });

  test('the defined name’s formula, quoted or not; a broken one is none', () => {
    expect(parseSheetReference("='Tổng hợp'!$X$4:$AH$167")).toEqual({
      sheet: 'Tổng hợp',
      area: { top: 3, left: 23, bottom: 166, right: 33 },
    });
    expect(parseSheetReference("='Bảng của ''Hà'''!$A$1:$B$2")!.sheet).toBe("Bảng của 'Hà'");
    expect(parseSheetReference('=TongHop!$C$5')).toEqual({ sheet: 'TongHop', area: { top: 4, left: 2, bottom: 4, right: 2 } });
    expect(parseSheetReference('=#REF!')).toBeNull();
  });
});

describe('payload', () => {
  test('rows are split into runs under the budget, the first run sharing it with the fixed writes', () => {
    expect(splitByBudget([40, 40, 40, 40], 100)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(splitByBudget([40, 40, 40], 100, 50)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3 },
    ]);
    expect(splitByBudget([500], 100)).toEqual([{ start: 0, end: 1 }]);
    expect(splitByBudget([], 100)).toEqual([]);
    // Measured as Excel on the web measures: UTF-8 ("ứ" is three bytes).
    expect(jsonBytes([['Mức 1', 96.05]])).toBe(Buffer.byteLength(JSON.stringify([['Mức 1', 96.05]]), 'utf8'));
    expect(jsonBytes('𝔸')).toBe(6);
  });
});

describe('filters', () => {
  test('"all" clears, every other filter is one condition on one column', () => {
    expect(filterCondition('all')).toBeNull();
    expect(filterCondition('attention')!.column).toBe('Cần chú ý');
    expect(filterCondition('notRanked')!.column).toBe('Cần chú ý');
    expect(filterCondition('missing')!.column).toBe('Trạng thái');
    expect(filterCondition('errors')!.column).toBe('Trạng thái');
  });
});

describe('problems and the first problem cell', () => {
  test('errors first, then warnings, then units without a report', async () => {
    const layout = submissionWorkbook({ units: 150 });
    const scored = await createOfficeGateway(new FakeExcel(layout.state).host(), vi.gateway).score();
    if (!scored.ok) throw new Error(scored.message);
    const result = scored.value.result;
    expect(firstProblemCell(result)).toBe(layout.cells.notANumber);
    const groups = problemsByUnit(result);
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(layout.missingUnits));
    const rows = groups.map((g) => g.row ?? Infinity);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);

    const onlyWarnings = {
      ...result,
      units: result.units.map((u) => ({ ...u, issues: u.issues.filter((i) => i.severity === 'warning') })),
    };
    const warning = onlyWarnings.units.flatMap((u) => u.issues)[0];
    expect(firstProblemCell(onlyWarnings)).toBe(warning.cell);
    const none = { ...result, units: result.units.map((u) => ({ ...u, issues: [] })) };
    expect(firstProblemCell(none)).toBe(result.units.find((u) => u.status === 'missing')!.nameCell);
  });
});

describe('language', () => {
  test('Vietnamese unless Office runs in English', () => {
    expect(stringsFor('vi-VN')).toBe(vi);
    expect(stringsFor('en-US')).toBe(en);
    expect(stringsFor('en-GB')).toBe(en);
    expect(stringsFor('fr-FR')).toBe(vi);
    expect(stringsFor(undefined)).toBe(vi);
  });
});
