/**
 * The pages of docs/bo-tieu-chi/ say what the engine scores: each is exactly what `npm run docs`
 * writes from the built-in rubric's data today.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rubricMarkdown } from '../src/report/rubricDoc';
import { BUILTIN_RUBRICS } from '../src/rubric/builtins';

describe('docs/bo-tieu-chi', () => {
  it.each(BUILTIN_RUBRICS.map((r) => [r.id, r] as const))('%s.md is up to date (npm run docs)', (id, rubric) => {
    const page = readFileSync(path.join(__dirname, '..', 'docs', 'bo-tieu-chi', `${id}.md`), 'utf8');
    expect(page).toBe(rubricMarkdown(rubric));
  });

  it('describes every tier, category and criterion of the rubric, in its own words', () => {
    for (const rubric of BUILTIN_RUBRICS) {
      const page = rubricMarkdown(rubric);
      for (const t of rubric.tiers) expect(page).toContain(`| ${t.id} | ${t.name} |`);
      for (const c of rubric.categories) expect(page).toContain(`### ${c.name}`);
      for (const c of rubric.criteria) expect(page).toContain(`| ${c.code} | ${c.name} |`);
    }
    expect(rubricMarkdown(BUILTIN_RUBRICS[1])).not.toMatch(/huyện/i);
  });
});
