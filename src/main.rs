//! The `nhiemvu` command.

fn main() {
    std::process::exit(nhiemvu::cli::main());
}
