//! Repair of kerning splits: PDF extractors that see a wide gap after a
//! capital letter write "X ây dựng" for "Xây dựng" and "Th ực" for
//! "Thực"; in justified text they also split lowercase words before a
//! vowel with a diacritic ("nhi ệm v ụ c ủa" for "nhiệm vụ của", as
//! `pdftotext` does on LibreOffice's PDFs). A split is merged only when
//! the result is a valid Vietnamese syllable and the letter is not a label
//! or Roman numeral ("Quý IV", "khóa X", "nhóm C", "điểm đ").

use super::change::Log;
use super::syllable::{is_valid_syllable, is_vowel};

/// Words after which a lone capital letter is a label, not a split word.
const LABEL_WORDS: &[&str] = &[
    "quý", "khóa", "khoá", "loại", "nhóm", "mục", "phần", "chương", "lục", "điểm", "khoản", "lần",
    "thứ", "hạng", "cấp", "số", "tổ", "đội", "khu", "lô", "mẫu", "biểu", "hình", "bảng", "tiểu",
    "vitamin", "dãy", "tầng", "ký", "hiệu", "kỳ", "đợt", "tập", "quyển", "điều", "hội", "phụ",
    "vùng", "tuyến", "dự", "án", "gói", "thầu", "lớp", "khối", "nhà", "ông", "bà", "anh", "chị",
    "chí", "cô", "chú", "tòa", "toà",
];

/// The consonant letters that can start a split-off fragment.
const CAPITAL_ONSET_LETTERS: &str = "BCDĐGHKLMNPQRSTVX";

/// Syllables that begin with a vowel carrying a diacritic and are common
/// words on their own: after a word that is itself a syllable ("thi ở"),
/// they are not the tail of a split.
const VOWEL_INITIAL_WORDS: &[&str] = &[
    "ở", "ấy", "ý", "ủy", "uỷ", "ước", "ứng", "ăn", "ít", "ích", "ổn", "ảnh", "ưu", "ống",
];

/// Whether a letter is a vowel written with a diacritic (a tone mark or
/// one of ă â ê ô ơ ư), where justified text gets split.
fn is_marked_vowel(c: char) -> bool {
    !c.is_ascii() && is_vowel(c)
}

/// A split-off tail: its letters and the punctuation after them, `None`
/// unless it has letters and only closing punctuation follows.
fn letters_and_punctuation(right: &str) -> Option<(&str, &str)> {
    let core_len = right
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(right.len(), |(i, _)| i);
    let (core, punct) = right.split_at(core_len);
    let closing = punct.is_empty() || punct.starts_with([',', '.', ';', ':', ')']);
    (!core.is_empty() && closing).then_some((core, punct))
}

/// Whether `left` (lowercase, untoned, 1–4 letters: a consonant head with
/// at most a glide "i", "u", "y" or "o") and `right` (starting with a
/// vowel with a diacritic) are one lowercase word split in two, returning
/// the merged word and `right`'s trailing punctuation.
fn lowercase_split<'a>(left: &str, right: &'a str) -> Option<(String, &'a str)> {
    let count = left.chars().count();
    if count > 4
        || !left.chars().all(|c| c.is_ascii_lowercase() || c == 'đ')
        || !right.starts_with(is_marked_vowel)
    {
        return None;
    }
    let (core, punct) = letters_and_punctuation(right)?;
    if !core.chars().all(char::is_lowercase) {
        return None;
    }
    if is_valid_syllable(left) && VOWEL_INITIAL_WORDS.contains(&core) {
        return None;
    }
    let merged = format!("{left}{core}");
    is_valid_syllable(&merged).then_some((merged, punct))
}

/// Whether `left` (1–3 letters) is the capitalized consonant head of a
/// word split from `right`, returning the merged word (without `right`'s
/// trailing punctuation) and that punctuation.
fn split_candidate<'a>(left: &str, right: &'a str) -> Option<(String, &'a str)> {
    if left.starts_with(|c: char| c.is_lowercase()) {
        return lowercase_split(left, right);
    }
    // A capitalized head before a marked vowel ("Đi ều", "Qu ản").
    let mut rest = left.chars().skip(1);
    if right.starts_with(is_marked_vowel) && rest.all(char::is_lowercase) {
        let lower = left.to_lowercase();
        if let Some((merged, punct)) = lowercase_split(&lower, right) {
            let head: String = left.chars().take(1).collect();
            let tail: String = merged.chars().skip(1).collect();
            return Some((format!("{head}{tail}"), punct));
        }
    }
    let mut chars = left.chars();
    let first = chars.next()?;
    let count = left.chars().count();
    if count > 3
        || !CAPITAL_ONSET_LETTERS.contains(first)
        || !left.chars().all(|c| c.is_alphabetic() && !is_vowel(c))
    {
        return None;
    }
    let tail_upper = count > 1 && chars.clone().all(char::is_uppercase);
    let tail_lower = chars.all(char::is_lowercase);
    if !tail_lower && !tail_upper {
        return None;
    }
    let (core, punct) = letters_and_punctuation(right)?;
    let case_fits = if tail_upper {
        core.chars().all(char::is_uppercase) && core.starts_with(is_vowel)
    } else {
        core.chars().all(char::is_lowercase)
    };
    if !case_fits {
        return None;
    }
    let merged = format!("{left}{core}");
    is_valid_syllable(&merged).then_some((merged, punct))
}

