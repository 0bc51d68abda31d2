//! Oracles nobody here wrote: the same document rendered by other tools
//! must give the same tasks.
//!
//! - `../shared/corpus/real-docx/`: real Word files and their renderings
//!   (LibreOffice PDF, a borderless variant and its PDF, `pdftotext
//!   -layout` texts of both). The Word reading is the reference: a
//!   rendering agrees when it gives the same task names with the same lead
//!   units (the rule of `../shared/corpus/consistency.py`).
//! - `fixtures/unseen/`: seven task tables built from the real seed
//!   appendix and rendered by LibreOffice and Chromium (ruled, borderless,
//!   landscape, HTML), each with one expected output written from the
//!   seed's hand-checked record (`fixtures/unseen/README.md`).
//!
//! Both print their tables (`cargo test --test renderings -- --nocapture`)
//! and hold today's figures as floors, so a change that loses agreement
//! fails.

use nhiemvu::extract::Context;
use nhiemvu::model::{ExtractedDocument, Task};
use nhiemvu::normalize::fold_spaces;
use nhiemvu::pipeline::process_file;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

fn norm(text: &str) -> String {
    fold_spaces(&text.nfc().collect::<String>())
}

/// Tasks of an input; an input that fails or has no tasks gives none.
fn extract(path: &Path) -> Vec<Task> {
    process_file(path, &Context::default())
        .map(|d: ExtractedDocument| d.tasks)
        .unwrap_or_default()
}

fn shared_corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.join("real-docx").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: ../shared/corpus is absent (the real Word files and their renderings)");
        None
    }
}

/// Task key of the consistency rule: name, and the sorted lead units.
fn keys(tasks: &[Task]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = tasks
        .iter()
        .map(|t| {
            let mut leads: Vec<String> = t
                .lead_units
                .iter()
                .map(|u| norm(&u.name).to_lowercase())
                .collect();
            leads.sort();
            (norm(&t.name).to_lowercase(), leads)
        })
        .collect();
    out.sort();
    out
}

/// Renderings of each real Word file, with how many agree today.
const RENDERINGS: [(&str, usize); 4] = [
    ("pdf", 27),
    // A form of statistics printed without borders: a row with a figure
    // cell is no prose item (extract/directive/paragraphs.rs).
    ("borderless.pdf", 27),
    ("layout.txt", 27),
    ("borderless.layout.txt", 27),
];

