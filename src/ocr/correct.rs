//! Vietnamese post-correction of OCR'd words (issue 16). Tesseract drops
//! and confuses tone marks, reads the Roman "III" as "IH" or "JII", and
//! leaves bits of erased rulings as punctuation. Each rule rests on what
//! is known of Vietnamese documents in general (never on one document's
//! text) and runs on OCR'd words only, so digital text never changes:
//!
//! - ruling remnants: a word of punctuation only lying on a vertical
//!   ruling is a piece of the ruling, and goes;
//! - dashes: a dash read with low confidence stays only between two
//!   numbers ("2026 - 2027"), as in a range of years;
//! - quarters: the numeral after "Quý" is a Roman numeral I–IV; its
//!   look-alikes (l | ! J T → I, H → II) are read as such, and kept only
//!   when that gives a quarter;
//! - item numbers: "§." opening a line is an item's "8." ("§. Giao Sở
//!   Nội vụ:"); no Vietnamese document numbers its items with "§";
//! - unit names: a run of words of one line that differs from a full
//!   name of the unit gazetteer only in its diacritics, and matches no
//!   other name so, takes the gazetteer's spelling ("Sở Tư phap" →
//!   "Sở Tư pháp");
//! - the document's own lexicon: a word read with low confidence, or one
//!   that is no possible Vietnamese syllable, takes the spelling of the
//!   one word that differs from it by one character (only by diacritics
//!   for a word of letters; digits never change) and that OCR read with
//!   high confidence at least [`ConfidenceSettings::sure_repeats`] times
//!   elsewhere in the same document.

use super::{ConfidenceSettings, OcrPage, CONFIDENCE};
use crate::layout::words::Word;
use crate::normalize::{is_valid_syllable, skeleton};
use std::collections::HashMap;
use std::sync::OnceLock;

/// How far (points) a punctuation word may reach past a vertical ruling
/// and still be a remnant of it.
const REMNANT_REACH: f64 = 1.5;
/// A word this many font sizes below the previous one is on the next line.
const NEXT_LINE_EM: f64 = 2.0;
/// Words of one line differ in baseline by less than this many font sizes.
const SAME_LINE_EM: f64 = 0.5;
/// Shortest word (characters) the document lexicon corrects.
const MIN_LEXICON_WORD: usize = 3;

/// Correct the words of a document's OCR'd pages in place; returns how
/// many words were changed or dropped.
pub fn correct_document(pages: &mut [&mut OcrPage]) -> usize {
    let mut changed = 0;
    for page in pages.iter_mut() {
        changed += drop_ruling_remnants(page);
        changed += keep_dashes_between_numbers(page);
        changed += quarter_numerals(page);
        changed += item_number_lookalikes(page);
        changed += snap_unit_names(page);
    }
    changed + lexicon(pages, &CONFIDENCE)
}

/// Keep the words (and their confidences) for which `keep` holds.
fn retain(page: &mut OcrPage, keep: &[bool]) -> usize {
    let before = page.words.len();
    let mut k = keep.iter();
    page.words.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    page.confidence.retain(|_| *k.next().unwrap_or(&true));
    before - page.words.len()
}

fn drop_ruling_remnants(page: &mut OcrPage) -> usize {
    let on_ruling = |w: &Word| {
        !w.text.chars().any(char::is_alphanumeric)
            && page.rulings.iter().any(|r| {
                (r.x1 - r.x0).abs() < 0.5
                    && r.x0 >= w.x0 - REMNANT_REACH
                    && r.x0 <= w.x1 + REMNANT_REACH
                    && w.cy() >= r.y0
                    && w.cy() <= r.y1
            })
    };
    let keep: Vec<bool> = page.words.iter().map(|w| !on_ruling(w)).collect();
    retain(page, &keep)
}

/// Whether a word is a dash ("-", "–", "—").
pub(super) fn is_dash(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, '-' | '–' | '—'))
}

fn keep_dashes_between_numbers(page: &mut OcrPage) -> usize {
    let n = page.words.len();
    let keep: Vec<bool> = (0..n)
        .map(|i| {
            let w = &page.words[i];
            if !is_dash(&w.text) || page.confidence[i] >= CONFIDENCE.low {
                return true;
            }
            let ends_digit = |w: &Word| w.text.chars().last().is_some_and(|c| c.is_ascii_digit());
            let starts_digit = |w: &Word| w.text.chars().next().is_some_and(|c| c.is_ascii_digit());
            i > 0 && i + 1 < n && ends_digit(&page.words[i - 1]) && starts_digit(&page.words[i + 1])
        })
        .collect();
    retain(page, &keep)
}

