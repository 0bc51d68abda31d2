//! `nhiemvu review` without a browser: one page per input, every task
//! outlined and numbered on the source and listed beside it, the row boxes
//! of PDF tasks in the records, text escaped, failures named.

use nhiemvu::extract::Context;
use nhiemvu::pipeline::process_file;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Run `nhiemvu review` and return its exit code and standard error.
fn review(inputs: &[PathBuf], out: &Path) -> (i32, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("review")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .output()
        .expect("nhiemvu runs");
    (
        run.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

#[test]
fn pdf_pages_are_drawn_and_every_task_outlined_over_its_row() {
    let input = fixture("pdf/appendix_reportlab.pdf");
    let out = out_dir("review_pdf");
    let (code, err) = review(std::slice::from_ref(&input), &out);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out.join("appendix_reportlab.html")).expect("page written");
    let doc = process_file(&input, &Context::default()).expect("extracts");
    let pages = doc.source.pages.expect("a PDF has pages");
    assert_eq!(
        html.matches("<div class=\"page\" id=\"page-").count() as u32,
        pages
    );
    assert!(
        html.contains("<script type=\"text/x-svg\" class=\"page-svg\">")
            && html.contains("<path class=\"rule\"")
    );
    for (i, task) in doc.tasks.iter().enumerate() {
        let k = i + 1;
        assert!(
            html.contains(&format!("data-tasks=\"{k}\"")),
            "task {k} outlined"
        );
        assert!(
            html.contains(&format!("id=\"task-{k}\"")),
            "task {k} listed"
        );
        let [x0, y0, x1, y1] = task.source.bbox.expect("a PDF table row has a box");
        assert!(x0 < x1 && y0 < y1 && x1 <= 842.0 && y1 <= 842.0, "{task:?}");
    }
    // Task rows on one page lie one under the other, without overlapping.
    let boxes: Vec<(Option<u32>, [f64; 4])> = doc
        .tasks
        .iter()
        .filter_map(|t| Some((t.source.page, t.source.bbox?)))
        .collect();
    for pair in boxes.windows(2).filter(|p| p[0].0 == p[1].0) {
        assert!(pair[1].1[3] <= pair[0].1[1] + 0.5, "{pair:?}");
    }
    assert!(html.contains(&format!(
        "<b>{}</b> seen = {} tasks",
        doc.accounting.rows_seen, doc.accounting.tasks_from_rows
    )));
    // Self-contained: the only address is the SVG namespace name.
    assert_eq!(
        html.matches("http").count(),
        html.matches("http://www.w3.org/2000/svg").count()
    );
    assert!(!html.contains("<link") && !html.contains(" src="));
}

#[test]
fn text_and_word_inputs_mark_task_rows_and_highlight_empty_fields() {
    let text = fixture("text/phuluc_v_seed004.txt");
    let word = fixture("docx/appendix.docx");
    let out = out_dir("review_flow");
    let (code, err) = review(&[text.clone(), word], &out);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(out.join("phuluc_v_seed004.html")).expect("text page");
    let doc = process_file(&text, &Context::default()).expect("extracts");
    let no_lead = doc.tasks.iter().filter(|t| t.lead_units.is_empty()).count();
    assert!(no_lead > 0);
    assert!(html.contains(&format!("<b>{no_lead}</b> without lead unit")));
    assert!(html.matches("<dd class=\"empty\">").count() >= no_lead);
    for k in 1..=doc.tasks.len() {
        let marked = html.contains(&format!("data-tasks=\"{k}\""))
            || html.contains(&format!("data-tasks=\"{k} "))
            || html.contains(&format!(" {k}\""));
        assert!(marked, "task {k} marked in the text");
    }
    let warned = doc
        .tasks
        .iter()
        .find(|t| !t.warnings.is_empty())
        .expect("a warned task");
    assert!(html.contains(&format!("<code>{}</code>", warned.warnings[0].code)));
    let docx = std::fs::read_to_string(out.join("appendix.html")).expect("Word page");
    assert!(docx.contains("<table class=\"src-table\">"));
    assert_eq!(
        docx.matches("class=\"row task-mark").count(),
        4,
        "four task rows"
    );
}

#[test]
fn text_is_escaped_and_a_failed_input_is_named_while_others_are_written() {
    let source = std::fs::read_to_string(fixture("text/phuluc_v_seed004.txt")).expect("fixture");
    let hostile = source.replacen(
        "Xây dựng các ứng dụng,",
        "Xây dựng <script>alert(1)</script> & các ứng dụng,",
        1,
    );
    assert_ne!(hostile, source);
    let dir = out_dir("review_hostile");
    std::fs::create_dir_all(&dir).expect("folder");
    let input = dir.join("hostile.txt");
    std::fs::write(&input, hostile).expect("input");
    let missing = dir.join("missing.pdf");
    let (code, err) = review(&[input, missing.clone()], &dir.join("out"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&missing.display().to_string()), "{err}");
    let html = std::fs::read_to_string(dir.join("out/hostile.html")).expect("page written");
    assert!(!html.contains("<script>alert"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
}
