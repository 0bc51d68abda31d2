//! Simple-font encodings: the base encodings and glyph names.

use super::tables::{GLYPH_NAMES, MAC_ROMAN, STANDARD, WIN_ANSI};

/// A single-byte base encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    /// WinAnsiEncoding, read as Windows code page 1252.
    WinAnsi,
    /// MacRomanEncoding.
    MacRoman,
    /// Adobe StandardEncoding.
    Standard,
}

impl BaseEncoding {
    /// The encoding a `/Encoding` or `/BaseEncoding` name stands for.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" | b"MacExpertEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            _ => None,
        }
    }

    /// The character of a code, if the encoding defines one.
    pub fn char_of(self, code: u8) -> Option<char> {
        let table = match self {
            BaseEncoding::WinAnsi => &WIN_ANSI,
            BaseEncoding::MacRoman => &MAC_ROMAN,
            BaseEncoding::Standard => &STANDARD,
        };
        let c = table[usize::from(code)];
        (c != '\0').then_some(c)
    }
}

/// The Unicode character a glyph name stands for: Adobe Glyph List names,
/// `uniXXXX`, `uXXXX[XX]`, and names with a `.suffix` (`a.sc`).
pub fn glyph_name_to_unicode(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if let Ok(i) = GLYPH_NAMES.binary_search_by(|(n, _)| n.cmp(&base)) {
        return Some(GLYPH_NAMES[i].1);
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|h| h.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|h| (4..=6).contains(&h.len()))
        })?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// Symbol-font characters that Word writes in the Private Use Area
/// (U+F0xx, the font's byte code + 0xF000) mapped to their meaning; other
/// characters unchanged.
pub fn symbol_pua_to_unicode(c: char) -> char {
    match c {
        '\u{F020}' => ' ',
        '\u{F02D}' => '-',
        '\u{F0A7}' => '▪',
        '\u{F0B7}' => '•',
        '\u{F0D8}' => '➢',
        '\u{F0E0}' => '→',
        '\u{F0FC}' => '✓',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode(b"uhorn"), Some('ư'));
        assert_eq!(glyph_name_to_unicode(b"dcroat"), Some('đ'));
        assert_eq!(glyph_name_to_unicode(b"uni1EA1"), Some('ạ'));
        assert_eq!(glyph_name_to_unicode(b"u1EF9"), Some('ỹ'));
        assert_eq!(glyph_name_to_unicode(b"a.sc"), Some('a'));
        assert_eq!(glyph_name_to_unicode(b"g123"), None);
        assert_eq!(glyph_name_to_unicode(b"uniZZZZ"), None);
    }

    #[test]
    fn symbol_private_use() {
        assert_eq!(symbol_pua_to_unicode('\u{F02D}'), '-');
        assert_eq!(symbol_pua_to_unicode('ư'), 'ư');
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.char_of(0x80), Some('€'));
        assert_eq!(BaseEncoding::WinAnsi.char_of(0xC3), Some('Ã'));
        assert_eq!(BaseEncoding::Standard.char_of(0x27), Some('’'));
        assert_eq!(BaseEncoding::MacRoman.char_of(0x8E), Some('é'));
    }
}
