//! Blessing: accepting the current output of an input as its expected
//! output, and saying what that changes.

use super::parse_document;
use super::report::{compare_documents, DocumentReport};
use super::suite::Case;
use crate::error::{Error, Result};
use crate::extract::Context;
use crate::output::{document_json, write_atomic};
use crate::pipeline::process_file;

/// What blessing one input did.
#[derive(Debug, Clone, PartialEq)]
pub enum Blessed {
    /// A new expected output was written with this many tasks.
    Created(usize),
    /// The expected output was rewritten; the report shows what changed
    /// (it is clean when only source information changed).
    Updated(DocumentReport),
    /// The old expected output was not readable and was replaced.
    Replaced(String),
    /// The expected output already matched byte for byte.
    Unchanged,
}

/// Extract one input and write its output as the expected output
/// (atomically), saying what changed.
pub fn bless_case(case: &Case, ctx: &Context) -> Result<Blessed> {
    let got = process_file(&case.input, ctx)?;
    let json = document_json(&got);
    let outcome = if case.has_expected {
        let old_bytes = std::fs::read(&case.expected).map_err(|source| Error::Io {
            path: case.expected.clone(),
            source,
        })?;
        if old_bytes == json.as_bytes() {
            return Ok(Blessed::Unchanged);
        }
        match parse_document(&case.expected, &old_bytes) {
            Ok(old) => Blessed::Updated(compare_documents(&old, &got)),
            Err(err) => Blessed::Replaced(err.to_string()),
        }
    } else {
        Blessed::Created(got.tasks.len())
    };
    write_atomic(&case.expected, json.as_bytes())?;
    Ok(outcome)
}
