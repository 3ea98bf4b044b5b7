//! Reading the data files into the model.

pub mod events;
pub mod json;
pub mod places;
