//! The `nhiemvu` command.

/// mimalloc instead of the system allocator: reading a PDF and building
/// records makes millions of small strings, and glibc's malloc/free took
/// about a fifth of an `extract` of a long ruled table.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    without_huge_pages();
    std::process::exit(nhiemvu::cli::main());
}

/// Turn off transparent huge pages for this process. mimalloc asks the
/// kernel for huge pages on its heap; where the kernel serves them on
/// request (`madvise`, the Debian and Ubuntu default), every fault zeroes
/// and may first compact 2 MiB. For a run whose heap is tens of MiB that
/// was up to a quarter of an `extract` of a 200-page table (bench/pdf_bench.sh).
/// The flag is checked at each fault, so it covers the heap mimalloc
/// reserved before `main`.
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes
    // only this process's memory policy; a failure leaves the default.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
