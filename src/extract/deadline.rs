//! Deadlines (thời gian hoàn thành): dates, months, quarters, years, ranges,
//! recurrences and event-relative phrases, with their calendar bounds.

use crate::model::{Deadline, DeadlineKind};
use crate::normalize::fold_spaces;
use regex::Regex;
use std::sync::OnceLock;

/// A parsed deadline and, where the parse needed a judgement, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDeadline {
    /// The deadline record.
    pub deadline: Deadline,
    /// A note for a warning (compound phrase, unknown form, missing year).
    pub note: Option<String>,
}

struct Patterns {
    date: Regex,
    date_words: Regex,
    date_no_year: Regex,
    date_words_no_year: Regex,
    time_of_day: Regex,
    cited_number: Regex,
    next_year: Regex,
    month: Regex,
    month_span: Regex,
    date_span: Regex,
    month_no_year: Regex,
    quarter: Regex,
    half: Regex,
    range: Regex,
    year: Regex,
    every_n: Regex,
    relative: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("static deadline pattern is valid");
        Patterns {
            date: re(r"\b([0-9]{1,2})(?-u:\s)*[/.\-](?-u:\s)*([0-9]{1,2})(?-u:\s)*[/.\-](?-u:\s)*((?:19|20)[0-9]{2})\b"),
            date_words: re(r"ngày(?-u:\s)+([0-9]{1,2})(?-u:\s)+tháng(?-u:\s)+([0-9]{1,2})(?-u:\s)+năm(?-u:\s)+((?:19|20)[0-9]{2})"),
            date_no_year: re(r"ngày(?-u:\s)+([0-9]{1,2})(?-u:\s)*/(?-u:\s)*([0-9]{1,2})\b(?:(?-u:\s)*$|[^/[0-9]])"),
            date_words_no_year: re(r"ngày(?-u:\s)+([0-9]{1,2})(?-u:\s)+tháng(?-u:\s)+([0-9]{1,2})\b((?-u:\s)+năm)?"),
            time_of_day: re(concat!(
                r"(?:\btừ(?-u:\s)+)?(?:\blúc(?-u:\s)+)?\b[0-9]{1,2}(?-u:\s)*(?:giờ|h)(?:(?-u:\s)*[0-9]{1,2}(?:(?-u:\s)*phút)?)?",
                r"(?:(?-u:\s)*(?:-|đến)(?-u:\s)*[0-9]{1,2}(?-u:\s)*(?:giờ|h)(?:(?-u:\s)*[0-9]{1,2}(?:(?-u:\s)*phút)?)?)?\b,?"
            )),
            cited_number: re(r"[0-9]+(?:/[0-9]{4})?[/\-][^\s,;]*[a-zđ][^\s,;]*(?-u:\s)*,?(?-u:\s)*(?:ngày(?-u:\s)*)?$"),
            next_year: re(r"năm (?:liền kề|kế tiếp|tiếp theo|sau)\b|(?:hằng|hàng) năm"),
            month: re(r"tháng(?-u:\s)+([0-9]{1,2})(?-u:\s)*(?:/|-|năm)(?-u:\s)*((?:19|20)[0-9]{2})\b"),
            month_no_year: re(r"tháng(?-u:\s)+([0-9]{1,2})\b(?:(?-u:\s)*$|[^/[0-9]])"),
            // Months listed or spanned in one year: "tháng 11, tháng 12 năm
            // 2025", "tháng 3 - 4/2026", "tháng 5 đến tháng 7 năm 2026".
            month_span: re(concat!(
                r"tháng(?-u:\s)+([0-9]{1,2})(?-u:\s)*(?:,|và|-|–|đến)(?-u:\s)*(?:tháng(?-u:\s)+)?",
                r"([0-9]{1,2})(?-u:\s)*(?:/|năm)(?-u:\s)*((?:19|20)[0-9]{2})\b"
            )),
            // Two dates spanning the work: "29/6/2026 - 09/7/2026", "từ
            // ngày 01/6/2026 đến ngày 30/6/2026".
            date_span: re(concat!(
                r"\b([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})(?-u:\s)*(?:-|đến)(?-u:\s)*",
                r"(?:ngày(?-u:\s)+)?([0-9]{1,2})/([0-9]{1,2})/((?:19|20)[0-9]{2})\b"
            )),
            quarter: re(r"quý(?-u:\s)+(iv|iii|ii|i|[1-4])\b(?-u:\s)*(?:/|-|–|năm|,)?(?-u:\s)*((?:19|20)[0-9]{2})?"),
            half: re(r"(6|sáu)(?-u:\s)+tháng(?-u:\s)+(đầu|cuối)(?-u:\s)+năm(?-u:\s)*((?:19|20)[0-9]{2})?"),
            range: re(r"\b((?:19|20)[0-9]{2})(?-u:\s)*(?:-|–|—|đến)(?-u:\s)*((?:19|20)[0-9]{2})\b"),
            year: re(r"\b((?:19|20)[0-9]{2})\b"),
            every_n: re(r"([0-9]+)(?-u:\s)*(tháng|năm|tuần|ngày|quý)(?-u:\s)*(?:/|một)(?-u:\s)*lần"),
            relative: re(concat!(
                r"kể từ|sau khi|^sau(?-u:\s)|theo (?:các )?(?:mốc|tiến độ|lộ trình|kế hoạch|quy định|phân công|yêu cầu)",
                r"|trước (?:khi|kỳ|kì|hội nghị|đại hội|phiên|buổi|thời điểm)|khi có",
                r"|(?:theo|đúng) thời (?:gian|hạn) (?:quy định|yêu cầu)"
            )),
        }
    })
}

