//! The reader's page drawn anew, for the reader's app: when the data it reads are not those
//! the page was drawn from at build time (a desk replaced them after the build), the app asks
//! this module, which holds the drawing routines the reader's module leaves out.

use newsmap_core::dataset::Dataset;
use newsmap_core::render::page::{self, Heading, Page};
use newsmap_core::story::reading::Story;
use newsmap_core::story::words::{Lang, Words};
use newsmap_web::dom::Dom;
use wasm_bindgen::prelude::wasm_bindgen;

/// Draws the page's `<main>` anew from the texts of the data files, in place of `main`, in
/// the language the prerender draws (the app translates it after). `None` when the data hold
/// no story or the page has no place for it.
#[wasm_bindgen]
pub fn draw_page(
    main: web_sys::Element,
    places: &str,
    events: &str,
    basemap: &str,
) -> Option<web_sys::Element> {
    let (data, _) = Dataset::parse::<serde_json::Value>(Ok(places), Some(Ok(basemap)), Ok(events));
    let story = Story::new(data.timeline?, data.places?);
    let heading = Heading {
        headline: newsmap_web::title(),
        standfirst: newsmap_web::meta("description"),
    };
    let slot = newsmap_web::document()?.create_element("div").ok()?;
    let mut dom = Dom::new()?;
    page::page(
        &mut dom,
        &Page {
            heading: &heading,
            story: &story,
            basemap: data.basemap.as_ref(),
            words: &Words::new(Lang::En),
            position: 0.0,
            fingerprint: &data.fingerprint,
        },
    );
    dom.replace_children_of(&slot);
    let fresh = slot.first_element_child()?;
    main.replace_with_with_node_1(&fresh).ok()?;
    Some(fresh)
}
