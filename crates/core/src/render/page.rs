//! The page, drawn: the headline, the map with its layouts, the controls, the caption of the
//! current stop, the legend and the events in words. The prerender draws the whole page for
//! the opening frame; the browser app draws the parts that change (the caption, the ceasefire
//! banner, every part in another language) with the same functions, to the DOM.

use super::map::{LAYOUTS, Layout, StoryMarks, draw_layout, draw_shared_shapes};
use super::markup::Sink;
use super::parts::{Part, Word};
use crate::data::places::{Basemap, PlaceSet};
use crate::model::date::When;
use crate::model::{Actor, Event, EventKind, Status, StopIx};
use crate::story::reading::Story;
use crate::story::timeline::{CeasefireState, Frame};
use crate::story::words::{Lang, Ui, Words};

/// The page's own words, which a desk edits in `index.html` (or in the editor).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Heading {
    pub headline: String,
    pub standfirst: String,
}

impl Heading {
    /// These words, or `fallback` where these give no headline (a story whose Arabic words
    /// are not written yet shows the English ones).
    pub fn or(&self, fallback: &Heading) -> Heading {
        if self.headline.trim().is_empty() {
            fallback.clone()
        } else {
            self.clone()
        }
    }
}

/// The header: the headline and the standfirst.
pub fn header(sink: &mut impl Sink, heading: &Heading) {
    sink.open("header", &[("class", "headline"), Part::Header.attr()]);
    header_words(sink, heading);
    sink.close();
}

/// The header's content (what a language switch draws anew).
pub fn header_words(sink: &mut impl Sink, heading: &Heading) {
    sink.leaf("h1", &[], &heading.headline);
    if !heading.standfirst.is_empty() {
        sink.leaf("p", &[("class", "dek")], &heading.standfirst);
    }
}

/// The ceasefire as it stands: a banner from the moment it takes effect, a note while it is
/// only announced, nothing before. (The content of the `ceasefire-slot`.)
pub fn ceasefire(sink: &mut impl Sink, story: &Story, words: &Words, state: CeasefireState) {
    let Some(note) = story.ceasefire_note(words, state) else {
        return;
    };
    if note.in_effect {
        let attrs = [
            ("class", "ceasefire in-effect"),
            ("data-testid", "ceasefire"),
            ("role", "status"),
        ];
        sink.open("p", &attrs);
        sink.leaf("strong", &[], note.lead);
        sink.text(&note.rest);
        sink.close();
    } else {
        let attrs = [
            ("class", "ceasefire announced"),
            ("data-testid", "ceasefire-announced"),
        ];
        sink.leaf("p", &attrs, &format!("{}{}", note.lead, note.rest));
    }
}

/// The controls: play, the slider over the story's stops, the date label.
pub fn controls(sink: &mut impl Sink, story: &Story, words: &Words, position: f64) {
    let last = story.last_position();
    let stop = StopIx(position.max(0.0).floor() as usize);
    let places = story.places();
    sink.open("div", &[("class", "controls"), Part::Controls.attr()]);
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("class", "play"),
            ("data-testid", "play"),
            ("aria-pressed", "false"),
            Part::Play.attr(),
            Word::Play.attr(),
        ],
        &Word::Play.text(words, places),
    );
    sink.open("label", &[("class", "slider")]);
    sink.leaf(
        "span",
        &[("class", "visually-hidden"), Word::DateInStory.attr()],
        &Word::DateInStory.text(words, places),
    );
    sink.void(
        "input",
        &[
            ("type", "range"),
            ("data-testid", "date-slider"),
            Part::Slider.attr(),
            ("min", "0"),
            ("max", &(last as usize).to_string()),
            ("step", "1"),
            ("value", &stop.0.to_string()),
            ("aria-valuetext", &story.summary(words, stop)),
        ],
    );
    slider_ticks(sink, story, words);
    sink.close();
    sink.leaf(
        "output",
        &[
            ("class", "date-label"),
            ("data-testid", "date-label"),
            Part::DateLabel.attr(),
        ],
        &story.label(words, position, false),
    );
    sink.close();
}

/// A story of more stops than this shows under its slider where its events cluster.
pub const TICKS_FROM_STOPS: usize = 20;

