/**
 * The "Lộ trình" sheet (docs/lo-trinh.md, "Trang Lộ trình"): one row per unit and category (the
 * next level) or per unit (the next grade), in one table with one header row so that staff can
 * sort and filter it: where the unit stands, what it could reach next, how many entries to
 * change, which, and in which cells. Units without a report or of unknown tier have no row.
 */
import type { CompiledRubric } from '../rubric/compiled';
import { NextStep, allSteps } from '../scoring/nextStep';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { columnLetters } from '../sheet/grid';
import { levelName, levelText } from './levelWords';
import type { DecisionSettings } from './settings';
import { PlannedCell, SheetBuilder, SheetPlan, TableColumn } from './sheetPlan';
import { stepLines } from './stepWords';

/** The workbook-level name that records the sheet the add-in made, so only that one is ever replaced. */
export const ROADMAP_DEFINED_NAME = 'CQDT_LoTrinh';

export function roadmapTitle(rubric: CompiledRubric, year: number): string {
  const what = rubric.levels.length && rubric.grades.length ? 'MỨC VÀ XẾP LOẠI' : rubric.levels.length ? 'MỨC' : 'XẾP LOẠI';
  return `LỘ TRÌNH NÂNG ${what} CỦA CÁC ĐƠN VỊ NĂM ${year}`;
}

interface RoadmapRow {
  unit: UnitResult;
  /** "Điều kiện sẵn sàng", or "Xếp loại" for the grade. */
  what: string;
  now: string;
  next: string;
  step: NextStep;
}

function rowsOf(result: ScoreResult): RoadmapRow[] {
  const rubric = result.rubric;
  const steps = allSteps(result);
  const out: RoadmapRow[] = [];
  for (const u of result.units) {
    const s = steps.get(u);
    if (!s) continue;
    for (const cat of u.categories) {
      const t = s.levels.get(cat.id);
      if (!t) continue;
      const name = rubric.rubric.categories.find((c) => c.id === cat.id)!.name;
      out.push({
        unit: u,
        what: name,
        now: levelText(cat.level, cat.applicable),
        next: levelName(t.level),
        step: t.step,
      });
    }
    if (s.grade) {
      const now = u.status === 'scored' ? (u.grade ?? '') : 'Chưa xếp loại (cần sửa số liệu)';
      out.push({ unit: u, what: 'Xếp loại', now, next: s.grade.grade, step: s.grade.step });
    }
  }
  return out;
}

const text = (v: string | null): PlannedCell => ({ value: v === null || v === '' ? null : v, numberFormat: null });
const int = (n: number | null): PlannedCell => ({ value: n, numberFormat: n === null ? null : '0' });

export function roadmapSheetPlan(result: ScoreResult, settings: DecisionSettings): SheetPlan {
  const rubric = result.rubric;
  const grouped = rubric.tierList.find((t) => t.def.groups)?.def.groups?.title ?? null;
  const columns: (TableColumn & { width: number })[] = [
    { title: 'STT', wraps: false, width: 6 },
    { title: 'Tên đơn vị', wraps: true, width: 32 },
    { title: 'Cấp', wraps: true, width: 16 },
    ...(grouped ? [{ title: grouped, wraps: true, width: 18 }] : []),
    { title: rubric.levels.length ? 'Hạng mục' : 'Nội dung', wraps: true, width: 22 },
    { title: 'Hiện nay', wraps: true, width: 14 },
    { title: 'Mục tiêu', wraps: true, width: 12 },
    { title: 'Số số liệu cần thay đổi', wraps: false, width: 11 },
    { title: 'Cần thay đổi', wraps: true, width: 62 },
    { title: 'Ô cần sửa', wraps: true, width: 14 },
  ];
  const widths = columns.map((c) => c.width);
  const b = new SheetBuilder(widths);
  b.banner('title', roadmapTitle(rubric, settings.year), { bold: true, size: 14, horizontal: 'center' });
  b.banner(
    'subtitle',
    'Mỗi dòng: thay đổi ít số liệu nhất (rồi ít điểm nhất) để đơn vị lên mức hoặc xếp loại kế tiếp, các số liệu khác giữ nguyên.',
    { italic: true, horizontal: 'center' },
  );
  b.blank();
  b.columns = columns;
  const headerRow = b.header();
  const rows = rowsOf(result);
  rows.forEach((r, i) => {
    const lines = stepLines(rubric, r.step, r.what === 'Xếp loại' ? `xếp loại ${r.next}` : `${r.next} hạng mục ${r.what}`);
    const cells =
      r.step.kind === 'path'
        ? r.step.changes.map((c) => c.cell).join(', ')
        : r.step.kind === 'fix_errors'
          ? r.step.cells.join(', ')
          : r.step.advice.map((a) => a.cell).join(', ');
    b.row([
      int(i + 1),
      text(r.unit.name),
      text(r.unit.tier ? rubric.tiers[r.unit.tier].name : null),
      ...(grouped ? [text(r.unit.district)] : []),
      text(r.what),
      text(r.now),
      text(r.next),
      int(r.step.kind === 'path' ? r.step.changes.length : null),
      // The arrow line repeats the target, already in its own column.
      text(lines.filter((l) => !l.startsWith('→')).join('\n')),
      text(cells),
    ]);
  });
  if (rows.length === 0) b.banner('note', 'Không có đơn vị nào được chấm.', { italic: true });
  const last = columnLetters(columns.length - 1);
  return {
    ...b.plan(
      columns.map((c) => c.title),
      headerRow,
      [],
    ),
    filter: rows.length ? `A${headerRow}:${last}${headerRow + rows.length}` : null,
  };
}
