//! The DOM as a drawing surface: [`Dom`] is the browser's [`Sink`], so the parts of the page
//! that change are drawn by the same routines that drew the page at build time. Text is set
//! as text nodes, never parsed as markup.

use newsmap_core::render::markup::Sink;
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Draws into an element: what it draws replaces the element's content when it is done.
pub struct Dom {
    document: web_sys::Document,
    /// The fragment drawn into, and the elements open in it.
    fragment: web_sys::DocumentFragment,
    open: Vec<web_sys::Element>,
    svg_depth: usize,
}

impl Dom {
    pub fn new() -> Option<Dom> {
        let document = web_sys::window()?.document()?;
        let fragment = document.create_document_fragment();
        Some(Dom {
            document,
            fragment,
            open: Vec::new(),
            svg_depth: 0,
        })
    }

    /// Replaces `target`'s children with what was drawn, in one step.
    pub fn replace_children_of(self, target: &web_sys::Element) {
        target.replace_children_with_node_1(&self.fragment);
    }

    fn parent(&self) -> &web_sys::Node {
        match self.open.last() {
            Some(e) => e.unchecked_ref(),
            None => self.fragment.unchecked_ref(),
        }
    }
}

impl Sink for Dom {
    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        let svg = tag == "svg" || self.svg_depth > 0;
        let created = if svg {
            self.document.create_element_ns(Some(SVG_NS), tag)
        } else {
            self.document.create_element(tag)
        };
        let Ok(element) = created else {
            // Only an invalid tag name fails; every tag drawn is a literal. Keep the tree's
            // shape so that the matching close pops the right element.
            if let Ok(span) = self.document.create_element("span") {
                self.open.push(span);
            }
            return;
        };
        for (name, value) in attrs {
            let _ = element.set_attribute(name, value);
        }
        let _ = self.parent().append_child(&element);
        if svg {
            self.svg_depth += 1;
        }
        self.open.push(element);
    }

    fn text(&mut self, text: &str) {
        let node = self.document.create_text_node(text);
        let _ = self.parent().append_child(&node);
    }

    fn close(&mut self) {
        if self.open.pop().is_some() && self.svg_depth > 0 {
            self.svg_depth -= 1;
        }
    }
}
