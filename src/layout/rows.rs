//! Rows of a borderless table: which row each body line's cell text
//! belongs to.
//!
//! A row is a horizontal band of the page holding exactly one row number;
//! the bands of a table follow each other down the page, so one cut
//! between two consecutive numbers decides for every column at once
//! (peers that cut each column on its own, or every line at a vertical
//! gap, split the wrapped cells of vertically centred tables). Among all
//! cuts the one chosen makes each row's cells sit in the row as one rule
//! says they do — top, centre or bottom of the row's height, one rule for
//! the number cell and one for the other cells, both chosen per table by
//! least total cost — and cuts a column's text where its lines are spaced
//! further apart than the body's line pitch rather than where they run at
//! that pitch. A dynamic programme over the cuts finds the best ones.
//!
//! Text above the first number is row 0: the rest of a row cut by the page
//! break (its text fills the page top-down).

/// Weights of the row assignment; distances are in body line pitches
/// (baseline to baseline of two lines of one cell).
#[derive(Debug, Clone, PartialEq)]
pub struct RowSettings {
    /// Cost of cutting one column's text between two lines spaced at the
    /// body's line pitch (the two lines read as one cell).
    pub break_penalty: f64,
    /// Lines at most this many pitches apart are regularly spaced: cutting
    /// between them costs the whole `break_penalty`.
    pub regular_gap: f64,
    /// Cutting between lines at least this many pitches apart costs
    /// nothing (the gap between two cells); in between, the cost falls
    /// linearly.
    pub open_gap: f64,
    /// Cost of a row whose cells sit otherwise than the table's rule says
    /// (a row cut by a page break fills its page from the top).
    pub switch_penalty: f64,
    /// Cost of text above the first row number (the rest of a row cut by
    /// the page break), so that the first row keeps text it may own.
    pub continuation_cost: f64,
    /// Cost of text above the first row number when no row of a previous
    /// page is open (stray header text, or the first row's own text).
    pub orphan_cost: f64,
    /// Most that one cell's distance from its place in the row counts (a
    /// cell merged over several rows sits across their cut).
    pub cell_cap: f64,
    /// Gaps between two lines of one column smaller than this share of the
    /// font size are not line pitches (superscripts, overlapping lines).
    pub min_pitch: f64,
    /// A merged cell's middle lies at most this many pitches from the
    /// middle of the rows it spans (it is vertically centred in them).
    pub span_tolerance: f64,
    /// Most share of the name column's runs of lines that start off a
    /// number line in a table whose numbers sit at the top of their rows
    /// (a line of another column printed between two lines of a name
    /// breaks its run); more, and the numbers are centred.
    pub off_number_names: f64,
    /// Cost of a cut that makes a row's name cell (column 1) open on a
    /// line starting with a lowercase letter: such a line is the wrapped
    /// rest of a cell, seldom its first line. Layout text spaces a
    /// centred cell's lines unevenly (other columns' lines sit between
    /// them), so spacing alone may not tell where its cell starts; and
    /// the rest of a row cut by a page break, one line right above the
    /// next row's number, would otherwise cost more as the open row's
    /// (its cut splits four columns at the line pitch, 4 ×
    /// `break_penalty`) than as the next row's top.
    pub lowercase_start: f64,
}

impl Default for RowSettings {
    fn default() -> Self {
        RowSettings {
            break_penalty: 0.5,
            regular_gap: 1.03,
            open_gap: 1.3,
            switch_penalty: 1.0,
            continuation_cost: 0.25,
            orphan_cost: 2.0,
            cell_cap: 1.5,
            min_pitch: 0.5,
            span_tolerance: 0.5,
            off_number_names: 0.25,
            lowercase_start: 2.0,
        }
    }
}

/// What a body line is to the row assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// It holds a row number (the row's anchor).
    Number,
    /// A group heading across the columns: no row's cell runs over it.
    Group,
    /// Cell text only.
    Cells,
}

