//! Repair of OCR text layers that wrote each Vietnamese letter as the low
//! byte of its code point (Adobe Scan: ạ U+1EA1 → "¡", Ộ U+1ED8 → "Ø",
//! ư U+01B0 → "°"). A byte stands for up to three letters (U+00xx, U+01xx,
//! U+1Exx); the reading that makes the word a valid syllable wins. Letters
//! whose low byte is a control code (đ, ă) were dropped by the producer
//! and cannot be restored.

use super::syllable::{is_vowel, is_well_formed};

/// Most ambiguous characters tried exhaustively in one token.
const MAX_AMBIGUOUS: usize = 7;

/// Whether a character is a letter of the Vietnamese alphabet beyond ASCII.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(c, 'đ' | 'Đ') || (!c.is_ascii() && is_vowel(c))
}

/// The readings of one character: itself first, then the Vietnamese
/// letters whose code point has it as low byte.
fn readings(c: char) -> Vec<char> {
    let b = u32::from(c);
    let mut out = vec![c];
    if (0xA0..=0xFF).contains(&b) {
        for high in [0x1E00, 0x0100] {
            if let Some(letter) = char::from_u32(high | b).filter(|&l| is_vietnamese_letter(l)) {
                out.push(letter);
            }
        }
    }
    out
}

/// Whether a character is evidence for this damage: a Latin-1 symbol or
/// foreign letter that reads as a Vietnamese letter.
pub(crate) fn is_signature(c: char) -> bool {
    !is_vietnamese_letter(c) && readings(c).len() > 1
}

/// Whether a symbol that reads as a letter still touches a letter ("®Ò"
/// keeps a letter's place).
fn has_stray_symbol(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|i| {
        is_signature(chars[i])
            && (i > 0 && chars[i - 1].is_alphabetic()
                || chars.get(i + 1).is_some_and(|c| c.is_alphabetic()))
    })
}

/// Step to the next combination of readings; false after the last.
fn advance(pick: &mut [usize], options: &[Vec<char>], ambiguous: &[usize]) -> bool {
    for &i in ambiguous {
        pick[i] += 1;
        if pick[i] < options[i].len() {
            return true;
        }
        pick[i] = 0;
    }
    false
}

/// The best reading of one token: the well-formed one (valid syllables,
/// no capital inside a lowercase word, no symbol left inside a word) with
/// fewest changes, or else every non-letter read as its first letter.
fn decode_token(token: &str) -> String {
    let options: Vec<Vec<char>> = token.chars().map(readings).collect();
    let ambiguous: Vec<usize> = (0..options.len())
        .filter(|&i| options[i].len() > 1)
        .collect();
    if ambiguous.is_empty() {
        return token.to_string();
    }
    if ambiguous.len() <= MAX_AMBIGUOUS {
        let mut pick = vec![0usize; options.len()];
        let mut best: Option<(usize, String)> = None;
        loop {
            let changes = pick.iter().filter(|&&p| p > 0).count();
            if best.as_ref().is_none_or(|(c, _)| changes < *c) {
                let candidate: String = options.iter().zip(&pick).map(|(o, &p)| o[p]).collect();
                if is_well_formed(&candidate) && !has_stray_symbol(&candidate) {
                    best = Some((changes, candidate));
                }
            }
            if !advance(&mut pick, &options, &ambiguous) {
                break;
            }
        }
        if let Some((_, s)) = best {
            return s;
        }
    }
    options
        .iter()
        .map(|o| {
            if o[0].is_alphabetic() {
                o[0]
            } else {
                o.get(1).copied().unwrap_or(o[0])
            }
        })
        .collect()
}

/// Read every whitespace-separated token of `text` as low-byte OCR text.
pub(crate) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for (i, token) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&decode_token(token));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_low_bytes_as_letters() {
        assert_eq!(decode("khÏe m¡nh, an to£n"), "khỏe mạnh, an toản");
        assert_eq!(decode("H¡nh phúc"), "Hạnh phúc");
        assert_eq!(decode("NghË Ënh sÑ 116"), "Nghị ịnh số 116");
        assert_eq!(decode("và có"), "và có");
        assert_eq!(decode("cÙng"), "cộng");
    }
}
