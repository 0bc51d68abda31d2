//! The `extract` command's contract for single users: outputs and their
//! names, formats, and clear errors that name the file while the other
//! inputs are still processed.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/text")
        .join(name)
}

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn extract(args: &[&str], dir: &Path) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("extract")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run nhiemvu");
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), "").expect("write");
    std::fs::write(
        d.join("prose.txt"),
        "Chỉ là một đoạn văn.\nKhông có bảng nhiệm vụ.\n",
    )
    .expect("write");
    std::fs::write(d.join("latin1.txt"), b"Ke hoach\n\xe9\xe8 so 11\n").expect("write");
    std::fs::copy(fixture("phuluc_trachnhiem.txt"), d.join("plan.txt")).expect("copy");
    let run = extract(
        &[
            "empty.txt",
            "prose.txt",
            "latin1.txt",
            "plan.txt",
            "-o",
            "out",
        ],
        d,
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for needle in [
        "empty.txt: the file is empty",
        "latin1.txt: line 2: not valid UTF-8",
    ] {
        assert!(
            run.stderr.contains(needle),
            "missing {needle:?} in {}",
            run.stderr
        );
    }
    let plan: serde_json::Value =
        serde_json::from_str(&read(&d.join("out/plan.json"))).expect("plan.json");
    assert_eq!(plan["tasks"].as_array().map(Vec::len), Some(4));
    let errors = read(&d.join("out/errors.jsonl"));
    assert_eq!(errors.lines().count(), 2, "{errors}");
    assert!(errors
        .lines()
        .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()));
    assert!(!errors.contains("prose.txt"), "{errors}");
}

#[test]
fn a_document_without_tasks_keeps_its_metadata_and_the_run_succeeds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(
        d.join("report.txt"),
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 329/BC-UBND\nLâm Đồng, ngày 19 tháng 12 năm 2025\n\
         BÁO CÁO\nCông tác cải cách hành chính năm 2025\n\
         Năm 2025, tỉnh đã hoàn thành các chỉ tiêu đề ra.\n",
    )
    .expect("write");
    std::fs::copy(fixture("phuluc_trachnhiem.txt"), d.join("plan.txt")).expect("copy");
    let run = extract(&["report.txt", "plan.txt", "-o", "out"], d);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("2 files: ") && run.stderr.contains("(1 files without tasks)"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value =
        serde_json::from_str(&read(&d.join("out/report.json"))).expect("report.json");
    assert_eq!(report["tasks"].as_array().map(Vec::len), Some(0));
    assert_eq!(report["document"]["number"], "329/BC-UBND");
    assert_eq!(report["document"]["type"], "Báo cáo");
    assert_eq!(report["document"]["date"], "2025-12-19");
    let codes: Vec<&str> = report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert!(codes.contains(&"no_tasks"), "{codes:?}");
    assert_eq!(read(&d.join("out/errors.jsonl")), "");
    let manifest = read(&d.join("out/manifest.jsonl"));
    assert!(
        manifest
            .lines()
            .any(|l| l.contains("report.txt") && l.contains("\"warnings\"")),
        "{manifest}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        extract(&["--format", "xml", "x.txt"], dir.path()).code,
        Some(2)
    );
    assert_eq!(extract(&[], dir.path()).code, Some(2));
}

#[test]
fn all_formats_agree_and_csv_has_a_bom_unless_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::copy(fixture("phuluc_sanpham_stt.txt"), d.join("a.txt")).expect("copy");
    std::fs::copy(fixture("phuluc_trachnhiem.txt"), d.join("b.txt")).expect("copy");
    assert_eq!(extract(&["a.txt", "b.txt", "-o", "out"], d).code, Some(0));
    let jsonl = read(&d.join("out/tasks.jsonl"));
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 5 + 4);
    assert_eq!(lines[0]["source_file"], "a.txt");
    assert_eq!(lines[8]["source_file"], "b.txt");
    assert_eq!(lines[0]["id"], "215/KH-UBND/I/1");
    let csv = read(&d.join("out/tasks.csv"));
    assert!(csv.starts_with('\u{FEFF}'), "BOM expected");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 9);
    let deadline_kind = headers
        .iter()
        .position(|h| h == "deadline_kind")
        .expect("column");
    assert_eq!(&rows[2][deadline_kind], "periodic");

    assert_eq!(
        extract(&["a.txt", "-o", "plain", "--format", "csv", "--no-bom"], d).code,
        Some(0)
    );
    assert!(read(&d.join("plain/tasks.csv")).starts_with("id,"));
    assert!(!d.join("plain/tasks.jsonl").exists() && !d.join("plain/a.json").exists());
}

#[test]
fn output_names_never_collide() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("in/sub")).expect("mkdir");
    std::fs::copy(fixture("phuluc_trachnhiem.txt"), d.join("in/plan.txt")).expect("copy");
    std::fs::copy(fixture("phuluc_trachnhiem.txt"), d.join("in/sub/plan.txt")).expect("copy");
    assert_eq!(
        extract(&["in", "-o", "out", "--format", "json"], d).code,
        Some(0)
    );
    assert!(d.join("out/plan.json").exists());
    assert!(d.join("out/sub/plan.json").exists());
}

