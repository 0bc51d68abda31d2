//! The Word front end on .docx packages built here from XML strings, and on
//! the files under `fixtures/docx/` (see `fixtures/docx/make_fixtures.py`).

use nhiemvu::docx::read_docx;
use nhiemvu::error::Error;
use nhiemvu::model::InputKind;
use nhiemvu::pipeline::read_source;
use nhiemvu::source_doc::{Block, SourceDoc, Table};
use std::io::Write;
use std::path::{Path, PathBuf};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// A minimal .docx: `body` inside `w:body`, optional numbering and styles
/// (inner XML of their root elements) and footnotes.
struct Docx<'a> {
    body: &'a str,
    numbering: Option<&'a str>,
    styles: Option<&'a str>,
    footnotes: Option<&'a str>,
}

impl<'a> Docx<'a> {
    fn new(body: &'a str) -> Self {
        Docx {
            body,
            numbering: None,
            styles: None,
            footnotes: None,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut parts: Vec<(String, String)> = Vec::new();
        let mut rels = String::new();
        let mut overrides = String::new();
        let mut add = |name: &str, kind: &str, root: &str, inner: &str| {
            parts.push((
                format!("word/{name}.xml"),
                format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} {W}>{inner}</w:{root}>"#),
            ));
            rels.push_str(&format!(
                r#"<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{name}" Target="{name}.xml"/>"#
            ));
            overrides.push_str(&format!(
                r#"<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>"#
            ));
        };
        if let Some(n) = self.numbering {
            add("numbering", "numbering", "numbering", n);
        }
        if let Some(s) = self.styles {
            add("styles", "styles", "styles", s);
        }
        if let Some(f) = self.footnotes {
            add("footnotes", "footnotes", "footnotes", f);
        }
        parts.push((
            "[Content_Types].xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{overrides}</Types>"#
            ),
        ));
        parts.push((
            "_rels/.rels".into(),
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into(),
        ));
        parts.push((
            "word/_rels/document.xml.rels".into(),
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#),
        ));
        parts.push((
            "word/document.xml".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{}<w:sectPr/></w:body></w:document>"#,
                self.body
            ),
        ));
        zip_of(&parts)
    }

    fn read(&self) -> SourceDoc {
        read_docx(Path::new("plan.docx"), &self.bytes()).expect("docx reads")
    }
}

fn zip_of(parts: &[(String, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .expect("start part");
        zip.write_all(text.as_bytes()).expect("write part");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// A paragraph of one run.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A numbered paragraph.
fn np(num_id: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A cell holding XML content, with optional `w:tcPr` content.
fn tc(props: &str, content: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

/// A row of plain-text cells.
fn tr(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| tc("", &p(c))).collect();
    format!("<w:tr>{cells}</w:tr>")
}

fn lines(doc: &SourceDoc) -> Vec<&str> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.text.as_str()),
            Block::Table(_) => None,
        })
        .collect()
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

fn texts(table: &Table) -> Vec<Vec<&str>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
        .collect()
}

/// Level `ilvl` of an abstractNum.
fn lvl(ilvl: u32, fmt: &str, text: &str, start: u32) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
    )
}

/// abstractNum 0: "%1." / "%1.%2." / "%3)" letters; 1: upper Roman; 2: "%1)" lowerLetter;
/// nums 1→0, 2→1, 3→2, 4→0 restarted at 5 (startOverride), 5→2 without override.
fn numbering() -> String {
    format!(
        r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:abstractNum w:abstractNumId="2">{}</w:abstractNum><w:abstractNum w:abstractNumId="3">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num><w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num><w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>"#,
        lvl(0, "decimal", "%1.", 1),
        lvl(1, "decimal", "%1.%2.", 1),
        lvl(2, "lowerLetter", "%3)", 1),
        lvl(0, "upperRoman", "%1.", 1),
        lvl(0, "lowerLetter", "%1)", 1),
        lvl(0, "bullet", "-", 1),
    )
}

