//! Units (đơn vị): the gazetteer of abbreviations, splitting a unit cell into
//! units, and telling whether a phrase names a unit at all.

use crate::model::UnitRef;
use crate::normalize::{fold_spaces, match_key};
use regex::Regex;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

/// The gazetteer shipped with nhiemvu (`data/units.tsv`).
const BUILTIN_UNITS: &str = include_str!("../../data/units.tsv");

/// Words that begin the name of a body ("Bộ Công an", "Ban Tổ chức ...").
const UNIT_HEADS: &[&str] = &[
    "bộ",
    "ban",
    "văn phòng",
    "ủy ban",
    "uỷ ban",
    "sở",
    "cục",
    "vụ",
    "viện",
    "tòa án",
    "toà án",
    "học viện",
    "đảng ủy",
    "đảng uỷ",
    "đảng đoàn",
    "ban cán sự",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "huyện ủy",
    // The youth union of a province, city or district ("Tỉnh đoàn").
    "tỉnh đoàn",
    "thành đoàn",
    "huyện đoàn",
    "quân ủy",
    "quân uỷ",
    "báo",
    "tạp chí",
    "nhà xuất bản",
    "trung tâm",
    "công an",
    "tổng cục",
    "ngân hàng",
    "kiểm toán",
    "thanh tra",
    "hội đồng",
    "mặt trận",
    "đài",
    "thông tấn xã",
    "trường",
    "đại học",
    "hội",
    "liên đoàn",
    "đoàn",
    "cơ quan",
    "các cơ quan",
    "các ban",
    "các bộ",
    "các sở",
    "các tỉnh ủy",
    "các tỉnh uỷ",
    "các đơn vị",
    "đơn vị",
    "tổ",
    "chính phủ",
    "quốc hội",
    "kho bạc",
    "tổng công ty",
    "công ty",
    "phòng",
    "chi cục",
    "ubnd",
    "hđnd",
    "btv",
    "ban thường vụ",
    "cấp ủy",
    "cấp uỷ",
    "lãnh đạo",
    "tập đoàn",
    "nhà đầu tư",
    "chủ đầu tư",
    "nhà thầu",
    // Service bodies addressed by their kind ("Quân y đơn vị", "Bệnh viện
    // Đa khoa tỉnh", "Bảo hiểm xã hội tỉnh").
    "quân y",
    "bệnh viện",
    "bảo hiểm xã hội",
    // Credit institutions as a class of regulated bodies ("Các tổ chức
    // tín dụng căn cứ …").
    "tổ chức tín dụng",
    "các tổ chức tín dụng",
];

/// Abbreviations of bodies and their full names, looked up by match key.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    by_key: HashMap<String, String>,
    /// Match keys of the full names.
    full_keys: std::collections::HashSet<String>,
    /// Match keys of the first word of every abbreviation, so that phrases
    /// are only looked up where one can start.
    first_words: std::collections::HashSet<String>,
    /// Longest abbreviation in words, to bound phrase lookups.
    max_words: usize,
}

impl Gazetteer {
    /// The built-in gazetteer.
    pub fn builtin() -> Self {
        let mut g = Gazetteer::default();
        g.add_table(BUILTIN_UNITS, '\t');
        g
    }

