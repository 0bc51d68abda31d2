//! Running the tesseract command line (TSV output) and reading its words.

use super::raster::Gray;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The Debian packages OCR needs, as an install command.
pub const INSTALL_HINT: &str = "apt-get install tesseract-ocr tesseract-ocr-vie";
/// The tesseract language model used.
pub const LANGUAGE: &str = "vie";
/// Page segmentation mode for a page: fully automatic (columns and table
/// cells are separate blocks once the rulings are erased).
pub const PAGE_SEGMENTATION: &str = "3";
/// Page segmentation mode for a strip of cells stacked one above the
/// other: one uniform block of text.
pub const BLOCK_SEGMENTATION: &str = "6";

/// One word as tesseract read it, in pixels of the image it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The word's text.
    pub text: String,
    /// Left edge.
    pub left: u32,
    /// Top edge.
    pub top: u32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
    /// Confidence, 0 to 100.
    pub confidence: f32,
    /// Top of the word's text line.
    pub line_top: u32,
    /// Height of the word's text line.
    pub line_height: u32,
}

/// `Ok` when `tesseract` runs and has the Vietnamese model, else the
/// problem with the command that fixes it (checked once per process).
pub fn check_installed() -> Result<(), String> {
    static CHECK: OnceLock<Result<(), String>> = OnceLock::new();
    CHECK
        .get_or_init(|| {
            let out = Command::new("tesseract")
                .arg("--list-langs")
                .stdin(Stdio::null())
                .output()
                .map_err(|e| {
                    format!(
                        "OCR needs the tesseract program, which cannot be run ({e}); \
                         install it: {INSTALL_HINT} (or pass --ocr never)"
                    )
                })?;
            let listed = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            if listed.lines().any(|l| l.trim() == LANGUAGE) {
                Ok(())
            } else {
                Err(format!(
                    "OCR needs tesseract's Vietnamese model ({LANGUAGE}), which is not \
                     installed; install it: {INSTALL_HINT} (or pass --ocr never)"
                ))
            }
        })
        .clone()
}

/// Read the words of `image` (at `dpi` dots per inch) with tesseract in
/// page segmentation mode `psm`.
pub fn read_words(image: &Gray, dpi: u32, psm: &str) -> Result<Vec<OcrWord>, String> {
    let mut file = tempfile::Builder::new()
        .prefix("nhiemvu-ocr-")
        .suffix(".pgm")
        .tempfile()
        .map_err(|e| format!("cannot write a temporary image for OCR: {e}"))?;
    file.write_all(&image.to_pgm())
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write a temporary image for OCR: {e}"))?;
    let out = Command::new("tesseract")
        .arg(file.path())
        .arg("stdout")
        .args(["-l", LANGUAGE, "--psm", psm, "--dpi"])
        .arg(dpi.to_string())
        .arg("tsv")
        // One thread per page: pages run in parallel instead.
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("tesseract cannot be run ({e}); install it: {INSTALL_HINT}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "tesseract failed ({}): {}",
            out.status,
            err.lines().last().unwrap_or("").trim()
        ));
    }
    Ok(parse_tsv(&String::from_utf8_lossy(&out.stdout)))
}

/// The words of tesseract's TSV output (level 5 rows), each with the box
/// of its line (level 4).
pub fn parse_tsv(tsv: &str) -> Vec<OcrWord> {
    let mut words = Vec::new();
    let mut line = (0u32, 0u32);
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<u32>().unwrap_or(0);
        match cols[0] {
            "4" => line = (num(7), num(9)),
            "5" => {
                let text = cols[11].trim();
                if text.is_empty() {
                    continue;
                }
                words.push(OcrWord {
                    text: text.to_string(),
                    left: num(6),
                    top: num(7),
                    width: num(8),
                    height: num(9),
                    confidence: cols[10].trim().parse().unwrap_or(0.0),
                    line_top: line.0,
                    line_height: line.1,
                });
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_with_their_lines() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t\n\
                   4\t1\t1\t1\t1\t0\t100\t200\t300\t40\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t100\t205\t120\t30\t96.5\tSở\n\
                   5\t1\t1\t1\t1\t2\t230\t210\t60\t25\t42\t \n\
                   5\t1\t1\t1\t1\t3\t300\t200\t100\t40\t55\tphap\n";
        let w = parse_tsv(tsv);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].text, "Sở");
        assert_eq!((w[0].left, w[0].line_top, w[0].line_height), (100, 200, 40));
        assert_eq!(w[1].confidence, 55.0);
    }
}
