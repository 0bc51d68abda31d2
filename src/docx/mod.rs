//! The Word front end: `.docx` (Office Open XML) into a [`SourceDoc`].
//!
//! The package is a zip ([`package`]); the main document part is walked in
//! body order ([`body`]) with styles ([`styles`]) and automatic numbering
//! ([`numbering`]) resolved, so the blocks read as Word shows the document
//! with all tracked changes accepted. Tables keep one [`crate::source_doc::Row`]
//! per row with merged cells resolved ([`table`]).
//!
//! Locations: `at.line` is an ordinal in body order that counts every
//! body-level paragraph and every row of a top-level table (1-based);
//! `at.page` is `None` (Word files have no fixed pages), except in a Word
//! file read from its pictures of scanned pages ([`pictures`]), where each
//! picture is a page.
//!
//! Word 97-2003 `.doc`, OpenDocument `.odt`, RTF and password-protected
//! `.docx` files are refused with [`Error::Unsupported`] and the command
//! that converts them.

mod body;
mod notes;
mod numbering;
mod package;
pub mod pictures;
mod styles;
mod table;
mod xml;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::{InputKind, Location, Warning};
use crate::source_doc::SourceDoc;
use std::path::Path;

pub use package::PART_LIMIT;

/// Magic number of an OLE compound file (`.doc`, encrypted `.docx`).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Read a Word file into lines and tables, without OCR: a Word file
/// whose pages are pictures gets `pdf_no_text_layer` warnings
/// ([`read_docx_limited`] reads its pictures by OCR).
///
/// `path` is used for messages and to recognize `.doc`/`.odt` by name;
/// the format is decided by the content.
pub fn read_docx(path: &Path, bytes: &[u8]) -> Result<SourceDoc> {
    let limits = Limits {
        ocr: crate::ocr::OcrMode::Never,
        ..Limits::default()
    };
    read_docx_limited(path, bytes, &limits)
}

/// [`read_docx`], reading pictures of scanned pages by OCR as
/// `limits.ocr` says ([`pictures::read_pictures`]).
pub fn read_docx_limited(path: &Path, bytes: &[u8], limits: &Limits) -> Result<SourceDoc> {
    refuse_other_formats(path, bytes)?;
    let parts = package::read_parts(path, bytes)?;
    let mut warnings = Vec::new();
    let mut part_warning = |part: &str, error: Option<String>| {
        if let Some(error) = error {
            warnings.push(Warning::new(
                "docx_part_malformed",
                format!("{part} is damaged ({error}); what follows the damage was ignored"),
                Location::default(),
            ));
        }
    };
    let (styles, error) = styles::Styles::parse(parts.styles.as_deref().unwrap_or(""));
    part_warning("styles.xml", error);
    let (mut numbering, error) =
        numbering::Numbering::parse(parts.numbering.as_deref().unwrap_or(""));
    part_warning("numbering.xml", error);
    numbering.link_styles(|style| styles.numbering(Some(style)).num_id);
    let footnotes = notes::footnote_texts(parts.footnotes.as_deref().unwrap_or(""));
    let body =
        body::read_body(&parts.document, &styles, &numbering, &footnotes).map_err(|message| {
            Error::Malformed {
                path: path.to_path_buf(),
                page: None,
                message: format!("word/document.xml: {message}"),
            }
        })?;
    warnings.extend(body.warnings);
    if let Some(mut doc) = pictures::read_pictures(path, bytes, &parts, &body.blocks, limits)? {
        warnings.append(&mut doc.warnings);
        doc.warnings = warnings;
        return Ok(doc);
    }
    Ok(SourceDoc {
        input_kind: InputKind::Docx,
        pages: None,
        blocks: body.blocks,
        warnings,
        ocr: Default::default(),
    })
}

/// Text of a run in a legacy Vietnamese font (`.VnTime`, `.VnArial`,
/// `VNI-Times`, ...), given the run's font from `w:rFonts` (`w:ascii`, else
/// `w:hAnsi`, inherited from the character style, paragraph style or
/// document defaults); `""` when no font is known.
/// TCVN3/VNI runs are decoded by `normalize::legacy::decode_font_run`;
/// other runs come back unchanged.
pub fn legacy_hook(font_name: &str, text: &str) -> String {
    crate::normalize::decode_font_run(font_name, text).unwrap_or_else(|| text.to_string())
}

/// Refuse inputs that are not Office Open XML, with conversion advice.
fn refuse_other_formats(path: &Path, bytes: &[u8]) -> Result<()> {
    let convert = format!(
        "convert it with `soffice --headless --convert-to docx {}`",
        shell_quoted(path)
    );
    let unsupported = |what: &str| Error::Unsupported {
        path: path.to_path_buf(),
        message: format!("{what} is not supported: {convert}"),
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if bytes.starts_with(OLE_MAGIC) {
        return Err(if contains_utf16(bytes, "EncryptedPackage") {
            Error::Unsupported {
                path: path.to_path_buf(),
                message: format!(
                    "password-protected Word file is not supported: remove the password in Word (File > Info > Protect Document), save, or open it in LibreOffice and {convert}"
                ),
            }
        } else {
            unsupported("Word 97-2003 (.doc) format")
        });
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported("RTF"));
    }
    if ext.as_deref() == Some("odt") {
        return Err(unsupported("OpenDocument (.odt) format"));
    }
    if !bytes.starts_with(b"PK") {
        return Err(match ext.as_deref() {
            Some("doc") => unsupported("this .doc file (not a Word 97-2003 or .docx file)"),
            _ => Error::Malformed {
                path: path.to_path_buf(),
                page: None,
                message: "not a .docx file (no zip signature)".to_string(),
            },
        });
    }
    Ok(())
}

/// A path as typed in a shell: as is when safe, else in single quotes.
fn shell_quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let safe = |c: char| c.is_alphanumeric() || "._/-+,:@".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// Whether `bytes` contain `needle` encoded as UTF-16LE.
fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes
        .windows(pattern.len())
        .any(|w| w == pattern.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversion_commands_quote_paths_for_the_shell() {
        assert_eq!(
            shell_quoted(Path::new("kế_hoạch/12.doc")),
            "kế_hoạch/12.doc"
        );
        assert_eq!(
            shell_quoted(Path::new("Kế hoạch 12.doc")),
            "'Kế hoạch 12.doc'"
        );
        assert_eq!(shell_quoted(Path::new("it's.doc")), r"'it'\''s.doc'");
    }
}
