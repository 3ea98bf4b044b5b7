//! What the extractor knows of the world, read from two files a desk can extend without
//! touching code: `lexicon.toml` (the actors' names, the words that signal events, the small
//! words that change a sentence's meaning) and `gazetteer.geojson` (places: ids, spellings,
//! coordinates, facilities and the towns they belong to).
//!
//! [`Knowledge::builtin`] is the copy shipped in `assets/`; [`Knowledge::parse`] reads any
//! other, with errors that name the file, the entry and what to fix.
//!
//! ```
//! use newsmap_extract::knowledge::Knowledge;
//! let k = Knowledge::builtin();
//! assert!(k.place("bani_walid").is_some());
//! let broken = Knowledge::parse("[[verb]]\nkind = \"capture\"\nframe = \"grabs\"\nforms = [\"grab\"]",
//!                               r#"{"type": "FeatureCollection", "features": []}"#);
//! assert!(broken.err().ok_or("accepted")?.to_string().contains("frame \"grabs\""));
//! # Ok::<(), &str>(())
//! ```

use super::text::{Token, TokenKind, tokenize};
use newsmap_core::model::{Actor, EventKind, PlaceId};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::fmt;
use std::sync::OnceLock;

/// The shipped vocabulary and gazetteer.
pub const LEXICON_TOML: &str = include_str!("../../../assets/lexicon.toml");
pub const GAZETTEER_GEOJSON: &str = include_str!("../../../assets/gazetteer.geojson");

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

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Town,
    Airport,
    Airbase,
    District,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownPlace {
    pub id: PlaceId,
    pub name: String,
    pub name_ar: Option<String>,
    pub lon: f64,
    pub lat: f64,
    pub kind: PlaceKind,
    /// The town a facility or district belongs to.
    pub within: Option<PlaceId>,
    pub variants: Vec<String>,
}

/// A sequence of normalised words to match ("control of" → `["control", "of"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrase(pub Vec<String>);

impl Phrase {
    fn new(text: &str) -> Phrase {
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phrases {
    /// By first word, longest first.
    by_first: HashMap<String, Vec<Phrase>>,
    /// Whether the empty phrase is one of them (it matches anywhere, covering nothing).
    empty: bool,
}

impl Phrases {
    fn new(list: &[String]) -> Phrases {
        let mut out = Phrases::default();
        for p in list.iter().map(|s| Phrase::new(s)) {
            match p.0.first() {
                Some(first) => out.by_first.entry(first.clone()).or_default().push(p),
                None => out.empty = true,
            }
        }
        for list in out.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        out
    }

    /// The longest phrase matching at `at`: how many tokens it covers.
    pub fn match_at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        tokens
            .get(at)
            .and_then(|t| self.by_first.get(&t.norm))
            .and_then(|list| list.iter().find_map(|p| p.matches(tokens, at)))
            .or(self.empty.then_some(0))
    }

    /// Whether one of the phrases ends right before token `at` (ends at `at - 1`).
    pub fn ends_before(&self, tokens: &[Token], at: usize) -> bool {
        self.by_first.values().flatten().any(|p| {
            at.checked_sub(p.len())
                .is_some_and(|start| p.matches(tokens, start) == Some(p.len()))
        })
    }

    /// Whether a token is one of the single-word phrases.
    pub fn has_word(&self, t: &Token) -> bool {
        self.by_first
            .get(&t.norm)
            .is_some_and(|list| list.iter().any(|p| p.len() == 1))
    }

    /// The first position in `tokens[from..to]` where a (non-empty) phrase matches.
    pub fn find_in(&self, tokens: &[Token], from: usize, to: usize) -> Option<usize> {
        (from..to.min(tokens.len())).find(|&k| {
            tokens
                .get(k)
                .and_then(|t| self.by_first.get(&t.norm))
                .is_some_and(|list| list.iter().any(|p| p.matches(tokens, k).is_some()))
        })
    }
}

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

/// Word lists that change what a sentence says.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Words {
    pub denial: Phrases,
    pub intention: Phrases,
    pub future: Phrases,
    pub reporting: Phrases,
    pub unconfirmed: Phrases,
    pub speakers: Phrases,
    pub force_nouns: Phrases,
    pub place_nouns: Phrases,
    pub facility_nouns: Phrases,
    pub spatial: Phrases,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct CeasefireWords {
    pub words: Phrases,
    pub deals: Phrases,
    pub announce: Phrases,
    pub effect: Phrases,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementWords {
    pub feelings: Phrases,
    pub support: Phrases,
    pub against: Phrases,
    pub calls: Phrases,
    pub objects: Phrases,
}

/// What a name refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Actor(Actor),
    /// An index into [`Knowledge::places`].
    Place(usize),
}

/// A name to look for: its words, whether its first letter must be a capital, and what it
/// names.
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
    pub ceasefire: CeasefireWords,
    pub statement: StatementWords,
    pub uprising: Phrases,
    /// Names by their first word, longest first.
    names: HashMap<String, Vec<Name>>,
    /// Verb rules by form.
    verb_forms: HashMap<String, Vec<usize>>,
}

