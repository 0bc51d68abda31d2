//! Micro-benchmark of `normalize_line` on a seed text (run with
//! `cargo test --test normalize_speed -- --ignored --nocapture`).

use nhiemvu::normalize::{decode_legacy_text, normalize_line};
use std::path::Path;
use std::time::Instant;

#[test]
#[ignore = "benchmark; run explicitly"]
fn normalize_line_throughput() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/004_575212d1d1e64ece.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("SKIP: {} not found", path.display());
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let rounds = 50;
    let started = Instant::now();
    let mut bytes = 0;
    for _ in 0..rounds {
        for line in &lines {
            bytes += normalize_line(line).len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = (lines.len() * rounds) as f64;
    eprintln!(
        "normalize_line: {} lines x {rounds} in {secs:.3} s = {:.0} lines/s ({bytes} bytes out)",
        lines.len(),
        n / secs
    );
    let started = Instant::now();
    for _ in 0..5 {
        let (out, _) = decode_legacy_text(&text);
        assert_eq!(out.len(), text.len());
    }
    let secs = started.elapsed().as_secs_f64() / 5.0;
    eprintln!(
        "decode_legacy_text (Unicode input): {:.0} lines/s",
        lines.len() as f64 / secs
    );
}
