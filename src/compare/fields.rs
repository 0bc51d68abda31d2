//! The comparable fields of documents and tasks, each reduced to a
//! [`FieldValue`] normalized to NFC with whitespace folded.

use crate::model::{DocumentMeta, DocumentRef, Heading, Task, UnitRef};
use crate::normalize::fold_spaces;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// A field reduced to what comparison looks at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// One text value, or none.
    Text(Option<String>),
    /// A list of values (units, documents, extra columns), in order.
    List(Vec<String>),
}

impl FieldValue {
    /// A text value from an optional string, normalized.
    fn text(value: Option<&str>) -> FieldValue {
        FieldValue::Text(value.map(normalize))
    }

    /// A list value, every item normalized.
    fn list<I: IntoIterator<Item = String>>(items: I) -> FieldValue {
        FieldValue::List(items.into_iter().map(|s| normalize(&s)).collect())
    }
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(None) => f.write_str("none"),
            FieldValue::Text(Some(s)) => write!(f, "{s:?}"),
            FieldValue::List(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{item:?}")?;
                }
                f.write_str("]")
            }
        }
    }
}

/// NFC composition followed by whitespace folding: the normalization every
/// compared text goes through.
pub fn normalize(text: &str) -> String {
    fold_spaces(&text.nfc().collect::<String>())
}

/// Names of the document-level fields, in report order.
pub const DOCUMENT_FIELDS: [&str; 6] = [
    "document.kind",
    "document.number",
    "document.type",
    "document.date",
    "document.issuer",
    "document.title",
];

/// Names of the task fields, in report order.
pub const TASK_FIELDS: [&str; 17] = [
    "id",
    "number",
    "name",
    "section",
    "group",
    "parent",
    "assigning_documents",
    "assigning_documents.parsed",
    "lead_units",
    "coordinating_units",
    "result",
    "deadline.raw",
    "deadline.kind",
    "deadline.start",
    "deadline.due",
    "deadline.recurrence",
    "extra_columns",
];

/// The document-level fields of a document, in [`DOCUMENT_FIELDS`] order.
pub fn document_fields(meta: &DocumentMeta) -> [FieldValue; 6] {
    [
        FieldValue::text(serde_name(&meta.kind).as_deref()),
        FieldValue::text(meta.number.as_deref()),
        FieldValue::text(meta.doc_type.as_deref()),
        FieldValue::text(meta.date.as_deref()),
        FieldValue::text(meta.issuer.as_deref()),
        FieldValue::text(meta.title.as_deref()),
    ]
}

/// The fields of a task, in [`TASK_FIELDS`] order.
pub fn task_fields(task: &Task) -> [FieldValue; 17] {
    let deadline = task.deadline.as_ref();
    [
        FieldValue::text(Some(&task.id)),
        FieldValue::text(Some(&task.number)),
        FieldValue::text(Some(&task.name)),
        FieldValue::text(task.section.as_ref().map(heading).as_deref()),
        FieldValue::text(task.group.as_ref().map(heading).as_deref()),
        FieldValue::text(task.parent.as_deref()),
        FieldValue::list(task.assigning_documents.iter().map(|d| d.raw.clone())),
        FieldValue::list(task.assigning_documents.iter().map(parsed_ref)),
        FieldValue::list(task.lead_units.iter().map(unit)),
        FieldValue::list(task.coordinating_units.iter().map(unit)),
        FieldValue::text(task.result.as_deref()),
        FieldValue::text(deadline.map(|d| d.raw.as_str())),
        FieldValue::text(deadline.and_then(|d| serde_name(&d.kind)).as_deref()),
        FieldValue::text(deadline.and_then(|d| d.start.as_deref())),
        FieldValue::text(deadline.and_then(|d| d.due.as_deref())),
        FieldValue::text(deadline.and_then(|d| d.recurrence.as_deref())),
        FieldValue::list(task.extra_columns.iter().map(|(k, v)| format!("{k}: {v}"))),
    ]
}

/// A unit as its full name, followed by the printed form when that differs.
pub fn unit(u: &UnitRef) -> String {
    if normalize(&u.raw) == normalize(&u.name) {
        u.name.clone()
    } else {
        format!("{} ({})", u.name, u.raw)
    }
}

