/**
 * The ranking for other systems (docs/bang-tong-hop.md, "Xuất bảng xếp hạng CSV và JSON"): a
 * flat CSV (UTF-8 with BOM so that Excel reads the accents, comma separated, RFC 4180 quoting,
 * CRLF) and JSON. Same rows and order as the ranking sheet.
 */
import { tierName } from '../rubric/compiled';
import type { Tier } from '../rubric/schema';
import type { ScoreResult, Status } from '../scoring/types';
import { RankingCell, RankingRow, SectionKind, rankingColumns, rankingTables, signed } from '../report/rankingTables';
import { money } from '../report/money';

const BOM = '\uFEFF';
const CRLF = '\r\n';

const PART_NAMES: Record<SectionKind, string> = {
  ranked: 'Xếp hạng',
  errors: 'Cần sửa',
  missing: 'Không gửi báo cáo',
};

/** Cents as a plain decimal with a point ("96.05"), from whole numbers, never a float. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Formula-injection guard: Excel (and LibreOffice) treat a CSV field starting with = + - @
 * (or a tab / carriage return) as a formula, so a unit named "=HYPERLINK(…)" would run when the
 * file is opened. Such text gets a leading apostrophe, which keeps it text; numbers are written
 * by us and never start with those characters.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvCell(cell: RankingCell): string {
  switch (cell.kind) {
    case 'text':
      return guardFormula(cell.text);
    case 'int':
      return String(cell.value);
    case 'cents':
      return centsText(cell.value);
    case 'delta':
      return signed(cell.value, centsText);
    case 'blank':
      return '';
  }
}

/** One flat table: every tier's columns laid on the union of all tiers' columns. */
export function rankingCsv(result: ScoreResult, year: number): string {
  const tables = rankingTables(result, year);
  const columns = rankingColumns(result, 'all');
  const header = ['Cấp', 'Phần', ...columns.map((c) => c.title)];
  const lines = [header];
  for (const t of tables.tables) {
    const index = new Map(t.columns.map((c, i) => [c.id, i]));
    for (const section of t.sections) {
      for (const row of section.rows) {
        const cells = columns.map((c) => {
          const i = index.get(c.id);
          return i === undefined ? '' : csvCell(row.cells[i]);
        });
        lines.push([tierName(result.rubric, t.tier), PART_NAMES[section.kind], ...cells]);
      }
    }
  }
  return BOM + lines.map((fields) => fields.map(csvField).join(',')).join(CRLF) + CRLF;
}

export function rankingCsvBytes(result: ScoreResult, year: number): Uint8Array {
  return new TextEncoder().encode(rankingCsv(result, year));
}

// ---------------------------------------------------------------- JSON

export interface RankingUnitJson {
  stt: number;
  name: string;
  district: string | null;
  status: Status;
  /** Per category id of the unit's tier: score with two decimals at most, level 1–n or null. */
  categories: Record<string, { score: number | null; level: number | null }>;
  total: number | null;
  /** The unit's maximum (the categories that apply to it). */
  max: number | null;
  percent: number | null;
  grade: string | null;
  rank: number | null;
  /** 1-based row of the scored sheet, null for a listed unit with no row. */
  row: number | null;
}

export interface RankingTierJson {
  tier: Tier | null;
  title: string;
  maxScore: number | null;
  ranked: RankingUnitJson[];
  errors: RankingUnitJson[];
  missing: RankingUnitJson[];
}

export interface RankingJson {
  year: number;
  title: string;
  rubric: string;
  sheet: string;
  columns: { id: string; title: string }[];
  tiers: RankingTierJson[];
}

function unitJson(row: RankingRow, stt: number): RankingUnitJson {
  const u = row.unit;
  return {
    stt,
    name: u.name,
    district: u.district,
    status: u.status,
    categories: Object.fromEntries(u.categories.map((c) => [c.id, { score: money(c.scoreCents), level: c.level }])),
    total: money(u.totalCents),
    max: money(u.maxCents),
    percent: money(u.percentHundredths),
    grade: u.status === 'scored' ? u.grade : null,
    rank: u.status === 'scored' ? u.rank : null,
    row: u.row,
  };
}

export function rankingJson(result: ScoreResult, year: number): RankingJson {
  const tables = rankingTables(result, year);
  const columns = rankingColumns(result, 'all');
  return {
    year,
    title: tables.title,
    rubric: result.rubric.rubric.id,
    sheet: result.sheet,
    columns: columns.map((c) => ({ id: c.id, title: c.title })),
    tiers: tables.tables.map((t) => {
      const part = (kind: SectionKind) => (t.sections.find((s) => s.kind === kind)?.rows ?? []).map((r, i) => unitJson(r, i + 1));
      return {
        tier: t.tier,
        title: t.title,
        maxScore: money(t.maxCents),
        ranked: part('ranked'),
        errors: part('errors'),
        missing: part('missing'),
      };
    }),
  };
}

export function rankingJsonText(result: ScoreResult, year: number): string {
  return `${JSON.stringify(rankingJson(result, year), null, 2)}\n`;
}
