//! Glyphs → words, from geometry: a word ends at a space glyph, at a gap
//! wider than a fraction of the font size, or where the baseline jumps.
//! Literal spaces are not required (TJ kerning gaps and x jumps count).

use crate::pdf::content::Glyph;

/// A gap wider than this share of the font size separates words.
pub const WORD_GAP: f64 = 0.15;
/// Baselines closer than this share of the font size are the same line.
pub const SAME_BASELINE: f64 = 0.35;

/// A word on the page (y up, baseline coordinates).
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word's text (not yet normalized).
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Baseline.
    pub y: f64,
    /// Font size.
    pub size: f64,
}

impl Word {
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }

    /// Vertical centre of the glyphs' body (a little above the baseline).
    pub fn cy(&self) -> f64 {
        self.y + self.size * 0.3
    }

    /// Top of the glyphs' body.
    pub fn top(&self) -> f64 {
        self.y + self.size * 0.8
    }

    /// Whether `other` continues this word on the same line.
    fn continued_by(&self, g: &Glyph) -> bool {
        let size = self.size.max(g.size).max(0.1);
        (g.y - self.y).abs() <= SAME_BASELINE * size
            && g.x >= self.x1 - 0.5 * size
            && g.x - self.x1 <= WORD_GAP * size
    }
}

/// Put words in reading order: lines top to bottom (y up), each left to
/// right.
pub fn sort_reading_order(words: &mut [Word]) {
    words.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
}

/// Group upright glyphs into words in content order.
pub fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current: Option<Word> = None;
    let mut last: Option<&Glyph> = None;
    for g in glyphs.iter().filter(|g| g.upright() && g.size > 0.0) {
        // A glyph drawn twice at (almost) the same place: fake bold or shadow.
        if last.is_some_and(|l| {
            l.text == g.text && (l.x - g.x).abs() < 0.1 * g.size && (l.y - g.y).abs() < 0.1 * g.size
        }) {
            continue;
        }
        last = Some(g);
        if g.text.chars().all(char::is_whitespace) {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(w) if w.continued_by(g) => {
                w.text.push_str(&g.text);
                w.x1 = w.x1.max(g.x + g.width);
                w.size = w.size.max(g.size);
            }
            _ => {
                out.extend(current.take());
                let mut text = String::with_capacity(16);
                text.push_str(&g.text);
                current = Some(Word {
                    text,
                    x0: g.x,
                    x1: g.x + g.width,
                    y: g.y,
                    size: g.size,
                });
            }
        }
    }
    out.extend(current);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn glyph(text: &str, x: f64, y: f64) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: 5.0,
            size: 10.0,
            font: Rc::from("F"),
            rotation: Some(0),
        }
    }

    #[test]
    fn splits_on_gaps_spaces_and_lines() {
        let g = [
            glyph("a", 0.0, 0.0),
            glyph("b", 5.0, 0.0),
            glyph("c", 13.0, 0.0),
            glyph(" ", 18.0, 0.0),
            glyph("d", 21.0, 0.0),
            glyph("d", 21.05, 0.0),
            glyph("e", 26.0, -12.0),
        ];
        let w: Vec<String> = words(&g).into_iter().map(|w| w.text).collect();
        assert_eq!(w, ["ab", "c", "d", "e"]);
    }
}
