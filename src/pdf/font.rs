//! Fonts: from a font dictionary to "these bytes are these characters with
//! these advance widths".
//!
//! Unicode comes from the ToUnicode CMap first, then from the font's
//! encoding (base encoding + `/Differences` glyph names). Widths come from
//! `/Widths` (simple fonts) or `/W` (CID fonts) with the declared defaults.

use super::cmap::ToUnicode;
use super::encoding::{glyph_name_to_unicode, symbol_pua_to_unicode, BaseEncoding};
use super::objects::{dict_get, name_of, number_of, stream_bytes, Budget};
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

/// A map keyed by character code with a cheap multiplicative hash: codes
/// are looked up for every glyph, and SipHash costs more than the lookup.
type CodeMap<V> = HashMap<u32, V, BuildHasherDefault<CodeHasher>>;

/// Fibonacci hashing of a character code.
#[derive(Default)]
struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Most entries read from a `/W` array.
const MAX_CID_WIDTHS: usize = 1 << 16;
/// Most codes the ranges of one `/W` array may expand to, overlapping
/// ranges counted again: many huge ranges cost bounded time.
const MAX_CID_WIDTHS_EXPANDED: usize = 1 << 18;
/// Width used when a font declares none (text-space thousandths).
const FALLBACK_WIDTH: f64 = 500.0;

/// One character code decoded by a font.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The Unicode text of the code (after the legacy hook), `None` when
    /// the font cannot tell.
    pub text: Option<Rc<str>>,
    /// Advance width in text-space units (already scaled by the font matrix).
    pub width: f64,
    /// Whether the code is the single byte 32 (word spacing `Tw` applies).
    pub is_space_code: bool,
}

/// A font ready to decode shown strings.
#[derive(Debug)]
pub struct Font {
    /// The base font name without a subset prefix (`ABCDEF+`).
    pub name: Rc<str>,
    /// Whether the font can give Unicode for its codes (ToUnicode or a known encoding).
    pub has_unicode: bool,
    two_byte: bool,
    unicode_codes: bool,
    to_unicode: Option<ToUnicode>,
    simple: Option<Box<[Option<char>; 256]>>,
    /// Text per code, hook applied: all 256 codes of a simple font, the
    /// ToUnicode entries of a composite font.
    texts: CodeMap<Rc<str>>,
    widths: CodeMap<f64>,
    default_width: f64,
    scale: f64,
}

impl Font {
    /// Read a font dictionary. Never fails: what cannot be read is left out.
    /// `hook` gets the font name and each code's text (see
    /// [`super::legacy_hook`]).
    pub fn load(doc: &Document, dict: &Dictionary, budget: &mut Budget, hook: Hook) -> Font {
        let subtype = dict_get(doc, dict, b"Subtype").and_then(name_of);
        let raw_name = dict_get(doc, dict, b"BaseFont")
            .and_then(name_of)
            .unwrap_or(b"unnamed");
        let name = strip_subset_prefix(&String::from_utf8_lossy(raw_name)).into();
        let to_unicode = dict_get(doc, dict, b"ToUnicode")
            .and_then(|o| stream_bytes(o, budget))
            .map(|data| ToUnicode::parse(&data))
            .filter(|m| !m.is_empty());
        let mut font = Font {
            name,
            has_unicode: to_unicode.is_some(),
            two_byte: false,
            unicode_codes: false,
            to_unicode,
            simple: None,
            texts: CodeMap::default(),
            widths: CodeMap::default(),
            default_width: FALLBACK_WIDTH / 1000.0,
            scale: 0.001,
        };
        if subtype == Some(b"Type0") {
            font.load_composite(doc, dict);
        } else {
            font.load_simple(doc, dict, subtype);
        }
        font.texts = font.code_texts(hook);
        font
    }

    /// The text of every code the font can map, with the hook applied.
    fn code_texts(&self, hook: Hook) -> CodeMap<Rc<str>> {
        let mut texts = CodeMap::default();
        if let Some(map) = &self.to_unicode {
            for (code, text) in map.iter() {
                let text: String = text.chars().map(symbol_pua_to_unicode).collect();
                texts.insert(code, Rc::from(hook(&self.name, text)));
            }
        }
        if let Some(table) = &self.simple {
            for (code, c) in table.iter().enumerate() {
                if let Some(c) = c {
                    texts
                        .entry(code as u32)
                        .or_insert_with(|| Rc::from(hook(&self.name, c.to_string())));
                }
            }
        }
        texts
    }