/// A datable part found in the text: its kind, bounds and position.
struct Found {
    kind: DeadlineKind,
    start: Option<String>,
    due: Option<String>,
    at: usize,
    end: usize,
    /// The date of a cited document ("Nghị định số 52/2015/NĐ-CP ngày
    /// 28/5/2015"), not a deadline.
    cited: bool,
}

/// Words that may surround a datable part without making the phrase compound.
const FILLER: &[&str] = &[
    "trước",
    "trong",
    "hoàn",
    "thành",
    "chậm",
    "nhất",
    "vào",
    "ngày",
    "năm",
    "thời",
    "hạn",
    "dự",
    "kiến",
    "đến",
    "cuối",
    "đầu",
    "nhiệm",
    "vụ",
    "hết",
    "xong",
    "tháng",
    "quý",
    "giai",
    "đoạn",
    "từ",
    "bắt",
    "đầu",
    "và",
    "các",
    "-",
    "thực",
    "hiện",
    "ngay",
    "lúc",
    "giờ",
    "thường",
    "xuyên",
    "liên",
    "tục",
    "hằng",
    "hàng",
    "định",
    "kỳ",
    "kì",
    "theo",
    "lần",
    "tuần",
    "một",
    "mỗi",
    "năm/lần",
];

/// Whether a phrase has words beyond dates and deadline wording (a
/// compound phrase such as "Ban hành trong tháng 01/2026 và tổ chức ...").
fn has_extra_words(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | '(' | ')' | ':' | '/'))
        .filter(|w| !w.is_empty())
        .any(|w| !FILLER.contains(&w) && !w.chars().all(|c| c.is_ascii_digit() || c == 'h'))
}

