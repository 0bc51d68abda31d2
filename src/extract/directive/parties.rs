//! Who does an item: the lead unit named as the subject of its sentence
//! ("Bộ Khoa học và Công nghệ chủ trì ...", "Giao Sở Nội vụ chủ trì ...",
//! "Văn phòng Trung ương Đảng: Khẩn trương ...") and the coordinating units
//! after "phối hợp với".

use crate::extract::units::{
    ends_with_bare_head, heads_bodies, label_colon, looks_like_unit, nested_parts,
    split_subject_units, starts_with_unit_head, Gazetteer,
};
use crate::model::UnitRef;
use crate::normalize::match_key;
use regex::Regex;
use std::sync::OnceLock;

/// The units an item names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parties {
    /// Lead units: the subject of the instruction.
    pub lead: Vec<UnitRef>,
    /// Coordinating units.
    pub coordinating: Vec<UnitRef>,
    /// Byte length of the leading clause that only names units
    /// ("Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan liên quan"),
    /// when the item's action is introduced after it with ":".
    pub clause_len: usize,
}

/// Words that start the action of an instruction: a unit list ends before
/// the first of them (matched in lower case, so "Ban Tổ chức" is a name).
const ACTIONS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    // Sending people to a body ("Cử đại diện tham gia Ban trù bị …").
    "cung cấp",
    "phổ biến",
    // "Có kế hoạch kiểm tra …": to plan the work.
    "có kế hoạch",
    // "tìm nguồn vốn", "tìm giải pháp".
    "tìm",
    "thông báo",
    "cử đại diện",
    "cử cán bộ",
    "tham gia",
    "chủ động",
    "làm đầu mối",
    "khẩn trương",
    "sớm",
    "kịp thời",
    "tiếp tục",
    "tập trung",
    "chỉ đạo",
    "triển khai",
    "thực hiện",
    "xây dựng",
    "hoàn thiện",
    "hoàn thành",
    "ban hành",
    "nghiên cứu",
    "rà soát",
    "sửa đổi",
    "bổ sung",
    "cập nhật",
    "hướng dẫn",
    "tổ chức",
    "theo dõi",
    "đôn đốc",
    "kiểm tra",
    "giám sát",
    "tham mưu",
    "báo cáo",
    "tổng hợp",
    "đề xuất",
    "trình",
    "bố trí",
    "đẩy mạnh",
    "tăng cường",
    "nâng cao",
    "tuyên truyền",
    "số hóa",
    "số hoá",
    "kết nối",
    "bảo đảm",
    "đảm bảo",
    "căn cứ",
    "quán triệt",
    "giải quyết",
    "kiện toàn",
    "khảo sát",
    "đánh giá",
    "vận hành",
    "phát triển",
    "ứng dụng",
    "sử dụng",
    "cung cấp",
    "chuẩn bị",
    "phê duyệt",
    "thẩm định",
    "lựa chọn",
    "thành lập",
    "quản lý",
    "duy trì",
    "ưu tiên",
    "quan tâm",
    "có trách nhiệm",
    "cần",
    "chịu trách nhiệm",
    "phải",
    "cũng",
    "được yêu cầu",
    "được giao",
    "đẩy nhanh",
    "mời",
    "phân tích",
    "phát huy",
    "huy động",
    "vận động",
    "kiên trì",
    "gửi",
    "nộp",
    "giải đáp",
    "tháo gỡ",
    "tiến hành",
    "hỗ trợ",
    // "lập" alone also opens nouns ("lập pháp", "lập trường"): only with
    // what is drawn up.
    "lập hồ sơ",
    "lập kế hoạch",
    "lập danh sách",
    "lập dự toán",
    "lập phương án",
    "lập quy hoạch",
    "lập báo cáo",
    "lập đề án",
    "lập dự án",
    // "dự" alone also opens nouns ("dự thảo", "dự toán", "dự án"): only
    // with what is attended ("Hội nghị" is capitalized when it names the
    // meeting the document is about).
    "dự hội nghị",
    "dự Hội nghị",
    "dự họp",
    "tham dự",
    // Serving as a body ("Bộ Công an làm nhiệm vụ cơ quan thường trực").
    "làm nhiệm vụ",
    // "quyết định" alone is also the noun ("các quyết định").
    "quyết định thành lập",
    // "xác định" alone also opens findings ("Xác định rõ …" in a report).
    "xác định trách nhiệm",
    "làm việc",
    "xem xét",
    "nghiêm túc",
    "đồng thời",
    // Making a text concrete for a body ("cụ thể hoá một số điểm trong
    // Hướng dẫn này").
    "cụ thể hoá",
    "cụ thể hóa",
    // "tăng" alone also opens nouns ("tăng trưởng"): only with what is
    // raised.
    "tăng tỷ lệ",
    // Work of inspection and control bodies ("Cấp phép cho các cơ quan …",
    // "Tập huấn, tuyên truyền …", "Phát hiện, xử lý các hành vi vi phạm").
    "cấp phép",
    "tập huấn",
    "phát hiện",
    "xử lý",
    "định kỳ",
    "thường xuyên",
    "hằng tuần",
    "hằng tháng",
    "hằng quý",
    "hằng năm",
];

