//! The SVG map: basemap, boundary, places, and — when there is a story — who holds what,
//! offensive arrows and air strikes at the current frame.
//!
//! The component only measures its container and wires two effects: one draws the map for
//! the container's width ([`BaseScene`] says what goes where), the other applies each
//! [`Frame`] of the story to the drawn elements. Drawing goes straight to the DOM through
//! [`crate::web::svg`]: the map is a few hundred nodes of which a frame of playback changes a
//! few attributes, and a view tree of it cost four times the code.

use crate::web::svg::{El, Svg};
use crate::web::{console_error, use_element_width};
use leptos::prelude::*;
use newsmap_core::data::places::{Basemap, PlaceSet};
use newsmap_core::map::geometry::{Fixed, px};
use newsmap_core::map::layout::{
    BaseScene, Label, PlaceMark, arrow_shape, burst, burst_mark, marker_path, side_class,
};
use newsmap_core::model::{Actor, PlaceRole};
use newsmap_core::story::timeline::{ArrowState, Frame, StrikeState, Timeline};
use std::sync::Arc;

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
    let drawn = StoredValue::new_local(None::<Drawing>);

    // Draw for each width, then show the current frame at once.
    Effect::new(move |_| {
        let w = width.get();
        let Some(target) = container.get() else {
            return;
        };
        let Some(scene) = (w > 0.0)
            .then(|| BaseScene::build(&places, basemap.as_deref(), w))
            .flatten()
        else {
            return;
        };
        let mut drawing = Drawing::draw(&target, scene, timeline.clone());
        if drawing.is_none() {
            console_error("newsmap: the map's SVG elements could not be created");
        }
        if let (Some(d), Some(frame)) = (drawing.as_mut(), frame) {
            frame.with_untracked(|f| d.show(f));
        }
        drawn.set_value(drawing);
    });
    // Follow the story.
    Effect::new(move |_| {
        if let Some(frame) = frame {
            frame.with(|f| drawn.update_value(|d| d.iter_mut().for_each(|d| d.show(f))));
        }
    });

    view! { <div class="map-frame" node_ref=container></div> }
}

/// The drawn map, and the elements that follow the story.
struct Drawing {
    painter: Painter,
    places: Vec<DrawnPlace>,
    /// `<g class="arrows">` and `<g class="strikes">`, when there is a story.
    layers: Option<(El, El)>,
    /// The arrows and strikes on the map, by event.
    arrows: Vec<(usize, DrawnArrow)>,
    strikes: Vec<(usize, DrawnStrike)>,
}

/// What drawing a story mark needs: the document, the layout and the events.
struct Painter {
    svg: Svg,
    scene: BaseScene,
    timeline: Option<Arc<Timeline>>,
}

struct DrawnPlace {
    mark: PlaceMark,
    group: El,
    ring: El,
    marker: El,
    /// What the elements show: holder, contested, changed at this stop.
    shown: Option<(Option<Actor>, bool, bool)>,
}

struct DrawnArrow {
    group: El,
    shaft: El,
    head: El,
    /// Progress and opacity as written, in hundredths.
    shown: Option<(i32, i32)>,
}

struct DrawnStrike {
    group: El,
    /// Opacity as written, in hundredths.
    shown: Option<i32>,
}

impl Drawing {
    /// Draws the base map into `target` (replacing what was there).
    fn draw(
        target: &web_sys::Element,
        scene: BaseScene,
        timeline: Option<Arc<Timeline>>,
    ) -> Option<Drawing> {
        let svg = Svg::new()?;
        let s = &scene;
        let (ws, hs) = (
            px(s.viewport.width).to_string(),
            px(s.viewport.height).to_string(),
        );
        let root = svg
            .el("svg")?
            .attr("data-testid", "map")
            .attr("class", "map")
            .attr("viewBox", &format!("0 0 {ws} {hs}"))
            .attr("width", &ws)
            .attr("height", &hs)
            .attr("role", "img")
            .attr("aria-label", &description(s));
        root.append(
            &svg.el("rect")?
                .attr("class", "sea")
                .attr("width", &ws)
                .attr("height", &hs),
        );

        let land = svg.el("g")?.attr("class", "basemap");
        for l in &s.land {
            let class = if l.focus { "land focus" } else { "land" };
            let title = svg.el("title")?.text(&l.name);
            land.append(
                &svg.el("path")?
                    .attr("class", class)
                    .attr("d", &l.d)
                    .child(Some(title)),
            );
        }
        root.append(&land);

        for b in &s.boundaries {
            let group = svg.el("g")?.attr("class", "boundary-group");
            group.append(
                &svg.el("path")?
                    .attr("class", "boundary")
                    .attr("data-testid", "boundary")
                    .attr("d", &b.d),
            );
            group.append(&label(&svg, &b.label, "boundary-label")?);
            for side in &b.sides {
                group.append(&label(&svg, side, "region-label")?);
            }
            root.append(&group);
        }

        let layers = match timeline {
            Some(_) => {
                let layers = (
                    svg.el("g")?.attr("class", "arrows"),
                    svg.el("g")?.attr("class", "strikes"),
                );
                root.append(&layers.0);
                root.append(&layers.1);
                Some(layers)
            }
            None => None,
        };

        let marks = svg.el("g")?.attr("class", "places");
        let mut places = Vec::with_capacity(s.places.len());
        for p in &s.places {
            let drawn = DrawnPlace::draw(&svg, p)?;
            marks.append(&drawn.group);
            places.push(drawn);
        }
        root.append(&marks);

        if !s.attribution.is_empty() {
            root.append(
                &svg.el("text")?
                    .attr("class", "attribution")
                    .attr("x", &px(s.viewport.width - 6.0).to_string())
                    .attr("y", &px(s.viewport.height - 6.0).to_string())
                    .attr("text-anchor", "end")
                    .text(&s.attribution),
            );
        }

        root.replace_children_of(target);
        Some(Drawing {
            painter: Painter {
                svg,
                scene,
                timeline,
            },
            places,
            layers,
            arrows: Vec::new(),
            strikes: Vec::new(),
        })
    }

