//! A desk's session with the editor, driven through `Editor::update` as the browser drives it:
//! each message is what a hand did, each effect is carried out as the browser would (the
//! worker answers with `protocol::answer`, storage keeps the last `Save`, a reload starts a
//! new editor from it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsmap_core::data::places::{PlaceSet, parse_places};
use newsmap_core::data::read_gazetteer;
use newsmap_core::model::{Actor, EventId, EventKind, Place, PlaceId};
use newsmap_core::render::page::Heading;
use newsmap_desk::editor::{Download, Editor, Effect, HeadField, Msg};
use newsmap_desk::fields::Field;
use newsmap_desk::protocol::{self, Answer};
use newsmap_desk::publish::{self, Site};
use newsmap_desk::view;

const ARTICLE: &str = include_str!("../../../assets/article.html");
const PLACES: &str = include_str!("../../../assets/places.geojson");
const EVENTS: &str = include_str!("../../../assets/events.json");
const GAZETTEER: &str = include_str!("../../../assets/gazetteer.geojson");

/// The browser, as far as the editor sees it: the worker, the storage, the downloads.
struct Browser {
    editor: Editor,
    kept: Option<String>,
    offered: Vec<(String, String)>,
    zipped: Vec<(String, Vec<u8>)>,
    input: String,
    clock: f64,
}

/// A built site, as trunk leaves it: the page minified, its markers gone, hashed file names.
fn site() -> Site {
    let index = "<!doctype html><html lang=en><meta charset=utf-8><title>Libya, June 2020</title><meta content=\"The seed's standfirst\" name=description><meta content=\"ليبيا\" name=newsmap:title:ar><link href=./style-1a2b.css integrity=sha384-x rel=stylesheet><link as=fetch crossorigin href=assets/places.geojson rel=preload><script data-newsmap-js=./newsmap-app-3c4d.js data-newsmap-wasm=./newsmap-app-5e6f_bg.wasm src=./start.js type=module></script><body><main class=newsmap data-state=static>the seed's story</main>";
    let files = publish::site_files(index)
        .into_iter()
        .map(|path| {
            let bytes = format!("the bytes of {path}").into_bytes();
            (path, bytes)
        })
        .collect();
    Site {
        index: index.into(),
        basemap: include_str!("../../../assets/basemap.geojson").into(),
        files,
    }
}

fn base() -> PlaceSet {
    parse_places(PLACES).unwrap()
}

fn gazetteer() -> Vec<Place> {
    read_gazetteer(&serde_json::from_str::<serde_json::Value>(GAZETTEER).unwrap()).unwrap()
}

impl Browser {
    fn open(kept: Option<String>) -> Browser {
        let heading = Heading {
            headline: "Libya: the GNA retakes Tarhuna".into(),
            standfirst: String::new(),
        };
        let editor = Editor::start(base(), gazetteer(), heading, kept.as_deref(), |_| true);
        Browser {
            editor,
            kept,
            offered: Vec::new(),
            zipped: Vec::new(),
            input: String::new(),
            clock: 0.0,
        }
    }

    /// A hand of the desk, and everything it sets off.
    fn send(&mut self, msg: Msg) {
        let effects = self.editor.update(msg);
        self.run(effects);
    }

    /// What the browser does for the editor, and everything that sets off in turn.
    fn run(&mut self, mut queue: Vec<Effect>) {
        while let Some(effect) = queue.first().cloned() {
            queue.remove(0);
            match effect {
                Effect::Send(request) => {
                    // Through the wire format, as postMessage carries it.
                    let request = protocol::decode(&protocol::encode(&request)).unwrap();
                    let answer: Answer =
                        protocol::decode(&protocol::encode(&protocol::answer(&request))).unwrap();
                    self.clock += 5.0;
                    let now = self.clock;
                    queue.extend(self.editor.update(Msg::Heard { answer, now }));
                }
                Effect::Save(json) => self.kept = Some(json),
                Effect::FillInput(text) => self.input = text,
                Effect::Offer { name, text, .. } => self.offered.push((name.into(), text)),
                Effect::Publish { name } => {
                    let result = publish::publish(&site(), &self.editor.session)
                        .map_err(|e| e.to_string())
                        .and_then(|files| publish::zip(&files));
                    self.clock += 40.0;
                    let now = self.clock;
                    let result = result.map(|zip| {
                        let size = zip.len();
                        self.zipped.push((name, zip));
                        size
                    });
                    queue.extend(self.editor.update(Msg::Published { result, now }));
                }
            }
        }
    }

