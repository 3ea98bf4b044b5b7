//! Screen shapes of the map that do not change with time, for one width: boundaries, where
//! each place's marker and label go, the story's arrows and strike marks, the names of
//! countries and seas, the locator and the scale bar.
//!
//! A [`BaseScene`] is computed from the data, the story's marks and the width of the map's
//! container, in pixels. Every mark takes its room before any text is placed, so no label
//! covers a marker, an arrow, a strike mark or another label, at any stop of the story.
//!
//! The scene is geometry only: points, lines and labels. [`crate::render::map`] turns it into
//! SVG (path data, class names); land is drawn there from the shared shapes, in degree units.

pub use super::labels::{Anchor, Label};
use super::labels::{
    NO_LENGTH, PointLabel, Rect, Taken, WIDE_SPACING, first_free, place_point_label,
};
use super::orientation::{
    GeoLabel, Locator, ScaleBar, country_labels, locator, project_countries, scale_bar,
    water_labels,
};
use crate::data::places::{Basemap, Boundary, PlaceSet};
use crate::map::projection::{Bounds, Viewport};
use crate::model::{PlaceId, PlaceRole, Point};
use crate::story::timeline::{ArrowState, StrikeState};
use crate::story::words::{Lang, Ui, Words};

/// The narrowest map the layout is designed for, in CSS pixels: a small phone's screen.
pub const MIN_WIDTH: f64 = 320.0;

/// The widest map the layout is designed for, in CSS pixels: the page's greatest width.
pub const MAX_WIDTH: f64 = 1600.0;

/// The map's height as a share of its width: a landscape map, near the golden section.
const MAP_ASPECT: f64 = 0.62;

/// The lowest map, in pixels: room for the story's towns on a phone.
const MIN_HEIGHT: f64 = 250.0;

/// The tallest map, in pixels: a wide map still fits a laptop's screen.
const MAX_HEIGHT: f64 = 640.0;

/// Maps narrower than this, in pixels, get smaller place names.
const NARROW_MAP: f64 = 480.0;

/// The size of a story town's name: the largest text on the map.
const STORY_LABEL_SIZE: f64 = 14.0;

/// The size of a story town's name on a narrow map: a little smaller, still the largest.
const STORY_LABEL_SIZE_NARROW: f64 = 12.5;

/// The size of a context town's name: below a story town's.
const CONTEXT_LABEL_SIZE: f64 = 12.0;

/// The size of a context town's name on a narrow map: the smallest that reads on a phone.
const CONTEXT_LABEL_SIZE_NARROW: f64 = 11.0;

/// Half the width of the room a boundary's line takes from labels, in pixels: its stroke
/// and a little air.
const BOUNDARY_ROOM: f64 = 2.0;

/// How far beside the boundary's line its label stands, in pixels.
const BOUNDARY_LABEL_DX: f64 = 6.0;

/// How far below a point of the line the boundary label sits its baseline, in pixels: about
/// a third of its size, so the text's middle is level with the point.
const BOUNDARY_LABEL_DROP: f64 = 4.0;

/// The size of the boundary's label and of the region names: small, a note on the map.
const BOUNDARY_LABEL_SIZE: f64 = 11.0;

/// How far west or east of the boundary's coastal point a region name stands, in pixels.
const REGION_LABEL_DX: f64 = 8.0;

/// How far inland (below the boundary's coastal point) a region name may sit its baseline,
/// in pixels, best first: a line or more below the coast, then just under it.
const REGION_LABEL_DROPS: [f64; 5] = [28.0, 44.0, 60.0, 76.0, 14.0];

/// Degrees of longitude kept beside a boundary for the region names on either side.
const REGION_LABEL_ROOM_DEG: f64 = 1.6;

/// Pixels kept free between the story's bounds and the edge of the map.
const PADDING: f64 = 28.0;

/// The map's pixel size for a container `width` pixels wide: wide screens get a landscape
/// map, phones one no taller than the story needs, and the height stays within a screen.
pub fn map_size(container_width: f64) -> (f64, f64) {
    let w = if container_width.is_finite() {
        container_width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let h = (w * MAP_ASPECT).clamp(MIN_HEIGHT, MAX_HEIGHT);
    (w.round(), h.round())
}

/// A boundary line, projected, with its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryShape {
    pub id: String,
    /// The boundary's name, as in the data.
    pub name: String,
    /// The line, in pixels.
    pub line: Vec<Point>,
    /// "Traditional boundary (approx.)" beside the line, where it fits.
    pub label: Option<Label>,
    /// Region names on either side of the line, where they fit.
    pub sides: Vec<Label>,
}

