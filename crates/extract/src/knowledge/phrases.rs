//! Phrases to look for in a sentence, found by their first word, and the word classes of the
//! lexicon built from them.
//!
//! Every list of [`Phrases`] remembers whether a rule has ever asked it anything
//! ([`Phrases::was_read`]): a test reads every article and fails when a class of the lexicon
//! is never consulted, so a table cannot sit in the data while the code keeps its own list.

use super::super::tokens::{Token, tokenize};
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// A sequence of normalised words to match ("control of" → `["control", "of"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase(pub Vec<String>);

impl Phrase {
    pub fn new(text: &str) -> Phrase {
        let chars: Vec<char> = text.chars().collect();
        Phrase(
            tokenize(&chars, 0)
                .into_iter()
                .filter(|t| t.norm != "-")
                .map(|t| t.norm)
                .collect(),
        )
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The number of tokens of `tokens` from `at` that this phrase covers, skipping hyphens
    /// inside it ("al-Watiya" matches "al watiya"); `None` when it does not match there.
    pub fn matches(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let mut k = at;
        for (n, word) in self.0.iter().enumerate() {
            if n > 0 {
                while tokens.get(k).is_some_and(|t| t.is("-")) {
                    k = k.saturating_add(1);
                }
            }
            if !tokens.get(k)?.is(word) {
                return None;
            }
            k = k.saturating_add(1);
        }
        Some(k.saturating_sub(at))
    }
}

/// A list of phrases, any of which may match, found by their first word.
#[derive(Debug, Default)]
pub struct Phrases {
    /// By first word, longest first.
    by_first: HashMap<String, Vec<Phrase>>,
    /// Whether the empty phrase is one of them (it matches anywhere, covering nothing).
    empty: bool,
    /// Whether any rule has asked this list anything.
    read: AtomicBool,
}

impl Clone for Phrases {
    fn clone(&self) -> Phrases {
        Phrases {
            by_first: self.by_first.clone(),
            empty: self.empty,
            read: AtomicBool::new(self.was_read()),
        }
    }
}

impl PartialEq for Phrases {
    fn eq(&self, other: &Phrases) -> bool {
        self.by_first == other.by_first && self.empty == other.empty
    }
}

impl Phrases {
    pub fn new<S: AsRef<str>>(list: &[S]) -> Phrases {
        let mut out = Phrases::default();
        for p in list.iter().map(|s| Phrase::new(s.as_ref())) {
            match p.0.first() {
                Some(first) => {
                    let entry = out.by_first.entry(first.clone()).or_default();
                    if !entry.contains(&p) {
                        entry.push(p);
                    }
                }
                None => out.empty = true,
            }
        }
        for list in out.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        out
    }

    fn mark(&self) {
        if !self.read.load(Ordering::Relaxed) {
            self.read.store(true, Ordering::Relaxed);
        }
    }

    /// Whether a rule has asked this list anything since it was read.
    pub fn was_read(&self) -> bool {
        self.read.load(Ordering::Relaxed)
    }

    /// The longest phrase matching at `at`: how many tokens it covers.
    pub fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        self.mark();
        tokens
            .get(at)
            .and_then(|t| self.by_first.get(&t.norm))
            .and_then(|list| list.iter().find_map(|p| p.matches(tokens, at)))
            .or(self.empty.then_some(0))
    }

    /// Whether one of the phrases ends right before token `at` (ends at `at - 1`).
    pub fn ends_before(&self, tokens: &[Token], at: usize) -> bool {
        self.mark();
        self.by_first.values().flatten().any(|p| {
            at.checked_sub(p.len())
                .is_some_and(|start| p.matches(tokens, start) == Some(p.len()))
        })
    }

    /// Whether a token is one of the single-word phrases.
    pub fn has_word(&self, t: &Token) -> bool {
        self.has_norm(&t.norm)
    }

    /// Whether a normalised word is one of the single-word phrases.
    pub fn has_norm(&self, norm: &str) -> bool {
        self.mark();
        self.by_first
            .get(norm)
            .is_some_and(|list| list.iter().any(|p| p.len() == 1))
    }

    /// Whether token `i` of `tokens` is one of the single-word phrases.
    pub fn at(&self, tokens: &[Token], i: usize) -> bool {
        tokens.get(i).is_some_and(|t| self.has_word(t))
    }

    /// The first position in `tokens[from..to]` where a (non-empty) phrase matches.
    pub fn find_in(&self, tokens: &[Token], from: usize, to: usize) -> Option<usize> {
        self.mark();
        (from..to.min(tokens.len())).find(|&k| {
            tokens
                .get(k)
                .and_then(|t| self.by_first.get(&t.norm))
                .is_some_and(|list| list.iter().any(|p| p.matches(tokens, k).is_some()))
        })
    }
}
