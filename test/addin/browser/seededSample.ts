/**
 * The workbook the task pane meets in the browser tests: the bundled 2018 sample plus two typed
 * mistakes as staff make them — text in a count, and a negative count. The page's office.js stub
 * and the tests (which work out the expected figures in Node) both build it here.
 */
import { buildSampleWorkbook } from '../../../src/sample/sampleData';
import { a1 } from '../../../src/sheet/grid';
import { WorkbookState } from '../fake/workbookState';
import { stateFromGrids } from '../fixtures/fromGrids';

export interface SeededSample {
  state: WorkbookState;
  /** "khoảng 40" in a count. */
  textCell: string;
  /** -2 where the sample has 104 (Sở Tài chính). */
  negativeCell: string;
  negativeWas: number;
}

export function seededSample(): SeededSample {
  const sample = buildSampleWorkbook(2018);
  const state = stateFromGrids(sample.sheets);
  const sheet = state.sheets[0];
  const { unitRows, firstInputCol } = sample.layout;
  const negative = { row: unitRows[4], col: firstInputCol + 3 };
  const negativeWas = sheet.value(negative.row, negative.col) as number;
  sheet.setValue(unitRows[1], firstInputCol, 'khoảng 40');
  sheet.setValue(negative.row, negative.col, -2);
  return {
    state,
    textCell: a1(unitRows[1], firstInputCol),
    negativeCell: a1(negative.row, negative.col),
    negativeWas,
  };
}
