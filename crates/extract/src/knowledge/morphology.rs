//! English verb inflection, in one place: the lexicon lists a verb once by its lemma
//! ("seize") and the rules ask for every form it takes in a text ("seizes", "seized",
//! "seizing"). Regular forms follow the spelling rules below; irregular pasts and verbs that
//! double their last consonant come from the lexicon's `[morphology]` table.
//!
//! ```
//! use newsmap_extract::knowledge::morphology::Morphology;
//! let m = Morphology::new(&[("take".into(), vec!["took".into(), "taken".into()])], &["expel".into()]);
//! assert_eq!(m.forms("seize"), ["seize", "seizes", "seized", "seizing"]);
//! assert_eq!(m.forms("take"), ["take", "takes", "took", "taken", "taking"]);
//! assert_eq!(m.forms("expel"), ["expel", "expels", "expelled", "expelling"]);
//! assert_eq!(m.forms("call for"), ["call for", "calls for", "called for", "calling for"]);
//! ```

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How the lexicon's verbs are inflected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Morphology {
    /// Lemma → its irregular past and past participle (one form when they are the same).
    irregular: HashMap<String, Vec<String>>,
    /// Lemmas of more than one syllable that double their last consonant ("expel").
    doubling: HashSet<String>,
}

const VOWELS: &str = "aeiou";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

impl Morphology {
    pub fn new(irregular: &[(String, Vec<String>)], doubling: &[String]) -> Morphology {
        Morphology {
            irregular: irregular.iter().cloned().collect(),
            doubling: doubling.iter().cloned().collect(),
        }
    }

    /// Every form of a verb: the lemma, the third person, the past (and participle), the
    /// present participle. A phrase ("call for", "take effect") inflects its first word.
    pub fn forms(&self, lemma: &str) -> Vec<String> {
        let (verb, rest) = match lemma.split_once(' ') {
            Some((v, r)) => (v, format!(" {r}")),
            None => (lemma, String::new()),
        };
        let mut forms = vec![verb.to_owned(), third_person(verb)];
        match self.irregular.get(verb) {
            Some(pasts) => forms.extend(pasts.iter().cloned()),
            None => forms.push(self.past(verb)),
        }
        forms.push(self.participle(verb));
        let mut out: Vec<String> = Vec::with_capacity(forms.len());
        for f in forms {
            let f = format!("{f}{rest}");
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// Whether the last consonant doubles before "-ed"/"-ing": a verb the lexicon lists, or
    /// one syllable ending consonant–vowel–consonant ("hit", "plan"; not "shell", "raid").
    fn doubles(&self, verb: &str) -> bool {
        if self.doubling.contains(verb) {
            return true;
        }
        let chars: Vec<char> = verb.chars().collect();
        let syllables = chars
            .iter()
            .zip(chars.iter().skip(1).map(Some).chain([None]))
            .filter(|(c, next)| is_vowel(**c) && !next.is_some_and(|n| is_vowel(*n)))
            .count();
        match chars.as_slice() {
            [.., a, b, c] => {
                syllables == 1
                    && !is_vowel(*a)
                    && is_vowel(*b)
                    && !is_vowel(*c)
                    && !"wxy".contains(*c)
            }
            _ => false,
        }
    }

    fn past(&self, verb: &str) -> String {
        if verb.ends_with('e') {
            format!("{verb}d")
        } else if let Some(stem) = consonant_y(verb) {
            format!("{stem}ied")
        } else if self.doubles(verb) {
            format!("{verb}{}ed", last_char(verb))
        } else {
            format!("{verb}ed")
        }
    }

    fn participle(&self, verb: &str) -> String {
        if let Some(stem) = verb.strip_suffix("ie") {
            format!("{stem}ying")
        } else if verb.ends_with('e') && !verb.ends_with("ee") && !verb.ends_with("ye") {
            format!("{}ing", verb.trim_end_matches('e'))
        } else if self.doubles(verb) {
            format!("{verb}{}ing", last_char(verb))
        } else {
            format!("{verb}ing")
        }
    }
}

fn last_char(s: &str) -> char {
    s.chars().last().unwrap_or_default()
}

/// "deny" → "den": a final "y" after a consonant.
fn consonant_y(verb: &str) -> Option<&str> {
    let stem = verb.strip_suffix('y')?;
    stem.chars()
        .last()
        .is_some_and(|c| !is_vowel(c))
        .then_some(stem)
}

fn third_person(verb: &str) -> String {
    if let Some(stem) = consonant_y(verb) {
        format!("{stem}ies")
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|end| verb.ends_with(end))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_spelling_rules() {
        let m = Morphology::default();
        assert_eq!(m.forms("push"), ["push", "pushes", "pushed", "pushing"]);
        assert_eq!(m.forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(m.forms("plan"), ["plan", "plans", "planned", "planning"]);
        assert_eq!(m.forms("shell"), ["shell", "shells", "shelled", "shelling"]);
        assert_eq!(m.forms("raid"), ["raid", "raids", "raided", "raiding"]);
        assert_eq!(
            m.forms("target"),
            ["target", "targets", "targeted", "targeting"]
        );
        assert_eq!(m.forms("flee"), ["flee", "flees", "fleed", "fleeing"]);
        assert_eq!(m.forms("stay"), ["stay", "stays", "stayed", "staying"]);
        assert_eq!(m.forms("tie"), ["tie", "ties", "tied", "tying"]);
    }
}