/// Words before an action word that make it a noun ("các tổ chức đảng")
/// or a clause of time ("khi ban hành").
const NOUN_MARKERS: &[&str] = &[
    // "Từ khi ban hành": a time clause, not the work.
    "khi",
    "các",
    "những",
    "việc",
    "công tác",
    "quy trình",
    "cơ sở",
    "dữ liệu",
    // "đơn vị tư vấn lập quy hoạch": the consultant for the work.
    "tư vấn",
];

/// Compound nouns whose second half is an action word ("Ban Quản lý dự án
/// đầu tư xây dựng"): the action word does not start an action there.
const NOUN_COMPOUNDS: &[(&str, &str)] = &[("đầu tư", "xây dựng")];

/// Instruction openers dropped before the subject.
fn opener() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)^(?:[^:]{0,80}?\s(?:yêu cầu|đề nghị|giao|chỉ đạo)\s*:\s*|(?:trân trọng\s+)?(?:giao(?:\s+cho)?|đề nghị|yêu cầu|phân công)\s+)")
            .expect("static opener pattern is valid")
    })
}

/// A leading adverbial clause ("Trên cơ sở ..., ", "Căn cứ ..., ") or
/// topic label ("Đối với công tác giải phóng mặt bằng qua địa bàn xã Đạ
/// Huoai: ").
fn adverbial() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(concat!(
            // "Căn cứ chức năng, nhiệm vụ được giao, …" holds a comma of its own.
            r"(?i)^(?:căn cứ (?:vào )?chức năng,? nhiệm vụ(?:,? quyền hạn)?(?: được giao)?|",
            r"trên cơ sở|căn cứ|sau khi|để|nhằm|đối với|đồng thời|bên cạnh đó|ngoài ra|",
            r"thực hiện (?:chỉ đạo|ý kiến|kế hoạch|công văn|quyết định|nghị quyết|chỉ thị|thông báo|kết luận)|",
            r"trước ngày|trong (?:tháng|quý|năm)|đến (?:hết )?(?:ngày|tháng)|",
            r"quý [IV]{1,3}/[0-9]{4}|tháng [0-9]{1,2}/[0-9]{4})\b[^,:]{0,200}[,:]\s*"
        ))
        .expect("static adverbial pattern is valid")
    })
}

/// Whether a text opens with an instruction ("Giao ...", "Đề nghị ...",
/// "Ban Chỉ đạo yêu cầu: ...").
pub fn has_opener(text: &str) -> bool {
    opener().is_match(text)
}

/// Whether a sentence opens with the body that does its work ("Sở Tài
/// chính tiếp tục thực hiện kết nối …"): a subject, then an action other
/// than helping ("Sở Y tế phối hợp …" names a partner).
pub fn opens_with_subject(text: &str, gazetteer: &Gazetteer) -> bool {
    first_action(text).is_some_and(|a| {
        a > 0 && is_subject(&text[..a], gazetteer) && !text[a..].starts_with("phối hợp")
    })
}

