//! Living inside an iframe on a news page: telling the host how tall the content is, in the
//! message formats hosts already listen for, whenever it changes (growing or shrinking).
//!
//! - pym.js: `pymxPYMx<childId>xPYMxheightxPYMx<height>`
//! - Datawrapper: `{"datawrapper-height": {"<id>": height}}`
//! - AMP `amp-iframe`: `{sentinel: "amp", type: "embed-size", height}`
//!
//! Only the height is ever sent. The only message acted on is pym's own width message for
//! this child, from the parent window, exactly as pym.js 1.3 writes it; it asks for the height
//! again. Everything else is ignored.

use gloo_events::EventListener;
use newsmap_core::host::embed::{DEFAULT_FRAME_ID, is_pym_width_request, pym_height};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn content_height(element: &web_sys::Element) -> u32 {
    let rect = element.get_bounding_client_rect();
    let scroll = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    (rect.bottom() + scroll).ceil().max(0.0) as u32
}

fn post(parent: &web_sys::Window, message: &wasm_bindgen::JsValue) {
    let _ = parent.post_message(message, "*");
}

fn send_height(id: &str, height: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return; // not in a frame
    }
    post(&parent, &pym_height(id, height).into());
    let dw = js_sys::Object::new();
    let inner = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&inner, &id.into(), &height.into());
    let _ = js_sys::Reflect::set(&dw, &"datawrapper-height".into(), &inner);
    post(&parent, &dw);
    let amp = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&amp, &"sentinel".into(), &"amp".into());
    let _ = js_sys::Reflect::set(&amp, &"type".into(), &"embed-size".into());
    let _ = js_sys::Reflect::set(&amp, &"height".into(), &height.into());
    post(&parent, &amp);
}

/// Reports the page's height to its host while it lives: dropping it stops the reports.
pub struct AutoHeight {
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
    _on_message: EventListener,
}

impl Drop for AutoHeight {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Reports the height of `element` (the page's content) to the host page now, on every
/// change of size, and when pym's parent asks. `None` outside a browser.
pub fn auto_height(element: web_sys::Element, child_id: Option<String>) -> Option<AutoHeight> {
    let window = web_sys::window()?;
    let id = Rc::new(child_id.unwrap_or_else(|| DEFAULT_FRAME_ID.to_owned()));
    let last = Rc::new(Cell::new(0_u32));
    let report = {
        let (id, last, element) = (id.clone(), last, element.clone());
        move |force: bool| {
            let h = content_height(&element);
            if force || h != last.get() {
                last.set(h);
                send_height(&id, h);
            }
        }
    };
    report(true);
    let on_resize = {
        let report = report.clone();
        Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| report(false))
    };
    let parent = window.parent().ok().flatten();
    let on_message = EventListener::new(&window, "message", move |e| {
        let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let from_parent = match (e.source(), &parent) {
            (Some(source), Some(parent)) => source.dyn_ref::<web_sys::Window>() == Some(parent),
            _ => false,
        };
        let asks = e
            .data()
            .as_string()
            .is_some_and(|m| is_pym_width_request(&m, &id));
        if from_parent && asks {
            report(true);
        }
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(AutoHeight {
        observer,
        _on_resize: on_resize,
        _on_message: on_message,
    })
}