/// A place's marker position and label.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMark {
    pub id: PlaceId,
    pub name: String,
    pub role: PlaceRole,
    pub x: f64,
    pub y: f64,
    /// Story places are always labelled; a context place only where its label fits.
    pub label: Option<Label>,
}

/// An offensive's arrow on this map.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowMark {
    pub state: ArrowState,
    pub shape: ArrowShape,
}

/// A burst of strikes on this map: where each mark goes.
#[derive(Debug, Clone, PartialEq)]
pub struct StrikeMark {
    pub state: StrikeState,
    pub marks: Vec<Point>,
}

/// Everything static the map draws, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseScene {
    pub viewport: Viewport,
    pub boundaries: Vec<BoundaryShape>,
    pub places: Vec<PlaceMark>,
    pub arrows: Vec<ArrowMark>,
    pub strikes: Vec<StrikeMark>,
    pub geo_labels: Vec<GeoLabel>,
    pub locator: Option<Locator>,
    pub scale_bar: Option<ScaleBar>,
    pub attribution: String,
}

/// The marks the story draws at one stop or another: every arrow and every burst.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marks<'a> {
    pub arrows: &'a [ArrowState],
    pub strikes: &'a [StrikeState],
}

/// How far a label keeps from a story town's point: its marker and the ring that marks it
/// under attack.
pub const STORY_CLEARANCE: f64 = 13.5;

/// How far a label keeps from a context town's point: its smaller marker, and a little air.
const CONTEXT_CLEARANCE: f64 = 6.0;

/// How far the strike marks of a burst sit from the place, in pixels: outside the ring of a
/// town under attack.
pub const STRIKE_RING: f64 = 21.0;

/// How far a strike mark reaches from its centre, in pixels: big enough to read as a burst.
pub const STRIKE_MARK: f64 = 7.0;

/// Pixels of room kept round a strike mark beyond its reach.
const STRIKE_MARGIN: f64 = 1.0;

/// Half the width of the room an arrow's shaft takes from labels: its stroke's half-width
/// (1.75 px) and as much again.
const ARROW_ROOM: f64 = 3.5;

/// The size of the credit line's text (as the CSS sets it).
const ATTRIBUTION_SIZE: f64 = 10.0;

/// How far the credit line's end stands from the map's right and bottom edges, in pixels.
pub const ATTRIBUTION_INSET: f64 = 6.0;

/// The extent the map shows: the places, and room east and west of each boundary for the
/// names of the regions it divides.
fn frame_bounds(places: &PlaceSet) -> Option<Bounds> {
    let region_room = places.boundaries.iter().filter_map(|b| {
        let west = b.line.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
        let east = b.line.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
        let (_, lat) = *b.line.first()?;
        let room = REGION_LABEL_ROOM_DEG;
        Bounds::new(
            west - room * f64::from(u8::from(b.west.is_some())),
            lat,
            east + room * f64::from(u8::from(b.east.is_some())),
            lat,
        )
    });
    let points = places.places.iter().map(|p| (p.lon, p.lat));
    let lines = places
        .boundaries
        .iter()
        .flat_map(|b| b.line.iter().copied());
    Some(region_room.fold(Bounds::of_points(points.chain(lines))?, Bounds::union))
}

/// The size of a place's label: story places larger, everything smaller on narrow maps.
fn label_size(story: bool, w: f64) -> f64 {
    match (story, w < NARROW_MAP) {
        (true, false) => STORY_LABEL_SIZE,
        (true, true) => STORY_LABEL_SIZE_NARROW,
        (false, false) => CONTEXT_LABEL_SIZE,
        (false, true) => CONTEXT_LABEL_SIZE_NARROW,
    }
}

