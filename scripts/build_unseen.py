#!/usr/bin/env python3
"""Build the sources of the "unseen layouts" corpus (fixtures/unseen/).

Each source table is a subset of the hand-checked tasks of the real
appendix seed 004 (fixtures/text/phuluc_v_seed004.expected.json). For every
source table this writes:

  * the Word files (python-docx) and HTML files that third-party tools
    (LibreOffice, Chromium) then render to PDF -- see render_unseen.sh;
  * ONE expected JSON, <stem>.expected.json, whose tasks are copied field for
    field from the hand-checked seed record (never from nhiemvu output);
  * MANIFEST.tsv: every input (.docx, .pdf, .layout.txt, .raw.txt) and the
    expected JSON it must be compared with.

    python3 scripts/build_unseen.py [OUT_DIR]     # default fixtures/unseen
"""
import copy
import html
import json
import os
import sys
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ALIGN_VERTICAL
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "fixtures/text/phuluc_v_seed004.expected.json")
SUBTITLE = "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026"
# The seed's own paragraph above each section's table.
INTRO = ("Các nhiệm vụ trọng tâm {} cần tập trung thực hiện, trong đó các nhiệm vụ đều "
         "rõ việc, rõ cơ quan chủ trì, cơ quan phối hợp, thời hạn hoàn thành, kết quả:")


# Cell keys of a task row, in the order of the seven-column tables; "note"
# is an always-empty "Ghi chú" column (an empty extra column adds nothing to
# a task's extra_columns).
COLS = ["tt", "name", "docs", "lead", "coord", "deadline", "result"]


def pick(tasks, group=None, section=None, numbers=None):
    """Seed tasks of one group (section I) or one section, optionally only
    the given numbers, in source order."""
    out = []
    for t in tasks:
        g = t["group"]["number"] if t["group"] else None
        s = t["section"]["number"] if t["section"] else None
        if group is not None and (s != "I" or g != group):
            continue
        if section is not None and s != section:
            continue
        if numbers is not None and t["number"] not in numbers:
            continue
        out.append(t)
    return out


def r(a, b):
    """Numbers 3.a .. 3.b of group 3 (inclusive)."""
    return {f"3.{i}" for i in range(a, b + 1)}


