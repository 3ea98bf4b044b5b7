//! The desk's editor, as plain Rust: a [`Session`](session::Session) holds what the extractor
//! read from an article and what the desk changed, checks every value against the vocabulary
//! the extractor and the map use, and exports the files the reader's page loads.
//!
//! ```text
//! article ─worker: extract─▶ Session ─edit, check─▶ Session ─export─▶ events.json, places.geojson
//!                                      └─timeline─▶ the preview (core's page routines)
//! ```
//!
//! The browser parts are the binaries: `newsmap-editor` (the page) and `newsmap-worker` (the
//! extractor, off the main thread).

pub mod export;
pub mod fields;
pub mod session;
pub mod view;
pub mod worker;

/// The largest article the editor reads, in bytes: a long report is a few hundred KB; past
/// this it is a whole site's page, and the desk is better served by pasting the article alone.
pub const MAX_ARTICLE_BYTES: usize = 3 * 1024 * 1024;

/// Why a pasted or dropped text cannot be read, in words for the desk; `None` when it can.
pub fn refuse(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(
            "Paste an article (its HTML or its text) or drop a .html or .txt file first.".into(),
        );
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Some(format!(
            "This page is {:.1} MB; the editor reads articles up to {} MB. Paste the article's text alone.",
            text.len() as f64 / 1_048_576.0,
            MAX_ARTICLE_BYTES / 1_048_576
        ));
    }
    let sample: Vec<char> = text.chars().take(4096).collect();
    let odd = sample
        .iter()
        .filter(|c| **c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
        .count();
    if odd * 20 > sample.len() {
        return Some("This file is not text (it looks like a binary file). Drop the article's .html or .txt.".into());
    }
    None
}

/// The shipped data, for the tests of every module.
#[cfg(test)]
pub(crate) mod shipped {
    pub const ARTICLE: &str = include_str!("../../../assets/article.html");
    pub const PLACES: &str = include_str!("../../../assets/places.geojson");
    pub const EVENTS: &str = include_str!("../../../assets/events.json");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_huge_and_binary_input_is_refused_with_a_reason() {
        assert!(refuse("  \n ").unwrap().starts_with("Paste an article"));
        let huge = "a".repeat(MAX_ARTICLE_BYTES + 1);
        assert!(refuse(&huge).unwrap().contains("up to 3 MB"));
        let binary: String = (0..2000u32)
            .map(|i| char::from_u32(i % 32).unwrap_or('x'))
            .collect();
        assert!(refuse(&binary).unwrap().contains("not text"));
        assert_eq!(refuse("<p>Tripoli, 6 June: the GNA said…</p>"), None);
        assert_eq!(refuse("طرابلس\tسرت\n"), None, "Arabic and tabs are text");
    }
}