/// The words before a phrase's first action ("Các Bộ, cơ quan Trung ương"
/// of "Các Bộ, cơ quan Trung ương chủ trì Dự án …"), or before the clause
/// about them ("Các địa phương" of "Các địa phương có dự án đi qua").
pub fn before_first_action(text: &str) -> &str {
    let end = first_action(text).unwrap_or(text.len());
    before_clause(&text[..end]).trim_end()
}

/// Where the instruction proper starts: after an opener ("Giao ",
/// "Ban Chỉ đạo yêu cầu: ") and a leading adverbial clause ("Trên cơ sở
/// ..., ", "Trước ngày 15/9, ").
pub fn clause_start(text: &str) -> usize {
    let mut from = opener().find(text).map_or(0, |m| m.end());
    while let Some(m) = adverbial().find(&text[from..]) {
        from += m.end();
    }
    // The issuer asking ("Ủy ban nhân dân Thành phố đề nghị các sở ...").
    if let Some(c) = issuer_asks().captures(&text[from..]) {
        // "Bộ X được yêu cầu ..." names the subject, not an issuer asking.
        let asker = c
            .get(1)
            .map(|s| s.as_str())
            .filter(|s| !s.ends_with("được") && !s.ends_with("cũng"));
        // The asker may be a body or its head ("Chủ tịch Ủy ban nhân dân
        // tỉnh giao Sở ...").
        if asker.is_some_and(|s| is_subject(s, &Gazetteer::default())) {
            from += c.get(0).map_or(0, |m| m.end());
        }
    }
    from
}

/// "<body> đề nghị|yêu cầu|giao " at the start of a clause.
fn issuer_asks() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^(\p{Lu}[^,:;]{2,80}?)\s(?:đề nghị|yêu cầu|giao(?:\s+cho)?)\s+")
            .expect("static issuer pattern is valid")
    })
}

/// Read the units an item's text names.
pub fn read_parties(text: &str, gazetteer: &Gazetteer) -> Parties {
    let mut parties = Parties::default();
    let from = clause_start(text);
    let rest = &text[from..];
    let units =
        |s: &str| split_subject_units(s.trim().trim_end_matches([',', ';', ':']), gazetteer);
    let action = first_action(rest);
    let label = label_colon(rest)
        .filter(|&c| action.is_none_or(|a| c < a) && is_subject(&rest[..c], gazetteer));
    if let Some(colon) = label {
        // "Các bộ, ngành liên quan: Bộ A, Bộ B khẩn trương ..." names the units after the label.
        let after = &rest[colon + 1..];
        let listed = first_action(after)
            .map(|a| &after[..a])
            .filter(|l| !l.trim().is_empty() && is_subject(l, gazetteer));
        parties.lead = units(listed.unwrap_or(&rest[..colon]));
    } else if let Some(a) = action.filter(|&a| {
        // Named by a request ("Đề nghị Ban Tuyên giáo … trong phạm vi chức
        // năng, nhiệm vụ của mình, phối hợp …"), the subject is what comes
        // before the clause about it.
        let subject = if from > 0 {
            before_clause(&rest[..a])
        } else {
            &rest[..a]
        };
        a > 0 && (is_subject(subject, gazetteer) || lists_subjects(subject, gazetteer))
    }) {
        // "Công an tỉnh là cơ quan thường trực, có trách nhiệm ...": the
        // subject ends where a clause about it starts.
        parties.lead = units(before_clause(&rest[..a]));
    } else if let Some(lead) = later_lead(rest, gazetteer) {
        parties.lead = units(lead);
    }
    let mut later = 0;
    if let Some((start, end)) = coordinating_span(rest) {
        parties.coordinating = units(&rest[start..end]);
        let tail = rest[end..].trim_start();
        if tail.starts_with(':') && parties.coordinating.len() + parties.lead.len() > 0 {
            parties.clause_len = from + end + (rest[end..].len() - tail.len()) + 1;
        }
        later = end;
    }
    // Partners named further on: another "phối hợp với" ("...; chủ trì,
    // phối hợp với các sở, ngành đề xuất ...") and units answering for a
    // part of the work in a sentence or clause of their own ("...; Sở Tài
    // chính chịu trách nhiệm thẩm định dự toán").
    let mut more = Vec::new();
    while let Some((start, end)) = coordinating_span(&rest[later..]) {
        more.extend(units(&rest[later + start..later + end]));
        later += end;
    }
    if !parties.lead.is_empty() {
        for clause in rest.split(['.', ';']).skip(1) {
            if let Some(subject) = answering_subject(clause, gazetteer) {
                more.extend(units(subject));
            }
        }
    }
    for unit in more {
        let known = |u: &UnitRef| u.raw.to_lowercase() == unit.raw.to_lowercase();
        if !parties.lead.iter().any(known) && !parties.coordinating.iter().any(known) {
            parties.coordinating.push(unit);
        }
    }
    parties
}

