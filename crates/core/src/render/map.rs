//! The map, drawn: one routine for the prerendered page, the static snapshot and the desk's
//! preview, to any [`Sink`].
//!
//! The page carries one SVG per layout class ([`LAYOUTS`]): the layout is computed for the
//! class's design width, and the SVG scales to the width the page gives it (less than 1.3×),
//! so labels keep their size and never collide at any width; CSS shows the class that fits
//! the map's container. Land and boundaries are drawn once, in degree units, and placed in
//! each class by a transform. Every arrow and strike mark the story ever shows is drawn, and
//! a frame only changes attributes: [`place_look`], [`arrow_look`] and [`strike_look`] say
//! which, for the prerender and for the browser alike.

use super::markup::Sink;
use crate::data::places::{Basemap, PlaceSet};
use crate::map::geometry::{Fixed, path_data, px};
use crate::map::layout::{
    BaseScene, Label, Marks, PlaceMark, STRIKE_MARK, burst_mark, marker_path, side_class,
};
use crate::map::orientation::{Locator, ScaleBar};
use crate::model::{Actor, PlaceId, PlaceRole};
use crate::story::reading::Story;
use crate::story::timeline::{ArrowState, Frame, PlaceState, StrikeState};
use crate::story::words::{Lang, Ui, Words};

/// The design widths of the map's layout classes, narrowest first: a container from one
/// width up to the next shows the layout of the first, scaled up by less than 1.3×.
pub const LAYOUTS: [f64; 5] = [296.0, 380.0, 490.0, 640.0, 830.0];

/// The class whose layout a container of `width` pixels shows.
pub fn layout_for(width: f64) -> f64 {
    LAYOUTS
        .iter()
        .rev()
        .find(|w| width >= **w)
        .copied()
        .unwrap_or(LAYOUTS[0])
}

/// Story towns get the larger marker.
pub fn marker_radius(role: PlaceRole) -> f64 {
    if role == PlaceRole::Story { 6.5 } else { 3.5 }
}

/// How a place looks at a frame: its classes and attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceLook {
    pub class: String,
    /// `data-control`: the holder's id, `unknown`, or `none` for a context place.
    pub control: &'static str,
    pub contested: bool,
    pub claimed: bool,
    /// The marker's path, centred on the place's point.
    pub marker: String,
}

/// A place's look at a frame. `state` is `None` for a place the story does not track.
pub fn place_look(role: PlaceRole, state: Option<&PlaceState>) -> PlaceLook {
    let story = role == PlaceRole::Story;
    let control = state.and_then(|s| s.control);
    let contested = state.is_some_and(|s| s.contested);
    let changed = state.is_some_and(|s| s.changed);
    let claimed = state.is_some_and(|s| s.claimed);
    let (role_class, side, holder) = if story {
        (
            "story",
            side_class(control),
            control.map_or("unknown", Actor::id),
        )
    } else {
        ("context", "context", "none")
    };
    let mut class = format!("place {role_class} {side}");
    if changed {
        class.push_str(" changed");
    }
    if claimed {
        class.push_str(" claimed");
    }
    let shape = if story { control } else { Some(Actor::Other) };
    PlaceLook {
        class,
        control: holder,
        contested,
        claimed,
        marker: marker_path(shape, 0.0, 0.0, marker_radius(role)),
    }
}

/// How an arrow looks at a frame (`None`: not running).
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowLook {
    pub visible: bool,
    pub progress: String,
    pub opacity: String,
    pub dashoffset: String,
    pub head_visible: bool,
}

pub fn arrow_look(state: Option<&ArrowState>) -> ArrowLook {
    let (progress, opacity) = state.map_or((0.0, 0.0), |a| (a.progress, a.opacity));
    ArrowLook {
        visible: state.is_some(),
        progress: Fixed(progress, 2).to_string(),
        opacity: Fixed(opacity, 2).to_string(),
        dashoffset: Fixed(1.0 - progress, 3).to_string(),
        head_visible: progress >= 0.98,
    }
}

/// How a burst of strikes looks at a frame (`None`: not in the frame).
#[derive(Debug, Clone, PartialEq)]
pub struct StrikeLook {
    pub visible: bool,
    pub opacity: String,
}

pub fn strike_look(state: Option<&StrikeState>) -> StrikeLook {
    StrikeLook {
        visible: state.is_some(),
        opacity: Fixed(state.map_or(0.0, |s| s.progress), 2).to_string(),
    }
}

