//! Text on the map that covers nothing: every mark the map draws takes its room first
//! ([`Taken`]), and each label goes to the first free position around its point, further out
//! with a leader line when the near ones are taken, as a cartographer would place it.

use crate::model::Point;

/// Where a label's text sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A box on the map, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The square of half-side `r` around a point.
    pub fn around(x: f64, y: f64, r: f64) -> Rect {
        Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        }
    }

    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// Whether the box lies inside a `w × h` map, `margin` pixels from its edges.
    pub fn inside(&self, w: f64, h: f64, margin: f64) -> bool {
        self.x0 >= margin && self.y0 >= margin && self.x1 <= w - margin && self.y1 <= h - margin
    }

    /// The box's corners and the middles of its sides.
    pub fn outline(&self) -> [Point; 8] {
        let (xm, ym) = ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0);
        [
            (self.x0, self.y0),
            (xm, self.y0),
            (self.x1, self.y0),
            (self.x1, ym),
            (self.x1, self.y1),
            (xm, self.y1),
            (self.x0, self.y1),
            (self.x0, ym),
        ]
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
    /// Extra room between letters, in em (the CSS gives wide-set names the same).
    pub spacing: f64,
    /// A line from the labelled point towards the label, when the label stands off.
    pub leader: Option<(Point, Point)>,
}

/// Extra room between letters of wide-set names (English region and country names), in em:
/// the `letter-spacing` the stylesheet gives them.
pub const WIDE_SPACING: f64 = 0.12;

/// How far text rises above its baseline, in em: a capital's height and a little more.
const ASCENT: f64 = 0.9;

/// How far text falls below its baseline, in em: a descender's depth and a little more.
const DESCENT: f64 = 0.32;

/// How far Arabic text falls below its baseline, in em: its letters (ر, س, ي) and dots reach
/// deeper than Latin descenders.
const ARABIC_DESCENT: f64 = 0.5;

/// Pixels added to a label's estimated width: a pixel of margin either side of the text.
const WIDTH_SLACK: f64 = 2.0;

/// The glyph-width table: how wide a character of each kind is, in em, generously. The map
/// is drawn in the reader's sans-serif, whose widths the layout cannot know, and a box too
/// large only costs room.
fn glyph_width_em(c: char) -> f64 {
    match c {
        ' ' => 0.34,
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | '\'' | '(' | ')' => 0.42,
        'm' | 'w' | 'M' | 'W' => 0.95,
        'A'..='Z' => 0.76,
        '0'..='9' => 0.64,
        // Arabic letters join; their widths vary less than Latin ones.
        '\u{0600}'..='\u{06ff}' => 0.8,
        _ => 0.62,
    }
}

impl Label {
    pub fn new(text: impl Into<String>, x: f64, y: f64, anchor: Anchor, size: f64) -> Label {
        Label {
            text: text.into(),
            x,
            y,
            anchor,
            size,
            spacing: 0.0,
            leader: None,
        }
    }

    /// The label's width in pixels, estimated.
    pub fn width(&self) -> f64 {
        let chars = self.text.chars();
        let ems: f64 = chars.clone().map(glyph_width_em).sum();
        (ems + self.spacing * chars.count() as f64) * self.size + WIDTH_SLACK
    }

    /// An estimate of the label's box, a little larger than the text.
    pub fn rect(&self) -> Rect {
        let w = self.width();
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        Rect {
            x0,
            y0: self.y - self.size * ASCENT,
            x1: x0 + w,
            y1: self.y + self.size * self.descent(),
        }
    }

    fn descent(&self) -> f64 {
        let arabic = |c: char| ('\u{0600}'..='\u{06ff}').contains(&c);
        if self.text.chars().any(arabic) {
            ARABIC_DESCENT
        } else {
            DESCENT
        }
    }
}

/// Everything drawn so far, as boxes: what a label must not cover. The second list holds
/// what a label's leader line may cross (the marks of a moment, such as a strike's burst).
#[derive(Debug, Clone, Default)]
pub struct Taken(Vec<Rect>, Vec<Rect>);

impl Taken {
    pub fn add(&mut self, r: Rect) {
        self.0.push(r);
    }

