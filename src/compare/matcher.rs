//! Pairing the tasks of two documents: by id, by position (section and
//! number) and by name similarity, one-to-one.

use super::fields::position;
use crate::model::Task;
use crate::normalize::match_key;
use serde::Serialize;
use std::collections::BTreeSet;

/// Lowest name similarity at which two tasks at different positions are
/// taken to be the same task.
pub const NAME_THRESHOLD: f64 = 0.5;

/// Lowest name similarity at which two tasks at the same position are taken
/// to be the same task with a reworded name (revision matching only).
pub const SAME_POSITION_THRESHOLD: f64 = 0.25;

/// What a pairing is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchBasis {
    /// Equal task ids.
    Id,
    /// Equal section and task number.
    Number,
    /// Similar names.
    Name,
}

/// How to pair tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// Expected vs. extracted output of the same input: id first, then
    /// position, then name similarity.
    Check,
    /// Two issues of a plan, where ids and numbers shift: name similarity
    /// first (ties go to equal positions), then equal positions whose names
    /// are still somewhat alike ([`SAME_POSITION_THRESHOLD`]).
    Revision,
}

/// One pair of matched tasks, by index into the two task lists.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TaskPair {
    /// Index in the first (expected / old) list.
    pub left: usize,
    /// Index in the second (got / new) list.
    pub right: usize,
    /// What the pairing is based on.
    pub basis: MatchBasis,
    /// Name similarity of the pair, 0 to 1.
    pub similarity: f64,
}

/// The result of pairing two task lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    /// Matched pairs, in order of the first list.
    pub pairs: Vec<TaskPair>,
    /// Indices of first-list tasks without a partner, ascending.
    pub left_only: Vec<usize>,
    /// Indices of second-list tasks without a partner, ascending.
    pub right_only: Vec<usize>,
}

