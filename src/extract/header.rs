//! Document metadata from the header block of a Vietnamese administrative
//! document: issuing body, number and symbol, type, date and title.

use super::docref::{find_date, tidy_number, type_from_number};
use crate::model::DocumentMeta;
use crate::normalize::{fold_spaces, match_key, skeleton};
use crate::source_doc::TextLine;
use regex::Regex;
use std::sync::OnceLock;

/// How many lines from the top the header block may take.
const HEADER_LINES: usize = 40;

/// The longest printed line a title may continue with, in characters,
/// unless the title is visibly unfinished (see `continues_title`).
const TITLE_LINE_CHARS: usize = 90;

/// The longest line that may follow a bare document kind ("BÁO CÁO") as
/// its title, in characters: a Word title is one paragraph.
const BARE_KIND_TITLE_CHARS: usize = 300;

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
    // "Số: 228/BC-SNV", "Số: 228 /BC-SNV", "Số: 559 /VP- QY": spaces may
    // stand on either side of every separator of the symbol.
    let number_re = NUMBER.get_or_init(|| {
        Regex::new(
            r"^(?:Số|SỐ)(?-u:\s)*:?(?-u:\s)*([0-9]+[^ \t\n,;]*(?:(?-u:\s)*[-/](?-u:\s)*[^ \t\n,;/-]+)*)",
        )
        .expect("static number pattern is valid")
    });
    let lines = &without_signature_cards(lines)[..];
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
        let mut rest = text;
        if meta.number.is_none() {
            if let Some(c) = number_re.captures(text) {
                let number = tidy_number(&c[1]);
                meta.doc_type = type_from_number(&number);
                meta.number = Some(number);
                seen_number = true;
                used = true;
                // What follows the number on its line: the place and date
                // printed beside it, or a signing stamp's date.
                rest = text[c.get(0).map_or(0, |m| m.end())..].trim_start_matches([' ', ';', ',']);
                if meta.date.is_none() && !rest.to_lowercase().contains("ngày") {
                    meta.date = find_date(rest).map(|(d, _)| d);
                }
            }
        }
        if meta.date.is_none() {
            // Only the place-and-date line gives the date of issue, never a
            // date quoted in the body. It may wrap ("... tháng 3 năm" / "2025").
            let next = lines.get(i + 1).map(|l| l.text.trim()).unwrap_or("");
            if let Some(date) = place_and_date(rest, next) {
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
            // A part heading ("I. NHỮNG NHIỆM VỤ ...") is the body, never the issuer.
            let continues_issuer =
                !issuer.is_empty() && !is_document_title(text) && !starts_with_roman(text);
            // The date may sit beside the issuer (right column): only the
            // number closes the issuer block.
            if !seen_number && title.is_empty() && (is_issuer_like(text) || continues_issuer) {
                // A speck OCR read before the name ("'THỦ TƯỚNG CHÍNH PHỦ").
                issuer.push(
                    text.trim_start_matches(['\'', '`', '_', '.', ','])
                        .to_string(),
                );
            } else if title.len() < 3
                && !starts_with_roman(text)
                && title
                    .last()
                    .is_none_or(|t| is_capitals(t) || super::appendix_heading(t).is_some())
            {
                // Capitals continue a title in capitals ("KẾ HOẠCH" +
                // "TRIỂN KHAI …"); after a line in ordinary case they are
                // the signer's title over the preamble ("CHỦ TỊCH ỦY BAN
                // NHÂN DÂN TỈNH").
                title.push(text.to_string());
            }
        } else if title.is_empty() && super::appendix_heading(text).is_some() {
            // "Phụ lục I" in ordinary case over the appendix's title in
            // capitals opens the title as "PHỤ LỤC I" does.
            title.push(text.to_string());
        } else if continues_title(&title, text) && !names_issuer_first(&issuer, text) {
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
    // A "Số:" line left blank for the signing stamp still marks the
    // document's own number line: no other reference stands for it.
    let blank_number_line = lines
        .iter()
        .take(HEADER_LINES)
        .any(|l| l.text.trim_start().starts_with("Số:"));
    if meta.number.is_none() && !blank_number_line {
        // No "Số:" line: a gazette-style title ("QUYẾT ĐỊNH CỦA THỦ TƯỚNG
        // CHÍNH PHỦ SỐ 115/2004/QĐ-TTg NGÀY 25 THÁNG 6 NĂM 2004 ..."), or an
        // attachment naming the document it belongs to ("(Ban hành kèm
        // theo Quyết định số 1187/QĐ-BNV ngày 15 tháng 10 năm 2025 của Bộ
        // Nội vụ)").
        let attached = lines
            .iter()
            .take(HEADER_LINES)
            .map(|l| l.text.trim())
            .find(|t| t.starts_with('(') && match_key(t).contains(&match_key("kèm theo")));
        let reference = meta
            .title
            .as_deref()
            .and_then(reference_in)
            .or_else(|| attached.and_then(reference_in));
        if let Some(found) = reference {
            meta.number = Some(found.number);
            meta.doc_type = found.doc_type;
            meta.date = meta.date.take().or(found.date);
            if meta.issuer.is_none() {
                meta.issuer = found.issuer;
            }
        }
    }
    if meta.doc_type.is_none() {
        // The title names the kind even where the number does not
        // ("BÁO CÁO", "NGHỊ ĐỊNH", "CÔNG ĐIỆN").
        meta.doc_type = title.first().and_then(|t| document_kind(t));
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
    let mut text = text;
    if *motto_open {
        if let Some(rest) = text.strip_suffix("VIỆT NAM") {
            text = rest.trim_end();
            *motto_open = false;
        }
    }
    let opens_republic =
        |motto: &str| skeleton(motto).starts_with("cong") && !motto.ends_with("VIỆT NAM");
    match motto_at(text) {
        Some(at) if at > 0 => {
            *motto_open = opens_republic(&text[at..]);
            text = text[..at].trim_end();
        }
        Some(_) => *motto_open = opens_republic(text),
        None => {}
    }
    text
}

/// Where a motto starts in a header line: "CỘNG HÒA …", "ĐẢNG CỘNG SẢN
/// …" or "Độc lập …", capitalized, compared without diacritics (OCR reads
/// "CÔNG HÒA" for "CỘNG HÒA").
fn motto_at(text: &str) -> Option<usize> {
    const STARTS: [&[&str]; 3] = [&["cong", "hoa"], &["dang", "cong", "san"], &["doc", "lap"]];
    // Each word with its byte offset in `text` (the words are slices of it).
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    (0..words.len()).find_map(|i| {
        let capital = words[i].1.starts_with(char::is_uppercase);
        STARTS
            .iter()
            .any(|start| {
                start.len() <= words.len() - i
                    && start
                        .iter()
                        .zip(&words[i..])
                        .all(|(s, (_, w))| skeleton(w) == *s)
            })
            .then_some(words[i].0)
            .filter(|_| capital)
    })
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
        // … or a part of the body ("Phần thứ nhất", "Chương I", "Điều 1.").
        Regex::new(r"(?i)^(?:ngày|căn cứ|thực hiện|trên cơ sở|theo|để|nhằm|sau khi|kính gửi|phần thứ|chương [IVX]+\b|điều \d)\b")
            .expect("static opener pattern is valid")
    });
    // A title left unfinished (a trailing comma or dash) or a line starting
    // in lower case is the same title wrapped: it may be one long Word
    // paragraph rather than a printed line.
    let wrapped = title.last().is_some_and(|t| t.ends_with([',', '-', '–']))
        || text.starts_with(char::is_lowercase);
    // A date is the body's ("Ngày 16/4/2026, ...") unless it dates a
    // document the title names ("Quyết định số 787/QĐ-UBND ngày 21/8/2025").
    let own_date = find_date(text).is_some() && !super::docref::mentions_document(text);
    // A bare kind's title may be one long Word paragraph ("QUYẾT ĐỊNH" +
    // "Công bố Chỉ số cải cách hành chính năm 2025 của …").
    let longest = if bare_kind {
        BARE_KIND_TITLE_CHARS
    } else {
        TITLE_LINE_CHARS
    };
    (bare_kind || continued || (title.len() > 1 && wrapped))
        && (text.chars().count() <= longest || wrapped)
        && !body_opener.is_match(text)
        && !own_date
        && !text.ends_with(['.', ':', ';'])
        && !text.starts_with(['(', '-', '*'])
        && super::numbering::RowNumber::at_line_start(text).is_none()
}

