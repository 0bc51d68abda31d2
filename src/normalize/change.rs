//! The record of one change (or warning) the normalizer made, so a user
//! can see what was rewritten, where and why.

use serde::Serialize;
use std::fmt;

/// Whether a [`Change`] rewrote the text or only flags it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// The text was rewritten from `before` to `after`.
    Rewrite,
    /// The text was left alone but looks suspicious (`after` is a suggestion).
    Warning,
}

/// One change made to the text, located by 1-based line and column
/// (in characters of the line as it was before this change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// The text before the change.
    pub before: String,
    /// The text after the change (a suggestion for a warning).
    pub after: String,
    /// Why the change was made.
    pub reason: String,
    /// A rewrite or a warning.
    pub kind: ChangeKind,
}

impl Change {
    /// A rewrite of `before` into `after` at `line`:`column`.
    pub fn rewrite(line: usize, column: usize, before: &str, after: &str, reason: &str) -> Self {
        Change {
            line,
            column,
            before: before.to_string(),
            after: after.to_string(),
            reason: reason.to_string(),
            kind: ChangeKind::Rewrite,
        }
    }

    /// A warning about `text` at `line`:`column`, with a suggestion.
    pub fn warning(line: usize, column: usize, text: &str, suggestion: &str, reason: &str) -> Self {
        Change {
            kind: ChangeKind::Warning,
            ..Change::rewrite(line, column, text, suggestion, reason)
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ChangeKind::Rewrite => "changed",
            ChangeKind::Warning => "warning",
        };
        write!(
            f,
            "{}:{}: {what} {:?} -> {:?} ({})",
            self.line, self.column, self.before, self.after, self.reason
        )
    }
}

/// Where a normalization step reports its changes: nowhere (the fast
/// path) or into a list, for one line.
pub(crate) struct Log<'a> {
    line: usize,
    changes: Option<&'a mut Vec<Change>>,
}

impl<'a> Log<'a> {
    /// A log that records nothing.
    pub(crate) fn off() -> Self {
        Log {
            line: 0,
            changes: None,
        }
    }

    /// A log recording the changes of 1-based `line` into `changes`.
    pub(crate) fn on(line: usize, changes: &'a mut Vec<Change>) -> Self {
        Log {
            line,
            changes: Some(changes),
        }
    }

    /// Whether changes are being recorded.
    pub(crate) fn enabled(&self) -> bool {
        self.changes.is_some()
    }

    /// Record a rewrite at 0-based character index `index`.
    pub(crate) fn rewrite(&mut self, index: usize, before: &str, after: &str, reason: &str) {
        if let Some(changes) = self.changes.as_mut() {
            changes.push(Change::rewrite(self.line, index + 1, before, after, reason));
        }
    }

    /// Record a warning at 0-based character index `index`.
    pub(crate) fn warn(&mut self, index: usize, text: &str, suggestion: &str, reason: &str) {
        if let Some(changes) = self.changes.as_mut() {
            changes.push(Change::warning(
                self.line,
                index + 1,
                text,
                suggestion,
                reason,
            ));
        }
    }
}
