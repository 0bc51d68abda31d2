//! Table rulings in a page image: the skew of the page (from the
//! projection profile of its ink), then long thin dark runs along each
//! axis of the levelled image, which are also erased so that tesseract
//! does not read them as letters.

use super::raster::Gray;

/// Thresholds of ruling detection, in points of the page (converted to
/// pixels with the image's resolution).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RulingSettings {
    /// Shortest horizontal ruling (a letter's bar is shorter).
    pub min_horizontal: f64,
    /// Shortest vertical ruling (a letter's stem is shorter).
    pub min_vertical: f64,
    /// Thickest ruling (thicker dark runs are filled areas).
    pub max_thickness: f64,
    /// Widest break inside one ruling (scan noise, JPEG blur).
    pub max_gap: f64,
    /// Largest skew looked for, in degrees either way.
    pub max_skew_degrees: f64,
}

impl Default for RulingSettings {
    fn default() -> Self {
        RulingSettings {
            min_horizontal: 18.0,
            min_vertical: 16.0,
            max_thickness: 4.0,
            max_gap: 0.6,
            max_skew_degrees: 3.0,
        }
    }
}

/// Width of the reduced image the skew is measured on, in pixels.
const SKEW_WIDTH: usize = 800;
/// Coarse and fine steps of the skew search, in degrees.
const SKEW_STEPS: [f64; 2] = [0.1, 0.01];

/// A ruling in pixels of the levelled image: `at` is the row (horizontal)
/// or column (vertical), `from..=to` its extent along the other axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelRuling {
    /// Whether the ruling runs along a row.
    pub horizontal: bool,
    /// Centre row or column.
    pub at: f64,
    /// First pixel along the ruling.
    pub from: usize,
    /// Last pixel along the ruling.
    pub to: usize,
}

/// The page's skew in radians: the slope (y down) of its text lines and
/// horizontal rulings, found where the ink's row profile is sharpest.
pub fn skew(gray: &Gray, threshold: u8, max_degrees: f64) -> f64 {
    let k = gray.width.div_ceil(SKEW_WIDTH).max(1);
    let (w, h) = (gray.width / k, gray.height / k);
    let mut dark: Vec<(usize, usize)> = Vec::new();
    for by in 0..h {
        for bx in 0..w {
            let ink = (0..k).any(|dy| {
                let row = &gray.pixels[(by * k + dy) * gray.width..][..gray.width];
                row[bx * k..bx * k + k].iter().any(|&p| p < threshold)
            });
            if ink {
                dark.push((bx, by));
            }
        }
    }
    if dark.is_empty() {
        return 0.0;
    }
    let margin = (w as f64 * max_degrees.to_radians().tan()).ceil() as usize + 1;
    let mut profile = vec![0u32; h + 2 * margin];
    let mut score = |degrees: f64| -> f64 {
        profile.iter_mut().for_each(|v| *v = 0);
        let t = degrees.to_radians().tan();
        for &(x, y) in &dark {
            let i = (y as f64 + margin as f64 - x as f64 * t).round() as usize;
            profile[i] += 1;
        }
        profile.iter().map(|&v| (v as f64).powi(2)).sum()
    };
    let mut best = 0.0;
    let mut span = max_degrees;
    for step in SKEW_STEPS {
        let centre = best;
        let mut best_score = f64::MIN;
        let n = (span / step).round() as i32;
        for i in -n..=n {
            let a = centre + i as f64 * step;
            let s = score(a);
            if s > best_score {
                best_score = s;
                best = a;
            }
        }
        span = step;
    }
    best.to_radians().tan().atan()
}

/// The rulings of a levelled image, with `px_per_pt` pixels per point;
/// their pixels are painted white in `gray`.
pub fn find_and_erase(
    gray: &mut Gray,
    threshold: u8,
    px_per_pt: f64,
    settings: &RulingSettings,
) -> Vec<PixelRuling> {
    let px = |pt: f64| (pt * px_per_pt).round().max(1.0) as usize;
    let (w, h) = (gray.width, gray.height);
    let ink: Vec<bool> = gray.pixels.iter().map(|&p| p < threshold).collect();
    let mut transposed = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            transposed[x * h + y] = ink[y * w + x];
        }
    }
    let gap = px(settings.max_gap);
    let thick = px(settings.max_thickness);
    let horizontal = runs_to_rulings(&ink, w, h, px(settings.min_horizontal), gap, thick);
    let vertical = runs_to_rulings(&transposed, h, w, px(settings.min_vertical), gap, thick);
    let mut out = Vec::new();
    for (is_h, groups) in [(true, horizontal), (false, vertical)] {
        for g in groups {
            for &(line, from, to) in &g.runs {
                for l in line.saturating_sub(1)..=(line + 1) {
                    for p in from..=to {
                        let (x, y) = if is_h { (p, l) } else { (l, p) };
                        if x < w && y < h {
                            gray.pixels[y * w + x] = 255;
                        }
                    }
                }
            }
            out.push(PixelRuling {
                horizontal: is_h,
                at: (g.first + g.last) as f64 / 2.0,
                from: g.from,
                to: g.to,
            });
        }
    }
    out
}