# Source tables: header wording, column widths (cm), TT style and the
# renderings made from each. Header wordings are variants seen in real
# appendices. "dot": task numbers written "1.1." as in the seed;
# "merged_heads": section and group rows are one cell across the whole row
# ("I. NHIỆM VỤ …") instead of number cell + merged title cell.
SOURCES = [
    dict(
        stem="pl_a",
        title="PHỤ LỤC V",
        header=["TT", "Tên nhiệm vụ", "Văn bản giao nhiệm vụ", "Đơn vị chủ trì",
                "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"],
        widths=[1.2, 4.6, 2.6, 2.3, 2.3, 1.9, 2.1],
        dot=True,
        select=lambda ts: pick(ts, "1") + pick(ts, "2") + pick(ts, "7")
        + pick(ts, section="III") + pick(ts, section="IV"),
        renderings=[
            dict(variant="ruled", kind="docx", borders=True, font="Times New Roman",
                 size=12, repeat_header=True),
            dict(variant="borderless", kind="docx", borders=False, font="Times New Roman",
                 size=12, vcenter="all", justify=True, repeat_header=True),
        ],
    ),
    dict(
        stem="pl_b",
        title="PHỤ LỤC I",
        header=["STT", "Nội dung công việc", "Văn bản giao", "Cơ quan chủ trì",
                "Cơ quan phối hợp", "Thời hạn hoàn thành", "Kết quả dự kiến"],
        widths=[1.3, 9.5, 3.6, 3.4, 3.2, 2.4, 2.4],
        dot=False,
        merged_heads=True,
        select=lambda ts: pick(ts, "3", numbers=r(1, 40)),
        renderings=[
            dict(variant="landscape_ruled", kind="docx", borders=True, font="DejaVu Sans",
                 size=11, landscape=True),
            dict(variant="landscape_borderless", kind="docx", borders=False,
                 font="DejaVu Sans", size=11, landscape=True),
        ],
    ),
    dict(
        stem="pl_c",
        title="PHỤ LỤC 02",
        header=["STT", "Nhiệm vụ", "Văn bản giao nhiệm vụ", "Cơ quan chủ trì",
                "Cơ quan phối hợp", "Thời gian thực hiện", "Sản phẩm"],
        widths=[1.2, 5.0, 2.6, 2.5, 2.5, 2.0, 2.2],
        dot=True,
        select=lambda ts: pick(ts, "3", numbers=r(41, 62)) + pick(ts, "4") + pick(ts, "6")
        + pick(ts, section="IV"),
        renderings=[
            dict(variant="html_ruled", kind="html", borders=True),
            dict(variant="html_borderless", kind="html", borders=False),
        ],
    ),
    dict(
        stem="pl_d",
        title="PHỤ LỤC III",
        header=["TT", "Nhiệm vụ", "Văn bản giao", "Đơn vị chủ trì", "Đơn vị phối hợp",
                "Thời hạn", "Sản phẩm"],
        widths=[1.3, 3.6, 2.8, 2.6, 2.6, 2.0, 2.1],
        dot=True,
        select=lambda ts: pick(ts, "1", numbers={"1.2", "1.3", "1.7"})
        + pick(ts, "3", numbers={"3.6", "3.7", "3.8", "3.11", "3.12"}) + pick(ts, "5")
        + pick(ts, section="III"),
        renderings=[
            dict(variant="tall_ruled", kind="docx", borders=True, font="Liberation Serif",
                 size=13, vcenter="tt"),
            dict(variant="tall_borderless", kind="docx", borders=False,
                 font="Liberation Serif", size=13, vcenter="tt", justify=True),
            dict(variant="html_tall", kind="html", borders=True, vcenter="tt"),
        ],
    ),
    dict(
        stem="pl_e",
        title="PHỤ LỤC IV",
        header=["STT", "Tên nhiệm vụ", "Văn bản giao nhiệm vụ", "Cơ quan chủ trì",
                "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả dự kiến"],
        widths=[1.2, 8.0, 3.6, 3.4, 3.4, 2.6, 3.5],
        dot=False,
        select=lambda ts: pick(ts, "2") + pick(ts, "5", numbers={f"5.{i}" for i in range(1, 21)})
        + pick(ts, section="IV"),
        renderings=[
            dict(variant="vmerge_ruled", kind="docx", borders=True, font="Times New Roman",
                 size=12, landscape=True, vmerge=True),
            dict(variant="html_hrules", kind="html", borders="horizontal", vmerge=True,
                 landscape=True, font="Liberation Sans", size=10),
        ],
    ),
    dict(
        stem="pl_g",
        title="PHỤ LỤC 03",
        header=["STT", "Nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Cơ quan phối hợp",
                "Thời gian thực hiện", "Sản phẩm", "Ghi chú"],
        widths=[1.1, 4.3, 2.3, 2.1, 2.1, 1.9, 1.8, 1.4],
        cols=COLS + ["note"],
        dot=True,
        select=lambda ts: pick(ts, "3", numbers=r(45, 62)) + pick(ts, "7"),
        renderings=[
            dict(variant="narrow_ruled", kind="docx", borders=True,
                 font="Liberation Sans Narrow", size=12, repeat_header=True),
            dict(variant="html_condensed_borderless", kind="html", borders=False,
                 landscape=True, font="DejaVu Serif Condensed", size=10),
        ],
    ),
    # As in the seed itself: each section a bold heading paragraph and an
    # intro paragraph (the seed's own wording) above its own table, the
    # tables with different column sets and orders; header labels typed
    # with manual line breaks.
    dict(
        stem="pl_f",
        title="PHỤ LỤC V",
        dot=True,
        tables=[
            dict(section="I", intro=INTRO.format("về chuyển đổi số của các cơ quan đảng"),
                 header=["TT", "Tên nhiệm vụ", "Văn bản\ngiao nhiệm vụ", "Đơn vị\nchủ trì",
                         "Đơn vị\nphối hợp", "Thời gian\nhoàn thành"],
                 widths=[1.2, 5.6, 2.9, 2.4, 2.4, 2.5],
                 cols=["tt", "name", "docs", "lead", "coord", "deadline"]),
            dict(section="II", intro=INTRO.format("của ngành Kiểm sát nhân dân"),
                 header=["TT", "Tên nhiệm vụ", "Đơn vị\nchủ trì", "Đơn vị\nphối hợp",
                         "Kết quả", "Thời gian\nhoàn thành"],
                 widths=[1.2, 5.6, 2.4, 2.4, 3.0, 2.4],
                 cols=["tt", "name", "lead", "coord", "result", "deadline"]),
            dict(section="III", intro=INTRO.format("về chuyển đổi số của ngành tòa án nhân dân"),
                 header=["TT", "Tên nhiệm vụ", "Đơn vị\nchủ trì", "Đơn vị\nphối hợp",
                         "Kết quả", "Thời gian\nhoàn thành"],
                 widths=[1.2, 5.6, 2.4, 2.4, 3.0, 2.4],
                 cols=["tt", "name", "lead", "coord", "result", "deadline"]),
            dict(section="IV",
                 header=["TT", "Tên nhiệm vụ", "Đơn vị\nchủ trì", "Đơn vị\nphối hợp",
                         "Kết quả\n(các phần mềm đã sẵn sàng)"],
                 widths=[1.2, 5.8, 2.8, 2.8, 4.4],
                 cols=["tt", "name", "lead", "coord", "result"]),
        ],
        select=lambda ts: pick(ts, "4") + pick(ts, "6") + pick(ts, "7")
        + pick(ts, section="II") + pick(ts, section="III") + pick(ts, section="IV"),
        renderings=[
            dict(variant="tables_ruled", kind="docx", borders=True, font="Times New Roman",
                 size=13),
            dict(variant="tables_borderless", kind="docx", borders=False,
                 font="Times New Roman", size=13),
            dict(variant="html_tables", kind="html", borders=True),
        ],
    ),
]


