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
import type { CompiledRubric } from '../rubric/compiled';
import { sameName } from '../scoring/scoreWorkbook';
import type { ScoreResult } from '../scoring/types';
import { RANKING_DEFINED_NAME, rankingSheetPlan } from './rankingSheetPlan';
import { ROADMAP_DEFINED_NAME, roadmapSheetPlan } from './roadmapSheetPlan';
import type { DecisionSettings } from './settings';
import type { SheetPlan } from './sheetPlan';
import { SHORTFALL_DEFINED_NAME, shortfallSheetPlan } from './shortfallSheetPlan';

/** One of the own sheets: which, the name that records it, its usual and its alternative names. */
export interface OwnSheetKind {
  key: 'ranking' | 'roadmap' | 'shortfalls';
  definedName: string;
  preferred: string;
  alternative: string;
}

export interface OwnSheetPlan extends OwnSheetKind {
  plan: SheetPlan;
}

const KINDS: OwnSheetKind[] = [
  { key: 'ranking', definedName: RANKING_DEFINED_NAME, preferred: RANKING_SHEET, alternative: RANKING_SHEET_ALTERNATIVE },
  { key: 'roadmap', definedName: ROADMAP_DEFINED_NAME, preferred: ROADMAP_SHEET, alternative: ROADMAP_SHEET_ALTERNATIVE },
  {
    key: 'shortfalls',
    definedName: SHORTFALL_DEFINED_NAME,
    preferred: SHORTFALL_SHEET,
    alternative: SHORTFALL_SHEET_ALTERNATIVE,
  },
];

const PLANS: Record<OwnSheetKind['key'], (result: ScoreResult, settings: DecisionSettings) => SheetPlan> = {
  ranking: rankingSheetPlan,
  roadmap: roadmapSheetPlan,
  shortfalls: shortfallSheetPlan,
};

/** The own sheets of a rubric, in the order they are written: the roadmap only when it has levels or grades to reach. */
export function ownSheetKinds(rubric: CompiledRubric): OwnSheetKind[] {
  const roadmap = rubric.levels.length > 0 || rubric.grades.length > 0;
  return KINDS.filter((k) => k.key !== 'roadmap' || roadmap);
}

/** The own sheets for a result, each with its plan. */
export function ownSheetPlans(result: ScoreResult, settings: DecisionSettings): OwnSheetPlan[] {
  return ownSheetKinds(result.rubric).map((kind) => ({ ...kind, plan: PLANS[kind.key](result, settings) }));
}

/** An own sheet whose plan is made when asked for (a writer can make, write and let go of each in turn). */
export interface OwnSheetSpec extends OwnSheetKind {
  makePlan: () => SheetPlan;
}

/** The own sheets for a result, each plan made only when asked for. */
export function ownSheetSpecs(result: ScoreResult, settings: DecisionSettings): OwnSheetSpec[] {
  return ownSheetKinds(result.rubric).map((kind) => ({ ...kind, makePlan: () => PLANS[kind.key](result, settings) }));
}

/**
 * Which sheet an own sheet goes to: the one the add-in made before (recorded by its defined
 * name; never the scored sheet), else its preferred name ("Xếp hạng"), else the alternative
 * ("Xếp hạng (CQĐT)") when staff have a sheet of that name of their own — with a notice saying so.
 */
export function ownSheetTarget(
  sheetNames: string[],
  recorded: string | null,
  scoredSheet: string,
  preferred: string,
  alternative: string,
): { name: string; replaces: string | null; notice: string | null } {
  const find = (name: string) => sheetNames.find((s) => sameName(s, name)) ?? null;
  const own = recorded && !sameName(recorded, scoredSheet) ? find(recorded) : null;
  let name: string;
  if (own) name = own;
  else if (!find(preferred)) name = preferred;
  else if (!find(alternative)) name = alternative;
  else {
    let n = 2;
    while (find(`${preferred} (CQĐT ${n})`)) n++;
    name = `${preferred} (CQĐT ${n})`;
  }
  const staff = find(preferred);
  const notice =
    staff && !sameName(staff, name)
      ? `Tệp đã có trang "${preferred}" do người dùng lập nên trang đó được giữ nguyên; nội dung trang "${preferred}" được ghi vào trang "${name}".`
      : null;
  return { name, replaces: own, notice };
}
