/**
 * `cqdt score INPUT.xlsx …` (docs/dong-lenh.md): scores a workbook file with the same engine as
 * the add-in. Everything is computed in memory first; the outputs are then written all or
 * nothing (./outputs). Exit status 0 scored, 1 not scored or not written (one Vietnamese line on
 * standard error), 2 a usage error (with the usage), 130 stopped by Ctrl-C. Never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ParseArgsConfig, parseArgs } from 'node:util';
import { BUILTIN_RUBRIC } from '../rubric/builtin';
import { BUILTIN_RUBRICS, builtinRubric } from '../rubric/builtins';
import { compileRubric } from '../rubric/compiled';
import { rubricFromJsonText } from '../rubric/loadRubric';
import { builtinList, unknownRubricMessage } from './rubricOption';
import { formatTierCounts } from './printSummary';
import { summaryParagraph } from '../report/summary';
import { typedYear } from '../report/settings';
import { unitListFromJson } from '../sheet/unitList';
import { PreviousSource, ScoreStep, scoreXlsx } from '../workbook/xlsx/scoreXlsx';
import { fileErrorMessage } from './fileErrors';
import { jsonPieces } from './jsonText';
import { OutputData, OutputError, OutputTarget, OutputTransaction, rollbackAll } from './outputs';

export const USAGE = `Cách dùng:
  cqdt score INPUT.xlsx [--sheet TÊN] [--units UNITS.json] [--rubric RUBRIC.json|MÃ]
                        [--out SCORED.xlsx] [--json RESULT.json] [--docx DRAFT.docx] [--letters THU.docx]
                        [--year NĂM] [--province TỈNH] [--previous NĂM_TRƯỚC.xlsx|.json] [--quiet]
  cqdt rubric [MÃ] [--out RUBRIC.json] ghi một bộ tiêu chí có sẵn ra JSON (để sửa rồi dùng với --rubric)
  cqdt rubric --list                   liệt kê các bộ tiêu chí có sẵn
  cqdt --help | cqdt score --help      cách dùng
  cqdt --version                       phiên bản

  --sheet   trang cần chấm (mặc định: trang đầu tiên có bảng tổng hợp)
  --units   danh mục đơn vị phải báo cáo (JSON: [{"name","tier","district"}], tier là mã cấp của bộ tiêu chí)
  --rubric  bộ tiêu chí: tệp JSON hoặc mã bộ có sẵn (${BUILTIN_RUBRICS.map((r) => r.id).join(', ')}; tệp có sẵn được ưu tiên);
            mặc định: trang "Tiêu chí" trong tệp, nếu không có thì bộ ${BUILTIN_RUBRIC.id}
  --out     bản sao đã chấm: kết quả ghi cạnh số liệu, tô màu, các trang "Xếp hạng", "Lộ trình" và
            "Tiêu chí còn yếu" (tệp gốc không bị sửa; mọi phần khác của tệp — biểu đồ, hình, ghi chú,
            trang khác — được giữ nguyên)
  --json    kết quả dạng JSON
  --docx    dự thảo quyết định công bố kết quả (.docx)
  --letters thư thông báo kết quả gửi từng đơn vị: điểm từng tiêu chí và lộ trình nâng mức (.docx)
  --year    năm đánh giá (mặc định: năm lưu trong tệp từ add-in, nếu không có thì năm ở dòng tiêu đề của bảng,
            nếu không có nữa thì năm trước)
  --province tên tỉnh trong dự thảo (mặc định: tỉnh lưu trong tệp từ add-in, nếu không có thì tỉnh của bộ tiêu chí)
  --previous kết quả năm trước (bản đã chấm .xlsx hoặc JSON của --json) để so sánh: tổng điểm năm trước,
             thay đổi, số đơn vị lên/xuống mức; đơn vị không khớp tên được liệt kê
  --quiet   không in gì ngoài lỗi

Mã thoát: 0 đã chấm; 1 không chấm được hoặc không ghi được (không tệp nào được ghi); 2 sai cách gọi.`;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress of a long run, shown only on a terminal. */
  progress?: (text: string | null) => void;
}

/** A failure the user can act on: one line, exit status 1. */
class CliError extends Error {}
/** A usage error: the line, then the usage, exit status 2. */
class UsageError extends Error {}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, ' ').trim();

/** Whether a path names an existing file (or anything that is not a built-in id). */
function isFile(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function version(): string {
  for (const up of ['..', path.join('..', '..')]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, up, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'cqdt-scorecard' && pkg.version) return pkg.version;
    } catch {
      /* try the next place */
    }
  }
  return 'không rõ';
}

async function readInput(file: string, what: string): Promise<Buffer> {
  try {
    if (statSync(file).isDirectory()) throw new CliError(`"${file}" là một thư mục, không phải ${what}`);
    return await readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(fileErrorMessage(e, file, 'read'));
  }
}

