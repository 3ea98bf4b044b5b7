//! Words for the reader: dates at the precision the text gives, and a headline for each event.
//!
//! ```
//! use newsmap_core::story::words::date_label;
//! let w = "2020-06-08T16:00Z".parse()?;
//! assert_eq!(date_label(w, Some("18:00")), "Monday 8 June 2020, 18:00 (16:00 GMT)");
//! assert_eq!(date_label("2020-01".parse()?, None), "January 2020");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::data::places::PlaceSet;
use crate::model::date::{Date, MONTH_NAMES, When};
use crate::model::{Event, EventKind, PlaceId, Stance};

fn month_name(m: u8) -> &'static str {
    MONTH_NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

fn day_text(d: Date, weekday: bool) -> String {
    let day = format!("{} {} {}", d.day, month_name(d.month), d.year);
    if weekday {
        format!("{} {day}", d.weekday().name())
    } else {
        day
    }
}

fn time_text(minute: u16, local_time: Option<&str>) -> String {
    let utc = format!("{:02}:{:02} GMT", minute / 60, minute % 60);
    match local_time {
        Some(local) => format!("{local} ({utc})"),
        None => utc,
    }
}

/// The full label of a date: "2011", "January 2020", "Friday 5 June 2020",
/// "Monday 8 June 2020, 18:00 (16:00 GMT)".
pub fn date_label(w: When, local_time: Option<&str>) -> String {
    match w {
        When::Year(y) => y.to_string(),
        When::Month(y, m) => format!("{} {y}", month_name(m)),
        When::Day(d) => day_text(d, true),
        When::Minute(d, m) => format!("{}, {}", day_text(d, true), time_text(m, local_time)),
    }
}

/// A shorter label, for announcements and the slider's spoken value: "5 June 2020",
/// "8 June 2020, 18:00 (16:00 GMT)".
pub fn short_date_label(w: When, local_time: Option<&str>) -> String {
    match w {
        When::Day(d) => day_text(d, false),
        When::Minute(d, m) => format!("{}, {}", day_text(d, false), time_text(m, local_time)),
        other => date_label(other, local_time),
    }
}

/// The reader's name for a place: its name in `places.geojson`, else its id.
pub fn place_name(places: &PlaceSet, id: &PlaceId) -> String {
    places
        .get(id)
        .map_or_else(|| id.to_string(), |p| p.name.clone())
}

/// What happened, in a few words: "GNA takes Tarhuna from LNA", "5 GNA air strikes on Sirte".
pub fn headline(e: &Event, places: &PlaceSet) -> String {
    let actor = e.actor.map(|a| a.short_name()).unwrap_or("Unnamed forces");
    let place = e
        .place
        .as_ref()
        .map(|p| place_name(places, p))
        .or_else(|| e.place_name.clone())
        .unwrap_or_default();
    match e.kind {
        EventKind::Capture => match e.from {
            Some(from) => format!("{actor} takes {place} from {}", from.short_name()),
            None => format!("{actor} takes {place}"),
        },
        EventKind::Offensive => match &e.origin {
            Some(o) => format!(
                "{actor} offensive on {place}, from {}",
                place_name(places, o)
            ),
            None => format!("{actor} offensive on {place}"),
        },
        EventKind::Airstrike => match e.count {
            Some(n) if n > 1 => format!("{n} {actor} air strikes on {place}"),
            _ => format!("{actor} air strikes on {place}"),
        },
        EventKind::Shelling => format!("{actor} shelling of {place}"),
        EventKind::CeasefireAnnounced => format!("{actor} announces a ceasefire"),
        EventKind::CeasefireEffective => "Ceasefire takes effect".to_owned(),
        EventKind::Statement => match e.stance {
            Some(Stance::Rejection) => format!("{actor} rejects the ceasefire move"),
            _ => format!("{actor} backs the ceasefire move"),
        },
        EventKind::Uprising => "Uprising; Libya plunges into chaos".to_owned(),
        EventKind::Withdrawal => format!("{actor} withdraws from {place}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::places::parse_places;
    use crate::model::Extraction;

    #[test]
    fn labels_at_every_precision() {
        let l = |s: &str| date_label(s.parse().unwrap(), None);
        assert_eq!(l("2011"), "2011");
        assert_eq!(l("2019-04"), "April 2019");
        assert_eq!(l("2020-06-05"), "Friday 5 June 2020");
        assert_eq!(l("2020-06-08T16:00Z"), "Monday 8 June 2020, 16:00 GMT");
        assert_eq!(
            short_date_label("2020-06-05".parse().unwrap(), None),
            "5 June 2020"
        );
        assert_eq!(
            short_date_label("2020-06-08T16:00Z".parse().unwrap(), Some("18:00")),
            "8 June 2020, 18:00 (16:00 GMT)"
        );
    }

    #[test]
    fn headlines_of_the_seed_events() {
        let places = parse_places(
            "places.geojson",
            include_str!("../../../../assets/places.geojson"),
        )
        .unwrap();
        let x: Extraction =
            crate::data::events::parse_events(include_str!("../../../../assets/events.json"))
                .unwrap();
        let all: Vec<String> = x.events.iter().map(|e| headline(e, &places)).collect();
        for want in [
            "GNA takes Tarhuna from LNA",
            "GNA takes Bani Walid from LNA",
            "LNA takes Sirte",
            "GNA offensive on Sirte",
            "LNA offensive on Tripoli, from Tarhuna",
            "5 GNA air strikes on Sirte",
            "Egypt announces a ceasefire",
            "Ceasefire takes effect",
            "Russia backs the ceasefire move",
        ] {
            assert!(all.iter().any(|h| h == want), "{want} not in {all:?}");
        }
    }
}
