//! Scoring the extractor against hand annotations ("gold"), one to one.
//!
//! A gold event and an extracted one match when kind, date, actor and place are all equal;
//! each gold event matches at most one extracted event, so a duplicate is a false positive and
//! recall cannot pass a missed event. The gold's date is the true date of the event, whether
//! the text states it or not (`date_inferred` only records that it does not). Two places are
//! equal when their ids are, or when the gold gives the place's point (`place_point`, for a
//! place the gazetteer may know by another id) and the extracted place lies within
//! [`SAME_PLACE_KM`] of it. On matched pairs the slots the timeline draws — `from`, `origin`,
//! `count` — and `status` are scored too.
//!
//! Each missed gold event is put in a failure class by the extracted event that comes closest
//! to it (see [`Miss`]): the right event with the wrong date, the wrong side, the wrong or an
//! unknown place, or nothing like it at all.
//!
//! Figures are kept as counts and added up, so an article, a set, a kind and a slot are all
//! the same [`Tally`].
//!
//! ```
//! use newsmap_extract::eval::{Gold, Scored, score};
//! let gold: Gold = serde_json::from_str(r#"{"article": "a.html", "article_date": "2020-06-06",
//!     "events": [{"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna",
//!                 "core": true}]}"#)?;
//! let out = serde_json::from_str(r#"{"article_date": "2020-06-06", "events": [
//!     {"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna"},
//!     {"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna"}]}"#)?;
//! let s: Scored = score(&gold, &out);
//! assert_eq!((s.all.true_positives, s.all.extracted, s.all.gold), (1, 2, 1));
//! assert_eq!(s.core.recall(), Some(1.0));
//! # Ok::<(), serde_json::Error>(())
//! ```

// Counts of hand-annotated events: adding them up cannot come near overflowing.
#![allow(clippy::arithmetic_side_effects)]

use crate::knowledge::Knowledge;
use newsmap_core::model::EventKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// How far apart (in km) an extracted place may lie from the point the gold gives and still
/// be the same place: less than the distance between two quarters of Tripoli.
pub const SAME_PLACE_KM: f64 = 2.0;

/// Whether events of a kind put a mark on the map ([`EventKind::marks_map`]): a wrong one
/// puts a wrong mark there.
fn marks_map(kind: &str) -> bool {
    EventKind::from_id(kind).is_some_and(EventKind::marks_map)
}

/// A hand-annotated article.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's path, from the repository's root.
    pub article: String,
    /// The publication date.
    pub article_date: String,
    /// Whether the page shows its date; when it does not, a desk would give it (`--date`).
    #[serde(default = "yes")]
    pub date_shown: bool,
    pub events: Vec<GoldEvent>,
}

fn yes() -> bool {
    true
}

/// One event of the gold annotation.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub kind: String,
    pub date: String,
    pub actor: Option<String>,
    pub place: Option<String>,
    /// The place's point, `[longitude, latitude]`, for a place that may be known by another
    /// id (one the annotators coined).
    #[serde(default)]
    pub place_point: Option<[f64; 2]>,
    pub from: Option<String>,
    pub origin: Option<String>,
    pub count: Option<u32>,
    /// `reported` or `claimed`; not scored when absent.
    pub status: Option<String>,
    /// The event the headline or first sentence is about.
    #[serde(default)]
    pub core: bool,
    /// Whether the text leaves the date unstated (the gold's date is still the true one).
    #[serde(default)]
    pub date_inferred: bool,
}

/// What an extractor printed, read leniently so that any version's output can be scored.
#[derive(Debug, Clone, Deserialize)]
pub struct Output {
    pub article_date: Option<String>,
    pub events: Vec<OutputEvent>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct OutputEvent {
    pub kind: String,
    pub date: Option<String>,
    pub actor: Option<String>,
    pub place: Option<String>,
    pub from: Option<String>,
    pub origin: Option<String>,
    pub count: Option<u32>,
    /// Absent in outputs of extractors that did not tell claims apart: taken as reported.
    pub status: Option<String>,
}

/// Matched, extracted and gold counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub true_positives: usize,
    pub extracted: usize,
    pub gold: usize,
}

