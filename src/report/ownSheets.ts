/**
 * The sheets the add-in writes for itself, after Score and Export (docs/bang-tong-hop.md, "Các
 * trang riêng của add-in"): the ranking (the decision's appendix), the roadmap and the weakest
 * criteria (docs/lo-trinh.md). Each is recorded by a workbook-level name, so that only the sheet
 * the add-in made is ever replaced; a staff sheet of the same name keeps its place and ours takes
 * the alternative name. Both gateways write from these plans.
 */
import {
  RANKING_SHEET,
  RANKING_SHEET_ALTERNATIVE,
  ROADMAP_SHEET,
  ROADMAP_SHEET_ALTERNATIVE,
  SHORTFALL_SHEET,
  SHORTFALL_SHEET_ALTERNATIVE,
} from '../scoring/scoreWorkbook';
import type { ScoreResult } from '../scoring/types';
import { RANKING_DEFINED_NAME, rankingSheetPlan } from './rankingSheetPlan';
import { ROADMAP_DEFINED_NAME, roadmapSheetPlan } from './roadmapSheetPlan';
import type { DecisionSettings } from './settings';
import type { SheetPlan } from './sheetPlan';
import { SHORTFALL_DEFINED_NAME, shortfallSheetPlan } from './shortfallSheetPlan';

export interface OwnSheetPlan {
  key: 'ranking' | 'roadmap' | 'shortfalls';
  plan: SheetPlan;
  definedName: string;
  preferred: string;
  alternative: string;
}

/** The own sheets for a result: the roadmap only when the rubric has levels or grades to reach. */
export function ownSheetPlans(result: ScoreResult, settings: DecisionSettings): OwnSheetPlan[] {
  const out: OwnSheetPlan[] = [
    {
      key: 'ranking',
      plan: rankingSheetPlan(result, settings),
      definedName: RANKING_DEFINED_NAME,
      preferred: RANKING_SHEET,
      alternative: RANKING_SHEET_ALTERNATIVE,
    },
  ];
  if (result.rubric.levels.length || result.rubric.grades.length) {
    out.push({
      key: 'roadmap',
      plan: roadmapSheetPlan(result, settings),
      definedName: ROADMAP_DEFINED_NAME,
      preferred: ROADMAP_SHEET,
      alternative: ROADMAP_SHEET_ALTERNATIVE,
    });
  }
  out.push({
    key: 'shortfalls',
    plan: shortfallSheetPlan(result, settings),
    definedName: SHORTFALL_DEFINED_NAME,
    preferred: SHORTFALL_SHEET,
    alternative: SHORTFALL_SHEET_ALTERNATIVE,
  });
  return out;
}
