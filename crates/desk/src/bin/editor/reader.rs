//! The extractor's worker, as the editor sees it: start it, send it an article, hear back,
//! in the [`protocol`](newsmap_desk::protocol)'s types. A request waits until the worker says
//! it is ready (a module worker that is still loading may miss a message), and a worker that
//! stopped on an internal error is started again.

use gloo_events::EventListener;
use newsmap_desk::protocol::{Answer, Request, decode, encode};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

type OnAnswer = Rc<dyn Fn(Answer)>;
type OnFailure = Rc<dyn Fn(String)>;

/// The worker, and what listens to it.
pub struct Reader {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    worker: Option<web_sys::Worker>,
    ready: bool,
    /// The request sent once the worker is ready, as text.
    waiting: Option<String>,
    on_answer: OnAnswer,
    on_failure: OnFailure,
    _listeners: Vec<EventListener>,
}

impl Reader {
    /// Starts the worker (`newsmap-worker_loader.js`, beside the page); `on_answer` gets each
    /// answer, `on_failure` a sentence when the worker cannot run.
    pub fn start(
        on_answer: impl Fn(Answer) + 'static,
        on_failure: impl Fn(String) + 'static,
    ) -> Option<Reader> {
        let inner = Rc::new(RefCell::new(Inner {
            worker: None,
            ready: false,
            waiting: None,
            on_answer: Rc::new(on_answer),
            on_failure: Rc::new(on_failure),
            _listeners: Vec::new(),
        }));
        spawn(&inner)?;
        Some(Reader { inner })
    }

    /// Asks the worker to read an article.
    pub fn read(&self, request: &Request) {
        let mut inner = self.inner.borrow_mut();
        let request = encode(request);
        match (&inner.worker, inner.ready) {
            (Some(worker), true) => {
                let _ = worker.post_message(&JsValue::from_str(&request));
            }
            _ => inner.waiting = Some(request),
        }
    }
}

/// Starts a worker for `inner`, replacing any before it.
fn spawn(inner: &Rc<RefCell<Inner>>) -> Option<()> {
    let base = newsmap_web::document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base("newsmap-worker_loader.js", &base)
        .ok()?
        .href();
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
    let weak = Rc::downgrade(inner);
    let message = EventListener::new(&worker, "message", move |e| {
        let text = wasm_bindgen::JsCast::dyn_ref::<web_sys::MessageEvent>(e)
            .and_then(|m| m.data().as_string());
        if let (Some(text), Some(inner)) = (text, weak.upgrade()) {
            heard(&inner, text);
        }
    });
    let on_failure = inner.borrow().on_failure.clone();
    let error = EventListener::new(&worker, "error", move |_| {
        on_failure("The extractor could not start or stopped (see the console).".into());
    });
    let mut i = inner.borrow_mut();
    if let Some(old) = i.worker.replace(worker) {
        old.terminate();
    }
    i.ready = false;
    i._listeners = vec![message, error];
    Some(())
}

/// A message from the worker: ready, an answer, or the report of an internal error.
fn heard(inner: &Rc<RefCell<Inner>>, text: String) {
    let answer = match decode::<Answer>(&text) {
        Ok(answer) => answer,
        Err(why) => {
            newsmap_web::console_error(&format!("newsmap extractor: {why}"));
            return;
        }
    };
    match &answer {
        Answer::Ready => {
            let mut i = inner.borrow_mut();
            i.ready = true;
            if let (Some(worker), Some(request)) = (i.worker.clone(), i.waiting.take()) {
                let _ = worker.post_message(&JsValue::from_str(&request));
            }
            return;
        }
        Answer::Failed { detail } => {
            // The worker's module cannot be trusted after a panic: a new one takes its place.
            newsmap_web::console_error(&format!("newsmap extractor: {detail}"));
            if spawn(inner).is_none() {
                stop(inner);
                return;
            }
        }
        Answer::Read { .. } | Answer::Refused { .. } => {}
    }
    let on_answer = inner.borrow().on_answer.clone();
    on_answer(answer);
}

/// The worker stopped and no other could start.
fn stop(inner: &Rc<RefCell<Inner>>) {
    let mut i = inner.borrow_mut();
    if let Some(old) = i.worker.take() {
        old.terminate();
    }
    i.ready = false;
    let on_failure = i.on_failure.clone();
    drop(i);
    on_failure(
        "The extractor stopped and could not be started again: reload the page (your work is kept)."
            .into(),
    );
}