    /// A mark no text may cover, that a leader line may cross.
    pub fn add_crossable(&mut self, r: Rect) {
        self.1.push(r);
    }

    /// A line of `half_width` pixels either side, as boxes every few pixels along it.
    pub fn add_line(&mut self, points: &[Point], half_width: f64) {
        for pair in points.windows(2) {
            let [(ax, ay), (bx, by)] = [pair[0], pair[1]];
            let steps = ((bx - ax).hypot(by - ay) / half_width).ceil().max(1.0);
            for k in 0..=(steps as usize) {
                let t = k as f64 / steps;
                self.add(Rect::around(
                    ax + (bx - ax) * t,
                    ay + (by - ay) * t,
                    half_width,
                ));
            }
        }
    }

    pub fn free(&self, r: &Rect) -> bool {
        self.free_to_cross(r) && !self.1.iter().any(|t| t.overlaps(r))
    }

    /// Whether a leader line may pass through `r`.
    fn free_to_cross(&self, r: &Rect) -> bool {
        !self.0.iter().any(|t| t.overlaps(r))
    }
}

/// A label to place beside a point.
pub struct PointLabel {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    /// How far from the point the label must stay: the marker's radius, and its ring's.
    pub clearance: f64,
    /// Shown even where no position is free.
    pub required: bool,
}

/// How far beyond the first ring of positions the further rings stand, in pixels: about a
/// line of text, so each ring clears the one before.
const RING_STEP: f64 = 12.0;

/// Rings of positions tried around a point before a label is left out (or forced).
const RINGS: usize = 6;

/// A length, in pixels, below which a direction counts as none: guards divisions by zero.
pub(crate) const NO_LENGTH: f64 = 1e-9;

/// Labels keep this far from the map's edges.
pub const EDGE: f64 = 3.0;

/// Pixels between a point's clearance and the nearest ring of label positions.
const LABEL_GAP: f64 = 2.0;

/// How far below a point a label beside it sits its baseline, in em, so that the text's
/// middle (of lowercase letters, mostly) is level with the point.
const MIDDLE_DROP: f64 = 0.3;

/// The labels above and below a point to either side stand off sideways by this share of the
/// gap: enough to clear the marker, near enough to read as its name.
const DIAGONAL_SHIFT: f64 = 0.3;

/// Pixels a leader line starts outside the point's room, so it does not touch the marker.
const LEADER_OFFSET: f64 = 1.5;

/// Half the width of the room a leader line must find free, in pixels.
const LEADER_ROOM: f64 = 1.0;

/// The eight positions around a point whose labels keep `gap` pixels from it, best first:
/// right, left, above, below, then above and below to either side.
fn around(x: f64, y: f64, gap: f64, size: f64) -> [(f64, f64, Anchor); 8] {
    // Baselines that keep the text's box clear of the point by `gap`.
    let (above, below, middle) = (
        y - gap - size * DESCENT,
        y + gap + size * ASCENT,
        y + size * MIDDLE_DROP,
    );
    let side = gap * DIAGONAL_SHIFT;
    [
        (x + gap, middle, Anchor::Start),
        (x - gap, middle, Anchor::End),
        (x, above, Anchor::Middle),
        (x, below, Anchor::Middle),
        (x + side, above, Anchor::Start),
        (x - side, above, Anchor::End),
        (x + side, below, Anchor::Start),
        (x - side, below, Anchor::End),
    ]
}

/// Places a label at the first free position around its point, ring by ring; beyond the
/// first ring it gets a leader line. A required label with no free position takes the first
/// on the map; another is left out. What it places is taken.
pub fn place_point_label(p: &PointLabel, taken: &mut Taken, w: f64, h: f64) -> Option<Label> {
    let first_gap = p.clearance + LABEL_GAP;
    let mut fallback = None;
    for ring in 0..RINGS {
        let gap = first_gap + RING_STEP * ring as f64;
        for (lx, ly, anchor) in around(p.x, p.y, gap, p.size) {
            let mut label = Label::new(p.text.clone(), lx, ly, anchor, p.size);
            let r = label.rect();
            if !r.inside(w, h, EDGE) {
                continue;
            }
            if ring > 0 {
                label.leader = Some(leader(p, &r));
            }
            let clear = taken.free(&r)
                && label.leader.is_none_or(|(a, b)| {
                    let mut line = Taken::default();
                    line.add_line(&[a, b], LEADER_ROOM);
                    line.0.iter().all(|seg| taken.free_to_cross(seg))
                });
            if clear {
                taken.add(r);
                return Some(label);
            }
            fallback = fallback.or(Some(label));
        }
    }
    let label = fallback.filter(|_| p.required)?;
    taken.add(label.rect());
    Some(label)
}

