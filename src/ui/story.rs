//! The story view: the map at the slider's date, the controls that move it, the caption that
//! quotes the article, the legend, and the events as a list (the map's text equivalent).

use super::map::MapView;
use crate::web::{console_warn, location, use_media_query, use_raf_fn};
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use newsmap_core::data::places::{Basemap, PlaceSet};
use newsmap_core::host::options::Options;
use newsmap_core::model::EventKind;
use newsmap_core::model::date::{Date, When};
use newsmap_core::story::timeline::{CeasefireState, Frame, Stop, Timeline};
use newsmap_core::story::words::{date_label, headline, short_date_label};
use std::sync::Arc;

/// Milliseconds of playback per stop.
const MS_PER_STOP: f64 = 2000.0;

/// How long the story rests on a stop before the URL follows.
const URL_SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// The day an instant falls on (UTC).
fn day_of(t: newsmap_core::story::timeline::Instant) -> Date {
    Date::from_days_since_epoch(
        (t / newsmap_core::model::date::MINUTES_PER_DAY as f64).floor() as i64,
    )
}

/// The label of a stop.
fn stop_label(stop: &Stop) -> String {
    date_label(stop.date, stop.local_time.as_deref())
}

/// What a stop says, for the slider's spoken value and the live region:
/// "5 June 2020: GNA takes Tarhuna from LNA".
fn stop_summary(timeline: &Timeline, places: &PlaceSet, stop: &Stop) -> String {
    let events: Vec<String> = stop
        .events
        .iter()
        .filter_map(|&i| timeline.events().get(i))
        .map(|e| headline(e, places))
        .collect();
    format!(
        "{}: {}",
        short_date_label(stop.date, stop.local_time.as_deref()),
        events.join("; ")
    )
}

/// The slider position the query string asks for; warnings for what cannot be used.
fn initial_position(timeline: &Timeline, options: &Options) -> (f64, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some(id) = &options.event {
        match timeline.stop_of_event(id) {
            Some(stop) => return (stop as f64, warnings),
            None => warnings.push(format!(
                "?event={id}: the story has no such event; opening at the start"
            )),
        }
    }
    if let Some(date) = options.date {
        let stops = timeline.stops();
        let (first, last) = (
            stops.first().map(|s| s.instant),
            stops.last().map(|s| s.instant),
        );
        let t = date.start() as f64;
        match (first, last) {
            (Some(a), Some(b))
                if t >= a && t <= b + (newsmap_core::model::date::MINUTES_PER_DAY as f64) =>
            {
                return (timeline.position_of(t), warnings);
            }
            _ => warnings.push(format!(
                "?date={date}: outside the story; opening at the start"
            )),
        }
    }
    (0.0, warnings)
}

