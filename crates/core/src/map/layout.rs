//! Screen shapes of the map that do not change with time, for one width: land, boundaries,
//! where each place's marker and label go, the story's arrows and strike marks, the names of
//! countries and seas, the locator and the scale bar.
//!
//! A [`BaseScene`] is computed from the data, the story's marks and the width of the map's
//! container, in pixels. Every mark takes its room before any text is placed, so no label
//! covers a marker, an arrow, a strike mark or another label, at any stop of the story.

pub use super::labels::{Anchor, Label};
use super::labels::{PointLabel, Rect, Taken, first_free, place_point_label};
use super::orientation::{
    GeoLabel, Locator, ScaleBar, country_labels, locator, project_countries, scale_bar,
    water_labels,
};
use crate::data::places::{Basemap, Boundary, PlaceSet};
use crate::map::geometry::{path_data, px};
use crate::map::projection::{Bounds, Viewport};
use crate::model::{PlaceId, PlaceRole, Point};
use crate::story::timeline::{ArrowState, StrikeState};
use crate::story::words::{Lang, Ui, Words};

/// Narrowest and widest maps the layout is designed for, in CSS pixels.
pub const MIN_WIDTH: f64 = 320.0;
pub const MAX_WIDTH: f64 = 1600.0;

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
    let h = (w * 0.62).clamp(250.0, 640.0);
    (w.round(), h.round())
}

/// A country outline, projected.
#[derive(Debug, Clone, PartialEq)]
pub struct LandShape {
    pub name: String,
    pub focus: bool,
    /// SVG path data.
    pub d: String,
}

/// A boundary line, projected, with its labels.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryShape {
    pub id: String,
    /// The boundary's name, as in the data.
    pub name: String,
    pub d: String,
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
    pub land: Vec<LandShape>,
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
/// under attack. A context town's marker is smaller.
pub const STORY_CLEARANCE: f64 = 13.5;
const CONTEXT_CLEARANCE: f64 = 6.0;

/// How far the strike marks of a burst sit from the place, and how big each is.
pub const STRIKE_RING: f64 = 21.0;
pub const STRIKE_MARK: f64 = 7.0;

/// Half the width of the room an arrow's shaft takes from labels.
const ARROW_ROOM: f64 = 3.5;

/// The size of the credit line's text (as the CSS sets it).
const ATTRIBUTION_SIZE: f64 = 10.0;

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

/// The basemap's countries, projected.
fn land_shapes(basemap: Option<&Basemap>, viewport: &Viewport) -> Vec<LandShape> {
    let countries = basemap.map(|b| b.countries.as_slice()).unwrap_or_default();
    countries
        .iter()
        .map(|c| {
            let mut d = String::new();
            for ring in c.polygons.iter().flatten() {
                let points = ring
                    .iter()
                    .filter_map(|&(lon, lat)| viewport.project(lon, lat));
                path_data(points, true, 1, &mut d);
            }
            LandShape {
                name: c.name.clone(),
                focus: c.focus,
                d,
            }
        })
        .collect()
}

/// The size of a place's label: story places larger, everything smaller on narrow maps.
fn label_size(story: bool, w: f64) -> f64 {
    match (story, w < 480.0) {
        (true, false) => 14.0,
        (true, true) => 12.5,
        (false, false) => 12.0,
        (false, true) => 11.0,
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
    let pts: Vec<_> = b
        .line
        .iter()
        .filter_map(|&(lon, lat)| viewport.project(lon, lat))
        .collect();
    let mut d = String::new();
    path_data(pts.iter().copied(), false, 1, &mut d);
    taken.add_line(&pts, 2.0);
    let (x, y) = *pts.first()?;
    // Beside the line, from its middle outwards.
    let mid = pts.len() / 2;
    let mut order: Vec<usize> = (0..pts.len()).collect();
    order.sort_by_key(|&i| i.abs_diff(mid));
    let text = words.ui(Ui::BoundaryLabel);
    let beside = order.into_iter().flat_map(|i| {
        let (mx, my) = pts[i];
        [(6.0, Anchor::Start), (-6.0, Anchor::End)]
            .map(|(dx, anchor)| Label::new(text, mx + dx, my + 4.0, anchor, 11.0))
    });
    let label = first_free(beside, taken, w, h);
    let (west, east) = match words.lang {
        Lang::Ar => (
            b.west_ar.as_ref().or(b.west.as_ref()),
            b.east_ar.as_ref().or(b.east.as_ref()),
        ),
        Lang::En => (b.west.as_ref(), b.east.as_ref()),
    };
    let mut sides = Vec::new();
    for (name, anchor, dx) in [(west, Anchor::End, -8.0), (east, Anchor::Start, 8.0)] {
        let Some(name) = name else { continue };
        let text = match words.lang {
            Lang::En => name.to_uppercase(),
            Lang::Ar => name.clone(),
        };
        let spacing = if words.lang == Lang::En { 0.12 } else { 0.0 };
        let inland = [28.0, 44.0, 60.0, 76.0, 14.0].map(|dy| {
            let mut l = Label::new(text.clone(), x + dx, y + dy, anchor, 11.0);
            l.spacing = spacing;
            l
        });
        sides.extend(first_free(inland, taken, w, h));
    }
    Some(BoundaryShape {
        id: b.id.clone(),
        name: b.name.clone(),
        d,
        label,
        sides,
    })
}

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
                required: story,
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
            taken.add(Rect::around(x, y, STRIKE_MARK + 1.0));
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
                w - 6.0,
                h - 6.0,
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
            land: land_shapes(basemap, &viewport),
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

    pub fn place(&self, id: &PlaceId) -> Option<&PlaceMark> {
        self.places.iter().find(|p| &p.id == id)
    }
}

