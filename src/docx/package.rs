//! The OOXML package: a zip archive of XML parts, read with a size limit
//! enforced while inflating (never trusting the sizes the zip headers claim).

use super::xml::{attr, local, Events};
use crate::error::{Error, Result};
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

/// Largest uncompressed size of one part (document.xml, styles.xml, ...).
pub const PART_LIMIT: u64 = 64 * 1024 * 1024;

/// The parts of a Word package the reader uses, as UTF-8 text.
#[derive(Debug, Default)]
pub struct Parts {
    /// The main document part (`word/document.xml`).
    pub document: String,
    /// The styles part, if any.
    pub styles: Option<String>,
    /// The numbering part, if any.
    pub numbering: Option<String>,
    /// The footnotes part, if any.
    pub footnotes: Option<String>,
    /// The main document part's relationships (`word/_rels/document.xml.rels`).
    pub relationships: String,
    /// The folder of the main document part, which relationship targets
    /// are relative to.
    pub document_dir: String,
}

/// Open the zip and read the parts of a Word document.
pub fn read_parts(path: &Path, bytes: &[u8]) -> Result<Parts> {
    let mut zip = open_zip(path, bytes)?;
    let mut pkg = Package {
        path,
        zip: &mut zip,
    };
    let document_name = match pkg.part("_rels/.rels")? {
        Some(rels) => relationship_target(&rels, "", "/officeDocument")
            .unwrap_or_else(|| "word/document.xml".to_string()),
        None => "word/document.xml".to_string(),
    };
    let Some(document) = pkg.part(&document_name)? else {
        return Err(pkg.missing_document(&document_name));
    };
    let (dir, file) = document_name
        .rsplit_once('/')
        .unwrap_or(("", document_name.as_str()));
    let document_dir = dir.to_string();
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    let rels = pkg.part(&rels_name)?.unwrap_or_default();
    let mut related = |kind: &str, default: &str| -> Result<Option<String>> {
        let name = relationship_target(&rels, dir, kind).unwrap_or_else(|| default.to_string());
        pkg.part(&name)
    };
    Ok(Parts {
        styles: related("/styles", "word/styles.xml")?,
        numbering: related("/numbering", "word/numbering.xml")?,
        footnotes: related("/footnotes", "word/footnotes.xml")?,
        document,
        relationships: rels,
        document_dir,
    })
}

/// The bytes of the parts named `names` (pictures), `None` for a name the
/// archive lacks; each part within [`PART_LIMIT`].
pub fn read_binary_parts(
    path: &Path,
    bytes: &[u8],
    names: &[String],
) -> Result<Vec<Option<Vec<u8>>>> {
    let mut zip = open_zip(path, bytes)?;
    let mut pkg = Package {
        path,
        zip: &mut zip,
    };
    names.iter().map(|name| pkg.part_bytes(name)).collect()
}

/// The target of the relationship with id `id` (`rId5`), resolved against
/// the folder `dir` of the source part; `None` for an unknown id or an
/// external target.
pub fn relationship_by_id(rels: &str, dir: &str, id: &str) -> Option<String> {
    relationship(rels, dir, |e| attr(e, "Id").is_some_and(|i| i == id))
}

/// The zip archive of a Word file.
fn open_zip<'b>(path: &Path, bytes: &'b [u8]) -> Result<zip::ZipArchive<Cursor<&'b [u8]>>> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Malformed {
        path: path.to_path_buf(),
        page: None,
        message: format!("not a valid .docx (zip) file: {e}"),
    })
}

/// An open archive and the file it came from (for error messages).
struct Package<'a, 'b> {
    path: &'a Path,
    zip: &'a mut zip::ZipArchive<Cursor<&'b [u8]>>,
}

impl Package<'_, '_> {
    /// Read one part as text, `None` if the archive has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>> {
        let Some(data) = self.part_bytes(name)? else {
            return Ok(None);
        };
        let data = data
            .strip_prefix(b"\xEF\xBB\xBF")
            .map(<[u8]>::to_vec)
            .unwrap_or(data);
        String::from_utf8(data)
            .map(Some)
            .map_err(|_| Error::Malformed {
                path: self.path.to_path_buf(),
                page: None,
                message: format!("part {name} is not UTF-8 XML"),
            })
    }

    /// Read one part's bytes, `None` if the archive has no such part.
    fn part_bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>> {
        let path = self.path.to_path_buf();
        let malformed = |message: String| Error::Malformed {
            path: path.clone(),
            page: None,
            message,
        };
        let entry = match self.zip.by_name(name) {
            Ok(entry) => entry,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(malformed(format!("cannot open part {name}: {e}"))),
        };
        if entry.encrypted() {
            return Err(Error::Unsupported {
                path,
                message: format!(
                    "part {name} is encrypted: remove the password in Word and save again"
                ),
            });
        }
        let mut data = Vec::new();
        entry
            .take(PART_LIMIT + 1)
            .read_to_end(&mut data)
            .map_err(|e| malformed(format!("cannot inflate part {name}: {e}")))?;
        if data.len() as u64 > PART_LIMIT {
            return Err(malformed(format!(
                "part {name} inflates to more than {} MiB (zip bomb or oversized document)",
                PART_LIMIT / (1024 * 1024)
            )));
        }
        Ok(Some(data))
    }

    /// The error for a zip without a main document: an OpenDocument file,
    /// another zip, or a broken Word file.
    fn missing_document(&mut self, name: &str) -> Error {
        let path: PathBuf = self.path.to_path_buf();
        let odf = self
            .part("mimetype")
            .ok()
            .flatten()
            .is_some_and(|m| m.starts_with("application/vnd.oasis.opendocument"));
        if odf {
            Error::Unsupported {
                message: format!(
                    "OpenDocument files are not supported: convert it with `soffice --headless --convert-to docx {}`",
                    path.display()
                ),
                path,
            }
        } else {
            Error::Malformed {
                path,
                page: None,
                message: format!("zip archive has no Word document part ({name})"),
            }
        }
    }
}

/// The target of the first relationship whose type ends with `kind`,
/// resolved against the folder `dir` of the source part.
fn relationship_target(rels: &str, dir: &str, kind: &str) -> Option<String> {
    relationship(rels, dir, |e| {
        attr(e, "Type").is_some_and(|t| t.ends_with(kind))
    })
}

/// The target of the first internal relationship that `wanted`, resolved
/// against the folder `dir` of the source part.
fn relationship(
    rels: &str,
    dir: &str,
    wanted: impl Fn(&quick_xml::events::BytesStart<'_>) -> bool,
) -> Option<String> {
    let mut events = Events::new(rels);
    while let Some(event) = events.next() {
        if let Event::Empty(e) | Event::Start(e) = event {
            if local(&e) == "Relationship"
                && wanted(&e)
                && attr(&e, "TargetMode").is_none_or(|m| m != "External")
            {
                let target = attr(&e, "Target")?;
                return Some(resolve(dir, &target));
            }
        }
    }
    None
}

/// Resolve a relationship target (`styles.xml`, `../x.xml`, `/word/x.xml`)
/// to a zip entry name.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relationship_targets() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(resolve("word", "/word/numbering.xml"), "word/numbering.xml");
        assert_eq!(resolve("word/sub", "../x.xml"), "word/x.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }
}
