//! `events.json`, the extractor's output, read back for the map.
//!
//! The extractor writes the file with serde (the model's `Serialize`); the map reads it
//! through [`Json`](super::Json), the platform's own JSON parser, so the browser carries no
//! `serde_json`. The tests check that whatever the extractor writes reads back equal, and the
//! reader checks what the map relies on (ids are unique; a date's precision is the date's own,
//! so the file's `precision` is not read back). Messages name the event and the member at fault.

use super::{DataError, ErrorKind, Json, Kind};
use crate::model::date::When;
use crate::model::{
    Actor, Article, ArticleId, Event, EventId, EventKind, Evidence, Extraction, PlaceId, Quote,
    SideName, Source, Stance, Status, Undated,
};

/// The file events come from, for messages.
pub const EVENTS_FILE: &str = "events.json";

/// Reads `events.json` and checks what the map relies on.
pub fn read_events<J: Json>(root: &J) -> Result<Extraction, DataError> {
    let x = extraction(root).map_err(|e| {
        DataError::new(
            EVENTS_FILE,
            ErrorKind::Shape,
            format!("not the extractor's output ({e})"),
        )
    })?;
    for (i, a) in x.articles.iter().enumerate() {
        if x.articles
            .iter()
            .skip(i.saturating_add(1))
            .any(|b| b.id == a.id)
        {
            return Err(DataError::new(
                EVENTS_FILE,
                ErrorKind::Duplicate,
                format!("the article id {} is used twice", a.id),
            ));
        }
    }
    let mut ids: Vec<&EventId> = Vec::with_capacity(x.events.len());
    for e in &x.events {
        if !x.articles.is_empty() && e.sources.is_empty() {
            return Err(DataError::new(
                EVENTS_FILE,
                ErrorKind::Value,
                format!(
                    "event {}: a story of several articles lists each event's \"sources\"",
                    e.id
                ),
            ));
        }
        if let Some(q) = e
            .sources
            .iter()
            .find(|q| !x.articles.iter().any(|a| a.id == q.article))
        {
            return Err(DataError::new(
                EVENTS_FILE,
                ErrorKind::Value,
                format!(
                    "event {}: a source names the article {}, which \"articles\" does not list",
                    e.id, q.article
                ),
            ));
        }
        if ids.contains(&&e.id) {
            return Err(DataError::new(
                EVENTS_FILE,
                ErrorKind::Duplicate,
                format!("the event id {} is used twice", e.id),
            ));
        }
        ids.push(&e.id);
    }
    Ok(x)
}

/// Reads `events.json` from its text (natively, with serde_json).
#[cfg(feature = "native")]
pub fn parse_events(text: &str) -> Result<Extraction, DataError> {
    read_events(&super::parse_json::<serde_json::Value>(EVENTS_FILE, text)?)
}

fn extraction<J: Json>(root: &J) -> Result<Extraction, String> {
    let x = Members::of(root, "the file".into())?;
    let events = x
        .list("events")?
        .iter()
        .enumerate()
        .map(|(i, e)| event(e, i))
        .collect::<Result<_, _>>()?;
    Ok(Extraction {
        article_date: x.optional("article_date", when, "a date such as 2020-06-06")?,
        article_date_basis: x.string("article_date_basis")?,
        article_date_evidence: x
            .list("article_date_evidence")?
            .iter()
            .map(Json::string)
            .collect::<Option<_>>()
            .ok_or_else(|| x.wrong("article_date_evidence", "a list of strings"))?,
        aliases: x
            .list("aliases")?
            .iter()
            .map(|a| {
                side_name(a)
                    .ok_or_else(|| x.wrong("aliases", "a list of {name, actor, quote, span}"))
            })
            .collect::<Result<_, _>>()?,
        articles: x
            .list("articles")?
            .iter()
            .enumerate()
            .map(|(i, a)| article(a, i))
            .collect::<Result<_, _>>()?,
        events,
    })
}

