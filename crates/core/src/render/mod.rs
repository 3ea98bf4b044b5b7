//! Drawing the story: one set of routines, to any [`markup::Sink`] — markup at build time,
//! the DOM in the browser.

pub mod map;
pub mod markup;
pub mod page;
pub mod parts;
pub mod prerender;
pub mod snapshot;
