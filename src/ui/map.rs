//! The SVG map: basemap, boundary, places, and — when there is a story — who holds what,
//! offensive arrows and air strikes at the current frame. It lays itself out for the width
//! of its container; every shape comes from [`BaseScene`] and the timeline's [`Frame`].

use crate::geodata::{Basemap, PlaceSet};
use crate::geometry::{Fixed, px};
use crate::model::{Actor, PlaceRole};
use crate::scene::{BaseScene, Label, arrow_shape, burst, burst_mark, marker_path, side_class};
use crate::timeline::{Frame, Timeline};
use crate::web::use_element_width;
use leptos::prelude::*;
use std::sync::Arc;

/// A text label with a halo, so it reads over land, sea and lines alike.
fn label_view(label: &Label, class: &'static str) -> impl IntoView + use<> {
    view! {
        <text
            class=class
            x=px(label.x).to_string()
            y=px(label.y).to_string()
            text-anchor=label.anchor.svg()
            font-size=px(label.size).to_string()
        >
            {label.text.clone()}
        </text>
    }
}

/// The map of the story's places over the basemap, with the story's state at `frame`.
#[component]
pub fn MapView(
    /// The story's places and boundaries.
    places: Arc<PlaceSet>,
    /// Country outlines; the map still draws (over plain sea) without them.
    basemap: Option<Arc<Basemap>>,
    /// The story, when `events.json` loaded.
    #[prop(optional)]
    timeline: Option<Arc<Timeline>>,
    /// The story's state to show; without it the map shows places only.
    #[prop(optional, into)]
    frame: Option<Signal<Frame>>,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = use_element_width(container);
    let scene = Memo::new(move |_| {
        let w = width.get();
        (w > 0.0)
            .then(|| BaseScene::build(&places, basemap.as_deref(), w))
            .flatten()
            .map(Arc::new)
    });

    view! {
        <div class="map-frame" node_ref=container>
            {move || scene.get().map(|s| scene_view(s, timeline.clone(), frame))}
        </div>
    }
}

fn scene_view(
    s: Arc<BaseScene>,
    timeline: Option<Arc<Timeline>>,
    frame: Option<Signal<Frame>>,
) -> impl IntoView {
    let (w, h) = (s.viewport.width, s.viewport.height);
    let (ws, hs) = (px(w).to_string(), px(h).to_string());
    let names: Vec<&str> = s.places.iter().map(|p| p.name.as_str()).collect();
    let lines: Vec<&str> = s.boundaries.iter().map(|b| b.name.as_str()).collect();
    let description = format!(
        "Map of {}{}{}. The list of events says the same in words.",
        names.join(", "),
        if lines.is_empty() { "" } else { ". " },
        lines.join(". ")
    );
    let land = s
        .land
        .iter()
        .map(|l| {
            let class = if l.focus { "land focus" } else { "land" };
            view! { <path class=class d=l.d.clone()><title>{l.name.clone()}</title></path> }
        })
        .collect_view();
    let boundaries = s
        .boundaries
        .iter()
        .map(|b| {
            view! {
                <g class="boundary-group">
                    <path class="boundary" data-testid="boundary" d=b.d.clone() />
                    {label_view(&b.label, "boundary-label")}
                    {b.sides.iter().map(|l| label_view(l, "region-label")).collect_view()}
                </g>
            }
        })
        .collect_view();
    let places = s.places.iter().map(|p| place_view(p, frame)).collect_view();
    let story = frame
        .zip(timeline)
        .map(|(frame, timeline)| story_layers(s.clone(), timeline, frame));
    let attribution = (!s.attribution.is_empty()).then(|| {
        view! {
            <text class="attribution" x=px(w - 6.0).to_string() y=px(h - 6.0).to_string() text-anchor="end">
                {s.attribution.clone()}
            </text>
        }
    });

    view! {
        <svg
            data-testid="map"
            class="map"
            viewBox=format!("0 0 {} {}", ws, hs)
            width=ws.clone()
            height=hs.clone()
            role="img"
            aria-label=description
        >
            <rect class="sea" width=ws.clone() height=hs.clone() />
            <g class="basemap">{land}</g>
            {boundaries}
            {story}
            <g class="places">{places}</g>
            {attribution}
        </svg>
    }
}

