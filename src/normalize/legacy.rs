//! Decoding of pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI, VISCII,
//! Windows-1258, VPS) as they come out of PDF extractors: each byte shown
//! as its Latin-1/Windows-1252 character ("Céng hoµ x· héi").
//!
//! The byte tables are the reference tables under `data/encodings/`,
//! embedded and parsed once. Two entry points: [`decode_font_run`] for a
//! PDF run whose font name is known, and [`decode_legacy_text`] for plain
//! text, which decides line by line from character signatures and the
//! syllable validity of the decoded words. Text that is already valid
//! Unicode Vietnamese is never changed.

use super::change::Change;
use super::lowbyte;
use super::syllable::{all_words_valid, is_vowel, is_well_formed, split_tone};
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A legacy Vietnamese character encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// TCVN 5712:1993 VN3 ("ABC"; fonts `.VnTime`, `.VnArial`).
    Tcvn3,
    /// VNI-Windows (fonts `VNI-Times`, `VNI-Helve`).
    Vni,
    /// VISCII 1.1 (RFC 1456).
    Viscii,
    /// Windows-1258 (base letter + combining tone byte).
    Cp1258,
    /// VPS (rare; lower-confidence table).
    Vps,
    /// Not a code page: OCR text layers (Adobe Scan) that wrote each
    /// letter as the low byte of its code point (ạ → "¡", ư → "°"); đ and
    /// ă were lost as control bytes and stay lost.
    OcrLowByte,
}

