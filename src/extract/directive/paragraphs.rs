//! Lines into paragraphs, each with the outline marker that opens it
//! ("II.", "2.", "a)", "-", "+").
//!
//! Plain text usually holds one paragraph per line; text from a PDF wraps
//! paragraphs over lines of about the same printed width. A line continues
//! the paragraph above when it opens with no marker and either starts in
//! lower case, or follows a full-width line of wrapped text.

use super::parties::{read_parties, starts_with_action};
use crate::extract::numbering::RowNumber;
use crate::extract::units::{bare_head_tail, Gazetteer};
use crate::extract::width::{robust_max, text_width};
use crate::model::Location;
use crate::normalize::fold_spaces;
use crate::source_doc::TextLine;
use regex::Regex;
use std::sync::OnceLock;

/// The kind of marker that opens a paragraph, from the outermost level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// A Roman-numbered part ("II.").
    Roman,
    /// An Arabic number with its depth ("2." is 1, "2.1." is 2).
    Number(usize),
    /// A letter item ("a)", "đ)") or a number in the same style ("1)").
    Letter,
    /// A dash bullet.
    Dash,
    /// A plus bullet.
    Plus,
    /// An unmarked paragraph of a body that has no outline at all.
    Paragraph,
}

impl MarkerKind {
    /// Nesting rank: a paragraph sits under the nearest one of lower rank.
    pub fn rank(self) -> usize {
        match self {
            MarkerKind::Roman => 0,
            MarkerKind::Number(depth) => depth,
            MarkerKind::Letter => 10,
            MarkerKind::Dash => 11,
            MarkerKind::Plus => 12,
            MarkerKind::Paragraph => 13,
        }
    }
}

/// An outline marker as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Its kind.
    pub kind: MarkerKind,
    /// The number or letter without punctuation (`II`, `2.1`, `a`); the
    /// bullet character for bullets.
    pub printed: String,
}

/// One paragraph of running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The marker opening it, if any.
    pub marker: Option<Marker>,
    /// Its text on one line, without the marker.
    pub text: String,
    /// Where its first line is.
    pub at: Location,
    /// Its first line is a row of figures: a cell beside it on the same
    /// input line holds only a quantity ("1.4. Số tổ chức liên ngành … |
    /// Tổ chức | 38" in layout text of a form of statistics).
    pub figures: bool,
}

/// Share of a wrapped text's column width from which a line counts as full.
const FULL_LINE: f64 = 0.85;

/// Share of the column a line plus the next line's first word must exceed
/// for the break between them to be a wrap.
const FITS: f64 = 0.97;

/// Share of the column a paragraph's first-line indent may take.
const FIRST_INDENT: f64 = 0.08;

/// Lines of at least this many words measure a page's column of wrapped
/// text ([`wrapped_column`]).
const MEASURED_WORDS: usize = 5;

/// Least count of measured lines on a page for the page to have a column
/// of its own; pages with fewer take the document's.
const PAGE_LINES: usize = 8;

/// Words that always take a complement after them ("của", "và", "ngày"):
/// a line ending in one is cut inside a phrase, and a heading ending in one
/// runs on ([`needs_complement`]).
const CONNECTIVES: &[&str] = &[
    "với", "và", "của", "các", "cho", "tại", "về", "theo", "trong", "để", "là", "những", "được",
    "số", "ngày", "hoặc", "như", "từ",
];

