//! The PDF front end, part two: from glyphs and rulings to lines and tables.
//!
//! Per page: glyphs → [`words`] → ruled tables ([`grid`], [`table`]) →
//! remaining words → [`lines`] → borderless tables ([`align`]) → running
//! text. A page whose text mostly runs along another axis is turned first
//! ([`orient`]). Pages are then joined ([`merge`]) so that tables spanning a page
//! break become one table.

pub mod align;
pub mod bands;
pub mod grid;
pub mod lines;
pub mod merge;
pub mod orient;
pub mod rows;
pub mod spans;
pub mod table;
pub mod words;

use crate::model::{InputKind, Location, Warning};
use crate::ocr::OcrMode;
use crate::pdf::content::Segment;
use crate::pdf::images::PageImage;
use crate::pdf::textlayer::{assess, TextLayer};
use crate::pdf::PdfPage;
use crate::source_doc::{SourceDoc, TextLine};
use merge::PageBlock;

/// A document being laid out page by page (pages need not stay in memory,
/// except from the first page waiting for OCR on, until [`DocLayout::run_ocr`]).
#[derive(Debug, Default)]
pub struct DocLayout {
    pages: Vec<Vec<PageBlock>>,
    count: u32,
    warnings: Vec<Warning>,
    /// The table the last page left open.
    open: Option<bands::OpenTable>,
    /// Which pages to OCR.
    ocr: OcrMode,
    /// Pages held back, in order, because one of them waits for OCR.
    queue: Vec<Queued>,
    /// Pages read by OCR and their uncertain words.
    ocr_notes: crate::ocr::OcrNotes,
}

/// A page held back until OCR has run.
#[derive(Debug)]
enum Queued {
    /// A page read from its text layer.
    Text(PdfPage),
    /// A page to OCR (read from its text layer if OCR fails).
    Scan { page: PdfPage, image: PageImage },
}

impl DocLayout {
    /// An empty layout that OCRs pages as `ocr` says.
    pub fn new(ocr: OcrMode) -> Self {
        DocLayout {
            ocr,
            ..DocLayout::default()
        }
    }

    /// Lay out the next page, or hold it back for OCR: `image` is the
    /// page's picture when it has one OCR may read.
    pub fn add_page(&mut self, page: PdfPage, image: Option<PageImage>) {
        self.count += 1;
        let image = image.filter(|image| {
            let share = image.page_area() / (page.width * page.height).max(1.0);
            share >= crate::ocr::MIN_PAGE_SHARE
                && match self.ocr {
                    OcrMode::Never => false,
                    OcrMode::Always => true,
                    OcrMode::Auto => matches!(
                        assess(&page.content),
                        TextLayer::Missing | TextLayer::Implausible
                    ),
                }
        });
        match image {
            Some(image) => self.queue.push(Queued::Scan { page, image }),
            None if !self.queue.is_empty() => self.queue.push(Queued::Text(page)),
            None => self.lay_out_text(&page),
        }
    }

    /// Lay out a page from its text layer.
    fn lay_out_text(&mut self, page: &PdfPage) {
        let (use_text, warning) = check_text_layer(page);
        self.warnings.extend(warning);
        if use_text {
            let turned = orient::upright_page(page);
            let (blocks, open) = page_blocks(turned.as_ref().unwrap_or(page), self.open.as_ref());
            self.pages.push(blocks);
            self.open = open;
        }
    }

