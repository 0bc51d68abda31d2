//! HTML escaping for text and attribute values.

use std::borrow::Cow;

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe both as element
/// content and inside a quoted attribute value.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes_and_keeps_vietnamese() {
        assert_eq!(
            escape(r#"<b onclick='x'>"Bộ Tài chính" & Sở</b>"#),
            "&lt;b onclick=&#39;x&#39;&gt;&quot;Bộ Tài chính&quot; &amp; Sở&lt;/b&gt;"
        );
        assert!(matches!(escape("Quý III/2026"), Cow::Borrowed(_)));
    }
}
