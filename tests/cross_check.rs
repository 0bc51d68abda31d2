//! One model, several front ends: the same table read from a Word file and
//! from the PDF LibreOffice made of it, or from a PDF and from poppler's
//! layout text of that PDF, must give the same tasks.

use nhiemvu::extract::Context;
use nhiemvu::model::Task;
use nhiemvu::pipeline::process_file;
use std::path::Path;

fn tasks(rel: &str) -> Vec<Task> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel);
    process_file(&path, &Context::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .tasks
}

/// The task fields that do not depend on the input's name or position.
fn essence(t: &Task) -> String {
    let units = |u: &[nhiemvu::model::UnitRef]| {
        u.iter()
            .map(|u| u.name.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!(
        "{} | {} | {:?} | {:?} | {} | {} | {:?} | {:?} | {:?}",
        t.number,
        t.name,
        t.section.as_ref().map(|s| &s.title),
        t.group.as_ref().map(|g| &g.title),
        units(&t.lead_units),
        units(&t.coordinating_units),
        t.deadline.as_ref().map(|d| (&d.kind, &d.start, &d.due)),
        t.assigning_documents
            .iter()
            .map(|d| (&d.number, &d.date))
            .collect::<Vec<_>>(),
        t.parent.as_ref().map(|p| p.rsplit('/').next()),
    )
}

fn assert_same(a: &str, b: &str) {
    let (ta, tb) = (tasks(a), tasks(b));
    assert_same_tasks(a, &ta, b, &tb);
}

fn assert_same_tasks(a: &str, ta: &[Task], b: &str, tb: &[Task]) {
    assert!(!ta.is_empty(), "{a} gives tasks");
    let (ea, eb): (Vec<String>, Vec<String>) = (
        ta.iter().map(essence).collect(),
        tb.iter().map(essence).collect(),
    );
    for (x, y) in ea.iter().zip(&eb) {
        assert_eq!(x, y, "{a} vs {b}");
    }
    assert_eq!(ea.len(), eb.len(), "{a} vs {b}: task counts");
}

#[test]
fn word_file_and_its_pdf_give_the_same_tasks() {
    assert_same("docx/appendix.docx", "pdf/appendix_snv_from_docx.pdf");
}

#[test]
fn pdf_and_its_layout_text_give_the_same_tasks() {
    assert_same("pdf/appendix_docx.pdf", "text/poppler_layout_phuluc.txt");
    assert_same("pdf/borderless.pdf", "text/poppler_layout_borderless.txt");
}

#[test]
fn pdf_producers_agree() {
    assert_same("pdf/appendix_docx.pdf", "pdf/appendix_reportlab.pdf");
    assert_same("pdf/appendix_docx.pdf", "pdf/borderless.pdf");
}

#[test]
fn tcvn3_pdf_gives_the_tasks_of_its_unicode_twin() {
    // appendix_tcvn3.pdf holds the first rows of the Unicode appendix, in
    // TCVN3 bytes under a `.VnTime` font without ToUnicode.
    let legacy = tasks("pdf/appendix_tcvn3.pdf");
    let unicode = tasks("pdf/appendix_docx.pdf");
    assert!(legacy.len() >= 4, "{} tasks", legacy.len());
    assert_same_tasks(
        "pdf/appendix_tcvn3.pdf",
        &legacy,
        "pdf/appendix_docx.pdf",
        &unicode[..legacy.len()],
    );
}
