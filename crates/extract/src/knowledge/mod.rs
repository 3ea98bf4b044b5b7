//! What the extractor knows of the world, read from two files a desk can extend without
//! touching code: `lexicon.toml` (the actors' names, the words that signal events, the small
//! words that change a sentence's meaning, the calendar's words, how verbs inflect) and
//! `gazetteer.geojson` (places: ids, spellings, coordinates, facilities and the towns they
//! belong to). Every word the rules read comes from these files.
//!
//! [`Knowledge::builtin`] is the copy shipped in `assets/`; [`Knowledge::parse`] reads any
//! other, with errors that name the file, the entry and what to fix.
//!
//! ```
//! use newsmap_extract::knowledge::{Knowledge, LEXICON_TOML};
//! let k = Knowledge::builtin();
//! assert!(k.place("bani_walid").is_some());
//! let lexicon = format!("{LEXICON_TOML}\n[[verb]]\nkind = \"capture\"\nframe = \"grabs\"\nlemmas = [\"grab\"]");
//! let broken = Knowledge::parse(&lexicon, r#"{"type": "FeatureCollection", "features": []}"#);
//! assert!(broken.err().ok_or("accepted")?.to_string().contains("frame \"grabs\""));
//! # Ok::<(), &str>(())
//! ```

pub mod gazetteer;
pub mod lexicon;
pub mod morphology;
pub mod phrases;

use super::tokens::{Token, TokenKind, tokenize};
pub use gazetteer::{KnownPlace, PlaceKind, Spelling};
use lexicon::{
    AttributionWords, Calendar, CeasefireWords, EventWords, Grammar, MorphologyEntry, PlaceWords,
    SectionEntry, StatementWords, TextWords, TimeWords, UprisingWords, Words,
};
use morphology::Morphology;
use newsmap_core::model::{Actor, EventKind};
pub use phrases::{Phrase, Phrases};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// The shipped vocabulary and gazetteer.
pub const LEXICON_TOML: &str = include_str!("../../../../assets/lexicon.toml");
pub const GAZETTEER_GEOJSON: &str = include_str!("../../../../assets/gazetteer.geojson");

/// A problem in a knowledge file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeError {
    pub file: &'static str,
    pub problem: String,
}

impl fmt::Display for KnowledgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for KnowledgeError {}

/// How a trigger finds its roles (see `lexicon.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    Takes,
    Moves,
    Falls,
    Expels,
}

/// A verb that signals an event.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbRule {
    pub kind: EventKind,
    pub frame: Frame,
    /// Every form of its verbs.
    pub forms: Vec<String>,
    /// Words between the verb and its object ("control of"); `Phrase` empty for none.
    pub then: Phrases,
    pub preps: Phrases,
    /// Words one of which must stand in the sentence ("drones" for "struck").
    pub needs: Vec<String>,
    pub confidence: f64,
}

/// A noun (of one or more words) that signals an event.
#[derive(Debug, Clone, PartialEq)]
pub struct NounRule {
    pub kind: EventKind,
    pub forms: Phrases,
    pub preps: Phrases,
    pub needs: Vec<String>,
    pub confidence: f64,
}

/// What a name refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Actor(Actor),
    /// An index into [`Knowledge::places`].
    Place(usize),
}

/// A name to look for: its words, whether a word of it must be capitalised in the text (the
/// first, or the one after an Arabic article: "al-Ajaylat"), and what it names.
#[derive(Debug, Clone)]
struct Name {
    phrase: Phrase,
    capital: bool,
    referent: Referent,
}

/// Everything the extractor knows.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub places: Vec<KnownPlace>,
    /// Actors that are parties to the fighting: their word is a claim.
    pub parties: Vec<Actor>,
    pub verbs: Vec<VerbRule>,
    pub nouns: Vec<NounRule>,
    pub words: Words,
    pub grammar: Grammar,
    pub events: EventWords,
    pub ceasefire: CeasefireWords,
    pub statement: StatementWords,
    pub attribution: AttributionWords,
    pub uprising: UprisingWords,
    pub time: TimeWords,
    pub calendar: Calendar,
    pub text: TextWords,
    pub place_words: PlaceWords,
    pub spelling: Spelling,
    /// Places by the key of their names' spellings (see [`Spelling`]); `None` for a key two
    /// places share.
    spellings: HashMap<String, Option<usize>>,
    /// Names by their first word, longest first.
    names: HashMap<String, Vec<Name>>,
    /// Verb rules by form.
    verb_forms: HashMap<String, Vec<usize>>,
}