/// One body line of a table, top to bottom.
#[derive(Debug, Clone)]
pub struct BodyLine {
    /// Baseline (larger is higher on the page).
    pub y: f64,
    /// What the line is.
    pub kind: BodyKind,
    /// The columns (other than the number column, 0) holding text on it;
    /// for a group heading, the columns it runs across.
    pub columns: Vec<usize>,
    /// For a heading (a group line, or a number line that may be one):
    /// how many lines right under it surely go on with it (without a row
    /// number, in capitals as the heading is: "IV  NHIỆM VỤ … ĐẠI BIỂU"
    /// over "TOÀN QUỐC …"); no later row starts on them.
    pub rest: usize,
    /// Its text in the name column (1) starts with a lowercase letter.
    pub name_lowercase: bool,
    /// For a number line whose number wraps in its narrow cell ("2.10"
    /// over "."): the baseline of the number's last line.
    pub number_bottom: Option<f64>,
}

/// Where a cell sits in its row's height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Top,
    Centre,
    Bottom,
}

const ALIGNS: [Align; 3] = [Align::Top, Align::Centre, Align::Bottom];

impl Align {
    /// The reference height of a cell (or row) from its top and bottom baselines.
    fn of(self, top: f64, bottom: f64) -> f64 {
        match self {
            Align::Top => top,
            Align::Centre => (top + bottom) / 2.0,
            Align::Bottom => bottom,
        }
    }
}

/// How far a band's cells are from each alignment rule: for the number
/// cell and for the other cells, per rule in [`ALIGNS`] order.
#[derive(Debug, Clone, Copy)]
struct Fit {
    number: [f64; 3],
    cells: [f64; 3],
    empty: bool,
}

impl Fit {
    /// The band's cost as a row of a table with rules `(number, cells)`.
    fn cost(&self, rule: (usize, usize), switch: f64) -> f64 {
        let own = self.number[rule.0] + self.cells[rule.1];
        let min = |v: &[f64; 3]| v.iter().copied().fold(f64::MAX, f64::min);
        own.min(min(&self.number) + min(&self.cells) + switch)
    }
}

/// A table body prepared for the programme.
struct Body<'a> {
    lines: &'a [BodyLine],
    ncols: usize,
    pitch: f64,
    /// Per column, per position: the first line at or after it holding
    /// text in the column (`lines.len()` when none).
    next: Vec<Vec<usize>>,
    /// Per column, per position: the last line before it holding text in
    /// the column (`None` when none).
    prev: Vec<Vec<Option<usize>>>,
    /// Per position: group lines before it.
    groups_before: Vec<usize>,
    /// Per position: the first group line at or after it (`lines.len()` when none).
    next_group: Vec<usize>,
    /// Per position: the last group line before it.
    last_group: Vec<Option<usize>>,
    settings: &'a RowSettings,
}

impl<'a> Body<'a> {
    fn new(lines: &'a [BodyLine], ncols: usize, pitch: f64, settings: &'a RowSettings) -> Self {
        let n = lines.len();
        let mut next = vec![vec![n; n + 1]; ncols];
        let mut prev = vec![vec![None; n + 1]; ncols];
        for c in 1..ncols {
            for i in (0..n).rev() {
                next[c][i] = if lines[i].columns.contains(&c) {
                    i
                } else {
                    next[c][i + 1]
                };
            }
            for i in 0..n {
                prev[c][i + 1] = if lines[i].columns.contains(&c) {
                    Some(i)
                } else {
                    prev[c][i]
                };
            }
        }
        let mut groups_before = vec![0; n + 1];
        for i in 0..n {
            groups_before[i + 1] = groups_before[i] + usize::from(lines[i].kind == BodyKind::Group);
        }
        let mut next_group = vec![n; n + 1];
        for i in (0..n).rev() {
            next_group[i] = if lines[i].kind == BodyKind::Group {
                i
            } else {
                next_group[i + 1]
            };
        }
        let mut last_group = vec![None; n + 1];
        for i in 0..n {
            last_group[i + 1] = if lines[i].kind == BodyKind::Group {
                Some(i)
            } else {
                last_group[i]
            };
        }
        Body {
            lines,
            ncols,
            pitch,
            next,
            prev,
            groups_before,
            next_group,
            last_group,
            settings,
        }
    }