/// An offensive's arrow, in pixels: a curved shaft and a head.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowShape {
    /// SVG path data of the shaft (a quadratic curve).
    pub d: String,
    /// SVG polygon points of the head.
    pub head: String,
    /// Points along the shaft and round the head: the room the arrow takes.
    pub points: Vec<Point>,
}

/// Pixels left clear at the arrow's tail (the origin's marker) and tip (the target's).
const ARROW_TAIL_GAP: f64 = 9.0;
const ARROW_TIP_GAP: f64 = 11.0;
const ARROW_HEAD: f64 = 11.0;

/// The shortest arrow drawn, in pixels between the two points.
const ARROW_MIN: f64 = 16.0;

/// A curved arrow from `from` to `to`, bowing to the left of its direction by a fifth of its
/// length; a short one has its gaps and head shrunk in proportion. `None` when the points are
/// too close to draw one.
pub fn arrow_shape(from: (f64, f64), to: (f64, f64)) -> Option<ArrowShape> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len < ARROW_MIN {
        return None;
    }
    let k = (len / (ARROW_TAIL_GAP + ARROW_TIP_GAP + ARROW_HEAD + 12.0)).min(1.0);
    let (tail_gap, tip_gap, head_len) = (ARROW_TAIL_GAP * k, ARROW_TIP_GAP * k, ARROW_HEAD * k);
    let (ux, uy) = (dx / len, dy / len);
    // Left normal in screen coordinates (y down).
    let (nx, ny) = (uy, -ux);
    let bow = len * 0.2;
    let ctrl = (
        (from.0 + to.0) / 2.0 + nx * bow,
        (from.1 + to.1) / 2.0 + ny * bow,
    );
    // Ends moved back along the curve's end tangents, clear of the markers.
    let towards = |a: (f64, f64), b: (f64, f64), by: f64| {
        let (vx, vy) = (b.0 - a.0, b.1 - a.1);
        let l = (vx * vx + vy * vy).sqrt().max(1e-9);
        (a.0 + vx / l * by, a.1 + vy / l * by)
    };
    let start = towards(from, ctrl, tail_gap);
    let tip = towards(to, ctrl, tip_gap);
    let shaft_end = towards(tip, ctrl, head_len * 0.8);
    let d = format!(
        "M{} {}Q{} {} {} {}",
        px(start.0),
        px(start.1),
        px(ctrl.0),
        px(ctrl.1),
        px(shaft_end.0),
        px(shaft_end.1)
    );
    // The head: a triangle along the tangent at the tip.
    let (tx, ty) = (tip.0 - ctrl.0, tip.1 - ctrl.1);
    let tl = (tx * tx + ty * ty).sqrt().max(1e-9);
    let (tx, ty) = (tx / tl, ty / tl);
    let base = (tip.0 - tx * head_len, tip.1 - ty * head_len);
    let w = head_len * 0.55;
    let head = format!(
        "{},{} {},{} {},{}",
        px(tip.0),
        px(tip.1),
        px(base.0 + ty * w),
        px(base.1 - tx * w),
        px(base.0 - ty * w),
        px(base.1 + tx * w)
    );
    let corners = [
        tip,
        (base.0 + ty * w, base.1 - tx * w),
        (base.0 - ty * w, base.1 + tx * w),
    ];
    let mut points: Vec<Point> = (0..=16)
        .map(|i| {
            let t = f64::from(i) / 16.0;
            let u = 1.0 - t;
            (
                u * u * start.0 + 2.0 * u * t * ctrl.0 + t * t * shaft_end.0,
                u * u * start.1 + 2.0 * u * t * ctrl.1 + t * t * shaft_end.1,
            )
        })
        .collect();
    points.extend(corners);
    points.push(base);
    Some(ArrowShape { d, head, points })
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

