//! A second reading of narrow ruled cells (the TT column): tesseract's
//! page segmentation misreads short isolated labels ("1.2." as "si"), so
//! such cells are cut out, stacked into one strip and read again as one
//! block of text, one cell a line.

use super::raster::Gray;
use super::{tesseract, OcrPage, PixelToPage};
use crate::layout::grid::find_grids;

/// Columns narrower than this (points) are read again cell by cell.
pub const NARROW_COLUMN: f64 = 45.0;
/// Pixels cut off inside each cell border (remains of the ruling).
const INSET: i64 = 3;
/// White margin around each cell in the strip, in pixels.
const PAD: usize = 12;
/// Fewer ink pixels than this: an empty cell.
const MIN_INK: usize = 12;

/// A cell cut out of the page raster: its pixel box and its slot in the strip.
struct Slot {
    x0: i64,
    y0: i64,
    strip_top: usize,
    strip_bottom: usize,
    /// Page box: left, bottom, right, top.
    page: [f64; 4],
}

/// Read the narrow cells of the page's ruled grids again and put their
/// words in place of what the page reading found inside them.
pub fn reread_narrow_cells(
    level: &Gray,
    dpi: u32,
    to_page: &PixelToPage,
    size: f64,
    page: &mut OcrPage,
) -> Result<(), String> {
    let threshold = super::raster::otsu(level);
    let mut slots: Vec<Slot> = Vec::new();
    let mut crops: Vec<(i64, i64, i64, i64)> = Vec::new();
    let mut strip_height = 0;
    let mut strip_width = 0;
    for grid in find_grids(&page.rulings, &[]) {
        for r in grid.regions() {
            let (x0, x1) = (grid.xs[r.c0], grid.xs[r.c1 + 1]);
            if r.c0 != r.c1 || x1 - x0 >= NARROW_COLUMN {
                continue;
            }
            let (top, bottom) = (grid.ys[r.r0], grid.ys[r.r1 + 1]);
            let (px0, py0) = to_page.pixel(x0, top);
            let (px1, py1) = to_page.pixel(x1, bottom);
            let (px0, py0) = (px0.round() as i64 + INSET, py0.round() as i64 + INSET);
            let px1 = (px1.round() as i64 - INSET).min(level.width as i64);
            let py1 = (py1.round() as i64 - INSET).min(level.height as i64);
            if px0 < 0 || py0 < 0 || px1 <= px0 || py1 <= py0 {
                continue;
            }
            let ink = (py0..py1)
                .flat_map(|y| (px0..px1).map(move |x| (x, y)))
                .filter(|&(x, y)| level.at(x as usize, y as usize) < threshold)
                .count();
            if ink < MIN_INK {
                continue;
            }
            let h = (py1 - py0) as usize;
            slots.push(Slot {
                x0: px0,
                y0: py0,
                strip_top: strip_height + PAD,
                strip_bottom: strip_height + PAD + h,
                page: [x0, bottom, x1, top],
            });
            crops.push((px0, py0, px1, py1));
            strip_height += h + 2 * PAD;
            strip_width = strip_width.max((px1 - px0) as usize + 2 * PAD);
        }
    }
    if slots.is_empty() {
        return Ok(());
    }
    let mut strip = Gray {
        width: strip_width,
        height: strip_height,
        pixels: vec![255; strip_width * strip_height],
    };
    for (slot, &(px0, py0, px1, py1)) in slots.iter().zip(&crops) {
        for y in py0..py1 {
            let from = &level.pixels[y as usize * level.width..][px0 as usize..px1 as usize];
            let row = slot.strip_top + (y - py0) as usize;
            strip.pixels[row * strip_width + PAD..][..from.len()].copy_from_slice(from);
        }
    }
    clean(&mut strip, threshold);
    let words = tesseract::read_words(&strip, dpi, tesseract::BLOCK_SEGMENTATION)?;
    // Drop what the page reading found in these cells.
    let inside = |x: f64, y: f64| {
        slots
            .iter()
            .any(|s| x >= s.page[0] && x <= s.page[2] && y >= s.page[1] && y <= s.page[3])
    };
    let keep: Vec<bool> = page.words.iter().map(|w| !inside(w.cx(), w.cy())).collect();
    let mut k = keep.iter();
    page.words.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    page.confidence.retain(|_| *k.next().unwrap_or(&true));
    for w in words.iter().filter(|w| !super::is_speck(w)) {
        let centre = (w.top + w.height / 2) as usize;
        let Some(slot) = slots
            .iter()
            .find(|s| centre + PAD >= s.strip_top && centre < s.strip_bottom + PAD)
        else {
            continue;
        };
        let origin = (slot.x0 - PAD as i64, slot.y0 - slot.strip_top as i64);
        page.push(to_page.word(w, origin, size), w.confidence);
    }
    Ok(())
}

/// Binarize at `threshold` and drop isolated specks (ink pixels with at
/// most one inked neighbour): short labels read far better clean.
fn clean(gray: &mut Gray, threshold: u8) {
    let (w, h) = (gray.width, gray.height);
    let ink: Vec<bool> = gray.pixels.iter().map(|&p| p < threshold).collect();
    for y in 0..h {
        for x in 0..w {
            let mut neighbours = 0;
            for (dx, dy) in [
                (-1i64, -1i64),
                (0, -1),
                (1, -1),
                (-1, 0),
                (1, 0),
                (-1, 1),
                (0, 1),
                (1, 1),
            ] {
                let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                if nx >= 0
                    && ny >= 0
                    && (nx as usize) < w
                    && (ny as usize) < h
                    && ink[ny as usize * w + nx as usize]
                {
                    neighbours += 1;
                }
            }
            gray.pixels[y * w + x] = if ink[y * w + x] && neighbours > 1 {
                0
            } else {
                255
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_drops_specks_and_keeps_strokes() {
        let mut g = Gray {
            width: 5,
            height: 3,
            pixels: vec![
                40, 255, 255, 255, 255, //
                255, 255, 30, 30, 30, //
                255, 255, 30, 30, 30,
            ],
        };
        clean(&mut g, 128);
        // A lone speck goes; a stroke two pixels thick stays whole.
        assert_eq!(g.pixels[0], 255);
        assert_eq!(&g.pixels[5..10], &[255, 255, 0, 0, 0]);
        assert_eq!(&g.pixels[10..15], &[255, 255, 0, 0, 0]);
    }
}