impl Tally {
    pub fn precision(&self) -> Option<f64> {
        ratio(self.true_positives, self.extracted)
    }

    pub fn recall(&self) -> Option<f64> {
        ratio(self.true_positives, self.gold)
    }

    pub fn add(&mut self, other: Tally) {
        self.true_positives += other.true_positives;
        self.extracted += other.extracted;
        self.gold += other.gold;
    }
}

fn ratio(a: usize, b: usize) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Right and scored counts of a slot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SlotTally {
    pub right: usize,
    pub scored: usize,
}

impl SlotTally {
    pub fn add(&mut self, other: SlotTally) {
        self.right += other.right;
        self.scored += other.scored;
    }
}

/// The score of one article, or of a set of them added up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scored {
    pub all: Tally,
    /// Gold events marked `core`: recall is what counts.
    pub core: Tally,
    /// Extracted events of the kinds the map draws: precision is what counts.
    pub map: Tally,
    pub by_kind: BTreeMap<String, Tally>,
    /// `from`, `origin`, `count`, `status` on matched pairs (scored where either side has a
    /// value; for `status`, where the gold has one).
    pub slots: BTreeMap<&'static str, SlotTally>,
    /// Articles whose shown date was read right, of those that show one.
    pub dates: SlotTally,
    /// Gold keys not found, extracted keys not in the gold (`kind|date|actor|place`).
    pub missed: Vec<String>,
    pub spurious: Vec<String>,
    /// Missed gold events by failure class.
    pub misses: BTreeMap<Miss, usize>,
}

/// Why a gold event was missed: what the closest extracted event of the same kind got wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Miss {
    /// Right actor and place, another date (or none).
    Date,
    /// Right date and place, another side (or none).
    Side,
    /// Right date and side, another place, or one the gazetteer does not know.
    Place,
    /// No extracted event of the kind shares two of date, side and place.
    NotRead,
}

impl Miss {
    pub fn describe(self) -> &'static str {
        match self {
            Miss::Date => "read, with the wrong date",
            Miss::Side => "read, with the wrong side",
            Miss::Place => "read, with the wrong or an unknown place",
            Miss::NotRead => "not read",
        }
    }
}

impl Scored {
    pub fn add(&mut self, other: &Scored) {
        self.all.add(other.all);
        self.core.add(other.core);
        self.map.add(other.map);
        for (k, t) in &other.by_kind {
            self.by_kind.entry(k.clone()).or_default().add(*t);
        }
        for (k, t) in &other.slots {
            self.slots.entry(k).or_default().add(*t);
        }
        self.dates.add(other.dates);
        self.missed.extend(other.missed.iter().cloned());
        self.spurious.extend(other.spurious.iter().cloned());
        for (k, n) in &other.misses {
            *self.misses.entry(*k).or_default() += n;
        }
    }
}

fn key(kind: &str, date: Option<&str>, actor: Option<&str>, place: Option<&str>) -> String {
    format!(
        "{kind}|{}|{}|{}",
        date.unwrap_or("-"),
        actor.unwrap_or("-"),
        place.unwrap_or("-")
    )
}

impl GoldEvent {
    fn key(&self) -> String {
        key(
            &self.kind,
            Some(&self.date),
            self.actor.as_deref(),
            self.place.as_deref(),
        )
    }
}

impl OutputEvent {
    fn key(&self) -> String {
        key(
            &self.kind,
            self.date.as_deref(),
            self.actor.as_deref(),
            self.place.as_deref(),
        )
    }

    fn status(&self) -> &str {
        self.status.as_deref().unwrap_or("reported")
    }
}

/// Scores one article's output against its gold, one to one, with the shipped gazetteer.
pub fn score(gold: &Gold, out: &Output) -> Scored {
    score_with(gold, out, Knowledge::builtin())
}

