//! `evaluate GOLD_DIR… [--outputs DIR]`: scores the extractor against the hand annotations
//! (`*.gold.json`) in each folder and prints the figures (see `newsmap_extract::eval`).
//!
//! Each article is extracted as a desk would run it: with `--date` set to the publication date
//! when the page shows none. With `--outputs DIR`, the JSON in `DIR/<article>.json` is scored
//! instead (the output of another version of the extractor, say).

use newsmap_extract::eval::{Gold, Output, report, score};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: evaluate GOLD_DIR... [--outputs DIR]";

fn main() -> ExitCode {
    match run() {
        Ok(text) => {
            use std::io::Write;
            let _ = write!(std::io::stdout().lock(), "{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let mut dirs = Vec::new();
    let mut outputs = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--outputs" => outputs = Some(PathBuf::from(args.next().ok_or(USAGE)?)),
            "-h" | "--help" => return Ok(format!("{USAGE}\n")),
            _ if arg.starts_with("--") => {
                return Err(format!("unexpected argument '{arg}'\n{USAGE}"));
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        return Err(USAGE.to_owned());
    }
    let mut scored = Vec::new();
    for dir in &dirs {
        for gold_path in gold_files(dir)? {
            let gold: Gold = serde_json::from_str(&read(&gold_path)?)
                .map_err(|e| format!("{}: {e}", gold_path.display()))?;
            let name = gold_path
                .file_name()
                .map(|n| n.to_string_lossy().replace(".gold.json", ""))
                .unwrap_or_default();
            let out = match &outputs {
                Some(o) => {
                    let path = o.join(format!("{name}.json"));
                    serde_json::from_str::<Output>(&read(&path)?)
                        .map_err(|e| format!("{}: {e}", path.display()))?
                }
                None => extract(&gold)?,
            };
            scored.push((name, score(&gold, &out)));
        }
    }
    Ok(report(&scored))
}

fn gold_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("{}: no *.gold.json files", dir.display()));
    }
    Ok(files)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Extracts the gold's article in-process, the way the `extract` command would.
fn extract(gold: &Gold) -> Result<Output, String> {
    let html = read(Path::new(&gold.article))?;
    let options = newsmap_extract::Options {
        date: match gold.article_date.parse() {
            Ok(newsmap_core::model::date::When::Day(d)) if !gold.date_shown => Some(d),
            _ => None,
        },
    };
    let out = newsmap_extract::extract_with(
        &html,
        newsmap_extract::knowledge::Knowledge::builtin(),
        &options,
    );
    let json = serde_json::to_string(&out).map_err(|e| e.to_string())?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}
