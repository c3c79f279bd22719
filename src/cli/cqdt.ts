/**
 * `cqdt score INPUT.xlsx …` (docs/dong-lenh.md): scores a workbook file with the same engine as the
 * add-in. Everything is computed in memory first; files are written only when all succeeded.
 */
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { builtinRubric } from '../rubric/builtins';
import { formatTierCounts } from './printSummary';
import { builtinList, resolveRubricOption } from './rubricOption';
import { summaryParagraph } from '../report/summary';
import { unitListFromJson } from '../sheet/unitList';
import { PreviousSource, scoreXlsx } from '../workbook/xlsx/scoreXlsx';

export const USAGE = `Cách dùng:
  cqdt score INPUT.xlsx [--sheet TÊN] [--units UNITS.json] [--rubric RUBRIC.json|MÃ]
                        [--out SCORED.xlsx] [--json RESULT.json] [--docx DRAFT.docx]
                        [--year NĂM] [--province TỈNH] [--previous NĂM_TRƯỚC.xlsx|.json]
  cqdt rubric [MÃ] [--out RUBRIC.json] ghi một bộ tiêu chí có sẵn ra JSON (để sửa rồi dùng với --rubric)
  cqdt rubric --list                   liệt kê các bộ tiêu chí có sẵn

  --sheet   trang cần chấm (mặc định: trang đầu tiên có bảng tổng hợp)
  --units   danh mục đơn vị phải báo cáo (JSON: [{"name","tier","district"}], tier là mã cấp của bộ tiêu chí)
  --rubric  bộ tiêu chí: tệp JSON hoặc mã bộ có sẵn (bac-kan-2018, cds-2025-mau); mặc định: trang "Tiêu chí"
            trong tệp, nếu không có thì bộ bac-kan-2018
  --out     bản sao đã chấm: kết quả ghi cạnh số liệu, tô màu, trang "Xếp hạng" (tệp gốc không bị sửa)
  --json    kết quả dạng JSON
  --docx    dự thảo quyết định công bố kết quả (.docx)
  --year    năm đánh giá (mặc định: năm ghi ở dòng tiêu đề của bảng, nếu không có thì năm trước)
  --province tên tỉnh trong dự thảo (mặc định: tỉnh của bộ tiêu chí)
  --previous kết quả năm trước (bản đã chấm .xlsx hoặc JSON của --json) để so sánh: tổng điểm năm trước,
             thay đổi, số đơn vị lên/xuống mức; đơn vị không khớp tên được liệt kê`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
};

class CliError extends Error {}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CliError(`Không đọc được ${what} "${file}"`);
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

async function scoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      sheet: { type: 'string' },
      units: { type: 'string' },
      rubric: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'string' },
      docx: { type: 'string' },
      year: { type: 'string' },
      province: { type: 'string' },
      previous: { type: 'string' },
    },
  });
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year)) throw new CliError(`--year cần một năm bốn chữ số, không phải "${values.year}"`);
  }
  if (positionals.length !== 1) throw new CliError('Cần đúng một tệp .xlsx để chấm');
  const input = positionals[0];
  if (!existsSync(input)) throw new CliError(`Không có tệp "${input}"`);
  for (const option of ['out', 'json', 'docx'] as const) {
    const target = values[option];
    if (target && samePath(target, input)) {
      throw new CliError(`--${option} không được trùng với tệp đầu vào "${input}": tệp gốc không bao giờ bị ghi đè`);
    }
  }

  let rubric = null;
  if (values.rubric) {
    const loaded = await resolveRubricOption(values.rubric);
    if (!loaded.ok) throw new CliError(loaded.message);
    rubric = loaded.rubric;
  }
  let unitList = null;
  if (values.units) {
    let data: unknown;
    try {
      data = JSON.parse(await readText(values.units, 'tệp danh mục đơn vị'));
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`Tệp danh mục đơn vị "${values.units}" không phải JSON hợp lệ: ${(e as Error).message}`);
    }
    const list = unitListFromJson(data, `"${values.units}"`);
    if (!list.ok) throw new CliError(list.message);
    unitList = list.list;
  }

  let previous: PreviousSource | null = null;
  if (values.previous) {
    const file = values.previous;
    if (!existsSync(file)) throw new CliError(`Không có tệp năm trước "${file}"`);
    if (/\.json$/i.test(file)) {
      try {
        previous = { kind: 'json', data: JSON.parse(await readText(file, 'tệp kết quả năm trước')), name: file };
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`Tệp kết quả năm trước "${file}" không phải JSON hợp lệ (${(e as Error).message})`);
      }
    } else {
      previous = { kind: 'xlsx', bytes: new Uint8Array(await readFile(file)), name: file };
    }
  }

  const bytes = new Uint8Array(await readFile(input));
  const scored = await scoreXlsx({
    bytes,
    sheetName: values.sheet ?? null,
    rubric,
    unitList,
    scoredCopy: !!values.out,
    decisionDraft: !!values.docx,
    previous,
    settings: { ...(year ? { year } : {}), ...(values.province ? { province: values.province } : {}) },
  });
  if (!scored.ok) throw new CliError(`${input}: ${scored.message}`);
  const { output } = scored;

  // Everything is ready: now write, then report.
  const written: string[] = [];
  if (values.out && output.scoredCopy) {
    await writeAtomically(values.out, output.scoredCopy);
    written.push(values.out);
  }
  if (values.json) {
    await writeAtomically(values.json, `${JSON.stringify(output.json, null, 2)}\n`);
    written.push(values.json);
  }
  if (values.docx && output.decisionDraft) {
    await writeAtomically(values.docx, output.decisionDraft);
    written.push(values.docx);
  }
  for (const w of output.warnings) io.stderr(`Lưu ý: ${w}`);
  io.stdout(formatTierCounts(output.result));
  io.stdout(`\nTóm tắt (năm ${output.settings.year}):\n${summaryParagraph(output.result)}`);
  if (written.length) io.stdout(`\nĐã ghi: ${written.join(', ')}`);
  return 0;
}

async function rubricCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, list: { type: 'boolean' } },
  });
  if (values.list) {
    io.stdout(builtinList());
    return 0;
  }
  if (positionals.length > 1) throw new CliError('Chỉ ghi một bộ tiêu chí mỗi lần (xem: cqdt rubric --list)');
  const rubric = positionals.length ? builtinRubric(positionals[0]) : BUILTIN_RUBRIC;
  if (!rubric) throw new CliError(`Không có bộ tiêu chí có sẵn mã "${positionals[0]}" (xem: cqdt rubric --list)`);
  const text = `${JSON.stringify(rubric, null, 2)}\n`;
  if (values.out) {
    await writeAtomically(values.out, text);
    io.stdout(`Đã ghi bộ tiêu chí ${rubric.id} vào ${values.out}`);
  } else {
    io.stdout(text.trimEnd());
  }
  return 0;
}

/** Runs the command line; returns the exit status (0 scored, 1 could not be scored). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'score') return await scoreCommand(rest, io);
    if (command === 'rubric') return await rubricCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    throw new CliError(command ? `Lệnh không hợp lệ "${command}"` : 'Thiếu lệnh');
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`cqdt: ${e.message}`);
      return 1;
    }
    // parseArgs reports unknown options with a TypeError carrying a code.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`cqdt: ${(e as Error).message} (xem: cqdt --help)`);
      return 1;
    }
    io.stderr(`cqdt: lỗi không mong đợi: ${(e as Error).stack ?? e}`);
    return 1;
  }
}
