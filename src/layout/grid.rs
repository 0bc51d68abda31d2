//! Ruling lines → table grids (lattice mode).
//!
//! Segments are snapped (collinear pieces within a tolerance are joined),
//! grouped into connected components of crossing horizontals and verticals,
//! and each component with at least two columns becomes a grid. Which
//! borders are actually drawn decides merged cells.

use crate::pdf::content::Segment;
use std::collections::HashMap;

/// Positions closer than this (points) are the same line.
const SNAP: f64 = 2.0;
/// Collinear pieces with a gap up to this (points) are one line.
const JOIN_GAP: f64 = 3.0;
/// Segments shorter than this (points) are ignored (dots, glyph parts).
const MIN_LENGTH: f64 = 1.0;
/// More crossings to test than this: the page is a drawing (hatching,
/// a plan), not tables; lattice mode is skipped.
const MAX_CROSSING_TESTS: usize = 4_000_000;
/// Grids with more elementary cells than this are drawings, not tables.
const MAX_CELLS: usize = 100_000;

/// A table grid: column and row boundaries and which borders are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// Column boundaries, left to right.
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (descending y).
    pub ys: Vec<f64>,
    /// `v[r][k]`: a border at `xs[k]` along row `r`.
    v: Vec<Vec<bool>>,
    /// `h[k][c]`: a border at `ys[k]` along column `c`.
    h: Vec<Vec<bool>>,
}

/// A cell of a grid, possibly merged over several rows and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// First row.
    pub r0: usize,
    /// Last row.
    pub r1: usize,
    /// First column.
    pub c0: usize,
    /// Last column.
    pub c1: usize,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// y for horizontals, x for verticals.
    at: f64,
    from: f64,
    to: f64,
}

impl Grid {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }

    /// Number of columns.
    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }

    /// Top edge.
    pub fn top(&self) -> f64 {
        self.ys.first().copied().unwrap_or(0.0)
    }

    /// The elementary cell containing a point.
    pub fn locate(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let c = self.xs.windows(2).position(|w| x >= w[0] && x < w[1])?;
        let r = self.ys.windows(2).position(|w| y <= w[0] && y > w[1])?;
        Some((r, c))
    }

    /// Whether a point lies inside the grid.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        self.locate(x, y).is_some()
    }

    /// Merged cells: elementary cells joined where no border separates them.
    /// Every elementary cell is in exactly one region; regions come in
    /// row-major order of their top-left cell.
    pub fn regions(&self) -> Vec<Region> {
        let (rows, cols) = (self.rows(), self.cols());
        let mut parent: Vec<usize> = (0..rows * cols).collect();
        for r in 0..rows {
            for c in 0..cols {
                if c + 1 < cols && !self.v[r][c + 1] {
                    union(&mut parent, r * cols + c, r * cols + c + 1);
                }
                if r + 1 < rows && !self.h[r + 1][c] {
                    union(&mut parent, r * cols + c, (r + 1) * cols + c);
                }
            }
        }
        let mut index_of_root: HashMap<usize, usize> = HashMap::new();
        let mut regions: Vec<Region> = Vec::new();
        for r in 0..rows {
            for c in 0..cols {
                let root = find(&mut parent, r * cols + c);
                match index_of_root.get(&root) {
                    Some(&k) => {
                        let reg = &mut regions[k];
                        reg.r1 = reg.r1.max(r);
                        reg.c0 = reg.c0.min(c);
                        reg.c1 = reg.c1.max(c);
                    }
                    None => {
                        index_of_root.insert(root, regions.len());
                        regions.push(Region {
                            r0: r,
                            r1: r,
                            c0: c,
                            c1: c,
                        });
                    }
                }
            }
        }
        regions
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[rb.max(ra)] = rb.min(ra);
    }
}

