//! What a desk exports: `events.json` and `places.geojson` as the reader's page loads them,
//! and the iframe that embeds the map.

use newsmap_core::data::places::PlaceSet;
use newsmap_core::model::{Extraction, PlaceRole};
use newsmap_core::render::markup::escaped;
use serde_json::{Value, json};

/// `events.json`, as the extractor's command writes it with `--pretty`.
pub fn events_json(x: &Extraction) -> String {
    let mut text = serde_json::to_string_pretty(x).unwrap_or_default();
    text.push('\n');
    text
}

/// `places.geojson` as a value: the places as Points, the boundaries as LineStrings.
pub fn places_value(p: &PlaceSet) -> Value {
    let places = p.places.iter().map(|pl| {
        json!({
            "type": "Feature",
            "properties": {
                "id": pl.id.as_str(),
                "name": pl.name,
                "name_ar": pl.name_ar,
                "role": match pl.role { PlaceRole::Story => "story", PlaceRole::Context => "context" },
                "source": pl.source,
            },
            "geometry": { "type": "Point", "coordinates": [pl.lon, pl.lat] },
        })
    });
    let boundaries = p.boundaries.iter().map(|b| {
        let mut properties = json!({
            "id": b.id,
            "name": b.name,
            "approximate": b.approximate,
            "source": b.source,
        });
        for (key, v) in [
            ("west", &b.west),
            ("east", &b.east),
            ("west_ar", &b.west_ar),
            ("east_ar", &b.east_ar),
        ] {
            if let (Some(v), Some(obj)) = (v, properties.as_object_mut()) {
                obj.insert(key.into(), v.clone().into());
            }
        }
        let line: Vec<[f64; 2]> = b.line.iter().map(|&(lon, lat)| [lon, lat]).collect();
        json!({
            "type": "Feature",
            "properties": properties,
            "geometry": { "type": "LineString", "coordinates": line },
        })
    });
    json!({
        "type": "FeatureCollection",
        "features": places.chain(boundaries).collect::<Vec<_>>(),
    })
}

/// `places.geojson`, indented.
pub fn places_geojson(p: &PlaceSet) -> String {
    let mut text = serde_json::to_string_pretty(&places_value(p)).unwrap_or_default();
    text.push('\n');
    text
}

/// The iframe a page embeds the map with (`url`: the embed's page).
pub fn embed_snippet(url: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0;width:100%\"></iframe>\n",
        escaped(url),
        escaped(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmap_core::data::events::parse_events;
    use newsmap_core::data::places::parse_places;

    #[test]
    fn what_is_exported_reads_back_as_it_was() {
        let places = parse_places(crate::shipped::PLACES).unwrap();
        assert_eq!(parse_places(&places_geojson(&places)).unwrap(), places);
        let events = parse_events(crate::shipped::EVENTS).unwrap();
        assert_eq!(parse_events(&events_json(&events)).unwrap(), events);
    }

    #[test]
    fn the_snippet_escapes_what_the_desk_writes() {
        assert!(
            embed_snippet("https://x.test/a?b=1&c=2", "Map")
                .contains("src=\"https://x.test/a?b=1&amp;c=2\"")
        );
    }
}
