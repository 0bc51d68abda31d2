//! Rebuilding table rows from flat text, where a PDF extractor wrote every
//! cell of a row as short lines in column order, repeated the header at
//! page breaks (sometimes in the middle of a row, after which the rest of
//! the row's cells continue), and sometimes put the end of one cell and the
//! start of the next on one line.
//!
//! Each row's lines are cut into pieces, and the pieces are assigned to the
//! table's columns (in order, any cell possibly empty) by dynamic
//! programming over a score of how well each candidate cell fits its column:
//! document-reference and deadline grammars, unit vocabulary, and the
//! column's wrap width learned from the table itself.

use super::columns::{header_from_lines, opens_header, ColumnModel, Role};
use super::deadline::{is_clean, is_clean_deadline, parse_deadline};
use super::docref::{find_date, mentions_document, starts_with_reference};
use super::numbering::{is_plausible_next, RowNumber};
use super::rows::{RawRow, RawTable};
use super::units::{bare_head_tail, looks_like_unit, starts_with_unit_head, Gazetteer};
use super::width::{robust_max, text_width, wrap_violations};
use crate::model::DeadlineKind;
use crate::model::{Location, Warning};
use crate::normalize::join_lines;
use crate::source_doc::TextLine;
use std::collections::HashMap;

mod apart;
mod blocks;
mod interleaved;
mod woven;

/// What flat text holds, in reading order.
#[derive(Debug, Clone)]
pub enum FlatItem {
    /// A line outside any table.
    Line(TextLine),
    /// A table rebuilt from its lines.
    Table(RawTable),
}

/// One piece of a row: a line, or part of a line where two cells share it,
/// with the features the cell scores use (computed once).
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    /// Index of the input line the piece comes from.
    line: usize,
    /// Starts with a capital letter or a bullet.
    opens: bool,
    /// Reads as a whole deadline.
    deadline: bool,
    /// Holds a datable part (a month, quarter, date or year phrase).
    datable: bool,
    /// Every word belongs to a document reference.
    documentary: bool,
    /// Holds a full date.
    dated: bool,
    /// Starts with a document reference that has a number.
    reference: bool,
    /// Starts with a document type word ("Kế hoạch số").
    opens_reference: bool,
    /// Cites a numbered document anywhere.
    cites: bool,
    /// Names a unit.
    unit: bool,
    /// Number of words.
    words: usize,
    /// Estimated printed width.
    width: f64,
    /// Estimated printed width of the first word.
    first_word_width: f64,
    /// The first word could begin a deadline ("Quý", "Thường", "2026", ...).
    deadline_start: bool,
    /// A cell may start at this piece: always, except inside a block of
    /// block-mode text ([`blocks`]), where a block is one cell.
    cell_start: bool,
    /// The piece starts the right-hand cell of a woven block ([`woven`]):
    /// in a slot merging the lead and coordinating columns it joins the
    /// left-hand cell at no cost.
    woven_right: bool,
}

impl Piece {
    fn new(text: &str, line: usize, gazetteer: &Gazetteer) -> Piece {
        let parsed = parse_deadline(text, Some(2000));
        let starts_ref = starts_with_reference(text);
        Piece {
            text: text.to_string(),
            line,
            opens: text.starts_with(|c: char| c.is_uppercase() || matches!(c, '-' | '+' | '•')),
            deadline: parsed.as_ref().is_some_and(|p| is_clean(p, text)),
            datable: parsed
                .as_ref()
                .is_some_and(|p| p.deadline.kind != DeadlineKind::Other),
            documentary: looks_documentary(text),
            dated: find_date(text).is_some(),
            reference: starts_ref && mentions_document(text),
            opens_reference: starts_ref,
            cites: mentions_document(text),
            unit: looks_like_unit(text, gazetteer),
            words: text.split_whitespace().count(),
            width: text_width(text),
            first_word_width: text_width(text.split_whitespace().next().unwrap_or("")),
            deadline_start: could_start_deadline(text),
            cell_start: true,
            woven_right: false,
        }
    }
}

/// A row's pieces, split where the header repeated (page breaks).
#[derive(Debug, Clone)]
struct PendingRow {
    number: RowNumber,
    segments: Vec<Vec<Piece>>,
    at: Location,
}

/// The columns the row assigner fills, in order: the model's columns after
/// the number, with adjacent lead and coordinating columns merged (they are
/// split afterwards by [`split_units`]).
#[derive(Debug, Clone)]
struct Slots {
    roles: Vec<Role>,
    /// For each slot, the model columns it fills.
    columns: Vec<Vec<usize>>,
}

impl Slots {
    /// The model's columns after the number; `merge_units` joins adjacent
    /// lead and coordinating columns into one slot.
    fn of(model: &ColumnModel, merge_units: bool) -> Slots {
        let mut roles: Vec<Role> = Vec::new();
        let mut columns: Vec<Vec<usize>> = Vec::new();
        for (i, col) in model.columns.iter().enumerate() {
            if col.role == Role::Number {
                continue;
            }
            let merge =
                merge_units && col.role == Role::Coordinating && roles.last() == Some(&Role::Lead);
            if merge {
                if let Some(last) = columns.last_mut() {
                    last.push(i);
                }
            } else {
                roles.push(col.role);
                columns.push(vec![i]);
            }
        }
        Slots { roles, columns }
    }
}

/// Rebuild the tables of flat text; lines outside tables pass through. A
/// table whose number column stands apart from its cells ([`apart`]) is
/// not rebuilt: its rows are accounted as warnings.
pub fn rebuild(lines: &[TextLine], gazetteer: &Gazetteer) -> Vec<FlatItem> {
    let Some(apart) = apart::find(lines, &apart::ApartSettings::default()) else {
        return rebuild_tables(lines, gazetteer);
    };
    let mut items = rebuild_tables(&lines[..apart.start], gazetteer);
    items.push(FlatItem::Table(apart.table));
    items.extend(rebuild_tables(&lines[apart.end..], gazetteer));
    items
}

