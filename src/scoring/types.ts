/**
 * What scoring produces: one result per unit, in whole cents, with its issues. RESULT.json
 * (docs/dong-lenh.md, "RESULT.json") and the cells written back are both made from this.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { CellValue } from '../sheet/grid';
import type { TableRead } from '../sheet/readTable';
import type { ReadValue } from '../sheet/typedValues';
import type { AppliedCorrection, AppraisalIssue } from './appraisal';
import type { YearComparison } from './compareYears';
import type { BestValues } from './criterionPoints';
import type { Issue } from './issues';

export type Status = 'scored' | 'error' | 'missing';

/** One input of one unit, as read (and, after appraisal, as verified). */
export interface InputState {
  code: string;
  /** A1 address on the scored sheet (null for listed units with no row). */
  cell: string | null;
  raw: CellValue;
  read: ReadValue;
  /** An error issue is on this input (its criteria count 0). */
  invalid: boolean;
}

export interface CriterionResult {
  code: string;
  category: string;
  /** Input codes it reads (ratio: part, total). */
  inputs: string[];
  applicable: boolean;
  /** False for info criteria, which are collected but never scored. */
  scores: boolean;
  /** Points in cents; null exactly when not applicable. */
  cents: number | null;
  maxCents: number;
  /** Counts and is below the lowest level's criterion minimum: why a category is not ranked. */
  belowMinimum: boolean;
}

export interface CategoryResult {
  id: string;
  /** Converted score in cents; null when every criterion is not applicable (or nothing was computed). */
  scoreCents: number | null;
  /** 1 is the best; null for Không xếp hạng, all-N/A and uncomputed categories. */
  level: number | null;
  maxCents: number;
  /** False when every criterion of the category is not applicable. */
  applicable: boolean;
}

export interface UnitResult {
  name: string;
  tier: Tier | null;
  district: string | null;
  /** 1-based sheet row, or null for a listed unit with no row. */
  row: number | null;
  nameCell: string | null;
  status: Status;
  /** The categories of the unit's tier, in rubric order (empty for missing units and units of unknown tier). */
  categories: CategoryResult[];
  totalCents: number | null;
  /** Maximum of the categories counted in the total. */
  maxCents: number | null;
  /** Percent in hundredths of a percent (8894 = 88,94%). */
  percentHundredths: number | null;
  /** The grade of a `scored` unit when the rubric has grades, else null. */
  grade: string | null;
  rank: number | null;
  /** Every criterion of the unit's tier; null for missing units and units of unknown tier. */
  criteria: CriterionResult[] | null;
  issues: Issue[];
  /** Inputs in rubric order; null for listed units with no row. */
  inputs: InputState[] | null;
  /** On the official unit list. */
  listed: boolean;
  /** Corrections of the "Thẩm định" sheet applied to this unit's inputs. */
  corrections: AppliedCorrection[];
  /** Total before appraisal (the unit's own figures); equals totalCents when nothing was corrected. */
  selfTotalCents: number | null;
}

export type RubricSource = 'builtin' | 'sheet' | 'file';

export interface ScoreResult {
  rubric: CompiledRubric;
  rubricSource: RubricSource;
  /** Name of the scored sheet. */
  sheet: string;
  table: TableRead;
  units: UnitResult[];
  /** Whether an official unit list was used. */
  hasUnitList: boolean;
  /** The "Thẩm định" sheet's problems, when the workbook has that sheet. */
  appraisal: { sheet: string; issues: AppraisalIssue[] } | null;
  /** Last year's figures beside this year's, when a previous result was given. */
  comparison: YearComparison | null;
  /** Warnings about the sheet rather than a unit (a stray value far below the table). */
  sheetIssues: Issue[];
  /** Per tier, the largest valid value of each "best" input (the maxima of relative-to-best criteria). */
  best: Map<Tier, BestValues>;
}