    /// Add entries from a user file (CSV or TSV: abbreviation, full name).
    pub fn add_file(&mut self, path: &Path) -> Result<usize, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read units file: {e}", path.display()))?;
        let sep = if text.lines().any(|l| l.contains('\t')) {
            '\t'
        } else {
            ','
        };
        let added = self.add_table(&text, sep);
        if added == 0 {
            return Err(format!(
                "{}: no `abbreviation,full name` lines found",
                path.display()
            ));
        }
        Ok(added)
    }

    fn add_table(&mut self, text: &str, sep: char) -> usize {
        let mut added = 0;
        for line in text.lines() {
            let line = line.trim_start_matches('\u{FEFF}');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((abbr, full)) = line.split_once(sep) else {
                continue;
            };
            let (abbr, full) = (
                fold_spaces(abbr.trim_matches('"')),
                fold_spaces(full.trim_matches('"')),
            );
            if abbr.is_empty() || full.is_empty() || abbr.eq_ignore_ascii_case("abbr") {
                continue;
            }
            self.max_words = self.max_words.max(abbr.split(' ').count());
            self.full_keys.insert(match_key(&full));
            if let Some(first) = abbr_key(&abbr).split(' ').next() {
                self.first_words.insert(first.to_string());
            }
            self.by_key.insert(abbr_key(&abbr), full);
            added += 1;
        }
        added
    }

    /// The full name of an abbreviation, if known.
    pub fn lookup(&self, abbr: &str) -> Option<&str> {
        self.by_key.get(&abbr_key(abbr)).map(String::as_str)
    }

    /// Expand every known abbreviation inside a unit phrase, longest first
    /// ("Cơ quan UBKTTW" → "Cơ quan Ủy ban Kiểm tra Trung ương").
    pub fn expand(&self, raw: &str) -> String {
        let words: Vec<&str> = raw.split(' ').collect();
        let mut out: Vec<String> = Vec::with_capacity(words.len());
        let mut i = 0;
        'words: while i < words.len() {
            let first = abbr_key(split_trailing_punct(words[i]).0);
            let can_start = first
                .split(' ')
                .next()
                .is_some_and(|w| self.first_words.contains(w));
            for n in (1..=self.max_words.min(words.len() - i))
                .rev()
                .filter(|_| can_start)
            {
                let phrase = words[i..i + n].join(" ");
                let (core, tail) = split_trailing_punct(&phrase);
                if !is_abbreviation_like(core) && n == 1 {
                    continue;
                }
                if let Some(full) = self.lookup(core) {
                    out.push(format!("{full}{tail}"));
                    i += n;
                    continue 'words;
                }
            }
            out.push(words[i].to_string());
            i += 1;
        }
        out.join(" ")
    }

    /// Whether a known abbreviation or name runs across the boundary between
    /// `left` and `right` ("Học viện CTQG" | "HCM và các cơ").
    pub fn spans(&self, left: &str, right: &str) -> bool {
        let lw: Vec<&str> = left.split_whitespace().collect();
        let rw: Vec<&str> = right.split_whitespace().collect();
        (1..=lw.len().min(4)).any(|a| {
            (1..=rw.len().min(3)).any(|b| {
                let phrase = [&lw[lw.len() - a..], &rw[..b]].concat().join(" ");
                let (core, _) = split_trailing_punct(&phrase);
                self.lookup(core).is_some() && core.split(' ').count() > 1
            })
        })
    }

    /// The full names of the known bodies (OCR snaps misread names to them).
    pub fn full_names(&self) -> impl Iterator<Item = &str> {
        self.by_key.values().map(String::as_str)
    }

    /// Whether a phrase is a known abbreviation or full name.
    pub fn knows(&self, phrase: &str) -> bool {
        // Full names of two words ("Trung ương", "Chính phủ") are too
        // generic to mark a phrase as one whole unit.
        let key = match_key(phrase);
        self.lookup(phrase).is_some()
            || (key.split(' ').count() >= 3 && self.full_keys.contains(&key))
    }

    /// The unit record for a raw unit phrase.
    pub fn unit(&self, raw: &str) -> UnitRef {
        let raw = fold_spaces(raw);
        UnitRef {
            name: self.expand(&raw),
            raw,
        }
    }
}

/// A key for abbreviations: case kept (BCA ≠ bca is rare), spacing folded.
fn abbr_key(abbr: &str) -> String {
    match_key(&abbr.replace('&', " and "))
}

fn split_trailing_punct(s: &str) -> (&str, &str) {
    let core = s.trim_end_matches([',', ';', '.', ':', ')']);
    (core, &s[core.len()..])
}

/// A token written like an abbreviation: two or more capitals, maybe with `&`.
fn is_abbreviation_like(token: &str) -> bool {
    token.chars().filter(|c| c.is_uppercase()).count() >= 2
        && token
            .chars()
            .all(|c| c.is_uppercase() || c == '&' || c.is_ascii_digit())
}

/// Whether a line ends with a unit head word that still needs its name
/// ("Học viện", "Bộ", "Đảng ủy"): the unit continues on the next line.
pub fn ends_with_bare_head(line: &str) -> bool {
    bare_head_tail(line).is_some()
}

