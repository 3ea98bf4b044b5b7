//! The editor: its state, drawing it, and what the desk's hands do to it. Every change goes
//! through the [`Session`], is kept in the browser at once, and redraws the table, the article,
//! the places, the preview and the export.

use crate::browser;
use crate::reader::Reader;
use gloo_events::EventListener;
use newsmap_core::data::places::{Basemap, PlaceSet, parse_basemap, parse_places};
use newsmap_core::model::{PlaceId, StopIx};
use newsmap_core::render::map::Layout;
use newsmap_core::render::markup::Sink;
use newsmap_core::render::page::{self, Heading, Page};
use newsmap_core::story::words::{Lang, Words};
use newsmap_desk::export::{embed_snippet, head_lines, places_geojson};
use newsmap_desk::fields::Field;
use newsmap_desk::refuse;
use newsmap_desk::session::Session;
use newsmap_desk::view::{self, Refused};
use newsmap_extract::knowledge::{Knowledge, KnownPlace};
use newsmap_web::dom::Dom;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The editor's state.
pub struct Editor {
    session: Session,
    basemap: Option<Basemap>,
    gazetteer: &'static [KnownPlace],
    /// The event whose sentence is marked and whose stop the preview shows.
    chosen: Option<usize>,
    /// The preview's stop, when the desk picked one.
    stop: Option<usize>,
    refused: Vec<Refused>,
    /// The unknown place the next click on the map puts down.
    placing: Option<String>,
    /// The request the worker is reading, and when it was sent.
    pending: Option<(u32, f64)>,
    /// The session kept in the browser could be neither read nor set aside: it is not
    /// overwritten until the desk reads or imports an article.
    spare_kept: bool,
}

type Shared = Rc<RefCell<Editor>>;

fn find(selector: &str) -> Option<web_sys::Element> {
    newsmap_web::one(&newsmap_web::page()?, selector)
}

fn find_all(selector: &str) -> Vec<web_sys::Element> {
    newsmap_web::page().map_or_else(Vec::new, |p| newsmap_web::all(&p, selector))
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Says something to the desk in the status line.
fn status(text: &str) {
    if let Some(s) = find("[data-testid=\"editor-status\"]") {
        s.set_text_content(Some(text));
    }
}

/// Draws into the element `selector` finds, keeping the nodes that stay (the desk may be
/// typing in one, or pressing one).
fn draw(selector: &str, f: impl FnOnce(&mut Dom)) {
    if let (Some(target), Some(mut dom)) = (find(selector), Dom::new()) {
        f(&mut dom);
        dom.morph_children_of(&target);
    }
}

/// Draws the preview anew: nothing in it keeps the desk's focus, and the map is large.
fn draw_preview(e: &Editor) {
    if let (Some(target), Some(mut dom)) = (find("[data-testid=\"editor-preview\"]"), Dom::new()) {
        preview(&mut dom, e);
        dom.replace_children_of(&target);
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

/// Takes the page over and starts the editor.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        newsmap_web::console_error(&format!("newsmap editor: internal error: {info}"));
        status(
            "The editor met an internal error; your work so far is kept in this browser. Reload the page.",
        );
    }));
    let Some(body) = newsmap_web::document().and_then(|d| d.body()) else {
        return;
    };
    // The page's own headline and standfirst start a new session's.
    let heading = Heading {
        headline: newsmap_web::title(),
        standfirst: newsmap_web::meta("description"),
    };
    if let Some(doc) = newsmap_web::document() {
        doc.set_title("News map: the desk's editor");
        add_stylesheet(&doc);
    }
    let Some(mut dom) = Dom::new() else { return };
    view::shell(&mut dom);
    dom.replace_children_of(&body);
    status("Loading the map's places…");
    wasm_bindgen_futures::spawn_local(async {
        let places = newsmap_web::fetch_text("assets/places.geojson").await;
        let basemap = newsmap_web::fetch_text("assets/basemap.geojson").await;
        let places = places
            .map_err(|e| format!("places.geojson {e}"))
            .and_then(|t| parse_places(&t).map_err(|e| e.to_string()));
        let basemap = basemap.ok().and_then(|t| parse_basemap(&t).ok());
        match places {
            Ok(p) => run(p, basemap, heading),
            Err(e) => status(&format!("The map's places could not be read: {e}")),
        }
    });
}

