//! OCR of scanned pages: the page image → a levelled gray raster
//! ([`raster`]) → ruling lines found and erased ([`rulings`]) → words with
//! boxes from tesseract ([`tesseract`]) → positioned [`Word`]s and ruling
//! [`Segment`]s in page coordinates, which go through the same table
//! engine as a digital page ([`crate::layout::words_blocks`]).

mod cells;
pub mod correct;
pub mod raster;
pub mod rulings;
pub mod tesseract;

use crate::layout::words::Word;
use crate::model::{Location, Task, Warning};
use crate::pdf::content::Segment;
use crate::pdf::images::PageImage;
use raster::PageRect;
use rulings::RulingSettings;
use std::sync::atomic::{AtomicUsize, Ordering};

/// When to OCR a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OcrMode {
    /// Pages without a usable text layer (a scan, a stamp only, an OCR
    /// layer that is not Vietnamese).
    #[default]
    Auto,
    /// Never: such pages are reported (`no_text_layer`).
    Never,
    /// Every page that is mostly one image, whatever text layer it has.
    Always,
}

/// Thresholds on tesseract's confidence in a word (0–100).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConfidenceSettings {
    /// Words read below this are uncertain: reported (with the task
    /// fields resting on them) and open to correction.
    pub low: f32,
    /// Words read at or above this are sure: they make the document's
    /// lexicon that uncertain words are corrected from.
    pub sure: f32,
    /// Least number of sure readings of a spelling for it to correct
    /// another word.
    pub sure_repeats: usize,
}

/// The confidence thresholds used.
pub const CONFIDENCE: ConfidenceSettings = ConfidenceSettings {
    low: 60.0,
    sure: 85.0,
    sure_repeats: 2,
};
/// Fewer letters than this read by OCR: nothing legible on the page.
pub const MIN_LETTERS: usize = 20;
/// Least share of the page an image must cover to be OCR'd as the page.
pub const MIN_PAGE_SHARE: f64 = 0.25;
/// A text line's box over the font size (accents above, descenders below).
const LINE_HEIGHT_EM: f64 = 1.3;
/// Depth of descenders below the baseline, in font sizes.
const DESCENT_EM: f64 = 0.22;
/// Rulings are lengthened by this much at each end (points), so that
/// lines meeting in the scan also meet in the grid.
const RULING_OVERSHOOT: f64 = 1.5;

/// Ruling ends this close (points) to a crossing ruling are moved onto it:
/// in a scan, lines overshoot or stop short of the borders they meet by
/// a pixel or two of ink, which would make slivers of empty columns.
const SNAP_ENDS: f64 = 4.0;

/// What OCR read on one page, in page coordinates (points, y up).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrPage {
    /// Words in tesseract's reading order.
    pub words: Vec<Word>,
    /// Tesseract's confidence for each word of `words`.
    pub confidence: Vec<f32>,
    /// Ruling lines found in the image.
    pub rulings: Vec<Segment>,
    /// The page's measured skew, in degrees (counterclockwise on the page).
    pub skew_degrees: f64,
}

/// Page images read by OCR in this process (see [`pages_read`]).
static PAGES_READ: AtomicUsize = AtomicUsize::new(0);

/// Number of page images OCR has read in this process so far (every
/// [`read_page`] that succeeded), growing as each page is done, while a
/// document's other pages are still being read. A progress display counts
/// the pages of its run as the growth from its start; runs in one process
/// at the same time are counted together.
pub fn pages_read() -> usize {
    PAGES_READ.load(Ordering::Relaxed)
}

/// Read one page image: decode, level, find rulings, OCR; counted in
/// [`pages_read`].
///
/// Errors: the image cannot be decoded, or tesseract fails.
pub fn read_page(image: &PageImage) -> Result<OcrPage, String> {
    let page = read_page_image(image)?;
    PAGES_READ.fetch_add(1, Ordering::Relaxed);
    Ok(page)
}

