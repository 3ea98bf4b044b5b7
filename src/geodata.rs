//! Reading the map's GeoJSON into model values.
//!
//! Two files feed the map: `places.geojson` (the story's towns, context landmarks and the
//! traditional east–west boundary) and `basemap.geojson` (country outlines). Both are parsed
//! once, at the boundary, with the `geojson` crate; what comes out is typed (a [`Place`] has
//! a name and a finite coordinate) or a [`DataError`] that names the file, the feature and
//! what to fix.

use crate::model::{Place, PlaceId, PlaceRole};
use crate::projection::Bounds;
use geojson::{Feature, FeatureCollection, GeometryValue, JsonObject, Position};
use std::fmt;

/// A problem with one of the data files, worded for the person who edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file's name as the page requested it (`places.geojson`).
    pub file: String,
    pub problem: String,
}

impl DataError {
    pub fn new(file: &str, problem: impl Into<String>) -> DataError {
        DataError {
            file: file.to_owned(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for DataError {}

/// A line drawn on the map, such as the traditional Tripolitania–Cyrenaica boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    pub id: String,
    pub name: String,
    /// Region names on either side, for labels.
    pub west: Option<String>,
    pub east: Option<String>,
    pub approximate: bool,
    pub source: String,
    /// `(lon, lat)` pairs.
    pub line: Vec<(f64, f64)>,
}

/// Everything `places.geojson` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceSet {
    pub places: Vec<Place>,
    pub boundaries: Vec<Boundary>,
}

impl PlaceSet {
    pub fn get(&self, id: &PlaceId) -> Option<&Place> {
        self.places.iter().find(|p| &p.id == id)
    }

    /// The story's places and boundaries, the area the map must show.
    pub fn bounds(&self) -> Option<Bounds> {
        let points = self.places.iter().map(|p| (p.lon, p.lat));
        let lines = self.boundaries.iter().flat_map(|b| b.line.iter().copied());
        Bounds::of_points(points.chain(lines))
    }
}

/// One country outline of the basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub name: String,
    /// Whether this is the story's country (drawn stronger).
    pub focus: bool,
    /// Polygons, each a list of rings of `(lon, lat)`: the outer ring first, then holes.
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

/// Everything `basemap.geojson` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Country>,
    /// The credit line the data asks for.
    pub attribution: String,
}

fn collection(file: &str, text: &str) -> Result<FeatureCollection, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::new(file, "the file is empty"));
    }
    serde_json::from_str::<FeatureCollection>(text).map_err(|geojson_error| {
        // Explain the failure at the level the editor of the file thinks in.
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return DataError::new(file, format!("not valid JSON ({e})")),
        };
        match value.get("type").and_then(|t| t.as_str()) {
            Some("FeatureCollection") => {
                DataError::new(file, format!("not valid GeoJSON ({geojson_error})"))
            }
            Some(kind) => DataError::new(
                file,
                format!("expected a GeoJSON FeatureCollection, found type \"{kind}\""),
            ),
            None => DataError::new(
                file,
                "expected a GeoJSON FeatureCollection, found no \"type\"",
            ),
        }
    })
}

fn property<'a>(props: Option<&'a JsonObject>, key: &str) -> Option<&'a str> {
    props?.get(key)?.as_str().filter(|s| !s.trim().is_empty())
}

