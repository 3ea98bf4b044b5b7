//! What tells a reader where the map is: the names of the countries and seas it shows, a
//! locator inset with the frame drawn on the whole region, and a scale bar in kilometres.

use super::labels::{Anchor, EDGE, Label, Rect, Taken, WIDE_SPACING, first_free};
use super::projection::Viewport;
use crate::data::places::Basemap;
use crate::map::geometry::point_in_ring;
use crate::model::Point;
use crate::story::words::{Lang, Ui, Words};

/// A country's rings, projected to the map's pixels.
pub struct ProjectedCountry {
    pub name: String,
    pub name_ar: String,
    pub focus: bool,
    pub rings: Vec<Vec<Point>>,
}

impl ProjectedCountry {
    /// Whether a pixel lies on this country (in an odd number of its rings).
    fn covers(&self, p: Point) -> bool {
        self.rings.iter().filter(|r| point_in_ring(r, p)).count() % 2 == 1
    }
}

/// The basemap's countries in pixels.
pub fn project_countries(basemap: Option<&Basemap>, v: &Viewport) -> Vec<ProjectedCountry> {
    let countries = basemap.map(|b| b.countries.as_slice()).unwrap_or_default();
    countries
        .iter()
        .map(|c| ProjectedCountry {
            name: c.name.clone(),
            name_ar: c.name_ar.clone(),
            focus: c.focus,
            rings: c
                .polygons
                .iter()
                .flatten()
                .map(|ring| {
                    ring.iter()
                        .filter_map(|&(lon, lat)| v.project(lon, lat))
                        .collect()
                })
                .collect(),
        })
        .collect()
}

/// What a name on the map that is not a place's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoKind {
    /// A country other than the story's.
    Country,
    /// The story's own country.
    Focus,
    /// A sea or a gulf.
    Water,
}

/// A name on the map that is not a place's: a country, a sea.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoLabel {
    pub label: Label,
    pub kind: GeoKind,
}

/// Points across a country's extent, each way, where its name may go.
const GRID_STEPS: usize = 12;

