#!/usr/bin/env python3
"""Generate src/pdf/tables.rs: the PDF base encodings (WinAnsi as cp1252,
MacRoman, Standard) and the Adobe Glyph List For New Fonts, from Python's
codecs and fontTools.

    python3 scripts/gen_pdf_tables.py [OUT]    # default src/pdf/tables.rs
"""
import sys
from fontTools import agl
from fontTools.encodings.StandardEncoding import StandardEncoding
from fontTools.encodings.MacRoman import MacRoman
def tbl(name, chars, doc):
    out = [f"/// {doc}", f"pub const {name}: [char; 256] = ["]
    row = []
    for c in chars:
        row.append("'\\u{%04X}'" % ord(c))
    for i in range(0, 256, 8):
        out.append("    " + ", ".join(row[i:i+8]) + ",")
    out.append("];")
    return "\n".join(out)
win = []
for i in range(256):
    try:
        c = bytes([i]).decode('cp1252')
    except UnicodeDecodeError:
        c = chr(i)
    if i < 32: c = '\0'
    win.append(c)
mac = [('\0' if i < 32 else bytes([i]).decode('mac_roman')) for i in range(256)]
std = []
for i,n in enumerate(StandardEncoding):
    std.append(chr(agl.AGL2UV[n]) if n in agl.AGL2UV else '\0')
names = sorted((n, u) for n, u in agl.AGL2UV.items())
lines = ["//! Generated from fontTools' copy of the Adobe Glyph List For New Fonts and",
"//! the PDF base encodings by scripts/gen_pdf_tables.py (do not edit by hand).",
"",
tbl("WIN_ANSI", win, "WinAnsiEncoding (Windows code page 1252) by code; the Latin-1 control character where cp1252 leaves a code undefined, NUL below 0x20."),
"",
tbl("MAC_ROMAN", mac, "MacRomanEncoding by code; NUL where undefined."),
"",
tbl("STANDARD", std, "Adobe StandardEncoding by code; NUL where undefined."),
"",
"/// Glyph name to Unicode, sorted by name for binary search.",
"pub const GLYPH_NAMES: &[(&str, char)] = &["]
for n,u in names:
    lines.append('    ("%s", \'\\u{%04X}\'),' % (n, u))
lines.append("];")
open(sys.argv[1] if len(sys.argv) > 1 else "src/pdf/tables.rs", "w").write("\n".join(lines)+"\n")
