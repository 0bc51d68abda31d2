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
