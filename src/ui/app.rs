//! The top-level component: loads the data files, then shows the map or says what failed.

use super::map::MapView;
use crate::geodata::{Basemap, DataError, PlaceSet, parse_basemap, parse_places};
use crate::web::{console_error, fetch_text};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

const PLACES_FILE: &str = "places.geojson";
const BASEMAP_FILE: &str = "basemap.geojson";

/// What loading produced: every file that parsed, and a message for every one that did not.
#[derive(Debug, Clone, Default)]
struct Loaded {
    places: Option<Arc<PlaceSet>>,
    basemap: Option<Arc<Basemap>>,
    errors: Vec<DataError>,
}

/// Starts fetching `assets/<file>`; the future parses it, turning either failure into a
/// [`DataError`].
fn load<T>(
    file: &'static str,
    parse: fn(&str, &str) -> Result<T, DataError>,
) -> impl Future<Output = Result<T, DataError>> {
    let request = fetch_text(&format!("assets/{file}"));
    async move {
        let text = request
            .await
            .map_err(|problem| DataError::new(file, problem))?;
        parse(file, &text)
    }
}

async fn load_all() -> Loaded {
    // Both requests start before either is awaited.
    let places = load(PLACES_FILE, parse_places);
    let basemap = load(BASEMAP_FILE, parse_basemap);
    let (places, basemap) = (places.await, basemap.await);
    let mut loaded = Loaded::default();
    match places {
        Ok(p) => loaded.places = Some(Arc::new(p)),
        Err(e) => loaded.errors.push(e),
    }
    match basemap {
        Ok(b) => loaded.basemap = Some(Arc::new(b)),
        Err(e) => loaded.errors.push(e),
    }
    for e in &loaded.errors {
        console_error(&format!("newsmap: {e}"));
    }
    loaded
}

#[component]
pub fn App() -> impl IntoView {
    let loaded = RwSignal::new(None::<Loaded>);
    spawn_local(async move {
        loaded.set(Some(load_all().await));
    });

    view! {
        <main class="newsmap">
            <header class="headline">
                <h1>"Libya: the GNA retakes Tarhuna and Bani Walid and turns on Sirte"</h1>
                <p class="dek">"June 2020, as reported on Saturday 6 June"</p>
            </header>
            {move || match loaded.get() {
                None => view! { <p class="loading" aria-busy="true">"Loading the map…"</p> }.into_any(),
                Some(l) => view! {
                    <ErrorList errors=l.errors.clone() />
                    {l.places.clone().map(|places| view! { <MapView places basemap=l.basemap.clone() /> })}
                }
                .into_any(),
            }}
        </main>
    }
}

/// The data problems, one line each, naming the file.
#[component]
fn ErrorList(errors: Vec<DataError>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="error" role="alert" data-testid="error">
                <p>"Part of this map could not be loaded:"</p>
                <ul>
                    {errors
                        .into_iter()
                        .map(|e| view! { <li><code>{e.file}</code>": "{e.problem}</li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
