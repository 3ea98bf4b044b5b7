//! The editor starts: it reads the map's places, the basemap and the gazetteer, brings back
//! the session kept from the last visit, starts the worker and mounts the page.

use crate::browser;
use crate::desk::{Desk, now};
use crate::parts::Page;
use crate::reader::Reader;
use leptos::prelude::*;
use newsmap_core::data::places::{Basemap, PlaceSet};
use newsmap_core::data::{BASEMAP_FILE, read_places};
use newsmap_core::data::{GAZETTEER_FILE, PLACES_FILE, parse_json, read_basemap, read_gazetteer};
use newsmap_core::model::Place;
use newsmap_core::render::page::Heading;
use newsmap_desk::editor::{Editor, Msg};
use newsmap_web::json::Js;

/// Says something on the page before the app is up (or when it cannot start).
fn say_early(text: &str) {
    if let Some(body) = newsmap_web::document().and_then(|d| d.body()) {
        body.set_text_content(Some(text));
    }
}

/// The editor's own stylesheet, beside the page's (which the preview uses).
fn add_stylesheet(doc: &web_sys::Document) -> Option<()> {
    let link = doc.create_element("link").ok()?;
    link.set_attribute("rel", "stylesheet").ok()?;
    link.set_attribute("href", "assets/editor.css").ok()?;
    doc.head()?.append_child(&link).ok()?;
    Some(())
}

/// Takes the page over: reads the map's places, the basemap and the gazetteer, then starts
/// the editor with the session kept from the last visit.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        newsmap_web::console_error(&format!("newsmap editor: internal error: {info}"));
        if let Some(status) =
            newsmap_web::document().and_then(|d| d.query_selector("[role=status]").ok().flatten())
        {
            status.set_text_content(Some(
                "The editor met an internal error; your work so far is kept in this browser. Reload the page.",
            ));
        }
    }));
    // The page's own headline and standfirst start a new session's.
    let heading = Heading {
        headline: newsmap_web::title(),
        standfirst: newsmap_web::meta("description"),
    };
    if let Some(doc) = newsmap_web::document() {
        doc.set_title("News map: the desk's editor");
        add_stylesheet(&doc);
    }
    say_early("Loading the map's places…");
    let places = newsmap_web::fetch_text(&format!("assets/{PLACES_FILE}"));
    let basemap = newsmap_web::fetch_text(&format!("assets/{BASEMAP_FILE}"));
    let gazetteer = newsmap_web::fetch_text(&format!("assets/{GAZETTEER_FILE}"));
    wasm_bindgen_futures::spawn_local(async move {
        let (places, basemap, gazetteer) = (places.await, basemap.await, gazetteer.await);
        let places = places
            .map_err(|e| format!("{PLACES_FILE} {e}"))
            .and_then(|t| read(PLACES_FILE, &t, read_places));
        let basemap = basemap
            .ok()
            .and_then(|t| read(BASEMAP_FILE, &t, read_basemap).ok());
        // Without the gazetteer the desk can still place towns by hand.
        let gazetteer = gazetteer
            .ok()
            .and_then(|t| read(GAZETTEER_FILE, &t, read_gazetteer).ok())
            .unwrap_or_default();
        match places {
            Ok(places) => run(places, basemap, gazetteer, heading),
            Err(e) => say_early(&format!("The map's places could not be read: {e}")),
        }
    });
}

/// Reads a data file with one of the map's readers.
fn read<T>(
    file: &'static str,
    text: &str,
    reader: fn(&Js) -> Result<T, newsmap_core::data::DataError>,
) -> Result<T, String> {
    parse_json::<Js>(file, text)
        .and_then(|root| reader(&root))
        .map_err(|e| e.to_string())
}

/// The editor with the map's places: the kept session or a new one, the worker, the page.
fn run(places: PlaceSet, basemap: Option<Basemap>, gazetteer: Vec<Place>, heading: Heading) {
    // The loading line goes: the editor takes the page.
    say_early("");
    let kept = browser::load();
    let editor = Editor::start(
        places,
        gazetteer,
        heading,
        kept.as_deref(),
        browser::set_aside,
    );
    leptos::mount::mount_to_body(move || {
        let desk = Desk::new(editor, basemap);
        let reader = Reader::start(
            move |answer| {
                let now = now();
                desk.send(Msg::Heard { answer, now });
            },
            move |why| desk.send(Msg::WorkerDown(why)),
        );
        match reader {
            Some(reader) => desk.listen_to(reader),
            None => desk.send(Msg::WorkerDown(
                "The extractor's worker could not start in this browser.".into(),
            )),
        }
        view! { <Page desk/> }
    });
}