    fn read(&mut self, html: &str) {
        let now = self.clock;
        self.send(Msg::Read {
            html: html.into(),
            date: String::new(),
            now,
        });
    }

    fn reload(self) -> Browser {
        Browser::open(self.kept)
    }

    fn said(&self) -> &str {
        &self.editor.said.text
    }

    fn event(&self, id: &EventId) -> &newsmap_core::model::Event {
        self.editor
            .session
            .extraction
            .events
            .iter()
            .find(|e| &e.id == id)
            .unwrap()
    }

    fn find(&self, f: impl Fn(&newsmap_core::model::Event) -> bool) -> EventId {
        let events = &self.editor.session.extraction.events;
        events.iter().find(|e| f(e)).unwrap().id.clone()
    }

    /// Who holds `place` on the preview's map at noon on `day`.
    fn holder(&self, place: &str, day: &str) -> Option<Actor> {
        let (story, _) = self.editor.session.story();
        let t = day
            .parse::<newsmap_core::model::date::When>()
            .unwrap()
            .start()
            + 720.0;
        story
            .timeline()
            .frame_at(t)
            .place(&PlaceId::new(place))
            .and_then(|p| p.control)
    }
}

#[test]
fn paste_read_edit_delete_and_reload() {
    let mut b = Browser::open(None);
    assert_eq!(b.said(), "Ready: paste an article.");
    b.read(ARTICLE);
    assert!(
        b.said().starts_with("Read in 5 ms; found 12 events"),
        "{}",
        b.said()
    );
    assert_eq!(b.editor.said.ms, Some(5.0));
    b.send(Msg::Download(Download::Events));
    assert_eq!(b.offered[0], ("events.json".to_owned(), EVENTS.to_owned()));

    // An edit of the date moves Tarhuna's capture on the map.
    let tarhuna =
        b.find(|e| e.kind == EventKind::Capture && e.place == Some(PlaceId::new("tarhuna")));
    assert_eq!(b.holder("tarhuna", "2020-06-06"), Some(Actor::Gna));
    b.send(Msg::Edit {
        event: tarhuna.clone(),
        field: Field::Date,
        text: "2020-06-07".into(),
    });
    assert_eq!(b.holder("tarhuna", "2020-06-06"), Some(Actor::Lna));
    assert_eq!(b.editor.chosen.as_ref(), Some(&tarhuna));

    // A bad value is kept in its field with the reason, and changes nothing.
    b.send(Msg::Edit {
        event: tarhuna.clone(),
        field: Field::Date,
        text: "next week".into(),
    });
    let row = view::row(&b.editor, &tarhuna).unwrap();
    assert_eq!(row.value(Field::Date), "next week");
    assert!(
        row.cells[1]
            .problem
            .as_deref()
            .unwrap()
            .contains("not a date")
    );
    assert_eq!(b.event(&tarhuna).date.unwrap().to_string(), "2020-06-07");

    // A deletion takes the arrow off and puts the focus on the next row.
    let offensive =
        b.find(|e| e.kind == EventKind::Offensive && e.place == Some(PlaceId::new("sirte")));
    let next = {
        let events = &b.editor.session.extraction.events;
        let i = events.iter().position(|e| e.id == offensive).unwrap();
        events[i + 1].id.clone()
    };
    b.send(Msg::Delete(offensive.clone()));
    assert_eq!(b.editor.session.extraction.events.len(), 11);
    assert_eq!(b.editor.focus.as_ref().map(|f| &f.event), Some(&next));
    let (story, _) = b.editor.session.story();
    assert!(
        story
            .timeline()
            .all_marks()
            .0
            .iter()
            .all(|a| story.event(a.event).unwrap().id != offensive)
    );

    b.send(Msg::Head(HeadField::Headline, "Libya: a new front".into()));
    let mut b = b.reload();
    assert!(b.said().starts_with("Your last session is back"));
    assert_eq!(b.editor.session.extraction.events.len(), 11);
    assert_eq!(b.event(&tarhuna).date.unwrap().to_string(), "2020-06-07");
    assert_eq!(b.editor.session.heading.headline, "Libya: a new front");
    assert_eq!(b.holder("tarhuna", "2020-06-06"), Some(Actor::Lna));
    // The refused text is the editor's, not the session's: it does not come back.
    assert_eq!(
        view::row(&b.editor, &tarhuna).unwrap().value(Field::Date),
        "2020-06-07"
    );
    b.send(Msg::Download(Download::Places));
    assert!(b.offered[0].1.contains("\"tarhuna\""));
}

