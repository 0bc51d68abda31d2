//! Reconstructed tables as files a person or a table benchmark reads: CSV
//! (one record per row), JSON (cells with their grid place, spans and boxes)
//! and ICDAR 2013 structure XML (`*-str-result.xml`, the format of the
//! ICDAR 2013 table competition's evaluation tool).
//!
//! The grid place of a cell comes from the [`Table`] the front end built:
//! a cell's column is the sum of the spans before it in its row, and a cell
//! continued in the rows below it (a vertically merged cell, copied into
//! each row it covers) is written once, with a row span.

use crate::source_doc::{PageBox, Table};
use serde::Serialize;

/// One cell of a table placed on its grid: written once, however many rows
/// and columns it covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridCell {
    /// 0-based row of the cell's top.
    pub row: usize,
    /// 0-based column of the cell's left edge.
    pub column: usize,
    /// Rows covered (1 for an ordinary cell).
    pub row_span: usize,
    /// Columns covered (1 for an ordinary cell).
    pub column_span: usize,
    /// The cell's text, lines joined with `\n`.
    pub text: String,
    /// 1-based page of the cell's box (PDF tables only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// `[x0, y0, x1, y1]` in PDF points, origin at the bottom left (PDF tables only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
}

/// The part of a table on one page: where a table crosses pages, one
/// region per page, in page order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// 1-based page.
    pub page: u32,
    /// `[x0, y0, x1, y1]` in PDF points: the union of the boxes of the
    /// table's rows on this page.
    pub bbox: [f64; 4],
}

/// A table as `tables --format json` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableLayout {
    /// 1-based ordinal of the table in the document.
    pub index: usize,
    /// Grid rows (header rows included).
    pub rows: usize,
    /// Grid columns.
    pub columns: usize,
    /// Where the table lies, one region per page (empty without geometry:
    /// Word files and text).
    pub regions: Vec<Region>,
    /// Cells in reading order (by row, then column).
    pub cells: Vec<GridCell>,
}

/// Place the cells of a table on its grid.
pub fn table_layout(index: usize, table: &Table) -> TableLayout {
    let mut cells: Vec<GridCell> = Vec::new();
    // For each grid column, the index in `cells` of the cell that a
    // continued cell in the next row extends.
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut columns = 0;
    for (r, row) in table.rows.iter().enumerate() {
        let mut column = 0;
        let mut next_open: Vec<Option<usize>> = Vec::new();
        for cell in &row.cells {
            let span = cell.span.max(1);
            let above = open.get(column).copied().flatten();
            let index = match above {
                Some(i) if cell.continued && cells[i].column_span == span => {
                    cells[i].row_span += 1;
                    i
                }
                _ => {
                    cells.push(GridCell {
                        row: r,
                        column,
                        row_span: 1,
                        column_span: span,
                        text: cell.text.clone(),
                        page: cell.bbox.map(|b| b.page),
                        bbox: cell.bbox.map(|b| b.corners()),
                    });
                    cells.len() - 1
                }
            };
            next_open.resize(column + span, None);
            next_open[column] = Some(index);
            column += span;
        }
        columns = columns.max(column);
        open = next_open;
    }
    TableLayout {
        index,
        rows: table.rows.len(),
        columns,
        regions: regions(table),
        cells,
    }
}

/// The table's boxes per page: the union of its rows' boxes on each page.
fn regions(table: &Table) -> Vec<Region> {
    let mut by_page: Vec<PageBox> = Vec::new();
    for bbox in table.rows.iter().filter_map(|r| r.bbox) {
        match by_page.iter_mut().find(|b| b.page == bbox.page) {
            Some(b) => *b = b.union(bbox),
            None => by_page.push(bbox),
        }
    }
    by_page.sort_by_key(|b| b.page);
    by_page
        .into_iter()
        .map(|b| Region {
            page: b.page,
            bbox: b.corners(),
        })
        .collect()
}

