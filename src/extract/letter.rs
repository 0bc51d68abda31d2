//! The letter parts of an administrative document around its body: place of
//! issue, subject ("V/v ..."), addressees ("Kính gửi:"), the distribution
//! list ("Nơi nhận:") and the signature block (title lines and name).

use super::header::{is_capitals, is_motto};
use crate::model::DocumentMeta;
use crate::normalize::fold_spaces;
use crate::source_doc::TextLine;
use regex::Regex;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// How many lines a wrapped subject may continue over.
const SUBJECT_LINES: usize = 4;

/// How many lines after its anchor a signature block may start.
const SIGNATURE_REACH: usize = 30;

struct Patterns {
    subject: Regex,
    recipients: Regex,
    distribution: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static letter pattern is valid");
        Patterns {
            subject: re(r"(?i)^(?:v/v|về việc)\s*:?\s*(.*)$"),
            recipients: re(r"(?i)^[-–•]?\s*kính\s+gửi\s*:?[\s*]*(.*)$"),
            // "Nơi nhận:" and its list, or the bare label on its line; a guide's
            // sentence "Nơi nhận văn bản xác định ..." is no list.
            distribution: re(r"(?i)^nơi\s+nhận\s*(?::\s*(.*)|[-–]\s*(.*)|$|(?:KT|TM|TL|TUQ)\.)"),
        }
    })
}

/// The place before ", ngày <digit>": up to five capitalized words
/// ("Hà Nội, ngày 28 tháng 4 năm 2026" → "Hà Nội").
fn place_before_date(text: &str) -> Option<String> {
    let at = text.find(", ngày ").or_else(|| text.find(",ngày "))?;
    let after = text[at..]
        .trim_start_matches([',', ' '])
        .trim_start_matches("ngày")
        .trim_start();
    if !after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let words: Vec<&str> = text[..at].split_whitespace().collect();
    let capitalized = |w: &&&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.filter(|c| c.is_alphabetic()).all(char::is_lowercase)
    };
    let place: Vec<&str> = words
        .iter()
        .rev()
        .take(5)
        .take_while(capitalized)
        .copied()
        .collect();
    (!place.is_empty()).then(|| place.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// A subject line without the place and date printed beside it in the
/// other header column ("trả lời đề nghị của Hà Nội, ngày 06 tháng 10 năm
/// 2025" → "trả lời đề nghị của"); the date may be left blank for the
/// signing stamp ("Lâm Đồng, ngày      tháng 10 năm 2025").
fn without_place_and_date(text: &str) -> String {
    let Some(place) = place_before_date(text).or_else(|| {
        // A blank day: read the place as if the day were printed.
        place_before_date(&text.replacen("ngày ", "ngày 1 ", 1))
    }) else {
        return text.to_string();
    };
    static DATE: OnceLock<Regex> = OnceLock::new();
    let date = DATE.get_or_init(|| {
        Regex::new(r",\s*ngày[\s0-9]*tháng[\s0-9]*năm\s*[0-9]{4}")
            .expect("static place-and-date pattern is valid")
    });
    let beside = date
        .find_iter(text)
        .filter_map(|m| Some((text[..m.start()].strip_suffix(place.as_str())?, m.end())))
        .next();
    match beside {
        Some((before, end)) => fold_spaces(&format!("{before} {}", &text[end..])),
        None => text.to_string(),
    }
}

/// A person's name: two to five capitalized words, the first all lowercase
/// after its capital ("Nguyễn Văn An").
fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first_ok = words.first().is_some_and(|w| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && c.clone().count() > 0
            && c.all(char::is_lowercase)
    });
    (2..=5).contains(&words.len())
        && first_ok
        && words[1..].iter().all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
        })
}