    /// How well lines `s..e` fit each rule as one row, anchored at the
    /// number line `anchor`.
    fn fit(&self, anchor: Option<usize>, s: usize, e: usize) -> Fit {
        let mut cells: Vec<(f64, f64)> = Vec::new();
        for c in 1..self.ncols {
            let first = self.next[c][s];
            if first < e {
                if let Some(last) = self.prev[c][e] {
                    cells.push((self.lines[first].y, self.lines[last].y));
                }
            }
        }
        let number = anchor.map(|a| {
            let line = &self.lines[a];
            (line.y, line.number_bottom.unwrap_or(line.y))
        });
        let top = cells
            .iter()
            .map(|c| c.0)
            .chain(number.map(|n| n.0))
            .fold(f64::MIN, f64::max);
        let bottom = cells
            .iter()
            .map(|c| c.1)
            .chain(number.map(|n| n.1))
            .fold(f64::MAX, f64::min);
        let mut fit = Fit {
            number: [0.0; 3],
            cells: [0.0; 3],
            empty: cells.is_empty(),
        };
        // A cell spanning several rows sits across their cut: one cell's
        // distance counts only up to `cell_cap`.
        let off = |d: f64| (d.abs() / self.pitch).min(self.settings.cell_cap);
        for (m, align) in ALIGNS.iter().enumerate() {
            let row = align.of(top, bottom);
            if let Some((top, bottom)) = number {
                fit.number[m] = off(align.of(top, bottom) - row);
            }
            fit.cells[m] = cells.iter().map(|&(t, b)| off(align.of(t, b) - row)).sum();
        }
        fit
    }

    /// Cost of cutting every column between lines `s - 1` and `s` (a
    /// group heading's line counts as text in the columns it crosses).
    fn cut_cost(&self, s: usize) -> f64 {
        let set = self.settings;
        let lowercase_name = self
            .next
            .get(1)
            .and_then(|next| self.lines.get(next[s]))
            .is_some_and(|line| line.name_lowercase);
        let lowercase = if lowercase_name {
            set.lowercase_start
        } else {
            0.0
        };
        lowercase
            + (1..self.ncols)
                .filter_map(|c| {
                    let above = self.prev[c][s]?;
                    let below = self.next[c][s];
                    if below >= self.lines.len()
                        || self.groups_before[below] != self.groups_before[above + 1]
                    {
                        return None;
                    }
                    let gap = (self.lines[above].y - self.lines[below].y) / self.pitch;
                    let share = (set.open_gap - gap) / (set.open_gap - set.regular_gap);
                    Some(set.break_penalty * share.clamp(0.0, 1.0))
                })
                .sum::<f64>()
    }

    /// The first group line at or after `i`, or the end.
    fn group_from(&self, i: usize) -> usize {
        self.next_group[i.min(self.lines.len())]
    }
}

/// The body's line pitch: the lower quartile of the vertical distances
/// between consecutive lines of one column (most of them are two lines of
/// one cell), or `fallback` when no column has two lines.
pub fn body_pitch(
    lines: &[BodyLine],
    ncols: usize,
    size: f64,
    settings: &RowSettings,
) -> Option<f64> {
    let mut gaps: Vec<f64> = Vec::new();
    for c in 1..ncols {
        let mut last: Option<f64> = None;
        for line in lines {
            if line.kind == BodyKind::Group {
                last = None;
            } else if line.columns.contains(&c) {
                if let Some(y) = last {
                    gaps.push(y - line.y);
                }
                last = Some(line.y);
            }
        }
    }
    gaps.retain(|g| *g > settings.min_pitch * size);
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 4).copied()
}

/// A cell merged over several rows of a top-aligned table, found by
/// [`merged_cells`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedCell {
    /// Its column.
    pub column: usize,
    /// Its body lines (positions), top to bottom.
    pub lines: std::ops::Range<usize>,
    /// The numbered rows it spans: indices among the number lines.
    pub rows: std::ops::RangeInclusive<usize>,
}

