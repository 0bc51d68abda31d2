//! Page images as 8-bit gray rasters: decoding (JPEG, PNG, raw samples, fax),
//! turning them upright as the page displays them, a global threshold
//! (Otsu) and small rotations (deskew).

use crate::pdf::content::Matrix;
use crate::pdf::images::{ImageData, PageImage};

/// An 8-bit gray image, row 0 at the top; 0 is black, 255 white.
#[derive(Debug, Clone, PartialEq)]
pub struct Gray {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height` samples, row by row.
    pub pixels: Vec<u8>,
}

impl Gray {
    /// The sample at `(x, y)`.
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// The image in binary PGM (`P5`), a format tesseract reads.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }
}

/// Decode a page image to gray, or say why it cannot be.
pub fn decode(image: &PageImage) -> Result<Gray, String> {
    let (w, h) = (image.width as usize, image.height as usize);
    match &image.data {
        ImageData::Jpeg(bytes) => decode_jpeg(bytes),
        ImageData::Png(bytes) => decode_png(bytes),
        ImageData::Raw {
            bits,
            components,
            inverted,
            bytes,
        } => decode_raw(w, h, *bits, *components, *inverted, bytes),
        ImageData::Fax {
            columns,
            black_is_1,
            inverted,
            bytes,
        } => decode_fax(*columns as usize, h, *black_is_1, *inverted, bytes),
        ImageData::Unsupported(what) => Err(format!(
            "the page image is compressed with {what}, which nhiemvu cannot decode; \
             convert the file first (e.g. ocrmypdf -l vie in.pdf out.pdf)"
        )),
    }
}

fn decode_jpeg(bytes: &[u8]) -> Result<Gray, String> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::Luma);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(bytes, options);
    let pixels = decoder
        .decode()
        .map_err(|e| format!("the page image (JPEG) cannot be decoded: {e:?}"))?;
    let (width, height) = decoder
        .dimensions()
        .ok_or("the page image (JPEG) has no size")?;
    if pixels.len() != width * height {
        return Err("the page image (JPEG) is not in a gray or colour space nhiemvu reads".into());
    }
    Ok(Gray {
        width,
        height,
        pixels,
    })
}

/// The size in pixels of a JPEG or PNG file, read from its header alone;
/// `None` for other data or a header that cannot be read.
pub fn encoded_size(data: &ImageData) -> Option<(u32, u32)> {
    match data {
        ImageData::Jpeg(bytes) => {
            let mut decoder = zune_jpeg::JpegDecoder::new(bytes.as_slice());
            decoder.decode_headers().ok()?;
            let (w, h) = decoder.dimensions()?;
            Some((u32::try_from(w).ok()?, u32::try_from(h).ok()?))
        }
        ImageData::Png(bytes) => {
            let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes.as_slice()));
            let info = decoder.read_header_info().ok()?;
            Some((info.width, info.height))
        }
        _ => None,
    }
}

/// Decode a PNG file (any colour type and depth; transparent parts are
/// laid on white) to gray, within the `png` crate's memory limit.
fn decode_png(bytes: &[u8]) -> Result<Gray, String> {
    let failed = |e: png::DecodingError| format!("the page image (PNG) cannot be decoded: {e}");
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(failed)?;
    let size = reader
        .output_buffer_size()
        .ok_or("the page image (PNG) is too large")?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(failed)?;
    let (width, height) = (frame.width as usize, frame.height as usize);
    let samples = frame.color_type.samples();
    let luma = |p: &[u8]| match p.len() {
        1 | 2 => p[0] as f64,
        _ => 0.299 * p[0] as f64 + 0.587 * p[1] as f64 + 0.114 * p[2] as f64,
    };
    let pixels = buf[..frame.buffer_size()]
        .chunks_exact(frame.line_size)
        .take(height)
        .flat_map(|row| row[..width * samples].chunks_exact(samples))
        .map(|p| {
            let alpha = if samples % 2 == 0 {
                p[samples - 1] as f64 / 255.0
            } else {
                1.0
            };
            (luma(p) * alpha + 255.0 * (1.0 - alpha)).round() as u8
        })
        .collect::<Vec<u8>>();
    if pixels.len() != width * height {
        return Err("the page image (PNG) has fewer rows than its size says".into());
    }
    Ok(Gray {
        width,
        height,
        pixels,
    })
}

/// Decode CCITT Group 4 samples (`fax` crate) into a gray raster; rows
/// the data lacks stay white.
fn decode_fax(
    width: usize,
    height: usize,
    black_is_1: bool,
    inverted: bool,
    bytes: &[u8],
) -> Result<Gray, String> {
    let mut pixels = Vec::with_capacity(width * height);
    fax::decoder::decode_g4(
        bytes.iter().copied(),
        width as u32,
        Some(height as u32),
        |line| {
            // A 1 sample is white in a gray image, unless inverted.
            pixels.extend(fax::decoder::pels(line, width as u32).map(|c| {
                let one = (c == fax::Color::Black) == black_is_1;
                if one != inverted {
                    255
                } else {
                    0
                }
            }));
        },
    )
    .ok_or("the page image (CCITT Group 4 fax) cannot be decoded")?;
    if pixels.is_empty() {
        return Err("the page image (CCITT Group 4 fax) holds no rows".into());
    }
    pixels.resize(width * height, 255);
    Ok(Gray {
        width,
        height,
        pixels,
    })
}

fn decode_raw(
    width: usize,
    height: usize,
    bits: u8,
    components: u8,
    inverted: bool,
    bytes: &[u8],
) -> Result<Gray, String> {
    if !matches!(bits, 1 | 2 | 4 | 8 | 16) || !matches!(components, 1 | 3 | 4) {
        return Err(format!(
            "the page image has {components} components of {bits} bits, which nhiemvu cannot read"
        ));
    }
    let (bits, comps) = (bits as usize, components as usize);
    let row_bytes = (width * comps * bits).div_ceil(8);
    if bytes.len() < row_bytes * height {
        return Err("the page image has fewer samples than its size says".into());
    }
    let max = ((1u32 << bits.min(8)) - 1) as f64;
    let sample = |row: &[u8], i: usize| -> f64 {
        let v = match bits {
            8 => row[i] as u32,
            16 => row[2 * i] as u32,
            _ => {
                let bit = i * bits;
                ((row[bit / 8] >> (8 - bits - bit % 8)) & ((1 << bits) - 1) as u8) as u32
            }
        };
        v as f64 / max
    };
    let mut pixels = Vec::with_capacity(width * height);
    for row in bytes.chunks(row_bytes).take(height) {
        for x in 0..width {
            let i = x * comps;
            let light = match comps {
                1 => sample(row, i),
                3 => {
                    0.299 * sample(row, i) + 0.587 * sample(row, i + 1) + 0.114 * sample(row, i + 2)
                }
                _ => {
                    let k = sample(row, i + 3);
                    let ink = 0.299 * sample(row, i)
                        + 0.587 * sample(row, i + 1)
                        + 0.114 * sample(row, i + 2);
                    (1.0 - ink) * (1.0 - k)
                }
            };
            let light = if inverted { 1.0 - light } else { light };
            pixels.push((light * 255.0).round() as u8);
        }
    }
    Ok(Gray {
        width,
        height,
        pixels,
    })
}

/// Where an upright raster lies on the page: `[x0, y0, x1, y1]` in points.
pub type PageRect = [f64; 4];

/// The raster as the page shows it (row 0 at the top of the page, x
/// growing with page x) and the page rectangle it covers. Images drawn
/// mirrored or turned by a quarter turn are turned back; other
/// placements (slanted) are read as drawn.
pub fn upright(gray: Gray, placement: &Matrix) -> (Gray, PageRect) {
    let [a, b, c, d, _, _] = placement.0;
    let corners =
        [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| placement.apply(u, v));
    let xs = corners.map(|p| p.0);
    let ys = corners.map(|p| p.1);
    let rect = [
        xs.iter().copied().fold(f64::MAX, f64::min),
        ys.iter().copied().fold(f64::MAX, f64::min),
        xs.iter().copied().fold(f64::MIN, f64::max),
        ys.iter().copied().fold(f64::MIN, f64::max),
    ];
    let (w, h) = (gray.width, gray.height);
    let turned = b.abs() + c.abs() > a.abs() + d.abs();
    // Image column x grows with u, row y with -v.
    let (out_w, out_h) = if turned { (h, w) } else { (w, h) };
    let identity = !turned && a > 0.0 && d > 0.0;
    if identity {
        return (gray, rect);
    }
    let mut pixels = vec![255u8; out_w * out_h];
    for y in 0..h {
        for x in 0..w {
            // page x grows along u by a (or along v by c); page y along u by b (or v by d).
            let (ox, oy) = if turned {
                let ox = if c > 0.0 { h - 1 - y } else { y };
                let oy = if b > 0.0 { w - 1 - x } else { x };
                (ox, oy)
            } else {
                let ox = if a > 0.0 { x } else { w - 1 - x };
                let oy = if d > 0.0 { y } else { h - 1 - y };
                (ox, oy)
            };
            pixels[oy * out_w + ox] = gray.pixels[y * w + x];
        }
    }
    (
        Gray {
            width: out_w,
            height: out_h,
            pixels,
        },
        rect,
    )
}

/// The Otsu threshold of a gray image: samples below it are ink.
pub fn otsu(gray: &Gray) -> u8 {
    let mut hist = [0u64; 256];
    for &p in &gray.pixels {
        hist[p as usize] += 1;
    }
    let total: u64 = hist.iter().sum();
    let sum: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &n)| i as f64 * n as f64)
        .sum();
    let (mut w_back, mut sum_back) = (0u64, 0.0);
    let (mut best, mut best_var) = (128u8, -1.0);
    for (t, &count) in hist.iter().enumerate() {
        w_back += count;
        if w_back == 0 {
            continue;
        }
        let w_fore = total - w_back;
        if w_fore == 0 {
            break;
        }
        sum_back += t as f64 * count as f64;
        let m_back = sum_back / w_back as f64;
        let m_fore = (sum - sum_back) / w_fore as f64;
        let var = w_back as f64 * w_fore as f64 * (m_back - m_fore).powi(2);
        if var > best_var {
            best_var = var;
            best = t as u8;
        }
    }
    best.saturating_add(1)
}

/// The image turned by `angle` radians about its centre (nearest sample,
/// white outside), so that lines of slope `tan(angle)` (y down) become
/// horizontal.
pub fn rotate(gray: &Gray, angle: f64) -> Gray {
    let (w, h) = (gray.width, gray.height);
    let (sin, cos) = angle.sin_cos();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let mut pixels = vec![255u8; w * h];
    for oy in 0..h {
        let dy = oy as f64 - cy;
        // Source of (ox, oy): the centre plus the offset turned by `angle`.
        let mut sx = cx - cx * cos - dy * sin;
        let mut sy = cy - cx * sin + dy * cos;
        let row = &mut pixels[oy * w..(oy + 1) * w];
        for out in row.iter_mut() {
            let (x, y) = (sx.round(), sy.round());
            if x >= 0.0 && y >= 0.0 && (x as usize) < w && (y as usize) < h {
                *out = gray.pixels[y as usize * w + x as usize];
            }
            sx += cos;
            sy += sin;
        }
    }
    Gray {
        width: w,
        height: h,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_one_bit_and_rgb_samples() {
        // 1-bit gray: 0 is black unless /Decode [1 0].
        let g = decode_raw(4, 1, 1, 1, false, &[0b0101_0000]).unwrap();
        assert_eq!(g.pixels, [0, 255, 0, 255]);
        let g = decode_raw(4, 1, 1, 1, true, &[0b0101_0000]).unwrap();
        assert_eq!(g.pixels, [255, 0, 255, 0]);
        let g = decode_raw(2, 1, 8, 3, false, &[255, 255, 255, 0, 0, 0]).unwrap();
        assert_eq!(g.pixels, [255, 0]);
        assert!(decode_raw(4, 4, 8, 1, false, &[0; 3]).is_err());
    }

    #[test]
    fn decodes_png_laying_transparency_on_white() {
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, 3, 1);
            encoder.set_color(png::ColorType::Rgba);
            let mut writer = encoder.write_header().unwrap();
            writer
                .write_image_data(&[0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255])
                .unwrap();
        }
        let data = ImageData::Png(bytes.clone());
        assert_eq!(encoded_size(&data), Some((3, 1)));
        assert_eq!(decode_png(&bytes).unwrap().pixels, [0, 255, 255]);
        let err = decode_png(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(err.contains("PNG"), "{err}");
    }

    #[test]
    fn turns_a_quarter_turned_image_upright() {
        let gray = Gray {
            width: 2,
            height: 1,
            pixels: vec![0, 255],
        };
        // Drawn turned a quarter counterclockwise: u runs up the page.
        let m = Matrix([0.0, 100.0, -50.0, 0.0, 50.0, 0.0]);
        let (g, rect) = upright(gray, &m);
        assert_eq!((g.width, g.height), (1, 2));
        // Column 0 (black) is at u = 0, the bottom of the page.
        assert_eq!(g.pixels, [255, 0]);
        assert_eq!(rect, [0.0, 0.0, 50.0, 100.0]);
    }

    #[test]
    fn rotation_levels_a_slanted_line() {
        let (w, h) = (200, 100);
        let mut pixels = vec![255u8; w * h];
        let slope = 0.02f64;
        for x in 0..w {
            let y = (50.0 + (x as f64 - 100.0) * slope).round() as usize;
            pixels[y * w + x] = 0;
        }
        let g = rotate(
            &Gray {
                width: w,
                height: h,
                pixels,
            },
            slope.atan(),
        );
        let dark_rows: Vec<usize> = (0..h)
            .filter(|&y| (0..w).filter(|&x| g.at(x, y) == 0).count() > 150)
            .collect();
        assert_eq!(dark_rows.len(), 1, "{dark_rows:?}");
    }
}
