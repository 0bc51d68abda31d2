//! Is a page's text layer real Vietnamese text, missing (a scan), or
//! garbage (an OCR layer made without Vietnamese)?

use super::content::PageContent;

/// Fewer letters than this on a page with images: a scan (whatever text
/// there is, such as a copy stamp, is not the page's content).
const MIN_LETTERS: usize = 100;
/// Least share of Vietnamese-only letters (ă, ơ, ư, đ, toned vowels) expected.
const MIN_VIETNAMESE_SHARE: f64 = 0.03;
/// Most share of letters foreign to Vietnamese before the layer is garbage.
const MAX_FOREIGN_SHARE: f64 = 0.05;

/// What a page's text layer looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLayer {
    /// Plausible text (or text in a legacy font, judged after decoding).
    Good,
    /// Nothing drawn at all.
    Blank,
    /// Images with no or almost no text (a stamp): a scan without OCR.
    Missing,
    /// Text that is not plausible Vietnamese (OCR without Vietnamese, low-byte text).
    Implausible,
}

enum Letter {
    Ascii,
    Vietnamese,
    Foreign,
}

/// Judge a page's text layer.
pub fn assess(content: &PageContent) -> TextLayer {
    let (mut letters, mut vietnamese, mut foreign, mut legacy) = (0usize, 0usize, 0usize, 0usize);
    // Glyphs come in runs of one font: judge each font name once per run.
    let mut font: Option<(&std::rc::Rc<str>, bool)> = None;
    for g in &content.glyphs {
        let from_legacy = match font {
            Some((name, legacy)) if std::rc::Rc::ptr_eq(name, &g.font) => legacy,
            _ => {
                let legacy = is_legacy_font_name(&g.font);
                font = Some((&g.font, legacy));
                legacy
            }
        };
        for c in g.text.chars() {
            // Cheapest tests first: this runs for every character.
            let kind = if c.is_ascii() {
                if !c.is_ascii_alphabetic() {
                    continue;
                }
                Letter::Ascii
            } else if is_vietnamese_letter(c) {
                Letter::Vietnamese
            } else if c.is_alphabetic() || matches!(c, '\u{A1}'..='\u{BF}') {
                Letter::Foreign
            } else {
                continue;
            };
            letters += 1;
            match kind {
                _ if from_legacy => legacy += 1,
                Letter::Ascii => {}
                Letter::Vietnamese => vietnamese += 1,
                Letter::Foreign => foreign += 1,
            }
        }
    }
    if letters == 0 && content.images == 0 {
        return TextLayer::Blank;
    }
    if letters < MIN_LETTERS {
        return if content.images > 0 {
            TextLayer::Missing
        } else {
            TextLayer::Good
        };
    }
    let judged = letters - legacy;
    if judged * 2 < letters {
        return TextLayer::Good;
    }
    let share = |n: usize| n as f64 / judged as f64;
    if share(vietnamese) < MIN_VIETNAMESE_SHARE || share(foreign) > MAX_FOREIGN_SHARE {
        TextLayer::Implausible
    } else {
        TextLayer::Good
    }
}

/// Font names of the legacy Vietnamese encodings (`.VnTime`, `VnTimeH`,
/// `VNI-Times`, …): their text is only readable after legacy decoding.
pub fn is_legacy_font_name(name: &str) -> bool {
    let n = name.trim_start_matches('.');
    n.starts_with("Vn") || n.starts_with("VN") || n.starts_with("VNI")
}

/// A precomposed letter of the Vietnamese alphabet outside ASCII (đ, ă, â,
/// ê, ô, ơ, ư and the toned vowels). Decomposed text counts through its
/// ASCII base letters (combining marks are not letters).
fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        '\u{1EA0}'
            ..='\u{1EF9}'
                | 'À'
                | 'Á'
                | 'Â'
                | 'Ã'
                | 'È'
                | 'É'
                | 'Ê'
                | 'Ì'
                | 'Í'
                | 'Ò'
                | 'Ó'
                | 'Ô'
                | 'Õ'
                | 'Ù'
                | 'Ú'
                | 'Ý'
                | 'à'
                | 'á'
                | 'â'
                | 'ã'
                | 'è'
                | 'é'
                | 'ê'
                | 'ì'
                | 'í'
                | 'ò'
                | 'ó'
                | 'ô'
                | 'õ'
                | 'ù'
                | 'ú'
                | 'ý'
                | 'Ă'
                | 'ă'
                | 'Đ'
                | 'đ'
                | 'Ĩ'
                | 'ĩ'
                | 'Ũ'
                | 'ũ'
                | 'Ơ'
                | 'ơ'
                | 'Ư'
                | 'ư'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::content::Glyph;
    use std::rc::Rc;

    fn page(text: &str, font: &str) -> PageContent {
        let glyphs = text
            .chars()
            .map(|c| Glyph {
                text: c.to_string().into(),
                x: 0.0,
                y: 0.0,
                width: 5.0,
                size: 10.0,
                font: Rc::from(font),
                rotation: Some(0),
            })
            .collect();
        PageContent {
            glyphs,
            images: 1,
            ..PageContent::default()
        }
    }

    #[test]
    fn judges_layers() {
        let good = "Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập Tự do Hạnh phúc";
        let good = good.repeat(3);
        assert_eq!(assess(&page(&good, "Times")), TextLayer::Good);
        let ocr = "cgNG HoA x.A. Hor cHU NGHIA VIET NAM Ldm D6ng QUYET DINH";
        let ocr = ocr.repeat(3);
        assert_eq!(assess(&page(&ocr, "Helvetica")), TextLayer::Implausible);
        let low_byte = "C¤NG H¯A X· HÚI CHØ NGH¨A VIÆT NAM ®éc lËp tù do".repeat(3);
        assert_eq!(
            assess(&page(&low_byte, "Times-Roman")),
            TextLayer::Implausible
        );
        assert_eq!(assess(&page(&low_byte, ".VnTime")), TextLayer::Good);
        assert_eq!(
            assess(&page("SAO Y CÔNG AN TỈNH LÂM ĐỒNG", "Times")),
            TextLayer::Missing
        );
        assert_eq!(assess(&PageContent::default()), TextLayer::Blank);
    }
}
