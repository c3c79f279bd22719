/**
 * What `--rubric` names (docs/dong-lenh.md): a JSON file, or the id of a built-in rubric — a
 * path that exists wins — and `cqdt rubric --list`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BUILTIN_RUBRICS, builtinRubric } from '../rubric/builtins';
import { CompiledRubric, compileRubric } from '../rubric/compiled';
import { rubricFromJsonText } from '../rubric/loadRubric';
import type { Rubric } from '../rubric/schema';

export type RubricOption = { ok: true; rubric: CompiledRubric } | { ok: false; message: string };

/** The rubric `--rubric VALUE` names: the file when it exists, else a built-in id. */
export async function resolveRubricOption(value: string): Promise<RubricOption> {
  if (existsSync(value)) {
    let text: string;
    try {
      text = await readFile(value, 'utf8');
    } catch {
      return { ok: false, message: `Không đọc được tệp bộ tiêu chí "${value}"` };
    }
    return rubricFromJsonText(text, `"${value}"`);
  }
  const builtin = builtinRubric(value);
  if (builtin) return { ok: true, rubric: compileRubric(builtin) };
  const ids = BUILTIN_RUBRICS.map((r) => r.id).join(', ');
  return {
    ok: false,
    message: `Không có tệp "${value}" và cũng không có bộ tiêu chí có sẵn mã "${value}" (các bộ có sẵn: ${ids}; xem: cqdt rubric --list)`,
  };
}

/** One line per built-in rubric: id, name, and the note that says it is an example where it is one. */
export function builtinList(): string {
  return BUILTIN_RUBRICS.map((r: Rubric) => `${r.id}\t${r.name}${r.note ? `\n\t${r.note}` : ''}`).join('\n');
}
