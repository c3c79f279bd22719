/**
 * Parts of an .xlsx that ExcelJS cannot carry into the scored copy (charts, pivot tables,
 * macros…). The command line names them so nobody is surprised by what the copy lacks.
 */
import JSZip from 'jszip';

const PART_KINDS: { test: RegExp; label: string }[] = [
  { test: /^xl\/charts\/chart\d*\.xml$/i, label: 'biểu đồ' },
  { test: /^xl\/pivotTables\//i, label: 'PivotTable' },
  { test: /^xl\/slicers\/|^xl\/timelines\//i, label: 'slicer/timeline' },
  { test: /^xl\/vbaProject\.bin$/i, label: 'macro (VBA)' },
  { test: /^xl\/threadedComments\//i, label: 'chú thích dạng hội thoại (threaded comments)' },
  { test: /^xl\/ctrlProps\//i, label: 'điều khiển biểu mẫu (form controls)' },
  { test: /^xl\/externalLinks\//i, label: 'liên kết tới tệp khác' },
];

export interface PartsReport {
  /** Labels of the parts present that the copy will lack. */
  unsupported: string[];
  /** Notes (cell comments) in the file, to compare with those the library loaded. */
  noteCount: number;
  /** Workbook-level names in the file (print settings aside), to compare with those loaded. */
  definedNames: string[];
}

/** What the file holds that needs a warning; drawn shapes are found inside drawings. */
export async function inspectParts(bytes: Uint8Array | Buffer): Promise<PartsReport> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  const found = new Set<string>();
  for (const name of names) {
    for (const kind of PART_KINDS) if (kind.test.test(name)) found.add(kind.label);
  }
  for (const name of names.filter((n) => /^xl\/drawings\/drawing\d*\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (/<xdr:sp[\s>]/.test(xml)) found.add('hình vẽ (shapes, text box)');
  }
  // ExcelJS drops notes on empty cells: the caller compares this count with the notes it loaded.
  let noteCount = 0;
  for (const name of names.filter((n) => /^xl\/comments\d*\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async('string');
    noteCount += (xml.match(/<comment[\s>]/g) ?? []).length;
  }
  // ExcelJS keeps only names that point at plain ranges: the caller compares with what it loaded.
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const definedNames = [...workbookXml.matchAll(/<definedName\b[^>]*\bname="([^"]+)"/g)]
    .map((m) => m[1])
    .filter((n) => !n.startsWith('_xlnm.'));
  return { unsupported: [...found], noteCount, definedNames };
}
