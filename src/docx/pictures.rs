//! Word files whose pages are pictures: a scanned page pasted into Word
//! (`w:drawing` → `a:blip r:embed`, or VML `v:imagedata r:id`) with no or
//! almost no text. Each large picture becomes a page image that goes
//! through the same OCR path as a scanned PDF page ([`DocLayout`]): words
//! and rulings, the table engine, records marked `source.ocr`.
//!
//! A picture is laid on a page of the document's paper (`w:pgSz`, A4 when
//! absent) turned to the picture's orientation and scaled to fit it, as
//! the sheet that was scanned: the size Word displays it at is often
//! shrunk to the margins, and phone or scanner resolutions are unreliable.

use super::package;
use super::xml::{attr, local, Events};
use crate::error::Result;
use crate::layout::DocLayout;
use crate::limits::Limits;
use crate::model::{InputKind, Warning};
use crate::ocr::OcrMode;
use crate::pdf::content::{Matrix, PageContent};
use crate::pdf::images::{ImageData, PageImage};
use crate::pdf::PdfPage;
use crate::source_doc::{Block, SourceDoc};
use quick_xml::events::Event;
use std::path::Path;

/// When a Word file is read from its pictures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PictureSettings {
    /// Least share of the page a picture must be displayed over to be a
    /// page (when Word gives its displayed size).
    pub min_page_share: f64,
    /// Least pixels on a picture's shorter side for it to be a page when
    /// Word gives no displayed size (a page scanned at 100 dpi has 827).
    pub min_short_side: u32,
    /// Most letters of text per large picture for the document to be read
    /// from its pictures (a caption or a typed stamp; a typed page holds
    /// thousands).
    pub max_letters_per_picture: usize,
}

/// The settings used.
pub const PICTURES: PictureSettings = PictureSettings {
    min_page_share: crate::ocr::MIN_PAGE_SHARE,
    min_short_side: 600,
    max_letters_per_picture: 200,
};

/// EMUs (English Metric Units) per point.
const EMU_PER_POINT: f64 = 12_700.0;
/// Twentieths of a point per point (`w:pgSz` is in twips).
const TWIPS_PER_POINT: f64 = 20.0;
/// A4 paper, in points.
const A4: (f64, f64) = (595.3, 841.9);

/// Elements whose pictures are not shown: deleted text and the fallback
/// copy of content also given as `mc:Choice`.
const HIDDEN: &[&str] = &["del", "moveFrom", "Fallback"];

/// A picture the main document part shows.
#[derive(Debug, Clone, PartialEq)]
struct PictureRef {
    /// Relationship id of the image part.
    id: String,
    /// Displayed width and height in points, when given.
    extent: Option<(f64, f64)>,
}

/// The pictures of a document part in body order, and its paper size in
/// points.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    pictures: Vec<PictureRef>,
    paper: (f64, f64),
}

/// The pictures `document` (a main document part) shows.
fn find_pictures(document: &str) -> Found {
    let mut found = Found {
        pictures: Vec::new(),
        paper: A4,
    };
    let mut events = Events::new(document);
    let mut hidden = 0usize;
    let mut extent = None;
    while let Some(event) = events.next() {
        let (e, opens) = match event {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                let name = e.local_name();
                let name = name.into_inner();
                if hidden > 0 && HIDDEN.contains(&name) {
                    hidden -= 1;
                }
                if matches!(name, "drawing" | "pict") {
                    extent = None;
                }
                continue;
            }
            _ => continue,
        };
        let name = local(&e);
        if HIDDEN.contains(&name) {
            hidden += usize::from(opens);
            continue;
        }
        if hidden > 0 {
            continue;
        }
        let number = |key: &str| attr(&e, key).and_then(|v| v.trim().parse::<f64>().ok());
        match name {
            "extent" => {
                extent = number("cx")
                    .zip(number("cy"))
                    .map(|(w, h)| (w / EMU_PER_POINT, h / EMU_PER_POINT));
            }
            "shape" | "rect" => extent = attr(&e, "style").and_then(|s| vml_size(&s)),
            "pgSz" => {
                if let Some((w, h)) = number("w").zip(number("h")) {
                    found.paper = (w / TWIPS_PER_POINT, h / TWIPS_PER_POINT);
                }
            }
            "blip" | "imagedata" => {
                let key = if name == "blip" { "embed" } else { "id" };
                if let Some(id) = attr(&e, key).filter(|id| !id.is_empty()) {
                    found.pictures.push(PictureRef { id, extent });
                }
            }
            _ => {}
        }
    }
    found
}

