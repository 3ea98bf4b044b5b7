//! Fetching the app's data files.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn describe(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Fetches `url` (relative to the page, so same-origin) as text. The request starts when this
/// is called, not when the future is first polled, so several fetches started one after the
/// other run at the same time. The error says what failed in words for the page: no
/// connection, an HTTP status, or an unreadable body.
pub fn fetch_text(url: &str) -> impl Future<Output = Result<String, String>> + use<> {
    let request = web_sys::window().map(|w| w.fetch_with_str(url));
    async move { read_text(request).await }
}

async fn read_text(request: Option<js_sys::Promise>) -> Result<String, String> {
    let response = respond(request).await?;
    let body = response
        .text()
        .map_err(|e| format!("could not be read ({})", describe(e)))?;
    let text = JsFuture::from(body)
        .await
        .map_err(|e| format!("could not be read ({})", describe(e)))?;
    text.as_string()
        .ok_or_else(|| "the body is not text".to_owned())
}

/// Fetches `url` (relative to the page) as bytes, as the server sends them.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = respond(web_sys::window().map(|w| w.fetch_with_str(url))).await?;
    let body = response
        .array_buffer()
        .map_err(|e| format!("could not be read ({})", describe(e)))?;
    let buffer = JsFuture::from(body)
        .await
        .map_err(|e| format!("could not be read ({})", describe(e)))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A fetch's response, when the server answered with success.
async fn respond(request: Option<js_sys::Promise>) -> Result<web_sys::Response, String> {
    let request = request.ok_or("no browser window")?;
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("could not be fetched ({})", describe(e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the fetch did not return a response".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    Ok(response)
}
