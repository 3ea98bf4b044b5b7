//! From article HTML to plain text in blocks, plus the metadata that can date the article.
//!
//! The HTML goes through a real parser (html5ever, via `scraper`), so entities are decoded
//! (`&#x2019;` becomes `’`) and broken markup is repaired as a browser would. What is not prose
//! is left out: scripts, styles, templates, and anything hidden (`hidden`, `aria-hidden`,
//! `display:none`, `visibility:hidden`), which is where embeds keep their ids. Link text is
//! kept; link targets and `data-guid` attributes are collected as evidence for the date.
//!
//! The walk is iterative, so hostile nesting cannot exhaust the stack.

use newsmap_core::model::Evidence;
use scraper::{ElementRef, Html, Node};

/// A paragraph-like unit of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Range in [`Document::text`], in chars, end exclusive.
    pub start: usize,
    pub end: usize,
    pub evidence: Evidence,
}

/// The article as plain text, with where each block lies in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The decoded text: blocks joined by blank lines.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Every link target (`href`), in document order.
    pub links: Vec<String>,
    /// Values of `data-guid` attributes.
    pub guids: Vec<String>,
    /// Publication dates found in metadata (`<time datetime>`, `<meta … published_time>`),
    /// with where each came from.
    pub published: Vec<(String, String)>,
    /// The page's own words about itself, as its metadata gives them (`og:title`, `<title>`,
    /// `og:description`, `description`, `og:site_name`, `og:url`, its canonical link), by what
    /// gave each.
    pub heading: Vec<(String, String)>,
}

/// The metadata that give a page's headline, best first.
const HEADLINE_KEYS: [&str; 3] = ["og:title", "twitter:title", "<title>"];
/// The metadata that give a page's standfirst, best first.
const STANDFIRST_KEYS: [&str; 3] = ["og:description", "twitter:description", "description"];
/// The metadata that name the outlet, best first.
const OUTLET_KEYS: [&str; 2] = ["og:site_name", "application-name"];
/// The metadata that give the article's address, best first.
const URL_KEYS: [&str; 2] = ["og:url", "<link rel=canonical>"];
/// A first line longer than this is prose, not a headline.
const MAX_HEADLINE_CHARS: usize = 200;

const SKIPPED: [&str; 12] = [
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "math",
    "button", "select",
];

const BLOCKS: [&str; 24] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "figure",
    "figcaption",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "td",
    "th",
    "tr",
    "pre",
    "table",
];

const META_DATE_NAMES: [&str; 7] = [
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publish-date",
    "dc.date",
    "datepublished",
];

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

struct Builder {
    doc: Document,
    current: String,
    current_evidence: Evidence,
    chars: usize,
}

impl Builder {
    fn push_text(&mut self, text: &str, evidence: Evidence) {
        for c in text.chars() {
            let c = if c.is_whitespace() { ' ' } else { c };
            if c == ' ' && (self.current.is_empty() || self.current.ends_with(' ')) {
                continue;
            }
            if self.current.is_empty() {
                self.current_evidence = evidence;
            }
            self.current.push(c);
        }
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        let block = block.trim_end();
        if block.is_empty() {
            return;
        }
        if !self.doc.text.is_empty() {
            self.doc.text.push_str("\n\n");
            self.chars = self.chars.saturating_add(2);
        }
        let start = self.chars;
        let n = block.chars().count();
        self.doc.text.push_str(block);
        self.chars = self.chars.saturating_add(n);
        self.doc.blocks.push(Block {
            start,
            end: start.saturating_add(n),
            evidence: self.current_evidence,
        });
    }
}

/// One step of the walk: enter a node (with the evidence kind its block would have), or
/// leave an element.
enum Step<'a> {
    Enter(ego_tree::NodeRef<'a, Node>, Evidence),
    Leave(bool),
}

