//! The editor's page, drawn to any [`Sink`] (the DOM in the browser, markup in the tests): the
//! input, the article with the chosen event's sentence marked, one row per event with every
//! field editable, the places to settle, the export. These only format; the editor binary
//! wires them to the reader's hands.

use crate::fields::{self, Field};
use crate::session::Session;
use newsmap_core::model::{Event, EventId};
use newsmap_core::render::markup::Sink;
use newsmap_extract::knowledge::KnownPlace;

/// A value the desk typed that was refused, and why: shown in its field until fixed. It names
/// its event by id, so it stays with the event as rows come and go.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    pub event: EventId,
    pub field: Field,
    pub text: String,
    pub why: String,
}

/// The editor's frame: the input, then empty sections the editor fills.
pub fn shell(sink: &mut impl Sink) {
    sink.open("div", &[("class", "desk"), ("data-testid", "editor")]);
    sink.open("header", &[("class", "desk-head")]);
    sink.leaf("h1", &[], "News map: the desk's editor");
    sink.leaf(
        "p",
        &[],
        "Paste an article or drop its file, read it, check what the machine read against the text, fix it, export. Nothing leaves this browser.",
    );
    sink.close();
    input(sink);
    sink.open("div", &[("class", "desk-work")]);
    for (class, testid, label) in [
        ("desk-article", "editor-article", "The article's text"),
        ("desk-table", "editor-table", "The events"),
        ("desk-places", "editor-places", "Places to settle"),
        ("desk-preview", "editor-preview", "The map"),
        ("desk-export", "editor-export", "Publish"),
    ] {
        sink.void(
            "section",
            &[
                ("class", class),
                ("data-testid", testid),
                ("aria-label", label),
            ],
        );
    }
    sink.close();
    sink.close();
}

/// Where the article goes in: the paste box, a file, the date, the button, the status line.
fn input(sink: &mut impl Sink) {
    sink.open(
        "section",
        &[("class", "desk-input"), ("aria-label", "The article")],
    );
    sink.leaf(
        "label",
        &[("for", "editor-input")],
        "Article (HTML or text), or drop a .html or .txt file here",
    );
    sink.void(
        "textarea",
        &[
            ("id", "editor-input"),
            ("data-testid", "editor-input"),
            ("rows", "8"),
            ("spellcheck", "false"),
        ],
    );
    sink.open("div", &[("class", "desk-row")]);
    sink.leaf("label", &[("for", "editor-file")], "or open a file:");
    sink.void(
        "input",
        &[
            ("type", "file"),
            ("id", "editor-file"),
            ("data-testid", "editor-file"),
            ("accept", ".html,.htm,.txt,text/html,text/plain"),
        ],
    );
    sink.leaf(
        "label",
        &[("for", "editor-date")],
        "Publication date, if the page shows none:",
    );
    sink.void(
        "input",
        &[
            ("type", "date"),
            ("id", "editor-date"),
            ("data-testid", "editor-date"),
        ],
    );
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-testid", "editor-run"),
            ("data-action", "run"),
        ],
        "Read the article",
    );
    sink.close();
    sink.void(
        "p",
        &[
            ("class", "desk-status"),
            ("data-testid", "editor-status"),
            ("role", "status"),
            ("aria-live", "polite"),
        ],
    );
    sink.void(
        "p",
        &[
            ("class", "desk-warning"),
            ("data-testid", "editor-storage"),
            ("role", "alert"),
        ],
    );
    sink.close();
}

/// The article's text in paragraphs, each knowing where it starts (in chars), with the span
/// of the chosen event marked.
pub fn article(sink: &mut impl Sink, text: &str, mark: Option<[usize; 2]>) {
    sink.leaf("h2", &[], "The article's text");
    if text.is_empty() {
        sink.leaf(
            "p",
            &[("class", "desk-empty")],
            "Read an article to see its text here.",
        );
        return;
    }
    sink.leaf(
        "p",
        &[("class", "desk-hint")],
        "Select a sentence and add it as an event the machine missed.",
    );
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-action", "add"),
            ("data-testid", "editor-add"),
        ],
        "Add an event from the selected text",
    );
    let chars: Vec<char> = text.chars().collect();
    let mark = mark.filter(|[a, b]| a < b);
    let mut start = 0;
    for para in text.split("\n\n") {
        let len = para.chars().count();
        let end = start + len;
        let at = start.to_string();
        sink.open("p", &[("class", "desk-para"), ("data-start", &at)]);
        let piece = |a: usize, b: usize| -> String {
            let b = b.min(chars.len());
            chars.get(a.min(b)..b).unwrap_or_default().iter().collect()
        };
        match mark {
            Some([a, b]) if a < end && b > start => {
                let (a, b) = (a.max(start), b.min(end));
                sink.text(&piece(start, a));
                sink.leaf("mark", &[("data-testid", "editor-mark")], &piece(a, b));
                sink.text(&piece(b, end));
            }
            _ => sink.text(para),
        }
        sink.close();
        start = end + 2;
    }
}

