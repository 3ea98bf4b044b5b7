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