impl Encoding {
    /// Every supported encoding.
    pub const ALL: [Encoding; 6] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
        Encoding::Vps,
        Encoding::OcrLowByte,
    ];

    /// The encodings tried on plain text (VPS is too rare and too close to
    /// the others to guess).
    const DETECTED: [Encoding; 5] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
        Encoding::OcrLowByte,
    ];

    /// The common name of the encoding.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3",
            Encoding::Vni => "VNI",
            Encoding::Viscii => "VISCII",
            Encoding::Cp1258 => "CP1258",
            Encoding::Vps => "VPS",
            Encoding::OcrLowByte => "OCR low-byte",
        }
    }

    /// The embedded reference table (none for OCR low bytes).
    fn source(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => include_str!("../../data/encodings/tcvn3.tsv"),
            Encoding::Vni => include_str!("../../data/encodings/vni.tsv"),
            Encoding::Viscii => include_str!("../../data/encodings/viscii.tsv"),
            Encoding::Cp1258 => include_str!("../../data/encodings/cp1258.tsv"),
            Encoding::Vps => include_str!("../../data/encodings/vps.tsv"),
            Encoding::OcrLowByte => "",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One parsed encoding table.
struct Table {
    /// Byte → character.
    single: [Option<char>; 256],
    /// Two bytes (base + mark) → character; matched before `single`.
    pairs: HashMap<(u8, u8), char>,
    /// Bytes that start some pair.
    pair_first: [bool; 256],
    /// Bytes that occur in the table and whose Latin-1 or Windows-1252
    /// rendering is not itself a Vietnamese letter: their presence in
    /// text is evidence for this encoding.
    signature: [bool; 256],
}

/// Windows-1252 characters for bytes 0x80–0x9F (index = byte − 0x80).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The character a PDF extractor shows for one byte (Windows-1252 for
/// 0x80–0x9F, Latin-1 otherwise).
pub fn byte_char(b: u8) -> char {
    if (0x80..0xA0).contains(&b) {
        CP1252_HIGH[usize::from(b - 0x80)]
    } else {
        char::from(b)
    }
}

/// The byte an extracted character stands for under an encoding; `None`
/// for characters outside the single-byte range. TCVN3 producer quirks
/// are undone here: U+2212 MINUS for ư (0xAD), U+2219 for ã (0xB7).
fn char_byte(enc: Encoding, c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    if enc == Encoding::Tcvn3 {
        match c {
            '\u{2212}' => return Some(0xAD),
            '\u{2219}' => return Some(0xB7),
            _ => {}
        }
    }
    CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// Whether a character is a letter of the Vietnamese alphabet.
fn is_vietnamese_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ') || is_vowel(c)
}

/// Parse a `0xAB 0xCD` byte list.
fn parse_bytes(field: &str) -> Option<Vec<u8>> {
    field
        .split_whitespace()
        .map(|b| u8::from_str_radix(b.trim_start_matches("0x"), 16).ok())
        .collect()
}

/// Parse a `U+1EA0` code point.
fn parse_code_point(field: &str) -> Option<char> {
    let hex = field.trim().strip_prefix("U+")?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// Parse one reference table: the header names the `byte`/`bytes` and
/// `unicode` columns; `#` lines are comments.
fn parse_table(source: &str) -> Table {
    let mut table = Table {
        single: [None; 256],
        pairs: HashMap::new(),
        pair_first: [false; 256],
        signature: [false; 256],
    };
    let mut lines = source.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let byte_col = header.iter().position(|h| h.starts_with("byte"));
    let uni_col = header.iter().position(|h| *h == "unicode");
    let (Some(byte_col), Some(uni_col)) = (byte_col, uni_col) else {
        return table;
    };
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        let bytes = fields.get(byte_col).and_then(|f| parse_bytes(f));
        let ch = fields.get(uni_col).and_then(|f| parse_code_point(f));
        let (Some(bytes), Some(ch)) = (bytes, ch) else {
            continue;
        };
        match bytes[..] {
            [b] => table.single[usize::from(b)] = Some(ch),
            [a, b] => {
                table.pairs.insert((a, b), ch);
                table.pair_first[usize::from(a)] = true;
            }
            _ => continue,
        }
        for b in bytes {
            let shown = byte_char(b);
            // 0x80-0x9F show as Windows-1252 quotes, dashes and € in
            // extracted text, which Unicode text is full of: no evidence.
            let cp1252_punct = (0x80..0xA0).contains(&b);
            if !b.is_ascii()
                && !cp1252_punct
                && !is_vietnamese_letter(shown)
                && !shown.is_whitespace()
            {
                table.signature[usize::from(b)] = true;
            }
        }
    }
    table
}

/// The parsed table of an encoding, built on first use.
fn table(enc: Encoding) -> &'static Table {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Encoding::ALL
            .iter()
            .map(|e| parse_table(e.source()))
            .collect()
    });
    &tables[enc.index()]
}

/// Decode extracted text under a legacy encoding. Characters that stand
/// for no byte of the encoding (true Unicode letters, symbols) pass
/// through unchanged; combining marks left over are composed (NFC).
pub fn decode(enc: Encoding, text: &str) -> String {
    if enc == Encoding::OcrLowByte {
        return lowbyte::decode(text);
    }
    let table = table(enc);
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let byte = char_byte(enc, c);
        if let Some(a) = byte.filter(|&a| table.pair_first[usize::from(a)]) {
            let pair = chars
                .peek()
                .and_then(|&next| char_byte(enc, next))
                .and_then(|b| table.pairs.get(&(a, b)));
            if let Some(&p) = pair {
                out.push(p);
                chars.next();
                continue;
            }
        }
        out.push(byte.and_then(|b| table.single[usize::from(b)]).unwrap_or(c));
    }
    if out.chars().any(is_combining_mark) {
        out.nfc().collect()
    } else {
        out
    }
}

/// Whether the text holds a Vietnamese letter that no legacy byte can
/// stand for (ư, ơ, đ, ệ …): then it is Unicode already.
fn has_unicode_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| u32::from(c) > 0xFF && (matches!(c, 'đ' | 'Đ') || is_vowel(c)))
}