/// Points in a grid over the part of `rings` the map shows, nearest the part's middle first.
fn grid_points(rings: &[Vec<Point>], w: f64, h: f64) -> Vec<Point> {
    let xs = rings.iter().flatten().map(|p| p.0);
    let ys = rings.iter().flatten().map(|p| p.1);
    let x0 = xs.clone().fold(f64::INFINITY, f64::min).max(0.0);
    let x1 = xs.fold(f64::NEG_INFINITY, f64::max).min(w);
    let y0 = ys.clone().fold(f64::INFINITY, f64::min).max(0.0);
    let y1 = ys.fold(f64::NEG_INFINITY, f64::max).min(h);
    if !(x1 > x0 && y1 > y0) {
        return Vec::new();
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let mut points: Vec<Point> = (0..=GRID_STEPS)
        .flat_map(|i| {
            (0..=GRID_STEPS).map(move |j| {
                let (fi, fj) = (i as f64 / GRID_STEPS as f64, j as f64 / GRID_STEPS as f64);
                (x0 + (x1 - x0) * fi, y0 + (y1 - y0) * fj)
            })
        })
        .collect();
    let d = |p: &Point| (p.0 - cx).hypot(p.1 - cy);
    points.sort_by(|a, b| d(a).total_cmp(&d(b)));
    points
}

/// Pixels kept free around a country's name, so it does not read as a town's.
const COUNTRY_ROOM: f64 = 14.0;

/// The size of the story's country's name: as large as a story town's, the map's subject.
const FOCUS_COUNTRY_SIZE: f64 = 14.0;

/// The size of a neighbouring country's name: as small as the smallest town's, background.
const COUNTRY_SIZE: f64 = 11.0;

/// How far below its point a country's name sits its baseline, in em, so that the capitals'
/// middle is on the point.
const COUNTRY_BASELINE_DROP: f64 = 0.35;

/// Pixels between the points of the map where a sea's name may go, when its own is taken.
const WATER_GRID_STEP: f64 = 16.0;

/// The size of a sea's name: between a neighbour's and a town's.
const WATER_SIZE: f64 = 11.5;

/// Each country the frame shows, named inside its own outline where the name covers nothing:
/// the story's country first and larger, in capitals.
pub fn country_labels(
    countries: &[ProjectedCountry],
    words: &Words,
    taken: &mut Taken,
    w: f64,
    h: f64,
) -> Vec<GeoLabel> {
    let mut order: Vec<&ProjectedCountry> = countries.iter().collect();
    order.sort_by_key(|c| !c.focus);
    let mut out = Vec::new();
    for c in order {
        let name = match words.lang {
            Lang::Ar if !c.name_ar.is_empty() => c.name_ar.clone(),
            Lang::Ar => c.name.clone(),
            Lang::En => c.name.to_uppercase(),
        };
        let size = if c.focus {
            FOCUS_COUNTRY_SIZE
        } else {
            COUNTRY_SIZE
        };
        let spacing = if words.lang == Lang::En {
            WIDE_SPACING
        } else {
            0.0
        };
        let candidates = grid_points(&c.rings, w, h).into_iter().map(|(x, y)| {
            let baseline = y + size * COUNTRY_BASELINE_DROP;
            let mut l = Label::new(name.clone(), x, baseline, Anchor::Middle, size);
            l.spacing = spacing;
            l
        });
        // Inside the outline, and with room around it: a country's name must not read as a
        // town's.
        let roomy: Vec<Label> = candidates
            .filter(|l| {
                let r = l.rect();
                let around = Rect {
                    x0: r.x0 - COUNTRY_ROOM,
                    y0: r.y0 - COUNTRY_ROOM,
                    x1: r.x1 + COUNTRY_ROOM,
                    y1: r.y1 + COUNTRY_ROOM,
                };
                r.outline().iter().all(|&p| c.covers(p)) && taken.free(&around)
            })
            .collect();
        if let Some(label) = first_free(roomy, taken, w, h) {
            let kind = if c.focus {
                GeoKind::Focus
            } else {
                GeoKind::Country
            };
            out.push(GeoLabel { label, kind });
        }
    }
    out
}

/// Points every `step` pixels over a `w × h` map.
fn frame_grid(w: f64, h: f64, step: f64) -> impl Iterator<Item = Point> {
    let (nx, ny) = ((w / step) as usize, (h / step) as usize);
    (0..=nx).flat_map(move |i| (0..=ny).map(move |j| (i as f64 * step, j as f64 * step)))
}

/// Each sea and gulf near its point, on open water, where its name covers nothing.
pub fn water_labels(
    basemap: Option<&Basemap>,
    countries: &[ProjectedCountry],
    v: &Viewport,
    words: &Words,
    taken: &mut Taken,
) -> Vec<GeoLabel> {
    let (w, h) = (v.width, v.height);
    let waters = basemap.map(|b| b.waters.as_slice()).unwrap_or_default();
    let mut out = Vec::new();
    for water in waters {
        let Some((x, y)) = v.project(water.lon, water.lat) else {
            continue;
        };
        let name = match words.lang {
            Lang::Ar if !water.name_ar.is_empty() => water.name_ar.clone(),
            _ => water.name.clone(),
        };
        // The point, then points of the frame, nearest it first.
        let mut points = vec![(x, y)];
        points.extend(frame_grid(w, h, WATER_GRID_STEP));
        let d = |p: &Point| (p.0 - x).hypot(p.1 - y);
        points[1..].sort_by(|a, b| d(a).total_cmp(&d(b)));
        let candidates = points
            .into_iter()
            .map(|(px, py)| Label::new(name.clone(), px, py, Anchor::Middle, WATER_SIZE));
        let at_sea = candidates.filter(|l| {
            let outline = l.rect().outline();
            !outline
                .iter()
                .any(|&p| countries.iter().any(|c| c.covers(p)))
        });
        if let Some(label) = first_free(at_sea, taken, w, h) {
            out.push(GeoLabel {
                label,
                kind: GeoKind::Water,
            });
        }
    }
    out
}

/// The locator inset: the whole basemap small, with the map's frame drawn on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Locator {
    /// Where the inset sits on the map, in pixels.
    pub rect: Rect,
    /// From the shared shapes' degree units to the inset's pixels: the affine map
    /// `[a, b, c, d, e, f]` taking `(u, v)` to `(a·u + c·v + e, b·u + d·v + f)`.
    pub matrix: [f64; 6],
    /// The map's frame, in the inset's pixels.
    pub frame: Rect,
}

/// The locator's width as a share of the map's: small beside the story.
const LOCATOR_SHARE: f64 = 0.2;

/// The narrowest locator, in pixels: below it the region is too small to recognise.
const LOCATOR_MIN_WIDTH: f64 = 64.0;

/// The widest locator, in pixels: beyond it the inset takes room the story needs.
const LOCATOR_MAX_WIDTH: f64 = 120.0;

/// Pixels between the locator and the map's edges.
const LOCATOR_MARGIN: f64 = 8.0;

/// Pixels kept under a locator in a bottom corner: a line of the credit's small text.
const LOCATOR_CREDIT_ROOM: f64 = 14.0;

/// Pixels round the locator that must be free too, so it touches no mark.
const LOCATOR_ROOM: f64 = 2.0;

