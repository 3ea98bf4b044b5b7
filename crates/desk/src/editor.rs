//! The editor's state, and everything the desk's hands do to it: one [`Msg`] for each hand,
//! [`Editor::update`] applies it and says what the browser must do in turn ([`Effect`]).
//! The browser binary only turns DOM events into messages and effects into calls, so every
//! behaviour of the editor is tested here, natively.
//!
//! ```text
//! DOM event ─parse─▶ Msg ─Editor::update─▶ Editor (signals redraw what changed)
//!                                     └──▶ [Effect] ─▶ worker, storage, downloads
//! ```

use crate::export::places_geojson;
use crate::fields::Field;
use crate::protocol::{Answer, Request};
use crate::refuse;
use crate::session::Session;
use newsmap_core::data::places::PlaceSet;
use newsmap_core::model::date::{Date, When};
use newsmap_core::model::{
    Article, ArticleId, EventId, Extraction, Place, PlaceId, Undated, is_web_address,
};
use newsmap_core::render::page::Heading;
use newsmap_core::story::words::Lang;
use std::collections::VecDeque;

/// A value the desk typed that was refused, and why: shown in its field until fixed. It names
/// its event by id, so it stays with the event as rows come and go.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub event: EventId,
    pub field: Field,
    pub text: String,
    pub why: String,
}

newsmap_core::id_enum! {
    /// The story's words a desk edits.
    pub enum HeadField {
        Headline = "headline",
        Standfirst = "standfirst",
        HeadlineAr = "headline-ar",
        StandfirstAr = "standfirst-ar",
    }
}

newsmap_core::id_enum! {
    /// The files a desk downloads.
    pub enum Download {
        Events = "events",
        Places = "places",
    }
}

/// Why the session could not be kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsaved {
    /// The browser keeps nothing for this page (storage off, or a private window's rules).
    Unavailable,
    /// The browser refused to keep this much.
    TooLarge,
}

impl std::fmt::Display for Unsaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Unsaved::Unavailable => {
                "This browser keeps nothing for this page, so a reload loses this session: export it to keep it."
            }
            Unsaved::TooLarge => {
                "This session is too large to keep in the browser, so a reload loses it: export it to keep it."
            }
        })
    }
}

/// What the desk did.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// "Read the article": the paste box's text and the date field's, at `now` (ms).
    Read {
        html: String,
        date: String,
        now: f64,
    },
    /// A file opened or dropped as an article (or why it could not be read). Files opened
    /// while another is read wait their turn: several dropped at once are read one by one.
    Opened {
        name: String,
        text: Result<String, String>,
        date: String,
        now: f64,
    },
    /// The worker spoke.
    Heard {
        answer: Answer,
        now: f64,
    },
    /// The worker could not start, or stopped for good.
    WorkerDown(String),
    /// "Show its sentence".
    Show(EventId),
    Delete(EventId),
    Edit {
        event: EventId,
        field: Field,
        text: String,
    },
    /// "Add an event from the selected text": the selection, in chars of the article.
    AddFrom(Option<[usize; 2]>),
    Head(HeadField, String),
    /// The address where the embed will be served.
    Host(String),
    /// The language the preview shows the story in.
    PreviewIn(Lang),
    /// "Publish": make the embed (at `now`, in ms).
    Publish {
        now: f64,
    },
    /// The embed was made and offered (its size in bytes), or why not.
    Published {
        result: Result<usize, String>,
        now: f64,
    },
    /// The preview's stop, chosen by the desk.
    ShowStop(usize),
    /// "New story": the articles and their events go (the first article read next gives the
    /// story its words); the address stays.
    NewStory,
    /// Shows an article's text beside the table.
    ShowArticle(ArticleId),
    /// Removes an article, and every event only it told.
    RemoveArticle(ArticleId),
    /// Names an article's outlet and address, as the reader's captions cite it.
    NameArticle {
        id: ArticleId,
        outlet: String,
        url: String,
    },
    /// Takes one report (its place among the event's sources) out of an event: a wrong join.
    Split {
        event: EventId,
        source: usize,
    },
    /// The desk has settled what the event's reports disagree on (its row says what the map
    /// shows): the flag goes, the other versions stay in the reader's "How the map knows".
    Settle(EventId),
    /// Joins event `other` into event `keep`: two rows that tell one thing.
    Join {
        keep: EventId,
        other: EventId,
    },
    /// "Place it on the map": the next click on the map puts this unknown place down.
    StartPlacing(String),
    /// The Arabic name typed for an unknown place.
    NameAr {
        name: String,
        text: String,
    },
    /// A click on the preview's map, at this point, while a place waits to be put down.
    PlaceAt {
        lon: f64,
        lat: f64,
    },
    /// A place of the map or the gazetteer picked for a name nobody knew.
    Pick {
        name: String,
        id: String,
    },
    /// An `events.json` to go on with (or why the file could not be read).
    Import {
        name: String,
        text: Result<String, String>,
    },
    Download(Download),
    /// Whether the browser kept the session.
    Saved(Result<(), Unsaved>),
}

