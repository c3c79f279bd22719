/**
 * All-or-nothing outputs (docs/dong-lenh.md): every path is checked before anything is written;
 * each output goes to a temporary file in its own target folder (a rename across file systems
 * would fail); then existing targets are moved aside, the new files moved into place and what
 * was moved aside removed — restored if any step fails, and on Ctrl-C. Nothing is left behind.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { fileErrorMessage, openInExcel } from './fileErrors';

export class OutputError extends Error {}

/** An output's content: bytes, text, or text made piece by piece while it is written. */
export type OutputData = Uint8Array | string | Iterable<string>;

/** Pieces are gathered to about this many characters before each write. */
const WRITE_CHUNK = 1 << 16;

/** Writes text made piece by piece, a chunk at a time: the whole text never exists at once. */
function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    let pending: string[] = [];
    let chars = 0;
    for (const piece of pieces) {
      pending.push(piece);
      chars += piece.length;
      if (chars >= WRITE_CHUNK) {
        writeSync(fd, pending.join(''));
        pending = [];
        chars = 0;
      }
    }
    if (chars) writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}

export interface OutputTarget {
  /** The option that named it ("--out"), for messages. */
  option: string;
  file: string;
}

/** A path as it will be reached: its folder resolved through links, the name as given. */
function resolved(file: string): string {
  const abs = path.resolve(file);
  let dir = path.dirname(abs);
  const rest: string[] = [];
  while (!existsSync(dir) && path.dirname(dir) !== dir) {
    rest.unshift(path.basename(dir));
    dir = path.dirname(dir);
  }
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    /* keep as given */
  }
  const joined = path.join(real, ...rest, path.basename(abs));
  try {
    return existsSync(joined) ? realpathSync(joined) : joined;
  } catch {
    return joined;
  }
}