const STEP_TEXT: Record<ScoreStep, string> = {
  reading: 'Đang đọc tệp…',
  scoring: 'Đang kiểm tra số liệu và chấm điểm…',
  scoredCopy: 'Đang lập bản đã chấm…',
  decisionDraft: 'Đang lập dự thảo quyết định…',
  unitLetters: 'Đang lập thư kết quả gửi các đơn vị…',
};

const SCORE_OPTIONS = {
  sheet: { type: 'string' },
  units: { type: 'string' },
  rubric: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'string' },
  docx: { type: 'string' },
  letters: { type: 'string' },
  year: { type: 'string' },
  province: { type: 'string' },
  previous: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options, strict: true as const });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const m = /'([^']+)'/.exec((e as Error).message);
    const option = m?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`Không có tùy chọn "${option}"`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`Tùy chọn "${option.split(' ')[0]}" cần một giá trị`);
    throw new UsageError(`Cách gọi không hợp lệ: ${oneLine((e as Error).message)}`);
  }
}

async function scoreCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, SCORE_OPTIONS);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const quiet = !!values.quiet;
  const say = quiet ? () => undefined : io.stdout;
  const progress = quiet ? undefined : io.progress;
  let year: number | undefined;
  if (values.year !== undefined) {
    const typed = typedYear(values.year);
    if (typed === null) throw new UsageError(`--year cần một năm bốn chữ số từ 2000 đến 2100, không phải "${values.year}"`);
    year = typed;
  }
  if (positionals.length === 0) throw new UsageError('Cần một tệp .xlsx để chấm');
  if (positionals.length > 1)
    throw new UsageError(`Chỉ chấm một tệp mỗi lần, nhưng có ${positionals.length}: ${positionals.join(', ')}`);
  const input = positionals[0];

  // Every output path is checked before the (possibly long) work starts.
  const targets: OutputTarget[] = (['out', 'json', 'docx', 'letters'] as const)
    .filter((o) => values[o] !== undefined)
    .map((o) => ({ option: `--${o}`, file: values[o]! }));
  const transaction = new OutputTransaction(targets);
  const inputs = [{ option: 'INPUT', file: input }];
  // A built-in rubric's id is not a file; a file wins over a built-in rubric of the same name.
  const rubricFile = values.rubric !== undefined && isFile(values.rubric);
  for (const o of ['units', 'rubric', 'previous'] as const) {
    if (values[o] && (o !== 'rubric' || rubricFile)) inputs.push({ option: `--${o}`, file: values[o]! });
  }
  transaction.check(inputs);

  progress?.(STEP_TEXT.reading);
  let rubric = null;
  let rubricSource: 'file' | 'builtin' = 'file';
  if (values.rubric && rubricFile) {
    const text = (await readInput(values.rubric, 'tệp bộ tiêu chí')).toString('utf8');
    const loaded = rubricFromJsonText(text, `"${values.rubric}"`);
    if (!loaded.ok) throw new CliError(loaded.message);
    rubric = loaded.rubric;
  } else if (values.rubric) {
    const builtin = builtinRubric(values.rubric);
    if (!builtin) throw new CliError(unknownRubricMessage(values.rubric));
    rubric = compileRubric(builtin);
    rubricSource = 'builtin';
  }
  let unitList = null;
  if (values.units) {
    let data: unknown;
    const text = (await readInput(values.units, 'tệp danh mục đơn vị')).toString('utf8');
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new CliError(`Tệp danh mục đơn vị "${values.units}" không phải JSON hợp lệ: ${(e as Error).message}`);
    }
    const list = unitListFromJson(data, `"${values.units}"`);
    if (!list.ok) throw new CliError(list.message);
    unitList = list.list;
  }

  let previous: PreviousSource | null = null;
  if (values.previous) {
    const file = values.previous;
    const bytes = await readInput(file, 'tệp năm trước');
    if (/\.json$/i.test(file)) {
      try {
        previous = { kind: 'json', data: JSON.parse(bytes.toString('utf8')), name: file };
      } catch (e) {
        throw new CliError(`Tệp kết quả năm trước "${file}" không phải JSON hợp lệ (${(e as Error).message})`);
      }
    } else {
      previous = { kind: 'xlsx', bytes: new Uint8Array(bytes), name: file };
    }
  }

  const bytes = new Uint8Array(await readInput(input, 'tệp .xlsx'));
  const scored = await scoreXlsx({
    bytes,
    sheetName: values.sheet ?? null,
    rubric,
    rubricSource,
    unitList,
    scoredCopy: !!values.out,
    decisionDraft: !!values.docx,
    unitLetters: !!values.letters,
    previous,
    settings: { ...(year ? { year } : {}), ...(values.province ? { province: values.province } : {}) },
    onStep: (step) => progress?.(STEP_TEXT[step]),
  });
  if (!scored.ok) throw new CliError(`${input}: ${scored.message}`);
  const { output } = scored;

  // Everything is ready: now write, all or nothing, then report.
  const data = new Map<string, OutputData>();
  if (values.out && output.scoredCopy) data.set(values.out, output.scoredCopy);
  // Tens of megabytes for a large province: written as it is made.
  if (values.json) data.set(values.json, jsonPieces(output.json));
  if (values.docx && output.decisionDraft) data.set(values.docx, output.decisionDraft);
  if (values.letters && output.unitLetters) data.set(values.letters, output.unitLetters);
  if (data.size) {
    progress?.('Đang ghi các tệp kết quả…');
    transaction.writeTemps(data);
    await new Promise((resolve) => setImmediate(resolve)); // Ctrl-C here still undoes everything
    transaction.commit();
  }
  progress?.(null);
  if (!quiet) for (const w of output.warnings) io.stderr(`Lưu ý: ${oneLine(w)}`);
  say(formatTierCounts(output.result));
  say(`\nTóm tắt (năm ${output.settings.year}):\n${summaryParagraph(output.result)}`);
  if (data.size) say(`\nĐã ghi: ${[...data.keys()].join(', ')}`);
  return 0;
}

