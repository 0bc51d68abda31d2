//! `nhiemvu diff OLD NEW`: text and JSON output on two hand-written issues
//! of a plan (`fixtures/diff/`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/diff")
        .join(name)
}

fn nhiemvu(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("diff")
        .args(args)
        .output()
        .expect("run nhiemvu")
}

fn diff_json() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("diff")
        .arg(fixture("plan-2026-01.json"))
        .arg(fixture("plan-2026-03.json"))
        .arg("--json")
        .output()
        .expect("run nhiemvu");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn text_output_is_grouped_in_vietnamese() {
    let out = nhiemvu(&[&fixture("plan-2026-01.json"), &fixture("plan-2026-03.json")]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let expected = [
        "Tóm tắt: 1 thêm mới, 1 bị bỏ, 3 thay đổi, 3 đánh số lại, 2 không đổi nội dung",
        "Thêm mới (1):\n  + 3 Triển khai nền tảng số dùng chung cho các cơ quan đảng\n",
        "Bị bỏ (1):\n  - 6 Mua sắm trang thiết bị cho trung tâm dữ liệu quốc gia\n",
        "  ~ 1 Xây dựng kế hoạch truyền thông về chuyển đổi số năm 2026\n      Thời gian hoàn thành: Quý II/2026 (hạn 2026-06-30) → Quý III/2026 (hạn 2026-09-30)\n",
        "  ~ 2 Hoàn thiện cơ sở dữ liệu quốc gia về dân cư\n      Đơn vị chủ trì: Bộ Công an → Bộ Khoa học và Công nghệ\n",
        "  ~ 5 (trước là 4) Rà soát, sửa đổi các văn bản quy phạm pháp luật về khoa học, công nghệ và đổi mới sáng tạo\n      Tên nhiệm vụ: Rà soát văn bản quy phạm pháp luật về khoa học, công nghệ → Rà soát, sửa đổi",
        "Đánh số lại (3):\n  3 → 4 Tổ chức hội nghị sơ kết",
        "  4 → 5 Rà soát, sửa đổi",
        "  5 → 6 Xây dựng đề án phát triển nguồn nhân lực số\n",
    ];
    for part in expected {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
    // Tasks that only moved are not listed as changed.
    assert!(!text.contains("~ 4 "), "{text}");
    assert!(!text.contains("~ 6 "), "{text}");
}

#[test]
fn same_issue_twice_has_no_changes() {
    let old = fixture("plan-2026-01.json");
    let out = nhiemvu(&[&old, &old]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Không có thay đổi."), "{text}");
    assert!(!text.contains("Thêm mới ("), "{text}");
}

#[test]
fn documents_are_extracted_unless_json() {
    let txt = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check/plan.txt");
    let out = nhiemvu(&[&txt, &txt]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Bản cũ: "), "{text}");
    assert!(text.contains("plan.txt"), "{text}");
    assert!(text.contains("Không có thay đổi."), "{text}");
}

#[test]
fn json_output_lists_upserts_and_closures() {
    let diff = diff_json();
    assert_eq!(diff["diff_version"], "1");
    assert_eq!(diff["old"]["number"], "11-KH/BCĐ");
    assert_eq!(diff["new"]["number"], "15-KH/BCĐ");
    assert_eq!(
        diff["summary"],
        serde_json::json!({"added": 1, "removed": 1, "changed": 3, "renumbered": 3, "unchanged": 2})
    );
    assert_eq!(diff["added"][0]["id"], "15-KH/BCĐ/I/3");
    assert_eq!(
        diff["added"][0]["lead_units"][0]["name"],
        "Văn phòng Trung ương Đảng"
    );
    assert_eq!(diff["removed"][0]["id"], "11-KH/BCĐ/II/6");

    let changed = diff["changed"].as_array().expect("changed is a list");
    let fields: Vec<(&str, &str, &str)> = changed
        .iter()
        .map(|c| {
            (
                c["old_id"].as_str().unwrap_or(""),
                c["new_id"].as_str().unwrap_or(""),
                c["changes"][0]["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("11-KH/BCĐ/I/1", "15-KH/BCĐ/I/1", "deadline"),
            ("11-KH/BCĐ/I/2", "15-KH/BCĐ/I/2", "lead_units"),
            ("11-KH/BCĐ/II/4", "15-KH/BCĐ/II/5", "name"),
        ]
    );
    let lead = &changed[1]["changes"][0];
    assert_eq!(lead["label"], "Đơn vị chủ trì");
    assert_eq!(lead["old"], serde_json::json!(["Bộ Công an"]));
    assert_eq!(lead["new"], serde_json::json!(["Bộ Khoa học và Công nghệ"]));
    assert_eq!(changed[0]["task"]["deadline"]["due"], "2026-09-30");

    let renumbered: Vec<(&str, &str)> = diff["renumbered"]
        .as_array()
        .expect("renumbered is a list")
        .iter()
        .map(|r| {
            (
                r["old_number"].as_str().unwrap_or(""),
                r["new_number"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(renumbered, [("3", "4"), ("4", "5"), ("5", "6")]);
    assert_eq!(diff["matched"].as_array().map(Vec::len), Some(5));
}

#[test]
fn json_output_follows_the_schema() {
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/diff.schema.json");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(&schema_path).expect("read schemas/diff.schema.json"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let diff = diff_json();
    let errors: Vec<String> = validator
        .iter_errors(&diff)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema is strict enough to catch a wrong shape.
    let mut broken = diff.clone();
    broken["removed"][0]["id"] = Value::from(3);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn unreadable_inputs_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.json");
    std::fs::write(&bad, "{\"tasks\": [").expect("write");
    let missing = dir.path().join("missing.json");
    let out = nhiemvu(&[&bad, &missing]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json: not a nhiemvu JSON document"),
        "{err}"
    );
    assert!(err.contains("missing.json: cannot read"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_argument_is_a_usage_error() {
    let out = nhiemvu(&[&fixture("plan-2026-01.json")]);
    assert_eq!(out.status.code(), Some(2));
}
