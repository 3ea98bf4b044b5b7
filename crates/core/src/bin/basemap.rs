//! Converts Natural Earth country outlines (TopoJSON, as shipped in the npm package
//! `world-atlas`) into the small GeoJSON basemap the app loads.
//!
//! Usage: `cargo run --release -p newsmap-core --bin basemap -- countries-50m.json > assets/basemap.geojson`
//! (`scripts/basemap` fetches world-atlas 2.0.2 with npm and runs this).
//!
//! It keeps Libya and its neighbours with their names in English and Arabic, adds the seas the
//! map names as points, clips the countries to the area the map can ever show, simplifies
//! them (Douglas–Peucker) to what 1600 pixels can draw and rounds coordinates to 3 decimals
//! (about 100 m, a fifth of a pixel at the widest map).

use geojson::{
    Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, PolygonType, Position,
};
use newsmap_core::map::geometry::{Point, clip_ring, round_to, simplify};
use serde_json::Value;
use std::process::ExitCode;

/// The countries to keep: ISO 3166 numeric id, whether it is the story's country, and the
/// name in Arabic (the English one comes from Natural Earth).
const COUNTRIES: [(&str, bool, &str); 11] = [
    ("434", true, "ليبيا"),
    ("788", false, "تونس"),
    ("012", false, "الجزائر"),
    ("562", false, "النيجر"),
    ("148", false, "تشاد"),
    ("729", false, "السودان"),
    ("818", false, "مصر"),
    ("470", false, "مالطا"),
    ("380", false, "إيطاليا"), // Lampedusa, Pantelleria
    ("300", false, "اليونان"), // Crete
    ("196", false, "قبرص"),
];

/// Seas and gulfs the map names: English, Arabic, and a point of the water (lon, lat) near
/// which the label goes.
const WATERS: [(&str, &str, f64, f64); 2] = [
    ("Mediterranean Sea", "البحر الأبيض المتوسط", 16.0, 33.9),
    ("Gulf of Sidra", "خليج سرت", 18.4, 31.45),
];

/// The area kept (lon, lat): all of Libya and its borders with every neighbour, and to the
/// north and east enough sea and coast that
/// a 1600 × 640 or a 320 × 340 view still has land to its edges.
const CLIP: [f64; 4] = [6.0, 18.5, 26.0, 37.0];

/// Douglas–Peucker tolerance in degrees: about 1 pixel at the widest map.
const TOLERANCE: f64 = 0.006;

const ATTRIBUTION: &str = "Made with Natural Earth (public domain), via world-atlas 2.0.2";

struct Topology {
    arcs: Vec<Vec<Point>>,
}

impl Topology {
    fn parse(v: &Value) -> Result<Topology, String> {
        let transform = v.get("transform");
        let pair = |key: &str, default: f64| -> (f64, f64) {
            let a = transform.and_then(|t| t.get(key));
            let at = |i: usize| {
                a.and_then(|a| a.get(i))
                    .and_then(Value::as_f64)
                    .unwrap_or(default)
            };
            (at(0), at(1))
        };
        let (sx, sy) = pair("scale", 1.0);
        let (tx, ty) = pair("translate", 0.0);
        let quantized = transform.is_some();
        let arcs = v
            .get("arcs")
            .and_then(Value::as_array)
            .ok_or("no \"arcs\" array: is this TopoJSON?")?
            .iter()
            .map(|arc| {
                let (mut x, mut y) = (0.0, 0.0);
                arc.as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        let dx = p.get(0).and_then(Value::as_f64).unwrap_or(0.0);
                        let dy = p.get(1).and_then(Value::as_f64).unwrap_or(0.0);
                        if quantized {
                            x += dx;
                            y += dy;
                            (x * sx + tx, y * sy + ty)
                        } else {
                            (dx, dy)
                        }
                    })
                    .collect()
            })
            .collect();
        Ok(Topology { arcs })
    }

    /// Joins arc references into a ring; `~i` (negative) is arc i reversed.
    fn ring(&self, refs: &Value) -> Vec<Point> {
        let mut ring: Vec<Point> = Vec::new();
        for r in refs.as_array().into_iter().flatten() {
            let Some(i) = r.as_i64() else { continue };
            let (index, reversed) = if i < 0 {
                ((!i) as usize, true)
            } else {
                (i as usize, false)
            };
            let Some(arc) = self.arcs.get(index) else {
                continue;
            };
            let mut points = arc.clone();
            if reversed {
                points.reverse();
            }
            let skip = usize::from(!ring.is_empty());
            ring.extend(points.into_iter().skip(skip));
        }
        ring
    }
}

