//! Writes the static map of the story's final state (`assets/snapshot.svg`) from the same
//! data, layout and timeline as the live map.
//!
//! Usage: `cargo run --release --bin snapshot > assets/snapshot.svg`

use newsmap_core::data::events::parse_events;
use newsmap_core::data::places::{parse_basemap, parse_places};
use newsmap_core::story::timeline::Timeline;
use std::process::ExitCode;

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn run() -> Result<String, String> {
    let places = parse_places("places.geojson", &read("assets/places.geojson")?)
        .map_err(|e| e.to_string())?;
    let basemap = parse_basemap("basemap.geojson", &read("assets/basemap.geojson")?)
        .map_err(|e| e.to_string())?;
    let events = parse_events(&read("assets/events.json")?).map_err(|e| e.to_string())?;
    let (timeline, issues) = Timeline::new(&events.events, &places);
    if let Some(issue) = issues.first() {
        return Err(issue.to_string());
    }
    newsmap_core::render::snapshot::render(&places, Some(&basemap), &timeline)
        .ok_or_else(|| "the story has no stops to draw".to_owned())
}

fn main() -> ExitCode {
    match run() {
        Ok(svg) => {
            print!("{svg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("snapshot: {e}");
            ExitCode::FAILURE
        }
    }
}