/// Group lines into paragraphs.
pub fn paragraphs(lines: &[&TextLine], gazetteer: &Gazetteer) -> Vec<Paragraph> {
    let columns = page_columns(lines);
    let mut out: Vec<Paragraph> = Vec::new();
    let mut last_line = "";
    let mut last_was_first = false;
    for (line, column) in lines.iter().zip(columns) {
        let text = line.text.trim();
        let figure = is_quantity(text);
        if line.at.line.is_some() && (figure || opens_with_measure(text)) {
            // A cell of the same table row (input line) as the paragraphs
            // before, holding a figure ("38"; "1.467 Trung tâm …", a figure
            // run into its note): they are a row of figures, and a figure
            // alone is no text of theirs.
            let row: Vec<&mut Paragraph> = out
                .iter_mut()
                .rev()
                .take_while(|p| p.at == line.at)
                .collect();
            if !row.is_empty() {
                row.into_iter().for_each(|p| p.figures = true);
                if figure {
                    continue;
                }
            }
        }
        if text.is_empty() || is_page_number(text) {
            continue;
        }
        let marker = marker_at(text);
        let after_heading = out
            .last()
            .is_some_and(|p| opens_heading(p, last_was_first, text, gazetteer));
        let continues = marker.is_none()
            && !out.is_empty()
            && !after_heading
            && !crate::extract::letter::closes_body(text)
            && !crate::extract::letter::opens_recipients(text)
            && !opens_example(text)
            && (starts_lower(text)
                || column.is_some_and(|c| wraps_into(last_line, last_was_first, text, c)));
        match (continues, out.last_mut()) {
            (true, Some(last)) => {
                last.text = crate::normalize::join_lines(&[last.text.as_str(), text]);
            }
            _ => {
                let (marker, rest) = match marker {
                    Some((m, rest)) => (Some(m), rest),
                    None => (None, text),
                };
                out.push(Paragraph {
                    marker,
                    text: fold_spaces(rest),
                    at: line.at,
                    figures: false,
                });
            }
        }
        last_was_first = !continues;
        last_line = text;
    }
    out.iter_mut().for_each(enumeration_run_inline);
    out
}

/// "(1) Giải quyết … . (2) Triển khai …" in one paragraph: a numbered
/// point whose next number follows inside its own text is an enumeration
/// run inline (split later, as the item's sub-tasks), not a point of the
/// outline; its number goes back into the text.
fn enumeration_run_inline(para: &mut Paragraph) {
    let Some(n) = para
        .marker
        .as_ref()
        .filter(|m| m.kind == MarkerKind::Letter)
        .and_then(|m| m.printed.parse::<u32>().ok())
    else {
        return;
    };
    if para.text.contains(&format!("({}) ", n + 1)) {
        para.text = format!("({n}) {}", para.text);
        para.marker = None;
    }
}

/// Whether a cell holds only a quantity: a count or measure with
/// thousands dots or a decimal comma ("38", "1.747", "12,49"), or a
/// percentage; never a year ("2026"), which a deadline cell holds.
fn is_quantity(text: &str) -> bool {
    static QUANTITY: OnceLock<Regex> = OnceLock::new();
    let re = QUANTITY.get_or_init(|| {
        Regex::new(r"^(?:[0-9]{1,3}(?:\.[0-9]{3})*(?:,[0-9]+)?%?|%)$")
            .expect("static quantity pattern is valid")
    });
    re.is_match(text.trim())
}

/// Whether a text opens with a measured figure: thousands dots or a
/// decimal comma before more words ("1.467 Trung tâm …", "12,5 km"). A
/// bare count ("5 dự án") may as well be words of a task.
fn opens_with_measure(text: &str) -> bool {
    static MEASURE: OnceLock<Regex> = OnceLock::new();
    let re = MEASURE.get_or_init(|| {
        Regex::new(r"^(?:[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+,[0-9]+) ")
            .expect("static measure pattern is valid")
    });
    re.is_match(text)
}

/// Whether the break between two lines of wrapped text is a wrap: the line
/// does not end a sentence and the next line's first word would not have
/// fitted on it.
/// A paragraph's first line may be indented, so it gets an allowance; a
/// line ending in a comma or a connective ([`CONNECTIVES`]) always wraps.
fn wraps_into(line: &str, first: bool, next: &str, column: f64) -> bool {
    let first_word = next.split_whitespace().next().unwrap_or("");
    let fits = if first { FITS - FIRST_INDENT } else { FITS };
    !line.ends_with(['.', ':', ';', '!', '?'])
        && (line.ends_with(',')
            || needs_complement(line)
            || text_width(line) + text_width(" ") + text_width(first_word) > column * fits)
}

/// Whether a text ends in a word that cannot end a phrase: a connective
/// ([`CONNECTIVES`]), or a unit head that still needs its name, written
/// as the start of a name ("Trưởng Ban", "Sở"; not a heading in capitals).
fn needs_complement(text: &str) -> bool {
    let last_word = text.split_whitespace().last().unwrap_or("");
    let names_a_unit = bare_head_tail(text).is_some_and(|tail| {
        let mut chars = tail[0].chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    });
    CONNECTIVES.contains(&last_word) || names_a_unit
}

