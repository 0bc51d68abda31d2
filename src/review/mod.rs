//! `nhiemvu review`: one self-contained HTML page per document for a person
//! checking the extracted tasks before they are loaded into a tracker.
//!
//! The page shows, side by side, what nhiemvu read and what it made of it:
//! PDF pages drawn as SVG from the words, rulings and table cells the
//! layout found ([`page`]), or a Word or text input's tables and paragraphs
//! as HTML ([`flow`]), with every task's row outlined and numbered; and the
//! task records as a readable list ([`records`]). Warnings, empty fields and
//! the row accounting sit in a summary at the top. No network, no server:
//! styles and the keyboard navigation script are inlined.

pub mod html;

mod flow;
mod page;
mod records;

use crate::error::Result;
use crate::extract::Context;
use crate::layout::{orient, words, DocLayout};
use crate::limits::Limits;
use crate::model::{ExtractedDocument, Task};
use crate::pipeline::{self, InputFormat};
use crate::source_doc::{Block, PageBox, SourceDoc};
use html::escape;
use page::PageDrawing;
use std::fmt::Write;
use std::path::Path;

/// Everything one review page is drawn from.
#[derive(Debug)]
pub struct Review {
    /// The extracted records.
    pub doc: ExtractedDocument,
    /// What the front end read (tables with their cells, lines).
    source: SourceDoc,
    /// PDF pages as drawn (empty for Word and text inputs).
    pages: Vec<PageDrawing>,
}

/// Read and extract one input, keeping what is needed to draw it.
pub fn review_file(path: &Path, ctx: &Context, limits: &Limits) -> Result<Review> {
    let bytes = pipeline::read_input(path, limits)?;
    let mut pages = Vec::new();
    let source = if InputFormat::of(path) == Some(InputFormat::Pdf) {
        let mut layout = DocLayout::new(limits.ocr);
        let warnings =
            crate::pdf::for_each_page_with_images(path, &bytes, limits, |page, image| {
                {
                    let turned = orient::upright_page(&page);
                    let upright = turned.as_ref().unwrap_or(&page);
                    pages.push(PageDrawing {
                        number: upright.number,
                        width: upright.width,
                        height: upright.height,
                        words: words::words(&upright.content.glyphs),
                        rulings: upright.content.rulings.clone(),
                    });
                }
                layout.add_page(page, image);
            })?;
        layout.run_ocr(path)?;
        layout.finish(warnings)
    } else {
        pipeline::read_source_limited(path, &bytes, limits)?
    };
    let doc = pipeline::extract_source(path, &bytes, &source, ctx)?;
    Ok(Review { doc, source, pages })
}

/// The task's box on its page, where the record has one.
fn task_box(task: &Task) -> Option<PageBox> {
    let [x0, y0, x1, y1] = task.source.bbox?;
    Some(PageBox {
        page: task.source.page?,
        x0,
        y0,
        x1,
        y1,
    })
}

/// The review page as one HTML document.
pub fn render(review: &Review) -> String {
    let doc = &review.doc;
    let title = doc
        .document
        .title
        .clone()
        .or_else(|| doc.document.number.clone())
        .unwrap_or_else(|| doc.source.path.clone());
    let mut out = String::with_capacity(64 * 1024 + review.pages.len() * 32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Review: {}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        escape(&title),
        include_str!("review.css")
    );
    records::summary(&mut out, doc);
    out.push_str("<main class=\"panes\">\n<section class=\"source\" aria-label=\"Source\">\n");
    if review.pages.is_empty() {
        flow::render(&mut out, &review.source, doc);
    } else {
        let cells = table_cells(&review.source);
        for drawing in &review.pages {
            page::render(&mut out, drawing, &cells, doc);
        }
    }
    out.push_str("</section>\n<section class=\"records\" aria-label=\"Tasks\">\n");
    records::task_list(&mut out, doc);
    out.push_str("</section>\n</main>\n<script>\n");
    out.push_str(include_str!("review.js"));
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// Every boxed cell of every table, each merged cell once, with the box of
/// the row it starts in.
fn table_cells(source: &SourceDoc) -> Vec<(PageBox, PageBox)> {
    let mut cells = Vec::new();
    for block in &source.blocks {
        let Block::Table(table) = block else { continue };
        for row in &table.rows {
            let Some(row_box) = row.bbox else { continue };
            for cell in row.cells.iter().filter(|c| !c.continued) {
                if let Some(b) = cell.bbox {
                    cells.push((row_box, b));
                }
            }
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_box_needs_page_and_bbox() {
        let mut task = Task::new("d", None, None, "1", "x".into(), Default::default());
        assert!(task_box(&task).is_none());
        task.source.bbox = Some([1.0, 2.0, 3.0, 4.0]);
        assert!(task_box(&task).is_none(), "no page");
        task.source.page = Some(2);
        let b = task_box(&task).expect("page and box");
        assert_eq!((b.page, b.x0, b.y1), (2, 1.0, 4.0));
    }
}
