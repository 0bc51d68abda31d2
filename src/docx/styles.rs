//! Styles (`styles.xml`): what paragraphs and runs inherit — the run font
//! (to spot legacy Vietnamese font runs) and numbering carried by paragraph
//! styles.

use super::xml::{attr, int_val, local, Events};
use quick_xml::events::Event;
use std::collections::HashMap;

/// How deep a `w:basedOn` chain is followed (guards against cycles).
const MAX_CHAIN: usize = 32;

/// Numbering properties (`w:numPr`) as written, each part optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumPr {
    /// `w:numId`: the list instance (0 removes numbering).
    pub num_id: Option<i64>,
    /// `w:ilvl`: the list level.
    pub ilvl: Option<i64>,
}

/// What one style sets that the reader uses.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    font: Option<String>,
    num: NumPr,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    default_font: Option<String>,
    default_paragraph: Option<String>,
    styles: HashMap<String, Style>,
}

/// The font of a `w:rFonts` element: `w:ascii`, else `w:hAnsi`.
pub fn rfonts_font(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    attr(e, "ascii")
        .or_else(|| attr(e, "hAnsi"))
        .filter(|f| !f.is_empty())
}

impl Styles {
    /// Parse `styles.xml`; what cannot be read is left out. Returns the
    /// styles and the XML error that stopped parsing early, if any.
    pub fn parse(xml: &str) -> (Styles, Option<String>) {
        let mut styles = Styles::default();
        let mut events = Events::new(xml);
        let mut current: Option<(String, Style)> = None;
        let mut in_defaults = false;
        // Inside a revision's record of old properties, to be ignored.
        let mut in_change = 0usize;
        while let Some(event) = events.next() {
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let name = local(e);
                    if name.ends_with("Change") {
                        in_change += usize::from(!empty);
                        continue;
                    }
                    if in_change > 0 {
                        continue;
                    }
                    match name {
                        "rPrDefault" => in_defaults = true,
                        "style" => {
                            let id = attr(e, "styleId").unwrap_or_default();
                            if attr(e, "type").as_deref() == Some("paragraph")
                                && attr(e, "default").is_some_and(|d| d == "1" || d == "true")
                            {
                                styles.default_paragraph = Some(id.clone());
                            }
                            current = Some((id, Style::default()));
                        }
                        "basedOn" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.based_on = attr(e, "val");
                            }
                        }
                        "rFonts" => {
                            if in_defaults {
                                styles.default_font = rfonts_font(e);
                            } else if let Some((_, s)) = current.as_mut() {
                                s.font = rfonts_font(e).or(s.font.take());
                            }
                        }
                        "numId" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num.num_id = int_val(e);
                            }
                        }
                        "ilvl" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num.ilvl = int_val(e);
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().into_inner() {
                    name if name.ends_with("Change") => in_change = in_change.saturating_sub(1),
                    "rPrDefault" => in_defaults = false,
                    "style" => {
                        if let Some((id, s)) = current.take() {
                            styles.styles.insert(id, s);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        let error = events.error().map(str::to_string);
        (styles, error)
    }

    /// The paragraph style that applies: the one named, else the default.
    pub fn paragraph_style<'a>(&'a self, named: Option<&'a str>) -> Option<&'a str> {
        named.or(self.default_paragraph.as_deref())
    }

    /// Styles from `id` up its `w:basedOn` chain.
    fn chain<'a>(&'a self, id: Option<&'a str>) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = id;
        std::iter::from_fn(move || {
            let style = self.styles.get(next?)?;
            next = style.based_on.as_deref();
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    /// The numbering a paragraph style carries, inherited along `w:basedOn`.
    pub fn numbering(&self, style: Option<&str>) -> NumPr {
        let mut num = NumPr::default();
        for s in self.chain(style) {
            num.num_id = num.num_id.or(s.num.num_id);
            num.ilvl = num.ilvl.or(s.num.ilvl);
        }
        num
    }

    /// The font of a run without its own `w:rFonts`: from its character
    /// style, else its paragraph style, else the document default.
    pub fn font<'a>(
        &'a self,
        run_style: Option<&'a str>,
        paragraph_style: Option<&'a str>,
    ) -> Option<&'a str> {
        self.chain(run_style)
            .chain(self.chain(paragraph_style))
            .find_map(|s| s.font.as_deref())
            .or(self.default_font.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:styles xmlns:w="w"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="Cu"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:rPrChange><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:rPrChange></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CuCon"><w:basedOn w:val="Cu"/></w:style>
<w:style w:type="character" w:styleId="Vni"><w:rPr><w:rFonts w:ascii="VNI-Times"/></w:rPr></w:style></w:styles>"#;

    #[test]
    fn run_fonts_are_inherited_from_styles_and_defaults() {
        let (styles, error) = Styles::parse(XML);
        assert_eq!(error, None);
        assert_eq!(styles.paragraph_style(None), Some("Normal"));
        assert_eq!(styles.font(None, Some("Normal")), Some("Times New Roman"));
        assert_eq!(styles.font(None, Some("CuCon")), Some(".VnTime"));
        assert_eq!(styles.font(Some("Vni"), Some("CuCon")), Some("VNI-Times"));
        assert_eq!(styles.numbering(Some("CuCon")), NumPr::default());
    }
}
