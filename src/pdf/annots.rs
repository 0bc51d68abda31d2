//! What a viewer draws over a page besides its content: annotation
//! appearances (signature widgets, stamps, free text) and the values of
//! form fields that have no appearance.
//!
//! Government signing services stamp the document number and the day of
//! issue into signature widgets at signing time, over the blanks the page
//! itself leaves ("Số: /BC-SNV", "ngày tháng 11 năm 2025"). Reading them
//! where the viewer draws them gives the header as it is read on screen.

use super::content::{Glyph, Matrix};
use super::objects::{dict_get, name_of, number_of};
use crate::layout::words::SAME_BASELINE;
use lopdf::{Dictionary, Document, Object, Stream};

/// Annotation flag bit: do not display or print (PDF 32000 §12.5.3).
const FLAG_HIDDEN: i64 = 1 << 1;
/// Annotation flag bit: do not display (may still print).
const FLAG_NO_VIEW: i64 = 1 << 5;
/// Most annotations read on one page.
pub const MAX_ANNOTATIONS_PER_PAGE: usize = 1_000;
/// Most `/Parent` links followed to find a field's inherited type or value.
const MAX_FIELD_DEPTH: usize = 16;
/// Font size for a field value when its `/DA` gives none (or 0, "auto").
const DEFAULT_FIELD_FONT_SIZE: f64 = 10.0;
/// Advance of one character of a field value, as a share of its font size
/// (the value is drawn without a font program: an average width).
pub const FIELD_CHAR_WIDTH: f64 = 0.5;
/// Farthest a page glyph may be from an annotation's text, in font sizes,
/// for the text to be read on the page glyph's line.
const SNAP_DISTANCE: f64 = 4.0;
/// Most glyph comparisons spent putting annotation text on page lines,
/// per page.
pub const MAX_SNAP_COMPARISONS: usize = 4_000_000;
/// Inner margin of a field's rectangle, in points.
const FIELD_MARGIN: f64 = 2.0;

/// One thing an annotation makes the viewer draw.
#[derive(Debug)]
pub enum Annotation<'a> {
    /// An appearance stream (a Form XObject) and the matrix from its form
    /// space, after its own `/Matrix`, to default user space.
    Form {
        /// The form.
        stream: &'a Stream,
        /// The form's `/Matrix` followed by the map of its box onto `/Rect`.
        matrix: Matrix,
    },
    /// A form field's value with no appearance, written in its rectangle.
    Value {
        /// The text (lines separated by `\n`).
        text: String,
        /// `[x0 y0 x1 y1]` in default user space.
        rect: [f64; 4],
        /// Font size.
        size: f64,
    },
}

/// What the annotations of a page draw, in the page's annotation order.
/// Hidden annotations (`Hidden`, `NoView`) and those without anything
/// to draw are left out.
pub fn annotations<'a>(doc: &'a Document, page: &'a Dictionary) -> Vec<Annotation<'a>> {
    let Some(Object::Array(items)) = dict_get(doc, page, b"Annots") else {
        return Vec::new();
    };
    items
        .iter()
        .take(MAX_ANNOTATIONS_PER_PAGE)
        .filter_map(|item| doc.dereference(item).ok()?.1.as_dict().ok())
        .filter_map(|annot| drawn(doc, annot))
        .collect()
}

fn drawn<'a>(doc: &'a Document, annot: &'a Dictionary) -> Option<Annotation<'a>> {
    let flags = dict_get(doc, annot, b"F")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    if flags & (FLAG_HIDDEN | FLAG_NO_VIEW) != 0 {
        return None;
    }
    if matches!(
        dict_get(doc, annot, b"Subtype").and_then(name_of),
        Some(b"Popup")
    ) {
        return None;
    }
    let rect = rect_of(dict_get(doc, annot, b"Rect")?)?;
    match appearance(doc, annot) {
        Some(stream) => {
            let matrix = form_to_rect(doc, stream, rect)?;
            Some(Annotation::Form { stream, matrix })
        }
        None => field_value(doc, annot, rect),
    }
}

