//! A desk's work on one story: its articles' texts, the events the extractor read in them
//! (each thing that happened once, with every article that tells it) and the desk changed,
//! the map's places, the story's words, where it will be published. Every change goes through
//! here, and the whole session is one JSON document, kept in the browser between visits.

use crate::export::{events_json, places_value};
use crate::fields::{self, Field};
use newsmap_core::data::DataError;
use newsmap_core::data::events::{parse_events, read_events};
use newsmap_core::data::places::{PlaceSet, read_places};
use newsmap_core::model::date::{Date, When};
use newsmap_core::model::{
    Article, ArticleId, Event, EventId, EventKind, Extraction, Place, PlaceId, PlaceRole,
};
use newsmap_core::render::page::Heading;
use newsmap_core::story::merge;
use newsmap_core::story::reading::Story;
use newsmap_core::story::timeline::Timeline;
use serde_json::{Value, json};

/// An article's text, as plain text: the spans of its sentences index it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    pub id: ArticleId,
    pub text: String,
}

/// A desk's work on one story.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// The story's articles' texts, in the order they were read.
    pub texts: Vec<ArticleText>,
    /// The article the editor shows (its place in `texts`).
    pub shown: usize,
    /// The publication date the desk gave, for a page that shows none.
    pub date: Option<Date>,
    /// The story's headline and standfirst, in English and in Arabic.
    pub heading: Heading,
    pub heading_ar: Heading,
    /// Where the desk will publish the embed (an http(s) address), for the embed code.
    pub host: String,
    pub extraction: Extraction,
    /// The places the map shows: the page's own, and those the events brought.
    pub places: PlaceSet,
    /// The page's own places: every story starts from them.
    pub base: PlaceSet,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Imported {
    pub events: usize,
    /// The sentences did not match the article in the editor, so its text was rebuilt from
    /// them.
    pub article_rebuilt: bool,
}

impl Session {
    /// A session with the map's places and nothing read yet.
    pub fn new(places: PlaceSet) -> Session {
        Session {
            texts: Vec::new(),
            shown: 0,
            date: None,
            heading: Heading::default(),
            heading_ar: Heading::default(),
            host: String::new(),
            extraction: Extraction {
                article_date: None,
                article_date_basis: String::new(),
                article_date_evidence: Vec::new(),
                aliases: Vec::new(),
                articles: Vec::new(),
                events: Vec::new(),
            },
            places: places.clone(),
            base: places,
        }
    }

    /// The text of the article the editor shows.
    pub fn article(&self) -> &str {
        self.texts.get(self.shown).map_or("", |t| t.text.as_str())
    }

    /// The article the editor shows.
    pub fn shown_article(&self) -> Option<&ArticleId> {
        self.texts.get(self.shown).map(|t| &t.id)
    }

    /// Shows the article an event's sentence is from.
    pub fn show_article_of(&mut self, event: &EventId) {
        let lead = self
            .extraction
            .events
            .iter()
            .find(|e| &e.id == event)
            .and_then(|e| e.sources.first());
        if let Some(at) = lead.and_then(|s| self.texts.iter().position(|t| t.id == s.article)) {
            self.shown = at;
        }
    }

    /// Starts a new story: no article, no event, the page's own places.
    pub fn new_story(&mut self) {
        self.texts.clear();
        self.shown = 0;
        self.extraction = Extraction::default();
        self.places = self.base.clone();
    }

    /// Adds an article to the story (`about` takes the next article id): its events join those
    /// that tell the same thing, or come as new ones. Returns how many joined.
    pub fn add(
        &mut self,
        mut about: Article,
        text: String,
        read: Extraction,
        gazetteer: &[Place],
    ) -> usize {
        // The same text read again (with a date given, say) takes the place of the first read.
        let again: Vec<ArticleId> = self
            .texts
            .iter()
            .filter(|t| t.text == text)
            .map(|t| t.id.clone())
            .collect();
        for id in &again {
            self.remove_article(id, gazetteer);
        }
        about.id = merge::next_article_id(&self.extraction);
        let id = about.id.clone();
        let joined = merge::add(&mut self.extraction, about, read);
        self.texts.push(ArticleText { id, text });
        self.shown = self.texts.len() - 1;
        self.keep_places(gazetteer);
        joined
    }

