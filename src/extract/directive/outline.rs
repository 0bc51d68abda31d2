//! The outline of a directive's body: numbered parts, items and bullets as
//! a tree, each with the unmarked paragraphs that follow it.
//!
//! The body starts at the first numbered paragraph (or, in a text without
//! numbers, at the first bullet after a paragraph ending in ":") and ends
//! at the closing formula, "Nơi nhận:" or the signature.

use super::attributes::{attribute, Attribute};
use super::item::ends_with_deadline;
use super::paragraphs::{ends_with_example_label, opens_example, Marker, MarkerKind, Paragraph};
use crate::extract::header::is_capitals;
use crate::extract::letter::{closes_body, opens_recipients};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One marked paragraph of the body with its place in the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The marked paragraph.
    pub head: Paragraph,
    /// Unmarked paragraphs that follow it (before any child).
    pub body: Vec<String>,
    /// Labelled lines under it ("- Đơn vị chủ trì: ...").
    pub attributes: Vec<Attribute>,
    /// Index of the enclosing node.
    pub parent: Option<usize>,
    /// Indices of the nodes directly under it.
    pub children: Vec<usize>,
    /// 1-based position among the siblings of the same marker kind.
    pub ordinal: usize,
    /// The marker as printed where it was taken for the one its place
    /// calls for: a letter's look-alike ("e)" read after "b)", for "c)"),
    /// or a Roman part numbered like the part before it ("II." after "II.",
    /// an OCR'd "III." that lost a stroke).
    pub misread_marker: Option<String>,
}

impl Node {
    /// The marker kind (every node has a marker).
    pub fn kind(&self) -> Option<MarkerKind> {
        self.head.marker.as_ref().map(|m| m.kind)
    }

    /// A heading rather than an item: it has items under it, or its own
    /// line is a title (no closing punctuation) followed by text.
    pub fn is_heading(&self) -> bool {
        let numbered = matches!(self.kind(), Some(MarkerKind::Number(_) | MarkerKind::Roman));
        !self.children.is_empty()
            || (numbered
                && !self.body.is_empty()
                && !self.head.text.ends_with(['.', ';', ':', '…']))
    }

