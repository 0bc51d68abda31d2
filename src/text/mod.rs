//! The plain-text front end: already-extracted text (UTF-8, UTF-16 or a
//! legacy 8-bit Vietnamese encoding, see [`read_text`]) into lines.
//!
//! Form feeds (`\f`, as written by pdftotext) separate pages; line numbers
//! are 1-based lines of the input file. Which extractor style the text has
//! (flat cell-by-cell, `-layout` columns, interleaved reading order) is
//! decided later by the extractor from the lines themselves. Footnote
//! marks printed as plain digits are dropped first ([`notes`]).

pub mod layout;
pub mod notes;

use crate::error::{Error, Result};
use crate::model::Warning;
use crate::model::{InputKind, Location};
use crate::normalize::normalize_line;
use crate::normalize::{byte_char, decode_legacy_text};
use crate::source_doc::{Block, SourceDoc, TextLine};
use std::path::Path;

/// Share of the bytes at odd (little-endian) or even (big-endian)
/// positions that must be zero for a text without a byte order mark to be
/// read as UTF-16: ASCII and most Vietnamese letters (U+00C0–U+01B0) have a
/// zero high byte, while UTF-8 and 8-bit text have no zero bytes at all.
const UTF16_ZERO_SHARE: f64 = 0.3;

/// The encodings a text input may come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

/// The encoding of a text input and the length of its byte order mark:
/// the mark when there is one, else UTF-16 when zero bytes show it
/// ([`UTF16_ZERO_SHARE`]), else UTF-8.
fn sniff_encoding(bytes: &[u8]) -> (TextEncoding, usize) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return (TextEncoding::Utf8, 3);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return (TextEncoding::Utf16Le, 2);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return (TextEncoding::Utf16Be, 2);
    }
    let zero_share = |parity: usize| {
        let zeros = bytes.iter().skip(parity).step_by(2).filter(|&&b| b == 0);
        zeros.count() as f64 / (bytes.len() / 2).max(1) as f64
    };
    if bytes.len() >= 2 && bytes.len().is_multiple_of(2) {
        if zero_share(1) >= UTF16_ZERO_SHARE && zero_share(0) == 0.0 {
            return (TextEncoding::Utf16Le, 0);
        }
        if zero_share(0) >= UTF16_ZERO_SHARE && zero_share(1) == 0.0 {
            return (TextEncoding::Utf16Be, 0);
        }
    }
    (TextEncoding::Utf8, 0)
}

/// The text of a text input: UTF-8 (with or without a byte order mark),
/// UTF-16 LE or BE (with a byte order mark, as Windows Notepad saves
/// "Unicode", or recognized by its zero bytes), or bytes of a legacy
/// 8-bit Vietnamese encoding (TCVN3, VNI, VISCII, CP1258, VPS), taken one
/// character per byte for [`decode_legacy_text`] to decode. Anything else
/// is [`Error::NotUtf8`]; warnings say what was decoded.
fn decode_text(path: &Path, bytes: &[u8]) -> Result<(String, Vec<Warning>)> {
    let mut warnings = Vec::new();
    let (encoding, bom) = sniff_encoding(bytes);
    let body = &bytes[bom..];
    let unit = |pair: &[u8]| match encoding {
        TextEncoding::Utf16Be => u16::from_be_bytes([pair[0], pair[1]]),
        _ => u16::from_le_bytes([pair[0], pair[1]]),
    };
    // Bytes that are not UTF-8, one character per byte: kept only when
    // a legacy encoding then decodes some line.
    let mut not_utf8_line = None;
    let text = match encoding {
        TextEncoding::Utf8 => match std::str::from_utf8(body) {
            Ok(text) => text.to_string(),
            Err(e) => {
                let newlines = body[..e.valid_up_to()].iter().filter(|&&b| b == b'\n');
                not_utf8_line = Some(newlines.count() + 1);
                body.iter().map(|&b| byte_char(b)).collect()
            }
        },
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let units = body.chunks_exact(2).map(unit);
            let mut replaced = 0usize;
            let text: String = char::decode_utf16(units)
                .map(|c| {
                    c.unwrap_or_else(|_| {
                        replaced += 1;
                        char::REPLACEMENT_CHARACTER
                    })
                })
                .collect();
            if replaced > 0 || !body.len().is_multiple_of(2) {
                warnings.push(Warning::new(
                    "text_invalid_utf16",
                    format!(
                        "{} invalid UTF-16 code unit(s) shown as U+FFFD",
                        replaced + body.len() % 2
                    ),
                    Location::default(),
                ));
            }
            text
        }
    };
    let (decoded, changes) = decode_legacy_text(&text);
    if let (Some(line), true) = (not_utf8_line, changes.is_empty()) {
        return Err(Error::NotUtf8 {
            path: path.to_path_buf(),
            line,
        });
    }
    if let Some(first) = changes.first() {
        warnings.push(Warning::new(
            "legacy_encoding_decoded",
            format!(
                "{} line(s) in a legacy Vietnamese encoding were decoded ({})",
                changes.len(),
                first.reason
            ),
            Location {
                page: None,
                line: Some(first.line as u32),
            },
        ));
    }
    Ok((decoded, warnings))
}

/// Decode (see [`decode_text`]) and split a text input into normalized
/// lines.
pub fn read_text(path: &Path, bytes: &[u8]) -> Result<SourceDoc> {
    let (decoded, warnings) = decode_text(path, bytes)?;
    let text = notes::strip_note_marks(&decoded);
    let text = text.as_str();
    let has_pages = text.contains('\u{0C}');
    let raw_lines: Vec<RawLine> = split_lines(text, has_pages);
    let blocks = if let Some(tables) = layout::detect(&raw_lines) {
        tables
    } else {
        raw_lines.iter().flat_map(line_blocks).collect()
    };
    let pages = has_pages.then(|| {
        text.split('\u{0C}')
            .filter(|p| !p.trim().is_empty())
            .count() as u32
    });
    Ok(SourceDoc {
        input_kind: InputKind::Text,
        pages,
        blocks,
        warnings,
        ocr: Default::default(),
    })
}

/// The lines of one input line: cut where a run of three or more spaces
/// separates text (a flat extractor's mark of empty cells between two cells
/// that share a line, as in "Kế hoạch 02   31/12/2026").
fn line_blocks(line: &RawLine<'_>) -> Vec<Block> {
    let indent = line.indent();
    line.text
        .trim()
        .split("   ")
        .map(normalize_line)
        .filter(|t| !t.is_empty())
        .map(|text| {
            Block::Line(TextLine {
                text,
                indent,
                at: line.at,
            })
        })
        .collect()
}

/// One input line before normalization.
#[derive(Debug, Clone, Copy)]
pub struct RawLine<'a> {
    /// The line as in the file, without its line break or form feed.
    pub text: &'a str,
    /// Where the line is.
    pub at: Location,
}

impl RawLine<'_> {
    /// Number of leading spaces.
    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|c| *c == ' ').count()
    }
}

fn split_lines(text: &str, has_pages: bool) -> Vec<RawLine<'_>> {
    let mut page = 1u32;
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut line = line.strip_suffix('\r').unwrap_or(line);
        while let Some(rest) = line.strip_prefix('\u{0C}') {
            page += 1;
            line = rest;
        }
        let at = Location {
            page: has_pages.then_some(page),
            line: Some(i as u32 + 1),
        };
        out.push(RawLine { text: line, at });
        page += line.matches('\u{0C}').count() as u32;
    }
    out
}
