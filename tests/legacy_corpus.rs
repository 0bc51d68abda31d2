//! Decoding of real TCVN3 PDFs from the shared corpus, through
//! `pdftotext` text. Skips (with a message) when pdftotext or the corpus
//! is missing. Expected titles were checked by hand against the PDFs.

use nhiemvu::normalize::{decode_legacy_text, is_valid_syllable};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared corpus directory, if present.
fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    dir.is_dir().then_some(dir)
}

/// pdftotext's text of a corpus file, or `None` (with a skip message).
fn pdftotext(name: &str) -> Option<String> {
    let Some(dir) = corpus() else {
        eprintln!("SKIP: ../shared/corpus/real not found");
        return None;
    };
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(dir.join(name))
        .arg("-")
        .output();
    match out {
        Ok(o) if o.status.success() => Some(String::from_utf8_lossy(&o.stdout).into_owned()),
        _ => {
            eprintln!("SKIP: pdftotext not available or failed on {name}");
            None
        }
    }
}

/// Share of words that are valid syllables (all-capital ASCII acronyms
/// such as "GTSXCN" left out).
fn valid_share(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| !(w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase())))
        .collect();
    let valid = words.iter().filter(|w| is_valid_syllable(w)).count();
    valid as f64 / words.len().max(1) as f64
}

/// Files that really are TCVN3, with a title checked by hand.
const LEGACY: [(&str, &str); 5] = [
    ("tcvn3_2006_nd109_cp.pdf", "NGHỊ ĐỊNH CỦA CHÍNH PHỦ"),
    (
        "tcvn3_2006_qd115_ttg.pdf",
        "của Thủ tướng Chính phủ số 115/2004/QĐ-TTg",
    ),
    (
        "tcvn3_2006_tt01_nhnn.pdf",
        "Hướng dẫn một số nội dung về góp vốn thành lập",
    ),
    (
        "tcvn3_2005_bc_kh2005_qh.pdf",
        "Tình hình thực hiện nhiệm vụ kế hoạch năm 2004",
    ),
    (
        "tcvn3_2007_bc_congnghiep.pdf",
        "Báo cáo về tình hình sản xuất kinh doanh ngành công",
    ),
];

#[test]
fn tcvn3_pdfs_decode_to_valid_vietnamese() {
    for (name, title) in LEGACY {
        let Some(text) = pdftotext(name) else { return };
        let (decoded, changes) = decode_legacy_text(&text);
        let share = valid_share(&decoded);
        eprintln!(
            "{name}: {} lines decoded, {:.1}% valid syllables (before {:.1}%)",
            changes.len(),
            share * 100.0,
            valid_share(&text) * 100.0
        );
        assert!(decoded.contains(title), "{name}: title {title:?} missing");
        assert!(share > 0.9, "{name}: only {:.1}% valid", share * 100.0);
    }
}

/// An Adobe Scan OCR layer that wrote letters as low bytes of their code
/// points: partly repaired (đ and ă were lost), motto checked by hand.
const LOW_BYTE: (&str, &str) = ("lamdong_cat_ttr_adobescan.pdf", "Hạnh phúc");

#[test]
fn low_byte_ocr_layer_is_partly_repaired() {
    let (name, motto) = LOW_BYTE;
    let Some(text) = pdftotext(name) else { return };
    let (decoded, changes) = decode_legacy_text(&text);
    let (before, after) = (valid_share(&text), valid_share(&decoded));
    eprintln!(
        "{name}: {} lines decoded, {:.1}% valid syllables (before {:.1}%)",
        changes.len(),
        after * 100.0,
        before * 100.0
    );
    assert!(decoded.contains(motto));
    assert!(after > before + 0.1);
}

#[test]
fn no_other_corpus_pdf_is_decoded() {
    let Some(dir) = corpus() else {
        eprintln!("SKIP: ../shared/corpus/real not found");
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf") && n != LOW_BYTE.0)
        .filter(|n| !LEGACY.iter().any(|(l, _)| l == n))
        .collect();
    names.sort();
    for name in names {
        let Some(text) = pdftotext(&name) else { return };
        let (_, changes) = decode_legacy_text(&text);
        assert!(changes.is_empty(), "{name}: {}", changes[0]);
    }
}

#[test]
fn unicode_pdfs_with_legacy_font_names_stay_unchanged() {
    for name in ["tcvn3_2005_bc_kths_q1.pdf", "tcvn3_2006_bc_nongnghiep.pdf"] {
        let Some(text) = pdftotext(name) else { return };
        let (decoded, changes) = decode_legacy_text(&text);
        assert!(changes.is_empty(), "{name}: {:?}", changes.first());
        assert_eq!(decoded, text);
    }
}
