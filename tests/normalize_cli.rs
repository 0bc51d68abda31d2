//! `nhiemvu normalize` end to end: standard input, raw legacy bytes,
//! tone style and the change list.

use std::io::Write;
use std::process::{Command, Stdio};

/// Run `nhiemvu normalize ARGS` with `input` on standard input.
fn run(args: &[&str], input: &[u8]) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("normalize")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("input written");
    let out = child.wait_with_output().expect("binary finishes");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn decodes_and_explains() {
    let input = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nỦy ban  nhân dân , X ây dựng hệ thông\n";
    let (out, err, code) = run(&["--explain", "--tone-style", "new"], input.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Cộng hoà xã hội chủ nghĩa Việt Nam\nUỷ ban nhân dân, Xây dựng hệ thông\n"
    );
    assert!(err.contains("1:1: changed"), "{err}");
    assert!(err.contains("TCVN3 legacy encoding decoded"), "{err}");
    assert!(err.contains("2:18: changed \"X ây\" -> \"Xây\""), "{err}");
    assert!(
        err.contains("warning \"hệ thông\" -> \"hệ thống\""),
        "{err}"
    );
}

#[test]
fn reads_raw_tcvn3_bytes() {
    let (out, _, code) = run(&[], b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c\n");
    assert_eq!(code, 0);
    assert_eq!(out, "Độc lập - Tự do - Hạnh phúc\n");
}

#[test]
fn rejects_unknown_tone_style() {
    let (_, _, code) = run(&["--tone-style", "sideways"], b"");
    assert_eq!(code, 2);
}
