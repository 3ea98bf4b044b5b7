//! What the editor asks of the browser: keeping the session, downloading a file, reading a
//! dropped one, and where a selection of the article's text starts and ends. Nothing here
//! panics: a failure comes back as a value.

use js_sys::Array;
use newsmap_desk::editor::Unsaved;
use newsmap_desk::{ASIDE, KEPT};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session kept from the last visit.
pub fn load() -> Option<String> {
    storage()?.get_item(KEPT).ok().flatten()
}

/// Keeps the session for the next visit. When it cannot, the last one kept is removed, so
/// that a reload never brings back an older session as if it were this one.
pub fn save(json: &str) -> Result<(), Unsaved> {
    let s = storage().ok_or(Unsaved::Unavailable)?;
    if s.set_item(KEPT, json).is_ok() {
        return Ok(());
    }
    let _ = s.remove_item(KEPT);
    Err(Unsaved::TooLarge)
}

/// Sets a kept session aside (under [`ASIDE`]); `false` when the browser would not keep the
/// copy.
pub fn set_aside(json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(ASIDE, json).is_ok())
}

/// Offers `bytes` to the desk as a file called `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) -> Option<()> {
    let parts = Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = newsmap_web::document()?
        .create_element("a")
        .ok()?
        .dyn_into()
        .ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoked once the browser has started the download, not before.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}

/// A file's text (decoded as UTF-8; a binary file comes back with replacement characters,
/// which the session's checks refuse).
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}

/// Scrolls the page to an element, as little as it takes.
pub fn scroll_to(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The selected range of the article's `text` (its element), in chars of the text: each
/// paragraph says where it starts (`data-start`); the part of each paragraph the selection
/// covers is counted with a range from the paragraph's start, so a selection may start or end
/// anywhere (on a mark, at a paragraph's edge, outside the article).
pub fn selected_span(text: &web_sys::Element) -> Option<[usize; 2]> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let children = text.children();
    let paras: Vec<web_sys::Element> = (0..children.length())
        .filter_map(|i| children.item(i))
        .collect();
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    let mut span: Option<[usize; 2]> = None;
    for para in &paras {
        if !range.intersects_node(para).unwrap_or(false) {
            continue;
        }
        let Some(first) = para
            .get_attribute("data-start")
            .and_then(|s| s.parse::<usize>().ok())
        else {
            continue;
        };
        let len = para.text_content().unwrap_or_default().chars().count();
        let a = match para.contains(Some(&start_node)) {
            true => chars_before(para, &start_node, range.start_offset().ok()?)?,
            false => 0,
        };
        let b = match para.contains(Some(&end_node)) {
            true => chars_before(para, &end_node, range.end_offset().ok()?)?,
            false => len,
        };
        let (a, b) = (first + a, first + b);
        span = Some(span.map_or([a, b], |[x, y]| [x.min(a), y.max(b)]));
    }
    span.filter(|[a, b]| a < b)
}

/// The chars of `para`'s text before the point (`node`, `offset`) inside it.
fn chars_before(para: &web_sys::Node, node: &web_sys::Node, offset: u32) -> Option<usize> {
    let range = newsmap_web::document()?.create_range().ok()?;
    range.set_start(para, 0).ok()?;
    range.set_end(node, offset).ok()?;
    Some(String::from(range.to_string()).chars().count())
}