/// Rebuild the tables of flat text whose rows can be rebuilt.
fn rebuild_tables(lines: &[TextLine], gazetteer: &Gazetteer) -> Vec<FlatItem> {
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let starts = blocks::block_starts(lines);
    let mut items = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if opens_header(texts[i]) {
            let read = match blocks::header_from_blocks(&texts, &starts, i) {
                Some((model, used)) => Some((model, used, Some(starts.as_slice()))),
                None => header_from_lines(&texts[i..]).map(|(m, used)| (m, used, None)),
            };
            if let Some((model, used, block_starts)) = read {
                let text = TableText {
                    lines,
                    texts: &texts,
                    block_starts,
                };
                let (table, next) = read_table(&text, i, used, model, gazetteer);
                items.push(FlatItem::Table(table));
                i = next;
                continue;
            }
        }
        items.push(FlatItem::Line(lines[i].clone()));
        i += 1;
    }
    items
}

/// The lines a table is read from.
struct TableText<'a> {
    lines: &'a [TextLine],
    texts: &'a [&'a str],
    /// In block mode, whether each line starts a block (see [`blocks`]).
    block_starts: Option<&'a [bool]>,
}

/// Read one table starting at its header; returns it and the next line index.
fn read_table(
    text_in: &TableText,
    start: usize,
    header_len: usize,
    model: ColumnModel,
    gazetteer: &Gazetteer,
) -> (RawTable, usize) {
    let (lines, texts) = (text_in.lines, text_in.texts);
    let signature = model.signature();
    let mut rows: Vec<PendingRow> = Vec::new();
    let mut warnings = Vec::new();
    let mut i = start + header_len;
    // Whether the previous line opened a row (block mode: a heading row
    // and the number of the next row may share a block).
    let mut after_numbered_line = false;
    let mut rows_as_warnings = 0;
    while i < lines.len() {
        let text = texts[i];
        if let Some(starts) = text_in.block_starts {
            if let Some(used) = blocks::page_break_at(texts, starts, i) {
                if let Some(row) = rows.last_mut() {
                    row.segments.push(Vec::new());
                }
                i += used;
                after_numbered_line = false;
                continue;
            }
        } else if opens_header(text) {
            if let Some((m, used)) = header_from_lines(&texts[i..]) {
                if m.signature() != signature {
                    break;
                }
                if let Some(row) = rows.last_mut() {
                    row.segments.push(Vec::new());
                }
                i += used;
                continue;
            }
        }
        // A row never holds this many lines: the table has ended and prose
        // follows (which also bounds the row assignment's work).
        if rows
            .last()
            .is_some_and(|r| r.segments.iter().map(Vec::len).sum::<usize>() >= MAX_ROW_PIECES)
        {
            warnings.push(Warning::new(
                "table_end_assumed",
                format!(
                    "a table row ran past {MAX_ROW_PIECES} lines; the table is taken to end here"
                ),
                lines[i].at,
            ));
            break;
        }
        let prev = rows.last().map(|r| &r.number);
        let block_start = text_in.block_starts.map(|s| s[i]);
        // A Roman numeral before lowercase text is the wrapped rest of a
        // cell ("Đại hội" / "XIV của" / "Đảng"), not a section's number.
        let opens = |number: &RowNumber, rest: &str| {
            !(number.is_roman() && rest.starts_with(char::is_lowercase))
                && match text_in.block_starts {
                    Some(starts) => {
                        let at = blocks::Edge::of(starts, i, text, after_numbered_line);
                        blocks::opens_row(prev, number, rest, at)
                    }
                    None => is_plausible_next(prev, number),
                }
        };
        // In block mode a section heading inside the table is one of its
        // rows, unless a new table (a header) follows before the next row.
        let ends_table = |number: &RowNumber, rest: &str| {
            number.is_roman()
                && is_section_heading(rest)
                && (block_start.is_none() || new_table_follows(texts, i))
        };
        let numbered = RowNumber::at_line_start(text).filter(|(n, rest)| opens(n, rest));
        after_numbered_line = numbered.is_some();
        match numbered {
            Some((number, rest)) => {
                if ends_table(&number, rest) {
                    break;
                }
                let mut first = Vec::new();
                if !rest.is_empty() {
                    first.push(Piece::new(rest, i, gazetteer));
                }
                rows.push(PendingRow {
                    number,
                    segments: vec![first],
                    at: lines[i].at,
                });
            }
            None => {
                let heading =
                    RowNumber::at_line_start(text).is_some_and(|(n, rest)| ends_table(&n, rest));
                if heading && !rows.is_empty() {
                    break;
                }
                let stray =
                    block_start.and_then(|starts| blocks::stray_row_number(prev, text, starts));
                if let Some(stray) = stray {
                    rows_as_warnings += 1;
                    warnings.push(Warning::new(
                        "row_number_in_cell",
                        format!(
                            "row {} starts a line inside a cell's text and was read as that \
                             cell's text: \"{text}\"",
                            stray.printed
                        ),
                        lines[i].at,
                    ));
                }
                match rows.last_mut().and_then(|r| r.segments.last_mut()) {
                    Some(seg) => match block_start {
                        // A block is one cell: lines are not cut.
                        Some(cell_start) => {
                            let glued = seg
                                .last()
                                .filter(|_| !cell_start)
                                .and_then(|p| blocks::glue_broken_date(&p.text, text));
                            if let (Some(whole), Some(last)) = (glued, seg.last_mut()) {
                                let line_start = last.cell_start;
                                *last = Piece::new(&whole, last.line, gazetteer);
                                last.cell_start = line_start;
                            } else {
                                let mut piece = Piece::new(text, i, gazetteer);
                                piece.cell_start = cell_start;
                                seg.push(piece);
                            }
                        }
                        None => seg.extend(split_line(text, i, gazetteer)),
                    },
                    None => warnings.push(Warning::new(
                        "line_before_first_row",
                        format!(
                            "text between the table header and its first numbered row: \"{text}\""
                        ),
                        lines[i].at,
                    )),
                }
            }
        }
        i += 1;
    }
    let block_mode = text_in.block_starts.is_some();
    let names = block_mode.then(|| woven::KnownNames::of(gazetteer));
    let documents = model.index_of(Role::Documents).is_some();
    for segment in rows.iter_mut().flat_map(|r| r.segments.iter_mut()) {
        if let Some(names) = &names {
            *segment = woven::split_woven(std::mem::take(segment), names, gazetteer, documents);
        } else if let Some(last) = segment.pop() {
            segment.extend(split_trailing_deadline(last, gazetteer));
        }
    }
    let mut table = assign_rows(&model, rows, gazetteer, warnings, block_mode);
    table.rows_as_warnings = rows_as_warnings;
    (table, i)
}

