//! The prerendered map, brought to life: the marks of every layout that follow the story
//! (places, arrows, strikes), found once by the attributes the render gives them, and each
//! frame's [`Look`] written to them, so the live map shows exactly what the prerender draws.

use newsmap_core::model::{EventId, EventIx, PlaceId, PlaceRole};
use newsmap_core::render::map::{
    Look, MARK_ATTR, MarkKind, OF_ATTR, Piece, arrow_look, place_look, strike_look,
};
use newsmap_core::story::reading::Story;
use newsmap_core::story::timeline::Frame;
use newsmap_web::{all, one};

/// A mark the story moves.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Place(PlaceId, PlaceRole),
    Arrow(EventIx),
    Strike(EventIx),
}

impl Mark {
    /// The mark a group of the map is, from its attributes.
    fn of(group: &web_sys::Element, story: &Story) -> Option<Mark> {
        let kind = MarkKind::from_id(&group.get_attribute(MARK_ATTR)?)?;
        let of = group.get_attribute(OF_ATTR)?;
        let event = || {
            let id = EventId::new(of.as_str());
            story
                .timeline()
                .events()
                .iter()
                .position(|e| e.id == id)
                .map(EventIx)
        };
        Some(match kind {
            MarkKind::Place => {
                let id = PlaceId::new(of.as_str());
                let role = story
                    .places()
                    .get(&id)
                    .map_or(PlaceRole::Context, |p| p.role);
                Mark::Place(id, role)
            }
            MarkKind::Arrow => Mark::Arrow(event()?),
            MarkKind::Strike => Mark::Strike(event()?),
        })
    }

    fn look(&self, frame: &Frame) -> Look {
        match self {
            Mark::Place(id, role) => place_look(*role, frame.place(id)),
            Mark::Arrow(ix) => arrow_look(frame.arrows.iter().find(|a| a.event == *ix)),
            Mark::Strike(ix) => strike_look(frame.strikes.iter().find(|s| s.event == *ix)),
        }
    }
}

/// One mark's elements in one layout; `at` is the mark's entry in [`MapNodes::marks`].
struct Node {
    at: usize,
    pieces: Vec<(Piece, web_sys::Element)>,
    shown: Option<Look>,
}

/// The map's moving marks, in every layout. Each mark is listed once, so that a frame works
/// out its look once, whatever the number of layouts that draw it.
pub struct MapNodes {
    marks: Vec<Mark>,
    nodes: Vec<Node>,
}

impl MapNodes {
    /// Finds the moving marks of the map in `frame` (the map's part of the page); `drawn` is
    /// the frame the page was drawn at, when known, so that showing it again writes nothing.
    pub fn find(frame: &web_sys::Element, story: &Story, drawn: Option<&Frame>) -> MapNodes {
        let mut marks: Vec<Mark> = Vec::new();
        let mut nodes = Vec::new();
        for group in all(frame, &format!("[{MARK_ATTR}]")) {
            let Some(mark) = Mark::of(&group, story) else {
                continue;
            };
            let at = marks.iter().position(|m| *m == mark).unwrap_or_else(|| {
                marks.push(mark);
                marks.len() - 1
            });
            let mut pieces: Vec<(Piece, web_sys::Element)> = Piece::ALL
                .iter()
                .filter(|p| **p != Piece::Group)
                .filter_map(|&p| Some((p, one(&group, &format!(".{}", p.id()))?)))
                .collect();
            pieces.push((Piece::Group, group));
            let shown = drawn.and_then(|f| Some(marks.get(at)?.look(f)));
            nodes.push(Node { at, pieces, shown });
        }
        MapNodes { marks, nodes }
    }

    /// Writes the frame to the map: each look worked out once, and only the attributes that
    /// differ from what is shown written.
    pub fn show(&mut self, frame: &Frame) {
        let looks: Vec<Look> = self.marks.iter().map(|m| m.look(frame)).collect();
        for node in &mut self.nodes {
            let Some(look) = looks.get(node.at) else {
                continue;
            };
            if node.shown.as_ref() == Some(look) {
                continue;
            }
            for (piece, name, value) in &look.0 {
                let was = node.shown.as_ref().and_then(|s| s.get(*piece, name));
                let element = node.pieces.iter().find(|(p, _)| p == piece);
                if was != Some(value.as_str())
                    && let Some((_, element)) = element
                {
                    let _ = element.set_attribute(name, value);
                }
            }
            node.shown = Some(look.clone());
        }
    }
}
