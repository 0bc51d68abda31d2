//! Document metadata from the header block of a Vietnamese administrative
//! document: issuing body, number and symbol, type, date and title.

use super::docref::{find_date, tidy_number, type_from_number};
use crate::model::DocumentMeta;
use crate::normalize::{fold_spaces, match_key};
use crate::source_doc::TextLine;
use regex::Regex;
use std::sync::OnceLock;

/// How many lines from the top the header block may take.
const HEADER_LINES: usize = 40;

/// National and party mottos that head documents but name no issuer.
const MOTTOS: &[&str] = &[
    "đảng cộng sản việt nam",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "độc lập tự do hạnh phúc",
];

/// Whether a line is (the start of) a national or party motto.
pub fn is_motto(text: &str) -> bool {
    let key = match_key(text);
    MOTTOS.iter().any(|m| {
        let motto = match_key(m);
        // A motto wrapped over two lines: its first part alone.
        key.starts_with(&motto) || (key.split(' ').count() >= 3 && motto.starts_with(&key))
    })
}

/// Whether a text is written in capitals (at least four letters, no lowercase).
pub fn is_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// Read number, type, date, issuer and title from the first lines.
pub fn read_metadata(lines: &[&TextLine]) -> DocumentMeta {
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    let number_re = NUMBER.get_or_init(|| {
        Regex::new(
            r"^Số(?-u:\s)*:?(?-u:\s)*([0-9]+[^ \t\n,;]*(?:(?-u:\s)*[-/](?-u:\s)*[^ \t\n,;]+)*)",
        )
        .expect("static number pattern is valid")
    });
    let mut meta = DocumentMeta::default();
    let mut issuer: Vec<String> = Vec::new();
    let mut title: Vec<String> = Vec::new();
    let mut seen_number = false;
    let mut motto_open = false;
    for (i, line) in lines.iter().enumerate().take(HEADER_LINES) {
        let text = line.text.trim();
        if super::letter::closes_body(text) || text.ends_with("./.") {
            break;
        }
        // The two header columns share lines in PDF text: keep the left one.
        let text = left_of_motto(text, &mut motto_open);
        if text.is_empty() {
            continue;
        }
        let mut used = false;
        if meta.number.is_none() {
            if let Some(c) = number_re.captures(text) {
                let number = tidy_number(&c[1]);
                meta.doc_type = type_from_number(&number);
                meta.number = Some(number);
                seen_number = true;
                used = true;
            }
        }
        if meta.date.is_none() && text.to_lowercase().contains("ngày") {
            // The place-and-date line may wrap ("... tháng 3 năm" / "2025").
            let next = lines.get(i + 1).map(|l| l.text.trim()).unwrap_or("");
            let with_next = format!("{text} {next}");
            if let Some((date, _)) = find_date(text).or_else(|| find_date(&with_next)) {
                meta.date = Some(date);
                used = true;
            }
        }
        if used {
            continue;
        }
        let separator = text == "*" || text.chars().all(|c| matches!(c, '-' | '_'));
        if separator && title.first().is_some_and(|t| is_document_title(t)) {
            break;
        }
        if is_motto(text) || separator {
            continue;
        }
        if is_capitals(text) && !text.starts_with(|c: char| c.is_ascii_digit()) {
            let continues_issuer = !issuer.is_empty() && !is_document_title(text);
            // The date may sit beside the issuer (right column): only the
            // number closes the issuer block.
            if !seen_number && title.is_empty() && (is_issuer_like(text) || continues_issuer) {
                issuer.push(text.to_string());
            } else if title.len() < 3 && !starts_with_roman(text) {
                title.push(text.to_string());
            }
        } else if continues_title(&title, text) {
            title.push(text.to_string());
        } else if !title.is_empty() {
            break;
        }
    }
    if !issuer.is_empty() {
        meta.issuer = Some(fold_spaces(&issuer.join(" ")));
    }
    if !title.is_empty() {
        meta.title = Some(fold_spaces(&title.join(" ")));
    }
    super::letter::read_letter_parts(lines, &mut meta);
    if meta.title.is_none() {
        meta.title = meta.subject.clone();
    }
    if meta.doc_type.is_none() && meta.subject.is_some() {
        // A letter with a "V/v" subject and no type in its symbol
        // ("1234/UBND-KT") is a công văn.
        meta.doc_type = Some("Công văn".to_string());
    }
    meta
}

