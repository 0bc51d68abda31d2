//! One item's text: its deadline sentences ("Hoàn thành trong tháng
//! 5/2026.", "Nhiệm vụ thường xuyên."), the sub-tasks it lists with their
//! own deadlines ("(1) ... (2) ... Hoàn thành trước ngày 30/4/2026. (3) ...
//! Hoàn thành trước ngày 30/6/2026."), and the documents it cites as the
//! source of the task.

use super::parties::{
    clause_start, ends_with_partners, has_action, has_opener, is_subject, opens_with_subject,
    starts_with_action,
};
use crate::extract::deadline::{parse_deadline, ParsedDeadline};
use crate::extract::docref::find_document_refs;
use crate::extract::units::{starts_with_unit_head, Gazetteer};
use crate::model::{DeadlineKind, DocumentRef};
use crate::normalize::fold_spaces;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A task found in an item's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// The number suffix of a sub-task ("1" for "(1)"), `None` for the whole item.
    pub label: Option<String>,
    /// The task's text without deadline sentences.
    pub name: String,
    /// Its deadline, if the text states one.
    pub deadline: Option<ParsedDeadline>,
}

/// An item's text split into an introduction and its tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Text before the first sub-task (empty when the item is one task).
    pub intro: String,
    /// One piece for the whole item, or one per sub-task.
    pub pieces: Vec<Piece>,
}

/// Remove markdown emphasis, the closing `./.` and extra spaces.
pub fn clean_text(text: &str) -> String {
    let text = text.replace('*', "");
    let text = fold_spaces(&text);
    match text.strip_suffix("./.") {
        Some(t) => format!("{}.", t.trim_end()),
        None => text,
    }
}

/// Sentence and clause ranges: cut after `.` or `;` followed by a space.
fn clauses(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | ';') && bytes.get(i + 1) == Some(&b' ') {
            out.push(start..i + 1);
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Parenthesized asides ("(hoàn thành trước ngày 20/9/2025)"), brackets included.
fn parentheses(text: &str) -> Vec<Range<usize>> {
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let re = PAREN
        .get_or_init(|| Regex::new(r"\([^()]{3,80}\)").expect("static paren pattern is valid"));
    re.find_iter(text).map(|m| m.range()).collect()
}

/// Whether a parenthesis glosses the quoted name before it ("“Tháng hành
/// động phòng, chống ma túy” (tháng 6 hằng năm)"): it says when the named
/// event is, not when the task is due.
fn glosses_a_name(text: &str, paren: &Range<usize>) -> bool {
    text[..paren.start].trim_end().ends_with(['”', '"'])
}

/// A deadline phrase opening the text ("Trước ngày 15/9, Bộ ...", "Quý
/// I/2027, các cơ quan ..."), or the event the task waits for ("Sau khi
/// Ủy ban nhân dân tỉnh ban hành quyết định ..., Văn phòng ... có trách
/// nhiệm ...": a relative deadline).
fn leading_deadline(text: &str, default_year: Option<i32>) -> Option<ParsedDeadline> {
    static LEADING: OnceLock<Regex> = OnceLock::new();
    let re = LEADING.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)^((?:trước|trong|đến hết|chậm nhất)\s+(?:ngày|tháng|quý|năm)\s+[^,]{1,20}|",
            r"quý\s+[IV]{1,3}/[0-9]{4}|tháng\s+[0-9]{1,2}/[0-9]{4}|",
            r"(?:ngay\s+)?sau\s+khi\s+[^,;.]{3,200}),"
        ))
        .expect("static leading deadline pattern is valid")
    });
    let c = re.captures(text)?;
    parse_deadline(&c[1], default_year).filter(|p| p.deadline.kind != DeadlineKind::Other)
}

/// The recurrence of the item's action ("định kỳ hằng quý báo cáo ...",
/// "Định kỳ trước 16 giờ ngày thứ Sáu hằng tuần, báo cáo ..."): a phrase
/// with "định kỳ" first; else a bare "hằng năm" that does not name the kind
/// of a plan, roadmap or budget ("kế hoạch cải cách hành chính hằng năm",
/// "lộ trình thực hiện hằng năm", "dự toán ngân sách hằng năm" recur as
/// documents, not as the task); else a bare
/// "định kỳ".
fn recurring_phrase(text: &str) -> Option<ParsedDeadline> {
    static PERIODIC: OnceLock<Regex> = OnceLock::new();
    static BARE: OnceLock<Regex> = OnceLock::new();
    static PLAN: OnceLock<Regex> = OnceLock::new();
    let periodic = PERIODIC.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)định kỳ(?:\s+trước\s+[^,;.()]{1,40}?)?\s+(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)\b",
            // The time of each period may follow: "định kỳ hằng tuần trước
            // 16 giờ ngày thứ Sáu", "định kỳ hằng tháng trước ngày 20".
            r"(?:\s+trước\s+(?:\d{1,2}\s*giờ(?:\s*\d{1,2})?\s+)?ngày\s+(?:thứ\s+\p{L}+|\d{1,2})\b)?",
            r"|định kỳ\s+\d+\s+(?:tháng|năm|tuần)\s*(?:/|một)\s*lần"
        ))
        .expect("static recurrence pattern is valid")
    });
    let bare = BARE.get_or_init(|| {
        Regex::new(r"(?i)(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần|học kỳ)\b|\bđịnh kỳ\b")
            .expect("static bare recurrence pattern is valid")
    });
    let plan = PLAN.get_or_init(|| {
        Regex::new(r"(?i)\b(?:kế hoạch|lộ trình|dự toán|ngân sách|vốn|đầu tư công)\b")
            .expect("static plan pattern is valid")
    });
    if let Some(m) = periodic.find(text) {
        return parse_deadline(m.as_str(), None);
    }
    let names_a_plan = |at: usize| {
        let mut clause_start = text[..at].rfind([',', ';', '.']).map_or(0, |i| i + 1);
        if text[clause_start..at].trim().is_empty() {
            // Right after a comma it qualifies the same noun as the word
            // before ("đầu tư công trung hạn, hằng năm").
            clause_start = text[..at].rfind([';', '.']).map_or(0, |i| i + 1);
        }
        plan.is_match(&text[clause_start..at])
    };
    // A parenthesis describes a noun ("(lồng ghép trong báo cáo … định kỳ
    // và năm của tỉnh)"), not how often the task recurs.
    let asides = parentheses(text);
    let aside = |at: usize| asides.iter().any(|r| r.contains(&at));
    let mut found = bare
        .find_iter(text)
        .filter(|m| !names_a_plan(m.start()) && !aside(m.start()));
    let phrase = found.next()?;
    if phrase.as_str().to_lowercase().starts_with("định kỳ") {
        // Bare "định kỳ" only where no "hằng ..." follows.
        if let Some(m) = found.find(|m| !m.as_str().to_lowercase().starts_with("định kỳ")) {
            return parse_deadline(m.as_str(), None);
        }
    }
    parse_deadline(phrase.as_str(), None)
}

