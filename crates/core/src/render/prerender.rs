//! The first frame in the page itself: the prerender writes the whole story, at its opening
//! position, into `index.html` between two markers, so that the map is on screen before any
//! script runs; the browser app then takes that page over.
//!
//! The page's own words — its headline (`<title>`), standfirst (`<meta name="description">`)
//! — are read from the same file, so a desk edits HTML, not code.

use super::markup::Markup;
use super::page::{Heading, Page, page};
use crate::data::places::Basemap;
use crate::story::reading::Story;
use crate::story::words::{Lang, Words};

/// Where the prerendered body starts and ends in `index.html`.
pub const START: &str = "<!-- prerender: the story's opening frame, written by `cargo run -p newsmap-core --bin prerender` -->";
pub const END: &str = "<!-- /prerender -->";

/// Where the layout classes' rules start and end in `assets/style.css`.
pub const CSS_START: &str = "/* layouts: written by the prerender from the layout classes of crates/core/src/render/map.rs */";
pub const CSS_END: &str = "/* /layouts */";

/// The stylesheet's rules that show, for each width of the map's frame, the layout made for
/// it: the narrowest by default, each wider one from its own width up.
pub fn layout_rules() -> String {
    use super::map::LAYOUTS;
    use crate::map::geometry::px;
    let mut css = String::from("\n");
    for (i, w) in LAYOUTS.iter().enumerate() {
        let show = format!("svg.map[data-layout=\"{}\"]", px(*w));
        if i == 0 {
            css.push_str(&format!("{show} {{\n  display: block;\n}}\n"));
            continue;
        }
        let hide = format!("svg.map[data-layout=\"{}\"]", px(LAYOUTS[i - 1]));
        css.push_str(&format!(
            "@container (min-width: {}px) {{\n  {hide} {{\n    display: none;\n  }}\n  {show} {{\n    display: block;\n  }}\n}}\n",
            px(*w)
        ));
    }
    css
}

/// `style.css` with the layout rules between their markers; `None` without the markers.
pub fn stylesheet(css: &str) -> Option<String> {
    let start = css.find(CSS_START)? + CSS_START.len();
    let end = start + css.get(start..)?.find(CSS_END)?;
    Some(format!(
        "{}{}{}",
        css.get(..start)?,
        layout_rules(),
        css.get(end..)?
    ))
}

/// Reads `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#39;` back to text.
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The `content` of `<meta name="…">`, if the page has it.
pub fn meta(html: &str, name: &str) -> Option<String> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let tag_start = html.get(..at)?.rfind('<')?;
    let tag_end = at + html.get(at..)?.find('>')?;
    let tag = html.get(tag_start..tag_end)?;
    let content = tag.find("content=\"")? + "content=\"".len();
    let value = tag.get(content..)?;
    Some(unescape(value.get(..value.find('"')?)?))
}

/// The page's headline and standfirst: `<title>` and `<meta name="description">`.
pub fn heading(html: &str) -> Heading {
    let title = html
        .find("<title>")
        .and_then(|a| {
            let from = a + "<title>".len();
            let to = from + html.get(from..)?.find("</title>")?;
            html.get(from..to)
        })
        .map(unescape)
        .unwrap_or_default();
    Heading {
        headline: title.trim().to_owned(),
        standfirst: meta(html, "description").unwrap_or_default(),
    }
}

/// `index.html` with the story's opening frame between the markers; `None` when the file
/// lacks them.
pub fn prerender(
    index_html: &str,
    story: &Story,
    basemap: Option<&Basemap>,
    fingerprint: &str,
) -> Option<String> {
    let start = index_html.find(START)? + START.len();
    let end = start + index_html.get(start..)?.find(END)?;
    let words = Words::new(Lang::En);
    let mut body = Markup::default();
    page(
        &mut body,
        &Page {
            heading: &heading(index_html),
            story,
            basemap,
            words: &words,
            position: 0.0,
            fingerprint,
        },
    );
    Some(format!(
        "{}{}{}",
        index_html.get(..start)?,
        body.as_str(),
        index_html.get(end..)?
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_words_are_read_from_its_head() {
        let html = "<head><title>Libya &amp; the war</title>\n<meta name=\"description\" content=\"A &quot;map&quot;\">\n<meta name=\"newsmap:title:ar\" content=\"ليبيا\"></head>";
        let h = heading(html);
        assert_eq!(h.headline, "Libya & the war");
        assert_eq!(h.standfirst, "A \"map\"");
        assert_eq!(meta(html, "newsmap:title:ar").as_deref(), Some("ليبيا"));
        assert_eq!(meta(html, "nothing"), None);
    }
}
