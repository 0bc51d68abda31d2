//! Fuzz target `pdf`: see `nhiemvu_fuzz::replay` for what it runs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    nhiemvu_fuzz::replay("pdf", data);
});