/// Whether a line names a body and ends with its action, the object of
/// which must follow ("Sở Nội vụ tiếp tục phối hợp các ngành có liên quan
/// rà soát, tham mưu"): a title does not ("5. Chế độ báo cáo" names no
/// body).
fn awaits_object(text: &str, gazetteer: &Gazetteer) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let ends_with_action = (1..=2.min(words.len())).any(|k| {
        let tail = words[words.len() - k..].join(" ");
        tail.starts_with(char::is_lowercase) && starts_with_action(&tail)
    });
    ends_with_action && !read_parties(text, gazetteer).lead.is_empty()
}

/// Whether a paragraph is a one-line numbered heading ("8. Kiện toàn ...")
/// and the next line starts the text under it with a subject and an action
/// or an action ("Văn phòng Trung ương Đảng tham mưu ...").
fn opens_heading(para: &Paragraph, one_line: bool, next: &str, gazetteer: &Gazetteer) -> bool {
    let numbered = para
        .marker
        .as_ref()
        .is_some_and(|m| matches!(m.kind, MarkerKind::Number(_) | MarkerKind::Roman));
    numbered
        && one_line
        && !para.text.ends_with([',', ';', '.', ':'])
        && !para.text.contains(": ")
        // Clauses ("... của Ban Chỉ đạo; trình") make a sentence, not a title.
        && !para.text.contains("; ")
        // So does a body's work stopping before its object ("5. Sở Nội vụ
        // … rà soát, tham mưu" / "Chủ tịch UBND tỉnh điều chỉnh …").
        && !awaits_object(&para.text, gazetteer)
        && !needs_complement(&para.text)
        && next.starts_with(char::is_uppercase)
        && (starts_with_action(next) || !read_parties(next, gazetteer).lead.is_empty())
}

/// The column width of wrapped text for each line: its page's own
/// ([`wrapped_column`] of the page's lines) where the page has
/// [`PAGE_LINES`] measured lines, else the document's. Pages differ when
/// the font size changes from page to page, or an appendix is landscape.
fn page_columns(lines: &[&TextLine]) -> Vec<Option<f64>> {
    let document = wrapped_column(lines);
    let mut out = Vec::with_capacity(lines.len());
    for page in lines.chunk_by(|a, b| a.at.page == b.at.page) {
        let measured = page
            .iter()
            .filter(|l| l.text.split_whitespace().count() >= MEASURED_WORDS)
            .count();
        let own = (page[0].at.page.is_some() && measured >= PAGE_LINES)
            .then(|| wrapped_column(page))
            .flatten();
        out.extend(std::iter::repeat_n(own.or(document), page.len()));
    }
    out
}

/// The column width of wrapped text, or `None` when lines are not wrapped
/// (one paragraph per line): in wrapped text many lines are about as wide
/// as the widest ones.
fn wrapped_column(lines: &[&TextLine]) -> Option<f64> {
    let widths: Vec<f64> = lines
        .iter()
        .filter(|l| l.text.split_whitespace().count() >= MEASURED_WORDS)
        .map(|l| text_width(&l.text))
        .collect();
    let column = robust_max(widths.clone())?;
    let long = widths.iter().filter(|&&w| w >= column * 0.5).count();
    let full = widths
        .iter()
        .filter(|&&w| w >= column * FULL_LINE && w <= column * 1.1)
        .count();
    (full >= 4 && full * 2 >= long).then_some(column)
}

/// A running page number ("2", "- 3 -").
fn is_page_number(text: &str) -> bool {
    let core = text.trim_matches(|c: char| c == '-' || c.is_whitespace());
    !core.is_empty()
        && core.len() <= 3
        && core.chars().all(|c| c.is_ascii_digit())
        && !text.ends_with('.')
}

fn starts_lower(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')'))
}

/// The text after a step label ("Bước 1: …", "Bước 2 - …").
pub fn after_step_label(text: &str) -> Option<&str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^[Bb]ước\s+[0-9]{1,2}\s*[:.–-]\s*(\S.*)$")
            .expect("static step label pattern is valid")
    });
    re.captures(text).and_then(|c| c.get(1)).map(|m| m.as_str())
}

