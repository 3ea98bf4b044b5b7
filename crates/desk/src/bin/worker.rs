//! The extractor in a Web Worker, so that reading a long article never blocks the page: each
//! message is a [`Request`](newsmap_desk::protocol::Request), each reply its
//! [`Answer`](newsmap_desk::protocol::Answer), as the protocol encodes them. Built for wasm32
//! (natively it is empty).

fn main() {
    #[cfg(target_arch = "wasm32")]
    listen();
}

#[cfg(target_arch = "wasm32")]
fn listen() {
    use newsmap_desk::protocol::{Answer, Request, answer, decode, encode};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::{Closure, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // A panic ends the worker: say why first, so the page can tell the desk.
    let on_panic = scope.clone();
    let say = move |to: &DedicatedWorkerGlobalScope, a: &Answer| {
        let _ = to.post_message(&JsValue::from_str(&encode(a)));
    };
    std::panic::set_hook(Box::new(move |info| {
        let detail = info.to_string();
        say(&on_panic, &Answer::Failed { detail });
    }));
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let text = e.data().as_string().unwrap_or_default();
        let reply = match decode::<Request>(&text) {
            Ok(request) => answer(&request),
            // Both ends share the types: a request that does not decode is a fault of ours.
            Err(detail) => Answer::Failed { detail },
        };
        say(&reply_to, &reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The listener lives as long as the worker.
    on_message.forget();
    say(&scope, &Answer::Ready);
}