/// The normal appearance: `/AP /N`, a stream or, for annotations with
/// states (check boxes), the state named by `/AS`.
fn appearance<'a>(doc: &'a Document, annot: &'a Dictionary) -> Option<&'a Stream> {
    let ap = dict_get(doc, annot, b"AP")?.as_dict().ok()?;
    match dict_get(doc, ap, b"N")? {
        Object::Stream(s) => Some(s),
        Object::Dictionary(states) => {
            let state = dict_get(doc, annot, b"AS").and_then(name_of)?;
            match dict_get(doc, states, state)? {
                Object::Stream(s) => Some(s),
                _ => None,
            }
        }
        _ => None,
    }
}

/// PDF 32000 §12.5.5: the form's `/BBox`, transformed by its `/Matrix`,
/// is mapped onto the annotation's rectangle; the result, `/Matrix` then
/// that map, takes form space to default user space. `None` for an empty
/// box.
fn form_to_rect(doc: &Document, stream: &Stream, rect: [f64; 4]) -> Option<Matrix> {
    let bbox = rect_of(dict_get(doc, &stream.dict, b"BBox")?)?;
    let form_matrix = dict_get(doc, &stream.dict, b"Matrix")
        .and_then(matrix_of)
        .unwrap_or(Matrix::IDENTITY);
    let corners = [
        (bbox[0], bbox[1]),
        (bbox[2], bbox[1]),
        (bbox[0], bbox[3]),
        (bbox[2], bbox[3]),
    ]
    .map(|(x, y)| form_matrix.apply(x, y));
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in corners {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let (w, h) = (x1 - x0, y1 - y0);
    if w <= f64::EPSILON || h <= f64::EPSILON {
        return None;
    }
    let (sx, sy) = ((rect[2] - rect[0]) / w, (rect[3] - rect[1]) / h);
    let to_rect = Matrix([sx, 0.0, 0.0, sy, rect[0] - x0 * sx, rect[1] - y0 * sy]);
    Some(form_matrix.then(&to_rect))
}

/// The value of a text or choice field without an appearance (`/V`, a
/// text string, inherited through `/Parent`), or the `/Contents` of a free
/// text annotation without one.
fn field_value<'a>(
    doc: &'a Document,
    annot: &'a Dictionary,
    rect: [f64; 4],
) -> Option<Annotation<'a>> {
    let free_text = matches!(
        dict_get(doc, annot, b"Subtype").and_then(name_of),
        Some(b"FreeText")
    );
    let value = if free_text {
        dict_get(doc, annot, b"Contents")?
    } else {
        let field_type = inherited(doc, annot, b"FT").and_then(name_of)?;
        if !matches!(field_type, b"Tx" | b"Ch") {
            return None;
        }
        inherited(doc, annot, b"V")?
    };
    let text = lopdf::decode_text_string(value).ok()?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim().is_empty() {
        return None;
    }
    let size = inherited(doc, annot, b"DA")
        .and_then(|o| o.as_str().ok())
        .and_then(font_size_of)
        .filter(|&s| s > 0.0)
        .unwrap_or(DEFAULT_FIELD_FONT_SIZE);
    Some(Annotation::Value { text, rect, size })
}

/// A field attribute, from the widget or the nearest field above it.
fn inherited<'a>(doc: &'a Document, annot: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut dict = annot;
    for _ in 0..MAX_FIELD_DEPTH {
        if let Some(v) = dict_get(doc, dict, key) {
            return Some(v);
        }
        dict = dict_get(doc, dict, b"Parent")?.as_dict().ok()?;
    }
    None
}

/// The size operand of `Tf` in a default-appearance string ("/Helv 10 Tf 0 g").
fn font_size_of(da: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(da).ok()?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "Tf")?;
    words.get(at.checked_sub(1)?)?.parse().ok()
}

