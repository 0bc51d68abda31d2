//! Words → lines: words on the same baseline, left to right; lines top to
//! bottom.

use super::words::{Word, SAME_BASELINE};
use crate::normalize::normalize_line;

/// Words closer than this share of the font size are glued into one word
/// (text drawn out of order, or a font switch in mid-word).
const GLUE_GAP: f64 = 0.05;

/// A line of words.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Words left to right.
    pub words: Vec<Word>,
    /// Baseline of the first word.
    pub y: f64,
}

impl Line {
    /// Left edge.
    pub fn x0(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.x0)
    }

    /// Right edge.
    pub fn x1(&self) -> f64 {
        self.words.iter().map(|w| w.x1).fold(f64::MIN, f64::max)
    }

    /// Largest font size.
    pub fn size(&self) -> f64 {
        self.words.iter().map(|w| w.size).fold(0.0, f64::max)
    }

    /// Top of the line's glyphs.
    pub fn top(&self) -> f64 {
        self.words.iter().map(Word::top).fold(f64::MIN, f64::max)
    }

    /// The words joined with single spaces, normalized.
    pub fn text(&self) -> String {
        let raw: Vec<&str> = self.words.iter().map(|w| w.text.as_str()).collect();
        normalize_line(&raw.join(" "))
    }
}

/// Group words into lines, top to bottom; each line's words left to right.
pub fn group_lines(mut words: Vec<Word>) -> Vec<Line> {
    words.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Line> = Vec::new();
    for w in words {
        match lines.last_mut() {
            Some(line) if (line.y - w.y).abs() <= SAME_BASELINE * w.size.max(line.size()) => {
                line.words.push(w)
            }
            _ => lines.push(Line {
                y: w.y,
                words: vec![w],
            }),
        }
    }
    for line in &mut lines {
        line.words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        line.words = glue(std::mem::take(&mut line.words));
    }
    lines
}

fn glue(words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    for w in words {
        match out.last_mut() {
            Some(prev) if w.x0 - prev.x1 <= GLUE_GAP * w.size && w.x0 >= prev.x0 => {
                prev.text.push_str(&w.text);
                prev.x1 = prev.x1.max(w.x1);
            }
            _ => out.push(w),
        }
    }
    out
}

/// Render lines with their horizontal positions kept: each word starts at
/// the column its x position maps to, `char_width` points per column.
pub fn layout_text(lines: &[Line], left: f64, char_width: f64) -> String {
    let mut out = String::new();
    for line in lines {
        let mut row = String::new();
        let mut col = 0usize;
        for w in &line.words {
            let want = ((w.x0 - left) / char_width).max(0.0).round() as usize;
            let pad = if col == 0 && row.is_empty() {
                want
            } else {
                want.saturating_sub(col).max(1)
            };
            row.extend(std::iter::repeat_n(' ', pad));
            let text = normalize_line(&w.text);
            col += pad + text.chars().count();
            row.push_str(&text);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}
