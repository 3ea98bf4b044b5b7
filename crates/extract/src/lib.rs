//! Article HTML in, dated and placed events out, each with the sentence it came from.
//!
//! ```text
//! HTML ─document─▶ blocks ─text─▶ sentences, tokens ─names─▶ actors, places (knowledge)
//!                                          └─timex─▶ time expressions ─dct─▶ article date
//! sentences + names + times ─clause, rules─▶ events ─attribution─▶ reported or claimed
//!            └─coreference─▶ "the town", "they"   ─dating─▶ dated events ─merging─▶ Extraction
//! ```
//!
//! Pure Rust: builds natively and for wasm32. Every input gives a result: text that is not
//! an article simply yields no events.
//!
//! ```
//! let html = "<p>Forces of the Tripoli government seized Gharyan on Wednesday.</p>\
//!             <p>Published <time datetime=\"2019-06-27\">June 27, 2019</time></p>";
//! let out = newsmap_extract::extract(html);
//! assert_eq!(out.article_date.ok_or("no date")?.to_string(), "2019-06-27");
//! let e = &out.events[0];
//! assert_eq!(e.kind.id(), "capture");
//! assert_eq!(e.date.ok_or("undated")?.to_string(), "2019-06-26");
//! assert_eq!(e.place.as_ref().ok_or("no place")?.as_str(), "gharyan");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// No panic on any input: no indexing that can go out of range and no arithmetic that can
// overflow, outside the tests.
#![cfg_attr(
    not(test),
    deny(clippy::indexing_slicing, clippy::arithmetic_side_effects)
)]

pub mod aliases;
pub mod attribution;
pub mod clause;
pub mod coreference;
pub mod dating;
pub mod dct;
pub mod document;
pub mod eval;
pub mod function_words;
pub mod knowledge;
pub mod merging;
pub mod names;
pub mod rules;
pub mod text;
pub mod timex;
pub mod tokens;

use clause::View;
use coreference::Discourse;
use knowledge::Knowledge;
use names::Mention;
use newsmap_core::model::date::{Date, When};
use newsmap_core::model::{EventId, EventKind, Evidence, Extraction, PlaceId, Status, Undated};
use rules::{Fact, Found};
use text::Sentence;
use timex::Timex;

/// Sentences longer than this many tokens are not prose (tables, runs of names, hostile
/// input) and are not read for events. Keeps extraction linear in the input.
const MAX_SENTENCE_TOKENS: usize = 400;

/// What a desk tells the extractor beyond the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The article's publication date, for pages that do not show it ("--date 2020-06-06"):
    /// relative dates ("on Friday") resolve against it.
    pub date: Option<Date>,
}

/// A sentence with what the extractor found in it.
pub(crate) struct Analysed {
    sentence: Sentence,
    mentions: Vec<Mention>,
    timexes: Vec<Timex>,
}

/// An event with its date and provenance, before merging.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    found: Found,
    date: Option<When>,
    /// Whether the date comes from a time expression of the event's own sentence.
    explicit: bool,
    /// Whether the date is only the article's, for want of any other.
    weak: bool,
    basis: String,
    /// Why `date` is `None`, when a remedy is known.
    undated: Option<Undated>,
    local_time: Option<String>,
    confidence: f64,
    sentence: usize,
    evidence: Evidence,
    status: Status,
}

/// Extracts the events of an article with the shipped knowledge.
pub fn extract(html: &str) -> Extraction {
    extract_with(html, Knowledge::builtin(), &Options::default())
}

/// Extracts the events of an article with the given knowledge and options.
pub fn extract_with(html: &str, k: &Knowledge, options: &Options) -> Extraction {
    let doc = document::parse(html);
    let (analysed, aliases) = analyse(k, &doc);
    let article_date = article_date(k, &doc, &analysed, options);
    let reading = read_events(k, &analysed, &article_date);
    let mut events = merging::merge(reading.dated, &analysed, &doc);
    merging::complete_with_facts(&mut events, &reading.facts, &analysed, &doc);
    events.sort_by_key(|e| e.span[0]);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = EventId::new(format!("e{}", i.saturating_add(1)));
    }
    Extraction {
        article_date: article_date.when,
        article_date_basis: article_date.basis,
        article_date_evidence: article_date.evidence,
        aliases: side_names(&aliases, &analysed, &doc),
        articles: Vec::new(),
        events,
    }
}

/// The article's own names for the sides, each with the sentence that says whose it is.
fn side_names(
    aliases: &aliases::Aliases,
    analysed: &[Analysed],
    doc: &document::Document,
) -> Vec<newsmap_core::model::SideName> {
    let chars: Vec<char> = doc.text.chars().collect();
    aliases
        .names
        .iter()
        .map(|a| {
            let q = merging::quote_of(analysed, &chars, a.sentence);
            newsmap_core::model::SideName {
                name: a.name.clone(),
                actor: a.actor,
                quote: q.quote,
                span: q.span,
            }
        })
        .collect()
}