/// Split segments into horizontal and vertical lines, joining collinear pieces.
fn lines_of(segments: &[Segment]) -> (Vec<Line>, Vec<Line>) {
    let mut hs = Vec::new();
    let mut vs = Vec::new();
    for s in segments {
        if s.is_horizontal() && s.x1 - s.x0 >= MIN_LENGTH {
            hs.push(Line {
                at: (s.y0 + s.y1) / 2.0,
                from: s.x0,
                to: s.x1,
            });
        } else if !s.is_horizontal() && s.y1 - s.y0 >= MIN_LENGTH {
            vs.push(Line {
                at: (s.x0 + s.x1) / 2.0,
                from: s.y0,
                to: s.y1,
            });
        }
    }
    (join_collinear(hs), join_collinear(vs))
}

/// Find table grids among a page's ruling segments. `fill_edges` (edges
/// of shaded areas) only confirm borders between cells of a grid the
/// rulings make: Word may leave a border undrawn where a shaded header
/// cell meets a white one.
pub fn find_grids(rulings: &[Segment], fill_edges: &[Segment]) -> Vec<Grid> {
    let (hs, vs) = lines_of(rulings);
    if hs.len().saturating_mul(vs.len()) > MAX_CROSSING_TESTS {
        return Vec::new();
    }
    let (weak_hs, weak_vs) = lines_of(fill_edges);
    // Connected components of crossing lines: indices 0..hs are horizontals.
    let n = hs.len() + vs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    for (i, h) in hs.iter().enumerate() {
        for (j, v) in vs.iter().enumerate() {
            if crosses(h, v) {
                union(&mut parent, i, hs.len() + j);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Line>, Vec<Line>)> = Vec::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        let pos = match groups.iter().position(|(r, _, _)| *r == root) {
            Some(p) => p,
            None => {
                groups.push((root, Vec::new(), Vec::new()));
                groups.len() - 1
            }
        };
        if i < hs.len() {
            groups[pos].1.push(hs[i]);
        } else {
            groups[pos].2.push(vs[i - hs.len()]);
        }
    }
    groups
        .into_iter()
        .filter_map(|(_, h, v)| build_grid(&h, &v, &weak_hs, &weak_vs))
        .collect()
}

fn crosses(h: &Line, v: &Line) -> bool {
    v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP
}

/// Snap lines to shared positions and join overlapping or nearly touching
/// collinear pieces.
fn join_collinear(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut bands: Vec<Vec<Line>> = Vec::new();
    for l in lines {
        match bands.last_mut() {
            Some(band) if l.at - band[0].at <= SNAP => band.push(l),
            _ => bands.push(vec![l]),
        }
    }
    let mut out = Vec::new();
    for mut band in bands {
        let at = band.iter().map(|l| l.at).sum::<f64>() / band.len() as f64;
        band.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut cur: Option<Line> = None;
        for l in band {
            match cur.as_mut() {
                Some(c) if l.from <= c.to + JOIN_GAP => c.to = c.to.max(l.to),
                _ => {
                    out.extend(cur.take());
                    cur = Some(Line {
                        at,
                        from: l.from,
                        to: l.to,
                    });
                }
            }
        }
        out.extend(cur);
    }
    out
}

fn cluster(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<Vec<f64>> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some(c) if v - c[c.len() - 1] <= SNAP => c.push(v),
            _ => out.push(vec![v]),
        }
    }
    out.iter()
        .map(|c| c.iter().sum::<f64>() / c.len() as f64)
        .collect()
}

