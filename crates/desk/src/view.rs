//! What each part of the editor's page shows, worked out from the [`Editor`]: one row per
//! event with every field's value, choices and problem; the article's paragraphs with the
//! chosen sentence marked; the ids a place field may take; the preview's stop; the point on
//! the map under a click. The browser binary's components only format these.

use crate::editor::Editor;
use crate::fields::{self, Field};
use newsmap_core::data::places::{Basemap, PlaceSet};
use newsmap_core::model::{Article, ArticleId, Event, EventId};
use newsmap_core::render::map::Layout;
use newsmap_core::story::merge;
use newsmap_core::story::reading::Story;

/// One field of a row.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub field: Field,
    /// What the field shows: the event's value, or the text the desk typed and was refused.
    pub value: String,
    /// What is wrong with it, if anything.
    pub problem: Option<String>,
    /// The ids it may take (empty: free text); "" is "none".
    pub choices: Vec<&'static str>,
    /// Whether its value is a place's id (an input with the place ids to choose from).
    pub is_place: bool,
    /// Its name for a screen reader ("date of event e3").
    pub label: String,
}

/// One event's row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: EventId,
    pub quote: String,
    pub cells: Vec<Cell>,
    /// How sure the extractor is ("85%").
    pub confidence: String,
    pub basis: String,
    /// Why the side is the one it is, when the article names it its own way.
    pub alias: Option<String>,
    pub chosen: bool,
    /// Every report that tells the event (more than one in a story of many articles).
    pub sources: Vec<SourceLine>,
    /// What the reports disagree on, for the desk to settle.
    pub conflict: Option<String>,
}

/// One report of an event, as its row lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    pub outlet: String,
    pub quote: String,
    /// The quote's opening words, for the row's narrow column (the whole quote on hover).
    pub gist: String,
    /// Its date, as that report gives it.
    pub date: String,
}

impl Row {
    /// The event's value of a field, as the row shows it.
    pub fn value(&self, field: Field) -> &str {
        self.cells
            .iter()
            .find(|c| c.field == field)
            .map_or("", |c| c.value.as_str())
    }
}

/// The rows' events, in the table's order.
pub fn row_ids(e: &Editor) -> Vec<EventId> {
    e.session
        .extraction
        .events
        .iter()
        .map(|ev| ev.id.clone())
        .collect()
}

/// The row of event `id`.
pub fn row(e: &Editor, id: &EventId) -> Option<Row> {
    let ev = e.session.extraction.events.iter().find(|ev| &ev.id == id)?;
    let problems = fields::problems(ev, |p| e.session.places.get(p).is_some());
    let cells = Field::ALL
        .iter()
        .map(|&f| cell(e, ev, f, &problems))
        .collect();
    let alias = match (&ev.actor_name, ev.actor) {
        (Some(name), Some(actor)) => Some(format!(
            "“{name}” is the {} in this article",
            actor.id().to_uppercase()
        )),
        _ => None,
    };
    let conflicts = merge::conflicts_of(&e.session.extraction, ev);
    let conflict = (!conflicts.is_empty()).then(|| {
        let said: Vec<String> = conflicts.iter().map(merge::Conflict::describe).collect();
        format!("To settle: {}. Set the right value here.", said.join("; "))
    });
    Some(Row {
        id: id.clone(),
        quote: ev.quote.clone(),
        cells,
        confidence: format!("{:.0}%", ev.confidence * 100.0),
        basis: ev.date_basis.clone(),
        alias,
        chosen: e.chosen.as_ref() == Some(id),
        sources: sources(e, ev),
        conflict,
    })
}