/// Splits the document into sentences and finds the names and time expressions of each;
/// sentences too long to be prose are kept with none.
fn analyse(k: &Knowledge, doc: &document::Document) -> (Vec<Analysed>, aliases::Aliases) {
    let sentences = text::sentences(k, doc);
    let prose = |s: &Sentence| s.tokens.len() <= MAX_SENTENCE_TOKENS;
    let mut mentions: Vec<Vec<Mention>> = sentences
        .iter()
        .map(|s| {
            if prose(s) {
                names::mentions(k, &s.tokens)
            } else {
                Vec::new()
            }
        })
        .collect();
    // The article's own names for the sides, read from the whole text first: a name may be
    // used before the sentence that says whose it is.
    let pairs: Vec<(&[tokens::Token], &[Mention])> = sentences
        .iter()
        .zip(&mentions)
        .map(|(s, m)| (s.tokens.as_slice(), m.as_slice()))
        .collect();
    let aliases = aliases::read(k, &pairs);
    let mut topic: Option<PlaceId> = None;
    let analysed = sentences
        .into_iter()
        .zip(mentions.iter_mut())
        .map(|(sentence, mentions)| {
            let mut mentions = std::mem::take(mentions);
            let timexes = if prose(&sentence) {
                aliases.mark(k, &sentence.tokens, &mut mentions);
                coreference::resolve_definite_places(
                    k,
                    &sentence.tokens,
                    &mut mentions,
                    &mut topic,
                );
                timex::find(k, &sentence.tokens)
            } else {
                Vec::new()
            };
            Analysed {
                sentence,
                mentions,
                timexes,
            }
        })
        .collect();
    (analysed, aliases)
}

/// The article's date: inferred from the document and the time expressions outside captions,
/// unless the desk gives it.
fn article_date(
    k: &Knowledge,
    doc: &document::Document,
    analysed: &[Analysed],
    options: &Options,
) -> dct::ArticleDate {
    let for_dct: Vec<(&Sentence, &[Timex])> = analysed
        .iter()
        .filter(|a| a.sentence.evidence != Evidence::Caption)
        .map(|a| (&a.sentence, a.timexes.as_slice()))
        .collect();
    let article_date = dct::infer(k, doc, &for_dct);
    match options.date {
        Some(d) => article_date.given(d),
        None => article_date,
    }
}

/// What reading the sentences in order gathers: the dated events and the facts, and what a
/// sentence leaves for the ones after it.
#[derive(Default)]
struct Reading {
    dated: Vec<Dated>,
    facts: Vec<(Fact, usize)>,
    discourse: Discourse,
}

/// Reads the events and facts of every sentence that is prose (not a heading, not too long),
/// each event dated.
fn read_events(k: &Knowledge, analysed: &[Analysed], article: &dct::ArticleDate) -> Reading {
    let mut reading = Reading::default();
    reading.discourse.voice = coreference::voice(analysed.iter().map(|a| a.mentions.as_slice()));
    for (index, a) in analysed.iter().enumerate() {
        if a.sentence.evidence == Evidence::Heading || a.sentence.tokens.len() > MAX_SENTENCE_TOKENS
        {
            continue;
        }
        reading.sentence(k, analysed, index, article);
    }
    reading
}

impl Reading {
    /// Reads sentence `index`: its facts, its events, and who speaks in it.
    fn sentence(
        &mut self,
        k: &Knowledge,
        analysed: &[Analysed],
        index: usize,
        article: &dct::ArticleDate,
    ) {
        let Some(a) = analysed.get(index) else {
            return;
        };
        let previous = index
            .checked_sub(1)
            .and_then(|p| analysed.get(p))
            .map(|p| p.mentions.as_slice());
        let view = View {
            k,
            tokens: &a.sentence.tokens,
            mentions: &a.mentions,
            antecedent: self.discourse.antecedent(index, previous),
            voice: self.discourse.voice,
        };
        let timex_after = |i: usize| dating::start_timex(k, a, i).is_some();
        let timex_names = |i: usize| dating::naming_timex(a, i).is_some();
        let times = rules::Times {
            after: &timex_after,
            names: &timex_names,
        };
        self.facts
            .extend(rules::facts(&view).into_iter().map(|f| (f, index)));
        for found in rules::events(&view, &times) {
            self.event(&view, a, index, found, article);
        }
        if let Some(s) = attribution::speaker(&view, view.len(), self.discourse.last_speaker) {
            self.discourse.last_speaker = Some(s);
        }
    }

