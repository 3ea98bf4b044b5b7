//! The story, live: a position signal moved by the slider, the events list, playback and
//! the URL, and the effects that show it — the map, the caption, the ceasefire banner, the
//! date label, the slider's spoken value, the live region. What each shows is asked of the
//! core's [`Story`]; how it is drawn, of the core's page routines.

use super::map::MapNodes;
use crate::web::dom::Dom;
use crate::web::frames::Frames;
use crate::web::{self, location};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use newsmap_core::host::options::Options;
use newsmap_core::model::StopIx;
use newsmap_core::render::page::{self as draw, Heading};
use newsmap_core::render::parts::{Part, Slot, Word};
use newsmap_core::story::reading::{Playback, Story};
use newsmap_core::story::timeline::{CeasefireState, Frame};
use newsmap_core::story::words::{Lang, Ui, Words};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How long the story rests on a stop before the URL follows.
const URL_SETTLE_MS: u32 = 300;

/// The page's parts the app moves, each found by the mark the render gives it ([`Part`]).
struct Parts {
    main: web_sys::Element,
    play: web_sys::HtmlElement,
    slider: web_sys::HtmlInputElement,
}

impl Parts {
    /// The part `p`. Present on any page the core draws: a page without it is refused before
    /// the app starts (see [`take_over`]).
    fn get(&self, p: Part) -> Option<web_sys::Element> {
        newsmap_web::one(&self.main, &p.selector())
    }
}

/// Draws into `target` with the core's routine `draw`, replacing what was there.
fn redraw(target: &web_sys::Element, draw: impl FnOnce(&mut Dom)) {
    if let Some(mut dom) = Dom::new() {
        draw(&mut dom);
        dom.replace_children_of(target);
    }
}

/// The page in another language than the prerender's: the parts with words of the story are
/// drawn anew (the headline and standfirst from the page's own `newsmap:…:ar` tags), and
/// every element of the table of fixed words ([`Word`]) takes its word in this language.
fn speak(parts: &Parts, story: &Story, words: &Words, position: f64) {
    web::set_lang(words.lang);
    let english = Heading {
        headline: web::title(),
        standfirst: web::meta("description"),
    };
    let heading = match words.lang {
        Lang::Ar => Heading {
            headline: web::meta("newsmap:title:ar"),
            standfirst: web::meta("newsmap:description:ar"),
        }
        .or(&english),
        Lang::En => english,
    };
    if let Some(doc) = web::document()
        && !heading.headline.is_empty()
    {
        doc.set_title(&heading.headline);
    }
    if let Some(header) = parts.get(Part::Header) {
        redraw(&header, |d| draw::header_words(d, &heading));
    }
    for w in Word::ALL {
        let said = w.text(words, story.places());
        for element in newsmap_web::all(&parts.main, &w.selector()) {
            match w.slot() {
                Slot::Text => element.set_text_content(Some(&said)),
                Slot::Label => {
                    let _ = element.set_attribute("aria-label", &said);
                }
            }
        }
    }
    if let Some(legend) = parts.get(Part::Legend) {
        redraw(&legend, |d| draw::legend(d, story, words));
    }
    let stop = story.frame_at(position).stop;
    if let Some(list) = parts.get(Part::Events) {
        redraw(&list, |d| draw::event_list(d, story, words, stop));
    }
}

/// Where the story stands: the slider position (a stop index, fractional while playing),
/// whether it plays, and what follows from the position.
#[derive(Clone, Copy)]
struct State {
    position: RwSignal<f64>,
    playing: RwSignal<bool>,
    frame: Memo<Frame>,
    stop: Memo<Option<StopIx>>,
    ceasefire: Memo<CeasefireState>,
}

impl State {
    fn new(story: &Arc<Story>, start: f64) -> State {
        let position = RwSignal::new(start);
        let story = story.clone();
        let frame: Memo<Frame> = Memo::new(move |_| story.frame_at(position.get()));
        State {
            position,
            playing: RwSignal::new(false),
            frame,
            stop: Memo::new(move |_| frame.with(|f| f.stop)),
            ceasefire: Memo::new(move |_| frame.with(|f| f.ceasefire)),
        }
    }
}

