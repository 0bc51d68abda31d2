//! A Vietnamese syllable validity model generated from the spelling rules
//! (no word list): onset, optional medial, nucleus, final and tone, with
//! the constraints that stop finals take only the sắc or nặng tone,
//! k/gh/ngh stand only before i y e ê (c/g/ng never do), ă and â need a
//! final, and qu/gi absorb the following u/i.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One of the six Vietnamese tones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tone {
    /// No mark (thanh ngang).
    Level,
    /// Grave accent (thanh huyền).
    Grave,
    /// Acute accent (thanh sắc).
    Acute,
    /// Hook above (thanh hỏi).
    Hook,
    /// Tilde (thanh ngã).
    Tilde,
    /// Dot below (thanh nặng).
    Dot,
}

impl Tone {
    /// The combining mark that writes this tone, `None` for the level tone.
    pub fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{0300}'),
            Tone::Acute => Some('\u{0301}'),
            Tone::Hook => Some('\u{0309}'),
            Tone::Tilde => Some('\u{0303}'),
            Tone::Dot => Some('\u{0323}'),
        }
    }
}

/// The twelve vowel letters that carry tones.
const BASE_VOWELS: &str = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
/// The toned tones, in the order of [`Tone`] after `Level`.
const TONED: [Tone; 5] = [Tone::Grave, Tone::Acute, Tone::Hook, Tone::Tilde, Tone::Dot];

/// Toned vowel (any case) → (untoned vowel, tone), built once from NFC.
fn toned_vowels() -> &'static HashMap<char, (char, Tone)> {
    static MAP: OnceLock<HashMap<char, (char, Tone)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for base in BASE_VOWELS.chars() {
            for tone in TONED {
                let Some(mark) = tone.mark() else { continue };
                let composed: String = [base, mark].iter().collect::<String>().nfc().collect();
                let mut it = composed.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    map.insert(c, (base, tone));
                }
            }
        }
        map
    })
}

/// Split a letter into its untoned letter and its tone (`Level` when none).
pub fn split_tone(c: char) -> (char, Tone) {
    if c.is_ascii() {
        return (c, Tone::Level);
    }
    toned_vowels().get(&c).copied().unwrap_or((c, Tone::Level))
}

/// Put a tone on an untoned vowel letter (either case); other letters and
/// the level tone come back unchanged.
pub fn with_tone(base: char, tone: Tone) -> char {
    let Some(mark) = tone.mark() else {
        return base;
    };
    let composed: String = [base, mark].iter().collect::<String>().nfc().collect();
    let mut it = composed.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => c,
        _ => base,
    }
}

/// Whether a letter is one of the Vietnamese vowels (any tone, any case).
pub fn is_vowel(c: char) -> bool {
    let (base, _) = split_tone(c);
    BASE_VOWELS.contains(base)
}

/// Initial consonants, longest first so `ngh` wins over `ng` and `n`.
const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Nuclei (with any medial) and the finals each takes; `-` = open syllable.
const RHYMES: [(&str, &str); 25] = [
    ("a", "- c ch m n ng nh p t i o u y"),
    ("ă", "c m n ng p t"),
    ("â", "c m n ng p t u y"),
    ("e", "- c m n ng p t o"),
    ("ê", "- ch m n nh p t u"),
    ("i", "- ch m n nh p t u a"),
    ("y", "-"),
    ("o", "- c m n ng p t i"),
    ("ô", "- c m n ng p t i"),
    ("ơ", "- m n p t i"),
    ("u", "- c m n ng p t i a"),
    ("ư", "- c m n ng t i u a"),
    ("iê", "c m n ng p t u"),
    ("yê", "c m n ng p t u"),
    ("uô", "c m n ng t i"),
    ("ươ", "c m n ng p t i u"),
    ("oa", "- c ch m n ng nh p t i y"),
    ("oă", "c m n ng t"),
    ("oe", "- n t o"),
    ("uâ", "n ng t y"),
    ("uê", "- ch nh n"),
    ("uy", "- ch nh n t a"),
    ("uyê", "n t"),
    ("uơ", "-"),
    ("oo", "c ng"),
];

/// The set of valid untoned rhymes, built once from [`RHYMES`].
fn rhymes() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HashSet::new();
        for (nucleus, finals) in RHYMES {
            for f in finals.split(' ') {
                let f = if f == "-" { "" } else { f };
                set.insert(format!("{nucleus}{f}"));
            }
        }
        set
    })
}

/// Whether a rhyme ends in a stop (p t c ch), which allows only sắc/nặng.
fn has_stop_final(rhyme: &str) -> bool {
    rhyme.ends_with(['p', 't', 'c']) || rhyme.ends_with("ch")
}

