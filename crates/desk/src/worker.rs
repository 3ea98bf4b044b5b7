//! The extractor's side of the worker: one request (the article, the desk's date) in, one
//! answer (the article's text, the events, or why not) out, both as JSON text. The worker
//! binary only carries messages to and from here.

use crate::refuse;
use newsmap_core::model::date::When;
use newsmap_extract::knowledge::Knowledge;
use newsmap_extract::{Options, document, extract_with};
use serde_json::{Value, json};

/// Answers a request `{"id": 1, "html": "…", "date": "2020-06-06"}` with
/// `{"id": 1, "text": "…", "extraction": {…}}` or `{"id": 1, "error": "…"}`.
pub fn answer(request: &str) -> String {
    let (id, result) = match serde_json::from_str::<Value>(request) {
        Ok(v) => (v.get("id").cloned().unwrap_or(Value::Null), read(&v)),
        Err(e) => (
            Value::Null,
            Err(format!(
                "the editor sent a request the worker cannot read ({e})"
            )),
        ),
    };
    match result {
        Ok((text, extraction)) => json!({ "id": id, "text": text, "extraction": extraction }),
        Err(error) => json!({ "id": id, "error": error }),
    }
    .to_string()
}

fn read(v: &Value) -> Result<(String, Value), String> {
    let html = v.get("html").and_then(Value::as_str).unwrap_or_default();
    if let Some(why) = refuse(html) {
        return Err(why);
    }
    let mut options = Options::default();
    match v.get("date").and_then(Value::as_str).unwrap_or_default() {
        "" => {}
        d => match d.parse::<When>() {
            Ok(When::Day(day)) => options.date = Some(day),
            _ => return Err(format!("\"{d}\" is not a day such as 2020-06-06")),
        },
    }
    let extraction = extract_with(html, Knowledge::builtin(), &options);
    let text = document::parse(html).text;
    let extraction = serde_json::to_value(&extraction).map_err(|e| e.to_string())?;
    Ok((text, extraction))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_article_reads_as_the_command_reads_it() {
        let html = crate::shipped::ARTICLE;
        let request = json!({ "id": 7, "html": html, "date": "" }).to_string();
        let a: Value = serde_json::from_str(&answer(&request)).unwrap();
        assert_eq!(a["id"], 7);
        let shipped: Value = serde_json::from_str(crate::shipped::EVENTS).unwrap();
        assert_eq!(a["extraction"], shipped);
        assert!(a["text"].as_str().unwrap().contains("Tarhuna"));
    }

    #[test]
    fn bad_requests_get_a_reason_not_a_panic() {
        let a: Value = serde_json::from_str(&answer("{not json")).unwrap();
        assert!(a["error"].as_str().unwrap().contains("cannot read"));
        let a: Value = serde_json::from_str(&answer(r#"{"id":1,"html":"  "}"#)).unwrap();
        assert!(a["error"].as_str().unwrap().starts_with("Paste an article"));
        let a: Value =
            serde_json::from_str(&answer(r#"{"id":2,"html":"<p>x</p>","date":"June"}"#)).unwrap();
        assert!(a["error"].as_str().unwrap().contains("not a day"));
        let a: Value =
            serde_json::from_str(&answer(r#"{"id":3,"html":"<p>Nothing happened.</p>"}"#)).unwrap();
        assert_eq!(a["extraction"]["events"].as_array().map(Vec::len), Some(0));
    }
}