/// Under a long story's slider, one tick per stop, taller where more events happen, and
/// each new year named where it starts: where the story is dense and where months pass between
/// two stops. Drawn for the eye; the slider's own value text says it all for a screen reader.
/// Positions are shares of the width, so the ticks follow the slider at any size.
fn slider_ticks(sink: &mut impl Sink, story: &Story, words: &Words) {
    let stops = story.timeline().stops();
    if stops.len() <= TICKS_FROM_STOPS {
        return;
    }
    let last = (stops.len() - 1) as f64;
    // Left to right; in a right-to-left page the stylesheet turns the ticks round, as the
    // slider turns, whichever language the page was drawn in.
    let at = |k: usize| format!("{:.2}%", k as f64 / last * 100.0);
    sink.open(
        "svg",
        &[
            ("class", "slider-ticks"),
            ("data-testid", "slider-ticks"),
            ("aria-hidden", "true"),
            ("focusable", "false"),
        ],
    );
    let mut year = None;
    for (k, s) in stops.iter().enumerate() {
        let events = s.events.len().clamp(1, MAX_TICK_EVENTS);
        let height = TICK_STEP * events as f64;
        let (x, y, h) = (
            at(k),
            (TICK_STEP * MAX_TICK_EVENTS as f64 - height).to_string(),
            height.to_string(),
        );
        sink.void(
            "rect",
            &[("x", &x), ("y", &y), ("width", "1.5"), ("height", &h)],
        );
        // Each new year named where it starts (the first is in the date label).
        let this = s.date.first_day().year;
        if year.is_some_and(|y| y != this) {
            sink.leaf(
                "text",
                &[("x", &x), ("y", "100%"), ("text-anchor", "middle")],
                &words.date_label(When::Year(this), None),
            );
        }
        year = Some(this);
    }
    sink.close();
}

/// Pixels a tick grows with each event of its stop.
const TICK_STEP: f64 = 2.0;

/// A tick stands taller with each event of its stop, up to this many.
const MAX_TICK_EVENTS: usize = 4;

/// What happened at a stop, in the article's own words (the content of the caption): the
/// stop's lead event, and the others one tap away.
pub fn caption(sink: &mut impl Sink, story: &Story, words: &Words, stop: Option<StopIx>) {
    let Some((k, s)) = stop.and_then(|k| story.timeline().stop(k).map(|s| (k, s))) else {
        sink.leaf("p", &[("class", "caption-empty")], words.ui(Ui::PressPlay));
        return;
    };
    sink.leaf(
        "h2",
        &[("class", "caption-date")],
        &story.stop_label(words, s),
    );
    if s.background {
        sink.leaf(
            "p",
            &[("class", "background-note")],
            words.ui(Ui::Background),
        );
    }
    let events: Vec<&Event> = story
        .caption_events(k)
        .into_iter()
        .filter_map(|i| story.event(i))
        .collect();
    let Some((lead, others)) = events.split_first() else {
        return;
    };
    sink.open("ul", &[("class", "caption-events")]);
    caption_event(sink, story, words, lead);
    sink.close();
    if !others.is_empty() {
        sink.open(
            "details",
            &[("class", "more-events"), ("data-testid", "more-events")],
        );
        let more = format!("{} {}", others.len(), words.ui(Ui::OtherEvents));
        sink.leaf("summary", &[], &more);
        sink.open("ul", &[("class", "caption-events")]);
        for e in others {
            caption_event(sink, story, words, e);
        }
        sink.close();
        sink.close();
    }
    if words.lang != Lang::En {
        sink.leaf("p", &[("class", "quoted-note")], words.ui(Ui::QuotedNote));
    }
}