/// [`read_page`], uncounted.
fn read_page_image(image: &PageImage) -> Result<OcrPage, String> {
    let gray = raster::decode(image)?;
    let (gray, rect) = raster::upright(gray, &image.placement);
    let page_width = (rect[2] - rect[0]).max(1.0);
    let px_per_pt = gray.width as f64 / page_width;
    let threshold = raster::otsu(&gray);
    let settings = RulingSettings::default();
    let angle = rulings::skew(&gray, threshold, settings.max_skew_degrees);
    let mut level = if angle.abs() > 0.05f64.to_radians() {
        raster::rotate(&gray, angle)
    } else {
        gray
    };
    let found = rulings::find_and_erase(&mut level, threshold, px_per_pt, &settings);
    let dpi = (px_per_pt * 72.0).round().max(1.0) as u32;
    let words = tesseract::read_words(&level, dpi, tesseract::PAGE_SEGMENTATION)?;
    let to_page = PixelToPage::new(&level, rect);
    let mut rulings: Vec<Segment> = found.iter().map(|r| to_page.ruling(r)).collect();
    snap_ends(&mut rulings);
    let mut page = OcrPage {
        rulings,
        skew_degrees: -angle.to_degrees(),
        ..OcrPage::default()
    };
    let mut heights: Vec<u32> = words.iter().map(|w| w.line_height).collect();
    heights.sort_unstable();
    let median = heights.get(heights.len() / 2).copied().unwrap_or(0) as f64;
    let size = (median / to_page.sy / LINE_HEIGHT_EM).max(1.0);
    for w in words.iter().filter(|w| !is_speck(w)) {
        page.push(to_page.word(w, (0, 0), size), w.confidence);
    }
    cells::reread_narrow_cells(&level, dpi, &to_page, size, &mut page)?;
    Ok(page)
}

/// Move each ruling end that lies within [`SNAP_ENDS`] of a crossing
/// ruling onto it, as in a digital table whose lines end at its borders.
fn snap_ends(rulings: &mut [Segment]) {
    let across: Vec<(bool, Segment)> = rulings.iter().map(|r| (r.is_horizontal(), *r)).collect();
    for r in rulings.iter_mut() {
        let horizontal = r.is_horizontal();
        // Where the rulings across this one cross its line.
        let crossings: Vec<f64> = across
            .iter()
            .filter(|(h, _)| *h != horizontal)
            .filter_map(|(_, c)| {
                let (at, from, to, pos) = if horizontal {
                    (r.y0, c.y0, c.y1, c.x0)
                } else {
                    (r.x0, c.x0, c.x1, c.y0)
                };
                (at >= from - SNAP_ENDS && at <= to + SNAP_ENDS).then_some(pos)
            })
            .collect();
        let (lo, hi) = if horizontal {
            (&mut r.x0, &mut r.x1)
        } else {
            (&mut r.y0, &mut r.y1)
        };
        let nearest = |end: f64| {
            crossings
                .iter()
                .copied()
                .filter(|p| (p - end).abs() < SNAP_ENDS)
                .min_by(|a, b| (a - end).abs().total_cmp(&(b - end).abs()))
        };
        if let Some(p) = nearest(*lo).filter(|p| *p < *hi) {
            *lo = p;
        }
        if let Some(p) = nearest(*hi).filter(|p| *p > *lo) {
            *hi = p;
        }
    }
}

/// A "word" of punctuation only read with low confidence: scan noise
/// ("¡", "_", "|") rather than text. Dashes are left to
/// [`correct::correct_document`], which keeps those between numbers.
fn is_speck(w: &tesseract::OcrWord) -> bool {
    w.confidence < CONFIDENCE.low
        && !w.text.chars().any(char::is_alphanumeric)
        && !correct::is_dash(&w.text)
}

impl OcrPage {
    /// Number of letters read.
    pub fn letters(&self) -> usize {
        self.words
            .iter()
            .map(|w| w.text.chars().filter(|c| c.is_alphabetic()).count())
            .sum()
    }

    fn push(&mut self, word: Word, confidence: f32) {
        self.words.push(word);
        self.confidence.push(confidence);
    }
}

/// Pixel positions of a raster → page points.
struct PixelToPage {
    rect: PageRect,
    /// Pixels per point across.
    sx: f64,
    /// Pixels per point down.
    sy: f64,
}

impl PixelToPage {
    fn new(gray: &raster::Gray, rect: PageRect) -> Self {
        PixelToPage {
            rect,
            sx: gray.width as f64 / (rect[2] - rect[0]).max(1.0),
            sy: gray.height as f64 / (rect[3] - rect[1]).max(1.0),
        }
    }