/// A recurring deadline with the start the item states ("hằng tháng ...,
/// bắt đầu thực hiện từ tháng 01/2026", "kể từ ngày 01/7/2026"): the
/// period's first day becomes the deadline's start.
fn started(mut parsed: ParsedDeadline, text: &str) -> ParsedDeadline {
    static FROM: OnceLock<Regex> = OnceLock::new();
    let re = FROM.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:bắt đầu(?:\s+thực hiện)?\s+từ|kể từ)\s+(",
            r"(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|tháng\s+\d{1,2}\s*/\s*\d{4}",
            r"|quý\s+[IV]{1,3}\s*/\s*\d{4}|năm\s+\d{4})"
        ))
        .expect("static recurrence start pattern is valid")
    });
    if parsed.deadline.start.is_none() {
        parsed.deadline.start = re
            .captures(text)
            .and_then(|c| parse_deadline(&c[1], None))
            .and_then(|p| p.deadline.start);
    }
    parsed
}

/// "Thường xuyên" as the adverb of the item's action: opening a sentence
/// ("Thường xuyên theo dõi ..."), or right after the units that do it
/// ("Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan thường xuyên tổ
/// chức ...", "Từng cấp, từng ngành phải thường xuyên ..."). Describing a
/// manner ("thực hiện quyết liệt, thường xuyên, liên tục") is no deadline,
/// nor is the adverb of one clause after clauses of other work ("Đẩy mạnh
/// tuyên truyền …; thường xuyên đổi mới các loại hình …").
fn ongoing_adverb(text: &str) -> Option<ParsedDeadline> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)\b(thường xuyên)\s+\p{Ll}").expect("static ongoing pattern is valid")
    });
    let gazetteer = Gazetteer::default();
    re.captures_iter(text).find_map(|c| {
        let adverb = c.get(1)?;
        let sentence_start = text[..adverb.start()]
            .rfind(['.', ';', ':'])
            .map_or(0, |i| i + 1);
        let clauses_before = &text[..sentence_start];
        let in_sentence = clauses_before.rfind('.').map_or(0, |i| i + 1);
        if clauses_before.ends_with(';') && has_action(&clauses_before[in_sentence..]) {
            // "…; thường xuyên đổi mới …" after clauses of other work
            // qualifies its own clause, not the item.
            return None;
        }
        let before = text[sentence_start..adverb.start()].trim();
        let after_units = || {
            before.ends_with(" phải")
                || ends_with_partners(before)
                || is_subject(&before[clause_start(before)..], &gazetteer)
        };
        if before.is_empty() || after_units() {
            parse_deadline(adverb.as_str(), None)
        } else {
            None
        }
    })
}

/// Whether a clause is a deadline sentence, and its parse.
/// The most words of a deadline sentence's time ([`deadline_clause`]).
const DEADLINE_SENTENCE_WORDS: usize = 16;

fn deadline_clause(clause: &str, default_year: Option<i32>) -> Option<ParsedDeadline> {
    static LEAD: OnceLock<Regex> = OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)^(?:thời hạn(?: hoàn thành)?|thời gian(?: hoàn thành| thực hiện)?|hoàn thành|xong|",
            r"(?:nhiệm vụ|thực hiện|thời gian thực hiện) thường xuyên|thường xuyên|trước ngày|",
            r"(?:ngay )?trong (?:tháng|quý|năm)|(?:tháng|quý|năm) [\divx]+|chậm nhất)\b"
        ))
        .expect("static deadline lead pattern is valid")
    });
    let clause = clause
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(['.', ';', ')'])
        .trim();
    // A sentence that merely starts with a date ("Trong tháng 11, Bộ X ...")
    // is compound: not a deadline sentence. Its length is the time's, once
    // an object restating the work is set aside ("Hoàn thành toàn bộ công
    // việc phê duyệt phương án bồi thường … trước ngày 20/5/2026").
    let phrase = time_phrase(clause);
    if !lead.is_match(clause) || phrase.split_whitespace().count() > DEADLINE_SENTENCE_WORDS {
        return None;
    }
    parse_deadline(phrase, default_year)
        .filter(|p| p.deadline.kind != DeadlineKind::Other && p.note.is_none())
}

/// The time a deadline sentence states, without the verb and its object
/// before it ("Hoàn thành trước ngày 20/12/2025" → "trước ngày 20/12/2025",
/// "Hoàn thành việc phê duyệt trong tháng 4/2026" → "trong tháng 4/2026",
/// "Thời gian hoàn thành trước ngày 30/11/2025" → "trước ngày 30/11/2025").
fn time_phrase(clause: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^(?:thời (?:gian|hạn) )?(?:hoàn thành|xong)\b([^,;]{0,80}?)\s((?:trước|trong|chậm nhất|đến|vào|ngay)\s.*)$")
            .expect("static time phrase pattern is valid")
    });
    // The object only restates the work ("việc phê duyệt"); another action
    // ("kiểm tra và báo cáo kết quả") is work of its own, not a deadline.
    re.captures(clause)
        .filter(|c| !has_action(&c[1]))
        .and_then(|c| c.get(2))
        .map_or(clause, |m| m.as_str())
}

