//! Table structure against an oracle nobody here wrote: a Word file's own
//! tables (cells, `gridSpan`, `vMerge`) against the tables nhiemvu rebuilds
//! from renderings of it made by LibreOffice and Chromium (PDF, borderless
//! PDF, `pdftotext -layout` text), scored by adjacency relations as in the
//! ICDAR 2013 table competition (`compare::table_structure`).
//!
//! Word tables of at least 3 rows and 3 columns are scored (the 2-column
//! layout tables of a header or signature block are not task tables); each
//! is compared with the table read from the rendering that shares most
//! relations with it. Figures print with `-- --nocapture`; floors hold
//! today's figures so that a change losing structure fails.

use nhiemvu::compare::table_structure::{compare, RelationScore};
use nhiemvu::limits::Limits;
use nhiemvu::output::tables::{table_layout, TableLayout};
use nhiemvu::pipeline::{read_input, read_source};
use nhiemvu::source_doc::Block;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Tables of an input; an input that cannot be read has none.
fn tables(path: &Path) -> Vec<TableLayout> {
    let Ok(bytes) = read_input(path, &Limits::default()) else {
        return Vec::new();
    };
    let Ok(doc) = read_source(path, &bytes) else {
        return Vec::new();
    };
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Line(_) => None,
        })
        .enumerate()
        .map(|(i, t)| table_layout(i + 1, t))
        .collect()
}

/// Score a rendering against its Word file.
fn score(reference: &Path, rendering: &Path) -> RelationScore {
    let read = tables(rendering);
    tables(reference)
        .iter()
        .filter(|t| t.rows >= 3 && t.columns >= 3)
        .map(|t| {
            read.iter()
                .map(|r| compare(t, r))
                .max_by_key(|s| s.matched)
                .unwrap_or(RelationScore {
                    expected: compare(t, t).expected,
                    ..RelationScore::default()
                })
        })
        .fold(RelationScore::default(), |a, b| a + b)
}

/// The kind of a rendering, from its file name.
fn kind(rendering: &Path) -> &'static str {
    let name = rendering.to_string_lossy();
    match (name.contains("borderless"), name.ends_with(".pdf")) {
        (false, true) => "pdf",
        (true, true) => "borderless.pdf",
        (false, false) => "layout.txt",
        (true, false) => "borderless.layout.txt",
    }
}

/// Score every (Word file, rendering) pair, print per kind, return the totals per kind.
fn run(name: &str, pairs: &[(PathBuf, PathBuf)]) -> BTreeMap<&'static str, RelationScore> {
    let mut by_kind: BTreeMap<&'static str, RelationScore> = BTreeMap::new();
    for (reference, rendering) in pairs {
        let s = score(reference, rendering);
        let total = by_kind.entry(kind(rendering)).or_default();
        *total = *total + s;
    }
    println!("\n{name}: adjacency relations of Word tables found in renderings");
    println!("| rendering | relations | found | matched | recall | precision |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (k, s) in &by_kind {
        println!(
            "| {k} | {} | {} | {} | {:.3} | {:.3} |",
            s.expected,
            s.found,
            s.matched,
            s.recall(),
            s.precision()
        );
    }
    by_kind
}

fn assert_floor(by_kind: &BTreeMap<&str, RelationScore>, kind: &str, recall: f64, precision: f64) {
    let s = by_kind[kind];
    assert!(
        s.recall() >= recall && s.precision() >= precision,
        "{kind}: recall {:.3} (floor {recall}), precision {:.3} (floor {precision})",
        s.recall(),
        s.precision()
    );
}

#[test]
fn unseen_renderings_keep_the_word_tables_structure() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/unseen");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixtures/unseen") {
        let docx = entry.expect("entry").path();
        if docx.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        for ext in ["pdf", "layout.txt"] {
            let rendering = docx.with_extension(ext);
            if rendering.is_file() {
                pairs.push((docx.clone(), rendering));
            }
        }
    }
    assert!(pairs.len() >= 20, "{} pairs", pairs.len());
    let by_kind = run("fixtures/unseen", &pairs);
    assert_floor(&by_kind, "pdf", 0.99, 0.99);
    assert_floor(&by_kind, "borderless.pdf", 0.85, 0.86);
    assert_floor(&by_kind, "layout.txt", 0.75, 0.77);
    assert_floor(&by_kind, "borderless.layout.txt", 0.76, 0.78);
}

#[test]
fn real_word_renderings_keep_the_word_tables_structure() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !corpus.join("real-docx").is_dir() {
        eprintln!(
            "skipped: ../shared/corpus/real-docx is absent (the shared corpus is not checked out)"
        );
        return;
    }
    let rendered = corpus.join("rendered");
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(corpus.join("real-docx")).expect("real-docx") {
        let docx = entry.expect("entry").path();
        let Some(stem) = docx.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if docx.extension().is_none_or(|e| e != "docx") {
            continue;
        }
        let borderless = rendered.join(format!("{stem}.borderless.docx"));
        for (reference, rendering) in [
            (&docx, format!("{stem}.pdf")),
            (&docx, format!("{stem}.layout.txt")),
            (&borderless, format!("{stem}.borderless.pdf")),
            (&borderless, format!("{stem}.borderless.layout.txt")),
        ] {
            let rendering = rendered.join(rendering);
            if reference.is_file() && rendering.is_file() {
                pairs.push((reference.clone(), rendering));
            }
        }
    }
    assert!(pairs.len() >= 80, "{} pairs", pairs.len());
    let by_kind = run("../shared/corpus real-docx", &pairs);
    assert_floor(&by_kind, "pdf", 0.98, 0.86);
    assert_floor(&by_kind, "borderless.pdf", 0.17, 0.41);
    assert_floor(&by_kind, "layout.txt", 0.25, 0.62);
    assert_floor(&by_kind, "borderless.layout.txt", 0.24, 0.65);
}
