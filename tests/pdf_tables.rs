//! The PDF front end on the fixtures of `fixtures/pdf/` (made by
//! `fixtures/pdf/make_pdfs.py`): reconstructed tables, page joins,
//! encryption, scans, and robustness on damaged bytes.

use nhiemvu::error::Error;
use nhiemvu::model::InputKind;
use nhiemvu::pdf::read_pdf;
use nhiemvu::source_doc::{Block, Row, SourceDoc, Table};
use std::path::{Path, PathBuf};

const HEADER: [&str; 6] = [
    "TT",
    "Tên nhiệm vụ",
    "Văn bản giao nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Thời gian hoàn thành",
];

/// First cells of the rows after the header, in order.
const FIRST_CELLS: [&str; 16] = [
    "1. Hoàn thiện thể chế, quy chế, quy định",
    "1.1.",
    "1.2.",
    "1.3.",
    "1.4.",
    "1.5.",
    "1.6.",
    "2. Phát triển hạ tầng số",
    "2.1.",
    "2.2.",
    "2.3.",
    "2.4.",
    "3. Phát triển nền tảng số, ứng dụng số dùng chung",
    "3.1.",
    "3.2.",
    "",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/pdf")
        .join(name)
}

fn read(name: &str) -> SourceDoc {
    let path = fixture(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    read_pdf(&path, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn tables(doc: &SourceDoc) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Line(_) => None,
        })
        .collect()
}

/// A cell's text with its line breaks turned into spaces.
fn flat(text: &str) -> String {
    text.replace('\n', " ")
}

fn row<'a>(table: &'a Table, first_cell: &str) -> &'a Row {
    table
        .rows
        .iter()
        .find(|r| r.cells[0].text == first_cell)
        .unwrap_or_else(|| panic!("no row {first_cell}"))
}

/// Checks shared by every rendering of the task table.
fn check_task_table(doc: &SourceDoc) -> &Table {
    let tables = tables(doc);
    assert_eq!(tables.len(), 1, "one table, page-spanning parts joined");
    let table = tables[0];
    for r in &table.rows {
        let columns: usize = r.cells.iter().map(|c| c.span).sum();
        assert_eq!(columns, 6, "row {:?}", r.cells[0].text);
    }
    let header: Vec<String> = table.rows[0].cells.iter().map(|c| flat(&c.text)).collect();
    assert_eq!(header, HEADER);
    let headers = table
        .rows
        .iter()
        .filter(|r| r.cells[0].text == "TT")
        .count();
    assert_eq!(headers, 1, "repeated header rows are dropped");
    let firsts: Vec<String> = table.rows[1..]
        .iter()
        .map(|r| flat(&r.cells[0].text))
        .collect();
    assert_eq!(firsts, FIRST_CELLS[..15]);
    // Group rows: one cell spanning the table.
    let group = &table.rows[1];
    assert_eq!(group.cells.len(), 1);
    assert_eq!(group.cells[0].span, 6);
    // A long wrapped cell, joined in reading order.
    let r12 = row(table, "1.2.");
    let name = flat(&r12.cells[1].text);
    assert!(
        name.starts_with("Rà soát, xây dựng, ban hành quy"),
        "{name}"
    );
    assert!(name.ends_with("ứng dụng trí tuệ nhân tạo."), "{name}");
    assert!(r12.cells[1].text.contains('\n'), "lines kept apart");
    assert_eq!(flat(&r12.cells[3].text), "Các cơ quan đảng các cấp; MTTQ");
    assert_eq!(r12.cells[4].text, "", "empty cell stays empty");
    let r22 = row(table, "2.2.");
    assert!(r22.cells[2]
        .text
        .replace('\n', "")
        .contains("04-KH/CQTTBCĐ"));
    assert_eq!(r22.cells[3].text, "Bộ Công an");
    table
}

