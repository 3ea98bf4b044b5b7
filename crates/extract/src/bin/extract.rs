//! `extract [--outlet NAME] [--url URL] [--date DAY] ARTICLE.html… [--date DAY] [--lexicon FILE]
//! [--gazetteer FILE] [--pretty]`: prints the article's events as one JSON document; given
//! several articles, one story of them all, each event once with every article that tells it
//! (the editor's own merge).

use newsmap_core::model::date::{Date, When};
use newsmap_core::model::{Article, Extraction, Undated};
use newsmap_core::story::merge;
use newsmap_extract::knowledge::{GAZETTEER_GEOJSON, Knowledge, LEXICON_TOML};
use newsmap_extract::{Options, document, extract_with};
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--outlet NAME] [--url URL] [--date YYYY-MM-DD] ARTICLE.html... [--date YYYY-MM-DD] [--lexicon FILE] [--gazetteer FILE] [--pretty]";

const HELP: &str =
    "Prints the events extracted from an article's HTML as JSON. Given several articles
(reports of one story), prints one story: each event once, listing every article that tells it
(\"sources\"), and the articles (\"articles\": outlet, headline, date, address, as each page
gives them).

  --outlet NAME       who published the next article, where its page does not say
                      (else the page's og:site_name, else the file's name)
  --url URL           the next article's address, where its page does not give it
  --date YYYY-MM-DD   the next article's publication date, for a page that does not show
                      it; after the last article, the date of every one that shows none
  --lexicon FILE      the vocabulary to use instead of the built-in assets/lexicon.toml
  --gazetteer FILE    the places to use instead of the built-in assets/gazetteer.geojson
  --pretty            indented JSON";

/// An article to read, and what the desk says of it.
struct Input {
    path: String,
    outlet: Option<String>,
    url: Option<String>,
    date: Option<Date>,
}

struct Args {
    inputs: Vec<Input>,
    pretty: bool,
    options: Options,
    lexicon: Option<String>,
    gazetteer: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut inputs = Vec::new();
    let (mut outlet, mut url, mut date) = (None, None, None);
    let mut pretty = false;
    let mut options = Options::default();
    let (mut lexicon, mut gazetteer) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--pretty" => pretty = true,
            "-h" | "--help" => return Ok(None),
            "--date" => {
                let v = value("--date")?;
                date = match v.parse::<When>() {
                    Ok(When::Day(d)) => Some(d),
                    _ => {
                        return Err(format!("--date {v}: not a day such as 2020-06-06"));
                    }
                };
            }
            "--lexicon" => lexicon = Some(value("--lexicon")?),
            "--gazetteer" => gazetteer = Some(value("--gazetteer")?),
            "--outlet" => outlet = Some(value("--outlet")?),
            "--url" => {
                let v = value("--url")?;
                if !newsmap_core::model::is_web_address(&v) {
                    return Err(format!("--url {v}: not a web address (https://…)"));
                }
                url = Some(v);
            }
            _ if !arg.starts_with("--") => inputs.push(Input {
                path: arg,
                outlet: outlet.take(),
                url: url.take(),
                date: date.take(),
            }),
            _ => return Err(format!("unexpected argument '{arg}'\n{USAGE}")),
        }
    }
    if outlet.is_some() || url.is_some() {
        return Err(format!(
            "--outlet and --url name the article after them; none follows\n{USAGE}"
        ));
    }
    if inputs.is_empty() {
        return Err(USAGE.to_owned());
    }
    // A date after the last article is every article's that shows none (`extract a.html --date …`).
    options.date = date;
    Ok(Some(Args {
        inputs,
        pretty,
        options,
        lexicon,
        gazetteer,
    }))
}

fn read(path: &str, what: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not UTF-8 text (invalid byte at offset {}); is it {what}?",
            e.utf8_error().valid_up_to()
        )
    })
}

fn run() -> Result<ExitCode, (u8, String)> {
    let usage = |e: String| (2, e);
    let fail = |e: String| (1, e);
    let Some(args) = parse_args().map_err(usage)? else {
        use std::io::Write;
        let _ = writeln!(std::io::stdout().lock(), "{USAGE}\n\n{HELP}");
        return Ok(ExitCode::SUCCESS);
    };
    let lexicon = match &args.lexicon {
        Some(p) => read(p, "a TOML lexicon").map_err(fail)?,
        None => LEXICON_TOML.to_owned(),
    };
    let gazetteer = match &args.gazetteer {
        Some(p) => read(p, "a GeoJSON gazetteer").map_err(fail)?,
        None => GAZETTEER_GEOJSON.to_owned(),
    };
    let knowledge = Knowledge::parse(&lexicon, &gazetteer).map_err(|e| fail(e.to_string()))?;
    let mut story = Extraction::default();
    for input in &args.inputs {
        let path = &input.path;
        let html = read(path, "an HTML article").map_err(fail)?;
        let options = Options {
            date: input.date.or(args.options.date),
        };
        let out = extract_with(&html, &knowledge, &options);
        warn_undated(path, &out);
        if args.inputs.len() == 1 {
            story = out;
            break;
        }
        let doc = document::parse(&html);
        let stem = std::path::Path::new(path).file_stem();
        let about = Article {
            id: merge::next_article_id(&story),
            outlet: input
                .outlet
                .clone()
                .or_else(|| Some(doc.outlet()).filter(|o| !o.is_empty()))
                .or_else(|| stem.map(|s| s.to_string_lossy().into_owned()))
                .unwrap_or_default(),
            headline: doc.headline_and_standfirst().0,
            date: out.article_date,
            url: input.url.clone().unwrap_or_else(|| doc.url()),
        };
        merge::add(&mut story, about, out);
    }
    let out = merge::as_written(&story);
    let json = if args.pretty {
        serde_json::to_string_pretty(&out)
    } else {
        serde_json::to_string(&out)
    };
    let json = json.map_err(|e| fail(format!("cannot write JSON: {e}")))?;
    // A reader that stops early (`| head`) is not an error worth a panic.
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{json}") {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(fail(format!("cannot write the output: {e}"))),
    }
}

/// Says on stderr when a page shows no date and some of its events wait for one.
fn warn_undated(path: &str, out: &Extraction) {
    if out.article_date.is_some() {
        return;
    }
    let undated = out
        .events
        .iter()
        .filter(|e| e.undated == Some(Undated::ArticleDateUnknown))
        .count();
    eprintln!(
        "extract: warning: {path} shows no date and none was given; {undated} event(s) dated only relative to it are left without a date (give --date YYYY-MM-DD)"
    );
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err((code, message)) => {
            eprintln!("extract: {message}");
            ExitCode::from(code)
        }
    }
}