fn side_name<J: Json>(v: &J) -> Option<SideName> {
    Some(SideName {
        name: v.get("name")?.string()?,
        actor: Actor::from_id(&v.get("actor")?.string()?)?,
        quote: v.get("quote")?.string()?,
        span: span(&v.get("span")?)?,
    })
}

fn event<J: Json>(v: &J, index: usize) -> Result<Event, String> {
    let id = v.get("id").and_then(|i| i.string()).unwrap_or_default();
    let e = Members::of(v, format!("event {} ('{id}')", index.saturating_add(1)))?;
    Ok(Event {
        id: EventId::new(e.string("id")?),
        kind: e.required("kind", one_of(EventKind::from_id), "an event kind")?,
        date: e.optional("date", when, "a date such as 2020-06-05, or null")?,
        undated: e.optional("undated", one_of(Undated::from_id), "a reason")?,
        date_basis: e.optional_string("date_basis")?.unwrap_or_default(),
        local_time: e.optional_string("local_time")?,
        actor: e.optional("actor", one_of(Actor::from_id), "an actor id")?,
        actor_name: e.optional_string("actor_name")?,
        place: e.optional("place", place, "a place id")?,
        place_name: e.optional_string("place_name")?,
        from: e.optional("from", one_of(Actor::from_id), "an actor id")?,
        to: e.optional("to", one_of(Actor::from_id), "an actor id")?,
        origin: e.optional("origin", place, "a place id")?,
        count: e.optional("count", Json::whole, "a whole number")?,
        stance: e.optional("stance", one_of(Stance::from_id), "a stance")?,
        status: e
            .optional("status", one_of(Status::from_id), "reported or claimed")?
            .unwrap_or_default(),
        quote: e.string("quote")?,
        span: e.required("span", span, "a [start, end] pair, start ≤ end")?,
        confidence: e.required("confidence", Json::number, "a number")?,
        evidence: e
            .optional("evidence", one_of(Evidence::from_id), "a kind of evidence")?
            .unwrap_or_default(),
        also: e
            .list("also")?
            .iter()
            .map(|q| quote(q).ok_or_else(|| e.wrong("also", "a list of {quote, span}")))
            .collect::<Result<_, _>>()?,
        sources: e
            .list("sources")?
            .iter()
            .map(|q| {
                source(q).ok_or_else(|| {
                    e.wrong("sources", "a list of {article, quote, span, date, status}")
                })
            })
            .collect::<Result<_, _>>()?,
        settled: e
            .optional("settled", Json::boolean, "true or false")?
            .unwrap_or(false),
    })
}

fn source<J: Json>(v: &J) -> Option<Source> {
    Some(Source {
        article: ArticleId::new(v.get("article")?.string()?),
        quote: v.get("quote")?.string()?,
        span: span(&v.get("span")?)?,
        date: match v.get("date") {
            Some(d) => Some(when(&d)?),
            None => None,
        },
        status: match v.get("status") {
            Some(s) => Status::from_id(&s.string()?)?,
            None => Status::default(),
        },
    })
}

fn article<J: Json>(v: &J, index: usize) -> Result<Article, String> {
    let a = Members::of(v, format!("article {}", index.saturating_add(1)))?;
    Ok(Article {
        id: ArticleId::new(a.string("id")?),
        outlet: a.optional_string("outlet")?.unwrap_or_default(),
        headline: a.optional_string("headline")?.unwrap_or_default(),
        date: a.optional("date", when, "a date such as 2020-06-06, or null")?,
        url: match a.optional_string("url")?.unwrap_or_default() {
            u if u.is_empty() || crate::model::is_web_address(&u) => u,
            u => return Err(format!("\"url\" {u}: not a web address (https://…)")),
        },
    })
}

fn when<J: Json>(v: &J) -> Option<When> {
    v.string()?.parse().ok()
}

fn place<J: Json>(v: &J) -> Option<PlaceId> {
    v.string().map(PlaceId::new)
}

