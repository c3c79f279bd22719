/**
 * The scored copy as a patch of the input package (docs/kiem-tra-ban-da-cham.md): every zip
 * entry scoring does not own is copied with its compressed bytes; only what may change is
 * rewritten — the scored sheet and its notes, the add-in's own sheets ("Xếp hạng", "Lộ trình",
 * "Tiêu chí còn yếu"), styles appended, the workbook's sheet list and names, relationships,
 * content types, sheet titles. Parts scoring writes get a fixed date and compression level, so
 * scoring the copy again gives the same bytes.
 */
import { RESULT_BLOCK_NAME, ExistingBlock, ResultBlockPlan } from '../../report/resultBlock';
import type { SheetPlan } from '../../report/sheetPlan';
import { ownSheetTarget } from '../../report/ownSheets';
import { quoteSheetName, parseArea } from '../../sheet/grid';
import { notesWarning } from './messages';
import { patchNotes, vmlIdmap } from './notesPatch';
import { Relationship, isRelType, relativeTarget, relsPartOf } from './opcPackage';
import { CONTENT_TYPES, TYPE, freshPartName, freshRelId, patchAppTitles, patchContentTypes, patchRels } from './packageParts';
import { patchSheet, relationshipPrefix } from './patchSheet';
import { printTitlesReference, rankingSheetXml } from './rankingSheet';
import { XlsxBook, definedNameArea } from './readXlsx';
import { EMPTY_STYLESHEET, StylesPatch } from './stylesPatch';
import { Edit, applyEdits, encodeXml, walkXml, REL_NS } from './xml';
import { encodePieces } from '../../export/utf8Bytes';
import { escapeAttr, escapeText } from '../../export/xmlText';
import { Codec, OutEntry, writeZip } from './zip';

/**
 * A sheet the add-in owns: its plan, the workbook-level name that records it (only a sheet so
 * recorded is ever replaced), and its names — the usual one, and the one used when staff have a
 * sheet of that name.
 */
export interface OwnSheet {
  /** The plan, or how to make it: made just before its part is written, let go after. */
  plan?: SheetPlan;
  makePlan?: () => SheetPlan;
  definedName: string;
  preferred: string;
  alternative: string;
}

export interface PatchRequest {
  book: XlsxBook;
  sheetName: string;
  plan: ResultBlockPlan;
  existing: ExistingBlock | null;
  /** The add-in's own sheets, written in this order after the workbook's sheets. */
  ownSheets: OwnSheet[];
}

export interface PatchOutcome {
  bytes: Uint8Array;
  /** The name each own sheet got, in the request's order. */
  ownSheetNames: string[];
  warnings: string[];
}

/** Parts rewritten, added or removed, by name. */
class Changes {
  /** New text of each part: whole, or in pieces (large parts, encoded without joining). */
  readonly texts = new Map<string, string | (string | Uint8Array)[]>();
  readonly added: string[] = [];
  readonly removed = new Set<string>();
  /** Part names as the archive stores them (OPC names are case-insensitive). */
  constructor(private readonly stored: (part: string) => string | null) {}
  set(part: string, text: string | (string | Uint8Array)[], isNew = false): void {
    part = this.stored(part) ?? part;
    this.texts.set(part, text);
    if (isNew && !this.added.includes(part)) this.added.push(part);
  }
  remove(part: string): void {
    part = this.stored(part) ?? part;
    this.removed.add(part);
    this.texts.delete(part);
  }
}

function attributeOfRoot(text: string, part: string, local: string, attr: string): string | null {
  let value: string | null = null;
  walkXml(text, part, {
    open: (tag) => {
      if (value === null && tag.local === local) value = tag.attributes[attr] ?? null;
    },
  });
  return value;
}

