//! Reading-order text (poppler's default mode): the lines of a row come
//! visual line by visual line, each visual line holding the cells present
//! on it in column order ("1.1. Xây dựng ...", "Kế hoạch số", "Văn phòng",
//! "2026", "trong các cơ quan đảng", "11-KH/BCĐ", ...), so a cell's lines
//! are not contiguous.
//!
//! Each piece is given a column by Viterbi decoding: a piece scores by how
//! well it reads as that column's content (document grammar, deadline
//! grammar, unit vocabulary, width), and moving left (to a new visual line)
//! costs a little, moving right nothing.

use super::{PendingRow, Piece, Role, Slots};
use crate::extract::units::Gazetteer;

/// Cost of starting a new visual line (moving back to a left column).
const NEW_LINE: f64 = -0.3;

/// Whether a table's rows are in reading order: the strong pieces of the
/// document column (dates, numbers, "Kế hoạch số") are interrupted by other
/// text in most rows, where flat cell-by-cell text keeps them together.
pub(super) fn is_interleaved(rows: &[PendingRow], groups: &[bool]) -> bool {
    let mut scattered = 0;
    let mut measured = 0;
    for (row, _) in rows.iter().zip(groups).filter(|(_, g)| !**g) {
        let Some(segment) = row.segments.first() else {
            continue;
        };
        let strong: Vec<usize> = segment
            .iter()
            .enumerate()
            .filter(|(_, p)| is_strong_document(p))
            .map(|(i, _)| i)
            .collect();
        if strong.len() < 2 {
            continue;
        }
        measured += 1;
        let (first, last) = (strong[0], strong[strong.len() - 1]);
        if segment[first..=last].iter().any(|p| !p.documentary) {
            scattered += 1;
        }
    }
    measured >= 2 && scattered * 2 > measured
}

fn is_strong_document(p: &Piece) -> bool {
    p.documentary && (p.dated || p.cites || p.opens_reference)
}

/// Assign every piece of a row to a slot by Viterbi decoding.
pub(super) fn assign_row(
    row: &PendingRow,
    slots: &Slots,
    gazetteer: &Gazetteer,
) -> Vec<Vec<Piece>> {
    let k = slots.roles.len();
    let mut cells: Vec<Vec<Piece>> = vec![Vec::new(); k];
    let pieces: Vec<Piece> = row
        .segments
        .iter()
        .flatten()
        .flat_map(|p| split_document_tail(p, gazetteer))
        .collect();
    let pieces: Vec<&Piece> = pieces.iter().collect();
    if pieces.is_empty() || k == 0 {
        return cells;
    }
    let widest = pieces
        .iter()
        .map(|p| super::text_width(&p.text))
        .fold(0.0, f64::max);
    let emit = |s: usize, p: &Piece| emission(slots.roles[s], p, widest);
    // score[i][s], back[i][s]: best path ending with piece i in slot s.
    let mut score = vec![vec![f64::NEG_INFINITY; k]; pieces.len()];
    let mut back = vec![vec![0usize; k]; pieces.len()];
    score[0][0] = 0.0;
    for i in 1..pieces.len() {
        for s in 0..k {
            let e = emit(s, pieces[i]);
            for prev in 0..k {
                let base = score[i - 1][prev];
                if base == f64::NEG_INFINITY {
                    continue;
                }
                let step = if s > prev { 0.0 } else { NEW_LINE };
                if base + step + e > score[i][s] {
                    score[i][s] = base + step + e;
                    back[i][s] = prev;
                }
            }
        }
    }
    let last = pieces.len() - 1;
    let mut s = (0..k)
        .max_by(|&a, &b| score[last][a].total_cmp(&score[last][b]))
        .unwrap_or(0);
    let mut path = vec![0usize; pieces.len()];
    for i in (0..pieces.len()).rev() {
        path[i] = s;
        s = back[i][s];
    }
    for (piece, slot) in pieces.into_iter().zip(path) {
        cells[slot].push(piece.clone());
    }
    cells
}

/// Reading-order text puts two cells of one visual line on one output line
/// when they nearly touch ("đồng bộ về 11-KH/BCĐ", "các cơ ngày"): cut off
/// a last word that reads as a document reference line.
fn split_document_tail(p: &Piece, gazetteer: &Gazetteer) -> Vec<Piece> {
    let Some((head, tail)) = p.text.rsplit_once(' ') else {
        return vec![p.clone()];
    };
    let tail_piece = Piece::new(tail, p.line, gazetteer);
    let head_piece = Piece::new(head, p.line, gazetteer);
    if (is_strong_document(&tail_piece) || tail == "ngày") && !head_piece.documentary {
        return vec![head_piece, tail_piece];
    }
    vec![p.clone()]
}

/// How well one piece reads as a line of a column with this role.
fn emission(role: Role, p: &Piece, widest: f64) -> f64 {
    let wide = super::text_width(&p.text) >= 0.6 * widest;
    let documentish = p.documentary
        && (p.dated || p.cites || p.opens_reference || p.text == "ngày" || p.text == "số");
    let deadlineish = p.deadline || (p.datable && p.words <= 2) || is_deadline_fragment(&p.text);
    match role {
        Role::Name => {
            let mut s = if wide || (!p.opens && p.words >= 4) {
                1.0
            } else {
                0.0
            };
            if documentish || deadlineish {
                s -= 3.0;
            }
            if p.opens && p.unit && !wide {
                s -= 1.0;
            }
            s
        }
        Role::Documents => {
            if documentish {
                2.0
            } else if p.documentary && !wide {
                0.5
            } else {
                -3.0
            }
        }
        Role::Deadline => {
            if deadlineish && !documentish {
                2.0
            } else {
                -3.0
            }
        }
        r if r.is_units() => {
            if documentish || deadlineish || wide {
                -3.0
            } else if p.opens {
                if p.unit {
                    1.0
                } else {
                    -1.0
                }
            } else if p.words >= 4 {
                -1.0
            } else {
                0.3
            }
        }
        _ => {
            if documentish || deadlineish {
                -2.0
            } else {
                0.0
            }
        }
    }
}

/// Pieces of a deadline broken by a narrow column ("Quý", "III/20", "26",
/// "Thường", "xuyên", "Hằng năm").
fn is_deadline_fragment(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    [
        "quý",
        "thường",
        "xuyên",
        "hằng",
        "hàng",
        "năm",
        "tháng",
        "định kỳ",
        "trước",
    ]
    .iter()
    .any(|w| lower == *w || lower.starts_with(&format!("{w} ")))
        || (!t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | 'I' | 'V' | 'X')))
}