/// A Roman-numbered line whose title is in capitals is a section heading
/// (it ends the table), not a group row.
fn is_section_heading(title: &str) -> bool {
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether a table header opens before the next numbered line (within a
/// few lines): a section heading followed by its own table ends the table
/// before it.
fn new_table_follows(texts: &[&str], i: usize) -> bool {
    texts[i + 1..]
        .iter()
        .take(NEW_TABLE_LOOKAHEAD)
        .find(|t| opens_header(t) || RowNumber::at_line_start(t).is_some())
        .is_some_and(|t| opens_header(t))
}

/// How many lines after a section heading are searched for a new header.
const NEW_TABLE_LOOKAHEAD: usize = 12;

/// Cut a line into pieces where two cells may share it. Cutting too much
/// costs nothing (pieces of one line that land in one cell are joined
/// again), so every plausible cell boundary is offered:
/// - after a date followed by capitalized text ("27/3/2025 Tỉnh ủy,");
/// - after a leading deadline phrase followed by capitalized text
///   ("Quý I/2026 Kế hoạch được");
/// - before a capitalized unit head that follows a complete unit name
///   ("Sở Nội vụ Trường Chính trị").
fn split_line(text: &str, line: usize, gazetteer: &Gazetteer) -> Vec<Piece> {
    let words: Vec<&str> = text.split(' ').collect();
    let mut cuts: Vec<usize> = Vec::new();
    if let Some((_, at)) = find_date(text) {
        let end_word = text[..at].split(' ').count() - 1;
        if let Some(next) = words
            .get(end_word + 1)
            .filter(|w| w.starts_with(char::is_uppercase))
        {
            let _ = next;
            cuts.push(end_word + 1);
        }
    }
    // Deadline phrases and unit names are a few words: longer spans are
    // not looked at (which also keeps a pathological long line linear).
    if let Some(k) = (1..words.len().min(MAX_PHRASE_WORDS)).rev().find(|&k| {
        words[k].starts_with(char::is_uppercase)
            && could_start_deadline(text)
            && is_clean_deadline(&words[..k].join(" "))
    }) {
        cuts.push(k);
    }
    for k in (1..words.len()).filter(|_| words.len() <= 2 * MAX_PHRASE_WORDS) {
        let left = words[..k].join(" ");
        let right = words[k..].join(" ");
        if words[k].starts_with(char::is_uppercase)
            && starts_with_unit_head(&right)
            && looks_like_unit(&left, gazetteer)
            && !gazetteer.spans(&left, &right)
        {
            cuts.push(k);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().filter(|&c| c > 0 && c < words.len()) {
        pieces.push(Piece::new(&words[from..cut].join(" "), line, gazetteer));
        from = cut;
    }
    pieces.push(Piece::new(&words[from..].join(" "), line, gazetteer));
    pieces
}

/// The last line of a row segment may end with the deadline cell
/// ("BCA 2026", "VPTWĐ Hằng năm"): cut it before the longest trailing
/// deadline phrase.
fn split_trailing_deadline(piece: Piece, gazetteer: &Gazetteer) -> Vec<Piece> {
    if piece.deadline {
        return vec![piece];
    }
    let words: Vec<&str> = piece.text.split(' ').collect();
    for k in words.len().saturating_sub(MAX_PHRASE_WORDS).max(1)..words.len() {
        let suffix = words[k..].join(" ");
        let prefix = words[..k].join(" ");
        if is_clean_deadline(&suffix) && !is_clean_deadline(&prefix) && !mentions_document(&prefix)
        {
            return vec![
                Piece::new(&prefix, piece.line, gazetteer),
                Piece::new(&suffix, piece.line, gazetteer),
            ];
        }
    }
    vec![piece]
}

/// Column widths learned from a first assignment, by slot.
type Widths = HashMap<usize, f64>;

/// Assign every row's pieces to columns (twice: the second pass knows the
/// columns' wrap widths), split merged unit cells, and build raw rows.
fn assign_rows(
    model: &ColumnModel,
    rows: Vec<PendingRow>,
    gazetteer: &Gazetteer,
    warnings: Vec<Warning>,
    block_mode: bool,
) -> RawTable {
    let groups: Vec<bool> = (0..rows.len()).map(|i| is_group(&rows, i)).collect();
    // Reading-order text interleaves the lead and coordinating lines, so
    // there each is its own slot; flat text keeps a cell's lines together
    // and the merged unit cell is split afterwards (in block mode, where
    // each cell is a block, the block boundaries split it).
    let reading_order = !block_mode && interleaved::is_interleaved(&rows, &groups);
    let slots = Slots::of(model, !reading_order);
    let first_pass: Vec<Vec<Vec<Piece>>> = rows
        .iter()
        .zip(&groups)
        .map(|(r, &g)| {
            if g {
                Vec::new()
            } else {
                assign_row(r, &slots, None, block_mode)
            }
        })
        .collect();
    let widths = learn_widths(&first_pass, &slots);
    let cells: Vec<Vec<Vec<Piece>>> = rows
        .iter()
        .zip(&groups)
        .map(|(r, &g)| {
            if g {
                Vec::new()
            } else if reading_order {
                interleaved::assign_row(r, &slots, gazetteer)
            } else {
                assign_row(r, &slots, Some(&widths), block_mode)
            }
        })
        .collect();
    let unit_split = UnitSplitter::learn(&cells, &slots, gazetteer, block_mode);
    let mut raw_rows = Vec::new();
    for ((row, slot_cells), group) in rows.into_iter().zip(cells).zip(groups) {
        let mut out = vec![String::new(); model.columns.len()];
        let mut row_warnings = Vec::new();
        if let Some(n) = model.index_of(Role::Number) {
            out[n] = row.number.printed.clone();
        }
        if group {
            let all: Vec<&str> = row
                .segments
                .iter()
                .flatten()
                .map(|p| p.text.as_str())
                .collect();
            if let Some(name) = model.index_of(Role::Name) {
                out[name] = join_lines(&all);
            }
        } else {
            for (slot, pieces) in slot_cells.iter().enumerate() {
                let cols = &slots.columns[slot];
                if cols.len() == 2 {
                    let (lead, coord, warning) = unit_split.split(pieces, gazetteer);
                    out[cols[0]] = lines_text(&lead);
                    out[cols[1]] = lines_text(&coord);
                    if let Some(w) = warning {
                        row_warnings.push(Warning::new("unit_column_ambiguous", w, row.at));
                    }
                } else {
                    out[cols[0]] = lines_text(pieces);
                }
            }
        }
        if block_mode {
            for (cell, column) in out.iter_mut().zip(&model.columns) {
                *cell = blocks::restore_line_ends(cell, column.role == Role::Documents);
            }
        }
        raw_rows.push(RawRow {
            cells: out,
            at: row.at,
            bbox: None,
            warnings: row_warnings,
        });
    }
    RawTable {
        model: model.clone(),
        rows: raw_rows,
        warnings,
        rows_as_warnings: 0,
    }
}

/// Pieces of a cell as lines: pieces cut from one input line are re-joined.
fn lines_text(pieces: &[Piece]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut last_line = None;
    for p in pieces {
        match out.last_mut() {
            Some(l) if last_line == Some(p.line) => {
                l.push(' ');
                l.push_str(&p.text);
            }
            _ => out.push(p.text.clone()),
        }
        last_line = Some(p.line);
    }
    out.join("\n")
}

/// A row is a group heading when a later row is numbered under it (1 → 1.1)
/// or it is Roman-numbered inside the table.
fn is_group(rows: &[PendingRow], i: usize) -> bool {
    let n = &rows[i].number;
    // Children follow their parent: the next row is numbered under it.
    n.is_roman() || rows.get(i + 1).is_some_and(|r| r.number.is_child_of(n))
}

/// Learn each slot's wrap width from the lines assigned to it: a high
/// percentile of their widths, which a few misassigned lines do not move.
fn learn_widths(cells: &[Vec<Vec<Piece>>], slots: &Slots) -> Widths {
    let mut widths = Widths::new();
    for slot in 0..slots.roles.len() {
        let mut all: Vec<f64> = cells
            .iter()
            .filter_map(|row| row.get(slot))
            .flat_map(|pieces| {
                lines_text(pieces)
                    .lines()
                    .map(text_width)
                    .collect::<Vec<_>>()
            })
            .collect();
        if all.len() >= 4 {
            all.sort_by(f64::total_cmp);
            widths.insert(slot, all[all.len() * 4 / 5] * 1.05);
        }
    }
    widths
}

/// Best assignment of a row's pieces to slots (one list of pieces per slot).
fn assign_row(
    row: &PendingRow,
    slots: &Slots,
    widths: Option<&Widths>,
    block_mode: bool,
) -> Vec<Vec<Piece>> {
    let mut cells: Vec<Vec<Piece>> = vec![Vec::new(); slots.roles.len()];
    for (s, segment) in row.segments.iter().enumerate() {
        if segment.is_empty() {
            continue;
        }
        let prior_deadline = slots
            .roles
            .iter()
            .position(|r| *r == Role::Deadline)
            .map(|d| lines_text(&cells[d]).replace('\n', " "));
        let scorer = Scorer {
            slots,
            widths,
            block_mode,
            continuation: s > 0,
            prior_deadline,
        };
        for (slot, range) in scorer.best(segment) {
            cells[slot].extend_from_slice(&segment[range.0..range.1]);
        }
    }
    cells
}

/// Scores candidate cells and finds the best segmentation of one segment.
struct Scorer<'a> {
    slots: &'a Slots,
    widths: Option<&'a Widths>,
    /// Cells are blocks ([`blocks`]): a cell of several blocks is unusual.
    block_mode: bool,
    /// The segment continues a row after a page break.
    continuation: bool,
    /// The deadline text assigned before this segment, if any.
    prior_deadline: Option<String>,
}

/// A back-pointer of the row segmentation: where the cell started, the
/// slot filled before it, and whether the row had wrapped by then.
type Step = (usize, usize, usize);

/// Longest deadline phrase or unit name, in words, looked for inside a line.
const MAX_PHRASE_WORDS: usize = 10;

/// Most lines one table row may take before the table is taken to end.
const MAX_ROW_PIECES: usize = 150;

/// Cost of leaving a column empty.
const EMPTY_CELL: f64 = -0.4;
/// Cost of wrapping from the last column back to an earlier one without a
/// header break (a cell continued on the next page without a repeated header).
const WRAP: f64 = -8.0;
/// Cost of that wrap when the overflow opens with a parenthesis.
const WRAP_PARENTHESIS: f64 = -3.0;
/// Cost of each block after the first in one cell, in block mode (one
/// cell is one block, unless a page break cut it).
const BLOCK_JOIN: f64 = -4.0;
/// Cost per column skipped at the start of a continued row segment.
const CONTINUATION_SKIP: f64 = -0.3;
/// Longest cell, in pieces, of a column other than the name.
const MAX_CELL: usize = 16;

impl Scorer<'_> {
    /// Dynamic programming over (pieces consumed, last slot filled): returns
    /// the chosen (slot, piece range) cells in order.
    fn best(&self, pieces: &[Piece]) -> Vec<(usize, (usize, usize))> {
        let n = pieces.len();
        let k = self.slots.roles.len();
        // Cell scores depend only on (slot, start, end): compute each once.
        let mut memo: HashMap<(usize, usize, usize), f64> = HashMap::new();
        // dp[i][s][w]: best score with pieces[..i] used, slot s the last
        // filled (k: nothing yet) and w whether the row already wrapped from
        // its last column back to an earlier one (after which the last
        // column, already complete, is not filled again).
        let mut dp = vec![vec![[f64::NEG_INFINITY; 2]; k + 1]; n + 1];
        let mut back: Vec<Vec<[Option<Step>; 2]>> = vec![vec![[None; 2]; k + 1]; n + 1];
        dp[0][k][0] = 0.0;
        for i in 0..n {
            for last in 0..=k {
                for w in 0..2 {
                    let base = dp[i][last][w];
                    if base == f64::NEG_INFINITY {
                        continue;
                    }
                    for slot in 0..k {
                        let (skipped, cost, now_wrapped) = if last == k {
                            if !self.continuation && slot != 0 {
                                continue;
                            }
                            // A row continued after a page break most often
                            // continues its first (widest) cells.
                            (0, CONTINUATION_SKIP * slot as f64, w)
                        } else if slot > last {
                            if w == 1 && slot == k - 1 {
                                continue;
                            }
                            (slot - last - 1, 0.0, w)
                        } else if w == 0 && last == k - 1 && slot < last {
                            // A parenthesis opening after the row's last cell
                            // is the overflow of a wide cell (a cited source).
                            let cost = if pieces[i].text.starts_with('(') {
                                WRAP_PARENTHESIS
                            } else {
                                WRAP
                            };
                            (slot, cost, 1)
                        } else {
                            continue;
                        };
                        let longest = if self.slots.roles[slot] == Role::Name {
                            n
                        } else {
                            MAX_CELL
                        };
                        for j in i + 1..=n.min(i + longest) {
                            if j < n && !pieces[j].cell_start {
                                continue;
                            }
                            let score = *memo
                                .entry((slot, i, j))
                                .or_insert_with(|| self.cell(slot, &pieces[i..j]));
                            let total = base + score + cost + EMPTY_CELL * skipped as f64;
                            if total > dp[j][slot][now_wrapped] {
                                dp[j][slot][now_wrapped] = total;
                                back[j][slot][now_wrapped] = Some((i, last, w));
                            }
                        }
                    }
                }
            }
        }
        let end_state = (0..k)
            .flat_map(|s| [(s, 0), (s, 1)])
            .max_by(|a, b| dp[n][a.0][a.1].total_cmp(&dp[n][b.0][b.1]));
        let Some((mut slot, mut w)) = end_state else {
            return Vec::new();
        };
        let mut end = n;
        let mut cells = Vec::new();
        while let Some((start, prev, prev_w)) = back[end][slot][w] {
            cells.push((slot, (start, end)));
            if prev == k {
                break;
            }
            end = start;
            slot = prev;
            w = prev_w;
        }
        cells.reverse();
        cells
    }

    /// How well pieces fit as the cell of a slot.
    fn cell(&self, slot: usize, pieces: &[Piece]) -> f64 {
        let role = self.slots.roles[slot];
        let opens_lower = !self.continuation && !pieces[0].opens;
        let mut score = match role {
            Role::Name => self.name_fit(pieces),
            Role::Documents => documents_fit(pieces, self.continuation),
            Role::Deadline => self.deadline_fit(pieces),
            r if r.is_units() => units_fit(pieces) - if opens_lower { 1.5 } else { 0.0 },
            _ => {
                let deadline_like = pieces.len() <= 3 && is_clean_deadline_cell(pieces);
                0.1 - if opens_lower { 1.0 } else { 0.0 } - if deadline_like { 2.0 } else { 0.0 }
            }
        };
        if role != Role::Name && !balanced(pieces) {
            score -= 3.0;
        }
        if self.block_mode {
            let merged_units = self.slots.columns[slot].len() == 2;
            let blocks = pieces
                .iter()
                .skip(1)
                .filter(|p| p.cell_start && !(merged_units && p.woven_right))
                .count();
            score += BLOCK_JOIN * blocks as f64;
        }
        if let Some(w) = self.widths.and_then(|w| w.get(&slot)) {
            score -= 0.8 * wrap_violations_of(pieces, *w);
        }
        score
    }

    fn name_fit(&self, pieces: &[Piece]) -> f64 {
        let mut s = 0.0;
        if pieces.len() <= 3 && is_clean_deadline_cell(pieces) {
            s -= 4.0;
        }
        // Inside parentheses a name may cite its source document
        // ("(Thông báo số 07-TB/... ngày 15/10/2025)"): no penalty there.
        let mut depth = 0i32;
        for (i, p) in pieces.iter().enumerate() {
            let cited = depth > 0 || p.text.starts_with('(');
            depth += p.text.matches('(').count() as i32 - p.text.matches(')').count() as i32;
            if cited {
                continue;
            }
            if i > 0 && p.reference {
                s -= 1.5;
            }
            if p.documentary && p.dated && p.words <= 3 {
                s -= 2.0;
            } else if p.documentary && !p.opens && p.words <= 2 {
                s -= 1.0;
            }
        }
        s
    }

    fn deadline_fit(&self, pieces: &[Piece]) -> f64 {
        if pieces.len() > 5 {
            return -3.0 * pieces.len() as f64;
        }
        let text = joined(pieces);
        if self.continuation {
            if let Some(prior) = self.prior_deadline.as_deref().filter(|p| !p.is_empty()) {
                let whole = format!("{prior} {text}");
                return if !is_clean_deadline(prior) && is_clean_deadline(&whole) {
                    4.0
                } else {
                    -5.0
                };
            }
        }
        if is_clean_deadline_cell(pieces) {
            4.0 - 1.5 * pieces.len().saturating_sub(3) as f64
        } else if pieces[0].datable && !pieces[0].documentary {
            // A compound deadline ("Ban hành trong tháng 01/2026 và ...").
            1.5 - 0.3 * pieces.len() as f64
        } else {
            // An unreadable deadline is still more likely in the deadline
            // column than anywhere else; the record builder warns about it.
            -0.5 - 0.5 * pieces.len() as f64
        }
    }
}

/// A cheap test before parsing: whether text could begin a deadline.
fn could_start_deadline(text: &str) -> bool {
    const STARTS: &[&str] = &[
        "quý",
        "thường",
        "hằng",
        "hàng",
        "định",
        "theo",
        "tháng",
        "năm",
        "trong",
        "trước",
        "từ",
        "bắt",
        "sau",
        "giai",
        "ngày",
        "chậm",
        "hoàn",
        "cuối",
        "đầu",
        "liên",
        "kể",
        "khi",
        "ban",
        "nhiệm",
        "sáu",
    ];
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    first.starts_with(|c: char| c.is_ascii_digit())
        || STARTS.contains(&first.trim_end_matches([',', '.', ':']))
}

/// Whether pieces read as a whole deadline (parsed only when they could).
fn is_clean_deadline_cell(pieces: &[Piece]) -> bool {
    pieces.first().is_some_and(|p| p.deadline_start) && is_clean_deadline(&joined(pieces))
}

/// Whether a cell's parentheses are balanced (a cell never holds half of
/// a parenthesis; the other half is in a neighbouring column's overflow).
fn balanced(pieces: &[Piece]) -> bool {
    let (open, close) = pieces.iter().fold((0, 0), |(o, c), p| {
        (
            o + p.text.matches('(').count(),
            c + p.text.matches(')').count(),
        )
    });
    open == close
}

/// The pieces' text on one line.
fn joined(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`wrap_violations`] over pieces, re-joining pieces cut from one line.
fn wrap_violations_of(pieces: &[Piece], column: f64) -> f64 {
    // (width, first word width) of each input line the pieces come from.
    let mut lines: Vec<(f64, f64, usize, bool, bool)> = Vec::new();
    for p in pieces {
        match lines.last_mut() {
            Some(l) if l.2 == p.line => {
                l.0 += text_width(" ") + p.width;
                l.4 = p.text.ends_with([':', ';', '.']);
            }
            _ => lines.push((
                p.width,
                p.first_word_width,
                p.line,
                p.text.starts_with(['-', '+', '•', '(']),
                p.text.ends_with([':', ';', '.']),
            )),
        }
    }
    let space = text_width(" ");
    let mut cost = 0.0;
    for (k, &(width, _, _, _, ends_forced)) in lines.iter().enumerate() {
        if width > column * 1.12 {
            cost += 1.0;
        }
        if let Some(&(_, next_first, _, opens_forced, _)) = lines.get(k + 1) {
            if !ends_forced && !opens_forced && width + space + next_first < column * 0.9 {
                cost += 1.0;
            }
        }
    }
    cost
}

/// Words allowed in a document-reference cell besides numbers and codes.
const DOC_WORDS: &[&str] = &[
    "số", "ngày", "tháng", "năm", "và", "của", "tại", "về", "theo", "kèm", "kế", "hoạch", "thông",
    "báo", "quy", "chế", "quyết", "định", "nghị", "chỉ", "thị", "kết", "luận", "công", "văn",
    "hướng", "dẫn", "tư", "tri", "chương", "trình", "đề", "án", "tờ", "điện", "bản", "luật",
    "pháp", "lệnh", "phiếu", "dự", "phương", "ban", "hành",
];

/// Whether every word of a piece belongs to a document reference.
pub(crate) fn looks_documentary(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        let core = w.trim_matches(|c: char| matches!(c, ',' | ';' | '.' | '(' | ')' | ':'));
        core.is_empty()
            || core.chars().any(|c| c.is_ascii_digit())
            || core
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, '/' | '-' | '&'))
            || DOC_WORDS.contains(&core.to_lowercase().as_str())
    })
}

