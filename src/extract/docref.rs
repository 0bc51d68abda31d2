//! Document references ("Kế hoạch số 11-KH/BCĐ ngày 27/3/2025"): type,
//! number and date, for party (`11-KH/BCĐ`), state (`123/QĐ-UBND`) and
//! legal (`179/2025/NĐ-CP`) numbering.

use crate::extract::deadline::ymd;
use crate::model::DocumentRef;
use crate::normalize::match_key;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Type codes and names shipped with nhiemvu (`data/doc_types.tsv`).
const DOC_TYPES: &str = include_str!("../../data/doc_types.tsv");

/// Document type words as written in running text, longest first.
const TYPE_WORDS: &[&str] = &[
    "Thông tư liên tịch",
    "Nghị quyết",
    "Quyết định",
    "Quy định",
    "Kế hoạch",
    "Thông báo",
    "Quy chế",
    "Chỉ thị",
    "Kết luận",
    "Công văn",
    "Hướng dẫn",
    "Nghị định",
    "Thông tư",
    "Thông tri",
    "Chương trình",
    "Đề án",
    "Báo cáo",
    "Tờ trình",
    "Công điện",
    "Văn bản",
    "Phiếu trình",
    "Luật",
    "Pháp lệnh",
    "Dự án",
    "Quy hoạch",
    "Phương án",
];

struct Patterns {
    type_word: Regex,
    number: Regex,
    date: Regex,
    date_words: Regex,
    bare_number: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static docref pattern is valid");
        let words = TYPE_WORDS.join("|");
        Patterns {
            type_word: re(&format!(r"(?i)\b({words})\b")),
            // Party `11-KH/BCĐ`, state `123/QĐ-UBND` (`45/CĐ-TTg`: a symbol may
            // end in one lowercase letter), legal `179/2025/NĐ-CP`,
            // with stray spaces around separators and a wrapped tail (`CQTTBC D`).
            number: re(concat!(
                r"\b([0-9]+[a-zA-Z]?(?-u:\s)*(?:-|–)(?-u:\s)*[A-ZĐ][A-Za-zĐđ0-9&]*(?:(?-u:\s)*/(?-u:\s)*[A-ZĐ][A-ZĐ0-9&\-]*)+",
                r"|[0-9]+(?-u:\s)*/(?-u:\s)*(?:(?:19|20)[0-9]{2}(?-u:\s)*/(?-u:\s)*)?[A-ZĐ][A-Za-zĐđ0-9&]*(?:(?-u:\s)*-(?-u:\s)*[A-ZĐ][A-ZĐ0-9&]*[a-zđ]?)+)",
                r"(?:(?-u:\s)([A-ZĐ]{1,3})\b)?"
            )),
            date: re(r"\b([0-9]{1,2})(?-u:\s)*[/.\-](?-u:\s)*([0-9]{1,2})(?-u:\s)*[/.\-](?-u:\s)*((?:19|20)[0-9]{2})\b"),
            date_words: re(r"ngày(?-u:\s)+([0-9]{1,2})(?-u:\s)+tháng(?-u:\s)+([0-9]{1,2})(?-u:\s)+năm(?-u:\s)+((?:19|20)[0-9]{2})"),
            bare_number: re(r"^(?:số(?-u:\s)*)?([0-9]+)\b"),
        }
    })
}

fn type_codes() -> &'static HashMap<String, String> {
    static CODES: OnceLock<HashMap<String, String>> = OnceLock::new();
    CODES.get_or_init(|| {
        let mut map = HashMap::new();
        for line in DOC_TYPES.lines().filter(|l| !l.starts_with('#')) {
            if let Some((code, name)) = line.split_once('\t') {
                map.entry(code.to_string())
                    .or_insert_with(|| name.to_string());
            }
        }
        map
    })
}

/// Remove spaces around `-` and `/` in a document number ("46 -TB/TGV" →
/// "46-TB/TGV").
pub fn tidy_number(number: &str) -> String {
    let mut out = String::with_capacity(number.len());
    for part in number.split_whitespace() {
        let glue = out.ends_with(['-', '/', '–']) || part.starts_with(['-', '/', '–']);
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(part);
    }
    out.replace('–', "-")
}

/// Whether a document number is well formed: no separator stands next to
/// another ("2//ULIr-CAT-PC04", an OCR misreading, is not; "27/TTr-CAT-PC04",
/// "179/2025/NĐ-CP" and "11-KH/BCĐ" are).
pub fn is_well_formed_number(number: &str) -> bool {
    !number.is_empty()
        && number
            .split(['/', '-'])
            .all(|segment| !segment.trim().is_empty())
}

