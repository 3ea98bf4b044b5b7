//! The story in time, and in words.

pub mod reading;
pub mod timeline;
pub mod words;
