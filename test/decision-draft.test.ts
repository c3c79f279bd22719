/**
 * The decision draft (.docx): packed, unzipped and read as Word would read it — heading, title,
 * the summary as Điều 1's explanation, the appendix in rank order, fonts and page sizes.
 * Converted to PDF with LibreOffice when it is installed.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decisionDraftBytes } from '../src/export/decisionDraft';
import { cellText, rankingTables } from '../src/report/rankingTables';
import { decisionSettings, defaultYear } from '../src/report/settings';
import { BUILTIN_RUBRIC } from '../src/rubric/builtin';
import { builtinRubric } from '../src/rubric/builtins';
import { compileRubric } from '../src/rubric/compiled';
import { formatCents } from '../src/scoring/viFormat';
import { summaryParagraph } from '../src/report/summary';
import type { ScoreResult } from '../src/scoring/types';
import type { CellValue } from '../src/sheet/grid';
import { canConvertDocx, canReadPdf, convertWithLibreOffice, pdfLines } from './support/libreoffice';
import { HEADER, grid, perfect, readGrids, score, tempDir, unitRow, section } from './support/sheets';

/** Totals: Sở Tài chính 108, Sở Công Thương 106 (K7 half), Sở Nội vụ 98 (not ranked). */
function result(): ScoreResult {
  return score(
    grid([
      HEADER,
      section('I. CẤP TỈNH'),
      unitRow(1, 'Sở Nội vụ', null, perfect({ R3: 'Không', K8: 0 })),
      unitRow(2, 'Sở Tài chính', null, perfect()),
      unitRow(3, '=HYPERLINK("x")', null, perfect({ R1b: 101 })),
      unitRow(4, 'Sở Công Thương', null, perfect({ K7: 250 })),
      unitRow(5, 'Thanh tra tỉnh', null, {}),
      section('III. CẤP XÃ'),
      section('Huyện Na Rì'),
      unitRow(1, 'Xã Kim Hỷ', null, perfect({ K8: 4 })),
    ]),
  );
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of each paragraph of document.xml, in order. */
function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    decode((p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')),
  );
}

describe('decision draft', () => {
  const settings = decisionSettings({ year: 2018 }, BUILTIN_RUBRIC);
  let bytes: Uint8Array;
  let xml: string;
  let styles: string;
  let texts: string[];

  beforeAll(async () => {
    bytes = await decisionDraftBytes(result(), settings);
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file('word/document.xml')!.async('string');
    styles = await zip.file('word/styles.xml')!.async('string');
    texts = paragraphs(xml);
  });

  it('is a zip holding a Word document', () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    expect(bytes[1]).toBe(0x4b);
    expect(xml).toContain('<w:body>');
  });

  it('has the two-column heading of a decision', () => {
    for (const t of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BẮC KẠN',
      'Số: …/QĐ-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Bắc Kạn, ngày … tháng … năm …',
    ]) {
      expect(texts).toContain(t);
    }
    // The heading is a borderless table: its first row holds both columns.
    const firstTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    expect(firstTable).toContain('ỦY BAN NHÂN DÂN');
    expect(firstTable).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('has the title with the year, the bases, the articles and the signature', () => {
    expect(texts).toContain('QUYẾT ĐỊNH');
    expect(texts).toContain('Công bố kết quả đánh giá, xếp loại mức độ xây dựng Chính quyền điện tử các cấp năm 2018');
    expect(texts).toContain('ỦY BAN NHÂN DÂN TỈNH BẮC KẠN');
    expect(texts.some((t) => t.startsWith('Căn cứ '))).toBe(true);
    expect(texts.some((t) => t.startsWith('Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông'))).toBe(true);
    expect(texts).toContain('QUYẾT ĐỊNH:');
    const art = (n: number) => texts.findIndex((t) => t.startsWith(`Điều ${n}.`));
    expect(art(1)).toBeGreaterThan(0);
    expect(art(2)).toBeGreaterThan(art(1));
    expect(art(3)).toBeGreaterThan(art(2));
    expect(texts).toContain('Nơi nhận:');
    expect(texts).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(texts).toContain('CHỦ TỊCH');
  });

  it('explains Điều 1 with the summary paragraph', () => {
    const summary = summaryParagraph(result());
    const i = texts.indexOf(summary);
    expect(i).toBe(texts.findIndex((t) => t.startsWith('Điều 1.')) + 1);
    expect(summary).toContain('1/6 đơn vị không gửi báo cáo'); // Thanh tra tỉnh, of 6 units
  });

  it('ends with the appendix: the tier tables in rank order, then errors, then no report', () => {
    const start = texts.indexOf('PHỤ LỤC');
    expect(start).toBeGreaterThan(texts.indexOf('CHỦ TỊCH'));
    const appendix = texts.slice(start);
    expect(appendix).toContain('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI MỨC ĐỘ XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ CÁC CẤP NĂM 2018');
    const at = (t: string) => appendix.indexOf(t);
    const order = [
      'Sở Tài chính',
      'Sở Công Thương',
      'Sở Nội vụ',
      'Đơn vị có số liệu cần sửa',
      '=HYPERLINK("x")',
      'Đơn vị không gửi báo cáo',
      'Thanh tra tỉnh',
      'Xã Kim Hỷ',
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Scores with a decimal comma: 106,00 and 98,15 (%) for Sở Công Thương.
    const row = appendix.slice(at('Sở Công Thương') - 1, at('Sở Công Thương') + 8);
    expect(row).toEqual(['2', 'Sở Công Thương', '48,00', 'Mức 1', '58,00', 'Mức 2', '106,00', '98,15', '2']);
    // The table header repeats on each page.
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('keeps names with XML characters in the appendix, in a document a conforming parser reads', async () => {
    const odd = 'Sở A & B <Ban "C"> \u0001';
    const zip = await JSZip.loadAsync(
      await decisionDraftBytes(score(grid([HEADER, section('I. CẤP TỈNH'), unitRow(1, odd, null, perfect())])), settings),
    );
    const doc = await zip.file('word/document.xml')!.async('string');
    const parser = new SaxesParser();
    const seen: string[] = [];
    parser.on('text', (t) => seen.push(t));
    expect(() => parser.write(doc).close()).not.toThrow();
    expect(seen).toContain('Sở A & B <Ban "C"> ');
    // The appendix table's cells take their look from the two paragraph styles.
    const styleXml = await zip.file('word/styles.xml')!.async('string');
    expect(styleXml).toContain('w:styleId="PhuLucTrai"');
    expect(styleXml).toContain('w:styleId="PhuLucGiua"');
    expect(doc).not.toContain('CqdtBangPhuLuc');
  });

  it('keeps a name that looks like a formula as plain text', () => {
    expect(xml).not.toContain('<w:fldSimple');
    expect(xml).not.toContain('<w:instrText');
  });

  it('uses Times New Roman on A4 with the decree’s margins, the appendix landscape', () => {
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('w:ascii="Times New Roman"');
    // A4 portrait 210 × 297 mm = 11906 × 16838 twips; margins 20, 20, 30, 15 mm (1 mm = 56,7 twips).
    const sections = xml.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    const [portrait, landscape] = sections;
    expect(portrait).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(portrait).toContain('<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"');
    expect(landscape).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // Body text 14 pt (28 half-points) by default.
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  (canConvertDocx() ? it : it.skip)(
    'converts to PDF with LibreOffice',
    () => {
      const dir = tempDir('cqdt-docx-');
      const docx = path.join(dir, 'du-thao.docx');
      writeFileSync(docx, bytes);
      expect(convertWithLibreOffice(docx, 'pdf', dir)).toBe(0);
      const pdf = path.join(dir, 'du-thao.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    150000,
  );
});

describe('the appendix as printed', () => {
  const samples = [
    { file: 'bac-kan-2018.xlsx', year: 2018, rubric: null },
    { file: 'cds-2025-mau.xlsx', year: 2025, rubric: compileRubric(builtinRubric('cds-2025-mau')!) },
  ];

  (canConvertDocx() && canReadPdf() ? it : it.skip)(
    'keeps every figure, level and grade of both samples on one line of its cell',
    async () => {
      const dir = tempDir('cqdt-appendix-');
      for (const { file, year, rubric } of samples) {
        const grids = await readGrids(path.join(__dirname, '..', 'examples', file));
        const scored = score(grids, rubric ? { rubric } : {});
        const draftSettings = decisionSettings({ year }, scored.rubric.rubric);
        const docx = path.join(dir, file.replace('.xlsx', '.docx'));
        writeFileSync(docx, await decisionDraftBytes(scored, draftSettings));
        expect(convertWithLibreOffice(docx, 'pdf', dir)).toBe(0);
        const text = pdfLines(docx.replace('.docx', '.pdf')).join('\n');
        // Each cell that is not a name, as the appendix writes it, is found whole on the printed page
        // as often as the tables hold it: a cell too narrow would break it over two lines.
        const counts = new Map<string, number>();
        for (const table of rankingTables(scored, draftSettings.year).tables) {
          table.columns.forEach((column, i) => {
            if (column.kind === 'name' || column.kind === 'district') return;
            for (const section of table.sections) {
              for (const row of section.rows) {
                const shown = cellText(row.cells[i], formatCents);
                if (shown.length > 3) counts.set(shown, (counts.get(shown) ?? 0) + 1);
              }
            }
          });
        }
        expect(counts.size).toBeGreaterThan(10);
        const found = (s: string) => text.split(s).length - 1;
        const short = [...counts].filter(([shown, n]) => found(shown) < n).map(([shown]) => shown);
        expect(short).toEqual([]);
      }
    },
    300000,
  );
});

describe('settings: the evaluated year', () => {
  const today = new Date(2019, 3, 9); // the notice's date
  const sheet = (titles: CellValue[][]) => grid([...titles, HEADER, unitRow(1, 'Sở Tài chính', 'tỉnh', perfect())]);

  it('takes the year from the title rows above the header', () => {
    const g = sheet([['BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CQĐT NĂM 2018'], ['(Kèm theo Công văn số 12/STTTT ngày 05/01/2019)']]);
    expect(defaultYear(g, today)).toBe(2018);
  });

  it('prefers "năm YYYY" to another year cited in the titles', () => {
    const g = sheet([['Theo Quyết định 2392/QĐ-BTTTT ngày 25/12/2017'], ['Số liệu năm 2018']]);
    expect(defaultYear(g, today)).toBe(2018);
  });

  it('ignores years below the header and falls back to the previous calendar year', () => {
    const g = grid([HEADER, unitRow(1, 'Sở Tài chính 2020', 'tỉnh', perfect())]);
    expect(defaultYear(g, today)).toBe(2018);
    expect(defaultYear(null, new Date(2025, 0, 15))).toBe(2024);
  });

  it('fills in the defaults and keeps what the user set', () => {
    const s = decisionSettings({ year: 2018, province: 'Thái Nguyên', decisionNumber: '' }, BUILTIN_RUBRIC);
    expect(s.province).toBe('Thái Nguyên');
    expect(s.decisionNumber).toBe('…');
    expect(s.department).toBe('Sở Thông tin và Truyền thông');
  });
});
