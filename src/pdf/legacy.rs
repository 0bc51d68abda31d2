//! Legacy Vietnamese fonts (TCVN3 `.VnTime`, VNI-Times, …) draw their
//! letters through Latin-1 codes. A run of glyphs in one such font on one
//! baseline is decoded as a whole by `normalize::decode_font_run`, which
//! confirms the encoding from the decoded words (font names lie: a
//! `.VnTime` font may draw Unicode text) and uppercases capital fonts.

use super::content::Glyph;
use crate::normalize::{decode_font_run, font_encoding};
use std::rc::Rc;

/// Decode every legacy-font run of a page's glyphs in place.
pub fn decode_runs(glyphs: &mut [Glyph]) {
    let mut start = 0;
    while start < glyphs.len() {
        let mut end = start + 1;
        while end < glyphs.len() && same_run(&glyphs[start], &glyphs[end]) {
            end += 1;
        }
        if font_encoding(&glyphs[start].font).is_some() {
            decode_run(&mut glyphs[start..end]);
        }
        start = end;
    }
}

/// Two glyphs belong to one run: same font, same baseline.
fn same_run(a: &Glyph, b: &Glyph) -> bool {
    a.font == b.font && (a.y - b.y).abs() < a.size.max(1.0) * 0.3
}

fn decode_run(run: &mut [Glyph]) {
    let text: String = run.iter().map(|g| g.text.as_ref()).collect();
    let Some(decoded) = decode_font_run(&run[0].font, &text) else {
        return;
    };
    let per_glyph: Vec<usize> = run.iter().map(|g| g.text.chars().count()).collect();
    let chars: Vec<char> = decoded.chars().collect();
    if chars.len() == per_glyph.iter().sum::<usize>() {
        // Byte-per-letter encodings (TCVN3): each glyph keeps its place.
        let mut at = 0;
        for (g, n) in run.iter_mut().zip(per_glyph) {
            g.text = Rc::from(chars[at..at + n].iter().collect::<String>());
            at += n;
        }
    } else {
        // Base letter + mark encodings (VNI): the run's first glyph carries
        // the decoded text, the others keep their positions and no text.
        for (i, g) in run.iter_mut().enumerate() {
            g.text = if i == 0 {
                Rc::from(decoded.as_str())
            } else {
                Rc::from("")
            };
        }
    }
}