/// The part of a header line left of a motto printed on the same line
/// ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA" → "ỦY BAN NHÂN DÂN"), and
/// without the wrapped end of a motto cut before ("VIỆT NAM").
fn left_of_motto<'a>(text: &'a str, motto_open: &mut bool) -> &'a str {
    const STARTS: &[&str] = &["CỘNG HÒA", "CỘNG HOÀ", "ĐẢNG CỘNG SẢN", "Độc lập"];
    let mut text = text;
    if *motto_open {
        if let Some(rest) = text.strip_suffix("VIỆT NAM") {
            text = rest.trim_end();
            *motto_open = false;
        }
    }
    if let Some(at) = STARTS
        .iter()
        .filter_map(|m| text.find(m))
        .filter(|&i| i > 0)
        .min()
    {
        let motto = &text[at..];
        *motto_open = motto.starts_with("CỘNG") && !motto.ends_with("VIỆT NAM");
        text = text[..at].trim_end();
    } else if STARTS.iter().any(|m| text.starts_with(m)) {
        *motto_open = text.starts_with("CỘNG") && !text.ends_with("VIỆT NAM");
    }
    text
}

/// Whether a line in ordinary case continues a title that so far is a bare
/// document kind ("THÔNG BÁO" + "Kết luận của ...") or already continued
/// so: short, not a sentence, not a numbered item, at most three lines.
fn continues_title(title: &[String], text: &str) -> bool {
    let Some(first) = title.first() else {
        return false;
    };
    let bare_kind = title.len() == 1 && is_document_title(first) && first.split(' ').count() <= 3;
    let continued = title.len() > 1 && title.len() <= 3 && !is_capitals(&title[title.len() - 1]);
    static OPENER: OnceLock<Regex> = OnceLock::new();
    let body_opener = OPENER.get_or_init(|| {
        Regex::new(r"(?i)^(?:ngày|căn cứ|thực hiện|trên cơ sở|theo|để|nhằm|sau khi|kính gửi)\b")
            .expect("static opener pattern is valid")
    });
    (bare_kind || continued)
        && text.chars().count() <= 90
        && !body_opener.is_match(text)
        && find_date(text).is_none()
        && !text.ends_with(['.', ':', ';'])
        && !text.starts_with(['(', '-', '*'])
        && super::numbering::RowNumber::at_line_start(text).is_none()
}

/// Issuing bodies are named with a body word ("BAN", "VĂN PHÒNG", "BỘ", ...).
fn is_issuer_like(text: &str) -> bool {
    const BODY: &[&str] = &[
        "ban",
        "văn phòng",
        "bộ",
        "ủy ban",
        "uỷ ban",
        "tỉnh ủy",
        "tỉnh uỷ",
        "thành ủy",
        "thành uỷ",
        "đảng ủy",
        "đảng uỷ",
        "đảng bộ",
        "chi bộ",
        "sở",
        "chính phủ",
        "thủ tướng",
        "hội đồng",
        "cục",
        "tổng cục",
        "viện",
        "tòa án",
        "toà án",
        "trung ương",
        "quốc hội",
        "ngân hàng",
        "học viện",
        "trường",
        "công an",
        "ubnd",
        "bch",
    ];
    let key = match_key(text);
    BODY.iter()
        .any(|b| key == match_key(b) || key.starts_with(&format!("{} ", match_key(b))))
}