/// Number of characters in `text` that are evidence for `enc`.
fn signature_count(enc: Encoding, text: &str) -> usize {
    if enc == Encoding::OcrLowByte {
        return text.chars().filter(|&c| lowbyte::is_signature(c)).count();
    }
    let table = table(enc);
    text.chars()
        .filter_map(|c| char_byte(enc, c))
        .filter(|&b| table.signature[usize::from(b)])
        .count()
}

/// Whether a line shows TCVN3 signature characters other than the soft
/// hyphen (which is TCVN3's ư but also a real soft hyphen in Unicode).
pub(crate) fn has_tcvn3_evidence(text: &str) -> bool {
    let table = table(Encoding::Tcvn3);
    text.chars()
        .filter(|&c| c != '\u{00AD}')
        .filter_map(|c| char_byte(Encoding::Tcvn3, c))
        .any(|b| table.signature[usize::from(b)])
}

/// How one line fares under one encoding.
struct Assessment {
    enc: Encoding,
    decoded: String,
    /// Whitespace tokens the decoding changed.
    changed: usize,
    /// Changed tokens that are valid syllables before decoding.
    valid_before: usize,
    /// Changed tokens that are valid syllables after decoding.
    valid_after: usize,
    /// Changed tokens valid before decoding but not after.
    worse: usize,
    /// Changed tokens that had no letter before ("20’" → "20Ỗ").
    symbol_tokens: usize,
    /// Tokens left alone because they hold Unicode Vietnamese letters
    /// (a line mixing a Unicode run with a legacy one).
    unicode_tokens: usize,
    /// Signature characters in the line.
    signatures: usize,
}

impl Assessment {
    /// Confident on its own: signature characters (or every word fixed),
    /// several valid words, three in four changed words valid, and for a
    /// line mixing Unicode words more decoded words than Unicode ones.
    fn strict(&self) -> bool {
        (self.signatures > 0 || self.all_words_fixed())
            && self.valid_after >= 2
            && self.valid_after * 4 >= self.changed * 3
            && self.valid_after > self.valid_before
            && self.mixed_ok()
    }

    /// Without signature characters ("Caên" is VNI ă with the mark byte
    /// shown as ê) the words must speak: at least three changed, at most
    /// a third valid before, all valid after, none made from symbols alone
    /// ("20’"), as no Unicode line fares.
    fn all_words_fixed(&self) -> bool {
        self.changed >= 3
            && self.symbol_tokens == 0
            && self.valid_before * 3 <= self.changed
            && self.valid_after == self.changed
    }

    /// Order between encodings: words made valid, then signatures, then
    /// fewer valid words rewritten into other valid words (VISCII "Chính"
    /// stays, TCVN3 would make it "Chớnh").
    fn rank(&self) -> (isize, usize, std::cmp::Reverse<usize>) {
        let gain = self.valid_after as isize - self.valid_before as isize;
        (gain, self.signatures, std::cmp::Reverse(self.valid_before))
    }

    /// For a line mixing Unicode words: at least three decoded valid
    /// words, and more of them than Unicode words.
    fn mixed_ok(&self) -> bool {
        self.unicode_tokens == 0
            || (self.valid_after >= 3 && self.valid_after > self.unicode_tokens)
    }

    /// Good enough inside a document already known to use this encoding:
    /// more valid words, or as many and signature characters ("Sè:
    /// 109/2004/N§-CP"), with no word made invalid.
    fn lenient(&self) -> bool {
        let better = self.valid_after > self.valid_before
            || (self.signatures > 0 && self.valid_after == self.valid_before);
        better
            && self.worse == 0
            && self.valid_after >= 1
            && self.valid_after * 2 >= self.changed
            && self.mixed_ok()
    }
}

