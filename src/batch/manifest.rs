//! `manifest.jsonl`: what was done to each input, so that `--resume` can
//! skip inputs already done with the same content and tool version.
//!
//! During a run the manifest is a journal: one line is appended (and
//! flushed) as each input is settled, so a run killed at any point keeps
//! what it finished. At the end it is rewritten atomically with one line
//! per input of the run, in input order.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// The version of nhiemvu recorded in the manifest.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

/// File name of the manifest in the output folder.
pub const MANIFEST: &str = "manifest.jsonl";

/// One input as recorded in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The input path as given or found.
    pub path: String,
    /// Size in bytes, when the file could be read.
    pub size: Option<u64>,
    /// Modification time, seconds since the Unix epoch, when known.
    pub mtime: Option<i64>,
    /// SHA-256 of the content, when the file could be read.
    pub sha256: Option<String>,
    /// The nhiemvu version that processed it.
    pub version: String,
    /// `ok`, `warnings` or `failed`.
    pub outcome: String,
    /// Tasks found.
    pub tasks: usize,
    /// Pages read, for inputs with pages.
    pub pages: Option<u32>,
    /// Error code when it failed.
    pub error: Option<String>,
}

impl Entry {
    /// Whether this entry stands for a finished input with this content,
    /// processed by this version of nhiemvu.
    pub fn is_done_for(&self, size: u64, sha256: &str) -> bool {
        self.outcome != "failed"
            && self.version == TOOL_VERSION
            && self.size == Some(size)
            && self.sha256.as_deref() == Some(sha256)
    }
}

/// Size and modification time of a file, when it can be read.
pub fn file_stamp(path: &Path) -> (Option<u64>, Option<i64>) {
    let Ok(meta) = std::fs::metadata(path) else {
        return (None, None);
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_secs()).ok());
    (Some(meta.len()), mtime)
}

/// The entries of an existing manifest by path, the last line for a path
/// winning; lines that do not parse (a line cut by a crash) are ignored.
pub fn read(out_dir: &Path) -> HashMap<String, Entry> {
    let Ok(file) = File::open(out_dir.join(MANIFEST)) else {
        return HashMap::new();
    };
    BufReader::new(file)
        .lines()
        .map_while(std::result::Result::ok)
        .filter_map(|line| serde_json::from_str::<Entry>(&line).ok())
        .map(|e| (e.path.clone(), e))
        .collect()
}

/// The manifest journal of a running batch.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
}

impl Journal {
    /// Open the journal in `out_dir`: appended to when resuming, else started afresh.
    pub fn open(out_dir: &Path, resume: bool) -> Result<Journal> {
        let path = out_dir.join(MANIFEST);
        let file = OpenOptions::new()
            .create(true)
            .append(resume)
            .write(true)
            .truncate(!resume)
            .open(&path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        Ok(Journal { path, file })
    }

    /// Append one entry as a single line.
    pub fn append(&mut self, entry: &Entry) -> Result<()> {
        let mut line = serde_json::to_string(entry).unwrap_or_default();
        line.push('\n');
        self.file
            .write_all(line.as_bytes())
            .map_err(|source| Error::Write {
                path: self.path.clone(),
                source,
            })
    }

    /// Rewrite the manifest atomically with the last entry of each of
    /// `paths`, in that order.
    pub fn finish(self, paths: impl Iterator<Item = String>) -> Result<()> {
        let out_dir = self.path.parent().unwrap_or(Path::new("."));
        let mut entries = read(out_dir);
        let mut text = String::new();
        for path in paths {
            if let Some(entry) = entries.remove(&path) {
                text.push_str(&serde_json::to_string(&entry).unwrap_or_default());
                text.push('\n');
            }
        }
        crate::output::write_atomic(&self.path, text.as_bytes())
    }
}
