/**
 * Office's document settings (Office.context.document.settings) over the fake workbook: an
 * in-memory copy that `saveAsync` writes into the file (WorkbookState.settings). As in Office,
 * values are stored as JSON — what cannot be serialised is refused — and the whole set is
 * limited in size; a save can be made to fail, as it does when the file is read-only.
 */
import { fakeError } from './workbookState';
import type { WorkbookState } from './workbookState';

/** Office's limit for an add-in's settings in one document. */
export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

export class FakeDocumentSettings {
  private copy: Map<string, string>;
  /** The next save fails (a read-only file, a lost connection). */
  failNextSave = false;

  constructor(private readonly state: WorkbookState) {
    this.copy = new Map([...state.settings].map(([k, v]) => [k, JSON.stringify(v)]));
  }

  get(name: string): unknown {
    const text = this.copy.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  set(name: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined) throw fakeError('InvalidArgument', `Giá trị của "${name}" không lưu được dạng JSON`);
    this.copy.set(name, text);
  }

  remove(name: string): void {
    this.copy.delete(name);
  }

  saveAsync(callback?: (result: { status: string; error?: { message: string; code: number } }) => void): void {
    setTimeout(() => {
      const size = [...this.copy].reduce((n, [k, v]) => n + k.length + v.length, 0);
      if (this.failNextSave || size > SETTINGS_LIMIT_BYTES) {
        this.failNextSave = false;
        callback?.({ status: 'failed', error: { message: 'The settings could not be saved.', code: 5011 } });
        return;
      }
      this.state.settings = new Map([...this.copy].map(([k, v]) => [k, JSON.parse(v)]));
      callback?.({ status: 'succeeded' });
    }, 0);
  }
}