/// Takes the page over. `None` when the page lacks a part the app moves.
pub fn take_over(main: &web_sys::Element, story: Story, options: Options) -> Option<()> {
    let found = |p: Part| newsmap_web::one(main, &p.selector());
    if !Part::ALL.iter().all(|p| found(*p).is_some()) {
        return None;
    }
    let parts = Rc::new(Parts {
        main: main.clone(),
        play: found(Part::Play)?.dyn_into().ok()?,
        slider: found(Part::Slider)?.dyn_into().ok()?,
    });
    let story = Arc::new(story);
    let words = Words::new(options.lang);
    let (start, warnings) = story.opening(options.event.as_ref(), options.date);
    for w in warnings {
        web::console_warn(&format!("newsmap: {w}"));
    }
    if options.lang != Lang::En {
        speak(&parts, &story, &words, start);
    }
    if !options.controls {
        let _ = main.class_list().add_1("compact");
        let _ = found(Part::Controls)?.class_list().add_1("compact");
    }
    let state = State::new(&story, start);
    show(&parts, &story, words, state);
    follow_in_url(&story, state);
    let player = Rc::new(Player::new(&story, state));
    let listeners = listen(&parts, &player);
    let height = web::embed::auto_height(main.clone(), options.child_id.clone());
    // The page lives as long as the app: keep what listens for it.
    let kept = StoredValue::new_local((listeners, height, player.clone()));
    on_cleanup(move || {
        let _ = kept.try_update_value(|(_, _, player)| player.pause());
    });
    if options.autoplay {
        player.play();
    }
    Some(())
}

/// The effects that show the state: the map follows every frame; the caption, the list's
/// current stop, the slider's spoken value and the live region follow the stop; the banner
/// follows the ceasefire; the label, the slider and the play button follow the position.
fn show(parts: &Rc<Parts>, story: &Arc<Story>, words: Words, state: State) {
    // What the prerender drew (the opening position, in English): the first run of each
    // effect writes only what differs from it, so that taking the page over repaints nothing
    // the reader already sees.
    let drawn = (words.lang == Lang::En).then(|| story.frame_at(0.0));
    if let Some(frame) = parts.get(Part::MapFrame) {
        // The marks' looks do not depend on the language: the page shows the opening frame's.
        let mut map = MapNodes::find(&frame, story, Some(&story.frame_at(0.0)));
        Effect::new(move |_| state.frame.with(|f| map.show(f)));
    }
    show_stop(parts, story, words, state, drawn.as_ref().map(|f| f.stop));
    if let Some(slot) = parts.get(Part::Ceasefire) {
        let story = story.clone();
        let drawn = drawn.as_ref().map(|f| f.ceasefire);
        Effect::watch(
            move || state.ceasefire.get(),
            move |ceasefire, before, _| {
                if before.is_some() || drawn != Some(*ceasefire) {
                    redraw(&slot, |d| draw::ceasefire(d, &story, &words, *ceasefire));
                }
            },
            true,
        );
    }
    if let Some(label) = parts.get(Part::DateLabel) {
        let (slider, story) = (parts.slider.clone(), story.clone());
        let drawn = drawn
            .is_some()
            .then(|| (story.label(&words, 0.0, false), 0));
        // Runs every frame of playback: it writes only what changed since the last run
        // (what it returns), and never reads the page back.
        Effect::new(move |last: Option<(String, usize)>| {
            let p = state.position.get();
            let said = story.label(&words, p, state.playing.get());
            let value = p.max(0.0).floor() as usize;
            let last = last.or_else(|| drawn.clone());
            let (last_label, last_value) = last.map_or((None, None), |(l, v)| (Some(l), Some(v)));
            if last_label.as_deref() != Some(said.as_str()) {
                label.set_text_content(Some(&said));
            }
            if last_value != Some(value) {
                slider.set_value(&value.to_string());
            }
            (said, value)
        });
    }
    let play = parts.play.clone();
    // The page is drawn paused: the button changes from the first press.
    Effect::new(move |last: Option<bool>| {
        let on = state.playing.get();
        if last.is_some() || on {
            let _ = play.set_attribute("aria-pressed", if on { "true" } else { "false" });
            play.set_text_content(Some(words.ui(if on { Ui::Pause } else { Ui::Play })));
        }
        on
    });
}

/// What follows the stop: the caption, the list's current stop, the slider's spoken value,
/// the live region.
fn show_stop(
    parts: &Rc<Parts>,
    story: &Arc<Story>,
    words: Words,
    state: State,
    drawn: Option<Option<StopIx>>,
) {
    let (Some(caption), Some(list), Some(announcer)) = (
        parts.get(Part::Caption),
        parts.get(Part::Events),
        parts.get(Part::Announcer),
    ) else {
        return;
    };
    let (slider, story) = (parts.slider.clone(), story.clone());
    Effect::watch(
        move || state.stop.get(),
        move |stop, before, _| {
            if before.is_none() && drawn == Some(*stop) {
                return;
            }
            redraw(&caption, |d| draw::caption(d, &story, &words, *stop));
            mark_current(&list, *stop);
            let summary = stop.map(|s| story.summary(&words, s)).unwrap_or_default();
            let _ = slider.set_attribute("aria-valuetext", &summary);
            announcer.set_text_content(Some(&summary));
        },
        true,
    );
}