/// One place: a marker whose shape and colour say who holds it (circle GNA, square LNA,
/// hollow diamond unknown), a dashed ring when contested, and its name.
fn place_view(p: &crate::scene::PlaceMark, frame: Option<Signal<Frame>>) -> impl IntoView + use<> {
    let id = p.id.clone();
    let (x, y) = (p.x, p.y);
    let story = p.role == PlaceRole::Story;
    let r = if story { 6.5 } else { 3.5 };
    let state = move || {
        let id = id.clone();
        frame.and_then(|f| f.with(|f| f.place(id.as_str()).cloned()))
    };
    let state = Memo::new(move |_| state());
    let control = move || state.with(|s| s.as_ref().and_then(|s| s.control));
    let contested = move || state.with(|s| s.as_ref().is_some_and(|s| s.contested));
    let changed = move || state.with(|s| s.as_ref().is_some_and(|s| s.changed));
    let class = move || {
        let role = if story { "story" } else { "context" };
        let side = if story {
            side_class(control())
        } else {
            "context"
        };
        format!(
            "place {role} {side}{}",
            if changed() { " changed" } else { "" }
        )
    };
    view! {
        <g
            class=class
            data-testid=format!("place-{}", p.id)
            data-control=move || { if story { control().map_or("unknown", Actor::id) } else { "none" } }
            data-contested=move || { if contested() { "true" } else { "false" } }
        >
            <circle class="contest-ring" cx=px(x).to_string() cy=px(y).to_string() r=px(r + 6.0).to_string() visibility=move || { if contested() { "visible" } else { "hidden" } } />
            <circle class="pulse-ring" cx=px(x).to_string() cy=px(y).to_string() r=px(r + 2.0).to_string() />
            <path class="marker" d=move || marker_path(if story { control() } else { Some(Actor::Other) }, x, y, r) />
            {p.label.as_ref().map(|l| label_view(l, "place-label"))}
        </g>
    }
}

/// Arrows and strike bursts of the current frame. Each is drawn when it appears (the set
/// changes only at a few points of the story); only its progress and opacity follow the
/// frame.
fn story_layers(s: Arc<BaseScene>, timeline: Arc<Timeline>, frame: Signal<Frame>) -> impl IntoView {
    let arrows = Memo::new(move |_| {
        frame.with(|f| {
            f.arrows
                .iter()
                .map(|a| {
                    (
                        a.event,
                        a.from.clone(),
                        a.to.clone(),
                        a.actor,
                        a.origin_stated,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let strikes = Memo::new(move |_| {
        frame.with(|f| {
            f.strikes
                .iter()
                .map(|st| (st.event, st.place.clone(), st.count, st.actor))
                .collect::<Vec<_>>()
        })
    });
    let arrow_scene = s.clone();
    let arrow_timeline = timeline.clone();
    let arrow_views = move || {
        arrows
            .get()
            .into_iter()
            .filter_map(|(event, from, to, actor, origin_stated)| {
                let shape = arrow_scene
                    .place(&from)
                    .zip(arrow_scene.place(&to))
                    .and_then(|(a, b)| arrow_shape((a.x, a.y), (b.x, b.y)))?;
                let state = Memo::new(move |_| {
                    frame.with(|f| f.arrows.iter().find(|a| a.event == event).map_or((0.0, 0.0), |a| (a.progress, a.opacity)))
                });
                let class = format!("arrow {}{}", side_class(actor), if origin_stated { "" } else { " inferred" });
                Some(view! {
                    <g
                        class=class
                        data-testid=format!("arrow-{}", event_id(&arrow_timeline, event))
                        data-progress=move || Fixed(state.get().0, 2).to_string()
                        opacity=move || Fixed(state.get().1, 2).to_string()
                    >
                        <path class="shaft" d=shape.d pathLength="1" stroke-dasharray="1 1" stroke-dashoffset=move || Fixed(1.0 - state.get().0, 3).to_string() />
                        <polygon class="head" points=shape.head visibility=move || { if state.get().0 >= 0.98 { "visible" } else { "hidden" } } />
                    </g>
                })
            })
            .collect_view()
    };
    let strike_views = move || {
        strikes
            .get()
            .into_iter()
            .map(|(event, place, count, actor)| {
                let marks = s.place(&place).map(|at| burst((at.x, at.y), count, 21.0)).unwrap_or_default();
                let progress = Memo::new(move |_| {
                    frame.with(|f| f.strikes.iter().find(|st| st.event == event).map_or(0.0, |st| st.progress))
                });
                view! {
                    <g
                        class=format!("strike {}", side_class(actor))
                        data-testid=format!("strike-{}", event_id(&timeline, event))
                        data-count=count.to_string()
                        opacity=move || Fixed(progress.get(), 2).to_string()
                    >
                        {marks.into_iter().map(|(x, y)| view! { <path class="burst" d=burst_mark(x, y, 7.0) /> }).collect_view()}
                    </g>
                }
            })
            .collect_view()
    };
    view! {
        <g class="arrows">{arrow_views}</g>
        <g class="strikes">{strike_views}</g>
    }
}

/// An event's id, for test ids.
fn event_id(timeline: &Timeline, i: usize) -> String {
    timeline
        .events()
        .get(i)
        .map(|e| e.id.clone())
        .unwrap_or_default()
}