fn documents_fit(pieces: &[Piece], continuation: bool) -> f64 {
    let mut s = if pieces[0].reference || pieces[0].opens_reference {
        3.0
    } else if continuation {
        0.5
    } else {
        -2.0
    };
    s -= 2.5 * pieces.iter().filter(|p| !p.documentary).count() as f64;
    if pieces.iter().any(|p| p.dated) {
        s += 0.5;
    }
    s
}

fn units_fit(pieces: &[Piece]) -> f64 {
    // "Theo phân công tại Quyết định số ...": units assigned by reference.
    if pieces[0].text.to_lowercase().starts_with("theo ") && pieces.iter().any(|p| p.cites) {
        return 0.5;
    }
    let mut s = 0.0;
    for (i, p) in pieces.iter().enumerate() {
        if p.dated || p.reference || p.deadline {
            s -= 3.0;
        } else if p.datable && p.opens {
            s -= 1.5;
        }
        // A unit cell starts with a unit; later capitalized lines are
        // mostly the rest of a proper name ("Ủy ban / Kiểm tra / Trung").
        if p.opens {
            s += match (p.unit, i) {
                (true, _) => 0.5,
                (false, 0) => -2.0,
                (false, _) => -0.7,
            };
        }
    }
    s
}

/// A column width learned from enough lines to be trusted (a table of a
/// few rows says too little about its columns).
fn trusted_width(widths: Vec<f64>) -> Option<f64> {
    if widths.len() < 6 {
        return None;
    }
    robust_max(widths)
}