/// The subject of a clause that makes it answer for part of the work
/// ("Sở Tài chính chịu trách nhiệm thẩm định dự toán"); not a decision's
/// closing article ("... chịu trách nhiệm thi hành Quyết định này") nor a
/// body's standing role ("Tổ giúp việc có trách nhiệm giúp Ban Chỉ đạo").
fn answering_subject<'a>(clause: &'a str, gazetteer: &Gazetteer) -> Option<&'a str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^\s*(\S.{2,80}?)\s+chịu\s+trách\s+nhiệm\s+(\S+)")
            .expect("static answering subject pattern is valid")
    });
    let c = re.captures(clause)?;
    let subject = c.get(1)?.as_str();
    (c.get(2)?.as_str() != "thi" && is_subject(subject, gazetteer)).then_some(subject)
}

/// A lead unit named after the action: "(Sở Tư pháp chủ trì, ...)" or
/// "..., giao Sở Nội vụ chủ trì thực hiện".
fn later_lead<'a>(text: &'a str, gazetteer: &Gazetteer) -> Option<&'a str> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?:\(|\bgiao\s+(?:cho\s+)?)([^()]{3,80}?)\s*,?\s+(?:chủ trì|làm đầu mối)")
            .expect("static later lead pattern is valid")
    });
    let c = re.captures(text)?;
    let lead = c.get(1)?.as_str();
    is_subject(lead, gazetteer).then_some(lead)
}

/// Whether a text opens with an action word ("Tiếp tục ...", "Rà soát ...",
/// "Đồng thời, chỉ đạo ...").
pub fn starts_with_action(text: &str) -> bool {
    let mut chars = text[clause_start(text)..].trim_start().chars();
    let lowered: String = chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default();
    is_action_at(&lowered, 0)
}

/// Whether a text holds an action word (lower case, not part of a noun).
pub fn has_action(text: &str) -> bool {
    first_action(text).is_some()
}

/// The byte offset of the first action word (lower case, not a noun).
fn first_action(text: &str) -> Option<usize> {
    word_starts(text)
        .into_iter()
        .find(|&i| is_action_at(text, i))
}

fn word_starts(text: &str) -> Vec<usize> {
    let mut out = vec![0];
    out.extend(
        text.char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8()),
    );
    out
}

