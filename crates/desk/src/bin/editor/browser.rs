//! What the editor asks of the browser: keeping the session, downloading a file, reading a
//! dropped one, and where a selection of the article's text starts and ends. Nothing here
//! panics: a failure comes back as a value.

use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEY: &str = "newsmap-desk-session";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The session kept from the last visit.
pub fn load() -> Option<String> {
    storage()?.get_item(KEY).ok().flatten()
}

/// Keeps the session for the next visit; `false` when the browser refuses (too large).
pub fn save(json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, json).is_ok())
}

/// Offers `text` to the desk as a file called `name`.
pub fn download(name: &str, text: &str, mime: &str) -> Option<()> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let a: web_sys::HtmlAnchorElement = newsmap_web::document()?
        .create_element("a")
        .ok()?
        .dyn_into()
        .ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
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

/// The selected range of the article's text, in chars of the text: each paragraph says where
/// it starts (`data-start`), and the offset within it counts the text before the selection.
pub fn selected_span() -> Option<[usize; 2]> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let a = offset(
        &range.start_container().ok()?,
        range.start_offset().ok()? as usize,
    )?;
    let b = offset(
        &range.end_container().ok()?,
        range.end_offset().ok()? as usize,
    )?;
    Some([a.min(b), a.max(b)])
}

/// The char offset in the article of a point inside a paragraph's text.
fn offset(node: &web_sys::Node, within: usize) -> Option<usize> {
    let para = match node.dyn_ref::<web_sys::Element>() {
        Some(e) => e.closest("p.desk-para").ok()??,
        None => node.parent_element()?.closest("p.desk-para").ok()??,
    };
    let start: usize = para.get_attribute("data-start")?.parse().ok()?;
    // The text of the paragraph before the point (the marked span splits it into nodes).
    let mut before = 0;
    let walker = newsmap_web::document()?
        .create_tree_walker_with_what_to_show(&para, 4)
        .ok()?;
    while let Ok(Some(n)) = walker.next_node() {
        let len = n.text_content().unwrap_or_default().chars().count();
        if &n == node {
            // `within` counts UTF-16 units; the article counts chars.
            let text = n.text_content().unwrap_or_default();
            let units: Vec<u16> = text.encode_utf16().take(within).collect();
            return Some(start + before + String::from_utf16_lossy(&units).chars().count());
        }
        before += len;
    }
    Some(start + before)
}
