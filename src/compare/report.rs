//! Field-by-field comparison of an expected document with an extracted one:
//! the logic behind `nhiemvu check` and the golden tests.

use super::fields::{
    document_fields, task_fields, task_labels, FieldValue, DOCUMENT_FIELDS, TASK_FIELDS,
};
use super::matcher::{match_tasks, MatchBasis, MatchMode};
use crate::model::ExtractedDocument;
use serde::Serialize;
use std::fmt;

/// One field whose expected and extracted values differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldDiff {
    /// Field name, e.g. `deadline.due` or `document.number`.
    pub field: &'static str,
    /// The expected value.
    pub expected: FieldValue,
    /// The extracted value.
    pub got: FieldValue,
}

/// The differences within one matched pair of tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskDiff {
    /// Short label of the expected task (its number, or more where needed).
    pub label: String,
    /// Id of the expected task.
    pub expected_id: String,
    /// Id of the extracted task.
    pub got_id: String,
    /// How the two tasks were paired.
    pub matched_by: MatchBasis,
    /// The fields that differ.
    pub fields: Vec<FieldDiff>,
}

/// How often one field came out right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldTally {
    /// Field name.
    pub field: &'static str,
    /// Expected values: one per expected task (one per document for
    /// document fields).
    pub expected: usize,
    /// Values matched and equal.
    pub equal: usize,
}

impl FieldTally {
    /// `equal / expected`, or 1 when nothing was expected.
    pub fn accuracy(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.equal as f64 / self.expected as f64
        }
    }
}

/// Everything that differs between an expected and an extracted document.
///
/// `source.path` and `source.sha256` are not compared; a different
/// `sha256` only adds a warning (the input changed since it was blessed).
/// Warnings and task locations are not compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentReport {
    /// Number of expected tasks.
    pub tasks_expected: usize,
    /// Number of extracted tasks.
    pub tasks_found: usize,
    /// Number of tasks paired.
    pub tasks_matched: usize,
    /// Ids of expected tasks with no extracted partner.
    pub missing: Vec<String>,
    /// Ids of extracted tasks with no expected partner.
    pub unexpected: Vec<String>,
    /// Document-level fields that differ.
    pub document: Vec<FieldDiff>,
    /// Matched tasks with at least one differing field, in expected order.
    pub tasks: Vec<TaskDiff>,
    /// Per-field counts, document fields first, then task fields.
    pub field_tallies: Vec<FieldTally>,
    /// Notes that are not differences (e.g. the input changed).
    pub warnings: Vec<String>,
}

impl DocumentReport {
    /// Whether the documents agree: no missing or unexpected task and no
    /// differing field. Warnings do not count.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty()
            && self.unexpected.is_empty()
            && self.document.is_empty()
            && self.tasks.is_empty()
    }

    /// Number of differences: missing and unexpected tasks plus differing fields.
    pub fn difference_count(&self) -> usize {
        self.missing.len()
            + self.unexpected.len()
            + self.document.len()
            + self.tasks.iter().map(|t| t.fields.len()).sum::<usize>()
    }
}