#[test]
fn renderings_of_real_word_files_agree_with_the_word_reading() {
    let Some(corpus) = shared_corpus() else {
        return;
    };
    let mut docs: Vec<PathBuf> = std::fs::read_dir(corpus.join("real-docx"))
        .expect("real-docx")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    docs.sort();
    let mut agree: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for docx in &docs {
        let stem = docx.file_stem().and_then(|s| s.to_str()).expect("stem");
        let reference = keys(&extract(docx));
        let mut line = format!("{stem:<34} docx={:<3}", reference.len());
        for (kind, _) in RENDERINGS {
            let path = corpus.join("rendered").join(format!("{stem}.{kind}"));
            if !path.exists() {
                line.push_str(&format!(" {kind}=missing"));
                continue;
            }
            let got = keys(&extract(&path));
            let same = got == reference;
            *agree.entry(kind).or_default() += usize::from(same);
            line.push_str(&format!(
                " {kind}={}{}",
                got.len(),
                if same { "" } else { "!" }
            ));
        }
        total += 1;
        println!("{line}");
    }
    let all: usize = agree.values().sum();
    println!(
        "agreement with the Word reading: {} — {all} of {} renderings",
        RENDERINGS
            .iter()
            .map(|(k, _)| format!("{k} {}/{total}", agree.get(k).copied().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(", "),
        total * RENDERINGS.len()
    );
    assert!(total >= 27, "real Word files: {total}");
    for (kind, floor) in RENDERINGS {
        let n = agree.get(kind).copied().unwrap_or(0);
        assert!(
            n >= floor,
            "{kind}: {n} of {total} agree, fewer than {floor}"
        );
    }
}

/// The fields a person checks, as compared for "fully right".
fn fields(t: &Task) -> [String; 6] {
    let units = |us: &[nhiemvu::model::UnitRef]| {
        us.iter()
            .map(|u| norm(&u.name))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    [
        norm(&t.name),
        units(&t.lead_units),
        units(&t.coordinating_units),
        t.deadline
            .as_ref()
            .map(|d| norm(&d.raw))
            .unwrap_or_default(),
        t.assigning_documents
            .iter()
            .map(|d| norm(&d.raw))
            .collect::<Vec<_>>()
            .join(" | "),
        t.result.as_deref().map(norm).unwrap_or_default(),
    ]
}

/// Where a task sits: its section's number and its own.
fn position(t: &Task) -> (String, String) {
    (
        t.section.as_ref().map_or("-".into(), |s| s.number.clone()),
        t.number.clone(),
    )
}

/// The kind of a rendering, from its file name.
fn kind(input: &str) -> &'static str {
    if input.ends_with(".docx") {
        "docx"
    } else if input.ends_with(".layout.txt") {
        "layout.txt"
    } else if input.ends_with(".raw.txt") {
        "raw.txt"
    } else if input.contains("borderless") {
        "pdf borderless"
    } else {
        "pdf ruled or rules"
    }
}

/// Per kind today: (expected, matched at least, fully right at least).
const UNSEEN_FLOORS: [(&str, usize, usize); 5] = [
    ("docx", 338, 338),
    // The Chromium print with horizontal rules only reads its cells
    // merged over several rows (rowspan) from the rules (layout::spans).
    ("pdf ruled or rules", 336, 296),
    ("pdf borderless", 201, 168),
    ("layout.txt", 537, 401),
    // Reading-order text in blocks (one block per cell) is read by the
    // flat reader's block mode; text interleaving the cells of a row
    // line by line (LibreOffice prints) mostly is not, and text printing
    // the number column apart from the cells gives warnings, not rows
    // (tests/accounting.rs checks that every row is seen).
    ("raw.txt", 234, 94),
];

#[test]
fn unseen_task_tables_read_alike_from_every_renderer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/unseen");
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    // kind → (expected, found, matched, fully right)
    let mut totals: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for row in manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (input, expected) = row.split_once('\t').expect("input<TAB>expected");
        if input == "input" {
            continue;
        }
        let want: ExtractedDocument = serde_json::from_str(
            &std::fs::read_to_string(root.join(expected)).expect("expected file"),
        )
        .expect("expected JSON");
        let got = extract(&root.join(input));
        let by_position: BTreeMap<(String, String), &Task> =
            got.iter().map(|t| (position(t), t)).collect();
        let matched: Vec<(&Task, &Task)> = want
            .tasks
            .iter()
            .filter_map(|w| by_position.get(&position(w)).map(|g| (w, *g)))
            .collect();
        let right = matched
            .iter()
            .filter(|(w, g)| fields(w) == fields(g))
            .count();
        println!(
            "{input:<48} expected {:>3} found {:>3} matched {:>3} fully right {:>3}",
            want.tasks.len(),
            got.len(),
            matched.len(),
            right
        );
        let t = totals.entry(kind(input)).or_default();
        t[0] += want.tasks.len();
        t[1] += got.len();
        t[2] += matched.len();
        t[3] += right;
    }
    for (kind, [expected, found, matched, right]) in &totals {
        println!(
            "{kind:<20} expected {expected:>4} found {found:>4} matched {matched:>4} \
             fully right {right:>4} ({:.0}%)",
            100.0 * *right as f64 / (*expected).max(1) as f64
        );
    }
    for (kind, expected, matched, right) in UNSEEN_FLOORS
        .iter()
        .map(|(k, m, r)| (*k, totals.get(k).map_or(0, |t| t[0]), *m, *r))
    {
        let t = totals.get(kind).copied().unwrap_or_default();
        assert!(expected > 0 || kind == "raw.txt", "{kind}: no renderings");
        assert!(
            t[2] >= matched,
            "{kind}: {} matched, fewer than {matched}",
            t[2]
        );
        assert!(
            t[3] >= right,
            "{kind}: {} fully right, fewer than {right}",
            t[3]
        );
    }
}
