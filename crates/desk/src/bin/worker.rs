//! The extractor in a Web Worker, so that reading a long article never blocks the page: each
//! message is a request as JSON text, each reply the answer of
//! [`newsmap_desk::worker::answer`]. Built for wasm32 (natively it is empty).

fn main() {
    #[cfg(target_arch = "wasm32")]
    listen();
}

#[cfg(target_arch = "wasm32")]
fn listen() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::{Closure, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic ends the worker: say why first, so the page can tell the desk.
    let on_panic = scope.clone();
    std::panic::set_hook(Box::new(move |info| {
        let reply = serde_json::json!({
            "id": null,
            "error": "The extractor met an internal error on this article and was started again (the details are in the console). Your events are as they were.",
            "internal": info.to_string(),
        });
        let _ = on_panic.post_message(&JsValue::from_str(&reply.to_string()));
    }));
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let request = e.data().as_string().unwrap_or_default();
        let answer = newsmap_desk::worker::answer(&request);
        let _ = reply_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The listener lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(r#"{"ready":true}"#));
}
