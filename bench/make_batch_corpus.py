"""Build the batch benchmark corpus from the fixtures.

Usage: python3 bench/make_batch_corpus.py DIR N [--hostile]

Writes N PDFs under DIR/pdf (cycling through the PDF fixtures that extract)
and N text/Word inputs under DIR/docs (the text fixtures, every tenth one
the Word fixture), 500 files per sub-folder, as hard links where possible.
With --hostile every 25th input of each half is instead one of the inputs
that must fail or warn without costing memory: a zip bomb, encrypted,
scanned, truncated or garbage PDFs, a .doc, UTF-16 text.

phuluc_v_seed004.txt is left out unless BENCH_ALL_TEXTS=1: it alone takes
about 1.4 s to extract (flat-text table rebuilding), so with it the text
share of the corpus measures that one document rather than the batch.
"""

import os
import shutil
import sys
from pathlib import Path

PDFS = ["appendix_docx.pdf", "appendix_reportlab.pdf", "borderless.pdf"]
SLOW_TEXTS = {"phuluc_v_seed004.txt"}
TEXTS = sorted(
    p.name
    for p in Path("fixtures/text").glob("*.txt")
    if os.environ.get("BENCH_ALL_TEXTS") == "1" or p.name not in SLOW_TEXTS
)


def place(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def hostile_inputs(out: Path) -> list:
    """The hostile inputs, written once under OUT/hostile-src."""
    src = out / "hostile-src"
    src.mkdir(parents=True, exist_ok=True)
    pdf = Path("fixtures/pdf/borderless.pdf").read_bytes()
    (src / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (src / "garbage.pdf").write_bytes(bytes((i * 7919) % 251 for i in range(20000)))
    text = Path("fixtures/text/congvan_seed001.txt").read_text(encoding="utf-8")
    (src / "notepad_unicode.txt").write_bytes(b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le"))
    made = sorted(src.iterdir())
    fixtures = ["docx/bomb.docx", "docx/appendix.doc", "pdf/encrypted_secret.pdf", "pdf/scan.pdf"]
    return made + [Path("fixtures") / f for f in fixtures]


def main() -> None:
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    hostile = hostile_inputs(out) if "--hostile" in sys.argv[3:] else []
    for i in range(n):
        sub = f"{i // 500:03d}"
        pdf = Path("fixtures/pdf") / PDFS[i % len(PDFS)]
        if hostile and i % 25 == 24:
            pdf = hostile[(i // 25) % len(hostile)]
        place(pdf, out / "pdf" / sub / f"{i:05d}_{pdf.name}")
        if hostile and i % 25 == 12:
            src = hostile[(i // 25 + 3) % len(hostile)]
        elif i % 10 == 9:
            src = Path("fixtures/docx/appendix.docx")
        else:
            src = Path("fixtures/text") / TEXTS[i % len(TEXTS)]
        place(src, out / "docs" / sub / f"{i:05d}_{src.name}")


if __name__ == "__main__":
    main()
