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
use newsmap_core::data::{DataError, EVENTS_FILE, PLACES_FILE};
use newsmap_core::dataset::Dataset;
use newsmap_core::host::options::Options;
use newsmap_core::render::markup::Sink;
use newsmap_core::render::parts::Part;
use newsmap_core::story::reading::Story;
use newsmap_core::story::words::{Ui, Words};

/// What the console says of a page whose data are not those it was drawn from.
const STALE: &str = "newsmap: this page was drawn from other data than the assets/ files beside it (they were replaced after the page was made), so it stays as drawn. Publish the story again from the editor (index.html?edit → Publish), or rebuild the site, so that the page and its data agree.";

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
        let (data, errors) = Dataset::parse::<Js>(
            places.as_deref().map_err(Clone::clone),
            None,
            events.as_deref().map_err(Clone::clone),
        );
        // A page drawn from other data than these (data files replaced after the page was
        // made) is a publishing mistake: the page stays as it was drawn, readable and whole,
        // and the console says how to mend it. Drawing it anew would cost every reader the
        // map's layout code (about 33 KB gz more in the module, measured).
        web::mark("newsmap:data");
        web::document_parsed().await;
        let drawn = main_element().and_then(|m| m.get_attribute("data-fingerprint"));
        if data.timeline.is_some() && drawn.as_deref() != Some(&data.fingerprint) {
            web::console_error(STALE);
            report(&errors, &Words::new(options.lang));
            if let Some(main) = main_element() {
                let _ = main.set_attribute("data-state", "stale");
            }
            return;
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

fn take_over(data: Dataset, errors: Vec<DataError>, options: Options) {
    let words = Words::new(options.lang);
    let (Some(places), Some(timeline), Some(main)) = (data.places, data.timeline, main_element())
    else {
        report(&errors, &words);
        return;
    };
    let articles = data.extraction.map(|x| x.articles).unwrap_or_default();
    let story = Story::new(timeline, places).with_articles(articles);
    report(&errors, &words);
    if story::take_over(&main, story, options).is_some() {
        let _ = main.set_attribute("data-state", "live");
        web::mark("newsmap:live");
    } else {
        web::console_error("newsmap: the page is not the one this app draws; it stays as it is");
    }
}