fn visibility(visible: bool) -> &'static str {
    if visible { "visible" } else { "hidden" }
}

/// The layouts of one width, in both languages: positions are the same, labels are placed for
/// each language's names.
#[derive(Debug, Clone)]
pub struct Layout {
    pub width: f64,
    pub en: BaseScene,
    pub ar: BaseScene,
}

impl Layout {
    /// Both languages' layouts for a width, with room for every mark of `story`.
    pub fn build(
        places: &PlaceSet,
        basemap: Option<&Basemap>,
        width: f64,
        story: Option<&Story>,
    ) -> Option<Layout> {
        let (arrows, strikes) = story.map(|s| s.timeline().all_marks()).unwrap_or_default();
        let room = Marks {
            arrows: &arrows,
            strikes: &strikes,
        };
        Some(Layout {
            width,
            en: BaseScene::build(places, basemap, width, &Words::new(Lang::En), room)?,
            ar: BaseScene::build(places, basemap, width, &Words::new(Lang::Ar), room)?,
        })
    }
}

/// Decimals of the shared paths' degree units: about 100 m.
const UNIT_DECIMALS: u8 = 3;

/// Land and boundary paths in degree units, drawn once and used by every layout.
pub fn draw_shared_shapes(
    sink: &mut impl Sink,
    places: &PlaceSet,
    basemap: Option<&Basemap>,
    layout: &Layout,
) {
    let v = &layout.en.viewport;
    sink.open("defs", &[]);
    if let Some(b) = basemap {
        for (i, c) in b.countries.iter().enumerate() {
            let mut d = String::new();
            for ring in c.polygons.iter().flatten() {
                let points = ring.iter().map(|&(lon, lat)| v.units(lon, lat));
                path_data(points, true, UNIT_DECIMALS, &mut d);
            }
            sink.void(
                "path",
                &[
                    ("id", &format!("land-{i}")),
                    ("d", &d),
                    ("vector-effect", "non-scaling-stroke"),
                ],
            );
        }
    }
    for b in &places.boundaries {
        let mut d = String::new();
        let points = b.line.iter().map(|&(lon, lat)| v.units(lon, lat));
        path_data(points, false, UNIT_DECIMALS, &mut d);
        sink.void(
            "path",
            &[
                ("id", &format!("line-{}", b.id)),
                ("d", &d),
                ("vector-effect", "non-scaling-stroke"),
            ],
        );
    }
    sink.close();
}

fn matrix(m: [f64; 6]) -> String {
    let [a, b, c, d, e, f] = m;
    format!(
        "matrix({} {} {} {} {} {})",
        Fixed(a, 3),
        Fixed(b, 3),
        Fixed(c, 3),
        Fixed(d, 3),
        px(e),
        px(f)
    )
}

/// What a layout draws of the story: the frame to show, and every mark the story has.
pub struct StoryMarks<'a> {
    pub story: &'a Story,
    pub frame: &'a Frame,
    pub words: &'a Words,
}

/// One layout's SVG: sea, land and boundary (from the shared shapes), the story's arrows and
/// strikes, the places with their labels in both languages, the credit.
pub fn draw_layout(
    sink: &mut impl Sink,
    places: &PlaceSet,
    basemap: Option<&Basemap>,
    layout: &Layout,
    marks: Option<&StoryMarks>,
) {
    let s = &layout.en;
    let (ws, hs) = (
        px(s.viewport.width).to_string(),
        px(s.viewport.height).to_string(),
    );
    let words = marks.map_or(Words::new(Lang::En), |m| *m.words);
    sink.open(
        "svg",
        &[
            ("class", "map"),
            ("data-testid", "map"),
            ("data-layout", &px(layout.width).to_string()),
            ("viewBox", &format!("0 0 {ws} {hs}")),
            ("width", &ws),
            ("height", &hs),
            ("role", "img"),
            ("aria-label", &description(places, &words)),
        ],
    );
    sink.void("rect", &[("class", "sea"), ("width", &ws), ("height", &hs)]);
    let units = matrix(s.viewport.matrix());
    if let Some(b) = basemap {
        sink.open("g", &[("class", "basemap"), ("transform", &units)]);
        for (i, c) in b.countries.iter().enumerate() {
            let class = if c.focus { "land focus" } else { "land" };
            sink.open("use", &[("href", &format!("#land-{i}")), ("class", class)]);
            sink.leaf("title", &[], &c.name);
            sink.close();
        }
        sink.close();
    }
    draw_geo_labels(sink, layout);
    draw_boundaries(sink, layout, &units);
    if let Some(m) = marks {
        draw_arrows(sink, s, m);
        draw_strikes(sink, s, m);
    }
    sink.open("g", &[("class", "places")]);
    for (p, ar) in s.places.iter().zip(&layout.ar.places) {
        let state = marks.and_then(|m| m.frame.place(&p.id));
        draw_place(sink, p, ar.label.as_ref(), state);
    }
    sink.close();
    if let (Some(l), Some(b)) = (&s.locator, basemap) {
        draw_locator(sink, l, b, &words);
    }
    if let (Some(bar), Some(bar_ar)) = (&s.scale_bar, &layout.ar.scale_bar) {
        draw_scale_bar(sink, bar, bar_ar);
    }
    if !s.attribution.is_empty() {
        sink.leaf(
            "text",
            &[
                ("class", "attribution"),
                ("x", &px(s.viewport.width - 6.0).to_string()),
                ("y", &px(s.viewport.height - 6.0).to_string()),
                ("text-anchor", "end"),
            ],
            &s.attribution,
        );
    }
    sink.close();
}

