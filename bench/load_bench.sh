#!/usr/bin/env bash
# Load throughput of `nhiemvu load` (release build): generates extract
# output holding N tasks (default 10,000) made from the tasks of
# fixtures/diff/plan-2026-01.json, with 300 distinct lead units, then times
#   1. one document of N tasks into a new SQLite database (one transaction);
#   2. the same again (nothing changes: the idempotent re-load);
#   3. N/100 documents of 100 tasks each (one transaction per document);
#   4. with BENCH_POSTGRES=postgres://... also (1) into that database's
#      schema `load_bench` (dropped and re-created).
#
# Usage: bench/load_bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/nhiemvu"

python3 - "$work" "$n" <<'PY'
import copy, json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
plan = json.load(open("fixtures/diff/plan-2026-01.json", encoding="utf-8"))
def document(number, first, count):
    doc = copy.deepcopy(plan)
    doc["document"]["number"] = number
    doc["document"]["title"] = f"Kế hoạch {number}"
    doc["source"]["sha256"] = f"{abs(hash(number)):064x}"[-64:]
    doc["tasks"] = []
    for i in range(first, first + count):
        task = copy.deepcopy(plan["tasks"][i % len(plan["tasks"])])
        task.update(id=f"{number}/-/{i + 1}", number=str(i + 1), section=None,
                    name=f"{task['name']} (đợt {i})")
        task["lead_units"][0]["name"] = f"Đơn vị {i % 300}"
        doc["tasks"].append(task)
    return doc
os.makedirs(f"{work}/one"); os.makedirs(f"{work}/many")
json.dump(document("1-KH/BENCH", 0, n), open(f"{work}/one/big.json", "w"), ensure_ascii=False)
for k in range(n // 100):
    json.dump(document(f"{k + 1}-KH/MANY", 0, 100),
              open(f"{work}/many/doc{k:04}.json", "w"), ensure_ascii=False)
PY

run() {
    local label="$1"; shift
    local start end
    start=$(date +%s.%N)
    "$bin" load "$@" > "$work/out.txt"
    end=$(date +%s.%N)
    printf '%-44s %6.2f s   %s\n' "$label" "$(python3 -c "print($end - $start)")" "$(tail -n 1 "$work/out.txt" | cut -c1-90)"
}
run "$n tasks, 1 document, new SQLite database" "$work/one" --db "sqlite:$work/one.db"
run "the same again (no change)" "$work/one" --db "sqlite:$work/one.db"
run "$n tasks, $((n / 100)) documents of 100" "$work/many" --db "sqlite:$work/many.db"
if [ -n "${BENCH_POSTGRES:-}" ]; then
    psql "$BENCH_POSTGRES" -q -c 'DROP SCHEMA IF EXISTS load_bench CASCADE; CREATE SCHEMA load_bench'
    run "$n tasks, 1 document, PostgreSQL" "$work/one" \
        --db "$BENCH_POSTGRES?options=-csearch_path%3Dload_bench"
fi