impl Msg {
    /// When the browser saw it happen (ms), for the messages that carry the time.
    fn at(&self) -> Option<f64> {
        match self {
            Msg::Read { now, .. }
            | Msg::Opened { now, .. }
            | Msg::Heard { now, .. }
            | Msg::Publish { now }
            | Msg::Published { now, .. } => Some(*now),
            _ => None,
        }
    }
}

/// What the browser must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ask the worker to read an article.
    Send(Request),
    /// Keep the session, as this JSON, for the next visit.
    Save(String),
    /// Put this text in the paste box (a file was opened).
    FillInput(String),
    /// Make the embed: fetch the reader's site, then [`publish`](crate::publish::publish)
    /// this session into a zip and offer it as `name`.
    Publish { name: String },
    /// Offer a file to the desk.
    Offer {
        name: &'static str,
        text: String,
        mime: &'static str,
    },
}

/// The status line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub text: String,
    /// How long the last article took to read, or the last embed to make, in ms.
    pub ms: Option<f64>,
}

/// A file opened while another was read.
#[derive(Debug, Clone, PartialEq)]
struct Waiting {
    name: String,
    text: String,
    /// The publication date the desk gave with it.
    date: String,
}

/// A request on its way to the worker.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pending {
    id: u32,
    started: f64,
}

/// A row whose "show" button takes the focus (after a deletion, so that the desk stays in
/// the table and a second Enter deletes nothing). The ticket changes with every request.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    pub event: EventId,
    pub ticket: u32,
}

/// The editor's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub session: Session,
    /// The places the desk may pick from: the extractor's gazetteer.
    pub gazetteer: Vec<Place>,
    /// The event whose sentence is marked and whose stop the preview shows.
    pub chosen: Option<EventId>,
    /// The preview's stop, when the desk picked one.
    pub stop: Option<usize>,
    pub refused: Vec<Refused>,
    /// The unknown place the next click on the map puts down.
    pub placing: Option<String>,
    /// Arabic names typed for unknown places, by name.
    pub names_ar: Vec<(String, String)>,
    pub said: Said,
    pub unsaved: Option<Unsaved>,
    pub focus: Option<Focus>,
    /// Counts the requests to bring the marked sentence into view.
    pub reveal: u32,
    /// The language the preview shows the story in.
    pub preview_lang: Lang,
    /// When the embed being made was asked for (ms).
    publishing: Option<f64>,
    pending: Option<Pending>,
    /// Files opened while another was read, with the date given for each.
    waiting: VecDeque<Waiting>,
    /// The name of the file being read (empty for a paste).
    reading: String,
    /// Files of this batch that could not be read, and why: said when the batch is done.
    passed_over: Vec<String>,
    next_request: u32,
    /// The session kept in the browser could be neither read nor set aside: it is not
    /// overwritten until the desk reads or imports an article.
    holding: bool,
}

/// What a message did to the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    None,
    Session,
}