/// Elements nested deeper than this are not structure but an attack: the HTML parser's
/// scope checks make very deep nesting quadratic. Tags beyond this depth are dropped before
/// parsing (their text is kept). Real articles nest a few dozen deep.
pub const MAX_NESTING: usize = 256;

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Drops the tags of elements nested deeper than `max` (by a quick scan that counts opening
/// and closing tags; comments and raw text are skipped). Text is kept. Returns the input
/// untouched when it is shallow enough, which is every real article.
pub fn limit_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut i = 0;
    // Every position below is at a byte '<' or found by `find`, so slicing at it stays on a
    // char boundary; `get` makes that a checked fact.
    while let Some(&b) = bytes.get(i) {
        if b != b'<' {
            i = i.saturating_add(1);
            continue;
        }
        let rest = html.get(i..).unwrap_or_default();
        if rest.starts_with("<!--") {
            i = i.saturating_add(rest.find("-->").map_or(rest.len(), |e| e.saturating_add(3)));
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = i.saturating_add(1).saturating_add(usize::from(closing));
        let name_len = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = i.saturating_add(1);
            continue;
        }
        let end = rest
            .find('>')
            .map_or(bytes.len(), |e| i.saturating_add(e).saturating_add(1));
        let name = html
            .get(name_start..name_start.saturating_add(name_len))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let self_closing =
            html.get(i..end).unwrap_or_default().ends_with("/>") || VOID.contains(&name.as_str());
        let too_deep = if closing {
            let deep = depth > max;
            depth = depth.saturating_sub(1);
            deep
        } else if self_closing {
            depth >= max
        } else {
            depth = depth.saturating_add(1);
            depth > max
        };
        if too_deep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(html.get(copied..i).unwrap_or_default());
            copied = end;
        }
        i = end;
        // Raw text elements: skip to their end tag.
        if !closing && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            let tail = html.get(i..).unwrap_or_default();
            i = i.saturating_add(tail.to_ascii_lowercase().find(&close).unwrap_or(tail.len()));
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(html.get(copied..).unwrap_or_default());
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Parses article HTML (a fragment or a whole page) into a [`Document`].
pub fn parse(html: &str) -> Document {
    let html = limit_nesting(html, MAX_NESTING);
    let parsed = Html::parse_document(&html);
    let mut b = Builder {
        doc: Document::default(),
        current: String::new(),
        current_evidence: Evidence::Prose,
        chars: 0,
    };
    let mut stack = vec![Step::Enter(*parsed.root_element(), Evidence::Prose)];
    while let Some(step) = stack.pop() {
        let (node, evidence) = match step {
            Step::Leave(is_block) => {
                if is_block {
                    b.flush();
                }
                continue;
            }
            Step::Enter(node, evidence) => (node, evidence),
        };
        match node.value() {
            Node::Text(t) => b.push_text(t, evidence),
            Node::Element(el) => {
                let name = el.name();
                collect_metadata(&mut b.doc, el);
                if name == "head" {
                    // Metadata lives in <head>: read its <meta>/<time> and <title>, never its
                    // text.
                    for d in node.descendants() {
                        if let Some(e) = ElementRef::wrap(d) {
                            collect_metadata(&mut b.doc, e.value());
                            if e.value().name() == "title" {
                                let title: String = e.text().collect();
                                b.doc.heading.push(("<title>".into(), title.trim().into()));
                            }
                        }
                    }
                }
                if SKIPPED.contains(&name) || is_hidden(el) {
                    continue;
                }
                if name == "br" {
                    b.push_text(" ", evidence);
                    continue;
                }
                let evidence = match name {
                    "figure" | "figcaption" => Evidence::Caption,
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Evidence::Heading,
                    _ => evidence,
                };
                let is_block = BLOCKS.contains(&name);
                if is_block {
                    b.flush();
                }
                stack.push(Step::Leave(is_block));
                let children: Vec<_> = node.children().collect();
                for child in children.into_iter().rev() {
                    stack.push(Step::Enter(child, evidence));
                }
            }
            _ => {
                let children: Vec<_> = node.children().collect();
                for child in children.into_iter().rev() {
                    stack.push(Step::Enter(child, evidence));
                }
            }
        }
    }
    b.flush();
    b.doc
}

fn collect_metadata(doc: &mut Document, el: &scraper::node::Element) {
    match el.name() {
        "a" | "link" => {
            if let Some(href) = el.attr("href") {
                doc.links.push(href.to_owned());
                if el.attr("rel") == Some("canonical") {
                    doc.heading
                        .push((URL_KEYS[1].into(), href.trim().to_owned()));
                }
            }
        }
        "time" => {
            if let Some(dt) = el.attr("datetime") {
                doc.published
                    .push((dt.to_owned(), "<time datetime>".to_owned()));
            }
        }
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"))
                .unwrap_or_default()
                .to_ascii_lowercase();
            if let (true, Some(content)) =
                (META_DATE_NAMES.contains(&key.as_str()), el.attr("content"))
            {
                doc.published
                    .push((content.to_owned(), format!("<meta {key}>")));
            }
            let heading = [
                &HEADLINE_KEYS[..],
                &STANDFIRST_KEYS,
                &OUTLET_KEYS,
                &URL_KEYS,
            ]
            .iter()
            .any(|keys| keys.contains(&key.as_str()));
            if let (true, Some(content)) = (heading, el.attr("content")) {
                doc.heading.push((key, content.trim().to_owned()));
            }
        }
        _ => {}
    }
    if let Some(guid) = el.attr("data-guid") {
        doc.guids.push(guid.to_owned());
    }
}

