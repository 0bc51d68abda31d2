//! Splitting an input list into N deterministic slices with no coordinator.

use sha2::{Digest, Sha256};
use std::path::Path;

/// The K-th (1-based) of N slices of the inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which slice, 1 to `count`.
    pub index: u64,
    /// How many slices.
    pub count: u64,
}

impl Shard {
    /// Whether `path` belongs to this slice: the first 8 bytes of the
    /// SHA-256 of the path as written, modulo N, equal K − 1. The same path
    /// string lands in the same slice on every machine and every run.
    pub fn contains(&self, path: &Path) -> bool {
        let digest = Sha256::digest(path.to_string_lossy().as_bytes());
        let mut head = [0u8; 8];
        head.copy_from_slice(&digest[..8]);
        u64::from_be_bytes(head) % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// Parse `K/N` with 1 ≤ K ≤ N.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("expected K/N with 1 <= K <= N (e.g. 2/8), got {s:?}");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_paths() {
        let paths: Vec<String> = (0..200).map(|i| format!("archive/{i}.pdf")).collect();
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for p in &paths {
            let owners = shards.iter().filter(|s| s.contains(Path::new(p))).count();
            assert_eq!(owners, 1, "{p}");
        }
        let first = paths
            .iter()
            .filter(|p| shards[0].contains(Path::new(p)))
            .count();
        assert!((40..=95).contains(&first), "uneven split: {first}");
    }

    #[test]
    fn shard_syntax_is_checked() {
        assert_eq!("2/8".parse(), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
