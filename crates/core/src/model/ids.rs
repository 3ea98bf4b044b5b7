//! Ids and indices that cannot be confused: a place's id is not an event's, and the index of
//! a stop of the slider is not the index of an event.

use serde::Serialize;
use std::fmt;

/// A place id such as `tarhuna`: the `id` of a feature in `places.geojson`, or of an entry of
/// the extractor's gazetteer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct PlaceId(String);

/// An event id such as `e3`, as `events.json` and the page's `?event=` name it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct EventId(String);

/// An article id such as `a2`: a report the story is built from (`events.json`'s `articles`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct ArticleId(String);

macro_rules! string_id {
    ($name:ident) => {
        impl $name {
            pub fn new(id: impl Into<String>) -> $name {
                $name(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(PlaceId);
string_id!(EventId);
string_id!(ArticleId);

/// The position of an event in a timeline's list of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventIx(pub usize);

/// The position of a stop on the slider: stop `k` is at slider position `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StopIx(pub usize);

impl StopIx {
    /// The slider position of the stop.
    pub fn position(self) -> f64 {
        self.0 as f64
    }
}