/// Parse a deadline cell or phrase. `default_year` completes dates written
/// without a year (from the column header or the document's date).
pub fn parse_deadline(raw: &str, default_year: Option<i32>) -> Option<ParsedDeadline> {
    let raw = fold_spaces(raw);
    if raw.is_empty() {
        return None;
    }
    let lower = raw.to_lowercase().replace(['–', '—'], "-");
    let p = patterns();
    // A time of day ("trước 14 giờ", "từ 20 giờ 15 phút - 20 giờ 45 phút")
    // bounds nothing beyond its date.
    let text = fold_spaces(&p.time_of_day.replace_all(&lower, " "));
    let make = |kind,
                start: Option<String>,
                due: Option<String>,
                recurrence: Option<&str>,
                note: Option<String>| {
        Some(ParsedDeadline {
            deadline: Deadline {
                raw: raw.clone(),
                kind,
                start,
                due,
                recurrence: recurrence.map(String::from),
            },
            note,
        })
    };
    let found = find_datable(&text, default_year);
    // "Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015": a deadline
    // set by the cited document, not its date.
    if found.as_ref().is_none_or(|f| f.cited)
        && text.starts_with("theo ")
        && crate::extract::docref::mentions_document(&raw)
    {
        return make(DeadlineKind::Relative, None, None, None, None);
    }
    let found = found.filter(|f| !f.cited);
    let compound = |rest: &str| {
        has_extra_words(rest).then(|| {
            format!(
                "compound deadline \"{raw}\": kind and bounds taken from its first datable part"
            )
        })
    };
    if let (Some(f), Some(m), false) = (&found, p.next_year.find(&text), p.year.is_match(&text)) {
        // "Trước ngày 31/01 năm liền kề", "hằng năm trước ngày 15/12": the
        // same date every year.
        let (a, b) = if f.at < m.start() {
            (f.at..f.end, m.range())
        } else {
            (m.range(), f.at..f.end)
        };
        let mid = a.end.min(b.start);
        let rest = format!(
            "{} {} {}",
            &text[..a.start],
            &text[mid..b.start],
            &text[b.end.max(mid)..]
        );
        return make(
            DeadlineKind::Annual,
            None,
            None,
            Some("P1Y"),
            compound(&rest),
        );
    }
    if let Some(f) = &found {
        let before = &text[..f.at];
        if f.kind != DeadlineKind::Range && before.contains("từ") && !text[f.end..].contains("đến")
        {
            let note = compound(&format!("{} {}", before, &text[f.end..]));
            return make(DeadlineKind::Ongoing, f.start.clone(), None, None, note);
        }
    }
    if found.is_none() {
        if let Some(rec) = recurrence(&text) {
            let kind = if rec == Some("P1Y") {
                DeadlineKind::Annual
            } else {
                DeadlineKind::Periodic
            };
            // "Định kỳ theo hệ thống": the basis of the period is free text.
            let note = rec.and_then(|_| compound(&text));
            return make(kind, None, None, rec, note);
        }
        if text.contains("thường xuyên") || text.contains("liên tục") {
            return make(DeadlineKind::Ongoing, None, None, None, compound(&text));
        }
        if p.relative.is_match(&text) || text.starts_with("trước ") || text.starts_with("sau ") {
            return make(DeadlineKind::Relative, None, None, None, None);
        }
        let note = if p.date_no_year.is_match(&text) || p.month_no_year.is_match(&text) {
            "a date without a year and no year known from the header or the document".to_string()
        } else {
            format!("deadline not understood: \"{raw}\"")
        };
        return make(DeadlineKind::Other, None, None, None, Some(note));
    }
    let f = found?;
    if p.relative.is_match(&text) && !text.starts_with("trước") {
        let rel_at = p.relative.find(&text).map(|m| m.start()).unwrap_or(0);
        if rel_at < f.at {
            return make(DeadlineKind::Relative, None, None, None, None);
        }
    }
    let rest = format!("{} {}", &text[..f.at], &text[f.end..]);
    let note = if find_datable(&rest, default_year).is_some_and(|f| !f.cited) {
        Some(format!(
            "several dates in one deadline \"{raw}\": the first is used"
        ))
    } else {
        compound(&rest)
    };
    make(f.kind, f.start, f.due, None, note)
}

