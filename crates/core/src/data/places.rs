//! Reading the map's GeoJSON into model values.
//!
//! Two files feed the map: `places.geojson` (the story's towns, context landmarks and the
//! traditional east–west boundary) and `basemap.geojson` (country outlines). Both are parsed
//! once, at the boundary, with the app's small JSON reader ([`crate::data::json`]; the tests check
//! that it reads the shipped files exactly as the `geojson` crate does); what comes out is
//! typed (a [`Place`] has a name and a finite coordinate) or a [`DataError`] that names the
//! file, the feature and what to fix.

use crate::data::json::{self, Value};
use crate::map::geometry::Point;
use crate::map::projection::Bounds;
use crate::model::{Place, PlaceId, PlaceRole};
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

/// The features of a GeoJSON FeatureCollection, after the checks every file passes.
fn features<'a>(file: &str, root: &'a Value) -> Result<&'a [Value], DataError> {
    match root.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {}
        Some(kind) => {
            return Err(DataError::new(
                file,
                format!("expected a GeoJSON FeatureCollection, found type \"{kind}\""),
            ));
        }
        None => {
            return Err(DataError::new(
                file,
                "expected a GeoJSON FeatureCollection, found no \"type\"",
            ));
        }
    }
    let features = root
        .get("features")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid(file, "the collection's \"features\" is not an array"))?;
    for (i, f) in features.iter().enumerate() {
        let is = |key: &str, kind: fn(&Value) -> bool| f.get(key).is_none_or(kind);
        let valid = f.get("type").and_then(Value::as_str) == Some("Feature")
            && is("properties", |p| {
                p.is_null() || matches!(p, Value::Object(_))
            })
            && is("geometry", |g| g.is_null() || matches!(g, Value::Object(_)));
        if !valid {
            return Err(invalid(
                file,
                &format!(
                    "feature {} is not a Feature object with object \"properties\" and \"geometry\"",
                    i + 1
                ),
            ));
        }
    }
    Ok(features)
}

/// Parses the text as JSON, naming the file and the place of a syntax error.
fn json(file: &str, text: &str) -> Result<Value, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::new(file, "the file is empty"));
    }
    json::parse(text).map_err(|e| DataError::new(file, format!("not valid JSON ({e})")))
}

fn invalid(file: &str, problem: &str) -> DataError {
    DataError::new(file, format!("not valid GeoJSON ({problem})"))
}

fn property<'a>(feature: &'a Value, key: &str) -> Option<&'a str> {
    feature
        .get("properties")?
        .get(key)?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

fn flag(feature: &Value, key: &str) -> bool {
    feature
        .get("properties")
        .and_then(|p| p.get(key))
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// A feature's geometry, as far as the map reads it.
enum Geometry {
    Point(Point),
    LineString(Vec<Point>),
    Polygon(Vec<Vec<Point>>),
    MultiPolygon(Vec<Vec<Vec<Point>>>),
    /// A valid GeoJSON geometry the map does not draw (its type, for messages).
    Other(&'static str),
}

impl Geometry {
    fn read(file: &str, what: &str, feature: &Value) -> Result<Option<Geometry>, DataError> {
        let Some(g) = feature.get("geometry").filter(|g| !g.is_null()) else {
            return Ok(None);
        };
        let coordinates = g.get("coordinates").unwrap_or(&Value::Null);
        let kind = g.get("type").and_then(Value::as_str).unwrap_or_default();
        let geometry = match kind {
            "Point" => Geometry::Point(position(file, what, coordinates)?),
            "LineString" => Geometry::LineString(line(file, what, coordinates)?),
            "Polygon" => Geometry::Polygon(polygon(file, what, coordinates)?),
            "MultiPolygon" => Geometry::MultiPolygon(
                list(file, what, coordinates)?
                    .iter()
                    .map(|p| polygon(file, what, p))
                    .collect::<Result<_, _>>()?,
            ),
            "MultiPoint" => Geometry::Other("MultiPoint"),
            "MultiLineString" => Geometry::Other("MultiLineString"),
            "GeometryCollection" => Geometry::Other("GeometryCollection"),
            _ => {
                return Err(invalid(
                    file,
                    &format!("{what} has a geometry of unknown type \"{kind}\""),
                ));
            }
        };
        Ok(Some(geometry))
    }

    fn type_name(&self) -> &'static str {
        match self {
            Geometry::Point(_) => "Point",
            Geometry::LineString(_) => "LineString",
            Geometry::Polygon(_) => "Polygon",
            Geometry::MultiPolygon(_) => "MultiPolygon",
            Geometry::Other(kind) => kind,
        }
    }
}

fn list<'a>(file: &str, what: &str, v: &'a Value) -> Result<&'a [Value], DataError> {
    v.as_array()
        .ok_or_else(|| invalid(file, &format!("{what} has coordinates that are not arrays")))
}