    /// The node's text with the paragraphs that follow it.
    pub fn full_text(&self) -> String {
        std::iter::once(self.head.text.as_str())
            .chain(self.body.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The heading's own text without a trailing ":".
    pub fn title(&self) -> String {
        let title = self.head.text.trim_end_matches([':', ' ']);
        // A heading written as a sentence ("II. Địa điểm: Trực tiếp tại Trụ
        // sở Chính phủ.") ends like one; "v.v." is a word.
        match title.strip_suffix('.') {
            Some(t) if !title.ends_with("v.v.") && !t.ends_with('.') => t.trim_end().to_string(),
            _ => title.to_string(),
        }
    }
}

/// The letters of item markers, in order ("a)" … "y)"; no f, j, w, z).
const ITEM_LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The item letter after `letter`.
fn letter_after(letter: &str) -> Option<String> {
    let at = ITEM_LETTERS.iter().position(|l| *l == letter)?;
    ITEM_LETTERS.get(at + 1).map(|l| l.to_string())
}

/// The Roman part number after `numeral` (up to X).
fn roman_after(numeral: &str) -> Option<String> {
    const PARTS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    let at = PARTS.iter().position(|p| *p == numeral)?;
    PARTS.get(at + 1).map(|p| p.to_string())
}

/// Letters OCR takes for one another in item markers.
fn looks_alike(a: &str, b: &str) -> bool {
    const PAIRS: [(&str, &str); 3] = [("c", "e"), ("d", "đ"), ("i", "l")];
    PAIRS
        .iter()
        .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// Build the outline of the body.
pub fn outline(paragraphs: &[Paragraph]) -> Vec<Node> {
    let mut tree = Tree::default();
    let Some(start) = body_start(paragraphs) else {
        return unmarked_outline(paragraphs);
    };
    let mut stack: Vec<usize> = Vec::new();
    // Inside the samples a guide shows after "Ví dụ:" (a sample header in
    // capitals, a signature block), up to the next marked paragraph.
    let mut in_example = false;
    for (offset, para) in paragraphs[start..].iter().enumerate() {
        if in_example && para.marker.is_none() {
            continue;
        }
        in_example = ends_with_example_label(&para.text);
        if in_example && para.marker.is_none() && opens_example(&para.text) {
            continue;
        }
        let top = stack
            .last()
            .copied()
            .filter(|&t| tree.nodes[t].kind() != Some(MarkerKind::Roman));
        if let (Some(top), Some(attr)) = (top, attribute(&para.text)) {
            tree.nodes[top].attributes.push(attr);
            continue;
        }
        let Some(kind) = para.marker.as_ref().map(|m| m.kind) else {
            let top = stack.last().map(|&t| &mut tree.nodes[t]);
            if let Some(roman) = top.filter(|n| {
                n.kind() == Some(MarkerKind::Roman)
                    && n.children.is_empty()
                    && is_capitals(&para.text)
            }) {
                // A capitalized part title wrapped over two lines.
                roman.head.text = format!("{} {}", roman.head.text, para.text);
                continue;
            }
            if ends_body(&para.text) {
                if let Some(follow_up) = follow_up_assignment(&para.text) {
                    let ordinal = body_ordinal(paragraphs, start + offset);
                    let head = Paragraph {
                        text: follow_up.to_string(),
                        ..para.clone()
                    };
                    tree.add_numbered_paragraph_node(head, ordinal);
                }
                break;
            }
            if let Some(&roman) = stack
                .last()
                .filter(|&&t| tree.nodes[t].kind() == Some(MarkerKind::Roman))
            {
                // Running text right under a part ("III. TỔ CHỨC THỰC HIỆN"):
                // each paragraph may be a task; a short one ending in ":"
                // ("Các giải pháp chống hạn:") leads in the bullets after it.
                if is_candidate(&para.text) || para.text.trim_end().ends_with(':') {
                    tree.add_paragraph_node(para, Some(roman));
                }
                if para.text.trim_end().ends_with("./.") {
                    break;
                }
                continue;
            }
            if let Some(&top) = stack.last() {
                if ends_with_deadline(&tree.nodes[top].full_text()) {
                    // An item closed by its deadline sentence: what follows
                    // before the next item is not part of it.
                    continue;
                }
                if !is_attachment_note(&para.text) {
                    tree.nodes[top].body.push(para.text.clone());
                }
                if para.text.trim_end().ends_with("./.") {
                    break;
                }
            }
            continue;
        };
        while stack.last().is_some_and(|&top| {
            tree.nodes[top]
                .kind()
                .is_none_or(|k| k.rank() >= kind.rank())
        }) {
            stack.pop();
        }
        let idx = tree.add_node(para.clone(), stack.last().copied());
        stack.push(idx);
        if is_article_sentence(para) {
            // "Điều 2. Giao Công an tỉnh chủ trì, … ." – an article written
            // as one sentence is its own first item.
            tree.add_paragraph_node(para, Some(idx));
        }
        if para.text.trim_end().ends_with("./.") {
            break;
        }
    }
    tree.nodes
}

/// An outline being built: its nodes, and how many children of each kind
/// every parent has so far (so that numbering a node costs the same
/// whether it is the first or the 20,000th bullet of its list).
#[derive(Default)]
struct Tree {
    nodes: Vec<Node>,
    kind_counts: HashMap<(Option<usize>, Option<MarkerKind>), usize>,
}

impl Tree {
    /// Add a node under `parent`, numbered among its siblings of the same kind.
    fn add_node(&mut self, mut head: Paragraph, parent: Option<usize>) -> usize {
        let kind = head.marker.as_ref().map(|m| m.kind);
        let previous_letter = parent
            .and_then(|p| self.nodes[p].children.last().copied())
            .map(|c| &self.nodes[c])
            .filter(|n| n.kind() == Some(MarkerKind::Letter))
            .and_then(|n| n.head.marker.as_ref())
            .map(|m| m.printed.clone());
        let previous_part = self
            .nodes
            .iter()
            .rev()
            .find(|n| n.kind() == Some(MarkerKind::Roman))
            .and_then(|n| n.head.marker.as_ref())
            .map(|m| m.printed.clone());
        let mut misread_marker = None;
        if let Some(marker) = head.marker.as_mut() {
            let expected = match marker.kind {
                MarkerKind::Letter => previous_letter
                    .and_then(|p| letter_after(&p))
                    .filter(|e| *e != marker.printed && looks_alike(&marker.printed, e)),
                MarkerKind::Roman => previous_part
                    .filter(|p| *p == marker.printed)
                    .and_then(|p| roman_after(&p)),
                _ => None,
            };
            if let Some(expected) = expected {
                misread_marker = Some(std::mem::replace(&mut marker.printed, expected));
            }
        }
        let count = self.kind_counts.entry((parent, kind)).or_default();
        *count += 1;
        let ordinal = *count;
        let idx = self.nodes.len();
        self.nodes.push(Node {
            head,
            body: Vec::new(),
            attributes: Vec::new(),
            parent,
            children: Vec::new(),
            ordinal,
            misread_marker,
        });
        if let Some(p) = parent {
            self.nodes[p].children.push(idx);
        }
        idx
    }

    /// Add an unmarked paragraph at the top of the body, numbered `ordinal`
    /// (its place among the body's paragraphs).
    fn add_numbered_paragraph_node(&mut self, mut head: Paragraph, ordinal: usize) {
        head.marker = Some(Marker {
            kind: MarkerKind::Paragraph,
            printed: ordinal.to_string(),
        });
        let idx = self.add_node(head, None);
        self.nodes[idx].ordinal = ordinal;
    }

    /// Add an unmarked paragraph as a node of its own (numbered by its place).
    fn add_paragraph_node(&mut self, para: &Paragraph, parent: Option<usize>) {
        let mut head = para.clone();
        head.marker = Some(Marker {
            kind: MarkerKind::Paragraph,
            printed: String::new(),
        });
        let idx = self.add_node(head, parent);
        let ordinal = self.nodes[idx].ordinal.to_string();
        if let Some(m) = self.nodes[idx].head.marker.as_mut() {
            m.printed = ordinal;
        }
    }
}

/// Whether an unmarked paragraph can be a task of its own: a sentence of
/// some length that does not close the body.
fn is_candidate(text: &str) -> bool {
    text.trim_end().ends_with(['.', ':', ';', ')'])
        && text.split_whitespace().count() >= MIN_PARAGRAPH_WORDS
        && !ends_body(text)
}

/// Words a paragraph needs to be a candidate in a body without an outline.
const MIN_PARAGRAPH_WORDS: usize = 12;

/// A body without numbers or bullets: every paragraph of running text (a
/// sentence of some length, not a header line) up to the closing formula
/// is a node of its own.
fn unmarked_outline(paragraphs: &[Paragraph]) -> Vec<Node> {
    let mut tree = Tree::default();
    for para in paragraphs {
        if ends_body(&para.text) && !tree.nodes.is_empty() {
            break;
        }
        if para.marker.is_some() || !is_candidate(&para.text) || is_aside(&para.text) {
            continue;
        }
        tree.add_paragraph_node(para, None);
    }
    tree.nodes
}

/// Where the body starts: the first numbered paragraph, else the first
/// bullet after an introductory paragraph ending in ":".
fn body_start(paragraphs: &[Paragraph]) -> Option<usize> {
    let numbered = |p: &Paragraph| {
        p.marker
            .as_ref()
            .is_some_and(|m| matches!(m.kind, MarkerKind::Roman | MarkerKind::Number(_)))
    };
    paragraphs.iter().position(numbered).or_else(|| {
        paragraphs
            .windows(2)
            .position(|w| {
                w[0].marker.is_none()
                    && w[0].text.ends_with(':')
                    && !opens_recipients(&w[0].text)
                    && !closes_body(&w[0].text)
                    && w[1].marker.is_some()
            })
            .map(|i| i + 1)
    })
}

/// A text's effect clause ("Thông tư này có hiệu lực thi hành sau 15 ngày
/// …", "Quyết định này có hiệu lực kể từ ngày ký"): it states when the
/// text applies and asks no work.
pub(super) const EFFECT_CLAUSE: &str = concat!(
    r"(?i)^(?:quyết định|nghị quyết|thông tư|chỉ thị|nghị định|hướng dẫn|quy định|",
    r"quy chế|kế hoạch|văn bản) này có hiệu lực\b"
);

/// Whether an unmarked paragraph closes the body: the distribution list,
/// the effect clause, a signature title in capitals, or a closing formula.
fn ends_body(text: &str) -> bool {
    static CLOSING: OnceLock<Regex> = OnceLock::new();
    let closing = CLOSING.get_or_init(|| {
        Regex::new(r"(?i)trân trọng|thông báo (?:để|cho)\b|biết,? (?:và )?(?:chỉ đạo )?thực hiện|để (?:báo cáo|biết)\b.*\./\.")
            .expect("static closing pattern is valid")
    });
    // Paragraphs that open the closing whatever their length: the summary
    // ("Trên đây là báo cáo ..."), the call to carry out the whole letter
    // ("Yêu cầu ... nghiêm túc thực hiện.", "Yêu cầu các sở ... tổ chức
    // thực hiện tốt các nội dung trên", "Đề nghị các cơ quan, đơn vị quan
    // tâm, triển khai thực hiện./.", "Đề nghị các đồng chí dự họp đúng
    // thành phần, thời gian và địa điểm nêu trên./."), the invitation to report
    // difficulties ("Trong quá trình thực hiện, nếu có khó khăn, vướng
    // mắc, ...") and a report's submission ("Sở Nội vụ báo cáo Chủ tịch
    // UBND tỉnh xem xét, chỉ đạo./.").
    static CLOSING_OPENER: OnceLock<Regex> = OnceLock::new();
    let closing_opener = CLOSING_OPENER.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)^(?:trên đây là\b",
            // The call to carry out the letter.
            r"|(?:yêu cầu|đề nghị)\b[^.]*\bnghiêm túc (?:triển khai )?thực hiện\s*(?:\.|$)",
            r"|(?:yêu cầu|đề nghị)\b[^.]{0,200}\bthực hiện\b[^.]{0,30}\b(?:các|những) (?:nội dung|nhiệm vụ) (?:nêu )?trên\b",
            r"|(?:yêu cầu|đề nghị)\b[^.]{0,120}\bthực hiện\s*\./\.$",
            // The call to attend a meeting as invited.
            r"|(?:đề nghị|kính mời)\b[^.]{0,80}\b(?:dự họp|tham dự|dự hội nghị)\b[^.]*\bnêu trên\s*\./\.$",
            // The invitation to report difficulties.
            r"|trong quá trình (?:\S+ ){0,3}thực hiện\b[^.]{0,60}\bnếu\b[^.]{0,40}\b(?:khó khăn|vướng mắc)",
            // A report's submission.
            r"|[^.]{0,80}\b(?:báo cáo|trình)\b[^.]{0,60}\bxem xét\b[^.]{0,30}\./\.$)",
        ))
        .expect("static closing opener pattern is valid")
    });
    static EFFECT: OnceLock<Regex> = OnceLock::new();
    let effect = EFFECT
        .get_or_init(|| Regex::new(EFFECT_CLAUSE).expect("static effect clause pattern is valid"));
    closes_body(text)
        || effect.is_match(text.trim())
        || is_signature_title(text)
        || is_unnumbered_heading(text)
        || closing_opener.is_match(text.trim())
        || (closing.is_match(text) && text.split_whitespace().count() <= CLOSING_WORDS)
}

