//! Sentences and tokens.
//!
//! Sentences end at `.`, `!` or `?` (with any closing quotes or brackets) followed by a space
//! and a capital, a digit or an opening quote — except after a known abbreviation ("Gen.",
//! "U.N.") or a single initial — and at the end of every block. Tokens are words, numbers and
//! punctuation marks, each with its char range in the document text and a normalised form
//! (lower case, typographic apostrophes and dashes made plain, accents dropped) for matching.

use super::document::{Block, Document};
use super::knowledge::Knowledge;
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

fn fold(c: char) -> Option<char> {
    // Lower case first, so that "Ş" folds as "ş" does.
    let c = c.to_lowercase().next()?;
    Some(match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        // The dotted and hooked letters of transliterated Arabic names ("Şabrātah",
        // "Tājūrā’", "Ḩārat").
        'ş' | 'ṣ' | 'š' | 'ś' => 's',
        'ţ' | 'ṭ' => 't',
        'ḑ' | 'ḍ' | 'đ' => 'd',
        'ḩ' | 'ḥ' | 'ħ' => 'h',
        'ẓ' | 'ž' | 'ź' | 'ż' => 'z',
        'ğ' | 'ġ' => 'g',
        'ı' => 'i',
        'ý' | 'ÿ' => 'y',
        'ʿ' | 'ʾ' => '\'',
        // Arabic-Indic and Eastern Arabic-Indic digits read as the digits they are.
        '\u{0660}'..='\u{0669}' => digit_of(c, '\u{0660}')?,
        '\u{06F0}'..='\u{06F9}' => digit_of(c, '\u{06F0}')?,
        c => c,
    })
}

/// The ASCII digit of `c`, a digit of the script whose zero is `zero`.
fn digit_of(c: char, zero: char) -> Option<char> {
    let n = u32::from(c).checked_sub(u32::from(zero))?;
    char::from_digit(n, 10)
}

/// A digit of any script the text may write numbers in.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Tokenises `chars` (which start at char `offset` of the document).
pub fn tokenize(chars: &[char], offset: usize) -> Vec<Token> {
    let at = |i: usize| chars.get(i).copied();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            i = i.saturating_add(1);
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            // Letters and digits; "’s" and "'s" split off as their own token below.
            while at(i).is_some_and(char::is_alphanumeric) {
                i = i.saturating_add(1);
            }
            let all_digits = |from: usize, to: usize| {
                chars
                    .get(from..to)
                    .unwrap_or_default()
                    .iter()
                    .all(|c| is_digit(*c))
            };
            // Decimal numbers and thousands: 16:00 is split, 2,000 and 1.5 are kept.
            while at(i).is_some_and(|c| matches!(c, ',' | '.'))
                && at(i.saturating_add(1)).is_some_and(is_digit)
                && all_digits(start, i)
            {
                i = i.saturating_add(1);
                while at(i).is_some_and(is_digit) {
                    i = i.saturating_add(1);
                }
            }
            let numeric = chars
                .get(start..i)
                .unwrap_or_default()
                .iter()
                .all(|c| is_digit(*c) || *c == ',' || *c == '.');
            kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
        } else if matches!(c, '\'' | '’')
            && at(i.saturating_add(1)).is_some_and(|n| matches!(n, 's' | 'S'))
            && at(i.saturating_add(2)).is_none_or(|n| !n.is_alphanumeric())
            && i.checked_sub(1)
                .and_then(at)
                .is_some_and(char::is_alphanumeric)
        {
            i = i.saturating_add(2);
            kind = TokenKind::Word;
        } else {
            i = i.saturating_add(1);
            kind = TokenKind::Punct;
        }
        let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
        let norm: String = text.chars().filter_map(fold).collect();
        tokens.push(Token {
            text,
            norm,
            kind,
            start: offset.saturating_add(start),
            end: offset.saturating_add(i),
        });
    }
    tokens
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