#[test]
fn a_sentence_becomes_an_event_and_an_unknown_town_goes_on_the_map() {
    let mut b = Browser::open(None);
    b.read(ARTICLE);
    let n = b.editor.session.extraction.events.len();
    b.send(Msg::AddFrom(None));
    assert_eq!(b.said(), "Select a sentence of the article first.");
    let article = b.editor.session.article().to_owned();
    let start = article.find("Russia").unwrap_or(0);
    let start = article[..start].chars().count();
    b.send(Msg::AddFrom(Some([start, start + 40])));
    assert_eq!(b.editor.session.extraction.events.len(), n + 1);
    let added = b.editor.chosen.clone().unwrap();
    assert_eq!(b.event(&added).kind, EventKind::Statement);
    assert!(b.event(&added).quote.starts_with("Russia"));
}

#[test]
fn an_unknown_town_goes_on_the_map_where_the_desk_clicks() {
    // An import in which the extractor did not know a place: the desk places it.
    let mut b = Browser::open(None);
    let mut data: serde_json::Value = serde_json::from_str(EVENTS).unwrap();
    let strike = data["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == "airstrike")
        .unwrap();
    strike.as_object_mut().unwrap().remove("place");
    strike["place_name"] = "Qasr bin Ghashir".into();
    let strike_id = EventId::new(strike["id"].as_str().unwrap());
    b.send(Msg::Import {
        name: "events.json".into(),
        text: Ok(data.to_string()),
    });
    assert!(
        b.said().starts_with("Imported 12 events from events.json"),
        "{}",
        b.said()
    );
    assert_eq!(b.editor.session.unknown_places(), ["Qasr bin Ghashir"]);
    let row = view::row(&b.editor, &strike_id).unwrap();
    assert!(
        row.cells[3]
            .problem
            .as_deref()
            .unwrap()
            .contains("not on the map")
    );
    b.send(Msg::NameAr {
        name: "Qasr bin Ghashir".into(),
        text: "قصر بن غشير".into(),
    });
    b.send(Msg::StartPlacing("Qasr bin Ghashir".into()));
    assert_eq!(b.said(), "Click the map where Qasr bin Ghashir is.");
    b.send(Msg::PlaceAt {
        lon: 13.18,
        lat: 32.68,
    });
    assert!(
        b.said()
            .starts_with("Qasr bin Ghashir is on the map (qasr_bin_ghashir, 32.680° N, 13.180° E)")
    );
    assert_eq!(
        b.event(&strike_id).place,
        Some(PlaceId::new("qasr_bin_ghashir"))
    );
    let placed = b
        .editor
        .session
        .places
        .get(&PlaceId::new("qasr_bin_ghashir"))
        .unwrap();
    assert_eq!(placed.name_ar, "قصر بن غشير");
    assert!(b.editor.session.unknown_places().is_empty());
    // A click with nothing to place does nothing.
    b.send(Msg::PlaceAt { lon: 0.0, lat: 0.0 });
    assert_eq!(
        b.editor
            .session
            .places
            .places
            .iter()
            .filter(|p| p.lon == 0.0)
            .count(),
        0
    );
}

/// The seed's events, with the first capture's place unknown to the extractor.
fn with_unknown_place(name: &str) -> (String, EventId) {
    let mut data: serde_json::Value = serde_json::from_str(EVENTS).unwrap();
    let capture = data["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["kind"] == "capture")
        .unwrap();
    capture.as_object_mut().unwrap().remove("place");
    capture["place_name"] = name.into();
    let id = EventId::new(capture["id"].as_str().unwrap());
    (data.to_string(), id)
}

#[test]
fn a_name_nobody_knew_takes_a_place_of_the_gazetteer() {
    let mut b = Browser::open(None);
    let (events, capture) = with_unknown_place("Zwara");
    b.send(Msg::Import {
        name: "events.json".into(),
        text: Ok(events),
    });
    assert_eq!(b.editor.session.unknown_places(), ["Zwara"]);
    b.send(Msg::Pick {
        name: "Zwara".into(),
        id: "atlantis".into(),
    });
    assert!(b.said().contains("neither on the map nor in the gazetteer"));
    assert_eq!(b.event(&capture).place, None);
    b.send(Msg::Pick {
        name: "Zwara".into(),
        id: "zuwara".into(),
    });
    assert_eq!(b.said(), "Zwara is Zuwara on the map.");
    assert_eq!(b.event(&capture).place, Some(PlaceId::new("zuwara")));
    assert!(
        b.editor
            .session
            .places
            .get(&PlaceId::new("zuwara"))
            .is_some()
    );
    assert!(b.editor.session.unknown_places().is_empty());
    // The place choices offer the map's places, then the gazetteer's.
    let choices = view::place_choices(&b.editor);
    assert!(choices.iter().any(|(id, _)| id == "tripoli"));
    assert!(
        choices
            .iter()
            .any(|(id, name)| id == "bani_walid" && name == "Bani Walid")
    );
}

#[test]
fn bad_input_gets_a_reason_and_changes_nothing() {
    let mut b = Browser::open(None);
    b.read(ARTICLE);
    let before = b.editor.session.clone();
    b.read("   ");
    assert!(b.said().starts_with("Paste an article"));
    b.send(Msg::Read {
        html: "<p>x</p>".into(),
        date: "June".into(),
        now: 0.0,
    });
    assert_eq!(b.said(), "\"June\" is not a day such as 2020-06-06.");
    b.send(Msg::Opened {
        name: "photo.html".into(),
        text: Err("the file could not be read".into()),
        date: String::new(),
        now: 0.0,
    });
    assert_eq!(b.said(), "photo.html: the file could not be read");
    b.send(Msg::Import {
        name: "other.json".into(),
        text: Ok("{\"events\": 3}".into()),
    });
    assert!(
        b.said()
            .starts_with("other.json is not an events.json the map reads")
    );
    assert_eq!(b.editor.session, before);

    // A page that shows no date, in a new story: the events it dates from the article's date
    // wait for it.
    b.send(Msg::NewStory);
    assert!(b.editor.session.extraction.events.is_empty() && b.editor.session.texts.is_empty());
    b.read("<p>The GNA seized Tarhuna on Friday.</p>");
    assert!(
        b.said().contains("1 wait for the article's date"),
        "{}",
        b.said()
    );
    let undated = b.editor.session.extraction.events[0].id.clone();
    let row = view::row(&b.editor, &undated).unwrap();
    assert!(
        row.cells[1]
            .problem
            .as_deref()
            .unwrap()
            .contains("give the publication date")
    );
    let now = b.clock;
    b.send(Msg::Opened {
        name: "article.html".into(),
        text: Ok("<p>The GNA seized Tarhuna on Friday.</p>".into()),
        date: "2020-06-06".into(),
        now,
    });
    assert_eq!(b.input, "<p>The GNA seized Tarhuna on Friday.</p>");
    assert_eq!(
        b.editor.session.extraction.events[0]
            .date
            .unwrap()
            .to_string(),
        "2020-06-05"
    );
}

#[test]
fn a_late_answer_and_an_unreadable_kept_session_lose_nothing() {
    let mut b = Browser::open(None);
    b.read(ARTICLE);
    let events = b.editor.session.extraction.clone();
    // An answer to a request nobody waits for is dropped.
    let stale = protocol::answer(&protocol::Request {
        id: 99,
        html: "<p>The LNA took Sirte on 6 January 2020.</p>".into(),
        date: None,
    });
    b.send(Msg::Heard {
        answer: stale,
        now: 0.0,
    });
    assert_eq!(b.editor.session.extraction, events);

    // A kept session that cannot be read is set aside, and not overwritten while held.
    let mut set_aside = None;
    let mut e = Editor::start(
        base(),
        gazetteer(),
        Heading::default(),
        Some("{not json"),
        |kept| {
            set_aside = Some(kept.to_owned());
            false
        },
    );
    assert_eq!(set_aside.as_deref(), Some("{not json"));
    assert!(
        e.said
            .text
            .contains("stays as it is until you read or import")
    );
    let effects = e.update(Msg::Head(HeadField::Headline, "x".into()));
    assert!(
        !effects.iter().any(|f| matches!(f, Effect::Save(_))),
        "held, not overwritten"
    );
    let read = e.update(Msg::Read {
        html: ARTICLE.into(),
        date: String::new(),
        now: 0.0,
    });
    let Some(Effect::Send(request)) = read.first() else {
        panic!("{read:?}")
    };
    let effects = e.update(Msg::Heard {
        answer: protocol::answer(request),
        now: 1.0,
    });
    assert!(
        effects.iter().any(|f| matches!(f, Effect::Save(_))),
        "a new article is kept"
    );
}

/// The files of a zip, by name.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut out = Vec::new();
            file.read_to_end(&mut out).unwrap();
            (file.name().unwrap().to_string(), out)
        })
        .collect()
}