/// Fill place, subject, recipients, distribution list and signer of `meta`
/// from the document's lines.
pub fn read_letter_parts(lines: &[&TextLine], meta: &mut DocumentMeta) {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.trim()).collect();
    meta.place = texts
        .iter()
        .take(40)
        .filter(|t| t.contains("tháng") && t.contains("năm"))
        .find_map(|t| place_before_date(t))
        .map(|p| fold_spaces(&p));
    meta.subject = read_subject(&texts);
    meta.recipients = read_recipients(&texts);
    let (distribution, after) = read_distribution(&texts);
    meta.distribution = distribution;
    let beside = after.and_then(|end| {
        let start = texts.iter().rposition(|t| closes_body(t))?;
        signature_beside_list(&texts, start, end)
    });
    let anchor = after.or_else(|| texts.iter().rposition(|t| t.ends_with("./.")));
    let signature = beside.or_else(|| anchor.and_then(|from| read_signature(&texts[from..])));
    if let Some((title, name)) = signature {
        meta.signer_title = Some(title);
        meta.signer_name = name;
    }
}

/// Whether a line opens one of the blocks that close a document's body.
pub fn closes_body(text: &str) -> bool {
    patterns().distribution.is_match(text.trim())
}

/// Whether a line opens the "Kính gửi:" block.
pub fn opens_recipients(text: &str) -> bool {
    patterns().recipients.is_match(text.trim())
}

/// The "V/v ..." subject with its wrapped lines.
fn read_subject(texts: &[&str]) -> Option<String> {
    let p = patterns();
    let at = texts.iter().take(40).position(|t| p.subject.is_match(t))?;
    let first = p.subject.captures(texts[at])?.get(1)?.as_str();
    let mut parts = vec![without_place_and_date(first)];
    for t in texts[at + 1..].iter().take(SUBJECT_LINES) {
        let stops = is_capitals(t)
            || t.chars().count() > 90
            || t.contains("ngày")
            || t.starts_with(['-', '*', '+'])
            || opens_recipients(t)
            // The header's own "Số:" line, not a wrapped "... Công văn / số
            // 3653/VPCP-CĐS ...".
            || t.starts_with("Số")
            || t.to_lowercase().starts_with("số:");
        if stops {
            break;
        }
        parts.push(t.to_string());
    }
    let subject = fold_spaces(&parts.join(" "));
    (!subject.is_empty()).then_some(subject)
}

/// The addressees after "Kính gửi:": the rest of that line and the bulleted
/// lines that follow.
fn read_recipients(texts: &[&str]) -> Vec<String> {
    let p = patterns();
    let Some(at) = texts.iter().position(|t| p.recipients.is_match(t)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(rest) = p.recipients.captures(texts[at]).and_then(|c| c.get(1)) {
        push_entry(&mut out, rest.as_str());
    }
    for t in &texts[at + 1..] {
        if !t.starts_with(['-', '–', '+', '•']) {
            break;
        }
        push_entry(&mut out, t);
    }
    out
}

/// The "Nơi nhận:" list (bulleted entries, unbulleted lines continuing the
/// entry above) and the index of the line after it.
fn read_distribution(texts: &[&str]) -> (Vec<String>, Option<usize>) {
    let p = patterns();
    let Some(at) = texts.iter().rposition(|t| p.distribution.is_match(t)) else {
        return (Vec::new(), None);
    };
    let mut entries: Vec<String> = Vec::new();
    let first = split_signature(texts[at]).0;
    if let Some(rest) = p
        .distribution
        .captures(&first)
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
    {
        entries.push(rest.as_str().to_string());
    }
    let mut end = at + 1;
    for t in &texts[at + 1..] {
        let t = &split_signature(t).0;
        if is_person_name(t) {
            // The signer's name printed beside the list.
            end += 1;
            continue;
        }
        let continues = entries
            .last()
            .is_some_and(|e| !e.trim().is_empty() && !is_capitals(t));
        let last_closed = split_signature(texts[end - 1]).0.ends_with('.') && end - 1 > at;
        if t.starts_with(['-', '–', '+', '•']) {
            entries.push(t.clone());
        } else if continues && !last_closed {
            if let Some(last) = entries.last_mut() {
                *last = format!("{last} {t}");
            }
        } else {
            break;
        }
        end += 1;
    }
    let mut cleaned = Vec::new();
    for entry in &entries {
        push_entry(&mut cleaned, entry);
    }
    (cleaned, Some(end))
}

/// A line of the distribution list with the signature column printed beside
/// it cut off: (list part, signature part), the latter being the trailing
/// run of capitalized words ("- Lưu VT. CHÁNH VĂN PHÒNG").
fn split_signature(line: &str) -> (String, Option<String>) {
    const PREFIXES: &[&str] = &["T/M", "TM.", "K/T", "KT.", "TL.", "TUQ.", "Q.", "Q"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut cut = words.len();
    while cut > 0 {
        let w = words[cut - 1];
        let caps = is_capitals(&format!("{w}{w}{w}{w}")) && w.chars().any(char::is_alphabetic);
        if !(caps && (is_syllable(w) || PREFIXES.contains(&w))) {
            break;
        }
        cut -= 1;
    }
    // A lone title word in the list ("UBND") is not a signature column.
    if words.len() - cut < 2 || cut == 0 {
        return (line.to_string(), None);
    }
    (words[..cut].join(" "), Some(words[cut..].join(" ")))
}

/// Whether a word has the shape of one Vietnamese syllable (abbreviations
/// such as "UBND" or "VT" do not).
fn is_syllable(word: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^[bcdfghklmnpqrstvxđ]{0,3}[aeiouy]{1,3}[cghmnpt]{0,2}$")
            .expect("static syllable pattern is valid")
    });
    let base: String = word
        .nfd()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    re.is_match(&base)
}

