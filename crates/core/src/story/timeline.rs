//! The story as states in time: who holds each place, what is under attack, which arrows run,
//! where bombs fall, whether a ceasefire holds — at any instant.
//!
//! [`Timeline::new`] reads the events once; [`Timeline::frame_at`] answers for an instant `t`
//! (minutes since the Unix epoch, UTC, fractional so that playback can move smoothly between
//! stops). Every state it reports names the event it rests on, so the map can always say which
//! sentence of the article a colour or an arrow comes from.
//!
//! Rules:
//! - A capture gives its place to its actor. A capture's `from`, when stated, says who held
//!   the place before, from the start of the map; otherwise a place's holder is unknown until
//!   an event says. An offensive against a place whose holder is unknown implies the place was
//!   held by the attacker's opponent; its stated origin, by the attacker.
//! - An offensive runs from its date until its target falls to the attacker, its origin falls
//!   to another side, a ceasefire takes effect, or the story ends. While it runs, its target —
//!   if held by the other side — is contested, not changed hands.
//! - An offensive's arrow starts at the origin the text gives, else at the nearest place the
//!   attacker holds when it starts. It draws on over the approach to its stop and fades over
//!   the approach to its end.
//! - Air strikes show as a burst for the period their date names (the day).
//! - The stops of the story are the distinct instants of its events; stops before the first
//!   event that changes the map are background.

use crate::data::places::PlaceSet;
use crate::data::{DataError, EVENTS_FILE, ErrorKind};
use crate::model::date::{DAY, Minutes, Precision, When};
use crate::model::{Actor, Event, EventId, EventIx, EventKind, PlaceId, PlaceRole, Status, StopIx};

/// A stop of the slider: one instant and the events that happen at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub instant: Minutes,
    /// The most precise date among the stop's events (what its label shows).
    pub date: When,
    /// Local wall-clock time given in the text for that date, if any ("18:00").
    pub local_time: Option<String>,
    /// The stop's events, in the article's order.
    pub events: Vec<EventIx>,
    /// Context older than the map: shown as background, before the map's first change.
    pub background: bool,
}

/// Who holds a place at an instant, and on what evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceState {
    pub place: PlaceId,
    /// `None` while no event says.
    pub control: Option<Actor>,
    /// The event the control rests on.
    pub control_event: Option<EventIx>,
    /// The control rests on a side's claim, not on the article's word.
    pub claimed: bool,
    /// Under attack by the other side.
    pub contested: bool,
    /// The offensive that contests it.
    pub contested_by: Option<EventIx>,
    /// Control changed at the current stop (the map pulses it).
    pub changed: bool,
}

/// An offensive's arrow at an instant.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowState {
    pub event: EventIx,
    pub actor: Option<Actor>,
    pub from: PlaceId,
    pub to: PlaceId,
    /// Whether the origin is the text's (true) or inferred (nearest place the attacker holds).
    pub origin_stated: bool,
    /// How much of the arrow is drawn, 0..=1.
    pub progress: f64,
    /// 1 while it runs, falling to 0 as it ends.
    pub opacity: f64,
}

/// A burst of air strikes or shelling at an instant.
#[derive(Debug, Clone, PartialEq)]
pub struct StrikeState {
    pub event: EventIx,
    pub place: PlaceId,
    /// How many marks: the text's count, else 1.
    pub count: u32,
    pub actor: Option<Actor>,
    /// 0..=1 as the burst appears.
    pub progress: f64,
}

/// The ceasefire at an instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CeasefireState {
    None,
    /// Announced (event), to take effect later (event, if known).
    Announced {
        announced: EventIx,
        effective: Option<EventIx>,
    },
    /// In effect since an event.
    InEffect {
        effective: EventIx,
    },
}