#[test]
fn a_story_is_not_published_without_its_address_and_a_headline_that_fits() {
    let mut b = Browser::open(None);
    let now = b.clock;
    b.send(Msg::Read {
        html: "<html><head><meta property=\"og:title\" content=\"GNA forces retake Tarhuna\"></head><body><p>Published 6 June 2020.</p><p>The GNA took Tarhuna on Friday. The LNA shelled Tripoli on Friday.</p></body></html>".into(),
        date: String::new(),
        now,
    });
    assert_eq!(
        b.editor.session.heading.headline, "GNA forces retake Tarhuna",
        "the article's own words"
    );
    b.send(Msg::Publish { now: 0.0 });
    assert!(
        b.said()
            .starts_with("Give the address where the embed will be served"),
        "{}",
        b.said()
    );
    b.send(Msg::Host("ftp://example.org".into()));
    b.send(Msg::Publish { now: 0.0 });
    assert!(b.said().contains("is not a web address"));
    b.send(Msg::Host(
        "https://graphics.example.com/2020/tarhuna/".into(),
    ));
    b.send(Msg::Head(HeadField::Headline, "x".repeat(200)));
    b.send(Msg::Publish { now: 0.0 });
    assert!(b.said().starts_with("The headline is 200 characters"));
    assert!(
        b.zipped.is_empty(),
        "nothing published while something is wrong"
    );
}

