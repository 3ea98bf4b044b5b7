//! Screen shapes of the map that do not change with time: land, boundaries, where each
//! place's marker and label go.
//!
//! A [`BaseScene`] is computed from the data and the width of the map's container, in pixels.
//! The live map (Leptos) and the static snapshot (a native SVG writer) both draw it, so they
//! cannot disagree about where anything is.

use crate::data::places::{Basemap, Boundary, PlaceSet};
use crate::map::geometry::{path_data, px};
use crate::map::projection::{Bounds, Viewport};
use crate::model::{PlaceId, PlaceRole};
use crate::story::words::{Lang, Ui, Words};

/// Narrowest and widest maps the layout is designed for, in CSS pixels.
pub const MIN_WIDTH: f64 = 320.0;
pub const MAX_WIDTH: f64 = 1600.0;

/// Degrees of longitude kept beside a boundary for the region names on either side.
const REGION_LABEL_ROOM_DEG: f64 = 1.6;

/// Pixels kept free between the story's bounds and the edge of the map.
const PADDING: f64 = 28.0;

/// The map's pixel size for a container `width` pixels wide: wide screens get a landscape
/// map, phones a squarer one, and the height stays within what fits a screen.
pub fn map_size(container_width: f64) -> (f64, f64) {
    let w = if container_width.is_finite() {
        container_width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        MIN_WIDTH
    };
    let h = (w * 0.62).clamp(340.0, 640.0);
    (w.round(), h.round())
}

/// Where a label's text sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// A piece of text on the map; `(x, y)` is the text's baseline anchor point.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    /// Font size in pixels.
    pub size: f64,
}

impl Label {
    /// An estimate of the label's box `(x0, y0, x1, y1)`, good enough to keep labels apart.
    pub fn rect(&self) -> (f64, f64, f64, f64) {
        let w = self.text.chars().count() as f64 * self.size * 0.56 + 2.0;
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        (
            x0,
            self.y - self.size * 0.8,
            x0 + w,
            self.y + self.size * 0.25,
        )
    }
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
    pub label: Label,
    /// Region names on either side of the line.
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

/// Everything static the map draws, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseScene {
    pub viewport: Viewport,
    pub land: Vec<LandShape>,
    pub boundaries: Vec<BoundaryShape>,
    pub places: Vec<PlaceMark>,
    pub attribution: String,
}

/// Marker radius kept clear of labels, in pixels.
const MARKER_CLEARANCE: f64 = 8.0;

type Rect = (f64, f64, f64, f64);

