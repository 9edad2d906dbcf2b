import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The text of a PDF as poppler's pdftotext reads it (poppler-utils, installed by .ci/run), spaces collapsed. */
export function pdfText(bytes: Uint8Array | Buffer, options: { layout?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, path.join(dir, 'document.txt')]);
    const text = readFileSync(path.join(dir, 'document.txt'), 'utf8');
    return options.layout ? text : text.replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page count and AcroForm field names, from poppler's pdfinfo and the PDF's own field dictionary. */
export function pdfPages(bytes: Uint8Array | Buffer): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders one page to a PNG for a person to look at (pdftoppm); returns the file name. */
export function pdfPagePng(bytes: Uint8Array | Buffer, file: string, page = 1): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  const pdf = path.join(dir, 'document.pdf');
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(page), '-l', String(page), '-singlefile', pdf, file.replace(/\.png$/, '')]);
  rmSync(dir, { recursive: true, force: true });
  return file;
}
