//! From longitude and latitude to screen pixels.
//!
//! A [`Viewport`] is a value: an equirectangular projection whose horizontal scale is corrected
//! by the cosine of a standard parallel (so that, near that latitude, a kilometre east and a
//! kilometre north are the same number of pixels), fitted to a box of `width × height` pixels.
//! Over a region the size of Libya this is within a few percent of a conformal projection and
//! keeps straight meridians, which makes a north–south boundary read as one.
//!
//! x grows eastwards with longitude, y grows southwards (screen convention).
//!
//! ```
//! use newsmap_core::map::projection::{Bounds, Viewport};
//! let libya = Bounds::new(11.0, 28.0, 20.0, 34.0).ok_or("bounds")?;
//! let view = Viewport::fit(libya, 800.0, 600.0, 20.0).ok_or("view")?;
//! let (x, y) = view.project(13.1914, 32.8872).ok_or("project")?;
//! assert!(x > 20.0 && x < 780.0 && y > 20.0 && y < 580.0);
//! let (lon, lat) = view.invert(x, y).ok_or("invert")?;
//! assert!((lon - 13.1914).abs() < 1e-9 && (lat - 32.8872).abs() < 1e-9);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

/// Kilometres in a degree of latitude, taken as a degree of the WGS 84 equator
/// (2π × 6378.137 km / 360): within half a percent at any latitude, plenty for a scale bar.
pub const KM_PER_DEGREE: f64 = 111.32;

/// The smallest cosine of a view's standard parallel: within a few metres of a pole a degree
/// of longitude has no width to fit.
const MIN_PARALLEL_COS: f64 = 1e-6;

/// A longitude/latitude rectangle, west ≤ east and south ≤ north, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// A rectangle, or `None` when a value is not finite, out of range or the box is inverted.
    pub fn new(west: f64, south: f64, east: f64, north: f64) -> Option<Bounds> {
        let finite = [west, south, east, north].iter().all(|v| v.is_finite());
        let in_range = (-180.0..=180.0).contains(&west)
            && (-180.0..=180.0).contains(&east)
            && (-90.0..=90.0).contains(&south)
            && (-90.0..=90.0).contains(&north);
        (finite && in_range && west <= east && south <= north).then_some(Bounds {
            west,
            south,
            east,
            north,
        })
    }

    /// The smallest box holding every point, or `None` for no (valid) point.
    pub fn of_points(points: impl IntoIterator<Item = (f64, f64)>) -> Option<Bounds> {
        let mut acc: Option<Bounds> = None;
        for (lon, lat) in points {
            let Some(p) = Bounds::new(lon, lat, lon, lat) else {
                continue;
            };
            acc = Some(match acc {
                None => p,
                Some(b) => b.union(p),
            });
        }
        acc
    }

    pub fn union(self, o: Bounds) -> Bounds {
        Bounds {
            west: self.west.min(o.west),
            south: self.south.min(o.south),
            east: self.east.max(o.east),
            north: self.north.max(o.north),
        }
    }

    /// The box grown by `deg` degrees on every side (clamped to the globe).
    pub fn grow(self, deg: f64) -> Bounds {
        Bounds {
            west: (self.west - deg).max(-180.0),
            south: (self.south - deg).max(-90.0),
            east: (self.east + deg).min(180.0),
            north: (self.north + deg).min(90.0),
        }
    }

    pub fn contains(self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }
}

