/**
 * The built-in rubrics as the command line names them (docs/dong-lenh.md, "Lệnh cqdt rubric"):
 * the list, and what `--rubric` says when it names neither a file nor a built-in.
 */
import { BUILTIN_RUBRICS } from '../rubric/builtins';

/** One line per built-in rubric: id and name, and the note that says it is an example where it is one. */
export function builtinList(): string {
  return BUILTIN_RUBRICS.map((r) => `${r.id}\t${r.name}${r.note ? `\n\t${r.note}` : ''}`).join('\n');
}

export function unknownRubricMessage(value: string): string {
  const ids = BUILTIN_RUBRICS.map((r) => r.id).join(', ');
  return `Không có tệp "${value}" và cũng không có bộ tiêu chí có sẵn mã "${value}" (các bộ có sẵn: ${ids}; xem: cqdt rubric --list)`;
}
