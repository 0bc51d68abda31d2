//! The PDF reader on small hand-built documents: font encodings, word gaps
//! from geometry, and hostile structures (self-drawing forms, page-tree
//! loops, garbage tokens, deep `q` nesting).

use lopdf::{dictionary, Document, Object, Stream};
use nhiemvu::pdf::read_pdf;
use nhiemvu::source_doc::{Block, SourceDoc};
use std::path::Path;

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