impl Document {
    /// The first of the page's metadata under `keys` that is given.
    fn metadata(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| {
                self.heading
                    .iter()
                    .find(|(key, v)| key == k && !v.is_empty())
            })
            .map(|(_, v)| v.clone())
    }

    /// Who published the article, as its page names itself (`og:site_name`); empty when it
    /// does not.
    pub fn outlet(&self) -> String {
        self.metadata(&OUTLET_KEYS).unwrap_or_default()
    }

    /// The article's own address (`og:url`, the canonical link); empty when it gives none.
    pub fn url(&self) -> String {
        self.metadata(&URL_KEYS)
            .filter(|u| newsmap_core::model::is_web_address(u))
            .unwrap_or_default()
    }

    /// The article's headline and standfirst: the page's own, from its metadata, else its
    /// opening heading or short first line. Empty where the page gives none.
    pub fn headline_and_standfirst(&self) -> (String, String) {
        let first = |keys: &[&str]| self.metadata(keys);
        // The article's opening block, when it is a heading or reads as one (a sub-heading
        // further down is not the article's headline).
        let first_block = || {
            let b = self.blocks.first()?;
            let text = self.slice(b.start, b.end);
            let short = text.chars().count() <= MAX_HEADLINE_CHARS && !text.ends_with('.');
            (b.evidence == Evidence::Heading || short).then_some(text)
        };
        (
            first(&HEADLINE_KEYS)
                .or_else(first_block)
                .unwrap_or_default(),
            first(&STANDFIRST_KEYS).unwrap_or_default(),
        )
    }

    /// The text of a char range.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_and_whitespace_collapsed() {
        let d = parse(
            "<p>Libya&#x2019;s  UN-recognised\n government&#xA0;said &amp; &#x201C;no&#x201D;</p>",
        );
        assert_eq!(d.text, "Libya’s UN-recognised government said & “no”");
    }

    #[test]
    fn hidden_elements_and_scripts_are_not_prose() {
        let d = parse(
            r#"<p>One.</p><div class="inpage-embed" data-guid="200606095959993"><div style="display: none">200606095959993</div></div>
               <script>var x = "Sirte";</script><p hidden>Hidden.</p><p aria-hidden="true">Also hidden.</p>
               <p style="visibility:hidden">Invisible.</p><p>Two.</p>"#,
        );
        assert_eq!(d.text, "One.\n\nTwo.");
        assert_eq!(d.guids, ["200606095959993"]);
    }

    #[test]
    fn link_text_is_kept_and_targets_collected() {
        let d = parse(
            r#"<p class="speakable">The <a href="/news/2020/06/x-200606095959993.html">GNA recaptured </a>the town.</p>"#,
        );
        assert_eq!(d.text, "The GNA recaptured the town.");
        assert_eq!(d.links, ["/news/2020/06/x-200606095959993.html"]);
    }

    #[test]
    fn captions_and_headings_are_marked() {
        let d = parse(
            "<figure><img src=x>Forces in the city [Anadolu]</figure><h2>Sirte offensive</h2><p>Text.</p>",
        );
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.evidence).collect();
        assert_eq!(
            kinds,
            [Evidence::Caption, Evidence::Heading, Evidence::Prose]
        );
        assert_eq!(
            d.slice(d.blocks[1].start, d.blocks[1].end),
            "Sirte offensive"
        );
    }

    #[test]
    fn block_spans_index_the_text_in_chars() {
        let d = parse("<p>Libya&#x2019;s war</p><p>Second “block”</p>");
        for b in &d.blocks {
            let s = d.slice(b.start, b.end);
            assert!(!s.is_empty() && !s.contains('\n'));
        }
        assert_eq!(
            d.slice(d.blocks[1].start, d.blocks[1].end),
            "Second “block”"
        );
    }

    #[test]
    fn metadata_dates_are_collected_from_head_and_body() {
        let d = parse(
            r#"<html><head><meta property="article:published_time" content="2020-05-18T14:22:00Z"><title>T</title></head>
               <body><p>Posted <time datetime="2020-05-18">18 May</time>.</p></body></html>"#,
        );
        assert_eq!(d.text, "Posted 18 May.");
        assert_eq!(d.published.len(), 2);
        assert_eq!(d.published[0].0, "2020-05-18T14:22:00Z");
    }

    #[test]
    fn nesting_is_limited_but_text_kept() {
        let deep = format!("{}text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let limited = limit_nesting(&deep, 10);
        assert_eq!(limited.matches("<div>").count(), 10);
        assert_eq!(limited.matches("</div>").count(), 10);
        assert!(limited.contains("text"));
        let article = include_str!("../../../assets/article.html");
        assert!(matches!(
            limit_nesting(article, MAX_NESTING),
            std::borrow::Cow::Borrowed(_)
        ));
        let tricky = "<p>a<br>b<img src=x/><!-- <div><div> --><script>if (a<b) {}</script></p>";
        assert!(matches!(
            limit_nesting(tricky, 2),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}text{}",
            "<div><span>".repeat(20_000),
            "</span></div>".repeat(20_000)
        );
        let d = parse(&html);
        assert_eq!(d.text, "text");
    }

    #[test]
    fn the_pages_own_headline_and_standfirst() {
        let page = parse(
            r#"<html><head><title>Libya | The Outlet</title><meta property="og:title" content="Libya's GNA retakes Tarhuna">
            <meta name="description" content="Forces loyal to the GNA entered the town."></head>
            <body><h1>Another heading</h1><p>Text.</p></body></html>"#,
        );
        assert_eq!(
            page.headline_and_standfirst(),
            (
                "Libya's GNA retakes Tarhuna".to_owned(),
                "Forces loyal to the GNA entered the town.".to_owned()
            )
        );
        let no_meta = parse(
            "<html><head><title>T</title></head><body><h1>GNA retakes Tarhuna</h1><p>x.</p></body></html>",
        );
        assert_eq!(no_meta.headline_and_standfirst().0, "T");
        let site = parse(
            r#"<html><head><meta property="og:site_name" content="UN News"><link rel="canonical" href="https://news.un.org/a"></head><body><p>x.</p></body></html>"#,
        );
        assert_eq!(
            (site.outlet(), site.url()),
            ("UN News".to_owned(), "https://news.un.org/a".to_owned())
        );
        let body_only = parse("<h1>GNA retakes Tarhuna</h1><p>The GNA said so.</p>");
        assert_eq!(body_only.headline_and_standfirst().0, "GNA retakes Tarhuna");
        let sub = parse("<p>The GNA said so.</p><h2>Sirte offensive</h2><p>More.</p>");
        assert_eq!(
            sub.headline_and_standfirst().0,
            "",
            "a sub-heading is not the headline"
        );
        let prose = parse("The GNA said so on Friday.");
        assert_eq!(
            prose.headline_and_standfirst(),
            (String::new(), String::new())
        );
    }
}
