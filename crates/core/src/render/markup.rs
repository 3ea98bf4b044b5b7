//! The one drawing surface the page is rendered to: a [`Sink`] takes elements, attributes
//! and text, in the manner of plotters' `DrawingBackend`. [`Markup`] writes them as HTML at
//! build time (the prerendered page, the static snapshot); the browser app has a sink of its
//! own that builds DOM nodes, so both are drawn by the same routines and cannot disagree.
//!
//! Text is always text: a sink escapes it (the markup) or sets it as a text node (the DOM),
//! never parses it as markup.
//!
//! ```
//! use newsmap_core::render::markup::{Markup, Sink};
//! let mut m = Markup::default();
//! m.open("p", &[("class", "quote")]);
//! m.text("5 < 6 & \"quoted\"");
//! m.close();
//! assert_eq!(m.into_string(), "<p class=\"quote\">5 &lt; 6 &amp; \"quoted\"</p>");
//! ```

/// Where elements are drawn.
pub trait Sink {
    /// Opens an element; everything until the matching [`Sink::close`] goes inside it.
    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]);
    /// Adds text to the element that is open.
    fn text(&mut self, text: &str);
    /// Closes the element opened last.
    fn close(&mut self);

    /// An element with no content.
    fn void(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.open(tag, attrs);
        self.close();
    }

    /// An element holding only text.
    fn leaf(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close();
    }
}

/// HTML's void elements, written without a closing tag.
const VOID: [&str; 6] = ["input", "br", "img", "meta", "link", "hr"];

/// Markup as text: HTML, with SVG inside it as HTML5 writes it.
#[derive(Debug, Default)]
pub struct Markup {
    out: String,
    open: Vec<String>,
}

impl Markup {
    pub fn into_string(self) -> String {
        self.out
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }
}

/// Text escaped for an HTML element or a quoted attribute alike.
pub fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, true);
    out
}

fn escape_into(out: &mut String, s: &str, attribute: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

impl Sink for Markup {
    fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            escape_into(&mut self.out, value, true);
            self.out.push('"');
        }
        self.out.push('>');
        self.open.push(tag.to_owned());
    }

    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text, false);
    }

    fn close(&mut self) {
        if let Some(tag) = self.open.pop()
            && !VOID.contains(&tag.as_str())
        {
            self.out.push_str("</");
            self.out.push_str(&tag);
            self.out.push('>');
        }
    }

    fn void(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        if VOID.contains(&tag) {
            self.open(tag, attrs);
            self.open.pop();
        } else {
            self.open(tag, attrs);
            self.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_text_are_escaped_and_void_elements_unclosed() {
        let mut m = Markup::default();
        m.open("label", &[("title", "a \"b\" <c>")]);
        m.void("input", &[("type", "range")]);
        m.leaf("span", &[], "</label><script>");
        m.void("circle", &[("r", "2")]);
        m.close();
        assert_eq!(
            m.into_string(),
            "<label title=\"a &quot;b&quot; &lt;c&gt;\"><input type=\"range\"><span>&lt;/label&gt;&lt;script&gt;</span><circle r=\"2\"></circle></label>"
        );
    }
}