/// Whether `next` follows `prev` in running text: further right on the
/// same line, or on the line below.
fn follows(prev: &Word, next: &Word) -> bool {
    let size = prev.size.max(next.size);
    let dy = prev.y - next.y;
    (dy.abs() < SAME_LINE_EM * size && next.x0 >= prev.x0) || (dy > 0.0 && dy < NEXT_LINE_EM * size)
}

/// A quarter's Roman numeral read with look-alikes ("IH/2026",
/// "JII/2026") spelled right, or `None` when it is no quarter or already right.
fn quarter_numeral(text: &str) -> Option<String> {
    let (numeral, rest) = match text.find('/') {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let mut roman = String::new();
    for c in numeral.chars() {
        match c {
            'I' | 'l' | '|' | '!' | 'J' | 'j' | 'T' | 'i' | 'í' | 'ì' => roman.push('I'),
            'H' => roman.push_str("II"),
            'V' | 'v' => roman.push('V'),
            _ => return None,
        }
    }
    let fixed = format!("{roman}{rest}");
    (matches!(roman.as_str(), "I" | "II" | "III" | "IV") && fixed != text).then_some(fixed)
}

fn quarter_numerals(page: &mut OcrPage) -> usize {
    let mut changed = 0;
    for i in 1..page.words.len() {
        let (before, after) = page.words.split_at_mut(i);
        let (prev, word) = (&before[i - 1], &mut after[0]);
        if skeleton(&prev.text) != "quy" || !follows(prev, word) {
            continue;
        }
        if let Some(fixed) = quarter_numeral(&word.text) {
            word.text = fixed;
            changed += 1;
        }
    }
    changed
}

/// Signs OCR reads for the digit they look like at the head of an item
/// number: "§" for 8, "$" for 5.
const DIGIT_LOOKALIKES: [(char, char); 2] = [('§', '8'), ('$', '5')];

/// "§." (or "§.1.", "$.2.") opening a line read as the item number ("8.",
/// "5.2.") it looks like.
fn item_number_lookalikes(page: &mut OcrPage) -> usize {
    let mut changed = 0;
    for i in 0..page.words.len() {
        let opens_line = i == 0 || {
            let (prev, word) = (&page.words[i - 1], &page.words[i]);
            (prev.y - word.y).abs() >= SAME_LINE_EM * prev.size.max(word.size)
        };
        let word = &mut page.words[i];
        let number = DIGIT_LOOKALIKES.iter().find_map(|&(sign, digit)| {
            let rest = word.text.strip_prefix(sign)?;
            (rest.starts_with('.') && rest.chars().all(|c| c == '.' || c.is_ascii_digit()))
                .then(|| format!("{digit}{rest}"))
        });
        if let (true, Some(number)) = (opens_line, number) {
            word.text = number;
            changed += 1;
        }
    }
    changed
}

/// Full names of the built-in unit gazetteer (their words) by their folded
/// spelling, `None` where two names fold alike; and the most words of a name.
type UnitNames = (HashMap<String, Option<Vec<String>>>, usize);

/// The [`UnitNames`] of the built-in gazetteer.
fn unit_names() -> &'static UnitNames {
    static NAMES: OnceLock<UnitNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let gazetteer = crate::extract::units::Gazetteer::builtin();
        let mut map: HashMap<String, Option<Vec<String>>> = HashMap::new();
        let mut longest = 0;
        for name in gazetteer.full_names() {
            let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
            longest = longest.max(words.len());
            map.entry(skeleton(name))
                .and_modify(|seen| {
                    if seen.as_ref() != Some(&words) {
                        *seen = None;
                    }
                })
                .or_insert(Some(words));
        }
        (map, longest)
    })
}

