//! `use_element_width`: the width of an element in CSS pixels, kept current by a
//! `ResizeObserver`.

use leptos::html::ElementType;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// The observer and the callback it calls, kept alive together.
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A signal holding `target`'s content width (0 until it is mounted). The observer is
/// disconnected when the calling component is cleaned up.
pub fn use_element_width<E>(target: NodeRef<E>) -> ReadSignal<f64>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let (width, set_width) = signal(0.0_f64);
    let observer: StoredValue<Option<SendWrapper<Observer>>> = StoredValue::new(None);

    Effect::new(move |_| {
        let Some(node) = target.get() else { return };
        let Some(element) = node.dyn_ref::<web_sys::Element>().cloned() else {
            return;
        };
        set_width.set(element.client_width() as f64);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let entry = entries.get(0);
            if let Some(entry) = entry.dyn_ref::<web_sys::ResizeObserverEntry>() {
                let w = entry.content_rect().width();
                if (w - width.get_untracked()).abs() >= 0.5 {
                    set_width.set(w);
                }
            }
        });
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(ro) => {
                ro.observe(&element);
                observer.set_value(Some(SendWrapper::new((ro, callback))));
            }
            Err(_) => {
                super::console_warn("ResizeObserver is unavailable: the map keeps its first width")
            }
        }
    });

    on_cleanup(move || {
        observer.try_update_value(|slot| {
            if let Some(pair) = slot.take() {
                pair.0.disconnect();
            }
        });
    });
    width
}