/// The first datable part of a lowercase phrase.
fn find_datable(text: &str, default_year: Option<i32>) -> Option<Found> {
    let p = patterns();
    let mut found: Vec<Found> = Vec::new();
    let mut offer = |f: Found| found.push(f);
    // Offered first: it wins over the date it opens with.
    for c in p.date_span.captures_iter(text) {
        let first = ymd(num(&c[3]), num(&c[2]), num(&c[1]));
        let last = ymd(num(&c[6]), num(&c[5]), num(&c[4]));
        if let (Some(m), Some(first), Some(last)) = (c.get(0), first, last) {
            if first < last {
                offer(Found {
                    kind: DeadlineKind::Range,
                    start: Some(first),
                    due: Some(last),
                    at: m.start(),
                    end: m.end(),
                    cited: false,
                });
            }
        }
    }
    for c in p
        .date
        .captures_iter(text)
        .chain(p.date_words.captures_iter(text))
    {
        if let Some(d) = ymd(num(&c[3]), num(&c[2]), num(&c[1])) {
            let m = c.get(0)?;
            offer(Found {
                kind: DeadlineKind::Date,
                start: Some(d.clone()),
                due: Some(d),
                at: m.start(),
                end: m.end(),
                cited: p.cited_number.is_match(&text[..m.start()]),
            });
        }
    }
    if let Some(year) = default_year {
        for c in p
            .date_no_year
            .captures_iter(text)
            .chain(p.date_words_no_year.captures_iter(text))
            .filter(|c| c.get(3).is_none())
        {
            if let Some(d) = ymd(year, num(&c[2]), num(&c[1])) {
                let m = c.get(0)?;
                offer(Found {
                    kind: DeadlineKind::Date,
                    start: Some(d.clone()),
                    due: Some(d),
                    at: m.start(),
                    end: m.end(),
                    cited: p.cited_number.is_match(&text[..m.start()]),
                });
            }
        }
    }
    for c in p.month_span.captures_iter(text) {
        let (first, last, year) = (num(&c[1]), num(&c[2]), num(&c[3]));
        if let (true, Some(m), Some(start), Some(due)) = (
            first < last,
            c.get(0),
            ymd(year, first, 1),
            month_end(year, last),
        ) {
            offer(Found {
                kind: DeadlineKind::Range,
                start: Some(start),
                due: Some(due),
                at: m.start(),
                end: m.end(),
                cited: false,
            });
        }
    }
    let month_caps = p
        .month
        .captures_iter(text)
        .map(|c| (c.get(0), num(&c[1]), num(&c[2])));
    let month_default = default_year.into_iter().flat_map(|y| {
        p.month_no_year
            .captures_iter(text)
            .map(move |c| (c.get(0), num(&c[1]), y))
    });
    for (m, month, year) in month_caps.chain(month_default) {
        if let (Some(m), Some(start), Some(due)) = (m, ymd(year, month, 1), month_end(year, month))
        {
            offer(Found {
                kind: DeadlineKind::Month,
                start: Some(start),
                due: Some(due),
                at: m.start(),
                end: m.end(),
                cited: false,
            });
        }
    }
    for c in p.quarter.captures_iter(text) {
        let q = match &c[1] {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            _ => 4,
        };
        let Some(year) = c.get(2).map(|y| num(y.as_str())).or(default_year) else {
            continue;
        };
        let m = c.get(0)?;
        let first = (q - 1) * 3 + 1;
        offer(Found {
            kind: DeadlineKind::Quarter,
            start: ymd(year, first, 1),
            due: month_end(year, first + 2),
            at: m.start(),
            end: m.end(),
            cited: false,
        });
    }
    for c in p.half.captures_iter(text) {
        let Some(year) = c.get(3).map(|y| num(y.as_str())).or(default_year) else {
            continue;
        };
        let m = c.get(0)?;
        let (a, b) = if &c[2] == "đầu" { (1, 6) } else { (7, 12) };
        offer(Found {
            kind: DeadlineKind::Range,
            start: ymd(year, a, 1),
            due: month_end(year, b),
            at: m.start(),
            end: m.end(),
            cited: false,
        });
    }
    if found.is_empty() {
        if let Some(c) = p.range.captures(text) {
            let (a, b) = (num(&c[1]), num(&c[2]));
            if a < b {
                let m = c.get(0)?;
                found.push(Found {
                    kind: DeadlineKind::Range,
                    start: ymd(a, 1, 1),
                    due: ymd(b, 12, 31),
                    at: m.start(),
                    end: m.end(),
                    cited: false,
                });
            }
        }
    }
    if found.is_empty() {
        if let Some(m) = p.year.find(text) {
            let year = num(m.as_str());
            found.push(Found {
                kind: DeadlineKind::Year,
                start: ymd(year, 1, 1),
                due: ymd(year, 12, 31),
                at: m.start(),
                end: m.end(),
                cited: false,
            });
        }
    }
    found.into_iter().min_by_key(|f| (f.cited, f.at))
}

