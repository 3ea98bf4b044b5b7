//! `use_raf_fn`: calls a function on every animation frame while active, in the manner of
//! leptos-use's hook of the same name.

use leptos::prelude::*;
use std::sync::Arc;

/// Controls of a running loop. Copy it freely.
#[derive(Clone, Copy)]
pub struct Pausable {
    active: RwSignal<bool>,
    last: StoredValue<Option<f64>>,
    callback: StoredValue<Arc<dyn Fn(f64) -> bool + Send + Sync>>,
}

impl Pausable {
    /// Whether the loop is running.
    pub fn is_active(&self) -> Signal<bool> {
        self.active.into()
    }

    pub fn pause(&self) {
        self.active.set(false);
        self.last.set_value(None);
    }

    pub fn resume(&self) {
        if !self.active.get_untracked() {
            self.active.set(true);
            schedule(*self);
        }
    }
}

fn now() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}

fn schedule(p: Pausable) {
    request_animation_frame(move || {
        if !p.active.get_untracked() {
            return;
        }
        let t = now().unwrap_or(0.0);
        let delta = p.last.get_value().map_or(0.0, |last| (t - last).max(0.0));
        p.last.set_value(Some(t));
        let go_on = p.callback.try_get_value().is_some_and(|cb| cb(delta));
        if go_on {
            schedule(p);
        } else {
            p.pause();
        }
    });
}

/// Calls `callback(milliseconds since the previous frame)` on every animation frame while
/// resumed; the loop pauses itself when the callback returns false. Starts paused. The loop
/// stops with the component (its signals are disposed).
pub fn use_raf_fn(callback: impl Fn(f64) -> bool + Send + Sync + 'static) -> Pausable {
    let p = Pausable {
        active: RwSignal::new(false),
        last: StoredValue::new(None),
        callback: StoredValue::new(Arc::new(callback)),
    };
    on_cleanup(move || {
        let _ = p.active.try_set(false);
    });
    p
}