/// The document type named by a number's symbol (`11-KH/BCĐ` → Kế hoạch,
/// `179/2025/NĐ-CP` → Nghị định, `01/2006/TT-NHNN` → Thông tư).
pub fn type_from_number(number: &str) -> Option<String> {
    let legal = number
        .split('/')
        .nth(1)
        .is_some_and(|y| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
    let code = if let Some((_, rest)) = number.split_once('-').filter(|(n, _)| !n.contains('/')) {
        // Party: 11-KH/BCĐ → KH
        rest.split('/').next()?
    } else {
        // State: 123/QĐ-UBND or 179/2025/NĐ-CP → QĐ / NĐ
        number
            .split('/')
            .rfind(|p| p.contains('-'))
            .and_then(|p| p.split('-').next())?
    };
    if legal && code == "TT" {
        return Some("Thông tư".into());
    }
    type_codes().get(code).cloned()
}

/// Parse a date written `d/m/yyyy` or `ngày d tháng m năm yyyy`.
pub fn find_date(text: &str) -> Option<(String, usize)> {
    let p = patterns();
    [&p.date, &p.date_words]
        .iter()
        .filter_map(|re| re.captures(text))
        .filter_map(|c| {
            let at = c.get(0)?.start();
            let d = ymd(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)?;
            Some((d, at))
        })
        .min_by_key(|(_, at)| *at)
}

/// Most distinct cells [`parse_document_refs`] remembers per thread.
const REFS_CACHE_SIZE: usize = 1024;

/// Split a cell naming one or more assigning documents into references.
///
/// A plan names a few documents over and over (often one for every row):
/// the references of recent cells are remembered, per thread.
pub fn parse_document_refs(cell: &str) -> Vec<DocumentRef> {
    thread_local! {
        static SEEN: std::cell::RefCell<HashMap<String, Vec<DocumentRef>>> =
            std::cell::RefCell::new(HashMap::new());
    }
    if let Some(refs) = SEEN.with(|seen| seen.borrow().get(cell).cloned()) {
        return refs;
    }
    let refs = read_document_refs(cell);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= REFS_CACHE_SIZE {
            seen.clear();
        }
        seen.insert(cell.to_string(), refs.clone());
    });
    refs
}

/// [`parse_document_refs`] without the memory.
fn read_document_refs(cell: &str) -> Vec<DocumentRef> {
    // Joined as wrapped lines: a number broken after its dash ("11-" /
    // "KH/BCĐ") joins without a space, as a break after a hyphen shows no
    // space (a space the line shows is kept). A dash with a space before it
    // ("08 -" / "QC/TW") gets one after it too, as such dashes are mostly
    // written.
    let lines: Vec<&str> = cell.lines().collect();
    let text = crate::normalize::join_lines(&lines);
    if text.is_empty() {
        return Vec::new();
    }
    split_references(&text)
        .into_iter()
        .map(|piece| parse_one(&piece))
        .collect()
}

/// Cut a cell at `;` and before a type word that follows a complete reference.
fn split_references(text: &str) -> Vec<String> {
    let p = patterns();
    let mut pieces = Vec::new();
    for part in text.split(';') {
        let part = part.trim().trim_end_matches(['.', ',']).trim();
        if part.is_empty() {
            continue;
        }
        let starts: Vec<usize> = p.type_word.find_iter(part).map(|m| m.start()).collect();
        let mut cuts = vec![0];
        for &s in starts.iter().skip(1) {
            let before = &part[*cuts.last().unwrap_or(&0)..s];
            if p.number.is_match(before)
                && (find_date(before).is_some() || before.trim_end().ends_with(','))
            {
                cuts.push(s);
            }
        }
        cuts.push(part.len());
        for w in cuts.windows(2) {
            let piece = part[w[0]..w[1]].trim().trim_end_matches([',', ';']).trim();
            if !piece.is_empty() {
                pieces.push(piece.to_string());
            }
        }
    }
    pieces
}

fn parse_one(piece: &str) -> DocumentRef {
    let p = patterns();
    let type_word = p
        .type_word
        .find(piece)
        .filter(|m| m.start() < 3)
        .map(|m| canonical_type(m.as_str()));
    let mut raw = piece.to_string();
    let number = p.number.captures(piece).map(|c| {
        let mut n = tidy_number(&c[1]);
        if let Some(tail) = c.get(2) {
            n.push_str(tail.as_str());
            raw = format!("{}{}", &piece[..tail.start() - 1], &piece[tail.start()..]);
        }
        n
    });
    let number = number.or_else(|| {
        let after_type = type_word
            .as_ref()
            .map(|t| piece[t.len()..].trim())
            .unwrap_or(piece);
        p.bare_number.captures(after_type).map(|c| c[1].to_string())
    });
    let date = find_date(piece).map(|(d, _)| d);
    let doc_type = type_word.or_else(|| number.as_deref().and_then(type_from_number));
    DocumentRef {
        raw,
        doc_type,
        number,
        date,
    }
}