/// Whether the word before a candidate makes the letter a label or a
/// Roman numeral ("Quý IV", "nhóm C", "2 C"); a lowercase letter is a
/// label only as a point of a legal text ("điểm đ") before a word of its
/// own ("điểm đ ở trên"). A number followed by
/// punctuation ends a clause ("năm 2026. T rong", "năm 2030, g ắn"): the
/// letter after it starts the next word, not a label of the number.
fn is_label_context(prev: Option<&str>, left: &str, right: &str) -> bool {
    prev.is_some_and(|p| {
        let lower = left.starts_with(char::is_lowercase);
        let word = p.trim_end_matches([',', '.', ':']).to_lowercase();
        let label_word = if lower {
            // "điểm đ ở trên" labels a point; in "đặc điểm t ổ chức" the
            // tail is no word of its own, so the letter heads it.
            let tail = letters_and_punctuation(right).map_or("", |(core, _)| core);
            word == "điểm" && VOWEL_INITIAL_WORDS.contains(&tail)
        } else {
            LABEL_WORDS.contains(&word.as_str())
        };
        let single_capital = !lower && left.chars().count() == 1;
        label_word || (single_capital && !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Whether two words side by side may be one word split in two (as
/// [`fix_splits`] merges them, before the label check).
pub(crate) fn may_merge(left: &str, right: &str) -> bool {
    left.len() <= 6 && split_candidate(left, right).is_some()
}

/// Merge "X ây" → "Xây" and "T rung" → "Trung" in a space-folded line,
/// recording each merge; `None` when nothing was merged.
pub(crate) fn fix_splits(line: &str, log: &mut Log) -> Option<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let any = words.windows(2).any(|w| may_merge(w[0], w[1]));
    if !any {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut index = 0;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let prev = if i > 0 { Some(words[i - 1]) } else { None };
        if let Some(next) = words.get(i + 1) {
            if let Some((merged, punct)) = split_candidate(w, next) {
                if !is_label_context(prev, w, next) {
                    let before = format!("{w} {next}");
                    let after = format!("{merged}{punct}");
                    log.rewrite(
                        index,
                        &before,
                        &after,
                        "kerning split merged into one syllable",
                    );
                    index += before.chars().count() + 1;
                    out.push(after);
                    i += 2;
                    continue;
                }
            }
        }
        index += w.chars().count() + 1;
        out.push(w.to_string());
        i += 1;
    }
    Some(out.join(" "))
}

/// Merge "X ây" → "Xây" and "T rung" → "Trung" where safe.
pub fn fix_kerning_splits(line: &str) -> String {
    fix_splits(line, &mut Log::off()).unwrap_or_else(|| line.to_string())
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
        assert_eq!(fix_kerning_splits("Th ực hiện Ch ương"), "Thực hiện Chương");
        assert_eq!(fix_kerning_splits("TH ỰC HIỆN"), "THỰC HIỆN");
        assert_eq!(fix_kerning_splits("Đ ảng."), "Đảng.");
        assert_eq!(
            fix_kerning_splits("năm 2026. T rong quá trình"),
            "năm 2026. Trong quá trình"
        );
        assert_eq!(
            fix_kerning_splits("năm 2020, đ ịnh hướng đến năm 2030, g ắn với"),
            "năm 2020, định hướng đến năm 2030, gắn với"
        );
    }

    #[test]
    fn merges_lowercase_splits_before_marked_vowels() {
        assert_eq!(
            fix_kerning_splits("là nhi ệm v ụ c ủa c ả hệ thống"),
            "là nhiệm vụ của cả hệ thống"
        );
        assert_eq!(
            fix_kerning_splits("tri ển khai th ực hi ện, b ảo đ ảm."),
            "triển khai thực hiện, bảo đảm."
        );
        assert_eq!(fix_kerning_splits("l ực l ượng"), "lực lượng");
        assert_eq!(
            fix_kerning_splits("truyền hình đ ổi mới"),
            "truyền hình đổi mới"
        );
    }

    #[test]
    fn keeps_separate_lowercase_words() {
        assert_eq!(fix_kerning_splits("nơi thi ở xa"), "nơi thi ở xa");
        assert_eq!(fix_kerning_splits("và ủy ban"), "và ủy ban");
        assert_eq!(fix_kerning_splits("tại điểm đ ở trên"), "tại điểm đ ở trên");
        assert_eq!(
            fix_kerning_splits("đặc điểm t ổ chức và hoạt động"),
            "đặc điểm tổ chức và hoạt động"
        );
        assert_eq!(fix_kerning_splits("ban hành ấn phẩm"), "ban hành ấn phẩm");
    }

    #[test]
    fn keeps_labels_and_numerals() {
        assert_eq!(fix_kerning_splits("Quý IV năm"), "Quý IV năm");
        assert_eq!(
            fix_kerning_splits("Đại hội X của Đảng"),
            "Đại hội X của Đảng"
        );
        assert_eq!(fix_kerning_splits("nhóm C ứng dụng"), "nhóm C ứng dụng");
        assert_eq!(fix_kerning_splits("khóa X ân"), "khóa X ân");
        assert_eq!(fix_kerning_splits("Phụ lục B và C"), "Phụ lục B và C");
        assert_eq!(fix_kerning_splits("PHẦN V ĂN"), "PHẦN V ĂN");
        assert_eq!(fix_kerning_splits("TP HCM"), "TP HCM");
        assert_eq!(fix_kerning_splits("đồng chí T ân"), "đồng chí T ân");
    }
}