/// The words of `line` that form its closing bare unit head, if any.
pub fn bare_head_tail(line: &str) -> Option<Vec<&str>> {
    let words: Vec<&str> = line
        .trim_end_matches([',', ';'])
        .split_whitespace()
        .collect();
    (1..=words.len().min(3)).rev().find_map(|n| {
        let tail = &words[words.len() - n..];
        let key = match_key(&tail.join(" "));
        head_keys()
            .iter()
            .any(|(h, plural)| *h == key && !plural)
            .then(|| tail.to_vec())
    })
}

/// Whether a phrase begins with a unit head word ("Trường ...", "Sở ...").
pub fn starts_with_unit_head(phrase: &str) -> bool {
    let key = match_key(phrase);
    head_keys()
        .iter()
        .any(|(hk, plural)| !plural && starts_with_words(&key, hk))
}

/// Whether a match key is `words` or starts with them as whole words.
fn starts_with_words(key: &str, words: &str) -> bool {
    key.strip_prefix(words)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Match keys of [`UNIT_HEADS`], each with whether it is a plural ("các ...").
fn head_keys() -> &'static [(String, bool)] {
    static KEYS: std::sync::OnceLock<Vec<(String, bool)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        UNIT_HEADS
            .iter()
            .map(|h| (match_key(h), h.starts_with("các")))
            .collect()
    })
}

/// Whether a phrase names a body: a gazetteer entry, an abbreviation, or a
/// unit head word followed by a capitalized name ("Bộ Công an").
pub fn looks_like_unit(phrase: &str, gazetteer: &Gazetteer) -> bool {
    let phrase = phrase.trim().trim_start_matches(['-', '+', '•']).trim();
    if phrase.is_empty() {
        return false;
    }
    if gazetteer.lookup(phrase).is_some() || is_abbreviation_like(phrase) {
        return true;
    }
    let key = match_key(phrase);
    // Events, not bodies: "Hội nghị", "Hội thảo".
    static EVENTS: OnceLock<Vec<String>> = OnceLock::new();
    static GENERIC: OnceLock<Vec<String>> = OnceLock::new();
    let events = EVENTS.get_or_init(|| {
        ["hội nghị", "hội thảo", "hội thi", "đại hội"]
            .iter()
            .map(|e| match_key(e))
            .collect()
    });
    let generics = GENERIC.get_or_init(|| {
        ["các", "cơ quan", "đơn vị"]
            .iter()
            .map(|g| match_key(g))
            .collect()
    });
    if events.iter().any(|e| key.starts_with(e.as_str())) {
        return false;
    }
    let generic = generics.iter().any(|g| key.starts_with(g.as_str()));
    if !phrase.starts_with(char::is_uppercase) && !generic {
        return false;
    }
    if is_a_set(phrase) {
        return false;
    }
    head_keys()
        .iter()
        .any(|(hk, _)| starts_with_words(&key, hk))
        || phrase
            .split(' ')
            .any(|w| gazetteer.lookup(w).is_some() && is_abbreviation_like(w))
}

