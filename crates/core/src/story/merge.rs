//! A story told by many reports: each article's events joined to the story's, one event for
//! each thing that happened, and every article that tells it kept as a source, in its own
//! words, with its own date and status. The rule for "the same thing" is here and only here:
//! the desk's editor and the `extract` command both build stories with it.
//!
//! ```
//! use newsmap_core::model::{Article, ArticleId, Extraction};
//! use newsmap_core::story::merge::{add, conflicts};
//! # use newsmap_core::data::events::parse_events;
//! # let one = parse_events(include_str!("../../../../assets/events.json"))?;
//! let mut story = Extraction::default();
//! for n in 1..=2 {
//!     let article = Article { id: ArticleId::new(format!("a{n}")), ..Article::default() };
//!     add(&mut story, article, one.clone());
//! }
//! // The same report twice: every event told twice, and nothing to settle.
//! assert_eq!(story.events.len(), one.events.len());
//! assert!(story.events.iter().all(|e| e.sources.len() == 2));
//! assert!(conflicts(&story).is_empty());
//! # Ok::<(), newsmap_core::data::DataError>(())
//! ```

use crate::model::date::When;
use crate::model::{
    Actor, Article, ArticleId, Event, EventId, EventKind, Extraction, Source, Status,
};

/// How many days apart two reports may date one event and still tell the same thing: reports
/// of one night's fighting date it by either day ("on Friday" written after midnight, another
/// time zone). They are joined, and the row is flagged for the desk to settle.
pub const DATE_SLACK_DAYS: i64 = 1;

/// How two tellings' dates stand to each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dates {
    /// The same, one holds the other (`2020-06` and `2020-06-05`), or one is not known.
    Agree,
    /// A day apart, neither holding the other: the same event, dated differently.
    Differ,
    /// Further apart: not the same event.
    Apart,
}

/// How two tellings' dates stand to each other.
pub fn dates(a: Option<When>, b: Option<When>) -> Dates {
    let (Some(a), Some(b)) = (a, b) else {
        return Dates::Agree;
    };
    let holds = |outer: When, inner: When| {
        inner.precision() >= outer.precision() && inner.truncate(outer.precision()) == outer
    };
    if a == b || holds(a, b) || holds(b, a) {
        return Dates::Agree;
    }
    let days = |w: When| w.first_day().days_since_epoch();
    if (days(a) - days(b)).abs() <= DATE_SLACK_DAYS {
        Dates::Differ
    } else {
        Dates::Apart
    }
}

/// Whether two events tell the same thing: the same kind, place, side and stance, dates that
/// agree or differ by a day (an event with no date is the same only as another with none).
pub fn same_thing(a: &Event, b: &Event) -> bool {
    a.kind == b.kind
        && a.place == b.place
        && a.actor == b.actor
        && a.stance == b.stance
        && a.date.is_some() == b.date.is_some()
        && dates(a.date, b.date) != Dates::Apart
}

/// An event as one article's telling of it.
pub fn source_of(e: &Event, article: &ArticleId) -> Source {
    Source {
        article: article.clone(),
        quote: e.quote.clone(),
        span: e.span,
        date: e.date,
        status: e.status,
    }
}