/// The signature printed beside the distribution list: its title lines and
/// the name under them.
fn signature_beside_list(
    texts: &[&str],
    from: usize,
    to: usize,
) -> Option<(String, Option<String>)> {
    let title: Vec<String> = texts[from..to]
        .iter()
        .filter_map(|t| split_signature(t).1)
        .collect();
    if title.is_empty() {
        return None;
    }
    let name = texts[from..to]
        .iter()
        .map(|t| t.trim_end_matches('.'))
        .find(|t| is_person_name(t))
        .map(String::from);
    Some((title.join(" "), name))
}

/// The signature block: capitalized title lines ("TL. CHỦ TỊCH",
/// "CHÁNH VĂN PHÒNG") and, within a few lines, a personal name.
fn read_signature(texts: &[&str]) -> Option<(String, Option<String>)> {
    let start = texts
        .iter()
        .take(SIGNATURE_REACH)
        .position(|t| is_capitals(t) && !is_motto(t))?;
    let mut title = Vec::new();
    let mut idx = start;
    while idx < texts.len() && is_capitals(texts[idx]) && title.len() < 4 {
        title.push(texts[idx]);
        idx += 1;
    }
    let name = texts[idx..]
        .iter()
        .take(3)
        .map(|t| t.trim_end_matches('.'))
        .find(|t| is_person_name(t))
        .map(String::from);
    Some((fold_spaces(&title.join(" ")), name))
}

fn push_entry(out: &mut Vec<String>, text: &str) {
    let entry = clean_entry(text);
    if !entry.is_empty() {
        out.push(entry);
    }
}

