#!/usr/bin/env bash
# Run one coverage-guided fuzz target for SECONDS, single job.
#
#   scripts/fuzz.sh pdf|docx|text|extract SECONDS
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# The seed corpus is built at run time from fixtures/ (and ../shared/corpus
# when present) into fuzz/corpus/TARGET, which is not committed; crashes go
# to fuzz/artifacts/TARGET. Turn each finding into a test under
# tests/fuzz_regressions/ (see tests/fuzz_regressions.rs). FUZZ_NO_BUILD=1 runs
# the binary `cargo +nightly fuzz build` last made, without rebuilding.
# FUZZ_TIMEOUT=SECONDS (default 20) is the time one input may take before it
# counts as a hang; raise it on a machine busy with other builds, where an
# AddressSanitizer run of an ordinary input can take that long.
set -euo pipefail
target=${1:?usage: scripts/fuzz.sh pdf|docx|text|extract SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/fuzz/corpus/$target"
mkdir -p "$corpus"
# Largest seed taken whole: bigger files make every execution slow.
max_seed=100000

seed() { # seed NAME MODE_BYTE FILE: the file's bytes behind a mode byte (or none)
  local name=$1 mode=$2 file=$3
  [ "$(stat -c %s "$file")" -le $max_seed ] || return 0
  if [ -n "$mode" ]; then
    { printf "\\x$mode"; cat "$file"; } >"$corpus/$name"
  else
    cp "$file" "$corpus/$name"
  fi
}

shared="$root/../shared/corpus"
case "$target" in
  pdf)
    for f in "$root"/fixtures/pdf/*.pdf "$shared"/real/*.pdf; do
      [ -f "$f" ] && seed "file-$(basename "$f")" 01 "$f"
    done
    # Page content streams of the same files, inflated, for the wrapped mode.
    python3 - "$corpus" "$root"/fixtures/pdf/*.pdf <<'PY'
import re, sys, zlib, os
out = sys.argv[1]
for path in sys.argv[2:]:
    data = open(path, 'rb').read()
    for k, m in enumerate(re.finditer(rb'stream\r?\n(.*?)endstream', data, re.S)):
        try:
            raw = zlib.decompress(m.group(1))
        except Exception:
            raw = m.group(1)
        if (b'Tj' in raw or b'TJ' in raw or b' re' in raw) and len(raw) < 100000:
            open(os.path.join(out, f'content-{os.path.basename(path)}-{k}'), 'wb').write(b'\x00' + raw)
PY
    ;;
  docx)
    for f in "$root"/fixtures/docx/*.docx "$shared"/real-docx/*.docx; do
      [ -f "$f" ] && [ "$(basename "$f")" != bomb.docx ] && seed "file-$(basename "$f")" 01 "$f"
    done
    # The XML parts of the same files, separated by 0x1E, for the zipped mode.
    python3 - "$corpus" "$root"/fixtures/docx/appendix*.docx "$shared"/real-docx/*.docx <<'PY'
import sys, zipfile, os
out = sys.argv[1]
for path in sys.argv[2:]:
    try:
        z = zipfile.ZipFile(path)
        parts = []
        for name in ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml']:
            parts.append(z.read(name) if name in z.namelist() else b'')
    except Exception:
        continue
    data = b'\x00' + b'\x1e'.join(parts)
    if len(data) < 100000:
        open(os.path.join(out, 'xml-' + os.path.basename(path)), 'wb').write(data)
PY
    ;;
  text|extract)
    for f in "$root"/fixtures/text/*.txt "$root"/fixtures/reading_order/*.txt "$root"/fixtures/check/*.txt; do
      seed "$(basename "$f")" "" "$f"
    done
    if [ "$target" = text ]; then
      f="$root/fixtures/text/congvan_seed001.txt"
      { printf '\xff\xfe'; sed 's/$/\r/' "$f" | iconv -f UTF-8 -t UTF-16LE; } >"$corpus/utf16le.txt"
      { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$f"; } >"$corpus/utf16be.txt"
    else
      # Tables as `|`-separated rows (the extract target's input format).
      (cd "$root" && cargo build --release --quiet)
      tables=$(mktemp -d)
      "$root/target/release/nhiemvu" tables "$root"/fixtures/pdf/*.pdf "$root"/fixtures/docx/appendix*.docx -o "$tables" >/dev/null 2>&1 || true
      python3 - "$corpus" "$tables"/*.csv <<'PY'
import csv, sys, os
out = sys.argv[1]
for path in sys.argv[2:]:
    rows = list(csv.reader(open(path, encoding='utf-8-sig')))
    text = '\n'.join('|' + '|'.join(c.replace('\n', '\\') for c in r) for r in rows)
    open(os.path.join(out, 'table-' + os.path.basename(path)), 'w').write(text)
PY
      rm -rf "$tables"
    fi
    ;;
  *) echo "unknown target $target (pdf, docx, text, extract)" >&2; exit 2 ;;
esac

echo "fuzz $target: $(ls "$corpus" | wc -l) seeds, ${seconds}s" >&2
cd "$root/fuzz"
options=(-max_total_time="$seconds" -max_len=131072 -rss_limit_mb=2048 -timeout="${FUZZ_TIMEOUT:-20}" -print_final_stats=1)
if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
  # Run the target as last built (cargo fuzz build), whatever changed since.
  mkdir -p "artifacts/$target"
  exec "target/x86_64-unknown-linux-gnu/release/$target" -artifact_prefix="artifacts/$target/" \
    "${options[@]}" "$corpus"
fi
exec cargo +nightly fuzz run "$target" "$corpus" -- "${options[@]}"
