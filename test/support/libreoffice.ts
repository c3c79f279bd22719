/**
 * LibreOffice for tests that open what the product writes as a person's office program would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * LibreOffice on PATH with its Writer part: a Calc-only install has `soffice` too but cannot
 * load a .docx, which says nothing about the document.
 */
export function canConvertDocx(): boolean {
  const which = spawnSync('which', ['soffice'], { encoding: 'utf8' });
  if (which.status !== 0) return false;
  const program = path.dirname(realpathSync(which.stdout.trim()));
  return ['libswlo.so', 'libmergedlo.so'].some((lib) => existsSync(path.join(program, lib)));
}

/** Converts a file with LibreOffice into `dir` (own profile, so a running LibreOffice does not block it). */
export function convertWithLibreOffice(file: string, to: string, dir: string): number | null {
  const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
  return spawnSync('soffice', [profile, '--headless', '--convert-to', to, '--outdir', dir, file], { timeout: 120000 }).status;
}

/** pdftotext (poppler-utils), which keeps each printed line of a PDF on a line of its own with -layout. */
export function canReadPdf(): boolean {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** The printed lines of a PDF, as laid out on its pages. */
export function pdfLines(pdf: string): string[] {
  return spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\n');
}
