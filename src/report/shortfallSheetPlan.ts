/**
 * The "Tiêu chí còn yếu" sheet (docs/lo-trinh.md, "Tiêu chí còn yếu"): per tier, every criterion,
 * weakest first, with its average share of the maximum and the units under its minimum. Its own
 * sheet: the ranking sheet stays the decision's appendix.
 */
import type { ScoreResult } from '../scoring/types';
import { tierHeading } from './appendixWords';
import type { DecisionSettings } from './settings';
import { PlannedCell, SheetBuilder, SheetPlan, TableColumn } from './sheetPlan';
import { shortfalls } from './shortfalls';

/** The workbook-level name that records the sheet the add-in made. */
export const SHORTFALL_DEFINED_NAME = 'CQDT_TieuChiYeu';

const text = (v: string): PlannedCell => ({ value: v, numberFormat: null });
const int = (n: number): PlannedCell => ({ value: n, numberFormat: '0' });

export function shortfallSheetPlan(result: ScoreResult, settings: DecisionSettings): SheetPlan {
  const tiers = shortfalls(result);
  const under = tiers[0]?.underWhat ?? 'dưới mức tối thiểu';
  const columns: (TableColumn & { width: number })[] = [
    { title: 'STT', wraps: false, width: 6 },
    { title: 'Mã', wraps: false, width: 8 },
    { title: 'Tiêu chí', wraps: true, width: 44 },
    { title: 'Hạng mục', wraps: true, width: 26 },
    { title: 'Bình quân (% điểm tối đa)', wraps: false, width: 13 },
    { title: `Số đơn vị ${under}`, wraps: false, width: 13 },
    { title: 'Số đơn vị được tính', wraps: false, width: 11 },
    { title: `Tỷ lệ đơn vị ${under} (%)`, wraps: false, width: 13 },
  ];
  const b = new SheetBuilder(columns.map((c) => c.width));
  b.banner('title', `CÁC TIÊU CHÍ CÒN YẾU THEO TỪNG CẤP NĂM ${settings.year}`, { bold: true, size: 14, horizontal: 'center' });
  b.banner('subtitle', 'Xếp từ yếu nhất: bình quân điểm đạt được so với điểm tối đa của tiêu chí, trên các đơn vị đã chấm.', {
    italic: true,
    horizontal: 'center',
  });
  b.blank();
  b.columns = columns;
  let printTitleRow: number | null = null;
  tiers.forEach((t, i) => {
    b.banner('tierTitle', tierHeading(i, t.name), { bold: true });
    const header = b.header();
    printTitleRow ??= header;
    t.criteria.forEach((c, k) =>
      b.row([
        int(k + 1),
        text(c.code),
        text(c.name),
        text(c.category.name),
        int(c.averagePercent),
        int(c.under),
        int(c.counted),
        int(c.underPercent),
      ]),
    );
    b.blank();
  });
  if (tiers.length === 0) b.banner('note', 'Không có đơn vị nào được chấm.', { italic: true });
  return b.plan(
    columns.map((c) => c.title),
    printTitleRow,
    [],
  );
}
