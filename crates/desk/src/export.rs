//! What a desk publishes: `events.json` and `places.geojson` as the reader's page loads them,
//! the lines of `index.html` that carry the headline and standfirst, and the embed snippet.

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

/// The lines of `index.html` that carry the map's headline and standfirst.
pub fn head_lines(headline: &str, standfirst: &str) -> String {
    format!(
        "<title>{}</title>\n<meta name=\"description\" content=\"{}\" />\n",
        escaped(headline),
        escaped(standfirst)
    )
}

/// The iframe a page embeds the map with (`url`: where `dist/` will be served).
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

    /// What the reader's build does with the files: read them as one dataset (as the prerender
    /// does) and draw the opening page into `index.html`, with the head's lines pasted in.
    #[test]
    fn the_build_reads_the_export_as_the_desk_left_it() {
        use crate::fields::Field;
        use crate::session::Session;
        use newsmap_core::dataset::Dataset;
        use newsmap_core::model::date::When;
        use newsmap_core::model::{Actor, EventKind, PlaceId};
        use newsmap_core::render::prerender::{END, START, heading, prerender};
        use newsmap_core::story::reading::Story;

        let gaz = &crate::shipped::gazetteer();
        let mut s = Session::new(parse_places(crate::shipped::PLACES).unwrap());
        s.read(
            "the article".into(),
            newsmap_extract::extract(crate::shipped::ARTICLE),
            gaz,
        );
        let tarhuna = PlaceId::new("tarhuna");
        let i = s
            .extraction
            .events
            .iter()
            .position(|e| e.kind == EventKind::Capture && e.place.as_ref() == Some(&tarhuna))
            .unwrap();
        s.set(i, Field::Date, "2020-06-07", gaz).unwrap();
        let new_place = s.place_unknown("Qasr bin Ghashir", "قصر بن غشير", 13.16, 32.68);
        s.headline = "Tarhuna falls a day later".into();

        let (places, events) = (places_geojson(&s.places), events_json(&s.extraction));
        let (data, errors) = Dataset::parse::<Value>(Ok(&places), None, Ok(&events));
        assert!(errors.iter().all(|e| e.is_warning()), "{errors:?}");
        let timeline = data.timeline.unwrap();
        let holder = |day: &str| {
            let t = day.parse::<When>().unwrap().start() + 720.0;
            timeline.frame_at(t).place(&tarhuna).and_then(|p| p.control)
        };
        assert_eq!(holder("2020-06-06"), Some(Actor::Lna));
        assert_eq!(holder("2020-06-07"), Some(Actor::Gna));
        assert!(data.places.as_ref().unwrap().get(&new_place).is_some());

        let index = format!(
            "<html><head>\n{}</head><body>{START}{END}</body></html>",
            head_lines(&s.headline, &s.standfirst)
        );
        assert_eq!(heading(&index).headline, "Tarhuna falls a day later");
        let story = Story::new(timeline, data.places.clone().unwrap());
        let page = prerender(&index, &story, None, &data.fingerprint).unwrap();
        let (_, body) = page.split_once(START).unwrap();
        assert!(
            body.contains("Tarhuna falls a day later"),
            "the page's headline"
        );
        assert!(
            body.contains("7 June 2020: GNA takes Tarhuna from LNA"),
            "the edited date"
        );
        assert!(
            body.contains("Qasr bin Ghashir."),
            "the desk's new place is on the map"
        );
        assert!(body.contains(&data.fingerprint));
    }

    #[test]
    fn the_head_and_the_snippet_escape_what_the_desk_writes() {
        let head = head_lines("Libya: \"war\" & peace", "<b>x</b>");
        assert!(head.contains("<title>Libya: &quot;war&quot; &amp; peace</title>"));
        assert!(head.contains("content=\"&lt;b&gt;x&lt;/b&gt;\""));
        assert!(
            embed_snippet("https://x.test/a?b=1&c=2", "Map")
                .contains("src=\"https://x.test/a?b=1&amp;c=2\"")
        );
    }
}
