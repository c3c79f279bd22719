/**
 * `npm run validate`: the manifest checked offline against Microsoft's own manifest schemas with
 * xmllint — as it is, and as the build rewrites it for a deployed address — and a manifest with
 * the mistakes IT could make when editing it by hand (a string over Office's limit, elements out
 * of order) refused with the element named.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.js');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const describeWithXmllint = hasXmllint ? describe : describe.skip;
if (!hasXmllint)
  process.stderr.write('Bỏ qua kiểm tra manifest theo lược đồ: không có xmllint (apt-get install -y libxml2-utils).\n');

function validate(...files: string[]) {
  const run = spawnSync(process.execPath, [SCRIPT, ...files], { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

function edited(name: string, change: (xml: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cqdt-manifest-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, change(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')));
  return file;
}

describeWithXmllint('npm run validate', () => {
  test('the manifest, as it is and as built for a deployed address, is valid', () => {
    const { status, out } = validate();
    expect(status).toBe(0);
    expect(out).toMatch(/Hợp lệ .*: manifest\.xml\n/);
    expect(out).toMatch(/sau npm run build/);
  });

  test('a display name over 125 characters is refused, naming the element', () => {
    const file = edited('dai.xml', (xml) =>
      xml.replace('DefaultValue="Chấm điểm CQĐT">', `DefaultValue="${'Chấm điểm '.repeat(14)}">`),
    );
    const { status, out } = validate(file);
    expect(status).toBe(1);
    expect(out).toMatch(/KHÔNG hợp lệ/);
    expect(out).toMatch(/DisplayName/);
  });

  test('elements out of order are refused, naming the element', () => {
    const file = edited('thu-tu.xml', (xml) => {
      const hosts = /\s*<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/.exec(xml)![0];
      return xml.replace(hosts, '').replace('<Permissions>', `${hosts}\n  <Permissions>`);
    });
    const { status, out } = validate(file);
    expect(status).toBe(1);
    expect(out).toMatch(/Hosts/);
  });

  test('the schemas in the repository are the published ones, fixed only in the temporary copy', () => {
    const published = fs.readFileSync(path.join(ROOT, 'test/addin/manifest-schemas/OfficeAppManifestV1_1.xsd'), 'utf8');
    expect(published).toMatch(/https:\/\/www\.w3\.org\//);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { compilable } = require(SCRIPT);
    expect(compilable(published)).not.toMatch(/https:\/\/www\.w3\.org\//);
    expect(compilable(published)).not.toMatch(/ContentAppVersionOverridesV1_0\.xsd/);
  });
});