    /// A story in place of the session's: one article's events (its `text`), or a story of
    /// many that the command line merged, kept as it is (the session has none of its texts).
    pub fn read(&mut self, text: String, extraction: Extraction, gazetteer: &[Place]) {
        self.new_story();
        if extraction.articles.is_empty() {
            let about = Article {
                date: extraction.article_date,
                ..Article::default()
            };
            self.add(about, text, extraction, gazetteer);
        } else {
            self.extraction = extraction;
            self.keep_places(gazetteer);
        }
    }

    /// Takes report `k` out of event `id` as an event of its own.
    pub fn split(&mut self, id: &EventId, k: usize) -> Option<EventId> {
        merge::split(&mut self.extraction, id, k)
    }

    /// Joins event `other` into event `keep`.
    pub fn join(&mut self, keep: &EventId, other: &EventId) -> bool {
        merge::join(&mut self.extraction, keep, other)
    }

    /// Removes an article from the story, and every event only it told.
    pub fn remove_article(&mut self, id: &ArticleId, gazetteer: &[Place]) {
        merge::remove(&mut self.extraction, id);
        let shown = self.texts.get(self.shown).map(|t| t.id.clone());
        self.texts.retain(|t| &t.id != id);
        // The article shown stays shown; if it was the one removed, the one in its place.
        self.shown = shown
            .and_then(|s| self.texts.iter().position(|t| t.id == s))
            .unwrap_or(self.shown)
            .min(self.texts.len().saturating_sub(1));
        self.keep_places(gazetteer);
    }

    /// The map's places for the story: the page's own, those the desk put down that an event
    /// still names, and the gazetteer's that the events name.
    fn keep_places(&mut self, gazetteer: &[Place]) {
        let named: Vec<PlaceId> = self
            .extraction
            .events
            .iter()
            .flat_map(|e| e.place.iter().chain(&e.origin))
            .cloned()
            .collect();
        let kept: Vec<Place> = self
            .places
            .places
            .iter()
            .filter(|p| self.base.get(&p.id).is_none() && named.contains(&p.id))
            .cloned()
            .collect();
        self.places = self.base.clone();
        self.places.places.extend(kept);
        for id in named {
            self.add_known(&id, gazetteer);
        }
    }

    /// Adds a place of the gazetteer to the map, once.
    fn add_known(&mut self, id: &PlaceId, gazetteer: &[Place]) {
        if self.places.get(id).is_some() {
            return;
        }
        if let Some(p) = gazetteer.iter().find(|p| &p.id == id) {
            self.places.places.push(p.clone());
        }
    }

    /// Changes one field of event `i`; a place of the gazetteer joins the map.
    pub fn set(
        &mut self,
        i: usize,
        f: Field,
        text: &str,
        gazetteer: &[Place],
    ) -> Result<(), String> {
        let known = |id: &str| {
            self.places.places.iter().any(|p| p.id.as_str() == id)
                || gazetteer.iter().any(|k| k.id.as_str() == id)
        };
        let mut e = self
            .extraction
            .events
            .get(i)
            .cloned()
            .ok_or("no such event")?;
        fields::set(&mut e, f, text, known)?;
        for id in e.place.iter().chain(&e.origin) {
            self.add_known(id, gazetteer);
        }
        if let Some(slot) = self.extraction.events.get_mut(i) {
            *slot = e;
        }
        Ok(())
    }

    /// Deletes event `i`.
    pub fn delete(&mut self, i: usize) {
        if i < self.extraction.events.len() {
            self.extraction.events.remove(i);
        }
    }

    /// Adds an event for the sentence at `span` (chars of the article): a statement, dated
    /// with the article, for the desk to complete. Returns its index.
    pub fn add_from_span(&mut self, span: [usize; 2]) -> Option<usize> {
        let [start, end] = span;
        let text: String = self
            .article()
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        let quote = text.trim().to_owned();
        if quote.is_empty() {
            return None;
        }
        // The span is the quote's: the article's text at the span is the quote, as in every
        // event the extractor writes.
        let lead = text.chars().take_while(|c| c.is_whitespace()).count();
        let start = start.saturating_add(lead);
        let span = [start, start.saturating_add(quote.chars().count())];
        let shown_date = self.shown_article().and_then(|id| {
            let articles = &self.extraction.articles;
            articles.iter().find(|a| &a.id == id).and_then(|a| a.date)
        });
        let date = shown_date
            .or(self.extraction.article_date)
            .or(self.date.map(When::Day));
        let event = Event {
            date,
            date_basis: "added by the desk, dated with the article".into(),
            ..Event::told(
                merge::next_event_id(&self.extraction),
                EventKind::Statement,
                quote,
                span,
            )
        };
        let event = Event {
            sources: self
                .shown_article()
                .map(|a| merge::source_of(&event, a))
                .into_iter()
                .collect(),
            ..event
        };
        let at = self
            .extraction
            .events
            .partition_point(|e| e.span[0] <= start);
        self.extraction.events.insert(at, event);
        Some(at)
    }

