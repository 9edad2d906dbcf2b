import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fontsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');

/**
 * Noto Sans (SIL Open Font License 1.1, assets/fonts/OFL.txt), cut down to Latin, Latin Extended-A and Cyrillic
 * so that each PDF parses less font; pdf-lib embeds only the glyphs a document uses. Read once per process.
 * Noto Sans Arabic is shipped for the right-to-left languages still to come.
 */
let cache: { regular: Uint8Array; bold: Uint8Array } | undefined;

export function fontBytes() {
  cache ??= {
    regular: readFileSync(path.join(fontsDir, 'NotoSans-Regular.ttf')),
    bold: readFileSync(path.join(fontsDir, 'NotoSans-Bold.ttf')),
  };
  return cache;
}