/// Width and height in points from a VML shape's CSS style
/// (`width:451.3pt;height:9.1in`).
fn vml_size(style: &str) -> Option<(f64, f64)> {
    let length = |key: &str| -> Option<f64> {
        style.split(';').find_map(|decl| {
            let (k, v) = decl.split_once(':')?;
            if k.trim() != key {
                return None;
            }
            let v = v.trim();
            let split = v.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(v.len());
            let number: f64 = v[..split].trim().parse().ok()?;
            let per_unit = match &v[split..] {
                "pt" => 1.0,
                "in" => 72.0,
                "cm" => 72.0 / 2.54,
                "mm" => 72.0 / 25.4,
                "px" => 0.75,
                "" => 1.0 / EMU_PER_POINT,
                _ => return None,
            };
            Some(number * per_unit)
        })
    };
    length("width").zip(length("height"))
}

/// A picture read from the package, decodable by OCR.
struct Picture {
    data: ImageData,
    width: u32,
    height: u32,
    extent: Option<(f64, f64)>,
}

impl Picture {
    /// Whether it is large enough to be a page of `paper`.
    fn is_page(&self, paper: (f64, f64), settings: &PictureSettings) -> bool {
        match self.extent {
            Some((w, h)) => w * h >= settings.min_page_share * paper.0 * paper.1,
            None => self.width.min(self.height) >= settings.min_short_side,
        }
    }

    /// The picture as the page of `paper` it was scanned from: the paper
    /// turned to the picture's orientation, shrunk to the picture's shape.
    fn page(self, number: u32, paper: (f64, f64)) -> (PdfPage, PageImage) {
        let (short, long) = (paper.0.min(paper.1), paper.0.max(paper.1));
        let (pw, ph) = if self.width > self.height {
            (long, short)
        } else {
            (short, long)
        };
        let scale = (pw / self.width as f64).min(ph / self.height as f64);
        let (w, h) = (self.width as f64 * scale, self.height as f64 * scale);
        let page = PdfPage {
            number,
            width: w,
            height: h,
            content: PageContent {
                images: 1,
                ..PageContent::default()
            },
        };
        let image = PageImage {
            width: self.width,
            height: self.height,
            placement: Matrix([w, 0.0, 0.0, h, 0.0, 0.0]),
            data: self.data,
        };
        (page, image)
    }
}

/// The image data of a JPEG or PNG file; `None` for other formats (EMF,
/// WMF, GIF, TIFF: drawings or formats OCR does not read).
fn image_data(bytes: Vec<u8>) -> Option<ImageData> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageData::Jpeg(bytes))
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageData::Png(bytes))
    } else {
        None
    }
}

/// Letters in the text of `blocks`.
fn letters(blocks: &[Block]) -> usize {
    let count = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    blocks
        .iter()
        .map(|b| match b {
            Block::Line(l) => count(&l.text),
            Block::Table(t) => t
                .rows
                .iter()
                .flat_map(|r| &r.cells)
                .map(|c| count(&c.text))
                .sum(),
        })
        .sum()
}

