#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The spelling key against GeoNames: the Latin alternate names GeoNames gives each of Libya's
//! places (`tests/data/geonames-ly.json`, written by `scripts/gazetteer`) mostly come to the
//! key of the place's own name, and the gazetteer's places do not share keys.

use newsmap_extract::knowledge::{Knowledge, Phrase};
use serde::Deserialize;

#[derive(Deserialize)]
struct Data {
    places: Vec<Place>,
}

#[derive(Deserialize)]
struct Place {
    name: String,
    alternates: Vec<String>,
}

fn key(k: &Knowledge, name: &str) -> Option<String> {
    let words = Phrase::new(name).0;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    k.spelling_key(&words)
}

#[test]
fn geonames_alternate_spellings_come_to_the_name_s_key() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/geonames-ly.json"
    ))
    .unwrap();
    let data: Data = serde_json::from_str(&text).unwrap();
    let k = Knowledge::builtin();
    let (mut same, mut all) = (0, 0);
    for p in &data.places {
        let Some(own) = key(k, &p.name) else { continue };
        for a in &p.alternates {
            all += 1;
            same += usize::from(key(k, a).as_deref() == Some(own.as_str()));
        }
    }
    let share = same as f64 / all as f64;
    println!("{same} of {all} GeoNames alternate names ({share:.2}) come to their place's key");
    assert!(all > 500, "the data holds the alternates");
    // The rest are other names ("Castelverde", "Oea") or other languages' spellings
    // ("Adzhdabija"); a key that lost its way would fall far below this.
    assert!(share >= 0.5, "{share:.2}");
}

#[test]
fn the_gazetteer_s_places_seldom_share_a_key_and_a_shared_key_matches_neither() {
    let k = Knowledge::builtin();
    let mut by_key: std::collections::BTreeMap<String, Vec<&str>> = Default::default();
    for p in &k.places {
        if let Some(key) = key(k, &p.place.name) {
            by_key.entry(key).or_default().push(p.id().as_str());
        }
    }
    let shared: Vec<_> = by_key.iter().filter(|(_, ids)| ids.len() > 1).collect();
    println!("keys shared by places of the gazetteer: {shared:?}");
    assert!(shared.len() * 20 <= by_key.len(), "{shared:?}");
    for (key, ids) in shared {
        let words: Vec<&str> = vec![key.as_str()];
        let found = k.place_by_spelling(&words).map(|p| p.id().as_str());
        assert!(
            !found.is_some_and(|f| ids.contains(&f)),
            "{key} matched {found:?}"
        );
    }
}