/// Whether an extracted event's place is the gold's: the same id, or (when the gold gives a
/// point) a known place within [`SAME_PLACE_KM`] of it.
fn same_place(k: &Knowledge, g: &GoldEvent, o: &OutputEvent) -> bool {
    if g.place == o.place {
        return true;
    }
    let (Some([lon, lat]), Some(id)) = (g.place_point, o.place.as_deref()) else {
        return false;
    };
    k.place(id)
        .is_some_and(|p| km_between((lon, lat), (p.place.lon, p.place.lat)) <= SAME_PLACE_KM)
}

/// The distance between two points (`[lon, lat]` in degrees), in km, on a sphere.
fn km_between(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_KM: f64 = 6371.0;
    let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
    let (dla, dlo) = (la2 - la1, (b.0 - a.0).to_radians());
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * EARTH_KM * h.sqrt().asin()
}

/// How an extracted event compares with a gold one: which of date, actor and place agree.
fn agreement(k: &Knowledge, g: &GoldEvent, o: &OutputEvent) -> Option<[bool; 3]> {
    (g.kind == o.kind).then(|| {
        [
            o.date.as_deref() == Some(g.date.as_str()),
            g.actor == o.actor,
            same_place(k, g, o),
        ]
    })
}

/// The failure class of a missed gold event: what the closest extracted event of its kind
/// got wrong.
fn miss_of(k: &Knowledge, g: &GoldEvent, out: &Output) -> Miss {
    let mut best = Miss::NotRead;
    for o in &out.events {
        let class = match agreement(k, g, o) {
            Some([false, true, true]) => Miss::Date,
            Some([true, false, true]) => Miss::Side,
            Some([true, true, false]) => Miss::Place,
            _ => continue,
        };
        best = best.min(class);
    }
    best
}

/// Scores one article's output against its gold, one to one; places are compared with the
/// gazetteer of `k`.
pub fn score_with(gold: &Gold, out: &Output, k: &Knowledge) -> Scored {
    let mut s = Scored::default();
    let mut unmatched: Vec<Option<&OutputEvent>> = out.events.iter().map(Some).collect();
    for g in &gold.events {
        let found = unmatched
            .iter_mut()
            .find(|o| o.is_some_and(|o| agreement(k, g, o) == Some([true; 3])))
            .and_then(Option::take);
        let hit = usize::from(found.is_some());
        let kind = s.by_kind.entry(g.kind.clone()).or_default();
        kind.gold += 1;
        kind.true_positives += hit;
        s.all.gold += 1;
        s.all.true_positives += hit;
        if g.core {
            s.core.gold += 1;
            s.core.true_positives += hit;
        }
        match found {
            Some(o) => {
                if marks_map(&o.kind) {
                    s.map.true_positives += 1;
                }
                score_slots(&mut s, g, o);
            }
            None => {
                s.missed.push(g.key());
                *s.misses.entry(miss_of(k, g, out)).or_default() += 1;
            }
        }
    }
    for o in &out.events {
        s.all.extracted += 1;
        s.by_kind.entry(o.kind.clone()).or_default().extracted += 1;
        if marks_map(&o.kind) {
            s.map.extracted += 1;
        }
    }
    s.spurious = unmatched
        .into_iter()
        .flatten()
        .map(OutputEvent::key)
        .collect();
    if gold.date_shown {
        s.dates.scored = 1;
        s.dates.right = usize::from(out.article_date.as_deref() == Some(&gold.article_date));
    }
    s
}

/// Scores the slots of a matched pair: `from`, `origin` and `count` where either side has a
/// value, `status` where the gold has one.
fn score_slots(s: &mut Scored, g: &GoldEvent, o: &OutputEvent) {
    let pairs = [
        ("from", g.from.clone(), o.from.clone()),
        ("origin", g.origin.clone(), o.origin.clone()),
        (
            "count",
            g.count.map(|c| c.to_string()),
            o.count.map(|c| c.to_string()),
        ),
    ];
    for (slot, want, got) in pairs {
        if want.is_some() || got.is_some() {
            let t = s.slots.entry(slot).or_default();
            t.scored += 1;
            t.right += usize::from(want == got);
        }
    }
    if let Some(want) = &g.status {
        let t = s.slots.entry("status").or_default();
        t.scored += 1;
        t.right += usize::from(want == o.status());
    }
}

