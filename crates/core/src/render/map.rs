//! The map, drawn: one routine for the prerendered page, the static snapshot and the desk's
//! preview, to any [`Sink`].
//!
//! The page carries one SVG per layout class ([`LAYOUTS`]): the layout is computed for the
//! class's design width, and the SVG scales to the width the page gives it (less than 1.3×),
//! so labels keep their size and never collide at any width; CSS shows the class that fits
//! the map's container. Land and boundaries are drawn once, in degree units, and placed in
//! each class by a transform. Every arrow and strike mark the story ever shows is drawn, and
//! a frame only changes attributes: [`place_look`], [`arrow_look`] and [`strike_look`] give
//! them as a [`Look`], which the prerender and the browser app both write.

use super::markup::Sink;
use super::parts::Word;
use crate::data::places::{Basemap, PlaceSet};
use crate::map::geometry::{Fixed, path_data, px};
use crate::map::layout::{
    ATTRIBUTION_INSET, Anchor, ArrowShape, BaseScene, Label, Marks, PlaceMark, STRIKE_MARK,
};
use crate::map::orientation::{GeoKind, Locator, SCALE_TICK, ScaleBar};
use crate::model::{Actor, PlaceId, PlaceRole, Point};
use crate::story::reading::Story;
use crate::story::timeline::{ArrowState, Frame, PlaceState, StrikeState};
use crate::story::words::{Lang, Words};

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

/// How far the ring that marks a town under attack, and the one that pulses when it changes
/// hands, stand out from its marker.
const CONTEST_RING_GAP: f64 = 6.0;
const PULSE_RING_GAP: f64 = 2.0;

/// Story towns get the larger marker.
pub fn marker_radius(role: PlaceRole) -> f64 {
    if role == PlaceRole::Story { 6.5 } else { 3.5 }
}

/// The CSS class of the side holding a place or running an arrow: `gna`, `lna` or `unknown`
/// (shared by the live map and the snapshot, whose styles use the same names).
fn side_class(actor: Option<Actor>) -> &'static str {
    match actor {
        Some(Actor::Gna) => "gna",
        Some(Actor::Lna) => "lna",
        _ => "unknown",
    }
}

/// Half the side of the LNA's square marker, per pixel of the circle's radius: about √π / 2,
/// so the square has the circle's area.
const SQUARE_HALF_SIDE: f64 = 0.89;

/// Half the diagonal of the unknown holder's diamond, per pixel of the circle's radius: a
/// little under √(π / 2), the equal area, as a hollow shape looks larger than a filled one.
const DIAMOND_HALF_DIAGONAL: f64 = 1.2;

/// How far a strike burst's inner corners stand from its centre, as a share of its reach:
/// a narrow waist, so the four points read as a flash.
const BURST_WAIST: f64 = 0.3;

/// A marker's outline, so that shape as well as colour says who holds a place: a circle for
/// the GNA, a square for the LNA, a diamond (drawn hollow) when unknown, a small circle for
/// anyone else. `r` is the radius of the circle; the others have the same area, nearly.
fn marker_path(holder: Option<Actor>, x: f64, y: f64, r: f64) -> String {
    match holder {
        Some(Actor::Lna) => {
            let a = r * SQUARE_HALF_SIDE;
            format!(
                "M{} {}h{}v{}h{}Z",
                px(x - a),
                px(y - a),
                px(2.0 * a),
                px(2.0 * a),
                px(-2.0 * a)
            )
        }
        None => {
            let a = r * DIAMOND_HALF_DIAGONAL;
            format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                px(x),
                px(y - a),
                px(x + a),
                px(y),
                px(x),
                px(y + a),
                px(x - a),
                px(y)
            )
        }
        Some(Actor::Gna) | Some(_) => {
            let rr = px(r);
            format!(
                "M{} {}a{rr} {rr} 0 1 0 {} 0a{rr} {rr} 0 1 0 {} 0Z",
                px(x - r),
                px(y),
                px(2.0 * r),
                px(-2.0 * r)
            )
        }
    }
}

/// A small four-pointed burst centred on `(x, y)`, `r` pixels to its tips.
fn burst_mark(x: f64, y: f64, r: f64) -> String {
    let i = r * BURST_WAIST;
    format!(
        "M{} {}L{} {}L{} {}L{} {}L{} {}L{} {}L{} {}L{} {}Z",
        px(x),
        px(y - r),
        px(x + i),
        px(y - i),
        px(x + r),
        px(y),
        px(x + i),
        px(y + i),
        px(x),
        px(y + r),
        px(x - i),
        px(y + i),
        px(x - r),
        px(y),
        px(x - i),
        px(y - i)
    )
}

