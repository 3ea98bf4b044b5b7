//! The first frame in the page itself: the prerender writes the whole story, at its opening
//! position, into `index.html` between two markers, so that the map is on screen before any
//! script runs; the browser app then takes that page over.
//!
//! The page's own words — its headline (`<title>`), standfirst (`<meta name="description">`)
//! — are read from the same file, so a desk edits HTML, not code.

use super::markup::{Markup, escaped};
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

/// Where the story's frame goes in a page: between the markers of the source `index.html`, or
/// in place of the `<main>` of a built one (whose minifier dropped the markers).
fn body_region(html: &str) -> Option<(usize, usize)> {
    if let Some(at) = html.find(START) {
        let start = at + START.len();
        return Some((start, start + html.get(start..)?.find(END)?));
    }
    let start = html.find("<main")?;
    let end = html.rfind("</main>")? + "</main>".len();
    (start < end).then_some((start, end))
}

/// `index.html` with the story's opening frame drawn in; `None` when the page has no place
/// for it (no markers, no `<main>`).
pub fn prerender(
    index_html: &str,
    story: &Story,
    basemap: Option<&Basemap>,
    fingerprint: &str,
) -> Option<String> {
    let (start, end) = body_region(index_html)?;
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
            root: super::page::Root::Main,
        },
    );
    Some(format!(
        "{}{}{}",
        index_html.get(..start)?,
        body.as_str(),
        index_html.get(end..)?
    ))
}

/// The page's `<meta>` tags that carry its words, by name: English (`description`) and Arabic.
const TITLE_AR: &str = "newsmap:title:ar";
const DESCRIPTION_AR: &str = "newsmap:description:ar";

/// The span of the `<meta>` tag named `name`, quoted or not (a minifier drops the quotes).
fn meta_tag(html: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = html.get(from..)?.find("<meta") {
        let start = from + at;
        let end = start + html.get(start..)?.find('>')? + 1;
        let tag = html.get(start..end)?;
        let named = ["\"", "'", ""].iter().any(|q| {
            tag.split_whitespace()
                .any(|a| a.trim_end_matches(['/', '>']) == format!("name={q}{name}{q}"))
        });
        if named {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// A page with the story's words in its head: the headline as `<title>`, the standfirst as
/// `<meta name="description">`, and the Arabic pair in the `newsmap:*:ar` tags (dropped when
/// empty: the Arabic page then shows the English). `None` when the page has no `<title>`.
pub fn with_heading(html: &str, en: &Heading, ar: &Heading) -> Option<String> {
    let open = html.find("<title>")? + "<title>".len();
    let close = open + html.get(open..)?.find("</title>")?;
    let mut out = format!(
        "{}{}{}",
        html.get(..open)?,
        escaped(&en.headline),
        html.get(close..)?
    );
    for name in ["description", TITLE_AR, DESCRIPTION_AR] {
        while let Some((a, b)) = meta_tag(&out, name) {
            out.replace_range(a..b, "");
        }
    }
    let tags: String = [
        ("description", &en.standfirst),
        (TITLE_AR, &ar.headline),
        (DESCRIPTION_AR, &ar.standfirst),
    ]
    .iter()
    .filter(|(name, value)| !value.is_empty() || *name == "description")
    .map(|(name, value)| format!("<meta name=\"{name}\" content=\"{}\">", escaped(value)))
    .collect();
    let after_title = out.find("</title>")? + "</title>".len();
    out.insert_str(after_title, &tags);
    Some(out)
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

    #[test]
    fn a_built_page_takes_new_words_and_a_new_frame() {
        let built = "<!doctype html><html lang=en><meta charset=utf-8><title>Old</title><meta content=\"old dek\" name=description><meta content=\"قديم\" name=newsmap:title:ar><link href=./style.css rel=stylesheet><body><main class=newsmap data-state=static>old</main><script src=./start.js></script>";
        let en = Heading {
            headline: "GNA & allies retake \"Tarhuna\"".into(),
            standfirst: "Saturday 6 June 2020".into(),
        };
        let ar = Heading {
            headline: "ترهونة".into(),
            standfirst: String::new(),
        };
        let page = with_heading(built, &en, &ar).unwrap();
        assert_eq!(heading(&page), en);
        assert_eq!(meta(&page, TITLE_AR).as_deref(), Some("ترهونة"));
        assert_eq!(meta(&page, DESCRIPTION_AR), None);
        assert!(!page.contains("old dek") && !page.contains("قديم"));
        assert_eq!(
            body_region(&page).map(|(a, b)| &page[a..b]),
            Some("<main class=newsmap data-state=static>old</main>")
        );
        assert!(with_heading("<html></html>", &en, &ar).is_none());
    }
}