/// A leader from the edge of the point's room to the nearest point of the label's box.
fn leader(p: &PointLabel, r: &Rect) -> (Point, Point) {
    let to = (p.x.clamp(r.x0, r.x1), p.y.clamp(r.y0, r.y1));
    let (dx, dy) = (to.0 - p.x, to.1 - p.y);
    let len = dx.hypot(dy).max(NO_LENGTH);
    // Just outside the point's own room, which the line must not enter.
    let start = (p.clearance * std::f64::consts::SQRT_2 + LEADER_OFFSET).min(len);
    let from = (p.x + dx / len * start, p.y + dy / len * start);
    (from, to)
}

/// The first of `candidates` (labels already positioned) that stays on the map and covers
/// nothing; it is taken.
pub fn first_free(
    candidates: impl IntoIterator<Item = Label>,
    taken: &mut Taken,
    w: f64,
    h: f64,
) -> Option<Label> {
    let label = candidates.into_iter().find(|l| {
        let r = l.rect();
        r.inside(w, h, EDGE) && taken.free(&r)
    })?;
    taken.add(label.rect());
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(x: f64, y: f64) -> PointLabel {
        PointLabel {
            x,
            y,
            text: "Tarhuna".into(),
            size: 14.0,
            clearance: 8.0,
            required: true,
        }
    }

    #[test]
    fn a_label_goes_right_of_its_point_when_free() {
        let mut taken = Taken::default();
        let l = place_point_label(&town(100.0, 100.0), &mut taken, 400.0, 300.0).unwrap();
        assert_eq!((l.anchor, l.leader), (Anchor::Start, None));
        assert!(l.x > 100.0);
        assert!(!taken.free(&l.rect()), "what is placed is taken");
    }

    #[test]
    fn a_label_moves_off_what_is_taken_and_stands_off_with_a_leader_when_it_must() {
        // Room taken on both sides of the point, with a gap under it for a leader.
        let mut taken = Taken::default();
        taken.add(Rect {
            x0: 0.0,
            y0: 15.0,
            x1: 95.0,
            y1: 45.0,
        });
        taken.add(Rect {
            x0: 105.0,
            y0: 15.0,
            x1: 400.0,
            y1: 45.0,
        });
        let l = place_point_label(&town(100.0, 30.0), &mut taken, 400.0, 300.0).unwrap();
        let ((ax, ay), (bx, by)) = l.leader.expect("a leader line");
        assert!(l.rect().y0 > 45.0, "below the taken room: {:?}", l.rect());
        assert!((95.0..105.0).contains(&ax) && ay > 30.0 && by >= l.rect().y0 - 0.5);
        assert!((l.rect().x0..=l.rect().x1).contains(&bx));
    }

    #[test]
    fn an_optional_label_with_no_room_is_left_out() {
        let mut taken = Taken::default();
        taken.add(Rect::around(100.0, 100.0, 200.0));
        let mut p = town(100.0, 100.0);
        p.required = false;
        assert_eq!(place_point_label(&p, &mut taken, 400.0, 300.0), None);
        p.required = true;
        assert!(place_point_label(&p, &mut taken, 400.0, 300.0).is_some());
    }

    #[test]
    fn wide_letters_and_spacing_make_wider_boxes() {
        let lower = Label::new("libya", 0.0, 0.0, Anchor::Start, 10.0);
        let mut upper = Label::new("LIBYA", 0.0, 0.0, Anchor::Start, 10.0);
        assert!(upper.width() > lower.width());
        let plain = upper.width();
        upper.spacing = 0.2;
        assert!((upper.width() - plain - 10.0).abs() < 1e-9);
    }
}
