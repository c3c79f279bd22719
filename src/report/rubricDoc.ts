/**
 * A rubric described for people, in Vietnamese Markdown: its tiers, categories, inputs, criteria
 * with how each is scored, rules, levels, grades and rank. The pages of docs/bo-tieu-chi/ are
 * written from the built-in rubrics by this function (npm run docs), so they never drift from
 * the data the engine scores with; a test checks they are up to date.
 */
import { formatCentsShort } from '../scoring/viFormat';
import { CompiledRubric, compileRubric, toCents } from '../rubric/compiled';
import { CriterionDef, KIND_WORDS, Rubric, TYPE_WORDS, isRatioKind, maximaMayDiffer } from '../rubric/schema';
import { NOT_RANKED, levelName } from './levelWords';

const points = (n: number) => formatCentsShort(toCents(n));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;

function table(header: string[], rows: string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

const list = (items: string[]) => items.map((i) => `"${i}"`).join(', ');

/** How one criterion is scored in one tier, in words. */
function howScored(c: CriterionDef, tier: string): string {
  const t = c.tiers[tier];
  if (!t) return '—';
  const na = t.allowNA ? '; được ghi KAD' : '';
  if (c.kind === 'info') return `không tính điểm${na}`;
  const max = points(t.max!);
  switch (c.kind) {
    case 'bands': {
      const bands = t.bands ?? [];
      const below = bands.length && bands[bands.length - 1].min > 0 ? '; thấp hơn: 0' : '';
      return `${max} (${bands.map((b) => `≥${b.min}: ${points(b.points)}`).join('; ')}${below})${na}`;
    }
    case 'ratioBands': {
      const bands = t.percentBands ?? [];
      const below = bands.length && bands[bands.length - 1].min > 0 ? '; thấp hơn: 0' : '';
      return `${max} (${bands.map((b) => `≥${b.min}%: ${b.percent}%`).join('; ')}${below})${na}`;
    }
    default:
      return `${max}${na}`;
  }
}

/** What the criterion reads and how, for the "Cách tính" column. */
function method(c: CriterionDef): string {
  switch (c.kind) {
    case 'ratio':
      return `${c.part} / ${c.total} × điểm tối đa`;
    case 'ratioBands':
      return `${c.part} / ${c.total}: ngưỡng cao nhất đạt được cho % điểm tối đa`;
    case 'yesno':
      return `${c.input}: có → điểm tối đa, không → 0`;
    case 'bands':
      return `${c.input}: điểm của mức cao nhất mà số liệu đạt`;
    case 'best':
      return `${c.input} / ${c.input} cao nhất cùng cấp × điểm tối đa`;
    case 'points':
      return `${c.input} là điểm đơn vị tự chấm (0 đến điểm tối đa)`;
    case 'choice':
      return `${c.input}: ${c.answers.map((a) => `"${a.answer}" ${a.percent}%`).join(', ')} điểm tối đa`;
    case 'info':
      return `${c.input}: thu thập, kiểm tra, không tính điểm`;
  }
}

function tiersSection(r: CompiledRubric): string[] {
  return [
    '## Các cấp đánh giá',
    '',
    ...table(
      ['Mã', 'Tên', 'Trong câu', 'Giá trị cột "Cấp"', 'Dòng mục chứa', 'Nhóm theo'],
      r.tierList.map((t) => [
        t.id,
        t.name,
        t.phrase,
        t.def.cellValues.join('; '),
        t.def.sectionPhrases.join('; '),
        t.def.groups ? `${t.def.groups.title} (dòng nhóm bắt đầu bằng ${list(t.def.groups.words)})` : '—',
      ]),
    ),
  ];
}

function categoriesSection(r: CompiledRubric): string[] {
  const tiers = r.tierList;
  const maxOf = (id: string, tier: string) => {
    const cat = r.tiers[tier].categories.find((c) => c.id === id);
    return cat ? formatCentsShort(cat.maxCents) : '—';
  };
  return [
    '## Hạng mục (nhóm chỉ số) và điểm tối đa',
    '',
    ...table(
      ['Mã', 'Hạng mục', 'Viết tắt', ...tiers.map((t) => t.name)],
      [
        ...r.rubric.categories.map((c) => [c.id, c.name, c.short, ...tiers.map((t) => maxOf(c.id, t.id))]),
        ['', '**Tổng**', '', ...tiers.map((t) => `**${formatCentsShort(t.maxCents)}**`)],
      ],
    ),
  ];
}

function inputsSection(r: Rubric): string[] {
  return [
    '## Số liệu đầu vào (mỗi số liệu một cột trong bảng tổng hợp)',
    '',
    ...table(
      ['Mã', 'Tên', 'Kiểu', 'Phương án trả lời'],
      r.inputs.map((i) => [i.code, i.name, TYPE_WORDS[i.type], i.answers ? i.answers.join('; ') : '']),
    ),
  ];
}

function criteriaSection(r: CompiledRubric): string[] {
  const out: string[] = ['## Tiêu chí', ''];
  for (const cat of r.rubric.categories) {
    const criteria = r.rubric.criteria.filter((c) => c.category === cat.id);
    out.push(`### ${cat.name}`, '');
    out.push(
      ...table(
        ['Mã', 'Tiêu chí', 'Cách tính', 'Số liệu', ...r.tierList.map((t) => t.name)],
        criteria.map((c) => [c.code, c.name, KIND_WORDS[c.kind], method(c), ...r.tierList.map((t) => howScored(c, t.id))]),
      ),
      '',
    );
  }
  return out;
}

function rulesSection(r: CompiledRubric): string[] {
  const implied = r.rubric.criteria
    .filter((c) => isRatioKind(c.kind))
    .map((c) => {
      const [part, total] = [(c as { part: string }).part, (c as { total: string }).total];
      return `${part} ≤ ${total}`;
    });
  const explicit = (r.rubric.rules ?? []).map((x) => `${x.part} ≤ ${x.total}`);
  const all = [...new Set([...implied, ...explicit])];
  return [
    '## Quy tắc kiểm tra số liệu',
    '',
    `Số liệu phần không được lớn hơn số liệu tổng: ${all.join('; ')}. Vi phạm là lỗi "lớn hơn tổng" ở ô số liệu phần.`,
  ];
}

function classificationSection(r: CompiledRubric): string[] {
  const out: string[] = ['## Xếp mức, xếp loại và thứ hạng', ''];
  if (r.levels.length) {
    out.push(
      `Mỗi hạng mục được xếp mức cao nhất mà cả hai điều kiện đều đạt; không đạt mức thấp nhất là "${NOT_RANKED}".`,
      '',
      ...table(
        ['Mức', 'Điểm hạng mục tối thiểu (% điểm tối đa)', 'Mỗi tiêu chí được tính tối thiểu (% điểm tối đa)'],
        r.levels.map((l) => [levelName(l.level), `${l.categoryThreshold}%`, `${l.criterionMinimum}%`]),
      ),
      '',
    );
  } else {
    out.push('Bộ tiêu chí không xếp mức theo hạng mục.', '');
  }
  if (r.grades.length) {
    out.push(
      'Xếp loại theo tỷ lệ tổng điểm trên điểm tối đa của đơn vị, làm tròn đến 2 chữ số thập phân như khi hiển thị:',
      '',
      ...table(
        ['Xếp loại', 'Tỷ lệ từ'],
        r.grades.map((g) => [g.name, `${g.min}%`]),
      ),
      '',
    );
  } else {
    out.push('Bộ tiêu chí không xếp loại.', '');
  }
  out.push(
    r.rankBy === 'percent'
      ? 'Thứ hạng trong mỗi cấp theo **tỷ lệ (%)** như hiển thị (hai chữ số thập phân); cùng tỷ lệ thì cùng hạng.'
      : 'Thứ hạng trong mỗi cấp theo **tổng điểm**; cùng tổng điểm thì cùng hạng.',
  );
  const why = maximaMayDiffer(r.rubric);
  if (why) {
    out.push('', `Điểm tối đa của đơn vị có thể khác nhau trong cùng cấp (${why}), nên kết quả có thêm cột "Điểm tối đa".`);
  }
  return out;
}

/** The whole page for one rubric. */
export function rubricMarkdown(rubric: Rubric): string {
  const r = compileRubric(rubric);
  const lines = [
    `# ${rubric.name}`,
    '',
    `Mã bộ tiêu chí: \`${rubric.id}\`. Trang này được sinh tự động từ dữ liệu bộ tiêu chí (\`npm run docs\`); cách tính chung xem [Cách chấm điểm](../cach-cham-diem.md).`,
    '',
    ...(rubric.note ? [`> ${rubric.note}`, ''] : []),
    ...tiersSection(r),
    '',
    ...categoriesSection(r),
    '',
    ...inputsSection(rubric),
    '',
    ...criteriaSection(r),
    ...rulesSection(r),
    '',
    ...classificationSection(r),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