/// The type word as listed in [`TYPE_WORDS`] (first letter capital).
fn canonical_type(found: &str) -> String {
    static KEYS: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| TYPE_WORDS.iter().map(|w| (match_key(w), *w)).collect());
    let key = match_key(found);
    keys.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, w)| w.to_string())
        .unwrap_or_else(|| found.to_string())
}

/// Find the document references in running text ("... giao tại Kế hoạch
/// số 04-KH/CQTTBCĐ, ngày 20/10/2025 ..."): every number with a symbol,
/// with the type word just before it and the date just after it.
pub fn find_document_refs(text: &str) -> Vec<DocumentRef> {
    static DATE_AFTER: OnceLock<Regex> = OnceLock::new();
    let date_after = DATE_AFTER.get_or_init(|| {
        Regex::new(r"^(?-u:\s)*,?(?-u:\s)*(?:ban hành(?-u:\s)+)?ngày(?-u:\s)+(?:[0-9]{1,2}(?-u:\s)*/(?-u:\s)*[0-9]{1,2}(?-u:\s)*/(?-u:\s)*[0-9]{4}|[0-9]{1,2}(?-u:\s)+tháng(?-u:\s)+[0-9]{1,2}(?-u:\s)+năm(?-u:\s)+[0-9]{4})")
            .expect("static date pattern is valid")
    });
    let p = patterns();
    let mut refs = Vec::new();
    for m in p.number.find_iter(text) {
        let start = p
            .type_word
            .find_iter(&text[..m.start()])
            .filter(|t| {
                let gap = text[t.end()..m.start()].trim();
                gap.is_empty() || gap.eq_ignore_ascii_case("số")
            })
            .last()
            .map_or(m.start(), |t| t.start());
        let end = date_after
            .find(&text[m.end()..])
            .map_or(m.end(), |d| m.end() + d.end());
        refs.push(parse_one(text[start..end].trim()));
    }
    refs
}

/// Whether a phrase contains a document reference (type word with a number,
/// or a number with a type symbol).
pub fn mentions_document(text: &str) -> bool {
    let p = patterns();
    p.number.is_match(text) || (p.type_word.is_match(text) && p.bare_number.is_match(text))
}

/// Whether text starts like a document reference ("Kế hoạch số ...").
pub fn starts_with_reference(text: &str) -> bool {
    let p = patterns();
    p.type_word.find(text).is_some_and(|m| m.start() == 0)
        || p.number.find(text).is_some_and(|m| m.start() == 0)
}

/// Whether a word can stand in a document reference after its type word:
/// "số", "ngày", "tháng", "năm", a number or date ("11-KH/BCĐ", "03-",
/// "27/3/2025") or a number's symbol ("TB/BCĐTW").
pub fn reference_piece(word: &str) -> bool {
    // A word that ends a clause ("số,") is running text.
    matches!(
        word.to_lowercase().as_str(),
        "số" | "ngày" | "tháng" | "năm"
    ) || word.chars().any(|c| c.is_ascii_digit())
        || word.contains('/')
            && word
                .trim_end_matches([',', ';', '.', ')'])
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || "/-&".contains(c))
}

