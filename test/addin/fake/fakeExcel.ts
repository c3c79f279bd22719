/**
 * A fake of the slice of the Excel JavaScript API the gateway uses, over a WorkbookState.
 *
 * It keeps the rules that make real add-ins fail: a property can be read only after it was
 * loaded and the context synced; APIs of requirement sets the fake host lacks are absent; a
 * request or response above the web's 5 MB cap fails the sync; a custom-format rule cannot be
 * loaded through `custom` on a rule of another type. Member names are checked against
 * @types/office-js through `Slice`, so a misspelt API fails to compile here and in the gateway.
 */
import { MergedArea, quoteSheetName } from '../../../src/sheet/grid';
import { FakeDocumentSettings } from './fakeSettings';
import {
  ConditionalFormatState,
  MAX_COLUMNS,
  MAX_ROWS,
  PageLayoutState,
  SheetState,
  StoredValue,
  WorkbookState,
  absoluteAddress,
  areaAddress,
  fakeError,
  intersect,
  newId,
  parseRangeAddress,
} from './workbookState';

/** A member's type as the fake must match it: functions by their parameters, data by its type, objects loosely. */
type Shallow<V> = V extends (...args: infer A) => unknown
  ? (...args: A) => unknown
  : V extends string | number | boolean | null | undefined
    ? V
    : V extends unknown[][]
      ? V
      : unknown;
/** The members K of a real Office class, which the fake class must have under the same names. */
type Slice<T, K extends keyof T> = { [P in K]: Shallow<T[P]> };

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake host supports ("1.7" = Office 2019). */
  apiVersion?: string;
  payloadLimitBytes?: number;
}

/** The fake host: the workbook, what was synced, and an OfficeHost for the gateway. */
export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  /** Makes the n-th sync from now (1-based) fail after its operations ran, as a dropped connection would. */
  failOnSync: number | null = null;
  /**
   * Makes the n-th operation from now (1-based, loads and writes as queued) fail as Excel fails a
   * batch part-way: the operations before it run, it and the rest of its batch do not, and the
   * sync that carries it throws.
   */
  failAtOperation: number | null = null;
  /** Awaited before every sync: a test holds the host here to see the pane in the middle of a Score. */
  syncGate: ((kind: 'read' | 'write') => Promise<void>) | null = null;
  readonly apiVersion: string;
  readonly payloadLimitBytes: number;

  constructor(
    readonly state: WorkbookState,
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? '1.18';
    this.payloadLimitBytes = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT;
    this.settings = new FakeDocumentSettings(state);
  }

  /** Versions compare by their parts: 1.18 is after 1.7. */
  supports(version: string): boolean {
    const [major, minor] = version.split('.').map(Number);
    const [hasMajor, hasMinor] = this.apiVersion.split('.').map(Number);
    return hasMajor > major || (hasMajor === major && hasMinor >= (minor ?? 0));
  }

  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && this.supports(version);
  }

  newContext(): FakeContext {
    return new FakeContext(this);
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(this.newContext() as unknown as Excel.RequestContext);
  }

  /** The add-in's document settings as a pane opened on this workbook would see them. */
  readonly settings: FakeDocumentSettings;

  /** An OfficeHost as the gateway expects it. */
  host() {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run(batch),
      runInContext: <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => batch(context),
      isSetSupported: (name: string, version: string) => this.isSetSupported(name, version),
      settings: this.settings,
    };
  }

  resetSyncs(): void {
    this.syncs.length = 0;
  }
}

/** UTF-8 length by the platform's own encoder (jsdom has Blob where it lacks TextEncoder). */
const utf8Length =
  typeof TextEncoder !== 'undefined'
    ? (text: string) => new TextEncoder().encode(text).length
    : (text: string) => new Blob([text]).size;

/**
 * What crosses the wire, measured as Excel on the web's cap is: the UTF-8 bytes of the JSON of
 * what a request sends or loads (a nested proxy counts by its data).
 */
export const bytesOf = (v: unknown): number =>
  utf8Length(JSON.stringify(v ?? null, (key, value) => (key === 'context' ? undefined : value)));
/** What one queued operation costs beyond its data: its object path and method, as a request carries them. */
const OPERATION_BYTES = 120;

/** Excel's own error for a request or response above the web's cap (its message as Excel words it). */
export function payloadError(requestBytes: number, responseBytes: number): Error & { code: string } {
  const e = fakeError(
    'RequestPayloadSizeLimitExceeded',
    'The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.',
  );
  Object.assign(e, { debugInfo: { code: 'RequestPayloadSizeLimitExceeded', requestBytes, responseBytes } });
  return e;
}

export class FakeContext implements Slice<Excel.RequestContext, 'sync'> {
  readonly workbook: FakeWorkbook;
  private loads: { bytes: number; apply: () => void }[] = [];
  private requestBytes = 0;
  private operations = 0;
  /** Writes queued in the batch (the rest are loads). */
  private writes = 0;
  /** Why the batch being queued will fail at its sync; from then on no operation of it runs, as in Excel. */
  private failure: Error | null = null;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get state(): WorkbookState {
    return this.excel.state;
  }

  /** The batch being queued has failed: what follows is skipped, and its sync throws. */
  get failed(): boolean {
    return this.failure !== null;
  }

  /**
   * Counts one queued operation and its payload. False means it does not run — an earlier
   * operation of the batch failed, or this one is the injected failure, or the request grew past
   * the cap — and the caller must leave the workbook as it is.
   */
  private count(bytes: number): boolean {
    this.operations++;
    this.requestBytes += bytes;
    if (this.failure) return false;
    if (this.excel.failAtOperation !== null && --this.excel.failAtOperation === 0) {
      this.excel.failAtOperation = null;
      this.failure = fakeError('GeneralException', 'An internal error has occurred.');
      return false;
    }
    if (this.requestBytes > this.excel.payloadLimitBytes) {
      // Excel refuses such a request whole; the fake has already run what came before, which is
      // the harder case for whoever must leave the workbook consistent.
      this.failure = payloadError(this.requestBytes, 0);
      return false;
    }
    return true;
  }

