//! The story in time, and in words.

pub mod timeline;
pub mod words;