/// Splits a merged unit cell into the lead and coordinating columns using
/// where a new unit starts, the gazetteer, and the two columns' wrap widths
/// learned from the rows where the split is clear.
struct UnitSplitter {
    lead: Option<f64>,
    coord: Option<f64>,
    /// Score of a cut that leaves the lead column filled ([`LEAD_FILLED`]
    /// in block mode, where a cut is only ever between whole unit cells).
    lead_filled: f64,
}

/// In block mode, the edge a filled lead column has: a row names its lead
/// more often than its coordinating units alone.
const LEAD_FILLED: f64 = 0.2;

impl UnitSplitter {
    fn learn(
        cells: &[Vec<Vec<Piece>>],
        slots: &Slots,
        gazetteer: &Gazetteer,
        block_mode: bool,
    ) -> UnitSplitter {
        let lead_filled = if block_mode { LEAD_FILLED } else { 0.0 };
        let mut splitter = UnitSplitter {
            lead: None,
            coord: None,
            lead_filled,
        };
        let Some(slot) = slots.columns.iter().position(|c| c.len() == 2) else {
            return splitter;
        };
        for _ in 0..3 {
            let mut lead_w = Vec::new();
            let mut coord_w = Vec::new();
            for row in cells {
                let Some(pieces) = row.get(slot).filter(|p| !p.is_empty()) else {
                    continue;
                };
                let (k, _) = splitter.best_cut(pieces, gazetteer);
                if k == 0 || k == pieces.len() {
                    continue;
                }
                lead_w.extend(lines_text(&pieces[..k]).lines().map(text_width));
                coord_w.extend(lines_text(&pieces[k..]).lines().map(text_width));
            }
            splitter = UnitSplitter {
                lead: trusted_width(lead_w),
                coord: trusted_width(coord_w),
                lead_filled,
            };
        }
        splitter
    }

