//! Borderless task tables read as people read them (header-anchored
//! text alignment), for PDF pages without rulings and for layout text.
//!
//! 1. **Header.** A line that opens with a number label ("TT", "STT") and
//!    holds other column labels, with the label lines just above and below
//!    it: header cells wrap over several lines and may be vertically
//!    centred ("Thời hạn" above the line, "hoàn thành" below it).
//! 2. **Columns.** One per header cell (labels stacked in one x range).
//!    Each boundary goes where the body of the whole table leaves the most
//!    whitespace between the two header cells (a vertical whitespace
//!    river, after Nurminen's text edges), not where the header alone
//!    puts it: cell text may start left of its header.
//! 3. **Rows.** Each row holds one row number of the number column and is
//!    a horizontal band of the page: [`super::rows`] chooses the cuts
//!    between consecutive numbers for all columns at once, so that the
//!    cells sit in their rows as one alignment rule per table says (so
//!    vertically centred cells, whose first line sits above the row
//!    number, land in the right row). Text above the first number may
//!    continue the previous page's last row.

use super::lines::Line;
use super::rows::{self, BodyKind, BodyLine, Place, RowSettings};
use super::table::{box_rows, words_box, words_cell, PageTable};
use super::words::{sort_reading_order, Word};
use crate::extract::columns::{classify, label_starts, line_fits_header, ColumnModel, Role};
use crate::extract::numbering::RowNumber;
use crate::model::Location;
use crate::source_doc::{Cell, Row, Table};

/// Thresholds of the header-anchored strategy (sizes are shares of the
/// font size, distances between lines are in line pitches).
#[derive(Debug, Clone, PartialEq)]
pub struct BandSettings {
    /// A horizontal gap wider than this share of the font size separates
    /// two header labels (or two cells) on one line.
    pub label_gap: f64,
    /// Most label lines looked for above and below the number-label line.
    pub header_lines: usize,
    /// Label lines further than this many pitches from the header are not
    /// part of it.
    pub header_spacing: f64,
    /// A vertical gap wider than this many pitches ends the table.
    pub max_gap: f64,
    /// Weights of the assignment of body lines to rows.
    pub rows: RowSettings,
    /// Fewest numbered rows for a table.
    pub min_rows: usize,
    /// A table followed by at most this many lines at the bottom of its
    /// page may continue on the next page without a header.
    pub open_lines: usize,
    /// Left edges of cell text (after a wide gap) closer than this share
    /// of the font size mark one column start: layout text places
    /// proportional text on a character grid with a character or two of
    /// jitter (two characters of the default grid are 1.3 font sizes).
    /// Also how far a word may reach past a column start and still be cut
    /// there from its neighbour joined by one space.
    pub start_jitter: f64,
    /// Fewest aligned left edges that make a column start.
    pub min_starts: usize,
    /// Most words running across a column start, as a share of its
    /// aligned left edges (a few words of a jittered layout line may).
    pub max_overrun: f64,
    /// A run of words joined by single spaces across a boundary is cut
    /// before a word starting at most this share of the font size from
    /// the right column's observed starts (a long line of the column
    /// before pushes a cell's first line right, by up to four characters
    /// in layout text). Among such words the nearest wins; a word opening
    /// in lowercase rarely opens a cell and counts as twice
    /// `start_jitter` further.
    pub cut_reach: f64,
    /// Body lines at most this many line pitches above or below a run
    /// show where the cells of the run's row start.
    pub local_lines: f64,
    /// Whether the page's x positions are packed (layout text: a column
    /// empty on the whole page is left out, the columns after it move
    /// left): a page continuing a table under no header then matches its
    /// own column starts to the header's ([`RemapSettings`]). A PDF page
    /// keeps its columns where the header put them.
    pub packed_columns: bool,
    /// Costs of matching a continuation page's column starts to the
    /// header's columns.
    pub remap: RemapSettings,
    /// Whether cells merged over several rows are read from where their
    /// text stands ([`rows::merged_cells`]): on a page without horizontal
    /// rules, which would show them ([`super::spans`]).
    pub merged_from_text: bool,
}

/// Costs of matching the column starts of a page that continues a table
/// under no header of its own to the header's columns (see
/// [`remap_columns`]); each is per cell of the start, distances are in
/// font sizes beyond `cut_reach`.
#[derive(Debug, Clone, PartialEq)]
pub struct RemapSettings {
    /// Per font size a start lies right of the column's start under the
    /// header (layout text never packs a column right).
    pub right: f64,
    /// Per font size a start lies left of it (packing an empty column
    /// away moves the columns after it left by that column's width).
    pub left: f64,
    /// A cell reading as a deadline outside the deadline column.
    pub deadline: f64,
    /// A cell of the deadline column not reading as one (less: deadlines
    /// are often free wording, "Theo hệ thống").
    pub not_deadline: f64,
    /// A cell opening like a document reference outside the documents
    /// column.
    pub documents: f64,
    /// A cell of the documents column not opening like a reference.
    pub not_documents: f64,
    /// A cell naming bodies in general ("các cơ quan liên quan", "cơ quan
    /// đảng các cấp") in the lead column: lead units are named, partners
    /// often in general, which decides a lone units column of a page.
    pub general_bodies: f64,
    /// A header column left empty on the page (per column, not per cell).
    pub empty: f64,
}

impl Default for RemapSettings {
    fn default() -> Self {
        RemapSettings {
            right: 0.3,
            left: 0.05,
            deadline: 2.0,
            not_deadline: 0.5,
            documents: 1.0,
            not_documents: 0.5,
            general_bodies: 1.0,
            empty: 0.1,
        }
    }
}

impl Default for BandSettings {
    fn default() -> Self {
        BandSettings {
            label_gap: 1.0,
            header_lines: 4,
            header_spacing: 1.8,
            max_gap: 4.5,
            rows: RowSettings::default(),
            min_rows: 1,
            open_lines: 2,
            start_jitter: 1.4,
            min_starts: 2,
            max_overrun: 0.5,
            cut_reach: 2.8,
            local_lines: 3.0,
            packed_columns: false,
            remap: RemapSettings::default(),
            merged_from_text: true,
        }
    }
}

/// A header label: its text and horizontal extent.
#[derive(Debug, Clone)]
struct Label {
    text: String,
    x0: f64,
    x1: f64,
    /// The label's words: text, left and right edge.
    words: Vec<(String, f64, f64)>,
}

impl Label {
    /// A label of some of a line's words.
    fn of(words: &[&Word]) -> Label {
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        Label {
            text: crate::normalize::normalize_line(&texts.join(" ")),
            x0: words[0].x0,
            x1: words.iter().map(|w| w.x1).fold(f64::MIN, f64::max),
            words: words.iter().map(|w| (w.text.clone(), w.x0, w.x1)).collect(),
        }
    }

    /// The label cut before word `k`.
    fn split(&self, k: usize) -> (Label, Label) {
        let part = |ws: &[(String, f64, f64)]| Label {
            text: crate::normalize::normalize_line(
                &ws.iter()
                    .map(|w| w.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            x0: ws[0].1,
            x1: ws.iter().map(|w| w.2).fold(f64::MIN, f64::max),
            words: ws.to_vec(),
        };
        (part(&self.words[..k]), part(&self.words[k..]))
    }
}

/// A column read from the header: its stacked labels and extent.
#[derive(Debug, Clone)]
struct HeaderColumn {
    text: String,
    x0: f64,
    x1: f64,
}

impl HeaderColumn {
    fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// What a body line is to the table.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LineKind {
    /// Cells of a row; `true` when the line holds a row number.
    Cells(bool),
    /// A group heading written across the columns.
    Group,
}

/// The header of a table that ran to the bottom of a page, handed to the
/// next page: a continuation page often repeats no header.
#[derive(Debug, Clone)]
pub struct OpenTable(Header);

/// Find header-anchored task tables among a page's free lines (top to
/// bottom); lines that become part of a table are marked in `used`. With
/// `open`, the table left open by the previous page, rows at the top of
/// the page under no header of their own continue it. Returns the tables
/// and the table this page leaves open.
pub fn find_tables(
    lines: &[Line],
    used: &mut [bool],
    settings: &BandSettings,
    page: u32,
    open: Option<&OpenTable>,
) -> (Vec<PageTable>, Option<OpenTable>) {
    let mut out = Vec::new();
    let mut left_open = None;
    let mut i = 0;
    // A page number first is page furniture, not a row.
    while i < lines.len() && super::merge::is_page_number(&lines[i].text()) {
        i += 1;
    }
    // Only where no header of its own opens the page.
    let open_header = open.map(|OpenTable(h)| h);
    let own_header = (i..lines.len().min(i + settings.header_lines + 1))
        .any(|k| read_header_like(lines, used, k, settings, open_header).is_some());
    let mut carried = open
        .filter(|_| i < lines.len() && !own_header)
        .map(|OpenTable(h)| Header {
            first: i,
            end: i,
            ..h.clone()
        });
    while i < lines.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let Some(header) =
            read_header_like(lines, used, i, settings, open_header).or_else(|| carried.take())
        else {
            i += 1;
            continue;
        };
        carried = None;
        // Only the page's first table may go on with a row the previous
        // page left open.
        let continued = open.filter(|_| out.is_empty()).map(|OpenTable(h)| h);
        match read_body(lines, used, &header, settings, page, continued) {
            Some((table, members, starts)) => {
                used[header.first..header.end].fill(true);
                let last = members.last().copied().unwrap_or(header.end.max(1) - 1);
                for k in members {
                    used[k] = true;
                }
                out.push(table);
                // A table ending on the page's last lines may go on.
                let after = lines[last + 1..]
                    .iter()
                    .filter(|l| !super::merge::is_page_number(&l.text()))
                    .count();
                // The column starts under the printed header travel with
                // it: a continuation page's own starts are matched to them.
                let body_starts = header.body_starts.clone().or(Some(starts));
                left_open = (after <= settings.open_lines).then_some(OpenTable(Header {
                    body_starts,
                    ..header
                }));
                i = last + 1;
            }
            None => i = header.end.max(i + 1),
        }
    }
    (out, left_open)
}

/// A header found on the page.
#[derive(Debug, Clone)]
struct Header {
    /// First and one past the last line of the header.
    first: usize,
    end: usize,
    columns: Vec<HeaderColumn>,
    /// The columns' roles (equal for a header and its repetition).
    roles: Vec<Role>,
    pitch: f64,
    /// Per column, where its cells start on the body under the header as
    /// printed (index 0, the number column, is the body's left edge); a
    /// page continuing the table without a header matches its own column
    /// starts to these ([`remap_columns`]).
    body_starts: Option<Vec<f64>>,
    /// Label lines under the number-label line.
    below: usize,
}

/// Line pitch near line `i` (baseline to baseline), from the font size
/// when the lines around give none.
fn pitch_near(lines: &[Line], i: usize) -> f64 {
    let size = lines[i].size().max(1.0);
    let mut gaps: Vec<f64> = lines
        .windows(2)
        .skip(i.saturating_sub(3))
        .take(8)
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.5 * size && *g < 2.0 * size)
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 2).copied().unwrap_or(1.2 * size)
}

/// The labels of one line: word groups split at wide gaps, then at the
/// label boundaries inside a group ("Đơn vị chủ trì Đơn vị phối").
fn labels(line: &Line, gap: f64) -> Vec<Label> {
    let mut groups: Vec<Vec<&Word>> = Vec::new();
    for w in &line.words {
        match groups.last_mut() {
            Some(g) if w.x0 - g[g.len() - 1].x1 <= gap * w.size => g.push(w),
            _ => groups.push(vec![w]),
        }
    }
    let mut out = Vec::new();
    for g in groups {
        let texts: Vec<&str> = g.iter().map(|w| w.text.as_str()).collect();
        let mut starts = label_starts(&texts);
        starts.push(texts.len());
        for s in starts.windows(2) {
            out.push(Label::of(&g[s[0]..s[1]]));
        }
    }
    out
}

/// Whether a line starts with a row number (it is a body line, not a label line).
fn starts_row(line: &Line) -> bool {
    line.words
        .first()
        .is_some_and(|w| RowNumber::at_line_start(&w.text).is_some_and(|(_, rest)| rest.is_empty()))
        && line.words.len() > 1
}

/// Whether every label of a line can be (part of) a header cell.
fn label_line(labels: &[Label]) -> bool {
    !labels.is_empty()
        && labels
            .iter()
            .all(|l| line_fits_header(&l.text, false) && l.text.chars().count() <= 40)
}

/// The header whose number-label line is `i`, with its label lines above
/// and below; `None` unless its columns make a task table.
fn read_header(
    lines: &[Line],
    used: &[bool],
    i: usize,
    settings: &BandSettings,
    max_below: Option<usize>,
) -> Option<Header> {
    // Cheap test first: the line must open with a number label.
    let opens = lines[i].words.first().is_some_and(|w| {
        let key = w
            .text
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        matches!(key.as_str(), "tt" | "stt" | "số" | "thứ")
    });
    if !opens {
        return None;
    }
    let first = labels(&lines[i], settings.label_gap);
    if first.len() < 2 || classify(&first[0].text) != Role::Number {
        return None;
    }
    let pitch = pitch_near(lines, i);
    let close = |a: usize, b: usize| lines[a].y - lines[b].y <= settings.header_spacing * pitch;
    let mut start = i;
    while start > 0
        && i - (start - 1) <= settings.header_lines
        && !used[start - 1]
        && close(start - 1, start)
        && label_line(&labels(&lines[start - 1], settings.label_gap))
    {
        start -= 1;
    }
    // A label wrapped inside parentheses ends on the line that closes
    // them, whatever its words ("Kết quả (các phần mềm đã" over "sẵn sàng)").
    let unclosed = |lines: &[Line]| {
        let text = lines.iter().flat_map(|l| &l.words).map(|w| w.text.as_str());
        text.flat_map(str::chars).fold(0i32, |depth, c| match c {
            '(' => depth + 1,
            ')' => depth - 1,
            _ => depth,
        }) > 0
    };
    let mut end = i + 1;
    while end < lines.len()
        && end - i <= max_below.unwrap_or(settings.header_lines)
        && !used[end]
        && close(end - 1, end)
        && !starts_row(&lines[end])
        && {
            let line_labels = labels(&lines[end], settings.label_gap);
            label_line(&line_labels)
                || (unclosed(&lines[start..end])
                    && line_labels.iter().any(|l| l.text.contains(')'))
                    && line_labels.iter().all(|l| l.text.chars().count() <= 40))
        }
    {
        end += 1;
    }
    let mut all: Vec<(usize, Label)> = Vec::new();
    for (k, line) in lines.iter().enumerate().take(end).skip(start) {
        all.extend(labels(line, settings.label_gap).into_iter().map(|l| (k, l)));
    }
    let columns = cluster_labels(all, 0.5 * lines[i].size());
    let texts: Vec<String> = columns.iter().map(|c| c.text.clone()).collect();
    let model = ColumnModel::from_headers(&texts)?;
    (model.columns.len() >= 3 && model.columns[0].role == Role::Number).then_some(Header {
        first: start,
        end,
        columns,
        roles: model.signature(),
        pitch,
        body_starts: None,
        below: end - i - 1,
    })
}

/// The header at line `i`; where it repeats `like` (the same column
/// roles), with no more label lines under its number-label line than
/// `like` has: a repeated header has the shape of the first, and the
/// body line right under it may fit header words ("cơ quan đơn vị"
/// under "vị phối hợp").
fn read_header_like(
    lines: &[Line],
    used: &[bool],
    i: usize,
    settings: &BandSettings,
    like: Option<&Header>,
) -> Option<Header> {
    like.and_then(|h| {
        read_header(lines, used, i, settings, Some(h.below)).filter(|again| again.roles == h.roles)
    })
    .or_else(|| read_header(lines, used, i, settings, None))
}