#[test]
fn multilevel_decimal_numbering_is_written_as_word_shows_it() {
    let body = [
        np(1, 0, "Nhiệm vụ chung"),
        np(1, 1, "Tuyên truyền"),
        np(1, 1, "Kiểm tra"),
        np(1, 2, "hằng năm"),
        np(1, 2, "đột xuất"),
        np(1, 0, "Nhiệm vụ cụ thể"),
        np(1, 1, "Rà soát"),
        np(1, 2, "lần đầu"),
        np(4, 0, "Danh sách mới"),
        np(4, 1, "mục con"),
        np(6, 0, "gạch đầu dòng"),
    ]
    .concat();
    let doc = Docx {
        numbering: Some(&numbering()),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(doc.input_kind, InputKind::Docx);
    assert_eq!(
        lines(&doc),
        [
            "1. Nhiệm vụ chung",
            "1.1. Tuyên truyền",
            "1.2. Kiểm tra",
            "a) hằng năm",
            "b) đột xuất",
            "2. Nhiệm vụ cụ thể",
            "2.1. Rà soát",
            "a) lần đầu",
            "5. Danh sách mới",
            "5.1. mục con",
            "- gạch đầu dòng",
        ]
    );
}

#[test]
fn directive_items_roman_and_letters_continue_across_shared_lists() {
    let body = [
        p("CHỈ THỊ"),
        np(2, 0, "NHIỆM VỤ CHUNG"),
        np(3, 0, "Các sở, ngành:"),
        np(3, 0, "Ủy ban nhân dân các huyện:"),
        np(2, 0, "TỔ CHỨC THỰC HIỆN"),
        // numId 5 shares abstractNum 2 with numId 3 and has no override:
        // Word continues the letters.
        np(5, 0, "tiếp tục"),
    ]
    .concat();
    let doc = Docx {
        numbering: Some(&numbering()),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(
        lines(&doc),
        [
            "CHỈ THỊ",
            "I. NHIỆM VỤ CHUNG",
            "a) Các sở, ngành:",
            "b) Ủy ban nhân dân các huyện:",
            "II. TỔ CHỨC THỰC HIỆN",
            "c) tiếp tục",
        ]
    );
    let ordinals: Vec<Option<u32>> = doc
        .blocks
        .iter()
        .map(|b| match b {
            Block::Line(l) => l.at.line,
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(ordinals, [1, 2, 3, 4, 5, 6].map(Some));
}

#[test]
fn lists_defined_through_a_numbering_style_link() {
    // Word's "Define New List Style": abstractNum 21 only links the style
    // "DanhSach", whose numId 30 points at abstractNum 20 with the levels.
    let styles = r#"<w:style w:type="numbering" w:styleId="DanhSach"><w:pPr><w:numPr><w:numId w:val="30"/></w:numPr></w:pPr></w:style>"#;
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="20"><w:styleLink w:val="DanhSach"/>{}{}</w:abstractNum><w:abstractNum w:abstractNumId="21"><w:numStyleLink w:val="DanhSach"/></w:abstractNum><w:num w:numId="30"><w:abstractNumId w:val="20"/></w:num><w:num w:numId="31"><w:abstractNumId w:val="21"/></w:num>"#,
        lvl(0, "upperRoman", "%1.", 1),
        lvl(1, "decimal", "%2.", 1)
    );
    let body = [
        np(31, 0, "MỤC TIÊU"),
        np(31, 1, "Cụ thể"),
        np(31, 0, "GIẢI PHÁP"),
    ]
    .concat();
    let doc = Docx {
        numbering: Some(&numbering),
        styles: Some(styles),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(lines(&doc), ["I. MỤC TIÊU", "1. Cụ thể", "II. GIẢI PHÁP"]);
}

#[test]
fn numbering_from_paragraph_styles_and_style_levels() {
    let styles = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Muc1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Muc2"><w:basedOn w:val="Muc1"/></w:style>
<w:style w:type="paragraph" w:styleId="MucCon"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>"#;
    let numbering = r#"<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Muc1"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="MucCon"/><w:lvlText w:val="%1.%2."/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="9"/></w:num>"#;
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let body = [
        styled("Muc1", "Mục một"),
        styled("MucCon", "Con"),
        styled("Muc2", "Mục hai (kế thừa)"),
        // numId 0 removes the style's numbering.
        r#"<w:p><w:pPr><w:pStyle w:val="Muc1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>Không số</w:t></w:r></w:p>"#.to_string(),
    ]
    .concat();
    let doc = Docx {
        numbering: Some(numbering),
        styles: Some(styles),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(
        lines(&doc),
        ["1. Mục một", "1.1. Con", "2. Mục hai (kế thừa)", "Không số"]
    );
}

/// The appendix table: header (tblHeader), group row (gridSpan), auto-numbered
/// TT cells, a vMerge name cell over two deadlines, repeated headers.
fn appendix_body() -> String {
    let header = format!(
        r#"<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}{}</w:tr>"#,
        tc("", &p("TT")),
        tc("", &p("Nội dung nhiệm vụ")),
        tc("", &p("Đơn vị chủ trì")),
        tc("", &p("Thời gian hoàn thành"))
    );
    let numbered_tt = || tc("", &np(1, 0, ""));
    let group = format!(
        r#"<w:tr>{}</w:tr>"#,
        tc(r#"<w:gridSpan w:val="4"/>"#, &p("I. NHIỆM VỤ CHUNG"))
    );
    let row1 = format!(
        r#"<w:tr>{}{}{}{}</w:tr>"#,
        numbered_tt(),
        tc(r#"<w:vMerge w:val="restart"/>"#, &p("Xây dựng kế hoạch")),
        tc("", &p("Sở Nội vụ")),
        tc("", &p("Quý I/2025"))
    );
    let row2 = format!(
        r#"<w:tr>{}{}{}{}</w:tr>"#,
        tc(r#"<w:vMerge/>"#, "<w:p/>"),
        tc(r#"<w:vMerge/>"#, "<w:p/>"),
        tc("", &p("Sở Tài chính")),
        tc("", &p("Quý II/2025"))
    );
    let repeated_marked = header.clone();
    let repeated_by_hand = tr(&[
        "TT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời gian hoàn thành",
    ]);
    let row3 = format!(
        r#"<w:tr>{}{}{}{}</w:tr>"#,
        numbered_tt(),
        tc(
            "",
            r#"<w:p><w:r><w:t xml:space="preserve">Tổng kết </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t>05 năm</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText> 10 năm</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> thực hiện</w:t></w:r></w:p>"#
        ),
        tc("", &p("UBND tỉnh")),
        tc("", &p("Năm 2025"))
    );
    let deleted_row = format!(
        r#"<w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr>{}{}{}{}</w:tr>"#,
        numbered_tt(),
        tc("", &p("Hàng đã xóa")),
        tc("", &p("X")),
        tc("", &p("Y"))
    );
    format!(
        r#"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{header}{group}{row1}{row2}{repeated_marked}{repeated_by_hand}{row3}{deleted_row}</w:tbl>"#
    )
}

#[test]
fn appendix_table_merges_numbering_and_repeated_headers() {
    let body = format!("{}{}", p("PHỤ LỤC"), appendix_body());
    let doc = Docx {
        numbering: Some(&numbering()),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(lines(&doc), ["PHỤ LỤC"]);
    let tables = tables(&doc);
    assert_eq!(tables.len(), 1);
    let table = tables[0];
    assert_eq!(
        texts(table),
        vec![
            vec![
                "TT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Thời gian hoàn thành"
            ],
            vec!["I. NHIỆM VỤ CHUNG"],
            vec!["1.", "Xây dựng kế hoạch", "Sở Nội vụ", "Quý I/2025"],
            vec!["1.", "Xây dựng kế hoạch", "Sở Tài chính", "Quý II/2025"],
            vec!["2.", "Tổng kết 05 năm thực hiện", "UBND tỉnh", "Năm 2025"],
        ]
    );
    assert_eq!(table.rows[1].cells[0].span, 4);
    assert!(table.rows[2].cells.iter().all(|c| c.span == 1));
    // Row ordinals count body paragraphs and rows: "PHỤ LỤC" is 1, the
    // header row 2, the group row 3 ... the dropped rows keep their numbers.
    let at: Vec<Option<u32>> = table.rows.iter().map(|r| r.at.line).collect();
    assert_eq!(at, [2, 3, 4, 5, 8].map(Some));
}

#[test]
fn fields_show_their_result_and_breaks_split_lines() {
    let body = r#"<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Ngày </w:t></w:r><w:fldSimple w:instr=" DATE \@ &quot;dd/MM/yyyy&quot; "><w:r><w:t>12/03/2025</w:t></w:r></w:fldSimple></w:p>
<w:p><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t><w:br/><w:t>Độc lập - Tự do - Hạnh phúc</w:t></w:r></w:p>
<w:p><w:r><w:t>phối</w:t><w:softHyphen/><w:t>hợp&#xAD;chặt chẽ&amp;kịp</w:t><w:tab/><w:t>thời</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>"#;
    let doc = Docx::new(body).read();
    assert_eq!(
        lines(&doc),
        [
            "Trang 5",
            "Ngày 12/03/2025",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "phốihợpchặt chẽ&kịp thời-x",
        ]
    );
    let at: Vec<Option<u32>> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line(l) => Some(l.at.line),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(at, [1, 2, 3, 3, 4].map(Some));
}

#[test]
fn vntime_runs_are_decoded_from_tcvn3() {
    // TCVN3 bytes as Word stores them in a .VnTime run are decoded; the
    // Unicode run beside them is left alone.
    let body = r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>Bé Néi vô</w:t></w:r><w:r><w:t xml:space="preserve"> và Unicode</w:t></w:r></w:p>"#;
    let doc = Docx::new(body).read();
    assert_eq!(lines(&doc), ["Bộ Nội vụ và Unicode"]);
    assert_eq!(
        nhiemvu::docx::legacy_hook(".VnTime", "Bé Néi vô"),
        "Bộ Nội vụ"
    );
    assert_eq!(
        nhiemvu::docx::legacy_hook("Times New Roman", "Bé Néi vô"),
        "Bé Néi vô"
    );
}

#[test]
fn nested_table_text_goes_into_the_outer_cell_line_by_line() {
    let nested = format!(
        "<w:tbl>{}{}</w:tbl>",
        tr(&["Sở Y tế", "chủ trì"]),
        tr(&["Sở Tài chính", ""])
    );
    let body = format!(
        "<w:tbl>{}<w:tr>{}{}</w:tr></w:tbl>{}",
        tr(&["Nội dung", "Đơn vị"]),
        tc("", &p("Phòng chống dịch")),
        tc("", &format!("{}{nested}<w:p/>", p("Các đơn vị:"))),
        p("Sau bảng")
    );
    let doc = Docx::new(&body).read();
    let tables = tables(&doc);
    assert_eq!(
        tables.len(),
        1,
        "the nested table is not a block of its own"
    );
    assert_eq!(
        texts(tables[0]),
        vec![
            vec!["Nội dung", "Đơn vị"],
            vec![
                "Phòng chống dịch",
                "Các đơn vị:\nSở Y tế\nchủ trì\nSở Tài chính"
            ],
        ]
    );
    assert_eq!(lines(&doc), ["Sau bảng"]);
    match doc.blocks.last() {
        Some(Block::Line(l)) => assert_eq!(l.at.line, Some(3)),
        other => panic!("expected a line, got {other:?}"),
    }
}

#[test]
fn footnote_marks_stay_out_of_text_and_are_warned_about_in_cells() {
    let footnotes = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Theo Quyết định số 12/QĐ-UBND.</w:t></w:r></w:p></w:footnote>"#;
    let cell = r#"<w:p><w:r><w:t>Sở Tư pháp</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>"#;
    let body = format!(
        r#"<w:p><w:r><w:t>Căn cứ</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:tbl><w:tr>{}</w:tr></w:tbl>"#,
        tc("", cell)
    );
    let doc = Docx {
        footnotes: Some(footnotes),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(lines(&doc), ["Căn cứ"]);
    assert_eq!(texts(tables(&doc)[0]), vec![vec!["Sở Tư pháp"]]);
    assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
    assert_eq!(doc.warnings[0].code, "docx_footnote_in_cell");
    assert!(doc.warnings[0]
        .message
        .contains("Theo Quyết định số 12/QĐ-UBND."));
    assert_eq!(doc.warnings[0].line, Some(2));
}

#[test]
fn grid_before_and_after_keep_cells_on_the_grid() {
    let body = format!(
        r#"<w:tbl>{}<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>{}</w:tr></w:tbl>"#,
        tr(&["a", "b", "c", "d"]),
        tc("", &p("chỉ cột 2"))
    );
    let doc = Docx::new(&body).read();
    let table = tables(&doc)[0];
    let row = &table.rows[1];
    let shape: Vec<(&str, usize)> = row
        .cells
        .iter()
        .map(|c| (c.text.as_str(), c.span))
        .collect();
    assert_eq!(shape, [("", 1), ("chỉ cột 2", 1), ("", 2)]);
}

#[test]
fn column_numbering_rows_repeated_by_hand_are_dropped() {
    let body = format!(
        "<w:tbl>{}{}{}{}{}{}</w:tbl>",
        tr(&["TT", "Nội dung", "Thời hạn"]),
        tr(&["(1)", "(2)", "(3)"]),
        tr(&["1", "Việc một", "2025"]),
        tr(&["TT", "Nội dung", "Thời hạn"]),
        tr(&["(1)", "(2)", "(3)"]),
        tr(&["2", "Việc hai", "2026"]),
    );
    let doc = Docx::new(&body).read();
    assert_eq!(
        texts(tables(&doc)[0]),
        vec![
            vec!["TT", "Nội dung", "Thời hạn"],
            vec!["(1)", "(2)", "(3)"],
            vec!["1", "Việc một", "2025"],
            vec!["2", "Việc hai", "2026"],
        ]
    );
}

#[test]
fn a_deleted_paragraph_mark_joins_paragraphs_without_advancing_numbering() {
    let body = [
        np(1, 0, "Một"),
        // All its text and its mark deleted: the paragraph disappears.
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="9" w:author="A"/></w:rPr></w:pPr><w:del w:id="8" w:author="A"><w:r><w:delText>Bỏ</w:delText></w:r></w:del></w:p>"#.to_string(),
        np(1, 0, "Hai"),
        r#"<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Nối </w:t></w:r></w:p>"#.to_string(),
        p("tiếp"),
    ]
    .concat();
    let doc = Docx {
        numbering: Some(&numbering()),
        ..Docx::new(&body)
    }
    .read();
    assert_eq!(lines(&doc), ["1. Một", "2. Hai", "Nối tiếp"]);
}

#[test]
fn text_boxes_are_read_and_other_drawing_text_and_fallbacks_are_not() {
    let text_box = |text: &str| {
        format!(
            r#"<mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx><a:p><a:r><a:t>hình vẽ</a:t></a:r></a:p></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"#,
            p(text),
            p(text)
        )
    };
    let body = format!(
        r#"<w:p><w:r><w:t xml:space="preserve">Neo </w:t></w:r><w:r>{}</w:r><w:r><w:t>đoạn</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Ô </w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>bảng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        text_box("Phụ lục I"),
        p("Hộp VML")
    );
    let doc = Docx::new(&body).read();
    assert_eq!(lines(&doc), ["Phụ lục I", "Neo đoạn"]);
    assert_eq!(texts(tables(&doc)[0]), vec![vec!["Hộp VML\nÔ bảng"]]);
}

fn expect_unsupported(path: &str, bytes: &[u8], what: &str) {
    match read_source(Path::new(path), bytes) {
        Err(e @ Error::Unsupported { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains(path), "{msg}");
            assert!(msg.contains(what), "{msg}");
            assert!(
                msg.contains(&format!("soffice --headless --convert-to docx {path}")),
                "{msg}"
            );
        }
        other => panic!("{path}: expected Unsupported, got {other:?}"),
    }
}

#[test]
fn legacy_and_foreign_formats_are_refused_with_the_conversion_command() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(std::iter::repeat_n(0u8, 600));
    expect_unsupported("old/plan.doc", &ole, "Word 97-2003");
    // A password-protected .docx is an OLE container with an EncryptedPackage stream.
    let mut encrypted = ole.clone();
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    expect_unsupported("locked.docx", &encrypted, "password-protected");
    expect_unsupported("plan.odt", b"PK\x03\x04whatever", "OpenDocument");
    expect_unsupported("plan.doc", b"{\\rtf1\\ansi hello}", "RTF");
    // An OpenDocument file renamed to .docx is recognized by its mimetype.
    let odt = zip_of(&[(
        "mimetype".into(),
        "application/vnd.oasis.opendocument.text".into(),
    )]);
    expect_unsupported("renamed.docx", &odt, "OpenDocument");
}

#[test]
fn a_docx_renamed_to_doc_is_read() {
    let bytes = Docx::new(&p("Nội dung")).bytes();
    let doc = read_source(Path::new("plan.doc"), &bytes).expect("read as docx");
    assert_eq!(lines(&doc), ["Nội dung"]);
}

#[test]
fn corrupt_zips_are_errors_naming_the_file() {
    let good = Docx::new(&p("x")).bytes();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.docx", good[..good.len() / 2].to_vec()),
        ("garbage.docx", b"PK\x03\x04 not really a zip".to_vec()),
        ("text.docx", b"just text".to_vec()),
        (
            "nodoc.docx",
            zip_of(&[("word/styles.xml".into(), "<w:styles/>".into())]),
        ),
        (
            "badxml.docx",
            zip_of(&[(
                "word/document.xml".into(),
                "<w:document><w:body><w:p></w:body>".into(),
            )]),
        ),
    ];
    for (name, bytes) in cases {
        match read_docx(Path::new(name), &bytes) {
            Err(e @ Error::Malformed { .. }) => assert!(e.to_string().contains(name), "{e}"),
            other => panic!("{name}: expected Malformed, got {other:?}"),
        }
    }
}

fn fixture(name: &str) -> (PathBuf, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/docx")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (path, bytes)
}

#[test]
fn zip_bomb_is_stopped_while_inflating() {
    // document.xml inflates to 65 MiB of spaces from a ~65 KB file.
    let (path, bytes) = fixture("bomb.docx");
    assert!(bytes.len() < 1024 * 1024);
    match read_docx(&path, &bytes) {
        Err(e @ Error::Malformed { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("bomb.docx") && msg.contains("64 MiB"), "{msg}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn real_doc_and_odt_files_are_refused() {
    for (name, what) in [
        ("appendix.doc", "Word 97-2003"),
        ("appendix.odt", "OpenDocument"),
    ] {
        let (path, bytes) = fixture(name);
        match read_source(&path, &bytes) {
            Err(e @ Error::Unsupported { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains(name) && msg.contains(what), "{msg}");
            }
            other => panic!("{name}: expected Unsupported, got {other:?}"),
        }
    }
}

#[test]
fn python_docx_appendix_fixture() {
    check_appendix_fixture("appendix.docx");
}

#[test]
fn libreoffice_appendix_fixture() {
    // LibreOffice restarts the TT list with a startOverride instance for the
    // first cell and continues it with a plain instance of the same list.
    check_appendix_fixture("appendix_lo.docx");
}

fn check_appendix_fixture(name: &str) {
    let (path, bytes) = fixture(name);
    let doc = read_docx(&path, &bytes).expect("fixture reads");
    let tables = tables(&doc);
    assert_eq!(tables.len(), 2, "header table and task table");
    assert_eq!(
        texts(tables[0]),
        vec![
            vec![
                "UBND TỈNH NAM ĐỊNH\nSỞ NỘI VỤ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
            ],
            vec!["Số: 125/KH-SNV", "Nam Định, ngày 12 tháng 3 năm 2025"],
        ]
    );
    let tasks = texts(tables[1]);
    assert_eq!(
        tasks,
        vec![
            vec![
                "TT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Thời gian hoàn thành"
            ],
            vec!["I. CÔNG TÁC TỔ CHỨC"],
            vec![
                "1.",
                "Xây dựng đề án vị trí việc làm",
                "Sở Nội vụ",
                "Quý I/2025"
            ],
            vec![
                "2.",
                "Rà soát quy chế làm việc",
                "Văn phòng UBND tỉnh",
                "Tháng 6/2025"
            ],
            vec![
                "2.",
                "Rà soát quy chế làm việc",
                "Văn phòng UBND tỉnh",
                "Tháng 12/2025"
            ],
            vec!["II. CÔNG TÁC CÁN BỘ"],
            vec!["3.", "Đào tạo, bồi dưỡng cán bộ", "Sở Nội vụ", "Hằng năm"],
        ]
    );
    assert_eq!(tables[1].rows[1].cells[0].span, 4);
    let lines = lines(&doc);
    assert!(lines.contains(&"KẾ HOẠCH"), "{lines:?}");
    assert!(lines.contains(&"1. Mục đích"), "{lines:?}");
    assert!(lines.contains(&"2. Yêu cầu"), "{lines:?}");
}