/// Compare an extracted document (`got`) with the expected one, field by
/// field. Tasks are paired by id, then by section and number, then by name
/// similarity; texts are compared after NFC and whitespace folding.
pub fn compare_documents(expected: &ExtractedDocument, got: &ExtractedDocument) -> DocumentReport {
    let mut field_tallies: Vec<FieldTally> = DOCUMENT_FIELDS
        .iter()
        .map(|&field| FieldTally {
            field,
            expected: 1,
            equal: 0,
        })
        .chain(TASK_FIELDS.iter().map(|&field| FieldTally {
            field,
            expected: expected.tasks.len(),
            equal: 0,
        }))
        .collect();

    let doc_want = document_fields(&expected.document);
    let doc_got = document_fields(&got.document);
    let mut document = Vec::new();
    for (i, (want, have)) in doc_want.into_iter().zip(doc_got).enumerate() {
        if want == have {
            field_tallies[i].equal += 1;
        } else {
            document.push(FieldDiff {
                field: DOCUMENT_FIELDS[i],
                expected: want,
                got: have,
            });
        }
    }

    let matching = match_tasks(&expected.tasks, &got.tasks, MatchMode::Check);
    let labels = task_labels(&expected.tasks);
    let mut tasks = Vec::new();
    for pair in &matching.pairs {
        let (want, have) = (&expected.tasks[pair.left], &got.tasks[pair.right]);
        let mut fields = Vec::new();
        for (i, (w, h)) in task_fields(want)
            .into_iter()
            .zip(task_fields(have))
            .enumerate()
        {
            if w == h {
                field_tallies[DOCUMENT_FIELDS.len() + i].equal += 1;
            } else {
                fields.push(FieldDiff {
                    field: TASK_FIELDS[i],
                    expected: w,
                    got: h,
                });
            }
        }
        if !fields.is_empty() {
            tasks.push(TaskDiff {
                label: labels[pair.left].clone(),
                expected_id: want.id.clone(),
                got_id: have.id.clone(),
                matched_by: pair.basis,
                fields,
            });
        }
    }

    let mut warnings = Vec::new();
    if expected.source.sha256 != got.source.sha256 {
        warnings.push(format!(
            "input changed since blessed (sha256 {} → {})",
            short(&expected.source.sha256),
            short(&got.source.sha256)
        ));
    }
    DocumentReport {
        tasks_expected: expected.tasks.len(),
        tasks_found: got.tasks.len(),
        tasks_matched: matching.pairs.len(),
        missing: matching
            .left_only
            .iter()
            .map(|&i| expected.tasks[i].id.clone())
            .collect(),
        unexpected: matching
            .right_only
            .iter()
            .map(|&i| got.tasks[i].id.clone())
            .collect(),
        document,
        tasks,
        field_tallies,
        warnings,
    }
}

/// The first 12 characters of a hash, for messages.
fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

