/**
 * The result letters (docs/lo-trinh.md, "Thư kết quả gửi đơn vị"): one section per unit, for the
 * department to send with the decision — the unit's points per criterion against the maximum,
 * the criteria under the minimum, its levels or grade, and its path to the next level or grade
 * in words. Units that sent no report get a short letter asking for it.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, Table } from 'docx';
import { allSteps, NextStep } from '../scoring/nextStep';
import type { ScoreResult, UnitResult } from '../scoring/types';
import { formatCents, formatCentsShort } from '../scoring/viFormat';
import { DecisionSettings, evaluationSubject } from '../report/settings';
import { levelName, levelText } from '../report/levelWords';
import { stepLines } from '../report/stepWords';
import { textTwips } from './textWidth';
import {
  A4,
  FONT,
  NATION,
  PORTRAIT_MARGIN,
  PORTRAIT_TEXT_WIDTH,
  SIZE,
  body,
  centered,
  gridTable,
  layoutTable,
  mottoColumn,
  para,
  rule,
  run,
} from './docxParts';

/** The department's own documents name the provincial committee short, as offices write it: "UBND TỈNH …". */
function parentBody(s: DecisionSettings): string {
  const committee = s.committee.normalize('NFC').toLocaleLowerCase('vi') === 'ủy ban nhân dân' ? 'UBND' : s.committee;
  return `${committee} tỉnh ${s.province}`.toLocaleUpperCase('vi');
}

/** Default cell margins of a Word table (0,19 cm each side) and room for how text is set. */
const LAYOUT_CELL_ROOM = 2 * 108 + 120;

/**
 * The two-column heading of NĐ 30: the parent body and the department (left), the national
 * motto (right). The right column is as wide as the motto's first line so that it never wraps;
 * the department's name takes the rest and wraps between words when long.
 */
function heading(s: DecisionSettings): Table {
  const rightWidth = Math.ceil(textTwips(NATION, SIZE.nation, true)) + LAYOUT_CELL_ROOM;
  const leftWidth = PORTRAIT_TEXT_WIDTH - rightWidth;
  return layoutTable(
    [leftWidth, rightWidth],
    [
      centered(parentBody(s), { size: SIZE.heading }),
      centered(s.department.toLocaleUpperCase('vi'), { bold: true, size: SIZE.heading }),
      rule(Math.round(leftWidth * 0.3)),
    ],
    mottoColumn(rightWidth, s.province),
  );
}

/** "Mức 2" / "Không xếp hạng" / "Không áp dụng" per category, or the grade. */
function standing(result: ScoreResult, u: UnitResult): string[] {
  const rubric = result.rubric;
  const lines: string[] = [];
  if (u.totalCents !== null) {
    lines.push(
      `Tổng điểm: ${formatCents(u.totalCents)}/${formatCentsShort(u.maxCents!)} điểm (tỷ lệ ${formatCents(u.percentHundredths!)}%)` +
        (u.rank !== null ? `; thứ hạng ${u.rank} trong ${rubric.tiers[u.tier!].phrase}.` : '.'),
    );
  }
  if (rubric.levels.length) {
    for (const c of u.categories) {
      const name = rubric.rubric.categories.find((x) => x.id === c.id)!.name;
      const level = levelText(c.level, c.applicable);
      lines.push(`Hạng mục ${name}: ${c.scoreCents === null ? '' : `${formatCents(c.scoreCents)} điểm, `}${level}.`);
    }
  }
  if (rubric.grades.length && u.grade) lines.push(`Xếp loại: ${u.grade}.`);
  return lines;
}

function criteriaTable(result: ScoreResult, u: UnitResult): Table | null {
  if (!u.criteria || u.tier === null) return null;
  const tier = result.rubric.tiers[u.tier];
  const widths = [900, PORTRAIT_TEXT_WIDTH - 900 - 1200 - 1200 - 1700, 1200, 1200, 1700];
  const rows = u.criteria.map((c, k) => {
    const def = tier.criteria[k];
    const note = !c.scores ? 'Không tính điểm' : !c.applicable ? 'Không áp dụng' : c.belowMinimum ? 'Dưới mức tối thiểu' : '';
    return {
      cells: [
        c.code,
        def.def.name,
        c.cents === null ? '' : formatCents(c.cents),
        c.scores ? formatCentsShort(c.maxCents) : '',
        note,
      ],
      aligns: [AlignmentType.CENTER, AlignmentType.LEFT, AlignmentType.CENTER, AlignmentType.CENTER, AlignmentType.LEFT],
    };
  });
  return gridTable(['Mã', 'Tiêu chí', 'Điểm đạt', 'Điểm tối đa', 'Ghi chú'], rows, widths);
}

