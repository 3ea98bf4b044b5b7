//! `extract ARTICLE.html [--date YYYY-MM-DD] [--lexicon FILE] [--gazetteer FILE] [--pretty]`:
//! prints the article's events as one JSON document.

use newsmap_core::model::Undated;
use newsmap_core::model::date::When;
use newsmap_extract::knowledge::{GAZETTEER_GEOJSON, Knowledge, LEXICON_TOML};
use newsmap_extract::{Options, extract_with};
use std::process::ExitCode;

const USAGE: &str = "usage: extract ARTICLE.html [--date YYYY-MM-DD] [--lexicon FILE] [--gazetteer FILE] [--pretty]";

const HELP: &str = "Prints the events extracted from an article's HTML as JSON.

  --date YYYY-MM-DD   the article's publication date, for a page that does not show it
  --lexicon FILE      the vocabulary to use instead of the built-in assets/lexicon.toml
  --gazetteer FILE    the places to use instead of the built-in assets/gazetteer.geojson
  --pretty            indented JSON";

struct Args {
    path: String,
    pretty: bool,
    options: Options,
    lexicon: Option<String>,
    gazetteer: Option<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut path = None;
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
                options.date = match v.parse::<When>() {
                    Ok(When::Day(d)) => Some(d),
                    _ => {
                        return Err(format!("--date {v}: not a day such as 2020-06-06"));
                    }
                };
            }
            "--lexicon" => lexicon = Some(value("--lexicon")?),
            "--gazetteer" => gazetteer = Some(value("--gazetteer")?),
            _ if path.is_none() && !arg.starts_with("--") => path = Some(arg),
            _ => return Err(format!("unexpected argument '{arg}'\n{USAGE}")),
        }
    }
    let path = path.ok_or_else(|| USAGE.to_owned())?;
    Ok(Some(Args {
        path,
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
    let html = read(&args.path, "an HTML article").map_err(fail)?;
    let lexicon = match &args.lexicon {
        Some(p) => read(p, "a TOML lexicon").map_err(fail)?,
        None => LEXICON_TOML.to_owned(),
    };
    let gazetteer = match &args.gazetteer {
        Some(p) => read(p, "a GeoJSON gazetteer").map_err(fail)?,
        None => GAZETTEER_GEOJSON.to_owned(),
    };
    let knowledge = Knowledge::parse(&lexicon, &gazetteer).map_err(|e| fail(e.to_string()))?;
    let out = extract_with(&html, &knowledge, &args.options);
    if out.article_date.is_none() {
        let undated = out
            .events
            .iter()
            .filter(|e| e.undated == Some(Undated::ArticleDateUnknown))
            .count();
        eprintln!(
            "extract: warning: {} shows no date and none was given; {undated} event(s) dated only relative to it are left without a date (give --date YYYY-MM-DD)",
            args.path
        );
    }
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

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err((code, message)) => {
            eprintln!("extract: {message}");
            ExitCode::from(code)
        }
    }
}