/// The assignment that follows a closing call in the same paragraph:
/// "Yêu cầu các sở, ngành … tổ chức thực hiện tốt các nội dung trên. Giao
/// Công an tỉnh theo dõi, đôn đốc việc thực hiện …./." gives the sentence
/// from "Giao"; the call itself asks nothing of its own.
fn follow_up_assignment(text: &str) -> Option<&str> {
    static GIVES: OnceLock<Regex> = OnceLock::new();
    let gives = GIVES.get_or_init(|| {
        Regex::new(r"[.;]\s+(Giao\s+\p{Lu}.*)$").expect("static follow-up pattern is valid")
    });
    gives
        .captures(text.trim())
        .and_then(|c| c.get(1))
        .map(|m| m.as_str())
}

/// The 1-based place of paragraph `at` among the body's paragraphs: those
/// after the "Kính gửi:" block (its lines up to the first unmarked
/// paragraph), or all of them in a document without one.
fn body_ordinal(paragraphs: &[Paragraph], at: usize) -> usize {
    let first = paragraphs[..at]
        .iter()
        .rposition(|p| opens_recipients(&p.text))
        .map_or(0, |r| {
            r + 1
                + paragraphs[r + 1..at]
                    .iter()
                    .take_while(|p| p.marker.is_some())
                    .count()
        });
    at - first + 1
}

