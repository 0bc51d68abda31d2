//! Header metadata of real documents as offices issue them: the PDF front
//! end (annotation appearances included) and the header reader over the 24
//! text PDFs of `../shared/corpus/real/`, against the hand-checked
//! `fixtures/real_headers.tsv`. Each field must be right on at least
//! [`MIN_SHARE`] of the documents and on no fewer than today
//! ([`FLOORS`]); every miss is printed.

use nhiemvu::extract::Context;
use nhiemvu::pipeline::process_file;
use std::path::Path;

/// Least share of documents on which each field must be right.
const MIN_SHARE: f64 = 0.9;

/// Fields compared, in the TSV's column order after the file name.
const FIELDS: [&str; 4] = ["type", "number", "date", "issuer"];

/// Documents right per field today (of 24), in [`FIELDS`] order: a
/// regression shows even above [`MIN_SHARE`]. The misses left are the
/// number and date of `tancang_qd508_bieugia.pdf`, whose text as read
/// shows "Số: /QĐ-TCg" and no date line.
const FLOORS: [usize; 4] = [24, 23, 23, 24];

/// Compared ignoring case and spacing (capitals fonts print "QĐ-TTG").
fn key(text: &str) -> String {
    text.split_whitespace().collect::<String>().to_lowercase()
}

#[test]
fn header_fields_of_real_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus/real");
    if !corpus.is_dir() {
        println!(
            "skipped: {} is absent (the shared corpus is needed)",
            corpus.display()
        );
        return;
    }
    let table = std::fs::read_to_string(root.join("fixtures/real_headers.tsv"))
        .expect("fixtures/real_headers.tsv");
    let rows: Vec<Vec<&str>> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 24, "one row per text PDF");
    let ctx = Context::default();
    let mut right = [0usize; 4];
    let mut misses = Vec::new();
    for row in &rows {
        assert_eq!(row.len(), 5, "5 columns: {row:?}");
        let path = corpus.join(row[0]);
        let doc = process_file(&path, &ctx).unwrap_or_else(|e| panic!("{e}"));
        let meta = &doc.document;
        let got = [&meta.doc_type, &meta.number, &meta.date, &meta.issuer]
            .map(|v| v.as_deref().unwrap_or(""));
        for (i, field) in FIELDS.iter().enumerate() {
            let expected = row[i + 1];
            if key(got[i]) == key(expected) {
                right[i] += 1;
            } else {
                misses.push(format!(
                    "{} {field}: expected {expected:?}, got {:?}",
                    row[0], got[i]
                ));
            }
        }
    }
    for m in &misses {
        println!("miss: {m}");
    }
    let mut failing = Vec::new();
    for ((field, n), floor) in FIELDS.iter().zip(right).zip(FLOORS) {
        let share = n as f64 / rows.len() as f64;
        println!("{field}: {n}/{} right ({:.0}%)", rows.len(), share * 100.0);
        if share < MIN_SHARE || n < floor {
            failing.push(format!("{field} {n}/{}", rows.len()));
        }
    }
    assert!(
        failing.is_empty(),
        "fields under {:.0}% or under today's floors: {failing:?}\n{}",
        MIN_SHARE * 100.0,
        misses.join("\n")
    );
}