// The files' shapes.

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
    words: WordsEntry,
    #[serde(default)]
    ceasefire: CeasefireEntry,
    #[serde(default)]
    statement: StatementEntry,
    #[serde(default)]
    uprising: UprisingEntry,
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
    forms: Vec<String>,
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

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct WordsEntry {
    denial: Vec<String>,
    intention: Vec<String>,
    future: Vec<String>,
    reporting: Vec<String>,
    unconfirmed: Vec<String>,
    speakers: Vec<String>,
    force_nouns: Vec<String>,
    place_nouns: Vec<String>,
    facility_nouns: Vec<String>,
    spatial: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct CeasefireEntry {
    words: Vec<String>,
    deals: Vec<String>,
    announce: Vec<String>,
    effect: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct StatementEntry {
    feelings: Vec<String>,
    support: Vec<String>,
    against: Vec<String>,
    calls: Vec<String>,
    objects: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct UprisingEntry {
    words: Vec<String>,
}

#[derive(Deserialize)]
struct GazetteerFile {
    features: Vec<GazetteerFeature>,
}

#[derive(Deserialize)]
struct GazetteerFeature {
    properties: GazetteerProperties,
    geometry: PointGeometry,
}

#[derive(Deserialize)]
struct GazetteerProperties {
    id: String,
    name: String,
    #[serde(default)]
    name_ar: Option<String>,
    #[serde(default = "town")]
    kind: String,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
}

fn town() -> String {
    "town".to_owned()
}

#[derive(Deserialize)]
struct PointGeometry {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<f64>,
}

const LEXICON_FILE: &str = "lexicon.toml";
const GAZETTEER_FILE: &str = "gazetteer.geojson";

/// Articles that may stand before an Arabic place name, written or not ("al-Watiya",
/// "Watiya").
const ARTICLES: [&str; 9] = ["al", "el", "as", "az", "ash", "at", "ad", "ar", "an"];

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

impl Words {
    /// The word lists of the lexicon's `[words]` table.
    fn new(w: &WordsEntry) -> Words {
        Words {
            denial: Phrases::new(&w.denial),
            intention: Phrases::new(&w.intention),
            future: Phrases::new(&w.future),
            reporting: Phrases::new(&w.reporting),
            unconfirmed: Phrases::new(&w.unconfirmed),
            speakers: Phrases::new(&w.speakers),
            force_nouns: Phrases::new(&w.force_nouns),
            place_nouns: Phrases::new(&w.place_nouns),
            facility_nouns: Phrases::new(&w.facility_nouns),
            spatial: Phrases::new(&w.spatial),
        }
    }
}

impl CeasefireWords {
    /// The word lists of the lexicon's `[ceasefire]` table.
    fn new(c: &CeasefireEntry) -> CeasefireWords {
        CeasefireWords {
            words: Phrases::new(&c.words),
            deals: Phrases::new(&c.deals),
            announce: Phrases::new(&c.announce),
            effect: Phrases::new(&c.effect),
        }
    }
}

impl StatementWords {
    /// The word lists of the lexicon's `[statement]` table.
    fn new(st: &StatementEntry) -> StatementWords {
        StatementWords {
            feelings: Phrases::new(&st.feelings),
            support: Phrases::new(&st.support),
            against: Phrases::new(&st.against),
            calls: Phrases::new(&st.calls),
            objects: Phrases::new(&st.objects),
        }
    }
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
            ceasefire: CeasefireWords::default(),
            statement: StatementWords::default(),
            uprising: Phrases::default(),
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
        let mut k = Knowledge::empty();
        k.places = parse_gazetteer(gazetteer)?;
        k.add_actors(&file.actor)?;
        k.add_place_names();
        for (n, v) in file.verb.iter().enumerate() {
            k.add_verb(n, v)?;
        }
        for (n, v) in file.noun.iter().enumerate() {
            k.nouns.push(noun_rule(n, v)?);
        }
        k.words = Words::new(&file.words);
        k.ceasefire = CeasefireWords::new(&file.ceasefire);
        k.statement = StatementWords::new(&file.statement);
        k.uprising = Phrases::new(&file.uprising.words);
        Ok(k)
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
            for name in std::iter::once(&p.name).chain(&p.variants) {
                self.add_name(name, Referent::Place(i));
            }
        }
        for list in self.names.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.phrase.len()));
        }
    }

    /// Verb `n` of the lexicon, checked, with its forms indexed.
    fn add_verb(&mut self, n: usize, v: &VerbEntry) -> Result<(), KnowledgeError> {
        let what = format!("verb {} ({})", n.saturating_add(1), v.forms.join(", "));
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
        if v.forms.is_empty() {
            return Err(lex_error(format!("{what}: no forms")));
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
        for form in &v.forms {
            self.verb_forms
                .entry(normalise(form))
                .or_default()
                .push(index);
        }
        self.verbs.push(VerbRule {
            kind,
            frame,
            forms: v.forms.clone(),
            then: Phrases::new(&then),
            preps: Phrases::new(&v.preps),
            needs: v.needs.iter().map(|w| normalise(w)).collect(),
            confidence: v.confidence,
        });
        Ok(())
    }

    fn add_name(&mut self, name: &str, referent: Referent) {
        let phrase = Phrase::new(name);
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        let mut phrases = vec![phrase.clone()];
        // "al-Watiya" is also written "Watiya".
        if let Place(_) = referent
            && phrase.len() > 1
            && phrase
                .0
                .first()
                .is_some_and(|w| ARTICLES.contains(&w.as_str()))
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
            if n.capital && !t.capitalised() {
                return None;
            }
            n.phrase
                .matches(tokens, at)
                .map(|len| (n.referent.clone(), len))
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

    /// A place of the gazetteer by id.
    pub fn place(&self, id: &str) -> Option<&KnownPlace> {
        self.places.iter().find(|p| p.id.as_str() == id)
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

fn parse_gazetteer(text: &str) -> Result<Vec<KnownPlace>, KnowledgeError> {
    let error = |problem: String| KnowledgeError {
        file: GAZETTEER_FILE,
        problem,
    };
    let file: GazetteerFile = serde_json::from_str(text)
        .map_err(|e| error(format!("not a GeoJSON FeatureCollection of places ({e})")))?;
    let mut places: Vec<KnownPlace> = Vec::with_capacity(file.features.len());
    for (n, f) in file.features.iter().enumerate() {
        let p = &f.properties;
        let what = format!("feature {} (\"{}\")", n.saturating_add(1), p.id);
        if p.id.is_empty()
            || !p
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(error(format!(
                "{what}: an id is lower-case letters, digits and underscores, such as \"bani_walid\""
            )));
        }
        if places.iter().any(|q| q.id.as_str() == p.id) {
            return Err(error(format!("{what}: the id is used twice")));
        }
        let (lon, lat) = match (f.geometry.kind.as_str(), f.geometry.coordinates.as_slice()) {
            ("Point", [lon, lat]) => (*lon, *lat),
            _ => {
                return Err(error(format!(
                    "{what}: the geometry must be a Point [longitude, latitude]"
                )));
            }
        };
        if !(lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0) {
            return Err(error(format!(
                "{what}: [{lon}, {lat}] is not a longitude and latitude in degrees"
            )));
        }
        let kind = match p.kind.as_str() {
            "town" => PlaceKind::Town,
            "airport" => PlaceKind::Airport,
            "airbase" => PlaceKind::Airbase,
            "district" => PlaceKind::District,
            other => {
                return Err(error(format!(
                    "{what}: kind \"{other}\" is not one of town, airport, airbase, district"
                )));
            }
        };
        places.push(KnownPlace {
            id: PlaceId::new(p.id.clone()),
            name: p.name.clone(),
            name_ar: p.name_ar.clone().filter(|s| !s.is_empty()),
            lon,
            lat,
            kind,
            within: p.within.clone().map(PlaceId::new),
            variants: p.variants.clone(),
        });
    }
    for p in &places {
        if let Some(w) = &p.within
            && !places.iter().any(|q| &q.id == w)
        {
            return Err(error(format!(
                "\"{}\" is within \"{w}\", which the gazetteer does not have",
                p.id
            )));
        }
    }
    Ok(places)
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
                Referent::Place(i) => k.places[i].id.to_string(),
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
                (9.0..=26.0).contains(&p.lon) && (19.0..=34.0).contains(&p.lat),
                "{} is not in Libya",
                p.id
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
            Some(("al_watiya".into(), 3))
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
        let problem = |lexicon: &str| {
            Knowledge::parse(lexicon, gaz)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            problem("[[actor]]\nid = \"nato\"\nnames = [\"NATO\"]")
                .contains("actor 1 has id \"nato\"; ids are gna")
        );
        assert!(
            problem("[[verb]]\nkind = \"grab\"\nframe = \"takes\"\nforms = [\"grab\"]")
                .contains("kind \"grab\" is not one of capture")
        );
        assert!(
            problem("[[verb]]\nkind = \"capture\"\nframe = \"moves\"\nforms = [\"go\"]")
                .contains("needs preps")
        );
        assert!(
            problem(
                "[[noun]]\nkind = \"capture\"\nforms = [\"x\"]\npreps = [\"of\"]\nconfidence = 2.0"
            )
            .contains("confidence 2 is not between 0 and 1")
        );
        assert!(problem("[[verbs]]").starts_with("lexicon.toml: not a valid lexicon"));

        let place = |props: &str, coords: &str| {
            let g = format!(
                r#"{{"features": [{{"properties": {props}, "geometry": {{"type": "Point", "coordinates": {coords}}}}}]}}"#
            );
            Knowledge::parse("", &g)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(
            place(r#"{"id": "Bad Id", "name": "x"}"#, "[13, 32]").contains("an id is lower-case")
        );
        assert!(
            place(r#"{"id": "x", "name": "x"}"#, "[1e308, 32]")
                .contains("is not a longitude and latitude")
        );
        assert!(
            place(r#"{"id": "x", "name": "x", "within": "y"}"#, "[13, 32]")
                .contains("within \"y\"")
        );
        assert!(
            place(r#"{"id": "x", "name": "x", "kind": "fort"}"#, "[13, 32]")
                .contains("kind \"fort\"")
        );
        assert!(Knowledge::parse("", "[]").is_err());
    }
}
