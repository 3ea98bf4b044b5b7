//! A static SVG image of the story's final state, for places that take an image and not a
//! page (an AMP placeholder, a newsletter): the map as the story leaves it, drawn by the same
//! routine as the page ([`super::map`]) and styled by the page's own stylesheet, with the
//! events in words under it.
//!
//! `cargo run -p newsmap-core --bin prerender` writes it to `assets/snapshot.svg`; a test fails
//! when the file is stale.

use super::map::{Layout, StoryMarks, draw_layout, draw_shared_shapes};
use super::markup::{Markup, Sink};
use crate::data::places::Basemap;
use crate::map::geometry::px;
use crate::story::reading::Story;
use crate::story::words::{Lang, Words};

/// The snapshot's width in pixels; it scales to any width as an image.
pub const WIDTH: f64 = 800.0;

/// The height of a line of the events under the map, and the map's top edge.
const LINE: f64 = 18.0;
const MAP_TOP: f64 = 64.0;

/// Renders the snapshot, styled with `css` (the page's stylesheet).
pub fn render(story: &Story, basemap: Option<&Basemap>, css: &str) -> Option<String> {
    let words = Words::new(Lang::En);
    let layout = Layout::build(story.places(), basemap, WIDTH, Some(story))?;
    let (w, map_h) = (layout.en.viewport.width, layout.en.viewport.height);
    let last = story.timeline().stops().last()?;
    let frame = story.timeline().frame_at(last.instant);
    let lines: Vec<String> = story
        .timeline()
        .stops()
        .iter()
        .flat_map(|s| s.events.iter().filter_map(|&i| story.event(i)))
        .map(|e| story.event_line(&words, e))
        .collect();
    let text_top = MAP_TOP + map_h + 28.0;
    let h = text_top + LINE * (lines.len() as f64 + 1.0);
    let title = format!(
        "The story's final state: {}",
        story.stop_label(&words, last)
    );

    let mut m = Markup::default();
    let (ws, hs) = (px(w).to_string(), px(h).to_string());
    let view_box = format!("0 0 {ws} {hs}");
    m.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("class", "snapshot"),
            ("viewBox", &view_box),
            ("width", &ws),
            ("height", &hs),
            ("role", "img"),
            ("aria-labelledby", "t"),
        ],
    );
    m.leaf(
        "title",
        &[("id", "t")],
        &format!("{title}. {}", lines.join(". ")),
    );
    m.leaf("style", &[], css);
    m.void(
        "rect",
        &[("class", "paper"), ("width", &ws), ("height", &hs)],
    );
    m.leaf(
        "text",
        &[("class", "title"), ("x", "4"), ("y", "20")],
        &title,
    );
    if let Some(note) = story.ceasefire_note(&words, frame.ceasefire) {
        banner(&mut m, w, &format!("{}{}", note.lead, note.rest));
    }
    draw_shared_shapes(&mut m, story.places(), basemap, &layout);
    m.open(
        "g",
        &[("transform", &format!("translate(0 {})", px(MAP_TOP)))],
    );
    let marks = StoryMarks {
        story,
        frame: &frame,
        words: &words,
    };
    draw_layout(&mut m, story.places(), basemap, &layout, Some(&marks));
    m.close();
    for (i, line) in lines.iter().enumerate() {
        let y = px(text_top + LINE * i as f64).to_string();
        m.leaf("text", &[("class", "line"), ("x", "4"), ("y", &y)], line);
    }
    m.close();
    let mut svg = m.into_string();
    svg.push('\n');
    Some(svg)
}

/// The ceasefire banner across the top, under the title.
fn banner(m: &mut Markup, w: f64, text: &str) {
    let width = px(w - 2.0).to_string();
    m.void(
        "rect",
        &[
            ("class", "banner"),
            ("x", "1"),
            ("y", "28"),
            ("width", &width),
            ("height", "26"),
            ("rx", "4"),
        ],
    );
    m.leaf(
        "text",
        &[("class", "strong"), ("x", "10"), ("y", "46")],
        text,
    );
}
