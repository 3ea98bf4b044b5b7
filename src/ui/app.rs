//! The top-level component: loads the data files, then shows the story, or as much of the map
//! as loaded with a message for what did not.

use super::map::MapView;
use super::story::Story;
use crate::web::{console_error, console_warn, fetch_text, location, use_auto_height};
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsmap_core::data::events::{EVENTS_FILE, parse_events};
use newsmap_core::data::places::{Basemap, DataError, PlaceSet, parse_basemap, parse_places};
use newsmap_core::host::options::Options;
use newsmap_core::model::Extraction;
use newsmap_core::story::timeline::Timeline;
use std::sync::Arc;

const PLACES_FILE: &str = "places.geojson";
const BASEMAP_FILE: &str = "basemap.geojson";

/// What loading produced: every file that parsed, and a message for every one that did not.
#[derive(Debug, Clone, Default)]
struct Loaded {
    places: Option<Arc<PlaceSet>>,
    basemap: Option<Arc<Basemap>>,
    timeline: Option<Arc<Timeline>>,
    errors: Vec<DataError>,
}

/// Starts fetching `assets/<file>`; the future parses it, turning either failure into a
/// [`DataError`].
fn load<T>(
    file: &'static str,
    parse: impl Fn(&str) -> Result<T, DataError>,
) -> impl Future<Output = Result<T, DataError>> {
    let request = fetch_text(&format!("assets/{file}"));
    async move {
        let text = request
            .await
            .map_err(|problem| DataError::new(file, problem))?;
        parse(&text)
    }
}

async fn load_all() -> Loaded {
    // All requests start before any is awaited.
    let places = load(PLACES_FILE, |t| parse_places(PLACES_FILE, t));
    let basemap = load(BASEMAP_FILE, |t| parse_basemap(BASEMAP_FILE, t));
    let events = load(EVENTS_FILE, parse_events);
    let (places, basemap, events) = (places.await, basemap.await, events.await);
    let mut loaded = Loaded::default();
    match basemap {
        Ok(b) => loaded.basemap = Some(Arc::new(b)),
        Err(e) => loaded.errors.push(e),
    }
    let events: Option<Extraction> = events.map_err(|e| loaded.errors.push(e)).ok();
    match places {
        Ok(p) => {
            if let Some(x) = events {
                let (timeline, issues) = Timeline::new(&x.events, &p);
                loaded.errors.extend(issues);
                loaded.timeline = Some(Arc::new(timeline));
            }
            loaded.places = Some(Arc::new(p));
        }
        Err(e) => loaded.errors.push(e),
    }
    for e in &loaded.errors {
        console_error(&format!("newsmap: {e}"));
    }
    loaded
}

#[component]
pub fn App() -> impl IntoView {
    let (options, warnings) = Options::parse(&location::query());
    for w in warnings {
        console_warn(&format!("newsmap: {w}"));
    }
    crate::web::set_theme(options.theme);
    // The headline and standfirst are the page's own <title> and description, so that a desk
    // re-pointing the map at another story edits index.html, not code.
    let (headline, dek) = crate::web::page_title_and_description();
    let main = NodeRef::<leptos::html::Main>::new();
    use_auto_height(main, options.child_id.clone());
    let loaded = RwSignal::new(None::<Loaded>);
    spawn_local(async move {
        loaded.set(Some(load_all().await));
    });

    view! {
        <main class="newsmap" node_ref=main>
            <header class="headline">
                <h1>{headline}</h1>
                {(!dek.is_empty()).then(|| view! { <p class="dek">{dek}</p> })}
            </header>
            {move || match loaded.get() {
                None => view! { <p class="loading" aria-busy="true">"Loading the map…"</p> }.into_any(),
                Some(l) => {
                    let body = match (l.places.clone(), l.timeline.clone()) {
                        (Some(places), Some(timeline)) => view! {
                            <Story places basemap=l.basemap.clone() timeline options=options.clone() />
                        }
                        .into_any(),
                        (Some(places), None) => view! { <MapView places basemap=l.basemap.clone() /> }.into_any(),
                        (None, _) => ().into_any(),
                    };
                    view! {
                        <ErrorList errors=l.errors.clone() />
                        {body}
                    }
                    .into_any()
                }
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
