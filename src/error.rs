//! Errors that stop one input from being processed.
//!
//! Every error names what went wrong in words a user can act on; the batch
//! layer adds the file path. Problems that still allow partial results are
//! [`crate::model::Warning`]s instead.

use std::path::PathBuf;

/// Why an input could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The input path.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file has no content.
    #[error("{path}: the file is empty")]
    Empty {
        /// The input path.
        path: PathBuf,
    },
    /// A text input is not valid UTF-8.
    #[error(
        "{path}: line {line}: not valid UTF-8 text (convert it to UTF-8 first, e.g. with iconv)"
    )]
    NotUtf8 {
        /// The input path.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// No page has a usable text layer (scans, or OCR that is not Vietnamese).
    #[error("{path}: no usable text layer on page(s) {}; the document looks scanned and no text was read from its page images: run with --ocr auto (the default) and tesseract with its Vietnamese data installed (apt-get install tesseract-ocr tesseract-ocr-vie)", pages.iter().map(u32::to_string).collect::<Vec<_>>().join(", "))]
    NoTextLayer {
        /// The input path.
        path: PathBuf,
        /// The pages without a usable text layer.
        pages: Vec<u32>,
    },
    /// The input format is known but cannot be read (with advice).
    #[error("{path}: {message}")]
    Unsupported {
        /// The input path.
        path: PathBuf,
        /// What is wrong and how to convert the file.
        message: String,
    },
    /// A PDF or Word file is malformed beyond recovery.
    #[error("{path}{}: {message}", page.map(|p| format!(": page {p}")).unwrap_or_default())]
    Malformed {
        /// The input path.
        path: PathBuf,
        /// 1-based page where the problem is, if known.
        page: Option<u32>,
        /// What is wrong.
        message: String,
    },
    /// The input is over one of the [`crate::limits::Limits`].
    #[error("{path}: {message}")]
    Limit {
        /// The input path.
        path: PathBuf,
        /// Which limit, the value found and the option that raises it.
        message: String,
    },
    /// Writing an output file failed.
    #[error("{path}: cannot write: {source}")]
    Write {
        /// The output path.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
}

impl Error {
    /// A short stable code for `errors.jsonl` and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::Empty { .. } => "empty",
            Error::NotUtf8 { .. } => "not_utf8",
            Error::NoTextLayer { .. } => "no_text_layer",
            Error::Unsupported { .. } => "unsupported",
            Error::Malformed { .. } => "malformed",
            Error::Limit { .. } => "limit",
            Error::Write { .. } => "write",
        }
    }

    /// The page the error concerns, where known.
    pub fn page(&self) -> Option<u32> {
        match self {
            Error::Malformed { page, .. } => *page,
            Error::NoTextLayer { pages, .. } => pages.first().copied(),
            _ => None,
        }
    }
}

/// Result alias for nhiemvu operations.
pub type Result<T> = std::result::Result<T, Error>;