/** The folder an output lands in, or its nearest existing ancestor when folders are to be made. */
function nearestFolder(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const sameFile = (a: string, b: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;

const isSystemError = (e: unknown) => typeof (e as { code?: unknown } | null)?.code === 'string';

/** Every transaction still open, for Ctrl-C. */
const open = new Set<OutputTransaction>();

export class OutputTransaction {
  private readonly temps = new Map<string, string>();
  private readonly asides: { target: string; aside: string }[] = [];
  private readonly placed: string[] = [];
  private readonly createdDirs: string[] = [];
  private finished = false;

  constructor(readonly targets: OutputTarget[]) {}

  /**
   * Refuses, before anything is written: two outputs naming one file, an output naming an input,
   * a folder, a special file, a file that cannot be replaced, a folder that cannot be written.
   */
  check(inputs: { option: string; file: string }[]): void {
    const seen: { option: string; real: string }[] = [];
    const inputReal = inputs.map((i) => ({ ...i, real: resolved(i.file) }));
    for (const t of this.targets) {
      const real = resolved(t.file);
      const twin = seen.find((s) => sameFile(s.real, real));
      if (twin)
        throw new OutputError(`${twin.option} và ${t.option} cùng chỉ tới tệp "${t.file}": mỗi kết quả cần một tệp riêng`);
      seen.push({ option: t.option, real });
      const input = inputReal.find((i) => sameFile(i.real, real));
      if (input) {
        throw new OutputError(
          input.option === 'INPUT'
            ? `${t.option} không được trùng với tệp đầu vào "${t.file}": tệp gốc không bao giờ bị ghi đè`
            : `${t.option} không được trùng với tệp của ${input.option} "${t.file}": tệp đầu vào không bao giờ bị ghi đè`,
        );
      }
      let stat: ReturnType<typeof lstatSync> | null = null;
      try {
        stat = statSync(t.file);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code !== 'ENOENT') throw new OutputError(fileErrorMessage(e, t.file, 'write'));
      }
      if (stat?.isDirectory())
        throw new OutputError(`${t.option}: "${t.file}" là một thư mục, không phải tệp: hãy ghi rõ tên tệp`);
      if (stat && !stat.isFile()) {
        throw new OutputError(
          `${t.option}: "${t.file}" là một tệp đặc biệt (thiết bị, đường ống…), không ghi kết quả vào đó được: hãy chọn một tệp thường`,
        );
      }
      if (stat) {
        try {
          accessSync(t.file, constants.W_OK);
        } catch {
          throw new OutputError(
            `${t.option}: tệp "${t.file}" chỉ cho đọc nên không thay được: hãy bỏ thuộc tính chỉ đọc hoặc chọn tên khác`,
          );
        }
      }
      // The folder the file (or its missing folders) will be made in must take new files.
      try {
        accessSync(nearestFolder(t.file), constants.W_OK);
      } catch (e) {
        throw new OutputError(fileErrorMessage(e, t.file, 'write'));
      }
    }
  }

  /** Writes each output to its temporary file; the targets are not touched yet. */
  writeTemps(data: Map<string, OutputData>): void {
    open.add(this);
    for (const t of this.targets) {
      const bytes = data.get(t.file);
      if (bytes === undefined) continue;
      const dir = path.dirname(path.resolve(t.file));
      this.makeDir(dir, t.file);
      const temp = path.join(dir, `.${path.basename(t.file)}.${process.pid}.cqdt-tmp`);
      this.temps.set(t.file, temp);
      try {
        if (typeof bytes === 'string' || bytes instanceof Uint8Array) writeFileSync(temp, bytes, { flag: 'w' });
        else writePieces(temp, bytes);
      } catch (e) {
        this.rollback();
        // Only the file system's refusals are about the file; anything else is not, and is said as such.
        if (!isSystemError(e)) throw e;
        throw new OutputError(fileErrorMessage(e, t.file, 'write'));
      }
    }
  }

  private makeDir(dir: string, file: string): void {
    if (existsSync(dir)) return;
    const missing: string[] = [];
    for (let d = dir; !existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing.unshift(d);
    try {
      for (const d of missing) {
        mkdirSync(d);
        this.createdDirs.unshift(d);
      }
    } catch (e) {
      this.rollback();
      throw new OutputError(fileErrorMessage(e, file, 'write'));
    }
  }

  /** Moves existing targets aside, the new files into place, then removes what was moved aside. */
  commit(): void {
    try {
      for (const t of this.targets) {
        const temp = this.temps.get(t.file);
        if (!temp) continue;
        if (existsSync(t.file)) {
          const aside = path.join(path.dirname(path.resolve(t.file)), `.${path.basename(t.file)}.${process.pid}.cqdt-old`);
          this.rename(t.file, aside, t.file);
          this.asides.push({ target: t.file, aside });
        }
        this.rename(temp, t.file, t.file);
        this.temps.delete(t.file);
        this.placed.push(t.file);
      }
    } catch (e) {
      this.rollback();
      throw e;
    }
    for (const a of this.asides) {
      try {
        unlinkSync(a.aside);
      } catch {
        /* the new file is in place; a leftover old copy is harmless */
      }
    }
    this.asides.length = 0;
    this.finish();
  }

  private rename(from: string, to: string, file: string): void {
    try {
      renameSync(from, to);
    } catch (e) {
      const code = (e as { code?: string }).code;
      // Windows refuses to move a file Excel holds open.
      if (code === 'EBUSY' || (process.platform === 'win32' && code === 'EPERM')) throw new OutputError(openInExcel(file));
      throw new OutputError(fileErrorMessage(e, file, 'write'));
    }
  }

  /** Undoes everything: new files out, old ones back, temporary files and new folders gone. */
  rollback(): void {
    if (this.finished) return;
    for (const file of this.placed.reverse()) {
      try {
        unlinkSync(file);
      } catch {
        /* keep going: restore what can be restored */
      }
    }
    for (const a of this.asides.reverse()) {
      try {
        renameSync(a.aside, a.target);
      } catch {
        /* keep going */
      }
    }
    for (const temp of this.temps.values()) {
      try {
        unlinkSync(temp);
      } catch {
        /* keep going */
      }
    }
    for (const d of this.createdDirs) {
      try {
        rmdirSync(d);
      } catch {
        /* not empty: not ours to remove */
      }
    }
    this.placed.length = 0;
    this.asides.length = 0;
    this.temps.clear();
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    open.delete(this);
  }
}

/** Ctrl-C: every open transaction undone (synchronously, before the process ends). */
export function rollbackAll(): void {
  for (const t of [...open]) t.rollback();
}