/// A boundary's line, its label beside it, and the names of the regions either side a little
/// inland from its first (coastal) point: each at the first position that covers nothing.
fn boundary_shape(
    b: &Boundary,
    viewport: &Viewport,
    words: &Words,
    taken: &mut Taken,
) -> Option<BoundaryShape> {
    let (w, h) = (viewport.width, viewport.height);
    let line: Vec<Point> = b
        .line
        .iter()
        .filter_map(|&(lon, lat)| viewport.project(lon, lat))
        .collect();
    taken.add_line(&line, BOUNDARY_ROOM);
    let coast = *line.first()?;
    // Beside the line, from its middle outwards.
    let mid = line.len() / 2;
    let mut order: Vec<usize> = (0..line.len()).collect();
    order.sort_by_key(|&i| i.abs_diff(mid));
    let text = words.ui(Ui::BoundaryLabel);
    let beside = order.into_iter().flat_map(|i| {
        let (mx, my) = line[i];
        [
            (BOUNDARY_LABEL_DX, Anchor::Start),
            (-BOUNDARY_LABEL_DX, Anchor::End),
        ]
        .map(|(dx, anchor)| {
            let y = my + BOUNDARY_LABEL_DROP;
            Label::new(text, mx + dx, y, anchor, BOUNDARY_LABEL_SIZE)
        })
    });
    let label = first_free(beside, taken, w, h);
    let sides = region_labels(b, coast, words, taken, w, h);
    Some(BoundaryShape {
        id: b.id.clone(),
        name: b.name.clone(),
        line,
        label,
        sides,
    })
}

/// The names of the regions west and east of a boundary, a little inland from its `coast`
/// point, each at the first position that covers nothing; English names in wide-set capitals.
fn region_labels(
    b: &Boundary,
    coast: Point,
    words: &Words,
    taken: &mut Taken,
    w: f64,
    h: f64,
) -> Vec<Label> {
    let (x, y) = coast;
    let (west, east) = match words.lang {
        Lang::Ar => (
            b.west_ar.as_ref().or(b.west.as_ref()),
            b.east_ar.as_ref().or(b.east.as_ref()),
        ),
        Lang::En => (b.west.as_ref(), b.east.as_ref()),
    };
    let mut sides = Vec::new();
    let either_side = [
        (west, Anchor::End, -REGION_LABEL_DX),
        (east, Anchor::Start, REGION_LABEL_DX),
    ];
    for (name, anchor, dx) in either_side {
        let Some(name) = name else { continue };
        let text = match words.lang {
            Lang::En => name.to_uppercase(),
            Lang::Ar => name.clone(),
        };
        let spacing = if words.lang == Lang::En {
            WIDE_SPACING
        } else {
            0.0
        };
        let inland = REGION_LABEL_DROPS.map(|dy| {
            let mut l = Label::new(text.clone(), x + dx, y + dy, anchor, BOUNDARY_LABEL_SIZE);
            l.spacing = spacing;
            l
        });
        sides.extend(first_free(inland, taken, w, h));
    }
    sides
}

/// Up to this many story places (a story of a few towns, as most are), each is named on the
/// map even where there is no free room; beyond, a name that would cover another is left out.
const MAX_NAMED_AT_ANY_COST: usize = 4;

/// The places' markers and labels: story places first, clear of each other, with the best
/// label positions; then context places, each left out where its marker would sit on
/// something already drawn. Every marker is taken before any label is placed.
fn place_marks(
    projected: &[(&crate::model::Place, Point)],
    places: &PlaceSet,
    words: &Words,
    taken: &mut Taken,
    w: f64,
    h: f64,
) -> Vec<PlaceMark> {
    let mut marks = Vec::with_capacity(projected.len());
    let story_places = projected
        .iter()
        .filter(|(p, _)| p.role == PlaceRole::Story)
        .count();
    // A story of a few places names every one, even where names must touch; a story of many
    // (a war told by dozens of reports) names those it has room for, in the places' order.
    let every_name = story_places <= MAX_NAMED_AT_ANY_COST;
    for story in [true, false] {
        let clearance = if story {
            STORY_CLEARANCE
        } else {
            CONTEXT_CLEARANCE
        };
        let group: Vec<_> = projected
            .iter()
            .filter(|(p, _)| (p.role == PlaceRole::Story) == story)
            .filter(|(_, (x, y))| story || taken.free(&Rect::around(*x, *y, clearance)))
            .collect();
        if !story {
            for (_, (x, y)) in &group {
                taken.add(Rect::around(*x, *y, clearance));
            }
        }
        for (p, (x, y)) in group {
            let request = PointLabel {
                x: *x,
                y: *y,
                text: words.place(places, &p.id),
                size: label_size(story, w),
                clearance,
                required: story && every_name,
            };
            marks.push(PlaceMark {
                id: p.id.clone(),
                name: p.name.clone(),
                role: p.role,
                x: *x,
                y: *y,
                label: place_point_label(&request, taken, w, h),
            });
        }
    }
    marks
}