/// Whether a line opens with the issuer's own name in ordinary case
/// ("Ban Cơ yếu Chính phủ trân trọng thông báo …" under "BAN CƠ YẾU CHÍNH
/// PHỦ"): the body's first sentence, not the title.
fn names_issuer_first(issuer: &[String], text: &str) -> bool {
    let Some(name) = issuer.last().map(|l| match_key(l)) else {
        return false;
    };
    !is_capitals(text) && name.split(' ').count() >= 2 && match_key(text).starts_with(&name)
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
        "tổng công ty",
        "công ty",
        "tập đoàn",
        "quân chủng",
        "quân khu",
        "bộ tư lệnh",
    ];
    let key = match_key(text);
    BODY.iter()
        .any(|b| key == match_key(b) || key.starts_with(&format!("{} ", match_key(b))))
}

/// Document types (Decree 30/2020 and party rules) a title line may start with.
const DOCUMENT_TYPES: &[&str] = &[
    "Kế hoạch",
    "Thông báo",
    "Quyết định",
    "Chỉ thị",
    "Nghị quyết",
    "Nghị định",
    "Thông tư",
    "Báo cáo",
    "Công văn",
    "Tờ trình",
    "Công điện",
    "Chương trình",
    "Hướng dẫn",
    "Kết luận",
    "Quy chế",
    "Đề án",
    "Điều lệ",
    "Giấy mời",
    "Phiếu trình",
];

