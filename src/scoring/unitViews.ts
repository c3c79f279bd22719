/**
 * A unit's inputs and criteria are stored compactly while scoring (shared reads, flag and cents
 * arrays) and shown as objects only when someone looks: 10,000 units would otherwise mean
 * hundreds of thousands of small objects nobody reads.
 */
import type { CompiledRubric, CompiledTier } from '../rubric/compiled';
import type { LevelDef } from '../rubric/schema';
import { CellValue, a1 } from '../sheet/grid';
import type { ReadValue } from '../sheet/typedValues';
import { isBelowMinimum } from './categoryLevels';
import { NOT_APPLICABLE } from './criterionPoints';
import type { CriterionResult, InputState, UnitResult } from './types';

export interface CompactInputs {
  reads: ReadValue[];
  invalid: boolean[];
  values: CellValue[];
  /** 0-based sheet row and each input's 0-based column. */
  row: number;
  cols: number[];
}

export function inputStates(rubric: CompiledRubric, c: CompactInputs): InputState[] {
  return rubric.inputs.map((inp, i) => ({
    code: inp.code,
    cell: a1(c.row, c.cols[i]),
    raw: c.values[i],
    read: c.reads[i],
    invalid: c.invalid[i],
  }));
}

export function criterionResults(tier: CompiledTier, cents: number[], levels: LevelDef[]): CriterionResult[] {
  return tier.criteria.map((c, i) => {
    const points = cents[i] === NOT_APPLICABLE ? null : cents[i];
    return {
      code: c.code,
      category: c.category,
      inputs: c.inputs,
      applicable: points !== null,
      scores: c.scores,
      cents: points,
      maxCents: c.maxCents,
      belowMinimum: points !== null && isBelowMinimum(points, c.maxCents, levels),
    };
  });
}

/**
 * What the result block's highlight flags need of a unit's inputs, without InputState or
 * CriterionResult objects: each input's 0-based column and invalid flag (rubric order), and the
 * inputs that mark a criterion below the lowest level's minimum (docs/bang-tong-hop.md, "Tô màu").
 */
export interface InputFlags {
  row: number;
  cols: number[];
  invalid: boolean[];
  /** Input positions (rubric order) to mark as below the minimum. */
  belowMinimum: number[];
}

/**
 * The views made last, kept for the next reads of the same unit: a reader that looks at a unit's
 * inputs or criteria several times in a row makes them once. Only one unit's views are kept:
 * every unit's would be about 35 MB at 10,000 units (400,000 objects), alive long after each
 * reader (the path to the next level, RESULT.json, the sheets) is done with them. Readers go
 * unit by unit.
 */
let recentInputs: { unit: ScoredUnit; view: InputState[] | null } | null = null;
let recentCriteria: { unit: ScoredUnit; view: CriterionResult[] | null } | null = null;

/**
 * A unit's result. `inputs` and `criteria` are made from the compact storage when read (getters
 * on the prototype: spreading a unit copies the plain fields only) and can be replaced.
 */
export class ScoredUnit implements UnitResult {
  name: string;
  tier: UnitResult['tier'];
  district: string | null;
  row: number | null;
  nameCell: string | null;
  status: UnitResult['status'];
  issues: UnitResult['issues'];
  categories: UnitResult['categories'] = [];
  totalCents: number | null = null;
  maxCents: number | null = null;
  percentHundredths: number | null = null;
  grade: string | null = null;
  rank: number | null = null;
  listed: boolean;
  corrections: UnitResult['corrections'] = [];
  selfTotalCents: number | null = null;
  /** Compact inputs, while scoring and for the views. */
  compact: CompactInputs | null = null;
  /** Criterion points in the tier's order, NOT_APPLICABLE for those that do not count. */
  criterionCents: number[] | null = null;
  private inputsView: InputState[] | null | undefined;
  private criteriaView: CriterionResult[] | null | undefined;

  constructor(
    fields: Pick<UnitResult, 'name' | 'tier' | 'district' | 'row' | 'nameCell' | 'status' | 'issues' | 'listed'>,
    private readonly rubric: CompiledRubric,
  ) {
    this.name = fields.name;
    this.tier = fields.tier;
    this.district = fields.district;
    this.row = fields.row;
    this.nameCell = fields.nameCell;
    this.status = fields.status;
    this.issues = fields.issues;
    this.listed = fields.listed;
  }

  get inputs(): InputState[] | null {
    if (this.inputsView !== undefined) return this.inputsView;
    if (recentInputs?.unit !== this)
      recentInputs = { unit: this, view: this.compact ? inputStates(this.rubric, this.compact) : null };
    return recentInputs.view;
  }

  set inputs(value: InputState[] | null) {
    this.inputsView = value;
  }

  get criteria(): CriterionResult[] | null {
    if (this.criteriaView !== undefined) return this.criteriaView;
    if (recentCriteria?.unit !== this) {
      const view =
        this.criterionCents && this.tier
          ? criterionResults(this.rubric.tiers[this.tier], this.criterionCents, this.rubric.levels)
          : null;
      recentCriteria = { unit: this, view };
    }
    return recentCriteria.view;
  }

  set criteria(value: CriterionResult[] | null) {
    this.criteriaView = value;
  }

  /** The flags' sources straight from the compact storage; null when a view has been replaced. */
  inputFlags(): InputFlags | null {
    const c = this.compact;
    if (!c || this.inputsView !== undefined || this.criteriaView !== undefined) return null;
    const belowMinimum: number[] = [];
    const cents = this.criterionCents;
    if (cents && this.tier) {
      const criteria = this.rubric.tiers[this.tier].criteria;
      for (let k = 0; k < criteria.length; k++) {
        const crit = criteria[k];
        if (cents[k] === NOT_APPLICABLE || !isBelowMinimum(cents[k], crit.maxCents, this.rubric.levels)) continue;
        // The numerator, or the denominator when that is blank; the single input otherwise.
        const [part, total] = crit.inputIndexes;
        belowMinimum.push(total !== undefined && c.reads[total].kind === 'blank' ? total : part);
      }
    }
    return { row: c.row, cols: c.cols, invalid: c.invalid, belowMinimum };
  }
}

/** A unit's InputFlags when it was scored here and its views were left as they are, else null. */
export function inputFlagsOf(u: UnitResult): InputFlags | null {
  return u instanceof ScoredUnit ? u.inputFlags() : null;
}