/// Whether a text's last sentence is a deadline sentence.
pub fn ends_with_deadline(text: &str) -> bool {
    let text = clean_text(text);
    clauses(&text)
        .last()
        .is_some_and(|r| deadline_clause(&text[r.clone()], None).is_some())
}

/// The time limit a heading sets for the work under it ("NHỮNG NHIỆM VỤ
/// CẦN TRIỂN KHAI NGAY TRONG THÁNG 12/2025"): a heading about tasks or
/// their carrying out with "trong/trước/chậm nhất" and a month, quarter or
/// date. A year alone ("NHIỆM VỤ … NĂM 2026") scopes the plan, it sets no
/// limit.
pub fn heading_deadline(title: &str, default_year: Option<i32>) -> Option<ParsedDeadline> {
    static LIMIT: OnceLock<Regex> = OnceLock::new();
    static WORK: OnceLock<Regex> = OnceLock::new();
    let limit = LIMIT.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b((?:trong|trước|chậm nhất)\s+(?:ngày\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?",
            r"|tháng\s+\d{1,2}\s*/\s*\d{4}|quý\s+[IV]{1,3}\s*/\s*\d{4}))"
        ))
        .expect("static heading limit pattern is valid")
    });
    let work = WORK.get_or_init(|| {
        Regex::new(r"(?i)\b(?:nhiệm vụ|triển khai|thực hiện|hoàn thành|giải pháp)\b")
            .expect("static heading work pattern is valid")
    });
    if !work.is_match(title) {
        return None;
    }
    let c = limit.captures(title)?;
    parse_deadline(&c[1], default_year).filter(|p| p.deadline.kind != DeadlineKind::Other)
}

/// A deadline phrase closing a sentence ("... ban hành trước ngày 30/4/2026.").
fn inline_deadline(text: &str, default_year: Option<i32>) -> Option<ParsedDeadline> {
    static INLINE: OnceLock<Regex> = OnceLock::new();
    let re = INLINE.get_or_init(|| {
        Regex::new(concat!(
            // "từ" closing the work gives its start: "… tổ chức thanh tra,
            // kiểm tra từ tháng 01/2026."
            r"(?i)(?:(?:ngay\s+)?hoàn thành\s+)?((?:ngay\s+)?(?:trước|trong|chậm nhất(?:\s+là)?|đến hết|từ)\s+",
            // A time of day may stand before the date: "trước 14 giờ, ngày 08 tháng 10 năm 2025".
            r"(?:\d{1,2}\s*giờ(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s+)?",
            r"(?:(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?",
            r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?",
            // A month, or months listed: "trong tháng 11, tháng 12 năm 2025".
            r"|tháng\s+\d{1,2}(?:\s*(?:,|và|-|–|đến)\s*(?:tháng\s+)?\d{1,2})?(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
            r"|quý\s+[IV1-4]+(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?|năm\s+\d{4})",
            // A time the task's own rules set: "... theo thời gian quy định."
            r"|(?:theo|đúng)\s+thời\s+(?:gian|hạn)\s+(?:quy định|yêu cầu)",
            // The meeting the document convenes: "Gửi tài liệu ... trước Hội nghị."
            r"|trước\s+(?:hội nghị|kỳ họp|phiên họp|cuộc họp|buổi làm việc))",
            // A purpose may follow the deadline: "... trước ngày 24/4/2026 để tổng hợp."
            r"(?:\s*,?\s+(?:để|nhằm)\s[^.;]*)?\)?\s*[.;]?$"
        ))
        .expect("static inline deadline pattern is valid")
    });
    // A target set inside a clause: "yêu cầu đến 30/5/2026 phải bàn giao ...",
    // "phấn đấu đến ngày 30/6/2026 hoàn thành 80% ...", "lộ trình ... đảm
    // bảo đến năm 2030, ít nhất 50% xã ...".
    static TARGET: OnceLock<Regex> = OnceLock::new();
    let target = TARGET.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:phấn đấu|yêu cầu|phải|bảo đảm|đảm bảo)\s+",
            r"(đến\s+(?:(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|năm\s+\d{4}))\b"
        ))
        .expect("static target deadline pattern is valid")
    });
    let parse = |phrase: &str| {
        parse_deadline(phrase, default_year).filter(|p| p.deadline.kind != DeadlineKind::Other)
    };
    clauses(text)
        .into_iter()
        .rev()
        .map(|r| text[r].trim())
        .filter(|clause| !ends_a_detail(clause))
        .find_map(|clause| {
            re.captures(clause)
                .filter(|c| !in_purpose_of_another(clause, c.get(0).map_or(0, |m| m.start())))
                .and_then(|c| parse(&c[1]))
        })
        .or_else(|| target.captures_iter(text).last().and_then(|c| parse(&c[1])))
}

/// Whether the deadline phrase at byte `at` of a clause sits in a purpose
/// clause ("để …") whose subject is another body ("… để đảm bảo thời gian
/// UBND Phường 2 Bảo Lộc hoàn thành việc phê duyệt … trong tháng 4/2026"):
/// the time is when that body acts, not when the task is due. The body is
/// the subject when it opens the purpose, after "(đảm bảo / kịp) thời
/// gian" or "cho" at most; a body later in it is an object ("để … trình
/// UBND xã phê duyệt trước ngày 10/5/2026" keeps its deadline).
fn in_purpose_of_another(clause: &str, at: usize) -> bool {
    const LEADS: [&str; 7] = ["đảm", "bảo", "kịp", "thời", "gian", "cho", "tạo"];
    let Some(purpose) = clause[..at].rfind(" để ") else {
        return false;
    };
    let mut rest = &clause[purpose + " để ".len()..at];
    while let Some((word, tail)) = rest.split_once(' ') {
        if !LEADS.contains(&word) {
            break;
        }
        rest = tail;
    }
    rest.starts_with(char::is_uppercase) && starts_with_unit_head(rest)
}

/// Whether a clause ends in a detail of the work opened by "trong đó"
/// ("…, trong đó lưu ý các vị trí triển khai thi công trong tháng
/// 4/2026"): a time there says when that part happens (the construction
/// sites of April), not when the task is due.
fn ends_a_detail(clause: &str) -> bool {
    clause.contains(", trong đó ")
}

