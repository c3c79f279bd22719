/**
 * A unit's path to the next level or grade in words (docs/lo-trinh.md): "K6 - Số hồ sơ tiếp nhận
 * trực tuyến mức 3, 4: từ 20 lên 34 → Mức 4 hạng mục Kết quả Chính quyền điện tử". Shared by the
 * "Lộ trình" sheet, the unit letters and the task pane, so all three say the same.
 */
import type { CompiledRubric } from '../rubric/compiled';
import type { NextStep, StepChange, StepValue } from '../scoring/nextStep';
import { formatCentsShort, formatCount } from '../scoring/viFormat';
import { levelName } from './levelWords';

/** A value as staff read it: 1.234, 12,5, Có, an answer in quotes, (trống). */
export function valueWords(rubric: CompiledRubric, input: string, v: StepValue): string {
  if (v === null) return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'string') return `"${v}"`;
  return rubric.inputByCode.get(input)?.type === 'points' ? formatCentsShort(Math.round(v * 100)) : formatCount(v);
}

/** "K6 - Số hồ sơ tiếp nhận trực tuyến mức 3, 4: từ 20 lên 34". */
export function changeWords(rubric: CompiledRubric, c: StepChange): string {
  const inp = rubric.inputByCode.get(c.input);
  const label = inp ? `${inp.code} - ${inp.name}` : c.input;
  if (c.from === null) return `${label}: nhập ${valueWords(rubric, c.input, c.to)}`;
  if (typeof c.to === 'boolean') return `${label}: chuyển sang ${valueWords(rubric, c.input, c.to)}`;
  if (typeof c.to === 'string')
    return `${label}: từ ${valueWords(rubric, c.input, c.from)} thành ${valueWords(rubric, c.input, c.to)}`;
  return `${label}: từ ${valueWords(rubric, c.input, c.from)} lên ${valueWords(rubric, c.input, c.to)}`;
}

/** "Mức 4 hạng mục Kết quả Chính quyền điện tử" or "xếp loại Tốt". */
export function targetWords(rubric: CompiledRubric, target: { category?: string; level?: number; grade?: string }): string {
  if (target.grade !== undefined) return `xếp loại ${target.grade}`;
  const category = rubric.rubric.categories.find((c) => c.id === target.category);
  return `${levelName(target.level!)}${category ? ` hạng mục ${category.name}` : ''}`;
}

/** The step in sentences: each change on its own line, or why there is no path. */
export function stepLines(rubric: CompiledRubric, step: NextStep, target: string): string[] {
  switch (step.kind) {
    case 'fix_errors':
      return [`Sửa các ô có lỗi trước (${step.cells.join(', ')}), rồi chấm lại để biết lộ trình lên ${target}.`];
    case 'unreachable':
      return [
        `Chưa thể lên ${target} chỉ bằng các số liệu thay đổi được, kể cả khi đều đạt mức cao nhất.`,
        ...step.advice.map((a) => `${a.message} (ô ${a.cell}).`),
      ];
    case 'path':
      return [
        ...step.changes.map((c) => `${changeWords(rubric, c)} (ô ${c.cell})`),
        `→ ${target}`,
        ...step.advice.map((a) => `Lưu ý: ${a.message} (ô ${a.cell}).`),
      ];
  }
}
