//! The `nhiemvu` command.

/// mimalloc instead of the system allocator: reading a PDF and building
/// records makes millions of small strings, and glibc's malloc/free took
/// about a fifth of an `extract` of a long ruled table.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(nhiemvu::cli::main());
}