/// Whether "Bộ" opens a set, not a ministry ("Bộ chỉ số", "Bộ tiêu chí",
/// "Bộ thủ tục"): the things a set is made of, where a ministry's or a
/// command's name goes on ("Bộ Công an", "Bộ tư lệnh", "Bộ phận một cửa").
fn is_a_set(phrase: &str) -> bool {
    const SET_OF: &[&str] = &[
        "chỉ số",
        "tiêu chí",
        "tiêu chuẩn",
        "thủ tục",
        "công cụ",
        "hồ sơ",
        "dữ liệu",
        "tài liệu",
        "câu hỏi",
        "quy tắc",
        "mẫu",
    ];
    let lower = phrase.to_lowercase();
    lower.strip_prefix("bộ ").is_some_and(|rest| {
        SET_OF.iter().any(|w| {
            rest.strip_prefix(w)
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
    })
}

/// Split a unit cell into units: on `;`, on line-leading `-`/`+` bullets, and
/// on commas only where every part is itself a unit.
pub fn split_units(cell: &str, gazetteer: &Gazetteer) -> Vec<UnitRef> {
    let mut parts: Vec<String> = Vec::new();
    for line_group in split_bullets(cell) {
        for part in line_group.split(';') {
            let part = fold_spaces(part.trim().trim_end_matches(['.', ',']));
            if part.is_empty() {
                continue;
            }
            let comma_parts: Vec<&str> = part
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let proper = |p: &&str| {
                p.starts_with(char::is_uppercase)
                    && (looks_like_unit(p, gazetteer) || heads_bodies(p, gazetteer))
            };
            if comma_parts.len() > 1 && comma_parts.iter().all(proper) {
                parts.extend(nest_sub_units(&comma_parts));
            } else {
                parts.push(part);
            }
        }
    }
    parts.into_iter().map(|p| gazetteer.unit(&p)).collect()
}

/// Heads of bodies that are always part of a larger one (a division, a
/// team, a post): "Phòng 5", "Đội Cảnh sát …", "Đồn Biên phòng …".
const SUB_UNIT_HEADS: [&str; 5] = ["Phòng", "Đội", "Tổ", "Đồn", "Trạm"];
/// Heads of the departments a sub-unit belongs to, named after it.
const DEPARTMENT_HEADS: [&str; 7] = ["Cục", "Vụ", "Chi cục", "Công an", "Sở", "Ủy ban", "UBND"];
/// Heads of the ministries a central department belongs to.
const MINISTRY_HEADS: [&str; 2] = ["Bộ", "Tổng cục"];

/// The bodies a unit names: a sub-unit named with the bodies it belongs to
/// ("Phòng 5, Cục …, Bộ Công an") names each of them; any other unit is one.
pub fn nested_parts(unit: &str) -> Vec<&str> {
    let sub_unit = SUB_UNIT_HEADS
        .iter()
        .any(|h| unit.starts_with(h) && unit[h.len()..].starts_with(' '));
    if sub_unit {
        unit.split(", ").collect()
    } else {
        vec![unit]
    }
}

/// Comma parts of a unit cell with each sub-unit joined to the bodies it
/// belongs to, named after it: "Phòng 5, Cục Cảnh sát điều tra tội phạm về
/// ma túy, Bộ Công an" is one unit; "Sở Tư pháp, Bộ Công an" two.
fn nest_sub_units(parts: &[&str]) -> Vec<String> {
    let opens = |part: &str, heads: &[&str]| {
        heads
            .iter()
            .any(|h| part.starts_with(h) && part[h.len()..].starts_with(' '))
    };
    let mut out: Vec<String> = Vec::new();
    let mut open = None; // the head kind the last joined part had
    for part in parts {
        let joins = match open {
            Some(0) => opens(part, &DEPARTMENT_HEADS),
            Some(1) => opens(part, &MINISTRY_HEADS),
            _ => false,
        };
        match (joins, out.last_mut()) {
            (true, Some(last)) => {
                last.push_str(", ");
                last.push_str(part);
                open = (open == Some(0) && (part.starts_with("Cục ") || part.starts_with("Vụ ")))
                    .then_some(1);
            }
            _ => {
                out.push(part.to_string());
                open = opens(part, &SUB_UNIT_HEADS).then_some(0);
            }
        }
    }
    out
}

/// The units a sentence names as its subject or partners ("Công an tỉnh
/// và các địa phương chủ trì ..."): as [`split_units`], and two bodies
/// joined by "và" are two units. A table cell is split by [`split_units`]
/// only, at the punctuation its writer chose ("Văn phòng Trung ương Đảng và
/// các cơ quan, đơn vị liên quan" stays one entry).
pub fn split_subject_units(text: &str, gazetteer: &Gazetteer) -> Vec<UnitRef> {
    let text = fold_spaces(text.trim());
    let mut units = Vec::new();
    for body in nest_sub_units(&listed_bodies(&text, gazetteer)) {
        let body = body.as_str();
        match split_at_and(body, gazetteer) {
            Some((left, right)) => {
                units.extend(split_units(left, gazetteer));
                units.extend(split_units(right, gazetteer));
            }
            None => units.extend(split_units(body, gazetteer)),
        }
    }
    units
}

/// The bodies a subject lists with commas ("các sở, ban, ngành, các cơ
/// quan Trung ương đóng trên địa bàn, UBND các xã, phường, đặc khu"): a
/// body starts at a comma before "các …", a named body, or a partner named
/// by its kind ("lực lượng Công an, chính quyền địa phương"); the nouns
/// between ("ban", "ngành", "phường") belong to the body before them, and
/// so does a kind after a bare kind ("cấp ủy, chính quyền địa phương …",
/// "các cơ quan, đơn vị, địa phương trên địa bàn": kinds sharing one
/// qualifier).
fn listed_bodies<'a>(text: &'a str, gazetteer: &Gazetteer) -> Vec<&'a str> {
    let mut bodies = Vec::new();
    let mut start = 0;
    for (comma, _) in text.match_indices(',') {
        let next = text[comma + 1..].trim_start();
        let opens = next.starts_with("các ")
            || next.starts_with("Các ")
            || (next.starts_with(char::is_uppercase) && looks_like_unit(next, gazetteer))
            || (names_body_by_kind(next) && !is_bare_kind(last_part(&text[..comma])));
        if opens && !text[start..comma].trim().is_empty() {
            bodies.push(text[start..comma].trim());
            start = comma + 1;
        }
    }
    bodies.push(text[start..].trim());
    bodies
}

