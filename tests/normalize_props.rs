//! Property tests of the normalizer on generated Vietnamese text.

use nhiemvu::normalize::{
    decode_legacy_text, is_valid_syllable, match_key, normalize_line, to_tone_style, with_tone,
    Tone, ToneStyle,
};
use proptest::prelude::*;
use unicode_normalization::{is_nfc, UnicodeNormalization};

const ONSETS: [&str; 28] = [
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const RHYMES: [&str; 40] = [
    "a", "ai", "an", "anh", "ăn", "ăc", "âm", "ây", "e", "em", "ê", "ênh", "i", "inh", "iêt",
    "iêu", "o", "oa", "oan", "oe", "ong", "ôi", "ông", "ơ", "ơn", "u", "ung", "uân", "uy", "uyên",
    "uôc", "ươc", "ương", "ưa", "ưu", "y", "yêu", "ia", "ua", "oc",
];
const TONES: [Tone; 6] = [
    Tone::Level,
    Tone::Grave,
    Tone::Acute,
    Tone::Hook,
    Tone::Tilde,
    Tone::Dot,
];

/// Put the tone on the vowel that carries it (hatted vowel first, then
/// the last vowel before a final, else the first vowel).
fn toned(rhyme: &str, tone: Tone) -> String {
    let chars: Vec<char> = rhyme.chars().collect();
    let vowels: Vec<usize> = (0..chars.len())
        .filter(|&i| "aăâeêioôơuưy".contains(chars[i]))
        .collect();
    let target = vowels
        .iter()
        .copied()
        .find(|&i| "ăâêôơư".contains(chars[i]))
        .or_else(|| {
            let last = *vowels.last()?;
            (last + 1 < chars.len()).then_some(last)
        })
        .or_else(|| vowels.first().copied());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if Some(i) == target {
                with_tone(c, tone)
            } else {
                c
            }
        })
        .collect()
}

/// All valid syllables the tables can make.
fn syllables() -> Vec<String> {
    let mut out = Vec::new();
    for onset in ONSETS {
        for rhyme in RHYMES {
            for tone in TONES {
                let s = format!("{onset}{}", toned(rhyme, tone));
                if is_valid_syllable(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// A line of valid Vietnamese words, digits and punctuation.
fn vietnamese_line() -> impl Strategy<Value = String> {
    let words = syllables();
    let token = prop_oneof![
        6 => (proptest::sample::select(words), 0..3u8).prop_map(|(w, case)| match case {
            0 => w,
            1 => w.to_uppercase(),
            _ => {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        }),
        1 => "[0-9]{1,4}",
        1 => proptest::sample::select(vec![",", ".", ";", ":", "(", ")", "-", "/", "–", "\"", "?"])
            .prop_map(String::from),
    ];
    (
        proptest::collection::vec(token, 1..14),
        proptest::collection::vec(0..3usize, 14),
    )
        .prop_map(|(tokens, gaps)| {
            let mut s = String::new();
            for (t, g) in tokens.iter().zip(gaps) {
                s.push_str(t);
                s.push_str(["", " ", "  "][g]);
            }
            s
        })
}

/// The letters and digits of a text, in order.
fn alnum(s: &str) -> Vec<char> {
    s.nfc().filter(|c| c.is_alphanumeric()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn normalize_is_idempotent_and_nfc(line in vietnamese_line()) {
        let once = normalize_line(&line);
        prop_assert!(is_nfc(&once));
        prop_assert_eq!(normalize_line(&once), once.clone());
    }

    #[test]
    fn normalize_keeps_every_letter_and_digit(line in vietnamese_line()) {
        prop_assert_eq!(alnum(&normalize_line(&line)), alnum(&line));
    }

    #[test]
    fn decomposed_input_normalizes_like_composed(line in vietnamese_line()) {
        let nfd: String = line.nfd().collect();
        prop_assert_eq!(normalize_line(&nfd), normalize_line(&line));
    }

    #[test]
    fn legacy_decoder_leaves_unicode_alone(line in vietnamese_line()) {
        let (out, changes) = decode_legacy_text(&line);
        prop_assert!(changes.is_empty(), "{:?}", changes);
        prop_assert_eq!(out, line);
    }

    #[test]
    fn tone_styles_round_trip_and_keep_the_key(line in vietnamese_line()) {
        let new = to_tone_style(&line, ToneStyle::New);
        let old = to_tone_style(&new, ToneStyle::Old);
        prop_assert_eq!(to_tone_style(&old, ToneStyle::New), new.clone());
        prop_assert_eq!(match_key(&new), match_key(&line));
        prop_assert_eq!(match_key(&old), match_key(&line));
    }
}

/// Arbitrary text mixing legacy mojibake, Vietnamese, punctuation,
/// spaces, invisibles and combining marks.
fn messy_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ]",
            "[\u{00A0}-\u{00FF}]",
            "[àáảãạăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữự]",
            "[ \t,.;:()\\[\\]/\u{2013}\u{2212}\u{2219}\u{200B}\u{FEFF}\u{00AD}\n]",
            "[\u{0300}\u{0301}\u{0302}\u{0303}\u{0306}\u{0309}\u{031B}\u{0323}]",
            "[ÐðƉаеоІ]",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn messy_input_never_panics_and_normalizes_stably(text in messy_text()) {
        let (decoded, _) = decode_legacy_text(&text);
        prop_assert_eq!(decoded.matches('\n').count(), text.matches('\n').count());
        for line in text.lines() {
            let once = normalize_line(line);
            prop_assert!(is_nfc(&once));
            prop_assert_eq!(normalize_line(&once), once.clone(), "input {:?}", line);
        }
    }
}
