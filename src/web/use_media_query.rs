//! `use_media_query`: whether a CSS media query matches, kept current.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

type Listener = (
    web_sys::MediaQueryList,
    Closure<dyn FnMut(web_sys::MediaQueryListEvent)>,
);

/// A signal that is true while `query` matches ("(prefers-reduced-motion: reduce)").
/// False where `matchMedia` is unavailable.
pub fn use_media_query(query: &'static str) -> Signal<bool> {
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let matches = RwSignal::new(list.as_ref().is_some_and(|l| l.matches()));
    let listener: StoredValue<Option<SendWrapper<Listener>>> = StoredValue::new(None);
    if let Some(list) = list {
        let callback = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
            move |e: web_sys::MediaQueryListEvent| {
                matches.set(e.matches());
            },
        );
        if list
            .add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
            .is_ok()
        {
            listener.set_value(Some(SendWrapper::new((list, callback))));
        }
    }
    on_cleanup(move || {
        listener.try_update_value(|slot| {
            if let Some(pair) = slot.take() {
                let _ = pair
                    .0
                    .remove_event_listener_with_callback("change", pair.1.as_ref().unchecked_ref());
            }
        });
    });
    matches.into()
}
