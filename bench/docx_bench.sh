#!/usr/bin/env bash
# Files per second reading .docx: nhiemvu's read_docx (examples/read_docx,
# one file after another, release build) against `pandoc -t plain` on the
# same files, in the same run.
#
# Usage: bench/docx_bench.sh [N_FILES]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONDONTWRITEBYTECODE=1
n="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 bench/make_docx_corpus.py "$work/corpus" "$n"
cargo build --release --quiet --example read_docx
bin="${CARGO_TARGET_DIR:-target}/release/examples/read_docx"
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $n files, $bytes bytes"

start=$(date +%s.%N)
"$bin" "$work/corpus"
end=$(date +%s.%N)
ours=$(echo "$end - $start" | bc -l)

start=$(date +%s.%N)
for f in "$work"/corpus/*.docx; do
    pandoc -f docx -t plain "$f" >/dev/null
done
end=$(date +%s.%N)
theirs=$(echo "$end - $start" | bc -l)

printf 'read_docx: %.3f s, %.1f files/s (process included)\n' "$ours" "$(echo "$n / $ours" | bc -l)"
printf 'pandoc -t plain: %.3f s, %.1f files/s\n' "$theirs" "$(echo "$n / $theirs" | bc -l)"
printf 'ratio: %.1fx pandoc\n' "$(echo "$theirs / $ours" | bc -l)"