    /// Shows the story's state at `frame`, writing only what changed.
    fn show(&mut self, frame: &Frame) {
        for p in &mut self.places {
            p.show(frame);
        }
        if let Some((arrow_layer, strike_layer)) = &self.layers {
            let painter = &self.painter;
            follow(&mut self.arrows, &frame.arrows, arrow_layer, |a| {
                painter.arrow(a)
            });
            follow(&mut self.strikes, &frame.strikes, strike_layer, |s| {
                painter.strike(s)
            });
        }
    }
}

/// An arrow or a burst of strikes: drawn when its event enters the frame, updated while it
/// stays, removed when it leaves.
trait Mark {
    type State;
    fn event(state: &Self::State) -> usize;
    fn group(&self) -> &El;
    fn show(&mut self, state: &Self::State);
}

/// Keeps the marks drawn in `layer` in step with the frame's `states`. They appear and go at
/// a few points of the story; in between only their progress and opacity change.
fn follow<M: Mark>(
    marks: &mut Vec<(usize, M)>,
    states: &[M::State],
    layer: &El,
    draw: impl Fn(&M::State) -> Option<M>,
) {
    marks.retain(|(event, mark)| {
        let stays = states.iter().any(|s| M::event(s) == *event);
        if !stays {
            mark.group().remove();
        }
        stays
    });
    for state in states {
        let event = M::event(state);
        let known = marks.iter().position(|(e, _)| *e == event);
        let index = match known {
            Some(i) => i,
            None => {
                let Some(mark) = draw(state) else { continue };
                layer.append(mark.group());
                marks.push((event, mark));
                marks.len() - 1
            }
        };
        marks[index].1.show(state);
    }
}

impl Painter {
    /// An event's id, for test ids.
    fn event_id(&self, event: usize) -> &str {
        self.timeline
            .as_ref()
            .and_then(|t| t.events().get(event))
            .map_or("", |e| e.id.as_str())
    }

    fn arrow(&self, a: &ArrowState) -> Option<DrawnArrow> {
        let (from, to) = (self.scene.place(&a.from)?, self.scene.place(&a.to)?);
        let shape = arrow_shape((from.x, from.y), (to.x, to.y))?;
        let inferred = if a.origin_stated { "" } else { " inferred" };
        let shaft = self
            .svg
            .el("path")?
            .attr("class", "shaft")
            .attr("d", &shape.d)
            .attr("pathLength", "1")
            .attr("stroke-dasharray", "1 1");
        let head = self
            .svg
            .el("polygon")?
            .attr("class", "head")
            .attr("points", &shape.head);
        let group = self
            .svg
            .el("g")?
            .attr("class", &format!("arrow {}{inferred}", side_class(a.actor)))
            .attr("data-testid", &format!("arrow-{}", self.event_id(a.event)));
        group.append(&shaft);
        group.append(&head);
        Some(DrawnArrow {
            group,
            shaft,
            head,
            shown: None,
        })
    }

    fn strike(&self, st: &StrikeState) -> Option<DrawnStrike> {
        let at = self.scene.place(&st.place)?;
        let group = self
            .svg
            .el("g")?
            .attr("class", &format!("strike {}", side_class(st.actor)))
            .attr(
                "data-testid",
                &format!("strike-{}", self.event_id(st.event)),
            )
            .attr("data-count", &st.count.to_string());
        for (x, y) in burst((at.x, at.y), st.count, 21.0) {
            group.append(
                &self
                    .svg
                    .el("path")?
                    .attr("class", "burst")
                    .attr("d", &burst_mark(x, y, 7.0)),
            );
        }
        Some(DrawnStrike { group, shown: None })
    }
}

