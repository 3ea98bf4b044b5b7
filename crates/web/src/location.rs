//! The page's own URL: its query, read with `URLSearchParams`, and kept in step with the
//! story.

/// The query's parameters, decoded.
pub fn query_pairs() -> Vec<(String, String)> {
    let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
        return Vec::new();
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Vec::new();
    };
    js_sys::try_iter(&params)
        .ok()
        .flatten()
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair: js_sys::Array = entry.ok()?.into();
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Sets (or with `None` removes) query parameters without reloading or adding history, so
/// that a copied link opens where the reader is. Other parameters are kept.
pub fn replace_query(changes: &[(&str, Option<&str>)]) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let params = url.search_params();
    for (key, value) in changes {
        match value {
            Some(v) => params.set(key, v),
            None => params.delete(key),
        }
    }
    let search = params.to_string().as_string().unwrap_or_default();
    url.set_search(&search);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
