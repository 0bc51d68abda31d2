//! The picture of a scanned page: the largest image XObject a page draws,
//! with where it is drawn, taken out of the PDF still encoded so that OCR
//! ([`crate::ocr`]) can decode it later, on another thread.

use super::content::Matrix;
use super::lexer::{Lexer, Operand, Operation};
use super::objects::{dict_get, name_of, number_of, stream_data, Budget};
use lopdf::{Dictionary, Document, Object};

/// Most operators scanned when looking for a page's images.
const MAX_OPS: usize = 200_000;
/// Deepest nesting of Form XObjects followed when looking for images.
const MAX_FORM_DEPTH: usize = 4;

/// How an image's samples are stored.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    /// A JPEG file (`/DCTDecode`, or a picture in a Word file).
    Jpeg(Vec<u8>),
    /// A PNG file (a picture in a Word file).
    Png(Vec<u8>),
    /// Uncompressed samples, rows padded to whole bytes (after `/FlateDecode`
    /// or no filter).
    Raw {
        /// Bits per component: 1, 2, 4, 8 or 16.
        bits: u8,
        /// Components per pixel: 1 (gray), 3 (RGB) or 4 (CMYK).
        components: u8,
        /// Whether `/Decode [1 0]` inverts the samples (or a 1-bit image mask).
        inverted: bool,
        /// The samples.
        bytes: Vec<u8>,
    },
    /// CCITT Group 4 fax samples (`/CCITTFaxDecode` with `/K` < 0), one bit
    /// a pixel.
    Fax {
        /// Pixels a row (`/Columns`).
        columns: u32,
        /// Whether decoded black pixels are 1 samples (`/BlackIs1`).
        black_is_1: bool,
        /// Whether `/Decode [1 0]` inverts the samples.
        inverted: bool,
        /// The encoded data.
        bytes: Vec<u8>,
    },
    /// A compression nhiemvu cannot decode (JBIG2, JPEG 2000, CCITT Group
    /// 3 fax), named as in the PDF.
    Unsupported(String),
}

/// An image as drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct PageImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Maps the image's unit square (row 0 at the top, at y = 1) to
    /// displayed page coordinates (origin bottom left, points).
    pub placement: Matrix,
    /// The samples.
    pub data: ImageData,
}

impl PageImage {
    /// Area covered on the page, in square points.
    pub fn page_area(&self) -> f64 {
        let [a, b, c, d, _, _] = self.placement.0;
        (a * d - b * c).abs()
    }
}

/// The largest image `content` draws (inline images are not read), with
/// the page's initial matrix `ctm` applied; `None` when it draws none.
pub fn largest_image(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    ctm: Matrix,
    budget: &mut Budget,
) -> Option<PageImage> {
    let mut scan = Scan {
        doc,
        ops: 0,
        budget,
        found: Vec::new(),
    };
    scan.draws(content, resources, ctm, 0);
    let Scan { budget, found, .. } = scan;
    let best = found.into_iter().max_by(|a, b| {
        let area = |m: &Matrix| (m.0[0] * m.0[3] - m.0[1] * m.0[2]).abs();
        area(&a.0).total_cmp(&area(&b.0))
    })?;
    let (placement, stream) = best;
    let dict = &stream.dict;
    let int = |key: &[u8]| dict_get(doc, dict, key).and_then(number_of);
    let width = int(b"Width").filter(|w| *w >= 1.0)? as u32;
    let height = int(b"Height").filter(|h| *h >= 1.0)? as u32;
    Some(PageImage {
        width,
        height,
        placement,
        data: image_data(doc, stream, budget),
    })
}

