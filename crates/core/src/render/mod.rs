//! Drawing the story as markup.

pub mod snapshot;