    /// The best cut (lead = pieces[..k]) and the scores of all cuts.
    fn best_cut(&self, pieces: &[Piece], gazetteer: &Gazetteer) -> (usize, Vec<f64>) {
        // In block mode a cut falls between blocks only.
        let scores: Vec<f64> = (0..=pieces.len())
            .map(|k| match pieces.get(k) {
                Some(p) if k > 0 && !p.cell_start => f64::NEG_INFINITY,
                _ => self.cut_score(pieces, k, gazetteer),
            })
            .collect();
        let best = (0..scores.len())
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        (best, scores)
    }

    fn cut_score(&self, pieces: &[Piece], k: usize, gazetteer: &Gazetteer) -> f64 {
        let (lead, coord) = pieces.split_at(k);
        let mut s = if k > 0 { self.lead_filled } else { 0.0 };
        if let Some(first) = coord.first().filter(|_| k > 0) {
            let opens = first
                .text
                .starts_with(|c: char| c.is_uppercase() || matches!(c, '-' | '+' | '•'));
            s += if opens { 1.0 } else { -2.0 };
            if lead
                .last()
                .is_some_and(|p| p.text.ends_with([',', '-', ';']) || p.text.ends_with(" và"))
            {
                s -= 1.5;
            }
            // A cell cannot end on a unit head that opens a name ("Học
            // viện", "Đảng ủy"); "vụ" in "Nội vụ" is no head "Vụ".
            let opens_name = |p: &Piece| {
                bare_head_tail(&p.text).is_some_and(|tail| tail[0].starts_with(char::is_uppercase))
            };
            if lead.last().is_some_and(opens_name) {
                s -= 3.5;
            }
            if gazetteer.spans(&lines_text(lead), &first.text) {
                s -= 2.0;
            }
            // A change of list style (bulleted ↔ plain) marks a new cell;
            // two bullets in a row are more likely one list.
            let bulleted = |p: &Piece| p.text.starts_with(['-', '+', '•']);
            let lead_list = lead.iter().any(bulleted);
            s += match (lead_list, bulleted(first)) {
                (true, true) => -0.5,
                (false, false) => 0.0,
                _ => 1.0,
            };
            if lead.last().is_some_and(|p| p.line == first.line)
                && !first.text.starts_with(['-', '+'])
            {
                s += 0.5;
            }
        }
        for (part, width, related) in [(lead, self.lead, -0.5), (coord, self.coord, 0.5)] {
            if part.is_empty() {
                s -= 0.3;
                continue;
            }
            let text = lines_text(part);
            let joined = join_lines(&text.lines().collect::<Vec<_>>());
            if gazetteer.knows(&joined) {
                s += 1.5;
            } else if !looks_like_unit(&joined, gazetteer) {
                s -= 1.5;
            }
            if joined.contains("liên quan") {
                s += related;
            }
            if let Some(w) = width {
                s -= 1.2 * wrap_violations(&text.lines().collect::<Vec<_>>(), w);
            }
        }
        s
    }

