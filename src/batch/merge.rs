//! Combining the output folders of shard runs into one, as a single run
//! over all inputs would have written it.
//!
//! Each shard's combined files are already in input-path order, so they
//! are merged k-way by the input path of each record (`source_file` for
//! tasks, `path` for errors and the manifest), keeping each input's
//! records together and in their order, streaming with one record per
//! shard in memory. Per-input JSON files are copied.

use crate::error::{Error, Result};
use crate::output::csv::{header, record_line, BOM};
use crate::output::write_replacing;
use ordered_stream::Records;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

/// What a merge combined.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MergeSummary {
    /// Output folders read.
    pub folders: usize,
    /// Task records written to `tasks.jsonl` (or `tasks.csv` without it).
    pub tasks: usize,
    /// Lines written to `errors.jsonl`.
    pub errors: usize,
    /// Per-input JSON files copied.
    pub documents: usize,
}

/// Merge the outputs in `dirs` into `out`.
///
/// A combined file is written when at least one folder has it; `tasks.csv`
/// starts with a BOM when the first folder's does.
pub fn merge(dirs: &[PathBuf], out: &Path) -> Result<MergeSummary> {
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Error::Io {
                path: dir.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such output folder"),
            });
        }
    }
    std::fs::create_dir_all(out).map_err(|source| Error::Write {
        path: out.to_path_buf(),
        source,
    })?;
    let mut summary = MergeSummary {
        folders: dirs.len(),
        ..MergeSummary::default()
    };
    summary.tasks = merge_jsonl(dirs, out, "tasks.jsonl", "source_file")?;
    summary.errors = merge_jsonl(dirs, out, "errors.jsonl", "path")?;
    merge_jsonl(dirs, out, super::manifest::MANIFEST, "path")?;
    let csv_tasks = merge_csv(dirs, out)?;
    if !out.join("tasks.jsonl").exists() {
        summary.tasks = csv_tasks;
    }
    summary.documents = copy_documents(dirs, out)?;
    Ok(summary)
}

/// The `name` files present in `dirs`, opened.
fn open_all(dirs: &[PathBuf], name: &str) -> Result<Vec<(PathBuf, BufReader<File>)>> {
    dirs.iter()
        .map(|d| d.join(name))
        .filter(|p| p.is_file())
        .map(|p| {
            File::open(&p)
                .map(|f| (p.clone(), BufReader::new(f)))
                .map_err(|source| Error::Io { path: p, source })
        })
        .collect()
}

fn merge_jsonl(dirs: &[PathBuf], out: &Path, name: &str, key: &str) -> Result<usize> {
    let files = open_all(dirs, name)?;
    if files.is_empty() {
        return Ok(0);
    }
    let streams = files
        .into_iter()
        .map(|(path, reader)| Records::jsonl(path, reader, key))
        .collect();
    ordered_stream::merge_into(streams, &out.join(name), "")
}

fn merge_csv(dirs: &[PathBuf], out: &Path) -> Result<usize> {
    let files = open_all(dirs, "tasks.csv")?;
    if files.is_empty() {
        return Ok(0);
    }
    let mut bom = None;
    let mut streams = Vec::new();
    for (path, mut reader) in files {
        let mut head = [0u8; 3];
        let n = read_up_to(&mut reader, &mut head).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        let has_bom = head[..n] == *BOM.as_bytes();
        bom.get_or_insert(has_bom);
        let rest = if has_bom { &head[..0] } else { &head[..n] };
        let chained: Box<dyn Read> = Box::new(std::io::Cursor::new(rest.to_vec()).chain(reader));
        streams.push(Records::csv(path, chained));
    }
    ordered_stream::merge_into(
        streams,
        &out.join("tasks.csv"),
        &header(bom.unwrap_or(true)),
    )
}

fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Copy every per-input `.json` of the folders into `out`, keeping sub-folders.
fn copy_documents(dirs: &[PathBuf], out: &Path) -> Result<usize> {
    let mut copied = 0;
    for dir in dirs {
        let jsons = walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|p| p.extension().is_some_and(|e| e == "json"));
        for path in jsons {
            let rel = path.strip_prefix(dir).unwrap_or(&path);
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            write_replacing(&out.join(rel), &bytes)?;
            copied += 1;
        }
    }
    Ok(copied)
}

/// Streams of keyed records and their k-way merge.
mod ordered_stream {
    use super::*;
    use std::io::BufRead;

    /// One record: the input path it belongs to and its bytes.
    pub struct Record {
        /// The input path.
        pub key: String,
        /// The record as written, with its line end.
        pub bytes: String,
    }

    /// Records read one at a time from one file.
    pub struct Records {
        path: PathBuf,
        next: Box<dyn FnMut() -> Option<std::result::Result<Record, String>>>,
    }

    impl Records {
        /// JSON Lines keyed by the string field `key`.
        pub fn jsonl(path: PathBuf, reader: BufReader<File>, key: &str) -> Records {
            let key = key.to_string();
            let mut lines = reader.lines();
            let next = move || {
                let line = match lines.next()? {
                    Ok(line) => line,
                    Err(e) => return Some(Err(e.to_string())),
                };
                let value: serde_json::Value = match serde_json::from_str(&line) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(format!("not a JSON line: {e}"))),
                };
                let Some(k) = value.get(&key).and_then(|k| k.as_str()) else {
                    return Some(Err(format!("a line has no \"{key}\"")));
                };
                Some(Ok(Record {
                    key: k.to_string(),
                    bytes: format!("{line}\n"),
                }))
            };
            Records {
                path,
                next: Box::new(next),
            }
        }

        /// `tasks.csv` rows (header skipped) keyed by `source_file`.
        pub fn csv(path: PathBuf, reader: Box<dyn Read>) -> Records {
            let mut rows = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(reader)
                .into_records();
            let next = move || {
                let row = match rows.next()? {
                    Ok(row) => row,
                    Err(e) => return Some(Err(e.to_string())),
                };
                let Some(key) = row.get(1) else {
                    return Some(Err("a row has no source_file column".to_string()));
                };
                Some(Ok(Record {
                    key: key.to_string(),
                    bytes: record_line(row.iter().map(str::to_string).collect()),
                }))
            };
            Records {
                path,
                next: Box::new(next),
            }
        }

        fn pull(&mut self) -> Result<Option<Record>> {
            match (self.next)() {
                None => Ok(None),
                Some(Ok(record)) => Ok(Some(record)),
                Some(Err(message)) => Err(Error::Malformed {
                    path: self.path.clone(),
                    page: None,
                    message,
                }),
            }
        }
    }

    /// Merge `streams` (each in input-path order) into `dest` after `head`,
    /// one input's records at a time; returns the records written.
    pub fn merge_into(streams: Vec<Records>, dest: &Path, head: &str) -> Result<usize> {
        let mut heads = Vec::with_capacity(streams.len());
        let mut streams = streams;
        for s in &mut streams {
            heads.push(s.pull()?);
        }
        let mut out = super::super::ordered::Combined::create(dest.to_path_buf(), head)?;
        let mut written = 0;
        while let Some(first) = heads
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.as_ref().map(|r| (i, Path::new(&r.key))))
            .min_by(|a, b| a.1.cmp(b.1))
            .map(|(i, _)| i)
        {
            let key = heads[first]
                .as_ref()
                .map(|r| r.key.clone())
                .unwrap_or_default();
            while let Some(record) = heads[first].take_if(|r| r.key == key) {
                out.push(&record.bytes)?;
                written += 1;
                heads[first] = streams[first].pull()?;
            }
        }
        out.finish()?;
        Ok(written)
    }
}
