#!/usr/bin/env bash
# Batch throughput of `nhiemvu extract` against `pdftotext` on the same PDFs,
# in one run (release build).
#
# Builds a corpus of N copies of the PDF fixtures that extract
# (fixtures/pdf/appendix_docx.pdf, appendix_reportlab.pdf, borderless.pdf)
# and N text/Word inputs (fixtures/text/*.txt, every tenth one
# fixtures/docx/appendix.docx), spread over folders of 500, then reports:
#   - the mixed corpus (2N files) at --jobs 1 and --jobs 2: files/s, pages/s,
#     peak RSS (GNU time -v);
#   - the PDFs alone at --jobs 1 and --jobs 2: pages/s beside pdftotext over
#     the same files, one after another and with xargs -P2 (the floor:
#     text only, no layout, no records).
#
# Usage: bench/batch_bench.sh [N]   (default 5000: 5,000 PDFs + 5,000 others)
#        BENCH_ALL_TEXTS=1 bench/batch_bench.sh N   also uses the slow text fixture
#        bench/batch_bench.sh --memory [N]   memory check only: one --jobs 2
#            run over the 2N inputs with hostile ones mixed in (make_batch_corpus.py
#            --hostile), failing unless peak RSS stays under MAX_RSS_MB (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
memory=0
if [ "${1:-}" = --memory ]; then memory=1; shift; fi
n="${1:-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
    apt-get install -y -qq time >/dev/null
fi
[ "$memory" = 1 ] || command -v pdftotext >/dev/null ||
    { echo "pdftotext (poppler-utils) is needed" >&2; exit 2; }
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/nhiemvu"

PYTHONDONTWRITEBYTECODE=1 python3 bench/make_batch_corpus.py "$work/corpus" "$n" \
    $([ "$memory" = 1 ] && echo --hostile)
rm -rf "$work/corpus/hostile-src"
pdfs="$work/corpus/pdf"
find "$pdfs" -name '*.pdf' | sort > "$work/pdfs.txt"
echo "corpus: $n PDFs + $n text/Word files, $(du -shl --apparent-size "$work/corpus" | cut -f1)"

# run NAME CMD...: wall seconds and peak RSS (KiB) of CMD into $work/NAME.{secs,rss}
run() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/$name.time" "$@" >/dev/null 2>"$work/$name.err" || true
    awk -F': ' '/Elapsed \(wall clock\)/ {
        n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' \
        "$work/$name.time" > "$work/$name.secs"
    awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/$name.time" > "$work/$name.rss"
    awk -F': ' '/Percent of CPU/ { print $2 }' "$work/$name.time" > "$work/$name.cpu"
}
if [ "$memory" = 1 ]; then
    run memory "$bin" extract "$work/corpus" -o "$work/out-memory" -j 2
    rss_mb=$(( $(cat "$work/memory.rss") / 1024 ))
    tail -n 1 "$work/memory.err"
    echo "errors: $(wc -l < "$work/out-memory/errors.jsonl") inputs, by code:" \
        "$(grep -o '"code":"[a-z_]*"' "$work/out-memory/errors.jsonl" | sort | uniq -c | tr -s ' \n' ' ')"
    echo "$((2 * n)) inputs in $(cat "$work/memory.secs") s, peak RSS ${rss_mb} MB (limit ${MAX_RSS_MB:-200} MB)"
    [ "$rss_mb" -lt "${MAX_RSS_MB:-200}" ] || { echo "peak RSS over the limit" >&2; exit 1; }
    exit 0
fi
row() { # row LABEL NAME FILES PAGES
    local secs rss
    secs=$(cat "$work/$2.secs"); rss=$(cat "$work/$2.rss")
    printf '| %-30s | %6d | %7.1f | %8.1f | %8.1f | %6.1f | %5s |\n' "$1" "$3" "$secs" \
        "$(echo "$3 / $secs" | bc -l)" "$(echo "$4 / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" \
        "$(cat "$work/$2.cpu")"
}

for j in 1 2; do
    run "mixed$j" "$bin" extract "$work/corpus" -o "$work/out-mixed$j" -j "$j"
    run "pdf$j" "$bin" extract "$pdfs" -o "$work/out-pdf$j" -j "$j"
done
run loop bash -c 'while IFS= read -r f; do pdftotext -q "$f" /dev/null; done < "$1"' _ "$work/pdfs.txt"
run xargs bash -c 'tr "\n" "\0" < "$1" | xargs -0 -P2 -I{} pdftotext -q {} /dev/null' _ "$work/pdfs.txt"

pages=$(grep -o '"pages":[0-9]*' "$work/out-pdf1/manifest.jsonl" | awk -F: '{ s += $2 } END { print s }')
echo "PDF pages: $pages"
for kind in mixed pdf; do
    for name in tasks.jsonl tasks.csv errors.jsonl; do
        cmp -s "$work/out-${kind}1/$name" "$work/out-${kind}2/$name" ||
            { echo "$kind $name differs between --jobs 1 and --jobs 2" >&2; exit 1; }
    done
done
tail -n 1 "$work/mixed2.err"
echo
echo "| run                            | files  | secs    | files/s  | pages/s  | RSS MB | CPU   |"
echo "|--------------------------------|--------|---------|----------|----------|--------|-------|"
row "nhiemvu mixed --jobs 1" mixed1 $((2 * n)) "$pages"
row "nhiemvu mixed --jobs 2" mixed2 $((2 * n)) "$pages"
row "nhiemvu PDFs --jobs 1" pdf1 "$n" "$pages"
row "nhiemvu PDFs --jobs 2" pdf2 "$n" "$pages"
row "pdftotext loop (1 core)" loop "$n" "$pages"
row "pdftotext xargs -P2 (2 cores)" xargs "$n" "$pages"
echo
ratio() { echo "$(cat "$work/$2.secs") / $(cat "$work/$1.secs")" | bc -l; }
printf 'PDFs pages/s vs pdftotext: --jobs 1 %.2fx the loop, --jobs 2 %.2fx xargs -P2\n' \
    "$(ratio pdf1 loop)" "$(ratio pdf2 xargs)"
printf 'scaling --jobs 2 / --jobs 1: mixed %.2fx, PDFs %.2fx\n' "$(ratio mixed2 mixed1)" "$(ratio pdf2 pdf1)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (CPU: share of one core the run got)"
