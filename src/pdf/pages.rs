//! The page tree, walked down from the catalog through `/Kids` (never up
//! through `/Parent`), with inherited attributes and loop protection.

use super::objects::{dict_get, number_of};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashSet;

/// Most pages read from one file.
const MAX_PAGES: usize = 100_000;
/// Deepest page-tree nesting followed.
const MAX_TREE_DEPTH: usize = 64;
/// A4 portrait, used when a page has no usable `/MediaBox`.
const DEFAULT_MEDIA_BOX: [f64; 4] = [0.0, 0.0, 595.0, 842.0];

/// One page with the attributes it inherits.
#[derive(Debug, Clone)]
pub struct PageRef<'a> {
    /// The page object.
    pub id: ObjectId,
    /// Its resources (own or inherited).
    pub resources: Option<&'a Dictionary>,
    /// `[x0 y0 x1 y1]`, normalized so that x0 < x1 and y0 < y1.
    pub media_box: [f64; 4],
    /// Rotation in degrees: 0, 90, 180 or 270.
    pub rotate: i64,
}

#[derive(Clone, Copy)]
struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: [f64; 4],
    rotate: i64,
}

/// Every page in order; a page object reached twice is read once.
pub fn walk(doc: &Document) -> Vec<PageRef<'_>> {
    let mut out = Vec::new();
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .and_then(|o| o.as_reference().ok());
    let Some(root) = root else {
        return out;
    };
    let mut seen = HashSet::new();
    let inherited = Inherited {
        resources: None,
        media_box: DEFAULT_MEDIA_BOX,
        rotate: 0,
    };
    visit(doc, root, inherited, 0, &mut seen, &mut out);
    out
}

fn visit<'a>(
    doc: &'a Document,
    id: ObjectId,
    inherited: Inherited<'a>,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<PageRef<'a>>,
) {
    if depth > MAX_TREE_DEPTH || out.len() >= MAX_PAGES || !seen.insert(id) {
        return;
    }
    let Ok(node) = doc.get_dictionary(id) else {
        return;
    };
    let mut here = inherited;
    if let Some(r) = dict_get(doc, node, b"Resources").and_then(|o| o.as_dict().ok()) {
        here.resources = Some(r);
    }
    if let Some(b) = dict_get(doc, node, b"MediaBox").and_then(|o| rect_of(doc, o)) {
        here.media_box = b;
    }
    if let Some(r) = dict_get(doc, node, b"Rotate").and_then(number_of) {
        here.rotate = (r as i64).rem_euclid(360) / 90 * 90;
    }
    match dict_get(doc, node, b"Kids") {
        Some(Object::Array(kids)) => {
            for kid in kids {
                if let Ok(kid_id) = kid.as_reference() {
                    visit(doc, kid_id, here, depth + 1, seen, out);
                }
            }
        }
        _ => {
            let is_pages = dict_get(doc, node, b"Type")
                .and_then(|o| o.as_name().ok())
                .is_some_and(|n| n == b"Pages");
            if !is_pages {
                out.push(PageRef {
                    id,
                    resources: here.resources,
                    media_box: here.media_box,
                    rotate: here.rotate,
                });
            }
        }
    }
}

fn rect_of(doc: &Document, obj: &Object) -> Option<[f64; 4]> {
    let Object::Array(items) = obj else {
        return None;
    };
    if items.len() != 4 {
        return None;
    }
    let mut v = [0.0; 4];
    for (slot, o) in v.iter_mut().zip(items) {
        *slot = doc.dereference(o).ok().and_then(|(_, o)| number_of(o))?;
    }
    let rect = [
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ];
    (rect[2] - rect[0] > 1.0 && rect[3] - rect[1] > 1.0).then_some(rect)
}