/// Where the work starts in an item that opens by reporting how things
/// stand ("Đến nay, 13/14 sở, ban, ngành đã đề xuất …; tuy nhiên, tiến độ
/// còn chậm. Giao Sở Khoa học và Công nghệ chủ trì …") or why: the first later
/// sentence opening with an instruction ("Giao …", "Đề nghị …", "Yêu cầu
/// …"). The report is the reason for the task, not the task.
pub fn after_status_report(text: &str) -> Option<usize> {
    static STATUS: OnceLock<Regex> = OnceLock::new();
    let status = STATUS.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)^(?:đến nay|hiện nay|thời gian qua|trong thời gian qua|",
            r"qua (?:kiểm tra|rà soát|theo dõi|báo cáo)|tuy nhiên)\b"
        ))
        .expect("static status report pattern is valid")
    });
    // A reason given first ("Do nguồn vốn năm 2006 hạn hẹp, Bộ … không
    // còn nguồn vốn … Đề nghị Bộ Tài chính …") reports how things stand
    // too; "Do đó, …" / "Vì vậy, …" concludes.
    let lower = text.to_lowercase();
    let reason = ["do ", "vì "].iter().any(|w| lower.starts_with(w))
        && !["do đó", "vì vậy", "vì thế"]
            .iter()
            .any(|w| lower.starts_with(w));
    if !status.is_match(text) && !reason {
        return None;
    }
    text.match_indices(". ")
        .map(|(i, m)| i + m.len())
        .find(|&start| has_opener(&text[start..]))
}

/// Split an item's text into its tasks.
pub fn split_item(text: &str, default_year: Option<i32>) -> Split {
    let mut text = clean_text(text);
    if let Some(start) = after_status_report(&text) {
        text = text[start..].to_string();
    }
    let mut deadlines: Vec<(Range<usize>, ParsedDeadline)> = clauses(&text)
        .into_iter()
        .chain(
            parentheses(&text)
                .into_iter()
                .filter(|r| !glosses_a_name(&text, r)),
        )
        .filter_map(|r| deadline_clause(&text[r.clone()], default_year).map(|d| (r, d)))
        .collect();
    deadlines.sort_by_key(|(r, _)| r.start);
    let mut end = 0;
    deadlines.retain(|(r, _)| {
        let keep = r.start >= end;
        end = end.max(r.end);
        keep
    });
    if deadlines.len() >= 2 {
        if let Some(split) =
            split_enumerated(&text, &deadlines).or_else(|| split_sentences(&text, &deadlines))
        {
            return split;
        }
    }
    if let Some(split) = split_instructions(&text, default_year) {
        return split;
    }
    let name = without(&text, deadlines.iter().map(|(r, _)| r.clone()));
    let deadline = deadlines
        .into_iter()
        .map(|(_, d)| d)
        .next_back()
        .or_else(|| {
            // A start closing the work ("… từ tháng 01/2026") is when a
            // recurrence begins where the item has one.
            inline_deadline(&text, default_year).filter(|d| {
                !d.deadline.raw.to_lowercase().starts_with("từ")
                    || recurring_phrase(&text).is_none()
            })
        })
        .or_else(|| leading_deadline(&text, default_year))
        .or_else(|| recurring_phrase(&text).map(|d| started(d, &text)))
        .or_else(|| ongoing_adverb(&text));
    Split {
        intro: String::new(),
        pieces: vec![Piece {
            label: None,
            name,
            deadline,
        }],
    }
}

/// Sub-tasks marked "(1)", "(2)" or "(i)", "(ii)", each taking the first
/// deadline sentence after it; `None` unless every deadline follows one.
fn split_enumerated(text: &str, deadlines: &[(Range<usize>, ParsedDeadline)]) -> Option<Split> {
    static ENUM: OnceLock<Regex> = OnceLock::new();
    let re = ENUM.get_or_init(|| {
        Regex::new(r"\((\d{1,2}|[ivx]{1,4})\)\s").expect("static enumerator pattern is valid")
    });
    let marks: Vec<(usize, usize, String)> = re
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((m.start(), m.end(), c[1].to_string()))
        })
        .filter(|(s, _, _)| !deadlines.iter().any(|(r, _)| r.contains(s)))
        .collect();
    let first = marks.first()?.0;
    if deadlines.iter().any(|(r, _)| r.start < first) {
        return None;
    }
    let mut pieces = Vec::new();
    for (k, (_, body_start, label)) in marks.iter().enumerate() {
        let next_mark = marks.get(k + 1).map_or(text.len(), |m| m.0);
        let next_deadline = deadlines.iter().find(|(r, _)| r.start >= *body_start);
        let end = next_deadline.map_or(next_mark, |(r, _)| r.start.min(next_mark));
        pieces.push(Piece {
            label: Some(label.clone()),
            name: tidy(&text[*body_start..end]),
            deadline: next_deadline.map(|(_, d)| d.clone()),
        });
    }
    Some(Split {
        intro: tidy(&text[..first]),
        pieces,
    })
}

/// Two or more sentences that each instruct a body ("Giao Sở A chủ trì
/// ... Giao Sở B ..."): one task per sentence and what follows it.
fn split_instructions(text: &str, default_year: Option<i32>) -> Option<Split> {
    let bytes = text.as_bytes();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.char_indices()
                .filter(|&(i, c)| matches!(c, '.' | ':') && bytes.get(i + 1) == Some(&b' '))
                .map(|(i, _)| i + 2),
        )
        .filter(|&s| s < text.len() && has_opener(&text[s..]))
        .collect();
    let starts = if starts.len() < 2 {
        own_subject_sentences(text)?
    } else {
        starts
    };
    let mut pieces = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        let inner = split_item(&text[start..end], default_year);
        for piece in inner.pieces {
            let label = match piece.label {
                Some(sub) => format!("{}.{sub}", k + 1),
                None => (k + 1).to_string(),
            };
            pieces.push(Piece {
                label: Some(label),
                ..piece
            });
        }
    }
    Some(Split {
        intro: tidy(&text[..starts[0]]),
        pieces,
    })
}