    fn point(&self, x: f64, y: f64) -> (f64, f64) {
        (self.rect[0] + x / self.sx, self.rect[3] - y / self.sy)
    }

    /// The pixel position of a page point.
    fn pixel(&self, x: f64, y: f64) -> (f64, f64) {
        ((x - self.rect[0]) * self.sx, (self.rect[3] - y) * self.sy)
    }

    /// A word read in an image whose pixel `(0, 0)` is at `origin` of the
    /// page raster, sized `size`, its baseline a descent above its line's
    /// bottom.
    fn word(&self, w: &tesseract::OcrWord, origin: (i64, i64), size: f64) -> Word {
        let left = origin.0 as f64 + w.left as f64;
        let bottom = origin.1 as f64 + (w.line_top + w.line_height) as f64;
        let (x0, _) = self.point(left, 0.0);
        let (x1, _) = self.point(left + w.width as f64, 0.0);
        let (_, y) = self.point(0.0, bottom);
        Word {
            text: w.text.clone(),
            x0,
            x1,
            y: y + DESCENT_EM * size,
            size,
        }
    }

    fn ruling(&self, r: &rulings::PixelRuling) -> Segment {
        let (from, to) = (r.from as f64, r.to as f64 + 1.0);
        if r.horizontal {
            let (x0, y) = self.point(from, r.at + 0.5);
            let (x1, _) = self.point(to, r.at + 0.5);
            Segment::new(x0 - RULING_OVERSHOOT, y, x1 + RULING_OVERSHOOT, y)
        } else {
            let (x, y0) = self.point(r.at + 0.5, from);
            let (_, y1) = self.point(r.at + 0.5, to);
            Segment::new(x, y0 + RULING_OVERSHOOT, x, y1 - RULING_OVERSHOOT)
        }
    }
}

/// A word OCR read with low confidence, kept to mark the task fields
/// resting on it.
#[derive(Debug, Clone, PartialEq)]
pub struct UncertainWord {
    /// 1-based page.
    pub page: u32,
    /// The word as read (after correction).
    pub text: String,
    /// Tesseract's confidence, 0 to 100.
    pub confidence: f32,
    /// `[x0, y0, x1, y1]` in PDF points (y0 the baseline).
    pub bbox: [f64; 4],
}

/// What the record stage learns of a document's OCR: the pages read by
/// OCR and their uncertain words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrNotes {
    /// Pages read by OCR, in order.
    pub pages: Vec<u32>,
    /// Words read below [`ConfidenceSettings::low`], least certain first.
    pub uncertain: Vec<UncertainWord>,
}

impl OcrNotes {
    /// Note page `number`, read by OCR as `page`.
    pub fn add_page(&mut self, number: u32, page: &OcrPage) {
        self.pages.push(number);
        let mut low: Vec<UncertainWord> = page
            .confidence
            .iter()
            .zip(&page.words)
            .filter(|(c, w)| **c < CONFIDENCE.low && w.text.chars().any(char::is_alphanumeric))
            .map(|(c, w)| UncertainWord {
                page: number,
                text: w.text.clone(),
                confidence: *c,
                bbox: [w.x0, w.y, w.x1, w.top()],
            })
            .collect();
        low.sort_by(|a, b| a.confidence.total_cmp(&b.confidence));
        self.uncertain.extend(low);
    }
}

/// The `ocr_low_confidence` warning of page `number`: how many words
/// tesseract was unsure of, with the least certain ones and their boxes
/// (points, `x0,y0–x1,y1`).
pub fn low_confidence_warning(number: u32, page: &OcrPage, notes: &OcrNotes) -> Option<Warning> {
    let low: Vec<&UncertainWord> = notes
        .uncertain
        .iter()
        .filter(|w| w.page == number)
        .collect();
    if low.is_empty() {
        return None;
    }
    let shown: Vec<String> = low
        .iter()
        .take(MAX_LOW_CONFIDENCE_SHOWN)
        .map(|w| {
            let [x0, y0, x1, y1] = w.bbox;
            format!(
                "\"{}\" ({:.0}%) at {x0:.0},{y0:.0}–{x1:.0},{y1:.0}",
                w.text, w.confidence
            )
        })
        .collect();
    Some(Warning::new(
        "ocr_low_confidence",
        format!(
            "page {number}: OCR is unsure of {} of {} words: {}",
            low.len(),
            page.words.len(),
            shown.join("; ")
        ),
        Location {
            page: Some(number),
            line: None,
        },
    ))
}