/// The recurrence of a phrase: `Some(Some(duration))`, `Some(None)` for a
/// periodic phrase without a stated interval, `None` when not periodic.
fn recurrence(text: &str) -> Option<Option<&'static str>> {
    if let Some(c) = patterns().every_n.captures(text) {
        return Some(interval_duration(num(&c[1]), &c[2]));
    }
    for (words, dur) in [
        (["hằng năm", "hàng năm", "mỗi năm"], "P1Y"),
        (["hằng quý", "hàng quý", "mỗi quý"], "P3M"),
        (["hằng tháng", "hàng tháng", "mỗi tháng"], "P1M"),
        (["hằng tuần", "hàng tuần", "mỗi tuần"], "P1W"),
        (["hằng ngày", "hàng ngày", "mỗi ngày"], "P1D"),
    ] {
        if words.iter().any(|w| text.contains(w)) {
            return Some(Some(dur));
        }
    }
    // "mỗi học kỳ": a school term, of no fixed length.
    let each_term = ["mỗi học kỳ", "hằng học kỳ", "hàng học kỳ"]
        .iter()
        .any(|w| text.contains(w));
    (text.contains("định kỳ") || each_term).then_some(None)
}

/// The ISO 8601 duration of "N <unit>/lần" ("3 tháng/lần" → P3M).
fn interval_duration(n: i32, unit: &str) -> Option<&'static str> {
    const MONTHS: [&str; 13] = [
        "P0M", "P1M", "P2M", "P3M", "P4M", "P5M", "P6M", "P7M", "P8M", "P9M", "P10M", "P11M",
        "P12M",
    ];
    const YEARS: [&str; 6] = ["P0Y", "P1Y", "P2Y", "P3Y", "P4Y", "P5Y"];
    const WEEKS: [&str; 5] = ["P0W", "P1W", "P2W", "P3W", "P4W"];
    const DAYS: [&str; 31] = [
        "P0D", "P1D", "P2D", "P3D", "P4D", "P5D", "P6D", "P7D", "P8D", "P9D", "P10D", "P11D",
        "P12D", "P13D", "P14D", "P15D", "P16D", "P17D", "P18D", "P19D", "P20D", "P21D", "P22D",
        "P23D", "P24D", "P25D", "P26D", "P27D", "P28D", "P29D", "P30D",
    ];
    let n = usize::try_from(n).ok().filter(|&n| n > 0)?;
    match unit {
        "tháng" => MONTHS.get(n).copied(),
        "năm" => YEARS.get(n).copied(),
        "tuần" => WEEKS.get(n).copied(),
        "ngày" => DAYS.get(n).copied(),
        "quý" => MONTHS.get(n * 3).copied(),
        _ => None,
    }
}

fn num(s: &str) -> i32 {
    s.trim().parse().unwrap_or(0)
}

