//! Tolerant parsing of ToUnicode CMaps.
//!
//! Reads `begincodespacerange`, `beginbfchar` and `beginbfrange` sections
//! token by token; a malformed entry is skipped and parsing continues with
//! the next one, so one bad line never loses the rest of the map.

use super::lexer::{hex_value, is_delimiter, is_space};
use std::collections::HashMap;

/// Most codes one `bfrange` entry may expand to (larger ranges are clipped).
const MAX_RANGE: u32 = 0x1_0000;
/// Most mappings kept from one CMap (large CJK fonts map some 20 000).
const MAX_ENTRIES: usize = 1 << 17;
/// Most codes all the `bfrange` entries of one CMap may expand to,
/// overlapping ranges counted again: many huge ranges cost bounded time.
const MAX_EXPANDED: usize = 1 << 18;

/// A code → Unicode map with the byte lengths its codes use.
#[derive(Debug, Clone, Default)]
pub struct ToUnicode {
    map: HashMap<u32, String>,
    /// Byte lengths declared by `codespacerange` (empty when none was given).
    code_lengths: Vec<usize>,
    /// Codes expanded from ranges so far (against [`MAX_EXPANDED`]).
    expanded: usize,
}

impl ToUnicode {
    /// Parse CMap text; never fails (an unreadable CMap is just empty).
    pub fn parse(data: &[u8]) -> ToUnicode {
        let tokens = tokenize(data);
        let mut cmap = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Tok::Word(w) if w == b"begincodespacerange" => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(_))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if !lo.is_empty() && lo.len() <= 4 && !cmap.code_lengths.contains(&lo.len())
                        {
                            cmap.code_lengths.push(lo.len());
                        }
                        i += 2;
                    }
                }
                Tok::Word(w) if w == b"beginbfchar" => {
                    i += 1;
                    while i < tokens.len() {
                        match (&tokens[i], tokens.get(i + 1)) {
                            (Tok::Word(end), _) if end == b"endbfchar" => break,
                            (Tok::Hex(src), Some(Tok::Hex(dst))) => {
                                cmap.insert(code_of(src), utf16_text(dst));
                                i += 2;
                            }
                            (Tok::Hex(src), Some(Tok::Word(name))) => {
                                // `/name` targets are rare: use the glyph name's Unicode.
                                if let Some(c) = super::encoding::glyph_name_to_unicode(name) {
                                    cmap.insert(code_of(src), c.to_string());
                                }
                                i += 2;
                            }
                            _ => i += 1,
                        }
                    }
                }
                Tok::Word(w) if w == b"beginbfrange" => {
                    i += 1;
                    i = cmap.bfrange(&tokens, i);
                }
                _ => i += 1,
            }
        }
        cmap.code_lengths.sort_unstable();
        cmap
    }

    fn insert(&mut self, code: Option<u32>, text: String) {
        if let Some(code) = code {
            if self.map.len() < MAX_ENTRIES {
                self.map.insert(code, text);
            }
        }
    }

    /// Parse `bfrange` entries starting at token `i`; returns the next index.
    fn bfrange(&mut self, tokens: &[Tok], mut i: usize) -> usize {
        while i < tokens.len() {
            let (lo, hi) = match (&tokens[i], tokens.get(i + 1)) {
                (Tok::Word(end), _) if end == b"endbfrange" => break,
                (Tok::Hex(lo), Some(Tok::Hex(hi))) => (code_of(lo), code_of(hi)),
                _ => {
                    i += 1;
                    continue;
                }
            };
            let (Some(lo), Some(hi)) = (lo, hi) else {
                i += 2;
                continue;
            };
            let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
            let room = MAX_EXPANDED.saturating_sub(self.expanded);
            self.expanded += (hi.saturating_sub(lo) as usize + 1).min(room);
            match tokens.get(i + 2) {
                Some(Tok::Hex(dst)) => {
                    let units = utf16_units(dst);
                    for (k, code) in (lo..=hi).take(room).enumerate() {
                        let mut u = units.clone();
                        if let Some(last) = u.last_mut() {
                            *last = last.wrapping_add(k as u16);
                        }
                        self.insert(Some(code), String::from_utf16_lossy(&u));
                    }
                    i += 3;
                }
                Some(Tok::ArrayStart) => {
                    let mut j = i + 3;
                    let mut code = lo;
                    while let Some(Tok::Hex(dst)) = tokens.get(j) {
                        if code <= hi {
                            self.insert(Some(code), utf16_text(dst));
                        }
                        code = code.saturating_add(1);
                        j += 1;
                    }
                    if let Some(Tok::ArrayEnd) = tokens.get(j) {
                        j += 1;
                    }
                    i = j;
                }
                _ => i += 2,
            }
        }
        i
    }

    /// The Unicode text of a code.
    pub fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// Every mapping, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &str)> {
        self.map.iter().map(|(c, t)| (*c, t.as_str()))
    }

    /// Number of mappings.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The single code length declared by the codespace, if there is exactly one.
    pub fn single_code_length(&self) -> Option<usize> {
        match self.code_lengths.as_slice() {
            [n] => Some(*n),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Hex(Vec<u8>),
    Word(Vec<u8>),
    ArrayStart,
    ArrayEnd,
}

fn tokenize(data: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if is_space(b) {
            i += 1;
        } else if b == b'%' {
            while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                i += 1;
            }
        } else if (b == b'<' || b == b'>') && data.get(i + 1) == Some(&b) {
            // Dictionary brackets.
            i += 2;
        } else if b == b'<' {
            i += 1;
            let mut digits = Vec::new();
            while i < data.len() && data[i] != b'>' {
                if let Some(v) = hex_value(data[i]) {
                    digits.push(v);
                } else if !is_space(data[i]) {
                    break;
                }
                i += 1;
            }
            if data.get(i) == Some(&b'>') {
                i += 1;
            }
            if digits.len() % 2 == 1 {
                digits.push(0);
            }
            out.push(Tok::Hex(
                digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(),
            ));
        } else if b == b'[' {
            out.push(Tok::ArrayStart);
            i += 1;
        } else if b == b']' {
            out.push(Tok::ArrayEnd);
            i += 1;
        } else if b == b'(' {
            // Literal strings only appear in the header; skip them.
            let mut depth = 0usize;
            while i < data.len() {
                match data[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        } else {
            let start = if b == b'/' { i + 1 } else { i };
            i += 1;
            while i < data.len() && !is_space(data[i]) && !is_delimiter(data[i]) {
                i += 1;
            }
            out.push(Tok::Word(data[start.min(i)..i].to_vec()));
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some(bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from(p[0]) << 8 | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_huge_ranges_cost_bounded_work() {
        let mut data = b"1 beginbfrange ".to_vec();
        data.extend(b"<0000> <FFFF> <0041>\n".repeat(20_000));
        data.extend(b"endbfrange <0041> <0042> <0061> endbfrange".iter());
        let started = std::time::Instant::now();
        let cmap = ToUnicode::parse(&data);
        assert_eq!(cmap.len(), MAX_RANGE as usize);
        assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
    }

    #[test]
    fn parses_chars_and_ranges() {
        let cmap = ToUnicode::parse(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
              1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
              2 beginbfchar <0003> <0020> <0102> <00660069> endbfchar\n\
              2 beginbfrange <0010> <0012> <0041> <0020> <0021> [<1EA0> <D835DC00>] endbfrange\n\
              endcmap",
        );
        assert_eq!(cmap.get(3), Some(" "));
        assert_eq!(cmap.get(0x102), Some("fi"));
        assert_eq!(cmap.get(0x12), Some("C"));
        assert_eq!(cmap.get(0x20), Some("Ạ"));
        assert_eq!(cmap.get(0x21), Some("𝐀"));
        assert_eq!(cmap.single_code_length(), Some(2));
    }

    #[test]
    fn survives_garbage_entries() {
        let cmap = ToUnicode::parse(
            b"3 beginbfchar <01> <0041> junk <02> <0042> <03 <0043> endbfchar \
              1 beginbfrange <05> <FFFFFFFF> <0061> endbfrange",
        );
        assert_eq!(cmap.get(1), Some("A"));
        assert_eq!(cmap.get(2), Some("B"));
        assert_eq!(cmap.get(5), Some("a"));
        assert!(cmap.len() <= MAX_ENTRIES);
    }
}
