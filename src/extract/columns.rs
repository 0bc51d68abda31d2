//! The column model of a task table, read from its header: which column
//! holds the number, the name, the documents, the units, the result and the
//! deadline, whatever their order and wording.

use crate::normalize::{fold_spaces, join_lines, match_key};
use regex::Regex;
use std::sync::OnceLock;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// TT / STT.
    Number,
    /// Tên nhiệm vụ / Nội dung.
    Name,
    /// Văn bản giao nhiệm vụ.
    Documents,
    /// Đơn vị chủ trì.
    Lead,
    /// Đơn vị phối hợp.
    Coordinating,
    /// One column for both ("Trách nhiệm thực hiện", "Cơ quan thực hiện").
    Responsibility,
    /// Kết quả / Sản phẩm.
    Result,
    /// Thời gian hoàn thành / Thời hạn / Tiến độ.
    Deadline,
    /// Anything else ("Ghi chú", "Kinh phí", ...): kept in `extra_columns`.
    Extra,
}

impl Role {
    /// Whether the column names units.
    pub fn is_units(self) -> bool {
        matches!(self, Role::Lead | Role::Coordinating | Role::Responsibility)
    }
}

/// One column: its header as printed and its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header text on one line.
    pub header: String,
    /// What the column holds.
    pub role: Role,
}

/// The columns of a task table in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnModel {
    /// Columns from left to right.
    pub columns: Vec<Column>,
    /// A year stated in a header ("Thời gian (Năm 2026)"), for dates without one.
    pub year: Option<i32>,
}

impl ColumnModel {
    /// Build a model from header labels; `None` unless it has a number
    /// column and a name column (the mark of a task table).
    pub fn from_headers(headers: &[String]) -> Option<ColumnModel> {
        let mut columns: Vec<Column> = headers
            .iter()
            .map(|h| Column {
                header: fold_spaces(h),
                role: classify(h),
            })
            .collect();
        // A second "name-like" column is an extra (e.g. "Nội dung" beside "Nhiệm vụ").
        let mut seen_name = false;
        for c in &mut columns {
            if c.role == Role::Name {
                if seen_name {
                    c.role = Role::Extra;
                }
                seen_name = true;
            }
        }
        let has = |r| columns.iter().any(|c| c.role == r);
        // A task table names who, when, on whose order or with what result.
        let says_more = columns.iter().any(|c| {
            matches!(
                c.role,
                Role::Documents
                    | Role::Lead
                    | Role::Coordinating
                    | Role::Responsibility
                    | Role::Result
                    | Role::Deadline
            )
        });
        if !(has(Role::Number) && has(Role::Name) && says_more) || columns.len() < 3 {
            return None;
        }
        let year = headers.iter().find_map(|h| header_year(h));
        Some(ColumnModel { columns, year })
    }

    /// The index of the first column with a role.
    pub fn index_of(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    /// The roles in order: equal for a header and its repetition on the
    /// next page even where the wording was broken differently.
    pub fn signature(&self) -> Vec<Role> {
        self.columns.iter().map(|c| c.role).collect()
    }
}

/// Words [`classify`] looks for in a header.
const CLASSIFY_WORDS: &[&str] = &[
    "văn bản",
    "căn cứ",
    "nguồn gốc",
    "thời gian",
    "thời hạn",
    "tiến độ",
    "mốc",
    "hoàn thành",
    "chủ trì",
    "phối hợp",
    "kết quả",
    "sản phẩm",
    "đơn vị",
    "cơ quan",
    "đơn vị cơ quan",
    "cơ quan đơn vị",
    "trách nhiệm",
    "thực hiện",
    "nhiệm vụ",
    "nội dung",
    "tên nhiệm vụ",
    "tên công việc",
    "tên hoạt động",
    "tên đề án",
    "tên dự án",
    "tên chương trình",
    "công việc",
    "hoạt động",
    "giải pháp",
    "đề án",
];

/// The match key of a header word, computed once for [`CLASSIFY_WORDS`]
/// (classify runs on every cell of rows that may repeat a header).
fn header_key(word: &str) -> std::borrow::Cow<'static, str> {
    static KEYS: OnceLock<std::collections::HashMap<&'static str, String>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| CLASSIFY_WORDS.iter().map(|w| (*w, match_key(w))).collect());
    match keys.get(word) {
        Some(k) => std::borrow::Cow::Borrowed(k.as_str()),
        None => std::borrow::Cow::Owned(match_key(word)),
    }
}