/// The fields whose value is a place: an input with the known places to choose from.
fn is_place(f: Field) -> bool {
    matches!(f, Field::Place | Field::Origin)
}

/// One row per event: every field editable, the problems marked, the extractor's confidence
/// and how it dated the event.
pub fn table(sink: &mut impl Sink, s: &Session, chosen: Option<usize>, refused: &[Refused]) {
    sink.leaf("h2", &[], "What the machine read");
    let events = &s.extraction.events;
    if events.is_empty() {
        sink.leaf("p", &[("class", "desk-empty")], "No events yet.");
        return;
    }
    sink.open("table", &[]);
    sink.open("thead", &[]);
    sink.open("tr", &[]);
    for h in [
        "", "kind", "date", "actor", "place", "from", "origin", "count", "status", "how sure", "",
    ] {
        sink.leaf("th", &[("scope", "col")], h);
    }
    sink.close();
    sink.close();
    sink.open("tbody", &[]);
    for (i, e) in events.iter().enumerate() {
        row(sink, s, i, e, chosen == Some(i), refused);
    }
    sink.close();
    sink.close();
}

fn row(sink: &mut impl Sink, s: &Session, i: usize, e: &Event, chosen: bool, refused: &[Refused]) {
    let index = i.to_string();
    let value = |f: Field| fields::value(e, f);
    let (kind, date, place, actor) = (
        value(Field::Kind),
        value(Field::Date),
        value(Field::Place),
        value(Field::Actor),
    );
    let mut attrs = vec![
        ("data-testid", "editor-event"),
        ("data-index", index.as_str()),
        ("data-id", e.id.as_str()),
        // A redraw keeps a row's elements only for the same event.
        ("data-key", e.id.as_str()),
        ("data-kind", kind.as_str()),
        ("data-date", date.as_str()),
        ("data-place", place.as_str()),
        ("data-actor", actor.as_str()),
    ];
    if chosen {
        attrs.push(("aria-current", "true"));
    }
    sink.open("tr", &attrs);
    sink.open("td", &[]);
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-action", "show"),
            ("data-index", &index),
            ("title", &e.quote),
        ],
        "show its sentence",
    );
    sink.close();
    let problems = fields::problems(e, |p| s.places.get(p).is_some());
    for f in Field::ALL {
        let refused = refused.iter().find(|r| r.event == e.id && r.field == f);
        let problem = refused.map(|r| r.why.clone()).or_else(|| {
            problems
                .iter()
                .find(|(pf, _)| *pf == f)
                .map(|(_, why)| why.clone())
        });
        let shown = refused.map_or_else(|| value(f), |r| r.text.clone());
        sink.open("td", &[]);
        field(sink, f, &index, e.id.as_str(), &shown, problem.is_some());
        if let Some(why) = problem {
            sink.leaf(
                "small",
                &[("class", "problem"), ("data-testid", "editor-problem")],
                &why,
            );
        }
        sink.close();
    }
    let sure = format!("{:.0}%", e.confidence * 100.0);
    sink.open("td", &[("class", "desk-basis")]);
    sink.leaf("span", &[("class", "confidence")], &sure);
    sink.leaf("small", &[("title", &e.date_basis)], &e.date_basis);
    // Why the side is the one it is, when the article names it its own way.
    if let (Some(name), Some(actor)) = (&e.actor_name, e.actor) {
        let why = format!(
            "“{name}” is the {} in this article",
            actor.id().to_uppercase()
        );
        sink.leaf(
            "small",
            &[("class", "alias"), ("data-testid", "editor-alias")],
            &why,
        );
    }
    sink.close();
    sink.open("td", &[]);
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-action", "delete"),
            ("data-index", &index),
            ("data-testid", "editor-delete"),
        ],
        "delete",
    );
    sink.close();
    sink.close();
}