fn coordinate(file: &str, what: &str, p: &Position) -> Result<(f64, f64), DataError> {
    match *p.as_slice() {
        [lon, lat, ..]
            if lon.is_finite()
                && lat.is_finite()
                && (-180.0..=180.0).contains(&lon)
                && (-90.0..=90.0).contains(&lat) =>
        {
            Ok((lon, lat))
        }
        _ => Err(DataError::new(
            file,
            format!(
                "{what} has a coordinate [{}] that is not [longitude, latitude]",
                p.as_slice()
                    .iter()
                    .map(|v| crate::geometry::Fixed(*v, 4).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// Names a feature in messages: by its id if it has one, else by its position.
fn describe(index: usize, f: &Feature) -> String {
    match property(f.properties.as_ref(), "id") {
        Some(id) => format!("feature {} ('{id}')", index + 1),
        None => format!("feature {}", index + 1),
    }
}

/// Parses `places.geojson`: a FeatureCollection of Points (places, with `id`, `name`,
/// `name_ar`, `source` and optional `role`) and LineStrings (boundaries).
pub fn parse_places(file: &str, text: &str) -> Result<PlaceSet, DataError> {
    let fc = collection(file, text)?;
    let mut places = Vec::new();
    let mut boundaries = Vec::new();
    for (i, f) in fc.features.iter().enumerate() {
        let what = describe(i, f);
        let props = f.properties.as_ref();
        let id = property(props, "id")
            .ok_or_else(|| DataError::new(file, format!("{what} has no \"id\" property")))?;
        let name = property(props, "name")
            .ok_or_else(|| DataError::new(file, format!("{what} has no \"name\" property")))?;
        let source = property(props, "source").unwrap_or_default().to_owned();
        let geometry = f
            .geometry
            .as_ref()
            .ok_or_else(|| DataError::new(file, format!("{what} has no geometry")))?;
        match &geometry.value {
            GeometryValue::Point { coordinates } => {
                let (lon, lat) = coordinate(file, &what, coordinates)?;
                let role = match property(props, "role") {
                    None | Some("story") => PlaceRole::Story,
                    Some("context") => PlaceRole::Context,
                    Some(other) => {
                        return Err(DataError::new(
                            file,
                            format!("{what} has role \"{other}\"; use \"story\" or \"context\""),
                        ));
                    }
                };
                if places.iter().any(|p: &Place| p.id.as_str() == id) {
                    return Err(DataError::new(
                        file,
                        format!("{what}: the id '{id}' is used twice"),
                    ));
                }
                places.push(Place {
                    id: PlaceId::new(id),
                    name: name.to_owned(),
                    name_ar: property(props, "name_ar").unwrap_or_default().to_owned(),
                    lon,
                    lat,
                    source,
                    role,
                });
            }
            GeometryValue::LineString { coordinates } => {
                let line = coordinates
                    .iter()
                    .map(|p| coordinate(file, &what, p))
                    .collect::<Result<Vec<_>, _>>()?;
                if line.len() < 2 {
                    return Err(DataError::new(
                        file,
                        format!("{what} is a line of fewer than two points"),
                    ));
                }
                boundaries.push(Boundary {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    west: property(props, "west").map(str::to_owned),
                    east: property(props, "east").map(str::to_owned),
                    approximate: props
                        .and_then(|p| p.get("approximate"))
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false),
                    source,
                    line,
                });
            }
            other => {
                return Err(DataError::new(
                    file,
                    format!(
                        "{what} is a {}; places are Points and boundaries LineStrings",
                        other.type_name()
                    ),
                ));
            }
        }
    }
    if places.is_empty() {
        return Err(DataError::new(
            file,
            "the collection holds no place (no Point feature)",
        ));
    }
    Ok(PlaceSet { places, boundaries })
}

fn rings(
    file: &str,
    what: &str,
    polygon: &[Vec<Position>],
) -> Result<Vec<Vec<(f64, f64)>>, DataError> {
    polygon
        .iter()
        .map(|ring| ring.iter().map(|p| coordinate(file, what, p)).collect())
        .collect()
}

/// Parses `basemap.geojson`: Polygon or MultiPolygon features with a `name`, an optional
/// `focus: true` for the story's country, and the collection's `attribution` member.
pub fn parse_basemap(file: &str, text: &str) -> Result<Basemap, DataError> {
    let fc = collection(file, text)?;
    let attribution = fc
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("attribution"))
        .and_then(|v| v.as_str())
        .unwrap_or("Natural Earth")
        .to_owned();
    let mut countries = Vec::with_capacity(fc.features.len());
    for (i, f) in fc.features.iter().enumerate() {
        let what = describe(i, f);
        let props = f.properties.as_ref();
        let name = property(props, "name").unwrap_or("unnamed").to_owned();
        let focus = props
            .and_then(|p| p.get("focus"))
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        let polygons = match f.geometry.as_ref().map(|g| &g.value) {
            Some(GeometryValue::Polygon { coordinates }) => vec![rings(file, &what, coordinates)?],
            Some(GeometryValue::MultiPolygon { coordinates }) => coordinates
                .iter()
                .map(|p| rings(file, &what, p))
                .collect::<Result<_, _>>()?,
            Some(other) => {
                return Err(DataError::new(
                    file,
                    format!(
                        "{what} is a {}; the basemap holds Polygons",
                        other.type_name()
                    ),
                ));
            }
            None => return Err(DataError::new(file, format!("{what} has no geometry"))),
        };
        countries.push(Country {
            name,
            focus,
            polygons,
        });
    }
    Ok(Basemap {
        countries,
        attribution,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = include_str!("../assets/places.geojson");

    #[test]
    fn the_shipped_places_hold_the_four_towns_and_the_boundary() {
        let set = parse_places("places.geojson", PLACES).unwrap();
        for (id, lon, lat) in [
            ("tripoli", 13.1914, 32.8872),
            ("tarhuna", 13.6344, 32.4339),
            ("bani_walid", 14.0139, 31.7619),
            ("sirte", 16.5886, 31.2050),
        ] {
            let p = set.get(&PlaceId::new(id)).unwrap();
            assert_eq!((p.lon, p.lat), (lon, lat), "{id}");
            assert_eq!(p.role, PlaceRole::Story);
            assert!(!p.name_ar.is_empty() && !p.source.is_empty(), "{id}");
        }
        let b = &set.boundaries[0];
        assert_eq!(b.id, "east_west_boundary");
        assert!(b.approximate);
        assert_eq!(b.line.first(), Some(&(18.7903, 30.37)));
        // The boundary lies east of Sirte: Sirte is "the last major settlement before" it.
        let sirte = set.get(&PlaceId::new("sirte")).unwrap();
        assert!(b.line.iter().all(|(lon, _)| *lon > sirte.lon));
    }

    fn err(text: &str) -> String {
        parse_places("places.geojson", text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn malformed_input_is_named_and_explained() {
        assert_eq!(err(""), "places.geojson: the file is empty");
        assert!(err("{not json").starts_with("places.geojson: not valid JSON"));
        assert!(err("<html>404</html>").contains("not valid JSON"));
        assert!(err(r#"{"type":"Feature"}"#).contains("found type \"Feature\""));
        assert!(err("[1,2]").contains("found no \"type\""));
        assert!(err(r#"{"type":"FeatureCollection","features":[]}"#).contains("no place"));
        let no_name = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"id":"x"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert_eq!(
            err(no_name),
            "places.geojson: feature 1 ('x') has no \"name\" property"
        );
        let bad_coord = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"id":"x","name":"X"},"geometry":{"type":"Point","coordinates":[200,2]}}]}"#;
        assert!(err(bad_coord).contains("is not [longitude, latitude]"));
        let polygon = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"id":"x","name":"X"},"geometry":{"type":"Polygon","coordinates":[[[1,2],[2,2],[1,2]]]}}]}"#;
        assert!(err(polygon).contains("is a Polygon"));
        let dup = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"x","name":"X"},"geometry":{"type":"Point","coordinates":[1,2]}},
            {"type":"Feature","properties":{"id":"x","name":"Y"},"geometry":{"type":"Point","coordinates":[1,3]}}]}"#;
        assert!(err(dup).contains("used twice"));
        let bad_role = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"id":"x","name":"X","role":"capital"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(err(bad_role).contains("use \"story\" or \"context\""));
    }

    #[test]
    fn the_shipped_basemap_has_libya_in_focus_and_credits_natural_earth() {
        let text = include_str!("../assets/basemap.geojson");
        let map = parse_basemap("basemap.geojson", text).unwrap();
        assert!(map.attribution.contains("Natural Earth"));
        let libya: Vec<_> = map.countries.iter().filter(|c| c.focus).collect();
        assert_eq!(libya.len(), 1);
        assert_eq!(libya[0].name, "Libya");
        for name in ["Tunisia", "Algeria", "Niger", "Chad", "Sudan", "Egypt"] {
            assert!(
                map.countries.iter().any(|c| c.name == name),
                "{name} missing"
            );
        }
        // Every story town lies inside Libya's outline.
        let places = parse_places("places.geojson", PLACES).unwrap();
        for p in &places.places {
            let inside = libya[0]
                .polygons
                .iter()
                .any(|poly| crate::geometry::point_in_ring(&poly[0], (p.lon, p.lat)));
            assert!(inside, "{} is not inside Libya", p.name);
        }
    }

    #[test]
    fn basemap_errors_name_the_file() {
        let e = parse_basemap("basemap.geojson", "{}").unwrap_err();
        assert_eq!(e.file, "basemap.geojson");
        let point = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"X"},"geometry":{"type":"Point","coordinates":[1,2]}}]}"#;
        assert!(
            parse_basemap("basemap.geojson", point)
                .unwrap_err()
                .problem
                .contains("Point")
        );
    }
}