/// An entry without its bullet, emphasis marks and closing punctuation.
fn clean_entry(text: &str) -> String {
    let text = text.replace('*', "");
    fold_spaces(
        text.trim()
            .trim_start_matches(['-', '–', '+', '•'])
            .trim()
            .trim_end_matches([',', ';', '.', ':']),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> DocumentMeta {
        let lines: Vec<TextLine> = text.lines().map(TextLine::plain).collect();
        let refs: Vec<&TextLine> = lines.iter().collect();
        let mut m = DocumentMeta::default();
        read_letter_parts(&refs, &mut m);
        m
    }

    #[test]
    fn reads_subject_place_and_recipients() {
        let m = meta(
            "Số 2039-CV/VPTW\nV/v chỉ đạo của đồng chí Thường trực\nBan Bí thư, Trưởng Ban Chỉ đạo\n\
             ĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 4 năm 2026\n- Kính gửi:*\n\
             - Đảng uỷ Quốc hội,\n - Các tỉnh uỷ, thành uỷ,\nTrên cơ sở đề xuất ...",
        );
        assert_eq!(m.place.as_deref(), Some("Hà Nội"));
        assert_eq!(
            m.subject.as_deref(),
            Some("chỉ đạo của đồng chí Thường trực Ban Bí thư, Trưởng Ban Chỉ đạo")
        );
        assert_eq!(m.recipients, ["Đảng uỷ Quốc hội", "Các tỉnh uỷ, thành uỷ"]);
    }

    #[test]
    fn subject_beside_the_place_and_date() {
        let m = meta(
            "Số: 8977 /BNV-TCPCP\nV/v trả lời đề nghị của Hà Nội, ngày 06 tháng 10 năm 2025\n\
             Sở Nội vụ tỉnh Lâm Đồng\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng",
        );
        assert_eq!(
            m.subject.as_deref(),
            Some("trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng")
        );
        assert_eq!(m.place.as_deref(), Some("Hà Nội"));
        let m = meta("V/v báo cáo Lâm Đồng, ngày      tháng 10 năm 2025\nkết quả thực hiện");
        assert_eq!(m.subject.as_deref(), Some("báo cáo kết quả thực hiện"));
        // A date in the subject's own words stays.
        let m = meta("V/v góp ý dự thảo Kế hoạch ngày 06 tháng 10 năm 2025");
        assert_eq!(
            m.subject.as_deref(),
            Some("góp ý dự thảo Kế hoạch ngày 06 tháng 10 năm 2025")
        );
    }

    #[test]
    fn signature_printed_beside_the_list() {
        let m = meta(
            "thực hiện./.\nNơi nhận: TL. CHỦ TỊCH\n- Chủ tịch, các Phó Chủ tịch UBND CHÁNH VĂN PHÒNG\n\
             tỉnh;\nNguyễn Văn Hùng\n- Lưu: VT, KGVX.",
        );
        assert_eq!(
            m.distribution,
            ["Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT, KGVX"]
        );
        assert_eq!(
            m.signer_title.as_deref(),
            Some("TL. CHỦ TỊCH CHÁNH VĂN PHÒNG")
        );
        assert_eq!(m.signer_name.as_deref(), Some("Nguyễn Văn Hùng"));
    }

    #[test]
    fn a_sentence_about_the_distribution_list_is_no_list() {
        assert!(closes_body("Nơi nhận:"));
        assert!(closes_body("Nơi nhận - Như trên;"));
        assert!(closes_body("Nơi nhận KT. CHỦ TỊCH"));
        assert!(!closes_body(
            "Nơi nhận văn bản xác định những cơ quan, tổ chức, cá nhân nhận văn bản."
        ));
    }

    #[test]
    fn reads_distribution_and_signer() {
        let m = meta(
            "Văn phòng thông báo để biết, thực hiện./.\nNơi nhận:\n- Như trên,\n\
             - Đồng chí Trần Cẩm Tú,\nThường trực Ban Bí thư (để báo cáo),\n- Lưu VT.\n\
             TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nNguyễn Hải Ninh\nQR code",
        );
        assert_eq!(
            m.distribution,
            [
                "Như trên",
                "Đồng chí Trần Cẩm Tú, Thường trực Ban Bí thư (để báo cáo)",
                "Lưu VT"
            ]
        );
        assert_eq!(
            m.signer_title.as_deref(),
            Some("TL. CHỦ TỊCH CHÁNH VĂN PHÒNG")
        );
        assert_eq!(m.signer_name.as_deref(), Some("Nguyễn Hải Ninh"));
    }
}