/// Cells merged over several rows (Word vMerge, HTML rowspan) of a table
/// whose other cells sit at the top of their rows ([`top_aligned`]): such
/// a cell stands once, vertically centred over the rows it spans, which
/// have nothing else in its column. A run of one column's lines (at the
/// line pitch) that starts off a number line, where the name column's
/// runs nearly all start on one, is such a cell if some rows around it have its column otherwise empty and
/// their middle is its middle; the run may go on over the next number
/// line ("Văn phòng Trung" over "ương Đảng" beside row 3's number). Text
/// above the first number (the rest of a row cut by the page break) and
/// group headings end runs. `pitch` is the body's line pitch.
pub fn merged_cells(
    lines: &[BodyLine],
    ncols: usize,
    pitch: f64,
    settings: &RowSettings,
) -> Vec<MergedCell> {
    let n = lines.len();
    let anchors: Vec<usize> = (0..n)
        .filter(|&i| lines[i].kind == BodyKind::Number)
        .collect();
    let Some(&first) = anchors.first() else {
        return Vec::new();
    };
    // Row r's lines: from its number line to the line before the next
    // number line or group heading.
    let row_end = |r: usize| -> usize {
        let next = anchors.get(r + 1).copied().unwrap_or(n);
        (anchors[r] + 1..next)
            .find(|&i| lines[i].kind == BodyKind::Group)
            .unwrap_or(next)
    };
    let has =
        |i: usize, c: usize| lines[i].kind != BodyKind::Group && lines[i].columns.contains(&c);
    let close = |i: usize| (lines[i - 1].y - lines[i].y) <= settings.open_gap * pitch;
    // Runs per column: consecutive lines at the pitch, a number line
    // starting a new one.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for c in 1..ncols {
        let mut i = first;
        while i < n {
            if !has(i, c) {
                i += 1;
                continue;
            }
            let s = i;
            i += 1;
            while i < n && has(i, c) && close(i) && lines[i].kind != BodyKind::Number {
                i += 1;
            }
            runs.push((c, s, i));
        }
    }
    // The column after the number holds each row's own text (its name):
    // where it often starts off a number line, the numbers are not at the
    // top of their rows (centred numbers), and no run shows a merged cell.
    let names = runs.iter().filter(|r| r.0 == 1);
    let off = names
        .clone()
        .filter(|r| lines[r.1].kind != BodyKind::Number)
        .count();
    if off as f64 > settings.off_number_names * names.count() as f64 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, &(c, s, e)) in runs.iter().enumerate() {
        if c == 1 || lines[s].kind == BodyKind::Number {
            continue;
        }
        // The run alone, or with the run right under it (over the next
        // number line).
        let joined = runs
            .get(k + 1)
            .filter(|next| next.0 == c && next.1 == e && close(e))
            .map(|next| next.2);
        for end in joined.into_iter().chain(std::iter::once(e)) {
            let middle = (lines[s].y + lines[end - 1].y) / 2.0;
            let Some(r0) = anchors.iter().rposition(|&a| a <= s) else {
                continue;
            };
            let r1 = anchors.iter().rposition(|&a| a < end).unwrap_or(r0);
            // Widen the span a row at a time while the rows it gains have
            // nothing in the column; keep a span whose middle is the run's.
            let empty =
                |r: usize| (anchors[r]..row_end(r)).all(|i| (s..end).contains(&i) || !has(i, c));
            let same_group = |a: usize, b: usize| {
                (anchors[a]..row_end(b)).all(|i| lines[i].kind != BodyKind::Group)
            };
            let mut best: Option<(f64, usize, usize)> = None;
            let mut a = r0;
            loop {
                if !empty(a) {
                    break;
                }
                let mut b = r1;
                while b < anchors.len() && empty(b) && same_group(a, b) {
                    if b > a {
                        let top = lines[anchors[a]].y;
                        let bottom = lines[row_end(b) - 1].y;
                        let off = ((top + bottom) / 2.0 - middle).abs();
                        // The widest span whose middle is the run's: the
                        // rows' text is quantized, so a narrower one
                        // around the run may fit as well.
                        if off <= settings.span_tolerance * pitch + 1e-9
                            && best.is_none_or(|(_, a0, b0)| b - a > b0 - a0)
                        {
                            best = Some((off, a, b));
                        }
                    }
                    b += 1;
                }
                if a == 0 {
                    break;
                }
                a -= 1;
            }
            if let Some((_, a, b)) = best {
                out.push(MergedCell {
                    column: c,
                    lines: s..end,
                    rows: a..=b,
                });
                break;
            }
        }
    }
    out
}