/// The marker at the start of a line and the text after it. Items start
/// with a capital (or an opening mark), which keeps a wrapped line that
/// happens to begin with "- " or "2." inside its paragraph.
pub fn marker_at(text: &str) -> Option<(Marker, &str)> {
    static LETTER: OnceLock<Regex> = OnceLock::new();
    let letter = LETTER.get_or_init(|| {
        // "a) ", "2) ", and "(1) " / "(2). " as reports number their points;
        // "a. " as older reports letter them.
        Regex::new(r"^(?:\(?([a-zđ]|\d{1,2})\)\.?|([a-zđ])\.)\s+")
            .expect("static letter pattern is valid")
    });
    let capital = |rest: &str| {
        rest.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '(' | '*'))
    };
    if let Some(c) = letter.captures(text) {
        let whole = c.get(0)?;
        let printed = c.get(1).or(c.get(2))?.as_str().to_string();
        let rest = &text[whole.end()..];
        return capital(rest).then_some((
            Marker {
                kind: MarkerKind::Letter,
                printed,
            },
            rest,
        ));
    }
    for (bullet, kind) in [
        ('-', MarkerKind::Dash),
        ('–', MarkerKind::Dash),
        // An em dash: how OCR often reads a printed dash bullet.
        ('—', MarkerKind::Dash),
        ('•', MarkerKind::Dash),
        ('+', MarkerKind::Plus),
    ] {
        if let Some(rest) = text.strip_prefix(bullet) {
            let rest = rest.trim_start();
            return capital(rest).then(|| {
                (
                    Marker {
                        kind,
                        printed: bullet.to_string(),
                    },
                    rest,
                )
            });
        }
    }
    if after_step_label(text).is_some() {
        // "Bước 2: …" opens a step as a bullet does, also where OCR lost
        // the dash before it; the label stays for the item to cut.
        return Some((
            Marker {
                kind: MarkerKind::Dash,
                printed: "Bước".to_string(),
            },
            text,
        ));
    }
    if let Some(part) = numbered_part(text)
        .or_else(|| article(text))
        .or_else(|| dashed_part(text))
        .or_else(|| ordinal_word(text))
    {
        return Some(part);
    }
    let (number, rest) = RowNumber::at_line_start(text)?;
    // Items are printed "2." or "2.1."; a bare "1 ..." is a footnote or a count.
    if !number.is_roman() && !text.starts_with(&format!("{}.", number.printed)) {
        return None;
    }
    if !capital(rest)
        || number
            .printed
            .split('.')
            .any(|p| p.parse::<u32>().is_ok_and(|n| n > 50))
    {
        return None;
    }
    let kind = if number.is_roman() {
        MarkerKind::Roman
    } else {
        MarkerKind::Number(number.printed.split('.').count())
    };
    Some((
        Marker {
            kind,
            printed: number.printed,
        },
        rest,
    ))
}

/// A part written out in words ("Phần thứ hai", "PHẦN THỨ BA: ...") at
/// the level of Roman parts, printed as a Roman numeral ("P.II") that
/// cannot be taken for a part numbered "II.".
fn numbered_part(text: &str) -> Option<(Marker, &str)> {
    const ORDINALS: [(&str, &str); 8] = [
        ("nhất", "I"),
        ("hai", "II"),
        ("ba", "III"),
        ("tư", "IV"),
        ("năm", "V"),
        ("sáu", "VI"),
        ("bảy", "VII"),
        ("tám", "VIII"),
    ];
    let lower = text.to_lowercase();
    let after = lower.strip_prefix("phần thứ ")?;
    let (word, roman) = ORDINALS.iter().find(|(w, _)| {
        after.starts_with(w) && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    })?;
    // Lower-casing keeps these words' byte lengths.
    let rest = text["phần thứ ".len() + word.len()..].trim_start_matches([' ', ':', '.', '-']);
    if !rest.is_empty() && !crate::extract::header::is_capitals(rest) {
        return None;
    }
    Some((
        Marker {
            kind: MarkerKind::Roman,
            printed: format!("P.{roman}"),
        },
        rest,
    ))
}