  /** Records a queued write and its payload; false: the write must not run (see count). */
  charge(args: unknown = null): boolean {
    this.writes++;
    return this.count(OPERATION_BYTES + bytesOf(args));
  }

  /**
   * Records a queued load: what it answers (taken now, in batch order) weighs `bytes` in the
   * response; `apply` makes it readable once the sync succeeds.
   */
  queueLoad(bytes: number, apply: () => void): void {
    if (this.count(OPERATION_BYTES)) this.loads.push({ bytes, apply });
  }

  requireApi(version: string, what: string): void {
    if (!this.excel.supports(version)) throw fakeError('ApiNotFound', `${what} cần ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    if (this.excel.syncGate) await this.excel.syncGate(this.writes > 0 ? 'write' : 'read');
    const loads = this.loads;
    const failure = this.failure;
    this.loads = [];
    this.failure = null;
    // A failed batch answers nothing: its loads stay unread.
    const responseBytes = failure ? 0 : loads.reduce((n, l) => n + l.bytes, 0);
    const record = { requestBytes: this.requestBytes, responseBytes, operations: this.operations };
    this.requestBytes = 0;
    this.operations = 0;
    this.writes = 0;
    this.excel.syncs.push(record);
    const dropped = this.excel.failOnSync !== null && --this.excel.failOnSync === 0;
    if (dropped) this.excel.failOnSync = null;
    if (failure) throw failure;
    if (dropped) throw fakeError('GeneralException', 'Mất kết nối với Excel');
    // Too large an answer is refused whole: nothing loaded becomes readable.
    if (record.responseBytes > this.excel.payloadLimitBytes) throw payloadError(record.requestBytes, record.responseBytes);
    for (const load of loads) load.apply();
  }
}

/** Load specification → top-level property names (and for collections, the items' paths). */
function parseSpec(spec: unknown): string[] {
  if (spec === undefined || spec === null) return ['*'];
  if (typeof spec === 'string')
    return spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  const sel = (spec as { select?: string }).select;
  return sel ? parseSpec(sel) : ['*'];
}

/** The shared load / sync / read discipline of every proxy. */
abstract class FakeObject {
  private readableProps = new Set<string>();
  private synced = false;
  protected data: Record<string, unknown> = {};

  constructor(
    readonly context: FakeContext,
    protected readonly isNull: boolean,
  ) {}

  get isNullObject(): boolean {
    if (!this.synced) throw fakeError('PropertyNotLoaded', `${this.constructor.name}.isNullObject đọc trước khi load và sync`);
    return this.isNull;
  }

  /** Takes what the loaded properties hold now (batch order), readable after the sync. */
  protected loadProps(props: string[]): void {
    const snapshot = this.isNull ? {} : this.snapshot(props);
    this.context.queueLoad(this.isNull ? 4 : bytesOf(snapshot), () => {
      this.synced = true;
      if (this.isNull) return;
      for (const p of props) this.readableProps.add(p === '*' ? '*' : p.split('/')[0]);
      Object.assign(this.data, snapshot);
    });
  }

  protected abstract snapshot(props: string[]): Record<string, unknown>;

  /** Marks properties as loaded by a collection's load. */
  settleFromCollection(props: string[], snapshot: Record<string, unknown>): void {
    this.synced = true;
    for (const p of props) this.readableProps.add(p);
    Object.assign(this.data, snapshot);
  }

  protected read<T>(prop: string): T {
    if (this.isNull) throw fakeError('InvalidObjectPath', `${this.constructor.name}.${prop} đọc trên đối tượng null`);
    if (!this.readableProps.has(prop) && !this.readableProps.has('*')) {
      throw fakeError('PropertyNotLoaded', `${this.constructor.name}.${prop} đọc trước khi load và sync`);
    }
    return this.data[prop] as T;
  }

  protected live(): void {
    // In a batch that already failed nothing runs, so nothing more can fail.
    if (this.isNull && !this.context.failed)
      throw fakeError('InvalidObjectPath', `${this.constructor.name}: thao tác trên đối tượng null`);
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, sheets, names

export class FakeWorkbook implements Slice<Excel.Workbook, 'worksheets' | 'names' | 'getActiveCell'> {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
  }

  /** The active cell, on the active sheet: the first cell of the selection made there, else A1. */
  getActiveCell(): FakeRange {
    this.context.requireApi('1.7', 'Workbook.getActiveCell');
    const state = this.context.state;
    const sheet = state.activeSheet;
    if (!sheet) throw fakeError('ItemNotFound', 'Không có trang đang mở');
    const here = state.selection && state.sheet(state.selection.sheet) === sheet;
    const area = here ? parseRangeAddress(state.selection!.address) : { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeRange(this.context, sheet, { top: area.top, left: area.left, bottom: area.top, right: area.left });
  }
}

export class FakeWorksheetCollection
  extends FakeObject
  implements
    Slice<
      Excel.WorksheetCollection,
      'items' | 'getActiveWorksheet' | 'getItem' | 'getItemOrNullObject' | 'add' | 'load' | 'onActivated' | 'onChanged'
    >
{
  private itemList: FakeWorksheet[] = [];

  constructor(context: FakeContext) {
    super(context, false);
  }

  get items(): FakeWorksheet[] {
    this.read('items');
    return this.itemList;
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  load(spec?: unknown): this {
    const paths = parseSpec(spec)
      .filter((p) => p.startsWith('items/'))
      .map((p) => p.slice(6));
    const sheets = this.context.state.sheets.map((s) => new FakeWorksheet(this.context, s));
    const snapshots = sheets.map((s, position) => ({
      id: s.state!.id,
      name: s.state!.name,
      standardWidth: s.state!.standardWidth,
      position,
    }));
    this.context.queueLoad(bytesOf(snapshots), () => {
      this.itemList = sheets;
      sheets.forEach((s, i) => s.settleFromCollection(paths.length ? paths : ['*'], snapshots[i]));
      this.settleFromCollection(['items'], {});
    });
    return this;
  }

  getActiveWorksheet(): FakeWorksheet {
    const active = this.context.state.activeSheet;
    if (!active) throw fakeError('ItemNotFound', 'Không có trang đang mở');
    return new FakeWorksheet(this.context, active);
  }

  getItem(key: string): FakeWorksheet {
    const sheet = this.context.state.sheet(key);
    // In a batch that already failed, the sheet may be one an operation that never ran would have made.
    if (!sheet && this.context.failed) return new FakeWorksheet(this.context, new SheetState(key));
    if (!sheet) throw fakeError('ItemNotFound', `Không có trang "${key}"`);
    return new FakeWorksheet(this.context, sheet);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.context.state.sheet(key) ?? null);
  }

  add(name?: string): FakeWorksheet {
    if (!this.context.charge(name)) return new FakeWorksheet(this.context, new SheetState(name ?? 'Sheet'));
    return new FakeWorksheet(this.context, this.context.state.addSheet(name ?? `Sheet${this.context.state.sheets.length + 1}`));
  }

  /** Changes to cell values on any sheet (ExcelApi 1.9), delivered after the change as Excel does. */
  get onChanged() {
    const context = this.context;
    return {
      add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
        context.requireApi('1.9', 'worksheets.onChanged');
        context.charge();
        const listener = (args: Excel.WorksheetChangedEventArgs) => void handler(args);
        context.state.changeListeners.push(listener);
        return {
          context,
          remove: () => {
            context.state.changeListeners = context.state.changeListeners.filter((l) => l !== listener);
          },
        };
      },
    };
  }

  get onActivated() {
    const context = this.context;
    return {
      add: (handler: () => Promise<unknown>) => {
        context.requireApi('1.7', 'worksheets.onActivated');
        context.charge();
        const listener = () => void handler();
        context.state.activationListeners.push(listener);
        return {
          context,
          remove: () => {
            context.state.activationListeners = context.state.activationListeners.filter((l) => l !== listener);
          },
        };
      },
    };
  }
}

export class FakeWorksheet
  extends FakeObject
  implements
    Slice<
      Excel.Worksheet,
      | 'name'
      | 'id'
      | 'standardWidth'
      | 'getRange'
      | 'getRangeByIndexes'
      | 'getUsedRangeOrNullObject'
      | 'activate'
      | 'load'
      | 'notes'
      | 'autoFilter'
      | 'tables'
      | 'protection'
      | 'position'
      | 'delete'
      | 'pageLayout'
      | 'horizontalPageBreaks'
    >
{
  constructor(
    context: FakeContext,
    readonly state: SheetState | null,
  ) {
    super(context, state === null);
  }

  get name(): string {
    return this.read('name');
  }

  /** Renames the sheet; defined names that refer to it follow, as in Excel. */
  set name(name: string) {
    this.live();
    if (!this.context.charge(name)) return;
    this.context.state.renameSheet(this.state!, name);
  }

  get id(): string {
    return this.read('id');
  }

  get standardWidth(): number {
    return this.read('standardWidth');
  }

  get position(): number {
    return this.read('position');
  }

  set position(position: number) {
    this.live();
    if (!this.context.charge(position)) return;
    this.context.state.moveSheet(this.state!, position);
  }

  protected snapshot(): Record<string, unknown> {
    return {
      id: this.state!.id,
      name: this.state!.name,
      standardWidth: this.state!.standardWidth,
      position: this.context.state.sheets.indexOf(this.state!),
    };
  }

  delete(): void {
    this.live();
    if (!this.context.charge()) return;
    this.context.state.removeSheet(this.state!);
  }

  /** Manual page breaks above a row (ExcelApi 1.9), kept in the sheet's print setup. */
  get horizontalPageBreaks() {
    this.context.requireApi('1.9', 'Worksheet.horizontalPageBreaks');
    this.live();
    const context = this.context;
    const sheet = this.state!;
    return {
      add: (pageBreakRange: unknown) => {
        const area = pageBreakRange instanceof FakeRange ? pageBreakRange.area : parseRangeAddress(String(pageBreakRange));
        if (!context.charge(String(pageBreakRange))) return;
        if (!area || area.top === 0) throw fakeError('InvalidArgument', 'Ngắt trang phải ở dưới dòng đầu');
        const breaks = (sheet.pageLayout.pageBreaks ??= []);
        if (!breaks.includes(area.top + 1)) breaks.push(area.top + 1);
      },
    };
  }

  get pageLayout(): FakePageLayout {
    this.context.requireApi('1.9', 'Worksheet.pageLayout');
    this.live();
    return new FakePageLayout(this.context, this.state!);
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  getRange(address?: string): FakeRange {
    if (!this.state) return new FakeRange(this.context, null, null);
    const area = address ? parseRangeAddress(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
    return new FakeRange(this.context, this.state, area);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requireApi('1.7', 'getRangeByIndexes');
    if (rowCount < 1 || columnCount < 1) throw fakeError('InvalidArgument', 'Vùng rỗng');
    const area = {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: Math.min(MAX_COLUMNS - 1, startColumn + columnCount - 1),
    };
    return new FakeRange(this.context, this.state, this.state ? area : null);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (!valuesOnly) throw fakeError('NotImplemented', 'Bản giả chỉ có vùng đã dùng theo giá trị');
    const area = this.state ? this.state.usedArea() : null;
    return new FakeRange(this.context, area ? this.state : null, area);
  }

  activate(): void {
    this.live();
    if (!this.context.charge()) return;
    this.context.state.activate(this.state!);
  }

  get notes(): FakeNoteCollection {
    this.context.requireApi('1.18', 'Worksheet.notes');
    return new FakeNoteCollection(this.context, this.state);
  }

  get autoFilter(): FakeAutoFilter {
    this.context.requireApi('1.9', 'Worksheet.autoFilter');
    return new FakeAutoFilter(this.context, this.state);
  }

  get protection(): FakeWorksheetProtection {
    return new FakeWorksheetProtection(this.context, this.state);
  }

  get tables() {
    const count = this.state?.tables ?? 0;
    return { getCount: () => new FakeClientResult(this.context, count) };
  }
}

export class FakeWorksheetProtection extends FakeObject implements Slice<Excel.WorksheetProtection, 'protected' | 'load'> {
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState | null,
  ) {
    super(context, sheet === null);
  }

  protected snapshot(): Record<string, unknown> {
    return { protected: this.sheet!.protected };
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  get protected(): boolean {
    return this.read('protected');
  }
}

export class FakeClientResult implements Slice<OfficeExtension.ClientResult<number>, 'value'> {
  private settled = false;

  constructor(
    context: FakeContext,
    private readonly result: number,
  ) {
    context.queueLoad(bytesOf(result), () => {
      this.settled = true;
    });
  }

  get value(): number {
    if (!this.settled) throw fakeError('PropertyNotLoaded', 'ClientResult.value đọc trước khi sync');
    return this.result;
  }
}

export class FakeNamedItemCollection implements Slice<Excel.NamedItemCollection, 'getItem' | 'getItemOrNullObject' | 'add'> {
  constructor(readonly context: FakeContext) {}

  getItem(name: string): FakeNamedItem {
    if (!this.context.state.names.has(name) && !this.context.failed) throw fakeError('ItemNotFound', `Không có tên "${name}"`);
    return new FakeNamedItem(this.context, name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.context.state.names.has(name) ? name : null);
  }

  add(name: string, reference: unknown): FakeNamedItem {
    if (!this.context.charge(name)) return new FakeNamedItem(this.context, name);
    if (this.context.state.names.has(name)) throw fakeError('ItemAlreadyExists', `Tên "${name}" đã có`);
    if (!(reference instanceof FakeRange) || !reference.sheet || !reference.area) {
      throw fakeError('InvalidArgument', 'Bản giả chỉ nhận một Range làm tham chiếu');
    }
    this.context.state.setName(name, reference.sheet, reference.area);
    return new FakeNamedItem(this.context, name);
  }
}

export class FakeNamedItem extends FakeObject implements Slice<Excel.NamedItem, 'formula' | 'delete' | 'load'> {
  constructor(
    context: FakeContext,
    private readonly itemName: string | null,
  ) {
    super(context, itemName === null);
  }

  get formula(): string {
    return this.read('formula');
  }

  /** Points the name elsewhere in one operation: "='Sheet'!$A$1:$B$2", as Excel takes it. */
  set formula(formula: string) {
    this.live();
    if (!this.context.charge(formula)) return;
    const m = /^=(.+)!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(formula);
    const sheet = m ? this.context.state.sheet(m[1].replace(/^'(.*)'$/, '$1').replace(/''/g, "'")) : undefined;
    if (!m || !sheet) throw fakeError('InvalidArgument', `Công thức của tên không hợp lệ: ${formula}`);
    this.context.state.setName(this.itemName!, sheet, parseRangeAddress(m[2]));
  }

  protected snapshot(): Record<string, unknown> {
    return { formula: this.context.state.names.get(this.itemName!) ?? null, name: this.itemName };
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  delete(): void {
    this.live();
    if (!this.context.charge()) return;
    this.context.state.names.delete(this.itemName!);
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

function excelValue(v: StoredValue): unknown {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function valueType(v: StoredValue): string {
  if (v === null || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'object') return 'Error';
  return 'String';
}

/** A value set through `values`, read the way Excel reads typed input. */
function storedFromInput(v: unknown): StoredValue | undefined {
  if (v === null || v === undefined) return undefined; // null leaves the cell as it is
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const text = String(v);
  if (text === '') return null;
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith('=')) throw fakeError('InvalidArgument', `Bản giả không ghi công thức: ${text}`);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === 'TRUE';
  return text;
}

const MAX_FORMATTED_CELLS = 5_000_000;

export class FakeRange
  extends FakeObject
  implements
    Slice<
      Excel.Range,
      | 'address'
      | 'rowIndex'
      | 'columnIndex'
      | 'rowCount'
      | 'columnCount'
      | 'values'
      | 'valueTypes'
      | 'numberFormat'
      | 'columnHidden'
      | 'format'
      | 'conditionalFormats'
      | 'load'
      | 'clear'
      | 'select'
      | 'merge'
      | 'getIntersectionOrNullObject'
      | 'getMergedAreasOrNullObject'
    >
{
  constructor(
    context: FakeContext,
    readonly sheet: SheetState | null,
    readonly area: MergedArea | null,
  ) {
    super(context, sheet === null || area === null);
  }

  private get rows(): number {
    return this.area!.bottom - this.area!.top + 1;
  }

  private get cols(): number {
    return this.area!.right - this.area!.left + 1;
  }

  protected snapshot(props: string[]): Record<string, unknown> {
    const all = props.includes('*');
    const want = (p: string) => all || props.includes(p);
    const a = this.area!;
    const s = this.sheet!;
    const out: Record<string, unknown> = {};
    if (want('address')) out.address = `${quoteSheetName(s.name)}!${areaAddress(a)}`;
    if (want('rowIndex')) out.rowIndex = a.top;
    if (want('columnIndex')) out.columnIndex = a.left;
    if (want('rowCount')) out.rowCount = this.rows;
    if (want('columnCount')) out.columnCount = this.cols;
    const grid = (f: (r: number, c: number) => unknown) => {
      if (this.rows * this.cols > MAX_FORMATTED_CELLS) throw fakeError('ResponsePayloadSizeLimitExceeded', 'Vùng quá lớn để đọc');
      const rows: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) row.push(f(r, c));
        rows.push(row);
      }
      return rows;
    };
    if (want('values')) out.values = grid((r, c) => excelValue(s.value(r, c)));
    if (want('valueTypes')) out.valueTypes = grid((r, c) => valueType(s.value(r, c)));
    if (want('numberFormat')) out.numberFormat = grid((r, c) => s.cell(r, c)?.numberFormat ?? 'General');
    return out;
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this.read('valueTypes');
  }

  get values(): unknown[][] {
    return this.read('values');
  }

  set values(input: unknown[][]) {
    this.live();
    this.checkShape(input, 'values');
    if (!this.context.charge(input)) return;
    const a = this.area!;
    input.forEach((row, i) =>
      row.forEach((v, j) => {
        const stored = storedFromInput(v);
        if (stored !== undefined) this.sheet!.setValue(a.top + i, a.left + j, stored);
      }),
    );
    this.context.state.changed(this.sheet!, a);
  }

  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }

  set numberFormat(input: unknown[][]) {
    this.live();
    this.checkShape(input, 'numberFormat');
    if (!this.context.charge(input)) return;
    const a = this.area!;
    input.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined) this.sheet!.touch(a.top + i, a.left + j).numberFormat = String(v);
      }),
    );
  }

  get columnHidden(): boolean {
    return this.read('columnHidden');
  }

  set columnHidden(hidden: boolean) {
    this.live();
    if (!this.context.charge(hidden)) return;
    for (let c = this.area!.left; c <= this.area!.right; c++) {
      if (hidden) this.sheet!.hiddenColumns.add(c);
      else this.sheet!.hiddenColumns.delete(c);
    }
  }

  private checkShape(input: unknown[][], what: string): void {
    if (this.context.failed) return;
    if (!Array.isArray(input) || input.length !== this.rows || input.some((r) => !Array.isArray(r) || r.length !== this.cols)) {
      throw fakeError('InvalidArgument', `${what}: mảng không khớp kích thước vùng ${areaAddress(this.area!)}`);
    }
  }

  /** Every cell of the range, created, for a format write (refused on absurdly large ranges). */
  eachCellForFormat(f: (cell: ReturnType<SheetState['touch']>, r: number, c: number) => void): void {
    this.live();
    if (this.rows * this.cols > MAX_FORMATTED_CELLS) throw fakeError('InvalidArgument', 'Định dạng cả trang: bản giả từ chối');
    this.sheet!.forEachCellIn(this.area!, f, true);
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.requireApi('1.6', 'Range.conditionalFormats');
    return new FakeConditionalFormatCollection(this.context, this.sheet, this.area);
  }

  clear(applyTo?: string): void {
    this.live();
    if (!this.context.charge(applyTo)) return;
    const what = applyTo ?? 'All';
    this.sheet!.forEachCellIn(this.area!, (cell) => {
      if (what === 'All' || what === 'Contents') cell.value = null;
      if (what === 'All' || what === 'Formats') {
        cell.numberFormat = 'General';
        cell.format = {};
      }
    });
    if (what === 'All' || what === 'Contents') this.context.state.changed(this.sheet!, this.area!);
  }

  select(): void {
    this.live();
    if (!this.context.charge()) return;
    this.context.state.activate(this.sheet!);
    this.context.state.selection = { sheet: this.sheet!.name, address: areaAddress(this.area!) };
  }

  /** Merges the range into one cell (across: one merged cell per row); overlapping a merge fails, as in Excel. */
  merge(across?: boolean): void {
    this.live();
    if (!this.context.charge(across)) return;
    const a = this.area!;
    const areas = across
      ? Array.from({ length: this.rows }, (_, i) => ({ top: a.top + i, left: a.left, bottom: a.top + i, right: a.right }))
      : [{ ...a }];
    for (const area of areas) {
      if (this.sheet!.merges.some((m) => intersect(m, area) !== null)) {
        throw fakeError('InvalidOperation', `Vùng ${areaAddress(area)} chồng lên ô đã gộp`);
      }
      this.sheet!.merges.push(area);
    }
  }

  getIntersectionOrNullObject(anotherRange: unknown): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    const other = anotherRange instanceof FakeRange ? anotherRange.area : parseRangeAddress(String(anotherRange));
    const area = other ? intersect(this.area!, other) : null;
    return new FakeRange(this.context, area ? this.sheet : null, area);
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
    if (this.isNull) return new FakeRangeAreas(this.context, null, []);
    const areas = this.sheet!.merges.filter((m) => intersect(m, this.area!) !== null);
    return new FakeRangeAreas(this.context, areas.length ? this.sheet : null, areas);
  }
}

export class FakeRangeAreas extends FakeObject implements Slice<Excel.RangeAreas, 'address' | 'load'> {
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState | null,
    private readonly areas: MergedArea[],
  ) {
    super(context, sheet === null);
  }

  get address(): string {
    return this.read('address');
  }

  protected snapshot(): Record<string, unknown> {
    const prefix = `${quoteSheetName(this.sheet!.name)}!`;
    return { address: this.areas.map((a) => prefix + areaAddress(a)).join(', ') };
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }
}

type CellFormatKey = 'horizontalAlignment' | 'verticalAlignment' | 'wrapText';

export class FakeRangeFormat implements Slice<
  Excel.RangeFormat,
  'font' | 'fill' | 'borders' | 'horizontalAlignment' | 'verticalAlignment' | 'wrapText' | 'columnWidth' | 'rowHeight'
> {
  constructor(private readonly range: FakeRange) {}

  private setEach<K extends CellFormatKey>(key: K, value: unknown): void {
    if (!this.range.context.charge(value)) return;
    this.range.eachCellForFormat((cell) => {
      (cell.format as Record<string, unknown>)[key] = value;
    });
  }

  get font(): Slice<Excel.RangeFont, 'bold' | 'italic' | 'name' | 'size'> {
    const range = this.range;
    const unread = (what: string) => {
      throw fakeError('NotImplemented', `đọc phông chữ (${what})`);
    };
    return {
      set bold(bold: boolean) {
        if (!range.context.charge(bold)) return;
        range.eachCellForFormat((cell) => (cell.format.bold = bold));
      },
      get bold(): boolean {
        return unread('bold');
      },
      set italic(italic: boolean) {
        if (!range.context.charge(italic)) return;
        range.eachCellForFormat((cell) => (cell.format.italic = italic));
      },
      get italic(): boolean {
        return unread('italic');
      },
      set name(name: string) {
        if (!range.context.charge(name)) return;
        range.eachCellForFormat((cell) => (cell.format.fontName = name));
      },
      get name(): string {
        return unread('name');
      },
      set size(size: number) {
        if (!range.context.charge(size)) return;
        range.eachCellForFormat((cell) => (cell.format.fontSize = size));
      },
      get size(): number {
        return unread('size');
      },
    };
  }

  get fill() {
    const range = this.range;
    return {
      set color(color: string) {
        if (!range.context.charge(color)) return;
        range.eachCellForFormat((cell) => (cell.format.fill = color));
      },
    };
  }

  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.range);
  }

  set horizontalAlignment(
    v:
      | Excel.HorizontalAlignment
      | 'General'
      | 'Left'
      | 'Center'
      | 'Right'
      | 'Fill'
      | 'Justify'
      | 'CenterAcrossSelection'
      | 'Distributed',
  ) {
    this.setEach('horizontalAlignment', v);
  }
  get horizontalAlignment():
    | Excel.HorizontalAlignment
    | 'General'
    | 'Left'
    | 'Center'
    | 'Right'
    | 'Fill'
    | 'Justify'
    | 'CenterAcrossSelection'
    | 'Distributed' {
    throw fakeError('NotImplemented', 'đọc định dạng');
  }

  set verticalAlignment(v: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed') {
    this.setEach('verticalAlignment', v);
  }
  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    throw fakeError('NotImplemented', 'đọc định dạng');
  }

  set wrapText(v: boolean) {
    this.setEach('wrapText', v);
  }
  get wrapText(): boolean {
    throw fakeError('NotImplemented', 'đọc định dạng');
  }

  set columnWidth(points: number) {
    if (!this.range.context.charge(points)) return;
    const sheet = this.range.sheet!;
    for (let c = this.range.area!.left; c <= this.range.area!.right; c++) sheet.columnWidths.set(c, points);
  }
  get columnWidth(): number {
    throw fakeError('NotImplemented', 'đọc độ rộng cột');
  }

  set rowHeight(points: number) {
    if (!this.range.context.charge(points)) return;
    const sheet = this.range.sheet!;
    for (let r = this.range.area!.top; r <= this.range.area!.bottom; r++) sheet.rowHeights.set(r, points);
  }
  get rowHeight(): number {
    throw fakeError('NotImplemented', 'đọc chiều cao dòng');
  }
}

type PageLayoutSlice = Slice<
  Excel.PageLayout,
  | 'orientation'
  | 'paperSize'
  | 'zoom'
  | 'centerHorizontally'
  | 'leftMargin'
  | 'rightMargin'
  | 'topMargin'
  | 'bottomMargin'
  | 'headerMargin'
  | 'footerMargin'
  | 'setPrintTitleRows'
>;

/** The print setup (ExcelApi 1.9): what is set is kept on the sheet; reading it back is not needed. */
export class FakePageLayout implements PageLayoutSlice {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: SheetState,
  ) {}

  private set<K extends keyof PageLayoutState>(key: K, value: PageLayoutState[K]): void {
    if (!this.context.charge(value)) return;
    this.sheet.pageLayout[key] = value;
  }

  private margin(side: keyof PageLayoutState['margins'], points: number): void {
    if (!this.context.charge(points)) return;
    if (!(points >= 0)) throw fakeError('InvalidArgument', `Lề ${side}: ${points}`);
    this.sheet.pageLayout.margins[side] = points;
  }

  private unread(): never {
    throw fakeError('NotImplemented', 'đọc thiết lập trang in');
  }

  set orientation(v: PageLayoutSlice['orientation']) {
    this.set('orientation', String(v));
  }
  get orientation(): PageLayoutSlice['orientation'] {
    return this.unread();
  }
  set paperSize(v: PageLayoutSlice['paperSize']) {
    this.set('paperSize', String(v));
  }
  get paperSize(): PageLayoutSlice['paperSize'] {
    return this.unread();
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    const fits = [v.horizontalFitToPages, v.verticalFitToPages].filter((n) => n !== undefined);
    if (fits.some((n) => !Number.isInteger(n) || n! < 0) || (v.scale !== undefined && (v.scale < 10 || v.scale > 400))) {
      throw fakeError('InvalidArgument', `zoom ${JSON.stringify(v)}`);
    }
    this.set('zoom', { ...v });
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.unread();
  }
  set centerHorizontally(v: boolean) {
    this.set('centerHorizontally', v);
  }
  get centerHorizontally(): boolean {
    return this.unread();
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  get leftMargin(): number {
    return this.unread();
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  get rightMargin(): number {
    return this.unread();
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  get topMargin(): number {
    return this.unread();
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  get bottomMargin(): number {
    return this.unread();
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  get headerMargin(): number {
    return this.unread();
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }
  get footerMargin(): number {
    return this.unread();
  }

  setPrintTitleRows(rows: unknown): void {
    const text = rows instanceof FakeRange ? `$${rows.area!.top + 1}:$${rows.area!.bottom + 1}` : String(rows);
    if (!/^\$?\d+:\$?\d+$/.test(text)) throw fakeError('InvalidArgument', `Dòng tiêu đề in: ${text}`);
    this.set('printTitleRows', text);
  }
}

const EDGE_SIDES: Record<
  string,
  { side: 'top' | 'bottom' | 'left' | 'right'; at: (a: MergedArea, r: number, c: number) => boolean }[]
> = {
  EdgeTop: [{ side: 'top', at: (a, r) => r === a.top }],
  EdgeBottom: [{ side: 'bottom', at: (a, r) => r === a.bottom }],
  EdgeLeft: [{ side: 'left', at: (a, _r, c) => c === a.left }],
  EdgeRight: [{ side: 'right', at: (a, _r, c) => c === a.right }],
  InsideHorizontal: [
    { side: 'bottom', at: (a, r) => r < a.bottom },
    { side: 'top', at: (a, r) => r > a.top },
  ],
  InsideVertical: [
    { side: 'right', at: (a, _r, c) => c < a.right },
    { side: 'left', at: (a, _r, c) => c > a.left },
  ],
};

export class FakeRangeBorderCollection implements Slice<Excel.RangeBorderCollection, 'getItem'> {
  constructor(private readonly range: FakeRange) {}

  getItem(index: string): FakeRangeBorder {
    if (!EDGE_SIDES[index]) throw fakeError('InvalidArgument', `Cạnh viền ${index}`);
    return new FakeRangeBorder(this.range, index);
  }
}

export class FakeRangeBorder implements Slice<Excel.RangeBorder, 'style' | 'color'> {
  constructor(
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {}

  private apply(key: 'style' | 'color', value: string): void {
    if (!this.range.context.charge(value)) return;
    const area = this.range.area!;
    this.range.eachCellForFormat((cell, r, c) => {
      for (const { side, at } of EDGE_SIDES[this.edge]) {
        if (!at(area, r, c)) continue;
        const borders = (cell.format.borders ??= {});
        const border = (borders[side] ??= { style: 'None', color: '#000000' });
        border[key] = value;
      }
    });
  }

  set style(
    v: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot',
  ) {
    this.apply('style', v);
  }
  get style():
    Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot' {
    throw fakeError('NotImplemented', 'đọc viền');
  }

  set color(v: string) {
    this.apply('color', v);
  }
  get color(): string {
    throw fakeError('NotImplemented', 'đọc viền');
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

export class FakeConditionalFormatCollection
  extends FakeObject
  implements Slice<Excel.ConditionalFormatCollection, 'items' | 'add' | 'load'>
{
  private itemList: FakeConditionalFormat[] = [];

  constructor(
    context: FakeContext,
    private readonly sheet: SheetState | null,
    private readonly area: MergedArea | null,
  ) {
    super(context, sheet === null);
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  get items(): FakeConditionalFormat[] {
    this.read('items');
    return this.itemList;
  }

  load(spec?: unknown): this {
    const paths = parseSpec(spec)
      .filter((p) => p.startsWith('items/'))
      .map((p) => p.slice(6));
    const states = this.sheet!.conditionalFormats.filter((cf) => intersect(cf.area, this.area!) !== null);
    const items = states.map((s) => new FakeConditionalFormat(this.context, this.sheet!, s));
    // As in Excel: loading `custom` on a rule of another type fails the whole request.
    if (paths.some((p) => p.startsWith('custom/')) && states.some((s) => s.type !== 'Custom')) {
      this.context.queueLoad(0, () => {
        throw fakeError('InvalidOperation', 'This operation is not permitted for the current object.');
      });
      return this;
    }
    const snapshots = items.map((item) => item.snapshotFor(paths));
    this.context.queueLoad(bytesOf(snapshots), () => {
      this.itemList = items;
      items.forEach((item, i) =>
        item.settleFromCollection(
          paths.map((p) => p.split('/')[0]),
          snapshots[i],
        ),
      );
      this.settleFromCollection(['items'], {});
    });
    return this;
  }

  add(type: string): FakeConditionalFormat {
    this.live();
    if (type !== 'Custom') throw fakeError('NotImplemented', `Bản giả chỉ có quy tắc Custom, không có ${type}`);
    const state: ConditionalFormatState = { id: newId(), type: 'Custom', area: { ...this.area! }, formula: null, fill: null };
    if (!this.context.charge(type)) return new FakeConditionalFormat(this.context, new SheetState('(bỏ qua)'), state);
    this.sheet!.conditionalFormats.unshift(state);
    return new FakeConditionalFormat(this.context, this.sheet!, state);
  }
}

export class FakeConditionalFormat
  extends FakeObject
  implements Slice<Excel.ConditionalFormat, 'id' | 'type' | 'priority' | 'custom' | 'customOrNullObject' | 'delete' | 'load'>
{
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState,
    readonly state: ConditionalFormatState,
  ) {
    super(context, false);
  }

  protected snapshot(props: string[]): Record<string, unknown> {
    return this.snapshotFor(props);
  }

  snapshotFor(paths: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { id: this.state.id, type: this.state.type };
    if (paths.some((p) => p.startsWith('customOrNullObject') || p.startsWith('custom'))) {
      const custom = new FakeCustomConditionalFormat(this.context, this.state.type === 'Custom' ? this.state : null);
      custom.settleFromCollection(['rule'], { rule: { formula: this.state.formula } });
      out.customOrNullObject = custom;
      out.custom = custom;
    }
    return out;
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  get id(): string {
    return this.read('id');
  }

  get type():
    | Excel.ConditionalFormatType
    | 'Custom'
    | 'DataBar'
    | 'ColorScale'
    | 'IconSet'
    | 'TopBottom'
    | 'PresetCriteria'
    | 'ContainsText'
    | 'CellValue' {
    return this.read('type');
  }

  get priority(): number {
    return this.read('priority');
  }

  /** As Excel: out-of-bounds priorities move the rule to the end. */
  set priority(p: number) {
    if (!this.context.charge(p)) return;
    const list = this.sheet.conditionalFormats;
    const i = list.indexOf(this.state);
    if (i < 0) throw fakeError('ItemNotFound', 'Quy tắc đã bị xoá');
    list.splice(i, 1);
    list.splice(Math.max(0, Math.min(p, list.length)), 0, this.state);
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    try {
      return this.read<FakeCustomConditionalFormat>('customOrNullObject');
    } catch {
      return new FakeCustomConditionalFormat(this.context, this.state.type === 'Custom' ? this.state : null);
    }
  }

  get custom(): FakeCustomConditionalFormat {
    if (this.state.type !== 'Custom')
      throw fakeError('InvalidOperation', 'This operation is not permitted for the current object.');
    return new FakeCustomConditionalFormat(this.context, this.state);
  }

  delete(): void {
    if (!this.context.charge()) return;
    this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((cf) => cf !== this.state);
  }
}

export class FakeCustomConditionalFormat extends FakeObject implements Slice<Excel.CustomConditionalFormat, 'rule' | 'format'> {
  constructor(
    context: FakeContext,
    private readonly state: ConditionalFormatState | null,
  ) {
    super(context, state === null);
  }

  protected snapshot(): Record<string, unknown> {
    return { rule: { formula: this.state!.formula } };
  }

  get rule() {
    const state = this.state;
    const context = this.context;
    const loaded = (() => {
      try {
        return this.read<{ formula: string }>('rule');
      } catch {
        return null;
      }
    })();
    return {
      get formula(): string {
        if (!loaded) throw fakeError('PropertyNotLoaded', 'rule.formula đọc trước khi load và sync');
        return loaded.formula;
      },
      set formula(f: string) {
        if (!state) throw fakeError('InvalidObjectPath', 'quy tắc null');
        if (!context.charge(f)) return;
        state.formula = f;
      },
    };
  }

  get format() {
    const state = this.state;
    const context = this.context;
    return {
      fill: {
        set color(c: string) {
          if (!state) throw fakeError('InvalidObjectPath', 'quy tắc null');
          if (!context.charge(c)) return;
          state.fill = c;
        },
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Notes and AutoFilter

export class FakeNoteCollection extends FakeObject implements Slice<Excel.NoteCollection, 'items' | 'add' | 'load'> {
  private itemList: FakeNote[] = [];

  constructor(
    context: FakeContext,
    private readonly sheet: SheetState | null,
  ) {
    super(context, sheet === null);
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  get items(): FakeNote[] {
    this.read('items');
    return this.itemList;
  }

  load(spec?: unknown): this {
    const paths = parseSpec(spec)
      .filter((p) => p.startsWith('items/'))
      .map((p) => p.slice(6));
    const notes = this.sheet!.notes.map((n) => new FakeNote(this.context, this.sheet!, n));
    const snapshots = this.sheet!.notes.map((n) => ({ content: n.content }));
    this.context.queueLoad(bytesOf(snapshots), () => {
      this.itemList = notes;
      notes.forEach((note, i) => note.settleFromCollection(paths, snapshots[i]));
      this.settleFromCollection(['items'], {});
    });
    return this;
  }

  add(cellAddress: unknown, content: unknown): FakeNote {
    this.live();
    if (!this.context.charge(content)) return new FakeNote(this.context, new SheetState('(bỏ qua)'), { cell: 'A1', content: '' });
    const target = cellAddress instanceof FakeRange ? cellAddress : null;
    if (!target || !target.area || target.area.top !== target.area.bottom || target.area.left !== target.area.right) {
      throw fakeError('InvalidArgument', 'Ghi chú cần đúng một ô');
    }
    const cell = areaAddress(target.area);
    if (this.sheet!.noteAt(cell)) throw fakeError('InvalidArgument', `Ô ${cell} đã có ghi chú`);
    const note = { cell, content: String(content) };
    this.sheet!.notes.push(note);
    return new FakeNote(this.context, this.sheet!, note);
  }
}

export class FakeNote extends FakeObject implements Slice<Excel.Note, 'content' | 'delete' | 'getLocation' | 'load'> {
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState,
    private readonly note: { cell: string; content: string },
  ) {
    super(context, false);
  }

  protected snapshot(): Record<string, unknown> {
    return { content: this.note.content };
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  get content(): string {
    return this.read('content');
  }

  delete(): void {
    if (!this.context.charge()) return;
    this.sheet.notes = this.sheet.notes.filter((n) => n !== this.note);
  }

  getLocation(): FakeRange {
    return new FakeRange(this.context, this.sheet, parseRangeAddress(this.note.cell));
  }
}

export class FakeAutoFilter
  extends FakeObject
  implements
    Slice<Excel.AutoFilter, 'enabled' | 'criteria' | 'apply' | 'clearCriteria' | 'remove' | 'getRangeOrNullObject' | 'load'>
{
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState | null,
  ) {
    super(context, sheet === null);
  }

  protected snapshot(): Record<string, unknown> {
    const f = this.sheet!.autoFilter;
    return { enabled: f !== null, criteria: f ? [...f.criteria.values()] : [] };
  }

  load(spec?: unknown): this {
    this.loadProps(parseSpec(spec));
    return this;
  }

  get enabled(): boolean {
    return this.read('enabled');
  }

  get criteria(): Excel.FilterCriteria[] {
    return this.read('criteria');
  }

  apply(range: unknown, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this.live();
    if (!this.context.charge([columnIndex, criteria])) return;
    const area = range instanceof FakeRange ? range.area : parseRangeAddress(String(range));
    if (!area) throw fakeError('InvalidArgument', 'Vùng lọc');
    // As in Excel: a sheet's AutoFilter covers a range of that sheet only.
    if (range instanceof FakeRange && range.sheet !== this.sheet) throw fakeError('InvalidArgument', 'Vùng lọc ở trang khác');
    const current = this.sheet!.autoFilter;
    const same = current && areaAddress(current.area) === areaAddress(area);
    // Whether Excel moves a sheet's AutoFilter to another range on apply is not documented: the
    // fake refuses, so that the add-in always removes the old one first (the stricter reading).
    if (current && !same) throw fakeError('InvalidOperation', 'Trang đã có bộ lọc ở vùng khác');
    const filter = same ? current! : { area, criteria: new Map<number, Excel.FilterCriteria>() };
    if (columnIndex !== undefined) {
      if (columnIndex < 0 || columnIndex > area.right - area.left) throw fakeError('InvalidArgument', `Cột lọc ${columnIndex}`);
      if (criteria) filter.criteria.set(columnIndex, criteria);
    }
    this.sheet!.autoFilter = filter;
  }

  clearCriteria(): void {
    this.live();
    if (!this.context.charge()) return;
    this.sheet!.autoFilter?.criteria.clear();
  }

  remove(): void {
    this.live();
    if (!this.context.charge()) return;
    this.sheet!.autoFilter = null;
  }

  getRangeOrNullObject(): FakeRange {
    const f = this.sheet?.autoFilter ?? null;
    return new FakeRange(this.context, f ? this.sheet : null, f ? f.area : null);
  }
}

/** "='Tổng hợp'!$X$5:$AK$160" for an area of a sheet, as Excel writes a defined name. */
export function nameFormula(sheet: SheetState, area: MergedArea): string {
  return `=${quoteSheetName(sheet.name)}!${absoluteAddress(area)}`;
}
