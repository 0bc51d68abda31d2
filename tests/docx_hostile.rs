//! The Word reader on hostile XML: elements nested 100,000 deep (tables in
//! tables, text boxes, fields) must give a clear error or a read, in
//! bounded time and without a stack overflow.

use nhiemvu::pipeline::read_source;
use std::path::Path;
use std::time::Instant;

/// The fuzz targets' builders (`docx_around`), shared so that tests and
/// fuzzing build packages the same way.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_lib;

/// Nesting depth of the hostile inputs.
const DEEP: usize = 100_000;

fn document(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p>{body}</w:body></w:document>"#
    );
    fuzz_lib::docx_around(xml.as_bytes())
}

#[test]
fn elements_nested_100000_deep_are_refused_or_read_quickly() {
    let cell = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p>";
    let cases = [
        (
            "tables",
            [cell.repeat(DEEP), "</w:tc></w:tr></w:tbl>".repeat(DEEP)].concat(),
        ),
        (
            "text boxes",
            [
                "<w:p><w:r><w:txbxContent>".repeat(DEEP),
                "</w:txbxContent></w:r></w:p>".repeat(DEEP),
            ]
            .concat(),
        ),
        (
            "fields",
            r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#.repeat(DEEP),
        ),
        (
            "unknown elements",
            ["<w:x>".repeat(DEEP), "</w:x>".repeat(DEEP)].concat(),
        ),
    ];
    for (what, body) in cases {
        let started = Instant::now();
        match read_source(Path::new("deep.docx"), &document(&body)) {
            Ok(doc) => assert!(!doc.blocks.is_empty(), "{what}"),
            Err(e) => {
                assert_eq!(e.code(), "malformed", "{what}: {e}");
                assert!(e.to_string().starts_with("deep.docx"), "{e}");
            }
        }
        let secs = started.elapsed().as_secs_f64();
        assert!(secs < 10.0, "{what}: {secs:.1} s");
    }
}