/// Whether a paragraph is an article of a decision written as a sentence
/// of running text ("Điều 2. Giao Công an tỉnh chủ trì, phối hợp với …
/// ."), not a title ("Điều 5. Cơ quan Thường trực, Tổ giúp việc của Ban
/// Chỉ đạo") nor an introduction ("Điều 1. Phê duyệt …, cụ thể như sau:").
fn is_article_sentence(para: &Paragraph) -> bool {
    let article = para
        .marker
        .as_ref()
        .is_some_and(|m| m.kind == MarkerKind::Roman && m.printed.starts_with("Đ."));
    let text = para.text.trim_end();
    article && text.ends_with('.') && text.split_whitespace().count() >= MIN_PARAGRAPH_WORDS
}

/// Whether a paragraph is wholly in parentheses ("(Thời hạn yêu cầu gửi
/// báo cáo về Bộ Nội vụ trước ngày 20/12/2025)./."): a note beside the
/// text, not a paragraph of it.
fn is_aside(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['.', '/', ';']);
    text.starts_with('(')
        && text.ends_with(')')
        && text[1..text.len() - 1]
            .chars()
            .try_fold(0i32, |depth, c| {
                let depth = depth + i32::from(c == '(') - i32::from(c == ')');
                (depth >= 0).then_some(depth)
            })
            .is_some()
}