# Columns whose runs of equal, non-empty cells are merged vertically in the
# "vmerge" renderings.
MERGED_COLUMNS = ("docs", "lead", "coord", "deadline")

# Columns whose text is centred.
CENTRED_COLUMNS = ("tt", "deadline")


def task_cells(t, dot):
    """The cell texts of one seed task, by column key."""
    return {
        "tt": t["number"] + ("." if dot and "." in t["number"] else ""),
        "name": t["name"],
        "docs": "; ".join(d["raw"] for d in t["assigning_documents"]),
        "lead": "; ".join(u["raw"] for u in t["lead_units"]),
        "coord": "; ".join(u["raw"] for u in t["coordinating_units"]),
        "deadline": t["deadline"]["raw"] if t["deadline"] else "",
        "result": t["result"] or "",
        "note": "",
    }


def rows_of(tasks, dot, sections):
    """Table rows: ("section", number, title) (only when `sections`),
    ("group", number, title) and ("task", {column key: text}) in source
    order."""
    rows, sec, grp = [], None, None
    for t in tasks:
        s = t["section"]
        g = t["group"]
        if s and s["number"] != sec:
            if sections:
                rows.append(("section", s["number"], s["title"]))
            sec, grp = s["number"], None
        if g and g["number"] != grp:
            rows.append(("group", g["number"], g["title"]))
            grp = g["number"]
        rows.append(("task", task_cells(t, dot)))
    return rows


def blocks(src, tasks):
    """What goes below the title: a list of blocks, each an optional
    section heading and intro paragraph followed by one table (header,
    widths, column keys, rows). One block holding every section for the
    single-table sources; one block per section for sources with
    "tables"."""
    if "tables" not in src:
        return [dict(heading=None, intro=None, header=src["header"], widths=src["widths"],
                     cols=src.get("cols", COLS), rows=rows_of(tasks, src["dot"], sections=True))]
    out = []
    for spec in src["tables"]:
        part = [t for t in tasks if t["section"]["number"] == spec["section"]]
        sec = part[0]["section"]
        out.append(dict(heading=f"{sec['number']}. {sec['title']}", intro=spec.get("intro"),
                        header=spec["header"], widths=spec["widths"], cols=spec["cols"],
                        rows=rows_of(part, src["dot"], sections=False)))
    return out


def spans(rows, cols):
    """For every task row and merged column: the run length at the start of
    a run of equal non-empty cells (1 when alone), 0 inside a run. Runs
    stop at section and group rows."""
    out = [dict() for _ in rows]
    for c in MERGED_COLUMNS:
        if c not in cols:
            continue
        i = 0
        while i < len(rows):
            if rows[i][0] != "task":
                i += 1
                continue
            j = i + 1
            text = rows[i][1][c]
            while text and j < len(rows) and rows[j][0] == "task" and rows[j][1][c] == text:
                out[j][c] = 0
                j += 1
            out[i][c] = j - i
            i = j
    return out


def no_borders(table):
    """Word's "No Border": every table border set to none."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "nil")
        borders.append(b)
    tbl_pr.append(borders)


def repeat_as_header(row):
    """Mark a row as the table header Word repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    tr_pr.append(h)


def fixed_layout(table, widths):
    """Fixed column widths (tblLayout fixed + tblGrid), as Word writes them."""
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w / 2.54 * 1440)))


def write_cell(cell, text, bold=False, center=False, justify=False):
    """Text into a cell's first paragraph; a newline becomes a manual line
    break (Shift+Enter)."""
    p = cell.paragraphs[0]
    for k, line in enumerate(text.split("\n")):
        run = p.add_run(line)
        run.bold = bold
        if k + 1 < len(text.split("\n")):
            run.add_break()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(2)