/// The CSS class of the side holding a place or running an arrow: `gna`, `lna` or `unknown`
/// (shared by the live map and the snapshot, whose styles use the same names).
pub fn side_class(actor: Option<crate::model::Actor>) -> &'static str {
    use crate::model::Actor;
    match actor {
        Some(Actor::Gna) => "gna",
        Some(Actor::Lna) => "lna",
        _ => "unknown",
    }
}

/// A marker's outline, so that shape as well as colour says who holds a place: a circle for
/// the GNA, a square for the LNA, a diamond (drawn hollow) when unknown, a small circle for
/// anyone else. `r` is the radius of the circle; the others have the same area, nearly.
pub fn marker_path(holder: Option<crate::model::Actor>, x: f64, y: f64, r: f64) -> String {
    use crate::model::Actor;
    match holder {
        Some(Actor::Lna) => {
            let a = r * 0.89;
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
            let a = r * 1.2;
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
pub fn burst_mark(x: f64, y: f64, r: f64) -> String {
    let i = r * 0.3;
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

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::data::places::parse_places;
    use crate::dataset::Dataset;

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
            assert!((250.0..=640.0).contains(&mh));
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
            assert!((50.0..=110.0).contains(&bar.length), "{} px", bar.length);
            let km = bar.length / s.viewport.pixels_per_km();
            assert!((km - f64::from(bar.km)).abs() < 0.5);
        }
        let ar = scene_in(490.0, Lang::Ar);
        assert!(ar.geo_labels.iter().any(|g| g.label.text == "ليبيا"));
    }

    #[test]
    fn land_is_drawn_and_the_boundary_is_east_of_sirte() {
        let s = scene(800.0);
        assert!(s.land.iter().any(|l| l.focus && l.d.len() > 100));
        assert!(
            s.land
                .iter()
                .all(|l| l.d.starts_with('M') || l.d.is_empty())
        );
        let b = &s.boundaries[0];
        assert!(b.d.starts_with('M'));
        assert_eq!(b.sides.len(), 2);
        assert!(b.label.is_some());
        let sirte = s.place(&PlaceId::new("sirte")).unwrap();
        let first_x: f64 = b.d[1..].split(' ').next().unwrap().parse().unwrap();
        assert!(first_x > sirte.x);
        assert!(s.attribution.contains("Natural Earth"));
    }

    #[test]
    fn arrows_bow_left_and_stop_short_of_both_markers() {
        let a = arrow_shape((0.0, 0.0), (100.0, 0.0)).unwrap();
        let nums: Vec<f64> =
            a.d.split(['M', 'Q', ' '])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
        let (sx, cy, ex) = (nums[0], nums[3], nums[4]);
        assert!(sx > 5.0 && sx < 15.0, "tail clear of the origin: {sx}");
        assert!(
            cy < 0.0,
            "bows to the left of eastward travel (up on screen): {cy}"
        );
        assert!(ex < 100.0 - ARROW_TIP_GAP, "shaft ends before the head");
        let tip: Vec<f64> = a
            .head
            .split([' ', ','])
            .take(2)
            .map(|s| s.parse().unwrap())
            .collect();
        assert!(
            (100.0 - tip[0]) > 5.0 && (100.0 - tip[0]) < 15.0,
            "tip clear of the target: {tip:?}"
        );
        assert!(arrow_shape((0.0, 0.0), (10.0, 0.0)).is_none());
        // A short arrow is drawn smaller, not dropped.
        let short = arrow_shape((0.0, 0.0), (24.0, 0.0)).unwrap();
        assert!(short.points.iter().all(|&(x, _)| x > 0.0 && x < 24.0));
        assert!(arrow_shape((0.0, 0.0), (f64::NAN, 0.0)).is_none());
    }

    #[test]
    fn markers_differ_in_shape_by_holder() {
        use crate::model::Actor;
        let gna = marker_path(Some(Actor::Gna), 10.0, 10.0, 6.0);
        let lna = marker_path(Some(Actor::Lna), 10.0, 10.0, 6.0);
        let unknown = marker_path(None, 10.0, 10.0, 6.0);
        assert!(gna.contains('a') && !lna.contains('a') && unknown.matches('L').count() == 3);
        assert!(lna.contains('h') && lna.contains('v'));
        assert_ne!(gna, lna);
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
        assert!(s.land.is_empty() && s.attribution.is_empty());
        assert!(s.places.len() >= 4);
    }
}