// The lexicon's shape.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
    #[serde(default)]
    verb: Vec<VerbEntry>,
    #[serde(default)]
    noun: Vec<NounEntry>,
    #[serde(default)]
    morphology: MorphologyEntry,
    #[serde(default)]
    words: SectionEntry,
    #[serde(default)]
    grammar: SectionEntry,
    #[serde(default)]
    events: SectionEntry,
    #[serde(default)]
    ceasefire: SectionEntry,
    #[serde(default)]
    statement: SectionEntry,
    #[serde(default)]
    attribution: SectionEntry,
    #[serde(default)]
    uprising: SectionEntry,
    #[serde(default)]
    time: SectionEntry,
    #[serde(default)]
    calendar: Calendar,
    #[serde(default)]
    text: SectionEntry,
    #[serde(default)]
    places: SectionEntry,
    #[serde(default)]
    spelling: Spelling,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    id: String,
    #[serde(default)]
    party: bool,
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbEntry {
    kind: String,
    frame: String,
    /// Verbs by their lemma, inflected by the morphology.
    lemmas: Vec<String>,
    #[serde(default)]
    then: Vec<String>,
    #[serde(default)]
    preps: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default = "default_confidence")]
    confidence: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounEntry {
    kind: String,
    forms: Vec<String>,
    #[serde(default)]
    preps: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default = "default_confidence")]
    confidence: f64,
}

fn default_confidence() -> f64 {
    0.8
}

const LEXICON_FILE: &str = "lexicon.toml";