/// A walk over a page's content and forms collecting image draws.
struct Scan<'a, 'b> {
    doc: &'a Document,
    ops: usize,
    budget: &'b mut Budget,
    found: Vec<(Matrix, &'a lopdf::Stream)>,
}

impl<'a> Scan<'a, '_> {
    /// Every image XObject drawn by `content` (and the forms it draws), with
    /// its matrix.
    fn draws(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) {
        let doc = self.doc;
        let mut lexer = Lexer::new(content);
        let mut op = Operation::default();
        let mut stack = Vec::new();
        let mut m = ctm;
        while lexer.read(&mut op) {
            self.ops += 1;
            if self.ops > MAX_OPS {
                return;
            }
            match op.op {
                b"q" => stack.push(m),
                b"Q" => m = stack.pop().unwrap_or(m),
                b"cm" => {
                    let nums: Vec<f64> = op.operands.iter().filter_map(Operand::number).collect();
                    if let [a, b, c, d, e, f] = nums[..] {
                        m = Matrix([a, b, c, d, e, f]).then(&m);
                    }
                }
                b"Do" => {
                    let Some(Operand::Name(name)) = op.operands.first() else {
                        continue;
                    };
                    let Some(Object::Stream(stream)) = resources
                        .and_then(|r| dict_get(doc, r, b"XObject"))
                        .and_then(|o| o.as_dict().ok())
                        .and_then(|x| x.get(name).ok())
                        .and_then(|o| doc.dereference(o).ok())
                        .map(|(_, o)| o)
                    else {
                        continue;
                    };
                    match dict_get(doc, &stream.dict, b"Subtype").and_then(name_of) {
                        Some(b"Image") => self.found.push((m, stream)),
                        Some(b"Form") if depth < MAX_FORM_DEPTH => {
                            let matrix = match dict_get(doc, &stream.dict, b"Matrix") {
                                Some(Object::Array(items)) => {
                                    let nums: Vec<f64> =
                                        items.iter().filter_map(number_of).collect();
                                    match nums[..] {
                                        [a, b, c, d, e, f] => Matrix([a, b, c, d, e, f]),
                                        _ => Matrix::IDENTITY,
                                    }
                                }
                                _ => Matrix::IDENTITY,
                            };
                            let form_resources = dict_get(doc, &stream.dict, b"Resources")
                                .and_then(|o| o.as_dict().ok())
                                .or(resources);
                            if let Some(data) = stream_data(stream, self.budget) {
                                self.draws(&data, form_resources, matrix.then(&m), depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }
}

/// The samples of an image stream, still compressed where they are JPEG.
fn image_data(doc: &Document, stream: &lopdf::Stream, budget: &mut Budget) -> ImageData {
    let dict = &stream.dict;
    let filters: Vec<Vec<u8>> = match dict_get(doc, dict, b"Filter") {
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(items)) => items
            .iter()
            .filter_map(|o| name_of(o).map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    };
    let last = filters.last().map(Vec::as_slice);
    match last {
        Some(b"DCTDecode" | b"DCT") if filters.len() == 1 => {
            return ImageData::Jpeg(stream.content.clone())
        }
        Some(b"CCITTFaxDecode" | b"CCF") if filters.len() == 1 => return fax_data(doc, stream),
        Some(b"FlateDecode" | b"Fl" | b"LZWDecode" | b"RunLengthDecode") | None => {}
        Some(other) => return ImageData::Unsupported(String::from_utf8_lossy(other).into_owned()),
    }
    let mask = matches!(
        dict_get(doc, dict, b"ImageMask"),
        Some(Object::Boolean(true))
    );
    let bits = if mask {
        1
    } else {
        dict_get(doc, dict, b"BitsPerComponent")
            .and_then(number_of)
            .unwrap_or(8.0) as u8
    };
    let components = if mask {
        1
    } else {
        color_components(doc, dict_get(doc, dict, b"ColorSpace"))
    };
    let decode_first = match dict_get(doc, dict, b"Decode") {
        Some(Object::Array(items)) => items.first().and_then(number_of),
        _ => None,
    };
    // An image mask paints its 0 samples (black ink on white by default).
    let inverted = decode_first == Some(1.0) || (mask && decode_first != Some(1.0));
    match stream_data(stream, budget) {
        Some(bytes) if components > 0 => ImageData::Raw {
            bits,
            components,
            inverted,
            bytes,
        },
        Some(_) => ImageData::Unsupported("an indexed or special colour space".into()),
        None => ImageData::Unsupported("an image over the decompression limit".into()),
    }
}

/// The samples of a `/CCITTFaxDecode` image: Group 4 only (`/K` < 0).
fn fax_data(doc: &Document, stream: &lopdf::Stream) -> ImageData {
    let dict = &stream.dict;
    let params = match dict_get(doc, dict, b"DecodeParms").or_else(|| dict_get(doc, dict, b"DP")) {
        Some(Object::Dictionary(d)) => Some(d),
        Some(Object::Array(items)) => items.iter().find_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            _ => None,
        }),
        _ => None,
    };
    let param = |key: &[u8]| params.and_then(|p| dict_get(doc, p, key));
    let k = param(b"K").and_then(number_of).unwrap_or(0.0);
    if k >= 0.0 {
        return ImageData::Unsupported("CCITTFaxDecode (Group 3)".into());
    }
    let width = dict_get(doc, dict, b"Width").and_then(number_of);
    let columns = param(b"Columns")
        .and_then(number_of)
        .or(width)
        .unwrap_or(1728.0);
    let inverted = match dict_get(doc, dict, b"Decode") {
        Some(Object::Array(items)) => items.first().and_then(number_of) == Some(1.0),
        _ => false,
    };
    ImageData::Fax {
        columns: columns.max(1.0) as u32,
        black_is_1: matches!(param(b"BlackIs1"), Some(Object::Boolean(true))),
        inverted,
        bytes: stream.content.clone(),
    }
}

/// Components per pixel of a colour space: 1, 3 or 4; 0 for indexed and
/// other spaces OCR does not read.
fn color_components(doc: &Document, space: Option<&Object>) -> u8 {
    match space {
        Some(Object::Name(n)) => match n.as_slice() {
            b"DeviceGray" | b"CalGray" | b"G" => 1,
            b"DeviceRGB" | b"CalRGB" | b"RGB" => 3,
            b"DeviceCMYK" | b"CMYK" => 4,
            _ => 0,
        },
        Some(Object::Array(items)) => match items.first().and_then(name_of) {
            Some(b"ICCBased") => items
                .get(1)
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| dict_get(doc, &s.dict, b"N"))
                .and_then(number_of)
                .map_or(0, |n| n as u8),
            Some(b"CalGray") => 1,
            Some(b"CalRGB") => 3,
            _ => 0,
        },
        _ => 1,
    }
}
