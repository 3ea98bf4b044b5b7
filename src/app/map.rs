//! The prerendered map, brought to life: the elements of every layout that follow the story
//! (places, arrows, strikes), found once, and each frame written to them through the core's
//! looks, so the live map shows exactly what the prerender would draw.

use newsmap_core::model::{EventId, EventIx, PlaceId, PlaceRole};
use newsmap_core::render::map::{
    ArrowLook, PlaceLook, StrikeLook, arrow_look, place_look, strike_look,
};
use newsmap_core::story::reading::Story;
use newsmap_core::story::timeline::Frame;

use newsmap_web::{all, one as child};

fn set(e: &web_sys::Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

fn visibility(visible: bool) -> &'static str {
    if visible { "visible" } else { "hidden" }
}

/// One place's elements in one layout; `at` is the place's entry in [`MapNodes::places`].
struct PlaceNode {
    at: usize,
    group: web_sys::Element,
    ring: Option<web_sys::Element>,
    marker: Option<web_sys::Element>,
    shown: Option<PlaceLook>,
}

/// One arrow's elements in one layout; `at` is its entry in [`MapNodes::arrows`].
struct ArrowNode {
    at: usize,
    group: web_sys::Element,
    shaft: Option<web_sys::Element>,
    head: Option<web_sys::Element>,
    shown: Option<ArrowLook>,
}

/// One burst of strikes in one layout; `at` is its entry in [`MapNodes::strikes`].
struct StrikeNode {
    at: usize,
    group: web_sys::Element,
    shown: Option<StrikeLook>,
}

/// The map's moving parts, in every layout. Each place, arrow and strike is listed once, so
/// that a frame works out its look once, whatever the number of layouts that draw it.
pub struct MapNodes {
    places: Vec<(PlaceId, PlaceRole)>,
    arrows: Vec<EventIx>,
    strikes: Vec<EventIx>,
    place_nodes: Vec<PlaceNode>,
    arrow_nodes: Vec<ArrowNode>,
    strike_nodes: Vec<StrikeNode>,
}

/// Where `key` is in `keys`, added when it is new.
fn entry<K: PartialEq>(keys: &mut Vec<K>, key: K) -> usize {
    match keys.iter().position(|k| *k == key) {
        Some(at) => at,
        None => {
            keys.push(key);
            keys.len() - 1
        }
    }
}

/// Writes `value` where it differs from what is shown (`None`: nothing written yet).
fn write(e: &web_sys::Element, name: &str, was: Option<&str>, value: &str) {
    if was != Some(value) {
        set(e, name, value);
    }
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
        let (mut places, mut arrows, mut strikes) = (Vec::new(), Vec::new(), Vec::new());
        let place_nodes = all(frame, "svg.map [data-testid^=\"place-\"]")
            .into_iter()
            .filter_map(|group| {
                let id = PlaceId::new(testid(&group).strip_prefix("place-")?);
                let role = story
                    .places()
                    .get(&id)
                    .map_or(PlaceRole::Context, |p| p.role);
                Some(PlaceNode {
                    at: entry(&mut places, (id, role)),
                    ring: child(&group, ".contest-ring"),
                    marker: child(&group, ".marker"),
                    group,
                    shown: None,
                })
            })
            .collect();
        let arrow_nodes = all(frame, "svg.map [data-testid^=\"arrow-\"]")
            .into_iter()
            .filter_map(|group| {
                Some(ArrowNode {
                    at: entry(&mut arrows, event_of(story, &testid(&group), "arrow-")?),
                    shaft: child(&group, ".shaft"),
                    head: child(&group, ".head"),
                    group,
                    shown: None,
                })
            })
            .collect();
        let strike_nodes = all(frame, "svg.map [data-testid^=\"strike-\"]")
            .into_iter()
            .filter_map(|group| {
                Some(StrikeNode {
                    at: entry(&mut strikes, event_of(story, &testid(&group), "strike-")?),
                    group,
                    shown: None,
                })
            })
            .collect();
        MapNodes {
            places,
            arrows,
            strikes,
            place_nodes,
            arrow_nodes,
            strike_nodes,
        }
    }

    /// Writes the frame to the map: each look worked out once, and only the attributes that
    /// differ from what is shown written.
    pub fn show(&mut self, frame: &Frame) {
        self.show_places(frame);
        self.show_arrows(frame);
        self.show_strikes(frame);
    }

    fn show_places(&mut self, frame: &Frame) {
        let places: Vec<PlaceLook> = self
            .places
            .iter()
            .map(|(id, role)| place_look(*role, frame.place(id)))
            .collect();
        for p in &mut self.place_nodes {
            let Some(look) = places.get(p.at) else {
                continue;
            };
            let was = p.shown.as_ref();
            write(
                &p.group,
                "class",
                was.map(|w| w.class.as_str()),
                &look.class,
            );
            write(
                &p.group,
                "data-control",
                was.map(|w| w.control),
                look.control,
            );
            let contested = |l: &PlaceLook| if l.contested { "true" } else { "false" };
            write(
                &p.group,
                "data-contested",
                was.map(contested),
                contested(look),
            );
            if let Some(ring) = &p.ring {
                let v = |l: &PlaceLook| visibility(l.contested);
                write(ring, "visibility", was.map(v), v(look));
            }
            if let Some(marker) = &p.marker {
                write(marker, "d", was.map(|w| w.marker.as_str()), &look.marker);
            }
            if was != Some(look) {
                p.shown = Some(look.clone());
            }
        }
    }

    fn show_arrows(&mut self, frame: &Frame) {
        let arrows: Vec<ArrowLook> = self
            .arrows
            .iter()
            .map(|ix| arrow_look(frame.arrows.iter().find(|x| x.event == *ix)))
            .collect();
        for a in &mut self.arrow_nodes {
            let Some(look) = arrows.get(a.at) else {
                continue;
            };
            let was = a.shown.as_ref();
            let v = |l: &ArrowLook| visibility(l.visible);
            write(&a.group, "visibility", was.map(v), v(look));
            write(
                &a.group,
                "opacity",
                was.map(|w| w.opacity.as_str()),
                &look.opacity,
            );
            let progress = was.map(|w| w.progress.as_str());
            write(&a.group, "data-progress", progress, &look.progress);
            if let Some(shaft) = &a.shaft {
                let offset = was.map(|w| w.dashoffset.as_str());
                write(shaft, "stroke-dashoffset", offset, &look.dashoffset);
            }
            if let Some(head) = &a.head {
                let v = |l: &ArrowLook| visibility(l.visible && l.head_visible);
                write(head, "visibility", was.map(v), v(look));
            }
            if was != Some(look) {
                a.shown = Some(look.clone());
            }
        }
    }

    fn show_strikes(&mut self, frame: &Frame) {
        let strikes: Vec<StrikeLook> = self
            .strikes
            .iter()
            .map(|ix| strike_look(frame.strikes.iter().find(|x| x.event == *ix)))
            .collect();
        for s in &mut self.strike_nodes {
            let Some(look) = strikes.get(s.at) else {
                continue;
            };
            let was = s.shown.as_ref();
            let v = |l: &StrikeLook| visibility(l.visible);
            write(&s.group, "visibility", was.map(v), v(look));
            write(
                &s.group,
                "opacity",
                was.map(|w| w.opacity.as_str()),
                &look.opacity,
            );
            if was != Some(look) {
                s.shown = Some(look.clone());
            }
        }
    }
}