/// One event of a caption: its headline, the article's sentence (in the article's language),
/// and how the map knows.
fn caption_event(sink: &mut impl Sink, story: &Story, words: &Words, e: &Event) {
    sink.open(
        "li",
        &[("class", "caption-event"), ("data-event", e.id.as_str())],
    );
    sink.leaf(
        "p",
        &[("class", "headline")],
        &words.headline(e, story.places()),
    );
    sink.leaf("blockquote", &[("lang", "en"), ("dir", "ltr")], &e.quote);
    reported_by(sink, story, words, e);
    sink.open("details", &[("class", "provenance")]);
    sink.leaf("summary", &[], words.ui(Ui::HowTheMapKnows));
    // How the date was worked out is the extractor's English, marked so, like the quotes.
    let confidence = format!("{}%", (e.confidence * 100.0).round());
    sink.open("p", &[]);
    sink.text(&format!("{}: ", words.ui(Ui::DateBasis)));
    sink.leaf("span", &[("lang", "en"), ("dir", "ltr")], &e.date_basis);
    sink.text(&format!(". {} {confidence}.", words.ui(Ui::Confidence)));
    sink.close();
    if !e.also.is_empty() {
        sink.leaf("p", &[], words.ui(Ui::AlsoSays));
        for q in &e.also {
            sink.leaf(
                "blockquote",
                &[("class", "also"), ("lang", "en"), ("dir", "ltr")],
                &q.quote,
            );
        }
    }
    other_versions(sink, story, words, e);
    sink.close();
    sink.close();
}

/// The outlets that report an event, each linked to its article where the desk gave its
/// address (in a story of many articles).
fn reported_by(sink: &mut impl Sink, story: &Story, words: &Words, e: &Event) {
    let outlets = story.outlets(e);
    if outlets.is_empty() {
        return;
    }
    sink.open("p", &[("class", "sources"), ("data-testid", "sources")]);
    sink.text(&format!("{} ", words.ui(Ui::ReportedBy)));
    for (i, (name, url)) in outlets.iter().enumerate() {
        if i > 0 {
            sink.text(words.ui(Ui::ListSeparator));
        }
        // Only a web address is a link (the data's reader refuses any other).
        match url.clone().filter(|u| crate::model::is_web_address(u)) {
            Some(url) => sink.leaf(
                "a",
                &[
                    ("href", &url),
                    ("target", "_blank"),
                    ("rel", "noopener noreferrer"),
                ],
                name,
            ),
            None => sink.text(name),
        }
    }
    sink.close();
}

/// Every report's own telling of an event besides the lead's: its outlet, its date and its
/// sentence (what the desk settled between stays for the reader to see).
fn other_versions(sink: &mut impl Sink, story: &Story, words: &Words, e: &Event) {
    for source in e.sources.iter().skip(1) {
        let outlet = story.outlet(&source.article);
        let said = match source.date {
            Some(d) => format!("{outlet}, {}:", words.short_date_label(d, None)),
            None => format!("{outlet}:"),
        };
        sink.leaf("p", &[("class", "version")], &said);
        sink.leaf(
            "blockquote",
            &[("class", "also"), ("lang", "en"), ("dir", "ltr")],
            &source.quote,
        );
    }
}

/// Opens a disclosure with its summary (closed: the reader opens it; the CSS shows its
/// content on wide screens).
fn fold_open(sink: &mut impl Sink, class: &str, summary: Word, words: &Words, story: &Story) {
    sink.open(
        "details",
        &[("class", &format!("fold {class}")), ("data-testid", class)],
    );
    sink.leaf(
        "summary",
        &[summary.attr()],
        &summary.text(words, story.places()),
    );
}

/// A legend entry: a swatch and its words.
fn swatch(sink: &mut impl Sink, class: &str, d: &str, text: &str) {
    sink.open("li", &[]);
    sink.open(
        "svg",
        &[
            ("class", "swatch"),
            ("viewBox", "0 0 20 20"),
            ("width", "20"),
            ("height", "20"),
            ("aria-hidden", "true"),
        ],
    );
    sink.void("path", &[("class", class), ("d", d)]);
    sink.close();
    sink.text(text);
    sink.close();
}

const CIRCLE: &str = "M4 10a6 6 0 1 0 12 0a6 6 0 1 0-12 0Z";
const SQUARE: &str = "M4.7 4.7h10.6v10.6h-10.6Z";
const DIAMOND: &str = "M10 2.8L17.2 10L10 17.2L2.8 10Z";
const RING: &str = "M2 10a8 8 0 1 0 16 0a8 8 0 1 0-16 0Z";
const ARROW: &str = "M2 15Q10 3 17 8";
const BURST: &str = "M10 3L11.5 8.5L17 10L11.5 11.5L10 17L8.5 11.5L3 10L8.5 8.5Z";
const LINE: &str = "M10 1V19";