#[test]
fn user_units_extend_the_gazetteer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(
        d.join("plan.txt"),
        "TT Nhiệm vụ\nĐơn vị chủ trì\nThời hạn\n1 Xây dựng kho dữ liệu của tỉnh\nSTTTT\nQuý II/2026\n",
    )
    .expect("write");
    std::fs::write(
        d.join("units.csv"),
        "abbreviation,full name\nSTTTT,Sở Thông tin và Truyền thông tỉnh\n",
    )
    .expect("write");
    assert_eq!(
        extract(&["plan.txt", "-o", "a", "--format", "json"], d).code,
        Some(0)
    );
    let plain: serde_json::Value =
        serde_json::from_str(&read(&d.join("a/plan.json"))).expect("json");
    assert_eq!(plain["tasks"][0]["lead_units"][0]["name"], "STTTT");
    assert_eq!(
        extract(
            &[
                "plan.txt",
                "-o",
                "b",
                "--format",
                "json",
                "--units",
                "units.csv"
            ],
            d
        )
        .code,
        Some(0)
    );
    let with: serde_json::Value =
        serde_json::from_str(&read(&d.join("b/plan.json"))).expect("json");
    assert_eq!(with["tasks"][0]["lead_units"][0]["raw"], "STTTT");
    assert_eq!(
        with["tasks"][0]["lead_units"][0]["name"],
        "Sở Thông tin và Truyền thông tỉnh"
    );
    let bad = extract(&["plan.txt", "--units", "missing.csv"], d);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("missing.csv"), "{}", bad.stderr);
}

#[test]
fn tables_command_writes_word_tables_with_merges_resolved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docx/appendix.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(["tables", docx.to_str().expect("path"), "-o"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let csv = read(&dir.path().join("appendix.table-2.csv"));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows[0],
        "TT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời gian hoàn thành"
    );
    // The vertically merged task cell is resolved into both of its rows;
    // the header repeated by hand further down is dropped.
    assert!(
        rows.contains(&"2.,Rà soát quy chế làm việc,Văn phòng UBND tỉnh,Tháng 12/2025"),
        "{csv}"
    );
    assert_eq!(rows.iter().filter(|r| r.starts_with("TT,")).count(), 1);
}

#[test]
fn pathological_text_finishes_quickly() {
    // A header followed by thousands of lines that never start a second
    // row, and one line of 100,000 words: both must end in well under the
    // test timeout (the row assignment is bounded), with a warning.
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut long = String::from("TT Nhiệm vụ\nĐơn vị chủ trì\nThời hạn\n1 Làm việc\n");
    for i in 0..5000 {
        long.push_str(&format!("các cơ quan đơn vị thực hiện nhiệm vụ số {i}\n"));
    }
    std::fs::write(d.join("rows.txt"), long).expect("write");
    let line = format!(
        "TT Nhiệm vụ Đơn vị chủ trì Thời hạn\n1 {}\n",
        "bảo đảm triển khai ".repeat(50_000)
    );
    std::fs::write(d.join("line.txt"), line).expect("write");
    let started = std::time::Instant::now();
    let run = extract(
        &["rows.txt", "line.txt", "-o", "out", "--format", "json"],
        d,
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
    let rows: serde_json::Value =
        serde_json::from_str(&read(&d.join("out/rows.json"))).expect("json");
    let codes: Vec<&str> = rows["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert!(codes.contains(&"table_end_assumed"), "{codes:?}");
}

#[test]
fn tables_json_places_cells_in_their_regions_and_icdar_xml_matches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/unseen/pl_e.vmerge_ruled.pdf");
    for format in ["json", "icdar2013"] {
        let out = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
            .args([
                "tables",
                "--format",
                format,
                pdf.to_str().expect("path"),
                "-o",
            ])
            .arg(dir.path())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{format}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("pl_e.vmerge_ruled.tables.json")))
            .expect("json");
    let schema: serde_json::Value = serde_json::from_str(&read(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/tables.schema.json"),
    ))
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let table = &json["tables"][0];
    let regions = table["regions"].as_array().expect("regions");
    let pages: Vec<u64> = regions.iter().filter_map(|r| r["page"].as_u64()).collect();
    assert_eq!(
        pages,
        vec![1, 2, 3, 4, 5, 6],
        "the table runs over six pages"
    );
    let cells = table["cells"].as_array().expect("cells");
    let columns = table["columns"].as_u64().expect("columns");
    // Every cell lies on the grid and inside its page's region.
    for cell in cells {
        let end =
            cell["column"].as_u64().expect("column") + cell["column_span"].as_u64().expect("span");
        assert!(end <= columns, "{cell}");
        let page = cell["page"].as_u64().expect("page");
        let region = regions.iter().find(|r| r["page"] == page).expect("region");
        let (c, r) = (&cell["bbox"], &region["bbox"]);
        let v = |b: &serde_json::Value, i: usize| b[i].as_f64().expect("corner");
        assert!(
            v(c, 0) >= v(r, 0) - 0.5 && v(c, 2) <= v(r, 2) + 0.5,
            "{cell}"
        );
    }
    // The Word table merges a documents cell over rows and a section title
    // over six columns; the PDF's grid shows both.
    assert!(cells.iter().any(|c| c["row_span"].as_u64() > Some(1)));
    assert!(cells.iter().any(|c| c["column_span"].as_u64() == Some(6)));
    let xml = read(&dir.path().join("pl_e.vmerge_ruled-str-result.xml"));
    let with_box = cells.iter().filter(|c| c["bbox"].is_array()).count();
    assert_eq!(xml.matches("<cell ").count(), with_box);
    assert_eq!(xml.matches("<region ").count(), 6);
}