impl DrawnPlace {
    /// One place: a marker whose shape and colour say who holds it (circle GNA, square LNA,
    /// hollow diamond unknown), a dashed ring when contested, and its name.
    fn draw(svg: &Svg, p: &PlaceMark) -> Option<DrawnPlace> {
        let r = marker_radius(p);
        let (cx, cy) = (px(p.x).to_string(), px(p.y).to_string());
        let ring = svg
            .el("circle")?
            .attr("class", "contest-ring")
            .attr("cx", &cx)
            .attr("cy", &cy)
            .attr("r", &px(r + 6.0).to_string());
        let pulse = svg
            .el("circle")?
            .attr("class", "pulse-ring")
            .attr("cx", &cx)
            .attr("cy", &cy)
            .attr("r", &px(r + 2.0).to_string());
        let marker = svg.el("path")?.attr("class", "marker");
        let group = svg.el("g")?.attr("data-testid", &format!("place-{}", p.id));
        group.append(&ring);
        group.append(&pulse);
        group.append(&marker);
        if let Some(l) = &p.label {
            group.append(&label(svg, l, "place-label")?);
        }
        let mut drawn = DrawnPlace {
            mark: p.clone(),
            group,
            ring,
            marker,
            shown: None,
        };
        drawn.set_state((None, false, false));
        Some(drawn)
    }

    fn show(&mut self, frame: &Frame) {
        let state = frame
            .place(self.mark.id.as_str())
            .map_or((None, false, false), |s| {
                (s.control, s.contested, s.changed)
            });
        if self.shown != Some(state) {
            self.set_state(state);
        }
    }

    fn set_state(&mut self, state: (Option<Actor>, bool, bool)) {
        let story = self.mark.role == PlaceRole::Story;
        self.shown = Some(state);
        let (control, contested, changed) = state;
        let (role, side, holder) = if story {
            (
                "story",
                side_class(control),
                control.map_or("unknown", Actor::id),
            )
        } else {
            ("context", "context", "none")
        };
        let changed = if changed { " changed" } else { "" };
        self.group
            .set("class", &format!("place {role} {side}{changed}"));
        self.group.set("data-control", holder);
        self.group
            .set("data-contested", if contested { "true" } else { "false" });
        self.ring
            .set("visibility", if contested { "visible" } else { "hidden" });
        let shape = if story { control } else { Some(Actor::Other) };
        let (x, y, r) = (self.mark.x, self.mark.y, marker_radius(&self.mark));
        self.marker.set("d", &marker_path(shape, x, y, r));
    }
}

impl Mark for DrawnArrow {
    type State = ArrowState;

    fn event(a: &ArrowState) -> usize {
        a.event
    }

    fn group(&self) -> &El {
        &self.group
    }

    fn show(&mut self, a: &ArrowState) {
        let shown = Some((hundredths(a.progress), hundredths(a.opacity)));
        if self.shown == shown {
            return;
        }
        self.group
            .set("data-progress", &Fixed(a.progress, 2).to_string());
        self.group.set("opacity", &Fixed(a.opacity, 2).to_string());
        self.shaft
            .set("stroke-dashoffset", &Fixed(1.0 - a.progress, 3).to_string());
        let head = if a.progress >= 0.98 {
            "visible"
        } else {
            "hidden"
        };
        self.head.set("visibility", head);
        self.shown = shown;
    }
}

impl Mark for DrawnStrike {
    type State = StrikeState;

    fn event(st: &StrikeState) -> usize {
        st.event
    }

    fn group(&self) -> &El {
        &self.group
    }

    fn show(&mut self, st: &StrikeState) {
        let shown = Some(hundredths(st.progress));
        if self.shown != shown {
            self.group
                .set("opacity", &Fixed(st.progress, 2).to_string());
            self.shown = shown;
        }
    }
}

/// A value in [0, 1] to the precision the map writes it (two decimals): frames that would
/// write the same attribute write nothing.
fn hundredths(v: f64) -> i32 {
    (v * 100.0).round() as i32
}

/// Story towns get the larger marker.
fn marker_radius(p: &PlaceMark) -> f64 {
    if p.role == PlaceRole::Story { 6.5 } else { 3.5 }
}

/// A text label with a halo, so it reads over land, sea and lines alike.
fn label(svg: &Svg, label: &Label, class: &str) -> Option<El> {
    Some(
        svg.el("text")?
            .attr("class", class)
            .attr("x", &px(label.x).to_string())
            .attr("y", &px(label.y).to_string())
            .attr("text-anchor", label.anchor.svg())
            .attr("font-size", &px(label.size).to_string())
            .text(&label.text),
    )
}

/// What the map shows, in words, for its `aria-label`.
fn description(s: &BaseScene) -> String {
    let names: Vec<&str> = s.places.iter().map(|p| p.name.as_str()).collect();
    let lines: Vec<&str> = s.boundaries.iter().map(|b| b.name.as_str()).collect();
    format!(
        "Map of {}{}{}. The list of events says the same in words.",
        names.join(", "),
        if lines.is_empty() { "" } else { ". " },
        lines.join(". ")
    )
}