fn position(file: &str, what: &str, v: &Value) -> Result<Point, DataError> {
    let numbers: Vec<f64> = list(file, what, v)?
        .iter()
        .map(Value::as_f64)
        .collect::<Option<_>>()
        .ok_or_else(|| invalid(file, &format!("{what} has a position that is not numbers")))?;
    match *numbers.as_slice() {
        [lon, lat, ..] if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
            Ok((lon, lat))
        }
        _ => Err(DataError::new(
            file,
            format!(
                "{what} has a coordinate [{}] that is not [longitude, latitude]",
                numbers
                    .iter()
                    .map(|v| crate::map::geometry::Fixed(*v, 4).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn line(file: &str, what: &str, v: &Value) -> Result<Vec<Point>, DataError> {
    list(file, what, v)?
        .iter()
        .map(|p| position(file, what, p))
        .collect()
}

fn polygon(file: &str, what: &str, v: &Value) -> Result<Vec<Vec<Point>>, DataError> {
    list(file, what, v)?
        .iter()
        .map(|ring| line(file, what, ring))
        .collect()
}

/// Names a feature in messages: by its id if it has one, else by its position.
fn describe(index: usize, f: &Value) -> String {
    match property(f, "id") {
        Some(id) => format!("feature {} ('{id}')", index + 1),
        None => format!("feature {}", index + 1),
    }
}

/// Parses `places.geojson`: a FeatureCollection of Points (places, with `id`, `name`,
/// `name_ar`, `source` and optional `role`) and LineStrings (boundaries).
pub fn parse_places(file: &str, text: &str) -> Result<PlaceSet, DataError> {
    let root = json(file, text)?;
    let mut places = Vec::new();
    let mut boundaries = Vec::new();
    for (i, f) in features(file, &root)?.iter().enumerate() {
        let what = describe(i, f);
        let id = property(f, "id")
            .ok_or_else(|| DataError::new(file, format!("{what} has no \"id\" property")))?;
        let name = property(f, "name")
            .ok_or_else(|| DataError::new(file, format!("{what} has no \"name\" property")))?;
        let source = property(f, "source").unwrap_or_default().to_owned();
        let geometry = Geometry::read(file, &what, f)?
            .ok_or_else(|| DataError::new(file, format!("{what} has no geometry")))?;
        match geometry {
            Geometry::Point((lon, lat)) => {
                let role = match property(f, "role") {
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
                    name_ar: property(f, "name_ar").unwrap_or_default().to_owned(),
                    lon,
                    lat,
                    source,
                    role,
                });
            }
            Geometry::LineString(line) => {
                if line.len() < 2 {
                    return Err(DataError::new(
                        file,
                        format!("{what} is a line of fewer than two points"),
                    ));
                }
                boundaries.push(Boundary {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    west: property(f, "west").map(str::to_owned),
                    east: property(f, "east").map(str::to_owned),
                    approximate: flag(f, "approximate"),
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

/// Parses `basemap.geojson`: Polygon or MultiPolygon features with a `name`, an optional
/// `focus: true` for the story's country, and the collection's `attribution` member.
pub fn parse_basemap(file: &str, text: &str) -> Result<Basemap, DataError> {
    let root = json(file, text)?;
    let features = features(file, &root)?;
    let attribution = root
        .get("attribution")
        .and_then(Value::as_str)
        .unwrap_or("Natural Earth")
        .to_owned();
    let mut countries = Vec::with_capacity(features.len());
    for (i, f) in features.iter().enumerate() {
        let what = describe(i, f);
        let polygons = match Geometry::read(file, &what, f)? {
            Some(Geometry::Polygon(rings)) => vec![rings],
            Some(Geometry::MultiPolygon(polygons)) => polygons,
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
            name: property(f, "name").unwrap_or("unnamed").to_owned(),
            focus: flag(f, "focus"),
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

    const PLACES: &str = include_str!("../../../../assets/places.geojson");

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
    fn invalid_geojson_is_explained_at_the_level_of_the_file() {
        let point = |geometry: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature",
                "properties":{{"id":"x","name":"X"}},"geometry":{geometry}}}]}}"#
            )
        };
        for (text, says) in [
            (
                r#"{"type":"FeatureCollection","features":{}}"#.to_owned(),
                "not valid GeoJSON (the collection's \"features\" is not an array)",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Point"}]}"#.to_owned(),
                "not valid GeoJSON (feature 1 is not a Feature object",
            ),
            (
                point(r#"{"type":"Pointe","coordinates":[1,2]}"#),
                "feature 1 ('x') has a geometry of unknown type \"Pointe\"",
            ),
            (
                point(r#"{"type":"Point","coordinates":[1,"2"]}"#),
                "feature 1 ('x') has a position that is not numbers",
            ),
            (
                point(r#"{"type":"Point","coordinates":1}"#),
                "feature 1 ('x') has coordinates that are not arrays",
            ),
            (point("null"), "feature 1 ('x') has no geometry"),
            (
                point(r#"{"type":"MultiPoint","coordinates":[[1,2]]}"#),
                "feature 1 ('x') is a MultiPoint; places are Points",
            ),
        ] {
            let e = err(&text);
            assert!(e.contains(says), "{text}: {e}");
        }
    }

    #[test]
    fn the_shipped_basemap_has_libya_in_focus_and_credits_natural_earth() {
        let text = include_str!("../../../../assets/basemap.geojson");
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
                .any(|poly| crate::map::geometry::point_in_ring(&poly[0], (p.lon, p.lat)));
            assert!(inside, "{} is not inside Libya", p.name);
        }
    }

    /// Every position of a file, in order, as the `geojson` crate reads it.
    fn positions_by_geojson_crate(text: &str) -> Vec<(String, Vec<Point>)> {
        use geojson::{FeatureCollection, GeometryValue, Position};
        let fc: FeatureCollection = text.parse().unwrap();
        let points = |ps: &[Position]| -> Vec<Point> {
            ps.iter()
                .map(|p| (p.as_slice()[0], p.as_slice()[1]))
                .collect()
        };
        fc.features
            .iter()
            .map(|f| {
                let props = f.properties.as_ref().unwrap();
                let key = props.get("id").or(props.get("name")).unwrap();
                let all = match &f.geometry.as_ref().unwrap().value {
                    GeometryValue::Point { coordinates } => {
                        points(std::slice::from_ref(coordinates))
                    }
                    GeometryValue::LineString { coordinates } => points(coordinates),
                    GeometryValue::Polygon { coordinates } => {
                        coordinates.iter().flat_map(|r| points(r)).collect()
                    }
                    GeometryValue::MultiPolygon { coordinates } => coordinates
                        .iter()
                        .flatten()
                        .flat_map(|r| points(r))
                        .collect(),
                    other => panic!("{}", other.type_name()),
                };
                (key.as_str().unwrap().to_owned(), all)
            })
            .collect()
    }

    #[test]
    fn the_shipped_files_read_exactly_as_the_geojson_crate_reads_them() {
        let places = parse_places("places.geojson", PLACES).unwrap();
        let ours: Vec<(String, Vec<Point>)> = places
            .places
            .iter()
            .map(|p| (p.id.to_string(), vec![(p.lon, p.lat)]))
            .chain(
                places
                    .boundaries
                    .iter()
                    .map(|b| (b.id.clone(), b.line.clone())),
            )
            .collect();
        let mut theirs = positions_by_geojson_crate(PLACES);
        // Places first, then boundaries, as PlaceSet holds them.
        theirs.sort_by_key(|(_, ps)| ps.len() > 1);
        assert_eq!(ours, theirs);

        let basemap_text = include_str!("../../../../assets/basemap.geojson");
        let basemap = parse_basemap("basemap.geojson", basemap_text).unwrap();
        let ours: Vec<(String, Vec<Point>)> = basemap
            .countries
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    c.polygons.iter().flatten().flatten().copied().collect(),
                )
            })
            .collect();
        assert_eq!(ours, positions_by_geojson_crate(basemap_text));
    }

    #[test]
    fn what_the_geojson_crate_writes_reads_back_exactly() {
        use geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject};
        // Numbers as GeoJSON tools write them: rounded to 6 decimals (11 cm), whole numbers,
        // exponents, negative zero. These read back exactly; a full 17-digit double may come
        // back one unit in the last place off (see `json`), a nanometre on the ground.
        let ring: Vec<Vec<f64>> = (0..40)
            .map(|i| {
                let t = f64::from(i) / 7.0;
                let r = |v: f64| (v * 1e6).round() / 1e6;
                vec![r(10.0 + t.sin() * 3.1), r(30.0 + (t * 1.7).cos() * 2.0)]
            })
            .chain([vec![-0.0, 1e-7], vec![12.0, 31.0]])
            .collect();
        let mut properties = JsonObject::new();
        properties.insert("name".into(), "Test \"land\" طرابلس".into());
        properties.insert("focus".into(), true.into());
        let fc = FeatureCollection {
            bbox: None,
            features: vec![Feature {
                bbox: None,
                geometry: Some(Geometry::new(GeometryValue::new_polygon(vec![
                    ring.clone(),
                ]))),
                id: None,
                properties: Some(properties),
                foreign_members: None,
            }],
            foreign_members: None,
        };
        let map = parse_basemap("basemap.geojson", &fc.to_string()).unwrap();
        let country = &map.countries[0];
        assert_eq!(country.name, "Test \"land\" طرابلس");
        assert!(country.focus);
        let read: Vec<Vec<f64>> = country.polygons[0][0]
            .iter()
            .map(|&(x, y)| vec![x, y])
            .collect();
        assert_eq!(read, ring);
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
