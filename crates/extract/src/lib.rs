//! Article HTML in, dated and placed events out, each with the sentence it came from.
//!
//! ```text
//! HTML ─document─▶ blocks ─text─▶ sentences, tokens ─names─▶ actors, places (knowledge)
//!                                          └─timex─▶ time expressions ─dct─▶ article date
//! sentences + names + times ─clause, rules─▶ events ─attribution─▶ reported or claimed
//!                           ─date─▶ dated events ─merge─▶ Extraction
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

pub mod attribution;
pub mod clause;
pub mod dct;
pub mod document;
pub mod eval;
pub mod knowledge;
pub mod names;
pub mod rules;
pub mod text;
pub mod timex;

use clause::View;
use knowledge::Knowledge;
use names::{Mention, Named};
use newsmap_core::model::date::{Date, Precision, When};
use newsmap_core::model::{
    Actor, Event, EventId, EventKind, Evidence, Extraction, PlaceId, Quote, Status,
};
use rules::{Fact, Found};
use rustc_hash::FxHashMap as HashMap;
use text::Sentence;
use timex::{Timex, Value};

/// Sentences longer than this many tokens are not prose (tables, runs of names, hostile
/// input) and are not read for events. Keeps extraction linear in the input.
const MAX_SENTENCE_TOKENS: usize = 400;

/// How many sentences back an undated event may take its date from.
const INHERIT_WINDOW: usize = 2;

/// How many supporting sentences an event keeps.
const MAX_ALSO: usize = 6;

/// What a desk tells the extractor beyond the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The article's publication date, for pages that do not show it ("--date 2020-06-06"):
    /// relative dates ("on Friday") resolve against it.
    pub date: Option<Date>,
}

/// A sentence with what the extractor found in it.
struct Analysed {
    sentence: Sentence,
    mentions: Vec<Mention>,
    timexes: Vec<Timex>,
}

/// An event with its date and provenance, before merging.
#[derive(Debug, Clone)]
struct Dated {
    found: Found,
    date: Option<When>,
    /// Whether the date comes from a time expression of the event's own sentence.
    explicit: bool,
    /// Whether the date is only the article's, for want of any other.
    weak: bool,
    basis: String,
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
    let analysed = analyse(k, &doc);
    let article_date = article_date(&doc, &analysed, options);
    let reading = read_events(k, &analysed, &article_date);
    let mut events = merge(reading.dated, &analysed, &doc);
    complete_with_facts(&mut events, &reading.facts, &analysed, &doc);
    events.sort_by_key(|e| e.span[0]);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = EventId::new(format!("e{}", i.saturating_add(1)));
    }
    Extraction {
        article_date: article_date.when,
        article_date_basis: article_date.basis,
        article_date_evidence: article_date.evidence,
        events,
    }
}

/// Splits the document into sentences and finds the names and time expressions of each;
/// sentences too long to be prose are kept with none.
fn analyse(k: &Knowledge, doc: &document::Document) -> Vec<Analysed> {
    let mut topic: Option<PlaceId> = None;
    text::sentences(doc)
        .into_iter()
        .map(|sentence| {
            let (mentions, timexes) = if sentence.tokens.len() > MAX_SENTENCE_TOKENS {
                (Vec::new(), Vec::new())
            } else {
                let mut mentions = names::mentions(k, &sentence.tokens);
                resolve_definite_places(k, &sentence.tokens, &mut mentions, &mut topic);
                (mentions, timex::find(&sentence.tokens))
            };
            Analysed {
                sentence,
                mentions,
                timexes,
            }
        })
        .collect()
}