/// An arrow's shaft as SVG path data: one quadratic curve.
fn shaft_path(a: &ArrowShape) -> String {
    let (start, control, end) = (a.start, a.control, a.end);
    format!(
        "M{} {}Q{} {} {} {}",
        px(start.0),
        px(start.1),
        px(control.0),
        px(control.1),
        px(end.0),
        px(end.1)
    )
}

/// An arrow's head as SVG polygon points.
fn head_points(head: &[Point; 3]) -> String {
    let [a, b, c] = *head;
    format!(
        "{},{} {},{} {},{}",
        px(a.0),
        px(a.1),
        px(b.0),
        px(b.1),
        px(c.0),
        px(c.1)
    )
}

/// The CSS class of a country's or sea's name, beside `geo-label`.
fn geo_class(kind: GeoKind) -> &'static str {
    match kind {
        GeoKind::Country => "country",
        GeoKind::Focus => "focus",
        GeoKind::Water => "water",
    }
}

/// The SVG `text-anchor` value of a label's anchor.
fn text_anchor(anchor: Anchor) -> &'static str {
    match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

id_enum! {
    /// The marks whose look follows the story. Each is drawn as a group with `data-mark` (its
    /// kind) and `data-of` (the place's or the event's id): how the browser app finds it.
    pub enum MarkKind {
        Place = "place",
        Arrow = "arrow",
        Strike = "strike",
    }
}

/// The attributes that name a mark: its kind, and the id of what it marks.
pub const MARK_ATTR: &str = "data-mark";
pub const OF_ATTR: &str = "data-of";

id_enum! {
    /// The pieces of a mark whose attributes follow the story: the mark's group, or a child
    /// drawn with this class.
    pub enum Piece {
        Group = "group",
        Ring = "contest-ring",
        Marker = "marker",
        Shaft = "shaft",
        Head = "head",
    }
}

/// How a mark looks at a frame: every attribute that follows the story, with the piece it is
/// set on. The prerender writes them with the rest of the mark; the browser app writes those
/// that changed, so both show a frame the same way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look(pub Vec<(Piece, &'static str, String)>);

impl Look {
    fn with(mut self, piece: Piece, name: &'static str, value: impl Into<String>) -> Look {
        self.0.push((piece, name, value.into()));
        self
    }