/// Title words that head a document without being its type.
const OTHER_TITLES: &[&str] = &["Phụ lục", "Danh mục"];

/// Title lines start with a document kind ("PHỤ LỤC", "KẾ HOẠCH", ...),
/// compared without diacritics: OCR misreads their marks ("QUYÉT ĐỊNH",
/// "KẺ HOẠCH").
fn is_document_title(text: &str) -> bool {
    let key = fold_spaces(&skeleton(text));
    DOCUMENT_TYPES
        .iter()
        .chain(OTHER_TITLES)
        .any(|k| starts_with_words(&key, &skeleton(k)))
}

/// Whether a document type is named anywhere in a match key.
fn names_a_document_type(key: &str) -> bool {
    DOCUMENT_TYPES.iter().any(|k| {
        let kind = match_key(k);
        key.match_indices(&kind).any(|(at, _)| {
            (at == 0 || key[..at].ends_with(' ')) && starts_with_words(&key[at..], &kind)
        })
    })
}

/// The document type a title line starts with ("BÁO CÁO VỀ ..." → "Báo
/// cáo"; "KẺ HOẠCH", as OCR may read it, → "Kế hoạch").
fn document_kind(text: &str) -> Option<String> {
    let key = fold_spaces(&skeleton(text));
    DOCUMENT_TYPES
        .iter()
        .find(|k| starts_with_words(&key, &skeleton(k)))
        .map(|k| k.to_string())
}

/// `key` starts with the words of `prefix` (not a longer word: "báo cáo"
/// is not the start of "báo cáos").
fn starts_with_words(key: &str, prefix: &str) -> bool {
    key.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// A document named with its number: its type, number, date and issuer.
struct Reference {
    doc_type: Option<String>,
    number: String,
    date: Option<String>,
    issuer: Option<String>,
}

/// "<kind> [của <issuer>] số <number> [ngày <d> tháng <m> năm <y>] [của
/// <issuer>]" at the start of a title or inside a "(kèm theo ...)" line.
fn reference_in(text: &str) -> Option<Reference> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)^\(?\s*(?:ban hành\s+)?(?:kèm theo\s+)?(\p{L}+\s+\p{L}+)\s+(?:của\s+(.+?)\s+)?số\s*([0-9]+[^\s,;)]*(?:\s*[-/]\s*[^\s,;)/-]+)*)(?:\s*,?\s*ngày\s*([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*((?:19|20)[0-9]{2}))?(?:\s+của\s+([^)]+?)\s*\))?",
        )
        .expect("static reference pattern is valid")
    });
    let c = re.captures(text.trim())?;
    let kind = document_kind(&c[1])?;
    let number = tidy_number(&c[3]);
    let date = match (c.get(4), c.get(5), c.get(6)) {
        (Some(d), Some(m), Some(y)) => {
            find_date(&format!("{}/{}/{}", d.as_str(), m.as_str(), y.as_str())).map(|(d, _)| d)
        }
        _ => None,
    };
    let issuer = c.get(2).or(c.get(7)).map(|m| fold_spaces(m.as_str()));
    // "BÁO CÁO của UBND tỉnh về kết quả thực hiện Quyết định số 787/...":
    // the number is that of another document.
    let key = issuer.as_deref().map(match_key).unwrap_or_default();
    if key.split(' ').any(|w| w == match_key("về")) || names_a_document_type(&key) {
        return None;
    }
    Some(Reference {
        doc_type: type_from_number(&number).or(Some(kind)),
        number,
        date,
        issuer,
    })
}

