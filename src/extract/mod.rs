//! The rule-based extractor: from a [`SourceDoc`] to task records.

pub mod units;

use crate::model::{DocumentMeta, ExtractedDocument, SourceInfo, SCHEMA_VERSION};
use crate::source_doc::SourceDoc;
use std::path::Path;
use units::Gazetteer;

/// What the extractor knows beyond the document: the unit gazetteer.
#[derive(Debug, Clone)]
pub struct Context {
    /// Abbreviations and full names of bodies.
    pub gazetteer: Gazetteer,
}

impl Context {
    /// The built-in gazetteer, extended with a user file when given.
    pub fn with_user_units(units: Option<&Path>) -> Result<Context, String> {
        let mut gazetteer = Gazetteer::builtin();
        if let Some(path) = units {
            gazetteer.add_file(path)?;
        }
        Ok(Context { gazetteer })
    }
}

impl Default for Context {
    fn default() -> Self {
        Context {
            gazetteer: Gazetteer::builtin(),
        }
    }
}

/// Extract the task records of a document, or `None` when it holds no task
/// table and no task list.
pub fn extract(
    doc: &SourceDoc,
    source: SourceInfo,
    _stem: &str,
    _ctx: &Context,
) -> Option<ExtractedDocument> {
    Some(ExtractedDocument {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document: DocumentMeta::default(),
        tasks: Vec::new(),
        warnings: doc.warnings.clone(),
    })
}
