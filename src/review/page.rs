//! A PDF page drawn as SVG from what nhiemvu read: words at their
//! positions (text, not glyph outlines), rulings, the table cells the
//! layout found, each task's row and cells outlined and numbered, and rows
//! seen but not used marked.
//!
//! A page's drawing travels as the raw text of a `<script type="text/x-svg">`
//! (every text in it escaped, so it holds no `</script`) that the page's
//! script makes the SVG's content when the page comes near the screen, is
//! selected or is printed: a 200-page appendix opens without building a
//! hundred thousand elements first.

use super::html::escape;
use super::task_box;
use crate::layout::words::Word;
use crate::model::ExtractedDocument;
use crate::pdf::content::Segment;
use crate::source_doc::PageBox;
use std::fmt::Write;

/// Tolerance (points) when deciding whether a row lies inside a task's box.
const INSIDE_SLACK: f64 = 0.5;
/// Width (points) of the number label drawn left of a task's outline.
const LABEL_WIDTH: f64 = 16.0;

/// One page as it is drawn: upright, in PDF points (origin bottom left).
#[derive(Debug, Clone)]
pub struct PageDrawing {
    /// 1-based page number.
    pub number: u32,
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// The words nhiemvu read on the page.
    pub words: Vec<Word>,
    /// Ruling segments (table borders).
    pub rulings: Vec<Segment>,
}

/// Whether `inner` lies inside `outer` (same page, a little slack).
fn inside(inner: &PageBox, outer: &PageBox) -> bool {
    inner.page == outer.page
        && inner.y0 >= outer.y0 - INSIDE_SLACK
        && inner.y1 <= outer.y1 + INSIDE_SLACK
        && inner.x0 >= outer.x0 - INSIDE_SLACK
        && inner.x1 <= outer.x1 + INSIDE_SLACK
}

/// Append one page: a labelled `<div class="page">` holding its SVG.
/// `cells` are the boxed table cells of the document with their rows' boxes.
pub fn render(
    out: &mut String,
    page: &PageDrawing,
    cells: &[(PageBox, PageBox)],
    doc: &ExtractedDocument,
) {
    let (w, h) = (page.width.max(1.0), page.height.max(1.0));
    // SVG's y runs down from the top of the page.
    let y = |v: f64| h - v;
    let n = page.number;
    // The drawing travels as raw text in a script element and becomes the
    // SVG's content when the page comes near the screen.
    let _ = write!(
        out,
        "<div class=\"page\" id=\"page-{n}\" data-page=\"{n}\" style=\"contain-intrinsic-size: auto {:.0}px\">\
         <div class=\"page-label\">Page {n}</div>\
         <svg class=\"sheet\" viewBox=\"0 0 {w:.1} {h:.1}\" role=\"img\" aria-label=\"Page {n}\"></svg>\
         <script type=\"text/x-svg\" class=\"page-svg\">",
        h * 1.2
    );
    if !page.rulings.is_empty() {
        out.push_str("<path class=\"rule\" d=\"");
        for s in &page.rulings {
            let _ = write!(
                out,
                "M{:.1} {:.1}L{:.1} {:.1}",
                s.x0,
                y(s.y0),
                s.x1,
                y(s.y1)
            );
        }
        out.push_str("\"/>\n");
    }
    let rect = |out: &mut String, class: &str, b: &PageBox, extra: &str| {
        let _ = write!(
            out,
            "<rect class=\"{class}\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"{extra}/>",
            b.x0,
            y(b.y1),
            (b.x1 - b.x0).max(0.5),
            (b.y1 - b.y0).max(0.5)
        );
    };
    out.push_str("<g class=\"cells\">");
    for (_, cell) in cells.iter().filter(|(_, c)| c.page == n) {
        rect(out, "cell", cell, "");
    }
    out.push_str("</g>\n<g class=\"words\">");
    for word in &page.words {
        let text: String = word
            .text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" textLength=\"{:.1}\" \
             lengthAdjust=\"spacingAndGlyphs\">{}</text>",
            word.x0,
            y(word.y),
            word.size,
            (word.x1 - word.x0).max(0.1),
            escape(&text)
        );
    }
    out.push_str("</g>\n<g class=\"marks\">");
    for warning in doc.warnings.iter().filter(|w| w.page == Some(n)) {
        let Some([x0, y0, x1, y1]) = warning.bbox else {
            continue;
        };
        let b = PageBox {
            page: n,
            x0,
            y0,
            x1,
            y1,
        };
        out.push_str("<g class=\"unused\">");
        rect(out, "unused-box", &b, "");
        let _ = write!(
            out,
            "<title>{}: {}</title></g>",
            escape(&warning.code),
            escape(&warning.message)
        );
    }
    for (i, task) in doc.tasks.iter().enumerate() {
        let Some(b) = task_box(task).filter(|b| b.page == n) else {
            continue;
        };
        let k = i + 1;
        let attention = if super::records::needs_attention(task) {
            " attention"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<g class=\"task-mark{attention}\" data-tasks=\"{k}\"><title>#{k} (TT {}) {}</title>",
            escape(&task.number),
            escape(&task.name)
        );
        for (_, cell) in cells.iter().filter(|(row, _)| inside(row, &b)) {
            rect(out, "task-cell", cell, "");
        }
        rect(out, "task-box", &b, "");
        let lx = if b.x0 >= LABEL_WIDTH + 2.0 {
            b.x0 - LABEL_WIDTH - 2.0
        } else {
            b.x0 + 1.0
        };
        let _ = write!(
            out,
            "<rect class=\"task-label\" x=\"{lx:.1}\" y=\"{:.1}\" width=\"{LABEL_WIDTH}\" height=\"11\" rx=\"2\"/>\
             <text class=\"task-num\" x=\"{:.1}\" y=\"{:.1}\">{k}</text></g>",
            y(b.y1),
            lx + LABEL_WIDTH / 2.0,
            y(b.y1) + 8.5
        );
    }
    out.push_str("</g>\n</script></div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_allows_slack_and_needs_the_same_page() {
        let outer = PageBox {
            page: 1,
            x0: 10.0,
            y0: 10.0,
            x1: 100.0,
            y1: 50.0,
        };
        let row = PageBox { y1: 50.3, ..outer };
        assert!(inside(&row, &outer));
        assert!(!inside(&PageBox { page: 2, ..row }, &outer));
        assert!(!inside(&PageBox { y1: 60.0, ..row }, &outer));
    }
}
