#!/usr/bin/env bash
# Pages per second of `nhiemvu tables` and `nhiemvu extract` against
# `pdftotext` on the same files, on one core, side by side in one run.
# Pages per second are per CPU second (user + sys), measured with
# /usr/bin/time, so that other load on the machine does not skew them;
# every tool runs once per file. `tables` and `extract` run without OCR,
# as pdftotext reads no text from a scan either.
#
#   bench/pdf_bench.sh                 # fixtures, a generated 200-page table, the real corpus
#   SETS=generated bench/pdf_bench.sh  # only the 200-page ruled table (issue #13's goal)
#   KEEP=/tmp/200p.pdf bench/pdf_bench.sh  # also keep the generated file (to profile)
#   BIN=/tmp/old/nhiemvu bench/pdf_bench.sh  # time another build, without building
#
# Sets: fixtures/pdf/*.pdf (without the password-protected one), a 200-page
# ruled task table generated here with reportlab, and ../shared/corpus/real
# when present. Each command runs RUNS times (default 3); the best time
# counts. Needs a release build (made here), pdftotext, pdfinfo, python3
# with reportlab. Pinned to one core with taskset when available.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
SETS="${SETS:-fixtures generated real}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
# BIN=path/to/nhiemvu times another build (e.g. an older one) instead.
if [[ -z "${BIN:-}" ]]; then
    (cd "$ROOT" && cargo build --release --quiet)
    BIN="$CARGO_TARGET_DIR/release/nhiemvu"
fi
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A 200-page ruled task table (one table, header repeated on every page).
python3 - "$WORK/generated_200p.pdf" <<'PY'
import sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
st = ParagraphStyle("c", fontName="DejaVu", fontSize=8.5, leading=10.5)
header = ["TT", "Tên nhiệm vụ", "Văn bản giao nhiệm vụ", "Đơn vị chủ trì",
          "Đơn vị phối hợp", "Thời gian hoàn thành"]
rows = [[Paragraph(h, st) for h in header]]
# Names differ on every row (as in real plans); documents, units and
# deadlines repeat from short lists.
verbs = ["Xây dựng", "Hoàn thiện", "Rà soát", "Triển khai", "Nâng cấp", "Đánh giá"]
objects = ["hệ thống thông tin", "cơ sở dữ liệu", "nền tảng số", "quy trình nghiệp vụ",
           "hạ tầng kỹ thuật", "văn bản hướng dẫn", "dịch vụ công trực tuyến"]
units = ["Văn phòng Trung ương Đảng", "Bộ Công an", "Bộ Khoa học và Công nghệ",
         "Sở Nội vụ", "Sở Tài chính", "UBND các xã, phường", "Các cơ quan, đơn vị liên quan"]
docs = ["Kế hoạch số 11-KH/BCĐ ngày 27/3/2025", "Kế hoạch số 04-KH/CQTTBCĐ ngày 20/10/2025",
        "Quyết định số 1187/QĐ-BNV ngày 15/10/2025"]
n = 0
while len(rows) < 2850:
    n += 1
    rows.append([Paragraph(f"{n}. Nhóm nhiệm vụ số {n} về chuyển đổi số", st)] + [""] * 5)
    for k in range(1, 9):
        i = n * 8 + k
        name = (f"{verbs[i % 6]} {objects[i % 7]} phục vụ nhiệm vụ {n}.{k} về "
                f"{objects[(i // 7) % 7]}, bảo đảm kết nối, chia sẻ dữ liệu với "
                f"{units[(i // 3) % 7].lower()} trong năm {2025 + k % 3}")
        rows.append([Paragraph(x, st) for x in [
            f"{n}.{k}.", name, docs[i % 3], units[i % 7], units[(i + 3) % 7],
            f"Quý {k % 4 + 1}/2026"]])
spans = [("SPAN", (0, i), (5, i)) for i, r in enumerate(rows) if r[1] == ""]
t = Table(rows, colWidths=[1.2*cm, 6.4*cm, 3.2*cm, 2.8*cm, 2.8*cm, 1.8*cm], repeatRows=1)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP")] + spans))
SimpleDocTemplate(sys.argv[1], pagesize=A4, leftMargin=1.5*cm, rightMargin=1.5*cm,
                  topMargin=1.5*cm, bottomMargin=1.5*cm).build([t])
PY
if [[ -n "${KEEP:-}" ]]; then cp "$WORK/generated_200p.pdf" "$KEEP"; fi

pages_of() { # total pages of the given files
    local total=0 p
    for f in "$@"; do
        p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        total=$((total + ${p:-0}))
    done
    echo "$total"
}

# Best CPU time (user + sys, s) of RUNS runs of a command and its children:
# on a shared machine CPU time is steadier than wall time.
best_time() {
    local best="" i t
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -o "$WORK/time" -f "%U %S" "$@" >/dev/null 2>&1 || true
        t=$(tail -n 1 "$WORK/time" | awk '{print $1 + $2}')
        if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
    done
    echo "$best"
}

bench_set() { # name repeat files... (the list is read `repeat` times, for timer resolution)
    local name=$1 repeat=$2
    shift 2
    local files=() k pages t_ref t_tab t_ext
    for ((k = 0; k < repeat; k++)); do files+=("$@"); done
    set -- "${files[@]}"
    pages=$(pages_of "$@")
    t_ref=$(best_time "${PIN[@]}" bash -c 'for f in "$@"; do pdftotext "$f" /dev/null; done' _ "$@")
    # One process per file for every tool, as pdftotext takes one file.
    # No OCR: pdftotext reads no scan either (OCR is timed on its own: README, "Scanned PDFs (OCR)").
    t_tab=$(best_time "${PIN[@]}" bash -c 'for f in "${@:2}"; do "$1" tables "$f" -o "$0" --ocr never; done 2>/dev/null' \
        "$WORK/tables" "$BIN" "$@")
    t_ext=$(best_time "${PIN[@]}" bash -c 'for f in "${@:2}"; do "$1" extract "$f" -o "$0" --quiet --ocr never; done' \
        "$WORK/extract" "$BIN" "$@")
    for pair in "pdftotext:$t_ref" "nhiemvu tables:$t_tab" "nhiemvu extract:$t_ext"; do
        local tool=${pair%%:*} t=${pair#*:}
        printf "%-20s %5d pages  %-16s %7.3f s CPU  %8.1f pages/s  %5.2fx pdftotext\n" \
            "$name" "$pages" "$tool" "$t" "$(echo "$pages / $t" | bc -l)" "$(echo "$t_ref / $t" | bc -l)"
    done
}

echo "CPU time (user+sys), best of $RUNS runs, pinned: ${PIN[*]:-no (taskset missing)}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
mapfile -t FIXTURES < <(find "$ROOT/fixtures/pdf" -name '*.pdf' ! -name 'encrypted_secret.pdf' | sort)
wanted() { [[ " $SETS " == *" $1 "* ]]; }
if wanted fixtures; then bench_set "fixtures (x20)" 20 "${FIXTURES[@]}"; fi
if wanted generated; then bench_set "generated 200p (x5)" 5 "$WORK/generated_200p.pdf"; fi
CORPUS="$ROOT/../shared/corpus/real"
if ! wanted real; then
    :
elif [[ -d "$CORPUS" ]]; then
    mapfile -t REAL < <(find "$CORPUS" -name '*.pdf' | sort)
    bench_set "real corpus" 1 "${REAL[@]}"
else
    echo "real corpus: skipped ($CORPUS missing)"
fi
