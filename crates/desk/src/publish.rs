//! Publishing: the desk's story as a complete embed, from the reader's site as it is built,
//! with nothing rebuilt. The page is drawn by the prerender's own routines for the story and
//! its words; the reader's loader, glue, module and stylesheet are copied byte for byte; the
//! story's data, the basemap, the snapshot and the embed code join them. The editor zips the
//! files and offers them as one download; the `publish` command writes them to a folder.
//!
//! ```text
//! Site (built index.html, its files, the basemap) + Session ─publish─▶ files ─zip─▶ one .zip
//! ```

use crate::export::{embed_snippet, events_json, places_geojson};
use crate::session::Session;
use newsmap_core::data::BASEMAP_FILE;
use newsmap_core::data::{EVENTS_FILE, PLACES_FILE};
use newsmap_core::dataset::Dataset;
use newsmap_core::model::EventId;
use newsmap_core::model::is_web_address;
use newsmap_core::render::markup::escaped;
use newsmap_core::render::{prerender, snapshot};
use newsmap_core::story::reading::Story;
use std::io::Write;

/// The reader's site an embed is made from, as it is built: its page, the basemap, and every
/// file the page names, by path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Site {
    pub index: String,
    pub basemap: String,
    pub files: Vec<(String, Vec<u8>)>,
}

/// A file of the embed: its path in the embed's folder, and its bytes.
pub type File = (String, Vec<u8>);

/// The longest headline a page takes: past this it is a paragraph, not a headline.
pub const MAX_HEADLINE_CHARS: usize = 160;

/// Where the data files go in the embed (as the page requests them).
const ASSETS: &str = "assets";

/// Why a story cannot be published yet, in words for the desk.
#[derive(Debug, Clone, PartialEq)]
pub enum Unpublishable {
    /// No dated event: the map would show nothing.
    Empty,
    /// Events the map draws at a place it does not know: settle them first.
    Unplaced(Vec<EventId>),
    NoHeadline,
    LongHeadline {
        chars: usize,
    },
    /// No address, or one that is not http(s).
    Host(String),
    /// The site's page or data cannot be used (a fault of the build, not of the story).
    Site(String),
}

impl std::fmt::Display for Unpublishable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unpublishable::Empty => f.write_str(
                "The story has no dated event to draw yet: read an article, or date its events.",
            ),
            Unpublishable::Unplaced(ids) => {
                let ids: Vec<&str> = ids.iter().map(EventId::as_str).collect();
                write!(
                    f,
                    "Events {} are drawn at a place the map does not know: settle them under \"Places to settle\", or choose a place in their rows, then publish.",
                    ids.join(", ")
                )
            }
            Unpublishable::NoHeadline => f.write_str("Give the story a headline to publish it."),
            Unpublishable::LongHeadline { chars } => write!(
                f,
                "The headline is {chars} characters; a page's headline is at most {MAX_HEADLINE_CHARS}. Shorten it, and put the rest in the standfirst."
            ),
            Unpublishable::Host(address) if address.is_empty() => f.write_str(
                "Give the address where the embed will be served (https://…): the embed code points at it.",
            ),
            Unpublishable::Host(address) => write!(
                f,
                "\"{address}\" is not a web address: give one such as https://graphics.example.com/2020/libya/."
            ),
            Unpublishable::Site(why) => write!(f, "this site's own page cannot be used ({why})."),
        }
    }
}

/// What the desk must settle before the story can be published.
pub fn check(session: &Session) -> Result<(), Unpublishable> {
    let events = &session.extraction.events;
    let unplaced: Vec<EventId> = events
        .iter()
        .filter(|e| e.kind.marks_map() && e.date.is_some())
        .filter(|e| {
            e.place
                .as_ref()
                .is_none_or(|p| session.places.get(p).is_none())
        })
        .map(|e| e.id.clone())
        .collect();
    let headline = session.heading.headline.trim();
    if !events.iter().any(|e| e.date.is_some()) {
        Err(Unpublishable::Empty)
    } else if !unplaced.is_empty() {
        Err(Unpublishable::Unplaced(unplaced))
    } else if headline.is_empty() {
        Err(Unpublishable::NoHeadline)
    } else if headline.chars().count() > MAX_HEADLINE_CHARS {
        Err(Unpublishable::LongHeadline {
            chars: headline.chars().count(),
        })
    } else if !is_web_address(&session.host) {
        Err(Unpublishable::Host(session.host.clone()))
    } else {
        Ok(())
    }
}