    /// The names of places the events give that neither the map nor the gazetteer knows.
    pub fn unknown_places(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for e in &self.extraction.events {
            if let (None, Some(name)) = (&e.place, &e.place_name)
                && !names.contains(name)
            {
                names.push(name.clone());
            }
        }
        names
    }

    /// Puts a place the gazetteer does not know on the map, at a point the desk chose, and
    /// gives it to every event that names it. Returns its id.
    pub fn place_unknown(&mut self, name: &str, name_ar: &str, lon: f64, lat: f64) -> PlaceId {
        // A new id: another place may already have this name's.
        let base = slug(name);
        let id = (1..)
            .map(|n| match n {
                1 => PlaceId::new(base.clone()),
                n => PlaceId::new(format!("{base}_{n}")),
            })
            .find(|id| self.places.get(id).is_none())
            .unwrap_or_else(|| PlaceId::new(base.clone()));
        self.places.places.push(Place {
            id: id.clone(),
            name: name.to_owned(),
            name_ar: name_ar.to_owned(),
            lon,
            lat,
            source: "placed on the map by the desk".into(),
            role: PlaceRole::Story,
        });
        self.give_place(name, &id);
        id
    }

    /// Gives a place of the gazetteer to every event that names a place by `name`.
    pub fn pick_known(&mut self, name: &str, id: &PlaceId, gazetteer: &[Place]) {
        self.add_known(id, gazetteer);
        self.give_place(name, id);
    }

    /// Gives the place `id` to every event that names a place by `name` and has none yet.
    pub fn give_place(&mut self, name: &str, id: &PlaceId) {
        for e in &mut self.extraction.events {
            if e.place.is_none() && e.place_name.as_deref() == Some(name) {
                e.place = Some(id.clone());
            }
        }
    }

    /// The story the preview draws, and what the timeline found wrong.
    pub fn story(&self) -> (Story, Vec<DataError>) {
        let (timeline, issues) = Timeline::new(&self.extraction.events, &self.places);
        let articles = merge::as_written(&self.extraction).articles;
        let story = Story::new(timeline, self.places.clone()).with_articles(articles);
        (story, issues)
    }

    /// The session as one JSON document.
    pub fn to_json(&self) -> String {
        let events: Value = serde_json::to_value(&self.extraction).unwrap_or(Value::Null);
        let texts: Vec<Value> = self
            .texts
            .iter()
            .map(|t| json!({ "article": t.id.as_str(), "text": t.text }))
            .collect();
        json!({
            "texts": texts,
            "shown": self.shown,
            "date": self.date.map(|d| When::Day(d).to_string()),
            "headline": self.heading.headline,
            "standfirst": self.heading.standfirst,
            "headline_ar": self.heading_ar.headline,
            "standfirst_ar": self.heading_ar.standfirst,
            "host": self.host,
            "events": events,
            "places": places_value(&self.places),
        })
        .to_string()
    }

