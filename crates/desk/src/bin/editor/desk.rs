//! The editor as a Leptos app: the desk's state is one signal holding the library's
//! [`Editor`]; every hand of the desk becomes a [`Msg`] where the DOM speaks, and
//! [`Desk::send`] applies it and carries out what it asks of the browser ([`Effect`]). The
//! components (in `parts` and `preview`) are given the [`Desk`], read its state and only
//! format it.

use crate::browser;
use crate::reader::Reader;
use leptos::prelude::*;
use newsmap_core::data::places::Basemap;
use newsmap_desk::editor::{Editor, Effect, Msg};
use std::rc::Rc;

/// The editor's state and its hands, shared by every component (it is `Copy`).
#[derive(Clone, Copy)]
pub struct Desk {
    pub state: RwSignal<Editor>,
    /// The basemap, for the preview (the page works without it).
    pub basemap: StoredValue<Option<Basemap>>,
    reader: StoredValue<Option<Rc<Reader>>, LocalStorage>,
    /// The paste box: a file opened as the article fills it.
    pub input: NodeRef<leptos::html::Textarea>,
}

impl Desk {
    pub fn new(editor: Editor, basemap: Option<Basemap>) -> Desk {
        Desk {
            state: RwSignal::new(editor),
            basemap: StoredValue::new(basemap),
            reader: StoredValue::new_local(None),
            input: NodeRef::new(),
        }
    }

    /// Sends the desk's requests to this worker from now on.
    pub fn listen_to(&self, reader: Reader) {
        self.reader.set_value(Some(Rc::new(reader)));
    }

    /// Applies what the desk did, then does what the editor asks of the browser.
    pub fn send(&self, msg: Msg) {
        let effects = self.state.try_update(|e| e.update(msg)).unwrap_or_default();
        for effect in effects {
            self.carry(effect);
        }
    }

    fn carry(&self, effect: Effect) {
        match effect {
            Effect::Send(request) => {
                if let Some(reader) = self.reader.get_value() {
                    reader.read(&request);
                }
            }
            Effect::Save(json) => {
                let kept = browser::save(&json);
                if self.state.with_untracked(|e| e.unsaved) != kept.err() {
                    self.send(Msg::Saved(kept));
                }
            }
            Effect::FillInput(text) => {
                if let Some(input) = self.input.get_untracked() {
                    input.set_value(&text);
                }
            }
            Effect::Offer { name, text, mime } => {
                let _ = browser::download(name, &text, mime);
            }
        }
    }
}

/// The time, in ms, for how long an article takes to read.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
