//! The task fields a plan revision can change, how they are shown and
//! when two versions count as the same.

use crate::compare::fields::{normalize, unit, FieldValue};
use crate::model::{Deadline, DeadlineKind, Task};
use crate::normalize::match_key;
use serde::Serialize;

/// A task field a plan revision can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanField {
    /// Task name (Tên nhiệm vụ).
    Name,
    /// Lead units (Đơn vị chủ trì).
    LeadUnits,
    /// Coordinating units (Đơn vị phối hợp).
    CoordinatingUnits,
    /// Deadline (Thời gian hoàn thành).
    Deadline,
    /// Expected result (Kết quả).
    Result,
    /// Assigning documents (Văn bản giao nhiệm vụ).
    AssigningDocuments,
    /// Columns no field takes (Cột khác).
    ExtraColumns,
}

impl PlanField {
    /// Every field, in report order.
    pub const ALL: [PlanField; 7] = [
        PlanField::Name,
        PlanField::LeadUnits,
        PlanField::CoordinatingUnits,
        PlanField::Deadline,
        PlanField::Result,
        PlanField::AssigningDocuments,
        PlanField::ExtraColumns,
    ];

    /// The Vietnamese name of the field.
    pub fn label(self) -> &'static str {
        match self {
            PlanField::Name => "Tên nhiệm vụ",
            PlanField::LeadUnits => "Đơn vị chủ trì",
            PlanField::CoordinatingUnits => "Đơn vị phối hợp",
            PlanField::Deadline => "Thời gian hoàn thành",
            PlanField::Result => "Kết quả",
            PlanField::AssigningDocuments => "Văn bản giao nhiệm vụ",
            PlanField::ExtraColumns => "Cột khác",
        }
    }

    /// The field of a task, for display.
    pub fn value(self, task: &Task) -> FieldValue {
        let list =
            |items: Vec<String>| FieldValue::List(items.iter().map(|s| normalize(s)).collect());
        match self {
            PlanField::Name => FieldValue::Text(Some(normalize(&task.name))),
            PlanField::LeadUnits => list(task.lead_units.iter().map(unit).collect()),
            PlanField::CoordinatingUnits => {
                list(task.coordinating_units.iter().map(unit).collect())
            }
            PlanField::Deadline => FieldValue::Text(task.deadline.as_ref().map(show_deadline)),
            PlanField::Result => FieldValue::Text(task.result.as_deref().map(normalize)),
            PlanField::AssigningDocuments => list(
                task.assigning_documents
                    .iter()
                    .map(|d| d.raw.clone())
                    .collect(),
            ),
            PlanField::ExtraColumns => list(
                task.extra_columns
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect(),
            ),
        }
    }

    /// Whether two tasks agree on the field in substance: texts by
    /// [`match_key`] (case, tone-mark style and punctuation ignored), unit
    /// and document lists regardless of order, deadlines by their parsed
    /// period (and by wording only when not understood).
    pub fn same(self, a: &Task, b: &Task) -> bool {
        let keys = |items: Vec<&str>| {
            let mut keys: Vec<String> = items.into_iter().map(match_key).collect();
            keys.sort();
            keys
        };
        match self {
            PlanField::Name => match_key(&a.name) == match_key(&b.name),
            PlanField::LeadUnits => {
                keys(a.lead_units.iter().map(|u| u.name.as_str()).collect())
                    == keys(b.lead_units.iter().map(|u| u.name.as_str()).collect())
            }
            PlanField::CoordinatingUnits => {
                keys(
                    a.coordinating_units
                        .iter()
                        .map(|u| u.name.as_str())
                        .collect(),
                ) == keys(
                    b.coordinating_units
                        .iter()
                        .map(|u| u.name.as_str())
                        .collect(),
                )
            }
            PlanField::Deadline => same_deadline(a.deadline.as_ref(), b.deadline.as_ref()),
            PlanField::Result => {
                a.result.as_deref().map(match_key) == b.result.as_deref().map(match_key)
            }
            PlanField::AssigningDocuments => {
                keys(
                    a.assigning_documents
                        .iter()
                        .map(|d| d.raw.as_str())
                        .collect(),
                ) == keys(
                    b.assigning_documents
                        .iter()
                        .map(|d| d.raw.as_str())
                        .collect(),
                )
            }
            PlanField::ExtraColumns => {
                let cols = |t: &Task| -> Vec<(String, String)> {
                    t.extra_columns
                        .iter()
                        .map(|(k, v)| (match_key(k), match_key(v)))
                        .collect()
                };
                cols(a) == cols(b)
            }
        }
    }
}

/// A deadline for people: as printed, with the last day when known.
fn show_deadline(d: &Deadline) -> String {
    match &d.due {
        Some(due) => format!("{} (hạn {due})", normalize(&d.raw)),
        None => normalize(&d.raw),
    }
}

/// Whether two deadlines mean the same period.
fn same_deadline(a: Option<&Deadline>, b: Option<&Deadline>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let parsed =
                |d: &Deadline| (d.kind, d.start.clone(), d.due.clone(), d.recurrence.clone());
            let understood = !matches!(a.kind, DeadlineKind::Other | DeadlineKind::Relative);
            parsed(a) == parsed(b) && (understood || match_key(&a.raw) == match_key(&b.raw))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unparsed_deadlines_compare_by_wording() {
        let other = |raw: &str| Deadline {
            raw: raw.into(),
            kind: DeadlineKind::Other,
            start: None,
            due: None,
            recurrence: None,
        };
        assert!(same_deadline(
            Some(&other("Theo chỉ đạo")),
            Some(&other("theo chỉ đạo"))
        ));
        assert!(!same_deadline(
            Some(&other("Theo chỉ đạo")),
            Some(&other("Khi có yêu cầu"))
        ));
        assert!(!same_deadline(Some(&other("Theo chỉ đạo")), None));
    }
}
