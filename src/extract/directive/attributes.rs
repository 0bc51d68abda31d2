//! Labelled lines under an item that describe it rather than add an item
//! ("- Đơn vị chủ trì: Sở Tài chính.", "- Thời gian hoàn thành: Quý II/2026.",
//! "- Sản phẩm: Kế hoạch được ban hành.").

use regex::Regex;
use std::sync::OnceLock;

/// Which field a labelled line fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// "Đơn vị chủ trì:", "Cơ quan thực hiện:".
    Lead,
    /// "Đơn vị phối hợp:".
    Coordinating,
    /// "Thời gian hoàn thành:", "Thời hạn:".
    Deadline,
    /// "Sản phẩm:", "Kết quả:".
    Result,
}

/// A labelled line: its field and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// The field it fills.
    pub field: Field,
    /// The value after the label, without closing punctuation.
    pub value: String,
}

/// Read a labelled line, or `None` for ordinary text.
pub fn attribute(text: &str) -> Option<Attribute> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)^(?:(?:(?:đơn vị|cơ quan|bộ phận)\s+)?(chủ trì|thực hiện|phối hợp)",
            r"|(thời gian(?: hoàn thành| thực hiện)?|thời hạn(?: hoàn thành)?|tiến độ)",
            r"|(sản phẩm|kết quả)(?: đầu ra| dự kiến| cần đạt)?)\s*:\s*(.+)$"
        ))
        .expect("static attribute pattern is valid")
    });
    let c = re.captures(text.trim())?;
    let field = match (
        c.get(1).map(|m| m.as_str().to_lowercase()),
        c.get(2),
        c.get(3),
    ) {
        (Some(role), _, _) if role == "phối hợp" => Field::Coordinating,
        (Some(_), _, _) => Field::Lead,
        (None, Some(_), _) => Field::Deadline,
        _ => Field::Result,
    };
    let value = c
        .get(4)?
        .as_str()
        .trim()
        .trim_end_matches(['.', ';', ','])
        .trim()
        .to_string();
    (!value.is_empty()).then_some(Attribute { field, value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let a = |t: &str| attribute(t).map(|a| (a.field, a.value));
        assert_eq!(
            a("Đơn vị chủ trì: Sở Tài chính."),
            Some((Field::Lead, "Sở Tài chính".into()))
        );
        assert_eq!(
            a("Cơ quan phối hợp: Các sở, ngành;"),
            Some((Field::Coordinating, "Các sở, ngành".into()))
        );
        assert_eq!(
            a("Thời gian hoàn thành: Quý II/2026."),
            Some((Field::Deadline, "Quý II/2026".into()))
        );
        assert_eq!(
            a("Sản phẩm: Kế hoạch được ban hành"),
            Some((Field::Result, "Kế hoạch được ban hành".into()))
        );
        assert_eq!(
            a("Văn phòng chủ trì, phối hợp với Bộ Công an: (1) ..."),
            None
        );
    }
}