/// The story: map, controls, caption, legend, event list.
#[component]
pub fn Story(
    places: Arc<PlaceSet>,
    basemap: Option<Arc<Basemap>>,
    timeline: Arc<Timeline>,
    options: Options,
) -> impl IntoView {
    let n = timeline.stops().len();
    let last = n.saturating_sub(1) as f64;
    let (start, warnings) = initial_position(&timeline, &options);
    for w in warnings {
        console_warn(&format!("newsmap: {w}"));
    }

    let position = RwSignal::new(start);
    let reduced_motion = use_media_query("(prefers-reduced-motion: reduce)");
    let tl = timeline.clone();
    let frame: Memo<Frame> = Memo::new(move |_| tl.frame_at(tl.instant_at(position.get())));
    let stop = Memo::new(move |_| frame.with(|f| f.stop));

    // Playback: smooth between stops, or a step every two seconds when motion is reduced.
    let waited = StoredValue::new(0.0_f64);
    let player = use_raf_fn(move |dt| {
        let p = position.get_untracked();
        let next = if reduced_motion.get_untracked() {
            let w = waited.get_value() + dt;
            if w >= MS_PER_STOP {
                waited.set_value(0.0);
                (p.floor() + 1.0).min(last)
            } else {
                waited.set_value(w);
                p
            }
        } else {
            (p + dt / MS_PER_STOP).min(last)
        };
        if next != p {
            position.set(next);
        }
        next < last
    });
    let playing = player.is_active();
    if options.autoplay && n > 1 {
        player.resume();
    }

    // The URL follows the reader: not on the first render (which came from the URL), not
    // during playback (only where it stops), and only once the reader settles — rewriting
    // history costs a millisecond, and browsers throttle pages that do it on every key press.
    // The effect's value is the stop last written.
    let url_timeline = timeline.clone();
    let pending_url = StoredValue::new(None::<TimeoutHandle>);
    let cancel_url = move || {
        if let Some(pending) = pending_url.try_update_value(Option::take).flatten() {
            pending.clear();
        }
    };
    on_cleanup(cancel_url);
    Effect::new(move |written: Option<Option<usize>>| {
        let current = stop.get();
        let written = written.unwrap_or(current);
        if playing.get() {
            cancel_url();
            return written;
        }
        if written == current {
            return written;
        }
        if let Some(date) = current
            .and_then(|i| url_timeline.stops().get(i))
            .map(|s| s.date)
        {
            cancel_url();
            let write = move || {
                location::replace_query(&[("date", Some(&date.to_string())), ("event", None)])
            };
            pending_url.set_value(set_timeout_with_handle(write, URL_SETTLE).ok());
        }
        current
    });

    let go_to = move |index: usize| {
        player.pause();
        waited.set_value(0.0);
        position.set(index as f64);
    };
    let toggle = move |_| {
        if playing.get_untracked() {
            player.pause();
        } else {
            if position.get_untracked() >= last {
                position.set(0.0);
            }
            waited.set_value(0.0);
            player.resume();
        }
    };

    // The date shown: the stop's, at its precision; or, for a deep link between stops
    // (?date=2020-06-07), that day — the map shows that day's state.
    let label_timeline = timeline.clone();
    let label = Memo::new(move |_| {
        let p = position.get();
        let between = p.fract() != 0.0 && !playing.get();
        let stop = stop.get().and_then(|i| label_timeline.stops().get(i));
        match (stop, between) {
            (Some(_), true) => date_label(When::Day(day_of(label_timeline.instant_at(p))), None),
            (Some(s), false) => stop_label(s),
            (None, _) => String::new(),
        }
    });
    let text_timeline = timeline.clone();
    let text_places = places.clone();
    let summary = Memo::new(move |_| {
        stop.get()
            .and_then(|i| text_timeline.stops().get(i))
            .map(|s| stop_summary(&text_timeline, &text_places, s))
            .unwrap_or_default()
    });

    let controls = options.controls.then(|| {
        view! {
            <div class="controls">
                <button
                    type="button"
                    class="play"
                    data-testid="play"
                    aria-pressed=move || { if playing.get() { "true" } else { "false" } }
                    on:click=toggle
                >
                    {move || if playing.get() { "❚❚ Pause" } else { "▶ Play" }}
                </button>
                <label class="slider">
                    <span class="visually-hidden">"Date in the story"</span>
                    <input
                        type="range"
                        data-testid="date-slider"
                        min="0"
                        max=n.saturating_sub(1).to_string()
                        step="1"
                        prop:value=move || (position.get().max(0.0).floor() as usize).to_string()
                        aria-valuetext=move || summary.get()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                go_to(v);
                            }
                        }
                    />
                </label>
                <output class="date-label" data-testid="date-label">{move || label.get()}</output>
            </div>
        }
    });
    let compact_label = (!options.controls)
        .then(|| view! { <p class="date-label" data-testid="date-label">{label}</p> });

    view! {
        <div class="story" class:compact=!options.controls>
            <div class="story-map">
                <CeasefireBanner timeline=timeline.clone() frame=frame />
                <MapView places=places.clone() basemap=basemap timeline=timeline.clone() frame=Signal::from(frame) />
                {controls}
                {compact_label}
            </div>
            <aside class="story-side">
                <Caption timeline=timeline.clone() places=places.clone() frame=frame />
                {options.controls.then(|| view! { <Legend /> })}
            </aside>
            {options.controls.then(|| view! {
                <div class="story-list">
                    <EventList timeline=timeline.clone() places=places.clone() current=stop on_choose=go_to />
                </div>
            })}
            <div class="visually-hidden" aria-live="polite" data-testid="announcer">{move || summary.get()}</div>
        </div>
    }
}

