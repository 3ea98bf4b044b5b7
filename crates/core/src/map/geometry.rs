//! Plane geometry shared by the basemap converter, the live map and the static snapshot:
//! point-in-polygon, line simplification, clipping to a rectangle and SVG path data.
//!
//! Points are `(x, y)` pairs; for geographic input x is longitude and y latitude.

use std::fmt::Write;

pub use crate::model::Point;

/// Whether `p` lies inside the closed `ring` (even–odd rule).
pub fn point_in_ring(ring: &[Point], p: Point) -> bool {
    let mut inside = false;
    let n = ring.len();
    if n < 3 {
        return false;
    }
    let mut j = n - 1;
    for i in 0..n {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > p.1) != (yj > p.1) && p.0 < (xj - xi) * (p.1 - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

fn distance_to_segment(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// Douglas–Peucker simplification: keeps the first and last point and every point that lies
/// farther than `tolerance` from the simplified line. Iterative, so long lines cannot
/// overflow the stack.
pub fn simplify(line: &[Point], tolerance: f64) -> Vec<Point> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut worst = (0.0, 0);
        for i in first + 1..last {
            let d = distance_to_segment(line[i], line[first], line[last]);
            if d > worst.0 {
                worst = (d, i);
            }
        }
        if worst.0 > tolerance {
            keep[worst.1] = true;
            stack.push((first, worst.1));
            stack.push((worst.1, last));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Clips a closed ring to the rectangle `[x0, x1] × [y0, y1]` (Sutherland–Hodgman). The
/// result may run along the rectangle's edges; that is invisible once the rectangle is
/// larger than the view. Returns an empty ring when nothing is left.
pub fn clip_ring(ring: &[Point], x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Point> {
    type Inside = fn(Point, [f64; 4]) -> bool;
    type Cross = fn(Point, Point, [f64; 4]) -> Point;
    let r = [x0, y0, x1, y1];
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.0 >= r[0], |a, b, r| lerp_x(a, b, r[0])),
        (|p, r| p.0 <= r[2], |a, b, r| lerp_x(a, b, r[2])),
        (|p, r| p.1 >= r[1], |a, b, r| lerp_y(a, b, r[1])),
        (|p, r| p.1 <= r[3], |a, b, r| lerp_y(a, b, r[3])),
    ];
    let mut out: Vec<Point> = ring.to_vec();
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    for (inside, cross) in edges {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else {
            break;
        };
        let mut prev = last;
        for &cur in &input {
            match (inside(cur, r), inside(prev, r)) {
                (true, true) => out.push(cur),
                (true, false) => {
                    out.push(cross(prev, cur, r));
                    out.push(cur);
                }
                (false, true) => out.push(cross(prev, cur, r)),
                (false, false) => {}
            }
            prev = cur;
        }
    }
    if out.len() < 3 {
        return Vec::new();
    }
    if let Some(&first) = out.first() {
        out.push(first);
    }
    out
}

fn lerp_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

fn lerp_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// A number printed with a fixed number of decimals (at most 3), rounding half away from zero,
/// without the float formatting machinery (which would add kilobytes to the browser build).
/// Non-finite values print as `0`.
///
/// ```
/// use newsmap_core::map::geometry::Fixed;
/// assert_eq!(Fixed(3.25, 1).to_string(), "3.3");
/// assert_eq!(Fixed(-0.04, 1).to_string(), "0.0");
/// assert_eq!(Fixed(-12.5, 0).to_string(), "-13");
/// assert_eq!(Fixed(0.5, 3).to_string(), "0.500");
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fixed(pub f64, pub u8);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let decimals = usize::from(self.1.min(3));
        let scale = [1_u64, 10, 100, 1000][decimals];
        let v = if self.0.is_finite() { self.0 } else { 0.0 };
        let n = (v * scale as f64).round();
        let magnitude = n.abs().min(9.0e15) as u64;
        if n < 0.0 && magnitude != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", magnitude / scale)?;
        if decimals > 0 {
            write!(f, ".{:0width$}", magnitude % scale, width = decimals)?;
        }
        Ok(())
    }
}

/// One decimal of a pixel: enough for any screen.
pub fn px(v: f64) -> Fixed {
    Fixed(v, 1)
}

/// Rounds to `decimals` places (for compact, stable output).
pub fn round_to(v: f64, decimals: i32) -> f64 {
    let k = 10f64.powi(decimals);
    (v * k).round() / k
}

/// SVG path data for a polyline with `decimals` decimals (1 for pixels: `M1.0 2.0L3.0 4.0…`),
/// closed with `Z` when `close` is set. Points that are not finite are skipped.
pub fn path_data(
    points: impl IntoIterator<Item = Point>,
    close: bool,
    decimals: u8,
    out: &mut String,
) {
    let mut first = true;
    for (x, y) in points {
        if !(x.is_finite() && y.is_finite()) {
            continue;
        }
        out.push(if first { 'M' } else { 'L' });
        first = false;
        let _ = write!(out, "{} {}", Fixed(x, decimals), Fixed(y, decimals));
    }
    if close && !first {
        out.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: [Point; 5] = [
        (0.0, 0.0),
        (10.0, 0.0),
        (10.0, 10.0),
        (0.0, 10.0),
        (0.0, 0.0),
    ];

    #[test]
    fn point_in_ring_inside_outside_and_degenerate() {
        assert!(point_in_ring(&SQUARE, (5.0, 5.0)));
        assert!(!point_in_ring(&SQUARE, (15.0, 5.0)));
        assert!(!point_in_ring(&SQUARE, (-0.1, 5.0)));
        assert!(!point_in_ring(&SQUARE[..2], (0.5, 0.0)));
    }

    #[test]
    fn simplify_drops_only_points_within_tolerance() {
        let line = [
            (0.0, 0.0),
            (1.0, 0.05),
            (2.0, -0.04),
            (3.0, 5.0),
            (4.0, 6.0),
            (5.0, 7.0),
        ];
        let s = simplify(&line, 0.1);
        assert_eq!(s.first(), Some(&(0.0, 0.0)));
        assert_eq!(s.last(), Some(&(5.0, 7.0)));
        assert!(s.contains(&(3.0, 5.0)), "the corner stays: {s:?}");
        assert!(!s.contains(&(1.0, 0.05)), "the wobble goes: {s:?}");
        // Every dropped point is within tolerance of the result.
        for p in line {
            let d = s
                .windows(2)
                .map(|w| distance_to_segment(p, w[0], w[1]))
                .fold(f64::INFINITY, f64::min);
            assert!(d <= 0.1 + 1e-12, "{p:?} is {d} away");
        }
        assert_eq!(simplify(&line[..2], 10.0).len(), 2);
        // A long line does not exhaust the stack.
        let long: Vec<Point> = (0..5_000)
            .map(|i| (i as f64, ((i * 7919) % 13) as f64))
            .collect();
        assert!(simplify(&long, 0.5).len() > 2);
    }

    #[test]
    fn clipping_keeps_inside_rings_and_cuts_crossing_ones() {
        assert_eq!(clip_ring(&SQUARE, -1.0, -1.0, 11.0, 11.0), SQUARE.to_vec());
        assert!(clip_ring(&SQUARE, 20.0, 20.0, 30.0, 30.0).is_empty());
        let cut = clip_ring(&SQUARE, 5.0, -1.0, 20.0, 20.0);
        assert!(cut.iter().all(|p| p.0 >= 5.0 && p.0 <= 10.0));
        assert_eq!(cut.first(), cut.last());
        let area: f64 = cut
            .windows(2)
            .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
            .sum::<f64>()
            / 2.0;
        assert!(
            (area.abs() - 50.0).abs() < 1e-9,
            "half the square is left: {area}"
        );
    }

    #[test]
    fn path_data_is_compact_and_skips_non_finite_points() {
        let mut d = String::new();
        path_data([(1.0, 2.0), (f64::NAN, 1.0), (3.25, 4.0)], true, 1, &mut d);
        assert_eq!(d, "M1.0 2.0L3.3 4.0Z");
        let mut empty = String::new();
        path_data([], true, 1, &mut empty);
        assert_eq!(empty, "");
    }
}
