//! The story in time, and in words.

pub mod merge;
pub mod reading;
pub mod timeline;
pub mod words;
