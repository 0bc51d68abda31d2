#!/usr/bin/env python3
"""Make image-only "scans" of digital PDF fixtures for the OCR tests.

Each page is rasterized in gray (pdftoppm), turned by a small angle,
speckled with noise, JPEG-compressed, and wrapped back into a PDF that
holds one DCTDecode image per page and no text at all, the way a scanner
writes it. The scan keeps the digital fixture's expected output: the test
compares both.

    python3 scripts/make_scans.py   # needs poppler-utils (pdftoppm) and Pillow

Writes fixtures/scans/<name>.pdf for each SOURCES entry.
"""

import io
import random
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "scans"

# (source PDF, output name, dpi, rotation in degrees, JPEG quality)
SOURCES = [
    ("fixtures/pdf/appendix_reportlab.pdf", "appendix_reportlab_scan", 200, 0.9, 55),
    ("fixtures/pdf/appendix_docx.pdf", "appendix_docx_scan", 240, -0.6, 50),
]


def pages(pdf, dpi):
    """Gray page images of a PDF at `dpi`, with their sizes in points."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True
        )
        for path in sorted(Path(tmp).glob("p-*.pgm")):
            img = Image.open(path).convert("L")
            img.load()
            yield img, (img.width * 72 / dpi, img.height * 72 / dpi)


def scanned(img, angle, rng):
    """The page as a scanner would see it: turned, grayed, speckled."""
    img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    px = img.load()
    w, h = img.size
    for _ in range(w * h // 1500):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((0, 90, 160, 230))
    # Paper is not white.
    return img.point(lambda v: int(v * 0.92 + 12))


def write_pdf(path, images):
    """An image-only PDF: one DCTDecode image per page, drawn full page."""
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    kids = []
    pages_id = 1
    add(b"")  # placeholder for the page tree, filled below
    for jpeg, (w_px, h_px), (w_pt, h_pt) in images:
        image = add(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
            b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode "
            b"/Length %d >>\nstream\n" % (w_px, h_px, len(jpeg))
            + jpeg
            + b"\nendstream"
        )
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w_pt, h_pt)
        content_id = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, w_pt, h_pt, image, content_id)
            )
        )
    objects[0] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, xref)
    )
    path.write_bytes(out.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for source, name, dpi, angle, quality in SOURCES:
        rng = random.Random(name)
        images = []
        for img, size_pt in pages(ROOT / source, dpi):
            buf = io.BytesIO()
            scanned(img, angle, rng).save(buf, "JPEG", quality=quality)
            images.append((buf.getvalue(), img.size, size_pt))
        target = OUT / f"{name}.pdf"
        write_pdf(target, images)
        print(f"{target.relative_to(ROOT)}: {len(images)} pages, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
