//! `publish`: a reviewed `events.json` as a complete embed, from a built `dist/`, with no
//! trunk run: the same files the editor's Publish button zips, written to a folder.
//!
//! ```text
//! cargo run -p newsmap-desk --bin publish -- events.json --host https://graphics.example.com/2020/libya/ \
//!     --headline "Libya: the GNA retakes Tarhuna" --out embed/
//! ```

#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage: publish EVENTS.json --host URL --out DIR [--places FILE] [--dist DIR] [--headline TEXT] [--standfirst TEXT] [--headline-ar TEXT] [--standfirst-ar TEXT]

Writes the embed of a story into DIR: the page drawn for the story, its data, the basemap, the
snapshot, the embed code (embed.html, pointing at URL) and the reader's files of a built dist/
(default: dist). The places default to dist/assets/places.geojson, with the gazetteer's for the
towns the events name; the headline defaults to the built page's own.";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(said) => {
            println!("{said}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("publish: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

/// What the command was asked.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
struct Args {
    events: String,
    places: Option<String>,
    dist: String,
    out: String,
    host: String,
    words: [Option<String>; 4],
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut a = Args {
        dist: "dist".into(),
        ..Args::default()
    };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--places" => a.places = Some(value()?),
            "--dist" => a.dist = value()?,
            "--out" => a.out = value()?,
            "--host" => a.host = value()?,
            "--headline" => a.words[0] = Some(value()?),
            "--standfirst" => a.words[1] = Some(value()?),
            "--headline-ar" => a.words[2] = Some(value()?),
            "--standfirst-ar" => a.words[3] = Some(value()?),
            "-h" | "--help" => return Err(USAGE.into()),
            other if other.starts_with("--") => {
                return Err(format!("unknown option {other}\n{USAGE}"));
            }
            path => a.events = path.into(),
        }
    }
    if a.events.is_empty() || a.out.is_empty() {
        return Err(USAGE.into());
    }
    Ok(a)
}

#[cfg(not(target_arch = "wasm32"))]
fn read(path: &std::path::Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<String, String> {
    use newsmap_core::data::events::parse_events;
    use newsmap_core::data::places::parse_places;
    use newsmap_core::data::{GAZETTEER_FILE, read_gazetteer};
    use newsmap_core::render::prerender::heading;
    use newsmap_desk::publish::{Site, publish, site_files};
    use newsmap_desk::session::Session;
    use std::path::Path;

    let a = parse(args)?;
    let dist = Path::new(&a.dist);
    let index = read(&dist.join("index.html")).map_err(|e| {
        format!("{e} (build the site first: scripts/serve or trunk build --release)")
    })?;
    let asset = |name: &str| dist.join("assets").join(name);
    let places = match &a.places {
        Some(p) => read(Path::new(p))?,
        None => read(&asset("places.geojson"))?,
    };
    let places = parse_places(&places).map_err(|e| e.to_string())?;
    let extraction = parse_events(&read(Path::new(&a.events))?).map_err(|e| e.to_string())?;
    let gazetteer: serde_json::Value = serde_json::from_str(&read(&asset(GAZETTEER_FILE))?)
        .map_err(|e| format!("{GAZETTEER_FILE}: {e}"))?;
    let gazetteer = read_gazetteer(&gazetteer).map_err(|e| e.to_string())?;
    let mut session = Session::new(places);
    session.read(String::new(), extraction, &gazetteer);
    let page = heading(&index);
    let [headline, standfirst, headline_ar, standfirst_ar] = a.words;
    session.heading.headline = headline.unwrap_or(page.headline);
    session.heading.standfirst = standfirst.unwrap_or_default();
    session.heading_ar.headline = headline_ar.unwrap_or_default();
    session.heading_ar.standfirst = standfirst_ar.unwrap_or_default();
    session.host = a.host;
    let mut files = Vec::new();
    for path in site_files(&index) {
        let bytes = std::fs::read(dist.join(&path)).map_err(|e| format!("{path}: {e}"))?;
        files.push((path, bytes));
    }
    let site = Site {
        index,
        basemap: read(&asset("basemap.geojson"))?,
        files,
    };
    let files = publish(&site, &session).map_err(|e| e.to_string())?;
    let out = Path::new(&a.out);
    for (path, bytes) in &files {
        let to = out.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&to, bytes).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(format!(
        "publish: wrote {} files into {}: serve it at {}; the embed code is in embed.html",
        files.len(),
        out.display(),
        session.host
    ))
}
