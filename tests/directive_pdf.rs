//! Directives: the PDF twin of each directive text fixture (typeset by
//! `fixtures/pdf/make_directive_pdfs.py`: wrapped, justified paragraphs
//! with real bold instead of markdown marks) yields the same document
//! metadata and the same tasks (numbers, names, units, deadlines) as its text.

use nhiemvu::extract::Context;
use nhiemvu::model::{DocumentKind, ExtractedDocument, Task};
use nhiemvu::pipeline::process_file;
use std::path::Path;

const TWINS: &[&str] = &["congvan_seed001", "thongbao_ketluan", "kehoach_bullets"];

fn extract(path: &str) -> ExtractedDocument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    process_file(&path, &Context::default()).expect("fixture extracts")
}

/// What must agree between the twins (not the source location).
fn essentials(t: &Task) -> impl PartialEq + std::fmt::Debug {
    let units =
        |u: &[nhiemvu::model::UnitRef]| u.iter().map(|u| u.name.clone()).collect::<Vec<_>>();
    (
        t.id.clone(),
        t.section.clone(),
        t.group.clone(),
        t.name.clone(),
        units(&t.lead_units),
        units(&t.coordinating_units),
        t.deadline.clone(),
        t.assigning_documents.clone(),
    )
}

#[test]
fn pdf_twins_yield_the_tasks_of_their_text() {
    for stem in TWINS {
        let text = extract(&format!("fixtures/text/{stem}.txt"));
        let pdf = extract(&format!("fixtures/pdf/{stem}.pdf"));
        assert_eq!(pdf.document.kind, DocumentKind::Directive, "{stem}");
        assert_eq!(text.document, pdf.document, "{stem}: document metadata");
        assert_eq!(text.tasks.len(), pdf.tasks.len(), "{stem}: task count");
        for (t, p) in text.tasks.iter().zip(&pdf.tasks) {
            assert_eq!(essentials(t), essentials(p), "{stem}");
        }
        assert!(
            pdf.tasks.iter().all(|t| t.source.page.is_some()),
            "{stem}: pages"
        );
    }
}

/// The golden comparison covers the six core document fields; the letter
/// parts (place, subject, recipients, signer, distribution) are checked
/// here against the hand-checked expected output of every directive.
#[test]
fn directive_letter_parts_match_their_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures/text") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let expected: ExtractedDocument = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("expected.json")).expect("expected"),
        )
        .expect("expected JSON parses");
        if expected.document.kind != DocumentKind::Directive {
            continue;
        }
        let got = process_file(&path, &Context::default()).expect("fixture extracts");
        assert_eq!(got.document, expected.document, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 3, "directive fixtures found: {checked}");
}
