//! The desk's editor, as plain Rust: a [`Session`](session::Session) holds what the extractor
//! read from an article and what the desk changed, checks every value against the vocabulary
//! the extractor and the map use, and exports the files the reader's page loads.
//!
//! ```text
//! article ─worker: extract─▶ Session ─edit, check─▶ Session ─export─▶ events.json, places.geojson
//!                                      └─timeline─▶ the preview (core's page routines)
//! ```
//!
//! The [`editor`] holds the desk's state and applies what the desk does to it ([`editor::Msg`]);
//! the [`view`] says what each part of the page shows, for components that only format. The
//! browser parts are the binaries: `newsmap-editor` (the page, a Leptos app) and
//! `newsmap-worker` (the extractor, off the main thread, speaking the [`protocol`]).

pub mod editor;
pub mod export;
pub mod fields;
pub mod protocol;
pub mod publish;
pub mod session;
pub mod view;

use serde::{Deserialize, Serialize};

/// The largest article the editor reads, in bytes: a long report is a few hundred KB; past
/// this it is a whole site's page, and the desk is better served by pasting the article alone.
pub const MAX_ARTICLE_BYTES: usize = 3 * 1024 * 1024;

/// Where the browser keeps the desk's session between visits.
pub const KEPT: &str = "newsmap-desk-session";
/// Where a kept session that could not be read is set aside, rather than overwritten.
pub const ASIDE: &str = "newsmap-desk-session-unreadable";

/// Why a pasted or dropped text cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "refusal", rename_all = "snake_case")]
pub enum Refusal {
    Empty,
    TooLarge { bytes: usize },
    NotText,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => f.write_str(
                "Paste an article (its HTML or its text) or drop a .html or .txt file first.",
            ),
            Refusal::TooLarge { bytes } => write!(
                f,
                "This page is {:.1} MB; the editor reads articles up to {} MB. Paste the article's text alone.",
                *bytes as f64 / 1_048_576.0,
                MAX_ARTICLE_BYTES / 1_048_576
            ),
            Refusal::NotText => f.write_str(
                "This file is not text (it looks like a binary file). Drop the article's .html or .txt.",
            ),
        }
    }
}

/// Why a pasted or dropped text cannot be read; `None` when it can.
pub fn refuse(text: &str) -> Option<Refusal> {
    if text.trim().is_empty() {
        return Some(Refusal::Empty);
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Some(Refusal::TooLarge { bytes: text.len() });
    }
    let sample: Vec<char> = text.chars().take(4096).collect();
    let odd = sample
        .iter()
        .filter(|c| **c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()))
        .count();
    if odd * 20 > sample.len() {
        return Some(Refusal::NotText);
    }
    None
}

/// The shipped data, for the tests of every module.
#[cfg(test)]
pub(crate) mod shipped {
    pub const ARTICLE: &str = include_str!("../../../assets/article.html");
    pub const PLACES: &str = include_str!("../../../assets/places.geojson");
    pub const EVENTS: &str = include_str!("../../../assets/events.json");
    pub const GAZETTEER: &str = include_str!("../../../assets/gazetteer.geojson");

    /// The places of the gazetteer, as the editor reads them in the browser.
    pub fn gazetteer() -> Vec<newsmap_core::model::Place> {
        let root: serde_json::Value = serde_json::from_str(GAZETTEER).unwrap();
        newsmap_core::data::read_gazetteer(&root).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_huge_and_binary_input_is_refused_with_a_reason() {
        assert!(
            refuse("  \n ")
                .unwrap()
                .to_string()
                .starts_with("Paste an article")
        );
        let huge = "a".repeat(MAX_ARTICLE_BYTES + 1);
        assert!(refuse(&huge).unwrap().to_string().contains("up to 3 MB"));
        let binary: String = (0..2000u32)
            .map(|i| char::from_u32(i % 32).unwrap_or('x'))
            .collect();
        assert!(refuse(&binary).unwrap().to_string().contains("not text"));
        assert_eq!(refuse("<p>Tripoli, 6 June: the GNA said…</p>"), None);
        assert_eq!(refuse("طرابلس\tسرت\n"), None, "Arabic and tabs are text");
    }
}
