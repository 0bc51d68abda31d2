//! `tasks.jsonl`: one task per line with the input it came from.

use crate::model::{ExtractedDocument, Task};
use serde::Serialize;

/// One line of `tasks.jsonl`: a task's fields, then `source_file`.
#[derive(Serialize)]
struct TaskLine<'a> {
    #[serde(flatten)]
    task: &'a Task,
    source_file: &'a str,
}

/// The JSON Lines of every task of a document, each with a `source_file` key.
pub fn task_lines(doc: &ExtractedDocument) -> String {
    let mut out = String::new();
    for task in &doc.tasks {
        let line = TaskLine {
            task,
            source_file: &doc.source.path,
        };
        // A task has string keys only, so it always serializes.
        out.push_str(&serde_json::to_string(&line).unwrap_or_else(|_| "null".into()));
        out.push('\n');
    }
    out
}
