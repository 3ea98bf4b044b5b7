//! The story as the reader moves through it: where the page opens, what the date label and
//! the slider say between stops, which events a caption shows first, how playback steps. The
//! page only shows what this answers.
//!
//! Positions are slider positions: stop `k` at `k`, the story moving in straight lines
//! between.

use super::timeline::{CeasefireState, Frame, Stop, Timeline, stable_order};
use super::words::{Ui, Words};
use crate::data::places::PlaceSet;
use crate::model::date::{DAY, Date, Minutes, When};
use crate::model::{Article, ArticleId, Event, EventId, EventIx, EventKind, StopIx};

/// Milliseconds of playback per stop, in a story of a few stops.
pub const MS_PER_STOP: f64 = 2000.0;

/// A long story plays in about this long at most (ms): its stops go faster, down to
/// [`MIN_MS_PER_STOP`] each.
const LONG_PLAY_MS: f64 = 60_000.0;

/// Milliseconds of playback per stop in the longest stories: time to see the map change.
pub const MIN_MS_PER_STOP: f64 = 700.0;

/// Milliseconds of playback per stop in a story of `stops` stops.
fn pace(stops: f64) -> f64 {
    (LONG_PLAY_MS / stops).clamp(MIN_MS_PER_STOP, MS_PER_STOP)
}

/// A story ready to read: its timeline and its places.
#[derive(Debug, Clone)]
pub struct Story {
    timeline: Timeline,
    places: PlaceSet,
    /// The articles of a story told by many (empty for one article's).
    articles: Vec<Article>,
}

/// The ceasefire note's words: a lead ("Ceasefire in effect") and the rest (" since Monday
/// 8 June 2020, 18:00 (16:00 GMT)").
#[derive(Debug, Clone, PartialEq)]
pub struct CeasefireNote {
    pub in_effect: bool,
    pub lead: &'static str,
    pub rest: String,
}

/// Playback's own state between frames (with reduced motion it waits, then steps).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Playback {
    waited: f64,
}

impl Playback {
    /// Starts counting afresh (after the reader moved the story).
    pub fn reset(&mut self) {
        self.waited = 0.0;
    }
}

/// The day an instant falls on (UTC).
fn day_of(t: Minutes) -> Date {
    Date::from_days_since_epoch((t / DAY).floor() as i64)
}

/// The order of kinds in a caption: changes of control first, diplomacy after.
fn map_order(kind: EventKind) -> u8 {
    match kind {
        EventKind::Capture => 0,
        EventKind::Withdrawal => 1,
        EventKind::Offensive => 2,
        EventKind::Airstrike => 3,
        EventKind::Shelling => 4,
        EventKind::CeasefireEffective => 5,
        EventKind::CeasefireAnnounced => 6,
        EventKind::Statement => 7,
        EventKind::Uprising => 8,
    }
}

impl Story {
    pub fn new(timeline: Timeline, places: PlaceSet) -> Story {
        Story {
            timeline,
            places,
            articles: Vec::new(),
        }
    }

