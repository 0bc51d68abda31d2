#!/usr/bin/env python3
"""Make a Word file whose pages are pictures of a scan, for the OCR tests.

Takes the page images of a scan fixture (fixtures/scans/*.pdf, written by
scripts/make_scans.py: one DCTDecode image per page) and wraps them into a
minimal .docx with one picture per page and no text, the way a scanned
page pasted into Word looks:

- page 1: the scan's JPEG bytes as they are, in a DrawingML picture
  (w:drawing / a:blip r:embed), displayed shrunk to the text width;
- page 2: the scan thresholded to one bit a pixel, as a PNG, in a VML
  picture (w:pict / v:imagedata r:id) without a displayed size.

The .docx keeps the scan's expected output: tests/ocr.rs compares both.

    python3 scripts/make_docx_scans.py   # needs Pillow

Writes fixtures/scans/<name>.docx for each SOURCES entry.
"""

import io
import re
import zipfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "scans"

# (scan PDF, output name)
SOURCES = [
    ("fixtures/scans/appendix_reportlab_scan.pdf", "appendix_reportlab_scan"),
]

# Gray level under which a pixel is ink in the one-bit page.
THRESHOLD = 140
# EMUs a point; the picture of page 1 is shown 451 pt wide (A4 text width).
EMU = 12700
SHOWN_WIDTH_PT = 451


def jpeg_pages(pdf):
    """The DCTDecode image streams of a scan PDF, in page order."""
    data = pdf.read_bytes()
    pattern = rb"/Width (\d+) /Height (\d+) [^>]*?/Filter /DCTDecode /Length (\d+) >>\nstream\n"
    for m in re.finditer(pattern, data):
        start, length = m.end(), int(m.group(3))
        yield data[start : start + length], (int(m.group(1)), int(m.group(2)))


def one_bit_png(jpeg):
    """The page thresholded to black and white, as PNG bytes."""
    img = Image.open(io.BytesIO(jpeg)).convert("L")
    bw = img.point(lambda v: 255 if v >= THRESHOLD else 0).convert("1", dither=Image.NONE)
    buf = io.BytesIO()
    bw.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def drawing(rid, size_px, n):
    """A DrawingML inline picture shown SHOWN_WIDTH_PT wide."""
    w, h = size_px
    cx = SHOWN_WIDTH_PT * EMU
    cy = round(cx * h / w)
    return (
        f'<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Picture {n}"/>'
        f'<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="page{n}"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        f"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def vml(rid):
    """A VML picture without a displayed size (Word 2003 style)."""
    return (
        f'<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        f'<w:p><w:r><w:pict><v:shape id="page" type="#_x0000_t75">'
        f'<v:imagedata r:id="{rid}" o:title=""/></v:shape></w:pict></w:r></w:p>'
    )


NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)


def write_docx(path, pages):
    """A .docx with one picture a page: JPEG drawn, then PNGs in VML."""
    body, rels, media = [], [], []
    for n, (jpeg, size) in enumerate(pages, 1):
        rid = f"rId{n + 10}"
        if n == 1:
            name, data = f"image{n}.jpeg", jpeg
            body.append(drawing(rid, size, n))
        else:
            name, data = f"image{n}.png", one_bit_png(jpeg)
            body.append(vml(rid))
        media.append((f"word/media/{name}", data))
        rels.append(
            f'<Relationship Id="{rid}" Target="media/{name}" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
        )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>'
        "</w:body></w:document>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="jpeg" ContentType="image/jpeg"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        '<Override PartName="/word/document.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    # Fixed timestamps: the same inputs give the same bytes.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", package_rels),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", document_rels),
        ] + media:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def main():
    for source, name in SOURCES:
        pages = list(jpeg_pages(ROOT / source))
        target = OUT / f"{name}.docx"
        write_docx(target, pages)
        print(f"{target.relative_to(ROOT)}: {len(pages)} pictures, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
