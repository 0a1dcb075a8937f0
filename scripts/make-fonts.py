#!/usr/bin/python3
"""Subsets Noto Sans CJK SC (Debian's fonts-noto-cjk) into the portal's bundled fonts, and Font Awesome
into its icon font.

The browser draws the portal's text from the device's own fonts (web/glyphs.js), so only the icons
are fetched by default. The CJK subsets are for a kiosk whose OS has no CJK font: it opens the
portal with ?fonts=bundled and loads them as web fonts ahead of the system stack.
  ui-regular.otf                ASCII, common punctuation and every character of the --ui-text
                                (string tables) and --content-text files (FAQ, demo data).
  ui-bold.otf                   the same for the string tables only: bold is for the portal's own
                                words (headings, labels), never for content.
  extra-regular.otf             the rest of GB 2312 (6,763 hanzi), regular weight only, so characters
                                a customer types still render.
  icons.ttf                     the Font Awesome 4.7 icons named in src/portal/icons.h.
Run with Debian's interpreter (/usr/bin/python3): it has python3-fonttools.
"""
import argparse
import pathlib
import re
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

NOTO_DIR = pathlib.Path("/usr/share/fonts/opentype/noto")
FONT_AWESOME = pathlib.Path("/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf")
# In Debian's NotoSansCJK-*.ttc the faces are JP, KR, SC, TC, HK; index 2 is Simplified Chinese.
SIMPLIFIED_CHINESE_FACE = 2

BASE_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 (¥, ×, ·, accented names)
    (0x2010, 0x2027),  # dashes, quotes, bullet, ellipsis
    (0x2030, 0x203A),  # per mille, primes, angle quotes
    (0x2190, 0x2193),  # arrows
    (0x2460, 0x2473),  # circled numbers
    (0x25A0, 0x25CF),  # geometric shapes (status dots)
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
]


def gb2312_hanzi():
    """All 6,763 hanzi of GB 2312 (rows 16-87), in code order."""
    chars = []
    for row in range(0xB0, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the five unassigned cells at the end of row 55
    return chars


def subset_face(source: pathlib.Path, codepoints: set, out: pathlib.Path):
    if source.suffix == ".ttc":
        font = TTCollection(str(source)).fonts[SIMPLIFIED_CHINESE_FACE]
    else:
        font = TTFont(str(source))
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl", "vert", "palt"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the licence-relevant names, drop the rest
    options.notdef_outline = True
    options.hinting = False  # ImGui's rasterizer ignores hints; dropping them saves a third
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out-dir", required=True, type=pathlib.Path)
    parser.add_argument("--icons", required=True, type=pathlib.Path, help="src/portal/icons.h")
    parser.add_argument("--ui-text", nargs="+", type=pathlib.Path, required=True,
                        help="string tables: their characters go into both first-chunk faces")
    parser.add_argument("--content-text", nargs="*", type=pathlib.Path, default=[],
                        help="FAQ, demo data: their characters go into the regular first chunk")
    args = parser.parse_args()

    def characters(paths):
        return {ord(c) for path in paths for c in path.read_text(encoding="utf-8") if ord(c) >= 0x20}

    ui = set()
    for lo, hi in BASE_RANGES:
        ui.update(range(lo, hi + 1))
    ui |= characters(args.ui_text)
    regular = ui | characters(args.content_text)
    extra = {ord(c) for c in gb2312_hanzi()} - regular

    for weight, first_chunk in (("Regular", regular), ("Bold", ui)):
        source = NOTO_DIR / f"NotoSansCJK-{weight}.ttc"
        if not source.exists():
            sys.exit(f"make-fonts: {source} is missing (Debian package fonts-noto-cjk)")
        subset_face(source, first_chunk, args.out_dir / f"ui-{weight.lower()}.otf")
    subset_face(NOTO_DIR / "NotoSansCJK-Regular.ttc", extra, args.out_dir / "extra-regular.otf")

    icons = {int(code, 16) for code in re.findall(r"\\u([0-9a-fA-F]{4})", args.icons.read_text())}
    if not FONT_AWESOME.exists():
        sys.exit(f"make-fonts: {FONT_AWESOME} is missing (Debian package fonts-font-awesome)")
    subset_face(FONT_AWESOME, icons, args.out_dir / "icons.ttf")


if __name__ == "__main__":
    main()
