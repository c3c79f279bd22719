/**
 * The decision settings as the pane's form holds them: text as typed, kept for the session.
 * Blank fields take the defaults of report/settings (Bắc Kạn, the year of the scored sheet,
 * "…" for the clerk), so that a user who changes nothing gets the command line's draft.
 */
import { DEFAULT_PROVINCE, DecisionSettings, decisionSettings } from '../report/settings';

export interface SettingsInput {
  province: string;
  /** Blank: the scored sheet's year (ScoreReport.defaultYear). */
  year: string;
  decisionNumber: string;
  committee: string;
  department: string;
}

export const INITIAL_SETTINGS: SettingsInput = {
  province: DEFAULT_PROVINCE,
  year: '',
  decisionNumber: '',
  committee: '',
  department: '',
};

/** A year the decision can be about: four digits, this century. */
export function parseYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const year = Number(t);
  return year >= 2000 && year <= 2100 ? year : null;
}

export function settingsFromInput(input: SettingsInput, defaultYear: number): DecisionSettings | null {
  const year = input.year.trim() === '' ? defaultYear : parseYear(input.year);
  if (year === null) return null;
  const department = input.department.trim();
  return decisionSettings({
    year,
    province: input.province,
    decisionNumber: input.decisionNumber,
    committee: input.committee,
    department,
    // "Theo đề nghị của Giám đốc …" follows the department the user named.
    ...(department ? { departmentHead: `Giám đốc ${department}` } : {}),
  });
}
