//! The app: takes over the page the prerender wrote. It reads the story's data, finds the
//! page's moving parts, and from then on the slider, playback and the URL move the story;
//! Leptos signals carry the position to everything that shows it. When it is done the page's
//! `<main>` says `data-state="live"`.
//!
//! The page is complete without it: if the data cannot be read, the page says so and stays
//! as it was drawn.

mod map;
mod story;

use crate::web::{self, json::Js};
use newsmap_core::data::{BASEMAP_FILE, DataError, EVENTS_FILE, ErrorKind, PLACES_FILE};
use newsmap_core::dataset::Dataset;
use newsmap_core::host::options::Options;
use newsmap_core::render::markup::Sink;
use newsmap_core::render::parts::Part;
use newsmap_core::story::reading::Story;
use newsmap_core::story::words::{Ui, Words};
use wasm_bindgen::prelude::{JsValue, wasm_bindgen};

/// Installs a panic hook that says so on the page and in the console (a panic must never
/// leave the reader without a word), then takes the page over once the data is in.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web::console_error(&format!("newsmap: internal error: {info}"));
        if let Some(main) = main_element() {
            let _ = main.set_attribute("data-state", "failed");
        }
    }));
    let (options, warnings) = Options::from_pairs(web::location::query_pairs());
    for w in warnings {
        web::console_warn(&format!("newsmap: {w}"));
    }
    web::set_theme(options.theme);
    // Both requests start before either is awaited (the page preloads them too).
    let places = web::fetch_text(&format!("assets/{PLACES_FILE}"));
    let events = web::fetch_text(&format!("assets/{EVENTS_FILE}"));
    wasm_bindgen_futures::spawn_local(async move {
        let (places, events) = (places.await, events.await);
        let (data, mut errors) = Dataset::parse::<Js>(
            places.as_deref().map_err(Clone::clone),
            None,
            events.as_deref().map_err(Clone::clone),
        );
        // A page drawn from other data than these (the data changed after the build) is
        // drawn anew by the desk's module, which takes the basemap too.
        let drawn = main_element().and_then(|m| m.get_attribute("data-fingerprint"));
        let stale = data.timeline.is_some() && drawn.as_deref() != Some(&data.fingerprint);
        if stale && let (Ok(p), Ok(e)) = (&places, &events) {
            web::console_warn(
                "newsmap: the page was drawn from other data than it reads; it is drawn anew",
            );
            if let Err(e) = redraw_page(p, e).await {
                errors.push(DataError::new(BASEMAP_FILE, ErrorKind::Unavailable, e));
            }
        }
        leptos::mount::mount_to_body(move || take_over(data, errors, options));
    });
}

pub fn main_element() -> Option<web_sys::Element> {
    web::document()?
        .query_selector("main.newsmap")
        .ok()
        .flatten()
}

/// Reports the data's problems: warnings to the console, the rest on the page too.
fn report(errors: &[DataError], words: &Words) {
    for e in errors {
        if e.is_warning() {
            web::console_warn(&format!("newsmap: {e}"));
        } else {
            web::console_error(&format!("newsmap: {e}"));
        }
    }
    let shown: Vec<&DataError> = errors.iter().filter(|e| !e.is_warning()).collect();
    let (Some(main), false) = (main_element(), shown.is_empty()) else {
        return;
    };
    let Some(doc) = web::document() else { return };
    let Ok(slot) = doc.create_element("div") else {
        return;
    };
    let Some(mut dom) = web::dom::Dom::new() else {
        return;
    };
    dom.open(
        "div",
        &[
            ("class", "error"),
            ("role", "alert"),
            ("data-testid", "error"),
        ],
    );
    dom.leaf("p", &[], words.ui(Ui::DataProblem));
    dom.open("ul", &[]);
    for e in shown {
        dom.open("li", &[]);
        dom.leaf("code", &[], e.file);
        dom.text(&format!(": {}", e.problem));
        dom.close();
    }
    dom.close();
    dom.close();
    dom.replace_children_of(&slot);
    let header = newsmap_web::one(&main, &Part::Header.selector());
    let _ = match header {
        Some(h) => h.after_with_node_1(&slot),
        None => main.prepend_with_node_1(&slot),
    };
}

#[wasm_bindgen(module = "/src/app/redraw.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = drawAnew)]
    async fn draw_anew(
        main: &web_sys::Element,
        places: &str,
        events: &str,
        basemap: &str,
    ) -> Result<JsValue, JsValue>;
}

/// Draws the page anew in place of `<main>` from these data, with the desk's module (the
/// reader's holds none of the map's layout). Says why when it cannot.
async fn redraw_page(places: &str, events: &str) -> Result<(), String> {
    let main = main_element().ok_or("the page has no map to draw anew")?;
    let basemap = web::fetch_text(&format!("assets/{BASEMAP_FILE}")).await?;
    let drawn = draw_anew(&main, places, events, &basemap)
        .await
        .map_err(|e| format!("the page could not be drawn anew ({e:?})"))?;
    if drawn.is_truthy() {
        Ok(())
    } else {
        Err("the page could not be drawn anew from these data".to_owned())
    }
}

fn take_over(data: Dataset, errors: Vec<DataError>, options: Options) {
    let words = Words::new(options.lang);
    let (Some(places), Some(timeline), Some(main)) = (data.places, data.timeline, main_element())
    else {
        report(&errors, &words);
        return;
    };
    let story = Story::new(timeline, places);
    report(&errors, &words);
    if story::take_over(&main, story, options).is_some() {
        let _ = main.set_attribute("data-state", "live");
    } else {
        web::console_error("newsmap: the page is not the one this app draws; it stays as it is");
    }
}
