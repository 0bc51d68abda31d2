//! Text inputs in every encoding offices save them in: UTF-8 with or
//! without a byte order mark, UTF-16 LE and BE (Windows Notepad's
//! "Unicode", CRLF lines), and legacy 8-bit Vietnamese bytes (TCVN3),
//! all giving the same tasks as the UTF-8 original.

use nhiemvu::extract::Context;
use nhiemvu::limits::Limits;
use nhiemvu::model::ExtractedDocument;
use nhiemvu::pipeline::{process_bytes, read_source};
use nhiemvu::source_doc::Block;
use std::path::Path;

const SAMPLE: &str = "fixtures/text/congvan_seed001.txt";

fn extract(name: &str, bytes: &[u8]) -> ExtractedDocument {
    process_bytes(
        Path::new(name),
        bytes,
        &Context::default(),
        &Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn names(doc: &ExtractedDocument) -> Vec<String> {
    doc.tasks.iter().map(|t| t.name.clone()).collect()
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for unit in std::iter::once(0xFEFF)
        .filter(|_| bom)
        .chain(text.encode_utf16())
    {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf8_with_bom_and_utf16_give_the_same_tasks() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .expect("sample fixture");
    let reference = extract("plan.txt", text.as_bytes());
    assert!(reference.tasks.len() >= 5, "{}", reference.tasks.len());
    let crlf = text.replace('\n', "\r\n");
    let variants = [
        (
            "UTF-8 with BOM",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        (
            "UTF-16 LE with BOM, CRLF (Notepad)",
            utf16(&crlf, false, true),
        ),
        ("UTF-16 BE with BOM", utf16(&text, true, true)),
        ("UTF-16 LE without BOM", utf16(&crlf, false, false)),
        ("UTF-16 BE without BOM", utf16(&text, true, false)),
    ];
    for (what, bytes) in variants {
        let doc = extract("plan.txt", &bytes);
        assert_eq!(names(&doc), names(&reference), "{what}");
        let lines: Vec<_> = doc.tasks.iter().map(|t| t.source.line).collect();
        let want: Vec<_> = reference.tasks.iter().map(|t| t.source.line).collect();
        assert_eq!(lines, want, "{what}: line numbers");
        assert!(doc.warnings.is_empty(), "{what}: {:?}", doc.warnings);
    }
}

#[test]
fn broken_utf16_is_read_with_a_warning() {
    // A lone high surrogate and an odd trailing byte.
    let mut bytes = utf16("Kế hoạch số 12/KH-UBND\r\n", false, true);
    bytes.extend([0x00, 0xD8, b'x', 0x00, 0x41]);
    let doc = read_source(Path::new("broken.txt"), &bytes).expect("readable");
    let Some(Block::Line(first)) = doc.blocks.first() else {
        panic!("{:?}", doc.blocks);
    };
    assert_eq!(first.text, "Kế hoạch số 12/KH-UBND");
    let warning = doc.warnings.iter().find(|w| w.code == "text_invalid_utf16");
    assert!(
        warning.is_some_and(|w| w.message.starts_with("2 invalid")),
        "{:?}",
        doc.warnings
    );
}

/// `text` in TCVN3 bytes, from the encoding table in `data/encodings/`.
fn tcvn3_bytes(text: &str) -> Vec<u8> {
    let table = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/encodings/tcvn3.tsv"),
    )
    .expect("tcvn3 table");
    let mut bytes_of = std::collections::HashMap::new();
    for row in table.lines().filter(|l| l.starts_with("0x")) {
        let cols: Vec<&str> = row.split('\t').collect();
        let byte = u8::from_str_radix(&cols[0][2..], 16).unwrap();
        if let Some(c) = cols[2].chars().next() {
            bytes_of.entry(c).or_insert(byte);
        }
    }
    text.chars()
        .map(|c| match bytes_of.get(&c) {
            Some(&b) => b,
            None if c.is_ascii() => c as u8,
            None => panic!("{c} has no TCVN3 byte"),
        })
        .collect()
}

#[test]
fn legacy_8bit_bytes_are_decoded_and_other_bytes_refused() {
    let line = "Kế hoạch triển khai nhiệm vụ chuyển đổi số năm 2026";
    let bytes = tcvn3_bytes(&format!("{line}\n{line}\n"));
    assert!(std::str::from_utf8(&bytes).is_err());
    let doc = read_source(Path::new("old.txt"), &bytes).expect("decoded");
    let Some(Block::Line(first)) = doc.blocks.first() else {
        panic!("{:?}", doc.blocks);
    };
    assert_eq!(first.text, line);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.code == "legacy_encoding_decoded"),
        "{:?}",
        doc.warnings
    );
    // Bytes that are neither UTF-8 nor a Vietnamese encoding: refused,
    // naming the file and the line.
    let err = read_source(
        Path::new("binary.txt"),
        b"ok\n\xC3\x28\xFF\xFE\x80\x81 \x90\x91\n",
    )
    .expect_err("not text");
    assert_eq!(err.code(), "not_utf8");
    assert!(err.to_string().starts_with("binary.txt: line 2:"), "{err}");
}