/// Title lines start with a document kind ("PHỤ LỤC", "KẾ HOẠCH", ...).
fn is_document_title(text: &str) -> bool {
    const KINDS: &[&str] = &[
        "phụ lục",
        "kế hoạch",
        "danh mục",
        "thông báo",
        "quyết định",
        "chỉ thị",
        "nghị quyết",
        "báo cáo",
        "công văn",
        "tờ trình",
        "chương trình",
        "hướng dẫn",
        "công điện",
        "kết luận",
        "quy chế",
        "đề án",
    ];
    let key = match_key(text);
    KINDS.iter().any(|k| key.starts_with(&match_key(k)))
}

fn starts_with_roman(text: &str) -> bool {
    super::numbering::RowNumber::at_line_start(text).is_some_and(|(n, _)| n.is_roman())
}

/// The year for dates written without one: the document's date, else a
/// year named in its title ("… NĂM 2026").
pub fn default_year(meta: &DocumentMeta, _lines: &[&TextLine]) -> Option<i32> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let re = YEAR.get_or_init(|| {
        Regex::new(r"(?i)năm(?-u:\s)+((?:19|20)[0-9]{2})").expect("static year pattern is valid")
    });
    meta.date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse().ok())
        .or_else(|| {
            re.captures(meta.title.as_deref()?)?
                .get(1)?
                .as_str()
                .parse()
                .ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(text: &str) -> DocumentMeta {
        let lines: Vec<TextLine> = text.lines().map(TextLine::plain).collect();
        read_metadata(&lines.iter().collect::<Vec<_>>())
    }

    #[test]
    fn two_line_issuer_number_type_and_date() {
        let m = meta(
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nSố 2039-CV/VPTW\nV/v chỉ đạo của đồng chí\n\
             Thường trực Ban Bí thư\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 28 tháng 4 năm 2026",
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG")
        );
        assert_eq!(m.number.as_deref(), Some("2039-CV/VPTW"));
        assert_eq!(m.doc_type.as_deref(), Some("Công văn"));
        assert_eq!(m.date.as_deref(), Some("2026-04-28"));
        assert_eq!(
            m.subject.as_deref(),
            Some("chỉ đạo của đồng chí Thường trực Ban Bí thư")
        );
        assert_eq!(m.title, m.subject);
    }

    #[test]
    fn two_column_header_lines_from_a_pdf() {
        let m = meta(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nTỈNH BẮC NINH\n\
             Độc lập - Tự do - Hạnh phúc\nSố: 215/TB-UBND Bắc Ninh, ngày 12 tháng 3 năm 2026\nTHÔNG BÁO",
        );
        assert_eq!(m.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"));
        assert_eq!(m.number.as_deref(), Some("215/TB-UBND"));
        assert_eq!(m.date.as_deref(), Some("2026-03-12"));
        assert_eq!(m.place.as_deref(), Some("Bắc Ninh"));
        assert_eq!(m.title.as_deref(), Some("THÔNG BÁO"));
    }

    #[test]
    fn motto_wrapped_over_two_lines() {
        let m = meta(
            "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nTỈNH BẮC NINH\nSố: 215/TB-UBND",
        );
        assert_eq!(m.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH BẮC NINH"));
    }

    #[test]
    fn title_continues_a_bare_document_kind() {
        let m = meta(
            "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 215/TB-UBND\nBắc Ninh, ngày 12 tháng 3 năm 2026\n\
             THÔNG BÁO\nKết luận của Chủ tịch tại cuộc họp\nvề tiến độ chuyển đổi số\n\
             Ngày 05/3/2026, Chủ tịch chủ trì cuộc họp nghe báo cáo tiến độ.",
        );
        assert_eq!(m.doc_type.as_deref(), Some("Thông báo"));
        assert_eq!(m.place.as_deref(), Some("Bắc Ninh"));
        assert_eq!(
            m.title.as_deref(),
            Some("THÔNG BÁO Kết luận của Chủ tịch tại cuộc họp về tiến độ chuyển đổi số")
        );
    }
}
