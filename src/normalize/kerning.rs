//! Repair of kerning splits: PDF extractors that see a wide gap after a
//! capital letter write "X ây dựng" for "Xây dựng". A split is merged only
//! when the result is a valid Vietnamese syllable and the letter is not a
//! label or Roman numeral ("Quý IV", "nhóm C").

use regex::Regex;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// Words after which a lone capital letter is a label, not a split word.
const LABEL_WORDS: &[&str] = &[
    "quý", "khóa", "khoá", "loại", "nhóm", "mục", "phần", "chương", "lục", "điểm", "khoản", "lần",
    "thứ", "hạng", "cấp", "số", "tổ", "đội", "khu", "lô", "mẫu", "biểu", "hình", "bảng", "tiểu",
    "vitamin", "dãy", "tầng", "ký", "hiệu",
];

/// Merge "X ây" → "Xây" and "T rung" → "Trung" where safe.
pub fn fix_kerning_splits(line: &str) -> String {
    if !line.contains(' ') {
        return line.to_string();
    }
    let words: Vec<&str> = line.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if i + 1 < words.len() && is_split_candidate(w, words[i + 1]) {
            let prev_is_label = out
                .last()
                .map(|p| {
                    LABEL_WORDS.contains(&p.to_lowercase().trim_end_matches([',', '.']))
                        || p.chars().all(|c| c.is_ascii_digit())
                })
                .unwrap_or(false);
            if !prev_is_label {
                let merged = format!("{w}{}", words[i + 1]);
                out.push(merged);
                i += 2;
                continue;
            }
        }
        out.push(w.to_string());
        i += 1;
    }
    out.join(" ")
}

/// A single capital consonant followed by a lowercase fragment that together
/// make one valid syllable (the fragment's trailing punctuation aside).
fn is_split_candidate(letter: &str, next: &str) -> bool {
    let mut chars = letter.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if !c.is_uppercase() || !"BCDĐGHKLMNPQRSTVX".contains(c) {
        return false;
    }
    let core = next.trim_end_matches(|c: char| !c.is_alphabetic());
    if core.is_empty() || !core.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    is_valid_syllable(&format!("{}{}", c.to_lowercase(), core))
}

/// Whether a lowercase word is a well-formed Vietnamese syllable
/// (onset, optional medial, nucleus, final; tones ignored).
pub(crate) fn is_valid_syllable(word: &str) -> bool {
    static SYLLABLE: OnceLock<Regex> = OnceLock::new();
    let re = SYLLABLE.get_or_init(|| {
        Regex::new(concat!(
            "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?",
            "(oa|oă|oe|uâ|uê|uy|uơ|ươ|ưa|ưu|ươi|ươu|iê|yê|ia|ua|uô|uôi|ai|ao|au|âu|ay|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|oai|oay|oeo|uây|uya|uyê|iêu|yêu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)",
            "(ch|ng|nh|c|m|n|p|t)?$"
        ))
        .expect("static syllable pattern is valid")
    });
    let base: String = word
        .nfd()
        .filter(|c| {
            !matches!(
                c,
                '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
            )
        })
        .nfc()
        .collect::<String>()
        .to_lowercase();
    re.is_match(&base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_safe_splits() {
        assert_eq!(
            fix_kerning_splits("không giấy. X ây dựng, ban"),
            "không giấy. Xây dựng, ban"
        );
        assert_eq!(
            fix_kerning_splits("Văn phòng T rung ương"),
            "Văn phòng Trung ương"
        );
    }

    #[test]
    fn keeps_labels_and_numerals() {
        assert_eq!(fix_kerning_splits("Quý IV năm"), "Quý IV năm");
        assert_eq!(
            fix_kerning_splits("Đại hội X của Đảng"),
            "Đại hội X của Đảng"
        );
        assert_eq!(fix_kerning_splits("nhóm C ứng dụng"), "nhóm C ứng dụng");
        assert_eq!(fix_kerning_splits("Phụ lục B và C"), "Phụ lục B và C");
    }

    #[test]
    fn syllables() {
        assert!(is_valid_syllable("xây"));
        assert!(is_valid_syllable("trung"));
        assert!(is_valid_syllable("nghiêng"));
        assert!(!is_valid_syllable("xcủa"));
        assert!(!is_valid_syllable("bvà"));
    }
}