/// Whether text is the opening of a document reference and nothing else:
/// a type word followed by reference pieces only ("Kế hoạch số", "Thông
/// báo số 03-").
pub fn opening_reference(text: &str) -> bool {
    patterns()
        .type_word
        .find(text)
        .is_some_and(|m| m.start() == 0 && text[m.end()..].split_whitespace().all(reference_piece))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_an_empty_segment_are_not_numbers() {
        for good in [
            "27/TTr-CAT-PC04",
            "179/2025/NĐ-CP",
            "11-KH/BCĐ",
            "2319/QĐ-TTg",
        ] {
            assert!(is_well_formed_number(good), "{good}");
        }
        for bad in ["2//ULIr-CAT-PC04", "12/-UBND", "45/QĐ-"] {
            assert!(!is_well_formed_number(bad), "{bad}");
        }
    }

    fn one(cell: &str) -> (Option<String>, Option<String>, Option<String>) {
        let r = parse_document_refs(cell);
        assert_eq!(r.len(), 1, "{r:?}");
        (
            r[0].doc_type.clone(),
            r[0].number.clone(),
            r[0].date.clone(),
        )
    }
    fn s(x: &str) -> Option<String> {
        Some(x.into())
    }

    #[test]
    fn reference_openings_and_pieces() {
        assert!(opening_reference("Kế hoạch số"));
        assert!(opening_reference("Thông báo số 03-"));
        assert!(!opening_reference("Kế hoạch hành động"));
        assert!(!opening_reference("xây Kế hoạch số"));
        for piece in ["số", "ngày", "11-KH/BCĐ", "27/3/2025", "TB/BCĐTW", "2025),"] {
            assert!(reference_piece(piece), "{piece}");
        }
        for word in ["số,", "dựng", "Văn", "KH"] {
            assert!(!reference_piece(word), "{word}");
        }
    }

    #[test]
    fn party_state_and_legal_numbers() {
        assert_eq!(
            one("Kế hoạch số\n11-KH/BCĐ\nngày\n27/3/2025"),
            (s("Kế hoạch"), s("11-KH/BCĐ"), s("2025-03-27"))
        );
        assert_eq!(
            one("Thông báo số 46 -TB/TGV ngày 30/09/2025").1,
            s("46-TB/TGV")
        );
        assert_eq!(
            one("Quy chế số 08 - QC/TW"),
            (s("Quy chế"), s("08-QC/TW"), None)
        );
        assert_eq!(one("Kế hoạch 02"), (s("Kế hoạch"), s("02"), None));
        assert_eq!(
            one("Kế hoạch số 04-KH/CQTTBC D 20/10/2025"),
            (s("Kế hoạch"), s("04-KH/CQTTBCD"), s("2025-10-20"))
        );
        assert_eq!(
            one("Nghị định số 179/2025/NĐ-CP, ngày 01/7/2025").1,
            s("179/2025/NĐ-CP")
        );
        assert_eq!(
            one("205/KH-VKSTC ngày 24/10/2025"),
            (s("Kế hoạch"), s("205/KH-VKSTC"), s("2025-10-24"))
        );
        assert_eq!(
            one("Thông báo số 06 - TB/CQTTBC Đ ngày 27/9/2025").1,
            s("06-TB/CQTTBCĐ")
        );
        assert_eq!(
            one("Công điện số 45/CĐ-TTg ngày 02/5/2026"),
            (s("Công điện"), s("45/CĐ-TTg"), s("2026-05-02"))
        );
        assert_eq!(one("Quyết định số 12/2026/QĐ-TTg").1, s("12/2026/QĐ-TTg"));
    }

    #[test]
    fn a_printed_space_after_a_hyphen_stays_and_a_wrap_after_it_joins() {
        // On one line the page shows the space: the raw form keeps it.
        let r = parse_document_refs("Kế hoạch số 04- KH/CQTTBCD 20/10/2025");
        assert_eq!(r[0].raw, "Kế hoạch số 04- KH/CQTTBCD 20/10/2025");
        assert_eq!(r[0].number.as_deref(), Some("04-KH/CQTTBCD"));
        // Wrapped after the hyphen, a space cannot be seen: the number
        // joins as written in most documents.
        let r = parse_document_refs("Kế hoạch số 04-\nKH/CQTTBCD\n20/10/2025");
        assert_eq!(r[0].raw, "Kế hoạch số 04-KH/CQTTBCD 20/10/2025");
    }

    #[test]
    fn a_detached_hyphen_before_a_wrap_gets_a_space_after_it_too() {
        let r = parse_document_refs("Thông báo số 46 -\nTB/TGV ngày\n30/09/2025");
        assert_eq!(r[0].raw, "Thông báo số 46 - TB/TGV ngày 30/09/2025");
        assert_eq!(r[0].number.as_deref(), Some("46-TB/TGV"));
        // The second reading of a cell is the first one, remembered.
        assert_eq!(
            parse_document_refs("Thông báo số 46 -\nTB/TGV ngày\n30/09/2025"),
            r
        );
    }

    #[test]
    fn several_references_in_one_cell() {
        let r = parse_document_refs(
            "Thông báo số 01-TB/BCĐTW ngày 22/01/2025; Thông báo số 03-TB/BCĐTW ngày 06/3/2025",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].number.as_deref(), Some("03-TB/BCĐTW"));
        assert_eq!(r[1].date.as_deref(), Some("2025-03-06"));
    }

    #[test]
    fn references_in_running_text() {
        let r = find_document_refs(
            "thuộc lĩnh vực (nhiệm vụ giao tại Kế hoạch số 04-KH/CQTTBCĐ, ngày 20/10/2025) và Nghị định số 179/2025/NĐ-CP",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].raw, "Kế hoạch số 04-KH/CQTTBCĐ, ngày 20/10/2025");
        assert_eq!(r[0].date.as_deref(), Some("2025-10-20"));
        assert_eq!(r[1].doc_type.as_deref(), Some("Nghị định"));
    }

    #[test]
    fn types_from_symbols() {
        assert_eq!(
            type_from_number("2039-CV/VPTW").as_deref(),
            Some("Công văn")
        );
        assert_eq!(
            type_from_number("123/QĐ-UBND").as_deref(),
            Some("Quyết định")
        );
        assert_eq!(
            type_from_number("01/2006/TT-NHNN").as_deref(),
            Some("Thông tư")
        );
    }
}