fn draw_boundaries(sink: &mut impl Sink, layout: &Layout, units: &str) {
    for (b, b_ar) in layout.en.boundaries.iter().zip(&layout.ar.boundaries) {
        sink.open("g", &[("class", "boundary-group")]);
        sink.void(
            "use",
            &[
                ("href", &format!("#line-{}", b.id)),
                ("class", "boundary"),
                ("data-testid", "boundary"),
                ("transform", units),
            ],
        );
        if let Some(l) = &b.label {
            let testid = format!("label-boundary-{}", b.id);
            label_pair(
                sink,
                l,
                b_ar.label.as_ref(),
                "boundary-label",
                None,
                Some(&testid),
            );
        }
        for (i, side) in b.sides.iter().enumerate() {
            let testid = format!("label-region-{}-{i}", b.id);
            let ar = b_ar.sides.get(i);
            label_pair(sink, side, ar, "region-label", None, Some(&testid));
        }
        sink.close();
    }
}

fn draw_arrows(sink: &mut impl Sink, s: &BaseScene, m: &StoryMarks) {
    sink.open("g", &[("class", "arrows")]);
    for a in &s.arrows {
        let (event, shape) = (a.state.event, &a.shape);
        let id = m
            .story
            .event(event)
            .map(|e| e.id.to_string())
            .unwrap_or_default();
        let look = arrow_look(m.frame.arrows.iter().find(|x| x.event == event));
        let inferred = if a.state.origin_stated {
            ""
        } else {
            " inferred"
        };
        sink.open(
            "g",
            &[
                (
                    "class",
                    &format!("arrow {}{inferred}", side_class(a.state.actor)),
                ),
                ("data-testid", &format!("arrow-{id}")),
                ("data-progress", &look.progress),
                ("opacity", &look.opacity),
                ("visibility", visibility(look.visible)),
            ],
        );
        sink.void(
            "path",
            &[
                ("class", "shaft"),
                ("d", &shape.d),
                ("pathLength", "1"),
                ("stroke-dasharray", "1 1"),
                ("stroke-dashoffset", &look.dashoffset),
            ],
        );
        sink.void(
            "polygon",
            &[
                ("class", "head"),
                ("points", &shape.head),
                ("visibility", visibility(look.visible && look.head_visible)),
            ],
        );
        sink.close();
    }
    sink.close();
}

fn draw_strikes(sink: &mut impl Sink, s: &BaseScene, m: &StoryMarks) {
    sink.open("g", &[("class", "strikes")]);
    for st in &s.strikes {
        let event = m.story.event(st.state.event);
        let id = event.map(|e| e.id.to_string()).unwrap_or_default();
        let kind = event.map_or("airstrike", |e| e.kind.id());
        let look = strike_look(m.frame.strikes.iter().find(|x| x.event == st.state.event));
        sink.open(
            "g",
            &[
                (
                    "class",
                    &format!("strike {kind} {}", side_class(st.state.actor)),
                ),
                ("data-testid", &format!("strike-{id}")),
                ("data-count", &st.state.count.to_string()),
                ("opacity", &look.opacity),
                ("visibility", visibility(look.visible)),
            ],
        );
        for &(x, y) in &st.marks {
            sink.void(
                "path",
                &[("class", "burst"), ("d", &burst_mark(x, y, STRIKE_MARK))],
            );
        }
        sink.close();
    }
    sink.close();
}

