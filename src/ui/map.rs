//! The SVG map: basemap, boundary, places. It lays itself out for the width of its
//! container; everything it draws comes from a [`BaseScene`].

use crate::geodata::{Basemap, PlaceSet};
use crate::model::PlaceRole;
use crate::scene::{BaseScene, Label};
use crate::web::use_element_width;
use leptos::prelude::*;
use std::sync::Arc;

/// A text label with a halo, so it reads over land, sea and lines alike.
fn label_view(label: &Label, class: &'static str) -> impl IntoView + use<> {
    view! {
        <text
            class=class
            x=format!("{:.1}", label.x)
            y=format!("{:.1}", label.y)
            text-anchor=label.anchor.svg()
            font-size=format!("{}", label.size)
        >
            {label.text.clone()}
        </text>
    }
}

/// The map of the story's places over the basemap.
#[component]
pub fn MapView(
    /// The story's places and boundaries.
    places: Arc<PlaceSet>,
    /// Country outlines; the map still draws (over plain sea) without them.
    basemap: Option<Arc<Basemap>>,
) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    let width = use_element_width(frame);
    let scene = Memo::new(move |_| {
        let w = width.get();
        (w > 0.0)
            .then(|| BaseScene::build(&places, basemap.as_deref(), w))
            .flatten()
    });

    view! {
        <div class="map-frame" node_ref=frame>
            {move || scene.get().map(|s| scene_view(&s))}
        </div>
    }
}

fn scene_view(s: &BaseScene) -> impl IntoView + use<> {
    let (w, h) = (s.viewport.width, s.viewport.height);
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
    let places = s
        .places
        .iter()
        .map(|p| {
            let class = match p.role {
                PlaceRole::Story => "place story",
                PlaceRole::Context => "place context",
            };
            let r = if p.role == PlaceRole::Story { 6.0 } else { 3.5 };
            view! {
                <g class=class data-testid=format!("place-{}", p.id)>
                    <circle class="marker" cx=format!("{:.1}", p.x) cy=format!("{:.1}", p.y) r=r />
                    {p.label.as_ref().map(|l| label_view(l, "place-label"))}
                </g>
            }
        })
        .collect_view();
    let attribution = (!s.attribution.is_empty()).then(|| {
        view! {
            <text class="attribution" x=format!("{:.1}", w - 6.0) y=format!("{:.1}", h - 6.0) text-anchor="end">
                {s.attribution.clone()}
            </text>
        }
    });

    view! {
        <svg
            data-testid="map"
            class="map"
            viewBox=format!("0 0 {w} {h}")
            width=format!("{w}")
            height=format!("{h}")
            role="img"
            aria-label="Map of north-western Libya: Tripoli, Tarhuna, Bani Walid, Sirte and the traditional boundary between Tripolitania and Cyrenaica"
        >
            <rect class="sea" width=format!("{w}") height=format!("{h}") />
            <g class="basemap">{land}</g>
            {boundaries}
            <g class="places">{places}</g>
            {attribution}
        </svg>
    }
}