/// Two bodies joined by "và" ("Công an tỉnh và các địa phương", "Các sở,
/// ban, ngành và Ủy ban nhân dân các xã"): the text before and after the
/// last "và" that opens another body. A "và" inside one body's name ("Sở
/// Khoa học và Công nghệ", "các cơ quan ở Trung ương và địa phương") joins
/// words, not bodies: the text after it is no body of its own.
fn split_at_and<'a>(part: &'a str, gazetteer: &Gazetteer) -> Option<(&'a str, &'a str)> {
    if gazetteer.lookup(part).is_some() {
        return None;
    }
    let (left, right) = part.rsplit_once(" và ")?;
    let (left, right) = (left.trim(), right.trim());
    // A bare head noun ("Báo và Đài Phát thanh, Truyền hình …") names no
    // body of its own: the "và" joins two heads of one name.
    if !left.contains(' ') && gazetteer.lookup(left).is_none() {
        return None;
    }
    // A bare "địa phương" after one named body is the locality as a partner
    // ("Trung tâm Phát triển quỹ đất tỉnh và địa phương"); after a scope
    // ("các cơ quan ở Trung ương và địa phương") it ends the name, and after
    // bodies in the plural it is one more kind of one list ("Các Bộ, ngành
    // và địa phương").
    let locality = right == "địa phương"
        && left.starts_with(char::is_uppercase)
        && !is_plural_bodies(left)
        && !left.to_lowercase().starts_with("các ")
        && !left.to_lowercase().ends_with("trung ương")
        && looks_like_unit(left, gazetteer);
    let opens_body = if right.starts_with(char::is_uppercase) {
        looks_like_unit(right, gazetteer) || heads_bodies(right, gazetteer)
    } else {
        is_plural_bodies(right) || names_body_by_kind(right) || locality
    };
    let closes_body = looks_like_unit(left, gazetteer)
        || heads_bodies(left, gazetteer)
        || is_plural_bodies(left)
        || names_body_by_kind(left);
    (opens_body && closes_body).then_some((left, right))
}

/// Kinds of partner named in lowercase, one to an entry (see
/// [`names_body_by_kind`]).
const PARTNER_KINDS: &[&str] = &[
    "lực lượng",
    "chính quyền",
    "cấp ủy",
    // The same kind named with its party ("Cấp ủy Đảng, chính quyền các
    // cấp": kinds sharing one qualifier).
    "cấp ủy đảng",
    "gia đình",
    "nhà đầu tư",
    "người dân",
    "nhà trường",
    "đơn vị tư vấn",
    "đơn vị thi công",
];

