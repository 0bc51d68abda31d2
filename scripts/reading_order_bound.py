#!/usr/bin/env python3
"""How much of a reading-order text (`pdftotext` without `-layout`) a row
reader can read at all, measured on the unseen-layouts corpus.

Without positions, a reader finds a table row by its number and takes the
text after it as the row's cells. That works where the renderer
printed the row's number right before the row's task name, and the name as
one run of text. This script counts, for every `*.raw.txt` input of
fixtures/unseen/MANIFEST.tsv and the expected tasks of its document:

- `name in one run`: the expected name occurs in the text, whitespace folded;
- `readable`: the name occurs right after the row's number (what a reader
  without positions can find);
- with BIN given, the tasks nhiemvu reads fully right (as
  scripts/score_unseen.py scores them), and how many of those are readable.

The `readable` share measures how much row order the renderer kept. It is
not a strict bound: a reader can still split a name from words of another
column it recognises (a document number, a deadline), so a few tasks outside
it are read right. But a task whose number is printed apart from its cells
(the number column emitted as one block) or whose name is interleaved with
the words of other cells in free text cannot be placed in its row without
guessing where rows begin.

    python3 scripts/reading_order_bound.py [BIN] [MANIFEST]
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_unseen  # noqa: E402  (the scorer's folding and matching)


def readable_keys(expected, text):
    """The (section, number) keys of the expected tasks whose name occurs in
    `text`, and of those whose name follows the row's number."""
    in_one_run, readable = set(), set()
    for task in expected["tasks"]:
        name = score_unseen.fold(task["name"])
        if name not in text:
            continue
        key = score_unseen.key(task)
        in_one_run.add(key)
        number = re.escape(score_unseen.fold(task["number"]).rstrip("."))
        if re.search(r"(?:^| )" + number + r"\.? " + re.escape(name), text):
            readable.add(key)
    return in_one_run, readable


def fully_right_keys(binary, path, expected):
    """The keys of the tasks nhiemvu extracts fully right from `path`."""
    got, _ = score_unseen.extract(binary, path)
    _, _, matched = score_unseen.pairs(expected, got)
    return {k for k, t, w in matched
            if all(score_unseen.field(t, f) == score_unseen.field(w, f)
                   for f in score_unseen.FIELDS)}


def main():
    args = sys.argv[1:]
    binary = args[0] if args and not args[0].endswith(".tsv") else None
    manifest = next((a for a in args if a.endswith(".tsv")), "fixtures/unseen/MANIFEST.tsv")
    base = os.path.dirname(manifest)
    print("| input | expected | name in one run | readable | fully right | right and readable |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0, 0]
    with open(manifest, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t")[:2] for l in f if l.strip() and not l.startswith("#")]
    for inp, exp in rows:
        if not inp.endswith(".raw.txt"):
            continue
        with open(os.path.join(base, exp), encoding="utf-8") as f:
            expected = score_unseen.json.load(f)
        with open(os.path.join(base, inp), encoding="utf-8") as f:
            text = score_unseen.fold(f.read())
        in_one_run, readable = readable_keys(expected, text)
        right = fully_right_keys(binary, os.path.join(base, inp), expected) if binary else set()
        counts = [len(expected["tasks"]), len(in_one_run), len(readable), len(right),
                  len(right & readable)]
        totals = [a + b for a, b in zip(totals, counts)]
        shown = counts if binary else counts[:3] + ["-", "-"]
        print(f"| {inp} | " + " | ".join(map(str, shown)) + " |")
    n = totals[0]
    print(f"| **all** | {n} | {totals[1]} ({totals[1] / n:.2f}) | {totals[2]} ({totals[2] / n:.2f}) "
          + (f"| {totals[3]} ({totals[3] / n:.2f}) | {totals[4]} |" if binary else "| - | - |"))


if __name__ == "__main__":
    main()