export function patchPackage(req: PatchRequest, codec: Required<Codec>): PatchOutcome {
  const { book, plan, existing } = req;
  const pkg = book.pkg;
  const wb = book.workbook;
  const changes = new Changes((part) => pkg.entryName(part));
  const warnings: string[] = [];
  const taken = (name: string) => pkg.has(name) || changes.added.includes(name);

  const workbookRels = pkg.relationships(wb.part);
  const relBase = workbookRels.find((r) => isRelType(r.type, '/worksheet'))?.type.replace(/\/worksheet$/, '') ?? REL_NS;
  const workbookRelsAdd: { id: string; type: string; target: string }[] = [];
  const workbookRelsRemove: string[] = [];
  const overrides: { part: string; type: string }[] = [];
  const defaults: { ext: string; type: string }[] = [];

  // ---- styles
  let stylesPart = workbookRels.find((r) => isRelType(r.type, '/styles'))?.target ?? null;
  let stylesText = stylesPart ? pkg.text(stylesPart) : null;
  let stylesIsNew = false;
  if (!stylesPart || stylesText === null) {
    stylesPart = 'xl/styles.xml';
    stylesText = EMPTY_STYLESHEET;
    stylesIsNew = true;
    workbookRelsAdd.push({
      id: freshRelId(workbookRels),
      type: `${relBase}/styles`,
      target: relativeTarget(wb.part, stylesPart),
    });
    overrides.push({ part: stylesPart, type: TYPE.styles });
  }
  const styles = new StylesPatch(stylesText, stylesPart);

  // ---- the scored sheet, its notes and their drawing
  const entry = wb.sheets.find((s) => s.name === req.sheetName && s.part)!;
  const sheetPart = entry.part!;
  const parsed = book.sheet(req.sheetName)!;
  const sheetRels = pkg.relationships(sheetPart);
  const relsAdd: { id: string; type: string; target: string }[] = [];
  const relsRemove: string[] = [];
  const commentsRel = sheetRels.find((r) => isRelType(r.type, '/comments') && !r.external);
  const vmlRel = sheetRels.find((r) => isRelType(r.type, '/vmlDrawing') && !r.external);
  const threadedCells = new Set<string>();
  for (const rel of sheetRels.filter((r) => isRelType(r.type, '/threadedComment') && !r.external)) {
    const text = pkg.text(rel.target);
    if (!text) continue;
    walkXml(text, rel.target, {
      open: (tag) => {
        if (tag.local === 'threadedComment' && tag.attributes.ref) threadedCells.add(tag.attributes.ref);
      },
    });
  }
  const tableAreas = sheetRels
    .filter((r) => isRelType(r.type, '/table') && !r.external && pkg.has(r.target))
    .map((r) => parseArea(attributeOfRoot(pkg.text(r.target)!, r.target, 'table', 'ref') ?? ''))
    .filter((a): a is NonNullable<typeof a> => a !== null);
  const idmapTaken = new Set<number>();
  for (const e of pkg.archive.entries) {
    if (/\.vml$/i.test(e.name) && e.name !== vmlRel?.target)
      for (const n of vmlIdmap(pkg.text(e.name) ?? '', e.name)) idmapTaken.add(n);
  }
  const commentsText = commentsRel && pkg.has(commentsRel.target) ? pkg.text(commentsRel.target) : null;
  const vmlText = vmlRel && pkg.has(vmlRel.target) ? pkg.text(vmlRel.target) : null;
  const notes = patchNotes({
    comments: commentsText !== null ? { part: commentsRel!.target, text: commentsText } : null,
    vml: vmlText !== null ? { part: vmlRel!.target, text: vmlText } : null,
    notes: plan.notes,
    threadedCells,
    idmapTaken,
  });
  if (notes.unreadableDrawing) warnings.push(notesWarning);
  let legacyDrawing: { relId: string; relPrefix: string | null } | 'remove' | null = null;
  if (notes.changed) {
    const newRelIds: string[] = [];
    if (notes.comments !== null) {
      if (commentsRel && commentsText !== null) changes.set(commentsRel.target, notes.comments);
      else {
        const part = freshPartName(taken, 'xl/comments', '.xml');
        changes.set(part, notes.comments, true);
        overrides.push({ part, type: TYPE.comments });
        const id = freshRelId(sheetRels, newRelIds);
        newRelIds.push(id);
        relsAdd.push({ id, type: `${relBase}/comments`, target: relativeTarget(sheetPart, part) });
      }
    } else if (commentsRel && commentsText !== null) {
      changes.remove(commentsRel.target);
      relsRemove.push(commentsRel.id);
    }
    if (notes.vml !== null) {
      if (vmlRel && vmlText !== null) changes.set(vmlRel.target, notes.vml);
      else {
        const part = freshPartName(taken, 'xl/drawings/vmlDrawing', '.vml');
        changes.set(part, notes.vml, true);
        defaults.push({ ext: 'vml', type: TYPE.vml });
        const id = freshRelId(sheetRels, newRelIds);
        newRelIds.push(id);
        relsAdd.push({ id, type: `${relBase}/vmlDrawing`, target: relativeTarget(sheetPart, part) });
        legacyDrawing = { relId: id, relPrefix: relationshipPrefix(parsed.layout.root.attributes) };
      }
    } else if (vmlRel && vmlText !== null) {
      changes.remove(vmlRel.target);
      relsRemove.push(vmlRel.id);
      legacyDrawing = 'remove';
    }
  }
  changes.set(sheetPart, patchSheet(parsed.layout, { plan, existing, styles, tableAreas, legacyDrawing }));
  const sheetRelsText = patchRels(pkg.text(relsPartOf(sheetPart)), relsPartOf(sheetPart), sheetRels, relsAdd, relsRemove);
  if (sheetRelsText !== null) changes.set(relsPartOf(sheetPart), sheetRelsText, !pkg.has(relsPartOf(sheetPart)));

  // ---- the add-in's own sheets: the one recorded last time is rewritten in place, else one is appended
  const wbEdits: Edit[] = [];
  const names: { name: string; localSheetId: number | null; text: string }[] = [
    { name: RESULT_BLOCK_NAME, localSheetId: null, text: plan.reference },
  ];
  /** Sheet positions whose print titles are ours to set (or clear). */
  const ownIndexes = new Set<number>();
  const sheetNames = wb.sheets.map((s) => s.name);
  const worksheetTitles = wb.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
  let appended = 0;
  let nextSheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
  const ownSheetNames: string[] = [];
  for (const own of req.ownSheets) {
    const recordedSheet = definedNameArea(book, own.definedName)?.sheet ?? null;
    const target = ownSheetTarget(sheetNames, recordedSheet, req.sheetName, own.preferred, own.alternative);
    if (target.notice) warnings.push(target.notice);
    const plan = own.plan ?? own.makePlan!();
    const xml = rankingSheetXml(plan, styles);
    const replaced = target.replaces
      ? wb.sheets.find((s) => s.name === target.replaces && s.kind === 'worksheet' && s.part)
      : undefined;
    let index: number;
    if (replaced) {
      index = replaced.index;
      changes.set(replaced.part!, xml);
      if (pkg.has(relsPartOf(replaced.part!))) changes.remove(relsPartOf(replaced.part!));
      // Formulas staff typed there are gone: Excel rebuilds its calculation chain without them.
      const chain = workbookRels.find((r) => isRelType(r.type, '/calcChain'));
      if (chain && pkg.has(chain.target) && !changes.removed.has(chain.target)) {
        const text = pkg.text(chain.target) ?? '';
        let mentions = false;
        walkXml(text, chain.target, {
          open: (tag) => {
            if (tag.local === 'c' && tag.attributes.i === String(replaced.sheetId)) mentions = true;
          },
        });
        if (mentions) {
          changes.remove(chain.target);
          workbookRelsRemove.push(chain.id);
        }
      }
    } else {
      index = wb.sheets.length + appended++;
      const part = freshPartName(taken, 'xl/worksheets/sheet', '.xml');
      changes.set(part, xml, true);
      overrides.push({ part, type: TYPE.worksheet });
      const id = freshRelId(
        workbookRels,
        workbookRelsAdd.map((r) => r.id),
      );
      workbookRelsAdd.push({ id, type: `${relBase}/worksheet`, target: relativeTarget(wb.part, part) });
      const relPrefix = [...wb.namespaces].find(([, uri]) => /relationships$/.test(uri) && !/package/.test(uri))?.[0];
      const relAttr = relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
      wbEdits.push({
        start: wb.sheetsCloseStart,
        end: wb.sheetsCloseStart,
        text: `<${wb.prefix}sheet name="${escapeAttr(target.name)}" sheetId="${nextSheetId++}" ${relAttr}/>`,
      });
      sheetNames.push(target.name);
      worksheetTitles.push(target.name);
    }
    ownIndexes.add(index);
    ownSheetNames.push(target.name);
    names.push({ name: own.definedName, localSheetId: null, text: plan.reference(target.name) });
    if (plan.printTitleRow) {
      names.push({
        name: '_xlnm.Print_Titles',
        localSheetId: index,
        text: printTitlesReference(quoteSheetName(target.name), plan.printTitleRow),
      });
    }
  }
  if (appended) {
    const app = pkg.text('docProps/app.xml');
    if (app !== null) {
      let patched = app;
      // Titles as the sheets stood before each one was added.
      const before = worksheetTitles.slice(0, worksheetTitles.length - appended);
      for (const title of worksheetTitles.slice(before.length)) {
        patched = patchAppTitles(patched, before, title);
        before.push(title);
      }
      if (patched !== app) changes.set('docProps/app.xml', patched);
    }
  }

  // ---- defined names: the block, the own sheets, their print titles
  const p = wb.prefix;
  const nameXml = (n: (typeof names)[number]) =>
    `<${p}definedName name="${n.name}"${n.localSheetId !== null ? ` localSheetId="${n.localSheetId}"` : ''}>${escapeText(n.text)}</${p}definedName>`;
  const placed = new Set<string>();
  for (const dn of wb.definedNames) {
    const ours = names.find((n) => n.name === dn.name && n.localSheetId === dn.localSheetId);
    const printTitlesOfOwn = dn.name === '_xlnm.Print_Titles' && dn.localSheetId !== null && ownIndexes.has(dn.localSheetId);
    if (!ours && !printTitlesOfOwn) continue;
    const key = `${dn.name}|${dn.localSheetId}`;
    if (ours && !placed.has(key)) {
      placed.add(key);
      wbEdits.push({ start: dn.start, end: dn.end, text: nameXml(ours) });
    } else wbEdits.push({ start: dn.start, end: dn.end, text: '' });
  }
  const missing = names
    .filter((n) => !placed.has(`${n.name}|${n.localSheetId}`))
    .map(nameXml)
    .join('');
  if (missing) {
    const span = wb.definedNamesSpan;
    if (span && !span.selfClosing) wbEdits.push({ start: span.closeStart, end: span.closeStart, text: missing });
    else if (span) wbEdits.push({ start: span.start, end: span.end, text: `<${p}definedNames>${missing}</${p}definedNames>` });
    else {
      // After <sheets> (and functionGroups / externalReferences, which come before definedNames).
      const before = ['sheets', 'functionGroups', 'externalReferences'];
      const anchor = [...wb.children].reverse().find((c) => before.includes(c.local));
      const at = anchor ? anchor.end : wb.sheetsCloseStart;
      wbEdits.push({ start: at, end: at, text: `<${p}definedNames>${missing}</${p}definedNames>` });
    }
  }
  changes.set(wb.part, applyEdits(wb.text, wbEdits));

  // ---- styles, relationships, content types
  const stylesResult = styles.result();
  if (stylesIsNew || stylesResult !== stylesText) changes.set(stylesPart, stylesResult, stylesIsNew);
  const wbRelsPart = relsPartOf(wb.part);
  const wbRels = patchRels(pkg.text(wbRelsPart), wbRelsPart, workbookRels, workbookRelsAdd, workbookRelsRemove);
  if (wbRels !== null) changes.set(wbRelsPart, wbRels, !pkg.has(wbRelsPart));
  const ctText = pkg.text(CONTENT_TYPES);
  if (ctText !== null) changes.set(CONTENT_TYPES, patchContentTypes(ctText, overrides, [...changes.removed], defaults));

  return { bytes: assemble(book, changes, codec), ownSheetNames, warnings };
}

const bytesOf = (text: string | (string | Uint8Array)[]) => (typeof text === 'string' ? encodeXml(text) : encodePieces(text));

/** The archive: original order, unchanged entries copied, new parts at the end. */
function assemble(book: XlsxBook, changes: Changes, codec: Required<Codec>): Uint8Array {
  const pkg = book.pkg;
  const out: OutEntry[] = [];
  const written = new Set<string>();
  for (const e of pkg.archive.entries) {
    if (written.has(e.name)) continue; // a duplicate entry name: the first one counts
    written.add(e.name);
    if (changes.removed.has(e.name)) continue;
    const text = changes.texts.get(e.name);
    // Only a part rewritten as one text can equal its original; a sheet written in pieces never
    // does, and is not inflated again to find that out.
    if (text === undefined || (typeof text === 'string' && text === pkg.text(e.name))) out.push({ name: e.name, copy: e });
    else out.push({ name: e.name, data: () => bytesOf(text) });
  }
  for (const part of changes.added) {
    if (written.has(part)) continue;
    const text = changes.texts.get(part)!;
    out.push({ name: part, data: () => bytesOf(text) });
  }
  return writeZip(pkg.archive, out, codec);
}

export type { Relationship };
