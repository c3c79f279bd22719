/**
 * The decision settings as the pane's form holds them: text as typed, kept for the session.
 * Blank fields take the defaults of report/settings for the rubric in use (its province, its
 * department and "Nơi nhận"; the year of the scored sheet; "…" for the clerk), so that a user who
 * changes nothing gets the command line's draft (docs/du-thao-quyet-dinh.md).
 */
import { DecisionSettings, decisionSettings, typedYear } from '../report/settings';
import type { Rubric } from '../rubric/schema';

export interface SettingsInput {
  /** Blank: the rubric's province. */
  province: string;
  /** Blank: the scored sheet's year (ScoreReport.defaultYear). */
  year: string;
  decisionNumber: string;
  committee: string;
  department: string;
}

export const INITIAL_SETTINGS: SettingsInput = {
  province: '',
  year: '',
  decisionNumber: '',
  committee: '',
  department: '',
};

/** The settings for the exports: what was typed over the defaults of `rubric` (the scored result's). */
export function settingsFromInput(input: SettingsInput, defaultYear: number, rubric: Rubric): DecisionSettings | null {
  const year = input.year.trim() === '' ? defaultYear : typedYear(input.year);
  if (year === null) return null;
  return decisionSettings(
    {
      year,
      province: input.province,
      decisionNumber: input.decisionNumber,
      committee: input.committee,
      department: input.department.trim(),
    },
    rubric,
  );
}