/// The document read from its pictures, when it is a picture document
/// (large pictures, almost no text) or `limits.ocr` is
/// [`OcrMode::Always`] and it has large pictures; `None` to read it from
/// its text alone. The pictures become pages 1, 2, … in body order; a
/// picture document's scant text (a caption, a stamp) is left out, as a
/// scanned PDF page's text layer is, and with `--ocr always` a document's
/// text comes first, its pictures after.
///
/// Errors: the package cannot be read again, or tesseract is missing.
pub fn read_pictures(
    path: &Path,
    bytes: &[u8],
    parts: &package::Parts,
    blocks: &[Block],
    limits: &Limits,
) -> Result<Option<SourceDoc>> {
    let settings = &PICTURES;
    let found = find_pictures(&parts.document);
    let text = letters(blocks);
    let could_be_scan = text <= settings.max_letters_per_picture * found.pictures.len();
    if found.pictures.is_empty() || !(could_be_scan || limits.ocr == OcrMode::Always) {
        return Ok(None);
    }
    let wanted: Vec<(&PictureRef, String)> = found
        .pictures
        .iter()
        .filter_map(|p| {
            let target =
                package::relationship_by_id(&parts.relationships, &parts.document_dir, &p.id)?;
            Some((p, target))
        })
        .collect();
    let names: Vec<String> = wanted.iter().map(|(_, target)| target.clone()).collect();
    let contents = package::read_binary_parts(path, bytes, &names)?;
    let pictures: Vec<Picture> = wanted
        .iter()
        .zip(contents)
        .filter_map(|((p, _), content)| {
            let data = image_data(content?)?;
            let (width, height) = crate::ocr::raster::encoded_size(&data)?;
            Some(Picture {
                data,
                width,
                height,
                extent: p.extent,
            })
        })
        .filter(|p| p.is_page(found.paper, settings))
        .collect();
    let scan = !pictures.is_empty() && text <= settings.max_letters_per_picture * pictures.len();
    if pictures.is_empty() || !(scan || limits.ocr == OcrMode::Always) {
        return Ok(None);
    }
    let mut layout = DocLayout::new(limits.ocr);
    for (i, picture) in pictures.into_iter().enumerate() {
        let (page, image) = picture.page(i as u32 + 1, found.paper);
        layout.add_page(page, Some(image));
    }
    layout.run_ocr(path)?;
    let mut doc = layout.finish(Vec::<Warning>::new());
    doc.input_kind = InputKind::Docx;
    if !scan {
        doc.blocks.splice(0..0, blocks.iter().cloned());
    }
    Ok(Some(doc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_drawn_and_vml_pictures_but_not_fallback_copies() {
        let xml = r#"<w:document><w:body>
          <w:p><w:r><w:drawing><wp:inline><wp:extent cx="7560000" cy="10692000"/>
            <a:graphic><pic:pic><pic:blipFill><a:blip r:embed="rId7"/></pic:blipFill></pic:pic></a:graphic>
          </wp:inline></w:drawing></w:r></w:p>
          <w:p><mc:AlternateContent><mc:Choice><w:drawing><wp:anchor><wp:extent cx="12700" cy="12700"/>
            <a:blip r:embed="rId8"/></wp:anchor></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:shape><v:imagedata r:id="rId8"/></v:shape></w:pict></mc:Fallback>
          </mc:AlternateContent></w:p>
          <w:p><w:r><w:pict><v:shape style="width:6.5in;height:9in"><v:imagedata r:id="rId9"/></v:shape></w:pict></w:r></w:p>
          <w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId10"/></v:shape></w:pict></w:r></w:p>
          <w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>
        </w:body></w:document>"#;
        let found = find_pictures(xml);
        let ids: Vec<&str> = found.pictures.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["rId7", "rId8", "rId9", "rId10"]);
        let (w, h) = found.pictures[0].extent.unwrap();
        assert!(
            (w - 595.3).abs() < 0.1 && (h - 841.9).abs() < 0.1,
            "{w} {h}"
        );
        assert_eq!(found.pictures[1].extent, Some((1.0, 1.0)));
        assert_eq!(found.pictures[2].extent, Some((468.0, 648.0)));
        assert_eq!(found.pictures[3].extent, None);
        assert_eq!(found.paper, (841.9, 595.3));
    }

    #[test]
    fn a_picture_is_a_page_by_its_displayed_size_or_else_its_pixels() {
        let picture = |extent, width, height| Picture {
            data: ImageData::Png(Vec::new()),
            width,
            height,
            extent,
        };
        assert!(picture(Some((450.0, 640.0)), 100, 100).is_page(A4, &PICTURES));
        assert!(!picture(Some((80.0, 80.0)), 2000, 2000).is_page(A4, &PICTURES));
        assert!(picture(None, 1654, 2339).is_page(A4, &PICTURES));
        assert!(!picture(None, 300, 120).is_page(A4, &PICTURES));
    }

    #[test]
    fn a_picture_is_laid_on_the_paper_turned_to_its_orientation() {
        let picture = Picture {
            data: ImageData::Png(Vec::new()),
            width: 2339,
            height: 1654,
            extent: None,
        };
        let (page, image) = picture.page(2, A4);
        assert_eq!(page.number, 2);
        assert!((page.width - 841.9).abs() < 0.5, "{}", page.width);
        assert!((page.height - 595.3).abs() < 0.5, "{}", page.height);
        assert_eq!(image.placement.0[0], page.width);
        assert_eq!(page.content.images, 1);
    }

    #[test]
    fn vml_lengths_convert_to_points() {
        assert_eq!(vml_size("width:72pt;height:1in"), Some((72.0, 72.0)));
        assert_eq!(vml_size("position:absolute; width: 2.54cm"), None);
        let (w, h) = vml_size("width:100px;height:254mm").unwrap();
        assert!(
            (w - 75.0).abs() < 1e-9 && (h - 720.0).abs() < 1e-9,
            "{w} {h}"
        );
    }
}