def add_docx_table(doc, src, block, rend):
    """One table of a Word document."""
    widths, cols, rows = block["widths"], block["cols"], block["rows"]
    table = doc.add_table(rows=1, cols=len(widths))
    if rend["borders"]:
        table.style = doc.styles["Table Grid"]
    else:
        no_borders(table)
    fixed_layout(table, widths)
    vcenter = rend.get("vcenter")
    justify = rend.get("justify", False)
    head = table.rows[0]
    if rend.get("repeat_header"):
        repeat_as_header(head)
    for cell, label, w in zip(head.cells, block["header"], widths):
        cell.width = Cm(w)
        write_cell(cell, label, bold=True, center=True)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
    runs = spans(rows, cols) if rend.get("vmerge") else [dict() for _ in rows]
    table_rows = [table.add_row() for _ in rows]
    for r, (row, tr) in enumerate(zip(rows, table_rows)):
        cells = tr.cells
        for cell, w in zip(cells, widths):
            cell.width = Cm(w)
        if row[0] in ("section", "group"):
            num = row[1] + ("." if row[0] == "group" else "")
            if src.get("merged_heads"):
                write_cell(cells[0].merge(cells[-1]), f"{row[1]}. {row[2]}", bold=True)
            else:
                write_cell(cells[0], num, bold=True, center=True)
                write_cell(cells[1].merge(cells[-1]), row[2], bold=True)
            continue
        for i, (cell, col) in enumerate(zip(cells, cols)):
            span = runs[r].get(col, 1)
            if span == 0:
                continue
            if span > 1:
                cell = cell.merge(table_rows[r + span - 1].cells[i])
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
            text = row[1][col]
            if text:
                write_cell(cell, text, center=col in CENTRED_COLUMNS,
                           justify=justify and col == "name")
            if vcenter == "all" or (vcenter == "tt" and col == "tt"):
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def build_docx(src, tasks, rend, path):
    """A Word file: title lines, then each block's heading, intro and table."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = rend["font"]
    normal.font.size = Pt(rend["size"])
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), rend["font"])
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if rend.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.left_margin = sec.right_margin = Cm(1.5)
    else:
        sec.left_margin, sec.right_margin = Cm(2.5), Cm(1.5)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    for line in (src["title"], SUBTITLE):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(line).bold = True
    for block in blocks(src, tasks):
        if block["heading"]:
            p = doc.add_paragraph()
            p.paragraph_format.space_before = Pt(12)
            p.add_run(block["heading"]).bold = True
        if block["intro"]:
            p = doc.add_paragraph(block["intro"])
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1.0)
        if not block["heading"]:
            doc.add_paragraph()
        add_docx_table(doc, src, block, rend)
    doc.save(path)
    fixed_zip_times(path)


def fixed_zip_times(path):
    """Rewrite a .docx with fixed member timestamps, so that rebuilding an
    unchanged source gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)


HTML_STYLE = """
@page { size: A4; margin: 2cm 1.5cm 2cm 2.5cm; }
body { font-family: "Liberation Serif", "Times New Roman", serif; font-size: 12pt; }
h1 { font-size: 13pt; text-align: center; margin: 0; }
h2 { font-size: 12pt; margin: 14pt 0 4pt 0; }
p.intro { text-align: justify; text-indent: 1cm; margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 14pt; }
th, td { padding: 3pt 4pt; vertical-align: top; }
th { vertical-align: middle; text-align: center; }
td.c { text-align: center; }
tr.sec td, tr.grp td { font-weight: bold; }
"""


def html_header_label(label):
    """A header label as typed in real tables: explicit newlines become
    <br>; long one-line labels are broken after their first word."""
    if "\n" in label:
        return "<br>".join(html.escape(x) for x in label.split("\n"))
    if len(label) > 12:
        return html.escape(label).replace(" ", "<br>", 1)
    return html.escape(label)


