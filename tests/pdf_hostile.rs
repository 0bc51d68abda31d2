//! The PDF reader on small hand-built documents: font encodings, word gaps
//! from geometry, and hostile structures (self-drawing forms, page-tree
//! loops, garbage tokens, deep `q` nesting, arrays and dictionaries nested
//! 100,000 deep), alone and inside a batch with a named pipe and UTF-16
//! text, which must still write every other file's output.

use lopdf::{dictionary, Document, Object, Stream};
use nhiemvu::pdf::read_pdf;
use nhiemvu::source_doc::{Block, SourceDoc};
use std::path::Path;

/// The fuzz targets' builders (`raw_pdf`, `pdf_around`), shared so that
/// tests and fuzzing build files the same way.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_lib;

/// Nesting depth of the hostile inputs.
const DEEP: usize = 100_000;

/// A one-page document with `content`, the fonts `F1` (Helvetica,
/// WinAnsi with a Differences entry) and `F2` (Type0 Identity-H with a
/// ToUnicode CMap and `/W` widths), and a Form XObject `X1` that draws
/// itself. `kids_loop` makes the page tree list itself among its kids.
fn build(content: &[u8], kids_loop: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let f1 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "FirstChar" => 32,
        "Widths" => (32..=255).map(|_| Object::Integer(500)).collect::<Vec<_>>(),
        "Encoding" => dictionary! {
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![Object::Integer(200), Object::Name(b"uhorn".to_vec()),
                                  Object::Name(b"uni1EA1".to_vec())],
        },
    });
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
        2 beginbfchar <0001> <0110> <0005> <00660069> endbfchar\n\
        1 beginbfrange <0002> <0004> [<1EA1> <0061> <0323>] endbfrange\n\
        endcmap end end\n";
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+TimesNewRomanPSMT",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
        "W" => vec![Object::Integer(1), Object::Array(vec![Object::Integer(700), Object::Integer(500)]),
                    Object::Integer(3), Object::Integer(5), Object::Integer(450)],
    });
    let f2 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+TimesNewRomanPSMT",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Reference(cid_font)],
        "ToUnicode" => Object::Reference(to_unicode),
    });
    let form_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 600.into(), 800.into()],
            "Resources" => dictionary! { "XObject" => dictionary! { "X1" => Object::Reference(form_id) } },
        },
        b"/X1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => Object::Reference(f1), "F2" => Object::Reference(f2) },
        "XObject" => dictionary! { "X1" => Object::Reference(form_id) },
    });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => Object::Reference(pages_id),
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => Object::Reference(resources), "Contents" => Object::Reference(content_id),
    });
    let mut kids = vec![Object::Reference(page)];
    if kids_loop {
        kids.push(Object::Reference(pages_id));
    }
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 1 }),
    );
    let catalog =
        doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => Object::Reference(pages_id) });
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("in-memory save");
    out
}

fn read(bytes: &[u8]) -> SourceDoc {
    read_pdf(Path::new("built.pdf"), bytes).expect("readable")
}

fn lines(doc: &SourceDoc) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.text.clone()),
            Block::Table(_) => None,
        })
        .collect()
}

#[test]
fn differences_and_cid_tounicode_with_geometric_word_gaps() {
    // F1: "Ch" + uhorn + "a" via Differences; words split only by an x jump.
    // F2: Identity-H codes 1..5 via bfchar/bfrange (array and multi-char
    // targets); a TJ kerning gap of 400/1000 em separates two words.
    let content = b"BT /F1 12 Tf 72 700 Td (Ch\xc8a) Tj 40 0 Td (l\xc9i) Tj ET\n\
        BT /F2 12 Tf 72 650 Td [<00010002> -400 <000300050004>] TJ ET";
    let doc = read(&build(content, false));
    assert_eq!(lines(&doc), ["Chưa lại", "Đạ afị"]);
}

#[test]
fn font_switch_mid_word_stays_one_word() {
    // Word/Aspose write a word partly in the WinAnsi copy of a font and
    // partly in its Identity-H copy: geometry keeps the word together.
    let content = b"BT /F1 12 Tf 72 700 Td (Ch) Tj /F2 12 Tf <0002> Tj /F1 12 Tf (y) Tj ET";
    let doc = read(&build(content, false));
    assert_eq!(lines(&doc), ["Chạy"]);
}