    /// OCR the pages held back (in parallel) and lay them out in order. A
    /// page whose image cannot be read keeps its text layer and gets an
    /// `ocr_failed` warning.
    ///
    /// Errors: tesseract or its Vietnamese model is not installed.
    pub fn run_ocr(&mut self, path: &std::path::Path) -> crate::error::Result<()> {
        use rayon::prelude::*;
        let queue = std::mem::take(&mut self.queue);
        let images: Vec<&PageImage> = queue
            .iter()
            .filter_map(|q| match q {
                Queued::Scan { image, .. } => Some(image),
                Queued::Text(_) => None,
            })
            .collect();
        if images.is_empty() {
            return Ok(());
        }
        crate::ocr::tesseract::check_installed().map_err(|message| {
            crate::error::Error::Unsupported {
                path: path.to_path_buf(),
                message,
            }
        })?;
        let mut results: Vec<Result<crate::ocr::OcrPage, String>> = images
            .par_iter()
            .map(|i| crate::ocr::read_page(i))
            .collect();
        let corrected = crate::ocr::correct::correct_document(
            &mut results
                .iter_mut()
                .filter_map(|r| r.as_mut().ok())
                .collect::<Vec<_>>(),
        );
        let mut results = results.into_iter();
        let mut read_pages = Vec::new();
        for q in &queue {
            match q {
                Queued::Text(page) => self.lay_out_text(page),
                Queued::Scan { page, .. } => match results.next().unwrap_or(Err(String::new())) {
                    Ok(ocr) if ocr.letters() < crate::ocr::MIN_LETTERS => {
                        // Nothing legible (a blank or tiny image): the page
                        // stays a page without text layer.
                        self.lay_out_text(page);
                    }
                    Ok(ocr) => {
                        read_pages.push(page.number);
                        self.lay_out_ocr(page.number, &ocr);
                    }
                    Err(message) => {
                        self.warnings.push(Warning::new(
                            "ocr_failed",
                            format!("page {}: OCR failed: {message}", page.number),
                            Location {
                                page: Some(page.number),
                                line: None,
                            },
                        ));
                        self.lay_out_text(page);
                    }
                },
            }
        }
        if !read_pages.is_empty() {
            self.warnings
                .push(crate::ocr::ocr_used_warning(&read_pages, corrected));
        }
        Ok(())
    }

    /// Lay out a page from what OCR read on it, through the same table
    /// engine as a digital page, with a warning for uncertain words.
    fn lay_out_ocr(&mut self, number: u32, ocr: &crate::ocr::OcrPage) {
        let (blocks, open) = words_blocks(
            PageWords {
                number,
                words: &ocr.words,
                rulings: &ocr.rulings,
                fill_edges: &[],
                packed: false,
            },
            self.open.as_ref(),
        );
        self.pages.push(blocks);
        self.open = open;
        self.ocr_notes.add_page(number, ocr);
        self.warnings.extend(crate::ocr::low_confidence_warning(
            number,
            ocr,
            &self.ocr_notes,
        ));
    }

    /// Join the pages into a [`SourceDoc`]; `warnings` (from reading the
    /// file) come first.
    pub fn finish(self, mut warnings: Vec<Warning>) -> SourceDoc {
        warnings.extend(self.warnings);
        SourceDoc {
            input_kind: InputKind::Pdf,
            pages: Some(self.count),
            blocks: merge::join_pages(self.pages),
            warnings,
            ocr: self.ocr_notes,
        }
    }
}

/// Whether to use a page's text layer, and the warning to give about it:
/// a scan keeps what little text it has (a stamp) with a warning; a
/// garbage OCR layer is dropped with a warning.
pub fn check_text_layer(page: &PdfPage) -> (bool, Option<Warning>) {
    let at = Location {
        page: Some(page.number),
        line: None,
    };
    let n = page.number;
    match assess(&page.content) {
        TextLayer::Good | TextLayer::Blank => (true, None),
        TextLayer::Missing => (
            true,
            Some(Warning::new(
                "pdf_no_text_layer",
                format!(
                    "page {n} has no text layer and no text was read from its image (OCR \
                     reads it with --ocr auto, the default, and tesseract with its Vietnamese \
                     model: apt-get install tesseract-ocr tesseract-ocr-vie)"
                ),
                at,
            )),
        ),
        TextLayer::Implausible => (
            false,
            Some(Warning::new(
                "pdf_garbage_text_layer",
                format!(
                    "page {n} has a text layer that is not plausible Vietnamese (OCR without \
                     Vietnamese?); treated as no text layer (--ocr auto reads the page image again)"
                ),
                at,
            )),
        ),
    }
}

