//! Small helpers over `quick-xml` for reading WordprocessingML parts.

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

/// A pull reader over one XML part that remembers the first syntax error
/// instead of returning it from every call.
pub struct Events<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    error: Option<String>,
}

impl<'a> Events<'a> {
    /// Read events from the text of a part.
    pub fn new(xml: &'a str) -> Self {
        Events {
            reader: quick_xml::Reader::from_str(xml),
            error: None,
        }
    }

    /// The next event, `None` at the end of the part or at the first error.
    pub fn next(&mut self) -> Option<Event<'a>> {
        if self.error.is_some() {
            return None;
        }
        match self.reader.read_event() {
            Ok(Event::Eof) => None,
            Ok(event) => Some(event),
            Err(e) => {
                self.error = Some(format!(
                    "XML error at byte {}: {e}",
                    self.reader.error_position()
                ));
                None
            }
        }
    }

    /// The syntax error that ended reading early, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
}

/// The local name of an element (`w:p` → `p`).
pub fn local<'e>(e: &'e BytesStart<'_>) -> &'e str {
    e.local_name().into_inner()
}

/// The value of the attribute whose local name is `name` (`w:val` → `val`).
pub fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let mut attrs = e.attributes();
    attrs.with_checks(false);
    attrs.flatten().find_map(|a| {
        (a.key.local_name().into_inner() == name).then(|| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
    })
}

/// A WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="false"/>`).
pub fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, "val").as_deref(),
        Some("false" | "0" | "off" | "none")
    )
}

/// Parse an integer attribute `w:val`.
pub fn int_val(e: &BytesStart<'_>) -> Option<i64> {
    attr(e, "val")?.trim().parse().ok()
}
