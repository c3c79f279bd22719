/**
 * The scored sheet's notes (docs/bang-tong-hop.md, "Ghi chú trên ô"): the add-in's own notes — text
 * starting "[Chấm điểm] " — replaced in the comments part and its legacy (VML) drawing; staff
 * notes and their shapes keep their exact XML; a cell with a staff note or a threaded comment
 * never gets one of ours.
 */
import { NOTE_PREFIX, type BlockNote } from '../../report/resultBlock';
import { columnLetters, parseA1 } from '../../sheet/grid';
import { Edit, MAIN_NS, applyEdits, prefixOf, walkXml } from './xml';
import { escapeText } from '../../export/xmlText';

const NOTE_AUTHOR = 'Chấm điểm';
const VML_NS = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

export interface ExistingComment {
  ref: string;
  text: string;
  start: number;
  end: number;
}

interface CommentsDoc {
  text: string;
  prefix: string;
  authors: string[];
  authorsSpan: { openEnd: number; closeStart: number; start: number; end: number; selfClosing: boolean } | null;
  listSpan: { start: number; openEnd: number; closeStart: number; end: number; selfClosing: boolean } | null;
  rootOpenEnd: number;
  comments: ExistingComment[];
}

function readComments(text: string, part: string): CommentsDoc {
  const doc: CommentsDoc = { text, prefix: '', authors: [], authorsSpan: null, listSpan: null, rootOpenEnd: 0, comments: [] };
  let author: string | null = null;
  let comment: ExistingComment | null = null;
  let inT = 0;
  walkXml(text, part, {
    open: (tag) => {
      if (tag.depth === 0) {
        doc.prefix = prefixOf(tag.name);
        doc.rootOpenEnd = tag.end;
      } else if (tag.local === 'authors' && tag.depth === 1) {
        doc.authorsSpan = { start: tag.start, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: tag.selfClosing };
      } else if (tag.local === 'author' && tag.depth === 2) {
        author = '';
        if (tag.selfClosing) {
          doc.authors.push('');
          author = null;
        }
      } else if (tag.local === 'commentList' && tag.depth === 1) {
        doc.listSpan = { start: tag.start, openEnd: tag.end, closeStart: tag.end, end: tag.end, selfClosing: tag.selfClosing };
      } else if (tag.local === 'comment' && tag.depth === 2) {
        comment = { ref: tag.attributes.ref ?? '', text: '', start: tag.start, end: tag.end };
        doc.comments.push(comment);
      } else if (tag.local === 't' && comment && !tag.selfClosing) inT++;
    },
    close: (tag) => {
      if (tag.local === 'author' && author !== null) {
        doc.authors.push(author);
        author = null;
      } else if (tag.local === 'authors' && doc.authorsSpan && tag.depth === 1) {
        doc.authorsSpan.closeStart = tag.start;
        doc.authorsSpan.end = tag.end;
      } else if (tag.local === 'commentList' && doc.listSpan && tag.depth === 1) {
        doc.listSpan.closeStart = tag.start;
        doc.listSpan.end = tag.end;
      } else if (tag.local === 'comment' && comment) {
        comment.end = tag.end;
        comment = null;
      } else if (tag.local === 't' && inT) inT--;
    },
    text: (t) => {
      if (author !== null) author += t;
      else if (comment && inT) comment.text += t;
    },
  });
  return doc;
}

interface VmlShape {
  start: number;
  end: number;
  note: boolean;
  row: number;
  col: number;
  number: number;
}

interface VmlDoc {
  text: string;
  rootOpenEnd: number;
  rootCloseStart: number;
  rootAttributes: Record<string, string>;
  idmap: number[];
  hasNoteType: boolean;
  shapes: VmlShape[];
}