/// Stack labels of several lines into columns by horizontal overlap. A
/// label that spans two labels of another line (a two-level header:
/// "Đơn vị thực hiện" over "Chủ trì", "Phối hợp") is prefixed to them.
fn cluster_labels(mut labels: Vec<(usize, Label)>, tolerance: f64) -> Vec<HeaderColumn> {
    let spans = |a: &Label, b: &Label| a.x0 < b.x1 && b.x0 < a.x1;
    // Two labels run together with one space ("hoàn phẩm" of "Thời gian
    // hoàn thành" and "Sản phẩm"): cut where another line has a column gap.
    let mut k = 0;
    while k < labels.len() {
        let (line, label) = &labels[k];
        let cut = labels
            .iter()
            .filter(|(l, _)| l != line)
            .flat_map(|(l, a)| {
                labels
                    .iter()
                    .filter(move |(m, b)| m == l && b.x0 > a.x1)
                    .map(move |(_, b)| (a, b))
            })
            .filter(|(a, b)| spans(label, a) && spans(label, b))
            .find_map(|(a, b)| {
                (1..label.words.len()).find(|&i| {
                    let mid = (label.words[i - 1].2 + label.words[i].1) / 2.0;
                    mid >= a.x1 - tolerance && mid <= b.x0 + tolerance
                })
            });
        match cut {
            Some(i) => {
                let (left, right) = label.split(i);
                let line = *line;
                labels[k] = (line, left);
                labels.insert(k + 1, (line, right));
            }
            None => k += 1,
        }
    }
    // Spanning labels aside: those overlapping two labels of one other line.
    let mut spanning: Vec<(usize, Label)> = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        let (line, label) = &labels[k];
        let covers_two = labels
            .iter()
            .filter(|(l, o)| l != line && spans(label, o))
            .fold(
                std::collections::HashMap::<usize, usize>::new(),
                |mut m, (l, _)| {
                    *m.entry(*l).or_default() += 1;
                    m
                },
            )
            .values()
            .any(|n| *n >= 2);
        if covers_two {
            spanning.push(labels.remove(k));
        } else {
            k += 1;
        }
    }
    labels.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0));
    let mut groups: Vec<Vec<(usize, Label)>> = Vec::new();
    for (line, label) in labels {
        match groups.last_mut() {
            Some(g) if g.iter().any(|(_, o)| spans(&label, o)) => g.push((line, label)),
            _ => groups.push(vec![(line, label)]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x0.total_cmp(&b.1.x0)));
            let x0 = g.iter().map(|(_, l)| l.x0).fold(f64::MAX, f64::min);
            let x1 = g.iter().map(|(_, l)| l.x1).fold(f64::MIN, f64::max);
            let mut parts: Vec<String> = spanning
                .iter()
                .filter(|(_, s)| s.x0 < x1 && x0 < s.x1)
                .map(|(_, s)| s.text.clone())
                .collect();
            parts.extend(g.into_iter().map(|(_, l)| l.text));
            HeaderColumn {
                text: crate::normalize::join_lines(&parts),
                x0,
                x1,
            }
        })
        .collect()
}

/// Column index of an x position given the boundaries.
fn column_of(boundaries: &[f64], x: f64) -> usize {
    boundaries.iter().filter(|&&b| x > b).count()
}

/// How many boundaries a line runs across with ordinary word spaces (a
/// line of prose or a group heading, not a row of cells); the space after
/// a leading row number and the space between two cells that touch (see
/// [`line_columns`]) do not count.
fn crossings(line: &Line, edges: &ColumnEdges, settings: &BandSettings, numbered: bool) -> usize {
    line_columns(&line.words, edges, settings, numbered).1
}

/// Whether a line reads as prose beside a table of this width: no gap
/// wider than a word space, and most of the table's width.
fn prose_like(line: &Line, width: f64, gap: f64) -> bool {
    !has_wide_gap(line, gap) && line.x1() - line.x0() > 0.7 * width
}

/// Whether a line has a gap wider than `gap` font sizes between two words.
fn has_wide_gap(line: &Line, gap: f64) -> bool {
    line.words
        .windows(2)
        .any(|w| w[1].x0 - w[0].x1 > gap * w[1].size.max(1.0))
}

/// Whether a line holds a row number in the number column; the number.
fn row_number(line: &Line, edges: &ColumnEdges) -> Option<RowNumber> {
    let boundaries = &edges.bounds;
    let first = line.words.first()?;
    if column_of(boundaries, first.cx()) > 0 && first.x0 > boundaries[0] {
        return None;
    }
    let (number, rest) = RowNumber::at_line_start(&first.text)?;
    rest.is_empty().then_some(number)
}

/// Read the body under a header: the table, the lines it took and where
/// each column's cells start (see [`Header::body_starts`]). `continued`
/// is the table the previous page left open, when this is the page's
/// first table: text above the first row number may go on with its row.
fn read_body(
    lines: &[Line],
    used: &[bool],
    header: &Header,
    settings: &BandSettings,
    page: u32,
    continued: Option<&Header>,
) -> Option<(PageTable, Vec<usize>, Vec<f64>)> {
    let may_continue = continued.is_some();
    let cols = &header.columns;
    let initial: Vec<f64> = cols.windows(2).map(|w| (w[0].x1 + w[1].x0) / 2.0).collect();
    let pitch = header.pitch;
    let width = cols[cols.len() - 1].x1 - cols[0].x0;
    // First pass: the lines down to a wide gap, another header, or two
    // lines of prose; their whitespace places the column boundaries.
    let mut candidates: Vec<usize> = Vec::new();
    let mut repeated: Vec<usize> = Vec::new();
    // Whether two lines of prose ended the table (a section's intro).
    let mut before_prose = false;
    let mut prev_y = match header.end.checked_sub(1) {
        Some(last) if header.end > header.first => lines[last].y,
        _ => lines[header.first].y + pitch,
    };
    let mut k = header.end;
    while k < lines.len() {
        let line = &lines[k];
        if used[k] || prev_y - line.y > settings.max_gap * pitch {
            break;
        }
        if let Some(again) = read_header_like(lines, used, k, settings, Some(header)) {
            // The same header drawn again (a page's top, or after a
            // group) continues the table; another header ends it.
            if again.roles != header.roles {
                break;
            }
            repeated.extend(again.first..again.end);
            prev_y = lines[again.end - 1].y;
            k = again.end;
            continue;
        }
        if prose_like(line, width, settings.label_gap)
            && lines.get(k + 1).is_none_or(|n| {
                prose_like(n, width, settings.label_gap) || line.y - n.y > settings.max_gap * pitch
            })
        {
            before_prose = true;
            break;
        }
        candidates.push(k);
        prev_y = line.y;
        k += 1;
    }
    let cell_lines: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&k| !prose_like(&lines[k], width, settings.label_gap))
        .collect();
    let refined = refine_boundaries(lines, &cell_lines, cols, &initial, settings, pitch);
    let (mut edges, mut members, mut cut_short) = {
        let (members, cut_short) = classify_lines(lines, &candidates, &refined, settings);
        (refined, members, cut_short)
    };
    // A page that continues the table under no header of its own may
    // leave out columns empty on it (layout text packs the columns it
    // has): its own column starts are matched to the header's, from the
    // lines the table reads (not a next table's heading and header).
    let carried = settings.packed_columns && header.first == header.end;
    if let Some(reference) = header.body_starts.as_deref().filter(|_| carried) {
        let last = members.last().map_or(0, |m| m.0);
        let own_lines: Vec<usize> = cell_lines.iter().copied().filter(|&k| k <= last).collect();
        if let Some(remapped) = remap_columns(lines, &own_lines, header, reference, settings, pitch)
        {
            (members, cut_short) = classify_lines(lines, &candidates, &remapped, settings);
            edges = remapped;
        }
    }
    // Trailing group lines with nothing after them are prose; so is one
    // with its wrapped rest (no row number) where prose ends the table's
    // lines: a section heading after the table, its intro following. A
    // Roman-numbered line in capitals counts as such a heading only there
    // ("II. NHIỆM VỤ TRỌNG TÂM …" over "Các nhiệm vụ trọng tâm … :").
    let section_number = |k: usize| {
        row_number(&lines[k], &edges).is_some_and(|n| n.is_roman())
            && capitals(&lines[k].words[1..])
    };
    while let Some(g) = members.iter().rposition(|&(k, kind)| {
        kind == LineKind::Group
            || (before_prose && kind == LineKind::Cells(true) && section_number(k))
    }) {
        let rest = &members[g + 1..];
        let heading = (rest.is_empty() && members[g].1 == LineKind::Group)
            || before_prose
                && !cut_short
                && rest.iter().all(|(_, kind)| *kind == LineKind::Cells(false));
        if !heading {
            break;
        }
        members.truncate(g);
    }
    let anchors = members
        .iter()
        .filter(|(_, kind)| matches!(kind, LineKind::Cells(true) | LineKind::Group))
        .count();
    // Under the header carried from the previous page, or that header
    // printed again, a page may hold only the rest of that page's last row
    // (no number of its own): cell lines right of the number column, none
    // of them a heading.
    let rest_only = continued
        .is_some_and(|open| header.first == header.end || open.roles == header.roles)
        && !members.is_empty()
        && members
            .iter()
            .all(|&(k, kind)| kind == LineKind::Cells(false) && lines[k].x0() >= edges.bounds[0]);
    if anchors < settings.min_rows && !rest_only {
        return None;
    }
    let table = build(
        lines,
        &members,
        &edges,
        header,
        settings,
        page,
        may_continue,
    );
    let last = members.last().map_or(0, |m| m.0);
    let mut taken: Vec<usize> = members.into_iter().map(|(k, _)| k).collect();
    taken.extend(repeated.into_iter().filter(|&k| k < last));
    taken.sort_unstable();
    let mut starts = vec![edges.bounds[0]];
    starts.extend(
        edges
            .starts
            .iter()
            .zip(&edges.bounds)
            .map(|(s, b)| s.map_or(*b, |s| s.lo)),
    );
    Some((table, taken, starts))
}

/// What each candidate line under a header is with these column edges,
/// down to the first line the table cannot read; and whether such a line
/// ended it (rather than the end of the candidates: prose, a wide gap,
/// another header).
fn classify_lines(
    lines: &[Line],
    candidates: &[usize],
    edges: &ColumnEdges,
    settings: &BandSettings,
) -> (Vec<(usize, LineKind)>, bool) {
    let boundaries = &edges.bounds;
    let limit = boundaries.len().div_ceil(2).max(2);
    let mut members: Vec<(usize, LineKind)> = Vec::new();
    for (n, &k) in candidates.iter().enumerate() {
        let line = &lines[k];
        let numbered = row_number(line, edges).is_some();
        let crossed = crossings(line, edges, settings, numbered);
        // Number cells hold nothing but numbers: text from the number
        // column into the next is a heading, or prose after the table.
        let heading = !numbered && line.x0() < boundaries[0] && crossed >= 1;
        let kind = if crossed < limit && !heading {
            LineKind::Cells(numbered)
        } else {
            let next_fits = candidates.get(n + 1).is_some_and(|&j| {
                let next = &lines[j];
                let next_numbered = row_number(next, edges).is_some();
                next_numbered && crossings(next, edges, settings, next_numbered) < limit
            });
            if numbered || next_fits {
                LineKind::Group
            } else {
                return (members, true);
            }
        };
        members.push((k, kind));
    }
    (members, false)
}

/// Where the cells of one column were seen to start on the body lines:
/// the left edges (after a wide gap) that align, jitter included.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Starts {
    /// Leftmost and rightmost aligned edge.
    lo: f64,
    hi: f64,
}

impl Starts {
    /// How far `x` lies outside the observed starts (0 inside).
    fn distance(&self, x: f64) -> f64 {
        (self.lo - x).max(x - self.hi).max(0.0)
    }
}

/// The column boundaries of a table body, with the observed starts of
/// the column right of each boundary.
#[derive(Debug, Clone, PartialEq)]
struct ColumnEdges {
    /// Boundary `i` separates column `i` from column `i + 1`.
    bounds: Vec<f64>,
    /// Per boundary, the starts of column `i + 1`, when enough align.
    starts: Vec<Option<Starts>>,
    /// Every left edge of a run on the body lines: its line's y and x.
    marks: Vec<(f64, f64)>,
    /// Lines closer than this (a vertical distance) show where a cell
    /// starts in the row at hand.
    window: f64,
}