/// `to` in the case of `like`: all capitals, or the first letter's case.
fn match_case(like: &str, to: &str) -> String {
    let letters: Vec<char> = like.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return to.to_uppercase();
    }
    let mut chars = to.chars();
    match (like.chars().next(), chars.next()) {
        (Some(l), Some(first)) if l.is_lowercase() => first.to_lowercase().chain(chars).collect(),
        (Some(l), Some(first)) if l.is_uppercase() => first.to_uppercase().chain(chars).collect(),
        _ => to.to_string(),
    }
}

/// A word's text split into leading punctuation, core and trailing punctuation.
fn core(text: &str) -> (&str, &str, &str) {
    let start = text.len()
        - text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let end = text
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .len()
        .max(start);
    (&text[..start], &text[start..end], &text[end..])
}

fn snap_unit_names(page: &mut OcrPage) -> usize {
    let (names, longest) = unit_names();
    let mut changed = 0;
    let mut start = 0;
    while start < page.words.len() {
        // The words of one line from `start`.
        let mut end = start + 1;
        while end < page.words.len() {
            let (a, b) = (&page.words[end - 1], &page.words[end]);
            if (a.y - b.y).abs() >= SAME_LINE_EM * a.size.max(b.size) || b.x0 < a.x0 {
                break;
            }
            end += 1;
        }
        let mut i = start;
        'words: while i < end {
            for n in (2..=(*longest).min(end - i)).rev() {
                let window = &page.words[i..i + n];
                let joined: Vec<&str> = window.iter().map(|w| core(&w.text).1).collect();
                let Some(Some(name)) = names.get(&skeleton(&joined.join(" "))) else {
                    continue;
                };
                if name.len() != n {
                    continue;
                }
                for (w, right) in page.words[i..i + n].iter_mut().zip(name) {
                    let (lead, old, trail) = core(&w.text);
                    let new = match_case(old, right);
                    if new != old {
                        w.text = format!("{lead}{new}{trail}");
                        changed += 1;
                    }
                }
                i += n;
                continue 'words;
            }
            i += 1;
        }
        start = end;
    }
    changed
}

/// Whether two spellings are at most one character edit apart.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            let i = short.iter().zip(long).take_while(|(x, y)| x == y).count();
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Whether OCR's reading `word` (core text, its confidence) is doubtful.
fn doubtful(word: &str, confidence: f32, settings: &ConfidenceSettings) -> bool {
    confidence < settings.low
        || (word.chars().all(char::is_alphabetic)
            && word.chars().any(char::is_lowercase)
            && !is_valid_syllable(word))
}