fn is_action_at(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let hit = ACTIONS.iter().any(|a| {
        rest.starts_with(a)
            && rest[a.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    if !hit {
        return false;
    }
    if BODIES_OPENING_WITH_AN_ACTION
        .iter()
        .any(|b| rest.starts_with(b) && !rest[b.len()..].starts_with(char::is_alphanumeric))
    {
        return false;
    }
    let before = match_key(&text[..i]);
    if NOUN_COMPOUNDS.iter().any(|(first, second)| {
        rest.starts_with(second) && before.ends_with(&format!(" {}", match_key(first)))
    }) {
        return false;
    }
    let words: Vec<&str> = before.split(' ').collect();
    if let [.., plural, head] = words.as_slice() {
        let plural_words = [match_key("các"), match_key("những")];
        if plural_words.iter().any(|w| w == plural) && ends_with_bare_head(head) {
            // "các ban xây dựng Đảng": a plural head word still needs its name.
            return false;
        }
    }
    // "Tổ giúp việc cần …", "Đoàn công tác phải …": the marker ends a body's name.
    if BODIES_ENDING_IN_A_MARKER
        .iter()
        .any(|b| before.ends_with(&match_key(b)))
    {
        return true;
    }
    !NOUN_MARKERS
        .iter()
        .any(|n| before.ends_with(&format!(" {}", match_key(n))) || before == match_key(n))
}

/// Kinds of bodies whose name opens with an action word ("tổ chức tín
/// dụng"): there the word names the body, not its work.
const BODIES_OPENING_WITH_AN_ACTION: &[&str] = &["tổ chức tín dụng"];

/// Names of bodies that end in a noun marker ([`NOUN_MARKERS`]): an action
/// word after them is the body's action.
const BODIES_ENDING_IN_A_MARKER: &[&str] = &["tổ giúp việc", "tổ công tác", "đoàn công tác"];

/// The longest subject of a sentence, in words.
const MAX_SUBJECT_WORDS: usize = 16;

/// The longest unit a heading may name, in words: a unit with its scope
/// ("1. Nhà đầu tư của 02 dự án đường bộ cao tốc Tân Phú – Bảo Lộc và Bảo
/// Lộc – Liên Khương:"), longer than a sentence's subject.
pub const MAX_HEADING_UNIT_WORDS: usize = 22;

/// Whether a phrase can be the subject of an instruction: a unit, a
/// plural body phrase ("Các chi bộ, đảng bộ trực thuộc") or the head of
/// bodies ("Thủ trưởng các đơn vị thuộc Bộ").
pub fn is_subject(phrase: &str, gazetteer: &Gazetteer) -> bool {
    is_subject_within(phrase, MAX_SUBJECT_WORDS, gazetteer)
}

/// [`is_subject`] for a phrase of at most `max_words` words.
pub fn is_subject_within(phrase: &str, max_words: usize, gazetteer: &Gazetteer) -> bool {
    let phrase = phrase.trim().trim_end_matches([',', ';']);
    let words = phrase.split_whitespace().count();
    (1..=max_words).contains(&words)
        && !starts_with_action(phrase)
        && (looks_like_unit(phrase, gazetteer)
            || heads_bodies(phrase, gazetteer)
            || [
                "các ",
                // "Từng cấp, từng ngành phải …": each body of a kind.
                "từng ",
                "cấp ủy",
                "cấp uỷ",
                "người đứng đầu",
                "thủ trưởng",
                "chủ tịch",
                "giám đốc",
                "bộ trưởng",
                "bí thư",
            ]
            .iter()
            .any(|p| phrase.to_lowercase().starts_with(p)))
}

/// Whether a phrase lists two or more bodies, each a subject of its own
/// ("Thủ trưởng các sở, Trưởng Ban Quản lý … và Chủ tịch UBND các xã",
/// "các sở, ban, ngành, các cơ quan Trung ương …, UBND các xã, phường"):
/// such a list is held to a subject's length body by body, not as a whole.
pub fn lists_subjects(phrase: &str, gazetteer: &Gazetteer) -> bool {
    let units = split_subject_units(phrase.trim().trim_end_matches([',', ';']), gazetteer);
    // A sub-unit named with the bodies it belongs to ("Phòng 5, Cục …, Bộ
    // Công an") is held to a subject's length body by body, as a list is.
    let bodies: Vec<&str> = units.iter().flat_map(|u| nested_parts(&u.raw)).collect();
    bodies.len() >= 2 && bodies.iter().all(|b| is_subject(b, gazetteer))
}

/// Whether a text ends with the units after "phối hợp với" ("Sở Tư pháp
/// chủ trì, phối hợp với các cơ quan, đơn vị"), so that what follows it is
/// the action.
pub fn ends_with_partners(text: &str) -> bool {
    coordinating_span(text).is_some_and(|(_, end)| text[end..].trim().is_empty())
}

/// A subject without the clause about it ([`first_clause_word`]).
fn before_clause(subject: &str) -> &str {
    &subject[..first_clause_word(subject).unwrap_or(subject.len())]
}

/// Where a list of partners gives way to what they do it for or in: a
/// preposition or relative word after the units ("các cơ quan liên quan
/// trong công tác quản lý", "... có giải pháp", "... để", "... nhằm"), but
/// not "có liên quan" ("các sở, ngành có liên quan").
fn first_clause_word(list: &str) -> Option<usize> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        // "nhất là" / "đặc biệt là" single out some of the units
        // named ("Cấp ủy Đảng, chính quyền các cấp nhất là người đứng đầu
        // ở cơ sở"): the list ends before them.
        Regex::new(r"\s(?:nhất là|đặc biệt là|trong|để|nhằm|nơi|là|có)\s")
            .expect("static clause word pattern is valid")
    });
    re.find_iter(list)
        .find(|m| !(m.as_str().trim() == "có" && list[m.end()..].starts_with("liên quan")))
        .map(|m| m.start())
}