/// The editor with the map's places: the kept session or a new one, the worker, the hands.
fn run(places: PlaceSet, basemap: Option<Basemap>, heading: Heading) {
    let mut unreadable = None;
    let session =
        match browser::load().map(|json| (Session::from_json(&json, places.clone()), json)) {
            Some((Ok(s), _)) => Some(s),
            Some((Err(why), json)) => {
                // Set aside, not overwritten: the desk's work may still be in it.
                unreadable = Some((why, browser::set_aside(&json)));
                None
            }
            None => None,
        };
    let session = session.unwrap_or_else(|| {
        let mut s = Session::new(places);
        (s.headline, s.standfirst) = (heading.headline, heading.standfirst);
        s
    });
    let restored = !session.extraction.events.is_empty();
    let editor: Shared = Rc::new(RefCell::new(Editor {
        session,
        basemap,
        gazetteer: &Knowledge::builtin().places,
        chosen: None,
        stop: None,
        refused: Vec::new(),
        placing: None,
        pending: None,
        spare_kept: matches!(unreadable, Some((_, false))),
    }));
    let reader = {
        let (answer, failure) = (editor.clone(), editor.clone());
        Reader::start(
            move |text| on_answer(&answer, &text),
            move |why| {
                failure.borrow_mut().pending = None;
                status(&why);
            },
        )
    };
    let Some(reader) = reader else {
        status("The extractor's worker could not start in this browser.");
        return;
    };
    render(&editor.borrow());
    match unreadable {
        Some((why, true)) => status(&format!(
            "The session kept in this browser could not be read ({why}); it is set aside under \"{}\" in this site's storage. Ready: paste an article.",
            browser::ASIDE
        )),
        Some((why, false)) => status(&format!(
            "The session kept in this browser could not be read ({why}); it stays as it is until you read or import an article. Ready: paste an article."
        )),
        None if restored => {
            status("Your last session is back. Read a new article, or go on editing.")
        }
        None => status("Ready: paste an article."),
    }
    let reader = Rc::new(reader);
    let kept = listen(&editor, &reader);
    // The page lives as long as the editor: keep what listens to it.
    std::mem::forget(kept);
}

/// Redraws everything the session shows.
fn render(e: &Editor) {
    let s = &e.session;
    let mark = e
        .chosen
        .and_then(|i| s.extraction.events.get(i))
        .map(|ev| ev.span);
    draw("[data-testid=\"editor-article\"]", |d| {
        view::article(d, &s.article, mark)
    });
    draw("[data-testid=\"editor-table\"]", |d| {
        view::table(d, s, e.chosen, &e.refused);
        view::place_ids(d, s, e.gazetteer);
    });
    draw("[data-testid=\"editor-places\"]", |d| {
        view::places(d, &s.unknown_places(), e.placing.as_deref())
    });
    draw_preview(e);
    let url = newsmap_web::document()
        .and_then(|d| d.url().ok())
        .unwrap_or_default();
    let url = url.split('?').next().unwrap_or_default().to_owned();
    let head = head_lines(&s.headline, &s.standfirst);
    let snippet = embed_snippet(&url, &s.headline);
    draw("[data-testid=\"editor-export\"]", |d| {
        view::export(d, s, &head, &snippet)
    });
    if e.spare_kept {
        return;
    }
    let unsaved = browser::save(&s.to_json()).err().map(|u| u.to_string());
    if let Some(line) = find("[data-testid=\"editor-storage\"]") {
        // Said again only when it changes: the line is an alert.
        let said = line.text_content().filter(|t| !t.is_empty());
        if said != unsaved {
            line.set_text_content(unsaved.as_deref());
        }
    }
}