/// One field's control: a select for a fixed vocabulary, else a text input (places choose
/// from a list of the map's and the gazetteer's ids).
fn field(sink: &mut impl Sink, f: Field, index: &str, id: &str, value: &str, invalid: bool) {
    let label = format!("{} of event {id}", f.id());
    let mut attrs = vec![
        ("data-field", f.id()),
        ("data-index", index),
        ("aria-label", label.as_str()),
    ];
    if invalid {
        attrs.push(("aria-invalid", "true"));
    }
    let choices = f.choices();
    if choices.is_empty() {
        attrs.extend([("type", "text"), ("value", value)]);
        if is_place(f) {
            attrs.push(("list", "editor-place-ids"));
        }
        if f == Field::Date {
            attrs.push(("placeholder", "2020-06-05"));
        }
        sink.void("input", &attrs);
        return;
    }
    sink.open("select", &attrs);
    for c in choices {
        let mut o = vec![("value", c)];
        if c == value {
            o.push(("selected", ""));
        }
        sink.leaf("option", &o, if c.is_empty() { "—" } else { c });
    }
    sink.close();
}

/// The ids a place field may take: the map's places, then the gazetteer's.
pub fn place_ids(sink: &mut impl Sink, s: &Session, gazetteer: &[KnownPlace]) {
    sink.open("datalist", &[("id", "editor-place-ids")]);
    for p in &s.places.places {
        sink.leaf("option", &[("value", p.id.as_str())], &p.name);
    }
    for k in gazetteer.iter().filter(|k| s.places.get(&k.id).is_none()) {
        sink.leaf("option", &[("value", k.id.as_str())], &k.name);
    }
    sink.close();
}

/// The places the events name that nobody knows: each to pick from the gazetteer or to place
/// on the map with a click, with an optional Arabic name.
pub fn places(sink: &mut impl Sink, unknown: &[String], placing: Option<&str>) {
    sink.leaf("h2", &[], "Places to settle");
    if unknown.is_empty() {
        sink.leaf(
            "p",
            &[("class", "desk-empty")],
            "Every place the events name is on the map.",
        );
        return;
    }
    sink.open("ul", &[]);
    for name in unknown {
        sink.open(
            "li",
            &[
                ("data-testid", "editor-unknown-place"),
                ("data-name", name),
                ("data-key", name),
            ],
        );
        sink.leaf("strong", &[], name);
        sink.text(" is not in the gazetteer. ");
        let pick = format!("Pick a known place for {name}");
        sink.void(
            "input",
            &[
                ("type", "text"),
                ("list", "editor-place-ids"),
                ("data-pick", name),
                ("aria-label", &pick),
                ("placeholder", "a known place"),
            ],
        );
        let ar = format!("Arabic name of {name}");
        sink.void(
            "input",
            &[
                ("type", "text"),
                ("data-name-ar", name),
                ("aria-label", &ar),
                ("placeholder", "الاسم بالعربية (optional)"),
                ("lang", "ar"),
                ("dir", "rtl"),
            ],
        );
        let label = if placing == Some(name.as_str()) {
            "Now click the map…"
        } else {
            "Place it on the map"
        };
        sink.leaf(
            "button",
            &[
                ("type", "button"),
                ("data-action", "place"),
                ("data-name", name),
            ],
            label,
        );
        sink.close();
    }
    sink.close();
}

