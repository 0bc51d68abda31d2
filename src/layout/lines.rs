//! Words → lines: words on the same baseline, left to right; lines top to
//! bottom.

use super::words::{Word, SAME_BASELINE};
use crate::normalize::{normalize_line, normalize_line_memo};

/// Words closer than this share of the font size are glued into one word
/// (text drawn out of order, or a font switch in mid-word).
const GLUE_GAP: f64 = 0.05;
/// Words overlapping by more than this share of the font size are not
/// glued: the text of one cell overflowing into the next (a long word in
/// a narrow cell of an HTML print) is drawn over the next cell's text.
const GLUE_OVERLAP: f64 = 0.25;

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
        let mut raw = String::with_capacity(self.words.iter().map(|w| w.text.len() + 1).sum());
        for (i, w) in self.words.iter().enumerate() {
            if i > 0 {
                raw.push(' ');
            }
            raw.push_str(&w.text);
        }
        normalize_line_memo(raw)
    }
}

/// Group words into lines, top to bottom; each line's words left to right.
pub fn group_lines(mut words: Vec<Word>) -> Vec<Line> {
    super::words::sort_reading_order(&mut words);
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
            Some(prev)
                if w.x0 - prev.x1 <= GLUE_GAP * w.size
                    && w.x0 - prev.x1 >= -GLUE_OVERLAP * w.size
                    && w.x0 >= prev.x0 =>
            {
                prev.text.push_str(&w.text);
                prev.x1 = prev.x1.max(w.x1);
            }
            _ => out.push(w),
        }
    }
    out
}

/// Render lines with their horizontal positions kept: a word after a wide
/// gap starts at the column its x position maps to (`char_width` points
/// per column, at least two spaces); a word after an ordinary word space
/// follows with one space.
pub fn layout_text(lines: &[Line], left: f64, char_width: f64) -> String {
    let mut out = String::new();
    for line in lines {
        let mut row = String::new();
        let mut col = 0usize;
        let mut prev_x1: Option<f64> = None;
        for w in &line.words {
            let want = ((w.x0 - left) / char_width).max(0.0).round() as usize;
            let pad = match prev_x1 {
                None => want,
                Some(x1) if w.x0 - x1 <= 2.0 * char_width => 1,
                Some(_) => want.saturating_sub(col).max(2),
            };
            row.extend(std::iter::repeat_n(' ', pad));
            let text = normalize_line(&w.text);
            col += pad + text.chars().count();
            row.push_str(&text);
            prev_x1 = Some(w.x1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f64, y: f64) -> Word {
        Word {
            text: text.into(),
            x0,
            x1: x0 + 5.0 * text.chars().count() as f64,
            y,
            size: 10.0,
        }
    }

    #[test]
    fn lines_join_same_baseline_and_keep_columns() {
        let lines = group_lines(vec![
            word("phối", 100.0, 699.0),
            word("Đơn", 0.0, 700.0),
            word("vị", 22.0, 700.2),
            word("hợp", 100.0, 688.0),
        ]);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "Đơn vị phối");
        assert_eq!(
            layout_text(&lines, 0.0, 5.0),
            "Đơn vị              phối\n                    hợp\n"
        );
    }

    #[test]
    fn touching_pieces_glue_but_overlapping_words_do_not() {
        // "Kế" + "hoạch" drawn in two pieces that touch make one word; a
        // long word overflowing its cell over the next cell's "Trung"
        // stays apart from it.
        let lines = group_lines(vec![
            word("Kế", 0.0, 700.0),
            word("hoạch", 10.0, 700.0),
            word("KH/CQTTBCD", 100.0, 680.0),
            word("Trung", 142.0, 680.0),
        ]);
        assert_eq!(lines[0].text(), "Kếhoạch");
        assert_eq!(lines[1].text(), "KH/CQTTBCD Trung");
    }
}
