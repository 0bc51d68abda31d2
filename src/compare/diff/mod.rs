//! What changed between two issues of the same plan: tasks added, removed,
//! changed (field by field) and renumbered.
//!
//! # JSON shape (`nhiemvu diff --json`, `schemas/diff.schema.json`)
//!
//! ```json
//! {
//!   "diff_version": "1",
//!   "old": {"path": "...", "number": "11-KH/BCĐ", "date": "2026-01-05", "title": "...", "tasks": 6},
//!   "new": {"path": "...", "number": "15-KH/BCĐ", "date": "2026-03-10", "title": "...", "tasks": 7},
//!   "summary": {"added": 2, "removed": 1, "changed": 3, "renumbered": 2, "unchanged": 2},
//!   "added": [ <Task>, ... ],
//!   "removed": [ {"id": "...", "number": "2.3", "name": "..."} ],
//!   "changed": [ {"old_id": "...", "new_id": "...", "old_number": "3.2", "new_number": "3.2",
//!                 "changes": [ {"field": "deadline", "label": "Thời gian hoàn thành",
//!                               "old": "Quý II/2026 (hạn 2026-06-30)", "new": "Quý III/2026 (hạn 2026-09-30)"} ],
//!                 "task": <Task> } ],
//!   "renumbered": [ {"old_id": "...", "new_id": "...", "old_number": "3.4", "new_number": "3.5",
//!                    "old_section": "II", "new_section": "II", "name": "..."} ],
//!   "matched": [ {"old_id": "...", "new_id": "...", "basis": "name", "similarity": 0.93} ]
//! }
//! ```
//!
//! `<Task>` is a task record of the output contract, as in the new issue.
//! A tracker applies a diff as follows: re-key every `matched` pair from
//! `old_id` to `new_id` (ids embed the document number, so they usually
//! change between issues); upsert every `changed[].task` and every `added`
//! task; close every `removed` task. `renumbered` lists the matched pairs
//! whose section or number changed; a pair can be both changed and
//! renumbered. `old`/`new` of a change are a string, `null`, or a list of
//! strings (units, documents, extra columns), for display.

mod plan_field;
mod text;

pub use plan_field::PlanField;

use super::fields::{position, FieldValue};
use super::matcher::{match_tasks, MatchBasis, MatchMode};
use crate::model::{ExtractedDocument, Task};
use serde::Serialize;

/// Version of the diff JSON shape.
pub const DIFF_VERSION: &str = "1";

/// Identification of one issue of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// The path the document was read from.
    pub path: String,
    /// Number and symbol of the document.
    pub number: Option<String>,
    /// Date of issue.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Number of tasks.
    pub tasks: usize,
}

impl DocumentSummary {
    fn of(doc: &ExtractedDocument) -> Self {
        DocumentSummary {
            path: doc.source.path.clone(),
            number: doc.document.number.clone(),
            date: doc.document.date.clone(),
            title: doc.document.title.clone(),
            tasks: doc.tasks.len(),
        }
    }
}

/// Counts of each kind of change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    /// Tasks only in the new issue.
    pub added: usize,
    /// Tasks only in the old issue.
    pub removed: usize,
    /// Matched tasks with a changed field.
    pub changed: usize,
    /// Matched tasks whose section or number changed.
    pub renumbered: usize,
    /// Matched tasks with no changed field (renumbered or not).
    pub unchanged: usize,
}

/// A task of the old issue that the new one drops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemovedTask {
    /// Id in the old issue.
    pub id: String,
    /// Number in the old issue.
    pub number: String,
    /// Name in the old issue.
    pub name: String,
}

/// One changed field of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// Which field.
    pub field: PlanField,
    /// Its Vietnamese name.
    pub label: &'static str,
    /// Value in the old issue.
    pub old: FieldValue,
    /// Value in the new issue.
    pub new: FieldValue,
}