/// The story map as the reader will see it, at the chosen event's stop (or the one the desk
/// picked, or the end), with a list of the stops to look at.
fn preview(d: &mut Dom, e: &Editor) {
    let (story, issues) = e.session.story();
    let stops = story.timeline().stops();
    let chosen_stop = e
        .chosen
        .and_then(|i| e.session.extraction.events.get(i))
        .and_then(|ev| story.timeline().stop_of_event(&ev.id));
    let at = e
        .stop
        .or(chosen_stop.map(|s| s.0))
        .unwrap_or(stops.len().saturating_sub(1));
    let words = Words::new(Lang::En);
    d.leaf("h2", &[], "The map, as readers will see it");
    d.leaf(
        "p",
        &[("class", "desk-hint")],
        "A still: its slider and buttons work on the published page. Choose the date here.",
    );
    d.open("label", &[]);
    d.text("Show the map at ");
    d.open(
        "select",
        &[
            ("data-testid", "editor-preview-stop"),
            ("data-action", "stop"),
        ],
    );
    for (k, s) in stops.iter().enumerate() {
        let value = k.to_string();
        let mut attrs = vec![("value", value.as_str())];
        if k == at {
            attrs.push(("selected", ""));
        }
        d.leaf("option", &attrs, &story.stop_label(&words, s));
    }
    d.close();
    d.close();
    for issue in issues.iter().filter(|i| !i.is_warning()) {
        d.leaf("p", &[("class", "problem")], &issue.to_string());
    }
    if stops.is_empty() {
        d.leaf(
            "p",
            &[("class", "desk-empty")],
            "No dated event to draw yet.",
        );
    }
    let heading = Heading {
        headline: e.session.headline.clone(),
        standfirst: e.session.standfirst.clone(),
    };
    let position = StopIx(at).position();
    page::page(
        d,
        &Page {
            heading: &heading,
            story: &story,
            basemap: e.basemap.as_ref(),
            words: &words,
            position,
            fingerprint: "",
        },
    );
}

/// The worker's answer: the events the extractor read, or why not.
fn on_answer(editor: &Shared, text: &str) {
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return;
    };
    if v.get("ready").is_some() {
        return;
    }
    let mut e = editor.borrow_mut();
    let started = match (&e.pending, v.get("id").and_then(Value::as_u64)) {
        (Some((want, t0)), Some(id)) if u64::from(*want) == id => *t0,
        // A panic's report names no request: it ends the one pending.
        (Some((_, t0)), None) => *t0,
        _ => return,
    };
    e.pending = None;
    if let Some(why) = v.get("error").and_then(Value::as_str) {
        drop(e);
        status(why);
        return;
    }
    let article = v
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let extraction =
        match newsmap_core::data::read_events(v.get("extraction").unwrap_or(&Value::Null)) {
            Ok(x) => x,
            Err(err) => {
                drop(e);
                status(&format!("The extractor's answer could not be read: {err}"));
                return;
            }
        };
    let gazetteer = e.gazetteer;
    let n = extraction.events.len();
    e.session.read(article, extraction, gazetteer);
    (e.chosen, e.stop, e.refused, e.placing) = (None, None, Vec::new(), None);
    e.spare_kept = false;
    render(&e);
    let ms = now() - started;
    let said = match n {
        0 => "found no events. Add them from the text: select a sentence, then \"Add an event\"."
            .to_owned(),
        1 => "found 1 event: check it against its sentence.".to_owned(),
        n => format!("found {n} events: check each against its sentence."),
    };
    status(&format!("Read in {ms:.0} ms; {said}"));
    if let Some(s) = find("[data-testid=\"editor-status\"]") {
        let _ = s.set_attribute("data-ms", &format!("{ms:.1}"));
    }
}