/// The story's arrows on this map, each taking its room.
fn arrow_marks(
    arrows: &[ArrowState],
    at: &impl Fn(&PlaceId) -> Option<Point>,
    taken: &mut Taken,
) -> Vec<ArrowMark> {
    let mut out = Vec::new();
    for a in arrows {
        let (Some(from), Some(to)) = (at(&a.from), at(&a.to)) else {
            continue;
        };
        let Some(shape) = arrow_shape(from, to) else {
            continue;
        };
        taken.add_line(&shape.points, ARROW_ROOM);
        out.push(ArrowMark {
            state: a.clone(),
            shape,
        });
    }
    out
}

/// The story's bursts of strikes on this map, each mark taking its room.
fn strike_marks(
    strikes: &[StrikeState],
    at: &impl Fn(&PlaceId) -> Option<Point>,
    taken: &mut Taken,
) -> Vec<StrikeMark> {
    let mut out = Vec::new();
    for st in strikes {
        let Some(center) = at(&st.place) else {
            continue;
        };
        let marks = burst(center, st.count, STRIKE_RING);
        for &(x, y) in &marks {
            taken.add_crossable(Rect::around(x, y, STRIKE_MARK + STRIKE_MARGIN));
        }
        out.push(StrikeMark {
            state: st.clone(),
            marks,
        });
    }
    out
}

impl BaseScene {
    /// Lays out the map for a container `container_width` pixels wide, with room for every
    /// mark of `story`. `None` when the places have no usable extent.
    pub fn build(
        places: &PlaceSet,
        basemap: Option<&Basemap>,
        container_width: f64,
        words: &Words,
        story: Marks,
    ) -> Option<BaseScene> {
        let (w, h) = map_size(container_width);
        let viewport = Viewport::fit(frame_bounds(places)?, w, h, PADDING)?;
        let projected: Vec<_> = places
            .places
            .iter()
            .filter_map(|p| viewport.project(p.lon, p.lat).map(|xy| (p, xy)))
            .collect();
        let mut taken = Taken::default();
        // The marks first: story towns, arrows, strikes, the credit, the inset and the scale.
        for (p, (x, y)) in &projected {
            if p.role == PlaceRole::Story {
                taken.add(Rect::around(*x, *y, STORY_CLEARANCE));
            }
        }
        let at = |id: &PlaceId| {
            projected
                .iter()
                .find(|(p, _)| &p.id == id)
                .map(|(_, xy)| *xy)
        };
        let arrows = arrow_marks(story.arrows, &at, &mut taken);
        let strikes = strike_marks(story.strikes, &at, &mut taken);
        let attribution = basemap.map(|b| b.attribution.clone()).unwrap_or_default();
        if !attribution.is_empty() {
            let credit = Label::new(
                &attribution,
                w - ATTRIBUTION_INSET,
                h - ATTRIBUTION_INSET,
                Anchor::End,
                ATTRIBUTION_SIZE,
            );
            taken.add(credit.rect());
        }
        let locator = locator(basemap, &viewport, &mut taken);
        let scale_bar = scale_bar(&viewport, words, &mut taken);
        // Then the text: places, boundaries, countries and seas.
        let marks = place_marks(&projected, places, words, &mut taken, w, h);
        let boundaries = places
            .boundaries
            .iter()
            .filter_map(|b| boundary_shape(b, &viewport, words, &mut taken))
            .collect();
        let countries = project_countries(basemap, &viewport);
        let mut geo_labels = water_labels(basemap, &countries, &viewport, words, &mut taken);
        geo_labels.extend(country_labels(&countries, words, &mut taken, w, h));
        Some(BaseScene {
            places: marks,
            boundaries,
            arrows,
            strikes,
            geo_labels,
            locator,
            scale_bar,
            attribution,
            viewport,
        })
    }

    /// The mark of the place `id`, if the map shows it.
    pub fn place(&self, id: &PlaceId) -> Option<&PlaceMark> {
        self.places.iter().find(|p| &p.id == id)
    }
}