/// A table as CSV: one record per row; a cell spanning several columns is
/// followed by empty fields so that columns stay aligned.
pub fn table_csv(table: &Table) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &table.rows {
        let mut fields: Vec<&str> = Vec::new();
        for cell in &row.cells {
            fields.push(&cell.text);
            fields.extend(std::iter::repeat_n("", cell.span.saturating_sub(1)));
        }
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&fields);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The tables of one document as ICDAR 2013 structure XML: a `<table>` per
/// table, a `<region>` per page it lies on, each cell in the region of its
/// box's page with its start/end row and column and its bounding box.
/// Tables without geometry (Word, text) have no region and are left out,
/// as the format has no place for them.
pub fn icdar2013_xml(file_name: &str, tables: &[TableLayout]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!("<document filename=\"{}\">\n", escape(file_name)));
    for table in tables.iter().filter(|t| !t.regions.is_empty()) {
        xml.push_str(&format!("  <table id=\"{}\">\n", table.index));
        for (r, region) in table.regions.iter().enumerate() {
            xml.push_str(&format!(
                "    <region id=\"{}\" page=\"{}\" col-increment=\"0\" row-increment=\"0\">\n",
                r + 1,
                region.page
            ));
            let on_page = table
                .cells
                .iter()
                .filter(|c| c.page == Some(region.page))
                .filter_map(|c| c.bbox.map(|b| (c, b)));
            for (id, (cell, [x0, y0, x1, y1])) in on_page.enumerate() {
                xml.push_str(&format!(
                    "      <cell id=\"{id}\" start-col=\"{}\" start-row=\"{}\" end-col=\"{}\" end-row=\"{}\">\n",
                    cell.column,
                    cell.row,
                    cell.column + cell.column_span - 1,
                    cell.row + cell.row_span - 1
                ));
                xml.push_str(&format!(
                    "        <bounding-box x1=\"{x0}\" y1=\"{y0}\" x2=\"{x1}\" y2=\"{y1}\"/>\n"
                ));
                xml.push_str(&format!(
                    "        <content>{}</content>\n      </cell>\n",
                    escape(&cell.text.replace('\n', " "))
                ));
            }
            xml.push_str("    </region>\n");
        }
        xml.push_str("  </table>\n");
    }
    xml.push_str("</document>\n");
    xml
}

/// Text escaped for an XML attribute or element.
fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_doc::{Cell, Row};

    fn boxed(text: &str, page: u32, x0: f64, y0: f64) -> Cell {
        Cell {
            bbox: Some(PageBox {
                page,
                x0,
                y0,
                x1: x0 + 10.0,
                y1: y0 + 10.0,
            }),
            ..Cell::new(text)
        }
    }

    fn row(cells: Vec<Cell>) -> Row {
        let bbox = PageBox::union_all(cells.iter().filter_map(|c| c.bbox));
        Row {
            cells,
            bbox,
            ..Row::default()
        }
    }

    #[test]
    fn merged_cells_are_written_once_with_their_spans() {
        let mut header = boxed("Nội dung", 1, 0.0, 100.0);
        header.span = 2;
        let mut continued = boxed("Sở A", 1, 0.0, 80.0);
        continued.continued = true;
        let table = Table {
            rows: vec![
                row(vec![header, boxed("Hạn", 1, 20.0, 100.0)]),
                row(vec![
                    boxed("Sở A", 1, 0.0, 80.0),
                    boxed("x", 1, 10.0, 90.0),
                    boxed("2026", 1, 20.0, 90.0),
                ]),
                row(vec![
                    continued,
                    boxed("y", 1, 10.0, 80.0),
                    boxed("2027", 1, 20.0, 80.0),
                ]),
            ],
        };
        let layout = table_layout(1, &table);
        assert_eq!((layout.rows, layout.columns), (3, 3));
        let place = |text: &str| {
            let c = layout.cells.iter().find(|c| c.text == text).expect(text);
            (c.row, c.column, c.row_span, c.column_span)
        };
        assert_eq!(place("Nội dung"), (0, 0, 1, 2));
        assert_eq!(place("Hạn"), (0, 2, 1, 1));
        assert_eq!(place("Sở A"), (1, 0, 2, 1));
        assert_eq!(place("y"), (2, 1, 1, 1));
        assert_eq!(layout.cells.len(), 7);
        assert_eq!(layout.regions.len(), 1);
        assert_eq!(layout.regions[0].bbox, [0.0, 80.0, 30.0, 110.0]);
    }

    #[test]
    fn a_table_across_pages_has_a_region_per_page_and_cells_in_theirs() {
        let table = Table {
            rows: vec![
                row(vec![
                    boxed("1", 1, 0.0, 50.0),
                    boxed("a & b", 1, 10.0, 50.0),
                ]),
                row(vec![boxed("2", 2, 0.0, 700.0), boxed("c", 2, 10.0, 700.0)]),
            ],
        };
        let layout = table_layout(3, &table);
        let pages: Vec<u32> = layout.regions.iter().map(|r| r.page).collect();
        assert_eq!(pages, vec![1, 2]);
        let xml = icdar2013_xml("p.pdf", &[layout]);
        assert!(xml.contains("<table id=\"3\">"), "{xml}");
        assert!(xml.contains("<region id=\"2\" page=\"2\""), "{xml}");
        assert!(xml.contains("start-col=\"1\" start-row=\"1\" end-col=\"1\" end-row=\"1\""));
        assert!(xml.contains("<content>a &amp; b</content>"), "{xml}");
        assert_eq!(xml.matches("<cell ").count(), 4);
    }

    #[test]
    fn tables_without_geometry_have_no_region() {
        let table = Table {
            rows: vec![row(vec![Cell::new("TT"), Cell::new("Nội dung")])],
        };
        let layout = table_layout(1, &table);
        assert!(layout.regions.is_empty());
        assert_eq!(layout.cells[1].column, 1);
        assert!(!icdar2013_xml("a.docx", &[layout]).contains("<table"));
    }
}