/// The distinct words of a name's match key.
fn words(name: &str) -> BTreeSet<String> {
    match_key(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Dice coefficient of two word sets (0 when either is empty).
fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Similarity of two task names, 0 to 1: the Dice coefficient over the
/// distinct words of their [`match_key`]s (case, tone-mark style and
/// punctuation ignored; word order ignored).
pub fn name_similarity(a: &str, b: &str) -> f64 {
    dice(&words(a), &words(b))
}

/// Pairing state: which tasks are taken so far.
struct Pairing<'a> {
    left: &'a [Task],
    right: &'a [Task],
    left_words: Vec<BTreeSet<String>>,
    right_words: Vec<BTreeSet<String>>,
    left_taken: Vec<bool>,
    right_taken: Vec<bool>,
    pairs: Vec<TaskPair>,
}

impl<'a> Pairing<'a> {
    fn new(left: &'a [Task], right: &'a [Task]) -> Self {
        Pairing {
            left,
            right,
            left_words: left.iter().map(|t| words(&t.name)).collect(),
            right_words: right.iter().map(|t| words(&t.name)).collect(),
            left_taken: vec![false; left.len()],
            right_taken: vec![false; right.len()],
            pairs: Vec::new(),
        }
    }

    fn take(&mut self, l: usize, r: usize, basis: MatchBasis) {
        self.left_taken[l] = true;
        self.right_taken[r] = true;
        let similarity = dice(&self.left_words[l], &self.right_words[r]);
        self.pairs.push(TaskPair {
            left: l,
            right: r,
            basis,
            similarity,
        });
    }

    /// Pair each free left task with the first free right task for which
    /// `same` holds (and whose similarity reaches `min_similarity`).
    fn by_key(
        &mut self,
        basis: MatchBasis,
        min_similarity: f64,
        same: impl Fn(&Task, &Task) -> bool,
    ) {
        for l in 0..self.left.len() {
            if self.left_taken[l] {
                continue;
            }
            let found = (0..self.right.len()).find(|&r| {
                !self.right_taken[r]
                    && same(&self.left[l], &self.right[r])
                    && dice(&self.left_words[l], &self.right_words[r]) >= min_similarity
            });
            if let Some(r) = found {
                self.take(l, r, basis);
            }
        }
    }

    /// Pair free tasks by name similarity, best pairs first; ties go to
    /// equal positions, then to nearby rows.
    fn by_name(&mut self) {
        let mut candidates = Vec::new();
        for l in (0..self.left.len()).filter(|&l| !self.left_taken[l]) {
            for r in (0..self.right.len()).filter(|&r| !self.right_taken[r]) {
                let sim = dice(&self.left_words[l], &self.right_words[r]);
                if sim >= NAME_THRESHOLD {
                    let same_pos = position(&self.left[l]) == position(&self.right[r]);
                    candidates.push((sim, !same_pos, l.abs_diff(r), l, r));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
                .then(a.4.cmp(&b.4))
        });
        for (_, _, _, l, r) in candidates {
            if !self.left_taken[l] && !self.right_taken[r] {
                self.take(l, r, MatchBasis::Name);
            }
        }
    }

    fn finish(mut self) -> Matching {
        self.pairs.sort_by_key(|p| p.left);
        let free = |taken: &[bool]| (0..taken.len()).filter(|&i| !taken[i]).collect();
        Matching {
            left_only: free(&self.left_taken),
            right_only: free(&self.right_taken),
            pairs: self.pairs,
        }
    }
}

/// Pair the tasks of `left` (expected or old) with those of `right` (got or
/// new), one-to-one.
pub fn match_tasks(left: &[Task], right: &[Task], mode: MatchMode) -> Matching {
    let mut pairing = Pairing::new(left, right);
    let same_position = |a: &Task, b: &Task| position(a) == position(b);
    match mode {
        MatchMode::Check => {
            pairing.by_key(MatchBasis::Id, 0.0, |a, b| a.id == b.id);
            pairing.by_key(MatchBasis::Number, 0.0, same_position);
            pairing.by_name();
        }
        MatchMode::Revision => {
            pairing.by_name();
            pairing.by_key(MatchBasis::Number, SAME_POSITION_THRESHOLD, same_position);
        }
    }
    pairing.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_support::task;

    #[test]
    fn similarity_ignores_case_tone_style_and_order() {
        assert_eq!(name_similarity("Hoà nhập QUỐC TẾ", "quốc tế hòa nhập"), 1.0);
        assert_eq!(name_similarity("", "x"), 0.0);
        let s = name_similarity(
            "Xây dựng kế hoạch triển khai Nghị quyết số 57",
            "Xây dựng và ban hành kế hoạch triển khai Nghị quyết 57",
        );
        assert!(s > 0.7 && s < 0.9, "{s}");
        let unrelated = name_similarity(
            "Tổ chức hội nghị sơ kết",
            "Rà soát văn bản quy phạm pháp luật",
        );
        assert!(unrelated < NAME_THRESHOLD, "{unrelated}");
    }

    #[test]
    fn check_mode_prefers_id_then_number_then_name() {
        let expected = [
            task("d/-/1", "1", "Alpha beta gamma"),
            task("d/-/2", "2", "Delta epsilon"),
            task("d/-/3", "3", "Zeta eta theta"),
            task("d/-/4", "4", "Không có ở đâu cả"),
        ];
        let got = [
            task("x/-/9", "9", "Zeta eta theta iota"),
            task("x/-/2", "2", "Hoàn toàn khác"),
            task("d/-/1", "1", "Alpha"),
        ];
        let m = match_tasks(&expected, &got, MatchMode::Check);
        let pairs: Vec<_> = m.pairs.iter().map(|p| (p.left, p.right, p.basis)).collect();
        assert_eq!(
            pairs,
            [
                (0, 2, MatchBasis::Id),
                (1, 1, MatchBasis::Number),
                (2, 0, MatchBasis::Name)
            ]
        );
        assert_eq!(m.left_only, [3]);
        assert!(m.right_only.is_empty());
    }

    #[test]
    fn revision_mode_follows_renumbered_rows() {
        // A row inserted at 2 pushes the old 2 and 3 down by one.
        let old = [
            task("a/-/1", "1", "Xây dựng kế hoạch truyền thông"),
            task("a/-/2", "2", "Tổ chức hội nghị sơ kết"),
            task("a/-/3", "3", "Rà soát văn bản quy phạm pháp luật"),
        ];
        let new = [
            task("b/-/1", "1", "Xây dựng kế hoạch truyền thông"),
            task("b/-/2", "2", "Đào tạo cán bộ chuyển đổi số"),
            task("b/-/3", "3", "Tổ chức hội nghị sơ kết"),
            task("b/-/4", "4", "Rà soát các văn bản quy phạm pháp luật"),
        ];
        let m = match_tasks(&old, &new, MatchMode::Revision);
        let pairs: Vec<_> = m.pairs.iter().map(|p| (p.left, p.right)).collect();
        assert_eq!(pairs, [(0, 0), (1, 2), (2, 3)]);
        assert_eq!(m.right_only, [1]);
        assert!(m.left_only.is_empty());
    }

    #[test]
    fn revision_mode_is_one_to_one_best_first() {
        let old = [
            task("a/-/1", "1", "Tổ chức hội nghị"),
            task("a/-/2", "2", "Tổ chức hội nghị tổng kết"),
        ];
        let new = [task("b/-/1", "1", "Tổ chức hội nghị tổng kết")];
        let m = match_tasks(&old, &new, MatchMode::Revision);
        assert_eq!(m.pairs.len(), 1);
        assert_eq!((m.pairs[0].left, m.pairs[0].right), (1, 0));
        assert_eq!(m.left_only, [0]);
    }

    #[test]
    fn revision_mode_pairs_same_position_only_when_somewhat_alike() {
        let old = [
            task("a/-/1", "1", "Hoàn thiện thể chế về chuyển đổi số quốc gia"),
            task("a/-/2", "2", "Mua sắm trang thiết bị"),
        ];
        let new = [
            task(
                "b/-/1",
                "1",
                "Hoàn thiện thể chế, chính sách phát triển kinh tế số",
            ),
            task("b/-/2", "2", "Tuyển dụng nhân lực"),
        ];
        let m = match_tasks(&old, &new, MatchMode::Revision);
        assert_eq!(m.pairs.len(), 1);
        assert_eq!(m.pairs[0].basis, MatchBasis::Number);
        assert_eq!((m.pairs[0].left, m.pairs[0].right), (0, 0));
        assert_eq!(m.left_only, [1]);
        assert_eq!(m.right_only, [1]);
    }
}
