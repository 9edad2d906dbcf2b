import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQRModule from 'jsqr';

/** jsqr is CommonJS whose module.exports is the function; its types describe that as `.default`. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

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

/** The embedded fonts as pdffonts lists them: name, then whether embedded, subset and with a ToUnicode map. */
export function pdfFonts(bytes: Uint8Array | Buffer): Array<{ name: string; embedded: boolean; subset: boolean; unicode: boolean }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    return lines.map((line) => {
      const [yes1, yes2, yes3] = / (yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)!.slice(1);
      return { name: line.split(/\s+/)[0]!, embedded: yes1 === 'yes', subset: yes2 === 'yes', unicode: yes3 === 'yes' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each line of page 1 as pdftotext -bbox-layout finds it: its text in reading order and its left and right edge. */
export function pdfLines(bytes: Uint8Array | Buffer): Array<{ text: string; xMin: number; xMax: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', '-enc', 'UTF-8', file, path.join(dir, 'document.html')]);
    const html = readFileSync(path.join(dir, 'document.html'), 'utf8');
    return [...html.matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)].map((match) => ({
      xMin: Number(match[1]), xMax: Number(match[2]),
      text: [...match[3]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]!.replace(/&amp;/g, '&')).join(' '),
    }));
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
export function pdfPagePng(bytes: Uint8Array | Buffer, file: string, page = 1, resolution = 70): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  const pdf = path.join(dir, 'document.pdf');
  writeFileSync(pdf, bytes);
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), '-f', String(page), '-l', String(page), '-singlefile', pdf, file.replace(/\.png$/, '')]);
  rmSync(dir, { recursive: true, force: true });
  return file;
}

/**
 * The QR code a person would scan on page `page`: the page rendered in grey by pdftoppm (a PGM, read here
 * without any image library) and decoded with jsQR. Returns its text, or nothing when no code is found.
 */
export function pdfQrCodes(bytes: Uint8Array | Buffer, page = 1): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
  try {
    const pdf = path.join(dir, 'document.pdf');
    writeFileSync(pdf, bytes);
    execFileSync('pdftoppm', ['-gray', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdf, path.join(dir, 'page')]);
    const pgm = readFileSync(path.join(dir, 'page.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no PGM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = pixels[i]!;
      rgba[i * 4 + 3] = 255;
    }
    const found = jsQR(rgba, width, height);
    return found ? [found.data] : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
