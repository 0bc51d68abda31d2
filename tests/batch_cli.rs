//! The batch behaviour of `nhiemvu extract` and `nhiemvu merge`, through
//! the binary: fault isolation, deterministic outputs, resume, shards,
//! limits and input selection.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(rel: &str) -> PathBuf {
    Path::new(FIXTURES).join("fixtures").join(rel)
}

fn nhiemvu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run nhiemvu")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// A folder of seven good inputs: two small text fixtures (twice, under
/// sub-folders), two PDFs and a Word file.
fn corpus(root: &Path) -> PathBuf {
    let dir = root.join("in");
    for sub in ["a", "b"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
        for name in ["phuluc_sanpham_stt", "phuluc_trachnhiem"] {
            fs::copy(
                fixture(&format!("text/{name}.txt")),
                dir.join(sub).join(format!("{name}.txt")),
            )
            .unwrap();
        }
    }
    for name in ["appendix_reportlab", "borderless"] {
        fs::copy(
            fixture(&format!("pdf/{name}.pdf")),
            dir.join(format!("{name}.pdf")),
        )
        .unwrap();
    }
    fs::copy(fixture("docx/appendix.docx"), dir.join("appendix.docx")).unwrap();
    dir
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `field` of every line of a JSON Lines file.
fn field_values(path: &Path, field: &str) -> Vec<String> {
    read(path)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v[field].as_str().expect("string field").to_string()
        })
        .collect()
}

/// Temporary files (`.nhiemvu-*`) anywhere under `dir`.
fn temporaries(dir: &Path) -> usize {
    let mut count = 0;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.file_type().unwrap().is_dir() {
            count += temporaries(&entry.path());
        } else if entry.file_name().to_string_lossy().starts_with(".nhiemvu-") {
            count += 1;
        }
    }
    count
}

const COMBINED: [&str; 4] = ["tasks.jsonl", "tasks.csv", "errors.jsonl", "manifest.jsonl"];