/// A task present in both issues whose content changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedTask {
    /// Id in the old issue.
    pub old_id: String,
    /// Id in the new issue.
    pub new_id: String,
    /// Number in the old issue.
    pub old_number: String,
    /// Number in the new issue.
    pub new_number: String,
    /// The changed fields.
    pub changes: Vec<FieldChange>,
    /// The task as in the new issue, for upserting.
    pub task: Task,
}

/// A task present in both issues under a different section or number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RenumberedTask {
    /// Id in the old issue.
    pub old_id: String,
    /// Id in the new issue.
    pub new_id: String,
    /// Number in the old issue.
    pub old_number: String,
    /// Number in the new issue.
    pub new_number: String,
    /// Section number in the old issue.
    pub old_section: Option<String>,
    /// Section number in the new issue.
    pub new_section: Option<String>,
    /// Name in the new issue.
    pub name: String,
}

/// One pairing of an old task with a new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedTask {
    /// Id in the old issue.
    pub old_id: String,
    /// Id in the new issue.
    pub new_id: String,
    /// What the pairing is based on.
    pub basis: MatchBasis,
    /// Name similarity, 0 to 1.
    pub similarity: f64,
}

/// Everything that changed between two issues of a plan. Serializes to the
/// JSON shape described in the [module documentation](self).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff {
    /// [`DIFF_VERSION`].
    pub diff_version: &'static str,
    /// The old issue.
    pub old: DocumentSummary,
    /// The new issue.
    pub new: DocumentSummary,
    /// Counts.
    pub summary: DiffSummary,
    /// Tasks only in the new issue, in its order.
    pub added: Vec<Task>,
    /// Tasks only in the old issue, in its order.
    pub removed: Vec<RemovedTask>,
    /// Matched tasks with changed fields, in new-issue order.
    pub changed: Vec<ChangedTask>,
    /// Matched tasks under a new section or number, in new-issue order.
    pub renumbered: Vec<RenumberedTask>,
    /// Every matched pair, in new-issue order.
    pub matched: Vec<MatchedTask>,
}

impl PlanDiff {
    /// Whether the two issues hold the same tasks with the same content and
    /// numbering.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.renumbered.is_empty()
    }
}

/// One pairing of an old task with a new one, by index, with what changed:
/// the step of [`diff_plans`] that a tracker applies ([`crate::load`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RevisedPair {
    /// Index of the task in the old issue.
    pub old: usize,
    /// Index of the task in the new issue.
    pub new: usize,
    /// What the pairing is based on.
    pub basis: MatchBasis,
    /// Name similarity, 0 to 1.
    pub similarity: f64,
    /// The changed fields, in [`PlanField::ALL`] order.
    pub changes: Vec<FieldChange>,
    /// Whether the section or number changed.
    pub renumbered: bool,
}

/// How the tasks of two issues correspond, by index: the single pairing and
/// field comparison behind both `nhiemvu diff` and `nhiemvu load`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Revision {
    /// Matched pairs, in new-issue order.
    pub pairs: Vec<RevisedPair>,
    /// Indices of tasks only in the new issue, ascending.
    pub added: Vec<usize>,
    /// Indices of tasks only in the old issue, ascending.
    pub removed: Vec<usize>,
}

/// Pair the tasks of two issues of a plan across renumbering by name
/// similarity (see [`MatchMode::Revision`]) and compare each pair field by
/// field.
pub fn revise(old: &[Task], new: &[Task]) -> Revision {
    let matching = match_tasks(old, new, MatchMode::Revision);
    let mut pairs = matching.pairs;
    pairs.sort_by_key(|p| p.right);
    let pairs = pairs
        .into_iter()
        .map(|pair| {
            let (a, b) = (&old[pair.left], &new[pair.right]);
            RevisedPair {
                old: pair.left,
                new: pair.right,
                basis: pair.basis,
                similarity: pair.similarity,
                changes: PlanField::ALL
                    .into_iter()
                    .filter(|f| !f.same(a, b))
                    .map(|field| FieldChange {
                        field,
                        label: field.label(),
                        old: field.value(a),
                        new: field.value(b),
                    })
                    .collect(),
                renumbered: position(a) != position(b),
            }
        })
        .collect();
    Revision {
        pairs,
        added: matching.right_only,
        removed: matching.left_only,
    }
}

