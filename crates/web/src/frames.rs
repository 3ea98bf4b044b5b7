//! Calling a function on every animation frame while it asks for more, with gloo's
//! `request_animation_frame` (the pending frame is cancelled when the loop is dropped or
//! stopped).

use gloo_render::{AnimationFrame, request_animation_frame};
use std::cell::RefCell;
use std::rc::Rc;

type Step = Box<dyn FnMut(f64) -> bool>;

struct State {
    pending: Option<AnimationFrame>,
    last: Option<f64>,
    step: Option<Step>,
}

/// A loop of animation frames: [`Frames::start`] runs `step(milliseconds since the frame
/// before)` on each frame until it returns false or [`Frames::stop`] is called.
#[derive(Clone)]
pub struct Frames(Rc<RefCell<State>>);

impl Default for Frames {
    fn default() -> Self {
        Frames(Rc::new(RefCell::new(State {
            pending: None,
            last: None,
            step: None,
        })))
    }
}

impl Frames {
    pub fn start(&self, step: impl FnMut(f64) -> bool + 'static) {
        {
            let mut s = self.0.borrow_mut();
            s.step = Some(Box::new(step));
            s.last = None;
        }
        self.schedule();
    }

    pub fn stop(&self) {
        let mut s = self.0.borrow_mut();
        s.pending = None;
        s.step = None;
        s.last = None;
    }

    fn schedule(&self) {
        let me = self.clone();
        let frame = request_animation_frame(move |t| me.tick(t));
        self.0.borrow_mut().pending = Some(frame);
    }

    fn tick(&self, t: f64) {
        let (step, dt) = {
            let mut s = self.0.borrow_mut();
            s.pending = None;
            let dt = s.last.map_or(0.0, |last| (t - last).max(0.0));
            s.last = Some(t);
            (s.step.take(), dt)
        };
        // The step runs with no borrow held: it may stop the loop or read its state.
        let Some(mut step) = step else { return };
        let go_on = step(dt);
        let mut s = self.0.borrow_mut();
        if go_on && s.step.is_none() && s.last.is_some() {
            s.step = Some(step);
            drop(s);
            self.schedule();
        } else if !go_on {
            s.last = None;
        }
    }
}
