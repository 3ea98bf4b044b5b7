#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Everything the extractor knows lives in its data files: every class of words in
//! `assets/lexicon.toml` is read by the rules, and no list of English words sits in the code.

use newsmap_extract::knowledge::Knowledge;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Every article the tests hold, from these folders.
fn articles() -> Vec<PathBuf> {
    let mut out = vec![root().join("assets/article.html")];
    for dir in ["tests/articles", "tests/real/dev", "tests/house-styles"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        files.sort();
        out.extend(files);
    }
    out
}

#[test]
fn every_class_of_words_in_the_lexicon_is_read() {
    for path in articles() {
        let html = std::fs::read_to_string(&path).unwrap();
        newsmap_extract::extract(&html);
    }
    let unread: Vec<String> = Knowledge::builtin()
        .classes()
        .into_iter()
        .filter(|(_, phrases)| !phrases.was_read())
        .map(|(name, _)| name)
        .collect();
    assert!(
        unread.is_empty(),
        "classes of assets/lexicon.toml that no rule read on any article: {unread:?} \
         (a class the code does not read is a promise the data cannot keep)"
    );
}

/// Lower-case one-word literals the extractor's code may hold: the function words of
/// `function_words.rs`, the names of the data's own fields and kinds, and the words of the
/// explanations it writes. A word that is none of these belongs in the lexicon.
const ALLOWED: &[&str] = &[
    // function_words.rs: the grammar of the rules.
    "the",
    "by",
    "of",
    "from",
    "to",
    "for",
    "with",
    "in",
    "at",
    "ly",
    "ing",
    "ed",
    "ss",
    "'s",
    "'",
    // The lexicon's sections and the gazetteer's kinds: names in the data's schema.
    "words",
    "grammar",
    "events",
    "ceasefire",
    "statement",
    "attribution",
    "uprising",
    "time",
    "text",
    "places",
    "verb",
    "takes",
    "moves",
    "falls",
    "expels",
    "town",
    "airport",
    "airbase",
    "district",
    "type",
    "day",
    "week",
    "month",
    "year",
    // Words of the explanations the extractor writes (`date_basis`).
    "past",
    "future",
];

/// Files whose literals are not English vocabulary: HTML element and attribute names, the
/// letters of English spelling rules (the one place verbs are inflected), the scorer's report
/// and the command lines.
fn scanned(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    !["document.rs", "morphology.rs", "eval.rs"].contains(&name.as_ref())
        && !path.components().any(|c| c.as_os_str() == "bin")
}

/// The code of a file before its tests, without comments.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The string literals of some code, in order.
fn literals(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            // A char literal ('"') or a lifetime: skip to its end.
            let mut n = 0;
            while let Some(&d) = chars.peek() {
                chars.next();
                n += 1;
                if d == '\'' || n > 3 || !(d.is_alphanumeric() || d == '\\' || d == '"') {
                    break;
                }
            }
            continue;
        }
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(d) = chars.next() {
            match d {
                '\\' => {
                    chars.next();
                }
                '"' => break,
                d => s.push(d),
            }
        }
        out.push(s);
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_list_of_words_sits_in_the_code() {
    let mut files = Vec::new();
    sources(&root().join("crates/extract/src"), &mut files);
    let is_word = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c == '\'' || c == ' ')
    };
    let mut words = Vec::new();
    for path in files.iter().filter(|p| scanned(p)) {
        let code = code_of(&std::fs::read_to_string(path).unwrap());
        for lit in literals(&code) {
            if is_word(&lit) && !lit.contains(' ') && !ALLOWED.contains(&lit.as_str()) {
                words.push(format!("{}: \"{lit}\"", path.display()));
            }
        }
        // A list of phrases: an array of two or more lower-case phrases in a row.
        let lists = code
            .split('[')
            .skip(1)
            .filter(|after| {
                let inside = after.split(']').next().unwrap_or_default();
                literals(inside)
                    .iter()
                    .filter(|l| is_word(l) && l.contains(' '))
                    .count()
                    >= 2
            })
            .count();
        assert_eq!(lists, 0, "{}: a list of phrases in code", path.display());
    }
    assert!(
        words.is_empty(),
        "English words in the extractor's code, which belong in assets/lexicon.toml: {words:#?}"
    );
    assert!(files.len() > 10, "the scan found the sources");
}
