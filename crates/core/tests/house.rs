//! The house's rules that a reader checks by eye, checked here: the README's "Where things
//! are" table matches the tree (every folder of code has a row, every file of such a folder is
//! named in its row, every path the table gives exists), and no function runs past a screen.

#![allow(clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The words in backticks of a piece of text.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The table's rows: the paths of the first column, and the words quoted in the second.
fn rows() -> Vec<(Vec<String>, BTreeSet<String>)> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let (_, after) = readme
        .split_once("<!-- house -->")
        .expect("the <!-- house --> marker");
    after
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let paths = quoted(cells[1]).into_iter().map(str::to_owned).collect();
            let words = cells[2..]
                .iter()
                .flat_map(|c| quoted(c))
                .map(str::to_owned)
                .collect();
            (paths, words)
        })
        .collect()
}

/// The folders of the workspace that hold Rust files, relative to the root, with a `/`.
fn code_folders() -> BTreeSet<String> {
    fn walk(dir: &Path, root: &Path, out: &mut BTreeSet<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let rel = dir.strip_prefix(root).expect("under the root");
                out.insert(format!("{}/", rel.display()));
            }
        }
    }
    let root = root().canonicalize().expect("the root");
    let mut out = BTreeSet::new();
    walk(&root.join("src"), &root, &mut out);
    walk(&root.join("crates"), &root, &mut out);
    out
}

/// The names a row must give for a folder: its Rust files' stems, or every file of `scripts/`.
fn files_of(folder: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root().join(folder)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            match name.strip_suffix(".rs") {
                Some(stem) => Some(stem.to_owned()),
                None if folder == "scripts/" => Some(name),
                None => None,
            }
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_readme_says_where_things_are() {
    let rows = rows();
    assert!(rows.len() > 10, "the table has {} rows", rows.len());
    let listed: BTreeSet<String> = rows.iter().flat_map(|(p, _)| p.iter().cloned()).collect();
    for path in &listed {
        assert!(
            root().join(path).exists(),
            "the README names {path}, which does not exist"
        );
    }
    for folder in code_folders() {
        assert!(
            listed.contains(&folder),
            "{folder} holds code and has no row in the README's table"
        );
    }
    for (paths, words) in &rows {
        for folder in paths {
            for name in files_of(folder) {
                assert!(
                    words.contains(&name),
                    "the README's row for {folder} does not name `{name}`"
                );
            }
        }
    }
}

/// The longest a function may be, in lines: what one screen shows.
const MAX_FUNCTION_LINES: usize = 80;

/// The Rust files of the workspace.
fn rust_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for dir in ["src", "crates", "bench"] {
        walk(&root().join(dir), &mut out);
    }
    out
}

/// The functions of a file that run past the limit, with their lengths. rustfmt writes a
/// function's closing brace alone on a line, at the indentation of its `fn`: the function
/// runs from one to the other.
fn long_functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        let signature = code
            .split_once("fn ")
            .filter(|(before, _)| {
                before
                    .split_whitespace()
                    .all(|w| w.starts_with("pub") || ["const", "async", "unsafe"].contains(&w))
            })
            .map(|(_, after)| after);
        let Some(name) = signature.and_then(|s| s.split(['(', '<']).next()) else {
            continue;
        };
        let close = format!("{indent}}}");
        let end = lines[i..]
            .iter()
            .position(|l| *l == close || (l.trim_start().starts_with("fn ") && l.ends_with(';')));
        if let Some(n) = end.map(|n| n + 1)
            && n > MAX_FUNCTION_LINES
        {
            out.push((name.to_owned(), n));
        }
    }
    out
}

#[test]
fn every_function_fits_a_screen() {
    let files = rust_files();
    assert!(files.len() > 40, "the scan found the sources");
    let mut long = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (name, n) in long_functions(&text) {
            long.push(format!("{}: {name} ({n} lines)", path.display()));
        }
    }
    assert!(
        long.is_empty(),
        "functions longer than {MAX_FUNCTION_LINES} lines: {long:#?}"
    );
    let sample = format!(
        "fn long() {{\n{}}}\n",
        "    x();\n".repeat(MAX_FUNCTION_LINES)
    );
    assert_eq!(
        long_functions(&sample),
        [("long".to_owned(), MAX_FUNCTION_LINES + 2)]
    );
}
