//! The page's host: what its URL asks for, and what an embed tells the page around it.

pub mod embed;
pub mod options;