function pathParagraphs(result: ScoreResult, u: UnitResult): Paragraph[] {
  const rubric = result.rubric;
  const steps = allSteps(result).get(u);
  if (!steps) return [];
  const out: Paragraph[] = [];
  const section = (target: string, step: NextStep) => {
    out.push(para([run(`Để lên ${target}:`, { bold: true })], { after: 60, keepNext: true }));
    // The target is the heading; the arrow line would repeat it.
    for (const line of stepLines(rubric, step, target)) if (!line.startsWith('→')) out.push(para(`- ${line}`, { after: 60 }));
  };
  for (const [id, t] of steps.levels) {
    if (!t) continue;
    const name = rubric.rubric.categories.find((c) => c.id === id)!.name;
    section(`${levelName(t.level)} hạng mục ${name}`, t.step);
  }
  if (steps.grade) section(`xếp loại ${steps.grade.grade}`, steps.grade.step);
  if (out.length === 0) out.push(body('Đơn vị đã đạt mức, xếp loại cao nhất của bộ tiêu chí.'));
  return out;
}

function letter(result: ScoreResult, u: UnitResult, s: DecisionSettings): (Paragraph | Table)[] {
  const subject = evaluationSubject(result.rubric.rubric);
  const out: (Paragraph | Table)[] = [
    heading(s),
    centered('THÔNG BÁO KẾT QUẢ ĐÁNH GIÁ', { bold: true, before: 360 }),
    centered(`Kết quả ${subject} năm ${s.year}`, { bold: true, after: 120 }),
    centered(`Kính gửi: ${u.name}${u.district ? ` (${u.district})` : ''}`, { after: 240 }),
  ];
  if (u.status === 'missing') {
    out.push(
      body(
        `Đơn vị không gửi báo cáo số liệu năm ${s.year} nên chưa được đánh giá. Đề nghị đơn vị gửi báo cáo đầy đủ, đúng thời hạn trong kỳ đánh giá tiếp theo.`,
      ),
    );
    return out;
  }
  const pending = u.status === 'error' ? ' (số liệu còn chỗ cần sửa nên chưa được xếp hạng)' : '';
  out.push(body(`${s.department} thông báo kết quả đánh giá năm ${s.year} của đơn vị như sau${pending}:`));
  for (const line of standing(result, u)) out.push(para(`- ${line}`, { indent: 10, after: 60 }));
  const errors = u.issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    out.push(body('Số liệu cần sửa (chưa được tính thứ hạng):', { before: 120 }));
    for (const i of errors) out.push(para(`- Ô ${i.cell ?? ''}: ${i.message}`, { after: 60 }));
  }
  const table = criteriaTable(result, u);
  if (table) out.push(body('Điểm từng tiêu chí:', { before: 120, keepNext: true }), table);
  const under = (u.criteria ?? []).filter((c) => c.belowMinimum).map((c) => c.code);
  if (under.length) out.push(body(`Các tiêu chí dưới mức tối thiểu: ${under.join(', ')}.`, { before: 120 }));
  out.push(body('Lộ trình nâng mức (thay đổi ít số liệu nhất, các số liệu khác giữ nguyên):', { before: 120, keepNext: true }));
  out.push(...pathParagraphs(result, u));
  return out;
}

/** One letter per unit of the result (units of unknown tier left out: they have no tier to be judged in). */
export function buildUnitLetters(result: ScoreResult, settings: DecisionSettings): Document {
  const units = result.units.filter((u) => u.tier !== null);
  return new Document({
    title: `Thông báo kết quả đánh giá năm ${settings.year}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: (units.length ? units : [null]).map((u) => ({
      properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: PORTRAIT_MARGIN } },
      children: u ? letter(result, u, settings) : [centered('Không có đơn vị nào trong bảng tổng hợp.')],
    })),
  });
}

export async function unitLettersBytes(result: ScoreResult, settings: DecisionSettings): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildUnitLetters(result, settings)));
}
