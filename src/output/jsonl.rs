//! `tasks.jsonl`: one task per line with the input it came from.

use crate::model::ExtractedDocument;

/// The JSON Lines of every task of a document, each with a `source_file` key.
pub fn task_lines(doc: &ExtractedDocument) -> String {
    let mut out = String::new();
    for task in &doc.tasks {
        let mut value = serde_json::to_value(task).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(map) = &mut value {
            map.insert(
                "source_file".into(),
                serde_json::Value::String(doc.source.path.clone()),
            );
        }
        out.push_str(&value.to_string());
        out.push('\n');
    }
    out
}
