//! Pages whose text runs mostly along another axis (content drawn rotated,
//! e.g. a landscape page printed onto a portrait sheet) are turned so that
//! their text runs left to right before layout.

use crate::pdf::content::Segment;
use crate::pdf::PdfPage;

/// The page turned so that its dominant text direction is left to right;
/// `None` when it already is, or when no rotated direction dominates.
pub fn upright_page(page: &PdfPage) -> Option<PdfPage> {
    let mut counts = [0usize; 4];
    for g in &page.content.glyphs {
        if let Some(r) = g.rotation {
            counts[usize::from(r / 90) % 4] += 1;
        }
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
    if best == 0 || n <= counts[0] {
        return None;
    }
    let turn = best as u16 * 90;
    let (w, h) = (page.width, page.height);
    let point = move |x: f64, y: f64| match turn {
        90 => (y, w - x),
        180 => (w - x, h - y),
        _ => (h - y, x),
    };
    let segment = |s: &Segment| {
        let (ax, ay) = point(s.x0, s.y0);
        let (bx, by) = point(s.x1, s.y1);
        Segment::new(ax, ay, bx, by)
    };
    let mut out = page.clone();
    if turn != 180 {
        (out.width, out.height) = (h, w);
    }
    for g in &mut out.content.glyphs {
        (g.x, g.y) = point(g.x, g.y);
        g.rotation = g.rotation.map(|r| (r + 360 - turn) % 360);
    }
    for s in out
        .content
        .rulings
        .iter_mut()
        .chain(out.content.fill_edges.iter_mut())
    {
        *s = segment(s);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::content::{Glyph, PageContent};
    use std::rc::Rc;

    fn glyph(text: &str, x: f64, y: f64, rotation: u16) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: 6.0,
            size: 12.0,
            font: Rc::from("F"),
            rotation: Some(rotation),
        }
    }

    #[test]
    fn text_drawn_bottom_to_top_is_turned() {
        // A landscape page drawn onto a portrait sheet: baselines run up.
        let page = PdfPage {
            number: 1,
            width: 595.0,
            height: 842.0,
            content: PageContent {
                glyphs: vec![glyph("A", 100.0, 50.0, 90), glyph("B", 100.0, 56.0, 90)],
                rulings: vec![Segment::new(80.0, 40.0, 80.0, 400.0)],
                ..PageContent::default()
            },
        };
        let turned = upright_page(&page).expect("turned");
        assert_eq!((turned.width, turned.height), (842.0, 595.0));
        let g = &turned.content.glyphs;
        assert!(g.iter().all(|g| g.upright()));
        assert_eq!((g[0].x, g[0].y), (50.0, 495.0));
        assert!(g[1].x > g[0].x && g[1].y == g[0].y);
        assert!(turned.content.rulings[0].is_horizontal());
        let mut upright = page.clone();
        for g in &mut upright.content.glyphs {
            g.rotation = Some(0);
        }
        assert!(upright_page(&upright).is_none());
    }
}
