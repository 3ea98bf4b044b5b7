//! The desk's editor page, a Leptos app: `index.html?edit` loads this module instead of the
//! reader's app (see `src/start.js`); a reader never loads it. It takes over the page, reads
//! articles with the extractor in a worker, keeps the desk's work in the browser, and
//! publishes the story as a complete embed. Built for wasm32 (natively it is empty).

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

/// Starts the editor (`src/start.js` loads this module only with `?edit`).
fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
}