fn marker_box(x: f64, y: f64) -> Rect {
    (
        x - MARKER_CLEARANCE,
        y - MARKER_CLEARANCE,
        x + MARKER_CLEARANCE,
        y + MARKER_CLEARANCE,
    )
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn inside(r: Rect, w: f64, h: f64) -> bool {
    r.0 >= 2.0 && r.1 >= 2.0 && r.2 <= w - 2.0 && r.3 <= h - 2.0
}

/// Keeps a free-standing label on the map: flips it to the other side of its point when it
/// would run off an edge, then nudges it in.
fn keep_inside(mut label: Label, w: f64, h: f64) -> Label {
    let (x0, _, x1, _) = label.rect();
    if x1 > w - 2.0 && label.anchor == Anchor::Start {
        label.anchor = Anchor::End;
        label.x -= 16.0;
    } else if x0 < 2.0 && label.anchor == Anchor::End {
        label.anchor = Anchor::Start;
        label.x += 16.0;
    }
    let (x0, y0, x1, y1) = label.rect();
    if x1 > w - 2.0 {
        label.x -= x1 - (w - 2.0);
    }
    if x0 < 2.0 {
        label.x += 2.0 - x0;
    }
    if y1 > h - 2.0 {
        label.y -= y1 - (h - 2.0);
    }
    if y0 < 2.0 {
        label.y += 2.0 - y0;
    }
    label
}

/// A label to place beside a point.
struct LabelRequest {
    x: f64,
    y: f64,
    text: String,
    size: f64,
    /// Shown even where no position is free.
    required: bool,
}

/// Puts each label at the first of eight positions around its point that stays on the map
/// and clear of every marker and label already placed. A label marked `required` that finds
/// no free position takes the first that stays on the map; another is left out.
fn place_labels(
    requests: &[LabelRequest],
    taken: &mut Vec<Rect>,
    w: f64,
    h: f64,
) -> Vec<Option<Label>> {
    for r in requests {
        taken.push(marker_box(r.x, r.y));
    }
    let mut labels = Vec::with_capacity(requests.len());
    for r in requests {
        let (x, y, size) = (r.x, r.y, r.size);
        let gap = MARKER_CLEARANCE + 2.0;
        let candidates = [
            (x + gap, y + size * 0.35, Anchor::Start),
            (x - gap, y + size * 0.35, Anchor::End),
            (x, y - gap, Anchor::Middle),
            (x, y + gap + size * 0.8, Anchor::Middle),
            (x + gap * 0.8, y - gap * 0.8, Anchor::Start),
            (x + gap * 0.8, y + gap * 0.8 + size * 0.6, Anchor::Start),
            (x - gap * 0.8, y - gap * 0.8, Anchor::End),
            (x - gap * 0.8, y + gap * 0.8 + size * 0.6, Anchor::End),
        ];
        let make = |(lx, ly, anchor): (f64, f64, Anchor)| Label {
            text: r.text.clone(),
            x: lx,
            y: ly,
            anchor,
            size,
        };
        let free = candidates
            .iter()
            .map(|c| make(*c))
            .find(|l| inside(l.rect(), w, h) && !taken.iter().any(|t| overlaps(*t, l.rect())));
        let chosen = match (free, r.required) {
            (Some(l), _) => Some(l),
            (None, true) => Some(
                candidates
                    .iter()
                    .map(|c| make(*c))
                    .find(|l| inside(l.rect(), w, h))
                    .unwrap_or_else(|| make(candidates[0])),
            ),
            (None, false) => None,
        };
        if let Some(l) = &chosen {
            taken.push(l.rect());
        }
        labels.push(chosen);
    }
    labels
}

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

/// The places' markers and labels: story places first, clear of each other, with the best
/// label positions; then context places, each left out where its marker would sit under a
/// story label.
fn place_marks(places: &PlaceSet, viewport: &Viewport, words: &Words) -> Vec<PlaceMark> {
    let (w, h) = (viewport.width, viewport.height);
    let projected: Vec<_> = places
        .places
        .iter()
        .filter_map(|p| viewport.project(p.lon, p.lat).map(|xy| (p, xy)))
        .collect();
    let mut taken = Vec::new();
    let mut marks = Vec::with_capacity(projected.len());
    for story in [true, false] {
        let group: Vec<_> = projected
            .iter()
            .filter(|(p, _)| (p.role == PlaceRole::Story) == story)
            .filter(|(_, (x, y))| story || !taken.iter().any(|t| overlaps(*t, marker_box(*x, *y))))
            .collect();
        let requests: Vec<_> = group
            .iter()
            .map(|(p, (x, y))| LabelRequest {
                x: *x,
                y: *y,
                text: words.place(places, &p.id),
                size: label_size(story, w),
                required: story,
            })
            .collect();
        let labels = place_labels(&requests, &mut taken, w, h);
        marks.extend(
            group
                .iter()
                .zip(labels)
                .map(|((p, (x, y)), label)| PlaceMark {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role,
                    x: *x,
                    y: *y,
                    label,
                }),
        );
    }
    marks
}

/// A boundary's line, its label beside its middle, and the names of the regions either
/// side a little inland from its first (coastal) point.
fn boundary_shape(b: &Boundary, viewport: &Viewport, words: &Words) -> Option<BoundaryShape> {
    let (w, h) = (viewport.width, viewport.height);
    let pts: Vec<_> = b
        .line
        .iter()
        .filter_map(|&(lon, lat)| viewport.project(lon, lat))
        .collect();
    let mut d = String::new();
    path_data(pts.iter().copied(), false, 1, &mut d);
    let (x, y) = *pts.first()?;
    let (mx, my) = *pts.get(pts.len() / 2)?;
    let label = Label {
        text: words.ui(Ui::BoundaryLabel).to_owned(),
        x: mx + 6.0,
        y: my,
        anchor: Anchor::Start,
        size: 11.0,
    };
    let (west, east) = match words.lang {
        Lang::Ar => (
            b.west_ar.as_ref().or(b.west.as_ref()),
            b.east_ar.as_ref().or(b.east.as_ref()),
        ),
        Lang::En => (b.west.as_ref(), b.east.as_ref()),
    };
    let sides = [(west, Anchor::End, -8.0), (east, Anchor::Start, 8.0)]
        .into_iter()
        .filter_map(|(name, anchor, dx)| {
            name.map(|n| Label {
                text: n.to_uppercase(),
                x: x + dx,
                y: y + 28.0,
                anchor,
                size: 11.0,
            })
        })
        .collect();
    Some(BoundaryShape {
        id: b.id.clone(),
        name: b.name.clone(),
        d,
        label: keep_inside(label, w, h),
        sides,
    })
}

impl BaseScene {
    /// Lays out the map for a container `container_width` pixels wide. `None` when the places
    /// have no usable extent.
    pub fn build(
        places: &PlaceSet,
        basemap: Option<&Basemap>,
        container_width: f64,
        words: &Words,
    ) -> Option<BaseScene> {
        let (w, h) = map_size(container_width);
        let viewport = Viewport::fit(frame_bounds(places)?, w, h, PADDING)?;
        Some(BaseScene {
            land: land_shapes(basemap, &viewport),
            places: place_marks(places, &viewport, words),
            boundaries: places
                .boundaries
                .iter()
                .filter_map(|b| boundary_shape(b, &viewport, words))
                .collect(),
            attribution: basemap.map(|b| b.attribution.clone()).unwrap_or_default(),
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
}

/// Pixels left clear at the arrow's tail (the origin's marker) and tip (the target's).
const ARROW_TAIL_GAP: f64 = 9.0;
const ARROW_TIP_GAP: f64 = 11.0;
const ARROW_HEAD: f64 = 11.0;

/// A curved arrow from `from` to `to`, bowing to the left of its direction by a fifth of its
/// length. `None` when the points are too close to draw one.
pub fn arrow_shape(from: (f64, f64), to: (f64, f64)) -> Option<ArrowShape> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len < ARROW_TAIL_GAP + ARROW_TIP_GAP + ARROW_HEAD {
        return None;
    }
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
    let start = towards(from, ctrl, ARROW_TAIL_GAP);
    let tip = towards(to, ctrl, ARROW_TIP_GAP);
    let shaft_end = towards(tip, ctrl, ARROW_HEAD * 0.8);
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
    let base = (tip.0 - tx * ARROW_HEAD, tip.1 - ty * ARROW_HEAD);
    let w = ARROW_HEAD * 0.55;
    let head = format!(
        "{},{} {},{} {},{}",
        px(tip.0),
        px(tip.1),
        px(base.0 + ty * w),
        px(base.1 - tx * w),
        px(base.0 - ty * w),
        px(base.1 + tx * w)
    );
    Some(ArrowShape { d, head })
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
    use crate::data::places::{parse_basemap, parse_places};

    fn scene(width: f64) -> BaseScene {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let basemap = parse_basemap(include_str!("../../../../assets/basemap.geojson")).unwrap();
        BaseScene::build(&places, Some(&basemap), width, &Words::new(Lang::En)).unwrap()
    }

    #[test]
    fn map_size_stays_within_the_designed_range() {
        assert_eq!(map_size(100.0).0, MIN_WIDTH);
        assert_eq!(map_size(5000.0).0, MAX_WIDTH);
        assert_eq!(map_size(f64::NAN).0, MIN_WIDTH);
        for w in [320.0, 375.0, 768.0, 1280.0, 1600.0] {
            let (mw, mh) = map_size(w);
            assert_eq!(mw, w);
            assert!((340.0..=640.0).contains(&mh));
        }
    }

    #[test]
    fn every_place_and_label_is_inside_the_map_at_every_width() {
        for width in [320.0, 375.0, 768.0, 1280.0, 1600.0] {
            let s = scene(width);
            let v = s.viewport;
            assert!(s.places.len() >= 4);
            for id in ["tripoli", "tarhuna", "bani_walid", "sirte"] {
                assert!(s.place(&PlaceId::new(id)).is_some(), "{id} at {width}");
            }
            for p in &s.places {
                assert!(v.shows(p.x, p.y), "{} at {width}", p.name);
                if let Some(l) = &p.label {
                    assert!(
                        inside(l.rect(), v.width, v.height),
                        "{} label at {width}",
                        p.name
                    );
                } else {
                    assert_eq!(p.role, PlaceRole::Context, "{} must be labelled", p.name);
                }
            }
        }
    }

    #[test]
    fn story_labels_do_not_overlap_each_other_or_markers() {
        for width in [320.0, 375.0, 1280.0] {
            let s = scene(width);
            for a in &s.places {
                for b in &s.places {
                    if a.id == b.id {
                        continue;
                    }
                    let (Some(la), lb) = (&a.label, &b.label) else {
                        continue;
                    };
                    if let Some(lb) = lb {
                        assert!(
                            !overlaps(la.rect(), lb.rect()),
                            "{} / {} at {width}",
                            a.name,
                            b.name
                        );
                    }
                    let marker = (b.x - 6.0, b.y - 6.0, b.x + 6.0, b.y + 6.0);
                    assert!(
                        !overlaps(la.rect(), marker),
                        "{} label on {} at {width}",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }

    #[test]
    fn boundary_labels_stay_on_the_map_at_every_width() {
        for width in [320.0, 375.0, 768.0, 1280.0, 1600.0] {
            let s = scene(width);
            for b in &s.boundaries {
                assert!(
                    inside(b.label.rect(), s.viewport.width, s.viewport.height),
                    "label at {width}"
                );
                for l in &b.sides {
                    assert!(
                        inside(l.rect(), s.viewport.width, s.viewport.height),
                        "{} at {width}",
                        l.text
                    );
                }
            }
        }
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
        let s = BaseScene::build(&places, None, 375.0, &Words::new(Lang::En)).unwrap();
        assert!(s.land.is_empty() && s.attribution.is_empty());
        assert!(s.places.len() >= 4);
    }
}