    fn load_composite(&mut self, doc: &Document, dict: &Dictionary) {
        self.two_byte = true;
        if let Some(enc) = dict_get(doc, dict, b"Encoding") {
            if let Some(n) = name_of(enc) {
                self.unicode_codes = n.windows(4).any(|w| w == b"UCS2" || w == b"UTF1");
            }
        }
        self.has_unicode |= self.unicode_codes;
        if let Some(len) = self
            .to_unicode
            .as_ref()
            .and_then(ToUnicode::single_code_length)
        {
            self.two_byte = len != 1;
        }
        let descendant = dict_get(doc, dict, b"DescendantFonts")
            .and_then(|o| match o {
                Object::Array(a) => a.first(),
                _ => None,
            })
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let Some(cid) = descendant else { return };
        self.default_width = dict_get(doc, cid, b"DW")
            .and_then(number_of)
            .unwrap_or(1000.0)
            * self.scale;
        if let Some(Object::Array(w)) = dict_get(doc, cid, b"W") {
            self.read_cid_widths(doc, w);
        }
    }

    fn read_cid_widths(&mut self, doc: &Document, w: &[Object]) {
        let value = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| number_of(o));
        let mut i = 0;
        let mut expanded = 0usize;
        while i < w.len()
            && self.widths.len() < MAX_CID_WIDTHS
            && expanded < MAX_CID_WIDTHS_EXPANDED
        {
            let Some(first) = value(&w[i]) else { break };
            let first = first.max(0.0) as u32;
            let next = w
                .get(i + 1)
                .and_then(|o| doc.dereference(o).ok())
                .map(|(_, o)| o);
            match next {
                Some(Object::Array(list)) => {
                    expanded += list.len();
                    for (k, item) in list.iter().enumerate() {
                        if let Some(width) = value(item) {
                            self.widths
                                .insert(first.saturating_add(k as u32), width * self.scale);
                        }
                    }
                    i += 2;
                }
                Some(o) => {
                    let (Some(last), Some(width)) = (number_of(o), w.get(i + 2).and_then(value))
                    else {
                        break;
                    };
                    let last =
                        (last.max(0.0) as u32).min(first.saturating_add(MAX_CID_WIDTHS as u32));
                    expanded += last.saturating_sub(first) as usize + 1;
                    for code in first..=last {
                        self.widths.insert(code, width * self.scale);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: Option<&[u8]>) {
        if subtype == Some(b"Type3") {
            if let Some(Object::Array(m)) = dict_get(doc, dict, b"FontMatrix") {
                if let Some(a) = m.first().and_then(number_of) {
                    if a.is_finite() && a != 0.0 {
                        self.scale = a.abs();
                    }
                }
            }
        }
        let descriptor = dict_get(doc, dict, b"FontDescriptor").and_then(|o| o.as_dict().ok());
        let missing = descriptor
            .and_then(|d| dict_get(doc, d, b"MissingWidth"))
            .and_then(number_of);
        self.default_width = missing.unwrap_or(FALLBACK_WIDTH) * self.scale;
        let first = dict_get(doc, dict, b"FirstChar")
            .and_then(number_of)
            .unwrap_or(0.0)
            .clamp(0.0, 255.0) as u32;
        if let Some(Object::Array(ws)) = dict_get(doc, dict, b"Widths") {
            for (k, o) in ws.iter().take(256).enumerate() {
                if let Some(width) = doc.dereference(o).ok().and_then(|(_, o)| number_of(o)) {
                    self.widths.insert(first + k as u32, width * self.scale);
                }
            }
        }
        let mut base = if subtype == Some(b"Type1") || subtype == Some(b"Type3") {
            BaseEncoding::Standard
        } else {
            BaseEncoding::WinAnsi
        };
        let mut differences: Vec<(u8, char)> = Vec::new();
        let mut known_encoding = false;
        match dict_get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => {
                if let Some(b) = BaseEncoding::from_name(n) {
                    base = b;
                    known_encoding = true;
                }
            }
            Some(Object::Dictionary(enc)) => {
                if let Some(b) = dict_get(doc, enc, b"BaseEncoding")
                    .and_then(name_of)
                    .and_then(BaseEncoding::from_name)
                {
                    base = b;
                    known_encoding = true;
                }
                if let Some(Object::Array(diffs)) = dict_get(doc, enc, b"Differences") {
                    differences = read_differences(diffs);
                    known_encoding |= !differences.is_empty();
                }
            }
            _ => {}
        }
        let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
        for (code, slot) in table.iter_mut().enumerate() {
            *slot = base.char_of(code as u8);
        }
        for (code, c) in differences {
            table[usize::from(code)] = Some(c);
        }
        self.simple = Some(table);
        // Without ToUnicode a font that declares no encoding still reads
        // through the standard tables, but it may be a symbolic subset.
        self.has_unicode |= known_encoding || self.to_unicode.is_none();
    }

    /// Decode a shown string into characters with widths.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Decoded>) {
        let step = if self.two_byte { 2 } else { 1 };
        for chunk in bytes.chunks(step) {
            let code = chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            let text = self.text_of(code);
            let width = self
                .widths
                .get(&code)
                .copied()
                .filter(|w| w.is_finite())
                .unwrap_or(self.default_width);
            out.push(Decoded {
                text,
                width,
                is_space_code: step == 1 && code == 32,
            });
        }
    }

    fn text_of(&self, code: u32) -> Option<Rc<str>> {
        if let Some(t) = self.texts.get(&code) {
            return Some(Rc::clone(t));
        }
        if self.unicode_codes {
            return char::from_u32(code).map(|c| Rc::from(c.to_string()));
        }
        None
    }
}

fn read_differences(diffs: &[Object]) -> Vec<(u8, char)> {
    let mut out = Vec::new();
    let mut code: i64 = 0;
    for item in diffs {
        match item {
            Object::Integer(n) => code = *n,
            Object::Real(r) => code = *r as i64,
            Object::Name(name) => {
                if let (Ok(c), Some(ch)) = (u8::try_from(code), glyph_name_to_unicode(name)) {
                    out.push((c, ch));
                }
                code += 1;
            }
            _ => {}
        }
    }
    out
}

/// `ABCDEF+TimesNewRoman` → `TimesNewRoman`.
fn strip_subset_prefix(name: &str) -> &str {
    match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    }
}