/// `[x0 y0 x1 y1]` from a rectangle array, normalized (x0 ≤ x1, y0 ≤ y1).
fn rect_of(obj: &Object) -> Option<[f64; 4]> {
    let Object::Array(items) = obj else {
        return None;
    };
    let n: Vec<f64> = items.iter().filter_map(number_of).collect();
    let [a, b, c, d] = n[..] else {
        return None;
    };
    Some([a.min(c), b.min(d), a.max(c), b.max(d)])
}

fn matrix_of(obj: &Object) -> Option<Matrix> {
    let Object::Array(items) = obj else {
        return None;
    };
    let n: Vec<f64> = items.iter().filter_map(number_of).collect();
    let m: [f64; 6] = n.try_into().ok()?;
    Some(Matrix(m))
}

/// Where the lines of a field value go: the baseline of each line and the
/// left edge, in default user space. One line is centred vertically;
/// several start at the top.
pub fn value_baselines(rect: [f64; 4], size: f64, lines: usize) -> (f64, Vec<f64>) {
    let [x0, y0, _, y1] = rect;
    let left = x0 + FIELD_MARGIN;
    let leading = size * 1.15;
    let first = if lines <= 1 {
        y0 + ((y1 - y0 - size) / 2.0).max(0.0) + 0.2 * size
    } else {
        y1 - FIELD_MARGIN - size
    };
    (
        left,
        (0..lines).map(|i| first - i as f64 * leading).collect(),
    )
}

/// Put each line of an annotation's text on the baseline of the page
/// line it is drawn into. A stamp fills a blank in a line ("Số: 228
/// /BC-SNV"), its baseline a few points off the line's; read as drawn it
/// would make a line of its own, or split the line. A line of `drawn`
/// (glyphs of one baseline) moves to the nearest baseline of the upright
/// `page` glyphs within [`SAME_BASELINE`] font sizes vertically and
/// [`SNAP_DISTANCE`] font sizes horizontally; otherwise it stays.
///
/// `budget` bounds the glyph comparisons made over a page (hostile files
/// with huge annotations); once spent, the rest stays as drawn.
pub fn snap_to_lines(page: &[Glyph], drawn: &mut [Glyph], budget: &mut usize) {
    let mut order: Vec<usize> = (0..drawn.len()).filter(|&i| drawn[i].upright()).collect();
    order.sort_by(|&a, &b| drawn[a].y.total_cmp(&drawn[b].y));
    let lines: Vec<Vec<usize>> = order
        .chunk_by(|&a, &b| drawn[a].y == drawn[b].y)
        .map(<[usize]>::to_vec)
        .collect();
    for line in lines {
        let y = drawn[line[0]].y;
        let mut target: Option<f64> = None;
        for &j in &line {
            let cost = page.len();
            if *budget < cost {
                return;
            }
            *budget -= cost;
            if let Some(t) = nearest_baseline(page, &drawn[j]) {
                if target.is_none_or(|best| (t - y).abs() < (best - y).abs()) {
                    target = Some(t);
                }
            }
        }
        if let Some(target) = target {
            for &j in &line {
                drawn[j].y = target;
            }
        }
    }
}

