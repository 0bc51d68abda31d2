//! Every output of the bundled fixtures validates against the JSON Schema in
//! `schemas/nhiemvu.schema.json`, the output contract trackers rely on.

use nhiemvu::extract::Context;
use nhiemvu::pipeline::process_file;
use std::path::Path;

#[test]
fn fixture_outputs_validate_against_the_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("schemas/nhiemvu.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut checked = 0;
    for entry in std::fs::read_dir(root.join("fixtures/text")).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let doc = process_file(&path, &Context::default()).expect("fixture extracts");
        let value = serde_json::to_value(&doc).expect("serializes");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert!(checked >= 3);
}