/// One polygon's rings, clipped, simplified and rounded; `None` when its outer ring is gone.
fn polygon(topo: &Topology, rings: &Value) -> Option<PolygonType> {
    let mut out = Vec::new();
    for (i, refs) in rings.as_array()?.iter().enumerate() {
        let ring = topo.ring(refs);
        let clipped = clip_ring(&ring, CLIP[0], CLIP[1], CLIP[2], CLIP[3]);
        let simple = simplify(&clipped, TOLERANCE);
        if simple.len() < 4 {
            if i == 0 {
                return None; // the outer ring is gone: so is the polygon
            }
            continue;
        }
        out.push(
            simple
                .iter()
                .map(|&(x, y)| Position::from([round_to(x, 3), round_to(y, 3)]))
                .collect(),
        );
    }
    Some(out)
}

fn convert(text: &str) -> Result<FeatureCollection, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let topo = Topology::parse(&v)?;
    let geometries = v
        .pointer("/objects/countries/geometries")
        .and_then(Value::as_array)
        .ok_or("no objects.countries.geometries: expected world-atlas countries-*.json")?;
    let mut features = Vec::new();
    for (id, focus, name_ar) in COUNTRIES {
        let Some(g) = geometries
            .iter()
            .find(|g| g.get("id").and_then(Value::as_str) == Some(id))
        else {
            return Err(format!("country {id} is not in the file"));
        };
        let name = g
            .pointer("/properties/name")
            .and_then(Value::as_str)
            .unwrap_or(id);
        let arcs = g.get("arcs").ok_or(format!("{name} has no arcs"))?;
        let polygons: Vec<PolygonType> = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => polygon(&topo, arcs).into_iter().collect(),
            Some("MultiPolygon") => arcs
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| polygon(&topo, p))
                .collect(),
            other => return Err(format!("{name} has geometry type {other:?}")),
        };
        if polygons.is_empty() {
            continue; // nothing of it inside the clip box
        }
        let mut properties = JsonObject::new();
        properties.insert("name".into(), name.into());
        properties.insert("name_ar".into(), name_ar.into());
        properties.insert("iso_n3".into(), id.into());
        if focus {
            properties.insert("focus".into(), true.into());
        }
        features.push(Feature {
            geometry: Some(Geometry::new(GeometryValue::new_multi_polygon(polygons))),
            properties: Some(properties),
            ..Feature::default()
        });
    }
    features.extend(waters());
    let mut members = JsonObject::new();
    members.insert("attribution".into(), ATTRIBUTION.into());
    Ok(FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(members),
    })
}

/// The seas and gulfs, as named points.
fn waters() -> impl Iterator<Item = Feature> {
    WATERS.into_iter().map(|(name, name_ar, lon, lat)| {
        let mut properties = JsonObject::new();
        properties.insert("name".into(), name.into());
        properties.insert("name_ar".into(), name_ar.into());
        properties.insert("kind".into(), "water".into());
        Feature {
            geometry: Some(Geometry::new(GeometryValue::new_point(vec![lon, lat]))),
            properties: Some(properties),
            ..Feature::default()
        }
    })
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: basemap COUNTRIES-50M.json > assets/basemap.geojson");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("basemap: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match convert(&text) {
        Ok(collection) => {
            // One feature per line: compact, yet diffs stay readable.
            println!(
                "{{\"type\":\"FeatureCollection\",\"attribution\":{},\"features\":[",
                Value::from(ATTRIBUTION)
            );
            let n = collection.features.len();
            for (i, f) in collection.features.iter().enumerate() {
                let sep = if i + 1 < n { "," } else { "" };
                println!("{f}{sep}");
            }
            println!("]}}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("basemap: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
