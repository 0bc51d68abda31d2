//! Estimated printed width of text, and the line-wrap signature of a column.
//!
//! Flat text keeps no coordinates, but every wrapped cell still shows the
//! width of its column: each line but the last is about as wide as the
//! column, and the next line's first word would not have fitted. Widths are
//! estimated from a serif font's advance widths (in thousandths of an em).

use unicode_normalization::UnicodeNormalization;

/// Estimated width of text in thousandths of an em (Times-like metrics).
pub fn text_width(text: &str) -> f64 {
    text.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '\'' => 250.0,
            'i' | 'j' | 'l' | '/' => 278.0,
            'f' | 't' | 'I' => 320.0,
            'r' | '(' | ')' | '-' | '[' | ']' => 333.0,
            'm' => 778.0,
            'w' => 722.0,
            'M' => 889.0,
            'W' => 944.0,
            c if c.is_ascii_digit() => 500.0,
            c if c.is_uppercase() => 700.0,
            _ => 480.0,
        })
        .sum()
}

/// How badly a cell's lines break the wrap signature of a column of width
/// `column`: a line much wider than the column, or a line after which the
/// next line's first word would still have fitted (unless the break is
/// forced by a bullet or closing punctuation). 0 when consistent.
pub fn wrap_violations<S: AsRef<str>>(lines: &[S], column: f64) -> f64 {
    let mut cost = 0.0;
    for (k, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        let w = text_width(line);
        if w > column * 1.12 {
            cost += 1.0;
        }
        let Some(next) = lines.get(k + 1).map(AsRef::as_ref) else {
            continue;
        };
        let forced = line.ends_with([':', ';', '.']) || next.starts_with(['-', '+', '•', '(']);
        let next_word = next.split_whitespace().next().unwrap_or("");
        if !forced && w + text_width(" ") + text_width(next_word) < column * 0.9 {
            cost += 1.0;
        }
    }
    cost
}

/// A high percentile of a list of widths (robust maximum), if any.
pub fn robust_max(mut widths: Vec<f64>) -> Option<f64> {
    if widths.is_empty() {
        return None;
    }
    widths.sort_by(f64::total_cmp);
    let idx = ((widths.len() as f64) * 0.9).ceil() as usize;
    widths
        .get(idx.saturating_sub(1).min(widths.len() - 1))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_letters_are_wider() {
        assert!(text_width("mmm") > text_width("iii"));
        assert_eq!(text_width("Việt"), text_width("Viet"));
    }

    #[test]
    fn wrap_signature() {
        let col = text_width("Văn phòng");
        assert_eq!(
            wrap_violations(&["Văn phòng", "Trung", "ương Đảng"], col * 1.05),
            0.0
        );
        // "Các tỉnh" followed by "ủy," would have fitted a wide column.
        assert!(
            wrap_violations(
                &["Các tỉnh", "ủy, thành"],
                text_width("Bảo đảm các hạ tầng kỹ thuật")
            ) > 0.0
        );
    }
}
