//! Sentences: they end at `.`, `!` or `?` (with any closing quotes or brackets) followed by a
//! space and a capital, a digit or an opening quote — except after a known abbreviation
//! ("Gen.", "U.N.") or a single initial — and at the end of every block. Each is tokenised
//! ([`tokens`](crate::tokens)).

use super::document::{Block, Document};
use super::knowledge::Knowledge;
use super::tokens::{Token, tokenize};
use newsmap_core::model::Evidence;

/// A sentence of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Char range in the document text.
    pub start: usize,
    pub end: usize,
    /// Index of the block it belongs to.
    pub block: usize,
    pub evidence: Evidence,
    pub tokens: Vec<Token>,
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Whether the word before a period (chars of the block up to the period) is an abbreviation
/// or an initial, after which a period does not end a sentence.
fn abbreviation_before(k: &Knowledge, chars: &[char], period: usize) -> bool {
    // Abbreviations are short: look back at most 12 chars (keeps splitting linear).
    let at = |i: usize| chars.get(i).copied();
    let mut i = period;
    while let Some(p) = i.checked_sub(1) {
        if period.saturating_sub(i) >= 12 || !at(p).is_some_and(|c| c.is_alphabetic() || c == '.') {
            break;
        }
        i = p;
    }
    let word: String = chars
        .get(i..period)
        .unwrap_or_default()
        .iter()
        .collect::<String>()
        .to_lowercase();
    if word.contains('.') {
        return true; // "U.N." / "U.S."
    }
    let single_initial = word.chars().count() == 1 && at(i).is_some_and(char::is_uppercase);
    // "No. 5" abbreviates; "said no." ends a sentence.
    let next_is_digit = chars
        .get(period.saturating_add(1)..)
        .unwrap_or_default()
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(char::is_ascii_digit);
    // "No. 5" abbreviates; "said no." ends a sentence: an abbreviation that is a word too
    // needs a number after it.
    let is_word_too = k.words.denial.has_norm(&word);
    let abbreviation = k.text.abbreviations.has_norm(&word) && (!is_word_too || next_is_digit);
    single_initial || abbreviation
}

/// Splits one block into sentence ranges (char offsets within the block).
fn split_block(k: &Knowledge, chars: &[char]) -> Vec<(usize, usize)> {
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = at(i) {
        if matches!(c, '.' | '!' | '?') {
            let mut end = i.saturating_add(1);
            while at(end).is_some_and(|e| is_closing(e) || matches!(e, '.' | '!' | '?')) {
                end = end.saturating_add(1);
            }
            let next = chars
                .get(end..)
                .unwrap_or_default()
                .iter()
                .position(|c| !c.is_whitespace())
                .map(|p| end.saturating_add(p));
            let boundary = match next.and_then(at) {
                None => true,
                Some(n) => {
                    at(end).is_some_and(char::is_whitespace)
                        && (n.is_uppercase() || n.is_ascii_digit() || is_opening(n))
                        && !(c == '.' && abbreviation_before(k, chars, i))
                }
            };
            if boundary {
                out.push((start, end));
                start = next.unwrap_or(chars.len());
                i = start;
                continue;
            }
        }
        i = i.saturating_add(1);
    }
    if let Some(rest) = chars.get(start..)
        && rest.iter().any(|c| !c.is_whitespace())
    {
        let trailing = rest.iter().rev().take_while(|c| c.is_whitespace()).count();
        out.push((start, chars.len().saturating_sub(trailing)));
    }
    out
}

/// Splits every block of the document into tokenised sentences.
pub fn sentences(k: &Knowledge, doc: &Document) -> Vec<Sentence> {
    let all: Vec<char> = doc.text.chars().collect();
    let mut out = Vec::new();
    for (
        index,
        Block {
            start,
            end,
            evidence,
        },
    ) in doc.blocks.iter().enumerate()
    {
        let chars = all.get(*start..*end).unwrap_or_default();
        for (s, e) in split_block(k, chars) {
            out.push(Sentence {
                start: start.saturating_add(s),
                end: start.saturating_add(e),
                block: index,
                evidence: *evidence,
                tokens: tokenize(chars.get(s..e).unwrap_or_default(), start.saturating_add(s)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        split_block(Knowledge::builtin(), &chars)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        assert_eq!(split("One two. Three four."), ["One two.", "Three four."]);
        assert_eq!(
            split("“The air force struck,” he said. Gen. Haftar left. The U.N. envoy came."),
            [
                "“The air force struck,” he said.",
                "Gen. Haftar left.",
                "The U.N. envoy came."
            ]
        );
        assert_eq!(
            split("He said “no.” Then left"),
            ["He said “no.”", "Then left"]
        );
        assert_eq!(
            split("Costs rose 1.5 percent. Next."),
            ["Costs rose 1.5 percent.", "Next."]
        );
        assert_eq!(
            split("Mikhail A. Bogdanov spoke."),
            ["Mikhail A. Bogdanov spoke."]
        );
        assert_eq!(split("No final stop"), ["No final stop"]);
        assert_eq!(
            split("e.g. lower case follows. Yes"),
            ["e.g. lower case follows.", "Yes"]
        );
    }
}
