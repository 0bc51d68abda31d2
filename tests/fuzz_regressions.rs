//! Every input the fuzzers found a problem with (`scripts/fuzz.sh`),
//! minimized, replayed exactly as its fuzz target runs it: it must finish
//! without a panic, within a time bound, with the outcome recorded beside
//! it (`tests/fuzz_regressions/TARGET/NAME` and `NAME.outcome`: `ok` or
//! the error code).

use std::path::Path;
use std::time::Instant;

/// The fuzz targets' code (`replay`), shared so that a regression runs
/// exactly what the fuzzer ran.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_lib;

/// Longest a regression input may take, in seconds (debug build).
const MAX_SECONDS: f64 = 20.0;

#[test]
fn fuzz_findings_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for target in ["pdf", "docx", "text", "extract"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.expect("dir entry").path()).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.extension().is_none()) {
            let data = std::fs::read(path).expect("regression input");
            let expected = std::fs::read_to_string(path.with_extension("outcome"))
                .unwrap_or_else(|e| panic!("{}.outcome: {e}", path.display()));
            let started = Instant::now();
            let outcome = fuzz_lib::replay(target, &data);
            let secs = started.elapsed().as_secs_f64();
            assert_eq!(outcome, expected.trim(), "{}", path.display());
            assert!(secs < MAX_SECONDS, "{}: {secs:.1} s", path.display());
            replayed += 1;
        }
    }
    assert!(
        replayed > 0,
        "no regression inputs under {}",
        root.display()
    );
}