    /// Split one merged unit cell; a warning when a single unit cell could
    /// belong to either column.
    fn split(
        &self,
        pieces: &[Piece],
        gazetteer: &Gazetteer,
    ) -> (Vec<Piece>, Vec<Piece>, Option<String>) {
        if pieces.is_empty() {
            return (Vec::new(), Vec::new(), None);
        }
        let (k, scores) = self.best_cut(pieces, gazetteer);
        let n = pieces.len();
        let warning = if k == 0 || k == n {
            let margin = (scores[0] - scores[n]).abs();
            (margin < 0.75).then(|| {
                let text = join_lines(&pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>());
                let side = if k == 0 { "coordinating" } else { "lead" };
                format!("one unit cell \"{text}\" could be the lead or the coordinating column; read as {side}")
            })
        } else {
            None
        };
        (pieces[..k].to_vec(), pieces[k..].to_vec(), warning)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        split_line(text, 0, &Gazetteer::builtin())
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn lines_are_cut_where_two_cells_may_meet() {
        assert_eq!(cut("27/3/2025 Tỉnh ủy,"), ["27/3/2025", "Tỉnh ủy,"]);
        assert_eq!(
            cut("Quý I/2026 Kế hoạch được"),
            ["Quý I/2026", "Kế hoạch được"]
        );
        assert_eq!(
            cut("Sở Nội vụ Trường Chính trị"),
            ["Sở Nội vụ", "Trường Chính trị"]
        );
        assert_eq!(
            cut("Văn phòng Trung ương Đảng"),
            ["Văn phòng Trung ương Đảng"]
        );
        assert_eq!(cut("trong các cơ quan đảng"), ["trong các cơ quan đảng"]);
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;
    use crate::model::Location;

    /// Lines of a text with blank lines, numbered as in the file.
    pub(super) fn numbered(text: &str) -> Vec<TextLine> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| TextLine {
                text: l.to_string(),
                indent: 0,
                at: Location {
                    page: Some(1),
                    line: Some(i as u32 + 1),
                },
            })
            .collect()
    }