/// The article's date: inferred from the document and the time expressions outside captions,
/// unless the desk gives it.
fn article_date(
    doc: &document::Document,
    analysed: &[Analysed],
    options: &Options,
) -> dct::ArticleDate {
    let for_dct: Vec<(&Sentence, &[Timex])> = analysed
        .iter()
        .filter(|a| a.sentence.evidence != Evidence::Caption)
        .map(|a| (&a.sentence, a.timexes.as_slice()))
        .collect();
    let article_date = dct::infer(doc, &for_dct);
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
    /// The actor that last did something, and the party that last spoke: for "they", "its
    /// forces" and "he said" in the sentences after.
    last_actor: Option<(Actor, usize)>,
    last_speaker: Option<Actor>,
}

/// Reads the events and facts of every sentence that is prose (not a heading, not too long),
/// each event dated.
fn read_events(k: &Knowledge, analysed: &[Analysed], article: &dct::ArticleDate) -> Reading {
    let mut reading = Reading::default();
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
        let view = View {
            k,
            tokens: &a.sentence.tokens,
            mentions: &a.mentions,
            antecedent: self.antecedent(analysed, index),
        };
        let timex_after = |i: usize| start_timex(k, a, i).is_some();
        self.facts
            .extend(rules::facts(&view).into_iter().map(|f| (f, index)));
        for found in rules::events(&view, &timex_after) {
            self.event(&view, a, index, found, article);
        }
        if let Some(s) = attribution::speaker(&view, view.len(), self.last_speaker) {
            self.last_speaker = Some(s);
        }
    }

    /// The actor a pronoun of sentence `index` most likely means: the last one that did
    /// something, within three sentences, else the first actor named in the sentence before.
    fn antecedent(&self, analysed: &[Analysed], index: usize) -> Option<Actor> {
        self.last_actor
            .filter(|(_, s)| index.saturating_sub(*s) <= 3)
            .map(|(actor, _)| actor)
            .or_else(|| {
                index
                    .checked_sub(1)
                    .and_then(|p| analysed.get(p))
                    .and_then(|p| p.mentions.iter().find_map(Mention::actor))
            })
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
        let future = timex::tense_before(&a.sentence.tokens, found.trigger) == timex::Tense::Future;
        if future && found.kind != EventKind::CeasefireEffective {
            return; // announced intentions are not events yet
        }
        // Whether a side only claims it matters for what happened on the ground; a
        // statement or an announcement is the speaker's own act.
        let status = if attribution::CLAIMABLE.contains(&found.kind) {
            attribution::status(view, found.trigger, self.last_speaker)
        } else {
            Status::Reported
        };
        if let Some(actor) = found.actor {
            self.last_actor = Some((actor, index));
        }
        let prev = event_before(&self.dated, &found, index);
        if let Some(mut d) = date_event(view.k, &found, a, index, prev, article) {
            d.status = status;
            self.dated.push(d);
        }
    }
}

/// The date and sentence of the event "just before" one found in sentence `index`: in an
/// earlier sentence, dated to the day by the text (not merely by the article's date), and a
/// thing that happened (not a ceasefire's future start). One at the same place, if any, is the
/// better guess ("the LNA said it had withdrawn from Tarhouna" follows the taking of Tarhouna,
/// not the event mentioned in between).
fn event_before(dated: &[Dated], found: &Found, index: usize) -> Option<(When, usize)> {
    let before: Vec<&Dated> = dated
        .iter()
        .filter(|d| {
            d.sentence < index
                && index.saturating_sub(d.sentence) <= INHERIT_WINDOW
                && !d.weak
                && d.date.is_some_and(|w| w.precision() >= Precision::Day)
                && d.found.kind != EventKind::CeasefireEffective
        })
        .collect();
    let same_place = before
        .iter()
        .rev()
        .find(|d| found.place_id().is_some() && d.found.place_id() == found.place_id());
    same_place
        .or(before.last())
        .and_then(|d| d.date.map(|w| (w, d.sentence)))
}