/// The match key of a header's text; a slash parts two labels as a space
/// does ("Đơn vị chủ trì/phối hợp").
fn header_text_key(header: &str) -> String {
    match_key(&header.replace('/', " "))
}

/// Whether one column's header names the lead before its partners
/// ("Đơn vị chủ trì/phối hợp", "Chủ trì, phối hợp"): its units are the
/// lead, then the partners.
pub fn names_lead_before_partners(header: &str) -> bool {
    let k = header_text_key(header);
    let at = |w: &str| k.find(header_key(w).as_ref());
    matches!((at("chủ trì"), at("phối hợp")), (Some(lead), Some(partners)) if lead < partners)
}

/// The role of a column from its header text.
pub fn classify(header: &str) -> Role {
    let k = header_text_key(header);
    let has = |w: &str| k.contains(header_key(w).as_ref());
    let starts = |w: &str| k.starts_with(header_key(w).as_ref());
    if matches!(k.as_str(), "tt" | "stt" | "số tt" | "số thứ tự" | "thứ tự") {
        return Role::Number;
    }
    if has("văn bản") || has("căn cứ") || has("nguồn gốc") {
        return Role::Documents;
    }
    if has("thời gian") || has("thời hạn") || has("tiến độ") || has("mốc") || starts("hoàn thành")
    {
        return Role::Deadline;
    }
    if has("chủ trì") && has("phối hợp") {
        return Role::Responsibility;
    }
    if has("chủ trì") {
        return Role::Lead;
    }
    if has("phối hợp") {
        return Role::Coordinating;
    }
    if has("kết quả") || has("sản phẩm") {
        return Role::Result;
    }
    let bare_body = ["đơn vị", "cơ quan", "đơn vị cơ quan", "cơ quan đơn vị"]
        .iter()
        .any(|b| k == header_key(b));
    if has("trách nhiệm") || has("thực hiện") || bare_body {
        return Role::Responsibility;
    }
    let named_work = [
        "tên nhiệm vụ",
        "tên công việc",
        "tên hoạt động",
        "tên đề án",
        "tên dự án",
        "tên chương trình",
    ];
    if has("nhiệm vụ")
        || starts("nội dung")
        || named_work.iter().any(|w| starts(w))
        || starts("công việc")
        || starts("hoạt động")
        || starts("giải pháp")
        || starts("đề án")
    {
        return Role::Name;
    }
    Role::Extra
}

/// A year written in a header, e.g. "(Năm 2026)".
fn header_year(header: &str) -> Option<i32> {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let re = YEAR.get_or_init(|| {
        Regex::new(r"(?i)năm(?-u:\s)+((?:19|20)[0-9]{2})").expect("static year pattern is valid")
    });
    re.captures(header)?.get(1)?.as_str().parse().ok()
}

/// Whether a line opens a flat-text header ("TT Tên nhiệm vụ", "STT").
pub fn opens_header(line: &str) -> bool {
    let k = match_key(line);
    ["tt", "stt", "số tt"]
        .iter()
        .any(|w| k == *w || k.starts_with(&format!("{w} ")))
}

/// Read a header from flat text, where each header cell is broken into
/// lines in column order ("TT Tên nhiệm vụ", "Văn bản", "giao nhiệm vụ",
/// "Đơn vị", "chủ trì", ...). A cell starts at a line beginning with a
/// capital letter, or inside a line at a capitalized word where both sides
/// are known labels; lowercase and parenthesized lines continue a cell.
/// Returns the model and how many lines the header took.
pub fn header_from_lines(lines: &[&str]) -> Option<(ColumnModel, usize)> {
    let first = lines.first()?;
    if !opens_header(first) {
        return None;
    }
    let mut cells: Vec<Vec<String>> = Vec::new();
    let mut used = 0;
    let mut in_parens = false;
    for (i, line) in lines.iter().enumerate().take(24) {
        let line = line.trim();
        if i > 0 && (ends_header(line) || !line_fits_header(line, in_parens)) {
            break;
        }
        in_parens = line.matches('(').count() > line.matches(')').count()
            || (in_parens && !line.contains(')'));
        used = i + 1;
        for (k, part) in split_labels(line).into_iter().enumerate() {
            let continues = k == 0 && i > 0 && !part.starts_with(|c: char| c.is_uppercase());
            if continues && !cells.is_empty() {
                let target = label_to_continue(&cells, &part);
                cells[target].push(part);
            } else {
                cells.push(vec![part]);
            }
        }
    }
    let headers: Vec<String> = cells.iter().map(|c| join_lines(c)).collect();
    ColumnModel::from_headers(&headers).map(|m| (m, used))
}

