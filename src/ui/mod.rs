//! Leptos components. They format what the pure modules computed; they hold no date
//! arithmetic, control logic or geometry of their own.

mod app;
mod map;
mod story;

pub use app::App;

use leptos::prelude::*;

/// Installs a panic hook that says so on the page and in the console (a panic must never
/// leave a blank frame), then mounts the app on `<body>`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        crate::web::console_error(&format!("newsmap: internal error: {info}"));
        let body = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        if let Some(body) = body {
            body.set_text_content(Some(
                "The map could not be drawn because of an internal error. \
                 The details are in the browser console.",
            ));
        }
    }));
    crate::web::remove_loading_line();
    mount_to_body(App);
}