    /// A session from [`Session::to_json`]'s document, on a page whose own places are `base`
    /// (a place the page gained since the session was kept joins it).
    pub fn from_json(text: &str, base: PlaceSet) -> Result<Session, String> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| format!("not a saved session ({e})"))?;
        let string = |key: &str| {
            v.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let mut places =
            read_places(v.get("places").unwrap_or(&Value::Null)).map_err(|e| e.to_string())?;
        for p in &base.places {
            if places.get(&p.id).is_none() {
                places.places.push(p.clone());
            }
        }
        let extraction =
            read_events(v.get("events").unwrap_or(&Value::Null)).map_err(|e| e.to_string())?;
        let date = match string("date").parse::<When>() {
            Ok(When::Day(d)) => Some(d),
            _ => None,
        };
        let texts: Vec<ArticleText> = v
            .get("texts")
            .and_then(Value::as_array)
            .map(|ts| {
                ts.iter()
                    .map(|t| ArticleText {
                        id: ArticleId::new(t["article"].as_str().unwrap_or_default()),
                        text: t["text"].as_str().unwrap_or_default().to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let shown = v.get("shown").and_then(Value::as_u64).unwrap_or(0) as usize;
        // A session kept before stories held many articles: its one article and its text.
        let (extraction, texts) = match (extraction.articles.is_empty(), v.get("article")) {
            (true, Some(old)) if texts.is_empty() => {
                let text = old.as_str().unwrap_or_default().to_owned();
                let x = one_article(extraction);
                let id = ArticleId::new(FIRST_ARTICLE);
                (x, vec![ArticleText { id, text }])
            }
            _ => (extraction, texts),
        };
        Ok(Session {
            texts,
            shown,
            date,
            heading: Heading {
                headline: string("headline"),
                standfirst: string("standfirst"),
            },
            heading_ar: Heading {
                headline: string("headline_ar"),
                standfirst: string("standfirst_ar"),
            },
            host: string("host"),
            extraction,
            places,
            base,
        })
    }

    /// Restores the story of an exported `events.json`. An article whose sentences are not
    /// its text in the editor (another article, or none) has its text rebuilt from them, so
    /// that each event still shows where it came from.
    pub fn import_events(&mut self, text: &str, gazetteer: &[Place]) -> Result<Imported, String> {
        let read = parse_events(text).map_err(|e| e.to_string())?;
        let events = read.events.len();
        let mut x = read;
        if x.articles.is_empty() {
            // One article's events: a story of that one article, the events' ids kept.
            x = one_article(x);
        }
        let mut rebuilt = false;
        let texts: Vec<ArticleText> = x
            .articles
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
            .into_iter()
            .map(|id| {
                let kept = self
                    .texts
                    .iter()
                    .find(|t| t.id == id)
                    .map(|t| t.text.clone());
                match kept.filter(|t| quotes_match(t, &x, &id)) {
                    Some(text) => ArticleText { id, text },
                    None => {
                        rebuilt = true;
                        ArticleText {
                            text: rebuild_article(&mut x, &id),
                            id,
                        }
                    }
                }
            })
            .collect();
        self.extraction = x;
        self.texts = texts;
        self.shown = 0;
        self.keep_places(gazetteer);
        Ok(Imported {
            events,
            article_rebuilt: rebuilt,
        })
    }

    /// `events.json` for the reader's page.
    pub fn events_json(&self) -> String {
        events_json(&merge::as_written(&self.extraction))
    }
}

/// The id of a story's first article.
const FIRST_ARTICLE: &str = "a1";

/// One article's events as a story of that article, dated as it is.
fn one_article(x: Extraction) -> Extraction {
    let about = Article {
        id: ArticleId::new(FIRST_ARTICLE),
        date: x.article_date,
        ..Article::default()
    };
    merge::adopt(x, about)
}

/// The sentences of article `id` in a story (each with where it is): its sources, and the
/// supporting sentences of the events it leads.
fn sentences_of<'a>(x: &'a mut Extraction, id: &ArticleId) -> Vec<(&'a mut [usize; 2], &'a str)> {
    let mut out = Vec::new();
    for e in &mut x.events {
        let leads = e.sources.first().is_some_and(|s| &s.article == id);
        for s in e.sources.iter_mut().filter(|s| &s.article == id) {
            out.push((&mut s.span, s.quote.as_str()));
        }
        if leads {
            out.push((&mut e.span, e.quote.as_str()));
            for q in &mut e.also {
                out.push((&mut q.span, q.quote.as_str()));
            }
        }
    }
    out
}

/// Whether the text at each sentence's span of article `id` is that sentence.
fn quotes_match(text: &str, x: &Extraction, id: &ArticleId) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let at = |[a, b]: [usize; 2]| chars.get(a..b).map(|c| c.iter().collect::<String>());
    let mut x = x.clone();
    sentences_of(&mut x, id)
        .into_iter()
        .all(|(span, quote)| at(*span).as_deref() == Some(quote))
}

/// Article `id`'s sentences, in the order of their spans, one paragraph each, as its text;
/// every span of them moves to its sentence there.
fn rebuild_article(x: &mut Extraction, id: &ArticleId) -> String {
    let mut sentences = sentences_of(x, id);
    sentences.sort_by_key(|(span, _)| **span);
    let mut text = String::new();
    let mut placed: Vec<(String, [usize; 2])> = Vec::new();
    for (span, quote) in sentences {
        if let Some((_, at)) = placed.iter().find(|(q, _)| q == quote) {
            *span = *at;
            continue;
        }
        // Where the quote starts, in chars: after the last one and a blank line.
        let start = placed.last().map_or(0, |(_, [_, end])| end + 2);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(quote);
        let at = [start, start + quote.chars().count()];
        placed.push((quote.to_owned(), at));
        *span = at;
    }
    text
}

/// An id for a place's name: lower case, words joined by `_` ("Qasr bin Ghashir" →
/// `qasr_bin_ghashir`).
pub fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "place".into()
    } else {
        words.join("_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmap_core::data::places::parse_places;

    fn first() -> ArticleId {
        ArticleId::new("a1")
    }

    fn seed() -> Session {
        let mut s = Session::new(parse_places(crate::shipped::PLACES).unwrap());
        let html = crate::shipped::ARTICLE;
        let text = newsmap_extract::document::parse(html).text;
        s.read(
            text,
            newsmap_extract::extract(html),
            &crate::shipped::gazetteer(),
        );
        s
    }

    #[test]
    fn an_edit_moves_the_story_and_a_deletion_removes_it() {
        let mut s = seed();
        let gaz = &crate::shipped::gazetteer();
        let i = s
            .extraction
            .events
            .iter()
            .position(|e| e.kind == EventKind::Capture && e.place == Some(PlaceId::new("tarhuna")))
            .unwrap();
        let tarhuna = |s: &Session, date: &str| {
            let (story, _) = s.story();
            let t = date.parse::<When>().unwrap().start() + 720.0;
            story
                .timeline()
                .frame_at(t)
                .place(&PlaceId::new("tarhuna"))
                .and_then(|p| p.control)
        };
        assert_eq!(
            tarhuna(&s, "2020-06-05"),
            Some(newsmap_core::model::Actor::Gna)
        );
        s.set(i, Field::Date, "2020-06-07", gaz).unwrap();
        assert_eq!(
            tarhuna(&s, "2020-06-05"),
            Some(newsmap_core::model::Actor::Lna)
        );
        assert_eq!(
            tarhuna(&s, "2020-06-07"),
            Some(newsmap_core::model::Actor::Gna)
        );
        assert!(s.set(i, Field::Date, "next week", gaz).is_err());
        s.delete(i);
        assert_eq!(
            tarhuna(&s, "2020-06-07"),
            Some(newsmap_core::model::Actor::Lna)
        );
    }

    #[test]
    fn a_place_the_gazetteer_lacks_is_flagged_then_placed_by_the_desk() {
        let mut s = seed();
        let e = &mut s.extraction.events[0];
        e.place = None;
        e.place_name = Some("Qasr bin Ghashir".into());
        assert_eq!(s.unknown_places(), ["Qasr bin Ghashir"]);
        let id = s.place_unknown("Qasr bin Ghashir", "قصر بن غشير", 13.18, 32.68);
        assert_eq!(id.as_str(), "qasr_bin_ghashir");
        assert!(s.unknown_places().is_empty());
        assert_eq!(
            s.places.get(&id).map(|p| p.name_ar.as_str()),
            Some("قصر بن غشير")
        );
        // A place of the gazetteer joins the map when an event takes it.
        let gaz = &crate::shipped::gazetteer();
        s.set(1, Field::Place, "zuwara", gaz).unwrap();
        assert!(s.places.get(&PlaceId::new("zuwara")).is_some());
    }

    #[test]
    fn a_sentence_becomes_an_event_whose_span_is_its_quote() {
        let mut s = seed();
        s.texts[0].text = "One.  The UN called for talks on Sunday. Three.".into();
        s.extraction.events.clear();
        s.extraction.article_date = "2020-06-06".parse().ok();
        let i = s.add_from_span([4, 41]).unwrap();
        let e = &s.extraction.events[i];
        assert_eq!(
            (e.quote.as_str(), e.kind),
            ("The UN called for talks on Sunday.", EventKind::Statement)
        );
        assert_eq!(
            e.span,
            [6, 40],
            "the span leaves out the spaces the quote does"
        );
        assert!(quotes_match(s.article(), &s.extraction, &first()));
        assert_eq!(e.sources.len(), 1, "a source in the shown article");
        assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2020-06-06"));
        assert!(s.add_from_span([0, 0]).is_none());
        assert!(s.add_from_span([4, 6]).is_none(), "only spaces");
    }

    #[test]
    fn a_session_kept_before_stories_of_many_articles_comes_back_whole() {
        let s = seed();
        // The format of before: the article's text under "article", its events as written.
        let mut old: Value = serde_json::from_str(&s.to_json()).unwrap();
        let kept = old.as_object_mut().unwrap();
        kept.remove("texts");
        kept.remove("shown");
        kept.insert("article".into(), Value::String(s.article().to_owned()));
        let events: Value = serde_json::from_str(&s.events_json()).unwrap();
        kept.insert("events".into(), events);
        let back = Session::from_json(&old.to_string(), s.base.clone()).unwrap();
        assert_eq!(back.article(), s.article(), "the text is back");
        assert_eq!(back.extraction.articles.len(), 1);
        let ids = |x: &Extraction| x.events.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(
            ids(&back.extraction),
            ids(&s.extraction),
            "every event, its id kept"
        );
        assert!(back.extraction.events.iter().all(|e| e.sources.len() == 1));
        assert!(quotes_match(back.article(), &back.extraction, &first()));
    }

    #[test]
    fn the_session_survives_a_round_trip_and_an_import() {
        let mut s = seed();
        assert!(
            quotes_match(s.article(), &s.extraction, &first()),
            "the worker's text and spans agree"
        );
        s.heading.headline = "Libya".into();
        s.heading_ar.headline = "ليبيا".into();
        s.host = "https://example.org/maps/libya/".into();
        let back = Session::from_json(&s.to_json(), s.base.clone()).unwrap();
        assert_eq!(back, s);
        assert!(Session::from_json("{", s.base.clone()).is_err());

        // Into the same article: the events come back as they were.
        let mut same = Session::new(s.base.clone());
        same.texts = s.texts.clone();
        let done = same.import_events(&s.events_json(), &[]).unwrap();
        assert_eq!(done.events, s.extraction.events.len());
        assert!(!done.article_rebuilt);
        assert_eq!(same.extraction, s.extraction);

        // Into an empty editor: the text is rebuilt from the sentences, each event on its own.
        let mut empty = Session::new(s.base.clone());
        let done = empty.import_events(&s.events_json(), &[]).unwrap();
        assert!(done.article_rebuilt);
        assert!(quotes_match(empty.article(), &empty.extraction, &first()));
        let strip = |x: &Extraction| -> Vec<Event> {
            let mut events = x.events.clone();
            for e in &mut events {
                e.span = [0, 0];
                e.also.iter_mut().for_each(|q| q.span = [0, 0]);
                e.sources.iter_mut().for_each(|q| q.span = [0, 0]);
            }
            events
        };
        assert_eq!(strip(&empty.extraction), strip(&s.extraction));
    }

    #[test]
    fn a_new_article_keeps_the_pages_places_and_drops_the_last_ones() {
        let mut s = seed();
        let id = s.place_unknown("Qasr bin Ghashir", "", 13.18, 32.68);
        let twin = s.place_unknown("Qasr bin Ghashir", "", 13.2, 32.7);
        assert_eq!(
            twin.as_str(),
            "qasr_bin_ghashir_2",
            "a name's id is never taken twice"
        );
        assert!(s.places.get(&id).is_some());
        let (text, x) = (s.article().to_owned(), s.extraction.clone());
        s.read(text, x, &crate::shipped::gazetteer());
        assert!(s.places.get(&id).is_none(), "no event names it now");
        for p in &s.base.places {
            assert!(s.places.get(&p.id).is_some(), "{} stays", p.id.as_str());
        }
    }

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("Qasr bin Ghashir"), "qasr_bin_ghashir");
        assert_eq!(slug("Al-Watiya air base"), "al_watiya_air_base");
        assert_eq!(slug("!!"), "place");
    }
}
