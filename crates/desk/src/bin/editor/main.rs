//! The desk's editor page, a Leptos app: `index.html?edit` loads this module instead of the
//! reader's app (see `src/start.js`). It takes over the page, reads articles with the
//! extractor in a worker, and keeps the desk's work in the browser. The reader's app loads it too, in one case only:
//! to draw the page anew for data changed after the build (`redraw`). Built for wasm32
//! (natively it is empty).

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod desk;
#[cfg(target_arch = "wasm32")]
mod parts;
#[cfg(target_arch = "wasm32")]
mod preview;
#[cfg(target_arch = "wasm32")]
mod reader;
#[cfg(target_arch = "wasm32")]
mod redraw;

/// Starts the editor on `?edit`; otherwise the module only lends the reader's app
/// [`redraw::draw_page`].
fn main() {
    #[cfg(target_arch = "wasm32")]
    if newsmap_web::location::query_pairs()
        .iter()
        .any(|(k, _)| k == "edit")
    {
        app::start();
    }
}