def html_table(src, block, rend):
    """One table as HTML."""
    cols, rows = block["cols"], block["rows"]
    total = sum(block["widths"])
    colgroup = "".join(f'<col style="width:{w / total * 100:.1f}%">' for w in block["widths"])
    head = "".join(f"<th>{html_header_label(h)}</th>" for h in block["header"])
    body = []
    n = len(cols)
    runs = spans(rows, cols) if rend.get("vmerge") else [dict() for _ in rows]
    for r, row in enumerate(rows):
        if row[0] in ("section", "group"):
            cls = "sec" if row[0] == "section" else "grp"
            num = row[1] + ("." if row[0] == "group" else "")
            if src.get("merged_heads"):
                body.append(f'<tr class="{cls}"><td colspan="{n}">'
                            f'{html.escape(row[1])}. {html.escape(row[2])}</td></tr>')
            else:
                body.append(f'<tr class="{cls}"><td class="c tt">{html.escape(num)}</td>'
                            f'<td colspan="{n - 1}">{html.escape(row[2])}</td></tr>')
            continue
        tds = []
        for col in cols:
            span = runs[r].get(col, 1)
            if span == 0:
                continue
            cls = ' class="c tt"' if col == "tt" else (
                ' class="c"' if col in CENTRED_COLUMNS else "")
            rowspan = f' rowspan="{span}" style="vertical-align: middle"' if span > 1 else ""
            tds.append(f"<td{cls}{rowspan}>{html.escape(row[1][col])}</td>")
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (f"<table>\n<colgroup>{colgroup}</colgroup>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n")


def build_html(src, tasks, rend, path):
    """An HTML page: title lines, then each block's heading, intro and table."""
    style = HTML_STYLE
    if rend.get("landscape"):
        style += "@page { size: A4 landscape; margin: 1.5cm; }\n"
    if rend.get("font"):
        style += f'body {{ font-family: "{rend["font"]}"; font-size: {rend["size"]}pt; }}\n'
    if rend["borders"] == "horizontal":
        style += "table { border-top: 1pt solid #000; border-bottom: 1pt solid #000; }\n"
        style += "th { border-bottom: 1pt solid #000; } td { border-top: 0.5pt solid #888; }\n"
    elif rend["borders"]:
        style += "th, td { border: 0.75pt solid #000; }\n"
    if rend.get("vcenter") == "tt":
        style += "td.tt { vertical-align: middle; }\n"
    parts = []
    for block in blocks(src, tasks):
        if block["heading"]:
            parts.append(f"<h2>{html.escape(block['heading'])}</h2>")
        if block["intro"]:
            parts.append(f'<p class="intro">{html.escape(block["intro"])}</p>')
        parts.append(html_table(src, block, rend))
    body = "\n".join(parts)
    doc = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(src['title'])}</title>
<style>{style}</style></head>
<body>
<h1>{html.escape(src['title'])}</h1>
<h1>{html.escape(SUBTITLE)}</h1>
{body}
</body></html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)


def expected_doc(src, tasks, source_path):
    """The expected output: the seed's hand-checked tasks, ids re-based on
    the source stem, locations dropped (not compared). The source block
    names the first PDF rendering; its sha256 is a placeholder (rebuilt
    renderings differ in timestamps, and the hash is not compared)."""
    out_tasks = []
    for t in tasks:
        t = copy.deepcopy(t)
        sec = t["section"]["number"] if t["section"] else "-"
        t["id"] = f"{src['stem']}/{sec}/{t['number']}"
        t["source"] = {"page": None, "line": None}
        out_tasks.append(t)
    return {
        "schema_version": "2",
        "source": {"path": source_path, "sha256": "0" * 64, "input_kind": "pdf",
                   "pages": None},
        "document": {"kind": "appendix", "number": None, "type": None, "issuer": None,
                     "date": None, "title": f"{src['title']} {SUBTITLE}"},
        "tasks": out_tasks,
        "warnings": [],
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures/unseen")
    os.makedirs(out, exist_ok=True)
    seed = json.load(open(SEED, encoding="utf-8"))["tasks"]
    manifest = ["# input\texpected  (paths relative to this folder; written by "
                "scripts/build_unseen.py)"]
    for src in SOURCES:
        tasks = src["select"](seed)
        expected = f"{src['stem']}.expected.json"
        first = None
        for rend in src["renderings"]:
            name = f"{src['stem']}.{rend['variant']}"
            if rend["kind"] == "docx":
                build_docx(src, tasks, rend, os.path.join(out, name + ".docx"))
                manifest.append(f"{name}.docx\t{expected}")
                first = first or name
            else:
                build_html(src, tasks, rend, os.path.join(out, name + ".html"))
                first = first or name
            for suffix in (".pdf", ".layout.txt", ".raw.txt"):
                manifest.append(f"{name}{suffix}\t{expected}")
        doc = expected_doc(src, tasks, f"fixtures/unseen/{first}.pdf")
        with open(os.path.join(out, expected), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"{src['stem']}: {len(tasks)} tasks, {len(src['renderings'])} renderings")
    with open(os.path.join(out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()
