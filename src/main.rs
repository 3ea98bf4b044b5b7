//! The browser app: trunk builds this binary to WebAssembly. It takes over the page the
//! prerender wrote (see `app`). Natively it is empty, so that native builds of the workspace
//! never compile the browser's dependencies.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
use newsmap_web as web;

fn main() {
    #[cfg(target_arch = "wasm32")]
    app::start();
}