/// The id of the next article of a story: `a1`, `a2`, …
pub fn next_article_id(story: &Extraction) -> ArticleId {
    let n = story
        .articles
        .iter()
        .filter_map(|a| a.id.as_str().strip_prefix('a')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    ArticleId::new(format!("a{}", n.saturating_add(1)))
}

/// The id of the next event of a story.
pub fn next_event_id(story: &Extraction) -> EventId {
    let n = story
        .events
        .iter()
        .filter_map(|e| e.id.as_str().strip_prefix('e')?.parse::<usize>().ok())
        .max()
        .unwrap_or(0);
    EventId::new(format!("e{}", n.saturating_add(1)))
}

/// One article's events (a file or session of one article) as a story of that article, every
/// event keeping its id, its own sentence its one source.
pub fn adopt(mut x: Extraction, about: Article) -> Extraction {
    for e in &mut x.events {
        e.sources = vec![source_of(e, &about.id)];
    }
    x.articles = vec![about];
    x
}

/// Adds an article's events to a story: each joins the event that tells the same thing (its
/// sentence becoming one more source), or comes as a new event. Returns how many joined.
pub fn add(story: &mut Extraction, article: Article, read: Extraction) -> usize {
    if story.articles.is_empty() {
        story.article_date = read.article_date;
        story.article_date_basis = read.article_date_basis.clone();
        story.article_date_evidence = read.article_date_evidence.clone();
    }
    story.aliases.extend(read.aliases);
    let mut joined = 0;
    for e in read.events {
        let source = source_of(&e, &article.id);
        // An article's own events stay apart: two statements of one day are two. Of the
        // events it may join, one whose date agrees comes before one a day apart.
        let earlier = |s: &Event| s.sources.iter().all(|src| src.article != article.id);
        let candidates = || {
            story
                .events
                .iter()
                .position(|s| {
                    earlier(s) && same_thing(s, &e) && dates(s.date, e.date) == Dates::Agree
                })
                .or_else(|| {
                    story
                        .events
                        .iter()
                        .position(|s| earlier(s) && same_thing(s, &e))
                })
        };
        match candidates().and_then(|i| story.events.get_mut(i)) {
            Some(told) => {
                tell(told, &e, source);
                joined += 1;
            }
            None => {
                let id = next_event_id(story);
                // Its supporting sentences are the lead article's, as its own sentence is.
                story.events.push(Event {
                    id,
                    sources: vec![source],
                    ..e
                });
            }
        }
    }
    story.articles.push(article);
    joined
}

/// One more telling of an event: its source, and what it adds (a finer date, the article's
/// own report of what another only claims, a place's name, a count).
fn tell(e: &mut Event, other: &Event, source: Source) {
    if dates(e.date, other.date) == Dates::Agree
        && other.date.map(When::precision) > e.date.map(When::precision)
    {
        e.date = other.date;
        e.date_basis = other.date_basis.clone();
        e.local_time = other.local_time.clone();
    }
    if other.status == Status::Reported {
        e.status = Status::Reported;
    }
    e.confidence = e.confidence.max(other.confidence);
    e.place_name = e.place_name.take().or_else(|| other.place_name.clone());
    e.origin = e.origin.take().or_else(|| other.origin.clone());
    e.from = e.from.or(other.from);
    e.count = e.count.max(other.count);
    e.sources.push(source);
    e.settled = false;
}

/// Takes an event's date, status and lead sentence anew from its sources (after one left),
/// unless the desk settled them.
fn retell(e: &mut Event) {
    let Some(lead) = e.sources.first() else {
        return;
    };
    if (&e.quote, e.span) != (&lead.quote, lead.span) {
        // Another report leads: the sentences that backed the last lead go with it.
        (e.quote, e.span) = (lead.quote.clone(), lead.span);
        e.also.clear();
        e.actor_name = None;
    }
    if e.settled {
        return;
    }
    // The finest date, the first report's of equals.
    let finest = e
        .sources
        .iter()
        .filter_map(|s| s.date)
        .map(|d| d.precision())
        .max();
    e.date = e
        .sources
        .iter()
        .filter_map(|s| s.date)
        .find(|d| Some(d.precision()) == finest)
        .or(e.date);
    e.status = if e.sources.iter().any(|s| s.status == Status::Reported) {
        Status::Reported
    } else {
        Status::Claimed
    };
}

/// Removes an article from a story: its sources go, and every event only it told.
pub fn remove(story: &mut Extraction, article: &ArticleId) {
    story.articles.retain(|a| &a.id != article);
    let mut told_only_by_it = Vec::new();
    for e in &mut story.events {
        let before = e.sources.len();
        e.sources.retain(|s| &s.article != article);
        match (before, e.sources.len()) {
            (b, 0) if b > 0 => told_only_by_it.push(e.id.clone()),
            (b, n) if b != n => retell(e),
            _ => {}
        }
    }
    story.events.retain(|e| !told_only_by_it.contains(&e.id));
}

/// Takes source `k` out of event `id` as an event of its own (the desk found a wrong join).
/// Returns the new event's id.
pub fn split(story: &mut Extraction, id: &EventId, k: usize) -> Option<EventId> {
    let new_id = next_event_id(story);
    let e = story.events.iter_mut().find(|e| &e.id == id)?;
    if e.sources.len() < 2 || k >= e.sources.len() {
        return None;
    }
    let source = e.sources.remove(k);
    retell(e);
    let mut apart = Event {
        id: new_id.clone(),
        quote: source.quote.clone(),
        span: source.span,
        date: source.date,
        status: source.status,
        sources: vec![source],
        settled: false,
        also: Vec::new(),
        actor_name: None,
        ..e.clone()
    };
    retell(&mut apart);
    story.events.push(apart);
    Some(new_id)
}

/// Joins event `other` into event `keep` (the desk found two rows that tell one thing).
pub fn join(story: &mut Extraction, keep: &EventId, other: &EventId) -> bool {
    let Some(at) = story.events.iter().position(|e| &e.id == other) else {
        return false;
    };
    if keep == other || !story.events.iter().any(|e| &e.id == keep) {
        return false;
    }
    let gone = story.events.remove(at);
    if let Some(e) = story.events.iter_mut().find(|e| &e.id == keep) {
        e.sources.extend(gone.sources);
        e.settled = false;
        retell(e);
    }
    true
}

/// What a story's sources disagree on, for the desk to settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Its sources date it differently: the range of their dates, earliest first.
    Dates { from: When, to: When },
    /// One source reports it, another only says a side claims it.
    Status,
    /// Another event gives the same place to another side at the same time.
    Control(EventId),
}