/// The date of a place-and-date line ("Hà Nội, ngày 20 tháng 10 năm 2025",
/// "ngày 03 tháng 3 năm 2026", or beside the subject in the other column),
/// also written in capitals or wrapped onto `next`: "ngày" opens the line
/// or follows a comma. `None` for a date quoted in a sentence ("Thông báo
/// số 493/TB-UBND ngày 13/11/2025", "Căn cứ Luật ... ngày 25 tháng 12 năm 2001").
fn place_and_date(text: &str, next: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:^|,)\s*ngày\s*([0-9]{1,2})\s*tháng\s*([0-9]{1,2})\s*năm\s*((?:19|20)[0-9]{2})",
        )
        .expect("static place-and-date pattern is valid")
    });
    let read = |t: &str| {
        let c = re.captures(t)?;
        find_date(&format!("{}/{}/{}", &c[1], &c[2], &c[3])).map(|(d, _)| d)
    };
    let wraps = text.to_lowercase().contains("ngày");
    read(text).or_else(|| wraps.then(|| read(&format!("{text} {next}")))?)
}

/// Labels that only a signing service's card uses ("Người ký: ...",
/// "Thời gian ký: ...", "Cơ quan phát hành: ...").
const SIGNING_LABELS: &[&str] = &[
    "người ký",
    "ký bởi",
    "thời gian ký",
    "ngày ký",
    "cơ quan phát hành",
    "cơ quan ký",
];

/// Contact labels a signing card may also print ("Địa chỉ:", "Điện thoại:").
const CONTACT_LABELS: &[&str] = &["địa chỉ", "điện thoại", "email", "e-mail", "fax", "website"];

fn labelled(text: &str, labels: &[&str]) -> bool {
    let key = match_key(text);
    text.contains(':')
        && labels
            .iter()
            .any(|l| starts_with_words(&key, &match_key(l)))
}