/// The names of the countries and seas, in both languages.
fn draw_geo_labels(sink: &mut impl Sink, layout: &Layout) {
    sink.open("g", &[("class", "geo-labels")]);
    for (lang, labels) in [("en", &layout.en.geo_labels), ("ar", &layout.ar.geo_labels)] {
        for g in labels {
            let class = format!("geo-label {}", g.kind);
            label_text(sink, &g.label, lang, &class, (0.0, 0.0), Some("geo-label"));
        }
    }
    sink.close();
}

/// The locator inset: the basemap's countries small (the shared shapes again), the map's
/// frame on them.
fn draw_locator(sink: &mut impl Sink, l: &Locator, basemap: &Basemap, words: &Words) {
    let r = &l.rect;
    sink.open(
        "g",
        &[
            ("class", "locator"),
            ("data-testid", "locator"),
            (
                "transform",
                &format!("translate({} {})", px(r.x0), px(r.y0)),
            ),
        ],
    );
    sink.leaf("title", &[], words.ui(Ui::Locator));
    let (w, h) = (px(r.x1 - r.x0).to_string(), px(r.y1 - r.y0).to_string());
    sink.void(
        "rect",
        &[("class", "locator-sea"), ("width", &w), ("height", &h)],
    );
    sink.open("g", &[("transform", &matrix(l.matrix))]);
    for (i, c) in basemap.countries.iter().enumerate() {
        let class = if c.focus { "land focus" } else { "land" };
        sink.void("use", &[("href", &format!("#land-{i}")), ("class", class)]);
    }
    sink.close();
    let f = &l.frame;
    sink.void(
        "rect",
        &[
            ("class", "locator-frame"),
            ("x", &px(f.x0).to_string()),
            ("y", &px(f.y0).to_string()),
            ("width", &px(f.x1 - f.x0).to_string()),
            ("height", &px(f.y1 - f.y0).to_string()),
        ],
    );
    sink.void(
        "rect",
        &[("class", "locator-edge"), ("width", &w), ("height", &h)],
    );
    sink.close();
}

/// The scale bar: a line with end ticks and its distance, in both languages.
fn draw_scale_bar(sink: &mut impl Sink, bar: &ScaleBar, bar_ar: &ScaleBar) {
    sink.open(
        "g",
        &[
            ("class", "scale-bar"),
            ("data-testid", "scale-bar"),
            ("data-km", &bar.km.to_string()),
        ],
    );
    let (x0, x1, y) = (bar.x, bar.x + bar.length, bar.y);
    let d = format!(
        "M{} {}V{}H{}V{}",
        px(x0),
        px(y - 4.0),
        px(y),
        px(x1),
        px(y - 4.0)
    );
    sink.void("path", &[("class", "scale-line"), ("d", &d)]);
    label_pair(
        sink,
        &bar.label,
        Some(&bar_ar.label),
        "scale-label",
        None,
        None,
    );
    sink.close();
}

/// One place: a marker whose shape and colour say who holds it (circle GNA, square LNA,
/// hollow diamond unknown), a dashed ring when contested, a ring that pulses when it changes
/// hands, and its name in both languages.
fn draw_place(
    sink: &mut impl Sink,
    p: &PlaceMark,
    label_ar: Option<&Label>,
    state: Option<&PlaceState>,
) {
    let look = place_look(p.role, state);
    let r = marker_radius(p.role);
    sink.open(
        "g",
        &[
            ("class", &look.class),
            ("data-testid", &format!("place-{}", p.id)),
            ("data-control", look.control),
            (
                "data-contested",
                if look.contested { "true" } else { "false" },
            ),
            ("transform", &format!("translate({} {})", px(p.x), px(p.y))),
        ],
    );
    sink.void(
        "circle",
        &[
            ("class", "contest-ring"),
            ("r", &px(r + 6.0).to_string()),
            ("visibility", visibility(look.contested)),
        ],
    );
    sink.void(
        "circle",
        &[("class", "pulse-ring"), ("r", &px(r + 2.0).to_string())],
    );
    sink.void("path", &[("class", "marker"), ("d", &look.marker)]);
    if let Some(l) = &p.label {
        label_pair(
            sink,
            l,
            label_ar,
            "place-label",
            Some((p.x, p.y, &p.id)),
            None,
        );
    }
    sink.close();
}

