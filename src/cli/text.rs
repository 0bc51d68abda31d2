//! `nhiemvu text FILE.pdf... [--layout]`: the normalized text of a document.

use super::{for_each_input, read_input};
use crate::error::Error;
use crate::source_doc::Block;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// Input files (PDF or text).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Keep the page layout: columns aligned with spaces, pages separated
    /// by form feeds (PDF only).
    #[arg(long)]
    layout: bool,
}

/// Run `nhiemvu text`.
pub fn run(args: TextArgs) -> i32 {
    for_each_input(&args.inputs, |input| {
        let text = if args.layout {
            layout_text(input)
        } else {
            read_input(input, &crate::limits::Limits::default())
                .map(|doc| reading_order_text(&doc.blocks))
        }?;
        // A closed pipe (`| head`) ends the output quietly, not in a panic.
        use std::io::Write;
        let _ = std::io::stdout().lock().write_all(text.as_bytes());
        Ok(())
    })
}

/// Lines as they are; table rows as cells separated by ` | ` (line breaks
/// inside a cell become spaces).
pub fn reading_order_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Line(l) => {
                out.push_str(&l.text);
                out.push('\n');
            }
            Block::Table(t) => {
                for row in &t.rows {
                    let cells: Vec<String> = row
                        .cells
                        .iter()
                        .map(|c| c.text.replace('\n', " "))
                        .collect();
                    out.push_str(&cells.join(" | "));
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn layout_text(input: &Path) -> Result<String, Error> {
    let bytes = crate::pipeline::read_input(input, &crate::limits::Limits::default())?;
    let file = crate::pdf::load(input, &bytes)?;
    let mut out = String::new();
    for page in &file.pages {
        if page.number > 1 {
            out.push('\u{0C}');
        }
        let (use_text, warning) = crate::layout::check_text_layer(page);
        if let Some(w) = warning {
            eprintln!("warning: {}: {}", input.display(), w.message);
        }
        if use_text {
            out.push_str(&crate::layout::page_layout_text(page));
        }
    }
    Ok(out)
}
