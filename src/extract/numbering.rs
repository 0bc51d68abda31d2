//! Row and item numbers ("1", "1.1.", "3.62", "IV"): reading them at the
//! start of a line and judging whether one can follow another, so that a
//! year or a count at the start of a wrapped line is not taken for a row.

use regex::Regex;
use std::sync::OnceLock;

/// One level of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Arabic(u32),
    Roman(u32),
}

/// A row number as printed, with its parsed levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNumber {
    /// As printed, without a trailing `.`.
    pub printed: String,
    parts: Vec<Part>,
}

impl RowNumber {
    /// Parse a whole TT cell ("1.2.", "IV", "3").
    pub fn parse(cell: &str) -> Option<RowNumber> {
        let printed = cell.trim().trim_end_matches('.').to_string();
        if printed.is_empty() {
            return None;
        }
        if let Some(r) = roman_value(&printed) {
            return Some(RowNumber {
                printed,
                parts: vec![Part::Roman(r)],
            });
        }
        let parts: Option<Vec<Part>> = printed
            .split('.')
            .map(|p| {
                p.parse::<u32>()
                    .ok()
                    .filter(|_| p.len() <= 3)
                    .map(Part::Arabic)
            })
            .collect();
        parts
            .filter(|p| !p.is_empty())
            .map(|parts| RowNumber { printed, parts })
    }

    /// A number opening a line ("1.1.  Xây dựng ...", "2.", "I Về nền tảng"),
    /// with the rest of the line.
    pub fn at_line_start(line: &str) -> Option<(RowNumber, &str)> {
        static START: OnceLock<Regex> = OnceLock::new();
        let re = START.get_or_init(|| {
            Regex::new(r"^([0-9]{1,3}(?:\.[0-9]{1,3})*\.?|[IVXLC]{1,7}\.?)(?:(?-u:\s)+|$)")
                .expect("static number pattern is valid")
        });
        let m = re.captures(line)?.get(1)?;
        let number = RowNumber::parse(m.as_str())?;
        Some((number, line[m.end()..].trim()))
    }

    /// Whether the number is a Roman numeral.
    pub fn is_roman(&self) -> bool {
        matches!(self.parts.as_slice(), [Part::Roman(_)])
    }

    /// Whether `self` sits directly or indirectly under `parent` (1.2 under 1).
    pub fn is_child_of(&self, parent: &RowNumber) -> bool {
        self.parts.len() > parent.parts.len()
            && self.parts[..parent.parts.len()] == parent.parts[..]
    }
}

/// Whether `next` can follow `prev` in one table: the first child, the next
/// sibling at some level, or the first number after a Roman group.
pub fn is_plausible_next(prev: Option<&RowNumber>, next: &RowNumber) -> bool {
    let Some(prev) = prev else {
        return match next.parts.first() {
            Some(Part::Arabic(n)) => *n <= 99,
            Some(Part::Roman(_)) => true,
            None => false,
        };
    };
    match (prev.parts.as_slice(), next.parts.as_slice()) {
        ([Part::Roman(a)], [Part::Roman(b)]) => *b == a + 1,
        (_, [Part::Roman(b)]) => *b >= 2,
        ([Part::Roman(_)], [Part::Arabic(1), ..]) => {
            next.parts.iter().skip(1).all(|p| *p == Part::Arabic(1))
        }
        (a, b) => {
            let child =
                b.len() == a.len() + 1 && b[..a.len()] == *a && b[a.len()] == Part::Arabic(1);
            let sibling = (1..=a.len()).any(|level| {
                b.len() == level
                    && b[..level - 1] == a[..level - 1]
                    && matches!((a[level - 1], b[level - 1]), (Part::Arabic(x), Part::Arabic(y)) if y == x + 1)
            });
            child || sibling
        }
    }
}

/// Whether `next` comes after `prev` in a numbering, however far: any
/// Arabic number after a Roman one, a later Roman one, and Arabic numbers
/// compared level by level ("3.41" after "3", "4" after "3.62").
pub fn is_forward(prev: &RowNumber, next: &RowNumber) -> bool {
    match (prev.parts.as_slice(), next.parts.as_slice()) {
        ([Part::Roman(a)], [Part::Roman(b)]) => b > a,
        ([Part::Roman(_)], _) => true,
        (_, [Part::Roman(b)]) => *b >= 2,
        (a, b) => {
            let value = |p: &Part| match p {
                Part::Arabic(n) | Part::Roman(n) => *n,
            };
            let a: Vec<u32> = a.iter().map(value).collect();
            let b: Vec<u32> = b.iter().map(value).collect();
            b > a
        }
    }
}