/// Resolves "the town", "the city", "the base" (not followed by "of") to the place they most
/// likely mean: the first place named earlier in the same sentence, else the topic place of
/// the last sentence that named one. Updates `topic` for the sentences that follow.
fn resolve_definite_places(
    k: &Knowledge,
    tokens: &[text::Token],
    mentions: &mut Vec<Mention>,
    topic: &mut Option<PlaceId>,
) {
    // "the capital" and a dateline ("TRIPOLI - …") do not make a place the topic.
    let is_capital = |m: &Mention| {
        tokens
            .get(m.first)
            .is_some_and(|t| t.is_any(&["the", "libya"]))
            || (m.first == 0
                && tokens
                    .get(m.last.saturating_add(1))
                    .is_some_and(|t| t.is_any(&["-", ",", "("]))
                && tokens
                    .get(m.first)
                    .is_some_and(|t| t.text.chars().all(|c| !c.is_lowercase())))
    };
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is("the") {
            continue;
        }
        let next = i.saturating_add(1);
        let noun = if tokens.get(next).is_some_and(|t| t.is("air"))
            && tokens
                .get(i.saturating_add(2))
                .is_some_and(|t| t.is("base"))
        {
            i.saturating_add(2)
        } else {
            next
        };
        let is_place_noun = tokens.get(noun).is_some_and(|t| {
            k.words.place_nouns.has_word(t)
                && !t.is_any(&["capital", "area", "district", "stronghold"])
        });
        let followed = tokens
            .get(noun.saturating_add(1))
            .is_some_and(|t| t.is_any(&["of", "'s"]));
        if !is_place_noun || followed || mentions.iter().any(|m| m.first <= noun && i <= m.last) {
            continue;
        }
        let here = mentions
            .iter()
            .filter(|m| m.last < i && !is_capital(m))
            .find_map(|m| m.place().cloned());
        if let Some(place) = here.or_else(|| topic.clone()) {
            added.push(Mention {
                first: i,
                last: noun,
                named: Named::Place(place),
            });
        }
    }
    added.extend(definite_facilities(k, tokens, mentions, topic.as_ref()));
    mentions.extend(added);
    mentions.sort_by_key(|m| m.first);
    if let Some(p) = mentions
        .iter()
        .filter(|m| !is_capital(m))
        .find_map(|m| m.place().cloned())
    {
        *topic = Some(p);
    }
}

/// "the international airport" in a sentence about Tripoli: the one facility of a town named
/// before (or of the topic) whose name has the describing words.
fn definite_facilities(
    k: &Knowledge,
    tokens: &[text::Token],
    mentions: &[Mention],
    topic: Option<&PlaceId>,
) -> Vec<Mention> {
    use knowledge::PlaceKind;
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is("the") {
            continue;
        }
        let Some(noun) = (i.saturating_add(1)..i.saturating_add(4)).find(|&j| {
            tokens
                .get(j)
                .is_some_and(|t| t.is_any(&["airport", "airbase", "base"]))
        }) else {
            continue;
        };
        let covered = mentions.iter().any(|m| m.first <= noun && i <= m.last);
        let followed = tokens
            .get(noun.saturating_add(1))
            .is_some_and(|t| t.is_any(&["of", "'s", "in", "at"]));
        if covered || followed {
            continue;
        }
        let words: Vec<&str> = tokens
            .get(i.saturating_add(1)..noun)
            .unwrap_or_default()
            .iter()
            .filter(|t| !t.is_any(&["air", "main", "city's", "town's"]))
            .map(|t| t.norm.as_str())
            .collect();
        let towns: Vec<&PlaceId> = mentions
            .iter()
            .filter(|m| m.last < i)
            .filter_map(Mention::place)
            .chain(topic)
            .collect();
        let mut candidates = k.places.iter().filter(|p| {
            matches!(p.kind, PlaceKind::Airport | PlaceKind::Airbase)
                && p.within.as_ref().is_some_and(|w| towns.contains(&w))
                && words.iter().all(|w| p.name.to_lowercase().contains(w))
        });
        if let (Some(only), None) = (candidates.next(), candidates.next()) {
            out.push(Mention {
                first: i,
                last: noun,
                named: Named::Place(only.id.clone()),
            });
        }
    }
    out
}

