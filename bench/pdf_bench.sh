#!/usr/bin/env bash
# Pages per second of `nhiemvu tables` and `nhiemvu extract` against
# `pdftotext` on the same files, on one core, side by side in one run.
#
#   bench/pdf_bench.sh            # fixtures, a generated 200-page table, the real corpus
#
# Sets: fixtures/pdf/*.pdf (without the password-protected one), a 200-page
# ruled task table generated here with reportlab, and ../shared/corpus/real
# when present. Each command runs RUNS times (default 3); the best time
# counts. Needs a release build (made here), pdftotext, pdfinfo, python3
# with reportlab. Pinned to one core with taskset when available.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${RUNS:-3}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
(cd "$ROOT" && cargo build --release --quiet)
BIN="$CARGO_TARGET_DIR/release/nhiemvu"
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
n = 0
while len(rows) < 3000:
    n += 1
    rows.append([Paragraph(f"{n}. Nhóm nhiệm vụ số {n} về chuyển đổi số", st)] + [""] * 5)
    for k in range(1, 9):
        rows.append([Paragraph(x, st) for x in [
            f"{n}.{k}.",
            "Xây dựng, hoàn thiện hệ thống thông tin, cơ sở dữ liệu dùng chung "
            "phục vụ chỉ đạo, điều hành của các cơ quan, đơn vị",
            "Kế hoạch số 11-KH/BCĐ ngày 27/3/2025", "Văn phòng Trung ương Đảng",
            "Các cơ quan, đơn vị liên quan", f"Quý {k % 4 + 1}/2026"]])
spans = [("SPAN", (0, i), (5, i)) for i, r in enumerate(rows) if r[1] == ""]
t = Table(rows, colWidths=[1.2*cm, 6.4*cm, 3.2*cm, 2.8*cm, 2.8*cm, 1.8*cm], repeatRows=1)
t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP")] + spans))
SimpleDocTemplate(sys.argv[1], pagesize=A4, leftMargin=1.5*cm, rightMargin=1.5*cm,
                  topMargin=1.5*cm, bottomMargin=1.5*cm).build([t])
PY

pages_of() { # total pages of the given files
    local total=0 p
    for f in "$@"; do
        p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        total=$((total + ${p:-0}))
    done
    echo "$total"
}

best_time() { # best wall time (s) of RUNS runs of a command
    local best="" i s e t
    for ((i = 0; i < RUNS; i++)); do
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc -l)
        if [[ -z "$best" ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
    done
    echo "$best"
}

run_pdftotext() { for f in "$@"; do "${PIN[@]}" pdftotext "$f" /dev/null; done; }
run_tables() { "${PIN[@]}" "$BIN" tables "$@" -o "$WORK/tables"; }
run_extract() { "${PIN[@]}" "$BIN" extract "$@" -o "$WORK/extract" --quiet; }

bench_set() { # name files...
    local name=$1
    shift
    local pages t_ref t_tab t_ext
    pages=$(pages_of "$@")
    t_ref=$(best_time run_pdftotext "$@")
    t_tab=$(best_time run_tables "$@")
    t_ext=$(best_time run_extract "$@")
    for pair in "pdftotext:$t_ref" "nhiemvu tables:$t_tab" "nhiemvu extract:$t_ext"; do
        local tool=${pair%%:*} t=${pair#*:}
        printf "%-22s %5d pages  %-16s %8.3f s  %9.1f pages/s  %5.2fx pdftotext\n" \
            "$name" "$pages" "$tool" "$t" "$(echo "$pages / $t" | bc -l)" "$(echo "$t_ref / $t" | bc -l)"
    done
}

echo "one core: ${PIN[*]:-(no taskset)}; best of $RUNS runs; $(nproc) cores on the machine"
mapfile -t FIXTURES < <(find "$ROOT/fixtures/pdf" -name '*.pdf' ! -name 'encrypted_secret.pdf' | sort)
bench_set "fixtures" "${FIXTURES[@]}"
bench_set "generated 200-page" "$WORK/generated_200p.pdf"
CORPUS="$ROOT/../shared/corpus/real"
if [[ -d "$CORPUS" ]]; then
    mapfile -t REAL < <(find "$CORPUS" -name '*.pdf' | sort)
    bench_set "real corpus" "${REAL[@]}"
else
    echo "real corpus: skipped ($CORPUS missing)"
fi