#[test]
fn a_read_story_is_published_as_a_complete_embed() {
    let mut b = Browser::open(None);
    b.read("<html><head><title>t</title></head><body><p>Published 6 June 2020.</p><p>The GNA took Tarhuna on Friday. The LNA shelled Tripoli on Friday.</p></body></html>");
    b.send(Msg::Host(
        "https://graphics.example.com/2020/tarhuna/".into(),
    ));
    b.send(Msg::Head(
        HeadField::Headline,
        "Tarhuna falls to the GNA".into(),
    ));
    b.send(Msg::Head(HeadField::HeadlineAr, "ترهونة".into()));
    let now = b.clock;
    b.send(Msg::Publish { now });
    assert!(b.said().starts_with("Published in 40 ms"), "{}", b.said());
    let (name, zip) = b.zipped.pop().unwrap();
    assert_eq!(name, "newsmap-tarhuna-falls-to-the-gna.zip");
    let files = unzip(&zip);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for want in [
        "index.html",
        "assets/events.json",
        "assets/places.geojson",
        "assets/basemap.geojson",
        "assets/snapshot.svg",
        "embed.html",
        "style-1a2b.css",
        "start.js",
        "newsmap-app-3c4d.js",
        "newsmap-app-5e6f_bg.wasm",
    ] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    let text =
        |n: &str| String::from_utf8(files.iter().find(|(f, _)| f == n).unwrap().1.clone()).unwrap();
    let page = text("index.html");
    assert!(
        page.contains("<title>Tarhuna falls to the GNA</title>")
            && page.contains("<h1>Tarhuna falls to the GNA</h1>")
    );
    assert!(page.contains("content=\"ترهونة\"") && !page.contains("the seed's story"));
    let fingerprint = newsmap_core::dataset::fingerprint(
        &text("assets/places.geojson"),
        &text("assets/events.json"),
    );
    assert!(
        page.contains(&format!("data-fingerprint=\"{fingerprint}\"")),
        "the page is drawn from the data beside it"
    );
    assert_eq!(
        text("start.js"),
        "the bytes of start.js",
        "the site's files as they are"
    );
    assert!(
        text("embed.html").contains("src=\"https://graphics.example.com/2020/tarhuna/index.html\"")
    );
    // The session kept every step.
    let b = b.reload();
    assert_eq!(
        b.editor.session.host,
        "https://graphics.example.com/2020/tarhuna/"
    );
    assert_eq!(b.editor.session.heading_ar.headline, "ترهونة");
}

