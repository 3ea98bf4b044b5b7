//! Browser glue: fetching same-origin files, the console, and hooks around imperative
//! browser APIs. Nothing here panics: every failure comes back as a value.

mod embed;
mod fetch;
pub mod location;
pub mod svg;
mod use_element_width;
mod use_media_query;
mod use_raf_fn;

pub use embed::use_auto_height;
pub use fetch::fetch_text;
pub use use_element_width::use_element_width;
pub use use_media_query::use_media_query;
pub use use_raf_fn::use_raf_fn;

/// Writes an error to the browser console.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Writes a warning to the browser console.
pub fn console_warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Applies the colour scheme the host asked for (`?theme=`) to the page: `data-theme` on
/// `<html>`, which the stylesheet reads; `auto` follows `prefers-color-scheme`.
pub fn set_theme(theme: newsmap_core::host::options::Theme) {
    let value = match theme {
        newsmap_core::host::options::Theme::Light => "light",
        newsmap_core::host::options::Theme::Dark => "dark",
        newsmap_core::host::options::Theme::Auto => "auto",
    };
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// The document's `<title>` and `<meta name="description">` content (empty when absent).
pub fn page_title_and_description() -> (String, String) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return (String::new(), String::new());
    };
    let description = document
        .query_selector("meta[name=description]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    (document.title(), description)
}

/// Removes the page's own "Loading the map…" line (`index.html`), which shows while the
/// module downloads; the app says the same until its data is in.
pub fn remove_loading_line() {
    let line = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-newsmap-loading]").ok().flatten());
    if let Some(line) = line {
        line.remove();
    }
}
