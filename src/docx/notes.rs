//! Footnotes (`footnotes.xml`): their text, only to name them in warnings;
//! footnote text never becomes task text.

use super::xml::{attr, local, Events};
use crate::normalize::normalize_line;
use quick_xml::events::Event;
use std::collections::HashMap;

/// The text of each footnote by id (separators left out).
pub fn footnote_texts(xml: &str) -> HashMap<String, String> {
    let mut notes = HashMap::new();
    let mut events = Events::new(xml);
    let mut current: Option<(String, String)> = None;
    let mut in_t = false;
    while let Some(event) = events.next() {
        match event {
            Event::Start(e) if local(&e) == "footnote" => {
                let separator = attr(&e, "type").is_some_and(|t| t != "normal");
                current = (!separator).then(|| (attr(&e, "id").unwrap_or_default(), String::new()));
            }
            Event::Start(e) if local(&e) == "t" => in_t = true,
            Event::Text(t) if in_t => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_t = false,
                "p" => {
                    if let Some((_, text)) = current.as_mut() {
                        text.push(' ');
                    }
                }
                "footnote" => {
                    if let Some((id, text)) = current.take() {
                        notes.insert(id, normalize_line(&text));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    notes
}
