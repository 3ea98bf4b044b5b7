//! The story's data, loaded: the three files a story needs read with the readers of
//! [`data`](crate::data), and its timeline built. The app, the prerender and the tests all
//! load data through [`Dataset::parse`].

use crate::data::{
    Basemap, DataError, EVENTS_FILE, ErrorKind, Json, PLACES_FILE, PlaceSet, Source, load_basemap,
    parse_json, read_events, read_places,
};
use crate::model::Extraction;
use crate::story::timeline::Timeline;

/// Everything the story is drawn from, as far as it loaded.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub places: Option<PlaceSet>,
    pub basemap: Option<Basemap>,
    pub extraction: Option<Extraction>,
    /// The story: built when both the places and the events loaded.
    pub timeline: Option<Timeline>,
    /// Names the texts of the places and the events together (see [`fingerprint`]): a page
    /// drawn from other data has another one.
    pub fingerprint: String,
}

/// A short name for the texts of the places and the events (64-bit FNV-1a, in hex). The
/// prerendered page carries it, so the app can tell whether the page it takes over was drawn
/// from the data it read. Not a checksum against tampering, only against staleness.
pub fn fingerprint(places: &str, events: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = places.bytes().chain([0]).chain(events.bytes());
    let hash = bytes.fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("{hash:016x}")
}

impl Dataset {
    /// Reads `places.geojson`, `basemap.geojson` (when this reader needs it) and
    /// `events.json`, and builds the timeline. Every file that reads is kept; every problem
    /// comes back as a [`DataError`], so the rest of the story still shows.
    pub fn parse<J: Json>(
        places: Source,
        basemap: Option<Source>,
        events: Source,
    ) -> (Dataset, Vec<DataError>) {
        let mut errors = Vec::new();
        let fingerprint = match (&places, &events) {
            (Ok(p), Ok(e)) => fingerprint(p, e),
            _ => String::new(),
        };
        let mut keep = |file: &'static str, source: Source| -> Option<J> {
            let read = source
                .map_err(|problem| DataError::new(file, ErrorKind::Unavailable, problem))
                .and_then(|text| parse_json::<J>(file, text));
            read.map_err(|e| errors.push(e)).ok()
        };
        let places_json = keep(PLACES_FILE, places);
        let events_json = keep(EVENTS_FILE, events);
        let mut data = Dataset {
            fingerprint,
            ..Dataset::default()
        };
        if let Some(j) = places_json {
            data.places = read_places(&j).map_err(|e| errors.push(e)).ok();
        }
        if let Some(source) = basemap {
            data.basemap = load_basemap::<J>(source).map_err(|e| errors.push(e)).ok();
        }
        if let Some(j) = events_json {
            data.extraction = read_events(&j).map_err(|e| errors.push(e)).ok();
        }
        if let (Some(places), Some(x)) = (&data.places, &data.extraction) {
            let (timeline, issues) = Timeline::new(&x.events, places);
            errors.extend(issues);
            data.timeline = Some(timeline);
        }
        (data, errors)
    }

    /// Reads the shipped files of a repository (`assets/`), as the prerender and the tests do.
    #[cfg(feature = "native")]
    pub fn read_assets(dir: &std::path::Path) -> (Dataset, Vec<DataError>) {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).map_err(|e| format!("cannot be read ({e})"))
        };
        let basemap = read(crate::data::BASEMAP_FILE);
        let (places, events) = (read(PLACES_FILE), read(EVENTS_FILE));
        Dataset::parse::<serde_json::Value>(
            places.as_deref().map_err(Clone::clone),
            Some(basemap.as_deref().map_err(Clone::clone)),
            events.as_deref().map_err(Clone::clone),
        )
    }
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::data::BASEMAP_FILE;

    fn shipped(name: &str) -> String {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../assets")
                .join(name),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    #[test]
    fn the_shipped_data_loads_whole() {
        let (data, errors) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        assert!(errors.iter().all(DataError::is_warning), "{errors:?}");
        assert!(data.places.is_some() && data.basemap.is_some());
        assert!(data.timeline.is_some_and(|t| t.stops().len() > 4));
    }

    #[test]
    fn the_fingerprint_changes_with_either_text_and_with_where_they_meet() {
        let f = fingerprint("{\"a\":1}", "{}");
        assert_eq!(f.len(), 16);
        assert_eq!(f, fingerprint("{\"a\":1}", "{}"));
        assert_ne!(f, fingerprint("{\"a\":2}", "{}"));
        assert_ne!(f, fingerprint("{\"a\":1}", "{ }"));
        assert_ne!(fingerprint("ab", "c"), fingerprint("a", "bc"));
        let (data, _) = Dataset::parse::<serde_json::Value>(Ok("x"), None, Err("404".into()));
        assert_eq!(data.fingerprint, "", "no fingerprint without both texts");
    }

    #[test]
    fn each_file_fails_alone_and_says_what_kind_of_problem_it_has() {
        let places = shipped(PLACES_FILE);
        let events = shipped(EVENTS_FILE);
        let (data, errors) = Dataset::parse::<serde_json::Value>(
            Ok(&places),
            Some(Err("the server answered 404 Not Found".into())),
            Ok("{\"events\": 3"),
        );
        let kinds: Vec<(&str, ErrorKind)> = errors.iter().map(|e| (e.file, e.kind)).collect();
        assert_eq!(
            kinds,
            [
                (EVENTS_FILE, ErrorKind::Syntax),
                (BASEMAP_FILE, ErrorKind::Unavailable)
            ]
        );
        assert!(data.places.is_some() && data.timeline.is_none());

        let (_, errors) = Dataset::parse::<serde_json::Value>(Ok(""), None, Ok(&events));
        assert_eq!(errors[0].kind, ErrorKind::Empty);
        assert_eq!(errors[0].to_string(), "places.geojson: the file is empty");
    }
}
