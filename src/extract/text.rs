//! Sentences and tokens.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes or brackets) followed by a space
//! and a capital, a digit or an opening quote — except after a known abbreviation ("Gen.",
//! "U.N.") or a single initial — and at the end of every block. Tokens are words, numbers and
//! punctuation marks, each with its char range in the document text and a normalised form
//! (lower case, typographic apostrophes and dashes made plain, accents dropped) for matching.

use super::document::{Block, Document};
use crate::model::Evidence;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// As written.
    pub text: String,
    /// Lower case, ASCII-folded: `’s` becomes `'s`, `Kadhafi` stays `kadhafi`.
    pub norm: String,
    pub kind: TokenKind,
    /// Char range in the document text.
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn is(&self, norm: &str) -> bool {
        self.norm == norm
    }

    pub fn is_any(&self, norms: &[&str]) -> bool {
        norms.contains(&self.norm.as_str())
    }

    /// Starts with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

const ABBREVIATIONS: [&str; 40] = [
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "brig", "capt", "cpt", "sgt", "st", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
    "approx", "prof", "sen", "rep", "gov", "pres", "adm", "cmdr", "sr", "jr", "mt", "ft", "est",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Whether the word before a period (chars of the block up to the period) is an abbreviation
/// or an initial, after which a period does not end a sentence.
fn abbreviation_before(chars: &[char], period: usize) -> bool {
    // Abbreviations are short: look back at most 12 chars (keeps splitting linear).
    let mut i = period;
    while i > 0 && period - i < 12 && (chars[i - 1].is_alphabetic() || chars[i - 1] == '.') {
        i -= 1;
    }
    let word: String = chars[i..period].iter().collect::<String>().to_lowercase();
    if word.contains('.') {
        return true; // "U.N." / "U.S."
    }
    let single_initial = word.chars().count() == 1 && chars[i].is_uppercase();
    // "No. 5" abbreviates; "said no." ends a sentence.
    let next_is_digit = chars[period + 1..]
        .iter()
        .find(|c| !c.is_whitespace())
        .is_some_and(char::is_ascii_digit);
    let abbreviation = ABBREVIATIONS.contains(&word.as_str()) && (word != "no" || next_is_digit);
    single_initial || abbreviation
}

/// Splits one block into sentence ranges (char offsets within the block).
fn split_block(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut end = i + 1;
            while end < chars.len()
                && (is_closing(chars[end]) || matches!(chars[end], '.' | '!' | '?'))
            {
                end += 1;
            }
            let next = chars[end..]
                .iter()
                .position(|c| !c.is_whitespace())
                .map(|p| end + p);
            let boundary = match next {
                None => true,
                Some(n) => {
                    end < chars.len()
                        && chars[end].is_whitespace()
                        && (chars[n].is_uppercase()
                            || chars[n].is_ascii_digit()
                            || is_opening(chars[n]))
                        && !(c == '.' && abbreviation_before(chars, i))
                }
            };
            if boundary {
                out.push((start, end));
                start = next.unwrap_or(chars.len());
                i = start;
                continue;
            }
        }
        i += 1;
    }
    if start < chars.len() {
        let rest: String = chars[start..].iter().collect();
        if !rest.trim().is_empty() {
            out.push((start, start + rest.trim_end().chars().count()));
        }
    }
    out
}

fn fold(c: char) -> Option<char> {
    Some(match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => return c.to_lowercase().next(),
    })
}

/// Tokenises `chars` (which start at char `offset` of the document).
pub fn tokenize(chars: &[char], offset: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    let word_char = |c: char| c.is_alphanumeric();
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if word_char(c) {
            // Letters and digits; "’s" and "'s" split off as their own token below.
            while i < chars.len() && word_char(chars[i]) {
                i += 1;
            }
            // Decimal numbers and thousands: 16:00 is split, 2,000 and 1.5 are kept.
            while i + 1 < chars.len()
                && matches!(chars[i], ',' | '.')
                && chars[i + 1].is_ascii_digit()
                && chars[start..i].iter().all(|c| c.is_ascii_digit())
            {
                i += 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
            }
            kind = if chars[start..i]
                .iter()
                .all(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if matches!(c, '\'' | '’')
            && i + 1 < chars.len()
            && matches!(chars[i + 1], 's' | 'S')
            && chars.get(i + 2).is_none_or(|n| !n.is_alphanumeric())
            && i > 0
            && chars[i - 1].is_alphanumeric()
        {
            i += 2;
            kind = TokenKind::Word;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let text: String = chars[start..i].iter().collect();
        let norm: String = text.chars().filter_map(fold).collect();
        tokens.push(Token {
            text,
            norm,
            kind,
            start: offset + start,
            end: offset + i,
        });
    }
    tokens
}

/// Splits every block of the document into tokenised sentences.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
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
        let chars = &all[*start..*end];
        for (s, e) in split_block(chars) {
            out.push(Sentence {
                start: start + s,
                end: start + e,
                block: index,
                evidence: *evidence,
                tokens: tokenize(&chars[s..e], start + s),
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
        split_block(&chars)
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

    #[test]
    fn tokens_carry_offsets_and_normal_forms() {
        let text = "Haftar’s 14-month offensive, at 16:00 GMT; 2,000 fighters in Sirte.";
        let chars: Vec<char> = text.chars().collect();
        let t = tokenize(&chars, 100);
        let norms: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "haftar",
                "'s",
                "14",
                "-",
                "month",
                "offensive",
                ",",
                "at",
                "16",
                ":",
                "00",
                "gmt",
                ";",
                "2,000",
                "fighters",
                "in",
                "sirte",
                "."
            ]
        );
        assert_eq!(t[0].start, 100);
        assert_eq!(t[1].text, "’s");
        assert_eq!(t[2].kind, TokenKind::Number);
        let sirte = &t[16];
        assert_eq!(
            chars[sirte.start - 100..sirte.end - 100]
                .iter()
                .collect::<String>(),
            "Sirte"
        );
    }

    #[test]
    fn accents_fold_for_matching() {
        let chars: Vec<char> = "Misrāta Benghazí".chars().collect();
        let t = tokenize(&chars, 0);
        assert_eq!(t[0].norm, "misrata");
        assert_eq!(t[1].norm, "benghazi");
    }
}
