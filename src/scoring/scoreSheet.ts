/**
 * The scoring pipeline for one submission sheet: header → rows → units → validation → status →
 * criteria → categories and levels → rank.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import { findHeader } from '../sheet/findHeader';
import type { CellValue, Grid } from '../sheet/grid';
import { readTable } from '../sheet/readTable';
import { ListedUnit, UnitDirectory } from '../sheet/unitList';
import { scoreCategories, isBelowMinimum } from './categoryLevels';
import { BestValues, NOT_APPLICABLE, criterionOutcome } from './criterionPoints';
import { UnitDraft, identifyUnits } from './identifyUnits';
import { compareIssues } from './issues';
import { assignRanks } from './rank';
import type { CriterionResult, InputState, RubricSource, ScoreResult, Status, UnitResult } from './types';
import { validateInputs } from './validateInputs';
import { toInteger } from '../sheet/decimal';

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

  const directory = input.unitList ? new UnitDirectory(input.unitList) : null;
  const table = readTable(grid, header.layout, rubric, {
    listedTier: directory ? (name) => directory.tierOf(name) : undefined,
    knownDistricts: directory?.districts,
    ignoreCols: input.resultBlockCols ?? null,
  });
  const drafts = identifyUnits(table.rows, directory);

  const units: UnitResult[] = drafts.map((d) => {
    if (!d.source) return missingUnit(d, null);
    const values = input.overrideValues ? input.overrideValues(d, d.source.values) : d.source.values;
    const validated = validateInputs(
      rubric,
      d.tier,
      values,
      { cells: d.source.cells, row: d.source.row, cols: table.inputCols },
      d.submitted,
    );
    if (!d.submitted) return missingUnit(d, validated.inputs);
    const issues = d.issues.length ? [...d.issues, ...validated.issues] : validated.issues;
    const status: Status = issues.some((i) => i.severity === 'error') ? 'error' : 'scored';
    return unitResult(d, status, validated.inputs, issues);
  });

  // Relative-to-best maxima: submitted, named units of the same tier, valid values only.
  const best = bestValues(
    units.filter((u, i) => u.status !== 'missing' && !drafts[i].unnamed),
    rubric,
  );

  for (const u of units) {
    if (u.status === 'missing' || u.tier === null || !u.inputs) continue;
    const tier = rubric.tiers[u.tier];
    const inputs = u.inputs;
    const tierBest = best.get(u.tier)!;
    const criteria: CriterionResult[] = tier.criteria.map((c) => {
      const outcome = criterionOutcome(c, inputs, tierBest);
      const cents = outcome === NOT_APPLICABLE ? null : outcome;
      return {
        code: c.code,
        category: c.category,
        inputs: c.inputs,
        applicable: cents !== null,
        cents,
        maxCents: c.maxCents,
        belowMinimum: cents !== null && isBelowMinimum(cents, c.maxCents, rubric.levels),
      };
    });
    const totals = scoreCategories(tier, criteria, rubric.levels);
    u.criteria = criteria;
    u.categories = totals.categories;
    u.totalCents = totals.totalCents;
    u.maxCents = totals.maxCents;
    u.percentHundredths = totals.percentHundredths;
    u.selfTotalCents = totals.totalCents;
  }

  assignRanks(units);
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
    },
  };
}

function unitResult(d: UnitDraft, status: Status, inputs: InputState[] | null, issues: UnitResult['issues']): UnitResult {
  return {
    name: d.name,
    tier: d.tier,
    district: d.district,
    row: d.source ? d.source.row + 1 : null,
    nameCell: d.source ? d.source.nameCell : null,
    status,
    inputs,
    issues,
    categories: [],
    totalCents: null,
    maxCents: null,
    percentHundredths: null,
    rank: null,
    criteria: null,
    listed: d.listed !== null,
    corrections: [],
    selfTotalCents: null,
  };
}

function missingUnit(d: UnitDraft, inputs: InputState[] | null): UnitResult {
  return unitResult(d, 'missing', inputs, [...d.issues]);
}

/** Per tier, the largest valid value of each "best" input (one pass over the units). */
function bestValues(submitted: UnitResult[], rubric: CompiledRubric): Map<Tier, BestValues> {
  const out = new Map<Tier, BestValues>();
  const indexes = new Map<Tier, number[]>();
  for (const tier of ['province', 'district', 'commune'] as Tier[]) {
    out.set(tier, new Map());
    const best = rubric.tiers[tier].criteria.filter((c) => c.def.kind === 'best').flatMap((c) => c.inputIndexes);
    indexes.set(tier, [...new Set(best)]);
  }
  for (const u of submitted) {
    if (u.tier === null || !u.inputs) continue;
    const best = out.get(u.tier)!;
    for (const i of indexes.get(u.tier)!) {
      const s = u.inputs[i];
      if (s.invalid || s.read.kind !== 'number') continue;
      const v = toInteger(s.read.value);
      if (v > (best.get(s.code) ?? 0n)) best.set(s.code, v);
    }
  }
  return out;
}
