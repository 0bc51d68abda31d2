"""Build the batch benchmark corpus from the fixtures.

Usage: python3 bench/make_batch_corpus.py DIR N

Writes N PDFs under DIR/pdf (cycling through the PDF fixtures that extract)
and N text/Word inputs under DIR/docs (the text fixtures, every tenth one
the Word fixture), 500 files per sub-folder, as hard links where possible.

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


def main() -> None:
    out, n = Path(sys.argv[1]), int(sys.argv[2])
    for i in range(n):
        sub = f"{i // 500:03d}"
        pdf = PDFS[i % len(PDFS)]
        place(Path("fixtures/pdf") / pdf, out / "pdf" / sub / f"{i:05d}_{pdf}")
        if i % 10 == 9:
            src = Path("fixtures/docx/appendix.docx")
        else:
            src = Path("fixtures/text") / TEXTS[i % len(TEXTS)]
        place(src, out / "docs" / sub / f"{i:05d}_{src.name}")


if __name__ == "__main__":
    main()
