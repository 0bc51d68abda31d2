#!/usr/bin/env python3
"""Write N .docx files for bench/docx_bench.sh into a folder: copies of
fixtures/docx/appendix.docx and python-docx variants with 40 and 250
numbered task rows (vMerge and gridSpan rows included), in rotation.

Usage: make_docx_corpus.py OUT_DIR N
"""
import os
import shutil
import sys

from docx import Document

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "docx"))
import make_fixtures as mf  # noqa: E402


def variant(path, tasks):
    doc = Document()
    doc.add_paragraph("KẾ HOẠCH")
    for i in range(5):
        doc.add_paragraph(f"Nội dung định hướng số {i + 1} của kế hoạch", style="List Number")
    tt_list = mf.restarted_list(doc)
    table = doc.add_table(rows=tasks + 1, cols=4)
    table.style = "Table Grid"
    mf.mark_header(table.rows[0])
    for col, text in enumerate(("TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành")):
        mf.set_cell(table.cell(0, col), text)
    for r in range(1, tasks + 1):
        cells = table.rows[r].cells
        if r % 20 == 1:
            mf.set_cell(cells[0].merge(cells[3]), f"Nhóm nhiệm vụ {r // 20 + 1}")
            continue
        mf.number_paragraph(cells[0].paragraphs[0], tt_list)
        mf.set_cell(cells[1], f"Triển khai nhiệm vụ cải cách hành chính số {r}, bảo đảm chất lượng")
        mf.set_cell(cells[2], "Sở Nội vụ\nSở Tài chính")
        mf.set_cell(cells[3], f"Quý {r % 4 + 1}/2025")
    doc.save(path)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "docx")
    sources = [os.path.join(here, "appendix.docx")]
    for tasks in (40, 250):
        path = os.path.join(out, f"_variant{tasks}.docx")
        variant(path, tasks)
        sources.append(path)
    for i in range(n):
        shutil.copy(sources[i % len(sources)], os.path.join(out, f"doc{i:04}.docx"))
    for s in sources[1:]:
        os.remove(s)


if __name__ == "__main__":
    main()