/// Whether a phrase names a partner by its kind, in lowercase ("lực
/// lượng Công an", "chính quyền địa phương", "gia đình", "Nhà đầu tư",
/// "địa phương có liên quan"): in a list of partners it starts an entry of
/// its own. The kinds that list bodies in the plural ("các sở, ban,
/// ngành", "cơ quan, đơn vị liên quan") are not among them, and a bare
/// "địa phương" ends a name ("các cơ quan ở Trung ương và địa phương").
fn names_body_by_kind(phrase: &str) -> bool {
    let key = match_key(phrase);
    PARTNER_KINDS
        .iter()
        .any(|k| starts_with_words(&key, &match_key(k)))
        || key.starts_with(&format!("{} ", match_key("địa phương")))
}

/// The text after the last comma.
fn last_part(text: &str) -> &str {
    text.rsplit(',').next().unwrap_or(text).trim()
}

/// Whether a phrase is one kind of body and nothing more ("đơn vị",
/// "cấp ủy", "ngành"), as in a list of kinds sharing one qualifier.
fn is_bare_kind(phrase: &str) -> bool {
    let key = match_key(phrase);
    PLURAL_KINDS
        .iter()
        .chain(PARTNER_KINDS)
        .any(|k| key == match_key(k))
}

/// Whether a phrase names the heads of bodies ("Thủ trưởng các sở, ban,
/// ngành", "Chủ tịch Ủy ban nhân dân các xã"): a title and the bodies it heads.
pub fn heads_bodies(phrase: &str, gazetteer: &Gazetteer) -> bool {
    const TITLES: &[&str] = &[
        "thủ trưởng",
        "chủ tịch",
        "giám đốc",
        "người đứng đầu",
        "trưởng",
    ];
    let lower = phrase.to_lowercase();
    TITLES.iter().any(|t| {
        lower.starts_with(t) && {
            let bodies = phrase.get(t.len()..).unwrap_or_default().trim();
            (bodies.starts_with(char::is_uppercase) && looks_like_unit(bodies, gazetteer))
                || is_plural_bodies(bodies)
        }
    })
}

/// Whether a cell names bodies in general somewhere: "các" and a kind of
/// body in one of its comma- or semicolon-separated parts ("Các cơ quan,
/// đơn vị liên quan", "Cơ quan đảng các cấp; MTTQ").
pub fn mentions_bodies_in_general(cell: &str) -> bool {
    let lower = cell.to_lowercase();
    lower.split([',', ';', '\n']).any(|part| {
        part.match_indices("các ")
            .any(|(i, _)| is_plural_bodies(part[i..].trim()))
    })
}

/// The first colon of a text that is not inside a list of bodies' names
/// (see [`names_listed_after`]): where a label or an item ends.
pub fn label_colon(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(':').map(|i| from + i) {
        match names_listed_after(text, at) {
            Some(end) => from = end,
            None => return Some(at),
        }
    }
    None
}

/// Where the names end that a colon lists after a plural kind of body
/// ("UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà"): such a colon
/// enumerates the bodies, it ends no label. Two or more names, every word
/// capitalized, separated by commas.
fn names_listed_after(text: &str, colon: usize) -> Option<usize> {
    static NAMES: OnceLock<Regex> = OnceLock::new();
    let re = NAMES.get_or_init(|| {
        Regex::new(r"^\s*\p{Lu}\w*(?:\s+\p{Lu}\w*){0,4}(?:\s*,\s*\p{Lu}\w*(?:\s+\p{Lu}\w*){0,4})+")
            .expect("static listed names pattern is valid")
    });
    let before = text[..colon].trim_end();
    let kind = before
        .char_indices()
        .filter(|&(i, _)| before[i..].starts_with("các "))
        .map(|(i, _)| &before[i..])
        .next_back()?;
    if kind.split_whitespace().count() > 3 || !is_plural_bodies(kind) {
        return None;
    }
    let after = colon + 1;
    re.find(&text[after..]).map(|m| after + m.end())
}

/// Kinds of body that "các" lists in the plural ("các sở, ban, ngành").
const PLURAL_KINDS: &[&str] = &[
    "sở",
    "ban",
    "ngành",
    "bộ",
    "địa phương",
    "cơ quan",
    "đơn vị",
    "xã",
    "phường",
    "huyện",
    "tỉnh",
    "tổ chức",
    "đoàn thể",
    "hội",
    "doanh nghiệp",
    "cấp",
];