/// Full header labels as usually written; a continuation line joins the
/// first label it completes toward one of these (in reading-order text
/// the wrapped halves of several labels come after all their first lines).
const FULL_LABELS: &[&str] = &[
    "tên nhiệm vụ",
    "nội dung nhiệm vụ",
    "nội dung công việc",
    "văn bản giao nhiệm vụ",
    "văn bản chỉ đạo",
    "đơn vị chủ trì",
    "đơn vị phối hợp",
    "cơ quan chủ trì",
    "cơ quan phối hợp",
    "đơn vị thực hiện",
    "cơ quan thực hiện",
    "trách nhiệm thực hiện",
    "thời gian hoàn thành",
    "thời hạn hoàn thành",
    "thời gian thực hiện",
    "kết quả dự kiến",
    "sản phẩm dự kiến",
    "sản phẩm đầu ra",
];

/// Whether text is the beginning of a full label ("Đơn vị phối" of "Đơn vị
/// phối hợp"), as header cells broken over lines are.
fn begins_full_label(text: &str) -> bool {
    let key = match_key(text);
    FULL_LABELS.iter().any(|l| match_key(l).starts_with(&key))
}

/// The header cell a lowercase continuation belongs to: the first whose
/// text grows toward a full label with it, else the last.
fn label_to_continue(cells: &[Vec<String>], part: &str) -> usize {
    let full: Vec<String> = FULL_LABELS.iter().map(|l| match_key(l)).collect();
    cells
        .iter()
        .position(|cell| {
            let now = match_key(&cell.join(" "));
            let grown = match_key(&format!("{} {part}", cell.join(" ")));
            !full.contains(&now) && full.iter().any(|f| f.starts_with(&grown))
        })
        .unwrap_or(cells.len() - 1)
}

/// Whether a header line is over: a row number or a long line starts.
fn ends_header(line: &str) -> bool {
    static ROW: OnceLock<Regex> = OnceLock::new();
    let re = ROW.get_or_init(|| {
        Regex::new(r"^([0-9]+(\.[0-9]+)*\.?|[IVXLC]+\.?)((?-u:\s)|$)")
            .expect("static row pattern is valid")
    });
    re.is_match(line)
}

/// Words of header labels (lowercase, as a line that continues a label
/// may hold only these).
const HEADER_WORDS: &[&str] = &[
    "giao", "nhiệm", "vụ", "chủ", "trì", "phối", "hợp", "hoàn", "thành", "thực", "hiện", "thời",
    "gian", "hạn", "kết", "quả", "sản", "phẩm", "dự", "kiến", "đơn", "vị", "cơ", "quan", "văn",
    "bản", "tên", "nội", "dung", "công", "việc", "trách", "ghi", "chú", "kinh", "phí", "tiến",
    "độ", "căn", "cứ", "số", "thứ", "tự", "và", "đầu", "mối", "giải", "pháp", "hoạt", "động",
    "năm", "tháng", "lộ", "trình", "theo", "dõi", "kiểm", "tra", "đôn", "đốc", "nguồn", "vốn",
    "mức", "yêu", "cầu", "chỉ", "tiêu",
];

/// Whether a word (any case) is a word of header labels.
pub(crate) fn is_header_word(word: &str) -> bool {
    HEADER_WORDS.contains(&word.to_lowercase().as_str())
}

/// Header cells are short labels: a line that starts a label begins with
/// a capital letter; a line continuing one holds only header words (or
/// sits inside a parenthesized note).
pub(crate) fn line_fits_header(line: &str, in_parens: bool) -> bool {
    if line.chars().count() > 40 || line.ends_with(['.', ';']) {
        return false;
    }
    if in_parens || line.starts_with('(') {
        return true;
    }
    if line.starts_with(char::is_uppercase) {
        // A new label: a known one, or a short unknown one ("Ghi chú").
        return classify(line) != Role::Extra
            || (line.split_whitespace().count() <= 4 && !line.contains([',', ';']));
    }
    line.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) || HEADER_WORDS.contains(&w.as_str())
    })
}