/// Where a body line's cell text goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// To row 0 (text above the first row number: the rest of a row cut
    /// by the page break) or to the row of the `r`-th number line.
    Row(usize),
    /// To the group heading on the body line at this position: the
    /// heading's own line, or its wrapped rest under it.
    Group(usize),
}

/// Where each body line's cell text goes. `ncols` counts the number
/// column; `pitch` is used when the body gives no line pitch of its own;
/// `size` is the font size. Without `may_continue` (no row of a previous
/// page is open), text above the first number costs more as row 0.
pub fn assign(
    lines: &[BodyLine],
    ncols: usize,
    pitch: f64,
    size: f64,
    may_continue: bool,
    settings: &RowSettings,
) -> Vec<Place> {
    let pitch = body_pitch(lines, ncols, size, settings)
        .unwrap_or(pitch)
        .max(f64::EPSILON);
    let body = Body::new(lines, ncols, pitch, settings);
    let (_, cuts) = best_rule(&body, may_continue);
    // Each line goes to the latest row start or group line at or above it.
    (0..lines.len())
        .map(|i| {
            let row = cuts.iter().filter(|&&c| c <= i).count();
            let start = row.checked_sub(1).map(|r| cuts[r]);
            match body.last_group[i + 1] {
                Some(g) if start.is_none_or(|s| s <= g) => Place::Group(g),
                _ => Place::Row(row),
            }
        })
        .collect()
}

/// The least-cost cuts over every pair of alignment rules, with the pair
/// (indices into [`ALIGNS`] for the number cell and the other cells).
fn best_rule(body: &Body, may_continue: bool) -> ((usize, usize), Vec<usize>) {
    let anchors: Vec<usize> = (0..body.lines.len())
        .filter(|&i| body.lines[i].kind == BodyKind::Number)
        .collect();
    if anchors.is_empty() {
        return ((0, 0), Vec::new());
    }
    let mut best: Option<(f64, (usize, usize), Vec<usize>)> = None;
    for number in 0..ALIGNS.len() {
        for cells in 0..ALIGNS.len() {
            let (cost, cuts) = best_cuts(body, &anchors, (number, cells), may_continue);
            if best.as_ref().is_none_or(|(b, _, _)| cost < *b - 1e-9) {
                best = Some((cost, (number, cells), cuts));
            }
        }
    }
    best.map(|(_, rule, cuts)| (rule, cuts)).unwrap_or_default()
}

/// Whether the row assignment of [`assign`] (same arguments) reads the
/// table's row numbers and cells as sitting at the top of their rows.
pub fn top_aligned(
    lines: &[BodyLine],
    ncols: usize,
    pitch: f64,
    size: f64,
    may_continue: bool,
    settings: &RowSettings,
) -> bool {
    let pitch = body_pitch(lines, ncols, size, settings)
        .unwrap_or(pitch)
        .max(f64::EPSILON);
    let body = Body::new(lines, ncols, pitch, settings);
    let top = ALIGNS.iter().position(|a| *a == Align::Top);
    let (rule, _) = best_rule(&body, may_continue);
    top == Some(rule.0) && top == Some(rule.1)
}