/// Mark the tasks read from OCR'd pages (`source.ocr`), and give each
/// field resting on an uncertain word an `ocr_low_confidence` warning with
/// the word's page and box.
pub fn mark_tasks(tasks: &mut [Task], notes: &OcrNotes) {
    use crate::normalize::match_key;
    let inside = |b: [f64; 4], row: [f64; 4]| {
        let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
        cx >= row[0] && cx <= row[2] && cy >= row[1] && cy <= row[3]
    };
    for task in tasks {
        let Some(page) = task.source.page.filter(|p| notes.pages.contains(p)) else {
            continue;
        };
        task.source.ocr = true;
        let mut fields: Vec<(&str, String)> = vec![("name", task.name.clone())];
        fields.extend(task.result.clone().map(|r| ("result", r)));
        for (field, units) in [
            ("lead_units", &task.lead_units),
            ("coordinating_units", &task.coordinating_units),
        ] {
            fields.extend(units.iter().map(|u| (field, u.raw.clone())));
        }
        fields.extend(
            task.assigning_documents
                .iter()
                .map(|d| ("assigning_documents", d.raw.clone())),
        );
        fields.extend(task.deadline.as_ref().map(|d| ("deadline", d.raw.clone())));
        let keys: Vec<(&str, String)> = fields
            .into_iter()
            .map(|(f, text)| (f, format!(" {} ", match_key(&text))))
            .collect();
        for w in notes.uncertain.iter().filter(|w| w.page == page) {
            if task.source.bbox.is_some_and(|row| !inside(w.bbox, row)) {
                continue;
            }
            let key = format!(" {} ", match_key(&w.text));
            if key.trim().is_empty() {
                continue;
            }
            for (field, _) in keys.iter().filter(|(_, text)| text.contains(&key)) {
                let mut warning = Warning::new(
                    "ocr_low_confidence",
                    format!(
                        "task {}: {field} rests on \"{}\", read by OCR with {:.0}% confidence \
                         (below {:.0}%)",
                        task.number, w.text, w.confidence, CONFIDENCE.low
                    ),
                    Location {
                        page: Some(page),
                        line: None,
                    },
                );
                warning.bbox = Some(w.bbox);
                if !task.warnings.contains(&warning) {
                    task.warnings.push(warning);
                }
            }
        }
    }
}

/// Most uncertain words named in one `ocr_low_confidence` warning.
const MAX_LOW_CONFIDENCE_SHOWN: usize = 8;

/// The `ocr` warning of a document: which pages were read by OCR, so that
/// a reader knows names and results may hold misread letters, and how
/// many words [`correct::correct_document`] changed.
pub fn ocr_used_warning(pages: &[u32], corrected: usize) -> Warning {
    let list: Vec<String> = pages.iter().map(u32::to_string).collect();
    Warning::new(
        "ocr",
        format!(
            "page(s) {} read by OCR (tesseract, {}), {corrected} word(s) corrected after it; \
             names and results may hold misread letters",
            list.join(", "),
            tesseract::LANGUAGE
        ),
        Location {
            page: pages.first().copied(),
            line: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruling_ends_snap_onto_the_borders_they_cross() {
        let mut r = vec![
            // Overshoots the right border by 2 pt, stops 1 pt short of the left.
            Segment::new(38.2, 500.0, 549.4, 500.0),
            Segment::new(37.2, 400.0, 37.2, 600.0),
            Segment::new(547.4, 400.0, 547.4, 601.5),
            // Crosses nothing: unchanged.
            Segment::new(100.0, 700.0, 200.0, 700.0),
            Segment::new(37.0, 600.0, 548.0, 600.0),
        ];
        snap_ends(&mut r);
        assert_eq!((r[0].x0, r[0].x1), (37.2, 547.4));
        assert_eq!((r[2].y0, r[2].y1), (400.0, 600.0));
        assert_eq!((r[3].x0, r[3].x1), (100.0, 200.0));
        assert_eq!((r[4].x0, r[4].x1), (37.2, 547.4));
    }
}
