//! The files the prerender writes are in step with the data: the page's first frame in
//! `index.html`, the static image in `assets/snapshot.svg`.

use newsmap_core::data::Basemap;
use newsmap_core::dataset::Dataset;
use newsmap_core::render::{prerender, snapshot};
use newsmap_core::story::reading::Story;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

struct Seed {
    story: Story,
    basemap: Option<Basemap>,
    fingerprint: String,
}

fn seed() -> Seed {
    let (data, errors) = Dataset::read_assets(&root().join("assets"));
    assert!(errors.iter().all(|e| e.is_warning()), "{errors:?}");
    let (Some(timeline), Some(places)) = (data.timeline, data.places) else {
        panic!("the shipped data holds no story");
    };
    Seed {
        story: Story::new(timeline, places),
        basemap: data.basemap,
        fingerprint: data.fingerprint,
    }
}

const STALE: &str =
    "run `cargo run -p newsmap-core --bin prerender` (trunk runs it before every build)";

#[test]
fn the_prerendered_page_is_fresh() {
    let seed = seed();
    let index = read("index.html");
    let fresh = prerender::prerender(
        &index,
        &seed.story,
        seed.basemap.as_ref(),
        &seed.fingerprint,
    )
    .expect("the markers");
    assert!(fresh == index, "index.html is stale: {STALE}");
}

#[test]
fn the_stylesheets_layout_rules_are_fresh() {
    let css = read("assets/style.css");
    assert!(
        prerender::stylesheet(&css).is_some_and(|fresh| fresh == css),
        "assets/style.css is stale: {STALE}"
    );
}

#[test]
fn the_snapshot_is_fresh_and_shows_the_final_state() {
    let Seed { story, basemap, .. } = seed();
    let svg = snapshot::render(&story, basemap.as_ref(), &read("assets/style.css")).unwrap();
    assert!(
        svg == read("assets/snapshot.svg"),
        "assets/snapshot.svg is stale: {STALE}"
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("Ceasefire in effect since Monday 8 June 2020"));
    // A place's group: its own attributes, then its look's.
    let group = |id: &str| {
        let at = svg
            .find(&format!("data-testid=\"place-{id}\""))
            .unwrap_or(0);
        svg[at..].split('>').next().unwrap_or_default().to_owned()
    };
    assert!(group("tarhuna").contains("data-control=\"gna\""));
    assert!(group("sirte").contains("data-control=\"lna\""));
    assert!(svg.contains("5 June 2020: GNA takes Tarhuna from LNA"));
}
