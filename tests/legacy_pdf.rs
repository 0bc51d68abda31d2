//! Real TCVN3 PDFs from `../shared/corpus/real` read as Vietnamese through
//! the PDF front end (legacy fonts decoded per run of glyphs), and a PDF
//! that only declares a `.VnTime` font keeps its Unicode text. Facts checked
//! by hand against the rendered pages. Skipped when the corpus is absent.

use nhiemvu::pipeline::read_source;
use nhiemvu::source_doc::Block;
use std::path::Path;

fn text_of(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/real")
        .join(name);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "skipped: {} is not here (the shared corpus is absent)",
            path.display()
        );
        return None;
    };
    let doc = read_source(&path, &bytes).expect("reads");
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Line(l) => out.push_str(&l.text),
            Block::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .for_each(|c| out.push_str(&c.text)),
        }
        out.push('\n');
    }
    Some(out)
}

#[test]
fn tcvn3_decisions_read_as_vietnamese() {
    if let Some(text) = text_of("tcvn3_2006_qd115_ttg.pdf") {
        assert!(
            text.contains("QUYẾT ĐỊNH"),
            "{}",
            &text[..text.len().min(400)]
        );
        assert!(text.contains("THỦ TƯỚNG CHÍNH PHỦ"));
        assert!(!text.contains("QUYÕT"));
    }
    if let Some(text) = text_of("tcvn3_2006_nd109_cp.pdf") {
        assert!(
            text.contains("Độc lập - Tự do - Hạnh phúc"),
            "{}",
            &text[..text.len().min(400)]
        );
    }
}

#[test]
fn a_declared_but_unused_legacy_font_changes_nothing() {
    if let Some(text) = text_of("tcvn3_2005_bc_kths_q1.pdf") {
        assert!(
            text.contains("TÌNH HÌNH KINH TẾ - XÃ HỘI"),
            "{}",
            &text[..text.len().min(400)]
        );
    }
}