impl Editor {
    /// The editor on a page whose own places are `base`: the session kept from the last visit
    /// (`kept`) or a new one with the page's `heading`. A kept session that cannot be read is
    /// set aside (`set_aside` says whether the browser kept the copy), never overwritten.
    pub fn start(
        base: PlaceSet,
        gazetteer: Vec<Place>,
        heading: Heading,
        kept: Option<&str>,
        set_aside: impl FnOnce(&str) -> bool,
    ) -> Editor {
        let fresh = |base: PlaceSet| {
            let mut s = Session::new(base);
            s.heading = heading.clone();
            s
        };
        let (session, holding, said) = match kept.map(|k| (Session::from_json(k, base.clone()), k))
        {
            Some((Ok(s), _)) if !s.extraction.events.is_empty() => (
                s,
                false,
                "Your last session is back. Read a new article, or go on editing.".to_owned(),
            ),
            Some((Ok(s), _)) => (s, false, "Ready: paste an article.".to_owned()),
            Some((Err(why), json)) => {
                let kept_aside = set_aside(json);
                let said = if kept_aside {
                    format!(
                        "The session kept in this browser could not be read ({why}); it is set aside under \"{}\" in this site's storage. Ready: paste an article.",
                        crate::ASIDE
                    )
                } else {
                    format!(
                        "The session kept in this browser could not be read ({why}); it stays as it is until you read or import an article. Ready: paste an article."
                    )
                };
                (fresh(base), !kept_aside, said)
            }
            None => (fresh(base), false, "Ready: paste an article.".to_owned()),
        };
        Editor {
            session,
            gazetteer,
            chosen: None,
            stop: None,
            refused: Vec::new(),
            placing: None,
            names_ar: Vec::new(),
            said: Said {
                text: said,
                ms: None,
            },
            unsaved: None,
            focus: None,
            reveal: 0,
            preview_lang: Lang::En,
            publishing: None,
            pending: None,
            waiting: VecDeque::new(),
            reading: String::new(),
            passed_over: Vec::new(),
            next_request: 1,
            holding,
        }
    }