/// One page as the table strategies see it: positioned words (from PDF
/// glyphs, from the character grid of layout text, later from OCR) and the
/// rulings drawn on it.
#[derive(Debug, Clone, Copy)]
pub struct PageWords<'a> {
    /// 1-based page number.
    pub number: u32,
    /// Words in content order (y up).
    pub words: &'a [words::Word],
    /// Ruling segments (table borders).
    pub rulings: &'a [Segment],
    /// Edges of filled rectangles (cell shading, chart bars).
    pub fill_edges: &'a [Segment],
    /// Whether x positions are packed per page (layout text: a column
    /// empty on the whole page is left out and the columns after it move
    /// left), so a page continuing a table matches its own columns to the
    /// header's ([`bands::BandSettings::packed_columns`]).
    pub packed: bool,
}

/// One PDF page's tables and text lines in reading order (top to bottom),
/// with the table the previous page left open; returns the table this
/// page leaves open.
pub fn page_blocks(
    page: &PdfPage,
    open: Option<&bands::OpenTable>,
) -> (Vec<PageBlock>, Option<bands::OpenTable>) {
    let words = words::words(&page.content.glyphs);
    words_blocks(
        PageWords {
            number: page.number,
            words: &words,
            rulings: &page.content.rulings,
            fill_edges: &page.content.fill_edges,
            packed: false,
        },
        open,
    )
}

/// One page's tables and text lines in reading order, whatever the source
/// of its words: ruled grids first, then header-anchored borderless task
/// tables ([`bands`], their row spans read from horizontal rules by
/// [`spans`]), then other aligned tables ([`align`]).
pub fn words_blocks(
    page: PageWords<'_>,
    open: Option<&bands::OpenTable>,
) -> (Vec<PageBlock>, Option<bands::OpenTable>) {
    let words = page.words;
    let mut used = vec![false; words.len()];
    let mut tables: Vec<table::PageTable> = grid::find_grids(page.rulings, page.fill_edges)
        .iter()
        .filter_map(|g| table::fill(g, words, &mut used, page.number))
        .collect();
    let free: Vec<words::Word> = words
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(w, _)| w.clone())
        .collect();
    let lines = lines::group_lines(free);
    let mut line_used = vec![false; lines.len()];
    let (band_tables, left_open) = bands::find_tables(
        &lines,
        &mut line_used,
        &bands::BandSettings {
            packed_columns: page.packed,
            merged_from_text: !page.rulings.iter().any(Segment::is_horizontal),
            ..bands::BandSettings::default()
        },
        page.number,
        open,
    );
    // Horizontal rules between a borderless table's rows show its cells
    // spanning rows.
    tables.extend(band_tables.into_iter().map(|mut t| {
        spans::span_ruled_cells(&mut t, page.rulings, &spans::SpanSettings::default());
        t
    }));
    tables.extend(align::find_tables(
        &lines,
        &mut line_used,
        page.fill_edges,
        page.number,
    ));
    let mut items: Vec<(f64, PageBlock)> = tables
        .into_iter()
        .map(|t| (t.top, PageBlock::Table(t)))
        .collect();
    for (k, line) in lines.iter().enumerate() {
        if line_used[k] {
            continue;
        }
        let text = line.text();
        if text.is_empty() {
            continue;
        }
        items.push((
            line.top(),
            PageBlock::Line(TextLine {
                text,
                indent: 0,
                at: Location {
                    page: Some(page.number),
                    line: Some(k as u32 + 1),
                },
            }),
        ));
    }
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    (items.into_iter().map(|(_, b)| b).collect(), left_open)
}

/// A page's text with the horizontal layout kept (columns aligned by
/// spaces), for `nhiemvu text --layout`.
pub fn page_layout_text(page: &PdfPage) -> String {
    let turned = orient::upright_page(page);
    let page = turned.as_ref().unwrap_or(page);
    let words = words::words(&page.content.glyphs);
    // A column is a little under the median glyph advance, so that text
    // keeps about its width and rarely runs into the next column.
    let char_width = {
        let mut widths: Vec<f64> = page
            .content
            .glyphs
            .iter()
            .filter(|g| g.upright() && g.width > 0.0)
            .map(|g| g.width)
            .collect();
        widths.sort_by(f64::total_cmp);
        widths.get(widths.len() / 2).copied().unwrap_or(5.0) * 0.9
    };
    let left = words.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
    lines::layout_text(&lines::group_lines(words), left, char_width.max(1.0))
}