/// `YYYY-MM-DD` for a valid calendar date.
pub fn ymd(year: i32, month: i32, day: i32) -> Option<String> {
    let last = days_in_month(year, month)?;
    (1..=last)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn month_end(year: i32, month: i32) -> Option<String> {
    ymd(year, month, days_in_month(year, month)?)
}

fn days_in_month(year: i32, month: i32) -> Option<i32> {
    if !(1900..=2199).contains(&year) {
        return None;
    }
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    })
}

/// Whether a phrase reads as a whole deadline (used to score where a
/// deadline cell starts in flat text): it parses to a known kind without
/// being a compound phrase.
pub fn is_clean_deadline(text: &str) -> bool {
    parse_deadline(text, Some(2000)).is_some_and(|p| is_clean(&p, text))
}

/// Whether a parse of `text` reads as a whole deadline (see
/// [`is_clean_deadline`]).
pub fn is_clean(parsed: &ParsedDeadline, text: &str) -> bool {
    let kind = parsed.deadline.kind;
    let short = kind != DeadlineKind::Relative || text.split_whitespace().count() <= 10;
    kind != DeadlineKind::Other && parsed.note.is_none() && short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(raw: &str) -> (DeadlineKind, Option<String>, Option<String>, Option<String>) {
        let d = parse_deadline(raw, Some(2026)).expect("parses").deadline;
        (d.kind, d.start, d.due, d.recurrence)
    }
    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn dates() {
        assert_eq!(
            p("31/03/2026"),
            (DeadlineKind::Date, s("2026-03-31"), s("2026-03-31"), None)
        );
        assert_eq!(p("trước ngày 25/6/2026").2, s("2026-06-25"));
        assert_eq!(p("ngày 08 tháng 10 năm 2025").2, s("2025-10-08"));
        assert_eq!(p("Trước ngày 15/9").2, s("2026-09-15"));
        assert_eq!(p("trước 16h00 ngày 20/10/2025").2, s("2025-10-20"));
        assert_eq!(p("31-3-2026").2, s("2026-03-31"));
        assert_eq!(
            p("Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 23 tháng 1"),
            (DeadlineKind::Date, s("2026-01-23"), s("2026-01-23"), None),
            "a time span within one day, the year from the header"
        );
        assert_eq!(
            p("trước 14 giờ, ngày 08 tháng 10 năm 2025").2,
            s("2025-10-08")
        );
    }

    #[test]
    fn cited_dates_and_years_that_recur() {
        assert_eq!(
            p("Theo Điều 17 Nghị định số 52/2015/NĐ-CP ngày 28/5/2015"),
            (DeadlineKind::Relative, None, None, None),
            "the date of a cited decree is not a deadline"
        );
        assert_eq!(
            p("Trước ngày 31/01 năm liền kề"),
            (DeadlineKind::Annual, None, None, s("P1Y"))
        );
        assert_eq!(
            p("hằng năm trước ngày 15/12"),
            (DeadlineKind::Annual, None, None, s("P1Y"))
        );
        assert_eq!(
            p("Hoàn thành trước ngày 30/6/2026 theo Kế hoạch số 12/KH-UBND ngày 02/01/2026").2,
            s("2026-06-30")
        );
    }

    #[test]
    fn months_quarters_years_ranges() {
        assert_eq!(
            p("Tháng 01/2026"),
            (DeadlineKind::Month, s("2026-01-01"), s("2026-01-31"), None)
        );
        assert_eq!(p("trong tháng 5/2026").2, s("2026-05-31"));
        assert_eq!(p("tháng 2 năm 2028").2, s("2028-02-29"));
        assert_eq!(
            p("Quý III/2026"),
            (
                DeadlineKind::Quarter,
                s("2026-07-01"),
                s("2026-09-30"),
                None
            )
        );
        assert_eq!(p("Quý IV -2026").2, s("2026-12-31"));
        assert_eq!(p("Quý II/ 2026").1, s("2026-04-01"));
        assert_eq!(p("quý I năm 2026").2, s("2026-03-31"));
        assert_eq!(
            p("2026"),
            (DeadlineKind::Year, s("2026-01-01"), s("2026-12-31"), None)
        );
        assert_eq!(p("Trong năm 2026").0, DeadlineKind::Year);
        assert_eq!(
            p("2026 - 2027"),
            (DeadlineKind::Range, s("2026-01-01"), s("2027-12-31"), None)
        );
        assert_eq!(p("2025-2028").1, s("2025-01-01"));
        assert_eq!(p("6 tháng đầu năm 2026").2, s("2026-06-30"));
        assert_eq!(
            p("trong tháng 11, tháng 12 năm 2025"),
            (DeadlineKind::Range, s("2025-11-01"), s("2025-12-31"), None)
        );
        assert_eq!(p("tháng 3 - 4/2026").2, s("2026-04-30"));
        assert_eq!(p("tháng 12, tháng 11 năm 2025").0, DeadlineKind::Month);
        assert_eq!(
            p("29/6/2026- 09/7/2026"),
            (DeadlineKind::Range, s("2026-06-29"), s("2026-07-09"), None)
        );
        assert_eq!(
            p("Từ ngày 01/6/2026 đến ngày 30/6/2026"),
            (DeadlineKind::Range, s("2026-06-01"), s("2026-06-30"), None)
        );
        // Dates out of order span nothing: the first is the deadline.
        assert_eq!(p("09/7/2026 - 29/6/2026").0, DeadlineKind::Date);
    }

    #[test]
    fn recurring_ongoing_relative() {
        assert_eq!(p("Thường xuyên"), (DeadlineKind::Ongoing, None, None, None));
        assert_eq!(p("Hằng năm"), (DeadlineKind::Annual, None, None, s("P1Y")));
        assert_eq!(p("Hàng năm").3, s("P1Y"));
        assert_eq!(
            p("Theo định kỳ 3 tháng/lần"),
            (DeadlineKind::Periodic, None, None, s("P3M"))
        );
        assert_eq!(p("định kỳ hằng tuần").3, s("P1W"));
        assert_eq!(p("hằng quý").3, s("P3M"));
        assert_eq!(p("mỗi năm"), (DeadlineKind::Annual, None, None, s("P1Y")));
        assert_eq!(p("mỗi học kỳ"), (DeadlineKind::Periodic, None, None, None));
        assert_ne!(p("trong học kỳ I").0, DeadlineKind::Periodic);
        assert_eq!(
            p("Định kỳ theo hệ thống"),
            (DeadlineKind::Periodic, None, None, None)
        );
        assert_eq!(
            p("từ tháng 01/2026"),
            (DeadlineKind::Ongoing, s("2026-01-01"), None, None)
        );
        assert_eq!(p("bắt đầu từ năm 2026").1, s("2026-01-01"));
        assert_eq!(p("trước Hội nghị").0, DeadlineKind::Relative);
        assert_eq!(
            p("Sau 03 tháng kể từ khi có văn bản của Trung ương").0,
            DeadlineKind::Relative
        );
        assert_eq!(
            p("Theo các mốc thời gian tại Quyết định số 1441/QĐ-UBND").0,
            DeadlineKind::Relative
        );
    }

    #[test]
    fn compound_and_unknown_warn() {
        let c = parse_deadline(
            "Ban hành trong tháng 01/2026 và tổ chức thực hiện",
            Some(2026),
        )
        .expect("parses");
        assert_eq!(c.deadline.kind, DeadlineKind::Month);
        assert!(c.note.is_some());
        let o = parse_deadline("Theo hệ thống", Some(2026)).expect("parses");
        assert_eq!(o.deadline.kind, DeadlineKind::Other);
        assert!(o.note.is_some());
        assert!(parse_deadline("Quý III/2026", None)
            .expect("parses")
            .note
            .is_none());
    }
}
