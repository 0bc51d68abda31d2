//! Small helpers over lopdf objects: dereferencing lookups and bounded
//! stream decoding.

use lopdf::{Dictionary, Document, Object};

/// A budget of decompressed bytes shared by everything read from one file.
#[derive(Debug, Clone)]
pub struct Budget {
    remaining: usize,
}

impl Budget {
    /// A budget of `bytes` decompressed bytes.
    pub fn new(bytes: usize) -> Self {
        Budget { remaining: bytes }
    }

    /// Whether the budget is used up.
    pub fn exhausted(&self) -> bool {
        self.remaining == 0
    }
}

/// A dictionary entry with references followed.
pub fn dict_get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let obj = dict.get(key).ok()?;
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// The bytes of a name object.
pub fn name_of(obj: &Object) -> Option<&[u8]> {
    match obj {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// The value of a number object.
pub fn number_of(obj: &Object) -> Option<f64> {
    match obj {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(f64::from(*r)),
        _ => None,
    }
}

/// The decoded bytes of a stream object, charged to `budget`. A stream
/// whose filters fail is read raw; one over the budget is dropped.
pub fn stream_bytes(obj: &Object, budget: &mut Budget) -> Option<Vec<u8>> {
    match obj {
        Object::Stream(stream) => stream_data(stream, budget),
        _ => None,
    }
}

/// The decoded bytes of a stream, charged to `budget` (see [`stream_bytes`]).
pub fn stream_data(stream: &lopdf::Stream, budget: &mut Budget) -> Option<Vec<u8>> {
    if let Some(fixed) = with_full_filter_names(stream) {
        return stream_data(&fixed, budget);
    }
    if budget.remaining == 0 {
        return None;
    }
    let data = match stream.decompressed_content_with_limit(budget.remaining) {
        Ok(data) => data,
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            budget.remaining = 0;
            return None;
        }
        Err(_) if stream.content.len() > budget.remaining => {
            budget.remaining = 0;
            return None;
        }
        Err(_) => stream.content.clone(),
    };
    budget.remaining = budget.remaining.saturating_sub(data.len());
    Some(data)
}

/// Abbreviated filter names (`/Fl`, `/AHx`, …) are only valid for inline
/// images, but some producers (pdfFactory) write them on streams: a copy
/// of the stream with the full names, or `None` when none is abbreviated.
fn with_full_filter_names(stream: &lopdf::Stream) -> Option<lopdf::Stream> {
    fn full(name: &[u8]) -> Option<&'static [u8]> {
        match name {
            b"Fl" => Some(b"FlateDecode"),
            b"AHx" => Some(b"ASCIIHexDecode"),
            b"A85" => Some(b"ASCII85Decode"),
            b"LZW" => Some(b"LZWDecode"),
            b"RL" => Some(b"RunLengthDecode"),
            _ => None,
        }
    }
    let fixed = match stream.dict.get(b"Filter").ok()? {
        Object::Name(n) => Object::Name(full(n)?.to_vec()),
        Object::Array(items) => {
            let mut changed = false;
            let names = items
                .iter()
                .map(|o| match o {
                    Object::Name(n) => match full(n) {
                        Some(f) => {
                            changed = true;
                            Object::Name(f.to_vec())
                        }
                        None => o.clone(),
                    },
                    _ => o.clone(),
                })
                .collect();
            if !changed {
                return None;
            }
            Object::Array(names)
        }
        _ => return None,
    };
    let mut copy = stream.clone();
    copy.dict.set("Filter", fixed);
    Some(copy)
}