fn assert_same_outputs(a: &Path, b: &Path) {
    for name in COMBINED {
        assert_eq!(
            read(&a.join(name)),
            read(&b.join(name)),
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

#[test]
fn a_bad_file_is_recorded_and_the_others_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    fs::write(dir.join("broken.pdf"), b"%PDF-1.4 this is not a PDF at all").unwrap();
    let out = tmp.path().join("out");
    let run = nhiemvu(&["extract", s(&dir), "-o", s(&out), "-j", "2"]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let errors = read(&out.join("errors.jsonl"));
    assert_eq!(errors.lines().count(), 1, "{errors}");
    let error: serde_json::Value = serde_json::from_str(errors.trim()).unwrap();
    assert!(error["path"].as_str().unwrap().ends_with("broken.pdf"));
    assert_eq!(error["code"], "malformed");
    assert!(error["message"].as_str().unwrap().contains("broken.pdf"));
    assert!(out.join("a/phuluc_trachnhiem.json").is_file());
    assert!(out.join("borderless.json").is_file());
    let sources: BTreeSet<String> = field_values(&out.join("tasks.jsonl"), "source_file")
        .into_iter()
        .collect();
    assert_eq!(sources.len(), 7, "{sources:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("8 files: "), "{stderr}");
    assert!(stderr.contains("1 failed"), "{stderr}");
    assert_eq!(temporaries(&out), 0, "temporary files left");
}

#[test]
fn documents_without_tasks_are_written_and_only_scans_fail() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    fs::create_dir_all(&dir).unwrap();
    // A readable PDF without a task list, and a good plan.
    fs::copy(fixture("pdf/encrypted_empty.pdf"), dir.join("note.pdf")).unwrap();
    fs::copy(fixture("pdf/borderless.pdf"), dir.join("plan.pdf")).unwrap();
    let out = tmp.path().join("read");
    let run = nhiemvu(&["extract", s(&dir), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_eq!(read(&out.join("errors.jsonl")), "");
    let note: serde_json::Value = serde_json::from_str(&read(&out.join("note.json"))).unwrap();
    assert_eq!(note["tasks"].as_array().map(Vec::len), Some(0));
    assert!(note["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "no_tasks"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("2 files: ") && stderr.contains("0 failed"),
        "{stderr}"
    );
    assert!(stderr.contains("(1 files without tasks)"), "{stderr}");

    // A scan cannot be read: an error, and the run says so with exit 1.
    fs::copy(fixture("pdf/scan.pdf"), dir.join("scan.pdf")).unwrap();
    let out = tmp.path().join("with_scan");
    let run = nhiemvu(&["extract", s(&dir), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(1), "{run:?}");
    let errors = read(&out.join("errors.jsonl"));
    assert_eq!(errors.lines().count(), 1, "{errors}");
    assert!(
        errors.contains("no_text_layer") && errors.contains("scan.pdf"),
        "{errors}"
    );
    assert!(!out.join("scan.json").exists());
    assert!(out.join("note.json").is_file());
}

#[test]
fn outputs_are_byte_identical_whatever_the_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    fs::write(dir.join("empty.txt"), b"").unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    assert_eq!(
        nhiemvu(&["extract", s(&dir), "-o", s(&one), "-j", "1"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        nhiemvu(&["extract", s(&dir), "-o", s(&two), "-j", "2"])
            .status
            .code(),
        Some(1)
    );
    assert_same_outputs(&one, &two);
    let sources = field_values(&one.join("tasks.jsonl"), "source_file");
    let mut sorted = sources.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(sources, sorted, "tasks.jsonl is not in input-path order");
}

#[test]
fn resume_skips_unchanged_inputs_and_redoes_changed_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    let out = tmp.path().join("out");
    assert_eq!(
        nhiemvu(&["extract", s(&dir), "-o", s(&out)]).status.code(),
        Some(0)
    );
    let changed = dir.join("a/phuluc_trachnhiem.txt");
    let text = read(&changed).replacen("Sở", "Ban", 1);
    fs::write(&changed, text).unwrap();
    fs::write(dir.join("b/phuluc_sanpham_stt.txt"), "").unwrap();
    let again = nhiemvu(&["extract", s(&dir), "-o", s(&out), "--resume", "-v"]);
    assert_eq!(again.status.code(), Some(1), "{again:?}");
    let stderr = String::from_utf8_lossy(&again.stderr);
    let resumed: Vec<&str> = stderr
        .lines()
        .filter(|l| l.ends_with("(unchanged, resumed)"))
        .collect();
    assert_eq!(resumed.len(), 5, "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("a/phuluc_trachnhiem.txt:") && !l.ends_with("resumed)")),
        "{stderr}"
    );
    assert!(
        !out.join("b/phuluc_sanpham_stt.json").exists(),
        "the JSON of an input that now fails is left behind"
    );
    let fresh = tmp.path().join("fresh");
    assert_eq!(
        nhiemvu(&["extract", s(&dir), "-o", s(&fresh)])
            .status
            .code(),
        Some(1)
    );
    assert_same_outputs(&out, &fresh);
}

#[test]
fn an_interrupted_run_leaves_whole_files_and_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    let fresh = tmp.path().join("fresh");
    assert_eq!(
        nhiemvu(&["extract", s(&dir), "-o", s(&fresh), "-j", "1"])
            .status
            .code(),
        Some(0)
    );
    let out = tmp.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(["extract", s(&dir), "-o", s(&out), "-j", "1", "-q"])
        .spawn()
        .expect("start nhiemvu");
    // Kill it once it has settled an input (or when it has finished anyway).
    let started = std::time::Instant::now();
    while fs::read_to_string(out.join("manifest.jsonl")).map_or(true, |m| m.is_empty())
        && child.try_wait().ok().flatten().is_none()
        && started.elapsed().as_secs() < 60
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    for name in ["tasks.jsonl", "tasks.csv", "errors.jsonl"] {
        if out.join(name).exists() {
            assert_eq!(
                read(&out.join(name)),
                read(&fresh.join(name)),
                "{name} is partial"
            );
        }
    }
    let resumed = nhiemvu(&["extract", s(&dir), "-o", s(&out), "-j", "1", "--resume"]);
    assert_eq!(resumed.status.code(), Some(0), "{resumed:?}");
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(!stderr.contains("(0 unchanged, resumed)"), "{stderr}");
    assert_same_outputs(&out, &fresh);
    assert_eq!(temporaries(&out), 0, "temporary files left");
}

#[test]
fn shards_partition_the_inputs_and_merge_equals_a_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    fs::write(dir.join("broken.pdf"), b"not a pdf").unwrap();
    let whole = tmp.path().join("whole");
    nhiemvu(&["extract", s(&dir), "-o", s(&whole), "--no-bom"]);
    let all: Vec<String> = field_values(&whole.join("manifest.jsonl"), "path");
    assert_eq!(all.len(), 8);
    let mut seen = BTreeSet::new();
    let mut parts = Vec::new();
    for k in 1..=3 {
        let part = tmp.path().join(format!("part{k}"));
        let shard = format!("{k}/3");
        nhiemvu(&[
            "extract",
            s(&dir),
            "-o",
            s(&part),
            "--shard",
            &shard,
            "--no-bom",
        ]);
        for path in field_values(&part.join("manifest.jsonl"), "path") {
            assert!(seen.insert(path.clone()), "{path} is in two shards");
        }
        parts.push(part);
    }
    assert_eq!(seen, all.iter().cloned().collect::<BTreeSet<_>>());
    let merged = tmp.path().join("merged");
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(|p| s(p)));
    args.extend(["-o", s(&merged)]);
    let run = nhiemvu(&args);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_same_outputs(&merged, &whole);
    assert_eq!(
        read(&merged.join("b/phuluc_sanpham_stt.json")),
        read(&whole.join("b/phuluc_sanpham_stt.json"))
    );
}

#[test]
fn inputs_over_the_limits_are_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    let cases: [(&[&str], &str); 3] = [
        (&["--max-file-size", "1K"], "--max-file-size"),
        (&["--max-pages", "0"], "--max-pages"),
        (&["--max-decompressed", "16"], "--max-decompressed"),
    ];
    for (flags, option) in cases {
        let out = tmp.path().join(option.trim_start_matches('-'));
        let mut args = vec!["extract", s(&dir), "-o", s(&out), "-q"];
        args.extend_from_slice(flags);
        let run = nhiemvu(&args);
        assert_eq!(run.status.code(), Some(1), "{option}: {run:?}");
        let errors = read(&out.join("errors.jsonl"));
        let limited: Vec<&str> = errors
            .lines()
            .filter(|l| l.contains("\"code\":\"limit\""))
            .collect();
        assert!(limited.len() >= 2, "{option}: {errors}");
        assert!(
            limited.iter().all(|l| l.contains(option)),
            "{option}: {errors}"
        );
    }
}

#[test]
fn files_from_globs_and_skipped_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = corpus(tmp.path());
    fs::write(dir.join("a/~$plan.docx"), b"lock").unwrap();
    fs::write(dir.join("a/.hidden.txt"), b"hidden").unwrap();
    fs::write(dir.join("a/notes.xlsx"), b"sheet").unwrap();

    let out = tmp.path().join("glob");
    let pattern = format!("{}/**/*.txt", s(&dir));
    let run = nhiemvu(&["extract", &pattern, "-o", s(&out), "--format", "jsonl"]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let sources: BTreeSet<String> = field_values(&out.join("tasks.jsonl"), "source_file")
        .into_iter()
        .collect();
    assert_eq!(sources.len(), 4, "{sources:?}");
    assert!(sources
        .iter()
        .all(|p| p.ends_with(".txt") && !p.contains(".hidden")));

    let folder = nhiemvu(&["extract", s(&dir), "-o", s(&tmp.path().join("dir"))]);
    let stderr = String::from_utf8_lossy(&folder.stderr);
    assert!(
        stderr.contains("skipped 1 unknown extension, 1 temporary"),
        "{stderr}"
    );
    assert!(stderr.contains("7 files: "), "{stderr}");

    let list = tmp.path().join("list.txt");
    let listed = format!(
        "{}\r\n\n{}\n",
        s(&dir.join("borderless.pdf")),
        s(&dir.join("b/phuluc_trachnhiem.txt"))
    );
    fs::write(&list, listed).unwrap();
    let out = tmp.path().join("listed");
    let run = nhiemvu(&["extract", "--files-from", s(&list), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert_eq!(field_values(&out.join("manifest.jsonl"), "path").len(), 2);
    assert!(out.join("borderless.json").is_file());

    let out = tmp.path().join("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(["extract", "--files-from", "-", "-o", s(&out), "-q"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("start nhiemvu");
    let mut stdin = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut stdin, read(&list).as_bytes()).unwrap();
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(
        read(&out.join("tasks.jsonl")),
        read(&tmp.path().join("listed/tasks.jsonl"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    for args in [
        vec!["extract", "-o", s(&out)],
        vec!["extract", s(tmp.path()), "-o", s(&out)],
        vec!["extract", s(tmp.path()), "--shard", "4/3"],
        vec!["extract", s(tmp.path()), "--max-file-size", "big"],
        vec!["merge", s(&tmp.path().join("missing")), "-o", s(&out)],
    ] {
        assert_eq!(nhiemvu(&args).status.code(), Some(2), "{args:?}");
    }
    let missing = tmp.path().join("missing.pdf");
    let run = nhiemvu(&["extract", s(&missing), "-o", s(&out)]);
    assert_eq!(run.status.code(), Some(1));
    assert!(read(&out.join("errors.jsonl")).contains("missing.pdf"));
}