/// A heading as `number. title`.
fn heading(h: &Heading) -> String {
    format!("{}. {}", h.number, h.title)
}

/// The parsed parts of a document reference: `type | number | date`, `?`
/// for a part not found.
fn parsed_ref(d: &DocumentRef) -> String {
    let part = |p: &Option<String>| p.clone().unwrap_or_else(|| "?".to_string());
    format!(
        "{} | {} | {}",
        part(&d.doc_type),
        part(&d.number),
        part(&d.date)
    )
}

/// The serialized name of a unit-like enum (`appendix`, `quarter`).
fn serde_name<T: Serialize>(value: &T) -> Option<String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

/// The position of a task within its document: section number and task
/// number, normalized. Equal positions mean "same row of the table".
pub fn position(task: &Task) -> (String, String) {
    let section = task
        .section
        .as_ref()
        .map(|h| normalize(&h.number))
        .unwrap_or_default();
    (section, normalize(task.number.trim_end_matches('.')))
}

/// A short label for each task: its number, or `section/number` (then the
/// id) where the number alone repeats within the document.
pub fn task_labels(tasks: &[Task]) -> Vec<String> {
    let mut by_number: HashMap<&str, usize> = HashMap::new();
    let mut by_position: HashMap<(String, String), usize> = HashMap::new();
    for task in tasks {
        *by_number.entry(task.number.as_str()).or_default() += 1;
        *by_position.entry(position(task)).or_default() += 1;
    }
    tasks
        .iter()
        .map(|task| {
            let pos = position(task);
            if by_number.get(task.number.as_str()) == Some(&1) {
                task.number.clone()
            } else if by_position.get(&pos) == Some(&1) && !pos.0.is_empty() {
                format!("{}/{}", pos.0, pos.1)
            } else {
                task.id.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_support::task;

    #[test]
    fn normalizes_nfc_and_spaces() {
        let decomposed = "Ho\u{300}a  nhập\t quốc tế ";
        assert_eq!(normalize(decomposed), "Hòa nhập quốc tế");
    }

    #[test]
    fn unit_shows_raw_only_when_different() {
        let same = UnitRef {
            raw: "Bộ Công an".into(),
            name: "Bộ Công an".into(),
        };
        let abbr = UnitRef {
            raw: "BTGTW".into(),
            name: "Ban Tuyên giáo Trung ương".into(),
        };
        assert_eq!(unit(&same), "Bộ Công an");
        assert_eq!(unit(&abbr), "Ban Tuyên giáo Trung ương (BTGTW)");
    }

    #[test]
    fn list_display_is_a_list() {
        let v = FieldValue::List(vec!["A".into(), "B".into()]);
        assert_eq!(v.to_string(), r#"["A", "B"]"#);
        assert_eq!(FieldValue::Text(None).to_string(), "none");
    }

    #[test]
    fn labels_disambiguate_repeated_numbers() {
        let mut a = task("d/I/1", "1", "Một");
        a.section = Some(Heading {
            number: "I".into(),
            title: "Chung".into(),
        });
        let mut b = task("d/II/1", "1", "Hai");
        b.section = Some(Heading {
            number: "II".into(),
            title: "Riêng".into(),
        });
        let c = task("d/-/2", "2", "Ba");
        assert_eq!(task_labels(&[a, b, c]), ["I/1", "II/1", "2"]);
    }

    #[test]
    fn deadline_fields_are_split() {
        let mut t = task("d/-/1", "1", "X");
        t.deadline = Some(crate::model::Deadline {
            raw: "Quý II/2026".into(),
            kind: crate::model::DeadlineKind::Quarter,
            start: Some("2026-04-01".into()),
            due: Some("2026-06-30".into()),
            recurrence: None,
        });
        let f = task_fields(&t);
        let at = |name: &str| TASK_FIELDS.iter().position(|n| *n == name).map(|i| &f[i]);
        assert_eq!(
            at("deadline.kind"),
            Some(&FieldValue::Text(Some("quarter".into())))
        );
        assert_eq!(
            at("deadline.due"),
            Some(&FieldValue::Text(Some("2026-06-30".into())))
        );
        assert_eq!(at("deadline.recurrence"), Some(&FieldValue::Text(None)));
    }
}
