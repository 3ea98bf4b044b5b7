//! Reading the map's GeoJSON into model values.
//!
//! Two files feed the map: `places.geojson` (the story's towns, context landmarks and the
//! traditional east–west boundary) and `basemap.geojson` (country outlines). What comes out
//! is typed (a [`Place`] has a name and a finite coordinate) or a [`DataError`] that names
//! the file, the feature and what to fix. The tests check that the shipped files read
//! exactly as the `geojson` crate reads them.

use super::{DataError, ErrorKind, Json, Kind};
use crate::model::{Place, PlaceId, PlaceRole, Point};

/// The files, as the page requests them and as messages name them.
pub const PLACES_FILE: &str = "places.geojson";
pub const BASEMAP_FILE: &str = "basemap.geojson";
/// The extractor's places, which the desk's editor offers too: Point features read as
/// [`Place`]s by the same reader, with the extractor's own properties beside.
pub const GAZETTEER_FILE: &str = "gazetteer.geojson";

/// A line drawn on the map, such as the traditional Tripolitania–Cyrenaica boundary.
#[derive(Debug, Clone, PartialEq)]
pub struct Boundary {
    pub id: String,
    pub name: String,
    /// Region names on either side, for labels (and in Arabic, when the file has them).
    pub west: Option<String>,
    pub east: Option<String>,
    pub west_ar: Option<String>,
    pub east_ar: Option<String>,
    pub approximate: bool,
    pub source: String,
    /// `(lon, lat)` pairs.
    pub line: Vec<(f64, f64)>,
}

/// Everything `places.geojson` holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaceSet {
    pub places: Vec<Place>,
    pub boundaries: Vec<Boundary>,
}

impl PlaceSet {
    pub fn get(&self, id: &PlaceId) -> Option<&Place> {
        self.places.iter().find(|p| &p.id == id)
    }
}

/// One country outline of the basemap.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub name: String,
    /// The name in Arabic (empty when the data has none).
    pub name_ar: String,
    /// Whether this is the story's country (drawn stronger).
    pub focus: bool,
    /// Polygons, each a list of rings of `(lon, lat)`: the outer ring first, then holes.
    pub polygons: Vec<Vec<Vec<(f64, f64)>>>,
}

/// A named body of water, labelled near its point where the map shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Water {
    pub name: String,
    pub name_ar: String,
    pub lon: f64,
    pub lat: f64,
}

/// Everything `basemap.geojson` holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Country>,
    pub waters: Vec<Water>,
    /// The credit line the data asks for.
    pub attribution: String,
}

fn shape(file: &'static str, problem: impl Into<String>) -> DataError {
    DataError::new(file, ErrorKind::Shape, problem)
}

fn invalid(file: &'static str, problem: &str) -> DataError {
    shape(file, format!("not valid GeoJSON ({problem})"))
}

/// The features of a GeoJSON FeatureCollection, after the checks every file passes.
fn features<J: Json>(file: &'static str, root: &J) -> Result<Vec<J>, DataError> {
    match root.get("type").and_then(|t| t.string()) {
        Some(kind) if kind == "FeatureCollection" => {}
        Some(kind) => {
            return Err(shape(
                file,
                format!("expected a GeoJSON FeatureCollection, found type \"{kind}\""),
            ));
        }
        None => {
            return Err(shape(
                file,
                "expected a GeoJSON FeatureCollection, found no \"type\"",
            ));
        }
    }
    let features = root
        .get("features")
        .and_then(|f| f.items())
        .ok_or_else(|| invalid(file, "the collection's \"features\" is not an array"))?;
    for (i, f) in features.iter().enumerate() {
        let object_or_null = |key: &str| {
            f.get(key)
                .is_none_or(|v| matches!(v.kind(), Kind::Object | Kind::Null))
        };
        let valid = f.get("type").and_then(|t| t.string()).as_deref() == Some("Feature")
            && object_or_null("properties")
            && object_or_null("geometry");
        if !valid {
            return Err(invalid(
                file,
                &format!(
                    "feature {} is not a Feature object with object \"properties\" and \"geometry\"",
                    i.saturating_add(1)
                ),
            ));
        }
    }
    Ok(features)
}