/// An offensive's arrow, in pixels: a curved shaft and a head.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowShape {
    /// Where the shaft starts, clear of the origin's marker.
    pub start: Point,
    /// The control point of the shaft's quadratic curve: it pulls the shaft to one side.
    pub control: Point,
    /// Where the shaft ends, under the head.
    pub end: Point,
    /// The head, a triangle: its tip (clear of the target's marker), then its base's corners.
    pub head: [Point; 3],
    /// Points along the shaft and round the head: the room the arrow takes.
    pub points: Vec<Point>,
}

/// Pixels left clear at the arrow's tail, for the origin's marker.
const ARROW_TAIL_GAP: f64 = 9.0;

/// Pixels left clear at the arrow's tip, for the target's marker and its ring.
const ARROW_TIP_GAP: f64 = 11.0;

/// The head's length, in pixels: three times the shaft's width, so it reads as a head.
const ARROW_HEAD: f64 = 11.0;

/// The shortest shaft shown between the gaps and the head at full size, in pixels; a shorter
/// arrow has its gaps and head shrunk in proportion.
const ARROW_MIN_SHAFT: f64 = 12.0;

/// The shortest arrow drawn, in pixels between the two points.
const ARROW_MIN: f64 = 16.0;

/// How far the shaft's control point stands off the straight line, as a share of the
/// arrow's length: a gentle curve that tells two arrows between the same towns apart.
const ARROW_BOW: f64 = 0.2;

/// How far back from the tip the shaft ends, in head lengths: under the head, so no gap shows
/// and the shaft's round cap does not poke through the point.
const ARROW_SHAFT_UNDER_HEAD: f64 = 0.8;

/// Half the head's base, in head lengths: a head a little wider than long.
const ARROW_HEAD_HALF_WIDTH: f64 = 0.55;

/// Points sampled along the shaft for the room it takes: one every few pixels on most arrows.
const ARROW_SAMPLES: u8 = 16;

/// The point `by` pixels from `a` towards `b`.
fn towards(a: Point, b: Point, by: f64) -> Point {
    let (vx, vy) = (b.0 - a.0, b.1 - a.1);
    let l = (vx * vx + vy * vy).sqrt().max(NO_LENGTH);
    (a.0 + vx / l * by, a.1 + vy / l * by)
}

/// A curved arrow from `from` to `to`, bowing to the left of its direction by a fifth of its
/// length; a short one has its gaps and head shrunk in proportion. `None` when the points are
/// too close to draw one.
pub fn arrow_shape(from: Point, to: Point) -> Option<ArrowShape> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len < ARROW_MIN {
        return None;
    }
    let k = (len / (ARROW_TAIL_GAP + ARROW_TIP_GAP + ARROW_HEAD + ARROW_MIN_SHAFT)).min(1.0);
    let (tail_gap, tip_gap, head_len) = (ARROW_TAIL_GAP * k, ARROW_TIP_GAP * k, ARROW_HEAD * k);
    let (ux, uy) = (dx / len, dy / len);
    // Left normal in screen coordinates (y down).
    let (nx, ny) = (uy, -ux);
    let bow = len * ARROW_BOW;
    let control = (
        (from.0 + to.0) / 2.0 + nx * bow,
        (from.1 + to.1) / 2.0 + ny * bow,
    );
    // Ends moved back along the curve's end tangents, clear of the markers.
    let start = towards(from, control, tail_gap);
    let tip = towards(to, control, tip_gap);
    let end = towards(tip, control, head_len * ARROW_SHAFT_UNDER_HEAD);
    // The head: a triangle along the tangent at the tip.
    let (tx, ty) = (tip.0 - control.0, tip.1 - control.1);
    let tl = (tx * tx + ty * ty).sqrt().max(NO_LENGTH);
    let (tx, ty) = (tx / tl, ty / tl);
    let base = (tip.0 - tx * head_len, tip.1 - ty * head_len);
    let w = head_len * ARROW_HEAD_HALF_WIDTH;
    let head = [
        tip,
        (base.0 + ty * w, base.1 - tx * w),
        (base.0 - ty * w, base.1 + tx * w),
    ];
    let mut points: Vec<Point> = (0..=ARROW_SAMPLES)
        .map(|i| {
            let t = f64::from(i) / f64::from(ARROW_SAMPLES);
            let u = 1.0 - t;
            (
                u * u * start.0 + 2.0 * u * t * control.0 + t * t * end.0,
                u * u * start.1 + 2.0 * u * t * control.1 + t * t * end.1,
            )
        })
        .collect();
    points.extend(head);
    points.push(base);
    Some(ArrowShape {
        start,
        control,
        end,
        head,
        points,
    })
}