/// The untoned lowercase letters of a word and its single tone; `None`
/// when the word carries two tones or a non-letter.
fn untone(word: &str) -> Option<(String, Tone)> {
    let composed: String;
    let word = if word.chars().any(is_combining_mark) {
        composed = word.nfc().collect();
        &composed
    } else {
        word
    };
    let mut base = String::with_capacity(word.len());
    let mut tone = Tone::Level;
    for c in word.chars() {
        let (b, t) = split_tone(c);
        if t != Tone::Level {
            if tone != Tone::Level {
                return None;
            }
            tone = t;
        }
        if !b.is_alphabetic() {
            return None;
        }
        base.extend(b.to_lowercase());
    }
    Some((base, tone))
}

/// Whether an onset may stand before a rhyme (k/gh/ngh before i y e ê
/// only; c/g/ng never before them).
fn onset_fits(onset: &str, rhyme: &str) -> bool {
    let front = rhyme.starts_with(['i', 'y', 'e', 'ê']);
    match onset {
        "k" | "gh" | "ngh" => front,
        "c" | "g" | "ng" => !front,
        "qu" => !rhyme.starts_with(['u', 'o']),
        "b" | "m" | "p" | "v" => !(rhyme.starts_with("oa") || rhyme.starts_with("uy")),
        _ => true,
    }
}

/// Whether a rhyme (untoned) is valid under a tone.
fn rhyme_fits(rhyme: &str, tone: Tone) -> bool {
    rhymes().contains(rhyme) && (!has_stop_final(rhyme) || matches!(tone, Tone::Acute | Tone::Dot))
}

/// Whether a word (any case, tone in either style) is one well-formed
/// Vietnamese syllable.
pub fn is_valid_syllable(word: &str) -> bool {
    let Some((base, tone)) = untone(word) else {
        return false;
    };
    if base.is_empty() {
        return false;
    }
    if rhyme_fits(&base, tone) {
        return true;
    }
    ONSETS.iter().any(|onset| {
        let Some(rest) = base.strip_prefix(onset) else {
            return false;
        };
        if *onset == "gi" {
            // "gia", "giữ" (gi + rhyme) or "gì", "gìn", "giếng" (g + i-rhyme).
            let with_i = format!("i{rest}");
            return (!rest.is_empty() && !rest.starts_with('i') && rhyme_fits(rest, tone))
                || rhyme_fits(&with_i, tone);
        }
        !rest.is_empty() && onset_fits(onset, rest) && rhyme_fits(rest, tone)
    })
}

/// Whether every letter run of a text is a valid syllable (and it has
/// at least one): "Hà-Nội" yes, "N§" no.
pub(crate) fn all_words_valid(text: &str) -> bool {
    let mut any = false;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        if !is_valid_syllable(word) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether no capital letter follows a lowercase letter ("cÙng" is a
/// misreading, "TTg" and "Việt" are not).
fn is_well_cased(text: &str) -> bool {
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_uppercase() && prev_lower {
            return false;
        }
        prev_lower = c.is_lowercase();
    }
    true
}

/// Whether a decoded token reads as Vietnamese: every letter run a valid
/// syllable, and well cased.
pub(crate) fn is_well_formed(text: &str) -> bool {
    all_words_valid(text) && is_well_cased(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_syllables() {
        for w in [
            "xây", "trung", "nghiêng", "được", "quyết", "giữ", "gì", "gìn", "giếng", "khuya",
            "hoà", "hòa", "thuỷ", "thủy", "Việt", "NGHỊ", "ĐỊNH", "ương", "yêu", "khuyên", "oanh",
            "quốc", "kế", "ghi", "ngoài", "ăn", "ấp", "uỷ", "thuở", "huých", "kỹ", "boong",
        ] {
            assert!(is_valid_syllable(w), "{w} should be valid");
        }
    }

    #[test]
    fn invalid_syllables() {
        for w in [
            "xcủa",
            "bvà",
            "kan",
            "ghà",
            "ngia",
            "că",
            "hoc",
            "đợc",
            "nớc",
            "cơng",
            "quu",
            "céng",
            "hoµ",
            "thành phố",
            "ab",
            "",
            "x",
            "NĐ",
        ] {
            assert!(!is_valid_syllable(w), "{w} should be invalid");
        }
    }

    #[test]
    fn tones_split_and_join() {
        assert_eq!(split_tone('ệ'), ('ê', Tone::Dot));
        assert_eq!(split_tone('Ở'), ('Ơ', Tone::Hook));
        assert_eq!(with_tone('ơ', Tone::Hook), 'ở');
        assert_eq!(with_tone('b', Tone::Hook), 'b');
        assert!(is_vowel('Ý') && !is_vowel('đ'));
    }
}