fn property<J: Json>(feature: &J, key: &str) -> Option<String> {
    feature
        .get("properties")?
        .get(key)?
        .string()
        .filter(|s| !s.trim().is_empty())
}

fn flag<J: Json>(feature: &J, key: &str) -> bool {
    feature
        .get("properties")
        .and_then(|p| p.get(key))
        .and_then(|v| v.boolean())
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
    fn read<J: Json>(
        file: &'static str,
        what: &str,
        feature: &J,
    ) -> Result<Option<Geometry>, DataError> {
        let Some(g) = feature.get("geometry") else {
            return Ok(None);
        };
        let coordinates = g.get("coordinates");
        let kind = g.get("type").and_then(|t| t.string()).unwrap_or_default();
        let coords = || {
            coordinates.as_ref().ok_or_else(|| {
                invalid(file, &format!("{what} has coordinates that are not arrays"))
            })
        };
        let geometry = match kind.as_str() {
            "Point" => Geometry::Point(position(file, what, coords()?)?),
            "LineString" => Geometry::LineString(line(file, what, coords()?)?),
            "Polygon" => Geometry::Polygon(polygon(file, what, coords()?)?),
            "MultiPolygon" => Geometry::MultiPolygon(
                list(file, what, coords()?)?
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

fn list<J: Json>(file: &'static str, what: &str, v: &J) -> Result<Vec<J>, DataError> {
    v.items()
        .ok_or_else(|| invalid(file, &format!("{what} has coordinates that are not arrays")))
}

fn position<J: Json>(file: &'static str, what: &str, v: &J) -> Result<Point, DataError> {
    let numbers: Vec<f64> = list(file, what, v)?
        .iter()
        .map(Json::number)
        .collect::<Option<_>>()
        .ok_or_else(|| invalid(file, &format!("{what} has a position that is not numbers")))?;
    match *numbers.as_slice() {
        [lon, lat, ..] if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
            Ok((lon, lat))
        }
        _ => Err(DataError::new(
            file,
            ErrorKind::Value,
            format!(
                "{what} has a coordinate [{}] that is not [longitude, latitude]",
                // Written short, as a file has them: 1e308 stays 1e308.
                numbers
                    .iter()
                    .map(|n| format!("{n:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn line<J: Json>(file: &'static str, what: &str, v: &J) -> Result<Vec<Point>, DataError> {
    list(file, what, v)?
        .iter()
        .map(|p| position(file, what, p))
        .collect()
}

fn polygon<J: Json>(file: &'static str, what: &str, v: &J) -> Result<Vec<Vec<Point>>, DataError> {
    list(file, what, v)?
        .iter()
        .map(|ring| line(file, what, ring))
        .collect()
}

/// Names a feature in messages: by its id if it has one, else by its position.
fn describe<J: Json>(index: usize, f: &J) -> String {
    match property(f, "id") {
        Some(id) => format!("feature {} ('{id}')", index.saturating_add(1)),
        None => format!("feature {}", index.saturating_add(1)),
    }
}

/// What every feature of a file of places names: its id, its name, its source.
struct Named {
    id: String,
    name: String,
    source: String,
}

impl Named {
    fn read<J: Json>(file: &'static str, f: &J, what: &str) -> Result<Named, DataError> {
        Ok(Named {
            id: property(f, "id")
                .ok_or_else(|| shape(file, format!("{what} has no \"id\" property")))?,
            name: property(f, "name")
                .ok_or_else(|| shape(file, format!("{what} has no \"name\" property")))?,
            source: property(f, "source").unwrap_or_default(),
        })
    }
}

/// A Point feature: a place, a story town unless its `role` says "context".
fn read_place<J: Json>(
    file: &'static str,
    f: &J,
    what: &str,
    named: Named,
    at: Point,
) -> Result<Place, DataError> {
    let role = match property(f, "role").as_deref() {
        None | Some("story") => PlaceRole::Story,
        Some("context") => PlaceRole::Context,
        Some(other) => {
            return Err(DataError::new(
                file,
                ErrorKind::Value,
                format!("{what} has role \"{other}\"; use \"story\" or \"context\""),
            ));
        }
    };
    Ok(Place {
        id: PlaceId::new(named.id),
        name: named.name,
        name_ar: property(f, "name_ar").unwrap_or_default(),
        lon: at.0,
        lat: at.1,
        source: named.source,
        role,
    })
}

/// A LineString feature: a boundary, with the names of the regions either side.
fn read_boundary<J: Json>(
    f: &J,
    what: &str,
    named: Named,
    line: Vec<Point>,
) -> Result<Boundary, DataError> {
    if line.len() < 2 {
        return Err(DataError::new(
            PLACES_FILE,
            ErrorKind::Value,
            format!("{what} is a line of fewer than two points"),
        ));
    }
    Ok(Boundary {
        id: named.id,
        name: named.name,
        west: property(f, "west"),
        east: property(f, "east"),
        west_ar: property(f, "west_ar"),
        east_ar: property(f, "east_ar"),
        approximate: flag(f, "approximate"),
        source: named.source,
        line,
    })
}

/// One feature of a file of places.
enum Feature {
    Place(Place),
    Line(Boundary),
}

/// Reads feature `i` of a file of places: a Point is a place, a LineString a boundary.
fn read_feature<J: Json>(file: &'static str, i: usize, f: &J) -> Result<Feature, DataError> {
    let what = describe(i, f);
    let named = Named::read(file, f, &what)?;
    let geometry = Geometry::read(file, &what, f)?
        .ok_or_else(|| shape(file, format!("{what} has no geometry")))?;
    match geometry {
        Geometry::Point(at) => Ok(Feature::Place(read_place(file, f, &what, named, at)?)),
        Geometry::LineString(line) => Ok(Feature::Line(read_boundary(f, &what, named, line)?)),
        other => {
            let kind = other.type_name();
            Err(shape(
                file,
                format!("{what} is a {kind}; places are Points and boundaries LineStrings"),
            ))
        }
    }
}

/// Adds the place of feature `i`, unless its id is taken.
fn add_place(
    file: &'static str,
    places: &mut Vec<Place>,
    i: usize,
    p: Place,
) -> Result<(), DataError> {
    if places.iter().any(|q| q.id == p.id) {
        return Err(DataError::new(
            file,
            ErrorKind::Duplicate,
            format!(
                "feature {} ('{}'): the id is used twice",
                i.saturating_add(1),
                p.id
            ),
        ));
    }
    places.push(p);
    Ok(())
}

/// Reads `places.geojson`: a FeatureCollection of Points (places, with `id`, `name`,
/// `name_ar`, `source` and optional `role`) and LineStrings (boundaries).
pub fn read_places<J: Json>(root: &J) -> Result<PlaceSet, DataError> {
    let file = PLACES_FILE;
    let mut places: Vec<Place> = Vec::new();
    let mut boundaries = Vec::new();
    for (i, f) in features(file, root)?.iter().enumerate() {
        match read_feature(file, i, f)? {
            Feature::Place(p) => add_place(file, &mut places, i, p)?,
            Feature::Line(b) => boundaries.push(b),
        }
    }
    if places.is_empty() {
        return Err(shape(
            file,
            "the collection holds no place (no Point feature)",
        ));
    }
    Ok(PlaceSet { places, boundaries })
}

/// Reads a file of places that holds Points only (the gazetteer): each place, and its feature
/// for the properties the caller reads besides.
pub fn read_points<J: Json>(file: &'static str, root: &J) -> Result<Vec<(Place, J)>, DataError> {
    let mut places: Vec<Place> = Vec::new();
    let mut features_read = Vec::new();
    for (i, f) in features(file, root)?.into_iter().enumerate() {
        match read_feature(file, i, &f)? {
            Feature::Place(p) => add_place(file, &mut places, i, p)?,
            Feature::Line(b) => {
                return Err(shape(
                    file,
                    format!("the line '{}': this file holds places (Points) only", b.id),
                ));
            }
        }
        features_read.push(f);
    }
    Ok(places.into_iter().zip(features_read).collect())
}

/// Reads the places of `gazetteer.geojson` (the extractor's, which the desk offers), without
/// the properties only the extractor reads.
pub fn read_gazetteer<J: Json>(root: &J) -> Result<Vec<Place>, DataError> {
    Ok(read_points(GAZETTEER_FILE, root)?
        .into_iter()
        .map(|(p, _)| p)
        .collect())
}

/// Reads `basemap.geojson`: Polygon or MultiPolygon features (countries) with a `name`, a
/// `name_ar`, an optional `focus: true` for the story's country; Point features (seas, gulfs)
/// with a `name` and a `name_ar`; and the collection's `attribution` member.
pub fn read_basemap<J: Json>(root: &J) -> Result<Basemap, DataError> {
    let file = BASEMAP_FILE;
    let features = features(file, root)?;
    let attribution = root
        .get("attribution")
        .and_then(|a| a.string())
        .unwrap_or_else(|| "Natural Earth".to_owned());
    let mut countries = Vec::with_capacity(features.len());
    let mut waters = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let what = describe(i, f);
        let name = || property(f, "name").unwrap_or_else(|| "unnamed".to_owned());
        let polygons = match Geometry::read(file, &what, f)? {
            Some(Geometry::Polygon(rings)) => vec![rings],
            Some(Geometry::MultiPolygon(polygons)) => polygons,
            Some(Geometry::Point((lon, lat))) => {
                waters.push(Water {
                    name: name(),
                    name_ar: property(f, "name_ar").unwrap_or_default(),
                    lon,
                    lat,
                });
                continue;
            }
            Some(other) => {
                return Err(shape(
                    file,
                    format!(
                        "{what} is a {}; the basemap holds Polygons (countries) and Points (waters)",
                        other.type_name()
                    ),
                ));
            }
            None => return Err(shape(file, format!("{what} has no geometry"))),
        };
        countries.push(Country {
            name: name(),
            name_ar: property(f, "name_ar").unwrap_or_default(),
            focus: flag(f, "focus"),
            polygons,
        });
    }
    Ok(Basemap {
        countries,
        waters,
        attribution,
    })
}

/// Reads `places.geojson` from its text (natively, with serde_json).
#[cfg(feature = "native")]
pub fn parse_places(text: &str) -> Result<PlaceSet, DataError> {
    read_places(&super::parse_json::<serde_json::Value>(PLACES_FILE, text)?)
}

/// Reads `basemap.geojson` from its text (natively, with serde_json).
#[cfg(feature = "native")]
pub fn parse_basemap(text: &str) -> Result<Basemap, DataError> {
    read_basemap(&super::parse_json::<serde_json::Value>(BASEMAP_FILE, text)?)
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;

    const PLACES: &str = include_str!("../../../../assets/places.geojson");

    #[test]
    fn the_shipped_places_hold_the_four_towns_and_the_boundary() {
        let set = parse_places(PLACES).unwrap();
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
        parse_places(text).unwrap_err().to_string()
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
        // A coordinate is written short, as the file has it.
        let huge = bad_coord.replace("[200,2]", "[1e308,2]");
        assert!(
            err(&huge).contains("a coordinate [1e308, 2.0] that is not"),
            "{}",
            err(&huge)
        );
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
        let map = parse_basemap(text).unwrap();
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
        let places = parse_places(PLACES).unwrap();
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
        let places = parse_places(PLACES).unwrap();
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
        let basemap = parse_basemap(basemap_text).unwrap();
        let ours: Vec<(String, Vec<Point>)> = basemap
            .countries
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    c.polygons.iter().flatten().flatten().copied().collect(),
                )
            })
            .chain(
                basemap
                    .waters
                    .iter()
                    .map(|w| (w.name.clone(), vec![(w.lon, w.lat)])),
            )
            .collect();
        assert_eq!(ours, positions_by_geojson_crate(basemap_text));
        assert!(basemap.countries.iter().all(|c| !c.name_ar.is_empty()));
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
        let map = parse_basemap(&fc.to_string()).unwrap();
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
        let e = parse_basemap("{}").unwrap_err();
        assert_eq!(e.file, "basemap.geojson");
        let line = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"X"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}}]}"#;
        assert!(
            parse_basemap(line)
                .unwrap_err()
                .problem
                .contains("LineString")
        );
        // A point is a sea's name, at its place.
        let sea = line.replace(
            r#""LineString","coordinates":[[1,2],[3,4]]"#,
            r#""Point","coordinates":[1,2]"#,
        );
        let map = parse_basemap(&sea).unwrap();
        assert_eq!((map.waters[0].name.as_str(), map.waters[0].lon), ("X", 1.0));
    }
}
