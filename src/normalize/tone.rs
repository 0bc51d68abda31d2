//! Tone-mark placement style. The two styles differ only in open
//! syllables ending in `oa`, `oe`, `uy`: old style `hòa`, `thủy`, new style
//! `hoà`, `thuỷ`. `qu`/`gi` syllables (`quý`, `giá`) and syllables with a
//! final (`hoàng`, `thuyết`) are the same in both.

use super::change::Log;
use super::syllable::{is_vowel, split_tone, with_tone, Tone};
use std::str::FromStr;

/// Where the tone mark goes in `oa`/`oe`/`uy` open syllables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToneStyle {
    /// Tone on the first vowel: `hòa`, `thủy`, `ủy`.
    Old,
    /// Tone on the second vowel: `hoà`, `thuỷ`, `uỷ` (QĐ 1989/QĐ-BGDĐT).
    New,
}

impl FromStr for ToneStyle {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "old" | "cu" | "cũ" => Ok(ToneStyle::Old),
            "new" | "moi" | "mới" => Ok(ToneStyle::New),
            other => Err(format!("unknown tone style {other:?} (use old or new)")),
        }
    }
}

/// The word rewritten in `style`, or `None` when the word is not an
/// `oa`/`oe`/`uy` open syllable with a tone, or already in that style.
fn restyle_word(word: &str, style: ToneStyle) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return None;
    }
    let (v1, t1) = split_tone(chars[n - 2]);
    let (v2, t2) = split_tone(chars[n - 1]);
    let pair: String = [v1, v2].iter().flat_map(|c| c.to_lowercase()).collect();
    if !matches!(pair.as_str(), "oa" | "oe" | "uy") {
        return None;
    }
    let onset: String = chars[..n - 2]
        .iter()
        .flat_map(|c| c.to_lowercase())
        .collect();
    if onset.ends_with('q') || onset.ends_with("gi") || onset.chars().any(is_vowel) {
        return None;
    }
    if !onset.chars().all(char::is_alphabetic) {
        return None;
    }
    let (tone, on_first) = match (t1, t2) {
        (Tone::Level, Tone::Level) => return None,
        (t, Tone::Level) => (t, true),
        (Tone::Level, t) => (t, false),
        _ => return None,
    };
    let want_first = style == ToneStyle::Old;
    if on_first == want_first {
        return None;
    }
    let (a, b) = if want_first {
        (with_tone(v1, tone), v2)
    } else {
        (v1, with_tone(v2, tone))
    };
    let mut out: String = chars[..n - 2].iter().collect();
    out.push(a);
    out.push(b);
    Some(out)
}

/// Rewrite the `oa`/`oe`/`uy` open syllables of a text in `style`,
/// recording each word; `None` when nothing changed.
pub(crate) fn restyle(text: &str, style: ToneStyle, log: &mut Log) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut word_start: Option<(usize, usize)> = None;
    let ends = text.char_indices().map(Some).chain(std::iter::once(None));
    for (n, item) in ends.enumerate() {
        if let Some((i, c)) = item {
            if c.is_alphabetic() {
                word_start.get_or_insert((i, n));
                continue;
            }
        }
        let i = item.map_or(text.len(), |(i, _)| i);
        if let Some((start, col)) = word_start.take() {
            let word = &text[start..i];
            match restyle_word(word, style) {
                Some(w) => {
                    log.rewrite(col, word, &w, "tone mark placed in the requested style");
                    out.push_str(&w);
                    changed = true;
                }
                None => out.push_str(word),
            }
        }
        if let Some((_, c)) = item {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// Rewrite every `oa`/`oe`/`uy` open syllable of a text in one tone
/// style (`hòa` ↔ `hoà`, `thủy` ↔ `thuỷ`); everything else is unchanged.
pub fn to_tone_style(text: &str, style: ToneStyle) -> String {
    restyle(text, style, &mut Log::off()).unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_and_new() {
        let old = "Ủy ban hòa giải, thủy lợi, khỏe, Hòa Bình, hoàng, quý, giá, thuyết";
        let new = "Uỷ ban hoà giải, thuỷ lợi, khoẻ, Hoà Bình, hoàng, quý, giá, thuyết";
        assert_eq!(to_tone_style(old, ToneStyle::New), new);
        assert_eq!(to_tone_style(new, ToneStyle::Old), old);
        assert_eq!(to_tone_style(old, ToneStyle::Old), old);
        assert_eq!(to_tone_style("ỦY BAN HOÀ", ToneStyle::Old), "ỦY BAN HÒA");
    }

    #[test]
    fn parses_style_names() {
        assert_eq!("old".parse::<ToneStyle>(), Ok(ToneStyle::Old));
        assert_eq!("NEW".parse::<ToneStyle>(), Ok(ToneStyle::New));
        assert!("x".parse::<ToneStyle>().is_err());
    }
}