/// The legacy-encoding hook: font name and decoded text in, text out.
pub type Hook = fn(&str, String) -> String;

/// Most fonts read from one document; fonts beyond it draw nothing.
const MAX_FONTS: usize = 4096;

/// Fonts already read in one document, by object id (or, for a font
/// dictionary written inline, by its place in the loaded document).
pub struct FontCache {
    fonts: HashMap<lopdf::ObjectId, Rc<Font>>,
    inline: HashMap<usize, Rc<Font>>,
    hook: Hook,
}

impl FontCache {
    /// An empty cache whose fonts apply `hook` to their texts.
    pub fn new(hook: Hook) -> Self {
        FontCache {
            fonts: HashMap::new(),
            inline: HashMap::new(),
            hook,
        }
    }

    /// The font a resource entry refers to, loading it on first use.
    pub fn get(&mut self, doc: &Document, entry: &Object, budget: &mut Budget) -> Option<Rc<Font>> {
        let loaded = self.fonts.len() + self.inline.len();
        match entry {
            Object::Reference(id) => {
                if let Some(f) = self.fonts.get(id) {
                    return Some(Rc::clone(f));
                }
                if loaded >= MAX_FONTS {
                    return None;
                }
                let dict = doc.get_dictionary(*id).ok()?;
                let font = Rc::new(Font::load(doc, dict, budget, self.hook));
                self.fonts.insert(*id, Rc::clone(&font));
                Some(font)
            }
            Object::Dictionary(d) => {
                // The document outlives the cache, so the address is stable.
                let key = d as *const Dictionary as usize;
                if let Some(f) = self.inline.get(&key) {
                    return Some(Rc::clone(f));
                }
                if loaded >= MAX_FONTS {
                    return None;
                }
                let font = Rc::new(Font::load(doc, d, budget, self.hook));
                self.inline.insert(key, Rc::clone(&font));
                Some(font)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn differences_and_widths() {
        let doc = Document::new();
        let dict = dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Times",
            "FirstChar" => 65, "Widths" => vec![Object::Integer(600), Object::Integer(700)],
            "Encoding" => dictionary! {
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![Object::Integer(66), Object::Name(b"uhorn".to_vec())],
            },
        };
        let hook: Hook = |_, t| t;
        let font = Font::load(&doc, &dict, &mut Budget::new(1 << 20), hook);
        assert_eq!(&*font.name, "Times");
        let mut out = Vec::new();
        font.decode(b"AB C", &mut out);
        let text: String = out.iter().filter_map(|d| d.text.as_deref()).collect();
        assert_eq!(text, "Aư C");
        assert!((out[0].width - 0.6).abs() < 1e-9);
        assert!((out[1].width - 0.7).abs() < 1e-9);
        assert!(out[2].is_space_code);
    }

    #[test]
    fn hostile_cid_widths() {
        let doc = Document::new();
        let big = Object::Integer(i64::from(u32::MAX));
        let dict = dictionary! {
            "Subtype" => "Type0", "BaseFont" => "X", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Dictionary(dictionary! {
                "W" => vec![big.clone(), Object::Array(vec![1.into(), 2.into()]),
                            big.clone(), big, 5.into(), Object::Integer(-7), "junk".into()],
            })],
        };
        let hook: Hook = |_, t| t;
        let font = Font::load(&doc, &dict, &mut Budget::new(1 << 20), hook);
        let mut out = Vec::new();
        font.decode(&[0xFF, 0xFF, 0xFF], &mut out);
        assert_eq!(out.len(), 2);
    }
}