impl Conflict {
    /// What the desk is told.
    pub fn describe(&self) -> String {
        match self {
            Conflict::Dates { from, to } => {
                format!("its reports date it differently, from {from} to {to}")
            }
            Conflict::Status => "one report states it, another only reports a side's claim".into(),
            Conflict::Control(other) => {
                format!("{other} gives the place to another side at the same time")
            }
        }
    }
}

/// Every disagreement in a story, by event. Events the desk settled are not flagged for
/// their dates or status.
pub fn conflicts(story: &Extraction) -> Vec<(EventId, Conflict)> {
    story
        .events
        .iter()
        .flat_map(|e| {
            conflicts_of(story, e)
                .into_iter()
                .map(|c| (e.id.clone(), c))
        })
        .collect()
}

/// What an event's sources disagree on, and the events that give its place to another side
/// at the same time.
pub fn conflicts_of(story: &Extraction, e: &Event) -> Vec<Conflict> {
    let mut out = Vec::new();
    let told = &e.sources;
    let pairs = || told.iter().flat_map(|a| told.iter().map(move |b| (a, b)));
    if !e.settled && pairs().any(|(a, b)| dates(a.date, b.date) != Dates::Agree) {
        let start = |w: &When| w.start();
        let dated = || told.iter().filter_map(|s| s.date);
        let from = dated().min_by(|a, b| start(a).total_cmp(&start(b)));
        let to = dated().max_by(|a, b| start(a).total_cmp(&start(b)));
        if let (Some(from), Some(to)) = (from, to) {
            out.push(Conflict::Dates { from, to });
        }
    }
    if !e.settled && pairs().any(|(a, b)| a.status != b.status) {
        out.push(Conflict::Status);
    }
    if e.kind == EventKind::Capture && e.place.is_some() {
        for o in &story.events {
            let rival = o.id != e.id
                && o.kind == EventKind::Capture
                && o.place == e.place
                && sides_differ(e.actor, o.actor)
                && dates(e.date, o.date) != Dates::Apart;
            if rival {
                out.push(Conflict::Control(o.id.clone()));
            }
        }
    }
    out
}

