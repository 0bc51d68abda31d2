#!/bin/sh
# Build the "unseen layouts" corpus: Word/HTML sources from
# scripts/build_unseen.py, rendered to PDF by third-party tools
# (LibreOffice for .docx, Chromium for .html), then converted to text by
# poppler's pdftotext (-layout and raw). See fixtures/unseen/README.md.
#
#     scripts/render_unseen.sh [OUT_DIR [STEM]]   # default fixtures/unseen, all
#
# With STEM (e.g. pl_b) only that source table's renderings are redone (the
# builder still rewrites every .docx/.html/expected file, byte-identical
# when unchanged); PDFs embed creation times, so redo only what changed.
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-fixtures/unseen}
STEM=${2:-}
python3 scripts/build_unseen.py "$OUT"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# LibreOffice with a private profile so parallel users do not collide.
for f in "$OUT"/$STEM*.docx; do
    timeout 180 soffice -env:UserInstallation=file://"$TMP"/lo --headless \
        --convert-to pdf --outdir "$OUT" "$f" >/dev/null 2>&1
done

for f in "$OUT"/$STEM*.html; do
    pdf=${f%.html}.pdf
    timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$TMP"/chromium --print-to-pdf="$pdf" --no-pdf-header-footer \
        "file://$(realpath "$f")" >/dev/null 2>&1
done

for pdf in "$OUT"/$STEM*.pdf; do
    base=${pdf%.pdf}
    pdftotext -layout "$pdf" "$base.layout.txt"
    pdftotext "$pdf" "$base.raw.txt"
done

# Every input named in the manifest must exist.
missing=0
grep -v '^#' "$OUT/MANIFEST.tsv" | cut -f1 | while read -r input; do
    [ -f "$OUT/$input" ] || { echo "missing rendering: $OUT/$input" >&2; exit 1; }
done || missing=1
du -sh "$OUT"
exit $missing
