//! The gazetteer: the places the extractor knows, with their ids, names, spellings and
//! coordinates, read from `gazetteer.geojson`.

use super::KnowledgeError;
use newsmap_core::data::{GAZETTEER_FILE, parse_json, read_points};
use newsmap_core::model::{Place, PlaceId};
use serde::Deserialize;
use serde_json::Value;

/// What sort of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Town,
    Airport,
    Airbase,
    District,
}

/// A place of the gazetteer: a place as the map has it (read by the map's own reader), and
/// what only the extractor needs to find it in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownPlace {
    pub place: Place,
    pub kind: PlaceKind,
    /// The town a facility or district belongs to.
    pub within: Option<PlaceId>,
    pub variants: Vec<String>,
}

impl KnownPlace {
    pub fn id(&self) -> &PlaceId {
        &self.place.id
    }
}

/// A feature, for the gazetteer's own properties beside a place's.
#[derive(Deserialize)]
struct Feature {
    properties: Properties,
}

#[derive(Deserialize)]
struct Properties {
    #[serde(default = "town")]
    kind: PlaceKind,
    #[serde(default)]
    within: Option<String>,
    #[serde(default)]
    variants: Vec<String>,
}

fn town() -> PlaceKind {
    PlaceKind::Town
}

/// Reads the gazetteer, checking every entry.
pub fn parse(text: &str) -> Result<Vec<KnownPlace>, KnowledgeError> {
    let error = |problem: String| KnowledgeError {
        file: GAZETTEER_FILE,
        problem,
    };
    let root: Value = parse_json(GAZETTEER_FILE, text).map_err(|e| error(e.problem))?;
    let points = read_points(GAZETTEER_FILE, &root).map_err(|e| error(e.problem))?;
    let mut places: Vec<KnownPlace> = Vec::with_capacity(points.len());
    for (n, (place, feature)) in points.into_iter().enumerate() {
        let what = format!("feature {} (\"{}\")", n.saturating_add(1), place.id);
        let id = place.id.as_str();
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(error(format!(
                "{what}: an id is lower-case letters, digits and underscores, such as \"bani_walid\""
            )));
        }
        let Feature { properties: p } = serde_json::from_value(feature).map_err(|e| {
            error(format!(
                "{what}: {e} (kind is one of town, airport, airbase, district)"
            ))
        })?;
        places.push(KnownPlace {
            place,
            kind: p.kind,
            within: p.within.map(PlaceId::new),
            variants: p.variants,
        });
    }
    for p in &places {
        if let Some(w) = &p.within
            && !places.iter().any(|q| q.id() == w)
        {
            return Err(error(format!(
                "\"{}\" is within \"{w}\", which the gazetteer does not have",
                p.id()
            )));
        }
    }
    Ok(places)
}

/// How the spellings of one Arabic name in Latin letters are brought to one key: the
/// lexicon's `[spelling]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spelling {
    /// Letters and letter pairs written for one sound, replaced in order: `["gh", "g"]`,
    /// `["q", "g"]`, `["ou", "u"]`.
    pub equivalents: Vec<[String; 2]>,
    /// The letters dropped from the key: vowels differ most between spellings.
    pub vowels: String,
    /// Keys shorter than this say too little to match on.
    pub min_letters: usize,
    /// The article as written onto a word ("Alrabei"), dropped before at least this many
    /// letters.
    pub glued_articles: Vec<String>,
    pub glued_min_rest: usize,
}

impl Spelling {
    /// The key of a name given as its normalised words ("gaser", "ben", "gasher" →
    /// "gsrbngshr"), the Arabic article dropped (`is_article`); `None` when too short or not
    /// all letters.
    ///
    /// ```
    /// use newsmap_extract::knowledge::Knowledge;
    /// let k = Knowledge::builtin();
    /// let key = |name: &str| k.spelling_key(&name.split(' ').collect::<Vec<_>>());
    /// assert_eq!(key("gaser ben gasher"), key("qasr bin ghashir"));
    /// assert_eq!(key("tarhouna"), key("tarhunah"));
    /// assert_eq!(key("abu grain"), key("abu qurayn"));
    /// assert_ne!(key("sirte"), key("tarhuna"));
    /// ```
    pub fn key(&self, words: &[&str], is_article: impl Fn(&str) -> bool) -> Option<String> {
        let vowel = |c: char| self.vowels.contains(c);
        let mut key = String::new();
        // Marks inside a name ("Al `Ajaylat") are no letters of it.
        let letters = |w: &&&str| w.chars().any(|c| c.is_alphanumeric());
        for word in words.iter().filter(letters).filter(|w| !is_article(w)) {
            if !word.chars().all(|c| c.is_ascii_lowercase()) {
                return None;
            }
            // "Alrabei": the article written onto the word.
            let mut w = word.to_string();
            if let Some(rest) = self
                .glued_articles
                .iter()
                .find_map(|a| w.strip_prefix(a.as_str()))
                && rest.len() >= self.glued_min_rest
                && rest.chars().next().is_some_and(|c| !vowel(c))
            {
                w = rest.to_owned();
            }
            for [from, to] in &self.equivalents {
                w = w.replace(from.as_str(), to);
            }
            // An "h" after a vowel is often not written ("Zahra", "Zara"; "Tarhunah").
            let mut prev_vowel = false;
            for c in w.chars() {
                let skip = vowel(c) || (c == 'h' && prev_vowel);
                prev_vowel = vowel(c);
                if !skip && !key.ends_with(c) {
                    key.push(c);
                }
            }
        }
        (key.chars().count() >= self.min_letters).then_some(key)
    }
}