    /// Applies what the desk did, and says what the browser must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut effects = Vec::new();
        let at = msg.at();
        let change = match msg {
            Msg::Read { html, date, now } => {
                self.reading.clear();
                self.read(html, &date, now, &mut effects)
            }
            Msg::Opened {
                name, text, date, ..
            } => match text {
                Ok(text) => {
                    let file = Waiting {
                        name: name.clone(),
                        text,
                        date,
                    };
                    self.waiting.push_back(file);
                    match self.pending {
                        Some(_) => self.say(format!(
                            "{name} waits its turn: {} files to read after this one.",
                            self.waiting.len()
                        )),
                        None => Change::None,
                    }
                }
                Err(why) if self.pending.is_some() || !self.waiting.is_empty() => {
                    self.passed_over.push(format!("{name}: {why}"));
                    Change::None
                }
                Err(why) => self.say(format!("{name}: {why}")),
            },
            Msg::Heard { answer, now } => self.heard(answer, now),
            Msg::WorkerDown(why) => {
                self.pending = None;
                self.say(why)
            }
            Msg::Import { name, text } => self.import(&name, text),
            Msg::Download(file) => {
                effects.push(self.offer(file));
                Change::None
            }
            Msg::Saved(result) => {
                self.unsaved = result.err();
                Change::None
            }
            Msg::Publish { now } => self.publish(now, &mut effects),
            Msg::Published { result, now } => self.published(result, now),
            other => self.edit(other),
        };
        let change = match at {
            Some(now) => self.read_next(now, change, &mut effects),
            None => change,
        };
        if self.pending.is_none() && self.waiting.is_empty() && !self.passed_over.is_empty() {
            let skipped: Vec<String> = std::mem::take(&mut self.passed_over)
                .iter()
                .map(|s| s.trim_end_matches('.').to_owned())
                .collect();
            self.said.text = format!("{} Not read: {}.", self.said.text, skipped.join("; "));
        }
        if change == Change::Session && !self.holding {
            effects.push(Effect::Save(self.session.to_json()));
        }
        effects
    }

    /// The hands that change the events and the places.
    fn edit(&mut self, msg: Msg) -> Change {
        match msg {
            Msg::Show(id) => {
                self.session.show_article_of(&id);
                (self.chosen, self.stop) = (Some(id), None);
                self.reveal = self.reveal.wrapping_add(1);
                Change::None
            }
            Msg::Delete(id) => self.delete(&id),
            Msg::Edit { event, field, text } => self.set(event, field, text),
            Msg::AddFrom(span) => match span.and_then(|s| self.session.add_from_span(s)) {
                Some(i) => {
                    self.chosen = self.session.extraction.events.get(i).map(|e| e.id.clone());
                    self.stop = None;
                    Change::Session
                }
                None => self.say("Select a sentence of the article first.".into()),
            },
            Msg::Head(field, text) => {
                let s = &mut self.session;
                *match field {
                    HeadField::Headline => &mut s.heading.headline,
                    HeadField::Standfirst => &mut s.heading.standfirst,
                    HeadField::HeadlineAr => &mut s.heading_ar.headline,
                    HeadField::StandfirstAr => &mut s.heading_ar.standfirst,
                } = text.trim().to_owned();
                Change::Session
            }
            Msg::Host(address) => {
                self.session.host = address.trim().to_owned();
                Change::Session
            }
            Msg::PreviewIn(lang) => {
                self.preview_lang = lang;
                Change::None
            }
            Msg::ShowStop(k) => {
                self.stop = Some(k);
                Change::None
            }
            Msg::StartPlacing(name) => {
                let said = self.say(format!("Click the map where {name} is."));
                self.placing = Some(name);
                said
            }
            Msg::NameAr { name, text } => {
                self.names_ar.retain(|(n, _)| *n != name);
                self.names_ar.push((name, text));
                Change::None
            }
            Msg::PlaceAt { lon, lat } => self.place_at(lon, lat),
            Msg::Pick { name, id } => self.pick(&name, &id),
            other => self.retell(other),
        }
    }

    /// The hands that change which articles tell the story, and how.
    fn retell(&mut self, msg: Msg) -> Change {
        match msg {
            Msg::NewStory => {
                self.session.new_story();
                self.clear_choices();
                // What was being read belongs to the last story.
                (self.pending, self.waiting) = (None, VecDeque::new());
                self.passed_over.clear();
                self.say("A new story: read its first article.".into());
                Change::Session
            }
            Msg::ShowArticle(id) => {
                if let Some(at) = self.session.texts.iter().position(|t| t.id == id) {
                    self.session.shown = at;
                }
                Change::None
            }
            Msg::RemoveArticle(id) => {
                self.session.remove_article(&id, &self.gazetteer);
                self.clear_choices();
                self.say(format!(
                    "Article {id} is out of the story, with every event only it told."
                ));
                Change::Session
            }
            Msg::NameArticle { id, outlet, url } => {
                let url = url.trim();
                if !(url.is_empty() || is_web_address(url)) {
                    return self.say(format!("\"{url}\" is not a web address (https://…)."));
                }
                if let Some(a) = self
                    .session
                    .extraction
                    .articles
                    .iter_mut()
                    .find(|a| a.id == id)
                {
                    (a.outlet, a.url) = (outlet.trim().to_owned(), url.to_owned());
                }
                Change::Session
            }
            Msg::Split { event, source } => match self.session.split(&event, source) {
                Some(apart) => {
                    self.chosen = Some(apart.clone());
                    self.say(format!(
                        "That report is now event {apart}, apart from {event}."
                    ));
                    Change::Session
                }
                None => Change::None,
            },
            Msg::Settle(id) => {
                let Some(i) = self.index_of(&id) else {
                    return Change::None;
                };
                self.session.extraction.events[i].settled = true;
                self.say(format!(
                    "{id} is settled as its row says; the reader still sees what each report said."
                ));
                Change::Session
            }
            Msg::Join { keep, other } => {
                if self.session.join(&keep, &other) {
                    self.refused.retain(|r| r.event != other);
                    self.chosen = Some(keep.clone());
                    self.say(format!(
                        "{other} joins {keep}: one event, every report of both."
                    ));
                    Change::Session
                } else {
                    Change::None
                }
            }
            _ => Change::None,
        }
    }

    /// Says something in the status line.
    fn say(&mut self, text: String) -> Change {
        self.said = Said { text, ms: None };
        Change::None
    }

    /// Sends the next waiting file to the worker once the last one is read.
    fn read_next(&mut self, now: f64, mut change: Change, effects: &mut Vec<Effect>) -> Change {
        while self.pending.is_none() {
            let Some(file) = self.waiting.pop_front() else {
                break;
            };
            effects.push(Effect::FillInput(file.text.clone()));
            self.reading = file.name;
            let before = self.said.clone();
            if self.read(file.text, &file.date, now, effects) == Change::Session {
                change = Change::Session;
            }
            if self.pending.is_none() {
                // Refused: noted for the end of the batch; the status says what it said.
                let why = std::mem::replace(&mut self.said, before).text;
                self.passed_over.push(format!("{}: {why}", self.reading));
            }
        }
        change
    }

    /// Sends the article to the worker, unless it cannot be read.
    fn read(&mut self, html: String, date: &str, now: f64, effects: &mut Vec<Effect>) -> Change {
        if let Some(why) = refuse(&html) {
            return self.say(why.to_string());
        }
        let date: Option<Date> = match date.trim() {
            "" => None,
            d => match d.parse::<When>() {
                Ok(When::Day(day)) => Some(day),
                _ => return self.say(format!("\"{d}\" is not a day such as 2020-06-06.")),
            },
        };
        self.session.date = date;
        let id = self.next_request;
        self.next_request = id.wrapping_add(1);
        self.pending = Some(Pending { id, started: now });
        let kb = html.len() as f64 / 1024.0;
        self.say(match self.waiting.len() {
            0 => format!("Reading {kb:.0} KB…"),
            n => format!("Reading {kb:.0} KB… ({n} more files wait their turn)"),
        });
        effects.push(Effect::Send(Request { id, html, date }));
        Change::Session
    }

    /// The worker's answer: the events the extractor read, or why not. Answers to requests
    /// that are no longer pending are dropped.
    fn heard(&mut self, answer: Answer, now: f64) -> Change {
        let pending = |id: u32| self.pending.filter(|p| p.id == id);
        match answer {
            Answer::Ready => Change::None,
            Answer::Read {
                id,
                text,
                heading,
                outlet,
                url,
                extraction,
            } => match pending(id) {
                Some(p) => {
                    let about = Article {
                        outlet,
                        headline: heading.headline.clone(),
                        date: extraction.article_date,
                        url,
                        ..Article::default()
                    };
                    // A new story's words start from its first article's own.
                    if self.session.texts.is_empty() {
                        self.session.heading = heading;
                        self.session.heading_ar = Heading::default();
                    }
                    self.take(about, text, extraction, now - p.started)
                }
                None => Change::None,
            },
            Answer::Refused { id, why } => match pending(id) {
                Some(_) => {
                    self.pending = None;
                    if !self.reading.is_empty() {
                        self.passed_over.push(format!("{}: {why}", self.reading));
                    }
                    self.say(why.to_string())
                }
                None => Change::None,
            },
            Answer::Failed { .. } => {
                self.pending = None;
                self.say("The extractor met an internal error on this article and was started again (the details are in the console). Your events are as they were.".into())
            }
        }
    }

    /// What the extractor read from an article, added to the story: its events join those
    /// other articles told already, or come as new ones.
    fn take(&mut self, about: Article, text: String, read: Extraction, ms: f64) -> Change {
        let n = read.events.len();
        let waiting = read
            .events
            .iter()
            .filter(|e| e.undated == Some(Undated::ArticleDateUnknown))
            .count();
        let joined = self.session.add(about, text, read, &self.gazetteer);
        self.clear_choices();
        (self.pending, self.holding) = (None, false);
        let found = match n {
            0 => {
                "found no events. Add them from the text: select a sentence, then \"Add an event\"."
                    .to_owned()
            }
            1 => "found 1 event: check it against its sentence.".to_owned(),
            n => format!("found {n} events: check each against its sentence."),
        };
        let mut text = format!("Read in {ms:.0} ms; {found}");
        if joined > 0 {
            text.push_str(&format!(
                " {joined} of them the story's other articles tell too: they join those events, and their rows list every report."
            ));
        }
        if waiting > 0 {
            text.push_str(&format!(
                " {waiting} wait for the article's date, which the page does not show: give the publication date and read it again."
            ));
        }
        self.said = Said { text, ms: Some(ms) };
        Change::Session
    }

    fn clear_choices(&mut self) {
        (self.chosen, self.stop, self.placing) = (None, None, None);
        self.refused.clear();
    }

    fn index_of(&self, id: &EventId) -> Option<usize> {
        self.session
            .extraction
            .events
            .iter()
            .position(|e| &e.id == id)
    }

    /// Deletes an event, and what the editor held about it; the focus goes to the next row.
    fn delete(&mut self, id: &EventId) -> Change {
        let Some(i) = self.index_of(id) else {
            return Change::None;
        };
        self.refused.retain(|r| &r.event != id);
        self.session.delete(i);
        (self.chosen, self.stop) = (None, None);
        let events = &self.session.extraction.events;
        let ticket = self.focus.as_ref().map_or(0, |f| f.ticket.wrapping_add(1));
        self.focus = events.get(i).or(events.last()).map(|e| Focus {
            event: e.id.clone(),
            ticket,
        });
        Change::Session
    }

    /// Changes one field of an event, or keeps the desk's text with the reason it was refused.
    fn set(&mut self, event: EventId, field: Field, text: String) -> Change {
        let Some(i) = self.index_of(&event) else {
            return Change::None;
        };
        self.refused
            .retain(|r| !(r.event == event && r.field == field));
        if let Err(why) = self.session.set(i, field, &text, &self.gazetteer) {
            self.refused.push(Refused {
                event: event.clone(),
                field,
                text,
                why,
            });
        }
        (self.chosen, self.stop) = (Some(event), None);
        Change::Session
    }

    /// Puts the place waiting to be placed at the point the desk clicked.
    fn place_at(&mut self, lon: f64, lat: f64) -> Change {
        let Some(name) = self.placing.take() else {
            return Change::None;
        };
        let name_ar = self
            .names_ar
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, ar)| ar.trim().to_owned())
            .unwrap_or_default();
        let id = self.session.place_unknown(&name, &name_ar, lon, lat);
        let (ns, ew) = (
            if lat < 0.0 { 'S' } else { 'N' },
            if lon < 0.0 { 'W' } else { 'E' },
        );
        self.say(format!(
            "{name} is on the map ({id}, {:.3}° {ns}, {:.3}° {ew}).",
            lat.abs(),
            lon.abs()
        ));
        Change::Session
    }

    /// Gives the place `id` (of the map or the gazetteer) to the events that name `name`.
    fn pick(&mut self, name: &str, id: &str) -> Change {
        let id = PlaceId::new(id.trim());
        let on_map = self.session.places.get(&id).map(|p| p.name.clone());
        let known = self
            .gazetteer
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.clone());
        match (on_map, known) {
            (Some(shown), _) => {
                self.session.give_place(name, &id);
                self.say(format!("{name} is {shown} on the map."));
            }
            (None, Some(known)) => {
                self.session.pick_known(name, &id, &self.gazetteer);
                self.say(format!("{name} is {known} on the map."));
            }
            (None, None) => {
                self.say(format!(
                    "\"{id}\" is neither on the map nor in the gazetteer: pick one from the list, or place {name} on the map."
                ));
                return Change::None;
            }
        }
        Change::Session
    }

    /// An exported `events.json`, to go on with.
    fn import(&mut self, name: &str, text: Result<String, String>) -> Change {
        match text.and_then(|t| self.session.import_events(&t, &self.gazetteer)) {
            Ok(done) => {
                self.clear_choices();
                // An answer still on its way would overwrite what was imported.
                (self.pending, self.holding) = (None, false);
                let n = done.events;
                self.say(if done.article_rebuilt {
                    format!(
                        "Imported {n} events from {name}. Their sentences are not the article's in the editor, so the text beside them is their sentences alone."
                    )
                } else {
                    format!("Imported {n} events from {name}.")
                });
                Change::Session
            }
            Err(why) => self.say(format!("{name} is not an events.json the map reads: {why}")),
        }
    }

    /// Checks the story can be published, then asks the browser to make the embed.
    fn publish(&mut self, now: f64, effects: &mut Vec<Effect>) -> Change {
        if let Err(why) = crate::publish::check(&self.session) {
            return self.say(why.to_string());
        }
        self.publishing = Some(now);
        effects.push(Effect::Publish {
            name: crate::publish::zip_name(&self.session.heading.headline),
        });
        self.say("Publishing: the page is drawn and the files gathered…".into())
    }

    /// The embed was offered, or could not be made.
    fn published(&mut self, result: Result<usize, String>, now: f64) -> Change {
        let started = self.publishing.take();
        match result {
            Ok(bytes) => {
                let ms = started.map(|t| now - t);
                self.say(format!(
                    "Published in {:.0} ms: the embed's files are in the download ({:.0} KB). Unzip them where {} serves them; the embed code is in embed.html.",
                    ms.unwrap_or_default(),
                    bytes as f64 / 1024.0,
                    self.session.host
                ));
                self.said.ms = ms;
            }
            Err(why) => {
                self.say(format!("The embed could not be made: {why}"));
            }
        }
        Change::None
    }

    /// A file to download.
    fn offer(&self, file: Download) -> Effect {
        match file {
            Download::Events => Effect::Offer {
                name: "events.json",
                text: self.session.events_json(),
                mime: "application/json",
            },
            Download::Places => Effect::Offer {
                name: "places.geojson",
                text: places_geojson(&self.session.places),
                mime: "application/geo+json",
            },
        }
    }

    /// The index of the chosen event.
    pub fn chosen_index(&self) -> Option<usize> {
        self.chosen.as_ref().and_then(|id| self.index_of(id))
    }
}