/// Sends the article in the input to the worker.
fn read_article(editor: &Shared, reader: &Reader) {
    let html = find("[data-testid=\"editor-input\"]")
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        .map(|t| t.value())
        .unwrap_or_default();
    if let Some(why) = refuse(&html) {
        status(&why);
        return;
    }
    let date = find("[data-testid=\"editor-date\"]")
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default();
    editor.borrow_mut().session.date = date
        .parse::<newsmap_core::model::date::When>()
        .ok()
        .and_then(|w| match w {
            newsmap_core::model::date::When::Day(d) => Some(d),
            _ => None,
        });
    let t0 = now();
    let id = reader.read(&html, &date);
    editor.borrow_mut().pending = Some((id, t0));
    status(&format!("Reading {:.0} KB…", html.len() as f64 / 1024.0));
}

/// The element an event came from, and its `data-*` value.
fn data(e: &web_sys::Event, key: &str) -> Option<(web_sys::Element, String)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest(&format!("[data-{key}]")).ok()??;
    let value = el.get_attribute(&format!("data-{key}"))?;
    Some((el, value))
}

/// The value of the input or select an event came from.
fn input_value(el: &web_sys::Element) -> String {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

/// A click on a button of the editor.
fn on_click(editor: &Shared, reader: &Reader, event: &web_sys::Event) {
    if editor.borrow().placing.is_some() && place_on_map(editor, event) {
        return;
    }
    let Some((el, action)) = data(event, "action") else {
        return;
    };
    if el.tag_name() == "SELECT" {
        return;
    }
    let index = el
        .get_attribute("data-index")
        .and_then(|i| i.parse::<usize>().ok());
    let mut e = editor.borrow_mut();
    match (action.as_str(), index) {
        ("run", _) => {
            drop(e);
            read_article(editor, reader);
            return;
        }
        ("show", Some(i)) => {
            (e.chosen, e.stop) = (Some(i), None);
            render(&e);
            show_mark();
            return;
        }
        ("delete", Some(i)) => {
            delete(&mut e, i);
            render(&e);
            focus_row(i);
            return;
        }
        ("add", _) => match browser::selected_span().and_then(|span| e.session.add_from_span(span))
        {
            Some(i) => (e.chosen, e.stop) = (Some(i), None),
            None => {
                drop(e);
                status("Select a sentence of the article first.");
                return;
            }
        },
        ("place", _) => {
            let name = el.get_attribute("data-name").unwrap_or_default();
            status(&format!("Click the map where {name} is."));
            e.placing = Some(name);
        }
        ("download-events", _) => {
            let _ = browser::download("events.json", &e.session.events_json(), "application/json");
            return;
        }
        ("download-places", _) => {
            let _ = browser::download(
                "places.geojson",
                &places_geojson(&e.session.places),
                "application/geo+json",
            );
            return;
        }
        _ => return,
    }
    render(&e);
}

/// Scrolls the article to the marked sentence, as little as it takes.
fn show_mark() {
    if let Some(mark) = find("[data-testid=\"editor-mark\"]") {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Deletes event `i`, and what the editor held about it.
fn delete(e: &mut Editor, i: usize) {
    if let Some(gone) = e.session.extraction.events.get(i).map(|ev| ev.id.clone()) {
        e.refused.retain(|r| r.event != gone);
    }
    e.session.delete(i);
    (e.chosen, e.stop) = (None, None);
}

/// Puts the focus on row `i` (or the last), on its "show" button: after a deletion the desk
/// stays in the table, and a second Enter deletes nothing.
fn focus_row(i: usize) {
    let buttons = find_all("[data-testid=\"editor-event\"] [data-action=\"show\"]");
    if let Some(b) = buttons
        .get(i)
        .or(buttons.last())
        .and_then(|b| b.dyn_ref::<web_sys::HtmlElement>())
    {
        let _ = b.focus();
    }
}

/// A click on the preview's map while a place waits to be put down: where it lands.
fn place_on_map(editor: &Shared, event: &web_sys::Event) -> bool {
    let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else {
        return false;
    };
    let Some(svg) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| {
            t.closest("[data-testid=\"editor-preview\"] svg.map")
                .ok()
                .flatten()
        })
    else {
        return false;
    };
    let Some(width) = svg
        .get_attribute("data-layout")
        .and_then(|w| w.parse::<f64>().ok())
    else {
        return false;
    };
    // From the click to the layout's pixels: the SVG scales its viewBox to its box.
    let r = svg.get_bounding_client_rect();
    let view_w: f64 = svg
        .get_attribute("width")
        .and_then(|w| w.parse().ok())
        .unwrap_or(r.width());
    let k = view_w / r.width().max(1.0);
    let (x, y) = (
        (f64::from(mouse.client_x()) - r.left()) * k,
        (f64::from(mouse.client_y()) - r.top()) * k,
    );
    let mut e = editor.borrow_mut();
    let Some(layout) = Layout::build(&e.session.places, e.basemap.as_ref(), width, None) else {
        return false;
    };
    let Some((lon, lat)) = layout.en.viewport.invert(x, y) else {
        return false;
    };
    let Some(name) = e.placing.take() else {
        return false;
    };
    let name_ar = arabic_name_given(&name);
    let id = e.session.place_unknown(&name, &name_ar, lon, lat);
    render(&e);
    let (ns, ew) = (
        if lat < 0.0 { 'S' } else { 'N' },
        if lon < 0.0 { 'W' } else { 'E' },
    );
    status(&format!(
        "{name} is on the map ({}, {:.3}° {ns}, {:.3}° {ew}).",
        id.as_str(),
        lat.abs(),
        lon.abs()
    ));
    true
}

/// The Arabic name the desk typed for the unknown place `name`, if any.
fn arabic_name_given(name: &str) -> String {
    find_all("input[data-name-ar]")
        .into_iter()
        .find(|el| el.get_attribute("data-name-ar").as_deref() == Some(name))
        .map(|el| input_value(&el))
        .unwrap_or_default()
}

/// A changed field, input or file of the editor.
fn on_change(editor: &Shared, reader: &Rc<Reader>, event: &web_sys::Event) {
    if let Some((el, field)) = data(event, "field") {
        let index = el
            .get_attribute("data-index")
            .and_then(|i| i.parse::<usize>().ok());
        let (Some(i), Some(f)) = (index, Field::from_id(&field)) else {
            return;
        };
        let text = input_value(&el);
        let mut e = editor.borrow_mut();
        let gazetteer = e.gazetteer;
        let Some(id) = e.session.extraction.events.get(i).map(|ev| ev.id.clone()) else {
            return;
        };
        e.refused.retain(|r| !(r.event == id && r.field == f));
        if let Err(why) = e.session.set(i, f, &text, gazetteer) {
            e.refused.push(Refused {
                event: id,
                field: f,
                text,
                why,
            });
        }
        (e.chosen, e.stop) = (Some(i), None);
        render(&e);
    } else if let Some((el, key)) = data(event, "head") {
        let mut e = editor.borrow_mut();
        let value = input_value(&el);
        match key.as_str() {
            "headline" => e.session.headline = value,
            _ => e.session.standfirst = value,
        }
        render(&e);
    } else if let Some((el, name)) = data(event, "pick") {
        pick(editor, &name, &input_value(&el));
    } else if let Some((el, _)) =
        data(event, "action").filter(|(el, a)| a == "stop" && el.tag_name() == "SELECT")
    {
        // Only the preview shows the stop.
        let mut e = editor.borrow_mut();
        e.stop = input_value(&el).parse().ok();
        draw_preview(&e);
    } else if let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .filter(|i| i.type_() == "file")
    {
        let file = input.files().and_then(|f| f.get(0));
        // Emptied, so that choosing the same file again reads it again.
        input.set_value("");
        match (input.id().as_str(), file) {
            ("editor-file", Some(file)) => load_file(editor, reader, file),
            ("editor-import", Some(file)) => import_file(editor, file),
            _ => {}
        }
    }
}

/// The desk picked a place of the gazetteer for a name nobody knew.
fn pick(editor: &Shared, name: &str, id: &str) {
    let mut e = editor.borrow_mut();
    let gazetteer = e.gazetteer;
    let id = PlaceId::new(id.trim());
    let on_map = e.session.places.get(&id).map(|p| p.name.clone());
    let known = gazetteer.iter().find(|k| k.id == id);
    match (on_map, known) {
        (Some(shown), _) => {
            e.session.give_place(name, &id);
            render(&e);
            status(&format!("{name} is {shown} on the map."));
        }
        (None, Some(known)) => {
            e.session.pick_known(name, known, gazetteer);
            render(&e);
            status(&format!("{name} is {} on the map.", known.name));
        }
        (None, None) => status(&format!(
            "\"{}\" is neither on the map nor in the gazetteer: pick one from the list, or place {name} on the map.",
            id.as_str()
        )),
    }
}

/// A file dropped or opened as the article: into the input, then read.
fn load_file(editor: &Shared, reader: &Rc<Reader>, file: web_sys::File) {
    let (editor, reader) = (editor.clone(), reader.clone());
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match browser::read_file(file).await {
            Ok(text) => {
                if let Some(t) = find("[data-testid=\"editor-input\"]")
                    .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                {
                    t.set_value(&text);
                }
                status(&format!("Opened {name}."));
                read_article(&editor, &reader);
            }
            Err(why) => status(&format!("{name}: {why}")),
        }
    });
}