fn build_grid(hs: &[Line], vs: &[Line], weak_hs: &[Line], weak_vs: &[Line]) -> Option<Grid> {
    if hs.is_empty() || vs.is_empty() {
        return None;
    }
    let mut xs_raw: Vec<f64> = vs.iter().map(|v| v.at).collect();
    let mut ys_raw: Vec<f64> = hs.iter().map(|h| h.at).collect();
    // Open sides: horizontals reaching past the outermost verticals, and
    // verticals reaching past the outermost horizontals.
    xs_raw.push(hs.iter().map(|h| h.from).fold(f64::MAX, f64::min));
    xs_raw.push(hs.iter().map(|h| h.to).fold(f64::MIN, f64::max));
    ys_raw.push(vs.iter().map(|v| v.from).fold(f64::MAX, f64::min));
    ys_raw.push(vs.iter().map(|v| v.to).fold(f64::MIN, f64::max));
    let xs = cluster(xs_raw);
    let mut ys = cluster(ys_raw);
    ys.reverse();
    if xs.len() < 3 || ys.len() < 2 || (xs.len() - 1) * (ys.len() - 1) > MAX_CELLS {
        return None;
    }
    let rows = ys.len() - 1;
    let cols = xs.len() - 1;
    let v = (0..rows)
        .map(|r| {
            let mid = (ys[r] + ys[r + 1]) / 2.0;
            xs.iter()
                .map(|&x| {
                    vs.iter()
                        .chain(weak_vs)
                        .any(|l| (l.at - x).abs() <= SNAP && l.from <= mid && l.to >= mid)
                })
                .collect()
        })
        .collect();
    let h = ys
        .iter()
        .map(|&y| {
            (0..cols)
                .map(|c| {
                    let mid = (xs[c] + xs[c + 1]) / 2.0;
                    hs.iter()
                        .chain(weak_hs)
                        .any(|l| (l.at - y).abs() <= SNAP && l.from <= mid && l.to >= mid)
                })
                .collect()
        })
        .collect();
    Some(Grid { xs, ys, v, h })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(x0: f64, y0: f64, x1: f64, y1: f64) -> Segment {
        Segment { x0, y0, x1, y1 }
    }

    #[test]
    fn grid_with_a_merged_row() {
        // 3 columns, 3 rows; the middle row has no inner verticals (a group row).
        let mut r = vec![
            seg(0.0, 90.0, 300.0, 90.0),
            seg(0.0, 60.0, 150.0, 60.0),
            seg(150.5, 60.3, 300.0, 60.3),
            seg(0.0, 30.0, 300.0, 30.0),
            seg(0.0, 0.0, 300.0, 0.0),
            seg(0.0, 0.0, 0.0, 90.0),
            seg(300.0, 0.0, 300.0, 90.0),
        ];
        for x in [100.0, 200.0] {
            r.push(seg(x, 60.0, x, 90.0));
            r.push(seg(x, 0.0, x, 30.0));
        }
        let grids = find_grids(&r, &[]);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!((g.rows(), g.cols()), (3, 3));
        let regions = g.regions();
        assert!(regions.contains(&Region {
            r0: 1,
            r1: 1,
            c0: 0,
            c1: 2
        }));
        assert_eq!(regions.len(), 7);
        assert_eq!(g.locate(150.0, 45.0), Some((1, 1)));
    }

    #[test]
    fn shading_edges_confirm_missing_borders() {
        // Two columns, two rows; the border under the right header cell is
        // not drawn, but the header's shading ends there.
        let r = vec![
            seg(0.0, 60.0, 200.0, 60.0),
            seg(0.0, 30.0, 100.0, 30.0),
            seg(0.0, 0.0, 200.0, 0.0),
            seg(0.0, 0.0, 0.0, 60.0),
            seg(100.0, 0.0, 100.0, 60.0),
            seg(200.0, 0.0, 200.0, 60.0),
        ];
        let merged = &find_grids(&r, &[])[0];
        assert_eq!(merged.regions().len(), 3);
        let shading = [seg(100.0, 30.2, 200.0, 30.2), seg(100.0, 60.0, 200.0, 60.0)];
        let split = &find_grids(&r, &shading)[0];
        assert_eq!(split.regions().len(), 4);
        // Shading alone makes no table.
        assert!(find_grids(&[], &shading).is_empty());
    }

    #[test]
    fn underline_is_not_a_table() {
        assert!(find_grids(&[seg(0.0, 0.0, 100.0, 0.0)], &[]).is_empty());
    }
}
