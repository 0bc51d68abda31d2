#!/usr/bin/env python3
"""Score nhiemvu on the unseen-layouts corpus (fixtures/unseen/MANIFEST.tsv).

For every manifest row, runs `BIN extract INPUT -o TMP --format json -q`,
matches the extracted tasks to the expected ones by task number within
section, and prints (as Markdown) per input: expected, found, matched,
fully right, recall and precision, then totals per rendering kind and per
producer, and the per-field agreement among matched tasks.

A matched task is "fully right" when name, lead_units, coordinating_units,
deadline.raw, assigning_documents (raw) and result all equal the expected
ones after NFC and whitespace folding. Document-level fields (title,
issuer, ...) and task ids are NOT scored: the corpus tests table readers.

    python3 scripts/score_unseen.py BIN [MANIFEST]   # default fixtures/unseen/MANIFEST.tsv
    python3 scripts/score_unseen.py BIN --details INPUT_SUBSTRING [MANIFEST]
    python3 scripts/score_unseen.py BIN --strict-hyphen [...]  # no hyphen fold (below)

--details prints, for the manifest inputs whose path contains the
substring, the missing and unexpected tasks and every field that differs.

assigning_documents are compared with "digit-hyphen-space" folded to
"digit-hyphen" ("04- KH/CQTTBCD" = "04-KH/CQTTBCD"). Why: a source may
print a space after the hyphen of a document number, and a renderer may
wrap the line right after that hyphen; on the wrapped page the space is
gone (a line end shows no spaces), so no reader of the rendering can know
whether it was there, and joining as most documents write the number
("04-KH") is as right as a reader can be. The fold applies to that one
spot only (a digit, a hyphen, spaces); nhiemvu itself keeps a space the
page shows on one line. --strict-hyphen turns the fold off (to report
both figures).
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import OrderedDict

FIELDS = ["name", "lead_units", "coordinating_units", "deadline.raw",
          "assigning_documents", "result"]


def fold(text):
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).split())


# Set by --strict-hyphen: compare document references as printed.
STRICT_HYPHEN = False
# A digit, a hyphen and a space in a document number (see the docstring).
HYPHEN_SPACE = re.compile(r"(?<=[0-9])- +")


def field(task, name):
    """A task field reduced to what is compared."""
    if name == "deadline.raw":
        return fold(task["deadline"]["raw"]) if task.get("deadline") else None
    if name == "assigning_documents" and not STRICT_HYPHEN:
        return [HYPHEN_SPACE.sub("-", fold(x["raw"])) for x in task.get(name) or []]
    if name in ("lead_units", "coordinating_units", "assigning_documents"):
        return [fold(x["raw"]) for x in task.get(name) or []]
    return fold(task.get(name))


def key(task):
    sec = task.get("section")
    return (sec["number"] if sec else "-", fold(task["number"]))


def kind(input_name):
    if input_name.endswith(".layout.txt"):
        return "layout.txt"
    if input_name.endswith(".raw.txt"):
        return "raw.txt"
    if input_name.endswith(".docx"):
        return "docx"
    if "borderless" in input_name:
        return "pdf borderless"
    return "pdf horizontal rules" if "hrules" in input_name else "pdf ruled"


def producer(input_name):
    """Which tool made the input: the Word file itself, or the PDF renderer
    (LibreOffice for Word sources, Chromium for HTML) and the text format."""
    if input_name.endswith(".docx"):
        return "python-docx (Word reader)"
    tool = "Chromium" if ".html" in input_name else "LibreOffice"
    fmt = input_name.rsplit(".", 2)[-2] + ".txt" if input_name.endswith(".txt") else "pdf"
    return f"{tool} {fmt}"


def extract(binary, path):
    """The extracted document, or (None, error message)."""
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.run([binary, "extract", path, "-o", out, "--format", "json", "-q"],
                              capture_output=True, text=True, timeout=600)
        docs = [p for p in glob.glob(os.path.join(out, "*.json"))]
        if len(docs) != 1:
            msg = (proc.stderr.strip() or f"exit {proc.returncode}").splitlines()
            return None, msg[0] if msg else f"exit {proc.returncode}"
        with open(docs[0], encoding="utf-8") as f:
            return json.load(f), None


def pairs(expected, got):
    """The expected tasks by key, the extracted tasks, and the matched
    (key, extracted, expected) triples: the first extracted task with an
    expected task's (section, number) is its match."""
    want = OrderedDict((key(t), t) for t in expected["tasks"])
    found = got["tasks"] if got else []
    matched, used = [], set()
    for t in found:
        k = key(t)
        if k in want and k not in used:
            used.add(k)
            matched.append((k, t, want[k]))
    return want, found, matched