/// The lines without the cards that signing services draw over a page
/// (organisation name, contact lines, signer and time of signing): they
/// are no part of the document's own header.
fn without_signature_cards<'a>(lines: &[&'a TextLine]) -> Vec<&'a TextLine> {
    let mut drop = vec![false; lines.len()];
    for i in
        (0..lines.len().min(HEADER_LINES)).filter(|&i| labelled(&lines[i].text, SIGNING_LABELS))
    {
        drop[i] = true;
        let mut start = i;
        while start > 0 && labelled(&lines[start - 1].text, CONTACT_LABELS) {
            start -= 1;
            drop[start] = true;
        }
        // The organisation named at the top of a card with contact lines.
        if start < i && start > 0 && is_capitals(&lines[start - 1].text) {
            drop[start - 1] = true;
        }
    }
    lines
        .iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(l, _)| *l)
        .collect()
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
    fn stamped_number_and_day_and_no_date_from_the_body() {
        // As the signing stamps leave it: spaces before the symbol.
        let m = meta(
            "UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ Độc lập - Tự do - Hạnh phúc\n\
             Số: 228 /BC-SNV Lâm Đồng, ngày 28 tháng 11 năm 2025\nBÁO CÁO\nTình hình thực hiện các chỉ số\n\
             Thực hiện Thông báo số 493/TB-UBND ngày 13/11/2025 về kết luận của đồng chí",
        );
        assert_eq!(m.number.as_deref(), Some("228/BC-SNV"));
        assert_eq!(m.date.as_deref(), Some("2025-11-28"));
        assert_eq!(m.issuer.as_deref(), Some("UBND TỈNH LÂM ĐỒNG SỞ NỘI VỤ"));
        // Unsigned: the blanks stay blank and the body's dates are not the issue date.
        let m = meta(
            "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: /BC-SNV Lâm Đồng, ngày tháng 11 năm 2025\nBÁO CÁO\n\
             Tình hình thực hiện các chỉ số\nThực hiện Thông báo số 493/TB-UBND ngày 13/11/2025 về kết luận\n\
             Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
        );
        assert_eq!(m.number, None);
        assert_eq!(m.date, None);
        assert_eq!(m.doc_type.as_deref(), Some("Báo cáo"), "from the title");
        let m = meta(
            "BAN CƠ YẾU CHÍNH PHỦ\nVĂN PHÒNG\nSố: 559 /VP- QY Hà Nội, ngày 20 tháng 9 năm 2023",
        );
        assert_eq!(m.number.as_deref(), Some("559/VP-QY"));
        assert_eq!(m.issuer.as_deref(), Some("BAN CƠ YẾU CHÍNH PHỦ VĂN PHÒNG"));
        let m = meta("BỘ NỘI VỤ\nSố: 8977 /BNV-TCPCP\nV/v trả lời đề nghị của Hà Nội, ngày 06 tháng 10 năm 2025");
        assert_eq!(m.date.as_deref(), Some("2025-10-06"), "beside the subject");
    }

    #[test]
    fn ocr_marks_on_the_motto_and_the_kind_do_not_hide_them() {
        let m = meta(
            "BỘ CÔNG THƯƠNG CÔNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
             TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG\nKẺ HOẠCH\nKhảo sát chỉ số hài lòng năm 2026\n\
             Căn cứ Quyết định số 2034/QĐ-BGDĐT;",
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("BỘ CÔNG THƯƠNG TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG")
        );
        assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
        assert_eq!(
            m.title.as_deref(),
            Some("KẺ HOẠCH Khảo sát chỉ số hài lòng năm 2026")
        );
        // A lower-case "công" in a name is no motto.
        assert_eq!(motto_at("Sở Công Thương công hòa"), None);
    }

    #[test]
    fn a_speck_before_the_issuer_is_no_part_of_it() {
        let m = meta("'THỦ TƯỚNG CHÍNH PHỦ CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 09/2025/QĐ-TTg");
        assert_eq!(m.issuer.as_deref(), Some("THỦ TƯỚNG CHÍNH PHỦ"));
    }

    #[test]
    fn an_appendix_label_in_ordinary_case_opens_the_title() {
        let m = meta("Phụ lục I\nKẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ\nI. ĐỐI VỚI CẤP SỞ");
        assert_eq!(
            m.title.as_deref(),
            Some("Phụ lục I KẾT QUẢ ĐÁNH GIÁ ĐỐI VỚI CÁC TIÊU CHÍ")
        );
        let m = meta("Phụ lục văn bản trình bày trang giấy riêng\nKẾT QUẢ ĐÁNH GIÁ");
        assert_eq!(
            m.title.as_deref(),
            Some("KẾT QUẢ ĐÁNH GIÁ"),
            "a sentence is no label"
        );
    }

    #[test]
    fn signing_cards_are_not_the_header() {
        let m = meta(
            "TỔNG CÔNG TY TÂN CẢNG SÀI GÒN\nĐịa chỉ: 722 Điện Biên Phủ\nĐiện thoại: (028) 38990694\n\
             Người ký: Ngô Minh Thuấn - TGĐ\nThời gian ký: 18/02/2025 13:40:25\n\
             QUÂN CHỦNG HẢI QUÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỔNG CÔNG TY Độc lập – Tự do – Hạnh phúc\n\
             TÂN CẢNG SÀI GÒN\nSố: /QĐ-TCg Bình Thạnh,\nQUYẾT ĐỊNH\nVề việc ban hành Biểu giá",
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("QUÂN CHỦNG HẢI QUÂN TỔNG CÔNG TY TÂN CẢNG SÀI GÒN")
        );
        assert_eq!(m.date, None, "the time of signing is not the date of issue");
        assert_eq!(m.doc_type.as_deref(), Some("Quyết định"));
        let m =
            meta("Cơ quan phát hành: VĂN PHÒNG CHÍNH PHỦ\nTHỦ TƯỚNG CHÍNH PHỦ\nSố: 2319/QĐ-TTg");
        assert_eq!(m.issuer.as_deref(), Some("THỦ TƯỚNG CHÍNH PHỦ"));
    }

    #[test]
    fn references_in_gazette_titles_and_attachments() {
        let m = meta(
            "QUYẾT ĐỊNH\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 115/2004/QĐ-TTG\nNGÀY 25 THÁNG 6 NĂM 2004 VỀ VIỆC SỬA ĐỔI\n\
             QUY CHẾ THÀNH LẬP QUỸ\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
        );
        assert_eq!(m.number.as_deref(), Some("115/2004/QĐ-TTG"));
        assert_eq!(m.doc_type.as_deref(), Some("Quyết định"));
        assert_eq!(m.date.as_deref(), Some("2004-06-25"));
        assert_eq!(m.issuer.as_deref(), Some("THỦ TƯỚNG CHÍNH PHỦ"));
        let m = meta(
            "Bảng 2\nCHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP TỈNH\n\
             (Ban hành kèm theo Quyết định số1187/QĐ-BNV ngày15 tháng10 năm 2025 của Bộ Nội vụ)",
        );
        assert_eq!(m.number.as_deref(), Some("1187/QĐ-BNV"));
        assert_eq!(m.date.as_deref(), Some("2025-10-15"));
        assert_eq!(m.issuer.as_deref(), Some("Bộ Nội vụ"));
        // The number stamped by the signing service apart from its symbol.
        let m = meta(
            "Bảng 2\nCHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP TỈNH\n\
             (Ban hành kèm theo Quyết định số1187 /QĐ-BNV ngày15 tháng10 năm 2025 của Bộ Nội vụ)",
        );
        assert_eq!(m.number.as_deref(), Some("1187/QĐ-BNV"));
        assert_eq!(m.date.as_deref(), Some("2025-10-15"));
        // A title naming another document is no reference to this one.
        let m =
            meta("BÁO CÁO\nCỦA UBND TỈNH VỀ KẾT QUẢ THỰC HIỆN QUYẾT ĐỊNH SỐ 787/QĐ-UBND\nNội dung");
        assert_eq!(m.number, None);
        assert_eq!(m.doc_type.as_deref(), Some("Báo cáo"));
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

    #[test]
    fn a_long_title_paragraph_and_the_issuer_opening_the_body() {
        let m = meta(
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: /QĐ-UBND\nQUYẾT ĐỊNH\n\
             Công bố Chỉ số cải cách hành chính năm 2025 của các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, Ban Quản lý các khu công nghiệp\n\
             CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
        );
        assert!(m
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("QUYẾT ĐỊNH Công bố")
                && t.ends_with("Ban Quản lý các khu công nghiệp")));
        let m = meta(
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: /BC-UBND\nBÁO CÁO\n\
             Tổng kết thực hiện Chiến lược quốc gia phòng, chống ma túy đến năm 2020\n\
             Phần thứ nhất\nTÌNH HÌNH, KẾT QUẢ THỰC HIỆN",
        );
        assert!(m
            .title
            .as_deref()
            .is_some_and(|t| t.ends_with("đến năm 2020")));
        let m = meta(
            "BAN CƠ YẾU CHÍNH PHỦ\nSố: 547 /TB-BCY\nTHÔNG BÁO\nVề việc chuyển trụ sở làm việc\n\
             Ban Cơ yếu Chính phủ trân trọng thông báo đến Quý cơ quan về việc\n",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("THÔNG BÁO Về việc chuyển trụ sở làm việc")
        );
    }

    #[test]
    fn wrapped_titles_and_part_headings() {
        // A title line ending in a comma, a line starting in lower case and
        // a date of a named document continue the title, however long.
        let m = meta(
            "SỞ NỘI VỤ\nSố: 181/BC-SNV\nLâm Đồng, ngày 05 tháng 11 năm 2025\nBÁO CÁO\n\
             Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ\n\
             tịch Ủy ban nhân dân tỉnh về việc thí điểm các mô hình,\n\
             sáng kiến cải cách hành chính nhằm nâng cao sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước\n\
             Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh",
        );
        assert!(m
            .title
            .as_deref()
            .is_some_and(|t| t.ends_with("cơ quan hành chính nhà nước")));
        // A part heading in capitals right after the issuer is not the issuer.
        let m = meta("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nI. NHỮNG NHIỆM VỤ CẦN TRIỂN KHAI NGAY\n");
        assert_eq!(m.issuer.as_deref(), Some("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"));
    }
}