/// Decode one line under `enc`, token by token, scoring the tokens.
fn assess(enc: Encoding, line: &str) -> Assessment {
    // (token, decoded token or None when left alone as Unicode, space after)
    let mut parts: Vec<(&str, Option<String>, &str)> = Vec::new();
    let mut rest = line;
    while !rest.is_empty() {
        let split = rest
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(rest.len(), |(i, _)| i);
        let (token, tail) = rest.split_at(split);
        let space_len = tail
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .map_or(tail.len(), |(i, _)| i);
        let (space, tail) = tail.split_at(space_len);
        let out = (!has_unicode_vietnamese(token)).then(|| {
            let out = decode(enc, token);
            if enc == Encoding::Tcvn3 {
                tcvn3_fixups(token, out)
            } else {
                out
            }
        });
        parts.push((token, out, space));
        rest = tail;
    }
    if enc == Encoding::Tcvn3 {
        uppercase_capital_lines(&mut parts);
    }
    let mut a = Assessment {
        enc,
        decoded: String::with_capacity(line.len() + 8),
        changed: 0,
        valid_before: 0,
        valid_after: 0,
        worse: 0,
        symbol_tokens: 0,
        unicode_tokens: 0,
        signatures: 0,
    };
    for (token, out, space) in parts {
        match out {
            None => {
                a.unicode_tokens += 1;
                a.decoded.push_str(token);
            }
            Some(out) => {
                a.signatures += signature_count(enc, token);
                if out != token {
                    let (before, after) = (is_well_formed(token), is_well_formed(&out));
                    a.changed += 1;
                    a.valid_before += usize::from(before);
                    a.valid_after += usize::from(after);
                    a.worse += usize::from(before && !after);
                    a.symbol_tokens += usize::from(!token.chars().any(char::is_alphabetic));
                }
                a.decoded.push_str(&out);
            }
        }
        a.decoded.push_str(space);
    }
    a
}

/// In a heading set in a TCVN3 capitals font, words with one plain
/// capital keep lowercase-coded letters ("Ký", "Hộ", "Cá"). When most
/// words of the line are capitals already (at least three), uppercase
/// every decoded word that has no plain lowercase letter.
fn uppercase_capital_lines(parts: &mut [(&str, Option<String>, &str)]) {
    let words = parts
        .iter()
        .filter(|(t, _, _)| t.chars().any(char::is_alphabetic))
        .count();
    let capital_words = parts
        .iter()
        .filter(|(t, out, _)| {
            !t.chars().any(|c| c.is_ascii_lowercase())
                && out
                    .as_deref()
                    .is_some_and(|o| o.chars().filter(|c| c.is_uppercase()).count() >= 2)
        })
        .count();
    if capital_words < 3 || capital_words * 3 < words * 2 {
        return;
    }
    for (token, out, _) in parts.iter_mut() {
        if let Some(o) = out {
            if !token.chars().any(|c| c.is_ascii_lowercase()) {
                *o = o.to_uppercase();
            }
        }
    }
}

/// TCVN3 repairs on one decoded token: capitals drawn by an `H` font
/// ("CñA" → "CỦA", "§ÆT" → "ĐẶT": two capitals and no plain lowercase
/// letter) and a dropped ư (soft hyphen lost by the extractor: "®îc" →
/// "được").
fn tcvn3_fixups(original: &str, decoded: String) -> String {
    let upper = decoded.chars().filter(|c| c.is_uppercase()).count();
    let lower = original.chars().any(|c| c.is_ascii_lowercase());
    let decoded = if upper >= 2 && !lower {
        decoded.to_uppercase()
    } else {
        decoded
    };
    if all_words_valid(&decoded) {
        return decoded;
    }
    restore_dropped_u_horn(&decoded).unwrap_or(decoded)
}

/// Insert the ư lost before a ơ ("nớc" → "nước") when that makes every
/// word of the token valid.
fn restore_dropped_u_horn(token: &str) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    let pos = chars.iter().enumerate().position(|(i, &c)| {
        let base = split_tone(c).0;
        matches!(base, 'ơ' | 'Ơ')
            && i > 0
            && chars[i - 1].is_alphabetic()
            && !is_vowel(chars[i - 1])
    })?;
    let horn = if chars[pos].is_uppercase() {
        'Ư'
    } else {
        'ư'
    };
    let mut fixed: String = chars[..pos].iter().collect();
    fixed.push(horn);
    fixed.extend(&chars[pos..]);
    all_words_valid(&fixed).then_some(fixed)
}