function readVml(text: string, part: string): VmlDoc {
  const doc: VmlDoc = { text, rootOpenEnd: 0, rootCloseStart: 0, rootAttributes: {}, idmap: [], hasNoteType: false, shapes: [] };
  let shape: VmlShape | null = null;
  let field: 'row' | 'col' | null = null;
  let value = '';
  walkXml(text, part, {
    open: (tag) => {
      if (tag.depth === 0) {
        doc.rootOpenEnd = tag.end;
        doc.rootAttributes = tag.attributes;
      } else if (tag.local === 'idmap') {
        for (const n of (tag.attributes.data ?? '').split(',')) if (/^\d+$/.test(n.trim())) doc.idmap.push(Number(n));
      } else if (tag.local === 'shapetype' && tag.attributes.id === '_x0000_t202') doc.hasNoteType = true;
      else if (tag.local === 'shape' && tag.depth === 1) {
        const id = tag.attributes['o:spid'] ?? tag.attributes.id ?? '';
        const m = /_x0000_s(\d+)$/.exec(id) ?? /(\d+)$/.exec(id);
        shape = { start: tag.start, end: tag.end, note: false, row: -1, col: -1, number: m ? Number(m[1]) : 0 };
        doc.shapes.push(shape);
      } else if (shape && tag.local === 'ClientData') shape.note = tag.attributes.ObjectType === 'Note';
      else if (shape && (tag.local === 'Row' || tag.local === 'Column')) {
        field = tag.local === 'Row' ? 'row' : 'col';
        value = '';
      }
    },
    close: (tag) => {
      if (tag.depth === 0) doc.rootCloseStart = tag.start;
      else if (tag.local === 'shape' && shape && tag.depth === 1) {
        shape.end = tag.end;
        shape = null;
      } else if (field && shape && (tag.local === 'Row' || tag.local === 'Column')) {
        shape[field] = Number(value.trim());
        field = null;
      }
    },
    text: (t) => {
      if (field) value += t;
    },
  });
  return doc;
}

export interface NotesInput {
  comments: { part: string; text: string } | null;
  vml: { part: string; text: string } | null;
  notes: BlockNote[];
  /** Cells (A1) holding a threaded comment. */
  threadedCells: Set<string>;
  /** Shape-id blocks (o:idmap) used by other drawings of the workbook. */
  idmapTaken: Set<number>;
}

export interface NotesOutput {
  /** The comments part's new text, or null when it ends up with no comment (then it goes). */
  comments: string | null;
  vml: string | null;
  /** Whether anything changed at all. */
  changed: boolean;
  /** The drawing could not be read: the add-in's notes were left as they were. */
  unreadableDrawing: boolean;
}

function noteShape(id: number, row: number, col: number, declare: boolean): string {
  const ns = declare ? ` xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}"` : '';
  return (
    `<v:shape${ns} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;` +
    `width:180pt;height:70pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 5}, 4</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function noteShapeType(declare: boolean): string {
  const ns = declare ? ` xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}"` : '';
  return (
    `<v:shapetype${ns} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`
  );
}

const cellKey = (ref: string) => {
  const at = parseA1(ref);
  return at ? at.row * 16384 + at.col : -1;
};