/// The runs of a line: words joined by ordinary word spaces (one cell's
/// text, or several cells that touch).
fn runs(words: &[Word], gap: f64) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        match out.last_mut() {
            Some(r) if w.x0 - words[i - 1].x1 <= gap * w.size.max(1.0) => r.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Place each boundary from the whole body (all its cell lines), after
/// Nurminen's text edges: between two header cells, the left edges of
/// runs that follow a wide gap cluster where the right column's cells
/// start (a character or two apart in layout text); the boundary goes
/// just left of the largest such cluster. Without one (a column empty on
/// this page), it goes to the middle of the widest x range between the
/// two header cells' centres that the fewest body words cover.
fn refine_boundaries(
    lines: &[Line],
    cell_lines: &[usize],
    cols: &[HeaderColumn],
    initial: &[f64],
    settings: &BandSettings,
    pitch: f64,
) -> ColumnEdges {
    let words: Vec<&Word> = cell_lines
        .iter()
        .flat_map(|k| lines[*k].words.iter())
        .collect();
    // Words of a line in capitals only (a group heading written across
    // the columns) run over every column start.
    let headings: Vec<&Word> = cell_lines
        .iter()
        .filter(|k| capitals(&lines[**k].words))
        .flat_map(|k| lines[*k].words.iter())
        .collect();
    let heading_word = |w: &Word| headings.iter().any(|h| std::ptr::eq(*h, w));
    let size = words.first().map_or(10.0, |w| w.size.max(1.0));
    let jitter = settings.start_jitter * size;
    let marks = run_marks(lines, cell_lines, settings.label_gap);
    let mut edges: Vec<f64> = marks.iter().map(|m| m.1).collect();
    edges.sort_by(f64::total_cmp);
    let mut bounds = Vec::new();
    let mut starts = Vec::new();
    for (pair, &start) in cols.windows(2).zip(initial) {
        let (lo, hi) = (pair[0].centre(), pair[1].centre());
        let fallback = least_covered(&words, lo, hi, start);
        // Chains of edges each within the jitter of the one before.
        let inside: Vec<f64> = edges
            .iter()
            .copied()
            .filter(|&x| x > lo && x <= hi)
            .collect();
        let mut chains: Vec<(usize, Starts)> = Vec::new();
        let mut s = 0;
        while s < inside.len() {
            let mut e = s + 1;
            while e < inside.len() && inside[e] - inside[e - 1] <= jitter {
                e += 1;
            }
            let found = Starts {
                lo: inside[s],
                hi: inside[e - 1],
            };
            chains.push((e - s, found));
            s = e;
        }
        // The largest chain whose boundary few words run across (the
        // inner gaps of justified text line up too, but the lines
        // around run over them); ties go to the one nearest the fallback.
        chains.sort_by(|(n, a), (m, b)| {
            m.cmp(n)
                .then(a.distance(fallback).total_cmp(&b.distance(fallback)))
        });
        let bound = |found: &Starts| found.lo - 0.1 * size;
        let best = chains.into_iter().find(|(n, found)| {
            let b = bound(found);
            let over = words
                .iter()
                .filter(|w| w.x0 < b && w.x1 > b && !heading_word(w))
                .count();
            *n >= settings.min_starts && over as f64 <= settings.max_overrun * *n as f64
        });
        match best {
            Some((_, found)) => {
                bounds.push(bound(&found));
                starts.push(Some(found));
            }
            None => {
                bounds.push(fallback);
                starts.push(None);
            }
        }
    }
    ColumnEdges {
        bounds,
        starts,
        marks,
        window: settings.local_lines * pitch,
    }
}

/// The left edge of every run on the cell lines: its line's y and x.
fn run_marks(lines: &[Line], cell_lines: &[usize], gap: f64) -> Vec<(f64, f64)> {
    cell_lines
        .iter()
        .flat_map(|k| {
            let ws = &lines[*k].words;
            runs(ws, gap)
                .into_iter()
                .map(move |r| (ws[r.start].y, ws[r.start].x0))
        })
        .collect()
}

/// A cell of a continuation page as layout text stacks it: runs on
/// consecutive lines starting at one x (jitter allowed).
#[derive(Debug, Clone)]
struct Block {
    /// Left edge of its first run.
    x0: f64,
    /// Its runs' texts, top to bottom, joined by spaces.
    text: String,
}

/// A column start seen on a continuation page: aligned run starts.
#[derive(Debug, Clone)]
struct Cluster {
    starts: Starts,
    /// The cell lines with a run starting here.
    lines: Vec<usize>,
    /// The cells (blocks) whose first run starts here.
    cells: Vec<String>,
}

/// Every run start of the cell lines (a leading row number skipped, so
/// that the cell after it starts where its text does), grouped into the
/// cells layout text stacks (a row number line opens new cells; a run
/// continues a cell of the line above starting within `reach` of it, as
/// the lines of a centred cell move by a few characters): per start its
/// line, x, and cell index.
fn page_cells(
    lines: &[Line],
    cell_lines: &[usize],
    settings: &BandSettings,
    reach: f64,
    pitch: f64,
) -> (Vec<(usize, f64, usize)>, Vec<Block>) {
    let mut starts = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Vec<(f64, usize)> = Vec::new();
    let mut prev_y: Option<f64> = None;
    for &k in cell_lines {
        let ws = &lines[k].words;
        // A row number opens a row, and so new cells.
        let numbered =
            RowNumber::at_line_start(&ws[0].text).is_some_and(|(_, rest)| rest.is_empty());
        if numbered || prev_y.is_some_and(|y| y - lines[k].y > 1.6 * pitch) {
            open.clear();
        }
        prev_y = Some(lines[k].y);
        let mut now = Vec::new();
        for r in runs(ws, settings.label_gap) {
            let mut first = r.start;
            if first == 0 && numbered {
                first += 1;
            }
            if first >= r.end {
                continue;
            }
            let x0 = ws[first].x0;
            let text = ws[first..r.end]
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let block = match open.iter().find(|(x, _)| (x - x0).abs() <= reach) {
                Some(&(_, b)) => {
                    blocks[b].text.push(' ');
                    blocks[b].text.push_str(&text);
                    b
                }
                None => {
                    blocks.push(Block { x0, text });
                    blocks.len() - 1
                }
            };
            starts.push((k, x0, block));
            now.push((x0, block));
        }
        open = now;
    }
    (starts, blocks)
}

/// Whether a cell reads as a deadline ("2026", "Quý I/2026", a date
/// wrapped inside its year: "31/12/202 6"), or as the rest of a quarter
/// whose "Quý" a narrow cell wrapped onto the line above or a page break
/// left on the page before ("III/2026").
fn deadline_like(text: &str) -> bool {
    if crate::extract::deadline::is_clean_deadline(text) || quarter_rest(text) {
        return true;
    }
    // A space between two digits is a wrap inside a number.
    let chars: Vec<char> = text.chars().collect();
    let joined: String = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !(**c == ' '
                && *i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        })
        .map(|(_, c)| *c)
        .collect();
    joined != text && crate::extract::deadline::is_clean_deadline(&joined)
}