/// A figure for a table: two decimals, or a dash when there is nothing to divide by.
pub fn figure(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// A report of a scored set, as the `evaluate` command prints it: per article, per kind, the
/// goals' figures and the slots.
pub fn report(articles: &[(String, Scored)]) -> String {
    let mut r = String::new();
    let total = report_articles(&mut r, articles);
    report_kinds(&mut r, &total);
    report_misses(&mut r, &total);
    report_goals(&mut r, &total);
    r
}

/// Writes the missed gold events by failure class.
fn report_misses(r: &mut String, total: &Scored) {
    use std::fmt::Write;
    let _ = writeln!(r, "\nmissed gold events, by what went wrong");
    for (class, n) in &total.misses {
        let _ = writeln!(r, "  {:<42} {n:>4}", class.describe());
    }
}

/// Writes one line per article, with what it missed and what it found in excess; returns
/// the articles' total.
fn report_articles(r: &mut String, articles: &[(String, Scored)]) -> Scored {
    use std::fmt::Write;
    let mut total = Scored::default();
    let _ = writeln!(
        r,
        "{:<58} {:>6} {:>6} {:>8}  date",
        "article", "P", "R", "core R"
    );
    for (name, s) in articles {
        total.add(s);
        let date = match (s.dates.scored, s.dates.right) {
            (0, _) => "not shown",
            (_, 1) => "right",
            _ => "WRONG",
        };
        let _ = writeln!(
            r,
            "{name:<58} {:>6} {:>6} {:>8}  {date}",
            figure(s.all.precision()),
            figure(s.all.recall()),
            figure(s.core.recall()),
        );
        for m in &s.missed {
            let _ = writeln!(r, "    missed   {m}");
        }
        for m in &s.spurious {
            let _ = writeln!(r, "    spurious {m}");
        }
    }
    total
}

/// Writes the table of the total's figures per kind, and for all kinds.
fn report_kinds(r: &mut String, total: &Scored) {
    use std::fmt::Write;
    let _ = writeln!(
        r,
        "\n{:<22} {:>6} {:>6} {:>9}",
        "kind", "P", "R", "tp/ex/gold"
    );
    for (kind, t) in &total.by_kind {
        let _ = writeln!(
            r,
            "{kind:<22} {:>6} {:>6} {:>9}",
            figure(t.precision()),
            figure(t.recall()),
            format!("{}/{}/{}", t.true_positives, t.extracted, t.gold)
        );
    }
    let _ = writeln!(
        r,
        "{:<22} {:>6} {:>6} {:>9}",
        "all",
        figure(total.all.precision()),
        figure(total.all.recall()),
        format!(
            "{}/{}/{}",
            total.all.true_positives, total.all.extracted, total.all.gold
        )
    );
}

/// Writes the goals' figures (core-event recall, map-event precision, article dates) and the
/// slots scored on matched events.
fn report_goals(r: &mut String, total: &Scored) {
    use std::fmt::Write;
    let _ = writeln!(
        r,
        "\ncore-event recall          {} ({} of {})",
        figure(total.core.recall()),
        total.core.true_positives,
        total.core.gold
    );
    let _ = writeln!(
        r,
        "map-event precision        {} ({} of {}; {})",
        figure(total.map.precision()),
        total.map.true_positives,
        total.map.extracted,
        EventKind::ALL
            .iter()
            .filter(|k| k.marks_map())
            .map(|k| k.id())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        r,
        "article date, where shown  {} of {}",
        total.dates.right, total.dates.scored
    );
    for (slot, t) in &total.slots {
        let _ = writeln!(
            r,
            "slot {slot:<21} {} of {} right on matched events",
            t.right, t.scored
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(events: &str) -> Gold {
        serde_json::from_str(&format!(
            r#"{{"article": "a", "article_date": "2020-06-06", "events": [{events}]}}"#
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn out(events: &str) -> Output {
        serde_json::from_str(&format!(
            r#"{{"article_date": "2020-06-06", "events": [{events}]}}"#
        ))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    const TARHUNA: &str =
        r#"{"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna"}"#;
    const SIRTE: &str =
        r#"{"kind": "offensive", "date": "2020-06-06", "actor": "gna", "place": "sirte"}"#;

    #[test]
    fn a_duplicate_is_a_false_positive_and_a_miss_stays_missed() {
        let s = score(
            &gold(&format!("{TARHUNA}, {SIRTE}")),
            &out(&format!("{TARHUNA}, {TARHUNA}")),
        );
        assert_eq!(s.all.precision(), Some(0.5));
        assert_eq!(s.all.recall(), Some(0.5));
        assert_eq!(s.missed, ["offensive|2020-06-06|gna|sirte"]);
        assert_eq!(s.spurious, ["capture|2020-06-05|gna|tarhuna"]);
        assert_eq!(
            s.map,
            Tally {
                true_positives: 1,
                extracted: 2,
                gold: 0
            }
        );
    }

    #[test]
    fn slots_and_status_are_scored_on_matched_events() {
        let g = gold(
            r#"{"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna",
                "from": "lna", "status": "claimed"}"#,
        );
        let s = score(&g, &out(TARHUNA));
        assert_eq!(
            s.slots["from"],
            SlotTally {
                right: 0,
                scored: 1
            }
        );
        assert_eq!(
            s.slots["status"],
            SlotTally {
                right: 0,
                scored: 1
            }
        );
        let o = out(
            r#"{"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": "tarhuna",
                "from": "lna", "status": "claimed"}"#,
        );
        let s = score(&g, &o);
        assert_eq!(
            s.slots["from"],
            SlotTally {
                right: 1,
                scored: 1
            }
        );
        assert_eq!(
            s.slots["status"],
            SlotTally {
                right: 1,
                scored: 1
            }
        );
    }

    #[test]
    fn an_undated_output_event_matches_nothing() {
        let s = score(
            &gold(TARHUNA),
            &out(r#"{"kind": "capture", "date": null, "actor": "gna", "place": "tarhuna"}"#),
        );
        assert_eq!(s.all.true_positives, 0);
    }

    #[test]
    fn the_article_date_counts_only_where_the_page_shows_it() {
        let mut g = gold(TARHUNA);
        let mut o = out(TARHUNA);
        o.article_date = None;
        assert_eq!(
            score(&g, &o).dates,
            SlotTally {
                right: 0,
                scored: 1
            }
        );
        g.date_shown = false;
        assert_eq!(score(&g, &o).dates, SlotTally::default());
    }

    #[test]
    fn a_coined_place_matches_a_known_one_at_its_point() {
        // Tajoura, as an annotator might name it, with its point.
        let g = gold(
            r#"{"kind": "airstrike", "date": "2019-07-03", "actor": "lna", "place": "tajura_town",
                "place_point": [13.351, 32.882]}"#,
        );
        let near = out(
            r#"{"kind": "airstrike", "date": "2019-07-03", "actor": "lna", "place": "tajoura"}"#,
        );
        assert_eq!(score(&g, &near).all.true_positives, 1);
        let far = out(
            r#"{"kind": "airstrike", "date": "2019-07-03", "actor": "lna", "place": "tripoli"}"#,
        );
        assert_eq!(score(&g, &far).all.true_positives, 0);
    }

    #[test]
    fn a_miss_is_classed_by_the_closest_extracted_event() {
        let classes = |o: &str| {
            let s = score(&gold(TARHUNA), &out(o));
            s.misses.into_keys().collect::<Vec<_>>()
        };
        assert_eq!(
            classes(
                r#"{"kind": "capture", "date": "2020-06-06", "actor": "gna", "place": "tarhuna"}"#
            ),
            [Miss::Date]
        );
        assert_eq!(
            classes(
                r#"{"kind": "capture", "date": "2020-06-05", "actor": "lna", "place": "tarhuna"}"#
            ),
            [Miss::Side]
        );
        assert_eq!(
            classes(r#"{"kind": "capture", "date": "2020-06-05", "actor": "gna", "place": null}"#),
            [Miss::Place]
        );
        assert_eq!(classes(SIRTE), [Miss::NotRead]);
    }
}
