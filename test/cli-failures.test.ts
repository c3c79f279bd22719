/**
 * Every failure path of the command line's contract (docs/dong-lenh.md), on real file-system
 * conditions: files that are not .xlsx named for what they are, read-only folders, a folder
 * where a file should be, a special file, a full disk, a closed pipe, Ctrl-C. Each ends with
 * one Vietnamese line on standard error, the right exit status and nothing written — no output,
 * no temporary file, an existing output left as it was.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { OutputData, OutputError, OutputTransaction } from '../src/cli/outputs';
import { tempDir, writeXlsx, HEADER, perfect, unitRow, SheetSpec } from './support/sheets';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'cqdt.js');
/** Workbooks written by other programs, kept beside the repository. */
const REAL_WORLD = path.join(__dirname, 'fixtures', 'real-world');
const isRoot = process.getuid?.() === 0;

/**
 * Runs cqdt. `bound`: as root, without the power to override file permissions (setpriv drops
 * CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH), so that a read-only folder refuses it as it refuses
 * staff — while the checkout, wherever it is, stays readable to it.
 */
function cli(args: string[], options: { bound?: boolean; input?: string } = {}) {
  const bound = options.bound && isRoot;
  const command = bound ? 'setpriv' : process.execPath;
  const full = bound ? ['--bounding-set=-dac_override,-dac_read_search', process.execPath, CLI, ...args] : [CLI, ...args];
  const res = spawnSync(command, full, { encoding: 'utf8', input: options.input });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cqdt: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/); // never a stack trace
}

function submission(): SheetSpec {
  return {
    name: 'Tổng hợp',
    rows: [
      ['BẢNG TỔNG HỢP NĂM 2018'],
      HEADER,
      ['I', 'CẤP TỈNH'],
      unitRow(1, 'Sở Tài chính', null, perfect()),
      unitRow(2, 'Sở Y tế', null, {}),
    ],
  };
}

/** A folder anyone can enter (the unprivileged runs need it), holding a scoreable workbook. */
async function workspace() {
  const dir = tempDir('cqdt-fail-');
  chmodSync(dir, 0o777);
  const input = await writeXlsx([submission()], path.join(dir, 'in.xlsx'));
  chmodSync(input, 0o644);
  return { dir, input };
}

let converted: Record<string, string> = {};

beforeAll(async () => {
  // Real files from another program: LibreOffice writes the .xls and the .ods.
  const { dir, input } = await workspace();
  const profile = tempDir('cqdt-lo-');
  for (const ext of ['xls', 'ods']) {
    execFileSync(
      'soffice',
      ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', ext, '--outdir', dir, input],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
  }
  converted = { xls: path.join(dir, 'in.xls'), ods: path.join(dir, 'in.ods') };
}, 180_000);

describe('files that are not a readable .xlsx are named for what they are, with what to do', () => {
  it.each([
    ['an Excel 97–2003 workbook', () => converted.xls, /Excel 97–2003 \(\.xls\).*Lưu thành/],
    ['an OpenDocument spreadsheet', () => converted.ods, /OpenDocument \(\.ods\).*Lưu thành \.xlsx/],
  ])('%s', (_, file, pattern) => {
    const out = path.join(path.dirname(file()), 'x.out.xlsx');
    const res = cli(['score', file(), '--out', out]);
    expect(res.code).toBe(1);
    expectOneLine(res.stderr, pattern);
    expect(existsSync(out)).toBe(false);
  });

  it('a CSV, an empty file, a password-protected workbook, a damaged zip, a folder', async () => {
    const { dir, input } = await workspace();
    const csv = path.join(dir, 'bang.csv');
    writeFileSync(csv, 'STT,Tên đơn vị,R1a\n1,Sở Tài chính,100\n');
    const empty = path.join(dir, 'rong.xlsx');
    writeFileSync(empty, '');
    const damaged = path.join(dir, 'hong.xlsx');
    const whole = readFileSync(input);
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2))); // a copy cut short
    // An encrypted .xlsx is a compound file whose directory names the EncryptionInfo stream.
    const encrypted = path.join(dir, 'matkhau.xlsx');
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    writeFileSync(encrypted, cfb);
    const cases: [string, RegExp][] = [
      [csv, /CSV.*Lưu thành/],
      [empty, /tệp rỗng/],
      [damaged, /bị hỏng.*sửa/],
      [encrypted, /mật khẩu.*gỡ mật khẩu/],
      [dir, /là một thư mục/],
    ];
    for (const [file, pattern] of cases) {
      const res = cli(['score', file, '--json', path.join(dir, 'r.json')]);
      expect(res.code).toBe(1);
      expectOneLine(res.stderr, pattern);
      expect(existsSync(path.join(dir, 'r.json'))).toBe(false);
    }
  });

  it('a workbook with a part whose XML is broken names that part', () => {
    const res = cli(['score', path.join(REAL_WORLD, 'invalid-xml.xlsx')]);
    expect(res.code).toBe(1);
    expectOneLine(res.stderr, /phần "xl\/.*" trong tệp bị hỏng/);
  });
});

