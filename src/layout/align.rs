//! Borderless tables (text-alignment mode): columns from the x gaps that
//! stay free across consecutive lines, seeded by a line with several
//! widely spaced segments (usually the header).
//!
//! A line whose first column is empty continues the row above (wrapped
//! cells); a line that crosses the column gaps but is followed by more
//! table lines is a group row spanning the whole table.

use super::lines::Line;
use super::table::{box_rows, words_cell, PageTable};
use super::words::Word;
use crate::model::Location;
use crate::pdf::content::Segment;
use crate::source_doc::{Cell, Row, Table};

/// A gap wider than this share of the font size separates columns.
const COLUMN_GAP: f64 = 1.2;
/// Fewest columns for a borderless table.
const MIN_COLUMNS: usize = 3;
/// Fewest lines with two or more filled columns in a borderless table.
const MIN_TABLE_LINES: usize = 3;
/// Most edges of filled shapes inside a borderless table (three shaded
/// rectangles).
const MAX_FILL_EDGES: usize = 12;
/// How far above and below a borderless table (in font sizes) filled
/// shapes count against it.
const GRAPHICS_MARGIN: f64 = 3.0;
/// A vertical gap above this many line heights ends a table.
const MAX_LINE_GAP: f64 = 3.0;
/// Narrowest free gap still separating columns, as a share of the font
/// size (wider than a word space).
const MIN_GAP_WIDTH: f64 = 0.6;
/// A line with an empty first column continues the row above only if it
/// follows the previous line within this many font sizes (baseline to
/// baseline); further down it starts a row of its own.
const WRAP_SPACING: f64 = 1.6;

#[derive(Debug, Clone, Copy)]
enum Kind {
    Cells,
    Group,
}

