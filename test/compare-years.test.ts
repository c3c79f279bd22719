/**
 * Change since last year, on the two bundled sample years: last year's totals beside this
 * year's, the level moves per tier and category, and unmatched units listed, never guessed.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../src/cli/cqdt';
import { BuiltinUnitJson, tempDir } from './support/sheets';

const EXAMPLES = path.join(__dirname, '..', 'examples');

async function cli(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
  return { code, text: out.join('\n') };
}

type Unit = BuiltinUnitJson;
const levelStanding = (l: number | null) => (l === null ? 0 : 100 - l);

describe('change since last year', () => {
  const dir = tempDir();
  const json2018 = path.join(dir, '2018.json');
  const scored2018 = path.join(dir, '2018.xlsx');
  let r2018: { units: Unit[] };

  beforeAll(async () => {
    expect((await cli(['score', path.join(EXAMPLES, 'bac-kan-2018.xlsx'), '--json', json2018, '--out', scored2018])).code).toBe(
      0,
    );
    r2018 = JSON.parse(readFileSync(json2018, 'utf8'));
  });

  it("puts last year's total and the change beside each unit, from the JSON or the scored workbook alike", async () => {
    const fromJson = path.join(dir, 'a.json');
    const fromXlsx = path.join(dir, 'b.json');
    const run = await cli(['score', path.join(EXAMPLES, 'bac-kan-2019.xlsx'), '--previous', json2018, '--json', fromJson]);
    expect(run.code).toBe(0);
    await cli(['score', path.join(EXAMPLES, 'bac-kan-2019.xlsx'), '--previous', scored2018, '--json', fromXlsx]);
    const a = JSON.parse(readFileSync(fromJson, 'utf8'));
    const b = JSON.parse(readFileSync(fromXlsx, 'utf8'));
    expect(a.units.map((u: Unit) => u.previous)).toEqual(b.units.map((u: Unit) => u.previous));
    expect(a.previous).toMatchObject({ year: 2018, unmatched: [], unmatchedPrevious: [] });

    for (const u of a.units as Unit[]) {
      const last = r2018.units.find((p) => p.name === u.name && p.district === u.district)!;
      expect(u.previous!.total).toBe(last.total);
      if (u.total !== null && last.total !== null) expect(u.previous!.change).toBeCloseTo(u.total - last.total, 10);
      else expect(u.previous!.change).toBeNull();
    }

    // Level moves per tier and category, counted from the two results independently.
    const expected: Record<string, { up: number; down: number }> = {};
    for (const u of a.units as Unit[]) {
      const last = r2018.units.find((p) => p.name === u.name && p.district === u.district)!;
      if (u.status !== 'scored' || last.status !== 'scored') continue;
      for (const cat of ['readiness', 'results']) {
        const key = `${u.tier}:${cat}`;
        expected[key] ??= { up: 0, down: 0 };
        const [now, then] = [u.categories[cat]?.level ?? null, last.categories[cat]?.level ?? null];
        if (levelStanding(now) > levelStanding(then)) expected[key].up++;
        if (levelStanding(now) < levelStanding(then)) expected[key].down++;
      }
    }
    const province = `${expected['province:readiness'].up} đơn vị lên mức`;
    expect(run.text).toContain(`Với cấp tỉnh, so với năm 2018: hạng mục Điều kiện sẵn sàng có ${province}`);
    expect(expected['commune:readiness'].up).toBeGreaterThan(0);
    expect(run.text).toContain(
      `Với cấp xã, so với năm 2018: hạng mục Điều kiện sẵn sàng có ${expected['commune:readiness'].up} đơn vị lên mức`,
    );
  });

  it('lists units it cannot match instead of guessing', async () => {
    const renamed = JSON.parse(readFileSync(json2018, 'utf8'));
    const sotc = renamed.units.find((u: Unit) => u.name === 'Sở Tài chính');
    sotc.name = 'Sở Tài chính - Kế hoạch'; // a name that changed
    renamed.units.push({ ...renamed.units.find((u: Unit) => u.name === 'Sở Y tế') }); // a unit twice: ambiguous
    const previous = path.join(dir, 'renamed.json');
    writeFileSync(previous, JSON.stringify(renamed));
    const out = path.join(dir, 'c.json');
    const run = await cli(['score', path.join(EXAMPLES, 'bac-kan-2019.xlsx'), '--previous', previous, '--json', out]);
    const c = JSON.parse(readFileSync(out, 'utf8'));
    expect(c.previous.unmatched).toEqual(['Sở Tài chính', 'Sở Y tế']);
    expect(c.previous.unmatchedPrevious).toEqual(['Sở Tài chính - Kế hoạch', 'Sở Y tế', 'Sở Y tế']);
    expect(c.units.find((u: Unit) => u.name === 'Sở Tài chính').previous).toBeNull();
    expect(run.text).toContain('Chưa so sánh được: năm nay có Sở Tài chính, Sở Y tế không đối chiếu được');
  });

  it("the ranking sheet and the decision appendix gain last year's total and the change", async () => {
    const out = path.join(dir, '2019.xlsx');
    const docx = path.join(dir, '2019.docx');
    await cli(['score', path.join(EXAMPLES, 'bac-kan-2019.xlsx'), '--previous', json2018, '--out', out, '--docx', docx]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Xếp hạng')!;
    let header: unknown[] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (header.length === 0 && values.includes('Tổng điểm năm trước')) header = values;
    });
    const at = header.indexOf('Tổng điểm năm trước');
    expect(header[at - 1]).toBe('Tổng điểm');
    expect(header[at + 1]).toBe('Thay đổi');
    const zip = await JSZip.loadAsync(readFileSync(docx));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Tổng điểm năm trước');
  });
});