/// Whether an unmarked paragraph is a note on attachments ("(Kèm theo dự
/// thảo Văn bản chỉ đạo ...)."): it belongs to no item's text.
fn is_attachment_note(text: &str) -> bool {
    static NOTE: OnceLock<Regex> = OnceLock::new();
    NOTE.get_or_init(|| {
        // One level of parentheses may sit inside ("(Kèm theo Tài liệu
        // “Bệnh đau mắt đỏ (Viêm kết mạc cấp) …”).").
        Regex::new(r"(?i)^\((?:có )?(?:gửi )?kèm theo\b(?:[^()]|\([^()]*\))*\)\W*$")
            .expect("static attachment note pattern is valid")
    })
    .is_match(text.trim())
}

/// The longest closing formula ("Ủy ban nhân dân tỉnh thông báo để các
/// cơ quan, đơn vị biết, thực hiện./."); a long paragraph that happens to
/// say "thông báo cho ..." is running text.
const CLOSING_WORDS: usize = 40;

/// A heading in capitals without a number ("QUY ĐỊNH CHI TIẾT VÀ HƯỚNG DẪN
/// MỘT SỐ ĐIỀU"): what follows is no longer the numbered body. A short
/// label ("CHỈ SỐ CHUNG", a table cell read as text) is not one.
fn is_unnumbered_heading(text: &str) -> bool {
    is_capitals(text)
        && text.split_whitespace().count() >= HEADING_WORDS
        && !text.contains('|')
        && !text.contains(|c: char| c.is_ascii_digit())
}

/// Words from which a line in capitals is a heading rather than a label.
const HEADING_WORDS: usize = 4;

/// A signature title in capitals that closes the body ("TM. ỦY BAN NHÂN
/// DÂN", "KT. GIÁM ĐỐC", "CHỦ TỊCH"); a cell of a table read as text
/// ("CHỈ SỐ CHUNG") is not one.
fn is_signature_title(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:(?:TM|KT|TL|TUQ|UQ|Q)\.|(?:PHÓ |QUYỀN )?(?:GIÁM ĐỐC|CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|",
            r"THỦ TƯỚNG|TRƯỞNG BAN|TRƯỞNG|CHÁNH VĂN PHÒNG|CHỦ NHIỆM|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|",
            r"VIỆN TRƯỞNG|CHÁNH ÁN|BÍ THƯ|THƯ KÝ|HIỆU TRƯỞNG|CHỈ HUY TRƯỞNG|GIÁM ĐỐC)\b)"
        ))
        .expect("static signature pattern is valid")
    });
    is_capitals(text) && re.is_match(text.trim())
}

#[cfg(test)]
mod tests {
    use super::super::paragraphs::marker_at;
    use super::*;
    use crate::model::Location;

    /// The outline of paragraphs, one per text.
    fn outline_of(texts: &[&str]) -> Vec<Node> {
        let paras: Vec<Paragraph> = texts.iter().map(|t| para(t)).collect();
        outline(&paras)
    }