/// Whether an unmarked paragraph introduces samples ("Ví dụ:", "Ví dụ 2:
/// Văn bản của đại hội"): what a guide shows is not its text.
pub fn opens_example(text: &str) -> bool {
    static EXAMPLE: OnceLock<Regex> = OnceLock::new();
    EXAMPLE
        .get_or_init(|| {
            Regex::new(r"^Ví dụ(?:\s+\d{1,2})?\s*:").expect("static example pattern is valid")
        })
        .is_match(text.trim())
}

/// Whether a paragraph's last sentence is an example label ("- Văn bản của
/// đại hội đảng bộ cấp cơ sở. Ví dụ 1: Văn bản của đại hội"): the samples
/// follow it.
pub fn ends_with_example_label(text: &str) -> bool {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    LABEL
        .get_or_init(|| {
            Regex::new(r"(?:^|[.;:]\s+)Ví dụ(?:\s+\d{1,2})?\s*:[^.]*$")
                .expect("static example label pattern is valid")
        })
        .is_match(text.trim())
}

/// A numbered heading written with an ordinal word ("Một là, nhanh chóng
/// triển khai …:", "Thứ hai, …"): numbered like "1." and "2.", its title
/// the words after the comma.
fn ordinal_word(text: &str) -> Option<(Marker, &str)> {
    const WORDS: [&str; 10] = [
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
    ];
    static ORDINAL: OnceLock<Regex> = OnceLock::new();
    let re = ORDINAL.get_or_init(|| {
        Regex::new(r"^(?:(Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là|Thứ (nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)),\s+")
            .expect("static ordinal word pattern is valid")
    });
    let c = re.captures(text)?;
    let n = match (c.get(1), c.get(2)) {
        (Some(w), _) => WORDS.iter().position(|k| *k == w.as_str().to_lowercase())? + 1,
        (_, Some(w)) if w.as_str() == "nhất" => 1,
        (_, Some(w)) if w.as_str() == "tư" => 4,
        (_, Some(w)) => WORDS.iter().position(|k| *k == w.as_str())? + 1,
        _ => return None,
    };
    Some((
        Marker {
            kind: MarkerKind::Number(1),
            printed: n.to_string(),
        },
        &text[c.get(0)?.end()..],
    ))
}

/// A Roman part written with a dash, as Party documents print them ("I-
/// HƯỚNG DẪN CHUNG", "III - TỔ CHỨC THỰC HIỆN"): its title is in capitals.
fn dashed_part(text: &str) -> Option<(Marker, &str)> {
    static DASHED: OnceLock<Regex> = OnceLock::new();
    let re = DASHED.get_or_init(|| {
        Regex::new(r"^([IVX]{1,5})\s*[-–]\s*").expect("static dashed part pattern is valid")
    });
    let c = re.captures(text)?;
    let rest = &text[c.get(0)?.end()..];
    let numeral = RowNumber::parse(&c[1]).filter(|n| n.is_roman())?;
    (!rest.is_empty() && crate::extract::header::is_capitals(rest)).then_some((
        Marker {
            kind: MarkerKind::Roman,
            printed: numeral.printed,
        },
        rest,
    ))
}

