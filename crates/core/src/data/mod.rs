//! Reading the data files into the model, once, at the boundary.
//!
//! The readers are written against [`Json`], a JSON document as the platform parses it: the
//! browser's `JSON.parse` in the app, `serde_json` natively. What comes out is typed (a
//! [`model::Place`](crate::model::Place) has a name and a finite coordinate) or a
//! [`DataError`] that names the file, says what kind of problem it is, and what to fix.
//!
//! [`Dataset::parse`](crate::dataset::Dataset::parse) reads the three files a story needs
//! with these readers and builds its timeline: the app, the prerender and the tests all load
//! data through it.

pub mod events;
pub mod places;

pub use events::{EVENTS_FILE, read_events};
pub use places::{
    BASEMAP_FILE, Basemap, GAZETTEER_FILE, PLACES_FILE, PlaceSet, read_basemap, read_gazetteer,
    read_places, read_points,
};
use std::fmt;

/// What sort of problem a data file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file could not be fetched.
    Unavailable,
    /// The file is empty.
    Empty,
    /// The file is not JSON.
    Syntax,
    /// The JSON is not what the file should hold (a member missing, of the wrong type).
    Shape,
    /// A value is out of range or not one of those allowed.
    Value,
    /// An id is used twice.
    Duplicate,
    /// An event names a place `places.geojson` does not have: the event is left out.
    UnknownPlace,
    /// An event has no date: the map leaves it out, and says so in the console only.
    Undated,
}

/// A problem with one of the data files, worded for the person who edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file's name as the page requested it (`places.geojson`).
    pub file: &'static str,
    pub kind: ErrorKind,
    pub problem: String,
}

impl DataError {
    pub fn new(file: &'static str, kind: ErrorKind, problem: impl Into<String>) -> DataError {
        DataError {
            file,
            kind,
            problem: problem.into(),
        }
    }

    /// Whether the reader need only be told in the console: the rest of the story shows.
    pub fn is_warning(&self) -> bool {
        self.kind == ErrorKind::Undated
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for DataError {}

/// What a JSON value is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A JSON document, as the platform parses it.
pub trait Json: Sized {
    /// Parses a document; the error says where the text stops being JSON.
    fn parse(text: &str) -> Result<Self, String>;
    fn kind(&self) -> Kind;
    /// An object's member (`None` when absent, or when this is not an object).
    fn member(&self, key: &str) -> Option<Self>;
    /// An array's elements.
    fn items(&self) -> Option<Vec<Self>>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;

    fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }

    /// A member that is present and not null.
    fn get(&self, key: &str) -> Option<Self> {
        self.member(key).filter(|v| !v.is_null())
    }

    /// A whole number from 0 to `u32::MAX`.
    fn whole(&self) -> Option<u32> {
        self.number()
            .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
            .map(|n| n as u32)
    }
}

#[cfg(feature = "native")]
impl Json for serde_json::Value {
    fn parse(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn kind(&self) -> Kind {
        match self {
            serde_json::Value::Null => Kind::Null,
            serde_json::Value::Bool(_) => Kind::Bool,
            serde_json::Value::Number(_) => Kind::Number,
            serde_json::Value::String(_) => Kind::String,
            serde_json::Value::Array(_) => Kind::Array,
            serde_json::Value::Object(_) => Kind::Object,
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).cloned()
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn number(&self) -> Option<f64> {
        self.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
}

/// Parses a file's text, naming the file when it is empty or not JSON.
pub fn parse_json<J: Json>(file: &'static str, text: &str) -> Result<J, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::new(file, ErrorKind::Empty, "the file is empty"));
    }
    J::parse(text)
        .map_err(|e| DataError::new(file, ErrorKind::Syntax, format!("not valid JSON ({e})")))
}

/// The text of a data file, or why it could not be had ("the server answered 404").
pub type Source<'a> = Result<&'a str, String>;

/// Reads `basemap.geojson` alone: the app needs it only to draw a page anew.
pub fn load_basemap<J: Json>(source: Source) -> Result<Basemap, DataError> {
    let text = source.map_err(|p| DataError::new(BASEMAP_FILE, ErrorKind::Unavailable, p))?;
    read_basemap(&parse_json::<J>(BASEMAP_FILE, text)?)
}