#[test]
fn a_story_with_an_unsettled_place_or_no_event_is_not_published() {
    let mut b = Browser::open(None);
    b.send(Msg::Host("https://example.org/map/".into()));
    b.send(Msg::Publish { now: 0.0 });
    assert!(b.said().starts_with("The story has no dated event"));
    let (events, capture) = with_unknown_place("Zwara");
    b.send(Msg::Import {
        name: "events.json".into(),
        text: Ok(events),
    });
    b.send(Msg::Head(HeadField::Headline, "Zuwara".into()));
    b.send(Msg::Publish { now: 0.0 });
    assert!(
        b.said().starts_with(&format!(
            "Events {capture} are drawn at a place the map does not know"
        )),
        "{}",
        b.said()
    );
    assert!(b.zipped.is_empty());
}

const JANZOUR: &str = include_str!(
    "../../../tests/real/dev/ocha-2019-10-08-hc-el-hillo-condemns-attacks-janzour.html"
);
const FIELD_HOSPITAL: &str = include_str!(
    "../../../tests/real/dev/ocha-2019-10-09-story-hc-condemns-attacks-field-hospital.html"
);
const QASR: &str = include_str!(
    "../../../tests/real/dev/echo-2019-10-08-airstrike-field-hospital-qasr-ben-gashir.html"
);

/// Every row of the table, in its order.
fn table(b: &Browser) -> Vec<view::Row> {
    view::row_ids(&b.editor)
        .iter()
        .filter_map(|id| view::row(&b.editor, id))
        .collect()
}

fn opened(name: &str, text: &str) -> Msg {
    Msg::Opened {
        name: name.into(),
        text: Ok(text.into()),
        date: String::new(),
        now: 0.0,
    }
}

/// The three reports, dropped at once while the worker is busy with the first.
fn three_reports() -> Browser {
    let mut b = Browser::open(None);
    // The worker is busy with the first while the other two arrive: they wait their turn.
    let first = b.editor.update(opened("janzour.html", JANZOUR));
    assert!(matches!(
        first.as_slice(),
        [Effect::FillInput(_), Effect::Send(_), ..]
    ));
    assert!(
        b.editor
            .update(opened("hospital.html", FIELD_HOSPITAL))
            .is_empty()
    );
    assert!(b.said().contains("waits its turn"), "{}", b.said());
    assert!(b.editor.update(opened("qasr.html", QASR)).is_empty());
    // A file the browser could not read, and one with nothing in it, among them.
    let unreadable = Msg::Opened {
        name: "photo.jpg".into(),
        text: Err("not a text file".into()),
        date: String::new(),
        now: 0.0,
    };
    assert!(b.editor.update(unreadable).is_empty());
    assert!(b.editor.update(opened("empty.html", " ")).is_empty());
    b.run(first);
    // Each is named when the batch is done, with why.
    let said = b.said();
    assert!(
        said.contains("Not read: photo.jpg: not a text file; empty.html: "),
        "{said}"
    );
    b
}

