//! The story's vocabulary: actors, places and events.
//!
//! These types carry no browser or parser dependency: the extractor produces them, the
//! command line prints them, the timeline reads them and the browser app renders them.
//! Serialized names are a contract (`assets/events.json`), so every enum has a stable
//! snake_case id.

pub mod date;
mod ids;

pub use ids::{ArticleId, EventId, EventIx, PlaceId, StopIx};

/// A point: longitude and latitude in the data, x and y on the map.
pub type Point = (f64, f64);

use date::{Precision, When};
use serde::Serialize;

id_enum! {
    /// Someone who acts in the story.
    pub enum Actor {
        /// Government of National Accord, the UN-recognised government in Tripoli.
        Gna = "gna",
        /// Libyan National Army, Khalifa Haftar's forces in the east.
        Lna = "lna",
        Egypt = "egypt",
        Russia = "russia",
        Turkey = "turkey",
        Uae = "uae",
        /// The United Nations.
        Un = "un",
        /// A named actor of the story the lexicon knows no better id for.
        Other = "other",
    }
}

impl Actor {
    /// The side fighting this one for control of territory, if the story has one.
    pub fn opponent(self) -> Option<Actor> {
        match self {
            Actor::Gna => Some(Actor::Lna),
            Actor::Lna => Some(Actor::Gna),
            _ => None,
        }
    }
}

/// Whether a place is part of the story or only helps the reader find their way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRole {
    /// A town the story is about: its control is tracked and shown.
    Story,
    /// A landmark for orientation only.
    Context,
}

/// A named point on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub name_ar: String,
    pub lon: f64,
    pub lat: f64,
    /// Where the coordinate comes from.
    pub source: String,
    pub role: PlaceRole,
}

id_enum! {
    /// What happened.
    pub enum EventKind {
        /// Control of `place` passes to `actor` (from `from`, when the text says).
        Capture = "capture",
        /// `actor` begins an offensive against `place`, from `origin` when the text says.
        Offensive = "offensive",
        /// `actor` strikes `place` from the air (aircraft, drones), `count` times when the
        /// text says.
        Airstrike = "airstrike",
        /// `actor` shells `place`: artillery, rockets, mortars.
        Shelling = "shelling",
        /// `actor` announces or proposes a ceasefire.
        CeasefireAnnounced = "ceasefire_announced",
        /// A ceasefire takes effect.
        CeasefireEffective = "ceasefire_effective",
        /// `actor` states a position (support, rejection, condemnation).
        Statement = "statement",
        /// A popular uprising.
        Uprising = "uprising",
        /// `actor` withdraws from `place`.
        Withdrawal = "withdrawal",
    }
}

impl EventKind {
    /// Whether the event puts a mark on the map: a holder's colour, an arrow, a burst of
    /// strikes. Such an event needs a place, and a wrong one is a wrong mark.
    pub fn marks_map(self) -> bool {
        matches!(
            self,
            EventKind::Capture
                | EventKind::Offensive
                | EventKind::Airstrike
                | EventKind::Shelling
                | EventKind::Withdrawal
        )
    }

    /// Whether the event changes what the map shows: its marks, or the ceasefire's banner
    /// over it. Stops before the first such event are background.
    pub fn changes_map(self) -> bool {
        self.marks_map() || self == EventKind::CeasefireEffective
    }

    /// Whether the map draws the event as a burst of strikes at its place.
    pub fn is_strike(self) -> bool {
        matches!(self, EventKind::Airstrike | EventKind::Shelling)
    }
}

/// The most marks a burst of strikes shows, whatever the count the text gives: more would
/// hide the town under them.
pub const MAX_STRIKE_MARKS: u32 = 24;

id_enum! {
    /// Why an event has no date: each front end words what the desk can do about it.
    pub enum Undated {
        /// The text dates it from the article's own date ("on Friday", "yesterday"), which
        /// the page does not show: given the article's date, the event is dated.
        ArticleDateUnknown = "article_date_unknown",
    }
}

id_enum! {
    /// A statement's position.
    pub enum Stance {
        Support = "support",
        Rejection = "rejection",
    }
}

id_enum! {
    /// Whether the article states an event in its own voice or only reports one side's claim.
    #[derive(Default)]
    pub enum Status {
        /// Stated by the article, or by a source outside the fighting (the UN, witnesses).
        #[default]
        Reported = "reported",
        /// Known only from a party to the fighting saying so ("the GNA said it had
        /// taken…"), or said to be unconfirmed.
        Claimed = "claimed",
    }
}

id_enum! {
    /// Whether a sentence is the article's prose or weaker material such as a photo caption.
    #[derive(Default)]
    pub enum Evidence {
        #[default]
        Prose = "prose",
        Caption = "caption",
        Heading = "heading",
    }
}