/// The ceasefire as it stands: a banner from the moment it takes effect, a note while it is
/// only announced.
#[component]
fn CeasefireBanner(timeline: Arc<Timeline>, frame: Memo<Frame>) -> impl IntoView {
    let when = move |i: usize| {
        timeline
            .events()
            .get(i)
            .and_then(|e| e.date.map(|d| date_label(d, e.local_time.as_deref())))
            .unwrap_or_default()
    };
    // A memo, so the banner is rebuilt when the ceasefire's state changes, not every frame.
    let state = Memo::new(move |_| frame.with(|f| f.ceasefire));
    move || match state.get() {
        CeasefireState::InEffect { effective } => view! {
            <p class="ceasefire in-effect" data-testid="ceasefire" role="status">
                <strong>"Ceasefire in effect"</strong>" since "{when(effective)}
            </p>
        }
        .into_any(),
        CeasefireState::Announced { effective, .. } => view! {
            <p class="ceasefire announced" data-testid="ceasefire-announced">
                "Ceasefire announced"
                {effective.map(|e| format!(", to take effect {}", when(e)))}
            </p>
        }
        .into_any(),
        CeasefireState::None => ().into_any(),
    }
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

/// What happened at the current stop, in the article's own words (as text, never HTML).
#[component]
fn Caption(timeline: Arc<Timeline>, places: Arc<PlaceSet>, frame: Memo<Frame>) -> impl IntoView {
    let stop = Memo::new(move |_| frame.with(|f| f.stop));
    view! {
        <section class="caption" data-testid="caption" aria-label="What happened">
            {move || {
                let Some(s) = stop.get().and_then(|i| timeline.stops().get(i)) else {
                    return view! { <p class="caption-empty">"Press play, or choose a date."</p> }.into_any();
                };
                let mut events: Vec<_> = s.events.iter().filter_map(|&i| timeline.events().get(i)).collect();
                // What changed the map first, then what was said.
                newsmap_core::sort::sort_by_key(&mut events, |e| map_order(e.kind));
                let items = events
                    .into_iter()
                    .map(|e| {
                        let also = e.also.iter().map(|q| view! { <blockquote class="also">{q.quote.clone()}</blockquote> }).collect_view();
                        view! {
                            <li class="caption-event" data-event=e.id.clone()>
                                <p class="headline">{headline(e, &places)}</p>
                                <blockquote>{e.quote.clone()}</blockquote>
                                <details class="provenance">
                                    <summary>"How the map knows"</summary>
                                    <p>
                                        "Date: "{e.date_basis.clone()}". Confidence "
                                        {format!("{}%", newsmap_core::map::geometry::Fixed(e.confidence * 100.0, 0))}"."
                                    </p>
                                    {(!e.also.is_empty()).then(|| view! { <p>"The article also says:"</p> })}
                                    {also}
                                </details>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 class="caption-date">{stop_label(s)}</h2>
                    {s.background.then(|| view! { <p class="background-note">"Background: before the period the map shows"</p> })}
                    <ul class="caption-events">{items}</ul>
                }
                .into_any()
            }}
        </section>
    }
}

/// The key to the map's symbols.
#[component]
fn Legend() -> impl IntoView {
    let swatch = |class: &'static str, d: &'static str| {
        view! { <svg class="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path class=class d=d /></svg> }
    };
    view! {
        <section class="legend" data-testid="legend" aria-label="Legend">
            <h2 class="visually-hidden">"Legend"</h2>
            <ul>
                <li>{swatch("marker gna", "M4 10a6 6 0 1 0 12 0a6 6 0 1 0-12 0Z")}"Held by the GNA (UN-recognised government)"</li>
                <li>{swatch("marker lna", "M4.7 4.7h10.6v10.6h-10.6Z")}"Held by the LNA (Haftar's forces)"</li>
                <li>{swatch("marker unknown", "M10 2.8L17.2 10L10 17.2L2.8 10Z")}"Holder not stated in the article"</li>
                <li>{swatch("contest-ring", "M2 10a8 8 0 1 0 16 0a8 8 0 1 0-16 0Z")}"Under attack"</li>
                <li>{swatch("legend-arrow", "M2 15Q10 3 17 8")}"Offensive, coloured by the attacker"</li>
                <li>{swatch("burst", "M10 3L11.5 8.5L17 10L11.5 11.5L10 17L8.5 11.5L3 10L8.5 8.5Z")}"Air strikes"</li>
                <li>{swatch("boundary", "M10 1V19")}"Traditional Tripolitania–Cyrenaica boundary (approximate)"</li>
            </ul>
        </section>
    }
}

/// The events in order: the map's content as text. Choosing one moves the story there.
#[component]
fn EventList(
    timeline: Arc<Timeline>,
    places: Arc<PlaceSet>,
    /// The current stop.
    current: Memo<Option<usize>>,
    /// Called with the stop to move to.
    on_choose: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let items = timeline
        .stops()
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.events.iter().map(move |&i| (k, i)))
        .filter_map(|(k, i)| timeline.events().get(i).map(|e| (k, e)))
        .map(|(k, e)| {
            let text = format!(
                "{}: {}",
                e.date
                    .map(|d| short_date_label(d, e.local_time.as_deref()))
                    .unwrap_or_default(),
                headline(e, &places)
            );
            view! {
                <li>
                    <button
                        type="button"
                        data-event=e.id.clone()
                        aria-current=move || (current.get() == Some(k)).then_some("step")
                        on:click=move |_| on_choose(k)
                    >
                        {text}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="events" aria-label="Events of the story">
            <h2>"What the article reports"</h2>
            <ol data-testid="event-list">{items}</ol>
        </section>
    }
}