/// The field hospital's airstrike at Qasr bin Ghashir, which two of the reports tell.
fn field_hospital_strike(b: &Browser) -> EventId {
    b.find(|e| {
        e.kind == EventKind::Airstrike
            && e.place.as_ref().map(|p| p.as_str()) == Some("qasr_bin_ghashir")
    })
}

#[test]
fn three_reports_dropped_at_once_make_one_story_with_every_source() {
    let mut b = three_reports();
    let articles = view::articles(&b.editor);
    assert_eq!(articles.len(), 3, "{articles:?}");
    assert!(articles[2].headline.contains("Airstrike"), "{articles:?}");
    assert_eq!(articles[2].date, "2019-10-08");

    // The field hospital's airstrike, told by two, is one row listing both.
    let rows = table(&b);
    let qasr = field_hospital_strike(&b);
    let row = rows.iter().find(|r| r.id == qasr).unwrap();
    assert_eq!(row.sources.len(), 2, "{row:?}");
    assert!(b.said().contains("join those events"), "{}", b.said());
    // The Humanitarian Coordinator's statement, dated a day apart by two reports, is flagged.
    let flagged: Vec<_> = rows.iter().filter(|r| r.conflict.is_some()).collect();
    assert_eq!(flagged.len(), 1, "{rows:#?}");
    let statement = flagged[0].id.clone();
    assert!(
        flagged[0].conflict.as_ref().unwrap().contains("date"),
        "{flagged:?}"
    );

    // Settling clears the flag; the map keeps the other version for the reader.
    b.send(Msg::Settle(statement.clone()));
    assert!(table(&b).iter().all(|r| r.conflict.is_none()));

    // A wrong join split, and joined again by hand.
    b.send(Msg::Split {
        event: qasr.clone(),
        source: 1,
    });
    let apart = b.editor.chosen.clone().unwrap();
    assert_ne!(apart, qasr);
    assert_eq!(b.event(&qasr).sources.len(), 1);
    assert_eq!(b.event(&apart).sources.len(), 1);
    b.send(Msg::Join {
        keep: qasr.clone(),
        other: apart.clone(),
    });
    assert_eq!(b.event(&qasr).sources.len(), 2);
    assert!(
        b.editor
            .session
            .extraction
            .events
            .iter()
            .all(|e| e.id != apart)
    );
}

#[test]
fn a_removed_report_takes_what_only_it_told_and_a_reload_keeps_the_story() {
    let b = three_reports();
    let qasr = field_hospital_strike(&b);
    // The reload keeps the story whole.
    let before = b.editor.session.extraction.clone();
    let mut b = b.reload();
    assert_eq!(b.editor.session.extraction, before);
    let articles = view::articles(&b.editor);
    assert_eq!(articles.len(), 3);

    // Removing ECHO's report removes what only it told, and its source from the rest.
    let echo = articles[2].id.clone();
    let only_echo: Vec<EventId> = before
        .events
        .iter()
        .filter(|e| e.sources.iter().all(|s| s.article == echo))
        .map(|e| e.id.clone())
        .collect();
    b.send(Msg::RemoveArticle(echo.clone()));
    let after = &b.editor.session.extraction;
    assert_eq!(after.articles.len(), 2);
    assert!(after.events.iter().all(|e| !only_echo.contains(&e.id)));
    assert!(
        after
            .events
            .iter()
            .all(|e| e.sources.iter().all(|s| s.article != echo))
    );
    assert_eq!(b.event(&qasr).sources.len(), 1, "OCHA's report of it stays");
    assert_eq!(after.events.len(), before.events.len() - only_echo.len());

    // The published story names the outlet the desk gave.
    b.send(Msg::NameArticle {
        id: after.articles[0].id.clone(),
        outlet: "UN OCHA".into(),
        url: "https://reliefweb.int/".into(),
    });
    let (story, _) = b.editor.session.story();
    assert_eq!(story.articles().len(), 2);
    assert_eq!(story.articles()[0].outlet, "UN OCHA");
    b.send(Msg::NameArticle {
        id: story.articles()[1].id.clone(),
        outlet: "ECHO".into(),
        url: "not an address".into(),
    });
    assert!(b.said().contains("not a web address"), "{}", b.said());
}
