//! `extract ARTICLE.html [--pretty]`: prints the article's events as one JSON document.

use std::process::ExitCode;

const USAGE: &str = "usage: extract ARTICLE.html [--pretty]";

fn main() -> ExitCode {
    let mut path = None;
    let mut pretty = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                println!("{USAGE}\nPrints the events extracted from an article's HTML as JSON.");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() && !arg.starts_with("--") => path = Some(arg),
            _ => {
                eprintln!("extract: unexpected argument '{arg}'\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(path) = path else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("extract: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "extract: {path} is not UTF-8 text (invalid byte at offset {}); is it an HTML article?",
                e.utf8_error().valid_up_to()
            );
            return ExitCode::FAILURE;
        }
    };
    let out = newsmap::extract::extract(&html);
    let json = if pretty {
        serde_json::to_string_pretty(&out)
    } else {
        serde_json::to_string(&out)
    };
    match json {
        Ok(j) => {
            println!("{j}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("extract: cannot write JSON: {e}");
            ExitCode::FAILURE
        }
    }
}
