//! The static snapshot (`assets/snapshot.svg`) is what the code draws from the data now.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsmap_core::data::events::parse_events;
use newsmap_core::data::places::{parse_basemap, parse_places};
use newsmap_core::story::timeline::Timeline;

fn render() -> String {
    let places = parse_places(
        "places.geojson",
        include_str!("../../../assets/places.geojson"),
    )
    .unwrap();
    let basemap = parse_basemap(
        "basemap.geojson",
        include_str!("../../../assets/basemap.geojson"),
    )
    .unwrap();
    let events = parse_events(include_str!("../../../assets/events.json")).unwrap();
    let (timeline, issues) = Timeline::new(&events.events, &places);
    assert!(issues.is_empty());
    newsmap_core::render::snapshot::render(&places, Some(&basemap), &timeline).unwrap()
}

#[test]
fn the_snapshot_is_fresh() {
    assert_eq!(
        include_str!("../../../assets/snapshot.svg"),
        render(),
        "assets/snapshot.svg is stale: run `cargo run --release --bin snapshot > assets/snapshot.svg`"
    );
}

#[test]
fn the_snapshot_shows_the_final_state() {
    let svg = render();
    for name in ["Tripoli", "Tarhuna", "Bani Walid", "Sirte"] {
        assert!(svg.contains(&format!(">{name}</text>")), "{name}");
    }
    assert!(svg.contains(r#"class="boundary""#));
    assert!(
        svg.contains(r#"class="shaft lna""#) && svg.contains(r#"class="shaft gna""#),
        "both offensives drawn"
    );
    assert!(svg.contains("Ceasefire in effect since Monday 8 June 2020, 18:00 (16:00 GMT)"));
    assert!(svg.contains("5 June 2020: GNA takes Tarhuna from LNA"));
    // Final control: three towns GNA (circles), Sirte LNA (square).
    assert_eq!(
        svg.matches(r#"<path class="gna" d="M"#).count(),
        3 + 1,
        "three towns and the key"
    );
    assert_eq!(
        svg.matches(r#"<path class="lna" d="M"#).count(),
        1 + 1,
        "Sirte and the key"
    );
}
