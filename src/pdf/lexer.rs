//! A tolerant tokenizer for page content streams.
//!
//! Unlike lenient whole-stream parsers it never gives up: a token it cannot
//! read is skipped together with the operands gathered so far, and reading
//! resumes at the next delimiter. Inline images (`BI … ID <data> EI`) are
//! skipped without interpreting their binary data (the reader sees a bare
//! `BI` operator).
//!
//! Nothing here recurses on the input: arrays are read recursively only
//! down to [`MAX_ARRAY_DEPTH`], deeper ones and every dictionary are
//! skipped by a counting scan, so any nesting costs linear time and
//! constant stack.

/// Deepest array nesting read into an operand (content streams need one
/// level: `TJ` and dash arrays); an array nested deeper is skipped whole
/// and reported by [`Lexer::too_deep`].
pub const MAX_ARRAY_DEPTH: usize = 8;
/// Most operands kept for one operator; more means the stream is garbage.
const MAX_OPERANDS: usize = 64;

/// One operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    /// An integer or real number.
    Number(f64),
    /// A name, without its leading slash (escapes `#xx` left as written),
    /// borrowed from the stream.
    Name(&'a [u8]),
    /// A literal or hexadecimal string, decoded to bytes.
    Str(Vec<u8>),
    /// An array.
    Array(Vec<Operand<'a>>),
    /// A dictionary, boolean or null: kept only as a placeholder.
    Other,
}

impl Operand<'_> {
    /// The number, if this operand is one.
    pub fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// One operator with its operands.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation<'a> {
    /// The operator keyword (`Tj`, `re`, …), borrowed from the stream.
    pub op: &'a [u8],
    /// Its operands in order.
    pub operands: Vec<Operand<'a>>,
}

/// Reader of the operations of a content stream.
pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    too_deep: bool,
}

