/**
 * A problem as the pane tells it. In Vietnamese that is the engine's own sentence — the one
 * written into Ghi chú and the cell's note. In English the sentence is made here from what the
 * problem carries (its code, input, cell) and the rubric's input names; the Vietnamese sentence
 * stays the workbook's record and is not repeated.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { Severity } from '../scoring/issues';
import type { UnitResult } from '../scoring/types';
import { cellDisplayText } from '../sheet/typedValues';

/** What a problem carries, on the submission sheet or on "Thẩm định". */
export interface IssueLike {
  code: string;
  severity: Severity;
  cell: string | null;
  input?: string | null;
  message: string;
}

export interface IssueFacts {
  /** The input's code and name in the rubric, when the problem is about one input. */
  input: { code: string; name: string } | null;
  /** What the cell holds, as typed. */
  typed: string | null;
}

export interface IssueWords {
  severity: Record<Severity, string>;
  /** An English sentence for a problem, or null when the code is not one it knows; null: use the engine's sentence. */
  sentence: ((code: string, facts: IssueFacts) => string | null) | null;
  /** Lead sentence for a problem the language cannot word (its Vietnamese sentence goes into the detail). */
  unknown?: string;
}

export interface IssueShown {
  text: string;
  /** Technical detail behind the disclosure, or null. */
  detail: string | null;
}

/** The facts of a problem: its input (from the rubric) and the unit's typed value. */
export function issueFacts(issue: IssueLike, rubric: CompiledRubric, unit: UnitResult | null): IssueFacts {
  const def = issue.input ? rubric.inputByCode.get(issue.input) : undefined;
  const state = issue.input && unit?.inputs ? unit.inputs.find((s) => s.code === issue.input) : undefined;
  const typed = state ? cellDisplayText(state.raw).trim() : null;
  return { input: def ? { code: def.code, name: def.name } : null, typed: typed === '' ? null : typed };
}

export function issueText(issue: IssueLike, facts: IssueFacts, words: IssueWords): IssueShown {
  if (!words.sentence) return { text: issue.message, detail: null };
  const sentence = words.sentence(issue.code, facts);
  if (sentence) return { text: sentence, detail: null };
  return { text: words.unknown ?? issue.message, detail: issue.message };
}