/// A time expression introduced by "from/starting/effective/as of" shortly after token `i`.
fn start_timex<'a>(k: &Knowledge, a: &'a Analysed, i: usize) -> Option<&'a Timex> {
    a.timexes.iter().find(|t| {
        t.first > i
            && t.first <= i.saturating_add(12)
            && (t
                .prep
                .as_deref()
                .is_some_and(|p| ["from", "starting", "effective"].contains(&p))
                || k.ceasefire
                    .effect
                    .find_in(&a.sentence.tokens, i.saturating_add(1), t.first)
                    .is_some())
    })
}

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateSource {
    /// A time expression of its own sentence (or one anchored on the event before it).
    Sentence,
    /// The event in the sentence before.
    EventBefore,
    /// The article's own date, for want of anything else.
    ArticleDate,
}

/// Years an event may be dated to; anything else is a misreading.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Dates one event: from the sentence's time expressions, else from the event just before
/// (same or previous sentence), else the article date. Without an article date, an event the
/// text dates only relatively is kept with no date and a basis that says why.
fn date_event(
    k: &Knowledge,
    found: &Found,
    a: &Analysed,
    index: usize,
    prev: Option<(When, usize)>,
    article: &dct::ArticleDate,
) -> Option<Dated> {
    let dating = Dating::new(found, a, index);
    // What a source says now ("UNSMIL condemns …") is said on the article's date.
    if found.present {
        return Some(dating.said_now(article));
    }
    let chosen: Option<&Timex> = if found.wants_start_date {
        start_timex(k, a, found.trigger)
    } else {
        own_timex(k, a, found)
    };
    if let Some(t) = chosen {
        return dating.by_timex(t, prev, article);
    }
    if found.wants_start_date || found.kind == EventKind::Uprising {
        return None;
    }
    if let Some(d) = dating.by_event_before(prev) {
        return Some(d);
    }
    Some(dating.by_article(article))
}

/// The time expression of its own sentence that dates an event: a duration that modifies the
/// trigger, else the nearest one that is not a ceasefire's start and not in a later clause.
fn own_timex<'a>(k: &Knowledge, a: &'a Analysed, found: &Found) -> Option<&'a Timex> {
    // A duration that modifies the trigger ("14-month offensive") dates its start.
    let duration = a.timexes.iter().find(|t| {
        matches!(t.value, Value::Duration(..)) && t.last.saturating_add(1) == found.trigger
    });
    let claimed = start_timex_of_ceasefire(k, a);
    duration.or_else(|| {
        a.timexes
            .iter()
            .filter(|t| !matches!(t.value, Value::Duration(..)))
            .filter(|t| claimed.is_none_or(|c| !std::ptr::eq(*t, c)))
            .filter(|t| !in_later_clause(&a.sentence.tokens, found.trigger, t.first))
            // "since the end of July 2019": when a series of strikes began, not when this
            // one fell; for an offensive ("waging an offensive since April") its start.
            .filter(|t| {
                !matches!(found.kind, EventKind::Airstrike | EventKind::Shelling)
                    || !(t.first.saturating_sub(4)..t.first)
                        .any(|k| a.sentence.tokens.get(k).is_some_and(|w| w.is("since")))
            })
            // The nearest, preferring one in the trigger's own clause: "After seizing
            // Zliten on Tuesday, GNA forces pushed toward Sirte on Saturday."
            .min_by_key(|t| {
                let (lo, hi) = (t.first.min(found.trigger), t.first.max(found.trigger));
                let comma = a
                    .sentence
                    .tokens
                    .get(lo..hi)
                    .is_some_and(|ts| ts.iter().any(|w| w.is(",")));
                t.first
                    .abs_diff(found.trigger)
                    .saturating_add(if comma { 6 } else { 0 })
            })
    })
}

