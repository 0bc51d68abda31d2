//! Warnings (never rewrites) for words a syllable check can catch as
//! malformed ("đợc", "quyêt"), and for a short list of wrong-but-valid
//! tone slips common in administrative text ("hệ thông", "chuyển đổi
//! sô"). Swapping tones automatically would corrupt correct text
//! ("tỉnh năng động"), so these are only flagged.

use super::change::Log;
use super::syllable::{is_valid_syllable, is_vowel};

/// Phrases that are valid syllables but almost always a tone slip, with
/// the likely intended phrase.
const TONE_SLIPS: &[(&str, &str)] = &[
    ("hệ thông", "hệ thống"),
    ("chuyển đổi sô", "chuyển đổi số"),
    ("tỉnh năng", "tính năng"),
    ("đàng viên", "đảng viên"),
    ("đàng bộ", "đảng bộ"),
    ("đàng ủy", "đảng ủy"),
    ("đàng uỷ", "đảng uỷ"),
    ("kê hoạch", "kế hoạch"),
    ("nhiêm vụ", "nhiệm vụ"),
    ("thực hiên", "thực hiện"),
    ("chỉ đao", "chỉ đạo"),
    ("chủ tri", "chủ trì"),
    ("phôi hợp", "phối hợp"),
    ("dữ liêu", "dữ liệu"),
    ("thời han", "thời hạn"),
    ("hoàn thanh", "hoàn thành"),
    ("đơn vi", "đơn vị"),
    ("báo cao", "báo cáo"),
    ("công nghê", "công nghệ"),
];

/// Whether a word has a Vietnamese vowel with a diacritic (so it is meant
/// to be Vietnamese, unlike "UBND" or "email").
fn has_vietnamese_vowel(word: &str) -> bool {
    word.chars().any(|c| !c.is_ascii() && is_vowel(c))
}

/// Whether a word is a capitalized Central Highlands name syllable with
/// a final `k` (Đắk, Lắk), outside standard Vietnamese spelling.
fn is_highland_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.ends_with(['k', 'K'])
}

/// Flag malformed syllables and known tone slips in a normalized line.
pub(crate) fn flag_suspicious(line: &str, log: &mut Log) {
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut index = 0;
    for token in line.split(' ') {
        let start = token
            .char_indices()
            .find(|&(_, c)| c.is_alphabetic())
            .map(|(i, _)| i);
        if let Some(start) = start {
            let core = &token[start..];
            let end = core
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(core.len(), |(i, _)| i);
            let word = &core[..end];
            let col = index + token[..start].chars().count();
            if end == core.len()
                && has_vietnamese_vowel(word)
                && !is_highland_name(word)
                && !is_valid_syllable(word)
            {
                log.warn(col, word, "", "not a valid Vietnamese syllable");
            }
            words.push((col, word.to_lowercase()));
        }
        index += token.chars().count() + 1;
    }
    for (slip, fix) in TONE_SLIPS {
        let n = slip.split(' ').count();
        for window in words.windows(n) {
            if window.iter().map(|(_, w)| w.as_str()).eq(slip.split(' ')) {
                log.warn(
                    window[0].0,
                    slip,
                    fix,
                    "valid syllables, but likely a tone slip",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Change;

    fn flags(line: &str) -> Vec<Change> {
        let mut changes = Vec::new();
        flag_suspicious(line, &mut Log::on(1, &mut changes));
        changes
    }

    #[test]
    fn flags_slips_and_malformed_words() {
        let f = flags("Xây dựng hệ thông và chuyển đổi sô, quyêt định");
        let found: Vec<(&str, usize)> = f.iter().map(|c| (c.before.as_str(), c.column)).collect();
        assert_eq!(
            found,
            vec![("quyêt", 37), ("hệ thông", 10), ("chuyển đổi sô", 22)]
        );
    }

    #[test]
    fn clean_text_has_no_flags() {
        assert!(flags("Hệ thống UBND tỉnh Đắk Lắk, BCĐ, email và chuyển đổi số.").is_empty());
    }
}
