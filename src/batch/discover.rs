//! Finding inputs: files, folders (recursive), glob patterns and lists of
//! paths, with Word lock files, hidden files and temporary files skipped.

use super::names::unique_output_names;
use super::Input;
use crate::pipeline::InputFormat;
use globset::GlobBuilder;
use std::path::{Path, PathBuf};

/// The inputs found for a list of command-line arguments.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Inputs, sorted by path, with unique output names. A named file that
    /// does not exist is kept: reading it fails and it is reported like
    /// any other failed input.
    pub inputs: Vec<Input>,
    /// Files under folders or matched by patterns skipped for their extension.
    pub skipped_unknown: usize,
    /// Word lock files (`~$x.docx`) and temporary files skipped (hidden files
    /// and folders are not looked at).
    pub skipped_temporary: usize,
    /// Glob patterns that matched no input.
    pub unmatched_patterns: Vec<String>,
}

/// Expand files, folders (recursively) and glob patterns into inputs with
/// unique output names.
///
/// A file named directly is taken whatever its extension; files found
/// under a folder or by a pattern are taken when nhiemvu reads their
/// format and their name is not hidden or temporary. An argument that does
/// not exist and contains `*`, `?`, `[` or `{` is a glob pattern (`**`
/// crosses folders). Output names keep the sub-folders below the folder or
/// the pattern's fixed prefix.
pub fn discover(args: &[PathBuf]) -> Discovery {
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut discovery = Discovery::default();
    for arg in args {
        if arg.is_dir() {
            for path in visible_files(arg) {
                let rel = path.strip_prefix(arg).unwrap_or(&path).to_path_buf();
                classify(path, rel, &mut found, &mut discovery);
            }
        } else if !arg.exists() && is_pattern(arg) {
            let before = found.len();
            glob(arg, &mut found, &mut discovery);
            if found.len() == before {
                discovery.unmatched_patterns.push(arg.display().to_string());
            }
        } else {
            let rel = PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str()));
            found.push((arg.clone(), rel));
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    discovery.inputs = unique_output_names(found);
    discovery
}

/// Read a list of paths, one a line (`-` reads standard input); blank
/// lines are ignored and a trailing `\r` is dropped.
pub fn read_path_list(list: &Path) -> std::io::Result<Vec<PathBuf>> {
    let text = if list == Path::new("-") {
        std::io::read_to_string(std::io::stdin())?
    } else {
        std::fs::read_to_string(list)?
    };
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

fn is_pattern(arg: &Path) -> bool {
    arg.to_str()
        .is_some_and(|s| s.contains(['*', '?', '[', '{']))
}

/// Match a glob pattern by walking the folder of its fixed prefix.
fn glob(pattern: &Path, found: &mut Vec<(PathBuf, PathBuf)>, discovery: &mut Discovery) {
    let Some(text) = pattern.to_str() else {
        return;
    };
    let Ok(glob) = GlobBuilder::new(text).literal_separator(true).build() else {
        return;
    };
    let matcher = glob.compile_matcher();
    let base: PathBuf = pattern
        .components()
        .take_while(|c| !is_pattern(Path::new(c.as_os_str())))
        .collect();
    let root = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base.as_path()
    };
    for path in visible_files(root) {
        let path = match path.strip_prefix("./") {
            Ok(rel) if base.as_os_str().is_empty() => rel.to_path_buf(),
            _ => path,
        };
        if matcher.is_match(&path) {
            let rel = path.strip_prefix(&base).unwrap_or(&path).to_path_buf();
            classify(path, rel, found, discovery);
        }
    }
}

/// Every file under `dir`, sorted, not descending into hidden folders.
/// Named pipes, sockets and devices are files here too: one with a known
/// extension becomes an input that fails with a clear error
/// ([`crate::pipeline::read_input`]) instead of vanishing from the run.
fn visible_files(dir: &Path) -> impl Iterator<Item = PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden_name(e.file_name().to_str()))
        .flatten()
        .filter(|e| !e.file_type().is_dir() && !e.file_type().is_symlink())
        .map(walkdir::DirEntry::into_path)
}

/// Take a found file as an input, or count why it is skipped.
fn classify(
    path: PathBuf,
    rel: PathBuf,
    found: &mut Vec<(PathBuf, PathBuf)>,
    discovery: &mut Discovery,
) {
    if is_temporary(&path) {
        discovery.skipped_temporary += 1;
    } else if InputFormat::of(&path).is_none() {
        discovery.skipped_unknown += 1;
    } else {
        found.push((path, rel));
    }
}

fn is_hidden_name(name: Option<&str>) -> bool {
    name.is_some_and(|n| n.starts_with('.'))
}

/// Word lock files (`~$plan.docx`), editor backups (`plan.txt~`) and
/// partial downloads or temporary copies (`.tmp`, `.part`, `.crdownload`).
fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let lower = name.to_ascii_lowercase();
    name.starts_with("~$")
        || name.ends_with('~')
        || [".tmp", ".part", ".crdownload", ".swp"]
            .iter()
            .any(|ext| lower.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_and_temporary_files_are_recognized() {
        assert!(is_temporary(Path::new("d/~$plan.docx")));
        assert!(is_temporary(Path::new("d/plan.txt~")));
        assert!(is_temporary(Path::new("d/plan.pdf.part")));
        assert!(!is_temporary(Path::new("d/plan.pdf")));
        assert!(is_hidden_name(Some(".git")));
        assert!(!is_hidden_name(Some("plan.pdf")));
    }

    #[test]
    fn patterns_are_told_from_paths() {
        assert!(is_pattern(Path::new("archive/**/*.pdf")));
        assert!(is_pattern(Path::new("plan-{1,2}.txt")));
        assert!(!is_pattern(Path::new("archive/plan.pdf")));
    }
}
