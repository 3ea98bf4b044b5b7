//! The extractor's worker, as the editor sees it: start it, send it an article, hear back.

use gloo_events::EventListener;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The worker, and what listens to it.
pub struct Reader {
    worker: web_sys::Worker,
    next: Rc<Cell<u32>>,
    _listeners: [EventListener; 2],
}

impl Reader {
    /// Starts the worker (`newsmap-worker_loader.js`, beside the page); `on_answer` gets each
    /// answer's JSON text, `on_failure` a sentence when the worker cannot run.
    pub fn start(
        on_answer: impl Fn(String) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Option<Reader> {
        let base = newsmap_web::document()?.base_uri().ok()??;
        let url = web_sys::Url::new_with_base("newsmap-worker_loader.js", &base)
            .ok()?
            .href();
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
        let message = EventListener::new(&worker, "message", move |e| {
            let data = wasm_bindgen::JsCast::dyn_ref::<web_sys::MessageEvent>(e)
                .and_then(|m| m.data().as_string());
            if let Some(text) = data {
                on_answer(text);
            }
        });
        let error = EventListener::new(&worker, "error", move |_| {
            on_failure("The extractor could not start or stopped (see the console).".into());
        });
        Some(Reader {
            worker,
            next: Rc::new(Cell::new(1)),
            _listeners: [message, error],
        })
    }

    /// Asks the worker to read an article; returns the request's id.
    pub fn read(&self, html: &str, date: &str) -> u32 {
        let id = self.next.get();
        self.next.set(id.wrapping_add(1));
        let request = serde_json::json!({ "id": id, "html": html, "date": date }).to_string();
        let _ = self.worker.post_message(&JsValue::from_str(&request));
        id
    }
}