/// One thing the article says happened, with the sentence it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// `e1`, `e2`, … in the order of the article's text.
    pub id: EventId,
    pub kind: EventKind,
    /// `None` when the text gives no date the extractor could place (a relative one with no
    /// article date to anchor it): `date_basis` says why, and the map leaves the event out.
    /// `events.json` writes its precision beside it (`"precision": "day"`), for readers of the
    /// file; the date is the one source of it (see [`Event::precision`]).
    #[serde(flatten, serialize_with = "date::serialize_dated")]
    pub date: Option<When>,
    /// Why `date` is `None`, when the extractor knows a remedy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated: Option<Undated>,
    /// How the date was resolved ("weekday 'Friday' in the past, latest on or before 2020-06-06").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date_basis: String,
    /// The local wall-clock time the text gave ("18:00" for "6pm [16:00 GMT]").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// The name the article gives the actor in the event's sentence, when it is one of the
    /// article's own ("the Libyan Army" for the GNA; see [`Extraction::aliases`]): why the
    /// side is the one it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// The place, when the gazetteer knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceId>,
    /// The place's name as the sentence writes it ("Mitiga airport", "Tarhouna"); alone, without
    /// `place`, it names a place the gazetteer does not know, for a desk to add.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Actor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Actor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<PlaceId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// For a statement: for or against (the ceasefire, the initiative…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Reported by the article, or only claimed by a side.
    #[serde(default)]
    pub status: Status,
    /// The sentence, as plain text.
    pub quote: String,
    /// The sentence's range in the decoded article text, in Unicode scalar values, end exclusive.
    pub span: [usize; 2],
    pub confidence: f64,
    #[serde(default)]
    pub evidence: Evidence,
    /// Other sentences that say the same thing (merged into this event).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Quote>,
    /// In a story of many articles, every article that tells the event, each in its own words
    /// and with its own date and status (the first is the one `quote` and `span` are from).
    /// Empty in a story of one article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// The desk settled what its sources disagree on: the row is no longer flagged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub settled: bool,
}

impl Event {
    /// An event of `kind` told by a sentence (`quote` at `span`), and nothing else known of it
    /// yet: no date, side or place; reported; sure.
    pub fn told(id: EventId, kind: EventKind, quote: String, span: [usize; 2]) -> Event {
        Event {
            id,
            kind,
            date: None,
            undated: None,
            date_basis: String::new(),
            local_time: None,
            actor: None,
            actor_name: None,
            place: None,
            place_name: None,
            from: None,
            to: None,
            origin: None,
            count: None,
            stance: None,
            status: Status::Reported,
            quote,
            span,
            confidence: 1.0,
            evidence: Evidence::default(),
            also: Vec::new(),
            sources: Vec::new(),
            settled: false,
        }
    }

    /// The precision of the event's date: that of the text that gave it.
    pub fn precision(&self) -> Option<Precision> {
        self.date.map(When::precision)
    }

    /// How many reports tell the event: its sources, or the one article it comes from.
    pub fn reports(&self) -> usize {
        self.sources.len().max(1)
    }

    /// How many marks the map draws for the event's strikes: the count the text gives (one
    /// when it gives none), up to [`MAX_STRIKE_MARKS`].
    pub fn strike_marks(&self) -> u32 {
        self.count.unwrap_or(1).clamp(1, MAX_STRIKE_MARKS)
    }
}

/// A name an article gives one side of its own ("the Libyan Army" for the GNA), and the
/// sentence that says whose it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideName {
    pub name: String,
    pub actor: Actor,
    pub quote: String,
    pub span: [usize; 2],
}

/// Whether `address` is an http(s) URL with a host: an address a reader may follow, or an
/// embed be served at.
pub fn is_web_address(address: &str) -> bool {
    let rest = address
        .strip_prefix("https://")
        .or_else(|| address.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

/// A report the story is built from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub id: ArticleId,
    /// Who published it ("Reuters", "UN News"), as the desk names it.
    pub outlet: String,
    pub headline: String,
    /// Its publication date, when known.
    pub date: Option<When>,
    /// Where it is published, for readers to follow (empty when the desk gave none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

impl Article {
    /// How a caption names it: its outlet, else "Article a3".
    pub fn name(&self) -> String {
        match self.outlet.as_str() {
            "" => format!("Article {}", self.id),
            outlet => outlet.to_owned(),
        }
    }
}

/// One article's telling of an event: its sentence (a span of that article's text) and the
/// date and status it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub article: ArticleId,
    pub quote: String,
    pub span: [usize; 2],
    pub date: Option<When>,
    #[serde(default)]
    pub status: Status,
}

/// A supporting sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    pub quote: String,
    pub span: [usize; 2],
}

/// The extractor's output for one article, or a story of many: the contract of `events.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// The article's own date, as inferred.
    pub article_date: Option<When>,
    /// Which evidence the article date rests on.
    pub article_date_basis: String,
    /// Every piece of evidence for the article date that was found, agreeing or not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub article_date_evidence: Vec<String>,
    /// The names the article gives the sides of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<SideName>,
    /// The articles of a story built from many (their events list their sources); empty for
    /// one article's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
}