/// An exported `events.json`, to go on with.
fn import_file(editor: &Shared, file: web_sys::File) {
    let editor = editor.clone();
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let text = browser::read_file(file).await;
        let mut e = editor.borrow_mut();
        let gazetteer = e.gazetteer;
        match text.and_then(|t| e.session.import_events(&t, gazetteer)) {
            Ok(done) => {
                (e.chosen, e.stop, e.refused) = (None, None, Vec::new());
                // An answer still on its way would overwrite what was imported.
                (e.placing, e.pending, e.spare_kept) = (None, None, false);
                render(&e);
                let n = done.events;
                status(&if done.article_rebuilt {
                    format!(
                        "Imported {n} events from {name}. Their sentences are not the article's in the editor, so the text beside them is their sentences alone."
                    )
                } else {
                    format!("Imported {n} events from {name}.")
                });
            }
            Err(why) => status(&format!(
                "{name} is not an events.json the map reads: {why}"
            )),
        }
    });
}

/// The desk's hands: clicks, changes, and files dropped on the input.
fn listen(editor: &Shared, reader: &Rc<Reader>) -> Vec<EventListener> {
    let Some(root) = find("[data-testid=\"editor\"]") else {
        return Vec::new();
    };
    let click = {
        let (editor, reader) = (editor.clone(), reader.clone());
        EventListener::new(&root, "click", move |e| on_click(&editor, &reader, e))
    };
    let change = {
        let (editor, reader) = (editor.clone(), reader.clone());
        EventListener::new(&root, "change", move |e| on_change(&editor, &reader, e))
    };
    let mut out = vec![click, change];
    if let Some(input) = find("[data-testid=\"editor-input\"]") {
        let over = EventListener::new_with_options(
            &input,
            "dragover",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        );
        let (editor, reader) = (editor.clone(), reader.clone());
        let drop = EventListener::new_with_options(
            &input,
            "drop",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                e.prevent_default();
                let file = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .and_then(|t| t.files())
                    .and_then(|f| f.get(0));
                if let Some(file) = file {
                    load_file(&editor, &reader, file);
                }
            },
        );
        out.extend([over, drop]);
    }
    out
}
