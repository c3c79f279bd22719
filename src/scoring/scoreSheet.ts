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
import { BestValues, criterionOutcome } from './criterionPoints';
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
    const issues = [...d.issues, ...validated.issues];
    const status: Status = issues.some((i) => i.severity === 'error') ? 'error' : 'scored';
    return {
      ...baseUnit(d),
      status,
      inputs: validated.inputs,
      issues,
    };
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
      const outcome = criterionOutcome(
        c,
        c.inputIndexes.map((i) => inputs[i]),
        tierBest,
      );
      const cents = outcome.applicable ? outcome.cents : null;
      return {
        code: c.code,
        category: c.category,
        inputs: c.inputs,
        applicable: outcome.applicable,
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
  for (const u of units) u.issues.sort(compareIssues);

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

function baseUnit(d: UnitDraft): Omit<UnitResult, 'status' | 'inputs' | 'issues'> {
  return {
    name: d.name,
    tier: d.tier,
    district: d.district,
    row: d.source ? d.source.row + 1 : null,
    nameCell: d.source ? d.source.nameCell : null,
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
  return { ...baseUnit(d), status: 'missing', inputs, issues: [...d.issues] };
}

function bestValues(submitted: UnitResult[], rubric: CompiledRubric): Map<Tier, BestValues> {
  const out = new Map<Tier, BestValues>();
  for (const tier of ['province', 'district', 'commune'] as Tier[]) {
    const best: BestValues = new Map();
    const codes = new Set(rubric.tiers[tier].criteria.filter((c) => c.def.kind === 'best').flatMap((c) => c.inputs));
    for (const u of submitted) {
      if (u.tier !== tier || !u.inputs) continue;
      for (const s of u.inputs) {
        if (!codes.has(s.code) || s.invalid || s.read.kind !== 'number') continue;
        const v = toInteger(s.read.value);
        if (v > (best.get(s.code) ?? 0n)) best.set(s.code, v);
      }
    }
    out.set(tier, best);
  }
  return out;
}