def details(inp, expected, got, err):
    """Print what differs for one input."""
    print(f"## {inp}" + (f"  ({err})" if err else ""))
    want, found, matched = pairs(expected, got)
    keys = [key(t) for t in found]
    print("missing:", [f"{s}/{n}" for s, n in want if (s, n) not in keys])
    print("unexpected:", [f"{s}/{n}" for s, n in keys if (s, n) not in want])
    for k, t, w in matched:
        for f in FIELDS:
            if field(t, f) != field(w, f):
                print(f"{k[0]}/{k[1]} {f}:\n    got  {field(t, f)!r}\n    want {field(w, f)!r}")
    print()


def score(expected, got):
    """Counts for one input: expected, found, matched, right, per-field."""
    want, found, matched = pairs(expected, got)
    per_field = {f: 0 for f in FIELDS}
    right = 0
    for _, t, w in matched:
        equal = [f for f in FIELDS if field(t, f) == field(w, f)]
        for f in equal:
            per_field[f] += 1
        right += len(equal) == len(FIELDS)
    return dict(expected=len(want), found=len(found), matched=len(matched), right=right,
                fields=per_field)


def pct(a, b):
    return f"{100.0 * a / b:.0f}%" if b else "-"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    args = sys.argv[1:]
    global STRICT_HYPHEN
    if "--strict-hyphen" in args:
        STRICT_HYPHEN = True
        args.remove("--strict-hyphen")
    only = None
    if "--details" in args:
        i = args.index("--details")
        only = args[i + 1]
        del args[i:i + 2]
    binary = args[0]
    manifest = args[1] if len(args) > 1 else "fixtures/unseen/MANIFEST.tsv"
    base = os.path.dirname(manifest)
    rows = []
    with open(manifest, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            inp, exp = line.rstrip("\n").split("\t")[:2]
            rows.append((inp, exp))
    expected_cache = {}
    if only is not None:
        for inp, exp in rows:
            if only in inp:
                with open(os.path.join(base, exp), encoding="utf-8") as f:
                    expected = json.load(f)
                got, err = extract(binary, os.path.join(base, inp))
                details(inp, expected, got, err)
        return
    print("| input | kind | expected | found | matched | fully right | recall | precision | note |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    scored = []
    for inp, exp in rows:
        if exp not in expected_cache:
            with open(os.path.join(base, exp), encoding="utf-8") as f:
                expected_cache[exp] = json.load(f)
        got, err = extract(binary, os.path.join(base, inp))
        s = score(expected_cache[exp], got)
        scored.append((inp, s))
        print(f"| {inp} | {kind(inp)} | {s['expected']} | {s['found']} | {s['matched']} "
              f"| {s['right']} | {pct(s['matched'], s['expected'])} "
              f"| {pct(s['matched'], s['found'])} | {err or ''} |")
        sys.stdout.flush()
    by_kind = totals(scored, kind)
    print_totals("kind", by_kind)
    print_totals("producer", totals(scored, producer))
    print()
    print("Field agreement among matched tasks:")
    print()
    print("| kind | " + " | ".join(FIELDS) + " |")
    print("|---|" + "---:|" * len(FIELDS))
    for k, t in by_kind.items():
        print(f"| {k} | " + " | ".join(pct(t["fields"][f], t["matched"]) for f in FIELDS) + " |")


def totals(scored, group):
    """Sums of the per-input counts by group(input), then over all inputs."""
    out = OrderedDict()
    for inp, s in scored:
        for g in (group(inp), "**all**"):
            t = out.setdefault(g, dict(inputs=0, expected=0, found=0, matched=0, right=0,
                                       fields={f: 0 for f in FIELDS}))
            t["inputs"] += 1
            for n in ("expected", "found", "matched", "right"):
                t[n] += s[n]
            for f in FIELDS:
                t["fields"][f] += s["fields"][f]
    out.move_to_end("**all**")
    return out


def print_totals(label, table):
    """A Markdown table of totals, preceded by a blank line."""
    print()
    print(f"| {label} | inputs | expected | found | matched | fully right | recall | precision "
          "| right/expected |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k, t in table.items():
        print(f"| {k} | {t['inputs']} | {t['expected']} | {t['found']} | {t['matched']} "
              f"| {t['right']} | {pct(t['matched'], t['expected'])} "
              f"| {pct(t['matched'], t['found'])} | {pct(t['right'], t['expected'])} |")

if __name__ == "__main__":
    main()
