//! What the editor asks of the extractor's worker and what it hears back: one [`Request`]
//! type and one [`Answer`] type, which both ends use, sent as JSON text. The worker binary
//! only carries messages to and from [`answer`].
//!
//! ```
//! use newsmap_desk::protocol::{Answer, Request, answer, decode, encode};
//! let request = Request { id: 7, html: "<p>The GNA took Tarhuna on 5 June 2020.</p>".into(), date: None };
//! let sent: Request = decode(&encode(&request))?;
//! match answer(&sent) {
//!     Answer::Read { id, extraction, .. } => assert_eq!((id, extraction.events.len()), (7, 1)),
//!     other => panic!("{other:?}"),
//! }
//! # Ok::<(), String>(())
//! ```

use crate::{Refusal, refuse};
use newsmap_core::data::read_events;
use newsmap_core::model::Extraction;
use newsmap_core::model::date::{Date, When};
use newsmap_core::render::page::Heading;
use newsmap_extract::knowledge::Knowledge;
use newsmap_extract::{Options, document, extract_with};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An article for the extractor to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Tells this request's answer from an older one's.
    pub id: u32,
    /// The article, as HTML or plain text.
    pub html: String,
    /// The publication date the desk gave, for a page that shows none.
    #[serde(with = "day")]
    pub date: Option<Date>,
}

/// What the worker says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(
    clippy::large_enum_variant,
    reason = "one answer per article, moved once from the worker's message to the editor"
)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum Answer {
    /// The worker is loaded and listens: requests sent before this may have been missed.
    Ready,
    /// The article, read: its text (which the events' spans index) and its events.
    Read {
        id: u32,
        text: String,
        /// The article's own headline and standfirst, where it gives them.
        heading: Heading,
        /// Who published it and where, as its page says (empty when it does not).
        outlet: String,
        url: String,
        #[serde(with = "extraction")]
        extraction: Extraction,
    },
    /// The article cannot be read, and why.
    Refused { id: u32, why: Refusal },
    /// The extractor stopped on an internal error; the worker must be started again.
    Failed { detail: String },
}

/// Reads the article of a request: the worker's whole job.
pub fn answer(request: &Request) -> Answer {
    if let Some(why) = refuse(&request.html) {
        return Answer::Refused {
            id: request.id,
            why,
        };
    }
    let options = Options { date: request.date };
    let doc = document::parse(&request.html);
    let (headline, standfirst) = doc.headline_and_standfirst();
    let headline = match headline.is_empty() && !request.html.contains('<') {
        true => first_line(&request.html),
        false => headline,
    };
    Answer::Read {
        id: request.id,
        outlet: doc.outlet(),
        url: doc.url(),
        text: doc.text,
        heading: Heading {
            headline,
            standfirst,
        },
        extraction: extract_with(&request.html, Knowledge::builtin(), &options),
    }
}

/// A headline's most characters: past this a first line is prose.
const MAX_HEADLINE_CHARS: usize = 200;

/// The first line of a plain text, when it reads as a headline: short, not a sentence.
fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    let headline = line.chars().count() <= MAX_HEADLINE_CHARS && !line.ends_with('.');
    if headline {
        line.to_owned()
    } else {
        String::new()
    }
}

/// A message as the text `postMessage` carries.
pub fn encode<T: Serialize>(message: &T) -> String {
    // Serializing these types cannot fail: every key is a string, every number finite.
    serde_json::to_string(message).unwrap_or_default()
}

/// A message from its text; the error says why it is not one.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("not a message of the worker's ({e})"))
}

/// A day as `events.json` writes one (`2020-06-06`), or null.
mod day {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        date.map(When::Day).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => match text.parse::<When>() {
                Ok(When::Day(day)) => Ok(Some(day)),
                _ => Err(D::Error::custom(format!("\"{text}\" is not a day"))),
            },
        }
    }
}

/// The extraction as `events.json` writes it, read back by the map's own reader.
mod extraction {
    use super::*;

    pub fn serialize<S: Serializer>(x: &Extraction, s: S) -> Result<S::Ok, S::Error> {
        x.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Extraction, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        read_events(&value).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(a: &Answer) -> Answer {
        decode(&encode(a)).unwrap()
    }

    #[test]
    fn the_seed_article_reads_as_the_command_reads_it() {
        let request = Request {
            id: 7,
            html: crate::shipped::ARTICLE.into(),
            date: None,
        };
        let a = round_trip(&answer(&decode(&encode(&request)).unwrap()));
        let Answer::Read {
            id,
            text,
            heading,
            extraction,
            ..
        } = a
        else {
            panic!("{a:?}");
        };
        assert_eq!(id, 7);
        assert!(text.contains("Tarhuna"));
        assert_eq!(
            heading,
            Heading::default(),
            "the seed article gives no headline"
        );
        let shipped = newsmap_core::data::events::parse_events(crate::shipped::EVENTS).unwrap();
        assert_eq!(extraction, shipped);
    }

    #[test]
    fn the_desks_date_dates_what_the_page_does_not() {
        let html = "<p>The GNA seized Tarhuna on Friday.</p>";
        let date = "2020-06-06".parse::<When>().ok().and_then(|w| match w {
            When::Day(d) => Some(d),
            _ => None,
        });
        let read = |date| match answer(&Request {
            id: 1,
            html: html.into(),
            date,
        }) {
            Answer::Read { extraction, .. } => extraction.events[0].date,
            other => panic!("{other:?}"),
        };
        assert_eq!(read(None), None);
        let plain = |text: &str| match answer(&Request {
            id: 1,
            html: text.into(),
            date: None,
        }) {
            Answer::Read { heading, .. } => heading.headline,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            plain("GNA retakes Tarhuna\n\nThe GNA said so."),
            "GNA retakes Tarhuna"
        );
        assert_eq!(plain("The GNA said so."), "");
        assert_eq!(
            read(date).map(|d| d.to_string()).as_deref(),
            Some("2020-06-05")
        );
    }

    #[test]
    fn bad_requests_and_answers_get_a_reason_not_a_panic() {
        assert!(
            decode::<Request>("{not json")
                .unwrap_err()
                .contains("not a message")
        );
        assert!(
            decode::<Request>(r#"{"id":2,"html":"<p>x</p>","date":"June"}"#)
                .unwrap_err()
                .contains("\"June\" is not a day")
        );
        let empty = Request {
            id: 1,
            html: "  ".into(),
            date: None,
        };
        assert_eq!(
            round_trip(&answer(&empty)),
            Answer::Refused {
                id: 1,
                why: Refusal::Empty
            }
        );
        assert_eq!(round_trip(&Answer::Ready), Answer::Ready);
        // An answer whose events the map cannot read is refused where it is decoded.
        let bad = r#"{"answer":"read","id":3,"text":"","heading":{"headline":"","standfirst":""},"outlet":"","url":"","extraction":{"events":[]}}"#;
        assert!(
            decode::<Answer>(bad)
                .unwrap_err()
                .contains("article_date_basis")
        );
    }
}