/// Everything the map shows at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub instant: Minutes,
    /// The last stop at or before the instant.
    pub stop: Option<StopIx>,
    pub places: Vec<PlaceState>,
    pub arrows: Vec<ArrowState>,
    pub strikes: Vec<StrikeState>,
    pub ceasefire: CeasefireState,
    /// The events of the current stop.
    pub caption: Vec<EventIx>,
}

impl Frame {
    pub fn place(&self, id: &PlaceId) -> Option<&PlaceState> {
        self.places.iter().find(|p| &p.place == id)
    }
}

/// A change of hands (or the first known holder) of a place.
#[derive(Debug, Clone)]
struct Hold {
    from: Minutes,
    holder: Actor,
    event: EventIx,
}

/// The holds of every story place, in order of time.
#[derive(Debug, Clone, Default)]
struct Holds(Vec<(PlaceId, Vec<Hold>)>);

impl Holds {
    fn list(&self, place: &PlaceId) -> Option<&Vec<Hold>> {
        self.0.iter().find(|(p, _)| p == place).map(|(_, l)| l)
    }

    /// Adds a hold, keeping the place's holds in order of time.
    fn add(&mut self, place: &PlaceId, hold: Hold) {
        if let Some((_, list)) = self.0.iter_mut().find(|(p, _)| p == place) {
            let at = list.partition_point(|h| h.from <= hold.from);
            list.insert(at, hold);
        }
    }

    /// Whether no hold of `place` starts at or before `t` (for a story place).
    fn unknown_at(&self, place: &PlaceId, t: Minutes) -> bool {
        self.list(place)
            .is_some_and(|l| !l.iter().any(|h| h.from <= t))
    }

    fn holder_at(&self, place: &PlaceId, t: Minutes) -> Option<(Actor, EventIx)> {
        held_at(self.list(place)?, t)
    }
}

/// Who holds a place at `t`, from its holds in order of time, and the event that says so.
fn held_at(list: &[Hold], t: Minutes) -> Option<(Actor, EventIx)> {
    list.iter()
        .rfind(|h| h.from <= t)
        .map(|h| (h.holder, h.event))
}

#[derive(Debug, Clone)]
struct Offensive {
    event: EventIx,
    actor: Option<Actor>,
    target: PlaceId,
    origin: Option<PlaceId>,
    origin_stated: bool,
    start: Minutes,
    end: Minutes,
}

/// The story's states over time.
#[derive(Debug, Clone)]
pub struct Timeline {
    events: Vec<Event>,
    stops: Vec<Stop>,
    holds: Holds,
    offensives: Vec<Offensive>,
    announced: Option<(Minutes, EventIx)>,
    effective: Option<(Minutes, EventIx)>,
}

/// The length of the period a date names, in minutes (a day for a day; a minute is shown for
/// the day it falls in).
fn period(w: When) -> f64 {
    match w.precision() {
        Precision::Year => 365.0 * DAY,
        Precision::Month => 30.0 * DAY,
        Precision::Day | Precision::Minute => DAY,
    }
}

/// The instant an event starts at. Every event the timeline keeps has a date.
fn start_of(e: &Event) -> Minutes {
    e.date.map_or(f64::INFINITY, |d| d.start())
}

fn distance2(a: (f64, f64), b: (f64, f64)) -> f64 {
    let kx = ((a.1 + b.1) / 2.0).to_radians().cos();
    ((a.0 - b.0) * kx).powi(2) + (a.1 - b.1).powi(2)
}

/// The events the map can place: dated, at places it has. The others are reported.
fn usable(events: &[Event], places: &PlaceSet) -> (Vec<Event>, Vec<DataError>) {
    let mut issues = Vec::new();
    let kept = events
        .iter()
        .filter(|e| {
            if e.date.is_none() {
                issues.push(DataError::new(
                    EVENTS_FILE,
                    ErrorKind::Undated,
                    format!("event {} has no date ({}); the map leaves it out", e.id, e.date_basis),
                ));
                return false;
            }
            let unknown = [e.place.as_ref(), e.origin.as_ref()]
                .into_iter()
                .flatten()
                .find(|p| places.get(p).is_none());
            if let Some(p) = unknown {
                issues.push(DataError::new(
                    EVENTS_FILE,
                    ErrorKind::UnknownPlace,
                    format!(
                        "event {} names the place '{p}', which places.geojson does not have; add it there (the event is left out)",
                        e.id
                    ),
                ));
            }
            unknown.is_none()
        })
        .cloned()
        .collect();
    (kept, issues)
}

