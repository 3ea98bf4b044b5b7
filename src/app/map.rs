//! The prerendered map, brought to life: the elements of every layout that follow the story
//! (places, arrows, strikes), found once, and each frame written to them through the core's
//! looks, so the live map shows exactly what the prerender would draw.

use newsmap_core::model::{EventId, EventIx, PlaceId, PlaceRole};
use newsmap_core::render::map::{
    ArrowLook, PlaceLook, StrikeLook, arrow_look, place_look, strike_look,
};
use newsmap_core::story::reading::Story;
use newsmap_core::story::timeline::Frame;

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .collect()
}

fn child(e: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    e.query_selector(selector).ok().flatten()
}

fn set(e: &web_sys::Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

fn visibility(visible: bool) -> &'static str {
    if visible { "visible" } else { "hidden" }
}

struct PlaceNode {
    id: PlaceId,
    role: PlaceRole,
    group: web_sys::Element,
    ring: Option<web_sys::Element>,
    marker: Option<web_sys::Element>,
    shown: Option<PlaceLook>,
}

struct ArrowNode {
    event: EventIx,
    group: web_sys::Element,
    shaft: Option<web_sys::Element>,
    head: Option<web_sys::Element>,
    shown: Option<ArrowLook>,
}

struct StrikeNode {
    event: EventIx,
    group: web_sys::Element,
    shown: Option<StrikeLook>,
}

/// The map's moving parts, in every layout.
pub struct MapNodes {
    places: Vec<PlaceNode>,
    arrows: Vec<ArrowNode>,
    strikes: Vec<StrikeNode>,
}

/// The event whose id a test id ends with (`arrow-e12` → e12).
fn event_of(story: &Story, testid: &str, prefix: &str) -> Option<EventIx> {
    let id = EventId::new(testid.strip_prefix(prefix)?);
    story
        .timeline()
        .events()
        .iter()
        .position(|e| e.id == id)
        .map(EventIx)
}

impl MapNodes {
    /// Finds the moving parts of the map in `frame` (the `.map-frame` element).
    pub fn find(frame: &web_sys::Element, story: &Story) -> MapNodes {
        let testid = |e: &web_sys::Element| e.get_attribute("data-testid").unwrap_or_default();
        let places = all(frame, "svg.map [data-testid^=\"place-\"]")
            .into_iter()
            .filter_map(|group| {
                let id = PlaceId::new(testid(&group).strip_prefix("place-")?);
                let role = story
                    .places()
                    .get(&id)
                    .map_or(PlaceRole::Context, |p| p.role);
                Some(PlaceNode {
                    ring: child(&group, ".contest-ring"),
                    marker: child(&group, ".marker"),
                    id,
                    role,
                    group,
                    shown: None,
                })
            })
            .collect();
        let arrows = all(frame, "svg.map [data-testid^=\"arrow-\"]")
            .into_iter()
            .filter_map(|group| {
                Some(ArrowNode {
                    event: event_of(story, &testid(&group), "arrow-")?,
                    shaft: child(&group, ".shaft"),
                    head: child(&group, ".head"),
                    group,
                    shown: None,
                })
            })
            .collect();
        let strikes = all(frame, "svg.map [data-testid^=\"strike-\"]")
            .into_iter()
            .filter_map(|group| {
                Some(StrikeNode {
                    event: event_of(story, &testid(&group), "strike-")?,
                    group,
                    shown: None,
                })
            })
            .collect();
        MapNodes {
            places,
            arrows,
            strikes,
        }
    }

    /// Writes the frame to the map: only what differs from what is shown.
    pub fn show(&mut self, frame: &Frame) {
        for p in &mut self.places {
            let look = place_look(p.role, frame.place(&p.id));
            if p.shown.as_ref() == Some(&look) {
                continue;
            }
            set(&p.group, "class", &look.class);
            set(&p.group, "data-control", look.control);
            set(
                &p.group,
                "data-contested",
                if look.contested { "true" } else { "false" },
            );
            if let Some(ring) = &p.ring {
                set(ring, "visibility", visibility(look.contested));
            }
            if let Some(marker) = &p.marker {
                set(marker, "d", &look.marker);
            }
            p.shown = Some(look);
        }
        for a in &mut self.arrows {
            let look = arrow_look(frame.arrows.iter().find(|x| x.event == a.event));
            if a.shown.as_ref() == Some(&look) {
                continue;
            }
            set(&a.group, "visibility", visibility(look.visible));
            set(&a.group, "opacity", &look.opacity);
            set(&a.group, "data-progress", &look.progress);
            if let Some(shaft) = &a.shaft {
                set(shaft, "stroke-dashoffset", &look.dashoffset);
            }
            if let Some(head) = &a.head {
                set(
                    head,
                    "visibility",
                    visibility(look.visible && look.head_visible),
                );
            }
            a.shown = Some(look);
        }
        for s in &mut self.strikes {
            let look = strike_look(frame.strikes.iter().find(|x| x.event == s.event));
            if s.shown.as_ref() == Some(&look) {
                continue;
            }
            set(&s.group, "visibility", visibility(look.visible));
            set(&s.group, "opacity", &look.opacity);
            s.shown = Some(look);
        }
    }
}
