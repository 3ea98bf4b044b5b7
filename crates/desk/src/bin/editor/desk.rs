//! The editor as a Leptos app: the desk's state is one signal holding the library's
//! [`Editor`]; every hand of the desk becomes a [`Msg`] where the DOM speaks, and
//! [`Desk::send`] applies it and carries out what it asks of the browser ([`Effect`]). The
//! components (in `parts` and `preview`) are given the [`Desk`], read its state and only
//! format it.

use crate::browser;
use crate::reader::Reader;
use leptos::prelude::*;
use newsmap_core::data::BASEMAP_FILE;
use newsmap_core::data::places::Basemap;
use newsmap_desk::editor::{Editor, Effect, Msg};
use newsmap_desk::protocol::Answer;
use newsmap_desk::publish::{Site, publish, site_files, zip};
use std::rc::Rc;

/// The User Timing mark where an article's events start joining the story.
const MERGE_START: &str = "newsmap:merge-start";

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

    /// The embed of the desk's story, zipped.
    async fn embed(&self) -> Result<Vec<u8>, String> {
        let site = site().await?;
        let files = self
            .state
            .with_untracked(|e| publish(&site, &e.session))
            .map_err(|e| e.to_string())?;
        zip(&files)
    }

    /// Sends the desk's requests to this worker from now on.
    pub fn listen_to(&self, reader: Reader) {
        self.reader.set_value(Some(Rc::new(reader)));
    }

    /// Applies what the desk did, then does what the editor asks of the browser.
    pub fn send(&self, msg: Msg) {
        // An article's events joining the story's, timed ("newsmap:merge").
        let merging = matches!(
            msg,
            Msg::Heard {
                answer: Answer::Read { .. },
                ..
            }
        );
        if merging {
            newsmap_web::mark(MERGE_START);
        }
        let effects = self.state.try_update(|e| e.update(msg)).unwrap_or_default();
        if merging {
            newsmap_web::measure_since("newsmap:merge", MERGE_START);
        }
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
                let _ = browser::download(name, text.as_bytes(), mime);
            }
            Effect::Publish { name } => {
                let desk = *self;
                wasm_bindgen_futures::spawn_local(async move {
                    let result = desk.embed().await.and_then(|zip| {
                        browser::download(&name, &zip, "application/zip")
                            .ok_or("the browser would not offer the file")?;
                        Ok(zip.len())
                    });
                    let now = now();
                    desk.send(Msg::Published { result, now });
                });
            }
        }
    }
}

/// The reader's site, as this page's own origin serves it: the built page, the basemap, and
/// every file the page names, byte for byte.
async fn site() -> Result<Site, String> {
    let index = newsmap_web::fetch_text("index.html")
        .await
        .map_err(|e| format!("index.html {e}"))?;
    let basemap = newsmap_web::fetch_text(&format!("assets/{BASEMAP_FILE}"))
        .await
        .map_err(|e| format!("{BASEMAP_FILE} {e}"))?;
    let mut files = Vec::new();
    for path in site_files(&index) {
        let bytes = newsmap_web::fetch_bytes(&path)
            .await
            .map_err(|e| format!("{path} {e}"))?;
        files.push((path, bytes));
    }
    Ok(Site {
        index,
        basemap,
        files,
    })
}

/// The time, in ms, for how long an article takes to read.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
