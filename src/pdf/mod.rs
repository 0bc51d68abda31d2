//! The PDF front end, part one: from PDF bytes to positioned glyphs and
//! ruling lines per page.
//!
//! lopdf loads the file (xref repair, object streams, decryption with the
//! empty password, stream filters); everything after that is our own:
//! the page-tree walk ([`pages`]), a tolerant content tokenizer ([`lexer`]),
//! the interpreter ([`content`]), annotations drawn over the page as a
//! viewer shows them ([`annots`]), fonts ([`font`], [`cmap`], [`encoding`]).
//! [`crate::layout`] turns the result into a [`crate::source_doc::SourceDoc`].

pub mod annots;
pub mod cmap;
pub mod content;
pub mod encoding;
pub mod font;
pub mod images;
mod legacy;
pub mod lexer;
pub mod objects;
pub mod pages;
mod tables;
pub mod textlayer;

use crate::error::{Error, Result};
use crate::limits::Limits;
use crate::model::{Location, Warning};
use crate::source_doc::SourceDoc;
use content::{Interpreter, Matrix, PageContent};
use font::FontCache;
use objects::{stream_data, Budget};
use std::path::Path;

/// Most decompressed bytes read from one file (content, fonts, CMaps).
pub const MAX_DECOMPRESSED_BYTES: usize = 512 * 1024 * 1024;

/// One page: its size (after `/Rotate`) and what is drawn on it.
#[derive(Debug, Clone)]
pub struct PdfPage {
    /// 1-based page number.
    pub number: u32,
    /// Width in points, as displayed.
    pub width: f64,
    /// Height in points, as displayed.
    pub height: f64,
    /// Glyphs and rulings, in displayed page coordinates (origin bottom left).
    pub content: PageContent,
}

/// A whole PDF as glyphs and rulings per page.
#[derive(Debug, Clone)]
pub struct PdfFile {
    /// Pages in order.
    pub pages: Vec<PdfPage>,
    /// Problems met while reading (limits hit, fonts without Unicode).
    pub warnings: Vec<Warning>,
}

/// Per-code text transform given to fonts: the identity. Legacy Vietnamese
/// fonts (TCVN3 `.VnTime`, VNI) are decoded per run of glyphs instead
/// ([`legacy::decode_runs`]), where there are whole words to confirm the
/// encoding by.
pub fn legacy_hook(_font_name: &str, text: String) -> String {
    text
}

/// Read a PDF into a [`SourceDoc`] from its text layer alone: tables from
/// rulings or alignment, running text in reading order, page-spanning
/// tables joined, pages without a usable text layer reported as warnings
/// (never OCR'd; [`read_pdf_limited`] OCRs them as its limits say).
pub fn read_pdf(path: &Path, bytes: &[u8]) -> Result<SourceDoc> {
    let limits = Limits {
        ocr: crate::ocr::OcrMode::Never,
        ..Limits::default()
    };
    read_pdf_limited(path, bytes, &limits)
}

/// [`read_pdf`] within `limits` (pages, decompressed bytes).
/// Pages without a usable text layer are read by OCR as `limits.ocr` says.
pub fn read_pdf_limited(path: &Path, bytes: &[u8], limits: &Limits) -> Result<SourceDoc> {
    let mut layout = crate::layout::DocLayout::new(limits.ocr);
    let warnings = for_each_page_with_images(path, bytes, limits, |page, image| {
        layout.add_page(page, image)
    })?;
    layout.run_ocr(path)?;
    Ok(layout.finish(warnings))
}

/// Load a PDF and interpret every page, keeping all pages in memory.
///
/// Errors as for [`for_each_page`].
pub fn load(path: &Path, bytes: &[u8]) -> Result<PdfFile> {
    let mut pages = Vec::new();
    let warnings = for_each_page(path, bytes, &Limits::default(), |page| pages.push(page))?;
    Ok(PdfFile { pages, warnings })
}

/// Load a PDF and hand each interpreted page to `visit`, in order, one at a
/// time; returns the warnings met while reading.
///
/// Errors: the file cannot be parsed, has no pages, or is encrypted with a
/// password other than the empty one. Problems on single pages become
/// warnings.
pub fn for_each_page(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
    mut visit: impl FnMut(PdfPage),
) -> Result<Vec<Warning>> {
    let limits = Limits {
        ocr: crate::ocr::OcrMode::Never,
        ..*limits
    };
    for_each_page_with_images(path, bytes, &limits, |page, _| visit(page))
}