/// The order that sorts `keys` ascending, equal keys in their given order. Every sort of
/// the story goes through this one function: the standard sort is instantiated per element
/// type and closure, about 5 KB of WebAssembly each.
pub(crate) fn stable_order(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
    order
}

/// The events' indices in time order. Events come in the article's order, and the sort is
/// stable, so the article's order holds among events of one instant.
fn time_order(events: &[Event]) -> Vec<usize> {
    stable_order(&events.iter().map(start_of).collect::<Vec<_>>())
}

/// Stops: the distinct instants, in time order; events in article order within a stop; the
/// stops before the first that changes the map are background.
fn stops_of(events: &[Event]) -> Vec<Stop> {
    let mut stops: Vec<Stop> = Vec::new();
    for i in time_order(events) {
        let e = &events[i];
        let Some(date) = e.date else { continue };
        let instant = start_of(e);
        match stops.last_mut() {
            Some(s) if s.instant == instant => {
                s.events.push(EventIx(i));
                if date.precision() > s.date.precision() {
                    s.date = date;
                    s.local_time = e.local_time.clone();
                }
            }
            _ => stops.push(Stop {
                instant,
                date,
                local_time: e.local_time.clone(),
                events: vec![EventIx(i)],
                background: false,
            }),
        }
    }
    let first_map_stop = stops
        .iter()
        .position(|s| s.events.iter().any(|&i| events[i.0].kind.changes_map()));
    if let Some(first) = first_map_stop {
        for s in &mut stops[..first] {
            s.background = true;
        }
    }
    stops
}

/// Holds: captures first (with the holder before them when stated), then what offensives
/// imply where nothing else is known.
fn holds_of(events: &[Event], places: &PlaceSet, map_start: Minutes) -> Holds {
    let mut holds = Holds(
        places
            .places
            .iter()
            .filter(|p| p.role == PlaceRole::Story)
            .map(|p| (p.id.clone(), Vec::new()))
            .collect(),
    );
    let by_time = time_order(events);
    for &i in &by_time {
        let e = &events[i];
        let (EventKind::Capture, Some(place), Some(actor)) = (e.kind, &e.place, e.actor) else {
            continue;
        };
        let at = start_of(e);
        let known_before = holds
            .list(place)
            .is_some_and(|l| l.iter().any(|h| h.from < at));
        if let (Some(from), false) = (e.from, known_before) {
            let from = Hold {
                from: map_start.min(at),
                holder: from,
                event: EventIx(i),
            };
            holds.add(place, from);
        }
        holds.add(
            place,
            Hold {
                from: at,
                holder: actor,
                event: EventIx(i),
            },
        );
    }
    for &i in &by_time {
        let e = &events[i];
        let (EventKind::Offensive, Some(target), Some(actor)) = (e.kind, &e.place, e.actor) else {
            continue;
        };
        let at = start_of(e);
        if let (Some(opponent), true) = (actor.opponent(), holds.unknown_at(target, at)) {
            holds.add(
                target,
                Hold {
                    from: at,
                    holder: opponent,
                    event: EventIx(i),
                },
            );
        }
        if let Some(origin) = &e.origin
            && holds.unknown_at(origin, at)
        {
            holds.add(
                origin,
                Hold {
                    from: at,
                    holder: actor,
                    event: EventIx(i),
                },
            );
        }
    }
    holds
}