async function rubricCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.list) {
    io.stdout(builtinList());
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`Chỉ ghi một bộ tiêu chí mỗi lần, không hiểu "${positionals[1]}"`);
  const rubric = positionals.length ? builtinRubric(positionals[0]) : BUILTIN_RUBRIC;
  if (!rubric) throw new CliError(`Không có bộ tiêu chí có sẵn mã "${positionals[0]}" (xem: cqdt rubric --list)`);
  const text = `${JSON.stringify(rubric, null, 2)}\n`;
  if (values.out) {
    const transaction = new OutputTransaction([{ option: '--out', file: values.out }]);
    transaction.check([]);
    transaction.writeTemps(new Map([[values.out, text]]));
    transaction.commit();
    io.stdout(`Đã ghi bộ tiêu chí ${rubric.id} vào ${values.out}`);
  } else {
    io.stdout(text.trimEnd());
  }
  return 0;
}

/** Runs the command line; returns the exit status. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'score') return await scoreCommand(rest, io);
    if (command === 'rubric') return await rubricCommand(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`cqdt ${version()}`);
      return 0;
    }
    throw new UsageError(command ? `Không có lệnh "${command}"` : 'Cần một lệnh, chẳng hạn "cqdt score TỆP.xlsx"');
  } catch (e) {
    io.progress?.(null);
    if (e instanceof UsageError) {
      io.stderr(`cqdt: ${oneLine(e.message)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliError || e instanceof OutputError) {
      io.stderr(`cqdt: ${oneLine(e.message)}`);
      return 1;
    }
    rollbackAll();
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(
      `cqdt: lỗi không mong đợi (${oneLine(detail)}); không tệp nào được ghi — hãy báo cho người phụ trách kèm tệp đã dùng`,
    );
    return 1;
  }
}

/**
 * Standard output and error of this process: a closed pipe (`cqdt … | head`) ends printing
 * quietly; progress goes to standard error only when it is a terminal.
 */
export function processIo(): Io {
  let stdoutClosed = false;
  let stderrClosed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') stdoutClosed = true;
  });
  process.stderr.on('error', () => {
    stderrClosed = true;
  });
  let shown = false;
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(`${t}\n`);
    },
    stderr: (t) => {
      if (!stderrClosed) process.stderr.write(`${t}\n`);
    },
    progress: process.stderr.isTTY
      ? (t) => {
          if (stderrClosed) return;
          if (t === null) {
            if (shown) process.stderr.write('\r\x1b[K');
            shown = false;
          } else {
            process.stderr.write(`\r\x1b[K${t}`);
            shown = true;
          }
        }
      : undefined,
  };
}

/**
 * The entry point of bin/cqdt.js. Ctrl-C undoes any output half written, says so, and ends the
 * process by the same signal (the shell reports 130), as command-line tools do.
 */
export function run(argv: string[]): void {
  const io = processIo();
  const stop = (signal: NodeJS.Signals) => {
    rollbackAll();
    io.progress?.(null);
    io.stderr('cqdt: đã dừng theo yêu cầu (Ctrl-C); không tệp kết quả nào được ghi');
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Once the run is over its outputs are in place: Ctrl-C then is the shell's, not an undo.
  const done = (code: number) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.exitCode = code;
  };
  main(argv, io).then(done, () => done(1));
}