/// [`for_each_page`], also handing over the picture of each page that OCR
/// may read (see [`wants_image`]), still encoded.
pub fn for_each_page_with_images(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
    mut visit: impl FnMut(PdfPage, Option<images::PageImage>),
) -> Result<Vec<Warning>> {
    let malformed = |page: Option<u32>, message: String| Error::Malformed {
        path: path.to_path_buf(),
        page,
        message,
    };
    let doc = lopdf::Document::load_mem(bytes)
        .map_err(|e| malformed(None, format!("cannot read the PDF: {e}")))?;
    if doc.is_encrypted() {
        return Err(Error::Unsupported {
            path: path.to_path_buf(),
            message: "the PDF is encrypted with a password; remove it first \
                      (e.g. qpdf --password=PASSWORD --decrypt in.pdf out.pdf)"
                .into(),
        });
    }
    let page_refs = pages::walk(&doc);
    if page_refs.is_empty() {
        return Err(malformed(None, "the PDF has no readable pages".into()));
    }
    let over_limit = |message: String| Error::Limit {
        path: path.to_path_buf(),
        message,
    };
    if page_refs.len() > limits.max_pages as usize {
        return Err(over_limit(format!(
            "{} pages, over the limit of {} (--max-pages)",
            page_refs.len(),
            limits.max_pages
        )));
    }
    let mut fonts = FontCache::new(legacy_hook);
    let mut budget = Budget::new(limits.max_decompressed_bytes);
    let mut warnings = Vec::new();
    for (i, page) in page_refs.iter().enumerate() {
        let number = i as u32 + 1;
        let at = Location {
            page: Some(number),
            line: None,
        };
        let mut data = Vec::new();
        for id in doc.get_page_contents(page.id) {
            let Ok(lopdf::Object::Stream(stream)) = doc.get_object(id) else {
                continue;
            };
            match stream_data(stream, &mut budget) {
                Some(bytes) => {
                    data.extend_from_slice(&bytes);
                    data.push(b'\n');
                }
                None => warnings.push(Warning::new(
                    "pdf_content_unreadable",
                    format!("page {number}: a content stream could not be decoded"),
                    at,
                )),
            }
        }
        let (width, height, ctm) = page.display_transform();
        let annotations = doc
            .get_dictionary(page.id)
            .map(|dict| annots::annotations(&doc, dict))
            .unwrap_or_default();
        let mut content = Interpreter::new(&doc, &mut fonts, &mut budget).run_page(
            &data,
            page.resources,
            &annotations,
            ctm,
        );
        legacy::decode_runs(&mut content.glyphs);
        let image = wants_image(limits.ocr, &content)
            .then(|| images::largest_image(&doc, &data, page.resources, ctm, &mut budget))
            .flatten();
        if content.truncated {
            warnings.push(Warning::new(
                "pdf_limit",
                format!("page {number}: content too large or too deeply nested; read only in part"),
                at,
            ));
        }
        for font in &content.fonts_without_unicode {
            warnings.push(Warning::new(
                "pdf_font_no_unicode",
                format!("page {number}: font {font} has no ToUnicode map; some text is missing"),
                at,
            ));
        }
        visit(
            PdfPage {
                number,
                width,
                height,
                content,
            },
            image,
        );
    }
    if budget.exhausted() {
        return Err(over_limit(format!(
            "streams decompress to more than {} bytes (--max-decompressed)",
            limits.max_decompressed_bytes
        )));
    }
    Ok(warnings)
}

/// Whether OCR under `mode` may want the picture of a page with this
/// content: one with images, and (unless OCR is `always`) without a usable
/// text layer.
fn wants_image(mode: crate::ocr::OcrMode, content: &PageContent) -> bool {
    use crate::ocr::OcrMode;
    use textlayer::TextLayer;
    content.images > 0
        && match mode {
            OcrMode::Never => false,
            OcrMode::Always => true,
            OcrMode::Auto => matches!(
                textlayer::assess(content),
                TextLayer::Missing | TextLayer::Implausible
            ),
        }
}

impl pages::PageRef<'_> {
    /// Displayed width and height and the matrix from user space to
    /// displayed page space (origin at the bottom left, `/Rotate` applied).
    pub fn display_transform(&self) -> (f64, f64, Matrix) {
        let [x0, y0, x1, y1] = self.media_box;
        let (w, h) = (x1 - x0, y1 - y0);
        match self.rotate {
            90 => (h, w, Matrix([0.0, -1.0, 1.0, 0.0, -y0, x1])),
            180 => (w, h, Matrix([-1.0, 0.0, 0.0, -1.0, x1, y1])),
            270 => (h, w, Matrix([0.0, 1.0, -1.0, 0.0, y1, -x0])),
            _ => (w, h, Matrix([1.0, 0.0, 0.0, 1.0, -x0, -y0])),
        }
    }
}