/// Whether a line may hold legacy text: some character stands for a
/// non-ASCII byte.
fn is_candidate(line: &str) -> bool {
    !line.is_ascii()
        && line
            .chars()
            .any(|c| !c.is_ascii() && char_byte(Encoding::Tcvn3, c).is_some())
}

/// The best assessment of a line over the detectable encodings (the
/// first that fixes every changed word, none valid before, ends the
/// search).
fn best_assessment(line: &str) -> Option<Assessment> {
    if !is_candidate(line) {
        return None;
    }
    // A line without any Unicode-only letter and with three words that
    // decoding could change may be legacy text without signature
    // characters ("Caên"); other lines need signatures.
    let unsigned_possible = !has_unicode_vietnamese(line)
        && line
            .split_whitespace()
            .filter(|t| !t.is_ascii())
            .nth(2)
            .is_some();
    let mut best: Option<Assessment> = None;
    for enc in Encoding::DETECTED {
        if !unsigned_possible && signature_count(enc, line) == 0 {
            continue;
        }
        let a = assess(enc, line);
        if a.changed == 0 {
            continue;
        }
        let perfect = a.strict() && a.valid_after == a.changed && a.valid_before == 0;
        if best.as_ref().is_none_or(|b| a.rank() > b.rank()) {
            best = Some(a);
        }
        if perfect {
            break;
        }
    }
    best
}

/// Decode the legacy-encoded lines of a plain text (e.g. pdftotext output
/// of an old TCVN3 PDF), leaving Unicode lines alone, and list each line
/// decoded. Line breaks and form feeds are kept as they are.
///
/// A line is decoded when it shows signature characters of an encoding
/// (or every changed word becomes valid) and most changed words become
/// valid syllables; once a quarter of the candidate lines of a document
/// are such lines, weaker lines are decoded with the same encoding.
pub fn decode_legacy_text(text: &str) -> (String, Vec<Change>) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let assessments: Vec<Option<Assessment>> = lines.iter().map(|l| best_assessment(l)).collect();
    let mut votes: HashMap<Encoding, usize> = HashMap::new();
    for a in assessments.iter().flatten().filter(|a| a.strict()) {
        *votes.entry(a.enc).or_default() += 1;
    }
    // The document is taken as legacy only when a quarter of the lines
    // that could be legacy decode confidently (OCR garbage does not).
    let assessed_lines = assessments.iter().flatten().count();
    let doc_enc = votes
        .into_iter()
        .filter(|&(_, n)| n * 4 >= assessed_lines)
        .max_by_key(|&(enc, n)| (n, std::cmp::Reverse(enc.index())))
        .map(|(enc, _)| enc);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut changes = Vec::new();
    for (i, (line, best)) in lines.iter().zip(assessments).enumerate() {
        let chosen = match (best, doc_enc) {
            // The document's own encoding wins a line it reads as well
            // ("më réng" is TCVN3 "mở rộng" in a TCVN3 document, though
            // VISCII "mẻ réng" is valid too).
            (Some(a), Some(enc)) if a.enc != enc => {
                let own = assess(enc, line);
                if own.valid_after >= a.valid_after && (own.strict() || own.lenient()) {
                    Some(own)
                } else {
                    a.strict().then_some(a)
                }
            }
            (Some(a), _) if a.strict() => Some(a),
            (weak, Some(enc)) if is_candidate(line) => {
                let a = match weak {
                    Some(a) if a.enc == enc => a,
                    _ => assess(enc, line),
                };
                a.lenient().then_some(a)
            }
            _ => None,
        };
        match chosen {
            Some(a) => {
                let before = line.trim_end_matches(['\n', '\r']);
                let after = a.decoded.trim_end_matches(['\n', '\r']);
                changes.push(Change::rewrite(
                    i + 1,
                    1,
                    before,
                    after,
                    &format!(
                        "{} legacy encoding decoded ({}/{} changed words valid)",
                        a.enc.name(),
                        a.valid_after,
                        a.changed
                    ),
                ));
                out.push_str(&a.decoded);
            }
            None => out.push_str(line),
        }
    }
    (out, changes)
}