/// Whether a lowercase phrase names bodies in the plural: "các" and a
/// kind of body ("các địa phương", "các sở, ngành liên quan").
fn is_plural_bodies(phrase: &str) -> bool {
    let key = match_key(phrase);
    let Some(rest) = key.strip_prefix(&format!("{} ", match_key("các"))) else {
        return false;
    };
    PLURAL_KINDS
        .iter()
        .any(|k| starts_with_words(rest, &match_key(k)))
}

/// Break a cell at bullets (`-`, `+`, `•`) that start a line or follow a
/// space-separated dash inside a re-joined line ("- Các cơ quan TW - MTTQ").
fn split_bullets(cell: &str) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for line in cell.split('\n') {
        let line = line.trim();
        let bullet = line.starts_with(['-', '+', '•']);
        let text = line.trim_start_matches(['-', '+', '•']).trim();
        if bullet || groups.is_empty() {
            groups.push(text.to_string());
        } else if let Some(last) = groups.last_mut() {
            last.push(' ');
            last.push_str(text);
        }
    }
    let bulleted = cell.trim_start().starts_with(['-', '+', '•']);
    if bulleted {
        // Inside a bulleted cell, " - " between two units is another bullet.
        groups = groups
            .into_iter()
            .flat_map(|g| {
                g.split(" - ")
                    .map(|s| s.trim().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    groups.into_iter().filter(|g| !g.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cell: &str) -> Vec<String> {
        split_units(cell, &Gazetteer::builtin())
            .into_iter()
            .map(|u| u.name)
            .collect()
    }

    #[test]
    fn a_set_is_no_ministry() {
        let g = Gazetteer::builtin();
        for set in [
            "Bộ chỉ số",
            "Bộ chỉ số đánh giá UBND các xã",
            "Bộ tiêu chí",
            "bộ thủ tục",
        ] {
            assert!(!looks_like_unit(set, &g), "{set}");
        }
        for body in [
            "Bộ Công an",
            "Bộ tư lệnh Vùng Cảnh sát biển 3",
            "Bộ phận một cửa",
        ] {
            assert!(looks_like_unit(body, &g), "{body}");
        }
    }

    #[test]
    fn a_bare_head_before_and_is_part_of_one_name() {
        let g = Gazetteer::builtin();
        let units = split_subject_units("Báo và Đài Phát thanh, Truyền hình Lâm Đồng", &g);
        assert_eq!(units.len(), 1);
        let units = split_subject_units("Công an tỉnh và các địa phương", &g);
        assert_eq!(units.len(), 2);
    }

    #[test]
    fn two_bodies_joined_by_and_are_two_units_in_a_sentence() {
        let names = |text: &str| -> Vec<String> {
            split_subject_units(text, &Gazetteer::builtin())
                .into_iter()
                .map(|u| u.raw)
                .collect()
        };
        assert_eq!(
            names("Công an tỉnh và các sở, ban, ngành, địa phương"),
            ["Công an tỉnh", "các sở, ban, ngành, địa phương"]
        );
        assert_eq!(
            names("Các sở, ban, ngành, đoàn thể và Ủy ban nhân dân các xã, phường"),
            [
                "Các sở, ban, ngành, đoàn thể",
                "Ủy ban nhân dân các xã, phường"
            ]
        );
        assert_eq!(
            names("Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã"),
            [
                "Thủ trưởng các sở, ban, ngành",
                "Chủ tịch Ủy ban nhân dân các xã"
            ]
        );
        // Partners named by their kind, in lowercase, are entries of their own.
        assert_eq!(
            names("lực lượng Công an, chính quyền địa phương, các tổ chức chính trị - xã hội và gia đình"),
            [
                "lực lượng Công an",
                "chính quyền địa phương",
                "các tổ chức chính trị - xã hội",
                "gia đình"
            ]
        );
        // Kinds listed after a bare kind share one qualifier.
        for one in [
            "cấp ủy, chính quyền địa phương khu vực biên giới",
            "các cơ quan, đơn vị, địa phương trên địa bàn tỉnh",
        ] {
            assert_eq!(names(one).len(), 1, "{one}");
        }
        assert_eq!(
            names("Nhà Đầu tư và địa phương có liên quan"),
            ["Nhà Đầu tư", "địa phương có liên quan"]
        );
        assert_eq!(
            names("Trung tâm Phát triển quỹ đất tỉnh và địa phương"),
            ["Trung tâm Phát triển quỹ đất tỉnh", "địa phương"]
        );
        for one in [
            "Sở Khoa học và Công nghệ",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Các cơ quan đảng ở Trung ương và địa phương",
            "Các Bộ, ngành và địa phương",
            "Bộ Lao động - Thương binh và Xã hội",
        ] {
            assert_eq!(names(one).len(), 1, "{one}");
        }
        let cell = "Văn phòng Trung ương Đảng và các cơ quan, đơn vị liên quan";
        assert_eq!(split_units(cell, &Gazetteer::builtin()).len(), 1);
    }

    #[test]
    fn splits_on_commas_only_between_units() {
        assert_eq!(
            names("Ban Tổ chức Trung ương, Bộ Công an, Bộ Nội vụ"),
            ["Ban Tổ chức Trung ương", "Bộ Công an", "Bộ Nội vụ"]
        );
        assert_eq!(
            names("Các cơ quan, đơn vị liên quan"),
            ["Các cơ quan, đơn vị liên quan"]
        );
        assert_eq!(names("Tỉnh ủy, thành ủy"), ["Tỉnh ủy, thành ủy"]);
    }

    #[test]
    fn a_subject_sub_unit_stays_with_the_bodies_it_belongs_to() {
        let g = Gazetteer::builtin();
        let units: Vec<String> = split_subject_units(
            "Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an và Sở Y tế",
            &g,
        )
        .into_iter()
        .map(|u| u.raw)
        .collect();
        assert_eq!(
            units,
            [
                "Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an",
                "Sở Y tế"
            ]
        );
    }

    #[test]
    fn a_sub_unit_stays_with_the_bodies_it_belongs_to() {
        assert_eq!(
            names("Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an"),
            ["Phòng 5, Cục Cảnh sát điều tra tội phạm về ma túy, Bộ Công an"]
        );
        assert_eq!(
            names("Phòng Cảnh sát hình sự, Công an tỉnh, Sở Y tế"),
            ["Phòng Cảnh sát hình sự, Công an tỉnh", "Sở Y tế"]
        );
        // Bodies side by side, none part of another.
        assert_eq!(
            names("Sở Tư pháp, Bộ Công an"),
            ["Sở Tư pháp", "Bộ Công an"]
        );
    }

    #[test]
    fn splits_bullets_and_semicolons_and_expands() {
        assert_eq!(
            names("- Các cơ quan\nđảng các cấp;\nMTTQ"),
            ["Các cơ quan đảng các cấp", "Mặt trận Tổ quốc Việt Nam"]
        );
        assert_eq!(
            names("- Cơ quan\nTW\n- MTTQ"),
            ["Cơ quan Trung ương", "Mặt trận Tổ quốc Việt Nam"]
        );
        assert_eq!(
            names("- Các cơ quan\nđảng TW -\nMTTQ"),
            ["Các cơ quan đảng Trung ương", "Mặt trận Tổ quốc Việt Nam"]
        );
        assert_eq!(
            names("Ban TCTW và\ncơ quan đảng\ncác cấp"),
            ["Ban Tổ chức Trung ương và cơ quan đảng các cấp"]
        );
    }

    #[test]
    fn heads_of_bodies_split_at_commas() {
        let g = Gazetteer::builtin();
        let names: Vec<String> = split_subject_units(
            "Thủ trưởng các cơ quan thuộc UBND tỉnh, Trưởng Ban Quản lý các khu công nghiệp và Chủ tịch UBND các xã",
            &g,
        )
        .into_iter()
        .map(|u| u.name)
        .collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert_eq!(names[1], "Trưởng Ban Quản lý các khu công nghiệp");
    }

    #[test]
    fn raw_is_kept() {
        let u = split_units("VPTWĐ", &Gazetteer::builtin());
        assert_eq!(u[0].raw, "VPTWĐ");
        assert_eq!(u[0].name, "Văn phòng Trung ương Đảng");
    }
}
