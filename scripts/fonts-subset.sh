#!/usr/bin/env bash
# Rebuilds assets/fonts from Debian's fonts-noto-core with fonttools' pyftsubset (apt-get install fonts-noto-core
# fonttools): Latin, Latin-1, Latin Extended-A, the Romanian comma letters, Cyrillic, punctuation, € and the ballot
# boxes for Noto Sans, without OpenType layout tables (no kerning or ligatures: fontkit shapes no text then,
# the costliest step of every PDF, and pdftotext reads the plain letters); the Arabic blocks, shaping kept, for
# Noto Sans Arabic Regular and Bold.
set -euo pipefail
src=/usr/share/fonts/truetype/noto
out="$(dirname "$0")/../assets/fonts"
latin='U+0020-007E,U+00A0-017F,U+0218-021B,U+0300-0301,U+0400-045F,U+0490-0491,U+2010-2027,U+2030,U+2039-203A,U+20AC,U+2116,U+2122,U+2190-2193,U+2212,U+2610,U+2611,U+2713,U+FFFD'
for face in NotoSans-Regular NotoSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$latin" --layout-features='' --drop-tables+=GSUB,GPOS,GDEF --output-file="$out/$face.ttf"
done
for face in NotoSansArabic-Regular NotoSansArabic-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes='U+0020-007E,U+00A0,U+0600-06FF,U+0750-077F,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F' \
    --layout-features='*' --output-file="$out/$face.ttf"
  # Its glyphs padded to even lengths: pyftsubset writes a long loca with odd-length glyphs, fontkit's subsets of
  # it pick the short loca (offsets halved), and every glyph after an odd one would render empty.
  python3 -c 'import sys; from fontTools.ttLib import TTFont; f = TTFont(sys.argv[1]); f["glyf"].padding = 2; f.save(sys.argv[1])' "$out/$face.ttf"
done