/// The key to the map's symbols: only those this story's frames can show.
pub fn legend(sink: &mut impl Sink, story: &Story, words: &Words) {
    let t = story.timeline();
    let holders: Vec<Option<Actor>> = t
        .stops()
        .iter()
        .flat_map(|s| t.frame_at(s.instant).places)
        .map(|p| p.control)
        .collect();
    let claimed = t
        .events()
        .iter()
        .any(|e| e.kind == EventKind::Capture && e.status == Status::Claimed);
    let (arrows, strikes) = t.all_marks();
    let contested = t
        .stops()
        .iter()
        .any(|s| t.frame_at(s.instant).places.iter().any(|p| p.contested));
    sink.leaf("h2", &[("class", "visually-hidden")], words.ui(Ui::Legend));
    sink.open("ul", &[]);
    for (actor, class, d) in [
        (Actor::Gna, "marker gna", CIRCLE),
        (Actor::Lna, "marker lna", SQUARE),
    ] {
        if holders.contains(&Some(actor)) {
            let text = format!("{} {}", words.ui(Ui::HeldBy), words.actor_long(actor));
            swatch(sink, class, d, &text);
        }
    }
    if holders.contains(&None) {
        swatch(
            sink,
            "marker unknown",
            DIAMOND,
            words.ui(Ui::HolderNotStated),
        );
    }
    if claimed {
        let text = format!("{} ({})", words.ui(Ui::HeldBy), words.ui(Ui::Claimed));
        swatch(sink, "marker gna claimed-swatch", CIRCLE, &text);
    }
    if contested {
        swatch(sink, "contest-ring", RING, words.ui(Ui::UnderAttack));
    }
    if !arrows.is_empty() {
        swatch(sink, "legend-arrow", ARROW, words.ui(Ui::OffensiveArrow));
    }
    if !strikes.is_empty() {
        swatch(sink, "burst", BURST, words.ui(Ui::Strikes));
    }
    if !story.places().boundaries.is_empty() {
        swatch(sink, "boundary", LINE, words.ui(Ui::Boundary));
    }
    sink.close();
}

/// The events in order: the map's content as text. Each is a button that moves the story to
/// its stop; the current stop's carry `aria-current`.
pub fn event_list(sink: &mut impl Sink, story: &Story, words: &Words, current: Option<StopIx>) {
    sink.leaf(
        "h2",
        &[("class", "visually-hidden")],
        words.ui(match story.articles().len() {
            0 | 1 => Ui::EventsHeading,
            _ => Ui::EventsHeadingMany,
        }),
    );
    sink.open("ol", &[("data-testid", "event-list")]);
    for (k, s) in story.timeline().stops().iter().enumerate() {
        for &i in &s.events {
            let Some(e) = story.event(i) else { continue };
            let text = match e.reports() {
                1 => story.event_line(words, e),
                n => format!(
                    "{} ({n} {})",
                    story.event_line(words, e),
                    words.ui(Ui::Reports)
                ),
            };
            let stop = k.to_string();
            let mut attrs = vec![
                ("type", "button"),
                ("data-event", e.id.as_str()),
                ("data-stop", stop.as_str()),
            ];
            if current == Some(StopIx(k)) {
                attrs.push(("aria-current", "step"));
            }
            sink.open("li", &[]);
            sink.leaf("button", &attrs, &text);
            sink.close();
        }
    }
    sink.close();
}

/// The map: the shared shapes, then one SVG per layout class.
pub fn map(
    sink: &mut impl Sink,
    places: &PlaceSet,
    basemap: Option<&Basemap>,
    marks: Option<&StoryMarks>,
) {
    let layouts: Vec<Layout> = LAYOUTS
        .iter()
        .filter_map(|&w| Layout::build(places, basemap, w, marks.map(|m| m.story)))
        .collect();
    sink.open("div", &[("class", "map-frame"), Part::MapFrame.attr()]);
    if let Some(first) = layouts.first() {
        sink.open(
            "svg",
            &[
                ("class", "map-shapes"),
                ("width", "0"),
                ("height", "0"),
                ("aria-hidden", "true"),
            ],
        );
        draw_shared_shapes(sink, places, basemap, first);
        sink.close();
    }
    for layout in &layouts {
        draw_layout(sink, places, basemap, layout, marks);
    }
    sink.close();
}

