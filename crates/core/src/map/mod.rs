//! The map: from longitude and latitude to the shapes on screen.

pub mod geometry;
pub mod labels;
pub mod layout;
pub mod orientation;
pub mod projection;