    fn para(text: &str) -> Paragraph {
        let (marker, rest) = match marker_at(text) {
            Some((m, rest)) => (Some(m), rest),
            None => (None, text),
        };
        Paragraph {
            marker,
            text: rest.to_string(),
            at: Location::default(),
            figures: false,
        }
    }

    #[test]
    fn a_letter_read_as_its_look_alike_takes_its_place() {
        let nodes = outline_of(&[
            "7. Giao Thanh tra tỉnh:",
            "a) Tham mưu đánh giá.",
            "b) Tham mưu xếp hạng.",
            "e) Tiếp tục khảo sát.",
            "g) Tổng hợp kết quả.",
        ]);
        let printed = |i: usize| nodes[i].head.marker.as_ref().map(|m| m.printed.clone());
        assert_eq!(printed(3).as_deref(), Some("c"));
        assert_eq!(nodes[3].misread_marker.as_deref(), Some("e"));
        assert_eq!(
            printed(4).as_deref(),
            Some("g"),
            "a letter that is no look-alike stays"
        );
        assert_eq!(nodes[4].misread_marker, None);
    }

    #[test]
    fn a_part_numbered_like_the_part_before_it_is_the_next() {
        let nodes = outline_of(&[
            "II. NỘI DUNG",
            "1. Thực hiện các văn bản chỉ đạo.",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Giao Phòng 5 theo dõi.",
            "P.II không phải phần.",
        ]);
        let part = nodes[2].head.marker.as_ref().map(|m| m.printed.as_str());
        assert_eq!(part, Some("III"));
        assert_eq!(nodes[2].misread_marker.as_deref(), Some("II"));
        assert_eq!(nodes[0].misread_marker, None);
    }

    #[test]
    fn nests_items_and_stops_at_the_closing_formula() {
        let nodes = outline_of(&[
            "- Kính gửi: Các bộ",
            "Cụ thể như sau:",
            "1. Văn phòng Trung ương Đảng",
            "a) Chủ trì xây dựng quy chế.",
            "b) Phối hợp với Bộ Công an:",
            "- Rà soát quy định.",
            "2. Về an toàn thông tin",
            "Văn phòng Trung ương Đảng chủ trì kiểm tra.",
            "Văn phòng trân trọng thông báo để các cơ quan biết, thực hiện.",
            "- Lưu VT.",
        ]);
        assert_eq!(nodes.len(), 5);
        assert_eq!(nodes[0].children, [1, 2]);
        assert_eq!(nodes[3].parent, Some(2));
        assert!(nodes[4].is_heading());
        assert_eq!(
            nodes[4].body,
            ["Văn phòng Trung ương Đảng chủ trì kiểm tra."]
        );
        assert!(!nodes[1].is_heading());
    }

    #[test]
    fn closing_paragraphs_end_the_last_item() {
        for closing in [
            "Trên đây là báo cáo công tác năm 2025 của Ủy ban nhân dân tỉnh, gửi Bộ Nội vụ để tổng hợp.",
            "Yêu cầu Thủ trưởng các sở, ngành và Chủ tịch UBND các xã nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có vướng mắc, báo cáo UBND tỉnh.",
            "Trong quá trình tổ chức thực hiện, nếu phát sinh khó khăn, vướng mắc, đề nghị các cơ quan kịp thời báo cáo UBND tỉnh (qua Sở Nội vụ) để được xem xét, giải quyết.",
            "Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo./.",
            "Đề nghị các cơ quan, đơn vị quan tâm, triển khai thực hiện./.",
            "Đề nghị các đồng chí dự họp đúng thành phần, thời gian và địa điểm nêu trên./.",
            "Thông tư này có hiệu lực thi hành sau 15 ngày kể từ ngày đăng Công báo.",
        ] {
            let nodes = outline_of(&[
                "1. Sở Tư pháp",
                "a) Rà soát các văn bản quy phạm pháp luật.",
                "(Kèm theo dự thảo Văn bản chỉ đạo của Chủ tịch UBND tỉnh).",
                closing,
                "Hoàn thành trước ngày 30/6/2026.",
            ]);
            assert_eq!(nodes.len(), 2, "{closing}");
            assert!(nodes[1].body.is_empty(), "{closing}: {:?}", nodes[1].body);
        }
        // A task that starts like a closing is still a task.
        let paras: Vec<Paragraph> = [
            "1. Sở Tư pháp",
            "a) Rà soát các văn bản quy phạm pháp luật.",
            "Trong quá trình thực hiện quy hoạch, Chủ tịch UBND các xã chỉ đạo các phòng phối hợp với đơn vị tư vấn.",
        ]
        .iter()
        .map(|t| para(t))
        .collect();
        assert_eq!(outline(&paras)[1].body.len(), 1);
    }