/// Find borderless tables among a page's free lines (top to bottom).
/// Lines that become table rows are marked in `used`. Regions over many
/// filled shapes (`fill_edges`: the bars of a chart, whose labels line up
/// like columns) are not tables.
pub fn find_tables(
    lines: &[Line],
    used: &mut [bool],
    fill_edges: &[Segment],
    page: u32,
) -> Vec<PageTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if used[i] || segments(&lines[i]).len() < MIN_COLUMNS {
            i += 1;
            continue;
        }
        match grow(lines, used, i).filter(|(m, _)| !over_graphics(lines, m, fill_edges)) {
            Some((members, gaps)) => {
                let table = build(lines, &members, &gaps, page);
                for &(k, _) in &members {
                    used[k] = true;
                }
                i = members.last().map_or(i, |m| m.0) + 1;
                out.push(table);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the region of `members`, or the band just above or below it,
/// holds the edges of more than a few filled shapes (a shaded header is
/// one; a bar chart, with its labels under the bars, is many).
fn over_graphics(lines: &[Line], members: &Members, fill_edges: &[Segment]) -> bool {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(k, _) in members {
        let l = &lines[k];
        let margin = l.size() * GRAPHICS_MARGIN;
        x0 = x0.min(l.x0());
        x1 = x1.max(l.x1());
        y0 = y0.min(l.y - margin);
        y1 = y1.max(l.top() + margin);
    }
    let inside = fill_edges
        .iter()
        .filter(|e| {
            let (mx, my) = ((e.x0 + e.x1) / 2.0, (e.y0 + e.y1) / 2.0);
            mx >= x0 && mx <= x1 && my >= y0 && my <= y1
        })
        .count();
    inside > MAX_FILL_EDGES
}

/// Extents of a line's word groups separated by column-sized gaps.
fn segments(line: &Line) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for w in &line.words {
        match out.last_mut() {
            Some(s) if w.x0 - s.1 <= COLUMN_GAP * w.size => s.1 = s.1.max(w.x1),
            _ => out.push((w.x0, w.x1)),
        }
    }
    out
}

/// Narrow each gap to the part this line leaves free; `None` if a gap
/// closes, becomes narrower than a column gap, or has a segment of the
/// line wholly inside it or across it (a line crossing the columns).
fn narrow(gaps: &[(f64, f64)], line: &Line) -> Option<Vec<(f64, f64)>> {
    let min_width = MIN_GAP_WIDTH * line.size();
    let segs = segments(line);
    gaps.iter()
        .map(|&(a, b)| {
            let mut lo = a;
            let mut hi = b;
            for &(x0, x1) in &segs {
                if x1 <= lo || x0 >= hi {
                    continue;
                }
                match (x0 < lo, x1 > hi) {
                    (true, false) => lo = x1,
                    (false, true) => hi = x0,
                    _ => return None,
                }
            }
            (hi - lo >= min_width).then_some((lo, hi))
        })
        .collect()
}

type Members = Vec<(usize, Kind)>;

fn grow(lines: &[Line], used: &[bool], start: usize) -> Option<(Members, Vec<(f64, f64)>)> {
    let segs = segments(&lines[start]);
    let mut gaps: Vec<(f64, f64)> = segs.windows(2).map(|w| (w[0].1, w[1].0)).collect();
    let left = segs[0].0;
    let mut members: Members = vec![(start, Kind::Cells)];
    let mut pending_group: Option<usize> = None;
    let mut filled_lines = 1;
    let mut prev = &lines[start];
    for (k, line) in lines.iter().enumerate().skip(start + 1) {
        let size = line.size().max(prev.size());
        if used[k] || prev.y - line.y > MAX_LINE_GAP * size * 1.2 {
            break;
        }
        match narrow(&gaps, line) {
            Some(g) => {
                if let Some(gk) = pending_group.take() {
                    members.push((gk, Kind::Group));
                }
                gaps = g;
                if segments(line).len() >= 2 {
                    filled_lines += 1;
                }
                members.push((k, Kind::Cells));
            }
            None if pending_group.is_none() && (line.x0() - left).abs() <= line.size() => {
                pending_group = Some(k);
            }
            None => break,
        }
        prev = line;
    }
    (filled_lines >= MIN_TABLE_LINES).then_some((members, gaps))
}

fn build(lines: &[Line], members: &Members, gaps: &[(f64, f64)], page: u32) -> PageTable {
    let cols = gaps.len() + 1;
    let separators: Vec<f64> = gaps.iter().map(|&(a, b)| (a + b) / 2.0).collect();
    // Lines are numbered 1-based among the page's free lines.
    let at = |k: usize| Location {
        page: Some(page),
        line: Some(k as u32 + 1),
    };
    let mut rows: Vec<(Kind, Vec<Vec<Word>>, usize)> = Vec::new();
    let mut prev_y: Option<f64> = None;
    for &(k, kind) in members {
        let line = &lines[k];
        let close = prev_y.is_some_and(|y| y - line.y <= WRAP_SPACING * line.size());
        prev_y = Some(line.y);
        match kind {
            Kind::Group => rows.push((kind, vec![line.words.clone()], k)),
            Kind::Cells => {
                let mut cells: Vec<Vec<Word>> = vec![Vec::new(); cols];
                for w in &line.words {
                    let c = separators.iter().filter(|&&s| w.cx() > s).count();
                    cells[c].push(w.clone());
                }
                let continues = close
                    && cells[0].is_empty()
                    && matches!(rows.last(), Some((Kind::Cells, _, _)));
                match rows.last_mut() {
                    Some((_, prev, _)) if continues => {
                        for (p, c) in prev.iter_mut().zip(cells) {
                            p.extend(c);
                        }
                    }
                    _ => rows.push((kind, cells, k)),
                }
            }
        }
    }
    let mut rows: Vec<Row> = rows
        .into_iter()
        .map(|(kind, cells, k)| Row {
            cells: match kind {
                Kind::Group => vec![Cell {
                    span: cols,
                    ..words_cell(cells.into_iter().flatten().collect(), page)
                }],
                Kind::Cells => cells.into_iter().map(|ws| words_cell(ws, page)).collect(),
            },
            at: at(k),
            bbox: None,
        })
        .collect();
    let first = &lines[members[0].0];
    let last_x = members
        .iter()
        .map(|&(k, _)| lines[k].x1())
        .fold(f64::MIN, f64::max);
    let mut xs = vec![first.x0()];
    xs.extend(separators);
    xs.push(last_x);
    box_rows(&mut rows, first.x0(), last_x);
    PageTable {
        table: Table { rows },
        top: first.top(),
        xs,
        slack: gaps.iter().map(|&(a, b)| (b - a) / 2.0).fold(0.0, f64::max),
        open_below: Vec::new(),
    }
}