/// The legacy encoding a PDF font name declares, and whether it is a
/// capitals-only font (`.VnTimeH`). The subset prefix (`ABCDEF+`) and
/// style suffixes (`,Bold`, `-Italic`, `Bold`) are ignored.
pub fn font_encoding(font_name: &str) -> Option<(Encoding, bool)> {
    let name = match font_name.split_once('+') {
        Some((prefix, rest))
            if prefix.len() == 6 && prefix.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            rest
        }
        _ => font_name,
    };
    let name = name.trim_start_matches('.');
    let family = name.split([',', '-']).next().unwrap_or(name);
    let lower = name.to_ascii_lowercase();
    let enc = if lower.starts_with("vni") {
        Encoding::Vni
    } else if lower.starts_with("vn") {
        Encoding::Tcvn3
    } else if lower.starts_with("vps") {
        Encoding::Vps
    } else if lower.starts_with("viscii") {
        Encoding::Viscii
    } else {
        return None;
    };
    let mut core = family.trim_end_matches(char::is_whitespace);
    for style in ["Italic", "Bold", "Regular", "Normal", "Oblique"] {
        core = core.trim_end_matches(style);
    }
    let capitals = enc == Encoding::Tcvn3 && core.ends_with('H');
    Some((enc, capitals))
}