/// The first unit list after "phối hợp (với|cùng)" (or "phối với", a slip
/// for "phối hợp với"): up to the next action word or clause punctuation.
fn coordinating_span(text: &str) -> Option<(usize, usize)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)phối (?:hợp (?:chặt chẽ )?((?:với|cùng)\s+)?|(với\s+))")
            .expect("static pattern is valid")
    });
    re.captures_iter(text).find_map(|c| {
        let m = c.get(0)?;
        let after = &text[m.end()..];
        // Without "với", the partners follow only when a body is named
        // ("phối hợp Trung tâm …", not "phối hợp thực hiện", "để phối hợp
        // trong quá trình …").
        if c.get(1).or(c.get(2)).is_none()
            && !starts_with_unit_head(after)
            && !after.starts_with("các ")
        {
            return None;
        }
        let end = [
            first_action(after),
            after.find(['.', ';', '(']),
            label_colon(after),
            first_clause_word(after),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(after.len());
        let list = after[..end].trim_end();
        (!list.is_empty()).then(|| (m.end(), m.end() + list.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[UnitRef]) -> Vec<String> {
        units.iter().map(|u| u.raw.clone()).collect()
    }
    fn read(text: &str) -> Parties {
        read_parties(text, &Gazetteer::builtin())
    }

    #[test]
    fn what_is_drawn_up_opens_the_action() {
        let p = read("Yêu cầu Nhà đầu tư 02 dự án lập hồ sơ điều chỉnh chủ trương đầu tư.");
        assert_eq!(names(&p.lead), ["Nhà đầu tư 02 dự án"]);
        let p = read(concat!(
            "Yêu cầu Sở Xây dựng, các sở, ngành và UBND các xã liên quan xác định trách ",
            "nhiệm, phối hợp với đơn vị tư vấn lập quy hoạch hoàn thiện hồ sơ."
        ));
        assert_eq!(p.lead.len(), 3, "{:?}", names(&p.lead));
        assert_eq!(names(&p.lead)[0], "Sở Xây dựng");
        // A consultant "lập quy hoạch" is the partner's kind, not the work.
        assert!(names(&p.coordinating)
            .iter()
            .any(|n| n.ends_with("tư vấn lập quy hoạch")));
    }

    #[test]
    fn the_basis_of_ones_own_functions_is_no_subject() {
        let p = read(
            "Căn cứ chức năng, nhiệm vụ được giao, Sở Tài chính chủ động giải quyết kịp thời các nội dung.",
        );
        assert_eq!(names(&p.lead), ["Sở Tài chính"]);
        assert!(starts_with_action(
            "Căn cứ chức năng, nhiệm vụ được giao, chủ động giải quyết kịp thời các nội dung."
        ));
    }

    #[test]
    fn each_body_of_a_kind_is_a_subject() {
        let p = read("Từng cấp, từng ngành phải thường xuyên tổ chức công khai thông tin.");
        assert_eq!(names(&p.lead), ["Từng cấp, từng ngành"]);
    }

    #[test]
    fn a_body_named_with_a_noun_marker_acts() {
        let p = read("Các Thành viên của Tổ giúp việc cần chủ động theo dõi, tổng hợp kết quả.");
        assert_eq!(names(&p.lead), ["Các Thành viên của Tổ giúp việc"]);
        let p = read("Đoàn công tác phải báo cáo kết quả.");
        assert_eq!(names(&p.lead), ["Đoàn công tác"]);
        // The marker still makes a noun elsewhere: "việc triển khai".
        assert!(!has_action("việc triển khai"));
    }

    #[test]
    fn partners_named_further_on() {
        let p = read(concat!(
            "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính rà soát kinh phí; ",
            "chủ trì, phối hợp với các sở, ngành đề xuất danh mục đầu tư công. ",
            "Sở Nội vụ chịu trách nhiệm thẩm định biên chế; ",
            "Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này."
        ));
        assert_eq!(names(&p.lead), ["Sở Khoa học và Công nghệ"]);
        assert_eq!(
            names(&p.coordinating),
            ["Sở Tài chính", "các sở, ngành", "Sở Nội vụ"]
        );
        // A topic label before the work ends at its colon, and a "phối hợp"
        // naming no body does not hide the partners named after it.
        let p = read(concat!(
            "Đối với công tác giải phóng mặt bằng qua địa bàn xã Đạ Huoai: Tập trung phối hợp ",
            "với UBND xã Đạ Huoai để xây dựng phương án bồi thường, niêm yết xong."
        ));
        assert_eq!(names(&p.coordinating), ["UBND xã Đạ Huoai"]);
        let p = read(concat!(
            "Xây dựng tiến độ gửi các đơn vị để phối hợp trong quá trình thi công; đồng thời, ",
            "rà soát phương án để phối hợp với Ban Quản lý dự án đầu tư xây dựng số 1 trong công tác vận động."
        ));
        assert_eq!(
            names(&p.coordinating),
            ["Ban Quản lý dự án đầu tư xây dựng số 1"]
        );
        // "hỗ trợ" ends the partners; a consultant named by its kind after
        // a colon's list of communes is a partner of its own.
        let p = read(concat!(
            "Các sở, ban, ngành liên quan có trách nhiệm phối hợp với UBND các xã: Đức Trọng, ",
            "Hiệp Thạnh, Đinh Văn Lâm Hà và đơn vị tư vấn lập quy hoạch, hỗ trợ cung cấp thông tin."
        ));
        assert_eq!(
            names(&p.coordinating),
            [
                "UBND các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà",
                "đơn vị tư vấn lập quy hoạch"
            ]
        );
        // Without a lead, a later clause names no partner.
        let p = read("Quyết định có hiệu lực. Bộ trưởng Bộ Tài chính chịu trách nhiệm hướng dẫn.");
        assert!(p.coordinating.is_empty(), "{:?}", names(&p.coordinating));
    }

    #[test]
    fn subject_and_coordination() {
        let p = read("Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Công an tỉnh hoàn thiện Kiến trúc.");
        assert_eq!(names(&p.lead), ["Sở Khoa học và Công nghệ"]);
        assert_eq!(names(&p.coordinating), ["Sở Tài chính", "Công an tỉnh"]);
        let p = read("Chính phủ chỉ đạo các cơ quan khẩn trương hoàn thành.");
        assert_eq!(names(&p.lead), ["Chính phủ"]);
        let p =
            read("Khẩn trương, phối hợp Trung tâm Phát triển quỹ đất tỉnh tập trung xét pháp lý.");
        assert_eq!(
            names(&p.coordinating),
            ["Trung tâm Phát triển quỹ đất tỉnh"]
        );
        assert_eq!(
            read("Chủ động phối hợp thực hiện các nhiệm vụ.").coordinating,
            []
        );
        let p = read("Công an tỉnh là cơ quan thường trực, có trách nhiệm quản lý chương trình.");
        assert_eq!(names(&p.lead), ["Công an tỉnh"]);
        let p = read("Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì theo dõi.");
        assert_eq!(names(&p.lead), ["Ban Quản lý dự án đầu tư xây dựng số 1"]);
        let p = read("Phối hợp với Ban Tổ chức Trung ương nghiên cứu bổ sung các tính năng mới.");
        assert!(p.lead.is_empty());
        assert_eq!(names(&p.coordinating), ["Ban Tổ chức Trung ương"]);
        let p = read("Tiếp tục quan tâm lãnh đạo, chỉ đạo sâu sát công tác chuyển đổi số.");
        assert_eq!(p, Parties::default());
    }

    #[test]
    fn partners_end_where_their_purpose_starts() {
        let p = read("Sở Giáo dục và Đào tạo chủ trì, phối hợp với các cơ quan liên quan có giải pháp giáo dục học sinh.");
        assert_eq!(names(&p.coordinating), ["các cơ quan liên quan"]);
        let p = read("Sở Công Thương phối hợp với địa phương trong công tác kiểm tra việc quản lý tiền chất.");
        assert_eq!(names(&p.coordinating), ["địa phương"]);
        let p = read("Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành có liên quan rà soát.");
        assert_eq!(names(&p.coordinating), ["các sở, ngành có liên quan"]);
        // "phối với", a slip for "phối hợp với".
        let p = read(
            "Giao Sở Khoa học và Công nghệ chủ trì, phối với Công an tỉnh triển khai thực hiện.",
        );
        assert_eq!(names(&p.coordinating), ["Công an tỉnh"]);
        let p = read(
            "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì tham mưu bố trí kinh phí.",
        );
        assert_eq!(names(&p.lead), ["Sở Tài chính"]);
    }

    #[test]
    fn labels_and_clauses() {
        let p = read("Các bộ, ngành liên quan: Bộ Khoa học và Công nghệ, Bộ Tài chính, Kiểm toán Nhà nước khẩn trương rà soát.");
        assert_eq!(
            names(&p.lead),
            [
                "Bộ Khoa học và Công nghệ",
                "Bộ Tài chính",
                "Kiểm toán Nhà nước"
            ]
        );
        let text = "Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan liên quan: (1) Giải quyết.";
        let p = read(text);
        assert_eq!(names(&p.lead), ["Văn phòng Trung ương Đảng"]);
        assert_eq!(names(&p.coordinating), ["các cơ quan liên quan"]);
        assert_eq!(text[p.clause_len..].trim(), "(1) Giải quyết.");
        let p = read("Rà soát văn bản quy phạm pháp luật (Sở Tư pháp chủ trì, phối hợp với Công an tỉnh; quý II/2026).");
        assert_eq!(names(&p.lead), ["Sở Tư pháp"]);
        assert_eq!(names(&p.coordinating), ["Công an tỉnh"]);
        let p =
            read("Trước ngày 15/9, Bộ Tài chính được yêu cầu hoàn thành việc xây dựng hướng dẫn.");
        assert_eq!(names(&p.lead), ["Bộ Tài chính"]);
        let p = read("Ủy ban nhân dân Thành phố đề nghị các sở, ban, ngành khẩn trương rà soát.");
        assert_eq!(names(&p.lead), ["các sở, ban, ngành"]);
        let p = read("Trên cơ sở Khung kiến trúc được cập nhật, Văn phòng Trung ương Đảng rà soát, cập nhật Kiến trúc.");
        assert_eq!(names(&p.lead), ["Văn phòng Trung ương Đảng"]);
    }
}