/// One event being dated: what every way of dating it shares.
struct Dating<'a> {
    found: &'a Found,
    a: &'a Analysed,
    index: usize,
    /// The confidence before the date's own: the trigger's and the actor's, less in a
    /// caption.
    base: f64,
}

impl<'a> Dating<'a> {
    /// Event `found` of sentence `index`, about to be dated.
    fn new(found: &'a Found, a: &'a Analysed, index: usize) -> Dating<'a> {
        let evidence_factor = match a.sentence.evidence {
            Evidence::Caption => 0.6,
            _ => 1.0,
        };
        let base = found.trigger_confidence * found.actor_confidence.max(0.5) * evidence_factor;
        Dating {
            found,
            a,
            index,
            base,
        }
    }

    /// The event with a date (dropped when out of [`YEARS`]), its basis and a confidence
    /// `factor` for how the date was found.
    fn make(
        &self,
        date: Option<When>,
        basis: String,
        local_time: Option<String>,
        factor: f64,
        source: DateSource,
    ) -> Dated {
        let date = date.filter(|w| YEARS.contains(&w.first_day().year));
        Dated {
            found: self.found.clone(),
            date,
            explicit: source == DateSource::Sentence && date.is_some(),
            weak: source == DateSource::ArticleDate,
            basis,
            local_time,
            confidence: (self.base * factor * 100.0).round() / 100.0,
            sentence: self.index,
            evidence: self.a.sentence.evidence,
            status: Status::Reported,
        }
    }

    /// The event left undated for want of the article's date; `what` says what dated it.
    fn undated(&self, what: &str) -> Dated {
        self.make(
            None,
            format!(
                "{what}, and the article's date is unknown: give it (--date) to place the event"
            ),
            None,
            0.5,
            DateSource::ArticleDate,
        )
    }

    /// Said in the present tense: the article's date.
    fn said_now(&self, article: &dct::ArticleDate) -> Dated {
        match article.day() {
            Some(d) => self.make(
                Some(When::Day(d)),
                "said in the present tense: the article date".to_owned(),
                None,
                0.9 * article.confidence.max(0.5),
                DateSource::Sentence,
            ),
            None => self.undated("said in the present tense"),
        }
    }

    /// Dated by a time expression of the sentence: resolved against the article's date, or
    /// against the event before for "a day later". `None` for a time too vague to place.
    fn by_timex(
        &self,
        t: &Timex,
        prev: Option<(When, usize)>,
        article: &dct::ArticleDate,
    ) -> Option<Dated> {
        if t.value == Value::Vague {
            return None; // "in recent weeks": cannot be put on the time line
        }
        if let Value::AnchorDays { days, clause } = t.value {
            return self.by_anchor(t, days, clause, prev, article);
        }
        let relative = !matches!(t.value, Value::Absolute(_));
        match article.day() {
            Some(d) => t.resolve(d).map(|(when, basis)| {
                let factor = if relative {
                    0.95 * article.confidence
                } else {
                    1.0
                };
                self.make(
                    Some(when),
                    basis,
                    t.local_time.clone(),
                    factor,
                    DateSource::Sentence,
                )
            }),
            None => Some(match t.value {
                Value::Absolute(w) => self.make(
                    Some(t.with_time(w)),
                    "stated in full".to_owned(),
                    t.local_time.clone(),
                    1.0,
                    DateSource::Sentence,
                ),
                _ => self.undated("a relative date in the sentence"),
            }),
        }
    }

    /// "A day later", "a day after …": `days` from the event before, when that is dated to
    /// the day; counted the other way when the expression opens a clause the trigger follows.
    fn by_anchor(
        &self,
        t: &Timex,
        days: i64,
        clause: bool,
        prev: Option<(When, usize)>,
        article: &dct::ArticleDate,
    ) -> Option<Dated> {
        let (anchor, _) = prev.filter(|(w, _)| w.precision() >= Precision::Day)?;
        let anchor = anchor.first_day();
        let shift = if clause && self.found.trigger > t.last {
            days.saturating_neg()
        } else {
            days
        };
        let day = anchor.add_days(shift);
        let basis = format!("{shift:+} day(s) from the event before it ({anchor})");
        Some(self.make(
            Some(When::Day(day)),
            basis,
            None,
            0.9 * article.confidence.max(0.8),
            DateSource::Sentence,
        ))
    }

    /// No date in the sentence: that of the event just before, when it is dated to the day
    /// and close enough.
    fn by_event_before(&self, prev: Option<(When, usize)>) -> Option<Dated> {
        let (w, _) = prev.filter(|(w, s)| {
            self.index.saturating_sub(*s) <= INHERIT_WINDOW && w.precision() >= Precision::Day
        })?;
        let day = w.truncate(Precision::Day);
        let basis =
            format!("no date in the sentence: that of the event in the sentence before ({day})");
        Some(self.make(Some(day), basis, None, 0.7, DateSource::EventBefore))
    }

    /// No date in the sentence nor before it: the article's date, weakly.
    fn by_article(&self, article: &dct::ArticleDate) -> Dated {
        match article.day() {
            Some(d) => self.make(
                Some(When::Day(d)),
                "no date in the sentence: the article date".to_owned(),
                None,
                0.6 * article.confidence.max(0.5),
                DateSource::ArticleDate,
            ),
            None => self.undated("no date in the sentence"),
        }
    }
}