    #[test]
    fn a_closing_call_ends_the_last_item_and_keeps_its_follow_up_assignment() {
        let nodes = outline_of(&[
            "Kính gửi:",
            "- Công an tỉnh;",
            "- Sở Tài chính.",
            "Nhằm nâng cao hiệu quả công tác cai nghiện ma túy, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:",
            "1. Giao Sở Y tế rà soát các cơ sở cai nghiện.",
            "2. Giao Sở Tài chính bố trí kinh phí.",
            "Yêu cầu các sở, ngành tổ chức thực hiện tốt các nội dung trên. Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện./.",
        ]);
        assert_eq!(nodes.len(), 3);
        assert!(nodes[1].body.is_empty(), "{:?}", nodes[1].body);
        assert_eq!(nodes[2].parent, None);
        assert_eq!(nodes[2].kind(), Some(MarkerKind::Paragraph));
        // The fourth paragraph after the recipients.
        assert_eq!(nodes[2].head.marker.as_ref().unwrap().printed, "4");
        assert_eq!(nodes[2].ordinal, 4);
        assert_eq!(
            nodes[2].head.text,
            "Giao Công an tỉnh theo dõi, đôn đốc việc thực hiện./."
        );
        // A closing call alone adds nothing; a paragraph that only goes on
        // with the item stays in it.
        let nodes = outline_of(&[
            "1. Giao Sở Y tế rà soát các cơ sở cai nghiện.",
            "Đề nghị các cơ quan, đơn vị thực hiện nghiêm các nội dung trên.",
        ]);
        assert_eq!(nodes.len(), 1);
        assert!(nodes[0].body.is_empty());
        let nodes = outline_of(&[
            "1. Giao Sở Y tế rà soát các cơ sở cai nghiện.",
            "Phối hợp với Công an tỉnh thực hiện các nội dung trên. Giao Sở Y tế báo cáo.",
        ]);
        assert_eq!(nodes.len(), 1);
        assert_eq!(nodes[0].body.len(), 1);
    }

    #[test]
    fn an_article_written_as_a_sentence_is_its_own_item() {
        let nodes = outline_of(&[
            "Điều 1. Phê duyệt danh sách địa bàn trọng điểm phức tạp về ma túy, cụ thể như sau:",
            "1. Danh sách 01 tuyến trọng điểm.",
            "Điều 2. Giao Công an tỉnh chủ trì, phối hợp với các sở, ban, ngành tập trung thực hiện công tác phòng ngừa.",
            "Điều 3. Cơ quan Thường trực, Tổ giúp việc của Ban Chỉ đạo",
        ]);
        assert_eq!(nodes.len(), 5);
        assert_eq!(nodes[3].parent, Some(2));
        assert_eq!(nodes[3].kind(), Some(MarkerKind::Paragraph));
        assert_eq!(nodes[3].head.text, nodes[2].head.text);
        assert!(nodes[1].children.is_empty() && nodes[4].children.is_empty());
    }

    #[test]
    fn a_paragraph_in_parentheses_is_a_note() {
        assert!(is_aside(
            "(Thời hạn yêu cầu gửi báo cáo CCHC năm 2025 về Bộ Nội vụ trước ngày 20/12/2025)./."
        ));
        assert!(!is_aside(
            "(1) Giao Sở Nội vụ rà soát (trước ngày 20/12/2025)."
        ));
        let nodes = outline_of(&[
            "Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, ký ban hành báo cáo công tác năm 2025.",
            "(Thời hạn yêu cầu gửi báo cáo CCHC năm 2025 về Bộ Nội vụ trước ngày 20/12/2025)./.",
        ]);
        assert_eq!(nodes.len(), 1);
    }