/// Dark runs of neighbouring lines merged into one ruling.
#[derive(Debug, Clone)]
struct Group {
    first: usize,
    last: usize,
    from: usize,
    to: usize,
    runs: Vec<(usize, usize, usize)>,
}

/// Rulings along the rows of a `w × h` ink mask: runs at least `min_len`
/// long (breaks up to `gap`), joined when they touch on neighbouring rows,
/// kept when at most `thick` rows thick.
fn runs_to_rulings(
    ink: &[bool],
    w: usize,
    h: usize,
    min_len: usize,
    gap: usize,
    thick: usize,
) -> Vec<Group> {
    // (row, from, to) of every long run, row by row.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for y in 0..h {
        let row = &ink[y * w..(y + 1) * w];
        let mut start: Option<(usize, usize)> = None;
        let close = |run: Option<(usize, usize)>, runs: &mut Vec<(usize, usize, usize)>| {
            if let Some((s, last)) = run {
                if last - s + 1 >= min_len {
                    runs.push((y, s, last));
                }
            }
        };
        for (x, &dark) in row.iter().enumerate() {
            if dark {
                start = match start {
                    Some((s, last)) if x - last <= gap + 1 => Some((s, x)),
                    other => {
                        close(other, &mut runs);
                        Some((x, x))
                    }
                };
            }
        }
        close(start, &mut runs);
    }
    // Union runs that overlap on neighbouring rows.
    let mut parent: Vec<usize> = (0..runs.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut prev_start = 0;
    let mut row_start = 0;
    for i in 0..runs.len() {
        if i > 0 && runs[i].0 != runs[i - 1].0 {
            prev_start = if runs[i].0 == runs[i - 1].0 + 1 {
                row_start
            } else {
                i
            };
            row_start = i;
        }
        let (_, s, e) = runs[i];
        for (j, &(_, ps, pe)) in runs.iter().enumerate().take(row_start).skip(prev_start) {
            if ps <= e && s <= pe {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a] = b;
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Group> = Default::default();
    for (i, &(y, s, e)) in runs.iter().enumerate() {
        let r = root(&mut parent, i);
        let g = groups.entry(r).or_insert(Group {
            first: y,
            last: y,
            from: s,
            to: e,
            runs: Vec::new(),
        });
        g.first = g.first.min(y);
        g.last = g.last.max(y);
        g.from = g.from.min(s);
        g.to = g.to.max(e);
        g.runs.push((y, s, e));
    }
    groups
        .into_values()
        .filter(|g| g.last - g.first < thick)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::raster::rotate;
    use super::*;

    /// A white page with a 3 × 3 ruled grid, turned by `degrees`.
    fn grid_page(degrees: f64) -> Gray {
        let (w, h) = (1200, 800);
        let mut pixels = vec![255u8; w * h];
        for k in 0..4 {
            let (x, y) = (200 + k * 260, 100 + k * 200);
            for t in 0..3 {
                for p in 200..=982 {
                    pixels[(y + t) * w + p] = 0;
                }
                for p in 100..=702 {
                    pixels[p * w + x + t] = 0;
                }
            }
        }
        // Some text-like specks that must not become rulings.
        for x in (240..400).step_by(7) {
            pixels[180 * w + x] = 0;
        }
        rotate(
            &Gray {
                width: w,
                height: h,
                pixels,
            },
            -degrees.to_radians(),
        )
    }

    #[test]
    fn finds_a_slightly_turned_grid() {
        let page = grid_page(1.2);
        let angle = skew(&page, 128, 3.0);
        assert!(
            (angle.to_degrees() - 1.2).abs() < 0.1,
            "{}",
            angle.to_degrees()
        );
        let mut level = rotate(&page, angle);
        let rulings = find_and_erase(&mut level, 128, 2.0, &RulingSettings::default());
        let h = rulings.iter().filter(|r| r.horizontal).count();
        let v = rulings.len() - h;
        assert_eq!((h, v), (4, 4), "{rulings:?}");
        assert!(level.pixels.iter().filter(|&&p| p < 128).count() < 200);
    }
}