/// Whether the time expression at `timex` belongs to a clause of its own after the trigger:
/// "entered the town hours after the government announced on Thursday that …".
fn in_later_clause(tokens: &[text::Token], trigger: usize, timex: usize) -> bool {
    let Some(between) = tokens.get(trigger.saturating_add(1)..timex) else {
        return false;
    };
    let Some(sub) = between
        .iter()
        .position(|t| t.is_any(&["after", "before", "since", "when", "while", "as", "until"]))
    else {
        return false;
    };
    between.iter().skip(sub.saturating_add(1)).any(|t| {
        t.kind == text::TokenKind::Word
            && (t.norm.ends_with("ed")
                || t.is_any(&["said", "says", "took", "began", "fell", "came"]))
    })
}

/// The time expression a ceasefire in this sentence takes effect at, which no other event of
/// the sentence may take as its own date.
fn start_timex_of_ceasefire<'a>(k: &Knowledge, a: &'a Analysed) -> Option<&'a Timex> {
    let c = k
        .ceasefire
        .words
        .find_in(&a.sentence.tokens, 0, a.sentence.tokens.len())?;
    start_timex(k, a, c)
}

fn quote_of(analysed: &[Analysed], doc_chars: &[char], sentence: usize) -> Quote {
    let Some(s) = analysed.get(sentence).map(|a| &a.sentence) else {
        return Quote {
            quote: String::new(),
            span: [0, 0],
        };
    };
    Quote {
        quote: doc_chars
            .get(s.start..s.end)
            .unwrap_or_default()
            .iter()
            .collect(),
        span: [s.start, s.end],
    }
}

/// Whether two dates can name the same event: equal, or one within the other.
fn compatible(a: Option<When>, b: Option<When>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || a.contains(b) || b.contains(a),
        (None, None) => true,
        _ => false,
    }
}

/// The key events merge on: kind, actor and place (the gazetteer's id, or the name as
/// written for a place it does not know).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct MergeKey {
    kind: EventKind,
    actor: Option<Actor>,
    place: Option<String>,
}

fn merge_key(f: &Found) -> MergeKey {
    let place = f.place.as_ref().map(|p| match &p.id {
        Some(id) => id.to_string(),
        None => format!("?{}", p.name.to_lowercase()),
    });
    MergeKey {
        kind: f.kind,
        actor: f.actor,
        place,
    }
}