/// The starts of an item's sentences where a later one names the body
/// that does it and the first names none ("Thực hiện nhập đầy đủ hồ sơ …
/// . Sở Tài chính tiếp tục thực hiện kết nối …"): the work of all, then
/// that body's. `None` when no later sentence opens with its own body.
fn own_subject_sentences(text: &str) -> Option<Vec<usize>> {
    let gazetteer = Gazetteer::default();
    if has_opener(text) || opens_with_subject(text, &gazetteer) || !starts_with_action(text) {
        return None;
    }
    let later: Vec<usize> = text
        .match_indices(". ")
        .map(|(i, m)| i + m.len())
        .filter(|&s| s < text.len() && opens_with_subject(&text[s..], &gazetteer))
        .collect();
    (!later.is_empty()).then(|| std::iter::once(0).chain(later).collect())
}

/// Sentences grouped up to each deadline sentence.
fn split_sentences(text: &str, deadlines: &[(Range<usize>, ParsedDeadline)]) -> Option<Split> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut start = 0;
    for (k, (r, d)) in deadlines.iter().enumerate() {
        let name = tidy(&text[start..r.start]);
        if name.is_empty() {
            return None;
        }
        pieces.push(Piece {
            label: Some((k + 1).to_string()),
            name,
            deadline: Some(d.clone()),
        });
        start = r.end;
    }
    let rest = tidy(&text[start.min(text.len())..]);
    if let (false, Some(last)) = (rest.is_empty(), pieces.last_mut()) {
        last.name = format!("{}. {rest}", last.name);
    }
    Some(Split {
        intro: String::new(),
        pieces,
    })
}

/// The text without some byte ranges.
fn without(text: &str, cut: impl Iterator<Item = Range<usize>>) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in cut {
        out.push_str(&text[at..r.start]);
        out.push(' ');
        at = r.end;
    }
    out.push_str(&text[at..]);
    tidy(&out)
}

/// Trim spaces and closing punctuation.
fn tidy(text: &str) -> String {
    fold_spaces(text)
        .trim_start_matches([';', ',', ' '])
        .trim_end_matches(['.', ';', ',', ' ', ':'])
        .trim()
        .to_string()
}

/// Documents the text cites as the source of the task ("nhiệm vụ giao
/// tại Kế hoạch số ...", "được giao tại ...", "theo nhiệm vụ ... tại ...",
/// "chỉ đạo của Văn phòng Chính phủ tại ...", "theo đề nghị của Bộ Công an tại ...").
pub fn cited_documents(text: &str) -> Vec<DocumentRef> {
    static SOURCE: OnceLock<Regex> = OnceLock::new();
    let re = SOURCE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(?:giao\s+(?:tại|theo)|nhiệm vụ\s+tại|theo nhiệm vụ|",
            // "thực hiện nội dung chỉ đạo của Văn phòng Chính phủ tại Công
            // văn số …", "theo đề nghị của Bộ Công an tại Công văn số …"
            r"(?:chỉ đạo|đề nghị|yêu cầu)(?:\s+của\s+[^.;,()]{1,60}?)?\s+tại)\s"
        ))
        .expect("static source pattern is valid")
    });
    let text = clean_text(text);
    let mut refs: Vec<DocumentRef> = Vec::new();
    for m in re.find_iter(&text) {
        let rest = &text[m.end()..];
        let end = sentence_end(rest);
        for r in find_document_refs(&rest[..end]) {
            if !refs.iter().any(|x| x.number == r.number) {
                refs.push(r);
            }
        }
    }
    refs
}

