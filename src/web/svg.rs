//! Building and updating SVG elements directly.
//!
//! The map is a few hundred SVG nodes, drawn once for each width, after which a handful of
//! attributes follow the story. Writing them straight to the DOM costs about 15 KB of
//! WebAssembly where a Leptos view tree of the same markup cost about 62 KB, and a frame of
//! playback writes only the attributes whose values changed.

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The document that SVG elements are created in.
pub struct Svg(web_sys::Document);

impl Svg {
    /// `None` outside a browser document.
    pub fn new() -> Option<Svg> {
        web_sys::window()?.document().map(Svg)
    }

    /// A new element, or `None` if the document refuses the tag.
    pub fn el(&self, tag: &str) -> Option<El> {
        self.0.create_element_ns(Some(SVG_NS), tag).ok().map(El)
    }
}

/// An SVG element, built with chained calls and kept for updates.
pub struct El(web_sys::Element);

impl El {
    /// Sets an attribute, consuming and returning the element (for building).
    pub fn attr(self, name: &str, value: &str) -> El {
        self.set(name, value);
        self
    }

    /// Sets an attribute.
    pub fn set(&self, name: &str, value: &str) {
        // Fails only for an invalid attribute name; every name here is a literal.
        let _ = self.0.set_attribute(name, value);
    }

    /// Sets the element's text: as text, never parsed as markup.
    pub fn text(self, text: &str) -> El {
        self.0.set_text_content(Some(text));
        self
    }

    /// Appends `child`, if there is one, and returns the element (for building).
    pub fn child(self, child: Option<El>) -> El {
        if let Some(child) = child {
            self.append(&child);
        }
        self
    }

    pub fn append(&self, child: &El) {
        let _ = self.0.append_child(&child.0);
    }

    /// Takes the element out of the document.
    pub fn remove(&self) {
        self.0.remove();
    }

    /// Makes this element the only child of `parent`.
    pub fn replace_children_of(&self, parent: &web_sys::Element) {
        parent.replace_children_with_node_1(&self.0);
    }
}