/// The key of a group that has no member: none, but a key is needed to keep the groups and
/// their keys in step.
const NO_KEY: MergeKey = MergeKey {
    kind: EventKind::Uprising,
    actor: None,
    place: None,
};

/// Merges what several sentences say about one event: same kind, actor and place, and
/// compatible dates. The most precise date wins, and its sentence becomes the quote.
fn merge(dated: Vec<Dated>, analysed: &[Analysed], doc: &document::Document) -> Vec<Event> {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut groups = Groups::of(dated);
    groups.join_unnamed_actors();
    groups
        .members
        .into_iter()
        .filter_map(|group| event_of_group(&group, analysed, &chars))
        .collect()
}

/// Mentions grouped as events.
struct Groups {
    members: Vec<Vec<Dated>>,
    /// Per group, its finest date. Calendar periods form a tree, so a date that nests with a
    /// group's finest date nests with every date of the group.
    finest: Vec<Option<When>>,
}

impl Groups {
    /// Groups mentions on their key and compatible dates.
    fn of(dated: Vec<Dated>) -> Groups {
        let mut groups = Groups {
            members: Vec::new(),
            finest: Vec::new(),
        };
        let mut index: HashMap<MergeKey, Vec<usize>> = HashMap::default();
        // Dated mentions first: an offensive mentioned again without a date of its own ("its
        // offensive on Tripoli") is the one already dated, whatever date it was given.
        let (explicit, implicit): (Vec<Dated>, Vec<Dated>) =
            dated.into_iter().partition(|d| d.explicit);
        for d in explicit.into_iter().chain(implicit) {
            let slot = index.entry(merge_key(&d.found)).or_default();
            // A mention dated only by the article or the sentence before ("condemns the
            // shelling of Mitiga") is the same event as one the text dates, whatever date it
            // was given.
            let undated = !d.explicit;
            let finest = &groups.finest;
            let group = slot
                .iter()
                .copied()
                .find(|&g| undated || finest.get(g).is_some_and(|f| compatible(*f, d.date)));
            match group {
                Some(g) => groups.add_to(g, d),
                None => {
                    slot.push(groups.members.len());
                    groups.finest.push(d.date);
                    groups.members.push(vec![d]);
                }
            }
        }
        groups
    }

    /// Adds a mention to group `g`, whose finest date it may refine.
    fn add_to(&mut self, g: usize, d: Dated) {
        if let Some(f) = self.finest.get_mut(g)
            && d.date.map(When::precision) > f.map(When::precision)
        {
            *f = d.date;
        }
        if let Some(members) = self.members.get_mut(g) {
            members.push(d);
        }
    }

    /// A mention that names nobody ("Mitiga airport was shelled on Sunday") is the event a
    /// sentence tells with its actor, when there is one of the same kind, place and date.
    fn join_unnamed_actors(&mut self) {
        let mut keys: Vec<MergeKey> = self
            .members
            .iter()
            .map(|g| g.first().map(|d| merge_key(&d.found)).unwrap_or(NO_KEY))
            .collect();
        let mut g = 0;
        while g < self.members.len() {
            let key = keys.get(g).cloned().unwrap_or(NO_KEY);
            let date = self.finest.get(g).copied().flatten();
            let target = (key.actor.is_none() && key.place.is_some())
                .then(|| {
                    (0..self.members.len()).find(|&h| {
                        h != g
                            && keys.get(h).is_some_and(|k| {
                                k.kind == key.kind && k.actor.is_some() && k.place == key.place
                            })
                            && self.finest.get(h).is_some_and(|f| compatible(*f, date))
                    })
                })
                .flatten();
            match target {
                Some(h) => {
                    let moved = self.members.remove(g);
                    keys.remove(g);
                    self.finest.remove(g);
                    let h = if h > g { h.saturating_sub(1) } else { h };
                    if let Some(into) = self.members.get_mut(h) {
                        into.extend(moved);
                    }
                }
                None => g = g.saturating_add(1),
            }
        }
    }
}