/// Whether a text is a Roman quarter and a year alone ("III/2026").
fn quarter_rest(text: &str) -> bool {
    text.split_once('/').is_some_and(|(quarter, year)| {
        matches!(quarter, "I" | "II" | "III" | "IV")
            && year.len() == 4
            && year.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The column edges of a page that continues a table under no header of
/// its own. Layout text packs a page's columns: a column empty on every
/// row of the page is left out and the columns right of it move left, so
/// the header's positions do not hold. The page's own column starts
/// (aligned run starts few words run across) are matched in order to the
/// header's columns by a small dynamic programme whose cost per cell of a
/// start is (all in [`RemapSettings`]): how far the start lies right of
/// the column's start under the header (packing never moves a column
/// right) or left of it (packing does, but less is likelier); a cell
/// reading as a deadline in another column than the deadline's, or not in
/// it; a cell opening like a document reference in another column than
/// the documents', or not in it; a cell naming bodies in general ("các
/// đơn vị liên quan") in the lead column. A header column matched to no
/// start is empty on this page; two starts that never share a line may be
/// one column (cells of one column moved by different amounts). `None`
/// when every start matches the column whose start under the header it
/// lies at (nothing was packed away: the header's columns hold).
fn remap_columns(
    lines: &[Line],
    cell_lines: &[usize],
    header: &Header,
    reference: &[f64],
    settings: &BandSettings,
    pitch: f64,
) -> Option<ColumnEdges> {
    let words: Vec<&Word> = cell_lines
        .iter()
        .flat_map(|k| lines[*k].words.iter())
        .collect();
    let size = words.first().map_or(10.0, |w| w.size.max(1.0));
    let jitter = settings.start_jitter * size;
    let reach = settings.cut_reach * size;
    let (starts, blocks) = page_cells(lines, cell_lines, settings, reach, pitch);
    // Chains of starts each within the jitter of the one before, kept
    // where few words run across their left edge.
    let mut order: Vec<usize> = (0..starts.len()).collect();
    order.sort_by(|&a, &b| starts[a].1.total_cmp(&starts[b].1));
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut s = 0;
    while s < order.len() {
        let mut e = s + 1;
        while e < order.len() && starts[order[e]].1 - starts[order[e - 1]].1 <= jitter {
            e += 1;
        }
        let members = &order[s..e];
        let lo = starts[members[0]].1;
        let hi = starts[members[members.len() - 1]].1;
        let edge = lo - 0.1 * size;
        let over = overruns(&words, edge, jitter);
        if over as f64 <= settings.max_overrun * members.len() as f64 {
            let mut member_lines: Vec<usize> = members.iter().map(|&m| starts[m].0).collect();
            member_lines.sort_unstable();
            member_lines.dedup();
            let mut cells: Vec<usize> = members
                .iter()
                .map(|&m| starts[m].2)
                .filter(|&b| blocks[b].x0 >= lo && blocks[b].x0 <= hi)
                .collect();
            cells.sort_unstable();
            cells.dedup();
            clusters.push(Cluster {
                starts: Starts { lo, hi },
                lines: member_lines,
                cells: cells.into_iter().map(|b| blocks[b].text.clone()).collect(),
            });
        }
        s = e;
    }
    let ncols = header.columns.len();
    let w = &settings.remap;
    let tolerance = settings.cut_reach * size;
    // Cost of a start as column `c`, per cell.
    let cost = |cl: &Cluster, c: usize| -> f64 {
        let role = header.roles.get(c).copied().unwrap_or(Role::Extra);
        let d = cl.starts.lo - reference[c];
        let position = if d > tolerance {
            (d - tolerance) / size * w.right
        } else if d < -tolerance {
            (-d - tolerance) / size * w.left
        } else {
            0.0
        };
        let n = cl.cells.len().max(1) as f64;
        let share = |f: &dyn Fn(&str) -> bool| cl.cells.iter().filter(|t| f(t)).count() as f64 / n;
        let due = share(&deadline_like);
        let docs = share(&crate::extract::docref::starts_with_reference);
        let mut content = if role == Role::Deadline {
            w.not_deadline * (1.0 - due)
        } else {
            w.deadline * due
        };
        content += if role == Role::Documents {
            w.not_documents * (1.0 - docs)
        } else {
            w.documents * docs
        };
        if role == Role::Lead {
            content += w.general_bodies * share(&crate::extract::units::mentions_bodies_in_general);
        }
        n * (position + content)
    };
    // best[i][c]: clusters ..i matched, the last of them to column c
    // (c = 0: none yet); with the group start and previous column.
    let m = clusters.len();
    let mut best = vec![vec![f64::INFINITY; ncols]; m + 1];
    let mut back = vec![vec![(0usize, 0usize); ncols]; m + 1];
    best[0][0] = 0.0;
    for i in 1..=m {
        // Groups g..i of starts that share no line.
        for g in (0..i).rev() {
            let disjoint = (g..i - 1).all(|a| {
                clusters[a]
                    .lines
                    .iter()
                    .all(|l| clusters[i - 1].lines.binary_search(l).is_err())
            });
            if !disjoint {
                break;
            }
            for c in 1..ncols {
                let here: f64 = (g..i).map(|j| cost(&clusters[j], c)).sum();
                for p in 0..c {
                    let total = best[g][p] + here + w.empty * (c - p - 1) as f64;
                    if total < best[i][c] {
                        best[i][c] = total;
                        back[i][c] = (g, p);
                    }
                }
            }
        }
    }
    // Column of each cluster.
    let mut column_of_cluster = vec![0usize; m];
    let last = (0..ncols)
        .min_by(|&a, &b| {
            let ta = best[m][a] + w.empty * (ncols - 1 - a) as f64;
            let tb = best[m][b] + w.empty * (ncols - 1 - b) as f64;
            ta.total_cmp(&tb)
        })
        .unwrap_or(0);
    let (mut i, mut c) = (m, last);
    while i > 0 {
        let (g, p) = back[i][c];
        column_of_cluster[g..i].fill(c);
        i = g;
        c = p;
    }
    let packed = clusters
        .iter()
        .zip(&column_of_cluster)
        .any(|(cl, &c)| (cl.starts.lo - reference[c]).abs() > tolerance);
    if !packed {
        return None;
    }
    let right_end = words.iter().map(|w| w.x1).fold(0.0, f64::max) + size;
    let group = |c: usize| -> Option<Starts> {
        let own: Vec<&Cluster> = clusters
            .iter()
            .zip(&column_of_cluster)
            .filter(|(_, &k)| k == c)
            .map(|(cl, _)| cl)
            .collect();
        (!own.is_empty()).then(|| Starts {
            lo: own.iter().map(|cl| cl.starts.lo).fold(f64::MAX, f64::min),
            hi: own.iter().map(|cl| cl.starts.hi).fold(f64::MIN, f64::max),
        })
    };
    let groups: Vec<Option<Starts>> = (0..ncols).map(group).collect();
    let bounds: Vec<f64> = (0..ncols - 1)
        .map(|b| {
            groups[b + 1..]
                .iter()
                .flatten()
                .next()
                .map_or(right_end, |s| s.lo - 0.1 * size)
        })
        .collect();
    Some(ColumnEdges {
        bounds,
        starts: groups[1..].to_vec(),
        marks: run_marks(lines, cell_lines, settings.label_gap),
        window: settings.local_lines * pitch,
    })
}

/// How many words run across `edge` from clearly left of it: a word
/// starting less than `jitter` left of it is the first word of a cell
/// that touches the cell before (layout text pushes it left or right by a
/// character or two), not text running over the column start.
fn overruns(words: &[&Word], edge: f64, jitter: f64) -> usize {
    words
        .iter()
        .filter(|w| w.x0 < edge - jitter && w.x1 > edge)
        .count()
}

/// The middle of the widest x range between `lo` and `hi` that the
/// fewest words cover; ties go to the range nearest `start`.
fn least_covered(words: &[&Word], lo: f64, hi: f64, start: f64) -> f64 {
    let step = ((hi - lo) / 400.0).max(0.25);
    let n = ((hi - lo) / step) as usize;
    let cover: Vec<usize> = (0..=n)
        .map(|s| {
            let x = lo + s as f64 * step;
            words.iter().filter(|w| w.x0 < x && w.x1 > x).count()
        })
        .collect();
    let least = cover.iter().copied().min().unwrap_or(0);
    let mut best: Option<(f64, f64)> = None;
    let mut s = 0;
    while s < cover.len() {
        if cover[s] != least {
            s += 1;
            continue;
        }
        let e = (s..cover.len())
            .find(|&e| cover[e] != least)
            .unwrap_or(cover.len());
        let (a, b) = (lo + s as f64 * step, lo + (e - 1) as f64 * step);
        let better = best.is_none_or(|(ba, bb)| {
            let (w, bw) = (b - a, bb - ba);
            w > bw + step
                || ((w - bw).abs() <= step
                    && ((a + b) / 2.0 - start).abs() < ((ba + bb) / 2.0 - start).abs())
        });
        if better {
            best = Some((a, b));
        }
        s = e;
    }
    best.map_or(start, |(a, b)| (a + b) / 2.0)
}

/// Whether every word with letters in `words` is in capitals.
fn shouting(words: &[Word]) -> bool {
    words
        .iter()
        .filter(|w| w.text.chars().any(char::is_alphabetic))
        .all(|w| !w.text.chars().any(char::is_lowercase))
}

/// Whether `words` hold letters, every one of them a capital.
fn capitals(words: &[Word]) -> bool {
    words
        .iter()
        .any(|w| w.text.chars().any(char::is_alphabetic))
        && shouting(words)
}

/// The column of each word of a line (see [`line_columns`]).
fn word_columns(
    words: &[Word],
    edges: &ColumnEdges,
    settings: &BandSettings,
    number_line: bool,
) -> Vec<usize> {
    line_columns(words, edges, settings, number_line).0
}

/// The column of each word of a line, and how many boundaries the line
/// runs across with word spaces where no cell ends (a run of capitals
/// only, a heading, crosses every boundary it spans).
///
/// A word goes to the column its centre lies in. A run of words joined by
/// single spaces across a boundary (two cells that touch: "xử lý Kế
/// hoạch số 11- Văn phòng") is cut at the space after which the next
/// word starts where the right column's cells start on the other body
/// lines (jitter allowed), or kept whole on the side it reaches least
/// past the column start. Where the body gives no starts, a run on a
/// row's number line whose right part would open with a lowercase word is
/// cut before the capital or digit nearest the boundary, or kept whole in
/// the left cell. A run ending short of every start of the right column on
/// the lines around it stays whole in the left cell: pdftotext may start a
/// column elsewhere in another part of the page (after a heading), and the
/// page's boundary then falls inside this part's text. The space after a
/// leading row number is no crossing.
fn line_columns(
    words: &[Word],
    edges: &ColumnEdges,
    settings: &BandSettings,
    number_line: bool,
) -> (Vec<usize>, usize) {
    let boundaries = &edges.bounds;
    let mut columns: Vec<usize> = words
        .iter()
        .map(|w| column_of(boundaries, w.cx()))
        .collect();
    let opens = |w: &Word| {
        w.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut crossed = vec![false; boundaries.len()];
    for run in runs(words, settings.label_gap) {
        let (start, end) = (run.start, run.end);
        for (b_index, &b) in boundaries.iter().enumerate() {
            let left = (start..end).any(|i| columns[i] <= b_index);
            let right = (start..end).find(|&i| columns[i] > b_index);
            let straddles = (start..end).any(|i| words[i].x0 < b && words[i].x1 > b);
            if !(straddles || left && right.is_some()) {
                continue;
            }
            // The row number and the text after it.
            if number_line && start == 0 && right == Some(1) && !straddles {
                continue;
            }
            let reach = settings.cut_reach * words[start].size.max(1.0);
            let jitter = settings.start_jitter * words[start].size.max(1.0);
            // Where the lines around start the right column, every start
            // right of this run's end: the page part has its column there
            // (pdftotext packs the parts of a page between headings apart),
            // and a run ending short of it is wholly the left cell's.
            let y = words[start].y;
            let next = boundaries
                .get(b_index + 1)
                .copied()
                .unwrap_or(f64::INFINITY);
            let mut around = edges.marks.iter().filter(|(my, mx)| {
                *my != y && (my - y).abs() <= edges.window && *mx > b - reach && *mx < next
            });
            let end_x = words[end - 1].x1;
            let first = around.next();
            if !shouting(&words[start..end])
                && first.is_some_and(|m| m.1 > end_x + 0.5 * jitter)
                && around.all(|m| m.1 > end_x + 0.5 * jitter)
            {
                for c in &mut columns[start..end] {
                    *c = (*c).min(b_index);
                }
                continue;
            }
            let cut = edges.starts[b_index].filter(|_| b_index > 0).and_then(|s| {
                // Where the right column starts on the lines around: a
                // narrow cell beside pushes a whole cell left or right.
                let y = words[start].y;
                let local: Vec<f64> = edges
                    .marks
                    .iter()
                    .filter(|(my, mx)| {
                        *my != y && (my - y).abs() <= edges.window && s.distance(*mx) <= reach
                    })
                    .map(|m| m.1)
                    .collect();
                // Cut before word k (k = end: the whole run on the left,
                // judged by how far it reaches past the column start).
                // A cut is ranked by its distance from the starts, plus a
                // word opening in lowercase counts as twice the jitter
                // further; it is taken when its distance is in reach.
                let cost = |k: usize| {
                    let x = if k == end {
                        words[end - 1].x1
                    } else {
                        words[k].x0
                    };
                    if k == end {
                        let past = (x - s.lo).max(0.0);
                        return (past + 2.0 * jitter, past);
                    }
                    let nearest = local
                        .iter()
                        .copied()
                        .min_by(|a, b| (x - a).abs().total_cmp(&(x - b).abs()));
                    let off = nearest.map_or_else(|| s.distance(x), |m| (x - m).abs());
                    if opens(&words[k]) {
                        return (off, off);
                    }
                    // A lowercase word opens the cell only where the word
                    // before ends short of where the cell starts.
                    let at = nearest.unwrap_or(s.lo);
                    if k > start && words[k - 1].x1 > at - 0.1 * words[k].size.max(1.0) {
                        return (f64::INFINITY, f64::INFINITY);
                    }
                    (off + 2.0 * jitter, off)
                };
                (start..=end)
                    .map(|k| (k, cost(k)))
                    .filter(|(_, (_, off))| *off <= reach)
                    .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
                    .map(|(k, _)| k)
            });
            // Capitals only (a heading) may line up with column starts by
            // chance: such a run crosses whatever the cuts say.
            crossed[b_index] = cut.is_none() || shouting(&words[start..end]);
            let cut = match cut {
                Some(k) => k,
                None => {
                    let Some(first_right) = right.filter(|_| number_line) else {
                        continue;
                    };
                    if first_right == start || opens(&words[first_right]) {
                        continue;
                    }
                    let distance = |i: usize| ((words[i - 1].x1 + words[i].x0) / 2.0 - b).abs();
                    // Without a word that can open the right cell, the run is one cell.
                    (start + 1..end)
                        .filter(|&i| opens(&words[i]))
                        .min_by(|&a, &c| distance(a).total_cmp(&distance(c)))
                        .unwrap_or(end)
                }
            };
            for c in &mut columns[start..cut] {
                *c = (*c).min(b_index);
            }
            for c in &mut columns[cut..end] {
                *c = (*c).max(b_index + 1);
            }
        }
    }
    (columns, crossed.into_iter().filter(|c| *c).count())
}

/// Move to the documents column `docs` the reference that layout text ran
/// into the column before it with single spaces, a piece at the end of
/// each of a few consecutive lines ("Rà soát, xây Kế hoạch số" / "dựng,
/// ban hành 11-KH/BCĐ" / "quy trình, thủ tục ngày" / "thống nhất, đồng
/// 27/3/2025"): where the documents cell of a line is empty, the words
/// ending the cell before it that open a reference (a capital type word
/// and number pieces, [`docref::opening_reference`]) after other words
/// start a reference; on the lines below, as long as the reference has no
/// date, the words ending the cell that are reference pieces
/// ([`docref::reference_piece`]) continue it (also one the documents cell
/// itself opened). A reference is moved only when it reads with a number.
/// Returns whether anything moved.
///
/// [`docref::opening_reference`]: crate::extract::docref::opening_reference
/// [`docref::reference_piece`]: crate::extract::docref::reference_piece
fn pull_reference_tails(
    line_cells: &mut [Vec<Vec<Word>>],
    kinds: &[LineKind],
    docs: usize,
    gap: f64,
) -> bool {
    use crate::extract::docref::{find_date, opening_reference, reference_piece};
    if docs < 2 {
        return false;
    }
    let before = docs - 1;
    // Words joined to the one before by a single space.
    let touching =
        |ws: &[Word], k: usize| k > 0 && ws[k].x0 - ws[k - 1].x1 <= gap * ws[k].size.max(1.0);
    // The open reference: its text so far and the moves it asks (line,
    // first word moved).
    let mut open: Option<(String, Vec<(usize, usize)>)> = None;
    let mut moved = false;
    let mut close = |open: &mut Option<(String, Vec<(usize, usize)>)>,
                     cells: &mut [Vec<Vec<Word>>]| {
        if let Some((reference, moves)) = open.take() {
            let refs = crate::extract::docref::parse_document_refs(&reference);
            if !moves.is_empty() && refs.len() == 1 && refs[0].number.is_some() {
                for (pos, k) in moves {
                    let tail = cells[pos][before].split_off(k);
                    cells[pos][docs].splice(0..0, tail);
                }
                moved = true;
            }
        }
    };
    for pos in 0..line_cells.len() {
        if kinds[pos] == LineKind::Group {
            close(&mut open, line_cells);
            continue;
        }
        let cells = &line_cells[pos];
        let left = &cells[before];
        // Where the reference opens on this line: the first word of the
        // cell before that starts it (a capital type word after other
        // words) with the documents cell's own words after it.
        let opening = |own: &str| {
            (1..left.len()).find(|&k| {
                let mut joined = words_text(&left[k..]);
                if !own.is_empty() {
                    joined.push(' ');
                    joined.push_str(own);
                }
                touching(left, k)
                    && left[k].text.starts_with(char::is_uppercase)
                    && opening_reference(&joined)
            })
        };
        if !cells[docs].is_empty() {
            let own = words_text(&cells[docs]);
            match open.as_mut() {
                Some((reference, _)) => {
                    reference.push(' ');
                    reference.push_str(&own);
                }
                None if crate::extract::docref::starts_with_reference(&own) => {
                    open = Some((own, Vec::new()));
                }
                None => {
                    open = opening(&own)
                        .map(|k| (format!("{} {own}", words_text(&left[k..])), vec![(pos, k)]));
                }
            }
        } else if left.is_empty() {
            // A line with nothing here (a row number alone) neither
            // continues nor ends the reference.
        } else if let Some((reference, moves)) = open.as_mut() {
            let k = (0..left.len())
                .rev()
                .take_while(|&k| reference_piece(&left[k].text))
                .last()
                .filter(|&k| k == 0 || touching(left, k));
            match k {
                Some(k) => {
                    reference.push(' ');
                    reference.push_str(&words_text(&left[k..]));
                    moves.push((pos, k));
                }
                None => close(&mut open, line_cells),
            }
        } else if let Some(k) = opening("") {
            open = Some((words_text(&left[k..]), vec![(pos, k)]));
        }
        if open
            .as_ref()
            .is_some_and(|(reference, _)| find_date(reference).is_some())
        {
            close(&mut open, line_cells);
        }
    }
    close(&mut open, line_cells);
    moved
}

/// Fewest words of a deadline cell that reads as no deadline for it to
/// be a product's text on its own (with product text beside it, any).
const PRODUCT_WORDS: usize = 5;

/// The words of a cell, in their order, joined by spaces.
fn words_text(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// On a packed page (layout text), move to the products column a
/// deadline cell that reads as no deadline (of no known kind: "Cung cấp cho các đại biểu sử
/// dụng …") with at least [`PRODUCT_WORDS`] words or product text beside
/// it: layout text packs a page's columns line by line, and a section
/// whose deadline column is empty puts its products where other
/// sections' deadlines stand. The other way, a product cell that reads
/// wholly as a deadline ("2026") beside an empty deadline cell is the
/// deadline. A short cell reading as no deadline right under rows whose
/// deadline cells were products is a product too ("Phục vụ kiểm" under
/// "Cung cấp cho các đại biểu …"): rows one after another keep their
/// columns. Only when the products column comes right after the
/// deadlines.
fn products_out_of_deadlines(row_words: &mut [Vec<Vec<Word>>], roles: &[Role]) {
    let Some(due) = roles.iter().position(|r| *r == Role::Deadline) else {
        return;
    };
    if roles.get(due + 1) != Some(&Role::Result) {
        return;
    }
    // Whether the last row with a deadline cell had a product there.
    let mut products_above = false;
    for cells in row_words.iter_mut() {
        let text = words_text(&cells[due]);
        if text.is_empty() && deadline_like(&words_text(&cells[due + 1])) {
            cells[due] = std::mem::take(&mut cells[due + 1]);
            products_above = false;
            continue;
        }
        let reads = crate::extract::deadline::parse_deadline(&text, None)
            .is_some_and(|p| p.deadline.kind != crate::model::DeadlineKind::Other)
            || deadline_like(&text);
        if reads {
            products_above = false;
        }
        let short = cells[due + 1].is_empty() && cells[due].len() < PRODUCT_WORDS;
        if text.is_empty() || reads || short && !products_above {
            continue;
        }
        products_above = true;
        let mut moved = std::mem::take(&mut cells[due]);
        moved.append(&mut cells[due + 1]);
        sort_reading_order(&mut moved);
        cells[due + 1] = moved;
    }
}

/// Move back to the deadline column a word of a deadline that layout
/// text ran into the cell before with one space: "Các đơn vị Thường"
/// over "liên quan xuyên" leaves the deadline cell reading as no deadline
/// ("Thường", or "xuyên"), and the last word of the cell before on the
/// deadline's first line or the line under it, put before or after it,
/// makes one ("Thường xuyên"). The start of a range of years ends the
/// cell before on the deadline's first line ("VPTWĐ và 2025 -" beside
/// "2028"): the words there without a letter, ending in a dash (or before
/// a deadline opening with one), go back when they make one deadline with
/// it ("2025 - 2028").
fn deadline_words_out_of_cells_before(row_words: &mut [Vec<Vec<Word>>], roles: &[Role]) {
    let Some(due) = roles.iter().position(|r| *r == Role::Deadline) else {
        return;
    };
    if due < 2 {
        return;
    }
    for cells in row_words.iter_mut() {
        let text = words_text(&cells[due]);
        if text.is_empty() {
            stacked_deadline_out_of_cell_before(cells, due);
            continue;
        }
        let top = cells[due].iter().map(|w| w.y).fold(f64::MIN, f64::max);
        let size = cells[due].first().map_or(1.0, |w| w.size.max(1.0));
        if deadline_like(&text) {
            range_start_out_of_cell_before(cells, due, top, size, &text);
            continue;
        }
        // The last word of each line of the cell before, on the
        // deadline's first line or the line under it.
        let mut ends: Vec<usize> = Vec::new();
        for (k, w) in cells[due - 1].iter().enumerate() {
            if (top - w.y) < -0.5 * size || top - w.y > 1.5 * size {
                continue;
            }
            match ends
                .iter_mut()
                .find(|e| (cells[due - 1][**e].y - w.y).abs() < 0.5 * size)
            {
                Some(e) if cells[due - 1][*e].x0 < w.x0 => *e = k,
                Some(_) => {}
                None => ends.push(k),
            }
        }
        let found = ends.into_iter().find(|&k| {
            let word = &cells[due - 1][k];
            let below = top - word.y > 0.5 * size;
            let joined = if below {
                format!("{text} {}", word.text)
            } else {
                format!("{} {text}", word.text)
            };
            deadline_like(&joined)
        });
        if let Some(k) = found {
            let word = cells[due - 1].remove(k);
            cells[due].push(word);
            sort_reading_order(&mut cells[due]);
        }
    }
}

/// Move to the empty deadline cell `due` a deadline that layout text ran
/// wholly into the cell before: the last words of two consecutive lines
/// of it, each after other words and starting at about the same x,
/// that read together as a deadline ("Các đơn vị Thường" over "liên quan
/// xuyên").
fn stacked_deadline_out_of_cell_before(cells: &mut [Vec<Word>], due: usize) {
    let before = &cells[due - 1];
    let Some(size) = before.first().map(|w| w.size.max(1.0)) else {
        return;
    };
    // Per line, top to bottom: (its baseline, its last word, its word count).
    let mut lines: Vec<(f64, usize, usize)> = Vec::new();
    for (k, w) in before.iter().enumerate() {
        match lines
            .iter_mut()
            .find(|(y, _, _)| (y - w.y).abs() < 0.5 * size)
        {
            Some((_, last, count)) => {
                *count += 1;
                if before[*last].x0 < w.x0 {
                    *last = k;
                }
            }
            None => lines.push((w.y, k, 1)),
        }
    }
    lines.sort_by(|a, b| b.0.total_cmp(&a.0));
    let found = lines.windows(2).find_map(|pair| {
        let ((y_a, a, n_a), (y_b, b, n_b)) = (pair[0], pair[1]);
        // Consecutive lines of the cell, at most a line apart (a centred
        // cell's lines may have an empty line between them).
        let stacked = y_a - y_b <= 2.5 * size
            && n_a > 1
            && n_b > 1
            && (before[a].x0 - before[b].x0).abs() <= size;
        let joined = format!("{} {}", before[a].text, before[b].text);
        (stacked && deadline_like(&joined)).then_some((a, b))
    });
    if let Some((a, b)) = found {
        let (first, second) = if a > b { (a, b) } else { (b, a) };
        let w1 = cells[due - 1].remove(first);
        let w2 = cells[due - 1].remove(second);
        cells[due].extend([w1, w2]);
        sort_reading_order(&mut cells[due]);
    }
}

/// Move back to the deadline cell `due` (text `text`, first line at
/// `top`) the letterless words ending the cell before on that line that
/// open a range with it: they or the deadline hold the dash between, and
/// together they read as one deadline ("2025 -" and "2028").
fn range_start_out_of_cell_before(
    cells: &mut [Vec<Word>],
    due: usize,
    top: f64,
    size: f64,
    text: &str,
) {
    let dash = |t: &str| matches!(t, "-" | "–" | "—");
    let mut on_line: Vec<usize> = (0..cells[due - 1].len())
        .filter(|&k| (cells[due - 1][k].y - top).abs() < 0.5 * size)
        .collect();
    on_line.sort_by(|&a, &b| cells[due - 1][a].x0.total_cmp(&cells[due - 1][b].x0));
    let tail: Vec<usize> = on_line
        .iter()
        .rev()
        .take_while(|&&k| !cells[due - 1][k].text.chars().any(char::is_alphabetic))
        .copied()
        .collect();
    let Some(&last) = tail.first() else {
        return;
    };
    let opens_range = dash(&cells[due - 1][last].text) || text.starts_with(['-', '–', '—']);
    let start = tail
        .iter()
        .rev()
        .map(|&k| cells[due - 1][k].text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !opens_range || !deadline_like(&format!("{start} {text}")) {
        return;
    }
    let mut moved: Vec<Word> = Vec::new();
    let mut kept: Vec<Word> = Vec::new();
    for (k, w) in std::mem::take(&mut cells[due - 1]).into_iter().enumerate() {
        if tail.contains(&k) {
            moved.push(w);
        } else {
            kept.push(w);
        }
    }
    cells[due - 1] = kept;
    cells[due].extend(moved);
    sort_reading_order(&mut cells[due]);
}

/// The table of a header's body lines (`members`): its columns cut at
/// `boundaries`, its rows laid out by [`rows::assign`]; text above the
/// first row number continues a row of the previous page only when
/// `may_continue`.
fn build(
    lines: &[Line],
    members: &[(usize, LineKind)],
    boundaries: &ColumnEdges,
    header: &Header,
    settings: &BandSettings,
    page: u32,
    may_continue: bool,
) -> PageTable {
    let ncols = header.columns.len();
    let at = |k: usize| Location {
        page: Some(page),
        line: Some(k as u32 + 1),
    };
    // Rows in order: group rows and numbered rows, each at its line.
    let mut anchors: Vec<usize> = Vec::new();
    let mut groups: Vec<usize> = Vec::new();
    let mut numbers: Vec<Option<String>> = Vec::new();
    for &(k, kind) in members {
        match kind {
            LineKind::Group => groups.push(k),
            LineKind::Cells(true) => {
                anchors.push(k);
                numbers.push(lines[k].words.first().map(|w| w.text.clone()));
            }
            LineKind::Cells(false) => {}
        }
    }
    // Per body line, its words per column (the number column holds only
    // the row number, which the row keeps apart).
    let mut line_cells: Vec<Vec<Vec<Word>>> = Vec::with_capacity(members.len());
    let mut body: Vec<BodyLine> = Vec::with_capacity(members.len());
    // Per body line: whether it holds only the wrapped tail of a row number.
    let mut number_tails = vec![false; members.len()];
    for (pos, &(k, kind)) in members.iter().enumerate() {
        let mut cells: Vec<Vec<Word>> = vec![Vec::new(); ncols];
        if kind != LineKind::Group {
            let number_len = usize::from(kind == LineKind::Cells(true));
            let columns = word_columns(&lines[k].words, boundaries, settings, number_len == 1);
            for (n, (w, &c)) in lines[k].words.iter().zip(&columns).enumerate() {
                let mut c = c;
                // Punctuation alone in the number column is the wrapped
                // tail of a row number ("3.45" over "."), not cell text.
                if c == 0 && !w.text.chars().any(char::is_alphanumeric) {
                    number_tails[pos] |= kind == LineKind::Cells(false);
                    continue;
                }
                if c == 0 && n >= number_len {
                    // The full stop of a row number wrapped in its
                    // narrow cell ("2.10" over ".") is no cell text.
                    if super::table::is_closing_punctuation(&w.text) {
                        number_tails[pos] |= kind == LineKind::Cells(false);
                        continue;
                    }
                    c = 1.min(ncols - 1);
                }
                if c > 0 {
                    cells[c].push(w.clone());
                }
            }
        }
        let columns = if kind == LineKind::Group {
            let mut crossed: Vec<usize> = lines[k]
                .words
                .iter()
                .map(|w| column_of(&boundaries.bounds, w.cx()))
                .filter(|&c| c > 0)
                .collect();
            crossed.dedup();
            crossed
        } else {
            (1..ncols).filter(|&c| !cells[c].is_empty()).collect()
        };
        // The lines under a heading in capitals (a group line, or a
        // number line that may be one) that go on in capitals, without a
        // row number, are its wrapped rest.
        let rest = if kind != LineKind::Cells(false) && capitals(&lines[k].words) {
            members[pos + 1..]
                .iter()
                .take_while(|&&(next, next_kind)| {
                    next_kind == LineKind::Cells(false) && capitals(&lines[next].words)
                })
                .count()
        } else {
            0
        };
        let name_lowercase = kind != LineKind::Group
            && cells
                .get(1)
                .and_then(|words| words.first())
                .and_then(|w| w.text.chars().next())
                .is_some_and(char::is_lowercase);
        body.push(BodyLine {
            y: lines[k].y,
            rest,
            name_lowercase,
            number_bottom: None,
            kind: match kind {
                LineKind::Group => BodyKind::Group,
                LineKind::Cells(true) => BodyKind::Number,
                LineKind::Cells(false) => BodyKind::Cells,
            },
            columns,
        });
        line_cells.push(cells);
    }
    // A row number wrapped in its narrow cell ("2.10" over ".") stands
    // over both lines: a centred row is centred on both.
    for pos in 0..body.len() {
        if body[pos].kind == BodyKind::Number {
            let tail = (pos + 1..body.len().min(pos + 3)).find(|&q| number_tails[q]);
            body[pos].number_bottom = tail.map(|q| body[q].y);
        }
    }
    if let Some(d) = header.roles.iter().position(|r| *r == Role::Documents) {
        let kinds: Vec<LineKind> = members.iter().map(|m| m.1).collect();
        if pull_reference_tails(&mut line_cells, &kinds, d, settings.label_gap) {
            for ((line, cells), kind) in body.iter_mut().zip(&line_cells).zip(&kinds) {
                if *kind != LineKind::Group {
                    line.columns = (1..ncols).filter(|&c| !cells[c].is_empty()).collect();
                }
            }
        }
    }
    let size = lines[header.first].size();
    // Cells merged over several rows stand once, centred over them: they
    // take no part in cutting the rows and go to every row they span.
    let pitch = rows::body_pitch(&body, ncols, size, &settings.rows).unwrap_or(header.pitch);
    let merged_cells = if settings.merged_from_text
        && rows::top_aligned(
            &body,
            ncols,
            header.pitch,
            size,
            may_continue,
            &settings.rows,
        ) {
        rows::merged_cells(&body, ncols, pitch, &settings.rows)
    } else {
        Vec::new()
    };
    let merged: Vec<(rows::MergedCell, Cell)> = merged_cells
        .into_iter()
        .map(|m| {
            let mut words = Vec::new();
            for pos in m.lines.clone() {
                body[pos].columns.retain(|&c| c != m.column);
                words.append(&mut line_cells[pos][m.column]);
            }
            (m, words_cell(words, page))
        })
        .collect();
    let row_of = rows::assign(
        &body,
        ncols,
        header.pitch,
        size,
        may_continue,
        &settings.rows,
    );
    // Cell words per row: index 0 is text before the first number (a row
    // cut by the page break), then one per anchor.
    let mut row_words: Vec<Vec<Vec<Word>>> = vec![vec![Vec::new(); ncols]; anchors.len() + 1];
    // Whether a row has text off its number line.
    let mut row_spread = vec![false; anchors.len() + 1];
    // The wrapped rest of a group heading, by the heading's line.
    let mut rest: Vec<(usize, usize)> = Vec::new();
    // The sure rest of a number line in capitals, by its line: the
    // heading's own if the line turns out to be one (below).
    let mut heading_of: Vec<Option<usize>> = vec![None; members.len()];
    for (pos, line) in body.iter().enumerate() {
        if line.kind == BodyKind::Number {
            for h in heading_of.iter_mut().skip(pos + 1).take(line.rest) {
                *h = Some(members[pos].0);
            }
        }
    }
    for (((&(k, _), cells), place), heading) in
        members.iter().zip(line_cells).zip(row_of).zip(heading_of)
    {
        let row = match place {
            Place::Row(row) => row,
            Place::Group(g) => {
                if members[g].0 != k {
                    rest.push((members[g].0, k));
                }
                continue;
            }
        };
        if let Some(h) = heading {
            rest.push((h, k));
        }
        for (c, words) in cells.into_iter().enumerate() {
            if !words.is_empty() {
                row_spread[row] |= heading.is_none() && (row == 0 || k != anchors[row - 1]);
                row_words[row][c].extend(words);
            }
        }
    }
    if settings.packed_columns {
        products_out_of_deadlines(&mut row_words, &header.roles);
        deadline_words_out_of_cells_before(&mut row_words, &header.roles);
    }
    // A numbered line in one run (no gap between cells), with nothing on
    // other lines, is a group heading ("2. Phát triển hạ tầng số").
    for (j, &k) in anchors.iter().enumerate() {
        let title = Line {
            words: lines[k].words[1..].to_vec(),
            y: lines[k].y,
        };
        if !row_spread[j + 1] && !has_wide_gap(&title, settings.label_gap) {
            groups.push(k);
        }
    }
    groups.sort_unstable();
    let header_row = Row {
        cells: header
            .columns
            .iter()
            .map(|c| Cell::new(c.text.clone()))
            .collect(),
        at: at(header.first),
        bbox: None,
    };
    let mut rows = vec![header_row];
    let mut cut_row = row_words.remove(0);
    if cut_row.iter().any(|c| !c.is_empty()) {
        rows.push(Row {
            cells: cut_row.drain(..).map(|ws| words_cell(ws, page)).collect(),
            at: at(header.end),
            bbox: None,
        });
    }
    // Merge group rows and numbered rows in line order.
    let mut numbered = anchors
        .iter()
        .zip(numbers)
        .zip(row_words)
        .enumerate()
        .peekable();
    let mut group_iter = groups.iter().peekable();
    loop {
        let next_group = group_iter.peek().copied().copied();
        let next_anchor = numbered.peek().map(|(_, ((a, _), _))| **a);
        match (next_group, next_anchor) {
            (Some(g), a) if a.is_none_or(|a| g < a) => {
                group_iter.next();
                let own: Vec<usize> = std::iter::once(g)
                    .chain(rest.iter().filter(|r| r.0 == g).map(|r| r.1))
                    .collect();
                let words: Vec<Word> = own
                    .iter()
                    .flat_map(|&k| lines[k].words.iter().cloned())
                    .collect();
                rows.push(Row {
                    cells: vec![Cell {
                        text: own
                            .iter()
                            .map(|&k| lines[k].text())
                            .collect::<Vec<_>>()
                            .join("\n"),
                        span: ncols,
                        continued: false,
                        bbox: words_box(&words, page),
                    }],
                    at: at(g),
                    bbox: None,
                });
            }
            (_, Some(a)) => {
                let Some((r, ((k, number), words))) = numbered.next() else {
                    break;
                };
                if groups.contains(&a) {
                    continue;
                }
                let mut cells: Vec<Cell> =
                    words.into_iter().map(|ws| words_cell(ws, page)).collect();
                cells[0] = Cell {
                    bbox: words_box(&lines[*k].words[..1.min(lines[*k].words.len())], page),
                    ..Cell::new(number.unwrap_or_default())
                };
                for (m, cell) in merged.iter().filter(|(m, _)| m.rows.contains(&r)) {
                    cells[m.column] = Cell {
                        continued: r > *m.rows.start(),
                        ..cell.clone()
                    };
                }
                rows.push(Row {
                    cells,
                    at: at(*k),
                    bbox: None,
                });
            }
            _ => break,
        }
    }
    let left = members
        .iter()
        .chain(std::iter::once(&(header.first, LineKind::Group)))
        .map(|(k, _)| lines[*k].x0())
        .fold(f64::MAX, f64::min);
    let right = members
        .iter()
        .map(|(k, _)| lines[*k].x1())
        .fold(header.columns.last().map_or(left, |c| c.x1), f64::max);
    // Joining across pages compares where the header cells start: the
    // boundaries found in the whitespace move with each page's rows.
    let mut xs = vec![left];
    xs.extend(header.columns.iter().skip(1).map(|c| c.x0));
    xs.push(right);
    // Header cells move by a few characters from page to page (layout
    // text re-spaces each page): a quarter of a typical column width.
    let mut widths: Vec<f64> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    widths.sort_by(f64::total_cmp);
    let slack = (widths.get(widths.len() / 2).copied().unwrap_or(0.0) * 0.25).max(header.pitch);
    box_rows(&mut rows, left, right);
    PageTable {
        table: Table { rows },
        top: lines[header.first].top(),
        xs,
        slack,
        open_below: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of monospace lines: each character is 6.5 units wide, each
    /// line 12 units below the previous.
    fn page(text: &str) -> Vec<Line> {
        let mut out = Vec::new();
        for (n, l) in text.lines().enumerate() {
            let mut words = Vec::new();
            let chars: Vec<char> = l.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                if chars[i] == ' ' {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < chars.len() && chars[i] != ' ' {
                    i += 1;
                }
                words.push(Word {
                    text: chars[s..i].iter().collect(),
                    x0: s as f64 * 6.5,
                    x1: i as f64 * 6.5,
                    y: -(n as f64) * 12.0,
                    size: 10.0,
                });
            }
            if !words.is_empty() {
                out.push(Line {
                    y: -(n as f64) * 12.0,
                    words,
                });
            }
        }
        out
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        let lines = page(text);
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(&lines, &mut used, &BandSettings::default(), 1, None);
        texts(&tables)
    }

    /// A line with texts at given character columns.
    fn at(parts: &[(usize, &str)]) -> String {
        let mut line = String::new();
        for (col, text) in parts {
            while line.chars().count() < *col {
                line.push(' ');
            }
            line.push_str(text);
        }
        line
    }

    #[test]
    fn wrapped_and_centred_header_cells_and_rows() {
        let text = [
            at(&[(62, "Thời hạn")]),
            at(&[
                (0, "TT"),
                (5, "Nội dung công việc"),
                (28, "Cơ quan chủ trì Cơ quan phối hợp"),
            ]),
            at(&[(62, "hoàn thành")]),
            String::new(),
            at(&[(6, "Xây dựng kế hoạch"), (28, "Sở Nội vụ"), (44, "Các sở,")]),
            at(&[
                (0, "1"),
                (6, "triển khai"),
                (44, "ngành"),
                (62, "Quý I/2026"),
            ]),
            at(&[(6, "thực hiện")]),
            String::new(),
            at(&[
                (0, "2"),
                (6, "Tổng kết"),
                (28, "Văn phòng"),
                (44, "Sở Tư pháp"),
                (62, "Tháng 12/2026"),
            ]),
            at(&[(28, "UBND tỉnh")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(
            r[0],
            [
                "TT",
                "Nội dung công việc",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Thời hạn hoàn thành"
            ]
        );
        assert_eq!(
            r[1],
            [
                "1",
                "Xây dựng kế hoạch triển khai thực hiện",
                "Sở Nội vụ",
                "Các sở, ngành",
                "Quý I/2026"
            ]
        );
        assert_eq!(
            r[2],
            [
                "2",
                "Tổng kết",
                "Văn phòng UBND tỉnh",
                "Sở Tư pháp",
                "Tháng 12/2026"
            ]
        );
    }

    /// Lines of positioned words: per line its baseline and its texts by
    /// left edge (each character 5.5 units wide, words one space apart).
    fn placed(spec: &[(f64, &[(f64, &str)])]) -> Vec<Line> {
        spec.iter()
            .map(|(y, parts)| {
                let mut words = Vec::new();
                for (x, text) in parts.iter() {
                    let mut x0 = *x;
                    for w in text.split(' ') {
                        let x1 = x0 + w.chars().count() as f64 * 5.5;
                        words.push(Word {
                            text: w.to_string(),
                            x0,
                            x1,
                            y: *y,
                            size: 10.0,
                        });
                        x0 = x1 + 5.5;
                    }
                }
                Line { y: *y, words }
            })
            .collect()
    }

    #[test]
    fn vertically_centred_cells_go_to_the_number_at_their_centre() {
        // Body pitch 16; cells centred on their row's number, rows 18 apart,
        // so a cell's first lines sit above its number, right under the
        // row before, with no wider gap between rows than inside a cell.
        let (name, unit, due) = (60.0, 200.0, 300.0);
        let lines = placed(&[
            (
                -40.0,
                &[
                    (20.0, "TT"),
                    (name, "Tên nhiệm vụ"),
                    (unit, "Đơn vị chủ trì"),
                    (due, "Thời hạn"),
                ],
            ),
            (-84.0, &[(name, "Xây dựng các ứng")]),
            (
                -100.0,
                &[
                    (20.0, "1."),
                    (name, "dụng, dịch vụ số"),
                    (unit, "Sở Nội vụ"),
                    (due, "2026"),
                ],
            ),
            (-116.0, &[(name, "cho cơ quan đảng")]),
            (-134.0, &[(name, "Rà soát, xây dựng")]),
            (-150.0, &[(name, "quy trình, thủ tục"), (unit, "Văn phòng")]),
            (
                -166.0,
                &[
                    (20.0, "2."),
                    (name, "thống nhất về"),
                    (unit, "Trung ương"),
                    (due, "Quý III/2026"),
                ],
            ),
            (-182.0, &[(name, "tiếp nhận văn bản"), (unit, "Đảng")]),
            (-198.0, &[(name, "trên môi trường số")]),
            (-216.0, &[(unit, "Các sở,")]),
            (
                -232.0,
                &[
                    (20.0, "3."),
                    (name, "Tổng kết"),
                    (unit, "ban,"),
                    (due, "2027"),
                ],
            ),
            (-248.0, &[(unit, "ngành")]),
        ]);
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(&lines, &mut used, &BandSettings::default(), 1, None);
        assert_eq!(tables.len(), 1, "one table");
        let r: Vec<Vec<String>> = tables[0]
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.replace('\n', " ")).collect())
            .collect();
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(
            r[1],
            [
                "1.",
                "Xây dựng các ứng dụng, dịch vụ số cho cơ quan đảng",
                "Sở Nội vụ",
                "2026"
            ]
        );
        assert_eq!(
            r[2],
            [
                "2.",
                "Rà soát, xây dựng quy trình, thủ tục thống nhất về tiếp nhận văn bản trên môi trường số",
                "Văn phòng Trung ương Đảng",
                "Quý III/2026"
            ]
        );
        assert_eq!(r[3], ["3.", "Tổng kết", "Các sở, ban, ngành", "2027"]);
    }

    #[test]
    fn cell_text_left_of_its_header_and_group_rows() {
        let text = [
            at(&[
                (0, "TT"),
                (4, "Tên nhiệm vụ"),
                (33, "Đơn vị chủ trì"),
                (50, "Thời gian"),
            ]),
            at(&[
                (0, "I"),
                (4, "NHÓM NHIỆM VỤ VỀ THỂ CHẾ VÀ QUY ĐỊNH CHUNG CỦA TỈNH"),
            ]),
            at(&[
                (0, "1"),
                (4, "Rà soát quy định"),
                (31, "Sở Tư pháp"),
                (50, "2026"),
            ]),
            at(&[(4, "về thủ tục")]),
            at(&[
                (0, "2"),
                (4, "Ban hành quy chế"),
                (31, "Văn phòng"),
                (50, "Quý II"),
            ]),
            at(&[(31, "UBND tỉnh")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[1],
            ["I NHÓM NHIỆM VỤ VỀ THỂ CHẾ VÀ QUY ĐỊNH CHUNG CỦA TỈNH"]
        );
        assert_eq!(
            r[2],
            ["1", "Rà soát quy định về thủ tục", "Sở Tư pháp", "2026"]
        );
        assert_eq!(
            r[3],
            ["2", "Ban hành quy chế", "Văn phòng UBND tỉnh", "Quý II"]
        );
    }

    #[test]
    fn touching_cells_cut_where_the_body_starts_its_columns() {
        // Layout text: the name cell runs into the documents cell and
        // that into the lead cell with one space; a name line's last word
        // reaches past the documents column; starts jitter by a character.
        let text = [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (30, "Văn bản giao"),
                (46, "Đơn vị chủ trì"),
                (64, "Thời hạn"),
            ]),
            at(&[
                (0, "1"),
                (5, "Xây dựng kế hoạch số hoá Kế hoạch số 11- Văn phòng"),
                (64, "2026"),
            ]),
            at(&[
                (5, "dữ liệu trong các cơ"),
                (30, "KH/BCĐ ngày"),
                (46, "Trung ương"),
            ]),
            at(&[(5, "quan tỉnh, thành phố và dữ 27/3/2025")]),
            at(&[
                (0, "2"),
                (5, "Tổng kết"),
                (31, "Kế hoạch 02"),
                (47, "Sở Nội vụ"),
                (64, "Quý IV"),
            ]),
            at(&[(5, "thực hiện"), (29, "Quyết định"), (46, "UBND tỉnh")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(
            r[1],
            [
                "1",
                "Xây dựng kế hoạch số hoá dữ liệu trong các cơ quan tỉnh, thành phố và dữ",
                "Kế hoạch số 11- KH/BCĐ ngày 27/3/2025",
                "Văn phòng Trung ương",
                "2026"
            ]
        );
        assert_eq!(
            r[2],
            [
                "2",
                "Tổng kết thực hiện",
                "Kế hoạch 02 Quyết định",
                "Sở Nội vụ UBND tỉnh",
                "Quý IV"
            ]
        );
    }

    /// The rows of a page's one table as cell texts.
    /// The tables of two pages read in turn, the first page's last table
    /// left open for the second (whether it was), with `settings` on the
    /// second.
    fn two_pages(
        first: &str,
        second: &str,
        settings: &BandSettings,
    ) -> (Vec<PageTable>, bool, Vec<PageTable>) {
        let lines = page(first);
        let mut used = vec![false; lines.len()];
        let (tables, open) = find_tables(&lines, &mut used, &BandSettings::default(), 1, None);
        let lines = page(second);
        let mut used = vec![false; lines.len()];
        let (next, _) = find_tables(&lines, &mut used, settings, 2, open.as_ref());
        (tables, open.is_some(), next)
    }

    fn texts(tables: &[PageTable]) -> Vec<Vec<String>> {
        assert_eq!(tables.len(), 1, "one table");
        tables[0]
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.replace('\n', " ")).collect())
            .collect()
    }

    /// A header of six columns (documents, lead, partners, deadline) and
    /// its first row, every cell filled.
    fn six_columns_and_row_1() -> [String; 2] {
        [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (27, "Văn bản giao"),
                (44, "Đơn vị chủ trì"),
                (61, "Đơn vị phối hợp"),
                (79, "Thời hạn"),
            ]),
            at(&[
                (0, "1"),
                (5, "Xây dựng kế hoạch"),
                (27, "Kế hoạch 05"),
                (44, "Sở Nội vụ"),
                (61, "Sở Tư pháp"),
                (79, "2026"),
            ]),
        ]
    }

    #[test]
    fn a_packed_continuation_page_matches_its_columns_to_the_header() {
        // Layout text leaves out the columns empty on a whole page and
        // moves the columns after them left: on page 2 the units column
        // sits where the lead column was and the deadlines where the
        // partners were; on page 3 the deadlines sit in the lead's place.
        let [header, row_1] = six_columns_and_row_1();
        let first = [
            header,
            row_1,
            at(&[
                (0, "2"),
                (5, "Tổng kết"),
                (27, "Kế hoạch 07"),
                (44, "Văn phòng"),
                (61, "Các sở, ngành"),
                (79, "Quý IV/2026"),
            ]),
        ]
        .join("\n");
        let second = [
            at(&[
                (0, "3"),
                (5, "Phối hợp triển khai"),
                (27, "Kế hoạch 10"),
                (44, "Các cơ quan,"),
                (61, "2026"),
            ]),
            at(&[(44, "đơn vị liên quan")]),
            at(&[
                (0, "4"),
                (5, "Tổng hợp báo cáo"),
                (27, "Kế hoạch 11"),
                (44, "Các sở, ngành"),
                (61, "Quý II/2026"),
            ]),
        ]
        .join("\n");
        let third = [
            at(&[
                (0, "5"),
                (5, "Rà soát quy định"),
                (27, "Kế hoạch 12"),
                (44, "Quý I/2026"),
            ]),
            at(&[
                (0, "6"),
                (5, "Ban hành quy chế"),
                (27, "Kế hoạch 13"),
                (44, "2027"),
            ]),
        ]
        .join("\n");
        let settings = BandSettings {
            packed_columns: true,
            ..BandSettings::default()
        };
        let read = |text: &str, open: Option<&OpenTable>, settings: &BandSettings| {
            let lines = page(text);
            let mut used = vec![false; lines.len()];
            find_tables(&lines, &mut used, settings, 1, open)
        };
        let (tables, open) = read(&first, None, &settings);
        assert_eq!(texts(&tables)[2][4], "Các sở, ngành");
        let open = open.expect("the table runs to the page's end");
        let (tables, _) = read(&second, Some(&open), &settings);
        let r = texts(&tables);
        assert_eq!(
            r[1],
            [
                "3",
                "Phối hợp triển khai",
                "Kế hoạch 10",
                "",
                "Các cơ quan, đơn vị liên quan",
                "2026"
            ]
        );
        assert_eq!(r[2][4..], ["Các sở, ngành", "Quý II/2026"]);
        let (tables, _) = read(&third, Some(&open), &settings);
        let r = texts(&tables);
        assert_eq!(r[1][3..], ["", "", "Quý I/2026"]);
        assert_eq!(r[2][5], "2027");
        // A PDF page keeps its columns where the header put them.
        let (tables, _) = read(&third, Some(&open), &BandSettings::default());
        assert_eq!(texts(&tables)[1][3], "Quý I/2026");
    }

    #[test]
    fn a_reference_run_into_the_cell_before_moves_to_the_documents_column() {
        // Row 1's documents cell touches the name cell on every line, far
        // left of where the column starts under row 2: its pieces end the
        // name lines ("Kế hoạch số", "11-KH/BCĐ", "ngày", the date). Row
        // 2's name mentions a document with no number after it: it stays.
        let text = [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (30, "Văn bản giao"),
                (46, "Đơn vị chủ trì"),
                (64, "Thời hạn"),
            ]),
            at(&[
                (0, "1"),
                (5, "Rà soát, xây Kế hoạch số"),
                (46, "Văn phòng"),
                (64, "2026"),
            ]),
            at(&[(5, "dựng, ban hành 11-KH/BCĐ")]),
            at(&[(5, "quy trình, thủ tục ngày")]),
            at(&[(5, "thống nhất, đồng 27/3/2025")]),
            at(&[(5, "bộ về tiếp nhận")]),
            at(&[
                (0, "2"),
                (5, "Triển khai Kế hoạch"),
                (30, "Kế hoạch 02"),
                (46, "Sở Nội vụ"),
                (64, "Quý IV"),
            ]),
            at(&[(5, "hành động năm"), (30, "ngày 3/4/2025")]),
            at(&[(5, "của tỉnh")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(
            r[1][1..3],
            [
                "Rà soát, xây dựng, ban hành quy trình, thủ tục thống nhất, đồng bộ về tiếp nhận",
                "Kế hoạch số 11-KH/BCĐ ngày 27/3/2025"
            ]
        );
        assert_eq!(
            r[2][1..3],
            [
                "Triển khai Kế hoạch hành động năm của tỉnh",
                "Kế hoạch 02 ngày 3/4/2025"
            ]
        );
    }

    #[test]
    fn a_packed_page_finds_a_column_whose_first_words_touch_the_cell_before() {
        // Page 2 packs the partners column left, against the lead cells:
        // its first words follow the lead's with one space, a character
        // or two left of where its lines with a wide gap start.
        let [header, row_1] = six_columns_and_row_1();
        let first = [
            header,
            row_1,
            at(&[
                (0, "2"),
                (5, "Tổng kết"),
                (27, "Kế hoạch 07"),
                (44, "Văn phòng"),
                (61, "Các sở, ngành"),
                (79, "Quý IV/2026"),
            ]),
        ]
        .join("\n");
        let row = |n: &'static str| {
            [
                at(&[
                    (0, n),
                    (5, "Nghiên cứu, triển khai"),
                    (27, "Kế hoạch 10"),
                    (44, "Ban Cơ yếu Các cơ"),
                    (70, "Thường"),
                ]),
                at(&[
                    (5, "các giải pháp"),
                    (44, "Chính phủ quan, đơn"),
                    (70, "xuyên"),
                ]),
                at(&[(5, "bảo mật"), (55, "vị liên quan")]),
            ]
        };
        let second = [row("3"), row("4")].concat().join("\n");
        let settings = BandSettings {
            packed_columns: true,
            ..BandSettings::default()
        };
        let lines = page(&first);
        let mut used = vec![false; lines.len()];
        let (_, open) = find_tables(&lines, &mut used, &settings, 1, None);
        let open = open.expect("the table runs to the page's end");
        let lines = page(&second);
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(&lines, &mut used, &settings, 2, Some(&open));
        let r = texts(&tables);
        assert_eq!(
            r[1][3..],
            [
                "Ban Cơ yếu Chính phủ",
                "Các cơ quan, đơn vị liên quan",
                "Thường xuyên"
            ]
        );
    }

    #[test]
    fn a_packed_page_moves_a_product_out_of_the_deadline_column() {
        // Row 2 has no deadline: layout text packs its product where the
        // deadlines of the other rows stand. A PDF page keeps it there.
        let text = [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (30, "Đơn vị chủ trì"),
                (48, "Thời hạn"),
                (64, "Sản phẩm"),
            ]),
            at(&[
                (0, "1"),
                (5, "Xây dựng phần mềm"),
                (30, "Văn phòng"),
                (48, "2026"),
                (64, "Phần mềm"),
            ]),
            at(&[
                (0, "2"),
                (5, "Cung cấp tài liệu"),
                (30, "Văn phòng"),
                (48, "Cung cấp cho"),
            ]),
            at(&[(48, "các đại biểu")]),
            at(&[(48, "trong cuộc họp")]),
            // Short, but under a product in the same place.
            at(&[
                (0, "3"),
                (5, "Kiểm phiếu"),
                (30, "Văn phòng"),
                (48, "Phục vụ kiểm"),
            ]),
            at(&[
                (0, "4"),
                (5, "Tổng hợp"),
                (30, "Sở Nội vụ"),
                (48, "Thường xuyên"),
                (64, "Báo cáo"),
            ]),
        ]
        .join("\n");
        let read = |settings: &BandSettings| {
            let lines = page(&text);
            let mut used = vec![false; lines.len()];
            let (tables, _) = find_tables(&lines, &mut used, settings, 1, None);
            texts(&tables)
        };
        let packed = BandSettings {
            packed_columns: true,
            ..BandSettings::default()
        };
        let r = read(&packed);
        assert_eq!(r[2][3..], ["", "Cung cấp cho các đại biểu trong cuộc họp"]);
        assert_eq!(r[3][3..], ["", "Phục vụ kiểm"]);
        assert_eq!(r[4][3..], ["Thường xuyên", "Báo cáo"]);
        assert_eq!(r[1][3..], ["2026", "Phần mềm"]);
        let r = read(&BandSettings::default());
        assert_eq!(r[2][3], "Cung cấp cho các đại biểu trong cuộc họp");
    }

    #[test]
    fn headings_in_capitals_do_not_hide_a_column_start() {
        // The partners column starts at 45 on two lines after a wide gap;
        // two group headings in capitals run across that start. Row 2's
        // partners touch its lead cell.
        let text = [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (25, "Đơn vị chủ trì"),
                (45, "Đơn vị phối hợp"),
                (62, "Thời hạn"),
            ]),
            at(&[
                (0, "I"),
                (4, "NHIỆM VỤ TRỌNG TÂM VỀ CHUYỂN ĐỔI SỐ CỦA NGÀNH"),
            ]),
            at(&[
                (0, "1"),
                (5, "Xây dựng"),
                (25, "Tòa án"),
                (45, "Các đơn vị"),
                (62, "2026"),
            ]),
            at(&[(5, "kế hoạch"), (25, "nhân dân"), (45, "liên quan")]),
            at(&[
                (0, "II"),
                (5, "NHIỆM VỤ ỨNG DỤNG CÁC PHẦN MỀM PHỤC VỤ ĐẠI HỘI"),
            ]),
            at(&[
                (0, "2"),
                (5, "Tổng kết"),
                (25, "Văn phòng Trung Các ban"),
                (62, "Thường"),
            ]),
            at(&[(5, "thực hiện"), (25, "ương Đảng"), (62, "xuyên")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(r[2][2..4], ["Tòa án nhân dân", "Các đơn vị liên quan"]);
        assert_eq!(r[4][2..4], ["Văn phòng Trung ương Đảng", "Các ban"]);
        // The partners' start is seen (not guessed from the whitespace).
        let lines = page(&text);
        let cols: Vec<HeaderColumn> = [(0, 2), (5, 17), (25, 39), (45, 60), (62, 70)]
            .iter()
            .map(|&(a, b)| HeaderColumn {
                text: String::new(),
                x0: a as f64 * 6.5,
                x1: b as f64 * 6.5,
            })
            .collect();
        let initial: Vec<f64> = cols.windows(2).map(|w| (w[0].x1 + w[1].x0) / 2.0).collect();
        let body: Vec<usize> = (1..lines.len()).collect();
        let edges = refine_boundaries(
            &lines,
            &body,
            &cols,
            &initial,
            &BandSettings::default(),
            12.0,
        );
        assert_eq!(edges.starts[2].map(|s| s.lo), Some(45.0 * 6.5));
    }

    #[test]
    fn a_cell_pushed_left_is_cut_where_its_own_lines_start() {
        // The lead cell of row 2 starts three characters left of the
        // column's usual start on every line; its first line touches the
        // documents cell. The row's own lines, not the column's usual
        // start (which "Tổ" would match), say where to cut.
        let text = [
            at(&[
                (0, "TT"),
                (5, "Tên nhiệm vụ"),
                (30, "Văn bản giao"),
                (46, "Đơn vị chủ trì"),
                (64, "Thời hạn"),
            ]),
            at(&[
                (0, "1"),
                (5, "Rà soát quy chế"),
                (30, "Kế hoạch 05"),
                (46, "Sở Tư pháp"),
                (64, "2026"),
            ]),
            at(&[
                (0, "2"),
                (5, "Phối hợp nghiên cứu"),
                (30, "Thông báo số Ban Tổ"),
                (64, "2026"),
            ]),
            at(&[(5, "chính sách"), (30, "06"), (43, "chức Trung")]),
            at(&[(43, "ương")]),
            at(&[
                (0, "3"),
                (5, "Tổng kết"),
                (30, "Kế hoạch 07"),
                (46, "Văn phòng"),
                (64, "Quý IV"),
            ]),
            at(&[(46, "UBND tỉnh")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(
            r[2],
            [
                "2",
                "Phối hợp nghiên cứu chính sách",
                "Thông báo số 06",
                "Ban Tổ chức Trung ương",
                "2026"
            ]
        );
        assert_eq!(r[3][3], "Văn phòng UBND tỉnh");
    }
    /// The header line of the small tables below.
    fn small_header() -> String {
        at(&[
            (0, "TT"),
            (6, "Tên nhiệm vụ"),
            (30, "Đơn vị chủ trì"),
            (50, "Thời hạn"),
        ])
    }

    /// Row 1 of the small tables.
    fn first_row() -> String {
        at(&[
            (0, "1"),
            (6, "Rà soát quy định"),
            (30, "Sở Tư pháp"),
            (50, "2026"),
        ])
    }

    #[test]
    fn the_wrapped_stop_of_a_row_number_is_no_name_text() {
        let text = [
            small_header(),
            at(&[
                (0, "2.10"),
                (6, "Bảo đảm hạ tầng"),
                (30, "Sở Tư pháp"),
                (50, "2026"),
            ]),
            at(&[(0, "."), (6, "kỹ thuật")]),
            at(&[(0, "2.11"), (6, "Rà soát"), (30, "Sở Nội vụ"), (50, "2027")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(r[1][1], "Bảo đảm hạ tầng kỹ thuật");
    }

    #[test]
    fn a_heading_in_capitals_keeps_its_wrapped_rest() {
        // The heading wraps onto a line in capitals right above the next
        // row's number; that row's cells are vertically centred, so its
        // name could start above its number, but not on the heading's rest.
        let text = [
            small_header(),
            first_row(),
            at(&[(0, "III"), (6, "NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH TÒA ÁN NHÂN")]),
            at(&[(6, "DÂN")]),
            at(&[
                (0, "1"),
                (6, "Khẩn trương triển khai"),
                (30, "Tòa án"),
                (50, "Thường"),
            ]),
            at(&[(6, "hoàn thành các dự án"), (30, "nhân dân"), (50, "xuyên")]),
            at(&[(6, "chuyển đổi số")]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(
            r[2],
            ["III NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH TÒA ÁN NHÂN DÂN"],
            "{r:?}"
        );
        assert_eq!(
            r[3][1],
            "Khẩn trương triển khai hoàn thành các dự án chuyển đổi số"
        );
        // A line in capitals under a row of ordinary text is its text.
        let text = text.replace("NHIỆM VỤ TRỌNG TÂM CỦA", "Nhiệm vụ của");
        let r = rows(&text);
        assert!(r[2][1].ends_with("DÂN"), "{r:?}");
    }

    #[test]
    fn a_wrapped_heading_after_the_table_is_no_row_of_it() {
        let text = [
            small_header(),
            first_row(),
            at(&[(0, "III. NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH TÒA ÁN NHÂN")]),
            at(&[(0, "DÂN")]),
            at(&[(
                4,
                "Các nhiệm vụ trọng tâm của ngành cần tập trung thực hiện, trong",
            )]),
            at(&[(
                0,
                "đó các nhiệm vụ đều rõ việc, rõ cơ quan chủ trì, thời hạn hoàn thành.",
            )]),
        ]
        .join("\n");
        let r = rows(&text);
        assert_eq!(r.len(), 2, "{r:?}");
    }

    #[test]
    fn a_page_with_only_the_rest_of_the_last_row_continues_it() {
        let first = [small_header(), first_row()].join("\n");
        let lines = page(&first);
        let mut used = vec![false; lines.len()];
        let (_, open) = find_tables(&lines, &mut used, &BandSettings::default(), 1, None);
        assert!(open.is_some(), "a table at the page bottom stays open");
        let rest = [at(&[(6, "về thủ tục hành")]), at(&[(6, "chính")])].join("\n");
        let lines = page(&rest);
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(
            &lines,
            &mut used,
            &BandSettings::default(),
            2,
            open.as_ref(),
        );
        assert_eq!(tables.len(), 1);
        let cut = &tables[0].table.rows[1];
        assert_eq!(cut.cells[0].text, "");
        assert_eq!(cut.cells[1].text, "về thủ tục hành\nchính");
        // Without a table left open, the lines are no table.
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(&lines, &mut used, &BandSettings::default(), 2, None);
        assert!(tables.is_empty());
    }

    #[test]
    fn a_quarter_cut_from_its_word_keeps_a_packed_page_in_its_deadline_column() {
        // pl_b landscape ruled, last page: row 3.39's "Quý" stays on the
        // page before, its "III/2026" opens this page; row 3.40 wraps "Quý"
        // over "III/2026". The units columns are empty on the page, so
        // layout text packs the deadlines left, under the lead's header.
        let [header, row_1] = six_columns_and_row_1();
        let first = [
            header,
            row_1,
            at(&[
                (0, "2"),
                (5, "Phát triển ứng dụng"),
                (27, "Kế hoạch số 11-"),
                (79, "Quý"),
            ]),
        ]
        .join("\n");
        let second = [
            at(&[
                (5, "số về tuyên giáo"),
                (27, "KH/BCĐ ngày"),
                (43, "III/2026"),
            ]),
            at(&[(5, "và dân vận"), (27, "27/3/2025")]),
            at(&[
                (0, "3"),
                (5, "Phát triển hệ thống"),
                (27, "Kế hoạch số 11-"),
                (45, "Quý"),
            ]),
            at(&[
                (5, "bảo vệ sức khoẻ"),
                (27, "KH/BCĐ ngày"),
                (43, "III/2026"),
            ]),
            at(&[(27, "27/3/2025")]),
        ]
        .join("\n");
        let packed = BandSettings {
            packed_columns: true,
            ..BandSettings::default()
        };
        let (_, open, next) = two_pages(&first, &second, &packed);
        assert!(open);
        let rows = texts(&next);
        let last = rows.last().expect("row 3");
        assert_eq!(last[0], "3");
        assert_eq!(last[3..], ["", "", "Quý III/2026"]);
    }

    #[test]
    fn a_run_ending_short_of_where_the_lines_around_start_the_next_column_stays_whole() {
        // pl_a ruled, one page of layout text: rows 2.8–2.9 start their
        // documents at column 35, the rows after the heading "7." at column
        // 30, so the page's boundary falls at 30, inside "thiết bị đầu".
        let text = [
            at(&[
                (0, "TT"),
                (12, "Tên nhiệm vụ"),
                (35, "Văn bản giao"),
                (50, "Đơn vị"),
            ]),
            at(&[
                (0, "2.8."),
                (7, "Nghiên cứu, chỉ đạo"),
                (35, "Thông báo số"),
                (50, "Bộ Công"),
            ]),
            at(&[
                (7, "bảo đảm hạ tầng năng lượng"),
                (35, "19-TB/TGV"),
                (50, "thương"),
            ]),
            at(&[
                (0, "2.9."),
                (7, "Bảo đảm các hạ tầng, kỹ"),
                (35, "Kế hoạch số"),
                (50, "Học viện"),
            ]),
            at(&[
                (7, "thuật, mạng, thiết bị đầu"),
                (35, "04-KH/CQTTBCD"),
                (50, "Chính trị"),
            ]),
            at(&[
                (7, "cuối cho người dùng"),
                (35, "20/10/2025"),
                (50, "quốc gia"),
            ]),
            at(&[(50, "Hồ Chí Minh;")]),
            at(&[(50, "Tạp chí")]),
            at(&[(50, "Cộng sản")]),
            at(&[(0, "7."), (7, "Phát triển nguồn nhân lực")]),
            at(&[
                (0, "7.1."),
                (7, "Bồi dưỡng cán bộ"),
                (30, "Kế hoạch số"),
                (50, "Ban Tổ chức"),
            ]),
            at(&[
                (7, "về chuyển đổi số"),
                (30, "11-KH/BCĐ"),
                (50, "Trung ương"),
            ]),
            at(&[
                (0, "7.2."),
                (7, "Đào tạo, tập huấn"),
                (30, "Kế hoạch số"),
                (50, "Văn phòng"),
            ]),
            at(&[(7, "cho cán bộ"), (30, "11-KH/BCĐ"), (50, "Trung ương")]),
            at(&[
                (0, "7.3."),
                (7, "Tổ chức tập huấn"),
                (30, "Kế hoạch số"),
                (50, "Văn phòng"),
            ]),
            at(&[(7, "chuyên sâu"), (30, "11-KH/BCĐ"), (50, "Trung ương")]),
        ]
        .join("\n");
        let rows = rows(&text);
        let row = rows.iter().find(|r| r[0] == "2.9.").expect("row 2.9");
        assert_eq!(
            row[1],
            "Bảo đảm các hạ tầng, kỹ thuật, mạng, thiết bị đầu cuối cho người dùng"
        );
        assert_eq!(row[2], "Kế hoạch số 04-KH/CQTTBCD 20/10/2025");
        let row = rows.iter().find(|r| r[0] == "7.1.").expect("row 7.1");
        assert_eq!(
            row[1..3],
            ["Bồi dưỡng cán bộ về chuyển đổi số", "Kế hoạch số 11-KH/BCĐ"]
        );
    }

    #[test]
    fn a_centred_name_cell_starts_on_its_capital_not_on_a_wrapped_rest() {
        // LibreOffice's borderless table in layout text (pl_a): row 1.7 is
        // cut by the page break, its rest fills the next page from the top;
        // the names of rows 1.8 and 1.9 are centred on their numbers, their
        // lines spaced unevenly by the lines of other columns printed
        // between them, so spacing alone ties a cut before "Xây dựng" with
        // one two lines earlier or later. Those would open row 1.8 on "sang
        // không gian", row 1.9 on "chế, hướng dẫn", and give "kiểm tra, giám
        // sát" to the heading "2.".
        // The header LibreOffice repeats on every page.
        let header = r#"                                                                           Thời
                                     Văn bản
                                                   Đơn vị      Đơn vị      gian       Sản
TT          Tên nhiệm vụ            giao nhiệm
                                                   chủ trì    phối hợp     hoàn      phẩm
                                        vụ
                                                                          thành"#;
        let first = format!(
            "{header}\n{}",
            r#"1.7.   Các cơ quan đảng, Mặt      Kế hoạch số   Cơ quan    VPTWĐ        2025-
       trận Tổ quốc Việt Nam      11-KH/BCĐ     TW;                     2028
       xây dựng đề án, kiến       ngày          MTTQ
       trúc chuyển đổi số và kế   27/3/2025
       hoạch hàng năm để thực"#
        );
        let second = format!(
            "{header}\n{}",
            r#"       trong các cơ quan đảng;
       điều chỉnh các văn bản
       có liên quan để phù hợp
       với tiến trình chuyển đổi
       số, cải cách thủ tục hành
       chính, đổi mới phương
       thức lãnh đạo, chỉ đạo,
       quản lý, tuyên truyền
       trên môi trường số thông
       suốt, hiệu quả; triển khai
       tái cấu trúc, đổi mới mô
       hình hoạt động, điều
       hành và mô hình nghiệp
       vụ từ "truyền thống"
       sang không gian số dựa
       trên dữ liệu số
       Xây dựng, bổ sung các
                                                  Ban Tuyên
       văn bản quy định, quy        Kế hoạch số
                                                  giáo và     Các cơ
       chế, hướng dẫn triển         11-KH/BCĐ                               Quý
1.8.                                              Dân vận     quan liên
       khai sử dụng các hệ          ngày                                  III/2026
                                                  Trung       quan
       thông trong tuyên giáo,      27/3/2025
                                                  ương
       dân vận
       Xây dựng, bổ sung các
       văn bản quy định, quy
                                    Kế hoạch số   Ủy ban
       chế, hướng dẫn triển                                   Các cơ
                                    11-KH/BCĐ     Kiểm tra                  Quý
1.9.   khai sử dụng các hệ                                    quan liên
                                    ngày          Trung                   III/2026
       thông trong lĩnh vực                                   quan
                                    27/3/2025     ương
       kiểm tra, giám sát, kỷ
       luật đảng
 2.    Phát triển hạ tầng số
2.1.   Hoàn thành tái cấu trúc      Kế hoạch số   Văn phòng BCA            2026
       toàn diện hạ tầng công       11-KH/BCĐ     Trung
       nghệ thông tin của các       ngày          ương Đảng
       cơ quan đảng, chuyển         27/3/2025
       đổi hạ tầng công nghệ
       thông tin thành hạ tầng
       số ứng dụng công nghệ
       điện toán đám mây
       (Trung tâm dữ liệu bao
       gồm DC và DR, hạ tầng
       tính toán sử dụng công"#
        );
        let read = |settings: &BandSettings| {
            let (_, open, tables) = two_pages(&first, &second, settings);
            assert!(open, "row 1.7 goes on");
            texts(&tables)
        };
        let table = read(&BandSettings::default());
        assert!(table[1][1].ends_with("sang không gian số dựa trên dữ liệu số"));
        assert_eq!(table[2][1], "Xây dựng, bổ sung các văn bản quy định, quy chế, hướng dẫn triển khai sử dụng các hệ thông trong tuyên giáo, dân vận");
        assert_eq!(table[3][1], "Xây dựng, bổ sung các văn bản quy định, quy chế, hướng dẫn triển khai sử dụng các hệ thông trong lĩnh vực kiểm tra, giám sát, kỷ luật đảng");
        assert_eq!(table[4], ["2. Phát triển hạ tầng số"]);
        // Without the cue, the cuts slip.
        let mut settings = BandSettings::default();
        settings.rows.lowercase_start = 0.0;
        assert_ne!(read(&settings)[2][1], table[2][1]);
    }

    #[test]
    fn a_header_label_closes_its_parentheses_and_a_cut_row_goes_on_over_the_page() {
        // Chromium's print of an HTML table in layout text (pl_f): the
        // header "Kết quả (các phần mềm đã sẵn sàng)" ends two lines under
        // the "TT" line, and row 2 goes on at the top of the next page
        // ("công nghệ AI)"), one line above row 3's number.
        let first = r#"                                                                                Kết quả
                                           Đơn vị          Đơn vị
 TT            Tên nhiệm vụ                                               (các phần mềm đã
                                           chủ trì        phối hợp
                                                                               sẵn sàng)
  1    Phần mềm cung cấp các tài        Văn phòng       Các cơ quan,    Cung cấp cho các đại
       liệu điện tử phục vụ đại biểu    Trung ương      đơn vị liên     biểu sử dụng trong các
                                        Đảng            quan            cuộc họp của Bộ Chính
                                                                        trị, Ban Bí thư và Hội
                                                                        nghị Trung ương.
  2    Phần mềm hỗ trợ tổng hợp ý       Văn phòng       Các cơ quan,    Phục vụ thảo luận Tổ
       kiến thảo luận tại tổ (sử dụng   Trung ương      đơn vị liên     tại Đại hội XIV của"#;
        let second = r#"                                                                        Kết quả
                                       Đơn vị        Đơn vị
TT           Tên nhiệm vụ                                         (các phần mềm đã
                                       chủ trì      phối hợp
                                                                       sẵn sàng)
     công nghệ AI)                  Đảng          quan           Đảng
3    Phần mềm kiểm phiếu lấy ý       Văn phòng    Các cơ quan,   Phục vụ kiểm phiếu
     kiến biểu quyết của đại biểu về Trung ương   đơn vị liên    lấy ý kiến biểu quyết
     dự thảo văn kiện                Đảng         quan           của đại biểu về dự thảo
                                                                 văn kiện
4    Phần mềm “Trợ lý ảo phục vụ    Văn phòng     Các cơ quan,   Hỗ trợ công tác tổ
     công tác tổ chức đại hội”      Trung ương    đơn vị liên    chức đại hội
                                    Đảng          quan"#;
        let (tables, open, next) = two_pages(first, second, &BandSettings::default());
        assert!(open, "row 2 goes on");
        let table = texts(&tables);
        assert!(table[0][4].ends_with("sẵn sàng)"), "{:?}", table[0]);
        assert!(table[1][4].starts_with("Cung cấp"), "{:?}", table[1]);
        let table = texts(&next);
        // Row 0: the rest of row 2; row 3 opens on its own name.
        assert_eq!(table[1][1], "công nghệ AI)");
        assert_eq!(
            table[2][1],
            "Phần mềm kiểm phiếu lấy ý kiến biểu quyết của đại biểu về dự thảo văn kiện"
        );
    }

    #[test]
    fn a_section_heading_after_a_table_is_no_row_of_it() {
        // Chromium's print (pl_f): section II's heading and its intro follow
        // section I's table, then section II's own table opens with a group
        // row "I. Về nền tảng" (sentence case: a group, not a section).
        let text = r#"                                          Văn bản
                                                               Đơn vị         Đơn vị       Thời gian
 TT             Tên nhiệm vụ            giao nhiệm
                                                               chủ trì       phối hợp     hoàn thành
                                             vụ
 7.7.   Tổ chức tập huấn về chuyển       Kế hoạch số      Tỉnh ủy,                         Thường
        đổi số, kỹ năng số cho           11-KH/BCĐ        thành ủy                          xuyên
                                         ngày
                                         27/3/2025
 7.8.   Tổ chức tập huấn về chuyển       Kế hoạch số      Văn phòng Các ban                Thường
        đổi số, kỹ năng số cho cán bộ    11-KH/BCĐ        Trung ương đảng ở                 xuyên
        lãnh đạo, cán bộ nghiệp vụ       ngày             Đảng       Trung ương
        các cơ quan đảng ở Trung         27/3/2025
        ương

II. NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH KIỂM SÁT NHÂN DÂN
     Các nhiệm vụ trọng tâm của ngành Kiểm sát nhân dân cần tập trung thực hiện, trong đó các
nhiệm vụ đều rõ việc, rõ cơ quan chủ trì, cơ quan phối hợp, thời hạn hoàn thành, kết quả:

                                                                                          Thời gian
                                           Đơn vị         Đơn vị
 TT            Tên nhiệm vụ                                                 Kết quả         hoàn
                                           chủ trì       phối hợp
                                                                                           thành
  I.    Về nền tảng
  1     Triển khai QLAHS trong           Cục 2          Các đơn vị       Triển khai các     Tháng
        ngành Kiểm sát nhân dân                         liên quan        mục tiêu          01/2026
                                                                         nhiệm vụ theo
                                                                         Kế hoạch số
                                                                                   Thời gian
                                         Đơn vị        Đơn vị"#;
        let lines = page(text);
        let mut used = vec![false; lines.len()];
        let (tables, _) = find_tables(&lines, &mut used, &BandSettings::default(), 1, None);
        assert_eq!(tables.len(), 2);
        let first = texts(&tables[..1]);
        assert!(
            first.last().is_some_and(|row| row[0] == "7.8."),
            "{first:?}"
        );
        assert!(
            !used[lines
                .iter()
                .position(|l| l.text().starts_with("II."))
                .unwrap_or(0)]
        );
        let second = texts(&tables[1..]);
        assert_eq!(second[1], ["I. Về nền tảng"]);
    }

    #[test]
    fn a_page_with_its_header_again_and_only_the_rest_of_the_last_row_continues_it() {
        let first = [small_header(), first_row()].join("\n");
        let rest = [
            small_header(),
            at(&[(6, "về thủ tục hành"), (30, "và Sở Nội vụ")]),
            at(&[(6, "chính")]),
        ]
        .join("\n");
        let (_, open, tables) = two_pages(&first, &rest, &BandSettings::default());
        assert!(open);
        let rows = texts(&tables);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[1][1], "về thủ tục hành chính");
        assert_eq!(rows[1][2], "và Sở Nội vụ");
        // Under a header of another table, the lines are no table.
        let other = rest.replace("Thời hạn", "Sản phẩm");
        let (_, _, tables) = two_pages(&first, &other, &BandSettings::default());
        assert!(tables.is_empty());
    }

    #[test]
    fn a_deadline_word_run_into_the_cell_before_goes_back() {
        let word = |text: &str, x0: f64, line: f64| Word {
            text: text.to_string(),
            x0,
            x1: x0 + 6.5 * text.chars().count() as f64,
            y: -12.0 * line,
            size: 10.0,
        };
        let roles = [Role::Number, Role::Name, Role::Coordinating, Role::Deadline];
        // One row: its name, the partners' cell "Các đơn vị" + `first`
        // over "liên quan" + `second` (on line `below`), its deadline cell.
        let row = |first: Option<Word>, below: f64, second: Word, deadline: Vec<Word>| {
            let mut partners = vec![
                word("Các", 200.0, 0.0),
                word("đơn", 225.0, 0.0),
                word("vị", 250.0, 0.0),
            ];
            partners.extend(first);
            partners.extend([
                word("liên", 200.0, below),
                word("quan", 230.0, below),
                second,
            ]);
            vec![vec![
                vec![],
                vec![word("Tiên phong", 30.0, 0.0)],
                partners,
                deadline,
            ]]
        };
        // "Các đơn vị Thường" over "liên quan   xuyên": "Thường" stands in
        // the deadline column, "xuyên" ran into the partners' cell.
        let mut rows = row(
            None,
            1.0,
            word("xuyên", 275.0, 1.0),
            vec![word("Thường", 270.0, 0.0)],
        );
        deadline_words_out_of_cells_before(&mut rows, &roles);
        let texts = |words: &[Word]| words.iter().map(|w| w.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&rows[0][3]), ["Thường", "xuyên"]);
        assert_eq!(texts(&rows[0][2]), ["Các", "đơn", "vị", "liên", "quan"]);
        // A partner's last word that makes no deadline stays.
        let mut rows = vec![vec![
            vec![],
            vec![word("Rà soát", 30.0, 0.0)],
            vec![word("Sở", 200.0, 0.0), word("Nội vụ", 220.0, 0.0)],
            vec![word("Quý", 270.0, 1.0)],
        ]];
        deadline_words_out_of_cells_before(&mut rows, &roles);
        assert_eq!(texts(&rows[0][2]), ["Sở", "Nội vụ"]);
        // "Các đơn vị Thường" over an empty line and "liên quan   xuyên",
        // the deadline cell empty: both words ran into the partners' cell.
        // Words that do not stand one under the other stay.
        let stacked = |x_second: f64| {
            row(
                Some(word("Thường", 270.0, 0.0)),
                2.0,
                word("xuyên", x_second, 2.0),
                vec![],
            )
        };
        let mut rows = stacked(276.5);
        deadline_words_out_of_cells_before(&mut rows, &roles);
        assert_eq!(texts(&rows[0][3]), ["Thường", "xuyên"]);
        assert_eq!(texts(&rows[0][2]), ["Các", "đơn", "vị", "liên", "quan"]);
        let mut rows = stacked(300.0);
        deadline_words_out_of_cells_before(&mut rows, &roles);
        assert!(rows[0][3].is_empty());
        // "VPTWĐ và 2025 - 2028" (pl_f, Chromium): the start of a range of
        // years ran into the partners' cell; a number ending a unit stays.
        let mut rows = vec![
            vec![
                vec![],
                vec![word("Tổ chức", 30.0, 0.0)],
                vec![
                    word("VPTWĐ", 200.0, 0.0),
                    word("và", 240.0, 0.0),
                    word("2025", 255.0, 0.0),
                    word("-", 285.0, 0.0),
                    word("các", 200.0, 1.0),
                ],
                vec![word("2028", 295.0, 0.0)],
            ],
            vec![
                vec![],
                vec![word("Tập huấn", 30.0, 2.0)],
                vec![word("Quân khu", 200.0, 2.0), word("7", 260.0, 2.0)],
                vec![word("2026", 295.0, 2.0)],
            ],
        ];
        deadline_words_out_of_cells_before(&mut rows, &roles);
        assert_eq!(texts(&rows[0][3]), ["2025", "-", "2028"]);
        assert_eq!(texts(&rows[0][2]), ["VPTWĐ", "và", "các"]);
        assert_eq!(texts(&rows[1][2]), ["Quân khu", "7"]);
        assert_eq!(texts(&rows[1][3]), ["2026"]);
        // A year packed into the products column beside an empty deadline
        // is the deadline; a product stays.
        let roles = [Role::Number, Role::Name, Role::Deadline, Role::Result];
        let mut rows = vec![
            vec![
                vec![],
                vec![word("Phát triển", 30.0, 0.0)],
                vec![],
                vec![word("2026", 270.0, 0.0)],
            ],
            vec![
                vec![],
                vec![word("Xây dựng", 30.0, 2.0)],
                vec![],
                vec![word("Phần mềm", 270.0, 2.0)],
            ],
        ];
        products_out_of_deadlines(&mut rows, &roles);
        assert_eq!(texts(&rows[0][2]), ["2026"]);
        assert!(rows[0][3].is_empty());
        assert_eq!(texts(&rows[1][3]), ["Phần mềm"]);
    }

    #[test]
    fn a_repeated_header_has_the_shape_of_the_first() {
        // Chromium's print (pl_d tall): the header has one label line
        // under "TT"; on the next page the row's rest starts right under
        // the repeated header with "cơ quan đơn vị", words a header may hold.
        let first = r#"                                               Đơn           Đơn        Thời    Sản
TT         Nhiệm vụ          Văn bản giao
                                            vị chủ trì   vị phối hợp    hạn    phẩm
5.2.   Xây dựng, nâng        Kế hoạch số                  Các cơ quan,   2026
       cấp, bổ sung hệ       11-KH/BCĐ                    đơn vị liên
       thống giám sát an     ngày                         quan
       toàn, an ninh         27/3/2025
       thông tin của các
       cơ quan đảng với
       công nghệ hiện
       đại, có tính kế
       thừa, linh hoạt mở
       rộng, bảo đảm
       hiệu quả việc
       giám sát, phát
       hiện, cảnh báo
       sớm và ngăn chặn
       những hành vi bất
       thường, nguy cơ
       tấn công đánh cắp
       dữ liệu; kết nối,
       chia sẻ dữ liệu với
       hệ thống giám sát
       an toàn, an ninh
       thông tin mạng
       của Bộ Quốc
       phòng, Bộ Công
       an, Ban Cơ yếu
       Chính phủ và các"#;
        let second = r#"                                               Đơn           Đơn         Thời      Sản
TT         Nhiệm vụ          Văn bản giao
                                            vị chủ trì   vị phối hợp     hạn      phẩm
       cơ quan đơn vị
       liên quan."#;
        let (_, open, tables) = two_pages(first, second, &BandSettings::default());
        assert!(open);
        let rows = texts(&tables);
        assert_eq!(rows[1][1], "cơ quan đơn vị liên quan.");
    }

    #[test]
    fn a_wrapped_row_number_centres_its_row_on_both_lines() {
        // LibreOffice's borderless table (pl_a): "2.10" wraps in its narrow
        // cell ("2.10" over "."), and the row is centred on both lines; on
        // the number line alone, the cut would give "đầu cuối cho người
        // dùng …" to row 2.11.
        let text = r#"                                                                       Thời
                               Văn bản
                                              Đơn vị       Đơn vị      gian      Sản
TT        Tên nhiệm vụ        giao nhiệm
                                              chủ trì     phối hợp     hoàn     phẩm
                                  vụ
                                                                      thành
     Bảo đảm các hạ tầng kỹ
     thuật, băng thông đường
     truyền, thiết bị và giải
2.10                                                                  Thường
     pháp an toàn thông tin;
  .                                                                    xuyên
     trang bị đầy đủ thiết bị
     đầu cuối cho người dùng
     Các tỉnh ủy, thành ủy
     Rà soát nâng cấp hoặc
     sử dụng Trung tâm dữ
2.11                                                                    Quý
     liệu dùng chung của
  .                                                                   II/2026
     tỉnh, thành Các tỉnh ủy,
     thành ủy
 7. Phát triển nguồn nhân lực"#;
        let rows = rows(text);
        assert_eq!(
            rows[1][1],
            "Bảo đảm các hạ tầng kỹ thuật, băng thông đường truyền, thiết bị và giải pháp an toàn \
             thông tin; trang bị đầy đủ thiết bị đầu cuối cho người dùng Các tỉnh ủy, thành ủy"
        );
        assert!(rows[2][1].starts_with("Rà soát nâng cấp"), "{:?}", rows[2]);
    }
}
