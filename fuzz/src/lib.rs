//! Shared pieces of the fuzz targets: one input through a front end and
//! the extractor, and the wrappers that turn fuzz bytes into a PDF page or
//! a Word package so that mutations reach the content interpreter and the
//! XML readers instead of dying in the container format.

use nhiemvu::extract::Context;
use nhiemvu::limits::Limits;
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

/// Separates the parts of a Word package in a `docx` fuzz input
/// (document, styles, numbering, footnotes): the ASCII record separator.
pub const PART_SEPARATOR: u8 = 0x1E;

/// The extraction context, built once (the gazetteer is costly).
fn context() -> &'static Context {
    static CTX: OnceLock<Context> = OnceLock::new();
    CTX.get_or_init(Context::default)
}

/// Limits small enough for the fuzzer's memory cap (decompression bombs
/// are refused at 32 MiB instead of 512 MiB).
fn limits() -> Limits {
    Limits {
        max_decompressed_bytes: 32 * 1024 * 1024,
        // No tesseract processes under the fuzzer.
        ocr: nhiemvu::ocr::OcrMode::Never,
        ..Limits::default()
    }
}

/// Run one input named `name` (its extension picks the front end) through
/// the front end and the extractor: the error code, `"no_tasks"` for a
/// document read without tasks, or `"ok"`. Errors are fine; panics and
/// hangs are what the fuzzer looks for.
pub fn run(name: &str, bytes: &[u8]) -> &'static str {
    match nhiemvu::pipeline::process_bytes(Path::new(name), bytes, context(), &limits()) {
        Ok(doc) if doc.tasks.is_empty() => "no_tasks",
        Ok(_) => "ok",
        Err(e) => e.code(),
    }
}

/// What the fuzz target `target` (`pdf`, `docx`, `text`, `extract`) does
/// with one input: the outcome as for [`run`]. The targets and the
/// regression test (`tests/fuzz_regressions.rs`) both call this.
pub fn replay(target: &str, data: &[u8]) -> &'static str {
    let wrapped = |name: &str, wrap: fn(&[u8]) -> Vec<u8>| match data.split_first() {
        None => "empty",
        Some((&mode, rest)) if mode & 1 == 1 => run(name, rest),
        Some((_, rest)) => run(name, &wrap(rest)),
    };
    match target {
        // Odd first byte: a whole file; even: the rest wrapped in a file.
        "pdf" => wrapped("fuzz.pdf", pdf_around),
        "docx" => wrapped("fuzz.docx", docx_around),
        "text" => run("fuzz.txt", data),
        "extract" => match std::str::from_utf8(data) {
            Ok(text) => extract_text(text),
            Err(_) => "not_utf8",
        },
        _ => panic!("unknown fuzz target {target}"),
    }
}

/// A one-page PDF whose page content and a Form XObject `/X1` (which the
/// page, and the form itself, may draw with `/X1 Do`) are both `content`,
/// with a simple font `/F1` and a Type0 font `/F2` with a ToUnicode CMap.
pub fn pdf_around(content: &[u8]) -> Vec<u8> {
    let cmap: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <0000> <FFFF> endcodespacerange \
        2 beginbfrange <0001> <00FF> <0041> <0100> <0110> [<1EA0> <1EA1>] endbfrange \
        endcmap end end";
    raw_pdf(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
           /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 7 0 R >> >> >>"
            .to_vec(),
        stream(b"", content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H \
           /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /DW 500 \
           /W [1 [600 700] 10 20 550] >>] /ToUnicode 8 0 R >>"
            .to_vec(),
        stream(
            b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] \
              /Resources << /Font << /F1 5 0 R >> /XObject << /X1 7 0 R >> >>",
            content,
        ),
        stream(b"", cmap),
    ])
}

/// A PDF file of `objects` (object `i + 1` is `objects[i]`, written as
/// given, so it may be anything, however malformed), with a correct xref
/// table and object 1 as the catalog.
pub fn raw_pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

/// A stream object: `dict` entries (without `<<`/`>>`) and `data`.
pub fn stream(dict: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = b"<< ".to_vec();
    out.extend_from_slice(dict);
    write!(out, " /Length {} >>\nstream\n", data.len()).unwrap();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

/// A Word package from `parts` split at [`PART_SEPARATOR`]: document,
/// styles, numbering and footnotes XML in that order (missing ones left out).
pub fn docx_around(parts: &[u8]) -> Vec<u8> {
    let names = [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, part) in names.iter().zip(parts.split(|&b| b == PART_SEPARATOR)) {
        zip.start_file(*name, options).unwrap();
        zip.write_all(part).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A [`SourceDoc`](nhiemvu::source_doc::SourceDoc) from fuzz text, the way
/// a front end would hand it over: a line starting with `|` is a table row
/// (cells split at `|`, a cell starting with `^` continues the cell above),
/// consecutive rows make one table, a form feed starts a new page and
/// every other line is running text indented by its leading spaces.
pub fn source_doc_from(text: &str) -> nhiemvu::source_doc::SourceDoc {
    use nhiemvu::model::{InputKind, Location};
    use nhiemvu::source_doc::{Block, Cell, Row, SourceDoc, Table, TextLine};
    let mut blocks = Vec::new();
    let mut page = 1u32;
    for (i, raw) in text.lines().enumerate() {
        page += raw.matches('\u{0C}').count() as u32;
        let raw = raw.replace('\u{0C}', "");
        let at = Location {
            page: Some(page),
            line: Some(i as u32 + 1),
        };
        if let Some(row) = raw.strip_prefix('|') {
            let cells = row
                .split('|')
                .map(|c| match c.strip_prefix('^') {
                    Some(rest) => Cell {
                        continued: true,
                        ..Cell::new(rest)
                    },
                    None => Cell::new(c.replace('\\', "\n")),
                })
                .collect();
            let row = Row {
                cells,
                at,
                bbox: None,
            };
            match blocks.last_mut() {
                Some(Block::Table(t)) => t.rows.push(row),
                _ => blocks.push(Block::Table(Table { rows: vec![row] })),
            }
        } else {
            blocks.push(Block::Line(TextLine {
                indent: raw.chars().take_while(|&c| c == ' ').count(),
                text: raw.trim().to_string(),
                at,
            }));
        }
    }
    SourceDoc {
        input_kind: InputKind::Pdf,
        pages: Some(page),
        blocks,
        warnings: Vec::new(),
        ocr: Default::default(),
    }
}

/// Run the extractor over [`source_doc_from`] `text`: `"ok"` or `"no_tasks"`.
pub fn extract_text(text: &str) -> &'static str {
    let doc = source_doc_from(text);
    let source = nhiemvu::model::SourceInfo {
        path: "fuzz".into(),
        sha256: String::new(),
        input_kind: doc.input_kind,
        pages: doc.pages,
    };
    if nhiemvu::extract::extract(&doc, source, "fuzz", context())
        .tasks
        .is_empty()
    {
        "no_tasks"
    } else {
        "ok"
    }
}