    /// Keeps one event a rule found in sentence `index`, with its status and date, unless it
    /// is only announced for the future.
    fn event(
        &mut self,
        view: &View,
        a: &Analysed,
        index: usize,
        found: Found,
        article: &dct::ArticleDate,
    ) {
        let future =
            timex::tense_before(view.k, &a.sentence.tokens, found.trigger) == timex::Tense::Future;
        if future && found.kind != EventKind::CeasefireEffective {
            return; // announced intentions are not events yet
        }
        // Whether a side only claims it matters for what happened on the ground; a
        // statement or an announcement is the speaker's own act.
        let status = if attribution::CLAIMABLE.contains(&found.kind) {
            attribution::status(view, found.trigger, self.discourse.last_speaker)
        } else {
            Status::Reported
        };
        if let Some(actor) = found.actor {
            self.discourse.last_actor = Some((actor, index));
        }
        let before = dating::event_before(&self.dated, &found, index);
        if let Some(mut d) = dating::date_event(view.k, &found, a, index, before, article) {
            d.status = status;
            self.dated.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_gives_nothing_out() {
        for input in [
            "",
            "   ",
            "<html></html>",
            "\u{0}\u{1}\u{2}",
            "plain text without events",
        ] {
            let out = extract(input);
            assert!(out.events.is_empty(), "{input:?}");
        }
    }

    #[test]
    fn spans_index_the_decoded_text() {
        let html = "<p>Libya&#x2019;s GNA seized Tarhuna on Friday.</p><p>Published <time datetime=\"2020-06-06\">today</time>.</p>";
        let out = extract(html);
        let doc = document::parse(html);
        let e = &out.events[0];
        assert_eq!(doc.slice(e.span[0], e.span[1]), e.quote);
        assert_eq!(e.quote, "Libya’s GNA seized Tarhuna on Friday.");
        assert_eq!(e.date.map(|d| d.to_string()).as_deref(), Some("2020-06-05"));
    }

    #[test]
    fn a_page_without_a_date_keeps_absolute_dates_and_leaves_relative_ones_open() {
        let html =
            "<p>The LNA took Sirte in January 2020.</p><p>The GNA seized Tarhuna on Friday.</p>";
        let out = extract(html);
        assert_eq!(out.article_date, None);
        let dates: Vec<Option<String>> = out
            .events
            .iter()
            .map(|e| e.date.map(|d| d.to_string()))
            .collect();
        assert_eq!(dates, [Some("2020-01".to_owned()), None]);
        assert_eq!(out.events[0].undated, None);
        assert_eq!(out.events[1].undated, Some(Undated::ArticleDateUnknown));
        assert!(
            out.events[1]
                .date_basis
                .contains("the article's date is unknown"),
            "{}",
            out.events[1].date_basis
        );

        let given = extract_with(
            html,
            Knowledge::builtin(),
            &Options {
                date: Date::new(2020, 6, 6),
            },
        );
        assert_eq!(
            given.article_date.map(|d| d.to_string()).as_deref(),
            Some("2020-06-06")
        );
        assert_eq!(
            given.events[1].date.map(|d| d.to_string()).as_deref(),
            Some("2020-06-05")
        );
    }

    #[test]
    fn unknown_places_are_named_for_the_desk() {
        let out = extract(
            "<p>Published <time datetime=\"2019-04-10\"></time></p><p>Government forces retook Aziziya and Swani on Tuesday.</p><p>LNA forces seized Abu Arqub on Wednesday.</p>",
        );
        let named: Vec<(Option<&str>, Option<&str>)> = out
            .events
            .iter()
            .map(|e| {
                (
                    e.place.as_ref().map(|p| p.as_str()),
                    e.place_name.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (Some("aziziya"), Some("Aziziya")),
                (Some("swani"), Some("Swani")),
                (None, Some("Abu Arqub"))
            ]
        );
    }

    #[test]
    fn a_place_named_within_another_is_where_the_text_puts_it() {
        let out = extract(concat!(
            "<p>Published <time datetime=\"2020-04-08\"></time></p>",
            "<p>Shelling hit Al Khadra General Hospital in Tripoli on Tuesday.</p>",
            "<p>Shelling hit Mitiga airport in Tripoli on Tuesday.</p>",
            "<p>Air strikes hit the Equestrian Club in the Janzour neighbourhood on Tuesday.</p>",
            "<p>Air strikes hit a detention centre in Tajoura, in eastern Tripoli, on Tuesday.</p>",
        ));
        let places: Vec<Option<&str>> = out
            .events
            .iter()
            .map(|e| e.place.as_ref().map(|p| p.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                Some("tripoli"),
                Some("mitiga"),
                Some("janzour"),
                Some("tajoura")
            ],
            "a hospital named for a town elsewhere is in Tripoli; Tripoli's own airport is \
             Mitiga; a club in Janzour is Janzour; Tajoura 'in eastern Tripoli' is one place"
        );
    }
}