/// Compare two issues of a plan: [`revise`], grouped for display and JSON.
pub fn diff_plans(old: &ExtractedDocument, new: &ExtractedDocument) -> PlanDiff {
    let revision = revise(&old.tasks, &new.tasks);
    let mut changed = Vec::new();
    let mut renumbered = Vec::new();
    let mut matched = Vec::new();
    for pair in revision.pairs {
        let (a, b) = (&old.tasks[pair.old], &new.tasks[pair.new]);
        matched.push(MatchedTask {
            old_id: a.id.clone(),
            new_id: b.id.clone(),
            basis: pair.basis,
            similarity: (pair.similarity * 1000.0).round() / 1000.0,
        });
        if pair.renumbered {
            renumbered.push(RenumberedTask {
                old_id: a.id.clone(),
                new_id: b.id.clone(),
                old_number: a.number.clone(),
                new_number: b.number.clone(),
                old_section: a.section.as_ref().map(|h| h.number.clone()),
                new_section: b.section.as_ref().map(|h| h.number.clone()),
                name: b.name.clone(),
            });
        }
        if !pair.changes.is_empty() {
            changed.push(ChangedTask {
                old_id: a.id.clone(),
                new_id: b.id.clone(),
                old_number: a.number.clone(),
                new_number: b.number.clone(),
                changes: pair.changes,
                task: b.clone(),
            });
        }
    }
    let added: Vec<Task> = revision
        .added
        .iter()
        .map(|&i| new.tasks[i].clone())
        .collect();
    let removed: Vec<RemovedTask> = revision
        .removed
        .iter()
        .map(|&i| RemovedTask {
            id: old.tasks[i].id.clone(),
            number: old.tasks[i].number.clone(),
            name: old.tasks[i].name.clone(),
        })
        .collect();
    PlanDiff {
        diff_version: DIFF_VERSION,
        old: DocumentSummary::of(old),
        new: DocumentSummary::of(new),
        summary: DiffSummary {
            added: added.len(),
            removed: removed.len(),
            changed: changed.len(),
            renumbered: renumbered.len(),
            unchanged: matched.len() - changed.len(),
        },
        added,
        removed,
        changed,
        renumbered,
        matched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_support::{document, task};
    use crate::model::{Deadline, DeadlineKind, UnitRef};

    fn lead(name: &str) -> Vec<UnitRef> {
        vec![UnitRef {
            raw: name.into(),
            name: name.into(),
        }]
    }

    fn quarter(raw: &str, due: &str) -> Option<Deadline> {
        Some(Deadline {
            raw: raw.into(),
            kind: DeadlineKind::Quarter,
            start: None,
            due: Some(due.into()),
            recurrence: None,
        })
    }

    fn plans() -> (ExtractedDocument, ExtractedDocument) {
        let mut a1 = task(
            "A/-/1",
            "1",
            "Xây dựng kế hoạch truyền thông về chuyển đổi số",
        );
        a1.deadline = quarter("Quý II/2026", "2026-06-30");
        let mut a2 = task("A/-/2", "2", "Tổ chức hội nghị sơ kết một năm");
        a2.lead_units = lead("Bộ Nội vụ");
        let a3 = task("A/-/3", "3", "Mua sắm trang thiết bị cho trung tâm dữ liệu");
        let a4 = task("A/-/4", "4", "Rà soát văn bản quy phạm pháp luật");
        let mut b1 = a1.clone();
        b1.id = "B/-/1".into();
        b1.deadline = quarter("Quý III/2026", "2026-09-30");
        let b2 = task("B/-/2", "2", "Đào tạo cán bộ về an toàn thông tin");
        let mut b3 = a2.clone();
        b3.id = "B/-/3".into();
        b3.number = "3".into();
        b3.lead_units = lead("Văn phòng Chính phủ");
        let mut b4 = a4.clone();
        b4.id = "B/-/4".into();
        b4.name = "Rà soát các văn bản quy phạm pháp luật".into();
        (
            document(vec![a1, a2, a3, a4]),
            document(vec![b1, b2, b3, b4]),
        )
    }

    #[test]
    fn finds_added_removed_changed_and_renumbered() {
        let (old, new) = plans();
        let d = diff_plans(&old, &new);
        assert_eq!(
            d.summary,
            DiffSummary {
                added: 1,
                removed: 1,
                changed: 3,
                renumbered: 1,
                unchanged: 0
            }
        );
        assert_eq!(d.added[0].id, "B/-/2");
        assert_eq!(d.removed[0].id, "A/-/3");
        let changes: Vec<(&str, Vec<PlanField>)> = d
            .changed
            .iter()
            .map(|c| {
                (
                    c.old_id.as_str(),
                    c.changes.iter().map(|ch| ch.field).collect(),
                )
            })
            .collect();
        assert_eq!(
            changes,
            [
                ("A/-/1", vec![PlanField::Deadline]),
                ("A/-/2", vec![PlanField::LeadUnits]),
                ("A/-/4", vec![PlanField::Name]),
            ]
        );
        assert_eq!(
            (
                d.renumbered[0].old_number.as_str(),
                d.renumbered[0].new_number.as_str()
            ),
            ("2", "3")
        );
        assert_eq!(d.matched.len(), 3);
        assert!(!d.is_empty());
    }

    #[test]
    fn text_is_grouped_with_vietnamese_field_names() {
        let (old, new) = plans();
        let text = diff_plans(&old, &new).to_string();
        for line in [
            "Thêm mới (1):\n  + 2 Đào tạo cán bộ về an toàn thông tin",
            "Bị bỏ (1):\n  - 3 Mua sắm trang thiết bị cho trung tâm dữ liệu",
            "Thời gian hoàn thành: Quý II/2026 (hạn 2026-06-30) → Quý III/2026 (hạn 2026-09-30)",
            "  ~ 3 (trước là 2) Tổ chức hội nghị sơ kết một năm\n      Đơn vị chủ trì: Bộ Nội vụ → Văn phòng Chính phủ",
            "Tên nhiệm vụ: Rà soát văn bản quy phạm pháp luật → Rà soát các văn bản quy phạm pháp luật",
            "Đánh số lại (1):\n  2 → 3 Tổ chức hội nghị sơ kết một năm",
        ] {
            assert!(text.contains(line), "missing {line:?} in\n{text}");
        }
    }

    #[test]
    fn cosmetic_differences_are_not_changes() {
        let (old, _) = plans();
        let mut new = old.clone();
        new.tasks[0].name = "XÂY DỰNG kế hoạch truyền thông về chuyển đổi số.".into();
        if let Some(d) = new.tasks[0].deadline.as_mut() {
            d.raw = "Quý II năm 2026".into();
        }
        new.tasks[1].lead_units[0].raw = "BNV".into();
        let d = diff_plans(&old, &new);
        assert!(d.is_empty(), "{d}");
        assert!(d.to_string().contains("Không có thay đổi."));
        assert_eq!(d.summary.unchanged, 4);
    }

    #[test]
    fn a_task_moved_to_another_section_is_renumbered() {
        use crate::model::Heading;
        let section = |n: &str| {
            Some(Heading {
                number: n.into(),
                title: format!("Mục {n}"),
            })
        };
        let mut a = task("A/I/3", "3", "Đẩy mạnh cải cách hành chính");
        a.section = section("I");
        let mut b = task("B/II/3", "3", "Đẩy mạnh cải cách hành chính");
        b.section = section("II");
        let d = diff_plans(&document(vec![a]), &document(vec![b]));
        assert_eq!(d.summary.renumbered, 1);
        assert_eq!(d.summary.changed, 0);
        assert!(d.to_string().contains("  I/3 → II/3 Đẩy mạnh"), "{d}");
    }
}
