/**
 * A unit's path to its next level or grade as the pane shows it (docs/lo-trinh.md): per target
 * the changes in words, each with the cell to select, or why there is no path; and the units to
 * choose from, the not-ranked ones first. The engine finds the path (../scoring/nextStep); the
 * words are the pane's language's (strings.path): in Vietnamese those of the "Lộ trình" sheet
 * and the letters (../report/stepWords).
 */
import type { Issue } from '../scoring/issues';
import type { NextStep } from '../scoring/nextStep';
import { unitSteps } from '../scoring/nextStep';
import type { ScoreResult, UnitResult } from '../scoring/types';
import type { Strings } from './strings';

/** One line of a path: its words and the cell it is about, if any. */
export interface PathLine {
  text: string;
  cell: string | null;
}

export interface PathTargetView {
  key: string;
  /** What the target is about and where the unit stands: "Kết quả Chính quyền điện tử (hiện nay: Không xếp hạng)". */
  heading: string;
  /** Said before the changes ("To reach Level 4 in …:"), or null. */
  lead: string | null;
  changes: PathLine[];
  /** Said after the changes ("→ Mức 4 hạng mục …"), or null. */
  tail: string | null;
  /** Why there is no path (unreachable), or null. */
  reason: string | null;
  /** Blank totals to enter. */
  advice: PathLine[];
}

export interface UnitPathView {
  name: string;
  where: string;
  unit: UnitResult;
  /** The unit has errors: the problems to fix before any path can be told. */
  fixErrors: { text: string; issues: Issue[] } | null;
  targets: PathTargetView[];
  /** Said when there is nothing to reach (every category at the top level, the top grade). */
  top: string | null;
}

export interface UnitChoiceGroup {
  key: 'notRanked' | 'error' | 'other';
  label: string;
  units: { row: number; name: string }[];
}

const notRanked = (u: UnitResult) => u.categories.some((c) => c.applicable && c.level === null);

/** The units a path can be told for (scored or with errors, of a known tier), the not-ranked first. */
export function unitChoices(result: ScoreResult, strings: Strings): UnitChoiceGroup[] {
  const groups: UnitChoiceGroup[] = (['notRanked', 'error', 'other'] as const).map((key) => ({
    key,
    label: strings.path.groups[key],
    units: [],
  }));
  for (const u of result.units) {
    if (u.row === null || u.tier === null || u.status === 'missing') continue;
    const group = u.status === 'error' ? 1 : result.rubric.levels.length && notRanked(u) ? 0 : 2;
    groups[group].units.push({ row: u.row, name: u.name });
  }
  return groups.filter((g) => g.units.length > 0);
}

export function unitPathView(result: ScoreResult, row: number, strings: Strings): UnitPathView | null {
  const unit = result.units.find((u) => u.row === row && u.status !== 'missing' && u.tier !== null);
  if (!unit) return null;
  const steps = unitSteps(result, unit);
  if (!steps) return null;
  const rubric = result.rubric;
  const words = strings.path;
  const view: UnitPathView = {
    unit,
    name: unit.name,
    where: words.where(rubric.tiers[unit.tier!].name, row),
    fixErrors: null,
    targets: [],
    top: null,
  };

  const add = (key: string, heading: string, target: string, step: NextStep) => {
    if (step.kind === 'fix_errors') {
      const cells = new Set(step.cells);
      view.fixErrors ??= {
        text: words.fixErrors,
        issues: unit.issues.filter((i) => i.severity === 'error' && i.cell !== null && cells.has(i.cell)),
      };
      return;
    }
    const advice = step.advice.map((a) => ({ text: words.advice(rubric, a), cell: a.cell }));
    if (step.kind === 'unreachable') {
      view.targets.push({ key, heading, lead: null, changes: [], tail: null, reason: words.unreachable(target), advice });
      return;
    }
    view.targets.push({
      key,
      heading,
      lead: words.lead(target),
      changes: step.changes.map((c) => ({ text: words.change(rubric, c), cell: c.cell })),
      tail: words.tail(target),
      reason: null,
      advice,
    });
  };

  for (const cat of unit.categories) {
    const next = steps.levels.get(cat.id);
    if (!next) continue;
    const name = rubric.rubric.categories.find((c) => c.id === cat.id)?.name ?? cat.id;
    const now = cat.level === null ? strings.notRankedLong : strings.levelName(cat.level);
    add(cat.id, words.now(name, now), words.target(rubric, { category: cat.id, level: next.level }), next.step);
  }
  if (steps.grade) {
    const now = unit.status === 'scored' && unit.grade ? unit.grade : words.noGrade;
    add('grade', words.now(words.gradeWhat, now), words.target(rubric, { grade: steps.grade.grade }), steps.grade.step);
  }
  if (!view.fixErrors && view.targets.length === 0) view.top = words.top;
  return view;
}
