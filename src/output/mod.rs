//! Writers for the output formats: one JSON per input, combined JSON Lines
//! and CSV of all tasks. Every file is written atomically (temp file in the
//! same folder, then rename), so an interrupted run never leaves half a file.

pub mod csv;
pub mod jsonl;
pub mod tables;

use crate::error::{Error, Result};
use crate::model::ExtractedDocument;
use std::io::Write;
use std::path::Path;

/// Write bytes to `path` atomically, creating parent folders.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temp(path, true, |w| w.write_all(bytes))
}

/// [`write_atomic`] without syncing to disk before the rename: readers
/// never see half a file, but after a power loss the file may be empty.
/// For outputs that are checked when read back (the per-input JSON of a
/// batch, which `--resume` parses), where a sync per file would dominate.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temp(path, false, |w| w.write_all(bytes))
}

/// Write the pretty-printed JSON of one document record (as
/// [`document_json`]) to `path` as [`write_replacing`] does, streamed to
/// the file: a large record is never held whole in memory.
pub fn write_document_json(path: &Path, doc: &ExtractedDocument) -> Result<()> {
    write_via_temp(path, false, |w| {
        serde_json::to_writer_pretty(&mut *w, doc)?;
        w.write_all(b"\n")
    })
}

/// Write to a temp file beside `path` through a buffer, then rename it
/// over `path` (synced first when `sync`).
fn write_via_temp(
    path: &Path,
    sync: bool,
    fill: impl FnOnce(&mut std::io::BufWriter<&mut std::fs::File>) -> std::io::Result<()>,
) -> Result<()> {
    let err = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(err)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".nhiemvu-")
        .tempfile_in(dir)
        .map_err(err)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        fill(&mut buffered).map_err(err)?;
        buffered.flush().map_err(err)?;
    }
    if sync {
        tmp.as_file().sync_data().map_err(err)?;
    }
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// The pretty-printed JSON of one document record, with a final newline.
pub fn document_json(doc: &ExtractedDocument) -> String {
    let mut s =
        serde_json::to_string_pretty(doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
