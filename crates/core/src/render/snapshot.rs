//! A static SVG of the story's final state, for readers without JavaScript, AMP pages and
//! print: the towns as the story leaves them, the boundary, every offensive of the story as
//! an arrow, the strikes, and the events in words.
//!
//! It is drawn by the same layout ([`BaseScene`]) and the same [`Timeline`] as the live map,
//! so the two cannot drift apart. `cargo run --bin snapshot` writes `assets/snapshot.svg`; a
//! test fails when the file is stale.

use crate::data::places::{Basemap, PlaceSet};
use crate::map::geometry::px;
use crate::map::layout::{BaseScene, arrow_shape, burst, burst_mark, marker_path, side_class};
use crate::model::{Actor, EventKind, PlaceRole};
use crate::story::timeline::{CeasefireState, Timeline};
use crate::story::words::{date_label, headline, short_date_label};
use std::fmt::Write;

/// The snapshot's width in pixels; it scales to any width as an image.
pub const WIDTH: f64 = 800.0;

const LINE: f64 = 18.0;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#1d1d1f}\
.sea{fill:#dce9f2}.land{fill:#ecebe6;stroke:#b9b7ad;stroke-width:.6}.land.focus{fill:#fbfaf6}\
.boundary{fill:none;stroke:#6b4e2e;stroke-width:1.6;stroke-dasharray:6 4}\
.halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\
.gna{fill:#1f5fa8}.lna{fill:#c2410c}.unknown{fill:#fff;stroke:#8a8a8f;stroke-width:2}.context{fill:#5b5b60}\
.shaft{fill:none;stroke-width:3.5;stroke-linecap:round;opacity:.8}.shaft.gna{stroke:#1f5fa8;fill:none}\
.shaft.lna{stroke:#c2410c;fill:none}.head{opacity:.8}.burst{fill:#b91c1c;stroke:#fff;stroke-width:.8}\
.small{font-size:12px;fill:#5b5b60}.title{font-size:17px;font-weight:700}.strong{font-weight:600}\
.banner{fill:#e6f4f1;stroke:#0f766e;stroke-width:2}";

/// Renders the snapshot.
pub fn render(places: &PlaceSet, basemap: Option<&Basemap>, timeline: &Timeline) -> Option<String> {
    let scene = BaseScene::build(places, basemap, WIDTH)?;
    let (w, map_h) = (scene.viewport.width, scene.viewport.height);
    let last = timeline.stops().last()?;
    let frame = timeline.frame_at(last.instant);
    let events = timeline.events();

    // The events in words, under the map.
    let mut lines: Vec<String> = Vec::new();
    for stop in timeline.stops() {
        for &i in &stop.events {
            if let Some(e) = events.get(i) {
                lines.push(format!(
                    "{}: {}",
                    e.date
                        .map(|d| short_date_label(d, e.local_time.as_deref()))
                        .unwrap_or_default(),
                    headline(e, places)
                ));
            }
        }
    }
    let banner_h = 34.0;
    let top = 30.0 + banner_h;
    let text_top = top + map_h + 28.0;
    let h = text_top + LINE * (lines.len() as f64 + 2.0);

    let mut svg = String::new();
    let title = format!(
        "The story's final state: {}",
        date_label(last.date, last.local_time.as_deref())
    );
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" width="{}" height="{}" role="img" aria-labelledby="t"><title id="t">{}</title><style>{STYLE}</style><rect width="100%" height="100%" fill="#fff"/>"##,
        px(w),
        px(h),
        px(w),
        px(h),
        xml_escape(&format!(
            "Map of Libya, June 2020. {title}. {}",
            lines.join(". ")
        ))
    );
    let _ = write!(
        svg,
        r##"<text class="title" x="4" y="20">{}</text>"##,
        xml_escape(&title)
    );
    let banner = match frame.ceasefire {
        CeasefireState::InEffect { effective } => events.get(effective).map(|e| {
            format!(
                "Ceasefire in effect since {}",
                e.date
                    .map(|d| date_label(d, e.local_time.as_deref()))
                    .unwrap_or_default()
            )
        }),
        CeasefireState::Announced { .. } => Some("Ceasefire announced".to_owned()),
        CeasefireState::None => None,
    };
    if let Some(b) = banner {
        let _ = write!(
            svg,
            r##"<rect class="banner" x="1" y="28" width="{}" height="26" rx="4"/><text class="strong" x="10" y="46">{}</text>"##,
            px(w - 2.0),
            xml_escape(&b)
        );
    }

    let _ = write!(
        svg,
        r##"<clipPath id="map"><rect width="{}" height="{}"/></clipPath><g transform="translate(0 {})"><g clip-path="url(#map)">"##,
        px(w),
        px(map_h),
        px(top)
    );
    let _ = write!(
        svg,
        r##"<rect class="sea" width="{}" height="{}"/>"##,
        px(w),
        px(map_h)
    );
    for l in &scene.land {
        let _ = write!(
            svg,
            r##"<path class="land{}" d="{}"/>"##,
            if l.focus { " focus" } else { "" },
            l.d
        );
    }
    for b in &scene.boundaries {
        let _ = write!(svg, r##"<path class="boundary" d="{}"/>"##, b.d);
        for l in std::iter::once(&b.label).chain(&b.sides) {
            let _ = write!(
                svg,
                r##"<text class="small halo" x="{}" y="{}" text-anchor="{}">{}</text>"##,
                px(l.x),
                px(l.y),
                l.anchor.svg(),
                xml_escape(&l.text)
            );
        }
    }
    // Every offensive of the story, from where it started to its target.
    let mid_frames = timeline
        .stops()
        .iter()
        .map(|s| timeline.frame_at(s.instant));
    let mut drawn: Vec<usize> = Vec::new();
    for f in mid_frames {
        for a in &f.arrows {
            if drawn.contains(&a.event) {
                continue;
            }
            drawn.push(a.event);
            let ends = scene.place(&a.from).zip(scene.place(&a.to));
            if let Some(shape) = ends.and_then(|(p, q)| arrow_shape((p.x, p.y), (q.x, q.y))) {
                let s = side_class(a.actor);
                let _ = write!(
                    svg,
                    r##"<path class="shaft {s}" d="{}"/><polygon class="head {s}" points="{}"/>"##,
                    shape.d, shape.head
                );
            }
        }
    }
    for e in events.iter().filter(|e| e.kind == EventKind::Airstrike) {
        if let Some(p) = e.place.as_ref().and_then(|id| scene.place(id)) {
            for (x, y) in burst((p.x, p.y), e.count.unwrap_or(1).clamp(1, 24), 21.0) {
                let _ = write!(
                    svg,
                    r##"<path class="burst" d="{}"/>"##,
                    burst_mark(x, y, 7.0)
                );
            }
        }
    }
    for p in &scene.places {
        let state = frame.place(p.id.as_str());
        let (class, holder, r) = match p.role {
            PlaceRole::Story => {
                let c = state.and_then(|s| s.control);
                (side_class(c), c, 6.5)
            }
            PlaceRole::Context => ("context", Some(Actor::Other), 3.5),
        };
        let _ = write!(
            svg,
            r##"<path class="{class}" d="{}"/>"##,
            marker_path(holder, p.x, p.y, r)
        );
        if let Some(l) = &p.label {
            let _ = write!(
                svg,
                r##"<text class="halo{}" x="{}" y="{}" text-anchor="{}" font-size="{}">{}</text>"##,
                if p.role == PlaceRole::Story {
                    " strong"
                } else {
                    " small"
                },
                px(l.x),
                px(l.y),
                l.anchor.svg(),
                px(l.size),
                xml_escape(&l.text)
            );
        }
    }
    let _ = write!(
        svg,
        r##"<text class="small halo" x="{}" y="{}" text-anchor="end">{}</text></g></g>"##,
        px(w - 6.0),
        px(map_h - 6.0),
        xml_escape(&scene.attribution)
    );

    // Key and events.
    let key_y = top + map_h + 4.0;
    let _ = write!(
        svg,
        r##"<g transform="translate(0 {})"><path class="gna" d="{}"/><text class="small" x="18" y="16">GNA</text><path class="lna" d="{}"/><text class="small" x="70" y="16">LNA</text><path class="unknown" d="{}"/><text class="small" x="124" y="16">not stated</text><text class="small" x="200" y="16">Arrows: offensives during the story; red marks: air strikes</text></g>"##,
        px(key_y),
        marker_path(Some(Actor::Gna), 8.0, 12.0, 5.0),
        marker_path(Some(Actor::Lna), 60.0, 12.0, 5.0),
        marker_path(None, 114.0, 12.0, 5.0)
    );
    let _ = write!(
        svg,
        r##"<text class="strong" x="4" y="{}">What the article reports</text>"##,
        px(text_top + LINE)
    );
    for (k, line) in lines.iter().enumerate() {
        let _ = write!(
            svg,
            r##"<text class="small" x="4" y="{}">{}</text>"##,
            px(text_top + LINE * (k as f64 + 2.0)),
            xml_escape(line)
        );
    }
    svg.push_str("</svg>\n");
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            xml_escape(r##"<b>"A" & 'B'</b>"##),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }
}
