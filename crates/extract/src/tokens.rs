//! Tokens: words, numbers and punctuation marks, each with its char range in the document
//! text and a normalised form (lower case, typographic apostrophes and dashes made plain,
//! accents dropped) for matching. The lowest layer of the extractor: what it knows is written
//! in tokens, and every sentence is read as tokens.

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

#[cfg(test)]
mod tests {
    use super::*;

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
