/**
 * The path to the next level or grade (docs/lo-trinh.md) on both built-in kinds of rubric, with
 * paths checked by hand, and on the bundled 2018 sample: every unit not ranked in a category gets
 * a path, checked by scoring the changed sheet again, or says why there is none.
 */
import path from 'node:path';
import { resultJson } from '../src/report/resultJson';
import { allSteps } from '../src/scoring/nextStep';
import { scoreWorkbook } from '../src/scoring/scoreWorkbook';
import type { ScoreResult } from '../src/scoring/types';
import { CellValue, Grid, parseA1 } from '../src/sheet/grid';
import { DTI_FULL, DTI_HEADER, compiledDti, dtiRow } from './support/dtiRubric';
import { HEADER, perfect, readGrids, score as score2018, unitRow } from './support/sheets';

const section = (label: string): CellValue[] => [null, label];

describe('2018 levels', () => {
  it('a criterion under the minimum: the smallest value that lifts it to 20 % (K6 from 20 to 100 of 500)', () => {
    // Full marks but K6 = 20 of K4a = 500: 0,40 of 10, under Mức 4's 20 %, so "Kết quả" is not ranked.
    const result = score2018({
      name: 'Tổng hợp',
      rows: [HEADER, section('I. CẤP TỈNH'), unitRow(1, 'Sở A', null, perfect({ K6: 20 }))],
      merges: [],
    });
    const u = result.units[0];
    expect(u.categories.map((c) => c.level)).toEqual([1, null]);
    const json = resultJson(result).units[0];
    // 100 of 500 is exactly 2,00 of 10 (20 %); 99 would give 1,98.
    expect(json.categories.results.nextLevel).toEqual({ level: 4, changes: [{ input: 'K6', cell: 'U3', from: 20, to: 100 }] });
    expect(json.categories.readiness.nextLevel).toBeNull(); // already Mức 1
  });

  it('a unit with errors is told to fix them first, naming the cells', () => {
    const result = score2018({
      name: 'Tổng hợp',
      rows: [HEADER, section('I. CẤP TỈNH'), unitRow(1, 'Sở A', null, perfect({ K6: 20, R1b: 'nhiều' }))],
      merges: [],
    });
    const json = resultJson(result).units[0];
    expect(json.status).toBe('error');
    expect(json.categories.results.nextLevel).toEqual({ level: 4, changes: null, reason: 'fix_errors', cells: ['E3'] });
  });

  it('a blank total is advice, and a criterion held under the minimum by it is out of reach', () => {
    // K4a blank: K4, K6 and K7 count 0 whatever their parts, and no change of theirs can help.
    const result = score2018({
      name: 'Tổng hợp',
      rows: [HEADER, section('I. CẤP TỈNH'), unitRow(1, 'Sở A', null, perfect({ K4a: null }))],
      merges: [],
    });
    expect(resultJson(result).units[0].categories.results.nextLevel).toEqual({
      level: 4,
      changes: null,
      reason: 'unreachable',
      advice: [{ input: 'K4a', cell: 'R3', message: 'Nhập K4a - Tổng số hồ sơ TTHC tiếp nhận' }],
    });
  });
});

describe('grades (a digital-transformation index)', () => {
  const rubric = compiledDti();
  const result = (() => {
    const grid: Grid = {
      name: 'Tổng hợp',
      rows: [
        DTI_HEADER,
        section('I. SỞ, BAN, NGÀNH'),
        dtiRow(1, 'Sở C', null, { ...DTI_FULL, A1: 'Phó Chủ tịch UBND', B2: 12.5 }), // 85,00 %: Khá
        dtiRow(2, 'Sở D', null, { ...DTI_FULL, A2: 'Không', C1: 'KAD', B2: 13 }), // 58 of 80 = 72,50 %: Khá
        dtiRow(3, 'Sở F', null, { ...DTI_FULL, A1: 'Không có', A2: 'Không', B1b: 40, C1: 0, B2: 5 }), // 5 %: Yếu
      ],
      merges: [],
    };
    const out = scoreWorkbook({ sheets: [grid], rubric });
    if (!out.ok) throw new Error(out.message);
    return out.result;
  })();
  const next = (name: string) => resultJson(result).units.find((u) => u.name === name)!.nextGrade;

  it('one change of the fewest points: +5,00 in self-assessed points beats +7,50 from the chair', () => {
    expect(next('Sở C')).toEqual({ grade: 'Tốt', changes: [{ input: 'B2', cell: 'H3', from: 12.5, to: 17.5 }] });
  });

  it('one change when one is enough, though it gains more than needed (a yes/no is all or nothing)', () => {
    // 72 of 80 is needed; B2 can add only 7, A2 adds 15.
    expect(next('Sở D')).toEqual({ grade: 'Tốt', changes: [{ input: 'A2', cell: 'E4', from: false, to: true }] });
  });

  it('the next grade up, not the top: two changes, the cheapest pair, the first in rubric order among equals', () => {
    // 50 % needs 45 more points: ratio bands B1 at 80 % (+30) with any +15 — A1, A2 or B2 — ties at 45;
    // the chair (A1) comes first in the rubric.
    expect(next('Sở F')).toEqual({
      grade: 'Trung bình',
      changes: [
        { input: 'A1', cell: 'D5', from: 'Không có', to: 'Chủ tịch UBND' },
        { input: 'B1b', cell: 'G5', from: 40, to: 80 },
      ],
    });
  });
});

/** Types the changes into the sheet (yes/no as "Có"). */
function applied(grid: Grid, changes: { cell: string | null; to: unknown }[]): Grid {
  const rows = grid.rows.map((r) => [...r]);
  for (const c of changes) {
    const at = parseA1(c.cell!)!;
    rows[at.row][at.col] = c.to === true ? 'Có' : (c.to as CellValue);
  }
  return { ...grid, rows };
}

describe('the bundled 2018 sample', () => {
  it('every unit not ranked in a category has a path that reaches Mức 4 there, or the reason why not', async () => {
    const grids = await readGrids(path.join(__dirname, '..', 'examples', 'bac-kan-2018.xlsx'));
    const scored = scoreWorkbook({ sheets: grids });
    if (!scored.ok) throw new Error(scored.message);
    const result: ScoreResult = scored.result;
    const steps = allSteps(result);
    const sheet = grids.find((g) => g.name === result.sheet)!;
    let checked = 0;
    for (const u of result.units) {
      for (const cat of u.categories) {
        if (!cat.applicable || cat.level !== null) continue;
        const target = steps.get(u)!.levels.get(cat.id)!;
        expect(target.level).toBe(4);
        if (u.status === 'error') {
          expect(target.step.kind).toBe('fix_errors');
          continue;
        }
        if (target.step.kind === 'unreachable') continue;
        expect(target.step.kind).toBe('path');
        const step = target.step;
        if (step.kind !== 'path') continue;
        const again = scoreWorkbook({ sheets: grids.map((g) => (g === sheet ? applied(g, step.changes) : g)) });
        if (!again.ok) throw new Error(again.message);
        const after = again.result.units.find((x) => x.row === u.row)!;
        expect(after.categories.find((c) => c.id === cat.id)!.level).not.toBeNull();
        // The other category keeps its level or better.
        for (const other of u.categories) {
          if (other.id === cat.id || other.level === null) continue;
          expect(after.categories.find((c) => c.id === other.id)!.level).toBeLessThanOrEqual(other.level);
        }
        checked++;
      }
    }
    // 109 communes, 7 districts and 11 agencies are not ranked in both categories, others in one.
    expect(checked).toBeGreaterThan(250);
  });
});
