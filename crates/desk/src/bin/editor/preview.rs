//! The map as the reader will see it, at the chosen event's stop (or the one the desk picked,
//! or the end), drawn by the core's page routines into the DOM; a click on it puts down the
//! place the desk is placing.

use crate::desk::Desk;
use leptos::html;
use leptos::prelude::*;
use newsmap_core::data::places::PlaceSet;
use newsmap_core::model::{Article, Event, StopIx};
use newsmap_core::render::page::{self, Heading, Page};
use newsmap_core::story::words::{Lang, Words};
use newsmap_desk::editor::Msg;
use newsmap_desk::view;
use newsmap_web::dom::Dom;
use wasm_bindgen::JsCast;

/// What the preview draws: it is drawn anew only when one of these changes.
#[derive(Debug, Clone, PartialEq)]
struct Drawn {
    events: Vec<Event>,
    articles: Vec<Article>,
    places: PlaceSet,
    heading: Heading,
    lang: Lang,
    stop: usize,
}

/// The stops to choose from and what the timeline found wrong.
#[derive(Debug, Clone, PartialEq)]
struct Stops {
    labels: Vec<String>,
    at: usize,
    problems: Vec<String>,
}

/// The stops to choose from, the stop shown, and what the timeline found wrong.
fn stops_of(desk: Desk) -> Memo<Stops> {
    let words = Words::new(Lang::En);
    Memo::new(move |_| {
        desk.state.with(|e| {
            let (story, issues) = e.session.story();
            Stops {
                labels: story
                    .timeline()
                    .stops()
                    .iter()
                    .map(|s| story.stop_label(&words, s))
                    .collect(),
                at: view::preview_stop(e, &story),
                problems: issues
                    .iter()
                    .filter(|i| !i.is_warning())
                    .map(ToString::to_string)
                    .collect(),
            }
        })
    })
}

#[component]
pub fn Preview(desk: Desk) -> impl IntoView {
    let stops = stops_of(desk);
    let drawn = Memo::new(move |_| {
        desk.state.with(|e| Drawn {
            events: e.session.extraction.events.clone(),
            articles: newsmap_core::story::merge::as_written(&e.session.extraction).articles,
            places: e.session.places.clone(),
            heading: match e.preview_lang {
                Lang::En => e.session.heading.clone(),
                Lang::Ar => e.session.heading_ar.or(&e.session.heading),
            },
            lang: e.preview_lang,
            stop: stops.with(|s| s.at),
        })
    });
    let slot = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        let Some(slot) = slot.get() else { return };
        drawn.with(|d| draw(&slot, d, desk));
    });
    let lang = move || drawn.with(|d| d.lang);
    view! {
        <h2>"The map, as readers will see it"</h2>
        <p class="desk-hint">
            "A still: its slider and buttons work on the published page. Choose the date here."
        </p>
        <Choices desk stops/>
        {move || {
            stops.with(|s| {
                s.problems
                    .iter()
                    .map(|p| view! { <p class="problem">{p.clone()}</p> })
                    .collect_view()
            })
        }}
        <p class="desk-empty" hidden=move || stops.with(|s| !s.labels.is_empty())>
            "No dated event to draw yet."
        </p>
        <div
            class="desk-map"
            node_ref=slot
            lang=move || lang().id()
            dir=move || lang().dir()
            on:click=move |e| place_on_map(desk, &e)
        ></div>
    }
}

/// The stop the preview shows, and its language.
#[component]
fn Choices(desk: Desk, stops: Memo<Stops>) -> impl IntoView {
    view! {
        <label>
            "Show the map at "
            <select
                data-testid="editor-preview-stop"
                on:change:target=move |e| {
                    if let Ok(k) = e.target().value().parse() {
                        desk.send(Msg::ShowStop(k));
                    }
                }
            >
                {move || {
                    stops.with(|s| {
                        s.labels
                            .iter()
                            .enumerate()
                            .map(|(k, label)| {
                                view! { <option value=k selected=k == s.at>{label.clone()}</option> }
                            })
                            .collect_view()
                    })
                }}
            </select>
        </label>
        <label>
            " in "
            <select
                data-testid="editor-preview-lang"
                on:change:target=move |e| {
                    if let Some(lang) = Lang::from_id(&e.target().value()) {
                        desk.send(Msg::PreviewIn(lang));
                    }
                }
            >
                <option value="en">"English"</option>
                <option value="ar" lang="ar">"العربية"</option>
            </select>
        </label>
    }
}

/// Draws the reader's page for `d` into `slot`, in place of what was there.
fn draw(slot: &web_sys::HtmlDivElement, d: &Drawn, desk: Desk) {
    let words = &Words::new(d.lang);
    let Some(mut dom) = Dom::new() else { return };
    let (timeline, _) = newsmap_core::story::timeline::Timeline::new(&d.events, &d.places);
    let story = newsmap_core::story::reading::Story::new(timeline, d.places.clone())
        .with_articles(d.articles.clone());
    desk.basemap.with_value(|basemap| {
        page::page(
            &mut dom,
            &Page {
                heading: &d.heading,
                story: &story,
                basemap: basemap.as_ref(),
                words,
                position: StopIx(d.stop).position(),
                fingerprint: "",
                root: page::Root::Still,
            },
        );
    });
    dom.replace_children_of(slot);
}

/// A click on the preview's map while a place waits to be put down: where it lands.
fn place_on_map(desk: Desk, event: &web_sys::MouseEvent) {
    if desk.state.with_untracked(|e| e.placing.is_none()) {
        return;
    }
    let Some(svg) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("svg.map").ok().flatten())
    else {
        return;
    };
    // The layout's design width, which the SVG scales to its box.
    let Some(width) = svg
        .get_attribute("data-layout")
        .and_then(|w| w.parse::<f64>().ok())
    else {
        return;
    };
    let r = svg.get_bounding_client_rect();
    let view_w: f64 = svg
        .get_attribute("width")
        .and_then(|w| w.parse().ok())
        .unwrap_or(r.width());
    let k = view_w / r.width().max(1.0);
    let at = (
        (f64::from(event.client_x()) - r.left()) * k,
        (f64::from(event.client_y()) - r.top()) * k,
    );
    let point = desk.state.with_untracked(|e| {
        desk.basemap
            .with_value(|b| view::point_at(&e.session.places, b.as_ref(), width, at))
    });
    if let Some((lon, lat)) = point {
        desk.send(Msg::PlaceAt { lon, lat });
    }
}