/// The files of the reader's page a built `index.html` names, relative to it: the
/// stylesheet, the loader, the glue, the module. The story's data (`assets/`) is not the
/// site's: the embed has its own.
pub fn site_files(index: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for attr in ["href=", "src=", "data-newsmap-js=", "data-newsmap-wasm="] {
        for (at, _) in index.match_indices(attr) {
            let value = attribute_value(&index[at + attr.len()..]);
            let path = value.trim_start_matches("./");
            let local = !path.is_empty()
                && !path.contains(':')
                && !path.starts_with('/')
                && !path.starts_with('#')
                && !path.starts_with(ASSETS);
            if local && !out.iter().any(|p| p == path) {
                out.push(path.to_owned());
            }
        }
    }
    out
}

/// An attribute's value at the start of `rest` (after its `=`), quoted or not.
fn attribute_value(rest: &str) -> &str {
    match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
        _ => rest
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()
            .unwrap_or_default(),
    }
}

/// The embed's files: the page drawn for the story, its data, the snapshot, the embed code
/// and the site's own files. Nothing is written; the caller zips them or writes a folder.
pub fn publish(site: &Site, session: &Session) -> Result<Vec<File>, Unpublishable> {
    check(session)?;
    let events = events_json(&session.extraction);
    let places = places_geojson(&session.places);
    let (data, errors) =
        Dataset::parse::<serde_json::Value>(Ok(&places), Some(Ok(&site.basemap)), Ok(&events));
    if let Some(e) = errors.iter().find(|e| !e.is_warning()) {
        return Err(Unpublishable::Site(e.to_string()));
    }
    let (Some(timeline), Some(story_places)) = (data.timeline, data.places) else {
        return Err(Unpublishable::Empty);
    };
    let articles = data.extraction.map(|x| x.articles).unwrap_or_default();
    let story = Story::new(timeline, story_places).with_articles(articles);
    let page = prerender::with_heading(&site.index, &session.heading, &session.heading_ar)
        .and_then(|p| prerender::prerender(&p, &story, data.basemap.as_ref(), &data.fingerprint))
        .ok_or_else(|| Unpublishable::Site("it has no <title> or no <main>".into()))?;
    let css = site
        .files
        .iter()
        .find(|(path, _)| path.ends_with(".css"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    let svg = snapshot::render(&story, data.basemap.as_ref(), &css).unwrap_or_default();
    let asset = |name: &str| format!("{ASSETS}/{name}");
    let mut files: Vec<File> = vec![
        ("index.html".into(), page.into_bytes()),
        (asset(EVENTS_FILE), events.into_bytes()),
        (asset(PLACES_FILE), places.into_bytes()),
        (asset(BASEMAP_FILE), site.basemap.clone().into_bytes()),
        (asset("snapshot.svg"), svg.into_bytes()),
        ("embed.html".into(), embed_code(session).into_bytes()),
    ];
    files.extend(site.files.iter().cloned());
    Ok(files)
}

/// The embed code for the host's page: the iframe, and the same with pym.js.
pub fn embed_code(session: &Session) -> String {
    let url = format!("{}/index.html", session.host.trim_end_matches('/'));
    let title = &session.heading.headline;
    format!(
        "<!-- {title}: paste one of these where the map goes. -->\n\n<!-- An iframe: -->\n{}\n<!-- Or with pym.js, which keeps the iframe as tall as the map: -->\n<div id=\"newsmap\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>new pym.Parent(\"newsmap\", \"{}\", {{title: \"{}\"}});</script>\n",
        embed_snippet(&url, title),
        escaped(&url),
        escaped(title),
        title = escaped(title),
    )
}

/// The zip's file name, from the headline: `newsmap-libya-the-gna-retakes-tarhuna.zip`.
pub fn zip_name(headline: &str) -> String {
    let words: Vec<String> = headline
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(str::to_lowercase)
        .collect();
    match words.is_empty() {
        true => "newsmap.zip".into(),
        false => format!("newsmap-{}.zip", words.join("-")),
    }
}

/// The files as one zip archive, deflated.
pub fn zip(files: &[File]) -> Result<Vec<u8>, String> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, bytes) in files {
        out.start_file(path.as_str(), options)
            .and_then(|()| out.write_all(bytes).map_err(Into::into))
            .map_err(|e| format!("{path}: {e}"))?;
    }
    out.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}