fn sides_differ(a: Option<Actor>, b: Option<Actor>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// A story as `events.json` writes it: a story of one article needs no article list and no
/// sources (its events' own sentence, date and status are its one source's).
pub fn as_written(story: &Extraction) -> Extraction {
    let mut x = story.clone();
    if x.articles.len() <= 1 {
        x.articles.clear();
        for e in &mut x.events {
            e.sources.clear();
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PlaceId;

    fn event(kind: EventKind, place: &str, actor: Actor, date: &str, quote: &str) -> Event {
        let span = [0, quote.chars().count()];
        Event {
            date: date.parse().ok(),
            actor: Some(actor),
            place: Some(PlaceId::new(place)),
            confidence: 0.8,
            ..Event::told(EventId::new("e1"), kind, quote.into(), span)
        }
    }

    fn article(n: usize, events: Vec<Event>) -> (Article, Extraction) {
        let article = Article {
            id: ArticleId::new(format!("a{n}")),
            outlet: format!("Outlet {n}"),
            ..Article::default()
        };
        let x = Extraction {
            events,
            ..Extraction::default()
        };
        (article, x)
    }

    #[test]
    fn dates_agree_when_one_holds_the_other_and_differ_by_a_day() {
        let d = |s: &str| s.parse::<When>().ok();
        assert_eq!(dates(d("2020-06"), d("2020-06-05")), Dates::Agree);
        assert_eq!(dates(d("2020-06-05"), d("2020-06")), Dates::Agree);
        assert_eq!(dates(d("2020-06-05"), d("2020-06-05T16:00Z")), Dates::Agree);
        assert_eq!(dates(d("2020-06-05"), None), Dates::Agree);
        assert_eq!(dates(d("2020-06-05"), d("2020-06-06")), Dates::Differ);
        assert_eq!(dates(d("2020-06-05"), d("2020-06-08")), Dates::Apart);
        assert_eq!(dates(d("2020-05"), d("2020-06")), Dates::Apart);
    }

    #[test]
    fn each_thing_once_with_every_source_and_its_disagreements_flagged() {
        let mut story = Extraction::default();
        let (a1, x1) = article(
            1,
            vec![
                event(
                    EventKind::Capture,
                    "tarhuna",
                    Actor::Gna,
                    "2020-06",
                    "The GNA took Tarhuna in June.",
                ),
                event(
                    EventKind::Airstrike,
                    "sirte",
                    Actor::Gna,
                    "2020-06-06",
                    "Drones struck Sirte.",
                ),
            ],
        );
        let (a2, x2) = article(
            2,
            vec![
                event(
                    EventKind::Capture,
                    "tarhuna",
                    Actor::Gna,
                    "2020-06-05",
                    "Tarhuna fell on Friday.",
                ),
                Event {
                    status: Status::Claimed,
                    ..event(
                        EventKind::Airstrike,
                        "sirte",
                        Actor::Gna,
                        "2020-06-07",
                        "The GNA said it struck Sirte.",
                    )
                },
                event(
                    EventKind::Capture,
                    "tarhuna",
                    Actor::Lna,
                    "2020-06-05",
                    "The LNA said it held Tarhuna.",
                ),
            ],
        );
        add(&mut story, a1, x1);
        assert_eq!(add(&mut story, a2, x2), 2);
        assert_eq!(story.events.len(), 3);
        let tarhuna = &story.events[0];
        assert_eq!(tarhuna.reports(), 2);
        assert_eq!(
            tarhuna.date.map(|d| d.to_string()).as_deref(),
            Some("2020-06-05"),
            "the finest date wins"
        );
        let flagged = conflicts(&story);
        let strike = story.events[1].id.clone();
        let day = |s: &str| s.parse::<When>().ok();
        let (from, to) = (day("2020-06-06").unwrap(), day("2020-06-07").unwrap());
        let dated = (strike.clone(), Conflict::Dates { from, to });
        assert!(flagged.contains(&dated), "{flagged:?}");
        assert!(flagged.contains(&(strike.clone(), Conflict::Status)));
        assert!(flagged.contains(&(
            story.events[0].id.clone(),
            Conflict::Control(story.events[2].id.clone())
        )));
        // The desk settles the strike: it is flagged no more.
        story.events[1].settled = true;
        assert!(!conflicts(&story).iter().any(|(id, _)| id == &strike));
    }

    #[test]
    fn an_articles_own_events_never_join_each_other() {
        let mut story = Extraction::default();
        let said = |quote: &str| {
            event(
                EventKind::Statement,
                "tripoli",
                Actor::Un,
                "2020-06-08",
                quote,
            )
        };
        let (a1, x1) = article(
            1,
            vec![said("The envoy said…"), said("The coordinator said…")],
        );
        assert_eq!(add(&mut story, a1, x1), 0);
        assert_eq!(story.events.len(), 2, "two statements of a day are two");
        let (a2, x2) = article(2, vec![said("The envoy said so.")]);
        assert_eq!(
            add(&mut story, a2, x2),
            1,
            "another article's joins the first"
        );
        assert_eq!(story.events[0].reports(), 2);
    }

    #[test]
    fn a_report_joins_the_event_its_date_agrees_with_and_no_date_joins_none() {
        let mut story = Extraction::default();
        let shelling = |date: &str, quote: &str| {
            event(EventKind::Shelling, "tripoli", Actor::Lna, date, quote)
        };
        let (a1, x1) = article(
            1,
            vec![
                shelling("2020-06-04", "On Thursday…"),
                shelling("2020-06-05", "On Friday…"),
            ],
        );
        add(&mut story, a1, x1);
        let undated = Event {
            date: None,
            ..shelling("2020-06-05", "Shelling went on.")
        };
        let (a2, x2) = article(
            2,
            vec![shelling("2020-06-05", "Friday's shelling…"), undated],
        );
        assert_eq!(add(&mut story, a2, x2), 1);
        assert_eq!(story.events[0].reports(), 1, "not the day before");
        assert_eq!(story.events[1].reports(), 2, "the same day");
        assert_eq!(
            story.events.len(),
            3,
            "an undated report is an event of its own"
        );
        assert!(conflicts(&story).is_empty());
    }

    #[test]
    fn removing_an_article_takes_what_only_it_told_and_a_wrong_join_splits() {
        let mut story = Extraction::default();
        let (a1, x1) = article(
            1,
            vec![event(
                EventKind::Capture,
                "tarhuna",
                Actor::Gna,
                "2020-06",
                "First.",
            )],
        );
        let (a2, x2) = article(
            2,
            vec![
                event(
                    EventKind::Capture,
                    "tarhuna",
                    Actor::Gna,
                    "2020-06-05",
                    "Second.",
                ),
                event(
                    EventKind::Shelling,
                    "tripoli",
                    Actor::Lna,
                    "2020-06-05",
                    "Only the second.",
                ),
            ],
        );
        add(&mut story, a1, x1);
        add(&mut story, a2.clone(), x2);
        assert_eq!(story.events.len(), 2);
        let first = story.events[0].id.clone();
        let apart = split(&mut story, &first, 1).unwrap();
        assert_eq!(story.events.len(), 3);
        assert_eq!(story.events[0].quote, "First.");
        assert!(join(&mut story, &first, &apart));
        assert_eq!(story.events[0].reports(), 2);
        remove(&mut story, &a2.id);
        assert_eq!(
            story.events.len(),
            1,
            "the shelling only the second article told is gone"
        );
        assert_eq!(story.events[0].reports(), 1);
        assert_eq!(
            story.events[0].date.map(|d| d.to_string()).as_deref(),
            Some("2020-06")
        );
        assert_eq!(story.articles.len(), 1);
        assert!(
            as_written(&story).events[0].sources.is_empty(),
            "one article: no sources written"
        );
    }
}
