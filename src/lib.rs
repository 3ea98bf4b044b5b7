//! An interactive map of one news story, driven by events extracted from the article.
//!
//! Data flows one way, and every step but the last is plain Rust, tested natively:
//!
//! ```text
//! article.html ──extract──▶ events ──timeline──▶ frame at t ──scene──▶ shapes ──▶ ui (Leptos)
//! places.geojson, basemap.geojson ──geodata──────────▲
//! ```

pub mod date;
pub mod embed;
pub mod events;
pub mod format;
pub mod geodata;
pub mod geometry;
pub mod json;
pub mod model;
pub mod options;
pub mod projection;
pub mod scene;
pub mod snapshot;
pub mod sort;
pub mod timeline;

#[cfg(feature = "app")]
pub mod ui;
#[cfg(feature = "app")]
pub mod web;

#[cfg(feature = "extract")]
pub mod extract;