/// An article of a decision or a legal text ("Điều 5. Cơ quan Thường
/// trực, Tổ giúp việc của Ban Chỉ đạo") at the level of Roman parts,
/// printed "Đ.5": its numbered clauses are items under it, and the next
/// article ends the last of them. A citation ("Điều 17 Nghị định số
/// 52/2015/NĐ-CP") has no period after its number.
fn article(text: &str) -> Option<(Marker, &str)> {
    static ARTICLE: OnceLock<Regex> = OnceLock::new();
    let re = ARTICLE.get_or_init(|| {
        Regex::new(r"^Điều\s+(\d{1,3})\s*[.:]\s+").expect("static article pattern is valid")
    });
    let c = re.captures(text)?;
    let rest = &text[c.get(0)?.end()..];
    rest.starts_with(char::is_uppercase).then(|| {
        (
            Marker {
                kind: MarkerKind::Roman,
                printed: format!("Đ.{}", &c[1]),
            },
            rest,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<TextLine> {
        text.lines().map(TextLine::plain).collect()
    }

    /// The cells of table rows, each row's cells on one input line.
    fn row_cells(rows: &[&[&str]]) -> Vec<TextLine> {
        let mut out = Vec::new();
        for (i, cells) in rows.iter().enumerate() {
            for cell in *cells {
                let mut line = TextLine::plain(cell);
                line.at.line = Some(i as u32 + 1);
                out.push(line);
            }
        }
        out
    }

    #[test]
    fn a_row_with_a_figure_is_a_row_of_figures() {
        let cells = row_cells(&[
            &[
                "1.4. Số tổ chức liên ngành do cấp tỉnh thành lập",
                "Tổ chức",
                "38",
                "không tính 31 đơn vị",
            ],
            &[
                "1.5.3. Số ĐVSNCL thuộc UBND cấp xã",
                "Cơ quan, đơn vị",
                "1.467 Trung tâm Dịch vụ",
            ],
            &["2. Tổ chức hội nghị sơ kết", "Sở Nội vụ", "2026"],
        ]);
        let refs: Vec<&TextLine> = cells.iter().collect();
        let paras = paragraphs(&refs, &Gazetteer::builtin());
        // The numbered first cell of each row tells whether it is a row of
        // figures; a year is a deadline, not a figure.
        let heads: Vec<bool> = paras
            .iter()
            .filter(|p| p.marker.is_some())
            .map(|p| p.figures)
            .collect();
        assert_eq!(heads, [true, true, false]);
        // The figure alone is no text of the row.
        assert!(paras.iter().all(|p| p.text != "38"));
    }

    #[test]
    fn markers() {
        let kind = |t: &str| marker_at(t).map(|(m, _)| (m.kind, m.printed));
        assert_eq!(
            kind("2. Văn phòng"),
            Some((MarkerKind::Number(1), "2".into()))
        );
        assert_eq!(kind("II. NHIỆM VỤ"), Some((MarkerKind::Roman, "II".into())));
        assert_eq!(
            kind("b) Triển khai"),
            Some((MarkerKind::Letter, "b".into()))
        );
        assert_eq!(kind("+ Xây dựng"), Some((MarkerKind::Plus, "+".into())));
        assert_eq!(
            kind("— Bước 1: Phòng Đào tạo"),
            Some((MarkerKind::Dash, "—".into()))
        );
        assert_eq!(kind("— xây dựng"), None);
        assert_eq!(
            kind("Bước 2: Trung tâm Quản lý chất lượng"),
            Some((MarkerKind::Dash, "Bước".into()))
        );
        assert_eq!(kind("Bước tiếp theo là rà soát"), None);
        assert_eq!(
            kind("c. Kiến nghị:"),
            Some((MarkerKind::Letter, "c".into()))
        );
        assert_eq!(kind("c. các dự án"), None);
        assert_eq!(kind("- xây dựng Đảng trên môi trường số"), None);
        assert_eq!(
            kind("2) Triển khai"),
            Some((MarkerKind::Letter, "2".into()))
        );
        assert_eq!(kind("2026. Hoàn thành"), None);
        assert_eq!(
            kind("Phần thứ hai"),
            Some((MarkerKind::Roman, "P.II".into()))
        );
        assert_eq!(
            kind("PHẦN THỨ BA: KIẾN NGHỊ"),
            Some((MarkerKind::Roman, "P.III".into()))
        );
        assert_eq!(kind("Phần thứ hai của báo cáo nêu rõ"), None);
        assert_eq!(
            kind("Điều 5. Cơ quan Thường trực"),
            Some((MarkerKind::Roman, "Đ.5".into()))
        );
        assert_eq!(kind("Điều 17 Nghị định số 52/2015/NĐ-CP quy định"), None);
        assert_eq!(kind("Điều 3. quy định tại khoản 2"), None);
        assert_eq!(kind("1 Thông báo số 44-TB/TGV, ngày 12/9/2025."), None);
        assert_eq!(
            kind("Một là, nhanh chóng triển khai kế hoạch đầu tư:"),
            Some((MarkerKind::Number(1), "1".into()))
        );
        assert_eq!(
            kind("Thứ tư, tăng cường kiểm tra."),
            Some((MarkerKind::Number(1), "4".into()))
        );
        assert_eq!(kind("Một là tổ chức chưa chặt chẽ"), None);
        assert_eq!(
            kind("(2). Bộ Tài chính không cấp phát vốn"),
            Some((MarkerKind::Letter, "2".into()))
        );
        assert_eq!(
            kind("II- HƯỚNG DẪN CỤ THỂ"),
            Some((MarkerKind::Roman, "II".into()))
        );
        assert_eq!(
            kind("III - TỔ CHỨC THỰC HIỆN"),
            Some((MarkerKind::Roman, "III".into()))
        );
        // A dash after a Roman numeral opens a part only with a title in
        // capitals: "V-" before a sentence is no part.
        assert_eq!(kind("V- Về việc triển khai thực hiện"), None);
    }

    fn paged(pages: &[&str]) -> Vec<TextLine> {
        let mut out = Vec::new();
        for (p, text) in pages.iter().enumerate() {
            for (k, line) in text.lines().enumerate() {
                let mut l = TextLine::plain(line);
                l.at = Location {
                    page: Some(p as u32 + 1),
                    line: Some(k as u32 + 1),
                };
                out.push(l);
            }
        }
        out
    }

    #[test]
    fn each_page_wraps_at_its_own_column() {
        // Page 1 in a small font (long lines), page 2 in a larger one:
        // page 2's wraps before a capital are wraps of page 2's column.
        let wide = "Các cơ quan, đơn vị tiếp tục quán triệt, triển khai thực hiện nghiêm túc các nội dung đã được giao.\n";
        let page1 = wide.repeat(10);
        let page2 = "\
1. Xây dựng và tổ chức triển khai thực hiện có hiệu quả các mục
tiêu, nhiệm vụ kế hoạch cải cách hành chính nhà nước năm 2026
trên địa bàn tỉnh theo các văn bản chỉ đạo của Chính phủ và Thủ
Tướng Chính phủ, Chỉ thị số 23/CT-TTg của Thủ tướng Chính phủ
về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính
nhà nước giai đoạn 2021 - 2030 và các văn bản chỉ đạo của
Trung ương.
2. Tập trung triển khai thực hiện các nhiệm vụ và giải pháp nâng
cao các chỉ số cải cách hành chính trên địa bàn tỉnh, kịp thời
khắc phục những tồn tại, hạn chế sau kiểm tra của các cơ quan.";
        let lines = paged(&[&page1, page2]);
        let refs: Vec<&TextLine> = lines.iter().collect();
        let p = paragraphs(&refs, &Gazetteer::builtin());
        let items: Vec<&Paragraph> = p.iter().filter(|p| p.marker.is_some()).collect();
        assert_eq!(items.len(), 2);
        assert!(items[0].text.ends_with("Thủ Tướng Chính phủ, Chỉ thị số 23/CT-TTg của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và các văn bản chỉ đạo của Trung ương."));
        assert_eq!(p.len(), 12, "10 lines of page 1 and two items");
    }

    #[test]
    fn a_line_ending_in_a_connective_wraps() {
        let wide = text_width("x").max(1.0) * 1000.0;
        assert!(wraps_into(
            "Chỉ thị số 23/CT-TTg ngày",
            false,
            "02/9/2021 của",
            wide
        ));
        assert!(wraps_into(
            "các văn bản chỉ đạo của",
            false,
            "Trung ương.",
            wide
        ));
        assert!(!wraps_into(
            "Về an toàn thông tin",
            false,
            "Văn phòng",
            wide
        ));
        assert!(!wraps_into("chỉ đạo của.", false, "Trung ương.", wide));
        // A unit head written as the start of a name needs the name.
        assert!(wraps_into(
            "1. Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban",
            false,
            "Quản lý các khu công nghiệp",
            wide
        ));
        assert!(!wraps_into("II. CÁC NHIỆM VỤ", false, "Sở Tư pháp", wide));
    }

    #[test]
    fn a_heading_cut_inside_a_unit_name_runs_on() {
        // Wrapped text (the heading's first line is in bold, so shorter
        // by the estimate than the lines of its column).
        let lines = lines(
            "Nhằm góp phần nâng cao sự hài lòng của người dân và doanh nghiệp đối\n\
             với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh; đồng thời, trên\n\
             cơ sở kết quả thực hiện thí điểm các mô hình, sáng kiến cải cách hành chính theo\n\
             Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch UBND tỉnh.\n\
             1. Thủ trưởng các cơ quan chuyên môn thuộc UBND tỉnh, Trưởng Ban\n\
             Quản lý các khu công nghiệp và Chủ tịch UBND các xã, phường, đặc khu\n\
             a) Chủ động áp dụng triển khai và nhân rộng các mô hình, giải pháp, sáng\n\
             kiến về cải cách hành chính, trọng tâm là cải cách thủ tục hành chính phù hợp theo\n\
             chức năng, nhiệm vụ và tình hình thực tế của cơ quan, đơn vị, địa phương mình và\n\
             đưa vào Kế hoạch cải cách hành chính hằng năm để tổ chức triển khai thực hiện.",
        );
        let refs: Vec<&TextLine> = lines.iter().collect();
        let p = paragraphs(&refs, &Gazetteer::builtin());
        assert_eq!(p.len(), 3);
        assert!(p[1].text.ends_with(
            "Trưởng Ban Quản lý các khu công nghiệp và Chủ tịch UBND các xã, phường, đặc khu"
        ));
    }

    #[test]
    fn joins_wrapped_lines_and_keeps_one_line_paragraphs() {
        let wrapped = lines(
            "1. Các cơ quan đảng ở Trung ương và địa phương\n\
             a) Tiếp tục quan tâm lãnh đạo, chỉ đạo sâu sát công tác chuyển đổi số trong\n\
             các cơ quan đảng, tạo sự thống nhất cao về nhận thức và hành động trong toàn\n\
             Hệ thống chính trị, gắn trách nhiệm người đứng đầu với kết quả thực hiện và\n\
             Ban Chỉ đạo chuyển đổi số theo dõi, đôn đốc, kiểm tra việc thực hiện.\n\
             b) Tập trung thực hiện các nhiệm vụ được giao tại Kế hoạch số",
        );
        let refs: Vec<&TextLine> = wrapped.iter().collect();
        let p = paragraphs(&refs, &Gazetteer::builtin());
        assert_eq!(p.len(), 3);
        assert!(p[1].text.ends_with("kiểm tra việc thực hiện."));
        let paged = lines(
            "a) Tiếp tục quan tâm lãnh đạo, chỉ đạo sâu sát công tác chuyển đổi số trong\n\
             2\n\
             các cơ quan đảng, tạo sự thống nhất cao về nhận thức và hành động.",
        );
        let refs: Vec<&TextLine> = paged.iter().collect();
        let p = paragraphs(&refs, &Gazetteer::builtin());
        assert_eq!(
            p.len(),
            1,
            "a running page number inside an item is dropped"
        );
        let clauses = lines(
            "1. Các thành viên của Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm và được\n\
             hưởng các chế độ theo quy định hiện hành.\n\
             2. Bộ Công an làm nhiệm vụ cơ quan thường trực của Ban Chỉ đạo; trình\n\
             Trưởng Ban Chỉ đạo phê duyệt Kế hoạch hoạt động, Quy chế tổ chức và hoạt\n\
             động của Ban Chỉ đạo; bảo đảm các điều kiện cần thiết cho hoạt động của Ban\n\
             Chỉ đạo.",
        );
        let refs: Vec<&TextLine> = clauses.iter().collect();
        assert_eq!(
            paragraphs(&refs, &Gazetteer::builtin()).len(),
            2,
            "a line of clauses is no heading over the next"
        );
        let g = Gazetteer::builtin();
        assert!(awaits_object(
            "Sở Nội vụ tiếp tục phối hợp các ngành có liên quan rà soát, tham mưu",
            &g
        ));
        assert!(!awaits_object("Chế độ báo cáo", &g));
        assert!(!awaits_object(
            "Kiện toàn, phát huy hiệu quả của Ban Chỉ đạo và cơ quan giúp việc",
            &g
        ));
        let flat =
            lines("5. Về an toàn thông tin\nVăn phòng Trung ương Đảng chủ trì.\nTrân trọng./.");
        let refs: Vec<&TextLine> = flat.iter().collect();
        assert_eq!(paragraphs(&refs, &Gazetteer::builtin()).len(), 3);
    }
}