/// The reports of an event, named by their outlets.
fn sources(e: &Editor, ev: &Event) -> Vec<SourceLine> {
    let articles = &e.session.extraction.articles;
    ev.sources
        .iter()
        .map(|s| {
            let outlet = articles
                .iter()
                .find(|a| a.id == s.article)
                .map_or_else(|| format!("Article {}", s.article), Article::name);
            SourceLine {
                outlet,
                gist: gist(&s.quote),
                quote: s.quote.clone(),
                date: s.date.map(|d| d.to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

/// An article of the story, as the list of articles shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleLine {
    pub id: ArticleId,
    /// Its outlet as the desk gave it (empty when none), and how the page names it.
    pub outlet: String,
    pub name: String,
    pub url: String,
    pub headline: String,
    pub date: String,
    /// How many of the story's events it tells.
    pub events: usize,
    pub shown: bool,
}

/// The story's articles.
pub fn articles(e: &Editor) -> Vec<ArticleLine> {
    let x = &e.session.extraction;
    x.articles
        .iter()
        .map(|a| ArticleLine {
            id: a.id.clone(),
            outlet: a.outlet.clone(),
            name: a.name(),
            url: a.url.clone(),
            headline: a.headline.clone(),
            date: a.date.map(|d| d.to_string()).unwrap_or_default(),
            events: x
                .events
                .iter()
                .filter(|ev| ev.sources.iter().any(|s| s.article == a.id))
                .count(),
            shown: e.session.shown_article() == Some(&a.id),
        })
        .collect()
}

fn cell(e: &Editor, ev: &Event, f: Field, problems: &[(Field, String)]) -> Cell {
    let refused = e.refused.iter().find(|r| r.event == ev.id && r.field == f);
    let problem = refused.map(|r| r.why.clone()).or_else(|| {
        problems
            .iter()
            .find(|(pf, _)| *pf == f)
            .map(|(_, why)| why.clone())
    });
    Cell {
        field: f,
        value: refused.map_or_else(|| fields::value(ev, f), |r| r.text.clone()),
        problem,
        choices: f.choices(),
        is_place: matches!(f, Field::Place | Field::Origin),
        label: format!("{f} of event {}", ev.id),
    }
}

/// A paragraph of the article's text, split where the chosen sentence is marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Where it starts in the article's text, in chars.
    pub start: usize,
    pub before: String,
    pub marked: Option<String>,
    pub after: String,
}

/// The article's text in paragraphs (blank lines apart), with `mark` (a span in chars) marked.
/// A span that runs backwards or past the end marks only what it can.
pub fn paragraphs(text: &str, mark: Option<[usize; 2]>) -> Vec<Paragraph> {
    let chars: Vec<char> = text.chars().collect();
    let piece = |a: usize, b: usize| -> String {
        let b = b.min(chars.len());
        chars.get(a.min(b)..b).unwrap_or_default().iter().collect()
    };
    let mark = mark.filter(|[a, b]| a < b);
    let mut start = 0;
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let end = start + para.chars().count();
        out.push(match mark {
            Some([a, b]) if a < end && b > start => {
                let (a, b) = (a.max(start), b.min(end));
                Paragraph {
                    start,
                    before: piece(start, a),
                    marked: Some(piece(a, b)),
                    after: piece(b, end),
                }
            }
            _ => Paragraph {
                start,
                before: para.to_owned(),
                marked: None,
                after: String::new(),
            },
        });
        start = end + 2;
    }
    out
}

/// The ids a place field may take, with their names: the map's places, then the gazetteer's.
pub fn place_choices(e: &Editor) -> Vec<(String, String)> {
    let on_map = e.session.places.places.iter();
    let known = e
        .gazetteer
        .iter()
        .filter(|p| e.session.places.get(&p.id).is_none());
    on_map
        .chain(known)
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect()
}

/// The stop the preview shows: the one the desk picked, else the chosen event's, else the end.
pub fn preview_stop(e: &Editor, story: &Story) -> usize {
    let chosen = e
        .chosen_index()
        .and_then(|i| e.session.extraction.events.get(i))
        .and_then(|ev| story.timeline().stop_of_event(&ev.id));
    e.stop
        .or(chosen.map(|s| s.0))
        .unwrap_or(story.timeline().stops().len().saturating_sub(1))
}

/// The longitude and latitude under a point of a layout `width` wide (its design width), at
/// `(x, y)` in the layout's pixels.
pub fn point_at(
    places: &PlaceSet,
    basemap: Option<&Basemap>,
    width: f64,
    (x, y): (f64, f64),
) -> Option<(f64, f64)> {
    let layout = Layout::build(places, basemap, width, None)?;
    layout.en.viewport.invert(x, y)
}

/// A sentence's opening words, up to [`GIST_CHARS`] characters, cut at a word.
pub fn gist(quote: &str) -> String {
    if quote.chars().count() <= GIST_CHARS {
        return quote.to_owned();
    }
    let head: String = quote.chars().take(GIST_CHARS).collect();
    let cut = head.rfind(' ').unwrap_or(head.len());
    format!("{}…", head.get(..cut).unwrap_or(&head).trim_end())
}

/// How much of a report's sentence a merged row shows.
const GIST_CHARS: usize = 90;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::{Msg, Refused};
    use newsmap_core::data::places::parse_places;
    use newsmap_core::render::page::Heading;

    fn seed() -> Editor {
        let html = crate::shipped::ARTICLE;
        let base = parse_places(crate::shipped::PLACES).unwrap();
        let mut e = Editor::start(base, Vec::new(), Heading::default(), None, |_| true);
        let text = newsmap_extract::document::parse(html).text;
        e.session.read(text, newsmap_extract::extract(html), &[]);
        e
    }

    #[test]
    fn a_long_sentence_shows_its_opening_words() {
        assert_eq!(gist("Shelling hit Tajoura."), "Shelling hit Tajoura.");
        let long = "The Deputy Special Representative of the United Nations Secretary-General strongly condemns all attacks on civilians.";
        let g = gist(long);
        assert!(
            g.ends_with('…') && g.chars().count() <= GIST_CHARS + 1,
            "{g}"
        );
        assert!(
            long.starts_with(g.trim_end_matches('…')),
            "cut at a word: {g}"
        );
        assert!(!g.trim_end_matches('…').ends_with(' '));
        assert_eq!(
            gist(&"ل".repeat(200)).chars().count(),
            GIST_CHARS + 1,
            "no space: cut anyway"
        );
    }

    #[test]
    fn a_row_has_its_values_and_marks_its_problems() {
        let mut e = seed();
        e.session.extraction.events[1].date = None;
        let first = e.session.extraction.events[0].id.clone();
        e.refused.push(Refused {
            event: first.clone(),
            field: Field::Date,
            text: "June".into(),
            why: "not a date".into(),
        });
        e.update(Msg::Show(first.clone()));
        let r = row(&e, &first).unwrap();
        assert!(r.chosen);
        let date = &r.cells[1];
        assert_eq!(
            (date.value.as_str(), date.problem.as_deref()),
            ("June", Some("not a date"))
        );
        assert_eq!(
            r.value(Field::Kind),
            e.session.extraction.events[0].kind.id()
        );
        let second = row(&e, &e.session.extraction.events[1].id).unwrap();
        assert!(
            second.cells[1]
                .problem
                .as_deref()
                .unwrap()
                .contains("the map leaves it out")
        );
        assert!(!second.chosen);
        assert_eq!(row_ids(&e).len(), e.session.extraction.events.len());
        assert!(row(&e, &EventId::new("e999")).is_none());
    }

    #[test]
    fn a_row_says_why_its_side_is_the_one_it_is() {
        let html = "<p>Published <time datetime=\"2020-05-18\">18 May</time></p>\
            <p>The Libyan Army (the forces of the Government of National Accord) liberated \
            Al-Watiya airbase on Monday.</p><p>The army also seized Tiji on Monday.</p>";
        let mut e = seed();
        let text = newsmap_extract::document::parse(html).text;
        e.session.read(text, newsmap_extract::extract(html), &[]);
        let rows: Vec<Row> = row_ids(&e).iter().filter_map(|id| row(&e, id)).collect();
        assert!(
            rows.iter().any(|r| r
                .alias
                .as_deref()
                .is_some_and(|a| a.ends_with("” is the GNA in this article"))),
            "{rows:?}"
        );
        assert!(rows.iter().any(|r| r.basis.contains("weekday 'Monday'")));
    }

    #[test]
    fn the_article_marks_the_chosen_sentence() {
        let p = paragraphs("First <b>para</b>.\n\nSecond one.", Some([21, 27]));
        assert_eq!(p[0].before, "First <b>para</b>.");
        assert_eq!(
            (
                p[1].start,
                p[1].before.as_str(),
                p[1].marked.as_deref(),
                p[1].after.as_str()
            ),
            (20, "S", Some("econd "), "one.")
        );
        // A span that runs backwards or past the end marks nothing it cannot, and never fails.
        for span in [[15, 10], [12, 900], [900, 950]] {
            let text: String = paragraphs("First.\n\nSecond one.", Some(span))
                .iter()
                .map(|p| {
                    format!(
                        "{}{}{}",
                        p.before,
                        p.marked.as_deref().unwrap_or(""),
                        p.after
                    )
                })
                .collect();
            assert_eq!(text, "First.Second one.", "{span:?}");
        }
    }

    #[test]
    fn a_click_on_the_map_is_a_point_of_the_story_country() {
        let e = seed();
        let places = &e.session.places;
        let tripoli = places
            .get(&newsmap_core::model::PlaceId::new("tripoli"))
            .unwrap();
        let layout = Layout::build(places, None, 490.0, None).unwrap();
        let xy = layout
            .en
            .viewport
            .project(tripoli.lon, tripoli.lat)
            .unwrap();
        let (lon, lat) = point_at(places, None, 490.0, xy).unwrap();
        assert!((lon - tripoli.lon).abs() < 1e-6 && (lat - tripoli.lat).abs() < 1e-6);
    }
}
