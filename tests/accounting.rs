//! Every table row and prose item seen is accounted for: each fixture's
//! `accounting` block adds up, counts the records written, names every
//! item not read in a warning, and for the hand-checked appendices says
//! that no row was left unread.

use nhiemvu::extract::Context;
use nhiemvu::model::DocumentKind;
use nhiemvu::pipeline::process_file;
use std::path::Path;

#[test]
fn every_fixture_accounts_for_its_rows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut appendices = 0;
    let mut directives = 0;
    for dir in ["text", "pdf", "docx", "unseen"] {
        let mut inputs: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("fixture folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "txt" | "pdf" | "docx"))
            })
            .filter(|p| !p.to_string_lossy().ends_with(".raw.txt"))
            .collect();
        inputs.sort();
        for input in inputs {
            let Ok(doc) = process_file(&input, &Context::default()) else {
                continue;
            };
            let a = doc.accounting;
            let name = input.display();
            assert_eq!(
                a.rows_seen,
                a.tasks_from_rows + a.joined + a.headings + a.as_warnings,
                "{name}: {a:?}"
            );
            assert_eq!(a.tasks, doc.tasks.len(), "{name}");
            // Every prose item seen is a task or a warning naming it.
            assert_eq!(
                a.items_seen,
                a.items_read + a.items_as_warnings,
                "{name}: {a:?}"
            );
            let item_warnings = doc
                .warnings
                .iter()
                .filter(|w| w.code == "item_not_task")
                .count();
            assert_eq!(item_warnings, a.items_as_warnings, "{name}");
            // Directives whose tasks sit in numbered items read most of them;
            // a letter of plain paragraphs has no items to count.
            if doc.document.kind == DocumentKind::Directive && a.items_seen > 0 {
                directives += 1;
                assert!(
                    2 * a.items_read >= a.items_seen,
                    "{name}: most numbered items left unread: {a:?}"
                );
            }
            assert!(a.tasks_from_rows <= a.tasks, "{name}: {a:?}");
            // The unseen renderings are measured, not yet all read right.
            if doc.document.kind == DocumentKind::Appendix && dir != "unseen" {
                appendices += 1;
                assert!(a.rows_seen > 0, "{name}: a task table with no rows seen");
                assert_eq!(a.as_warnings, 0, "{name}: rows left unread: {a:?}");
            }
        }
    }
    assert!(appendices >= 10, "appendix fixtures checked: {appendices}");
    assert!(directives >= 2, "directive fixtures checked: {directives}");
}

/// Reading-order text (`pdftotext` without `-layout`) of the unseen
/// appendices loses which cell belongs to which row on most LibreOffice
/// prints, and prints some rows out of order on Chromium prints. Whatever
/// is not read must still be seen: every task of the hand-written expected
/// output is a task or a warning, and the accounting adds up.
#[test]
fn reading_order_text_accounts_for_every_row() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/unseen");
    let mut inputs: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/unseen")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".raw.txt"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 16,
        "reading-order renderings: {}",
        inputs.len()
    );
    for input in inputs {
        let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = name.split('.').next().unwrap_or("");
        let expected: nhiemvu::model::ExtractedDocument = serde_json::from_str(
            &std::fs::read_to_string(root.join(format!("{stem}.expected.json")))
                .expect("expected output"),
        )
        .expect("expected JSON");
        let doc = process_file(&input, &Context::default()).expect("text reads");
        let a = doc.accounting;
        assert_eq!(
            a.rows_seen,
            a.tasks_from_rows + a.joined + a.headings + a.as_warnings,
            "{name}: {a:?}"
        );
        assert_eq!(a.items_seen, a.items_read + a.items_as_warnings, "{name}");
        let accounted = a.tasks + a.as_warnings + a.items_as_warnings;
        assert!(
            accounted >= expected.tasks.len(),
            "{name}: {} tasks in the document, {accounted} tasks and warnings: {a:?}",
            expected.tasks.len()
        );
        if a.as_warnings * 2 > a.rows_seen {
            assert!(
                doc.warnings.iter().any(|w| w.code == "rows_mostly_unread"),
                "{name}: most rows unread without the document warning"
            );
        }
    }
}