describe('outputs are all or nothing', () => {
  it('refuses a folder, a special file, two outputs on one file and an output on an input, before any work', async () => {
    const { dir, input } = await workspace();
    const units = path.join(dir, 'units.json');
    writeFileSync(units, '[]');
    const cases: [string[], RegExp][] = [
      [['--out', dir], /là một thư mục/],
      [['--json', '/dev/null'], /tệp đặc biệt/],
      [['--out', path.join(dir, 'a.xlsx'), '--docx', path.join(dir, '.', 'a.xlsx')], /--out và --docx cùng chỉ tới/],
      [['--json', input], /trùng với tệp đầu vào/],
      [['--units', units, '--json', units], /trùng với tệp của --units/],
    ];
    for (const [args, pattern] of cases) {
      const res = cli(['score', input, ...args]);
      expect(res.code).toBe(1);
      expectOneLine(res.stderr, pattern);
    }
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'units.json']);
  });

  it('a read-only folder for --json: --out is not written either, and an existing --out stays as it was', async () => {
    const { dir, input } = await workspace();
    const locked = path.join(dir, 'khoa');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const out = path.join(dir, 'out.xlsx');
    writeFileSync(out, 'bản cũ');
    chmodSync(out, 0o666);
    const res = cli(['score', input, '--out', out, '--json', path.join(locked, 'r.json')], { bound: true });
    expect(res.code).toBe(1);
    expectOneLine(res.stderr, /Không có quyền ghi/);
    expect(readFileSync(out, 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir).sort()).toEqual(['in.xlsx', 'khoa', 'out.xlsx']);
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a read-only folder is refused before the input is read: the first line is about the output', async () => {
    const { dir } = await workspace();
    const locked = path.join(dir, 'khoa');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const csv = path.join(dir, 'bang.csv');
    writeFileSync(csv, 'STT,Tên đơn vị\n1,Sở Tài chính\n');
    chmodSync(csv, 0o644);
    const res = cli(['score', csv, '--json', path.join(locked, 'ket-qua', 'r.json')], { bound: true });
    expect(res.code).toBe(1);
    expectOneLine(res.stderr, /Không có quyền ghi .*r\.json/);
    expect(readdirSync(locked)).toEqual([]);
  });

  (isRoot ? it : it.skip)('a full disk: nothing written, no temporary file left', async () => {
    const { dir, input } = await workspace();
    const disk = path.join(dir, 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;
    if (!mounted) return; // no way to make a small disk here
    try {
      // Fill the disk: the filler stops where the space ends.
      spawnSync('sh', ['-c', `head -c 1000000 /dev/zero > "${path.join(disk, 'filler')}"`]);
      const res = cli(['score', input, '--json', path.join(disk, 'r.json'), '--out', path.join(disk, 'out.xlsx')]);
      expect(res.code).toBe(1);
      expectOneLine(res.stderr, /Ổ đĩa đã đầy/);
      expect(readdirSync(disk)).toEqual(['filler']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });

  it('a missing folder is made for an output, and removed again when the run fails', async () => {
    const { dir, input } = await workspace();
    const ok = cli(['score', input, '--json', path.join(dir, 'ket-qua', '2018', 'r.json'), '--quiet']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(existsSync(path.join(dir, 'ket-qua', '2018', 'r.json'))).toBe(true);
    const bad = cli(['score', input, '--json', path.join(dir, 'moi', 'r.json'), '--out', '/dev/full']);
    expect(bad.code).toBe(1);
    expect(existsSync(path.join(dir, 'moi'))).toBe(false);
  });
});

describe('standard output and error', () => {
  it('a closed pipe on standard output ends printing quietly, the outputs in place', async () => {
    const { dir, input } = await workspace();
    const json = path.join(dir, 'r.json');
    const child = spawn(process.execPath, [CLI, 'score', input, '--json', json], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader goes away before anything is printed (like `| head -c0`)
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).units).toHaveLength(2);
  });

  it('`| head -c1`: one byte read, no error', async () => {
    const { input } = await workspace();
    const res = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" score "${input}" | head -c1; exit \${PIPESTATUS[0]}`], {
      encoding: 'utf8',
    });
    expect(res.stdout).toHaveLength(1);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
  });

  it('shows progress on standard error only when it is a terminal', async () => {
    const { dir, input } = await workspace();
    const piped = cli(['score', input, '--json', path.join(dir, 'a.json')]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    // `script` gives the run a terminal.
    const tty = spawnSync(
      'script',
      ['-qec', `"${process.execPath}" "${CLI}" score "${input}" --json "${path.join(dir, 'b.json')}"`, '/dev/null'],
      {
        encoding: 'utf8',
      },
    );
    expect(tty.status).toBe(0);
    expect(tty.stdout).toContain('Đang kiểm tra số liệu và chấm điểm');
    const quiet = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" score "${input}" --quiet`, '/dev/null'], {
      encoding: 'utf8',
    });
    expect(quiet.stdout.trim()).toBe('');
  });

  it('Ctrl-C: ended by the signal (the shell shows 130), one line, nothing written', async () => {
    const { dir } = await workspace();
    const fifo = path.join(dir, 'dang-cho.xlsx');
    execFileSync('mkfifo', [fifo]);
    const out = path.join(dir, 'out.xlsx');
    const child = spawn(process.execPath, [CLI, 'score', fifo, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Wait until the run has opened its input (a pipe nobody writes): it is then waiting on it.
    let writer = -1;
    while (writer < 0) {
      try {
        writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    closeSync(writer);
    expect(signal).toBe('SIGINT');
    expect(code).toBeNull();
    expectOneLine(stderr, /đã dừng.*Ctrl-C/);
    expect(readdirSync(dir).sort()).toEqual(['dang-cho.xlsx', 'in.xlsx']);
  });

  it('help, version and a bare command', () => {
    expect(cli(['--help']).code).toBe(0);
    const help = cli(['score', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('cqdt score INPUT.xlsx');
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(`cqdt ${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}`);
    const bare = cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('Cách dùng:');
  });
});

describe('decision settings stored with the workbook', () => {
  /** The settings as the pane stores them in the workbook (the add-in's document settings). */
  async function storeSettings(input: string, settings: Record<string, string>): Promise<void> {
    const zip = await JSZip.loadAsync(readFileSync(input));
    const value = JSON.stringify(settings).replace(/"/g, '&quot;');
    zip.file(
      'xl/webextensions/webextension1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{1}"><we:reference id="x" version="1.0.0.0" store="" storeType="Registry"/><we:properties><we:property name="cqdt.quyetDinh" value="${value}"/></we:properties><we:bindings/><we:snapshot/></we:webextension>`,
    );
    writeFileSync(input, await zip.generateAsync({ type: 'nodebuffer' }));
  }

  it('fill --docx and the ranking sheet; flags win over them', async () => {
    const { dir, input } = await workspace();
    await storeSettings(input, { province: 'Cao Bằng', year: '2017', decisionNumber: '123' });
    const stored = cli(['score', input, '--json', path.join(dir, 'a.json'), '--out', path.join(dir, 'a.xlsx')]);
    expect(stored.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')).year).toBe(2017);
    const copy = await JSZip.loadAsync(readFileSync(path.join(dir, 'a.xlsx')));
    const sheets = await Promise.all(
      Object.keys(copy.files)
        .filter((f) => /worksheets\/sheet\d+\.xml$/.test(f))
        .map((f) => copy.file(f)!.async('string')),
    );
    expect(sheets.join('')).toMatch(/Quyết định số 123\/QĐ-UBND.*Ủy ban nhân dân tỉnh Cao Bằng/);
    const flags = cli(['score', input, '--json', path.join(dir, 'b.json'), '--year', '2016']);
    expect(flags.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8')).year).toBe(2016);
  });

  it('a year follows one rule wherever it is typed: four digits from 2000 to 2100', async () => {
    const { dir, input } = await workspace();
    const titleYear = () => {
      const r = cli(['score', input, '--json', path.join(dir, 'title.json')]);
      expect(r.code).toBe(0);
      return JSON.parse(readFileSync(path.join(dir, 'title.json'), 'utf8')).year;
    };
    const fromTitle = titleYear();
    const flag = cli(['score', input, '--json', path.join(dir, 'a.json'), '--year', '1999']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--year cần một năm bốn chữ số từ 2000 đến 2100, không phải "1999"');
    expect(existsSync(path.join(dir, 'a.json'))).toBe(false);
    // A stored year the pane would refuse is ignored here too: the title's year stands.
    await storeSettings(input, { year: '1999' });
    expect(titleYear()).toBe(fromTitle);
  });
});

describe('outputs, all or nothing, inside the process', () => {
  it('a failure while an output is being made is not called a write failure, and nothing is left behind', () => {
    const dir = tempDir('cqdt-out-');
    const xlsx = path.join(dir, 'out.xlsx');
    const json = path.join(dir, 'r.json');
    const transaction = new OutputTransaction([
      { option: '--out', file: xlsx },
      { option: '--json', file: json },
    ]);
    transaction.check([]);
    const failure = new Error('hỏng khi dựng RESULT.json');
    function* brokenText(): Generator<string> {
      yield '{\n';
      throw failure;
    }
    let thrown: unknown = null;
    try {
      transaction.writeTemps(
        new Map<string, OutputData>([
          [xlsx, new Uint8Array([1, 2, 3])],
          [json, brokenText()],
        ]),
      );
    } catch (e) {
      thrown = e;
    }
    // The error itself comes through (the command line words it as unexpected), not a file-system sentence.
    expect(thrown).toBe(failure);
    expect(thrown).not.toBeInstanceOf(OutputError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