/// The baseline of the upright page glyph nearest to `g` vertically among
/// those close enough to share its line.
fn nearest_baseline(page: &[Glyph], g: &Glyph) -> Option<f64> {
    page.iter()
        .filter(|p| p.upright())
        .filter(|p| {
            let size = p.size.max(g.size);
            let gap = (p.x - (g.x + g.width)).max(g.x - (p.x + p.width));
            (p.y - g.y).abs() <= SAME_BASELINE * size && gap <= SNAP_DISTANCE * size
        })
        .map(|p| p.y)
        .min_by(|a, b| (a - g.y).abs().total_cmp(&(b - g.y).abs()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn box_mapped_onto_rect() {
        let doc = Document::new();
        let stream = Stream::new(
            dictionary! { "BBox" => vec![0.into(), 0.into(), 198.into(), 29.into()] },
            Vec::new(),
        );
        let m = form_to_rect(&doc, &stream, [129.0, 734.0, 327.0, 763.0]).unwrap();
        assert_eq!(m.apply(2.0, 5.3), (131.0, 739.3));
        // A box twice the rectangle, rotated by its /Matrix a quarter turn.
        let rotated = Stream::new(
            dictionary! {
                "BBox" => vec![0.into(), 0.into(), 20.into(), 10.into()],
                "Matrix" => vec![0.into(), 1.into(), (-1).into(), 0.into(), 0.into(), 0.into()],
            },
            Vec::new(),
        );
        let m = form_to_rect(&doc, &rotated, [100.0, 100.0, 105.0, 110.0]).unwrap();
        let (x, y) = m.apply(0.0, 0.0);
        assert!((x - 105.0).abs() < 1e-9 && (y - 100.0).abs() < 1e-9);
        let (x, y) = m.apply(20.0, 10.0);
        assert!((x - 100.0).abs() < 1e-9 && (y - 110.0).abs() < 1e-9);
        let empty = Stream::new(
            dictionary! { "BBox" => vec![0.into(), 0.into(), 0.into(), 29.into()] },
            Vec::new(),
        );
        assert!(form_to_rect(&doc, &empty, [0.0, 0.0, 1.0, 1.0]).is_none());
    }

    #[test]
    fn hidden_skipped_values_kept() {
        let mut doc = Document::new();
        let shown = doc.add_object(dictionary! {
            "Subtype" => "Widget", "FT" => "Tx", "Rect" => vec![10.into(), 10.into(), 110.into(), 30.into()],
            "V" => Object::string_literal("228/BC-SNV"), "DA" => Object::string_literal("/Helv 12 Tf 0 g"),
        });
        let hidden = doc.add_object(dictionary! {
            "Subtype" => "Widget", "FT" => "Tx", "F" => 2, "Rect" => vec![0.into(), 0.into(), 1.into(), 1.into()],
            "V" => Object::string_literal("hidden"),
        });
        let signature = doc.add_object(dictionary! {
            "Subtype" => "Widget", "FT" => "Sig", "Rect" => vec![0.into(), 0.into(), 1.into(), 1.into()],
            "V" => dictionary! { "Type" => "Sig" },
        });
        let page = dictionary! { "Annots" => vec![shown.into(), hidden.into(), signature.into()] };
        let found = annotations(&doc, &page);
        assert_eq!(found.len(), 1);
        let Annotation::Value { text, rect, size } = &found[0] else {
            panic!("expected a field value, got {found:?}");
        };
        assert_eq!(
            (text.as_str(), *rect, *size),
            ("228/BC-SNV", [10.0, 10.0, 110.0, 30.0], 12.0)
        );
        assert_eq!(font_size_of(b"/Helv 0 Tf 0 g"), Some(0.0));
    }

    fn glyph(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: 6.0,
            size: 13.0,
            font: std::rc::Rc::from("F"),
            rotation: Some(0),
        }
    }

    #[test]
    fn stamps_join_the_line_they_fill() {
        // "Số:" … "/BC-SNV" on the page, "228" stamped 1.6 pt higher; a
        // second stamp line far below stays where it is.
        let page = [glyph("Số:", 100.0, 737.74), glyph("/BC-SNV", 170.0, 737.74)];
        let mut drawn = [
            glyph("2", 131.0, 739.3),
            glyph("28", 137.0, 739.3),
            glyph("x", 131.0, 600.0),
        ];
        let mut budget = MAX_SNAP_COMPARISONS;
        snap_to_lines(&page, &mut drawn, &mut budget);
        let ys: Vec<f64> = drawn.iter().map(|g| g.y).collect();
        assert_eq!(ys, [737.74, 737.74, 600.0]);
        // Out of budget: left as drawn.
        let mut late = [glyph("2", 131.0, 739.3)];
        snap_to_lines(&page, &mut late, &mut 1);
        assert_eq!(late[0].y, 739.3);
    }
}