/// How far `next` jumps ahead of `prev` when it comes after it: the rise at
/// the first level where they differ ("3.8" → "3.11": 3; "2" → "2.1": 1,
/// a first child; "III" → "1": 1). `None` when `next` does not come after.
pub fn forward_gap(prev: &RowNumber, next: &RowNumber) -> Option<u32> {
    if !is_forward(prev, next) {
        return None;
    }
    let value = |p: &Part| match p {
        Part::Arabic(n) | Part::Roman(n) => *n,
    };
    Some(match (prev.parts.as_slice(), next.parts.as_slice()) {
        ([Part::Roman(a)], [Part::Roman(b)]) => b - a,
        (_, [Part::Roman(_)]) => 1,
        ([Part::Roman(_)], b) => b.first().map_or(1, value),
        (a, b) => {
            let k = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) => value(y).saturating_sub(value(x)),
                (None, Some(y)) => value(y),
                // `next` is an ancestor-level number after `prev`'s subtree.
                _ => 1,
            }
        }
    })
}

/// The value of a well-formed Roman numeral (I..=XXXIX style, with L and C).
fn roman_value(s: &str) -> Option<u32> {
    static ROMAN: OnceLock<Regex> = OnceLock::new();
    let re = ROMAN.get_or_init(|| {
        Regex::new(r"^C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
            .expect("static roman pattern is valid")
    });
    if s.is_empty() || !re.is_match(s) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let chars: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&n| n > v) {
            total -= v as i32;
        } else {
            total += v as i32;
        }
    }
    u32::try_from(total).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> RowNumber {
        RowNumber::parse(s).expect("a number")
    }

    #[test]
    fn forward_gap_is_the_rise_at_the_first_differing_level() {
        let n = |s: &str| RowNumber::parse(s).expect("a number");
        assert_eq!(forward_gap(&n("3.8"), &n("3.11")), Some(3));
        assert_eq!(forward_gap(&n("2"), &n("2.1")), Some(1));
        assert_eq!(forward_gap(&n("5.10"), &n("46")), Some(41));
        assert_eq!(forward_gap(&n("III"), &n("1")), Some(1));
        assert_eq!(forward_gap(&n("II"), &n("III")), Some(1));
        assert_eq!(forward_gap(&n("3.8"), &n("3.2")), None);
    }

    #[test]
    fn reads_numbers_at_line_start() {
        let (num, rest) = RowNumber::at_line_start("1.1.  Xây dựng các ứng dụng,").expect("number");
        assert_eq!(
            (num.printed.as_str(), rest),
            ("1.1", "Xây dựng các ứng dụng,")
        );
        assert!(RowNumber::at_line_start("2026").is_none());
        assert!(RowNumber::at_line_start("27/3/2025").is_none());
        assert!(RowNumber::at_line_start("04-").is_none());
        assert_eq!(
            RowNumber::at_line_start("I Về nền tảng").map(|(n, _)| n.is_roman()),
            Some(true)
        );
        assert_eq!(
            RowNumber::at_line_start("2.").map(|(n, r)| (n.printed, r)),
            Some(("2".to_string(), ""))
        );
    }

    #[test]
    fn plausible_successors() {
        assert!(is_plausible_next(Some(&n("1")), &n("1.1")));
        assert!(is_plausible_next(Some(&n("1.9")), &n("2")));
        assert!(is_plausible_next(Some(&n("2.11")), &n("3")));
        assert!(is_plausible_next(Some(&n("3.9")), &n("3.10")));
        assert!(!is_plausible_next(Some(&n("1.1")), &n("3")));
        assert!(!is_plausible_next(Some(&n("3.1")), &n("3.3")));
        assert!(is_plausible_next(Some(&n("I")), &n("1")));
        assert!(is_plausible_next(Some(&n("I")), &n("II")));
        assert!(n("1.2").is_child_of(&n("1")));
        assert!(!n("2.1").is_child_of(&n("1")));
    }
}
