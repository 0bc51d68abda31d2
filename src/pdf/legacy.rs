//! Legacy Vietnamese fonts (TCVN3 `.VnTime`, VNI-Times, …) draw their
//! letters through Latin-1 codes. A run of glyphs in one such font on one
//! baseline is decoded as a whole by `normalize::decode_font_run`, which
//! confirms the encoding from the decoded words (font names lie: a
//! `.VnTime` font may draw Unicode text) and uppercases capital fonts.

use super::content::Glyph;
use crate::normalize::{decode, decode_font_run, font_encoding};
use std::rc::Rc;

/// Decode every legacy-font run of a page's glyphs in place. A run too
/// short to confirm the encoding by its own words ("Sè:" is also a
/// Latin-1 word) is decoded when another run of its font on the page was.
pub fn decode_runs(glyphs: &mut [Glyph]) {
    let mut runs = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let mut end = start + 1;
        while end < glyphs.len() && same_run(&glyphs[start], &glyphs[end]) {
            end += 1;
        }
        if font_encoding(&glyphs[start].font).is_some() {
            runs.push(start..end);
        }
        start = end;
    }
    let mut confirmed: Vec<Rc<str>> = Vec::new();
    let mut pending = Vec::new();
    for run in runs {
        let font = Rc::clone(&glyphs[run.start].font);
        match decode_font_run(&font, &run_text(&glyphs[run.clone()])) {
            Some(decoded) => {
                spread(&mut glyphs[run], &decoded);
                if !confirmed.contains(&font) {
                    confirmed.push(font);
                }
            }
            None => pending.push(run),
        }
    }
    for run in pending {
        let font = &glyphs[run.start].font;
        let Some((encoding, capitals)) = font_encoding(font) else {
            continue;
        };
        let text = run_text(&glyphs[run.clone()]);
        if !confirmed.contains(font) || has_unicode_vietnamese(&text) {
            continue;
        }
        let decoded = decode(encoding, &text);
        let decoded = if capitals {
            decoded.to_uppercase()
        } else {
            decoded
        };
        spread(&mut glyphs[run], &decoded);
    }
}

fn run_text(run: &[Glyph]) -> String {
    run.iter().map(|g| g.text.as_ref()).collect()
}

/// Letters only Unicode Vietnamese has (ơ, ư, toned vowels beyond Latin-1):
/// such a run was never legacy-encoded.
fn has_unicode_vietnamese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{1EA0}'..='\u{1EF9}' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | 'Ă' | 'ă' | 'Đ' | 'đ'
        )
    })
}

/// Two glyphs belong to one run: same font, same baseline.
fn same_run(a: &Glyph, b: &Glyph) -> bool {
    a.font == b.font && (a.y - b.y).abs() < a.size.max(1.0) * 0.3
}

/// Give the decoded text of a run back to its glyphs.
fn spread(run: &mut [Glyph], decoded: &str) {
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
                Rc::from(decoded)
            } else {
                Rc::from("")
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, font: &str, y: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string().into(),
                x: i as f64 * 6.0,
                y,
                width: 6.0,
                size: 12.0,
                font: Rc::from(font),
                rotation: Some(0),
            })
            .collect()
    }

    fn text(glyphs: &[Glyph]) -> String {
        glyphs.iter().map(|g| g.text.as_ref()).collect()
    }

    #[test]
    fn short_runs_follow_their_confirmed_font() {
        // "Sè:" alone is also a Latin-1 word; the page's other run in the
        // same font confirms TCVN3.
        let mut glyphs = run("Sè:", ".VnTime", 700.0);
        glyphs.extend(run("Hµ Néi, ngµy 02 th¸ng 4 n¨m 2004", ".VnTime", 680.0));
        decode_runs(&mut glyphs);
        assert_eq!(text(&glyphs[..3]), "Số:");
        assert_eq!(text(&glyphs[3..]), "Hà Nội, ngày 02 tháng 4 năm 2004");
        // Alone on its page it stays as drawn.
        let mut alone = run("Sè:", ".VnTime", 700.0);
        decode_runs(&mut alone);
        assert_eq!(text(&alone), "Sè:");
    }
}