    /// The story with the articles that tell it.
    pub fn with_articles(mut self, articles: Vec<Article>) -> Story {
        self.articles = articles;
        self
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// An article's outlet, as the caption names it ("Article a3" when the desk gave none).
    pub fn outlet(&self, id: &ArticleId) -> String {
        self.articles
            .iter()
            .find(|a| &a.id == id)
            .map_or_else(|| format!("Article {id}"), Article::name)
    }

    /// The outlets that report an event, once each, with their articles' addresses; empty in
    /// a story of one article.
    pub fn outlets(&self, e: &Event) -> Vec<(String, Option<String>)> {
        if self.articles.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(String, Option<String>)> = Vec::new();
        for s in &e.sources {
            let url = self
                .articles
                .iter()
                .find(|a| a.id == s.article)
                .map(|a| a.url.clone())
                .filter(|u| !u.is_empty());
            let name = self.outlet(&s.article);
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, url));
            }
        }
        out
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn places(&self) -> &PlaceSet {
        &self.places
    }

    pub fn event(&self, i: EventIx) -> Option<&Event> {
        self.timeline.event(i)
    }

    /// The last slider position (the last stop).
    pub fn last_position(&self) -> f64 {
        self.timeline.stops().len().saturating_sub(1) as f64
    }

    pub fn frame_at(&self, position: f64) -> Frame {
        self.timeline.frame_at(self.timeline.instant_at(position))
    }

    /// Where the page opens for the URL's `?event=` and `?date=`: the stop of the event, the
    /// moment of the date (to the end of the last stop's day), else the start. A warning for
    /// each value that cannot be used.
    pub fn opening(&self, event: Option<&EventId>, date: Option<When>) -> (f64, Vec<String>) {
        let mut warnings = Vec::new();
        if let Some(id) = event {
            match self.timeline.stop_of_event(id) {
                Some(stop) => return (stop.position(), warnings),
                None => warnings.push(format!(
                    "?event={id}: the story has no such event; opening at the start"
                )),
            }
        }
        if let Some(date) = date {
            let stops = self.timeline.stops();
            let t = date.start();
            match (stops.first(), stops.last()) {
                (Some(a), Some(b)) if t >= a.instant && t <= b.instant + DAY => {
                    return (self.timeline.position_of(t), warnings);
                }
                _ => warnings.push(format!(
                    "?date={date}: outside the story; opening at the start"
                )),
            }
        }
        (0.0, warnings)
    }

    /// The label of a stop, at its date's precision.
    pub fn stop_label(&self, words: &Words, stop: &Stop) -> String {
        words.date_label(stop.date, stop.local_time.as_deref())
    }

    /// The date label for a slider position: the stop's; or, for a deep link between stops
    /// (`?date=2020-06-07`) while not playing, that day, whose state the map shows.
    pub fn label(&self, words: &Words, position: f64, playing: bool) -> String {
        let t = self.timeline.instant_at(position);
        let Some(stop) = self.timeline.stop_at(t).and_then(|s| self.timeline.stop(s)) else {
            return String::new();
        };
        if position.fract() != 0.0 && !playing {
            words.date_label(When::Day(day_of(t)), None)
        } else {
            self.stop_label(words, stop)
        }
    }

    /// An event as one line of the events list and of the snapshot: "5 June 2020: GNA takes
    /// Tarhuna from LNA".
    pub fn event_line(&self, words: &Words, e: &Event) -> String {
        let date = e
            .date
            .map(|d| words.short_date_label(d, e.local_time.as_deref()))
            .unwrap_or_default();
        format!("{date}: {}", words.headline(e, &self.places))
    }

    /// What the ceasefire note says in a state: `None` before it is announced.
    pub fn ceasefire_note(&self, words: &Words, state: CeasefireState) -> Option<CeasefireNote> {
        let when = |i| {
            self.event(i)
                .and_then(|e| e.date.map(|d| words.date_label(d, e.local_time.as_deref())))
                .unwrap_or_default()
        };
        match state {
            CeasefireState::InEffect { effective } => Some(CeasefireNote {
                in_effect: true,
                lead: words.ui(Ui::CeasefireInEffect),
                rest: format!(" {} {}", words.ui(Ui::CeasefireSince), when(effective)),
            }),
            CeasefireState::Announced { effective, .. } => Some(CeasefireNote {
                in_effect: false,
                lead: words.ui(Ui::CeasefireAnnounced),
                rest: effective
                    .map(|e| format!(", {} {}", words.ui(Ui::ToTakeEffect), when(e)))
                    .unwrap_or_default(),
            }),
            CeasefireState::None => None,
        }
    }

    /// What a stop says, for the slider's spoken value and the live region: "5 June 2020:
    /// GNA takes Tarhuna from LNA".
    pub fn summary(&self, words: &Words, stop: StopIx) -> String {
        let Some(s) = self.timeline.stop(stop) else {
            return String::new();
        };
        let events: Vec<String> = s
            .events
            .iter()
            .filter_map(|&i| self.event(i))
            .map(|e| words.headline(e, &self.places))
            .collect();
        format!(
            "{}: {}",
            words.short_date_label(s.date, s.local_time.as_deref()),
            events.join("; ")
        )
    }

    /// A stop's events in the order a caption shows them: what changed the map first, then
    /// what was said; the article's order within a kind.
    pub fn caption_events(&self, stop: StopIx) -> Vec<EventIx> {
        let events = self
            .timeline
            .stop(stop)
            .map(|s| s.events.as_slice())
            .unwrap_or_default();
        let keys: Vec<f64> = events
            .iter()
            .map(|&i| f64::from(self.event(i).map_or(u8::MAX, |e| map_order(e.kind))))
            .collect();
        stable_order(&keys)
            .into_iter()
            .filter_map(|k| events.get(k).copied())
            .collect()
    }

    /// How long playback stays on each stop: [`MS_PER_STOP`], or less in a long story, so
    /// that eighteen months of a hundred stops play in about a minute. Playback goes from stop
    /// to stop, so the empty months between two stops take no time.
    pub fn ms_per_stop(&self) -> f64 {
        pace(self.last_position() + 1.0)
    }

    /// The position after `dt` milliseconds of playback from `position`: smoothly on, or,
    /// with reduced motion, a whole stop every [`Story::ms_per_stop`]. Never past the end.
    pub fn advance(&self, position: f64, dt: f64, reduced_motion: bool, p: &mut Playback) -> f64 {
        let last = self.last_position();
        let per_stop = self.ms_per_stop();
        if !reduced_motion {
            return (position + dt.max(0.0) / per_stop).min(last);
        }
        p.waited += dt.max(0.0);
        if p.waited >= per_stop {
            p.waited = 0.0;
            (position.floor() + 1.0).min(last)
        } else {
            position
        }
    }

    /// The date a URL should carry for a stop (`?date=`).
    pub fn url_date(&self, stop: StopIx) -> Option<When> {
        self.timeline.stop(stop).map(|s| s.date)
    }
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::model::EventId;
    use crate::story::words::{Lang, Words};

    fn seed() -> Story {
        let (data, _) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        Story::new(
            data.timeline.unwrap_or_else(|| panic!("no timeline")),
            data.places.unwrap_or_else(|| panic!("no places")),
        )
    }

    #[test]
    fn the_ceasefire_note_says_when_in_each_state() {
        let s = seed();
        let en = Words::new(Lang::En);
        let at = |date: &str| {
            let t = date.parse::<When>().map_or(0.0, |w| w.start());
            s.ceasefire_note(&en, s.timeline().frame_at(t).ceasefire)
        };
        assert_eq!(at("2020-06-05"), None);
        let announced = at("2020-06-07").unwrap_or_else(|| panic!("announced on 6 June"));
        assert!(!announced.in_effect);
        assert_eq!(
            format!("{}{}", announced.lead, announced.rest),
            "Ceasefire announced, to take effect Monday 8 June 2020, 18:00 (16:00 GMT)"
        );
        let effective = at("2020-06-09").unwrap_or_else(|| panic!("in effect from 8 June"));
        assert!(effective.in_effect);
        assert_eq!(
            effective.rest,
            " since Monday 8 June 2020, 18:00 (16:00 GMT)"
        );
        let tarhuna = s
            .timeline()
            .events()
            .iter()
            .find(|e| e.id == EventId::new("e11"))
            .unwrap_or_else(|| panic!("e11"));
        assert_eq!(
            s.event_line(&en, tarhuna),
            "5 June 2020: GNA takes Tarhuna from LNA"
        );
    }

    #[test]
    fn the_page_opens_where_the_url_asks_within_a_days_tolerance() {
        let s = seed();
        let open = |q: &str| {
            let options = crate::host::options::Options::parse(q).0;
            s.opening(options.event.as_ref(), options.date)
        };
        assert_eq!(open(""), (0.0, vec![]));
        let (p, w) = open("?event=e11");
        assert!(w.is_empty());
        assert_eq!(
            s.timeline().stops()[p as usize].date.to_string(),
            "2020-06-05"
        );
        // 7 June lies between the stops of 6 and 8 June: the map shows that day.
        let (p, w) = open("?date=2020-06-07");
        assert!(w.is_empty() && p.fract() > 0.0, "{p}");
        assert_eq!(
            s.label(&Words::new(Lang::En), p, false),
            "Sunday 7 June 2020"
        );
        assert_eq!(
            s.label(&Words::new(Lang::En), p, true),
            "Saturday 6 June 2020"
        );
        // A day after the last stop still opens there; later does not.
        assert!(open("?date=2020-06-09").1.is_empty());
        assert_eq!(open("?date=2021-01-01").0, 0.0);
        assert_eq!(open("?event=e99").1.len(), 1);
        assert_eq!(s.timeline().stop_of_event(&EventId::new("e99")), None);
    }

    #[test]
    fn captions_put_changes_of_control_before_words() {
        let s = seed();
        let june6 = s
            .timeline()
            .stops()
            .iter()
            .position(|st| st.date.to_string() == "2020-06-06")
            .map(StopIx)
            .unwrap();
        let kinds: Vec<EventKind> = s
            .caption_events(june6)
            .iter()
            .filter_map(|&i| s.event(i).map(|e| e.kind))
            .collect();
        assert_eq!(kinds.first(), Some(&EventKind::Capture));
        assert_eq!(kinds.last(), Some(&EventKind::Statement));
        let summary = s.summary(&Words::new(Lang::En), june6);
        assert!(summary.starts_with("6 June 2020: "), "{summary}");
    }

    #[test]
    fn playback_moves_smoothly_or_in_steps_and_stops_at_the_end() {
        let s = seed();
        let mut p = Playback::default();
        assert_eq!(
            s.ms_per_stop(),
            MS_PER_STOP,
            "a story of a few stops at its own pace"
        );
        assert_eq!(pace(50.0), 1200.0, "fifty stops in a minute");
        assert_eq!(pace(500.0), MIN_MS_PER_STOP, "never faster than the eye");
        assert_eq!(s.advance(0.0, 1000.0, false, &mut p), 0.5);
        assert_eq!(s.advance(0.0, 1000.0, true, &mut p), 0.0);
        assert_eq!(s.advance(0.0, 1000.0, true, &mut p), 1.0);
        let last = s.last_position();
        assert_eq!(s.advance(last - 0.1, 5000.0, false, &mut p), last);
        assert_eq!(s.advance(last, -5.0, false, &mut p), last);
    }
}