/// The URL follows the reader: not for the position the URL gave, not during playback, and
/// only once the reader settles on a stop.
fn follow_in_url(story: &Arc<Story>, state: State) {
    let pending: Rc<RefCell<Option<Timeout>>> = Rc::new(RefCell::new(None));
    let story = story.clone();
    Effect::watch(
        move || (state.stop.get(), state.playing.get()),
        move |(stop, on), before, _| {
            pending.borrow_mut().take();
            if before.is_none() || *on {
                return;
            }
            let Some(date) = stop.and_then(|s| story.url_date(s)) else {
                return;
            };
            let write = Timeout::new(URL_SETTLE_MS, move || {
                location::replace_query(&[("date", Some(&date.to_string())), ("event", None)])
            });
            *pending.borrow_mut() = Some(write);
        },
        false,
    );
}

/// Playback: smooth between stops, or a step every two seconds when the reader asks for
/// reduced motion (followed while the page is open).
struct Player {
    story: Arc<Story>,
    state: State,
    frames: Frames,
    reduced: Rc<Cell<bool>>,
    playback: Rc<RefCell<Playback>>,
    _reduced_listener: Option<EventListener>,
}

impl Player {
    fn new(story: &Arc<Story>, state: State) -> Player {
        let reduced = Rc::new(Cell::new(false));
        let (now, listener) = {
            let reduced = reduced.clone();
            web::media_query("(prefers-reduced-motion: reduce)", move |m| reduced.set(m))
        };
        reduced.set(now);
        Player {
            story: story.clone(),
            state,
            frames: Frames::default(),
            reduced,
            playback: Rc::new(RefCell::new(Playback::default())),
            _reduced_listener: listener,
        }
    }

    /// Plays from here to the end (from the start when at the end).
    fn play(&self) {
        let (position, playing) = (self.state.position, self.state.playing);
        let last = self.story.last_position();
        if last <= 0.0 {
            return;
        }
        if position.get_untracked() >= last {
            position.set(0.0);
        }
        self.playback.borrow_mut().reset();
        playing.set(true);
        let (story, reduced, playback) = (
            self.story.clone(),
            self.reduced.clone(),
            self.playback.clone(),
        );
        self.frames.start(move |dt| {
            let p = position.get_untracked();
            let next = story.advance(p, dt, reduced.get(), &mut playback.borrow_mut());
            if next != p {
                position.set(next);
            }
            let go_on = next < last;
            if !go_on {
                playing.set(false);
            }
            go_on
        });
    }

    fn pause(&self) {
        self.frames.stop();
        self.state.playing.set(false);
    }

    fn toggle(&self) {
        if self.state.playing.get_untracked() {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Stops playing and shows stop `k`.
    fn go_to(&self, k: usize) {
        self.pause();
        self.state.position.set(k as f64);
    }
}

/// The reader's hands: the slider, the play button, the events list.
fn listen(parts: &Parts, player: &Rc<Player>) -> Vec<EventListener> {
    let mut out = vec![
        {
            let (player, slider) = (player.clone(), parts.slider.clone());
            EventListener::new(&parts.slider, "input", move |_| {
                if let Ok(k) = slider.value().parse::<usize>() {
                    player.go_to(k);
                }
            })
        },
        {
            let player = player.clone();
            EventListener::new(&parts.play, "click", move |_| player.toggle())
        },
    ];
    if let Some(list) = parts.get(Part::Events) {
        let player = player.clone();
        out.push(EventListener::new(&list, "click", move |e| {
            let stop = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("button[data-stop]").ok().flatten())
                .and_then(|b| b.get_attribute("data-stop"))
                .and_then(|s| s.parse::<usize>().ok());
            if let Some(k) = stop {
                player.go_to(k);
            }
        }));
    }
    out
}

/// Marks the list's buttons of the current stop with `aria-current`.
fn mark_current(list: &web_sys::Element, stop: Option<StopIx>) {
    let current = stop.map(|s| s.0.to_string());
    for b in newsmap_web::all(list, "button[data-stop]") {
        let here = b.get_attribute("data-stop") == current;
        if here != b.has_attribute("aria-current") {
            let _ = if here {
                b.set_attribute("aria-current", "step")
            } else {
                b.remove_attribute("aria-current")
            };
        }
    }
}
