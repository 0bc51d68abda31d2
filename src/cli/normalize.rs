//! `nhiemvu normalize [FILE|-] [--tone-style old|new] [--explain]`: print
//! a text normalized (legacy encodings decoded, Unicode cleaned, kerning
//! splits merged); `--explain` lists every change on standard error.

use super::{EXIT_OK, EXIT_SOME_FAILED};
use crate::normalize::{byte_char, normalize_text, ChangeKind, ToneStyle};
use clap::Args;
use std::io::{Read, Write};
use std::path::PathBuf;

/// Arguments of `nhiemvu normalize`.
#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Text file to normalize; `-` or nothing reads standard input. Input
    /// that is not UTF-8 is read as single-byte legacy text.
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Rewrite tone marks in one style (old: hòa, thủy; new: hoà, thuỷ).
    /// Without it the document's own spelling is kept.
    #[arg(long, value_name = "old|new")]
    tone_style: Option<ToneStyle>,
    /// List each change (line:column, before, after, why) on standard error.
    #[arg(long)]
    explain: bool,
}

/// Read the input bytes from a file or standard input.
fn read_input(input: &PathBuf) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if input.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(input)?;
    }
    Ok(bytes)
}

/// Run `nhiemvu normalize`.
pub fn run(args: NormalizeArgs) -> i32 {
    let bytes = match read_input(&args.input) {
        Ok(b) => b,
        Err(err) => {
            eprintln!("nhiemvu: {}: {err}", args.input.display());
            return EXIT_SOME_FAILED;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(err) => {
            if args.explain {
                eprintln!("note: input is not UTF-8; read as single-byte legacy text");
            }
            err.as_bytes().iter().map(|&b| byte_char(b)).collect()
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let (out, changes) = normalize_text(text, args.tone_style);
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return EXIT_SOME_FAILED;
    }
    if args.explain {
        let mut stderr = std::io::stderr().lock();
        for change in &changes {
            let _ = writeln!(stderr, "{change}");
        }
        let warnings = changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Warning)
            .count();
        let _ = writeln!(
            stderr,
            "{} changes, {warnings} warnings",
            changes.len() - warnings
        );
    }
    EXIT_OK
}