/// The end of the sentence that starts a text: a `.` followed by a space
/// (or the end) outside parentheses, or a `)` closing one opened before.
fn sentence_end(text: &str) -> usize {
    let mut depth: i32 = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return i,
            ')' => depth -= 1,
            '.' if depth == 0 && bytes.get(i + 1).is_none_or(|b| *b == b' ') => return i,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(p: &Piece) -> Option<String> {
        p.deadline.as_ref().and_then(|d| d.deadline.due.clone())
    }

    fn raw(text: &str) -> Option<String> {
        let split = split_item(text, Some(2026));
        split.pieces[0]
            .deadline
            .as_ref()
            .map(|d| d.deadline.raw.clone())
    }

    #[test]
    fn a_closing_sentence_restating_the_work_is_the_deadline() {
        let s = split_item(
            "Phê duyệt 114 hồ sơ bổ sung. Hoàn thành việc phê duyệt trong tháng 4/2026.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].name, "Phê duyệt 114 hồ sơ bổ sung");
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-04-30"));
        let s = split_item(
            "Cấu hình biểu mẫu điện tử. Thời gian hoàn thành trước ngày 30/11/2025.",
            Some(2025),
        );
        assert_eq!(s.pieces[0].name, "Cấu hình biểu mẫu điện tử");
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2025-11-30"));
        // A long object restating the work is still no work of its own.
        let s = split_item(
            "Tổ chức kiểm đếm các hộ còn lại. Hoàn thành toàn bộ công việc phê duyệt phương án \
             bồi thường giải phóng mặt bằng trước ngày 20/5/2026.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].name, "Tổ chức kiểm đếm các hộ còn lại");
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-05-20"));
        // More work in the sentence keeps it in the name.
        let s = split_item(
            "Tập trung thực hiện kế hoạch. Hoàn thành kiểm tra và báo cáo kết quả trước ngày 25/12/2025.",
            Some(2025),
        );
        assert!(s.pieces[0]
            .name
            .ends_with("báo cáo kết quả trước ngày 25/12/2025"));
        assert_eq!(
            raw("Giải phóng mặt bằng, yêu cầu đến 30/5/2026 phải bàn giao toàn bộ mặt bằng.")
                .as_deref(),
            Some("đến 30/5/2026")
        );
        assert_eq!(
            raw("Hoàn thiện hồ sơ gửi Sở Xây dựng trước ngày 24/4/2026 để tổng hợp, thẩm định.")
                .as_deref(),
            Some("trước ngày 24/4/2026")
        );
    }

    #[test]
    fn a_recurrence_starts_where_the_item_says() {
        let s = split_item(
            "Tự đánh giá chỉ số cải cách hành chính hằng tháng của tỉnh, bắt đầu thực hiện từ tháng 01/2026",
            Some(2025),
        );
        let d = s.pieces[0].deadline.as_ref().map(|d| &d.deadline);
        assert_eq!(d.map(|d| d.raw.as_str()), Some("hằng tháng"));
        assert_eq!(d.and_then(|d| d.start.as_deref()), Some("2026-01-01"));
        assert_eq!(d.and_then(|d| d.recurrence.as_deref()), Some("P1M"));
        // Without a stated start there is none.
        let s = split_item("Hằng quý báo cáo kết quả thực hiện", Some(2025));
        let d = s.pieces[0].deadline.as_ref().map(|d| &d.deadline);
        assert_eq!(d.and_then(|d| d.start.as_deref()), None);
    }

    #[test]
    fn the_time_of_the_action_not_of_its_objects() {
        assert_eq!(
            raw("Ban hành quyết định. Hoàn thành trước ngày 20/12/2025.").as_deref(),
            Some("trước ngày 20/12/2025")
        );
        assert_eq!(
            raw("Thường xuyên theo dõi, đôn đốc việc thực hiện.").as_deref(),
            Some("Thường xuyên")
        );
        assert_eq!(
            raw("Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị thường xuyên tổ chức rà soát văn bản.").as_deref(),
            Some("thường xuyên")
        );
        assert_eq!(
            raw("Phải thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả phòng và chống."),
            None
        );
        assert_eq!(
            raw("Căn cứ kế hoạch cải cách hành chính hằng năm của cơ quan, định kỳ hằng tháng rà soát, cập nhật kết quả.").as_deref(),
            Some("định kỳ hằng tháng")
        );
        assert_eq!(raw("Tham mưu xây dựng dự toán ngân sách hằng năm."), None);
        assert_eq!(
            raw("Lập danh mục dự án đầu tư công trung hạn, hằng năm được đầu tư từ ngân sách."),
            None
        );
        assert_eq!(
            raw("Xây dựng lộ trình thực hiện hằng năm bảo đảm mục tiêu của Chương trình."),
            None
        );
        assert_eq!(
            raw("Báo cáo kết quả thực hiện Chương trình hằng năm về Ủy ban nhân dân tỉnh.")
                .as_deref(),
            Some("hằng năm")
        );
    }

    #[test]
    fn deadline_sentence_is_cut_from_the_name() {
        let s = split_item(
            "Phối hợp với Ban Tổ chức Trung ương nghiên cứu. **Hoàn thành trước ngày 25/6/2026.**",
            Some(2026),
        );
        assert_eq!(s.pieces.len(), 1);
        assert_eq!(
            s.pieces[0].name,
            "Phối hợp với Ban Tổ chức Trung ương nghiên cứu"
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-06-25"));
        let s = split_item(
            "Rà soát, bố trí công chức; hoàn thành trong quý II/2026.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].name, "Rà soát, bố trí công chức");
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-06-30"));
        let s = split_item(
            "Khẩn trương số hóa hồ sơ. Hoàn thành trước ngày 15/5.",
            Some(2026),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-05-15"));
        let s = split_item("Ban hành quy chế. Quý II/2026.", Some(2026));
        assert_eq!(s.pieces[0].name, "Ban hành quy chế");
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-06-30"));
        let s = split_item("Gửi báo cáo về Sở Tài chính trước 30/6/2026.", None);
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-06-30"));
        let s = split_item(
            "Theo dõi việc thực hiện. Nhiệm vụ thường xuyên.",
            Some(2026),
        );
        assert_eq!(
            s.pieces[0].deadline.as_ref().map(|d| d.deadline.kind),
            Some(DeadlineKind::Ongoing)
        );
    }

    #[test]
    fn a_status_report_before_the_instruction_is_no_part_of_the_task() {
        let s = split_item(
            concat!(
                "Đến nay, 13/14 sở, ban, ngành đã đề xuất danh mục phần mềm; tuy nhiên, tiến độ ",
                "còn chậm. Giao Sở Khoa học và Công nghệ chủ trì, báo cáo trước ngày 10/5/2026."
            ),
            Some(2026),
        );
        assert_eq!(
            s.pieces[0].name,
            "Giao Sở Khoa học và Công nghệ chủ trì, báo cáo trước ngày 10/5/2026"
        );
        // A task that opens with its own work keeps every sentence.
        let text = "Rà soát danh mục phần mềm. Giao Sở Tài chính bố trí kinh phí.";
        assert!(split_item(text, Some(2026)).pieces[0]
            .name
            .starts_with("Rà soát"));
    }

    #[test]
    fn an_opening_event_is_a_relative_deadline() {
        let text = "Sau khi hoàn thành xây dựng các phần mềm chuyên ngành, các đơn vị có trách nhiệm tổ chức chuẩn hóa dữ liệu.";
        let s = split_item(text, Some(2026));
        let d = s.pieces[0].deadline.as_ref().map(|d| &d.deadline);
        assert_eq!(
            d.map(|d| d.raw.as_str()),
            Some("Sau khi hoàn thành xây dựng các phần mềm chuyên ngành")
        );
        assert_eq!(d.map(|d| d.kind), Some(DeadlineKind::Relative));
        assert!(s.pieces[0].name.starts_with("Sau khi hoàn thành"));
        // An event later in the sentence is no opening clause.
        let s = split_item(
            "Các đơn vị tổ chức chuẩn hóa dữ liệu sau khi hoàn thành phần mềm, bảo đảm an toàn.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].deadline, None);
    }

    #[test]
    fn inline_deadline_keeps_the_name() {
        let s = split_item(
            "Tham mưu kiện toàn Ban Chỉ đạo **ngay trong tháng 4/2026**. Theo dõi, đôn đốc.",
            Some(2026),
        );
        assert_eq!(
            s.pieces[0].name,
            "Tham mưu kiện toàn Ban Chỉ đạo ngay trong tháng 4/2026. Theo dõi, đôn đốc"
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-04-30"));
        let s = split_item(
            "Thực hiện các nhiệm vụ hoàn thành trong quý II/2026 (Phụ lục).",
            Some(2026),
        );
        assert_eq!(s.pieces[0].deadline, None);
    }

    #[test]
    fn a_deadline_with_a_time_of_day_and_the_date_in_words() {
        let s = split_item(
            "Tổng hợp danh sách gửi Văn phòng Chính phủ trước 14 giờ ngày 08 tháng 10 năm 2025 \
             để tổng hợp báo cáo Thủ tướng Chính phủ.",
            Some(2025),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2025-10-08"));
        let s = split_item(
            "Xác nhận đại biểu tham dự trước 14 giờ, ngày 08 tháng 10 năm 2025 để tổng hợp, \
             báo cáo Thủ tướng Chính phủ./.",
            Some(2025),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2025-10-08"));
        let s = split_item(
            "Chuẩn bị tài liệu; gửi tài liệu đến các điểm cầu trước Hội nghị.",
            Some(2025),
        );
        let d = s.pieces[0].deadline.as_ref().map(|d| &d.deadline);
        assert_eq!(d.map(|d| d.raw.as_str()), Some("trước Hội nghị"));
        assert_eq!(d.map(|d| d.kind), Some(DeadlineKind::Relative));
        // A meeting's hour and date are when it takes place, not a limit.
        let s = split_item(
            "Dự Hội nghị lúc 14 giờ ngày 08 tháng 10 năm 2025.",
            Some(2025),
        );
        assert_eq!(s.pieces[0].deadline, None);
    }

    #[test]
    fn a_time_in_a_detail_is_not_the_deadline() {
        let s = split_item(
            "Xây dựng kế hoạch triển khai thi công cụ thể, trong đó lưu ý các vị trí triển \
             khai thi công trong tháng 4/2026; đồng thời, rà soát phương án thi công.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].deadline, None);
        let s = split_item(
            "Xây dựng kế hoạch triển khai thi công, hoàn thành trong tháng 4/2026.",
            Some(2026),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-04-30"));
    }

    #[test]
    fn a_time_for_another_body_in_a_purpose_is_not_the_deadline() {
        let s = split_item(
            "Tập trung hoàn thiện và chuyển ngay 114 hồ sơ do UBND Phường 2 chuyển đến để đảm \
             bảo thời gian UBND Phường 2 hoàn thành việc phê duyệt trong tháng 4/2026.",
            Some(2026),
        );
        assert_eq!(s.pieces[0].deadline, None);
        let s = split_item(
            "Rà soát hồ sơ để hoàn thành việc phê duyệt trong tháng 4/2026.",
            Some(2026),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-04-30"));
        // A body after the purpose's verb is its object: the time stays.
        let s = split_item(
            "Phối hợp với UBND xã để xây dựng phương án và trình UBND xã phê duyệt trước ngày \
             10/5/2026.",
            Some(2026),
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2026-05-10"));
    }

    #[test]
    fn sub_tasks_with_their_own_deadlines() {
        let s = split_item(
            "Xây dựng và ban hành: (1) Hướng dẫn A. (2) Hướng dẫn B. Hoàn thành trước ngày 30/4/2026. (3) Quy định C. Hoàn thành trước ngày 30/6/2026.",
            Some(2026),
        );
        assert_eq!(s.intro, "Xây dựng và ban hành");
        let got: Vec<_> = s
            .pieces
            .iter()
            .map(|p| {
                (
                    p.label.clone().unwrap_or_default(),
                    p.name.clone(),
                    due(p).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "1".to_string(),
                    "Hướng dẫn A".to_string(),
                    "2026-04-30".to_string()
                ),
                ("2".into(), "Hướng dẫn B".into(), "2026-04-30".into()),
                ("3".into(), "Quy định C".into(), "2026-06-30".into()),
            ]
        );
        let one = split_item(
            "Dự án gồm: (i) Hạ tầng. (ii) Dữ liệu. Hoàn thành trong năm 2026.",
            Some(2026),
        );
        assert_eq!(one.pieces.len(), 1);
    }

    #[test]
    fn leading_and_parenthesized_deadlines() {
        let s = split_item(
            "Trong tháng 11/2025, Bộ Công an chủ trì rà soát quy định.",
            None,
        );
        assert_eq!(
            s.pieces[0].name,
            "Trong tháng 11/2025, Bộ Công an chủ trì rà soát quy định"
        );
        assert_eq!(due(&s.pieces[0]).as_deref(), Some("2025-11-30"));
        let s = split_item(
            "Ban hành Quyết định (hoàn thành trước ngày 20/9/2025); đẩy nhanh tiến độ (hoàn thành trong tháng 11/2025).",
            None,
        );
        let got: Vec<_> = s.pieces.iter().map(|p| (p.name.clone(), due(p))).collect();
        assert_eq!(
            got,
            [
                (
                    "Ban hành Quyết định".to_string(),
                    Some("2025-09-20".to_string())
                ),
                (
                    "đẩy nhanh tiến độ".to_string(),
                    Some("2025-11-30".to_string())
                ),
            ]
        );
        let s = split_item("Bố trí cán bộ; định kỳ hằng quý báo cáo tình hình.", None);
        let d = s.pieces[0].deadline.as_ref().map(|d| d.deadline.clone());
        assert_eq!(d.and_then(|d| d.recurrence).as_deref(), Some("P3M"));
        assert!(ends_with_deadline(
            "Rà soát. **Hoàn thành trong tháng 5/2026.**"
        ));
    }

    #[test]
    fn one_task_per_instruction_sentence() {
        let s = split_item(
            "Về cơ sở dữ liệu: Giao Sở Tư pháp chủ trì hoàn thiện dữ liệu hộ tịch, hoàn thành trước ngày 30/6/2026. \
             Giao Công an tỉnh chủ trì làm sạch dữ liệu dân cư. Hoàn thành trong tháng 7/2026.",
            None,
        );
        let got: Vec<_> = s
            .pieces
            .iter()
            .map(|p| {
                (
                    p.label.clone().unwrap_or_default(),
                    due(p).unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("1".to_string(), "2026-06-30".to_string()),
                ("2".to_string(), "2026-07-31".to_string())
            ]
        );
        assert_eq!(
            s.pieces[1].name,
            "Giao Công an tỉnh chủ trì làm sạch dữ liệu dân cư"
        );
    }

    #[test]
    fn cited_sources() {
        let r = cited_documents("Ban hành quy định (*nhiệm vụ giao tại Kế hoạch số 04-KH/CQTTBCĐ, ngày 20/10/2025*). Theo Nghị định số 179/2025/NĐ-CP.");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].number.as_deref(), Some("04-KH/CQTTBCĐ"));
        // The order the task carries out, named with "chỉ đạo/đề nghị … tại".
        for text in [
            "Triển khai thực hiện nội dung chỉ đạo của Văn phòng Chính phủ tại Công văn số 3653/VPCP-CĐS ngày 24/4/2026 nêu trên.",
            "Nghiên cứu, triển khai thực hiện theo đề nghị của Bộ Công an tại Công văn số 3653/VPCP-CĐS ngày 24/4/2026.",
        ] {
            let r = cited_documents(text);
            assert_eq!(r.len(), 1, "{text}");
            assert_eq!(r[0].number.as_deref(), Some("3653/VPCP-CĐS"));
        }
        // A document merely mentioned is no source.
        assert!(
            cited_documents("Ủy ban nhân dân tỉnh nhận được Công văn số 3653/VPCP-CĐS.").is_empty()
        );
    }

    #[test]
    fn a_heading_about_work_sets_its_time_limit() {
        let d = heading_deadline(
            "NHỮNG NHIỆM VỤ CẦN TRIỂN KHAI NGAY TRONG THÁNG 12/2025",
            None,
        )
        .map(|p| p.deadline);
        assert_eq!(
            d.as_ref().map(|d| d.raw.as_str()),
            Some("TRONG THÁNG 12/2025")
        );
        assert_eq!(d.and_then(|d| d.due).as_deref(), Some("2025-12-31"));
        // Solutions to carry out within a month are work too.
        let d = heading_deadline(
            "CÁC VẤN ĐỀ TỒN TẠI, HẠN CHẾ VÀ GIẢI PHÁP KHẮC PHỤC TRONG THÁNG 12/2025",
            None,
        );
        assert_eq!(
            d.and_then(|p| p.deadline.due).as_deref(),
            Some("2025-12-31")
        );
        for none in [
            "NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ NĂM 2026",
            "PHƯƠNG HƯỚNG, NHIỆM VỤ CCHC QUÝ II NĂM 2026",
            "KẾT QUẢ TRONG THÁNG 11/2025",
        ] {
            assert!(heading_deadline(none, None).is_none(), "{none}");
        }
    }

    #[test]
    fn a_time_set_by_the_rules_is_a_relative_deadline() {
        let s = split_item(
            "Triển khai thực hiện nội dung chỉ đạo nêu trên theo thời gian quy định.",
            Some(2026),
        );
        let d = s.pieces[0].deadline.as_ref().map(|d| &d.deadline);
        assert_eq!(d.map(|d| d.raw.as_str()), Some("theo thời gian quy định"));
        assert_eq!(d.map(|d| d.kind), Some(DeadlineKind::Relative));
    }

    #[test]
    fn a_period_with_its_time_and_a_start_closing_the_work() {
        let d = |t: &str| {
            split_item(t, Some(2026)).pieces[0]
                .deadline
                .clone()
                .map(|d| d.deadline)
        };
        let weekly =
            d("Giao Văn phòng định kỳ hằng tuần trước 16 giờ ngày thứ Sáu, báo cáo tình hình.");
        assert_eq!(
            weekly.as_ref().map(|d| d.raw.as_str()),
            Some("định kỳ hằng tuần trước 16 giờ ngày thứ Sáu")
        );
        assert_eq!(weekly.and_then(|d| d.recurrence).as_deref(), Some("P1W"));
        let start = d("Xây dựng kế hoạch và tổ chức thanh tra, kiểm tra từ tháng 01/2026.");
        assert_eq!(start.as_ref().map(|d| d.kind), Some(DeadlineKind::Ongoing));
        assert_eq!(start.and_then(|d| d.start).as_deref(), Some("2026-01-01"));
        // A start inside the sentence is not where the work closes.
        assert!(d("Tổ chức thanh tra từ tháng 01/2026 các đơn vị có hồ sơ trễ hạn.").is_none());
    }

    #[test]
    fn a_later_sentence_with_its_own_body_is_a_task_of_its_own() {
        let s = split_item(
            "Thực hiện nhập đầy đủ hồ sơ trên Hệ thống. Sở Tài chính tiếp tục thực hiện kết nối các phần mềm.",
            None,
        );
        let names: Vec<&str> = s.pieces.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Thực hiện nhập đầy đủ hồ sơ trên Hệ thống",
                "Sở Tài chính tiếp tục thực hiện kết nối các phần mềm"
            ]
        );
        // A partner's sentence, or an item whose first sentence names its
        // body, stays whole.
        for whole in [
            "Thực hiện nhập đầy đủ hồ sơ. Sở Tài chính phối hợp kết nối các phần mềm.",
            "Sở Nội vụ rà soát hồ sơ. Sở Tài chính tiếp tục thực hiện kết nối các phần mềm.",
        ] {
            assert_eq!(split_item(whole, None).pieces.len(), 1, "{whole}");
        }
    }

    #[test]
    fn a_gloss_on_a_quoted_name_is_no_deadline() {
        let s = split_item(
            "Tổ chức các hoạt động hưởng ứng “Tháng hành động phòng, chống ma túy” (tháng 6 hằng năm).",
            Some(2026),
        );
        assert!(s.pieces[0].deadline.is_none(), "{:?}", s.pieces[0].deadline);
        // An aside after the work still sets its time.
        let s = split_item(
            "Tổ chức Hội nghị sơ kết (hoàn thành trước ngày 30/6/2026).",
            Some(2026),
        );
        assert_eq!(
            s.pieces[0]
                .deadline
                .as_ref()
                .and_then(|d| d.deadline.due.as_deref()),
            Some("2026-06-30")
        );
    }
}