    #[test]
    fn attachment_notes_may_hold_parentheses() {
        assert!(is_attachment_note(
            "(Kèm theo Tài liệu “Bệnh đau mắt đỏ (Viêm kết mạc cấp) và hướng dẫn cách phòng, chống”)."
        ));
        assert!(!is_attachment_note(
            "(Kèm theo Tài liệu) và tổ chức tuyên truyền (hằng tuần)."
        ));
    }

    #[test]
    fn samples_after_an_example_label_are_skipped() {
        let nodes = outline_of(&[
            "I. HƯỚNG DẪN CHUNG",
            "1. Tiêu đề",
            "Tiêu đề trình bày trang đầu, góc phải.",
            "Ví dụ:",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            "T/M BAN THƯỜNG VỤ",
            "2. Tên cơ quan",
            "- Văn bản của đại hội đảng bộ cấp tỉnh. Ví dụ 2: Văn bản của đại hội",
            "ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVI",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Giao Cục Lưu trữ hướng dẫn, kiểm tra việc thực hiện.",
        ]);
        assert_eq!(nodes.len(), 6);
        assert_eq!(nodes[1].body, ["Tiêu đề trình bày trang đầu, góc phải."]);
        assert!(nodes[3].body.is_empty());
        assert_eq!(
            nodes[5].head.text,
            "Giao Cục Lưu trữ hướng dẫn, kiểm tra việc thực hiện."
        );
        // Without the label, a heading in capitals ends the body.
        let nodes = outline_of(&["1. Tiêu đề", "ĐẢNG CỘNG SẢN VIỆT NAM", "2. Tên cơ quan"]);
        assert_eq!(nodes.len(), 1);
    }

    #[test]
    fn siblings_are_numbered_by_kind_under_each_parent() {
        let mut texts = vec!["1. Nhiệm vụ chung".to_string()];
        for k in 0..5_000 {
            texts.push(format!("- Nội dung thứ {k}."));
            if k % 1_000 == 0 {
                texts.push(format!("+ Chi tiết {k}."));
            }
        }
        texts.push("2. Nhiệm vụ riêng".to_string());
        texts.push("- Nội dung cuối.".to_string());
        let paras: Vec<Paragraph> = texts.iter().map(|t| para(t)).collect();
        let nodes = outline(&paras);
        let dashes: Vec<&Node> = nodes
            .iter()
            .filter(|n| n.kind() == Some(MarkerKind::Dash))
            .collect();
        assert_eq!(dashes.len(), 5_001);
        assert_eq!(dashes[4_999].ordinal, 5_000);
        // The first dash of item 2 starts again at 1; the plus bullets sit
        // under a dash each and are numbered there.
        assert_eq!(dashes[5_000].ordinal, 1);
        let second = nodes.iter().position(|n| n.head.text == "Nhiệm vụ riêng");
        assert_eq!(second.map(|i| nodes[i].ordinal), Some(2));
        assert!(nodes
            .iter()
            .filter(|n| n.kind() == Some(MarkerKind::Plus))
            .all(|n| n.ordinal == 1));
    }

    #[test]
    fn labelled_lines_and_text_under_a_part() {
        let nodes = outline_of(&[
            "II. NHIỆM VỤ",
            "1. Hoàn thiện cơ sở dữ liệu dân cư",
            "- Đơn vị chủ trì: Công an tỉnh.",
            "- Thời gian hoàn thành: Quý II/2026.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Sở Nội vụ chủ trì theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch này, báo cáo trước ngày 15/12/2026.",
        ]);
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[1].attributes.len(), 2);
        assert!(nodes[1].children.is_empty());
        assert_eq!(nodes[3].kind(), Some(MarkerKind::Paragraph));
        assert_eq!(nodes[3].parent, Some(2));
    }

    #[test]
    fn a_body_without_outline_is_read_by_paragraph() {
        let nodes = outline_of(&[
            "ỦY BAN NHÂN DÂN",
            "Kính gửi: Các sở, ban, ngành",
            "Ủy ban nhân dân Thành phố đề nghị các sở, ban, ngành khẩn trương rà soát, báo cáo trước ngày 20/5/2026.",
            "Giao Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân Thành phố trước ngày 25/5/2026.",
            "Nơi nhận:",
            "- Như trên;",
        ]);
        let numbers: Vec<_> = nodes
            .iter()
            .filter_map(|n| n.head.marker.clone())
            .map(|m| m.printed)
            .collect();
        assert_eq!(numbers, ["1", "2"]);
    }
}