fn kinds_list() -> String {
    EventKind::ALL
        .iter()
        .map(|k| k.id())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A problem in the lexicon.
fn lex_error(problem: String) -> KnowledgeError {
    KnowledgeError {
        file: LEXICON_FILE,
        problem,
    }
}

/// The kind of event a verb or noun entry signals; `what` names the entry.
fn entry_kind(what: &str, kind: &str) -> Result<EventKind, KnowledgeError> {
    EventKind::from_id(kind).ok_or_else(|| {
        lex_error(format!(
            "{what}: kind \"{kind}\" is not one of {}",
            kinds_list()
        ))
    })
}

/// Noun `n` of the lexicon, checked.
fn noun_rule(n: usize, v: &NounEntry) -> Result<NounRule, KnowledgeError> {
    let what = format!("noun {} ({})", n.saturating_add(1), v.forms.join(", "));
    let kind = entry_kind(&what, &v.kind)?;
    if v.forms.is_empty() || v.preps.is_empty() {
        return Err(lex_error(format!("{what}: a noun needs forms and preps")));
    }
    check_confidence(v.confidence).map_err(|p| lex_error(format!("{what}: {p}")))?;
    Ok(NounRule {
        kind,
        forms: Phrases::new(&v.forms),
        preps: Phrases::new(&v.preps),
        needs: v.needs.iter().map(|w| normalise(w)).collect(),
        confidence: v.confidence,
    })
}

impl Knowledge {
    /// The knowledge shipped in `assets/`, parsed once.
    pub fn builtin() -> &'static Knowledge {
        static BUILTIN: OnceLock<Knowledge> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The shipped files are checked by the tests; should they ever fail to parse,
            // the extractor still runs, knowing nothing.
            Knowledge::parse(LEXICON_TOML, GAZETTEER_GEOJSON).unwrap_or_else(|_| Knowledge::empty())
        })
    }

    /// Knowledge of nothing: every article gives no events.
    pub fn empty() -> Knowledge {
        Knowledge {
            places: Vec::new(),
            parties: Vec::new(),
            verbs: Vec::new(),
            nouns: Vec::new(),
            words: Words::default(),
            grammar: Grammar::default(),
            events: EventWords::default(),
            ceasefire: CeasefireWords::default(),
            statement: StatementWords::default(),
            attribution: AttributionWords::default(),
            uprising: UprisingWords::default(),
            time: TimeWords::default(),
            calendar: Calendar::default(),
            text: TextWords::default(),
            place_words: PlaceWords::default(),
            spelling: Spelling::default(),
            spellings: HashMap::default(),
            names: HashMap::default(),
            verb_forms: HashMap::default(),
        }
    }

    /// Reads a lexicon (TOML) and a gazetteer (GeoJSON).
    pub fn parse(lexicon: &str, gazetteer: &str) -> Result<Knowledge, KnowledgeError> {
        let file: LexiconFile = toml::from_str(lexicon).map_err(|e| {
            lex_error(format!(
                "not a valid lexicon ({})",
                e.to_string().trim().replace('\n', " ")
            ))
        })?;
        let m = file.morphology.morphology();
        let mut k = Knowledge::empty();
        k.places = gazetteer::parse(gazetteer)?;
        k.words = Words::build(&file.words, &m).map_err(lex_error)?;
        k.grammar = Grammar::build(&file.grammar, &m).map_err(lex_error)?;
        k.events = EventWords::build(&file.events, &m).map_err(lex_error)?;
        k.ceasefire = CeasefireWords::build(&file.ceasefire, &m).map_err(lex_error)?;
        k.statement = StatementWords::build(&file.statement, &m).map_err(lex_error)?;
        k.attribution = AttributionWords::build(&file.attribution, &m).map_err(lex_error)?;
        k.uprising = UprisingWords::build(&file.uprising, &m).map_err(lex_error)?;
        k.time = TimeWords::build(&file.time, &m).map_err(lex_error)?;
        k.text = TextWords::build(&file.text, &m).map_err(lex_error)?;
        k.place_words = PlaceWords::build(&file.places, &m).map_err(lex_error)?;
        file.calendar.check().map_err(lex_error)?;
        k.calendar = file.calendar;
        k.calendar.prepare();
        k.spelling = file.spelling;
        k.add_actors(&file.actor)?;
        k.add_place_names();
        k.index_spellings();
        for (n, v) in file.verb.iter().enumerate() {
            k.add_verb(n, v, &m)?;
        }
        for (n, v) in file.noun.iter().enumerate() {
            k.nouns.push(noun_rule(n, v)?);
        }
        Ok(k)
    }

    /// Every class of words of the lexicon, as `section.class`.
    pub fn classes(&self) -> Vec<(String, &Phrases)> {
        let sections: [(&str, Vec<(&'static str, &Phrases)>); 11] = [
            (Words::SECTION, self.words.classes()),
            (Grammar::SECTION, self.grammar.classes()),
            (EventWords::SECTION, self.events.classes()),
            (CeasefireWords::SECTION, self.ceasefire.classes()),
            (StatementWords::SECTION, self.statement.classes()),
            (AttributionWords::SECTION, self.attribution.classes()),
            (UprisingWords::SECTION, self.uprising.classes()),
            (TimeWords::SECTION, self.time.classes()),
            (TextWords::SECTION, self.text.classes()),
            (PlaceWords::SECTION, self.place_words.classes()),
            ("verb", Vec::new()),
        ];
        sections
            .into_iter()
            .flat_map(|(s, classes)| {
                classes
                    .into_iter()
                    .map(move |(c, p)| (format!("{s}.{c}"), p))
            })
            .collect()
    }

    /// The lexicon's actors: which are parties, and their names.
    fn add_actors(&mut self, actors: &[ActorEntry]) -> Result<(), KnowledgeError> {
        for (n, a) in actors.iter().enumerate() {
            let actor = Actor::from_id(&a.id).ok_or_else(|| {
                lex_error(format!(
                    "actor {} has id \"{}\"; ids are {}",
                    n.saturating_add(1),
                    a.id,
                    Actor::ALL
                        .iter()
                        .map(|a| a.id())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?;
            if a.party {
                self.parties.push(actor);
            }
            for name in &a.names {
                self.add_name(name, Referent::Actor(actor));
            }
        }
        Ok(())
    }

    /// The names and variants of the gazetteer's places; then every list of names is sorted
    /// longest first.
    fn add_place_names(&mut self) {
        for (i, p) in self.places.clone().iter().enumerate() {
            for name in std::iter::once(&p.place.name).chain(&p.variants) {
                self.add_name(name, Referent::Place(i));
            }
        }
        for list in self.names.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.phrase.len()));
        }
    }

    /// Indexes every place by the key of each of its names; a key two places share is left
    /// unusable.
    fn index_spellings(&mut self) {
        let mut index: HashMap<String, Option<usize>> = HashMap::default();
        for (i, p) in self.places.iter().enumerate() {
            for name in std::iter::once(&p.place.name).chain(&p.variants) {
                let Some(key) = self.name_key(name) else {
                    continue;
                };
                let entry = index.entry(key).or_insert(Some(i));
                if entry.is_some_and(|j| j != i) {
                    *entry = None;
                }
            }
        }
        self.spellings = index;
    }

    /// The spelling key of a name as written.
    fn name_key(&self, name: &str) -> Option<String> {
        let words: Vec<String> = Phrase::new(name).0;
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        self.spelling_key(&words)
    }

    /// The spelling key of a name given as normalised words (see [`Spelling::key`]).
    pub fn spelling_key(&self, words: &[&str]) -> Option<String> {
        self.spelling
            .key(words, |w| self.place_words.articles.has_norm(w))
    }

    /// The place a name spelled another way than the gazetteer's means: the one place whose
    /// names have the same key ("Gaser Ben Gasher" is Qasr bin Ghashir).
    pub fn place_by_spelling(&self, words: &[&str]) -> Option<&KnownPlace> {
        let key = self.spelling_key(words)?;
        self.spellings
            .get(&key)
            .copied()
            .flatten()
            .and_then(|i| self.places.get(i))
    }

    /// Verb `n` of the lexicon, checked, with its forms indexed.
    fn add_verb(&mut self, n: usize, v: &VerbEntry, m: &Morphology) -> Result<(), KnowledgeError> {
        let what = format!("verb {} ({})", n.saturating_add(1), v.lemmas.join(", "));
        let kind = entry_kind(&what, &v.kind)?;
        let frame = match v.frame.as_str() {
            "takes" => Frame::Takes,
            "moves" => Frame::Moves,
            "falls" => Frame::Falls,
            "expels" => Frame::Expels,
            other => {
                return Err(lex_error(format!(
                    "{what}: frame \"{other}\" is not one of takes, moves, falls, expels"
                )));
            }
        };
        if v.lemmas.is_empty() {
            return Err(lex_error(format!("{what}: no lemmas")));
        }
        if matches!(frame, Frame::Moves | Frame::Falls | Frame::Expels) && v.preps.is_empty() {
            return Err(lex_error(format!(
                "{what}: a verb of frame \"{}\" needs preps (the words before its place)",
                v.frame
            )));
        }
        check_confidence(v.confidence).map_err(|p| lex_error(format!("{what}: {p}")))?;
        let then = if v.then.is_empty() {
            vec![String::new()]
        } else {
            v.then.clone()
        };
        let index = self.verbs.len();
        let forms: Vec<String> = v.lemmas.iter().flat_map(|l| m.forms(l)).collect();
        for form in &forms {
            self.verb_forms
                .entry(normalise(form))
                .or_default()
                .push(index);
        }
        self.verbs.push(VerbRule {
            kind,
            frame,
            forms,
            then: Phrases::new(&then),
            preps: Phrases::new(&v.preps),
            needs: v.needs.iter().map(|w| normalise(w)).collect(),
            confidence: v.confidence,
        });
        Ok(())
    }

    fn add_name(&mut self, name: &str, referent: Referent) {
        let phrase = Phrase::new(name);
        // "Al Ajaylat" is written "al-Ajaylat": the capital that counts is the name's own.
        let capital = name
            .split([' ', '-'])
            .find(|w| !self.place_words.articles.has_norm(&w.to_lowercase()))
            .or(Some(name))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        let mut phrases = vec![phrase.clone()];
        // "al-Watiya" is also written "Watiya".
        if let Place(_) = referent
            && phrase.len() > 1
            && phrase
                .0
                .first()
                .is_some_and(|w| self.place_words.articles.has_norm(w))
        {
            phrases.push(Phrase(phrase.0.iter().skip(1).cloned().collect()));
        }
        use Referent::Place;
        for phrase in phrases {
            let Some(first) = phrase.0.first().cloned() else {
                continue;
            };
            let list = self.names.entry(first).or_default();
            if !list
                .iter()
                .any(|n| n.phrase == phrase && n.referent == referent)
            {
                list.push(Name {
                    phrase,
                    capital,
                    referent: referent.clone(),
                });
            }
        }
    }

    /// The longest name starting at token `at`: what it refers to and how many tokens it
    /// covers.
    pub fn name_at(&self, tokens: &[Token], at: usize) -> Option<(Referent, usize)> {
        let t = tokens.get(at)?;
        if t.kind == TokenKind::Punct {
            return None;
        }
        self.names.get(&t.norm)?.iter().find_map(|n| {
            let len = n.phrase.matches(tokens, at)?;
            // The word whose capital counts: the first, or the first after an article.
            let word = tokens
                .get(at..at.saturating_add(len))
                .unwrap_or_default()
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .find(|t| !self.place_words.articles.has_word(t) || len == 1);
            if n.capital && !word.is_some_and(Token::capitalised) {
                return None;
            }
            Some((n.referent.clone(), len))
        })
    }

    /// The verb rules a word form belongs to.
    pub fn verb_rules(&self, t: &Token) -> impl Iterator<Item = &VerbRule> {
        self.verb_forms
            .get(&t.norm)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.verbs.get(i))
    }

    /// The one facility of `town` (an airport, an air base) whose name has all of `words` but
    /// the fillers ("international", "airport" → Tripoli International Airport).
    pub fn facility_of(
        &self,
        town: &newsmap_core::model::PlaceId,
        words: &[&str],
    ) -> Option<&KnownPlace> {
        let words: Vec<&&str> = words
            .iter()
            .filter(|w| !self.events.facility_fillers.has_norm(w))
            .collect();
        if !words.iter().any(|w| self.events.facilities.has_norm(w)) {
            return None;
        }
        let mut found = self.places.iter().filter(|p| {
            matches!(p.kind, PlaceKind::Airport | PlaceKind::Airbase)
                && p.within.as_ref() == Some(town)
                && words.iter().all(|w| {
                    self.events.facilities.has_norm(w) || p.place.name.to_lowercase().contains(**w)
                })
        });
        match (found.next(), found.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }

    /// A place of the gazetteer by id.
    pub fn place(&self, id: &str) -> Option<&KnownPlace> {
        self.places.iter().find(|p| p.id().as_str() == id)
    }

    pub fn is_party(&self, actor: Actor) -> bool {
        self.parties.contains(&actor)
    }
}

fn check_confidence(c: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&c) {
        Ok(())
    } else {
        Err(format!("confidence {c} is not between 0 and 1"))
    }
}

/// The normal form of one word, as the tokenizer makes it.
fn normalise(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    tokenize(&chars, 0)
        .into_iter()
        .map(|t| t.norm)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars, 0)
    }

    fn referent(k: &Knowledge, text: &str) -> Option<(String, usize)> {
        k.name_at(&tokens(text), 0).map(|(r, n)| {
            let id = match r {
                Referent::Actor(a) => a.id().to_owned(),
                Referent::Place(i) => k.places[i].id().to_string(),
            };
            (id, n)
        })
    }

    #[test]
    fn the_shipped_files_parse() {
        let k = Knowledge::parse(LEXICON_TOML, GAZETTEER_GEOJSON).unwrap_or_else(|e| panic!("{e}"));
        assert!(k.places.len() > 50);
        assert!(k.verbs.len() > 10 && k.nouns.len() > 4);
        assert!(k.is_party(Actor::Lna) && !k.is_party(Actor::Un));
        for p in &k.places {
            assert!(
                (9.0..=26.0).contains(&p.place.lon) && (19.0..=34.0).contains(&p.place.lat),
                "{} is not in Libya",
                p.id()
            );
        }
    }

    #[test]
    fn names_match_longest_first_with_or_without_article_and_hyphen() {
        let k = Knowledge::builtin();
        assert_eq!(
            referent(k, "Tripoli airport"),
            Some(("tripoli_airport".into(), 2))
        );
        assert_eq!(referent(k, "Tripoli"), Some(("tripoli".into(), 1)));
        assert_eq!(
            referent(k, "al-Watiya air base"),
            Some(("al_watiya".into(), 5)),
            "the capital that counts is the name's own, after the article"
        );
        assert_eq!(
            referent(k, "Al-Watiya air base"),
            Some(("al_watiya".into(), 5))
        );
        assert_eq!(referent(k, "Watiya"), Some(("al_watiya".into(), 1)));
        assert_eq!(referent(k, "Al Watiya"), Some(("al_watiya".into(), 2)));
        assert_eq!(referent(k, "Bani Waleed"), Some(("bani_walid".into(), 2)));
        assert_eq!(referent(k, "Haftar’s forces"), Some(("lna".into(), 3)));
        assert_eq!(
            referent(k, "turkey"),
            None,
            "a capitalised name needs its capital"
        );
    }

    #[test]
    fn errors_name_the_file_the_entry_and_the_fix() {
        let gaz = GAZETTEER_GEOJSON;
        // The shipped lexicon with one more entry, or with one class taken out.
        let problem = |more: &str| {
            Knowledge::parse(&format!("{LEXICON_TOML}\n{more}"), gaz)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            problem("[[actor]]\nid = \"nato\"\nnames = [\"NATO\"]")
                .contains("has id \"nato\"; ids are gna")
        );
        assert!(
            problem("[[verb]]\nkind = \"grab\"\nframe = \"takes\"\nlemmas = [\"grab\"]")
                .contains("kind \"grab\" is not one of capture")
        );
        assert!(
            problem("[[verb]]\nkind = \"capture\"\nframe = \"moves\"\nlemmas = [\"go\"]")
                .contains("needs preps")
        );
        assert!(
            problem(
                "[[noun]]\nkind = \"capture\"\nforms = [\"x\"]\npreps = [\"of\"]\nconfidence = 2.0"
            )
            .contains("confidence 2 is not between 0 and 1")
        );
        assert!(problem("[[verbs]]").starts_with("lexicon.toml: not a valid lexicon"));
        let without = |class: &str| {
            let lexicon: String = LEXICON_TOML
                .lines()
                .filter(|l| !l.starts_with(&format!("{class} =")))
                .collect::<Vec<_>>()
                .join("\n");
            Knowledge::parse(&lexicon, gaz)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            without("relatives"),
            "lexicon.toml: [grammar] has no class relatives"
        );
        let unknown = LEXICON_TOML.replace("[grammar]\n", "[grammar]\nnonsense = [\"x\"]\n");
        assert!(
            Knowledge::parse(&unknown, gaz)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
                .contains("[grammar] nonsense is not a class the extractor reads")
        );

        let place = |props: &str, coords: &str| {
            let g = format!(
                r#"{{"type": "FeatureCollection", "features": [{{"type": "Feature", "properties": {props}, "geometry": {{"type": "Point", "coordinates": {coords}}}}}]}}"#
            );
            Knowledge::parse(LEXICON_TOML, &g)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            place(r#"{"id": "Bad Id", "name": "x"}"#, "[13, 32]").contains("an id is lower-case")
        );
        assert!(
            place(r#"{"id": "x", "name": "x"}"#, "[1e308, 32]")
                .contains("is not [longitude, latitude]")
        );
        assert!(
            place(r#"{"id": "x", "name": "x", "within": "y"}"#, "[13, 32]")
                .contains("within \"y\"")
        );
        assert!(
            place(r#"{"id": "x", "name": "x", "kind": "fort"}"#, "[13, 32]")
                .contains("unknown variant `fort`")
        );
        assert!(Knowledge::parse("", "[]").is_err());
    }
}