    #[test]
    fn cells_as_blocks_fill_their_columns_with_empty_cells_absent() {
        let text = "STT\n\nNội dung công việc\n\nVăn bản giao\n\nCơ quan chủ\ntrì\n\n\
                    Cơ quan\nphối hợp\n\nThời hạn\nhoàn\nthành\n\n\
                    I. NHIỆM VỤ TRỌNG TÂM CHUYỂN ĐỔI SỐ\n3. Phát triển nền tảng số\n3.1\n\n\
                    Triển khai hệ thống thông tin\ntheo dõi nghị quyết\n\n\
                    Kế hoạch số 11KH/BCĐ ngày\n27/3/2025\n\nVăn phòng\nTrung ương\nĐảng\n\n\
                    Các cơ quan,\nđơn vị liên\nquan\n\n2026\n\n3.2\n\nPhát triển hệ thống\n\n\
                    Kết quả\ndự kiến\n\nphục vụ lãnh đạo\n\nCác cơ quan,\nđơn vị liên\nquan\n\n\
                    31/12/202\n6\n";
        let items = rebuild(&numbered(text), &Gazetteer::builtin());
        let [FlatItem::Table(table)] = items.as_slice() else {
            panic!("one table expected, got {items:?}");
        };
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.as_str()).collect())
            .collect();
        assert_eq!(cells.len(), 4, "{cells:?}");
        assert_eq!(cells[2][0], "3.1");
        assert_eq!(cells[2][2], "Kế hoạch số 11-KH/BCĐ ngày\n27/3/2025");
        assert_eq!(cells[2][3], "Văn phòng\nTrung ương\nĐảng");
        assert_eq!(cells[2][4], "Các cơ quan,\nđơn vị liên\nquan");
        // A late header label marks a page break: the name goes on after it.
        assert_eq!(cells[3][1], "Phát triển hệ thống\nphục vụ lãnh đạo");
        assert_eq!(cells[3][2], "");
        assert_eq!(cells[3][5], "31/12/2026");
    }

    #[test]
    fn a_roman_numeral_before_lowercase_text_is_cell_text() {
        // Chromium's reading order puts a product cell's wrapped lines
        // ("Đại hội" / "XIV của" / "Đảng") where "XIV" opens a line.
        let text = "STT\n\nNhiệm vụ\n\nĐơn vị chủ trì\n\nSản phẩm\n\n\
                    IV\n\nNHIỆM VỤ ỨNG DỤNG PHẦN MỀM PHỤC VỤ ĐẠI HỘI\n\n1\n\n\
                    Phần mềm hỗ trợ tổng hợp ý kiến\n\nVăn phòng Trung ương Đảng\n\n\
                    Phục vụ thảo luận tại Đại hội\nXIV của\nĐảng\n\n2\n\n\
                    Phần mềm kiểm phiếu\n\nVăn phòng Trung ương Đảng\n\nPhục vụ kiểm phiếu\n";
        let items = rebuild(&numbered(text), &Gazetteer::builtin());
        let numbers: Vec<&str> = items
            .iter()
            .filter_map(|item| match item {
                FlatItem::Table(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| t.rows.iter().map(|r| r.cells[0].as_str()))
            .collect();
        assert!(!numbers.contains(&"XIV"), "{numbers:?}");
        assert!(numbers.contains(&"2"), "{numbers:?}");
    }
}
