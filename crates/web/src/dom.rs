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

    /// Brings `target`'s children to what was drawn, keeping every node that stands where
    /// a node of the same kind is drawn (the same tag and, where given, the same `data-key`):
    /// only attributes, text and values change there, so focus, a pressed button, the caret
    /// and what the reader typed survive a redraw. An input's value is set only where the
    /// value drawn changed.
    pub fn morph_children_of(self, target: &web_sys::Element) {
        morph_children(target, &self.fragment);
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

/// Makes `old`'s children match `new`'s, node by node, moving into `old` what must be new.
fn morph_children(old: &web_sys::Node, new: &web_sys::Node) {
    let fresh: Vec<web_sys::Node> = {
        let list = new.child_nodes();
        (0..list.length()).filter_map(|i| list.item(i)).collect()
    };
    for (i, drawn) in (0u32..).zip(&fresh) {
        match old.child_nodes().item(i) {
            Some(here) if same_kind(&here, drawn) => morph(&here, drawn),
            Some(here) => {
                let _ = old.replace_child(drawn, &here);
            }
            None => {
                let _ = old.append_child(drawn);
            }
        }
    }
    while let Some(extra) = old.child_nodes().item(fresh.len() as u32) {
        let _ = old.remove_child(&extra);
    }
}

fn same_kind(a: &web_sys::Node, b: &web_sys::Node) -> bool {
    let key = |n: &web_sys::Node| {
        n.dyn_ref::<web_sys::Element>()
            .and_then(|e| e.get_attribute("data-key"))
    };
    a.node_type() == b.node_type() && a.node_name() == b.node_name() && key(a) == key(b)
}

/// Makes one node like the one drawn: its text, or its attributes, children and value.
fn morph(here: &web_sys::Node, drawn: &web_sys::Node) {
    let (Some(el), Some(want)) = (
        here.dyn_ref::<web_sys::Element>(),
        drawn.dyn_ref::<web_sys::Element>(),
    ) else {
        if here.node_value() != drawn.node_value() {
            here.set_node_value(drawn.node_value().as_deref());
        }
        return;
    };
    // Read before the children move: a select's value is that of its selected option.
    let (old_value, new_value) = (el.get_attribute("value"), want.get_attribute("value"));
    let chosen = want
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value());
    let names = |e: &web_sys::Element| -> Vec<String> {
        let list = e.get_attribute_names();
        (0..list.length())
            .filter_map(|i| list.get(i).as_string())
            .collect()
    };
    for name in names(el) {
        if !want.has_attribute(&name) {
            let _ = el.remove_attribute(&name);
        }
    }
    for name in names(want) {
        let value = want.get_attribute(&name).unwrap_or_default();
        if el.get_attribute(&name).as_deref() != Some(value.as_str()) {
            let _ = el.set_attribute(&name, &value);
        }
    }
    morph_children(here, drawn);
    // What the reader typed or chose lives in the value, not the attribute: it changes only
    // where the drawing changed it.
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if i.type_() != "file" && old_value != new_value {
            i.set_value(new_value.as_deref().unwrap_or_default());
        }
    } else if let (Some(s), Some(chosen)) = (el.dyn_ref::<web_sys::HtmlSelectElement>(), chosen)
        && s.value() != chosen
    {
        s.set_value(&chosen);
    }
}
