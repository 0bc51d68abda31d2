//! The diff for people: grouped, with Vietnamese headings and field names.

use super::{DocumentSummary, PlanDiff};
use crate::compare::fields::{normalize, FieldValue};
use std::fmt;

/// A value for people: text as is, lists joined with `; `.
fn show(v: &FieldValue) -> String {
    match v {
        FieldValue::Text(Some(s)) => s.clone(),
        FieldValue::List(items) if !items.is_empty() => items.join("; "),
        _ => "(không có)".to_string(),
    }
}

/// `number`, or `section/number` when the section is given.
fn place(section: &Option<String>, number: &str) -> String {
    match section {
        Some(s) => format!("{s}/{number}"),
        None => number.to_string(),
    }
}

impl fmt::Display for DocumentSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(n) = &self.number {
            write!(f, " — số {n}")?;
        }
        if let Some(d) = &self.date {
            write!(f, " ngày {d}")?;
        }
        write!(f, ", {} nhiệm vụ", self.tasks)
    }
}

impl fmt::Display for PlanDiff {
    /// The diff for people, grouped: Thêm mới, Bị bỏ, Thay đổi, Đánh số lại.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Bản cũ: {}", self.old)?;
        writeln!(f, "Bản mới: {}", self.new)?;
        let s = &self.summary;
        writeln!(
            f,
            "Tóm tắt: {} thêm mới, {} bị bỏ, {} thay đổi, {} đánh số lại, {} không đổi nội dung",
            s.added, s.removed, s.changed, s.renumbered, s.unchanged
        )?;
        if self.is_empty() {
            return writeln!(f, "\nKhông có thay đổi.");
        }
        if !self.added.is_empty() {
            writeln!(f, "\nThêm mới ({}):", self.added.len())?;
            for t in &self.added {
                writeln!(f, "  + {} {}", t.number, normalize(&t.name))?;
            }
        }
        if !self.removed.is_empty() {
            writeln!(f, "\nBị bỏ ({}):", self.removed.len())?;
            for t in &self.removed {
                writeln!(f, "  - {} {}", t.number, normalize(&t.name))?;
            }
        }
        if !self.changed.is_empty() {
            writeln!(f, "\nThay đổi ({}):", self.changed.len())?;
            for c in &self.changed {
                let number = if c.old_number == c.new_number {
                    c.new_number.clone()
                } else {
                    format!("{} (trước là {})", c.new_number, c.old_number)
                };
                writeln!(f, "  ~ {number} {}", normalize(&c.task.name))?;
                for ch in &c.changes {
                    writeln!(
                        f,
                        "      {}: {} → {}",
                        ch.label,
                        show(&ch.old),
                        show(&ch.new)
                    )?;
                }
            }
        }
        if !self.renumbered.is_empty() {
            writeln!(f, "\nĐánh số lại ({}):", self.renumbered.len())?;
            for r in &self.renumbered {
                let (from, to) = if r.old_section == r.new_section {
                    (r.old_number.clone(), r.new_number.clone())
                } else {
                    (
                        place(&r.old_section, &r.old_number),
                        place(&r.new_section, &r.new_number),
                    )
                };
                writeln!(f, "  {from} → {to} {}", normalize(&r.name))?;
            }
        }
        Ok(())
    }
}