export function patchNotes(input: NotesInput): NotesOutput {
  const doc = input.comments ? readComments(input.comments.text, input.comments.part) : null;
  const staffCells = new Set<number>();
  const ownOld: ExistingComment[] = [];
  for (const c of doc?.comments ?? []) {
    if (c.text.startsWith(NOTE_PREFIX)) ownOld.push(c);
    else staffCells.add(cellKey(c.ref));
  }
  for (const ref of input.threadedCells) staffCells.add(cellKey(ref));
  const wanted = input.notes.filter((n) => !staffCells.has(cellKey(n.cell)));
  if (!ownOld.length && !wanted.length)
    return { comments: input.comments?.text ?? null, vml: input.vml?.text ?? null, changed: false, unreadableDrawing: false };

  let vml: VmlDoc | null = null;
  if (input.vml) {
    try {
      vml = readVml(input.vml.text, input.vml.part);
    } catch {
      return { comments: input.comments?.text ?? null, vml: input.vml.text, changed: false, unreadableDrawing: true };
    }
  }

  // ---- comments part
  const p = doc?.prefix ?? '';
  let authorId = doc ? doc.authors.indexOf(NOTE_AUTHOR) : -1;
  const newAuthor = authorId < 0 && wanted.length > 0;
  if (newAuthor) authorId = doc ? doc.authors.length : 0;
  const commentXml = (n: BlockNote) =>
    `<${p}comment ref="${n.cell}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeText(n.text)}</${p}t></${p}r></${p}text></${p}comment>`;
  const ownOldSet = new Set(ownOld);
  const kept = (doc?.comments ?? []).filter((c) => !ownOldSet.has(c));
  const merged = [
    ...kept.map((c) => ({ key: cellKey(c.ref), xml: doc!.text.slice(c.start, c.end) })),
    ...wanted.map((n) => ({ key: cellKey(n.cell), xml: commentXml(n) })),
  ].sort((a, b) => a.key - b.key);
  let comments: string | null;
  if (!merged.length) comments = null;
  else if (!doc) {
    comments =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${escapeText(NOTE_AUTHOR)}</author></authors>` +
      `<commentList>${merged.map((m) => m.xml).join('')}</commentList></comments>`;
  } else {
    const edits: Edit[] = [];
    const authorXml = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
    if (newAuthor) {
      if (!doc.authorsSpan)
        edits.push({ start: doc.rootOpenEnd, end: doc.rootOpenEnd, text: `<${p}authors>${authorXml}</${p}authors>` });
      else if (doc.authorsSpan.selfClosing)
        edits.push({ start: doc.authorsSpan.start, end: doc.authorsSpan.end, text: `<${p}authors>${authorXml}</${p}authors>` });
      else edits.push({ start: doc.authorsSpan.closeStart, end: doc.authorsSpan.closeStart, text: authorXml });
    }
    const list = `<${p}commentList>${merged.map((m) => m.xml).join('')}</${p}commentList>`;
    if (doc.listSpan) edits.push({ start: doc.listSpan.start, end: doc.listSpan.end, text: list });
    else {
      const at = doc.authorsSpan ? doc.authorsSpan.end : doc.rootOpenEnd;
      edits.push({ start: at, end: at, text: list });
    }
    comments = applyEdits(doc.text, edits);
  }

  // ---- the drawing: shapes of the add-in's old notes go, new ones follow the staff shapes
  const oldCells = new Set(ownOld.map((c) => cellKey(c.ref)));
  const shapeCell = (s: VmlShape) => s.row * 16384 + s.col;
  let vmlText: string | null;
  if (vml) {
    const edits: Edit[] = [];
    const remaining: VmlShape[] = [];
    for (const s of vml.shapes) {
      if (s.note && oldCells.has(shapeCell(s))) edits.push({ start: s.start, end: s.end, text: '' });
      else remaining.push(s);
    }
    let next = (vml.idmap[0] ?? 1) * 1024;
    for (const s of remaining) next = Math.max(next, s.number);
    next++;
    const declare = !Object.keys(vml.rootAttributes).some((k) => k === 'xmlns:v');
    let xml = vml.hasNoteType || !wanted.length ? '' : noteShapeType(declare);
    for (const n of wanted) {
      const at = parseA1(n.cell)!;
      xml += noteShape(next++, at.row, at.col, declare);
    }
    const at = remaining.length ? remaining[remaining.length - 1].end : vml.rootCloseStart;
    if (xml) edits.push({ start: at, end: at, text: xml });
    vmlText = remaining.length || wanted.length ? applyEdits(vml.text, edits) : null;
  } else if (wanted.length) {
    let idmap = 1;
    while (input.idmapTaken.has(idmap)) idmap++;
    vmlText =
      `<xml xmlns:v="${VML_NS.v}" xmlns:o="${VML_NS.o}" xmlns:x="${VML_NS.x}">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${noteShapeType(false)}` +
      wanted
        .map((n, i) => {
          const at = parseA1(n.cell)!;
          return noteShape(idmap * 1024 + 1 + i, at.row, at.col, false);
        })
        .join('') +
      `</xml>`;
  } else vmlText = null;

  return { comments, vml: vmlText, changed: true, unreadableDrawing: false };
}

/** The o:idmap numbers a drawing uses (for giving a new drawing its own block of shape ids). */
export function vmlIdmap(text: string, part: string): number[] {
  try {
    return readVml(text, part).idmap;
  } catch {
    return [];
  }
}

export { columnLetters };