impl fmt::Display for DocumentReport {
    /// One line per difference, e.g.
    /// `3.29 deadline.due: expected "2026-06-30", got "2026-09-30"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "tasks: {} expected, {} found, {} matched",
            self.tasks_expected, self.tasks_found, self.tasks_matched
        )?;
        if !self.missing.is_empty() {
            writeln!(f, "missing tasks: {}", self.missing.join(", "))?;
        }
        if !self.unexpected.is_empty() {
            writeln!(f, "unexpected tasks: {}", self.unexpected.join(", "))?;
        }
        for d in &self.document {
            writeln!(f, "{}: expected {}, got {}", d.field, d.expected, d.got)?;
        }
        for task in &self.tasks {
            let by = match task.matched_by {
                MatchBasis::Id => String::new(),
                MatchBasis::Number => format!(" (matched by number to {})", task.got_id),
                MatchBasis::Name => format!(" (matched by name to {})", task.got_id),
            };
            if !by.is_empty() {
                writeln!(f, "{}{by}", task.label)?;
            }
            for d in &task.fields {
                writeln!(
                    f,
                    "{} {}: expected {}, got {}",
                    task.label, d.field, d.expected, d.got
                )?;
            }
        }
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::test_support::{document, task};
    use crate::model::{Deadline, DeadlineKind, UnitRef};

    fn quarter(raw: &str, due: &str) -> Deadline {
        Deadline {
            raw: raw.into(),
            kind: DeadlineKind::Quarter,
            start: None,
            due: Some(due.into()),
            recurrence: None,
        }
    }

    #[test]
    fn identical_documents_are_clean() {
        let doc = document(vec![task("d/-/1", "1", "Một"), task("d/-/2", "2", "Hai")]);
        let report = compare_documents(&doc, &doc);
        assert!(report.is_clean());
        assert_eq!(report.difference_count(), 0);
        assert!(report.field_tallies.iter().all(|t| t.accuracy() == 1.0));
        assert!(report.warnings.is_empty());
        assert_eq!(
            report.to_string(),
            "tasks: 2 expected, 2 found, 2 matched\n"
        );
    }

    #[test]
    fn a_document_field_alone_makes_it_unclean() {
        let want = document(vec![task("d/-/1", "1", "Một")]);
        let mut got = want.clone();
        got.document.date = Some("2026-01-05".into());
        let report = compare_documents(&want, &got);
        assert!(!report.is_clean());
        assert_eq!(report.difference_count(), 1);
        assert!(report
            .to_string()
            .contains("document.date: expected none, got \"2026-01-05\""));
    }

    #[test]
    fn whitespace_and_nfc_differences_are_not_differences() {
        let want = document(vec![task("d/-/1", "1", "Hòa nhập quốc tế")]);
        let got = document(vec![task("d/-/1", "1", "Ho\u{300}a  nhập quốc tế ")]);
        assert!(compare_documents(&want, &got).is_clean());
    }

    #[test]
    fn reports_each_differing_field_readably() {
        let mut a = task("d/-/3.29", "3.29", "Xây dựng đề án");
        a.deadline = Some(quarter("Quý II/2026", "2026-06-30"));
        a.lead_units = vec![UnitRef {
            raw: "Bộ Nội vụ".into(),
            name: "Bộ Nội vụ".into(),
        }];
        let mut b = a.clone();
        b.deadline = Some(quarter("Quý III/2026", "2026-09-30"));
        b.lead_units.push(UnitRef {
            raw: "Bộ Tài chính".into(),
            name: "Bộ Tài chính".into(),
        });
        let mut want = document(vec![a, task("d/-/4", "4", "Tổ chức hội nghị")]);
        want.document.number = Some("11-KH/BCĐ".into());
        let mut got = document(vec![b, task("d/-/5", "5", "Mua sắm thiết bị")]);
        got.source.sha256 = "f".repeat(64);

        let report = compare_documents(&want, &got);
        assert!(!report.is_clean());
        assert_eq!(report.missing, ["d/-/4"]);
        assert_eq!(report.unexpected, ["d/-/5"]);
        assert_eq!(report.tasks_matched, 1);
        assert_eq!(report.difference_count(), 6);
        let text = report.to_string();
        for line in [
            "tasks: 2 expected, 2 found, 1 matched",
            "missing tasks: d/-/4",
            "unexpected tasks: d/-/5",
            "document.number: expected \"11-KH/BCĐ\", got none",
            "3.29 deadline.raw: expected \"Quý II/2026\", got \"Quý III/2026\"",
            "3.29 deadline.due: expected \"2026-06-30\", got \"2026-09-30\"",
            "3.29 lead_units: expected [\"Bộ Nội vụ\"], got [\"Bộ Nội vụ\", \"Bộ Tài chính\"]",
            "warning: input changed since blessed",
        ] {
            assert!(text.contains(line), "missing {line:?} in\n{text}");
        }
        let due = report
            .field_tallies
            .iter()
            .find(|t| t.field == "deadline.due")
            .map(|t| (t.equal, t.expected));
        // Task 4 is missing and 3.29 differs: 0 of 2 right.
        assert_eq!(due, Some((0, 2)));
        let name = report.field_tallies.iter().find(|t| t.field == "name");
        assert_eq!(name.map(|t| t.accuracy()), Some(0.5));
    }

    #[test]
    fn id_change_shows_how_tasks_were_paired() {
        let want = document(vec![task("KH-11/-/1", "1", "Một việc")]);
        let got = document(vec![task("plan/-/1", "1", "Một việc")]);
        let report = compare_documents(&want, &got);
        let text = report.to_string();
        assert!(text.contains("1 (matched by number to plan/-/1)"), "{text}");
        assert!(
            text.contains("1 id: expected \"KH-11/-/1\", got \"plan/-/1\""),
            "{text}"
        );
    }
}
