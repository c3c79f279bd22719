/**
 * The per-tier summary the command line prints after scoring: counts, then levels per category
 * or grades, as the rubric has them.
 */
import { NOT_RANKED, levelName } from '../report/levelWords';
import { tierCounts } from '../report/tierCounts';
import type { ScoreResult } from '../scoring/types';
import { formatCents, formatCentsShort } from '../scoring/viFormat';
import { wholePercent } from '../report/wholePercent';

const SOURCES = { builtin: 'có sẵn', sheet: 'trang "Tiêu chí"', file: 'tệp' } as const;

export function formatTierCounts(result: ScoreResult): string {
  const lines: string[] = [];
  const rubric = result.rubric.rubric;
  lines.push(`Đã chấm trang "${result.sheet}" theo bộ tiêu chí ${rubric.id} (${SOURCES[result.rubricSource]}).`);
  for (const t of tierCounts(result)) {
    lines.push('');
    lines.push(`${t.label}: ${t.units} đơn vị — ${t.scored} đã chấm, ${t.error} cần sửa, ${t.missing} không gửi báo cáo`);
    const hasLevels = result.rubric.levels.length > 0;
    if (hasLevels) {
      for (const c of t.categories) {
        const levels = c.byLevel.map((n, i) => `${levelName(i + 1)}: ${n}`).join(', ');
        lines.push(`  ${c.name}: ${levels}, ${NOT_RANKED}: ${c.notRanked}`);
      }
      if (t.scored > 0) lines.push(`  ${NOT_RANKED} mọi hạng mục: ${t.notRankedInAll}/${t.scored}`);
    }
    if (t.grades.length && t.scored > 0) {
      lines.push(`  Xếp loại: ${t.grades.map((g) => `${g.name}: ${g.count}`).join(', ')}`);
    }
    if (t.tier && result.rubric.rankBy === 'percent' && t.bestPercent !== null) {
      lines.push(`  Tỷ lệ cao nhất: ${formatCents(t.bestPercent)}%`);
    } else if (t.bestCents !== null && t.tier) {
      const max = result.rubric.tiers[t.tier].maxCents;
      lines.push(
        `  Điểm cao nhất: ${formatCents(t.bestCents)} (${wholePercent(t.bestCents, max)}% của ${formatCentsShort(max)})`,
      );
    }
  }
  for (const i of result.sheetIssues) lines.push('', `Lưu ý: ${i.message}`);
  if (result.appraisal) {
    const applied = result.units.reduce((n, u) => n + u.corrections.length, 0);
    const problems = result.appraisal.issues;
    lines.push('');
    lines.push(
      `Thẩm định (trang "${result.appraisal.sheet}"): ${applied} số liệu thẩm định được áp dụng, ${problems.length} vấn đề`,
    );
    for (const p of problems) lines.push(`  ${p.cell}: ${p.message}`);
  }
  return lines.join('\n');
}
