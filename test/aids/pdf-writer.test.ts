import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from '../../src/lib/pdf/writer.js';
import { pdfText } from '../helpers/pdf.js';

async function onePage(text: string) {
  const pdf = await PdfWriter.create({ title: 'Probe', lang: 'de' });
  pdf.text(text, { bold: true });
  pdf.text(text);
  return pdf.finish((page, total) => `Seite ${page} von ${total}`);
}

describe('the PDF writer', () => {
  it('keeps every letter in the text layer across documents sharing the parsed fonts (the u of an earlier ü)', async () => {
    await onePage('für Übersicht');
    expect(pdfText(await onePage('Unterlagen und Bußgeld: 259 € – Ä Ö Ü ß – Київ'))).toBe(
      'Unterlagen und Bußgeld: 259 € – Ä Ö Ü ß – Київ Unterlagen und Bußgeld: 259 € – Ä Ö Ü ß – Київ Seite 1 von 1 ',
    );
  });

  it('embeds Noto Sans as subsets, never a standard font', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'familientag-pdf-'));
    try {
      writeFileSync(path.join(dir, 'probe.pdf'), await onePage('Ausfüllhilfe'));
      const fonts = execFileSync('pdffonts', [path.join(dir, 'probe.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts).toHaveLength(2);
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+NotoSans-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