/// A fitted projection onto a `width × height` pixel box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Pixels per degree of latitude.
    scale: f64,
    /// cos(standard parallel): pixels per degree of longitude are `scale * kx`.
    kx: f64,
    /// The longitude and latitude at pixel (0, 0).
    lon0: f64,
    lat0: f64,
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// The largest view of `bounds` that fits `width × height` pixels with `padding` pixels
    /// free on every side, centred. `None` for a box with no room (zero or negative size,
    /// padding eating it all) or non-finite values.
    pub fn fit(bounds: Bounds, width: f64, height: f64, padding: f64) -> Option<Viewport> {
        let inner_w = width - 2.0 * padding;
        let inner_h = height - 2.0 * padding;
        if !(inner_w > 0.0 && inner_h > 0.0 && width.is_finite() && height.is_finite()) {
            return None;
        }
        let mid_lat = (bounds.south + bounds.north) / 2.0;
        let kx = mid_lat.to_radians().cos();
        if kx <= MIN_PARALLEL_COS {
            return None;
        }
        let span_x = (bounds.east - bounds.west) * kx;
        let span_y = bounds.north - bounds.south;
        let scale = match (span_x > 0.0, span_y > 0.0) {
            (true, true) => (inner_w / span_x).min(inner_h / span_y),
            (true, false) => inner_w / span_x,
            (false, true) => inner_h / span_y,
            // A single point: show about one degree around it.
            (false, false) => inner_w.min(inner_h),
        };
        let mid_lon = (bounds.west + bounds.east) / 2.0;
        let lon0 = mid_lon - width / 2.0 / (scale * kx);
        let lat0 = mid_lat + height / 2.0 / scale;
        Some(Viewport {
            scale,
            kx,
            lon0,
            lat0,
            width,
            height,
        })
    }

    /// Pixel position of a point; `None` for a value that is not a coordinate on the globe.
    pub fn project(&self, lon: f64, lat: f64) -> Option<(f64, f64)> {
        let valid = lon.is_finite()
            && lat.is_finite()
            && (-180.0..=180.0).contains(&lon)
            && (-90.0..=90.0).contains(&lat);
        valid.then_some({
            (
                (lon - self.lon0) * self.scale * self.kx,
                (self.lat0 - lat) * self.scale,
            )
        })
    }

    /// The coordinate under a pixel; `None` off the globe or for non-finite input.
    pub fn invert(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let lon = self.lon0 + x / (self.scale * self.kx);
        let lat = self.lat0 - y / self.scale;
        let valid = lon.is_finite()
            && lat.is_finite()
            && (-180.0..=180.0).contains(&lon)
            && (-90.0..=90.0).contains(&lat);
        valid.then_some((lon, lat))
    }

    /// Whether a pixel lies inside the view.
    pub fn shows(&self, x: f64, y: f64) -> bool {
        (0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)
    }

    /// The geographic box the whole view shows.
    pub fn visible_bounds(&self) -> Option<Bounds> {
        let (west, north) = self.invert(0.0, 0.0)?;
        let (east, south) = self.invert(self.width, self.height)?;
        Bounds::new(west, south, east, north)
    }

    /// The affine map from "degree units" — `(lon × cos φ₀, −lat)`, with φ₀ the view's
    /// standard parallel — to pixels, as SVG's `matrix(a b c d e f)`. Every view fitted to
    /// the same bounds shares the units, so one path in them serves every width.
    pub fn matrix(&self) -> [f64; 6] {
        let s = self.scale;
        [s, 0.0, 0.0, s, -self.lon0 * s * self.kx, self.lat0 * s]
    }

    /// A point in degree units (see [`Viewport::matrix`]).
    pub fn units(&self, lon: f64, lat: f64) -> (f64, f64) {
        (lon * self.kx, -lat)
    }

    /// Pixels per kilometre, near the standard parallel.
    pub fn pixels_per_km(&self) -> f64 {
        self.scale / KM_PER_DEGREE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn libya() -> Bounds {
        Bounds::new(11.5, 28.3, 19.5, 33.5).unwrap()
    }

    #[test]
    fn fitted_bounds_touch_the_padding_on_the_limiting_axis() {
        let v = Viewport::fit(libya(), 1000.0, 1000.0, 50.0).unwrap();
        let (x0, _) = v.project(11.5, 30.0).unwrap();
        let (x1, _) = v.project(19.5, 30.0).unwrap();
        // Wider than tall (after the cosine), so x is the limiting axis.
        assert!((x0 - 50.0).abs() < 1e-9, "{x0}");
        assert!((x1 - 950.0).abs() < 1e-9, "{x1}");
        let (_, yn) = v.project(15.0, 33.5).unwrap();
        let (_, ys) = v.project(15.0, 28.3).unwrap();
        assert!(
            yn > 50.0 && ys < 950.0 && yn < ys,
            "north above south: {yn} {ys}"
        );
        // Centred vertically.
        assert!((yn - (1000.0 - ys)).abs() < 1e-9);
    }

    #[test]
    fn every_corner_of_the_bounds_is_visible_at_phone_and_desktop_sizes() {
        for (w, h) in [
            (320.0, 420.0),
            (375.0, 480.0),
            (1280.0, 720.0),
            (1600.0, 900.0),
        ] {
            let v = Viewport::fit(libya(), w, h, 16.0).unwrap();
            for (lon, lat) in [(11.5, 28.3), (19.5, 28.3), (11.5, 33.5), (19.5, 33.5)] {
                let (x, y) = v.project(lon, lat).unwrap();
                assert!(v.shows(x, y), "{lon},{lat} at {w}x{h} -> {x},{y}");
            }
        }
    }

    #[test]
    fn a_kilometre_is_the_same_length_east_and_north_at_the_centre() {
        let v = Viewport::fit(libya(), 800.0, 600.0, 0.0).unwrap();
        let lat = (28.3 + 33.5) / 2.0;
        let (x0, y0) = v.project(15.0, lat).unwrap();
        let (x1, _) = v
            .project(15.0 + 1.0 / (KM_PER_DEGREE * lat.to_radians().cos()), lat)
            .unwrap();
        let (_, y1) = v.project(15.0, lat - 1.0 / KM_PER_DEGREE).unwrap();
        assert!(((x1 - x0) - (y1 - y0)).abs() < 1e-9);
        assert!(((x1 - x0) - v.pixels_per_km()).abs() < 1e-9);
    }

    #[test]
    fn invert_undoes_project() {
        let v = Viewport::fit(libya(), 640.0, 480.0, 10.0).unwrap();
        for (lon, lat) in [
            (13.19, 32.88),
            (16.58, 31.2),
            (18.77, 30.33),
            (-10.0, -45.0),
        ] {
            let (x, y) = v.project(lon, lat).unwrap();
            let (lo, la) = v.invert(x, y).unwrap();
            assert!((lo - lon).abs() < 1e-9 && (la - lat).abs() < 1e-9);
        }
        let vb = v.visible_bounds().unwrap();
        assert!(vb.west <= 11.5 && vb.east >= 19.5 && vb.south <= 28.3 && vb.north >= 33.5);
    }

    #[test]
    fn no_view_without_room() {
        assert!(Viewport::fit(libya(), 0.0, 0.0, 0.0).is_none());
        assert!(Viewport::fit(libya(), 100.0, 100.0, 50.0).is_none());
        assert!(Viewport::fit(libya(), -5.0, 100.0, 0.0).is_none());
        assert!(Viewport::fit(libya(), f64::NAN, 100.0, 0.0).is_none());
        assert!(Viewport::fit(libya(), f64::INFINITY, 100.0, 0.0).is_none());
    }

    #[test]
    fn a_single_point_still_gets_a_view() {
        let b = Bounds::new(13.0, 32.0, 13.0, 32.0).unwrap();
        let v = Viewport::fit(b, 200.0, 100.0, 10.0).unwrap();
        let (x, y) = v.project(13.0, 32.0).unwrap();
        assert!((x - 100.0).abs() < 1e-9 && (y - 50.0).abs() < 1e-9);
    }

    #[test]
    fn non_coordinates_do_not_project() {
        let v = Viewport::fit(libya(), 640.0, 480.0, 10.0).unwrap();
        assert!(v.project(f64::NAN, 30.0).is_none());
        assert!(v.project(15.0, 91.0).is_none());
        assert!(v.project(181.0, 30.0).is_none());
        assert!(v.invert(f64::INFINITY, 0.0).is_none());
        assert!(v.invert(1e12, 0.0).is_none());
    }

    #[test]
    fn bounds_reject_nonsense_and_grow_within_the_globe() {
        assert!(Bounds::new(20.0, 0.0, 10.0, 1.0).is_none());
        assert!(Bounds::new(0.0, 0.0, 10.0, f64::NAN).is_none());
        assert!(Bounds::of_points([]).is_none());
        let b = Bounds::of_points([(13.0, 32.0), (f64::NAN, 1.0), (16.5, 31.2)]).unwrap();
        assert_eq!((b.west, b.south, b.east, b.north), (13.0, 31.2, 16.5, 32.0));
        let g = Bounds::new(179.5, 89.5, 180.0, 90.0).unwrap().grow(1.0);
        assert_eq!((g.east, g.north), (180.0, 90.0));
        assert!(b.contains(15.0, 31.5) && !b.contains(12.0, 31.5));
    }
}