    /// The attributes of one piece.
    pub fn of(&self, piece: Piece) -> impl Iterator<Item = (&'static str, &str)> + use<'_> {
        self.0
            .iter()
            .filter(move |(p, _, _)| *p == piece)
            .map(|(_, name, value)| (*name, value.as_str()))
    }

    /// One attribute's value.
    pub fn get(&self, piece: Piece, name: &str) -> Option<&str> {
        self.of(piece).find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// A place's look at a frame: its classes (its side, whether it changed hands or is only
/// claimed), its holder, whether it is under attack, its marker's shape. `state` is `None`
/// for a place the story does not track.
pub fn place_look(role: PlaceRole, state: Option<&PlaceState>) -> Look {
    let story = role == PlaceRole::Story;
    let control = state.and_then(|s| s.control);
    let contested = state.is_some_and(|s| s.contested);
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
    if state.is_some_and(|s| s.changed) {
        class.push_str(" changed");
    }
    if state.is_some_and(|s| s.claimed) {
        class.push_str(" claimed");
    }
    let shape = if story { control } else { Some(Actor::Other) };
    Look::default()
        .with(Piece::Group, "class", class)
        .with(Piece::Group, "data-control", holder)
        .with(
            Piece::Group,
            "data-contested",
            if contested { "true" } else { "false" },
        )
        .with(Piece::Ring, "visibility", visibility(contested))
        .with(
            Piece::Marker,
            "d",
            marker_path(shape, 0.0, 0.0, marker_radius(role)),
        )
}

/// How far an arrow must have run for its head to show.
const HEAD_SHOWS_AT: f64 = 0.98;

/// An arrow's look at a frame (`None`: not running): how far it has run, how strong it is.
pub fn arrow_look(state: Option<&ArrowState>) -> Look {
    let (progress, opacity) = state.map_or((0.0, 0.0), |a| (a.progress, a.opacity));
    let visible = state.is_some();
    Look::default()
        .with(
            Piece::Group,
            "data-progress",
            Fixed(progress, 2).to_string(),
        )
        .with(Piece::Group, "opacity", Fixed(opacity, 2).to_string())
        .with(Piece::Group, "visibility", visibility(visible))
        .with(
            Piece::Shaft,
            "stroke-dashoffset",
            Fixed(1.0 - progress, 3).to_string(),
        )
        .with(
            Piece::Head,
            "visibility",
            visibility(visible && progress >= HEAD_SHOWS_AT),
        )
}

/// A burst of strikes' look at a frame (`None`: not in the frame).
pub fn strike_look(state: Option<&StrikeState>) -> Look {
    Look::default()
        .with(
            Piece::Group,
            "opacity",
            Fixed(state.map_or(0.0, |s| s.progress), 2).to_string(),
        )
        .with(Piece::Group, "visibility", visibility(state.is_some()))
}

/// A mark's own attributes (`fixed`) and those its look gives `piece`.
fn with_look<'a>(
    fixed: &[(&'a str, &'a str)],
    look: &'a Look,
    piece: Piece,
) -> Vec<(&'a str, &'a str)> {
    let mut attrs = fixed.to_vec();
    attrs.extend(
        look.of(piece)
            .map(|(name, value)| -> (&'a str, &'a str) { (name, value) }),
    );
    attrs
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
            ("aria-label", &Word::MapDescription.text(&words, places)),
            Word::MapDescription.attr(),
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
                ("x", &px(s.viewport.width - ATTRIBUTION_INSET).to_string()),
                ("y", &px(s.viewport.height - ATTRIBUTION_INSET).to_string()),
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
        let (class, testid) = (
            format!("arrow {}{inferred}", side_class(a.state.actor)),
            format!("arrow-{id}"),
        );
        let group = [
            ("class", class.as_str()),
            ("data-testid", testid.as_str()),
            (MARK_ATTR, MarkKind::Arrow.id()),
            (OF_ATTR, id.as_str()),
        ];
        sink.open("g", &with_look(&group, &look, Piece::Group));
        let d = shaft_path(shape);
        let shaft = [
            ("class", Piece::Shaft.id()),
            ("d", d.as_str()),
            ("pathLength", "1"),
            ("stroke-dasharray", "1 1"),
        ];
        sink.void("path", &with_look(&shaft, &look, Piece::Shaft));
        let points = head_points(&shape.head);
        let head = [("class", Piece::Head.id()), ("points", points.as_str())];
        sink.void("polygon", &with_look(&head, &look, Piece::Head));
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
        let (class, testid, count) = (
            format!("strike {kind} {}", side_class(st.state.actor)),
            format!("strike-{id}"),
            st.state.count.to_string(),
        );
        let group = [
            ("class", class.as_str()),
            ("data-testid", testid.as_str()),
            (MARK_ATTR, MarkKind::Strike.id()),
            (OF_ATTR, id.as_str()),
            ("data-count", count.as_str()),
        ];
        sink.open("g", &with_look(&group, &look, Piece::Group));
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
            let class = format!("geo-label {}", geo_class(g.kind));
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
    sink.leaf(
        "title",
        &[Word::Locator.attr()],
        &Word::Locator.text(words, &PlaceSet::default()),
    );
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
        px(y - SCALE_TICK),
        px(y),
        px(x1),
        px(y - SCALE_TICK)
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
    let (testid, at) = (
        format!("place-{}", p.id),
        format!("translate({} {})", px(p.x), px(p.y)),
    );
    let group = [
        ("data-testid", testid.as_str()),
        (MARK_ATTR, MarkKind::Place.id()),
        (OF_ATTR, p.id.as_str()),
        ("transform", at.as_str()),
    ];
    sink.open("g", &with_look(&group, &look, Piece::Group));
    let ring = px(r + CONTEST_RING_GAP).to_string();
    let ring = [("class", Piece::Ring.id()), ("r", ring.as_str())];
    sink.void("circle", &with_look(&ring, &look, Piece::Ring));
    sink.void(
        "circle",
        &[
            ("class", "pulse-ring"),
            ("r", &px(r + PULSE_RING_GAP).to_string()),
        ],
    );
    let marker = [("class", Piece::Marker.id())];
    sink.void("path", &with_look(&marker, &look, Piece::Marker));
    if let Some(l) = &p.label {
        label_pair(
            sink,
            l,
            label_ar,
            "place-label",
            Some((p.x, p.y, &p.id)),
            None,
        );
    } else {
        // A place of a crowded map with no room for its name: named where the pointer rests.
        sink.leaf("title", &[], &p.name);
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
        ("text-anchor", text_anchor(l.anchor).to_owned()),
        ("font-size", px(l.size).to_string()),
    ];
    if let Some(t) = testid {
        attrs.push(("data-testid", t.to_owned()));
    }
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    sink.leaf("text", &attrs, &l.text);
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
        assert!(svg.contains("data-of=\"tarhuna\" transform=\"translate("));
        assert!(svg.contains("class=\"place story unknown\" data-control=\"unknown\""));
        assert_eq!(
            svg.matches("data-testid=\"label-tripoli\"").count(),
            2,
            "en and ar"
        );
        assert!(svg.contains(">طرابلس</text>"));
    }

    #[test]
    fn the_shared_shapes_draw_every_country_and_the_boundary() {
        let (data, _) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        let (places, basemap) = (data.places.unwrap(), data.basemap.unwrap());
        let layout = Layout::build(&places, Some(&basemap), 800.0, None).unwrap();
        let mut m = Markup::default();
        draw_shared_shapes(&mut m, &places, Some(&basemap), &layout);
        let svg = m.into_string();
        let path_of = |id: &str| {
            let (_, after) = svg.split_once(&format!("id=\"{id}\" d=\""))?;
            after.split_once('"').map(|(d, _)| d.to_owned())
        };
        let focus = basemap.countries.iter().position(|c| c.focus).unwrap();
        assert!(path_of(&format!("land-{focus}")).unwrap().len() > 100);
        for i in 0..basemap.countries.len() {
            let d = path_of(&format!("land-{i}")).unwrap();
            assert!(d.starts_with('M') || d.is_empty(), "land-{i}");
        }
        let line = path_of(&format!("line-{}", places.boundaries[0].id)).unwrap();
        assert!(line.starts_with('M') && !line.ends_with('Z'));
    }

    #[test]
    fn arrows_are_drawn_from_their_geometry() {
        let a = crate::map::layout::arrow_shape((0.0, 0.0), (100.0, 0.0)).unwrap();
        let d = shaft_path(&a);
        assert!(d.starts_with(&format!("M{} {}Q", px(a.start.0), px(a.start.1))));
        assert!(d.ends_with(&format!("{} {}", px(a.end.0), px(a.end.1))));
        let head = head_points(&a.head);
        assert_eq!(head.split(' ').count(), 3);
        assert!(head.starts_with(&format!("{},{}", px(a.head[0].0), px(a.head[0].1))));
    }

    #[test]
    fn markers_differ_in_shape_by_holder() {
        let gna = marker_path(Some(Actor::Gna), 10.0, 10.0, 6.0);
        let lna = marker_path(Some(Actor::Lna), 10.0, 10.0, 6.0);
        let unknown = marker_path(None, 10.0, 10.0, 6.0);
        assert!(gna.contains('a') && !lna.contains('a') && unknown.matches('L').count() == 3);
        assert!(lna.contains('h') && lna.contains('v'));
        assert_ne!(gna, lna);
    }

    #[test]
    fn a_burst_has_four_points_and_four_waists() {
        let b = burst_mark(10.0, 10.0, STRIKE_MARK);
        assert!(b.starts_with("M10.0 3.0L") && b.ends_with('Z'));
        assert_eq!(b.matches('L').count(), 7);
    }

    #[test]
    fn looks_follow_the_state() {
        let look = arrow_look(None);
        assert_eq!(look.get(Piece::Group, "visibility"), Some("hidden"));
        assert_eq!(look.get(Piece::Head, "visibility"), Some("hidden"));
        let p = place_look(PlaceRole::Story, None);
        assert_eq!(
            (
                p.get(Piece::Group, "data-control"),
                p.get(Piece::Group, "class")
            ),
            (Some("unknown"), Some("place story unknown"))
        );
        assert_eq!(
            place_look(PlaceRole::Context, None).get(Piece::Group, "data-control"),
            Some("none")
        );
        assert_eq!(
            place_look(PlaceRole::Story, None).of(Piece::Marker).count(),
            1
        );
    }
}
