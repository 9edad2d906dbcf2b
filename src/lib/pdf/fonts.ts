import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

/**
 * Noto Sans (SIL Open Font License 1.1, assets/fonts/OFL.txt), cut down to Latin, Latin Extended-A and Cyrillic
 * so that each PDF parses less font; pdf-lib embeds only the glyphs a document uses. Read once per process.
 * Noto Sans Arabic Regular and Bold (Arabic and Persian letters and digits, with its OpenType layout tables for joining and
 * ligatures) is embedded only into documents that print Arabic script.
 */
let cache: { regular: Uint8Array; bold: Uint8Array; arabic: Uint8Array; arabicBold: Uint8Array } | undefined;

export function fontBytes() {
  cache ??= {
    regular: readFileSync(path.join(fontsDir, 'NotoSans-Regular.ttf')),
    bold: readFileSync(path.join(fontsDir, 'NotoSans-Bold.ttf')),
    arabic: readFileSync(path.join(fontsDir, 'NotoSansArabic-Regular.ttf')),
    arabicBold: readFileSync(path.join(fontsDir, 'NotoSansArabic-Bold.ttf')),
  };
  return cache;
}
