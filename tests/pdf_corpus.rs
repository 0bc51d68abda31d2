//! The PDF reader over the real documents of `../shared/corpus/real/`
//! (not part of the repository; the test is skipped with a message when
//! the folder is missing). Checks: no panic, no error, Vietnamese text
//! where `MANIFEST.tsv` says the file has a good text layer, and a
//! text-layer warning where it says the file is a scan or garbage OCR.

use nhiemvu::pdf::read_pdf;
use nhiemvu::source_doc::{Block, SourceDoc};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real")
}

/// `file` → (`text_layer`, `vietnamese_text_ok`) from the manifest.
fn manifest(dir: &Path) -> HashMap<String, (String, String)> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.tsv")).unwrap_or_default();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(layer), Some(ok)) = (col("text_layer"), col("vietnamese_text_ok")) else {
        return HashMap::new();
    };
    lines
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((
                f.first()?.to_string(),
                (f.get(layer)?.to_string(), f.get(ok)?.to_string()),
            ))
        })
        .collect()
}

fn all_text(doc: &SourceDoc) -> String {
    let mut out = String::new();
    for b in &doc.blocks {
        match b {
            Block::Line(l) => out.push_str(&l.text),
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        out.push_str(&c.text);
                        out.push(' ');
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Letters only Vietnamese uses among the text's letters.
fn vietnamese_share(text: &str) -> f64 {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count().max(1);
    let vn = text
        .chars()
        .filter(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(*c) || ('\u{1EA0}'..='\u{1EF9}').contains(c))
        .count();
    vn as f64 / letters as f64
}

struct Finding {
    name: String,
    line: String,
    problem: Option<String>,
}

fn check(path: &Path, expected: Option<&(String, String)>) -> Finding {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let started = Instant::now();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Finding {
                name,
                line: String::new(),
                problem: Some(format!("cannot read: {e}")),
            }
        }
    };
    let doc = match read_pdf(path, &bytes) {
        Ok(doc) => doc,
        Err(e) => {
            return Finding {
                name,
                line: String::new(),
                problem: Some(format!("error: {e}")),
            }
        }
    };
    let text = all_text(&doc);
    let tables = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    let layer_warnings = doc
        .warnings
        .iter()
        .filter(|w| w.code == "pdf_no_text_layer" || w.code == "pdf_garbage_text_layer")
        .count();
    let share = vietnamese_share(&text);
    let line = format!(
        "{name:<36} pages {:>3}  chars {:>6}  tables {:>3}  vn {:.2}  warnings {:>3} (text layer {:>2})  {:>5} ms",
        doc.pages.unwrap_or(0),
        text.chars().count(),
        tables,
        share,
        doc.warnings.len(),
        layer_warnings,
        started.elapsed().as_millis()
    );
    let problem = match expected.map(|(l, ok)| (l.as_str(), ok.as_str())) {
        Some(("yes", "yes")) if text.chars().count() < 500 || share < 0.1 => Some(format!(
            "expected Vietnamese text, got {} chars, vn share {share:.2}",
            text.chars().count()
        )),
        Some(("yes", "yes")) if layer_warnings > 0 => {
            Some("good text layer reported as missing or garbage".to_string())
        }
        Some(("none" | "stamp-only" | "ocr-garbage" | "ocr-lowbyte", _)) if layer_warnings == 0 => {
            Some("scan or garbage OCR layer not reported".to_string())
        }
        _ => None,
    };
    Finding {
        name,
        line,
        problem,
    }
}

#[test]
fn real_corpus() {
    let dir = corpus_dir();
    if !dir.is_dir() {
        println!(
            "skipped: {} is missing (the shared real corpus)",
            dir.display()
        );
        return;
    }
    let expected = manifest(&dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    files.sort();
    assert!(!files.is_empty(), "no PDFs in {}", dir.display());
    let findings: Vec<Finding> = files
        .par_iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            check(p, name.and_then(|n| expected.get(&n)))
        })
        .collect();
    let mut problems = Vec::new();
    for f in &findings {
        println!("{}", f.line);
        if let Some(p) = &f.problem {
            println!("  PROBLEM: {p}");
            problems.push(format!("{}: {p}", f.name));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