#[test]
fn word_table_through_libreoffice() {
    let doc = read("appendix_docx.pdf");
    assert_eq!(doc.input_kind, InputKind::Pdf);
    assert_eq!(doc.pages, Some(2));
    let table = check_task_table(&doc);
    // Row 1.6 is cut by the page break: its last lines are on page 2.
    let r16 = row(table, "1.6.");
    assert_eq!(r16.at.page, Some(1));
    assert_eq!(
        flat(&r16.cells[1].text),
        "Xây dựng, bổ sung các văn bản quy định, quy chế, hướng dẫn triển khai \
         sử dụng các hệ thống trong lĩnh vực công tác văn phòng"
    );
    assert_eq!(
        flat(&r16.cells[2].text),
        "Kế hoạch số 11-KH/BCĐ ngày 27/3/2025"
    );
    assert_eq!(row(table, "2.1.").at.page, Some(2));
    // Text around the table, in reading order.
    let Block::Line(first) = &doc.blocks[0] else {
        panic!("text before the table")
    };
    assert_eq!(first.text, "PHỤ LỤC V");
    assert_eq!(first.at.page, Some(1));
    let Some(Block::Line(last)) = doc.blocks.last() else {
        panic!("text after the table")
    };
    assert_eq!(
        last.text,
        "Các cơ quan, đơn vị căn cứ danh mục trên tổ chức thực hiện."
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn reportlab_table_with_embedded_truetype() {
    let doc = read("appendix_reportlab.pdf");
    assert_eq!(doc.pages, Some(2));
    let table = check_task_table(&doc);
    let r21 = row(table, "2.1.");
    let name = flat(&r21.cells[1].text);
    assert!(name.starts_with("Hoàn thành tái cấu trúc toàn diện hạ tầng công nghệ thông tin"));
    assert!(name.ends_with("sang hạ tầng điện toán đám mây"), "{name}");
    assert_eq!(flat(&r21.cells[5].text), "2026");
}

#[test]
fn borderless_table_with_a_row_split_over_the_page_break() {
    let doc = read("borderless.pdf");
    let table = check_task_table(&doc);
    // Row 2.1 starts on page 1 and ends on page 2, where its first cell is empty.
    let r21 = row(table, "2.1.");
    assert_eq!(r21.at.page, Some(1));
    let name = flat(&r21.cells[1].text);
    assert!(
        name.contains("của các cơ quan đảng, chuyển đổi hạ tầng công"),
        "{name}"
    );
    assert!(name.ends_with("sang hạ tầng điện toán đám mây"), "{name}");
    assert_eq!(r21.cells[2].text, "Kế hoạch số\n11-KH/BCĐ ngày\n27/3/2025");
    assert_eq!(r21.cells[3].text, "Văn phòng\nTrung ương\nĐảng");
    assert_eq!(r21.cells[4].text, "Bộ Công an");
    assert!(table.rows.iter().all(|r| !r.cells[0].text.is_empty()));
}

#[test]
fn empty_user_password_is_read() {
    let doc = read("encrypted_empty.pdf");
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.text.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Kế hoạch số 11-KH/BCĐ: bảo mật tài liệu mật.",
            "Đơn vị chủ trì: Văn phòng Trung ương Đảng."
        ]
    );
}

#[test]
fn user_password_is_a_clear_error() {
    let path = fixture("encrypted_secret.pdf");
    let bytes = std::fs::read(&path).expect("fixture exists");
    match read_pdf(&path, &bytes) {
        Err(Error::Unsupported { message, .. }) => assert!(message.contains("encrypted")),
        other => panic!("expected an encryption error, got {other:?}"),
    }
}

#[test]
fn scanned_page_warns_and_invents_nothing() {
    let doc = read("scan.pdf");
    assert!(doc.blocks.is_empty());
    assert_eq!(doc.warnings.len(), 1);
    assert_eq!(doc.warnings[0].page, Some(1));
    assert!(doc.warnings[0].message.contains("no text layer"));
    assert!(doc.warnings[0].message.contains("--ocr auto"));
}

#[test]
fn not_a_pdf_names_the_file() {
    let path = Path::new("dir/notes.pdf");
    let err = read_pdf(path, b"just some text, not a PDF").expect_err("not a PDF");
    assert!(err.to_string().contains("dir/notes.pdf"), "{err}");
}

/// Truncated and garbled copies of every fixture: never a panic.
#[test]
fn damaged_bytes_never_panic() {
    let names = [
        "appendix_docx.pdf",
        "appendix_reportlab.pdf",
        "borderless.pdf",
        "encrypted_empty.pdf",
        "scan.pdf",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for name in names {
        let path = fixture(name);
        let bytes = std::fs::read(&path).expect("fixture exists");
        for k in 1..8 {
            let cut = bytes.len() * k / 8;
            let _ = read_pdf(&path, &bytes[..cut]);
        }
        for _ in 0..12 {
            let mut damaged = bytes.clone();
            for _ in 0..8 {
                let at = (next() as usize) % damaged.len();
                damaged[at] = next() as u8;
            }
            let _ = read_pdf(&path, &damaged);
        }
    }
}
