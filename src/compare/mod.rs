//! Comparing extracted documents: regression checks against blessed
//! expected outputs ([`compare_documents`], [`suite`]) and what changed
//! between two issues of a plan ([`diff_plans`]).
//!
//! Golden tests call [`compare_documents`] and assert
//! [`DocumentReport::is_clean`], printing the report on failure:
//!
//! ```no_run
//! use nhiemvu::compare::{compare_documents, load_document};
//! use nhiemvu::{extract::Context, pipeline::process_file};
//! use std::path::Path;
//!
//! let expected = load_document(Path::new("fixtures/check/plan.expected.json")).unwrap();
//! let got = process_file(Path::new("fixtures/check/plan.txt"), &Context::default()).unwrap();
//! let report = compare_documents(&expected, &got);
//! assert!(report.is_clean(), "{report}");
//! ```

pub mod bless;
pub mod diff;
pub mod fields;
pub mod matcher;
pub mod report;
pub mod suite;
pub mod table_structure;

pub use diff::{diff_plans, PlanDiff};
pub use report::{compare_documents, DocumentReport, FieldDiff, FieldTally, TaskDiff};

use crate::error::{Error, Result};
use crate::extract::Context;
use crate::model::ExtractedDocument;
use crate::pipeline::process_file;
use std::path::Path;

/// Read an already-extracted document (nhiemvu JSON output).
pub fn load_document(path: &Path) -> Result<ExtractedDocument> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_document(path, &bytes)
}

/// Parse the bytes of an already-extracted document read from `path`.
pub fn parse_document(path: &Path, bytes: &[u8]) -> Result<ExtractedDocument> {
    serde_json::from_slice(bytes).map_err(|e| Error::Malformed {
        path: path.to_path_buf(),
        page: None,
        message: format!("not a nhiemvu JSON document: {e}"),
    })
}

/// A document from either kind of path: `.json` files are read as
/// extracted output, anything else is extracted.
pub fn load_or_extract(path: &Path, ctx: &Context) -> Result<ExtractedDocument> {
    let is_json = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        load_document(path)
    } else {
        process_file(path, ctx)
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Small builders for comparison tests.

    use crate::model::*;

    /// A task with only id, number and name set.
    pub fn task(id: &str, number: &str, name: &str) -> Task {
        let mut task = Task::new("", None, None, number, name.into(), Location::default());
        task.id = id.into();
        task
    }

    /// A document holding `tasks`, with empty metadata.
    pub fn document(tasks: Vec<Task>) -> ExtractedDocument {
        ExtractedDocument {
            schema_version: SCHEMA_VERSION.into(),
            source: SourceInfo {
                path: "plan.txt".into(),
                sha256: "0".repeat(64),
                input_kind: InputKind::Text,
                pages: None,
            },
            document: DocumentMeta::default(),
            tasks,
            warnings: Vec::new(),
            accounting: Default::default(),
        }
    }
}