/// The first event of a kind, by time.
fn first_of(events: &[Event], kind: EventKind) -> Option<(Minutes, EventIx)> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind)
        .map(|(i, e)| (start_of(e), EventIx(i)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
}

impl Timeline {
    /// Builds the timeline. Events that name a place `places` does not hold, or have no
    /// date, are left out and reported, so the rest of the story still shows.
    pub fn new(events: &[Event], places: &PlaceSet) -> (Timeline, Vec<DataError>) {
        let (events, issues) = usable(events, places);
        let stops = stops_of(&events);
        let map_start = stops
            .iter()
            .find(|s| !s.background)
            .map_or(f64::NEG_INFINITY, |s| s.instant);
        let holds = holds_of(&events, places, map_start);
        let mut timeline = Timeline {
            announced: first_of(&events, EventKind::CeasefireAnnounced),
            effective: first_of(&events, EventKind::CeasefireEffective),
            events,
            stops,
            holds,
            offensives: Vec::new(),
        };
        timeline.offensives = timeline.build_offensives(places);
        (timeline, issues)
    }

    /// Where an offensive's arrow starts: the origin the text gives, else the nearest place
    /// the attacker holds when it starts.
    fn origin_of(
        &self,
        e: &Event,
        target: &PlaceId,
        start: Minutes,
        places: &PlaceSet,
    ) -> (Option<PlaceId>, bool) {
        if let Some(o) = &e.origin {
            return (Some(o.clone()), true);
        }
        let target_xy = places.get(target).map(|p| (p.lon, p.lat));
        let nearest = self
            .holds
            .0
            .iter()
            .map(|(p, _)| p)
            .filter(|p| *p != target)
            .filter(|p| e.actor.is_some() && self.holds.holder_at(p, start).map(|h| h.0) == e.actor)
            .filter_map(|p| places.get(p).map(|pl| (p, (pl.lon, pl.lat))))
            .min_by(|a, b| {
                let t = target_xy.unwrap_or(a.1);
                distance2(a.1, t).total_cmp(&distance2(b.1, t))
            })
            .map(|(p, _)| p.clone());
        (nearest, false)
    }

    /// When an offensive ends: its target falls to the attacker, its stated origin falls to
    /// another side, or a ceasefire takes effect.
    fn end_of(
        &self,
        e: &Event,
        target: &PlaceId,
        origin: Option<&PlaceId>,
        start: Minutes,
    ) -> Minutes {
        let mut end = f64::INFINITY;
        for c in &self.events {
            let at = start_of(c);
            if c.kind != EventKind::Capture || at < start {
                continue;
            }
            let target_taken = c.place.as_ref() == Some(target) && c.actor == e.actor && at > start;
            let origin_lost = origin.is_some() && c.place.as_ref() == origin && c.actor != e.actor;
            if target_taken || origin_lost {
                end = end.min(at);
            }
        }
        if let Some((at, _)) = self.effective.filter(|(at, _)| *at >= start) {
            end = end.min(at);
        }
        end
    }

    fn build_offensives(&self, places: &PlaceSet) -> Vec<Offensive> {
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let (EventKind::Offensive, Some(target)) = (e.kind, &e.place) else {
                    return None;
                };
                let start = start_of(e);
                let (origin, origin_stated) = self.origin_of(e, target, start, places);
                let stated = origin.as_ref().filter(|_| origin_stated);
                let end = self.end_of(e, target, stated, start);
                Some(Offensive {
                    event: EventIx(i),
                    actor: e.actor,
                    target: target.clone(),
                    origin,
                    origin_stated,
                    start,
                    end,
                })
            })
            .collect()
    }

    /// The events, as given (less any left out for naming unknown places or lacking dates).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn event(&self, i: EventIx) -> Option<&Event> {
        self.events.get(i.0)
    }

    pub fn stops(&self) -> &[Stop] {
        &self.stops
    }

    pub fn stop(&self, k: StopIx) -> Option<&Stop> {
        self.stops.get(k.0)
    }

    /// The stop holding an event, by the event's id.
    pub fn stop_of_event(&self, id: &EventId) -> Option<StopIx> {
        let i = EventIx(self.events.iter().position(|e| &e.id == id)?);
        self.stops
            .iter()
            .position(|s| s.events.contains(&i))
            .map(StopIx)
    }

    /// The last stop at or before `t`.
    pub fn stop_at(&self, t: Minutes) -> Option<StopIx> {
        self.stops.iter().rposition(|s| s.instant <= t).map(StopIx)
    }

    /// The instant at a slider position: stop `k` at position `k`, straight lines between.
    pub fn instant_at(&self, position: f64) -> Minutes {
        let n = self.stops.len();
        if n == 0 || !position.is_finite() {
            return 0.0;
        }
        let p = position.clamp(0.0, (n - 1) as f64);
        let k = p.floor() as usize;
        match (self.stops.get(k), self.stops.get(k + 1)) {
            (Some(a), Some(b)) => a.instant + (b.instant - a.instant) * (p - k as f64),
            (Some(a), None) => a.instant,
            _ => 0.0,
        }
    }

    /// The slider position of an instant (the inverse of [`Timeline::instant_at`]), clamped
    /// to the story.
    pub fn position_of(&self, t: Minutes) -> f64 {
        let Some(k) = self.stops.iter().rposition(|s| s.instant <= t) else {
            return 0.0;
        };
        match (self.stops.get(k), self.stops.get(k + 1)) {
            (Some(a), Some(b)) if b.instant > a.instant => {
                k as f64 + (t - a.instant) / (b.instant - a.instant)
            }
            _ => k as f64,
        }
    }

    /// The instant of the stop before `x` (for the approach animations): the last stop
    /// strictly earlier, or a day before when there is none.
    fn approach_start(&self, x: Minutes) -> Minutes {
        self.stops
            .iter()
            .rev()
            .find(|s| s.instant < x)
            .map_or(x - DAY, |s| s.instant)
    }

    /// How far `t` is through the approach to `x`: 0 at the stop before, 1 at `x`.
    fn approach(&self, t: Minutes, x: Minutes) -> f64 {
        if t >= x {
            return 1.0;
        }
        let a = self.approach_start(x);
        if t <= a || x <= a {
            0.0
        } else {
            (t - a) / (x - a)
        }
    }

    fn arrows_at(&self, t: Minutes) -> Vec<ArrowState> {
        self.offensives
            .iter()
            .filter_map(|o| {
                let origin = o.origin.clone()?;
                if t >= o.end {
                    return None;
                }
                let progress = self.approach(t, o.start);
                if progress <= 0.0 {
                    return None;
                }
                let opacity = if o.end.is_finite() {
                    1.0 - self.approach(t, o.end)
                } else {
                    1.0
                };
                Some(ArrowState {
                    event: o.event,
                    actor: o.actor,
                    from: origin,
                    to: o.target.clone(),
                    origin_stated: o.origin_stated,
                    progress,
                    opacity,
                })
            })
            .collect()
    }

    fn places_at(&self, t: Minutes, caption: &[EventIx]) -> Vec<PlaceState> {
        self.holds
            .0
            .iter()
            .map(|(place, holds)| {
                let held = held_at(holds, t);
                let control = held.map(|h| h.0);
                let contesting = self.offensives.iter().find(|o| {
                    &o.target == place
                        && o.start <= t
                        && t < o.end
                        && control.is_some()
                        && control != o.actor
                });
                let changed = caption
                    .iter()
                    .filter_map(|&i| self.event(i))
                    .any(|e| e.kind == EventKind::Capture && e.place.as_ref() == Some(place));
                let claimed = held
                    .and_then(|h| self.event(h.1))
                    .is_some_and(|e| e.kind == EventKind::Capture && e.status == Status::Claimed);
                PlaceState {
                    place: place.clone(),
                    control,
                    control_event: held.map(|h| h.1),
                    claimed,
                    contested: contesting.is_some(),
                    contested_by: contesting.map(|o| o.event),
                    changed,
                }
            })
            .collect()
    }

    fn strikes_at(&self, t: Minutes) -> Vec<StrikeState> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.is_strike())
            .filter_map(|(i, e)| {
                let at = start_of(e);
                let place = e.place.clone()?;
                let progress = self.approach(t, at);
                (progress > 0.0 && t < at + e.date.map_or(0.0, period)).then(|| StrikeState {
                    event: EventIx(i),
                    place,
                    count: e.strike_marks(),
                    actor: e.actor,
                    progress,
                })
            })
            .collect()
    }

    fn ceasefire_at(&self, t: Minutes) -> CeasefireState {
        match (self.announced, self.effective) {
            (_, Some((at, i))) if t >= at => CeasefireState::InEffect { effective: i },
            (Some((at, i)), effective) if t >= at => CeasefireState::Announced {
                announced: i,
                effective: effective.map(|e| e.1),
            },
            _ => CeasefireState::None,
        }
    }

    /// Everything the map shows at instant `t`.
    pub fn frame_at(&self, t: Minutes) -> Frame {
        let stop = self.stop_at(t);
        let caption = stop
            .and_then(|s| self.stop(s))
            .map(|s| s.events.clone())
            .unwrap_or_default();
        Frame {
            instant: t,
            stop,
            places: self.places_at(t, &caption),
            arrows: self.arrows_at(t),
            strikes: self.strikes_at(t),
            ceasefire: self.ceasefire_at(t),
            caption,
        }
    }

    /// Every arrow and strike the story ever shows, at full strength: what the map must be
    /// able to draw, and what the legend must explain.
    pub fn all_marks(&self) -> (Vec<ArrowState>, Vec<StrikeState>) {
        let arrows = self
            .offensives
            .iter()
            .filter_map(|o| {
                Some(ArrowState {
                    event: o.event,
                    actor: o.actor,
                    from: o.origin.clone()?,
                    to: o.target.clone(),
                    origin_stated: o.origin_stated,
                    progress: 1.0,
                    opacity: 1.0,
                })
            })
            .collect();
        let strikes = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind.is_strike())
            .filter_map(|(i, e)| {
                Some(StrikeState {
                    event: EventIx(i),
                    place: e.place.clone()?,
                    count: e.strike_marks(),
                    actor: e.actor,
                    progress: 1.0,
                })
            })
            .collect();
        (arrows, strikes)
    }
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::data::places::parse_places;
    use crate::model::Extraction;

    fn seed() -> (Timeline, Vec<DataError>) {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let x: Extraction =
            crate::data::events::parse_events(include_str!("../../../../assets/events.json"))
                .unwrap();
        Timeline::new(&x.events, &places)
    }

    fn pid(id: &str) -> PlaceId {
        PlaceId::new(id)
    }

    fn at(date: &str) -> Minutes {
        date.parse::<When>().unwrap().start()
    }

    fn control(f: &Frame, place: &str) -> Option<&'static str> {
        f.place(&PlaceId::new(place))
            .unwrap()
            .control
            .map(Actor::id)
    }

    #[test]
    fn the_seed_story_has_its_stops_in_order_with_2011_as_background() {
        let (tl, issues) = seed();
        assert!(issues.is_empty(), "{issues:?}");
        let dates: Vec<String> = tl.stops().iter().map(|s| s.date.to_string()).collect();
        assert_eq!(
            dates,
            [
                "2011",
                "2019-04",
                "2020-01",
                "2020-06-05",
                "2020-06-06",
                "2020-06-08T16:00Z"
            ]
        );
        assert!(tl.stops()[0].background);
        assert!(tl.stops()[1..].iter().all(|s| !s.background));
        assert_eq!(tl.stops()[5].local_time.as_deref(), Some("18:00"));
    }

    #[test]
    fn tarhuna_changes_hands_on_5_june_and_bani_walid_on_6_june() {
        let (tl, _) = seed();
        assert_eq!(
            control(&tl.frame_at(at("2020-06-04")), "tarhuna"),
            Some("lna")
        );
        assert_eq!(
            control(&tl.frame_at(at("2020-06-05")), "tarhuna"),
            Some("gna")
        );
        assert_eq!(
            control(&tl.frame_at(at("2020-06-05")), "bani_walid"),
            Some("lna")
        );
        assert_eq!(
            control(&tl.frame_at(at("2020-06-06")), "bani_walid"),
            Some("gna")
        );
        let f = tl.frame_at(at("2020-06-05"));
        assert!(f.place(&pid("tarhuna")).unwrap().changed);
        assert!(!f.place(&pid("bani_walid")).unwrap().changed);
        // Before the map starts nobody is said to hold anything.
        assert_eq!(control(&tl.frame_at(at("2011")), "tarhuna"), None);
    }

    #[test]
    fn sirte_is_lna_from_january_and_contested_from_the_offensive_until_the_ceasefire() {
        let (tl, _) = seed();
        assert_eq!(control(&tl.frame_at(at("2019-04")), "sirte"), None);
        let jan = tl.frame_at(at("2020-01"));
        assert_eq!(control(&jan, "sirte"), Some("lna"));
        assert!(!jan.place(&pid("sirte")).unwrap().contested);
        let june6 = tl.frame_at(at("2020-06-06"));
        assert_eq!(
            control(&june6, "sirte"),
            Some("lna"),
            "contested, not changed hands"
        );
        assert!(june6.place(&pid("sirte")).unwrap().contested);
        assert!(
            tl.frame_at(at("2020-06-07"))
                .place(&pid("sirte"))
                .unwrap()
                .contested
        );
        let after = tl.frame_at(at("2020-06-08T16:00Z"));
        assert!(!after.place(&pid("sirte")).unwrap().contested);
    }

    #[test]
    fn tripoli_is_held_by_the_gna_under_the_lna_offensive_until_tarhuna_falls() {
        let (tl, _) = seed();
        let f = tl.frame_at(at("2019-04"));
        assert_eq!(control(&f, "tripoli"), Some("gna"));
        assert!(f.place(&pid("tripoli")).unwrap().contested);
        assert!(
            !tl.frame_at(at("2020-06-05"))
                .place(&pid("tripoli"))
                .unwrap()
                .contested
        );
    }

    #[test]
    fn the_tarhuna_tripoli_arrow_runs_until_5_june() {
        let (tl, _) = seed();
        for date in ["2019-04", "2020-01", "2020-06-04"] {
            let f = tl.frame_at(at(date));
            let a = f
                .arrows
                .iter()
                .find(|a| a.to.as_str() == "tripoli")
                .unwrap_or_else(|| panic!("{date}"));
            assert_eq!(
                (a.from.as_str(), a.actor, a.origin_stated),
                ("tarhuna", Some(Actor::Lna), true)
            );
            assert_eq!(a.progress, 1.0);
        }
        assert!(
            tl.frame_at(at("2020-06-05"))
                .arrows
                .iter()
                .all(|a| a.to.as_str() != "tripoli")
        );
        // It fades on the way to 5 June.
        let fading = tl.frame_at((at("2020-01") + at("2020-06-05")) / 2.0);
        let a = fading
            .arrows
            .iter()
            .find(|a| a.to.as_str() == "tripoli")
            .unwrap();
        assert!(a.opacity > 0.0 && a.opacity < 1.0);
        // And draws on during the approach to April 2019.
        let drawing = tl.frame_at((at("2011") + at("2019-04")) / 2.0);
        let a = drawing
            .arrows
            .iter()
            .find(|a| a.to.as_str() == "tripoli")
            .unwrap();
        assert!(a.progress > 0.0 && a.progress < 1.0);
    }

    #[test]
    fn the_arrow_towards_sirte_runs_from_6_june_from_the_nearest_gna_town() {
        let (tl, _) = seed();
        assert!(
            tl.frame_at(at("2020-06-05"))
                .arrows
                .iter()
                .all(|a| a.to.as_str() != "sirte")
        );
        let f = tl.frame_at(at("2020-06-06"));
        let a = f.arrows.iter().find(|a| a.to.as_str() == "sirte").unwrap();
        assert_eq!(
            (a.from.as_str(), a.actor, a.origin_stated),
            ("bani_walid", Some(Actor::Gna), false)
        );
        assert!(tl.frame_at(at("2020-06-08T16:00Z")).arrows.is_empty());
    }

    #[test]
    fn five_strikes_burst_over_sirte_on_6_june_only() {
        let (tl, _) = seed();
        let f = tl.frame_at(at("2020-06-06"));
        assert_eq!(f.strikes.len(), 1);
        assert_eq!(
            (f.strikes[0].place.as_str(), f.strikes[0].count),
            ("sirte", 5)
        );
        assert!(tl.frame_at(at("2020-06-07")).strikes.is_empty());
        assert!(tl.frame_at(at("2020-06-05")).strikes.is_empty());
    }

    #[test]
    fn the_ceasefire_is_announced_on_6_june_and_holds_from_16_00_gmt_on_8_june() {
        let (tl, _) = seed();
        assert_eq!(
            tl.frame_at(at("2020-06-05")).ceasefire,
            CeasefireState::None
        );
        assert!(matches!(
            tl.frame_at(at("2020-06-06")).ceasefire,
            CeasefireState::Announced { .. }
        ));
        assert!(matches!(
            tl.frame_at(at("2020-06-08T15:59Z")).ceasefire,
            CeasefireState::Announced { .. }
        ));
        assert!(matches!(
            tl.frame_at(at("2020-06-08T16:00Z")).ceasefire,
            CeasefireState::InEffect { .. }
        ));
    }

    #[test]
    fn captions_are_the_events_of_the_current_stop() {
        let (tl, _) = seed();
        let f = tl.frame_at(at("2020-06-05"));
        let kinds: Vec<_> = f.caption.iter().map(|&i| tl.events()[i.0].kind).collect();
        assert_eq!(kinds, [EventKind::Capture]);
        assert!(tl.frame_at(at("2000")).caption.is_empty());
        assert_eq!(
            tl.stop_of_event(&tl.events()[f.caption[0].0].id),
            Some(StopIx(3))
        );
    }

    #[test]
    fn positions_and_instants_invert_each_other() {
        let (tl, _) = seed();
        for p in [0.0, 0.5, 1.0, 2.25, 4.9, 5.0] {
            let t = tl.instant_at(p);
            assert!((tl.position_of(t) - p).abs() < 1e-9, "{p}");
        }
        assert_eq!(tl.instant_at(-3.0), tl.stops()[0].instant);
        assert_eq!(tl.instant_at(99.0), tl.stops()[5].instant);
        assert_eq!(tl.position_of(0.0), 0.0);
    }

    #[test]
    fn an_event_at_an_unknown_place_is_reported_and_left_out() {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let mut x: Extraction =
            crate::data::events::parse_events(include_str!("../../../../assets/events.json"))
                .unwrap();
        x.events[0].place = Some(PlaceId::new("atlantis"));
        let (tl, issues) = Timeline::new(&x.events, &places);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].to_string().contains("'atlantis'"),
            "{}",
            issues[0]
        );
        assert_eq!(tl.events().len(), x.events.len() - 1);
    }

    #[test]
    fn no_events_is_an_empty_story() {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let (tl, issues) = Timeline::new(&[], &places);
        assert!(issues.is_empty() && tl.stops().is_empty());
        let f = tl.frame_at(0.0);
        assert!(f.arrows.is_empty() && f.caption.is_empty() && f.stop.is_none());
        assert_eq!(tl.instant_at(0.5), 0.0);
    }
}
