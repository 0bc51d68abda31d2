//! Per-file resource limits, so that one hostile or huge input becomes an
//! error for that file instead of a crash or a swap storm.

/// Bounds on what one input may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file read, in bytes.
    pub max_file_size: u64,
    /// Most pages read from one PDF.
    pub max_pages: u32,
    /// Most decompressed stream bytes read from one PDF (content, fonts, CMaps).
    pub max_decompressed_bytes: usize,
    /// Which PDF pages are read by OCR (costly: seconds a page).
    pub ocr: crate::ocr::OcrMode,
}

impl Default for Limits {
    /// 256 MiB files, 5,000 pages, 512 MiB of decompressed streams, OCR
    /// of pages without a usable text layer.
    fn default() -> Self {
        Limits {
            max_file_size: 256 * 1024 * 1024,
            max_pages: 5_000,
            max_decompressed_bytes: crate::pdf::MAX_DECOMPRESSED_BYTES,
            ocr: crate::ocr::OcrMode::Auto,
        }
    }
}