impl<'a> Lexer<'a> {
    /// Start reading `data` from the beginning.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            too_deep: false,
        }
    }

    /// Whether an array nested deeper than [`MAX_ARRAY_DEPTH`] was met
    /// (and skipped): the stream is hostile or garbage.
    pub fn too_deep(&self) -> bool {
        self.too_deep
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_space_and_comments(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if is_space(b) || is_delimiter(b) {
                break;
            }
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// Read one object; `None` at end of data, `Some(Err)` for a keyword
    /// (returned as the operator) or an unreadable token.
    fn object(&mut self, depth: usize) -> Option<Token<'a>> {
        self.skip_space_and_comments();
        let b = self.peek()?;
        match b {
            b'/' => {
                self.pos += 1;
                Some(Token::Operand(Operand::Name(self.regular_run())))
            }
            b'(' => {
                self.pos += 1;
                Some(Token::Operand(Operand::Str(self.literal_string())))
            }
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_nested();
                Some(Token::Operand(Operand::Other))
            }
            b'<' => {
                self.pos += 1;
                Some(Token::Operand(Operand::Str(self.hex_string())))
            }
            b'[' if depth >= MAX_ARRAY_DEPTH => {
                self.pos += 1;
                self.skip_nested();
                self.too_deep = true;
                Some(Token::Operand(Operand::Other))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space_and_comments();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => {}
                    }
                    match self.object(depth + 1) {
                        Some(Token::Operand(o)) => items.push(o),
                        // A keyword inside an array: the array is broken.
                        Some(Token::Keyword(_)) | Some(Token::Bad) => return Some(Token::Bad),
                        None => break,
                    }
                }
                Some(Token::Operand(Operand::Array(items)))
            }
            b']' | b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Some(Token::Bad)
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let run = self.regular_run();
                match parse_number(run) {
                    Some(n) => Some(Token::Operand(Operand::Number(n))),
                    None => Some(Token::Bad),
                }
            }
            _ => {
                let run = self.regular_run();
                if run.is_empty() {
                    self.pos += 1;
                    return Some(Token::Bad);
                }
                match run {
                    b"true" | b"false" | b"null" => Some(Token::Operand(Operand::Other)),
                    _ => Some(Token::Keyword(run)),
                }
            }
        }
    }

    fn literal_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                _ => out.push(b),
            }
        }
        out
    }

    fn hex_string(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let Some(v) = hex_value(b) else { continue };
            match high.take() {
                Some(h) => out.push(h << 4 | v),
                None => high = Some(v),
            }
        }
        if let Some(h) = high {
            out.push(h << 4);
        }
        out
    }

    /// Skip the rest of an array or dictionary whose opening bracket was
    /// just read, with whatever it nests, by counting brackets (strings
    /// skipped as strings, so a `]` inside one does not count).
    fn skip_nested(&mut self) {
        let mut open = 1usize;
        while open > 0 {
            self.skip_space_and_comments();
            let Some(b) = self.peek() else { return };
            let double = self.data.get(self.pos + 1) == Some(&b);
            self.pos += 1;
            match b {
                b'[' => open += 1,
                b'<' if double => {
                    self.pos += 1;
                    open += 1;
                }
                b']' => open -= 1,
                b'>' if double => {
                    self.pos += 1;
                    open -= 1;
                }
                b'<' => {
                    self.hex_string();
                }
                b'(' => {
                    self.literal_string();
                }
                _ => {}
            }
        }
    }

    /// Skip an inline image's dictionary and data, up to and including `EI`.
    fn skip_inline_image(&mut self) {
        // Find the `ID` keyword that starts the data.
        while self.pos < self.data.len() {
            self.skip_space_and_comments();
            match self.object(0) {
                Some(Token::Keyword(b"ID")) => break,
                None => return,
                _ => {}
            }
        }
        self.pos += 1;
        // Data ends at whitespace + `EI` + whitespace or end of data.
        while self.pos + 2 <= self.data.len() {
            let here = &self.data[self.pos..];
            let at_ei = here.starts_with(b"EI")
                && self.pos > 0
                && is_space(self.data[self.pos - 1])
                && here.get(2).is_none_or(|&c| is_space(c) || is_delimiter(c));
            if at_ei {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }
}

enum Token<'a> {
    Operand(Operand<'a>),
    Keyword(&'a [u8]),
    Bad,
}

impl<'a> Lexer<'a> {
    /// Read the next operation into `op` (its operand buffer is reused);
    /// `false` at the end of the stream.
    pub fn read(&mut self, op: &mut Operation<'a>) -> bool {
        op.operands.clear();
        loop {
            match self.object(0) {
                None => return false,
                Some(Token::Operand(o)) => {
                    if op.operands.len() < MAX_OPERANDS {
                        op.operands.push(o);
                    }
                }
                Some(Token::Bad) => op.operands.clear(),
                Some(Token::Keyword(b"BI")) => {
                    // Returned without operands once its data is skipped.
                    self.skip_inline_image();
                    op.operands.clear();
                    op.op = b"BI";
                    return true;
                }
                Some(Token::Keyword(k)) => {
                    op.op = k;
                    return true;
                }
            }
        }
    }
}

impl Default for Operation<'_> {
    fn default() -> Self {
        Operation {
            op: b"",
            operands: Vec::new(),
        }
    }
}

/// PDF whitespace.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C | 0)
}

