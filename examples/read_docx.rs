//! Read .docx files with `nhiemvu::docx::read_docx` one after another and
//! report files per second (used by `bench/docx_bench.sh`).
//!
//! Usage: `read_docx FILE_OR_FOLDER...`

use nhiemvu::docx::read_docx;
use nhiemvu::source_doc::Block;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut files: Vec<PathBuf> = Vec::new();
    for arg in std::env::args_os().skip(1).map(PathBuf::from) {
        if arg.is_dir() {
            let entries = walkdir::WalkDir::new(&arg).sort_by_file_name();
            files.extend(
                entries
                    .into_iter()
                    .flatten()
                    .map(|e| e.into_path())
                    .filter(|p| p.extension().is_some_and(|e| e == "docx")),
            );
        } else {
            files.push(arg);
        }
    }
    let start = Instant::now();
    let (mut blocks, mut rows, mut failed) = (0usize, 0usize, 0usize);
    for path in &files {
        let result = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| read_docx(path, &bytes).map_err(|e| e.to_string()));
        match result {
            Ok(doc) => {
                blocks += doc.blocks.len();
                rows += doc
                    .blocks
                    .iter()
                    .map(|b| match b {
                        Block::Table(t) => t.rows.len(),
                        Block::Line(_) => 0,
                    })
                    .sum::<usize>();
            }
            Err(e) => {
                failed += 1;
                eprintln!("{e}");
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} files ({failed} failed), {blocks} blocks, {rows} table rows in {secs:.3} s: {:.1} files/s",
        files.len(),
        files.len() as f64 / secs.max(1e-9)
    );
}
