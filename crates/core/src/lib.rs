//! The story of an article as a map that moves through time: everything but the browser.
//!
//! ```text
//! data: places.geojson, basemap.geojson, events.json ──▶ model (places, events)
//!   ──story::timeline──▶ frame at t ──map (projection, layout)──▶ shapes ──render──▶ markup
//! ```
//!
//! - [`model`]: actors, places, events, dates — the contract of `events.json`;
//! - [`data`]: reading the data files into the model, with errors that name what is wrong;
//! - [`story`]: the timeline (who holds what, at any instant) and the words the page uses;
//! - [`map`]: projection, geometry and the layout of the map for a width;
//! - [`render`]: drawing the map and the page as markup;
//! - [`host`]: what the page's URL asks for and the messages an embed sends its host.
//!
//! No browser and no Leptos here: the same code runs in the tests, at build time and in the
//! browser app.

pub mod data;
pub mod host;
pub mod map;
pub mod model;
pub mod render;
pub mod sort;
pub mod story;