/// Decode one PDF text run drawn in a legacy-encoded font, or `None` when
/// the run should be left alone: the font is not a legacy font, the text
/// is already Unicode Vietnamese (font names lie), or decoding changes
/// nothing. Capital fonts (`.VnTimeH`) are uppercased after decoding.
pub fn decode_font_run(font_name: &str, text: &str) -> Option<String> {
    let (enc, capitals) = font_encoding(font_name)?;
    if has_unicode_vietnamese(text) {
        return None;
    }
    // Confirm with the words: decoding must not make valid words invalid,
    // and needs signature characters or more valid words ("Céng").
    // A run may be a fragment of a word ("§", "éng"): then signatures decide.
    let a = assess(enc, text);
    let confirmed = a.worse == 0
        && a.valid_after >= a.valid_before
        && (a.signatures > 0 || a.valid_after > a.valid_before);
    let plain_capitals = capitals && a.changed == 0;
    if !(confirmed || plain_capitals) {
        return None;
    }
    let out = if capitals {
        a.decoded.to_uppercase()
    } else {
        a.decoded
    };
    (out != text).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters an extractor shows for a list of bytes.
    fn shown(bytes: &[u8]) -> String {
        bytes.iter().map(|&b| byte_char(b)).collect()
    }

    #[test]
    fn every_table_row_decodes() {
        for enc in Encoding::ALL.into_iter().filter(|e| !e.source().is_empty()) {
            let mut rows = 0;
            for line in enc.source().lines().filter(|l| !l.starts_with('#')).skip(1) {
                let fields: Vec<&str> = line.split('\t').collect();
                let bytes = parse_bytes(fields[0]).unwrap_or_default();
                let Some(ch) = fields.iter().find_map(|f| parse_code_point(f)) else {
                    continue;
                };
                let expected = ch.to_string();
                assert_eq!(
                    decode(enc, &shown(&bytes)),
                    expected,
                    "{} row {line}",
                    enc.name()
                );
                rows += 1;
            }
            assert!(rows >= 70, "{} has only {rows} rows", enc.name());
        }
    }

    /// Encode Unicode text as an extractor would show it under `enc`,
    /// from the table itself (single bytes preferred).
    fn encode(enc: Encoding, text: &str) -> String {
        let table = table(enc);
        let mut reverse: HashMap<char, Vec<u8>> = HashMap::new();
        for (&(a, b), &c) in &table.pairs {
            reverse.entry(c).or_insert_with(|| vec![a, b]);
        }
        for (b, c) in table.single.iter().enumerate() {
            if let (Some(c), Ok(b)) = (c, u8::try_from(b)) {
                reverse.insert(*c, vec![b]);
            }
        }
        text.chars()
            .flat_map(|c| match reverse.get(&c) {
                Some(bytes) => shown(bytes).chars().collect::<Vec<_>>(),
                None => vec![c],
            })
            .collect()
    }

    const SAMPLE: &str = "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\
        Theo đề nghị của Bộ trưởng Bộ Nội vụ, các đơn vị được giao nhiệm vụ\n\
        khẩn trương triển khai thực hiện, báo cáo kết quả trước ngày 15/9/2026.\n";

    #[test]
    fn text_path_detects_each_encoding() {
        for enc in [
            Encoding::Tcvn3,
            Encoding::Vni,
            Encoding::Viscii,
            Encoding::Cp1258,
        ] {
            let mangled = encode(enc, SAMPLE);
            assert_ne!(mangled, SAMPLE, "{}", enc.name());
            assert_eq!(decode(enc, &mangled), SAMPLE, "{} round trip", enc.name());
            let (out, changes) = decode_legacy_text(&mangled);
            assert_eq!(out, SAMPLE, "{} detection", enc.name());
            assert!(
                changes.iter().all(|c| c.reason.starts_with(enc.name())),
                "{}: {:?}",
                enc.name(),
                changes
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn legacy_lines_of_real_words_decode_back(
            start in 0usize..40,
            len in 5usize..12,
            enc_pick in 0usize..4,
        ) {
            // A window of real running text, as a line of a document.
            let words: Vec<&str> = SAMPLE.split_whitespace().collect();
            let start = start.min(words.len() - len);
            let line = words[start..start + len].join(" ");
            let enc = Encoding::DETECTED[enc_pick];
            let mangled = encode(enc, &line);
            // A line is decoded on its own only with enough evidence:
            // three words changed by the encoding.
            let differing = mangled
                .split(' ')
                .zip(line.split(' '))
                .filter(|(m, l)| m != l)
                .count();
            proptest::prop_assume!(differing >= 3);
            let (out, _) = decode_legacy_text(&mangled);
            proptest::prop_assert_eq!(out, line, "{}: {}", enc.name(), mangled);
        }
    }

    #[test]
    fn reference_vectors() {
        assert_eq!(
            decode(Encoding::Tcvn3, "Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
            "Cộng hoà xã hội chủ nghĩa Việt Nam"
        );
        assert_eq!(
            decode(Encoding::Tcvn3, "§éc lËp - Tù do - H¹nh phóc"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(
            decode(Encoding::Vni, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
            "Cộng hòa xã hội chủ nghĩa Việt Nam"
        );
    }

    #[test]
    fn tcvn3_producer_quirks() {
        assert_eq!(decode(Encoding::Tcvn3, "n−íc x∙ ®\u{AD}îc"), "nước xã được");
    }

    #[test]
    fn font_runs() {
        assert_eq!(
            decode_font_run("ABCDEF+.VnTime", "Céng hoµ").as_deref(),
            Some("Cộng hoà")
        );
        assert_eq!(
            decode_font_run(".VnTimeH", "céng hoµ x· héi").as_deref(),
            Some("CỘNG HOÀ XÃ HỘI")
        );
        assert_eq!(
            decode_font_run("VnTimeHBold", "chÝnh phñ").as_deref(),
            Some("CHÍNH PHỦ")
        );
        assert_eq!(
            decode_font_run("VNI-Times", "Coäng hoøa").as_deref(),
            Some("Cộng hòa")
        );
        // Font names lie: Unicode text, digits and spaces are left alone.
        assert_eq!(decode_font_run(".VnTime", "Cộng hòa xã hội"), None);
        assert_eq!(decode_font_run(".VnTime", "2"), None);
        assert_eq!(decode_font_run(".VnTime", " "), None);
        assert_eq!(decode_font_run("TimesNewRomanPSMT", "Céng"), None);
        assert_eq!(decode_font_run(".VnTime", "có và"), None);
        assert_eq!(decode_font_run(".VnTime", "Céng"), Some("Cộng".to_string()));
        assert_eq!(decode_font_run(".VnTime", "§"), Some("Đ".to_string()));
        assert_eq!(decode_font_run(".VnTimeH", "abc"), Some("ABC".to_string()));
        assert_eq!(
            font_encoding(".VnArialH,Bold"),
            Some((Encoding::Tcvn3, true))
        );
        assert_eq!(
            font_encoding(".VnTime,BoldItalic"),
            Some((Encoding::Tcvn3, false))
        );
        // Font names seen in the corpus (pdffonts).
        for (name, capitals) in [
            ("VnTimeBoldItalic", false),
            ("VnTimeHBold", true),
            ("ABCDEF+VnTimeItalic", false),
            (".VnTimeH", true),
        ] {
            assert_eq!(
                font_encoding(name),
                Some((Encoding::Tcvn3, capitals)),
                "{name}"
            );
        }
        assert_eq!(
            font_encoding("VNI-Helve-Bold"),
            Some((Encoding::Vni, false))
        );
        assert_eq!(font_encoding("TimesNewRomanPS-BoldMT"), None);
    }

    #[test]
    fn text_path_mixed_lines() {
        let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    Céng hoµ x· héi chñ nghÜa ViÖt Nam\n\
                    NGHÞ §ÞNH CñA CHÝNH PHñ\n\
                    §¡NG Ký KINH DOANH §èI VíI Hé KINH DOANH C¸ THÓ\n\
                    Sè: 109/2004/N§-CP\n\
                    Hà Nội, ngày 02 tháng 4 năm 2004\n\x0c\
                    Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\r\n";
        let (out, changes) = decode_legacy_text(text);
        assert_eq!(
            out,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Cộng hoà xã hội chủ nghĩa Việt Nam\n\
             NGHỊ ĐỊNH CỦA CHÍNH PHỦ\n\
             ĐĂNG KÝ KINH DOANH ĐỐI VỚI HỘ KINH DOANH CÁ THỂ\n\
             Số: 109/2004/NĐ-CP\n\
             Hà Nội, ngày 02 tháng 4 năm 2004\n\x0c\
             Cộng hòa xã hội chủ nghĩa Việt Nam\r\n"
        );
        assert_eq!(
            changes.iter().map(|c| c.line).collect::<Vec<_>>(),
            vec![2, 3, 4, 5, 7]
        );
    }

    #[test]
    fn unicode_text_is_never_changed() {
        for text in [
            "Café à la carte, ô kìa",
            "Giá trị 5 µm và 3 °C",
            "Café Hà Nội à",
            "ÐIỀU 1. Phạm vi",
            "Số: 109/2004/NĐ−CP",
            "Giá trị: 5 µm, 25 °C ± 2",
            "«Luật Đất đai» có hiệu lực",
            "Café à la carte © 2024",
        ] {
            assert_eq!(decode_legacy_text(text).0, text);
        }
    }

    #[test]
    fn line_mixing_unicode_and_tcvn3_runs() {
        assert_eq!(
            decode_legacy_text("Nguồn: Vô kinh tÕ C«ng nghiÖp").0,
            "Nguồn: Vụ kinh tế Công nghiệp"
        );
    }

    #[test]
    fn dropped_soft_hyphen_is_restored() {
        assert_eq!(
            decode_legacy_text("c¸c n\u{AD}íc vµ ®îc nhµ níc").0,
            "các nước và được nhà nước"
        );
    }
}
