/**
 * Loading a rubric from JSON (the `--rubric` file, or a file imported in the task pane).
 */
import { compileRubric, CompiledRubric } from './compiled';
import { parseRubric } from './schema';

export type LoadedRubric = { ok: true; rubric: CompiledRubric } | { ok: false; message: string };

/** Parses JSON text as a rubric; every problem is named by its path in the file. */
export function rubricFromJsonText(text: string, source: string): LoadedRubric {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // The parser's own words (in English) help find the spot; the sentence around them says what is wrong.
    return { ok: false, message: `Tệp bộ tiêu chí ${source} không phải JSON hợp lệ (${(e as Error).message})` };
  }
  const parsed = parseRubric(data);
  if (!parsed.ok) {
    const list = parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
    return { ok: false, message: `Bộ tiêu chí ${source} không hợp lệ — ${list}` };
  }
  return { ok: true, rubric: compileRubric(parsed.rubric) };
}