/// Lays out the locator in the first corner of the map where it covers nothing.
pub fn locator(basemap: Option<&Basemap>, v: &Viewport, taken: &mut Taken) -> Option<Locator> {
    let basemap = basemap?;
    // The basemap's extent in degree units (those of the map's projection).
    let units: Vec<Point> = basemap
        .countries
        .iter()
        .flat_map(|c| c.polygons.iter().flatten().flatten())
        .map(|&(lon, lat)| v.units(lon, lat))
        .collect();
    let (u0, u1) = min_max(units.iter().map(|p| p.0))?;
    let (v0, v1) = min_max(units.iter().map(|p| p.1))?;
    let width = (v.width * LOCATOR_SHARE).clamp(LOCATOR_MIN_WIDTH, LOCATOR_MAX_WIDTH);
    let scale = width / (u1 - u0);
    let height = (v1 - v0) * scale;
    let margin = LOCATOR_MARGIN;
    let bottom = v.height - height - margin - LOCATOR_CREDIT_ROOM;
    let corners = [
        (margin, bottom),
        (margin, margin),
        (v.width - width - margin, margin),
        (v.width - width - margin, bottom),
    ];
    let (x, y) = corners.into_iter().find(|&(x, y)| {
        taken.free(&Rect {
            x0: x - LOCATOR_ROOM,
            y0: y - LOCATOR_ROOM,
            x1: x + width + LOCATOR_ROOM,
            y1: y + height + LOCATOR_ROOM,
        })
    })?;
    let rect = Rect {
        x0: x,
        y0: y,
        x1: x + width,
        y1: y + height,
    };
    taken.add(rect);
    // The frame's corners, from pixels of the map to degree units to the inset's pixels.
    let [a, _, _, d, e, f] = v.matrix();
    let to_inset = |px: f64, py: f64| (((px - e) / a - u0) * scale, ((py - f) / d - v0) * scale);
    let (fx0, fy0) = to_inset(0.0, 0.0);
    let (fx1, fy1) = to_inset(v.width, v.height);
    Some(Locator {
        rect,
        matrix: [scale, 0.0, 0.0, scale, -u0 * scale, -v0 * scale],
        frame: Rect {
            x0: fx0.max(0.0),
            y0: fy0.max(0.0),
            x1: fx1.min(width),
            y1: fy1.min(height),
        },
    })
}

/// The least and greatest of `values`, or `None` when they do not span a range.
fn min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
        (lo.min(x), hi.max(x))
    });
    (hi > lo).then_some((lo, hi))
}

/// A scale bar: a round distance in kilometres, its length in pixels and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleBar {
    pub km: u32,
    pub x: f64,
    pub y: f64,
    pub length: f64,
    pub label: Label,
}

/// The round distances a scale bar may show, in km.
const SCALE_STEPS: [u32; 8] = [10, 20, 25, 50, 100, 200, 250, 500];

/// The shortest scale bar, in pixels: shorter, its distance is hard to judge by eye.
pub const SCALE_MIN_LENGTH: f64 = 50.0;

/// The longest scale bar, in pixels: more than twice the shortest, so a round step always
/// fits between them.
pub const SCALE_MAX_LENGTH: f64 = 110.0;

/// Pixels between the scale bar and the map's side edge.
const SCALE_MARGIN: f64 = 10.0;

/// How far above the map's bottom edge the scale bar's line runs, in pixels: clear of the
/// credit line.
const SCALE_BOTTOM: f64 = 24.0;

/// How far above the line its distance sits its baseline, in pixels.
const SCALE_LABEL_RISE: f64 = 5.0;

/// The size of the scale bar's distance: the credit's size, a small aside.
const SCALE_LABEL_SIZE: f64 = 10.0;

/// The height of the scale bar's end ticks, in pixels; the bar keeps as much room below its
/// line.
pub const SCALE_TICK: f64 = 4.0;

/// Pixels the scale bar's room reaches past its line's ends and its label's sides.
const SCALE_ROOM: f64 = 1.0;

/// A scale bar of a round number of km between [`SCALE_MIN_LENGTH`] and [`SCALE_MAX_LENGTH`]
/// pixels long (near the map's middle latitude), in the first bottom corner where it covers
/// nothing.
pub fn scale_bar(v: &Viewport, words: &Words, taken: &mut Taken) -> Option<ScaleBar> {
    let per_km = v.pixels_per_km();
    let km = SCALE_STEPS
        .into_iter()
        .find(|&k| f64::from(k) * per_km >= SCALE_MIN_LENGTH)
        .filter(|&k| f64::from(k) * per_km <= SCALE_MAX_LENGTH)?;
    let length = f64::from(km) * per_km;
    let margin = SCALE_MARGIN;
    let y = v.height - SCALE_BOTTOM;
    for x in [v.width - length - margin, margin] {
        let text = format!("{km} {}", words.ui(Ui::Scale));
        let (lx, ly) = (x + length / 2.0, y - SCALE_LABEL_RISE);
        let label = Label::new(text, lx, ly, Anchor::Middle, SCALE_LABEL_SIZE);
        let lr = label.rect();
        let bar = Rect {
            x0: x.min(lr.x0) - SCALE_ROOM,
            y0: lr.y0,
            x1: (x + length).max(lr.x1) + SCALE_ROOM,
            y1: y + SCALE_TICK,
        };
        if bar.inside(v.width, v.height, EDGE) && taken.free(&bar) {
            taken.add(bar);
            return Some(ScaleBar {
                km,
                x,
                y,
                length,
                label,
            });
        }
    }
    None
}
