/**
 * The scoring pipeline for one submission sheet: header → rows → units → validation → status →
 * criteria → categories, levels and grade → rank.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { findHeader } from '../sheet/findHeader';
import type { CellValue, Grid } from '../sheet/grid';
import { readTable } from '../sheet/readTable';
import { ListedUnit, UnitDirectory } from '../sheet/unitList';
import { gradeOf, scoreCategories } from './categoryLevels';
import { BestValues, criterionOutcome } from './criterionPoints';
import { UnitDraft, identifyUnits } from './identifyUnits';
import { compareIssues, makeIssue } from './issues';
import { assignRanks } from './rank';
import type { RubricSource, ScoreResult, Status, UnitResult } from './types';
import { ScoredUnit } from './unitViews';
import { validateInputs } from './validateInputs';
import { toInteger } from '../sheet/decimal';
import { a1 } from '../sheet/grid';
import { STRAY_GAP } from '../sheet/readTable';

export interface ScoreSheetInput {
  grid: Grid;
  rubric: CompiledRubric;
  rubricSource: RubricSource;
  /** The official unit list, when there is one. */
  unitList: ListedUnit[] | null;
  /** Columns of the add-in's own result block, left out when finding the table's last column. */
  resultBlockCols?: { from: number; to: number } | null;
  /**
   * Replaces what a unit's row holds before validation (appraisal: the verified value wins).
   * Receives the draft and the row's cells; returns the values to validate.
   */
  overrideValues?: (unit: UnitDraft, values: CellValue[]) => CellValue[];
}

export type ScoreSheetOutcome = { ok: true; result: ScoreResult } | { ok: false; message: string };

export function scoreSheet(input: ScoreSheetInput): ScoreSheetOutcome {
  const { grid, rubric } = input;
  const header = findHeader(grid, rubric, input.resultBlockCols ?? null);
  if (!header.ok) return { ok: false, message: header.message };

  const directory = input.unitList ? new UnitDirectory(input.unitList, rubric) : null;
  const table = readTable(grid, header.layout, rubric, {
    listedTier: directory ? (name) => directory.tierOf(name) : undefined,
    isListed: directory ? (name) => directory.candidates(name).length > 0 : undefined,
    knownDistricts: directory?.districts,
    ignoreCols: input.resultBlockCols ?? null,
  });
  const drafts = identifyUnits(table.rows, directory, rubric);

  const units: ScoredUnit[] = drafts.map((d) => {
    const unit = (status: Status, issues: UnitResult['issues']) => newUnit(d, status, issues, rubric);
    if (!d.source) return unit('missing', [...d.issues]);
    const values = input.overrideValues ? input.overrideValues(d, d.source.values) : d.source.values;
    const where = { row: d.source.row, cols: table.inputCols };
    const validated = validateInputs(rubric, d.tier, values, where, d.submitted);
    const issues = !d.submitted ? [...d.issues] : d.issues.length ? [...d.issues, ...validated.issues] : validated.issues;
    const status: Status = !d.submitted ? 'missing' : issues.some((i) => i.severity === 'error') ? 'error' : 'scored';
    const u = unit(status, issues);
    u.compact = { reads: validated.reads, invalid: validated.invalid, values, ...where };
    return u;
  });

  // Relative-to-best maxima: submitted, named units of the same tier, valid values only.
  const best = bestValues(
    units.filter((u, k) => u.status !== 'missing' && !drafts[k].unnamed),
    rubric,
  );

  for (const u of units) {
    const compact = u.compact;
    if (u.status === 'missing' || u.tier === null || !compact) continue;
    const tier = rubric.tiers[u.tier];
    const tierBest = best.get(u.tier)!;
    const points = tier.criteria.map((c) => criterionOutcome(c, compact.reads, compact.invalid, tierBest));
    u.criterionCents = points;
    const totals = scoreCategories(tier, points, rubric.levels);
    u.categories = totals.categories;
    u.totalCents = totals.totalCents;
    u.maxCents = totals.maxCents;
    u.percentHundredths = totals.percentHundredths;
    u.selfTotalCents = totals.totalCents;
    if (u.status === 'scored' && totals.percentHundredths !== null) u.grade = gradeOf(totals.percentHundredths, rubric.grades);
  }

  assignRanks(units, rubric.rankBy);
  for (const u of units) if (u.issues.length > 1) u.issues.sort(compareIssues);

  return {
    ok: true,
    result: {
      rubric,
      rubricSource: input.rubricSource,
      sheet: grid.name,
      table,
      units,
      hasUnitList: directory !== null,
      appraisal: null,
      comparison: null,
      sheetIssues: table.stray ? [strayIssue(table.stray)] : [],
      best,
    },
  };
}

function strayIssue(stray: { row: number; col: number }) {
  const cell = a1(stray.row, stray.col);
  return makeIssue(
    'below_table',
    `Ô ${cell} có số liệu nằm cách bảng hơn ${STRAY_GAP} dòng trống nên không được tính; nếu đó là số liệu của một đơn vị, hãy chuyển lên trong bảng`,
    cell,
    { row: stray.row, col: stray.col },
  );
}

function newUnit(d: UnitDraft, status: Status, issues: UnitResult['issues'], rubric: CompiledRubric): ScoredUnit {
  return new ScoredUnit(
    {
      name: d.name,
      tier: d.tier,
      district: d.district,
      row: d.source ? d.source.row + 1 : null,
      nameCell: d.source ? d.source.nameCell : null,
      status,
      issues,
      listed: d.listed !== null,
    },
    rubric,
  );
}

/** Per tier, the largest valid value of each "best" input (one pass over the units). */
function bestValues(submitted: ScoredUnit[], rubric: CompiledRubric): Map<Tier, BestValues> {
  const out = new Map<Tier, BestValues>();
  const indexes = new Map<Tier, number[]>();
  for (const { id: tier, criteria } of rubric.tierList) {
    out.set(tier, new Map());
    const best = criteria.filter((c) => c.def.kind === 'best').flatMap((c) => c.inputIndexes);
    indexes.set(tier, [...new Set(best)]);
  }
  for (const u of submitted) {
    const c = u.compact;
    if (u.tier === null || !c) continue;
    const best = out.get(u.tier)!;
    for (const i of indexes.get(u.tier)!) {
      const read = c.reads[i];
      if (c.invalid[i] || read.kind !== 'number') continue;
      const v = toInteger(read.value);
      if (v > (best.get(i) ?? 0n)) best.set(i, v);
    }
  }
  return out;
}
