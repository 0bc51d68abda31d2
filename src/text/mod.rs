//! The plain-text front end: already-extracted text (UTF-8) into lines.
//!
//! Form feeds (`\f`, as written by pdftotext) separate pages; line numbers
//! are 1-based lines of the input file. Which extractor style the text has
//! (flat cell-by-cell, `-layout` columns, interleaved reading order) is
//! decided later by the extractor from the lines themselves.

pub mod layout;

use crate::error::{Error, Result};
use crate::model::Warning;
use crate::model::{InputKind, Location};
use crate::normalize::decode_legacy_text;
use crate::normalize::normalize_line;
use crate::source_doc::{Block, SourceDoc, TextLine};
use std::path::Path;

/// Decode and split a text input into normalized lines.
pub fn read_text(path: &Path, bytes: &[u8]) -> Result<SourceDoc> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        line: bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (decoded, changes) = decode_legacy_text(text);
    let mut warnings = Vec::new();
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
    let text = decoded.as_str();
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
        warnings: Vec::new(),
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