/// Split one header line into labels: the number label first ("TT"), then
/// at capitalized words where the text before already is a known label.
fn split_labels(line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut starts = label_starts(&words);
    starts.push(words.len());
    starts
        .windows(2)
        .map(|w| words[w[0]..w[1]].join(" "))
        .collect()
}

/// Indices of the words that start a header label in one line of header
/// words: the word after a leading number label ("TT"), and a capitalized
/// word where the text before it is a known label, the text from it is one
/// too, and joining them would change the first label's role or repeat its
/// head ("Đơn vị chủ trì" | "Đơn vị phối hợp").
pub(crate) fn label_starts(words: &[&str]) -> Vec<usize> {
    let mut starts = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(&cur_start) = starts.last() else {
            starts.push(i);
            continue;
        };
        let cur_text = words[cur_start..i].join(" ");
        let cur_role = classify(&cur_text);
        let is_number_label = i == cur_start + 1 && cur_role == Role::Number;
        let rest = words[i..].join(" ");
        let repeats_head = words[cur_start] == *w;
        let both_known =
            cur_role != Role::Extra && (classify(&rest) != Role::Extra || begins_full_label(&rest));
        let changes = classify(&format!("{cur_text} {rest}")) != cur_role;
        if is_number_label
            || (w.starts_with(char::is_uppercase) && both_known && (changes || repeats_head))
        {
            starts.push(i);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(lines: &[&str]) -> (Vec<Role>, usize) {
        let (m, used) = header_from_lines(lines).expect("a header");
        (m.columns.iter().map(|c| c.role).collect(), used)
    }

    #[test]
    fn flat_header_of_six_columns() {
        let lines = [
            "TT Tên nhiệm vụ",
            "Văn bản",
            "giao nhiệm vụ",
            "Đơn vị",
            "chủ trì",
            "Đơn vị",
            "phối hợp",
            "Thời gian",
            "hoàn thành",
            "1. Hoàn thiện thể chế",
        ];
        let (r, used) = roles(&lines);
        use Role::*;
        assert_eq!(r, [Number, Name, Documents, Lead, Coordinating, Deadline]);
        assert_eq!(used, 9);
    }

    #[test]
    fn result_column_with_parenthesized_note() {
        let lines = [
            "TT Tên nhiệm vụ",
            "Đơn vị",
            "chủ trì",
            "Đơn vị",
            "phối hợp",
            "Kết quả",
            "(các phần mềm đã sẵn",
            "sàng)",
            "1. Phần mềm",
        ];
        let (m, _) = header_from_lines(&lines).expect("header");
        assert_eq!(m.columns[4].role, Role::Result);
        assert_eq!(m.columns[4].header, "Kết quả (các phần mềm đã sẵn sàng)");
    }

    #[test]
    fn classify_variants() {
        assert_eq!(classify("Nội dung công việc"), Role::Name);
        assert_eq!(classify("Cơ quan chủ trì"), Role::Lead);
        assert_eq!(classify("Đơn vị chủ trì/phối\nhợp"), Role::Responsibility);
        assert!(names_lead_before_partners("Đơn vị chủ trì/phối\nhợp"));
        assert!(!names_lead_before_partners("Trách nhiệm thực hiện"));
        assert!(!names_lead_before_partners("Phối hợp, chủ trì"));
        assert_eq!(classify("Trách nhiệm thực hiện"), Role::Responsibility);
        assert_eq!(classify("Thời gian thực hiện"), Role::Deadline);
        assert_eq!(classify("Sản phẩm dự kiến"), Role::Result);
        assert_eq!(classify("Ghi chú"), Role::Extra);
        assert_eq!(classify("Theo dõi, kiểm tra, đôn đốc"), Role::Extra);
        assert_eq!(classify("STT"), Role::Number);
    }

    #[test]
    fn one_line_header_splits_on_labels() {
        let lines = [
            "STT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời hạn",
            "1 Xây dựng",
        ];
        let (r, _) = roles(&lines);
        use Role::*;
        assert_eq!(r, [Number, Name, Lead, Coordinating, Deadline]);
    }
}
