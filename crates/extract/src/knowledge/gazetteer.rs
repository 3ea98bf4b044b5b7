//! The gazetteer: the places the extractor knows, with their ids, names, spellings and
//! coordinates, read from `gazetteer.geojson`.

use super::KnowledgeError;
use newsmap_core::model::PlaceId;
use serde::Deserialize;

const GAZETTEER_FILE: &str = "gazetteer.geojson";

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

/// Reads the gazetteer, checking every entry.
pub fn parse(text: &str) -> Result<Vec<KnownPlace>, KnowledgeError> {
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
