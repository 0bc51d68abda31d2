//! Output names for inputs that never collide.

use super::Input;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Name each `(path, relative name)` pair's output after its relative name
/// without extension; where two would share an output (`plan.pdf` beside
/// `plan.txt`), both keep their extension (`plan.pdf`), and failing that
/// they are named after their full path (`x__plan.pdf`).
pub fn unique_output_names(found: Vec<(PathBuf, PathBuf)>) -> Vec<Input> {
    let stem_name = |rel: &Path| rel.with_extension("");
    let mut counts: HashMap<PathBuf, usize> = HashMap::new();
    for (_, rel) in &found {
        *counts.entry(stem_name(rel)).or_default() += 1;
    }
    let mut named: Vec<Input> = found
        .into_iter()
        .map(|(path, rel)| {
            let out_name = if counts[&stem_name(&rel)] > 1 {
                rel
            } else {
                stem_name(&rel)
            };
            Input { path, out_name }
        })
        .collect();
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for input in &named {
        *seen.entry(input.out_name.clone()).or_default() += 1;
    }
    for input in &mut named {
        if seen[&input.out_name] > 1 {
            let flat: String = input
                .path
                .components()
                .filter_map(|c| match c {
                    Component::Normal(s) => s.to_str(),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("__");
            input.out_name = PathBuf::from(flat);
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[(&str, &str)]) -> Vec<String> {
        let found = found
            .iter()
            .map(|(p, r)| (PathBuf::from(p), PathBuf::from(r)))
            .collect();
        unique_output_names(found)
            .into_iter()
            .map(|i| i.out_name.display().to_string())
            .collect()
    }

    #[test]
    fn output_names_never_collide() {
        assert_eq!(
            names(&[("d/a.txt", "a.txt"), ("d/b.txt", "b.txt")]),
            ["a", "b"]
        );
        assert_eq!(
            names(&[("d/plan.pdf", "plan.pdf"), ("d/plan.txt", "plan.txt")]),
            ["plan.pdf", "plan.txt"]
        );
        assert_eq!(names(&[("d/sub/a.txt", "sub/a.txt")]), ["sub/a"]);
        assert_eq!(
            names(&[("x/a.txt", "a.txt"), ("y/a.txt", "a.txt")]),
            ["x__a.txt", "y__a.txt"]
        );
    }
}
