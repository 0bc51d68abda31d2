//! One input file through the whole pipeline: read → front end → extract.

use crate::docx;
use crate::error::{Error, Result};
use crate::extract::{self, Context};
use crate::limits::Limits;
use crate::model::{ExtractedDocument, SourceInfo};
use crate::source_doc::SourceDoc;
use crate::text;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The input formats nhiemvu reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// `.txt`: already-extracted text.
    Text,
    /// `.pdf`: read from the PDF's own text and geometry.
    Pdf,
    /// `.docx`: Word (Office Open XML).
    Docx,
    /// `.doc` (Word 97-2003) or `.odt` (OpenDocument): recognized only to
    /// refuse them with conversion advice (a `.doc` that is really a
    /// `.docx` is read).
    OtherWord,
}

impl InputFormat {
    /// The format of a path by its extension, or `None` for files nhiemvu skips.
    pub fn of(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(InputFormat::Text),
            "pdf" => Some(InputFormat::Pdf),
            "docx" | "docm" => Some(InputFormat::Docx),
            "doc" | "odt" => Some(InputFormat::OtherWord),
            _ => None,
        }
    }
}

/// Run a front end over the bytes of one input.
pub fn read_source(path: &Path, bytes: &[u8]) -> Result<SourceDoc> {
    read_source_limited(path, bytes, &Limits::default())
}

/// [`read_source`] within `limits`.
pub fn read_source_limited(path: &Path, bytes: &[u8], limits: &Limits) -> Result<SourceDoc> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    match InputFormat::of(path) {
        Some(InputFormat::Pdf) => crate::pdf::read_pdf_limited(path, bytes, limits),
        Some(InputFormat::Text) | None => text::read_text(path, bytes),
        Some(InputFormat::Docx | InputFormat::OtherWord) => {
            docx::read_docx_limited(path, bytes, limits)
        }
    }
}

/// Read, extract and describe one input file.
pub fn process_file(path: &Path, ctx: &Context) -> Result<ExtractedDocument> {
    let limits = Limits::default();
    process_bytes(path, &read_input(path, &limits)?, ctx, &limits)
}

/// The bytes of one input, refused with [`Error::Limit`] when larger than
/// `limits.max_file_size` and with [`Error::Io`] when it is not a regular
/// file (a named pipe, device, socket or folder would block or make no
/// sense), both checked from its metadata before it is opened.
pub fn read_input(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    require_regular_file(&meta).map_err(io)?;
    let size = meta.len();
    let over_limit = |size: u64| Error::Limit {
        path: path.to_path_buf(),
        message: format!(
            "{size} bytes, over the limit of {} (--max-file-size)",
            limits.max_file_size
        ),
    };
    if size > limits.max_file_size {
        return Err(over_limit(size));
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // The path may have been replaced since: check what was opened too.
    require_regular_file(&file.metadata().map_err(io)?).map_err(io)?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limits.max_file_size {
        return Err(over_limit(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `Ok` for a regular file, else an error naming what the path is.
fn require_regular_file(meta: &std::fs::Metadata) -> std::io::Result<()> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        special_file_kind(&kind)
    };
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("it is {what}, not a regular file; only regular files are read"),
    ))
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(unix)]
fn special_file_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

/// What a file that is neither a regular file nor a folder is.
#[cfg(not(unix))]
fn special_file_kind(_kind: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// Extract and describe one input from its bytes, within `limits`. A
/// readable document without tasks is a result (its metadata, zero tasks
/// and a `no_tasks` warning); a PDF without a usable text layer is
/// [`Error::NoTextLayer`].
pub fn process_bytes(
    path: &Path,
    bytes: &[u8],
    ctx: &Context,
    limits: &Limits,
) -> Result<ExtractedDocument> {
    let doc = read_source_limited(path, bytes, limits)?;
    extract_source(path, bytes, &doc, ctx)
}

/// Extract and describe one input already read by its front end (`bytes`
/// are the input's, for its checksum); a PDF without a usable text layer
/// is [`Error::NoTextLayer`].
pub fn extract_source(
    path: &Path,
    bytes: &[u8],
    doc: &SourceDoc,
    ctx: &Context,
) -> Result<ExtractedDocument> {
    let source = SourceInfo {
        path: path.display().to_string(),
        sha256: sha256_hex(bytes),
        input_kind: doc.input_kind,
        pages: doc.pages,
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    if let Some(err) = no_text_layer(path, doc) {
        return Err(err);
    }
    let mut out = extract::extract(doc, source, stem, ctx);
    crate::ocr::mark_tasks(&mut out.tasks, &doc.ocr);
    Ok(out)
}

/// [`Error::NoTextLayer`] when pages had no usable text layer and nothing
/// else of the document could be read (a scan, or OCR that is not
/// Vietnamese).
fn no_text_layer(path: &Path, doc: &SourceDoc) -> Option<Error> {
    let unreadable: Vec<u32> = doc
        .warnings
        .iter()
        .filter(|w| {
            matches!(
                w.code.as_str(),
                "pdf_no_text_layer" | "pdf_garbage_text_layer"
            )
        })
        .filter_map(|w| w.page)
        .collect();
    // Text on an unreadable page (a copy stamp on a scan) does not count.
    let has_text = doc.blocks.iter().any(|b| match b {
        crate::source_doc::Block::Line(l) => {
            l.at.page.is_none_or(|p| !unreadable.contains(&p))
                && l.text.chars().filter(|c| c.is_alphabetic()).count() > 3
        }
        crate::source_doc::Block::Table(_) => true,
    });
    (!unreadable.is_empty() && !has_text).then(|| Error::NoTextLayer {
        path: path.to_path_buf(),
        pages: unreadable,
    })
}

/// Lowercase hex SHA-256 of a byte string.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