/// The least-cost cuts (the first line of each numbered row) under one
/// pair of alignment rules, and their cost.
fn best_cuts(
    body: &Body,
    anchors: &[usize],
    rule: (usize, usize),
    may_continue: bool,
) -> (f64, Vec<usize>) {
    let set = body.settings;
    let n = body.lines.len();
    // Where row r (0-based over anchors) may start: anywhere after the
    // previous number; after a group heading since, right under it (and
    // its sure rest), or (a heading running to the last column wraps)
    // anywhere under it, the heading owning the lines above the row.
    let candidates: Vec<Vec<usize>> = anchors
        .iter()
        .enumerate()
        .map(|(r, &a)| {
            let from = if r == 0 {
                0
            } else {
                (anchors[r - 1] + 1 + body.lines[anchors[r - 1]].rest).min(a)
            };
            match body.last_group[a].filter(|&g| g >= from) {
                Some(g) => {
                    let first = (g + 1 + body.lines[g].rest).min(a);
                    if body.lines[g].columns.contains(&(body.ncols - 1)) {
                        (first..=a).collect()
                    } else {
                        vec![first]
                    }
                }
                None => (from..=a).collect(),
            }
        })
        .collect();
    // Row r's band, started at s, ends at the next cut or group line; the
    // lines a group heading owns before the next cut cost as text with
    // no number of its own.
    let row_cost = |r: Option<usize>, s: usize, next_cut: usize| -> f64 {
        let end = match r {
            Some(r) => next_cut.min(body.group_from(anchors[r] + 1)),
            None => next_cut.min(body.group_from(0)),
        };
        let mut cost = 0.0;
        let fit = body.fit(r.map(|r| anchors[r]), s, end);
        if !fit.empty {
            cost += fit.cost(rule, set.switch_penalty);
            if r.is_none() {
                cost += if may_continue {
                    set.continuation_cost
                } else {
                    set.orphan_cost
                };
            }
        }
        if let Some(g) = body.last_group[next_cut].filter(|&g| g >= end) {
            let fit = body.fit(None, g + 1, next_cut);
            if !fit.empty {
                cost += fit.cost(rule, set.switch_penalty);
            }
        }
        cost
    };
    // cost[r][j]: least cost of rows before r with row r starting at
    // candidates[r][j]; back[r][j]: the previous row's start.
    let mut cost: Vec<Vec<f64>> = Vec::with_capacity(anchors.len());
    let mut back: Vec<Vec<usize>> = Vec::with_capacity(anchors.len());
    cost.push(
        candidates[0]
            .iter()
            .map(|&s| row_cost(None, 0, s) + body.cut_cost(s))
            .collect(),
    );
    back.push(vec![0; candidates[0].len()]);
    for r in 1..anchors.len() {
        let (mut row, mut from) = (Vec::new(), Vec::new());
        for &s in &candidates[r] {
            let (j, c) = candidates[r - 1]
                .iter()
                .enumerate()
                .map(|(j, &p)| (j, cost[r - 1][j] + row_cost(Some(r - 1), p, s)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap_or((0, f64::MAX));
            row.push(c + body.cut_cost(s));
            from.push(j);
        }
        cost.push(row);
        back.push(from);
    }
    let last = anchors.len() - 1;
    let (mut j, total) = candidates[last]
        .iter()
        .enumerate()
        .map(|(j, &s)| (j, cost[last][j] + row_cost(Some(last), s, n)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((0, f64::MAX));
    let mut cuts = vec![0; anchors.len()];
    for r in (0..anchors.len()).rev() {
        cuts[r] = candidates[r][j];
        j = back[r][j];
    }
    (total, cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines at `pitch` spacing from y = 0 down: (kind, columns) each.
    fn body(spec: &[(BodyKind, &[usize])], pitch: f64) -> Vec<BodyLine> {
        spec.iter()
            .enumerate()
            .map(|(i, (kind, cols))| BodyLine {
                y: -(i as f64) * pitch,
                kind: *kind,
                columns: cols.to_vec(),
                rest: 0,
                name_lowercase: false,
                number_bottom: None,
            })
            .collect()
    }

    #[test]
    fn centred_cells_go_to_the_number_at_their_centre() {
        use BodyKind::{Cells, Number};
        // Row 1: a one-line name beside a three-line unit, centred on the
        // number; row 2: a five-line name centred on its number, the
        // first two lines above it, right under row 1's last line.
        let lines = body(
            &[
                (Cells, &[2]),
                (Number, &[1, 2]),
                (Cells, &[2]),
                (Cells, &[1]),
                (Cells, &[1]),
                (Number, &[1, 2]),
                (Cells, &[1]),
                (Cells, &[1]),
            ],
            10.0,
        );
        let rows = assign(&lines, 3, 10.0, 8.0, true, &RowSettings::default());
        let want = [1, 1, 1, 2, 2, 2, 2, 2];
        assert_eq!(rows, want.map(Place::Row).to_vec());
    }

    #[test]
    fn a_wrapped_group_heading_keeps_its_rest() {
        use BodyKind::{Cells, Group, Number};
        // A heading across all columns wraps onto a second line at the
        // body pitch; the row under it starts a little further down.
        let mut lines = body(
            &[
                (Group, &[1, 2]),
                (Cells, &[1]),
                (Number, &[1, 2]),
                (Cells, &[1]),
            ],
            10.0,
        );
        for line in &mut lines[2..] {
            line.y -= 2.0;
        }
        let rows = assign(&lines, 3, 10.0, 8.0, true, &RowSettings::default());
        let want = [
            Place::Group(0),
            Place::Group(0),
            Place::Row(1),
            Place::Row(1),
        ];
        assert_eq!(rows, want);
        // A heading that ends before the last column does not wrap…
        lines[0].columns = vec![1];
        let rows = assign(&lines, 3, 10.0, 8.0, true, &RowSettings::default());
        assert_eq!(rows[1], Place::Row(1));
        // … unless the line under it surely goes on with it.
        lines[0].rest = 1;
        let rows = assign(&lines, 3, 10.0, 8.0, true, &RowSettings::default());
        assert_eq!(rows, want);
    }

    #[test]
    fn top_aligned_cells_stay_under_their_number() {
        use BodyKind::{Cells, Group, Number};
        let lines = body(
            &[
                (Cells, &[1]),
                (Number, &[1, 2]),
                (Cells, &[1, 2]),
                (Cells, &[1]),
                (Group, &[]),
                (Number, &[1, 2]),
                (Cells, &[1]),
                (Number, &[1, 2]),
            ],
            10.0,
        );
        let rows = assign(&lines, 3, 10.0, 8.0, true, &RowSettings::default());
        let want = [0, 1, 1, 1, 4, 2, 2, 3];
        let want: Vec<Place> = want
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                if i == 4 {
                    Place::Group(4)
                } else {
                    Place::Row(r)
                }
            })
            .collect();
        assert_eq!(rows, want);
    }

    #[test]
    fn a_cell_centred_over_empty_rows_spans_them() {
        use BodyKind::{Cells, Number};
        // Rows 0–2 of a top-aligned table (lines 0–2, 3–4, 5–9); column 2
        // holds one cell on lines 4–5, across row 2's number line, whose
        // middle (4.5) is the middle of rows 0–2 (lines 0–9), which have
        // nothing else in column 2; row 3 has its own.
        let mut lines = body(
            &[
                (Number, &[1]),
                (Cells, &[1]),
                (Cells, &[1]),
                (Number, &[1]),
                (Cells, &[1, 2]),
                (Number, &[1, 2]),
                (Cells, &[1]),
                (Cells, &[1]),
                (Cells, &[1]),
                (Cells, &[1]),
                (Number, &[1, 2]),
            ],
            10.0,
        );
        let settings = RowSettings::default();
        let want = MergedCell {
            column: 2,
            lines: 4..6,
            rows: 0..=2,
        };
        assert_eq!(merged_cells(&lines, 3, 10.0, &settings), [want]);
        // Text of its own in row 0's column 2: no rows around the cell
        // have their middle at its middle.
        lines[1].columns = vec![1, 2];
        assert!(merged_cells(&lines, 3, 10.0, &settings).is_empty());
        // One name run broken by a line of another column's text …
        lines[1].columns = vec![1];
        lines[6].columns = vec![];
        assert_eq!(merged_cells(&lines, 3, 10.0, &settings).len(), 1);
        // … but names often starting off their number lines: the numbers
        // are centred in their rows, and a cell off a number line shows
        // nothing.
        lines[1].columns = vec![];
        assert!(merged_cells(&lines, 3, 10.0, &settings).is_empty());
    }
}