/// PDF delimiter characters.
pub fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// The value of one hexadecimal digit.
pub fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Parse a PDF number, accepting the sloppy forms real producers write
/// (`-.5`, `4.`, `--2`). Digits are accumulated directly: this runs for
/// most tokens of a content stream.
fn parse_number(run: &[u8]) -> Option<f64> {
    let signs = run.iter().take_while(|&&b| b == b'+' || b == b'-').count();
    let negative = signs == 1 && run[0] == b'-';
    let mut mantissa = 0f64;
    let mut frac_digits: Option<i32> = None;
    let mut digits = 0usize;
    for &b in &run[signs..] {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                frac_digits = frac_digits.map(|k| k + 1);
                digits += 1;
            }
            b'.' if frac_digits.is_none() => frac_digits = Some(0),
            _ => return None,
        }
    }
    const POWERS: [f64; 8] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];
    let k = frac_digits.unwrap_or(0);
    let divisor = POWERS
        .get(k as usize)
        .copied()
        .unwrap_or_else(|| 10f64.powi(k));
    let value = mantissa / divisor;
    (digits > 0 && value.is_finite()).then_some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(data: &[u8]) -> Vec<Operation<'_>> {
        let mut lexer = Lexer::new(data);
        let mut out = Vec::new();
        let mut op = Operation::default();
        while lexer.read(&mut op) {
            out.push(op.clone());
        }
        out
    }

    fn ops(data: &[u8]) -> Vec<(String, usize)> {
        all(data)
            .iter()
            .map(|o| (String::from_utf8_lossy(o.op).into_owned(), o.operands.len()))
            .collect()
    }

    #[test]
    fn reads_text_operators() {
        let got = all(b"BT /F1 12 Tf [(A\\(b) -250 <0041>] TJ ET");
        assert_eq!(got.len(), 4);
        assert_eq!(got[1].operands[0], Operand::Name(b"F1"));
        let Operand::Array(items) = &got[2].operands[0] else {
            panic!("expected an array");
        };
        assert_eq!(items[0], Operand::Str(b"A(b".to_vec()));
        assert_eq!(items[1], Operand::Number(-250.0));
        assert_eq!(items[2], Operand::Str(vec![0, 0x41]));
    }

    #[test]
    fn resyncs_after_bad_tokens() {
        let got = ops(b"1 2 ) m 3 4 l } S");
        assert_eq!(got, vec![("m".into(), 0), ("l".into(), 2), ("S".into(), 0)]);
    }

    #[test]
    fn skips_inline_images() {
        let got = ops(b"q BI /W 2 /H 2 ID \x00EI\xff) EI Q 1 0 0 1 0 0 cm");
        assert_eq!(
            got,
            vec![
                ("q".into(), 0),
                ("BI".into(), 0),
                ("Q".into(), 0),
                ("cm".into(), 6)
            ]
        );
    }

    #[test]
    fn random_bytes_never_panic() {
        let mut seed: u32 = 0x1234_5678;
        // Bias towards the bytes that matter to the tokenizer.
        let mut data = Vec::new();
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            // Bias towards the bytes that matter to the tokenizer.
            let b = (seed >> 16) as u8;
            let alphabet = b"()<>[]{}/%\\ 0.9-BIDEITjTJ";
            data.push(if b & 1 == 0 {
                alphabet[usize::from(b >> 1) % alphabet.len()]
            } else {
                b
            });
        }
        let mut lexer = Lexer::new(&data);
        let mut op = Operation::default();
        let mut n = 0;
        while lexer.read(&mut op) {
            n += 1;
        }
        assert!(n <= data.len());
        let cmap = crate::pdf::cmap::ToUnicode::parse(&data);
        assert!(cmap.len() <= data.len());
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        for (open, close) in [("[", "]"), ("<<", ">>"), ("[<<", ">>]")] {
            let mut data = b"BT ".to_vec();
            data.extend(open.repeat(100_000).bytes());
            data.extend(b"(a]>>) <5D> 1".iter());
            data.extend(close.repeat(100_000).bytes());
            data.extend(b" TJ [(x)] TJ ET".iter());
            let mut lexer = Lexer::new(&data);
            let mut got = Vec::new();
            let mut op = Operation::default();
            while lexer.read(&mut op) {
                got.push((
                    String::from_utf8_lossy(op.op).into_owned(),
                    op.operands.len(),
                ));
            }
            assert_eq!(
                got,
                vec![
                    ("BT".into(), 0),
                    ("TJ".into(), 1),
                    ("TJ".into(), 1),
                    ("ET".into(), 0)
                ],
                "{open}"
            );
            assert_eq!(lexer.too_deep(), open == "[", "{open}");
        }
        let shallow = b"[[[[[[[[1]]]]]]]] d0";
        let mut lexer = Lexer::new(shallow);
        assert!(lexer.read(&mut Operation::default()));
        assert!(!lexer.too_deep());
    }

    #[test]
    fn sloppy_numbers() {
        assert_eq!(parse_number(b"-.5"), Some(-0.5));
        assert_eq!(parse_number(b"4."), Some(4.0));
        assert_eq!(parse_number(b"1-2"), None);
        assert_eq!(parse_number(b"."), None);
        assert_eq!(parse_number(b"12.25"), Some(12.25));
        assert_eq!(parse_number(b"--2"), Some(2.0));
    }
}
