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
//! - [`dataset`]: the data files read and the story's timeline built, in one call;
//! - [`map`]: projection, geometry and the layout of the map for a width;
//! - [`render`]: drawing the map and the page as markup;
//! - [`host`]: what the page's URL asks for and the messages an embed sends its host.
//!
//! No browser and no Leptos here: the same code runs in the tests, at build time and in the
//! browser app.

#[macro_use]
mod macros;

pub mod data;
pub mod dataset;
pub mod host;
pub mod map;
pub mod model;
pub mod render;
pub mod story;

/// serde, for [`id_enum!`]'s expansion in other crates.
#[doc(hidden)]
pub use serde as __serde;