/// A label in English and in Arabic (CSS shows the page's language). `at`: the point a place
/// label is drawn relative to, with the place's id for its test id; else `testid`.
fn label_pair(
    sink: &mut impl Sink,
    en: &Label,
    ar: Option<&Label>,
    class: &str,
    at: Option<(f64, f64, &PlaceId)>,
    testid: Option<&str>,
) {
    let origin = at.map_or((0.0, 0.0), |(x, y, _)| (x, y));
    let place_testid = at.map(|(_, _, id)| format!("label-{id}"));
    let testid = place_testid.as_deref().or(testid);
    label_text(sink, en, "en", class, origin, testid);
    if let Some(ar) = ar {
        label_text(sink, ar, "ar", class, origin, testid);
    }
}

/// One label's text in one language, drawn relative to `origin`, with its leader line.
fn label_text(
    sink: &mut impl Sink,
    l: &Label,
    lang: &str,
    class: &str,
    origin: (f64, f64),
    testid: Option<&str>,
) {
    let (x0, y0) = origin;
    if let Some(((ax, ay), (bx, by))) = l.leader {
        let d = format!(
            "M{} {}L{} {}",
            px(ax - x0),
            px(ay - y0),
            px(bx - x0),
            px(by - y0)
        );
        sink.void("path", &[("class", "leader"), ("lang", lang), ("d", &d)]);
    }
    let mut attrs = vec![
        ("class", class.to_owned()),
        ("lang", lang.to_owned()),
        ("x", px(l.x - x0).to_string()),
        ("y", px(l.y - y0).to_string()),
        ("text-anchor", l.anchor.svg().to_owned()),
        ("font-size", px(l.size).to_string()),
    ];
    if let Some(t) = testid {
        attrs.push(("data-testid", t.to_owned()));
    }
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    sink.leaf("text", &attrs, &l.text);
}

/// What the map shows, in words, for its `aria-label`.
fn description(places: &PlaceSet, words: &Words) -> String {
    let names: Vec<String> = places
        .places
        .iter()
        .map(|p| words.place(places, &p.id))
        .collect();
    format!("{} {}.", words.ui(Ui::MapDescription), names.join(", "))
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::render::markup::Markup;

    #[test]
    fn every_container_width_maps_to_a_layout_scaled_by_less_than_a_third() {
        // The map column is at most about 1080 px wide (the page's max-width is 1600 px,
        // of which the map takes 2.2 parts in 3.2).
        for w in (296..=1080).step_by(7) {
            let w = f64::from(w);
            let l = layout_for(w);
            assert!(l <= w && w / l < 1.31, "{w} → {l}");
        }
        assert_eq!(layout_for(100.0), LAYOUTS[0]);
    }

    #[test]
    fn a_layout_draws_every_mark_of_the_story_and_the_frame_sets_their_state() {
        let (data, _) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        let (places, basemap) = (data.places.clone().unwrap(), data.basemap.clone());
        let story = Story::new(data.timeline.unwrap(), places.clone());
        let layout = Layout::build(&places, basemap.as_ref(), 640.0, Some(&story)).unwrap();
        let words = Words::new(Lang::En);
        let frame = story.frame_at(0.0);
        let mut m = Markup::default();
        let marks = StoryMarks {
            story: &story,
            frame: &frame,
            words: &words,
        };
        draw_layout(&mut m, &places, basemap.as_ref(), &layout, Some(&marks));
        let svg = m.into_string();
        assert!(
            svg.contains("data-testid=\"arrow-e12\"") && svg.contains("data-testid=\"strike-e7\"")
        );
        // At the opening stop (2011) no arrow runs and nobody holds a town.
        assert!(!svg.contains("visibility=\"visible\" opacity"));
        assert!(svg.contains("data-testid=\"place-tarhuna\" data-control=\"unknown\""));
        assert_eq!(
            svg.matches("data-testid=\"label-tripoli\"").count(),
            2,
            "en and ar"
        );
        assert!(svg.contains(">طرابلس</text>"));
    }

    #[test]
    fn looks_follow_the_state() {
        let look = arrow_look(None);
        assert!(!look.visible && !look.head_visible);
        let p = place_look(PlaceRole::Story, None);
        assert_eq!(
            (p.control, p.class.as_str()),
            ("unknown", "place story unknown")
        );
        assert_eq!(place_look(PlaceRole::Context, None).control, "none");
    }
}