/// Where `count` strike marks go around a point: evenly on a ring of `radius` pixels,
/// starting at the top.
pub fn burst(center: (f64, f64), count: u32, radius: f64) -> Vec<(f64, f64)> {
    let n = count.max(1);
    (0..n)
        .map(|i| {
            let a =
                std::f64::consts::TAU * f64::from(i) / f64::from(n) - std::f64::consts::FRAC_PI_2;
            (center.0 + radius * a.cos(), center.1 + radius * a.sin())
        })
        .collect()
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::data::places::parse_places;
    use crate::dataset::Dataset;
    use crate::map::orientation::{SCALE_MAX_LENGTH, SCALE_MIN_LENGTH};

    fn scene_in(width: f64, lang: Lang) -> BaseScene {
        let (data, _) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        let (arrows, strikes) = data.timeline.as_ref().unwrap().all_marks();
        let marks = Marks {
            arrows: &arrows,
            strikes: &strikes,
        };
        let places = data.places.as_ref().unwrap();
        BaseScene::build(
            places,
            data.basemap.as_ref(),
            width,
            &Words::new(lang),
            marks,
        )
        .unwrap()
    }

    fn scene(width: f64) -> BaseScene {
        scene_in(width, Lang::En)
    }

    /// Every piece of text the scene places.
    fn texts(s: &BaseScene) -> Vec<Label> {
        let places = s.places.iter().filter_map(|p| p.label.clone());
        let boundaries = s
            .boundaries
            .iter()
            .flat_map(|b| b.label.iter().chain(&b.sides).cloned());
        let geo = s.geo_labels.iter().map(|g| g.label.clone());
        let scale = s.scale_bar.iter().map(|b| b.label.clone());
        places.chain(boundaries).chain(geo).chain(scale).collect()
    }

    #[test]
    fn map_size_stays_within_the_designed_range() {
        assert_eq!(map_size(100.0).0, MIN_WIDTH);
        assert_eq!(map_size(5000.0).0, MAX_WIDTH);
        assert_eq!(map_size(f64::NAN).0, MIN_WIDTH);
        for w in [320.0, 375.0, 768.0, 1280.0, 1600.0] {
            let (mw, mh) = map_size(w);
            assert_eq!(mw, w);
            assert!((MIN_HEIGHT..=MAX_HEIGHT).contains(&mh));
        }
    }

    #[test]
    fn every_place_and_label_is_inside_the_map_at_every_width() {
        for width in [296.0, 320.0, 380.0, 490.0, 640.0, 830.0, 1280.0] {
            let s = scene(width);
            let v = s.viewport;
            for id in ["tripoli", "tarhuna", "bani_walid", "sirte"] {
                let p = s.place(&PlaceId::new(id)).unwrap();
                assert!(v.shows(p.x, p.y), "{id} at {width}");
                assert!(p.label.is_some(), "{id} is labelled at {width}");
            }
            for l in texts(&s) {
                assert!(
                    l.rect().inside(v.width, v.height, 0.0),
                    "{} at {width}",
                    l.text
                );
            }
        }
    }

    #[test]
    fn no_text_covers_a_marker_an_arrow_a_strike_or_other_text() {
        for lang in [Lang::En, Lang::Ar] {
            for width in [296.0, 380.0, 490.0, 640.0, 830.0] {
                let s = scene_in(width, lang);
                let texts = texts(&s);
                let mut marks = Taken::default();
                for p in &s.places {
                    let r = if p.role == PlaceRole::Story {
                        12.5
                    } else {
                        3.5
                    };
                    marks.add(Rect::around(p.x, p.y, r));
                }
                for a in &s.arrows {
                    marks.add_line(&a.shape.points, 1.5);
                }
                for st in &s.strikes {
                    for &(x, y) in &st.marks {
                        marks.add(Rect::around(x, y, STRIKE_MARK));
                    }
                }
                for (i, t) in texts.iter().enumerate() {
                    let r = t.rect();
                    assert!(
                        marks.free(&r),
                        "{} covers a mark at {width} ({lang:?})",
                        t.text
                    );
                    for u in &texts[i + 1..] {
                        assert!(!r.overlaps(&u.rect()), "{} / {} at {width}", t.text, u.text);
                    }
                }
            }
        }
    }

    #[test]
    fn the_map_says_where_it_is_countries_seas_an_inset_and_a_scale() {
        for width in [296.0, 490.0, 830.0] {
            let s = scene(width);
            let names: Vec<&str> = s.geo_labels.iter().map(|g| g.label.text.as_str()).collect();
            assert!(names.len() >= 3, "{names:?} at {width}");
            assert!(names.contains(&"LIBYA"), "{names:?} at {width}");
            assert!(names.contains(&"Mediterranean Sea"), "{names:?} at {width}");
            let locator = s.locator.as_ref().expect("a locator");
            let f = locator.frame;
            assert!(f.x1 - f.x0 > 4.0 && f.x1 <= locator.rect.x1 - locator.rect.x0 + 0.5);
            let bar = s.scale_bar.as_ref().expect("a scale bar");
            let lengths = SCALE_MIN_LENGTH..=SCALE_MAX_LENGTH;
            assert!(lengths.contains(&bar.length), "{} px", bar.length);
            let km = bar.length / s.viewport.pixels_per_km();
            assert!((km - f64::from(bar.km)).abs() < 0.5);
        }
        let ar = scene_in(490.0, Lang::Ar);
        assert!(ar.geo_labels.iter().any(|g| g.label.text == "ليبيا"));
    }

    #[test]
    fn the_boundary_is_east_of_sirte_and_named_on_both_sides() {
        let s = scene(800.0);
        let b = &s.boundaries[0];
        assert!(b.line.len() >= 2);
        assert!(b.line.iter().all(|&(x, y)| x.is_finite() && y.is_finite()));
        assert_eq!(b.sides.len(), 2);
        assert!(b.label.is_some());
        let sirte = s.place(&PlaceId::new("sirte")).unwrap();
        assert!(b.line[0].0 > sirte.x);
        assert!(s.attribution.contains("Natural Earth"));
    }

    #[test]
    fn arrows_bow_left_and_stop_short_of_both_markers() {
        let a = arrow_shape((0.0, 0.0), (100.0, 0.0)).unwrap();
        let (sx, cy, ex) = (a.start.0, a.control.1, a.end.0);
        assert!(sx > 5.0 && sx < 15.0, "tail clear of the origin: {sx}");
        assert!(
            cy < 0.0,
            "bows to the left of eastward travel (up on screen): {cy}"
        );
        assert!(ex < 100.0 - ARROW_TIP_GAP, "shaft ends before the head");
        let tip = a.head[0];
        assert!(
            (100.0 - tip.0) > 5.0 && (100.0 - tip.0) < 15.0,
            "tip clear of the target: {tip:?}"
        );
        assert!(arrow_shape((0.0, 0.0), (10.0, 0.0)).is_none());
        // A short arrow is drawn smaller, not dropped.
        let short = arrow_shape((0.0, 0.0), (24.0, 0.0)).unwrap();
        assert!(short.points.iter().all(|&(x, _)| x > 0.0 && x < 24.0));
        assert!(arrow_shape((0.0, 0.0), (f64::NAN, 0.0)).is_none());
    }

    #[test]
    fn bursts_ring_the_place() {
        let b = burst((50.0, 50.0), 5, 10.0);
        assert_eq!(b.len(), 5);
        assert!(
            (b[0].0 - 50.0).abs() < 1e-9 && (b[0].1 - 40.0).abs() < 1e-9,
            "first mark on top"
        );
        assert!(
            b.iter().all(
                |(x, y)| (((x - 50.0).powi(2) + (y - 50.0).powi(2)).sqrt() - 10.0).abs() < 1e-9
            )
        );
        assert_eq!(burst((0.0, 0.0), 0, 5.0).len(), 1);
    }

    #[test]
    fn the_map_still_lays_out_without_a_basemap() {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let s = BaseScene::build(
            &places,
            None,
            375.0,
            &Words::new(Lang::En),
            Marks::default(),
        )
        .unwrap();
        assert!(s.locator.is_none() && s.geo_labels.is_empty() && s.attribution.is_empty());
        assert!(s.places.len() >= 4);
    }
}
