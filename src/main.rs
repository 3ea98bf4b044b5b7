//! The browser app: trunk builds this binary to WebAssembly. Natively it is empty, so that
//! native builds of the workspace never compile the browser's dependencies.

#[cfg(target_arch = "wasm32")]
mod ui;
#[cfg(target_arch = "wasm32")]
mod web;

fn main() {
    #[cfg(target_arch = "wasm32")]
    ui::start();
}