#[test]
fn self_drawing_form_garbage_tokens_and_deep_nesting() {
    let mut content =
        b"BT /F1 12 Tf 72 700 Td (Before ) Tj ) ] } >> 1 2 3 Tj (After) Tj ET\n".to_vec();
    content.extend(b"q ".repeat(100_000));
    content.extend(b"/X1 Do BI /W 1 /H 1 ID \x00\xff EI BT /F1 12 Tf 72 600 Td (End) Tj ET");
    content.extend(b" Q".repeat(100_000));
    let doc = read(&build(&content, false));
    assert_eq!(lines(&doc), ["Before After", "End"]);
    assert!(
        doc.warnings.iter().any(|w| w.code == "pdf_limit"),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn page_tree_loop_reads_each_page_once() {
    let content = b"BT /F1 12 Tf 72 700 Td (Only) Tj ET";
    let doc = read(&build(content, true));
    assert_eq!(doc.pages, Some(1));
    assert_eq!(lines(&doc), ["Only"]);
}

#[test]
fn dense_hatching_is_not_a_table_and_stays_fast() {
    let mut content = Vec::new();
    for i in 0..2500 {
        let at = f64::from(i) * 0.3 + 10.0;
        content.extend(format!("10 {at} m 800 {at} l S {at} 10 m {at} 800 l S\n").bytes());
    }
    content.extend(b"BT /F1 12 Tf 72 700 Td (Plan) Tj ET");
    let started = std::time::Instant::now();
    let doc = read(&build(&content, false));
    assert_eq!(lines(&doc), ["Plan"]);
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn page_drawn_rotated_is_read_upright() {
    // Landscape content on a portrait sheet: baselines run bottom to top and
    // the first line is the leftmost (the top once the page is turned); the
    // one upright glyph is a minority and is left out like a watermark.
    let content = b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (First line) Tj ET\n\
        BT /F1 12 Tf 0 1 -1 0 320 100 Tm (Second line) Tj ET\n\
        BT /F1 12 Tf 72 760 Td (x) Tj ET";
    let doc = read(&build(content, false));
    assert_eq!(lines(&doc), ["First line", "Second line"]);
}

/// A content stream with an array nested [`DEEP`] levels between two lines.
fn deep_array_content() -> Vec<u8> {
    let mut content = b"BT /F1 12 Tf 72 700 Td (Before) Tj ET\n".to_vec();
    content.extend("[".repeat(DEEP).bytes());
    content.extend("]".repeat(DEEP).bytes());
    content.extend(b" TJ BT /F1 12 Tf 72 600 Td (After) Tj ET");
    content
}

#[test]
fn arrays_nested_100000_deep_in_a_content_stream_are_skipped() {
    let doc = read(&build(&deep_array_content(), false));
    assert_eq!(lines(&doc), ["Before", "After"]);
    let warning = doc.warnings.iter().find(|w| w.code == "pdf_limit");
    assert_eq!(warning.map(|w| w.page), Some(Some(1)), "{:?}", doc.warnings);
}

/// A one-page PDF whose page dictionary has `/Deep` set to `value`.
fn page_with_entry(value: &[u8]) -> Vec<u8> {
    let mut page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
        /Resources << /Font << /F1 5 0 R >> >> /Deep "
        .to_vec();
    page.extend_from_slice(value);
    page.extend_from_slice(b" >>");
    fuzz_lib::raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page,
        fuzz_lib::stream(b"", b"BT /F1 12 Tf 72 700 Td (Plan) Tj ET"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ])
}

fn nested(open: &str, inner: &str, close: &str) -> Vec<u8> {
    [open.repeat(DEEP), inner.to_string(), close.repeat(DEEP)]
        .concat()
        .into_bytes()
}

/// The hostile objects: arrays and dictionaries nested [`DEEP`] levels.
fn deep_objects() -> [(&'static str, Vec<u8>); 2] {
    [
        (
            "deep_array_object.pdf",
            page_with_entry(&nested("[", "1", "]")),
        ),
        (
            "deep_dict_object.pdf",
            page_with_entry(&nested("<< /A ", "1", " >>")),
        ),
    ]
}

#[test]
fn objects_nested_100000_deep_are_refused_or_read_never_overflow() {
    for (name, bytes) in deep_objects() {
        match nhiemvu::pdf::read_pdf(Path::new(name), &bytes) {
            Ok(doc) => assert_eq!(lines(&doc), ["Plan"], "{name}"),
            Err(e) => {
                assert_eq!(e.code(), "malformed", "{name}: {e}");
                assert!(e.to_string().starts_with(name), "{e}");
            }
        }
    }
}

#[test]
fn page_tree_cycle_through_two_nodes_reads_each_page_once() {
    // Pages 2 → Pages 3 → [page 5, Pages 2 again]; page 5 names 3 as parent
    // and 3 names 2, which names 3: /Parent is never climbed.
    let bytes = fuzz_lib::raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 /Parent 3 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [5 0 R 2 0 R] /Count 1 /Parent 2 0 R \
           /Resources << /Font << /F1 6 0 R >> >> >>"
            .to_vec(),
        b"null".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /Contents 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        fuzz_lib::stream(b"", b"BT /F1 12 Tf 72 700 Td (Only) Tj ET"),
    ]);
    let doc = read(&bytes);
    assert_eq!(doc.pages, Some(1));
    assert_eq!(lines(&doc), ["Only"]);
}

#[test]
fn form_drawing_itself_many_times_stops_at_the_operator_limit() {
    // Each level draws the form 40 times: 40^8 draws without a bound.
    let draws = b"/X1 Do ".repeat(40);
    let mut content = b"BT /F1 12 Tf 72 700 Td (Plan) Tj ET ".to_vec();
    content.extend(&draws);
    let started = std::time::Instant::now();
    let bytes = fuzz_lib::pdf_around(&content);
    let doc = read(&bytes);
    assert!(
        lines(&doc).iter().all(|l| l.starts_with("Plan")),
        "{:?}",
        lines(&doc)
    );
    assert!(
        doc.warnings.iter().any(|w| w.code == "pdf_limit"),
        "{:?}",
        doc.warnings
    );
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[cfg(unix)]
mod batch {
    //! The hostile inputs in one batch with good files and a named pipe.

    use super::*;
    use std::fs;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    /// Run `nhiemvu extract ARGS -o OUT`, killed (and failed) after 120 s:
    /// a blocked read must not hang the test suite.
    fn extract(args: &[&Path], out: &Path) -> i32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
            .arg("extract")
            .args(args)
            .arg("-o")
            .arg(out)
            .arg("-q")
            .stdin(Stdio::null())
            .spawn()
            .expect("run nhiemvu");
        let started = Instant::now();
        loop {
            if let Some(status) = child.try_wait().expect("wait") {
                return status.code().expect("exit code");
            }
            if started.elapsed() > Duration::from_secs(120) {
                child.kill().ok();
                panic!("nhiemvu extract {args:?} did not finish in 120 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `code` of the errors.jsonl line for `name`, if any.
    fn error_code(out: &Path, name: &str) -> Option<String> {
        let text = fs::read_to_string(out.join("errors.jsonl")).unwrap_or_default();
        text.lines().find_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("json line");
            let path = v["path"].as_str()?;
            path.ends_with(name)
                .then(|| v["code"].as_str().unwrap_or_default().to_string())
        })
    }

    fn mkfifo(path: &Path) {
        let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
        assert!(status.success());
    }

    #[test]
    fn a_batch_with_hostile_inputs_and_a_fifo_writes_every_other_output() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("in");
        fs::create_dir(&dir).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let text = fs::read_to_string(root.join("fixtures/text/congvan_seed001.txt")).unwrap();
        fs::write(dir.join("good.txt"), &text).unwrap();
        fs::copy(
            root.join("fixtures/pdf/borderless.pdf"),
            dir.join("good.pdf"),
        )
        .unwrap();
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in text.replace('\n', "\r\n").encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        fs::write(dir.join("notepad_unicode.txt"), utf16).unwrap();
        fs::write(
            dir.join("deep_content.pdf"),
            build(&deep_array_content(), false),
        )
        .unwrap();
        fs::write(dir.join("looping_tree.pdf"), build(b"BT ET", true)).unwrap();
        for (name, bytes) in deep_objects() {
            fs::write(dir.join(name), bytes).unwrap();
        }
        mkfifo(&dir.join("pipe.pdf"));
        let out = tmp.path().join("out");
        assert_eq!(extract(&[&dir], &out), 1, "one input failed at least");
        assert_eq!(error_code(&out, "pipe.pdf").as_deref(), Some("io"));
        for good in ["good.txt", "good.pdf", "notepad_unicode"] {
            let json = fs::read_to_string(out.join(format!("{good}.json")))
                .unwrap_or_else(|e| panic!("{good}: {e}"));
            assert!(json.contains("\"tasks\""), "{good}");
        }
        // Every hostile input has an outcome: an output or an error line.
        for name in [
            "deep_content",
            "looping_tree",
            "deep_array_object",
            "deep_dict_object",
        ] {
            let has_json = out.join(format!("{name}.json")).exists();
            let code = error_code(&out, &format!("{name}.pdf"));
            assert!(has_json || code.is_some(), "{name}: no output and no error");
        }
        let manifest = fs::read_to_string(out.join("manifest.jsonl")).unwrap();
        assert_eq!(manifest.lines().count(), 8, "{manifest}");

        // The pipe named on its own, and through --files-from.
        let single = tmp.path().join("single");
        assert_eq!(extract(&[&dir.join("pipe.pdf")], &single), 1);
        assert_eq!(error_code(&single, "pipe.pdf").as_deref(), Some("io"));
        let message = fs::read_to_string(single.join("errors.jsonl")).unwrap();
        assert!(message.contains("named pipe"), "{message}");
    }
}