/// One event from the sentences that say it.
fn event_of_group(group: &[Dated], analysed: &[Analysed], chars: &[char]) -> Option<Event> {
    let best = group.iter().max_by(|a, b| {
        a.explicit
            .cmp(&b.explicit)
            .then(
                a.date
                    .map(When::precision)
                    .cmp(&b.date.map(When::precision)),
            )
            .then(a.confidence.total_cmp(&b.confidence))
            .then(b.sentence.cmp(&a.sentence))
    })?;
    let primary = quote_of(analysed, chars, best.sentence);
    let mut also: Vec<Quote> = Vec::new();
    for d in group {
        let q = quote_of(analysed, chars, d.sentence);
        if q.span != primary.span && !also.iter().any(|a| a.span == q.span) && also.len() < MAX_ALSO
        {
            also.push(q);
        }
    }
    let confidence = group.iter().map(|d| d.confidence).fold(0.0, f64::max);
    // Agreement between sentences raises confidence a little.
    let agreeing = group.len().saturating_sub(1).min(2) as f64;
    let confidence = (confidence + 0.05 * agreeing).min(0.99);
    let f = &best.found;
    // Reported when any sentence states it in the article's own voice.
    let status = if group.iter().any(|d| d.status == Status::Reported) {
        Status::Reported
    } else {
        Status::Claimed
    };
    Some(Event {
        id: EventId::default(),
        kind: f.kind,
        date: best.date,
        precision: best.date.map(When::precision),
        date_basis: best.basis.clone(),
        local_time: best.local_time.clone(),
        actor: f.actor.or_else(|| group.iter().find_map(|d| d.found.actor)),
        place: f.place_id().cloned(),
        place_name: f.place.as_ref().map(|p| p.name.clone()),
        from: group.iter().find_map(|d| d.found.from),
        to: if f.kind == EventKind::Capture {
            f.actor.or_else(|| group.iter().find_map(|d| d.found.actor))
        } else {
            None
        },
        origin: group.iter().find_map(|d| d.found.origin.clone()),
        count: group.iter().find_map(|d| d.found.count),
        stance: group.iter().find_map(|d| d.found.stance),
        status,
        quote: primary.quote,
        span: primary.span,
        confidence: (confidence * 100.0).round() / 100.0,
        evidence: best.evidence,
        also,
    })
}

/// Fills what events leave open from the relations the article states elsewhere: who held a
/// captured place, where an offensive started from.
fn complete_with_facts(
    events: &mut [Event],
    facts: &[(Fact, usize)],
    analysed: &[Analysed],
    doc: &document::Document,
) {
    let chars: Vec<char> = doc.text.chars().collect();
    for e in events.iter_mut() {
        for (fact, sentence) in facts {
            let used = match fact {
                Fact::Holds { place, actor }
                    if e.kind == EventKind::Capture && e.from.is_none() =>
                {
                    let applies = e.place.as_ref() == Some(place) && e.actor != Some(*actor);
                    if applies {
                        e.from = Some(*actor);
                    }
                    applies
                }
                Fact::Origin {
                    origin,
                    target,
                    actor,
                } if e.kind == EventKind::Offensive && e.origin.is_none() => {
                    let applies = e.place.as_ref() == Some(target)
                        && actor.is_none_or(|a| Some(a) == e.actor);
                    if applies {
                        e.origin = Some(origin.clone());
                    }
                    applies
                }
                _ => false,
            };
            if used {
                let q = quote_of(analysed, &chars, *sentence);
                if q.span != e.span
                    && !e.also.iter().any(|a| a.span == q.span)
                    && e.also.len() < MAX_ALSO
                {
                    e.also.push(q);
                }
            }
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
        assert!(
            out.events[1].date_basis.contains("--date"),
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
}
