/**
 * Saving a file from the task pane: a Blob behind a temporary <a download>, which Excel on the
 * web and browsers hand to their downloads. The object URL is released once the click is done.
 */
import type { Outcome } from '../workbook/gateway';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
} as const;

export function downloadFile(data: Uint8Array | string, fileName: string, type: string): Outcome<string> {
  try {
    const part: BlobPart = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
    const url = URL.createObjectURL(new Blob([part], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Some browsers read the URL after click() returns: release it a little later.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    return { ok: true, value: fileName };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The files' names: ASCII, with the year, as the command line's demo names them. */
export const fileNames = {
  docx: (year: number) => `du-thao-quyet-dinh-${year}.docx`,
  letters: (year: number) => `thu-ket-qua-${year}.docx`,
  csv: (year: number) => `xep-hang-${year}.csv`,
  json: (year: number) => `xep-hang-${year}.json`,
};