/// What the page is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Root {
    /// The reader's page: its `<main>`, which the app takes over.
    Main,
    /// A still inside another page (the desk's preview): a `<div>`, not a second landmark.
    Still,
}

/// Everything the page shows of a story at a slider position.
pub struct Page<'a> {
    pub heading: &'a Heading,
    pub story: &'a Story,
    pub basemap: Option<&'a Basemap>,
    pub words: &'a Words,
    pub position: f64,
    /// The data's [`fingerprint`](crate::dataset::fingerprint), kept on `<main>`.
    pub fingerprint: &'a str,
    pub root: Root,
}

/// The page's body: `<main>` with the whole story at the page's position. `data-state`
/// says "static" until the browser app takes the page over.
pub fn page(sink: &mut impl Sink, p: &Page) {
    let frame: Frame = p.story.frame_at(p.position);
    let tag = match p.root {
        Root::Main => "main",
        Root::Still => "div",
    };
    sink.open(
        tag,
        &[
            ("class", "newsmap"),
            ("data-state", "static"),
            ("data-fingerprint", p.fingerprint),
        ],
    );
    header(sink, p.heading);
    sink.open("div", &[("class", "story")]);
    story_map(sink, p, &frame);
    story_side(sink, p, &frame);
    story_list(sink, p, &frame);
    sink.close();
    let summary = frame
        .stop
        .map(|s| p.story.summary(p.words, s))
        .unwrap_or_default();
    sink.leaf(
        "div",
        &[
            ("class", "visually-hidden"),
            ("aria-live", "polite"),
            ("data-testid", "announcer"),
            Part::Announcer.attr(),
        ],
        &summary,
    );
    sink.close();
}

/// The map, with the ceasefire's banner above it and the controls below.
fn story_map(sink: &mut impl Sink, p: &Page, frame: &Frame) {
    sink.open("div", &[("class", "story-map")]);
    sink.open(
        "div",
        &[("class", "ceasefire-slot"), Part::Ceasefire.attr()],
    );
    ceasefire(sink, p.story, p.words, frame.ceasefire);
    sink.close();
    let marks = StoryMarks {
        story: p.story,
        frame,
        words: p.words,
    };
    map(sink, p.story.places(), p.basemap, Some(&marks));
    controls(sink, p.story, p.words, p.position);
    sink.close();
}

/// The caption of the current stop and the legend (which folds away on narrow screens; the
/// CSS keeps it open on wide ones).
fn story_side(sink: &mut impl Sink, p: &Page, frame: &Frame) {
    let places = p.story.places();
    sink.open("aside", &[("class", "story-side")]);
    let label = Word::Caption.text(p.words, places);
    sink.open(
        "section",
        &[
            ("class", "caption"),
            ("data-testid", "caption"),
            ("aria-label", &label),
            Word::Caption.attr(),
            Part::Caption.attr(),
        ],
    );
    caption(sink, p.story, p.words, frame.stop);
    sink.close();
    fold_open(sink, "legend-fold", Word::LegendFold, p.words, p.story);
    let label = Word::Legend.text(p.words, places);
    sink.open(
        "section",
        &[
            ("class", "legend"),
            ("data-testid", "legend"),
            ("aria-label", &label),
            Word::Legend.attr(),
            Part::Legend.attr(),
        ],
    );
    legend(sink, p.story, p.words);
    sink.close();
    sink.close();
    sink.close();
}

/// The events in words (folding away on narrow screens, like the legend).
fn story_list(sink: &mut impl Sink, p: &Page, frame: &Frame) {
    sink.open("div", &[("class", "story-list")]);
    let fold = match p.story.articles().len() {
        0 | 1 => Word::EventsFold,
        _ => Word::EventsFoldMany,
    };
    fold_open(sink, "events-fold", fold, p.words, p.story);
    let label = Word::Events.text(p.words, p.story.places());
    sink.open(
        "section",
        &[
            ("class", "events"),
            ("aria-label", &label),
            Word::Events.attr(),
            Part::Events.attr(),
        ],
    );
    event_list(sink, p.story, p.words, frame.stop);
    sink.close();
    sink.close();
    sink.close();
}
