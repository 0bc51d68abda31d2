//! nhiemvu: Vietnamese government documents → structured task records.
//!
//! The pipeline has one module per stage:
//! front ends ([`text`]; [`pdf`] with [`layout`] and, for scans, [`ocr`]; [`docx`]) turn an input into a [`source_doc::SourceDoc`],
//! [`normalize`] cleans Vietnamese text, [`extract`] rebuilds task records
//! ([`model`]), and [`output`] writes them; [`review`] draws them for a person
//! to check. [`batch`] runs many inputs and
//! [`cli`] is the command line.

#![warn(missing_docs)]

pub mod batch;
pub mod cli;
pub mod compare;
pub mod docx;
pub mod error;
pub mod extract;
pub mod layout;
pub mod limits;
pub mod load;
pub mod model;
pub mod normalize;
pub mod ocr;
pub mod output;
pub mod pdf;
pub mod pipeline;
pub mod review;
pub mod source_doc;
pub mod text;
