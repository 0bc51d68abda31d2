//! Writing combined outputs in input order while inputs finish in any
//! order, holding at most a fixed window of finished results in memory.
//!
//! Workers claim inputs in index order and may only start input `i` once
//! every input before `i − window` is written ([`Window`]); the writer keeps
//! results that arrive early until their turn. Combined files are streamed
//! to temporary files in the output folder and renamed into place at the
//! end ([`Combined`]), so an interrupted run never leaves half a file.

use crate::error::{Error, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};
use tempfile::NamedTempFile;

/// How far ahead of the writer the workers may run.
#[derive(Debug)]
pub struct Window {
    written: Mutex<usize>,
    moved: Condvar,
    size: usize,
}

impl Window {
    /// A window of `size` inputs (at least 1).
    pub fn new(size: usize) -> Window {
        Window {
            written: Mutex::new(0),
            moved: Condvar::new(),
            size: size.max(1),
        }
    }

    /// Block until input `index` is within the window.
    pub fn wait_for(&self, index: usize) {
        let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        while index >= *written + self.size {
            written = self.moved.wait(written).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Record that the first `count` inputs are written.
    pub fn advance(&self, count: usize) {
        *self.written.lock().unwrap_or_else(|e| e.into_inner()) = count;
        self.moved.notify_all();
    }
}

/// One combined output being written to a temporary file beside its destination.
#[derive(Debug)]
pub struct Combined {
    dest: PathBuf,
    tmp: BufWriter<NamedTempFile>,
}

impl Combined {
    /// Start `dest` (in an existing folder) with `head` as its first bytes.
    pub fn create(dest: PathBuf, head: &str) -> Result<Combined> {
        let dir = dest.parent().unwrap_or(Path::new(".")).to_path_buf();
        let file = tempfile::Builder::new()
            .prefix(".nhiemvu-")
            .tempfile_in(&dir)
            .map_err(|source| Error::Write {
                path: dest.clone(),
                source,
            })?;
        let mut combined = Combined {
            dest,
            tmp: BufWriter::with_capacity(256 * 1024, file),
        };
        combined.push(head)?;
        Ok(combined)
    }

    /// Append text.
    pub fn push(&mut self, text: &str) -> Result<()> {
        self.tmp
            .write_all(text.as_bytes())
            .map_err(|source| self.error(source))
    }

    /// Flush, sync and rename into place.
    pub fn finish(self) -> Result<()> {
        let dest = self.dest;
        let err = |source| Error::Write {
            path: dest.clone(),
            source,
        };
        let file = self.tmp.into_inner().map_err(|e| err(e.into_error()))?;
        file.as_file().sync_data().map_err(err)?;
        file.persist(&dest).map_err(|e| err(e.error))?;
        Ok(())
    }

    fn error(&self, source: std::io::Error) -> Error {
        Error::Write {
            path: self.dest.clone(),
            source,
        }
    }
}
