//! Browser glue shared by the reader's app and the desk's editor: the console, the page's
//! head, same-origin fetches, JSON, the URL, the DOM as a drawing surface, animation frames,
//! and the embed's height. Nothing here panics: every failure comes back as a value.
//!
//! Built for wasm32 only; natively the crate is empty.
#![cfg(target_arch = "wasm32")]

pub mod dom;
pub mod embed;
mod fetch;
pub mod frames;
pub mod json;
pub mod location;

pub use fetch::{fetch_bytes, fetch_text};

use gloo_events::EventListener;
use newsmap_core::host::options::Theme;
use newsmap_core::story::words::Lang;
use wasm_bindgen::JsCast;

/// The first element under `root` that `selector` finds.
pub fn one(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` that `selector` finds, in the document's order.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The page's root element (`<html>`), to search the whole page from.
pub fn page() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// Marks a step of the app's start for profilers (User Timing).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Measures the time since the User Timing mark `start` under `name` (for the benchmark and
/// the browser's performance panel).
pub fn measure_since(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// Writes an error to the browser console.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Writes a warning to the browser console.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Applies the colour scheme the host asked for (`?theme=`): `data-theme` on `<html>`, which
/// the stylesheet reads; `auto` follows `prefers-color-scheme`.
pub fn set_theme(theme: Theme) {
    let value = match theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// Sets the page's language and direction on `<html>`.
pub fn set_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.id());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// The content of `<meta name="…">` (empty when absent).
pub fn meta(name: &str) -> String {
    document()
        .and_then(|d| {
            d.query_selector(&format!("meta[name=\"{name}\"]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// The document's `<title>`.
pub fn title() -> String {
    document().map(|d| d.title()).unwrap_or_default()
}

/// Whether a media query matches now, and a listener that calls `changed(matches)` when it
/// changes (kept as long as the returned value lives).
pub fn media_query(query: &str, changed: impl Fn(bool) + 'static) -> (bool, Option<EventListener>) {
    let Some(list) = web_sys::window().and_then(|w| w.match_media(query).ok().flatten()) else {
        return (false, None);
    };
    let now = list.matches();
    let listener = EventListener::new(&list, "change", move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::MediaQueryListEvent>() {
            changed(e.matches());
        }
    });
    (now, Some(listener))
}

/// Resolves once the document is parsed (at once when it already is): the app may start while
/// the page is still arriving, and takes it over only when it is whole.
pub async fn document_parsed() {
    let Some(doc) = document() else { return };
    if doc.ready_state() != "loading" {
        return;
    }
    let parsed = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
            "DOMContentLoaded",
            &resolve,
            &options,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(parsed).await;
}