/// The headline, the standfirst, the files and the snippet to publish, and the import.
pub fn export(sink: &mut impl Sink, s: &Session, head: &str, snippet: &str) {
    sink.leaf("h2", &[], "Publish");
    for (key, label, value) in [
        ("headline", "Headline", &s.headline),
        ("standfirst", "Standfirst", &s.standfirst),
    ] {
        let id = format!("editor-{key}");
        sink.leaf("label", &[("for", &id)], label);
        sink.void(
            "input",
            &[
                ("type", "text"),
                ("id", &id),
                ("data-head", key),
                ("value", value),
            ],
        );
    }
    sink.open("div", &[("class", "desk-row")]);
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-action", "download-events"),
            ("data-testid", "editor-download-events"),
        ],
        "Download events.json",
    );
    sink.leaf(
        "button",
        &[
            ("type", "button"),
            ("data-action", "download-places"),
            ("data-testid", "editor-download-places"),
        ],
        "Download places.geojson",
    );
    sink.leaf(
        "label",
        &[("for", "editor-import")],
        "Import an events.json:",
    );
    sink.void(
        "input",
        &[
            ("type", "file"),
            ("id", "editor-import"),
            ("data-testid", "editor-import"),
            ("accept", ".json,application/json"),
        ],
    );
    sink.close();
    sink.leaf(
        "p",
        &[],
        "Put both files in assets/, and these lines in index.html's head, in place of its <title> and <meta name=\"description\">:",
    );
    sink.leaf("pre", &[("data-testid", "editor-export-head")], head);
    sink.leaf(
        "p",
        &[],
        "Embed the map with this (its address is this page's: change it to where the map is published):",
    );
    sink.leaf("pre", &[("data-testid", "editor-export-snippet")], snippet);
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmap_core::data::places::parse_places;
    use newsmap_core::render::markup::Markup;

    fn seed() -> Session {
        let html = crate::shipped::ARTICLE;
        let mut s = Session::new(parse_places(crate::shipped::PLACES).unwrap());
        let text = newsmap_extract::document::parse(html).text;
        s.read(text, newsmap_extract::extract(html), &[]);
        s
    }

    #[test]
    fn a_row_per_event_with_its_values_and_marked_problems() {
        let mut s = seed();
        s.extraction.events[1].date = None;
        let refused = [Refused {
            event: s.extraction.events[0].id.clone(),
            field: Field::Date,
            text: "June".into(),
            why: "not a date".into(),
        }];
        let mut m = Markup::default();
        table(&mut m, &s, Some(0), &refused);
        let html = m.into_string();
        assert_eq!(
            html.matches("data-testid=\"editor-event\"").count(),
            s.extraction.events.len()
        );
        assert!(
            html.contains("value=\"June\" aria-invalid")
                || html.contains("aria-invalid=\"true\" type=\"text\" value=\"June\""),
            "{html}"
        );
        assert!(html.contains("undated: the map leaves it out"));
        assert!(html.contains("data-kind=\"capture\""));
        assert!(html.contains("aria-current=\"true\""));
    }

    #[test]
    fn a_row_says_why_its_side_is_the_one_it_is() {
        let html = "<p>Published <time datetime=\"2020-05-18\">18 May</time></p>\
            <p>The Libyan Army (the forces of the Government of National Accord) liberated \
            Al-Watiya airbase on Monday.</p><p>The army also seized Tiji on Monday.</p>";
        let mut s = Session::new(parse_places(crate::shipped::PLACES).unwrap());
        let text = newsmap_extract::document::parse(html).text;
        s.read(text, newsmap_extract::extract(html), &[]);
        let mut m = Markup::default();
        table(&mut m, &s, None, &[]);
        let out = m.into_string();
        assert!(
            out.contains("“The Libyan Army” is the GNA in this article")
                || out.contains("“Libyan Army” is the GNA in this article"),
            "{out}"
        );
        assert!(
            out.contains("weekday 'Monday'"),
            "the date's basis is shown"
        );
    }

    #[test]
    fn the_article_marks_the_chosen_sentence_as_text() {
        let mut m = Markup::default();
        article(&mut m, "First <b>para</b>.\n\nSecond one.", Some([21, 27]));
        let html = m.into_string();
        assert!(html.contains("First &lt;b&gt;para&lt;/b&gt;."));
        assert!(html.contains("<p class=\"desk-para\" data-start=\"20\">S<mark data-testid=\"editor-mark\">econd </mark>one.</p>"), "{html}");
        // A span that runs backwards or past the end marks nothing it cannot, and never fails.
        for span in [[15, 10], [12, 900], [900, 950]] {
            let mut m = Markup::default();
            article(&mut m, "First.\n\nSecond one.", Some(span));
            let html = m.into_string();
            let text: String = html
                .split('<')
                .filter_map(|t| t.split_once('>'))
                .map(|(_, t)| t)
                .collect();
            assert!(text.contains("First.Second one."), "{span:?}: {html}");
        }
    }
}