fn span<J: Json>(v: &J) -> Option<[usize; 2]> {
    match v.items()?.as_slice() {
        [start, end] => {
            let (start, end) = (start.whole()? as usize, end.whole()? as usize);
            (start <= end).then_some([start, end])
        }
        _ => None,
    }
}

fn quote<J: Json>(v: &J) -> Option<Quote> {
    Some(Quote {
        quote: v.get("quote")?.string()?,
        span: span(&v.get("span")?)?,
    })
}

/// Reads one of an enum's ids.
fn one_of<J: Json, T>(from_id: fn(&str) -> Option<T>) -> impl Fn(&J) -> Option<T> {
    move |v| from_id(&v.string()?)
}

/// An object's members, read by name; messages say which object and which member.
struct Members<'a, J> {
    object: &'a J,
    what: String,
}

impl<'a, J: Json> Members<'a, J> {
    fn of(object: &'a J, what: String) -> Result<Members<'a, J>, String> {
        match object.kind() {
            Kind::Object => Ok(Members { object, what }),
            other => Err(format!("{what} is {}, not an object", other.name())),
        }
    }

    /// The member, if present and not null.
    fn get(&self, key: &str) -> Option<J> {
        self.object.get(key)
    }

    fn wrong(&self, key: &str, expected: &str) -> String {
        match self.get(key) {
            None => format!("{} has no \"{key}\"", self.what),
            Some(v) => format!(
                "{}: \"{key}\" is {}, not {expected}",
                self.what,
                match v.string() {
                    Some(s) => format!("\"{s}\""),
                    None => v.kind().name().to_owned(),
                }
            ),
        }
    }

    fn optional<T>(
        &self,
        key: &str,
        read: impl Fn(&J) -> Option<T>,
        expected: &str,
    ) -> Result<Option<T>, String> {
        self.get(key)
            .map(|v| read(&v).ok_or_else(|| self.wrong(key, expected)))
            .transpose()
    }

    fn required<T>(
        &self,
        key: &str,
        read: impl Fn(&J) -> Option<T>,
        expected: &str,
    ) -> Result<T, String> {
        self.optional(key, read, expected)?
            .ok_or_else(|| self.wrong(key, expected))
    }

    fn optional_string(&self, key: &str) -> Result<Option<String>, String> {
        self.optional(key, Json::string, "a string")
    }

    fn string(&self, key: &str) -> Result<String, String> {
        self.required(key, Json::string, "a string")
    }

    /// A list member; absent or null reads as empty.
    fn list(&self, key: &str) -> Result<Vec<J>, String> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(v) => v.items().ok_or_else(|| self.wrong(key, "a list")),
        }
    }
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../../assets/events.json");

    #[test]
    fn what_the_extractor_writes_reads_back_equal() {
        let x = parse_events(SHIPPED).unwrap();
        assert!(x.events.len() >= 10);
        for text in [
            serde_json::to_string(&x).unwrap(),
            serde_json::to_string_pretty(&x).unwrap(),
        ] {
            assert_eq!(parse_events(&text).unwrap(), x);
        }
        // Every optional member, present and absent, survives the round trip.
        let mut full = x.events[0].clone();
        full.also = vec![Quote {
            quote: "Un \"autre\" récit, طرابلس".into(),
            span: [3, 9],
        }];
        full.stance = Some(Stance::Rejection);
        full.evidence = Evidence::Caption;
        full.count = Some(5);
        full.origin = Some(PlaceId::new("tarhuna"));
        full.local_time = Some("18:00".into());
        full.settled = true;
        full.sources = vec![Source {
            article: ArticleId::new("a2"),
            quote: "Another report's sentence.".into(),
            span: [0, 26],
            date: "2020-06-04".parse().ok(),
            status: Status::Claimed,
        }];
        let x = Extraction {
            article_date: None,
            article_date_basis: String::new(),
            article_date_evidence: vec!["a".into(), "b".into()],
            aliases: Vec::new(),
            articles: vec![Article {
                id: ArticleId::new("a2"),
                outlet: "UN News".into(),
                headline: "Fighting in Libya".into(),
                date: "2020-06-06".parse().ok(),
                url: "https://news.un.org/x".into(),
            }],
            events: vec![full],
        };
        assert_eq!(
            parse_events(&serde_json::to_string(&x).unwrap()).unwrap(),
            x
        );
    }

    #[test]
    fn a_wrong_member_is_named_with_its_event() {
        let problem = |text: &str| parse_events(text).unwrap_err().problem;
        let event = |members: &str| {
            format!(
                r#"{{"article_date":"2020-06-06","article_date_basis":"","events":[{{"id":"e1",
                "kind":"capture","date":"2020-06-05","precision":"day","quote":"q",
                "span":[0,1],"confidence":0.9{members}}}]}}"#
            )
        };
        assert!(parse_events(&event("")).is_ok());
        assert_eq!(
            problem(&event(r#","kind":"caputre""#)),
            "not the extractor's output (event 1 ('e1'): \"kind\" is \"caputre\", not an event kind)"
        );
        assert_eq!(
            problem(&event(r#","count":-2"#)),
            "not the extractor's output (event 1 ('e1'): \"count\" is a number, not a whole number)"
        );
        assert!(problem(&event(r#","span":[1]"#)).contains("not a [start, end] pair"));
        assert!(problem(&event(r#","span":[25,22]"#)).contains("start ≤ end"));
        assert!(problem(&event(r#","actor":"nato""#)).contains("\"actor\" is \"nato\""));
        assert!(problem(&event(r#","date":"June""#)).contains("\"date\" is \"June\""));
        assert!(problem("[]").contains("the file is an array, not an object"));
        assert_eq!(parse_events("[]").unwrap_err().kind, ErrorKind::Shape);
        assert!(problem(r#"{"events":[]}"#).contains("the file has no \"article_date_basis\""));
        assert!(problem("{").starts_with("not valid JSON (EOF while parsing an object"));
        assert!(problem("{").ends_with("line 1 column 1)"));
    }

    #[test]
    fn events_json_errors_name_the_file_and_the_event() {
        let problem = |text: &str| parse_events(text).unwrap_err().problem;
        assert_eq!(
            parse_events("").unwrap_err().to_string(),
            "events.json: the file is empty"
        );
        assert!(problem("{").contains("not valid JSON"));
        assert!(problem("[]").contains("not the extractor's output"));
        let good = include_str!("../../../../assets/events.json");
        assert!(parse_events(good).is_ok());
        for (from, to, says) in [
            ("2020-06-05", "2020-06-31", "2020-06-31"),
            ("\"id\": \"e2\"", "\"id\": \"e1\"", "used twice"),
        ] {
            let p = problem(&good.replacen(from, to, 1));
            assert!(p.contains(says), "{from} → {to}: {p}");
        }
    }

    #[test]
    fn a_story_of_many_articles_is_checked_whole() {
        let problem = |text: &str| parse_events(text).unwrap_err().problem;
        let story = include_str!("../../../../stories/tripoli-2019-2020/events.json");
        let x = parse_events(story).unwrap();
        assert_eq!(x.articles.len(), 30);
        assert!(x.events.iter().all(|e| !e.sources.is_empty()));
        assert_eq!(
            parse_events(&serde_json::to_string(&x).unwrap()).unwrap(),
            x
        );
        for (from, to, says) in [
            (
                "\"id\": \"a2\"",
                "\"id\": \"a1\"",
                "article id a1 is used twice",
            ),
            (
                "\"url\": \"https://",
                "\"url\": \"javascript:",
                "not a web address",
            ),
            (
                "\"article\": \"a3\"",
                "\"article\": \"a99\"",
                "does not list",
            ),
            (
                "\"sources\": [",
                "\"sources\": [], \"was\": [",
                "lists each event's",
            ),
        ] {
            let p = problem(&story.replacen(from, to, 1));
            assert!(p.contains(says), "{from} → {to}: {p}");
        }
    }
}