fn lexicon(pages: &mut [&mut OcrPage], settings: &ConfidenceSettings) -> usize {
    let mut sure: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        for (w, &c) in page.words.iter().zip(&page.confidence) {
            if c >= settings.sure {
                *sure.entry(core(&w.text).1.to_string()).or_default() += 1;
            }
        }
    }
    let known: Vec<(Vec<char>, &str)> = sure
        .iter()
        .filter(|(_, &n)| n >= settings.sure_repeats)
        .map(|(w, _)| (w.chars().collect(), w.as_str()))
        .collect();
    let mut changed = 0;
    for page in pages.iter_mut() {
        for (w, &c) in page.words.iter_mut().zip(&page.confidence) {
            let (lead, word, trail) = core(&w.text);
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < MIN_LEXICON_WORD
                || sure.contains_key(word)
                || !doubtful(word, c, settings)
            {
                continue;
            }
            let letters = chars.iter().all(|c| c.is_alphabetic());
            let mut found = known.iter().filter(|(k, spelled)| {
                within_one_edit(&chars, k)
                    && digits(spelled) == digits(word)
                    && (!letters || skeleton(spelled) == skeleton(word))
            });
            if let (Some((_, right)), None) = (found.next(), found.next()) {
                w.text = format!("{lead}{right}{trail}");
                changed += 1;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f64, y: f64) -> Word {
        Word {
            text: text.to_string(),
            x0,
            x1: x0 + 6.0 * text.chars().count() as f64,
            y,
            size: 12.0,
        }
    }

    fn page(words: &[(&str, f64, f64, f32)]) -> OcrPage {
        OcrPage {
            words: words.iter().map(|&(t, x, y, _)| word(t, x, y)).collect(),
            confidence: words.iter().map(|w| w.3).collect(),
            ..OcrPage::default()
        }
    }

    fn texts(page: &OcrPage) -> Vec<&str> {
        page.words.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn a_sign_opening_a_line_is_the_digit_it_looks_like() {
        let mut p = page(&[
            ("chính.", 300.0, 420.0, 95.0),
            ("§.", 72.0, 400.0, 40.0),
            ("Giao", 90.0, 400.0, 96.0),
            ("Điều", 72.0, 380.0, 96.0),
            ("§.", 110.0, 380.0, 40.0),
            ("$.2.", 72.0, 360.0, 40.0),
            ("Phòng", 100.0, 360.0, 96.0),
            ("$.2.", 140.0, 360.0, 40.0),
        ]);
        assert_eq!(item_number_lookalikes(&mut p), 2);
        assert_eq!(
            texts(&p),
            ["chính.", "8.", "Giao", "Điều", "§.", "5.2.", "Phòng", "$.2."]
        );
    }

    #[test]
    fn quarter_numerals_are_read_as_roman() {
        assert_eq!(quarter_numeral("IH/20").as_deref(), Some("III/20"));
        assert_eq!(quarter_numeral("JII/2026").as_deref(), Some("III/2026"));
        assert_eq!(quarter_numeral("IIl/2026").as_deref(), Some("III/2026"));
        assert_eq!(quarter_numeral("lV").as_deref(), Some("IV"));
        // Already right, Arabic, or no quarter at all: unchanged.
        assert_eq!(quarter_numeral("III/2026"), None);
        assert_eq!(quarter_numeral("1/2026"), None);
        assert_eq!(quarter_numeral("HH"), None);
        let mut p = page(&[("Quý", 500.0, 400.0, 97.0), ("TH/20", 500.0, 388.0, 42.0)]);
        assert_eq!(quarter_numerals(&mut p), 1);
        assert_eq!(texts(&p), ["Quý", "III/20"]);
        // Not after "Quý": unchanged.
        let mut p = page(&[("Nhóm", 500.0, 400.0, 97.0), ("IH", 540.0, 400.0, 42.0)]);
        assert_eq!(quarter_numerals(&mut p), 0);
    }

    #[test]
    fn unit_names_take_the_gazetteer_spelling() {
        let mut p = page(&[
            ("Giao", 10.0, 500.0, 90.0),
            ("Bo", 50.0, 500.0, 50.0),
            ("Cong", 70.0, 500.0, 50.0),
            ("an,", 100.0, 500.0, 90.0),
        ]);
        assert_eq!(snap_unit_names(&mut p), 2);
        assert_eq!(texts(&p), ["Giao", "Bộ", "Công", "an,"]);
    }

    #[test]
    fn the_document_lexicon_corrects_doubtful_words_only() {
        let mut first = page(&[
            ("11-KH/BCĐ", 10.0, 700.0, 95.0),
            ("11-KH/BCĐ", 10.0, 600.0, 95.0),
            ("ninh", 10.0, 500.0, 95.0),
            ("ninh", 10.0, 400.0, 95.0),
        ]);
        let mut second = page(&[
            ("11-KH/BCGĐ", 10.0, 700.0, 5.0),
            // Same letters, other digits: never changed.
            ("12-KH/BCĐ", 10.0, 650.0, 5.0),
            ("nình", 10.0, 600.0, 39.0),
            // Read with confidence: kept.
            ("nính", 10.0, 500.0, 96.0),
        ]);
        assert_eq!(lexicon(&mut [&mut first, &mut second], &CONFIDENCE), 2);
        assert_eq!(texts(&second), ["11-KH/BCĐ", "12-KH/BCĐ", "ninh", "nính"]);
    }

    #[test]
    fn punctuation_on_a_ruling_goes_and_dashes_stay_between_numbers() {
        let mut p = page(&[
            ("2026", 500.0, 400.0, 96.0),
            ("-", 510.0, 390.0, 30.0),
            ("2027", 500.0, 380.0, 96.0),
            ("-", 300.0, 300.0, 30.0),
            ("!", 547.0, 300.0, 88.0),
        ]);
        p.rulings.push(crate::pdf::content::Segment::new(
            547.4, 100.0, 547.4, 700.0,
        ));
        assert_eq!(drop_ruling_remnants(&mut p), 1);
        assert_eq!(keep_dashes_between_numbers(&mut p), 1);
        assert_eq!(texts(&p), ["2026", "-", "2027"]);
    }
}
