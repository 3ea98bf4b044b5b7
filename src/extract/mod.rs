//! Article HTML in, dated and placed events out, each with the sentence it came from.
//!
//! ```text
//! HTML ─document─▶ blocks ─text─▶ sentences, tokens ─lexicon─▶ actors, places
//!                                          └─timex─▶ time expressions ─dct─▶ article date
//! sentences + names + times ─rules─▶ events ─date─▶ dated events ─merge─▶ Extraction
//! ```
//!
//! Pure Rust: builds natively and for wasm32. Every input gives a result: text that is not
//! an article simply yields no events.
//!
//! ```
//! let html = "<p>Forces of the Tripoli government seized Gharyan on Wednesday.</p>\
//!             <p>Published <time datetime=\"2019-06-27\">June 27, 2019</time></p>";
//! let out = newsmap::extract::extract(html);
//! assert_eq!(out.article_date.ok_or("no date")?.to_string(), "2019-06-27");
//! let e = &out.events[0];
//! assert_eq!((e.kind.id(), e.date.to_string()), ("capture", "2019-06-26".to_owned()));
//! assert_eq!(e.place.as_ref().ok_or("no place")?.as_str(), "gharyan");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod dct;
pub mod document;
pub mod lexicon;
pub mod rules;
pub mod text;
pub mod timex;

use crate::date::{Date, Precision, When};
use crate::model::{Event, EventKind, Evidence, Extraction, PlaceId, Quote};
use lexicon::Mention;
use rules::{Fact, Found, View};
use std::collections::HashMap;
use text::Sentence;
use timex::{Timex, Value};

/// Sentences longer than this many tokens are not prose (tables, runs of names, hostile
/// input) and are not read for events. Keeps extraction linear in the input.
const MAX_SENTENCE_TOKENS: usize = 400;

/// How many sentences back an undated event may take its date from.
const INHERIT_WINDOW: usize = 2;

/// How many supporting sentences an event keeps.
const MAX_ALSO: usize = 6;

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
    date: When,
    /// Whether the date comes from a time expression of the event's own sentence.
    explicit: bool,
    /// Whether the date is only the article's, for want of any other.
    weak: bool,
    basis: String,
    local_time: Option<String>,
    confidence: f64,
    sentence: usize,
    evidence: Evidence,
}

/// Extracts the events of an article.
pub fn extract(html: &str) -> Extraction {
    let doc = document::parse(html);
    let lexicon = lexicon::shared();
    let mut topic: Option<PlaceId> = None;
    let analysed: Vec<Analysed> = text::sentences(&doc)
        .into_iter()
        .map(|sentence| {
            let (mentions, timexes) = if sentence.tokens.len() > MAX_SENTENCE_TOKENS {
                (Vec::new(), Vec::new())
            } else {
                let mut mentions = lexicon.mentions(&sentence.tokens);
                resolve_definite_places(&sentence.tokens, &mut mentions, &mut topic);
                (mentions, timex::find(&sentence.tokens))
            };
            Analysed {
                sentence,
                mentions,
                timexes,
            }
        })
        .collect();

    let for_dct: Vec<(&Sentence, &[Timex])> = analysed
        .iter()
        .filter(|a| a.sentence.evidence != Evidence::Caption)
        .map(|a| (&a.sentence, a.timexes.as_slice()))
        .collect();
    let article_date = dct::infer(&doc, &for_dct);

    let mut dated: Vec<Dated> = Vec::new();
    let mut facts: Vec<(Fact, usize)> = Vec::new();
    for (index, a) in analysed.iter().enumerate() {
        if a.sentence.evidence == Evidence::Heading || a.sentence.tokens.len() > MAX_SENTENCE_TOKENS
        {
            continue;
        }
        let antecedent = index
            .checked_sub(1)
            .and_then(|p| analysed[p].mentions.iter().find_map(Mention::actor));
        let view = View {
            tokens: &a.sentence.tokens,
            mentions: &a.mentions,
            antecedent,
        };
        let timex_after = |i: usize| start_timex(a, i).is_some();
        facts.extend(rules::facts(&view).into_iter().map(|f| (f, index)));
        for found in rules::events(&view, &timex_after) {
            let future =
                timex::tense_before(&a.sentence.tokens, found.trigger) == timex::Tense::Future;
            if future && found.kind != EventKind::CeasefireEffective {
                continue; // announced intentions are not events yet
            }
            // The event "just before": in an earlier sentence, dated to the day by the text
            // (not merely by the article's date), and a thing that happened (not a
            // ceasefire's future start). One at the same place, if any, is the better guess
            // ("the LNA said it had withdrawn from Tarhouna" follows the taking of Tarhouna,
            // not the event mentioned in between).
            let before: Vec<&Dated> = dated
                .iter()
                .filter(|d| {
                    d.sentence < index
                        && index - d.sentence <= INHERIT_WINDOW
                        && !d.weak
                        && d.date.precision() >= Precision::Day
                        && d.found.kind != EventKind::CeasefireEffective
                })
                .collect();
            let same_place = before
                .iter()
                .rev()
                .find(|d| found.place.is_some() && d.found.place == found.place);
            let prev = same_place.or(before.last()).map(|d| (d.date, d.sentence));
            if let Some(d) = date_event(
                &found,
                a,
                index,
                prev,
                article_date.day(),
                article_date.confidence,
            ) {
                dated.push(d);
            }
        }
    }

    let mut events = merge(dated, &analysed, &doc);
    complete_with_facts(&mut events, &facts, &analysed, &doc);
    events.sort_by_key(|e| e.span[0]);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    Extraction {
        article_date: article_date.when,
        article_date_basis: article_date.basis,
        article_date_evidence: article_date.evidence,
        events,
    }
}

const DEFINITE_PLACE_NOUNS: &[&str] = &[
    "town", "city", "base", "airport", "port", "airbase", "village",
];

/// Resolves "the town", "the city", "the base" (not followed by "of") to the place they most
/// likely mean: the first place named earlier in the same sentence, else the topic place of
/// the last sentence that named one. Updates `topic` for the sentences that follow.
fn resolve_definite_places(
    tokens: &[text::Token],
    mentions: &mut Vec<Mention>,
    topic: &mut Option<PlaceId>,
) {
    let is_capital = |m: &Mention| tokens[m.first].is_any(&["the", "libya"]);
    let mut added = Vec::new();
    for k in 0..tokens.len().saturating_sub(1) {
        if !tokens[k].is("the") {
            continue;
        }
        let noun = if tokens[k + 1].is("air") && tokens.get(k + 2).is_some_and(|t| t.is("base")) {
            k + 2
        } else {
            k + 1
        };
        if !tokens[noun].is_any(DEFINITE_PLACE_NOUNS)
            || tokens
                .get(noun + 1)
                .is_some_and(|t| t.is_any(&["of", "'s"]))
        {
            continue;
        }
        if mentions.iter().any(|m| m.first <= noun && k <= m.last) {
            continue;
        }
        let here = mentions
            .iter()
            .filter(|m| m.last < k && !is_capital(m))
            .find_map(|m| m.place().cloned());
        if let Some(place) = here.or_else(|| topic.clone()) {
            added.push(Mention {
                first: k,
                last: noun,
                referent: lexicon::Referent::Place(place),
            });
        }
    }
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

/// A time expression introduced by "from/starting/effective/as of" shortly after token `i`.
fn start_timex(a: &Analysed, i: usize) -> Option<&Timex> {
    a.timexes.iter().find(|t| {
        t.first > i
            && t.first <= i + 12
            && (t
                .prep
                .as_deref()
                .is_some_and(|p| ["from", "starting", "effective"].contains(&p))
                || (i + 1..t.first).any(|k| {
                    a.sentence.tokens[k]
                        .is_any(&["effect", "force", "begin", "begins", "start", "starts"])
                }))
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

/// Dates one event: from the sentence's time expressions, else from the event just before
/// (same or previous sentence), else the article date.
fn date_event(
    found: &Found,
    a: &Analysed,
    index: usize,
    prev: Option<(When, usize)>,
    dct: Option<Date>,
    dct_confidence: f64,
) -> Option<Dated> {
    let evidence_factor = match a.sentence.evidence {
        Evidence::Caption => 0.6,
        _ => 1.0,
    };
    let base = found.trigger_confidence * found.actor_confidence.max(0.5) * evidence_factor;
    let make =
        |date: When, basis: String, local_time: Option<String>, factor: f64, source: DateSource| {
            Dated {
                found: found.clone(),
                date,
                explicit: source == DateSource::Sentence,
                weak: source == DateSource::ArticleDate,
                basis,
                local_time,
                confidence: (base * factor * 100.0).round() / 100.0,
                sentence: index,
                evidence: a.sentence.evidence,
            }
        };

    let chosen: Option<&Timex> = if found.wants_start_date {
        start_timex(a, found.trigger)
    } else {
        // A duration that modifies the trigger ("14-month offensive") dates its start.
        let duration = a
            .timexes
            .iter()
            .find(|t| matches!(t.value, Value::Duration(..)) && t.last + 1 == found.trigger);
        let claimed = start_timex_of_ceasefire(a);
        duration.or_else(|| {
            a.timexes
                .iter()
                .filter(|t| !matches!(t.value, Value::Duration(..)))
                .filter(|t| claimed.is_none_or(|c| !std::ptr::eq(*t, c)))
                .min_by_key(|t| t.first.abs_diff(found.trigger))
        })
    };

    if let Some(t) = chosen {
        if t.value == Value::Vague {
            return None; // "in recent weeks": cannot be put on the time line
        }
        if let Value::AnchorDays { days, clause } = t.value {
            let (anchor, _) = prev.filter(|(w, _)| w.precision() >= Precision::Day)?;
            let anchor = anchor.first_day();
            let shift = if clause && found.trigger > t.last {
                -days
            } else {
                days
            };
            let day = anchor.add_days(shift);
            let basis = format!("{shift:+} day(s) from the event before it ({anchor})");
            return Some(make(
                When::Day(day),
                basis,
                None,
                0.9 * dct_confidence.max(0.8),
                DateSource::Sentence,
            ));
        }
        let relative = !matches!(t.value, Value::Absolute(_));
        return match dct {
            Some(d) => t.resolve(d).map(|(when, basis)| {
                let factor = if relative { 0.95 * dct_confidence } else { 1.0 };
                make(
                    when,
                    basis,
                    t.local_time.clone(),
                    factor,
                    DateSource::Sentence,
                )
            }),
            None => match t.value {
                Value::Absolute(w) => Some(make(
                    t.with_time(w),
                    "stated in full".to_owned(),
                    t.local_time.clone(),
                    1.0,
                    DateSource::Sentence,
                )),
                _ => None,
            },
        };
    }
    if found.wants_start_date || found.kind == EventKind::Uprising {
        return None;
    }
    if let Some((w, _)) =
        prev.filter(|(w, s)| index - s <= INHERIT_WINDOW && w.precision() >= Precision::Day)
    {
        let day = w.truncate(Precision::Day);
        let basis =
            format!("no date in the sentence: that of the event in the sentence before ({day})");
        return Some(make(day, basis, None, 0.7, DateSource::EventBefore));
    }
    let d = dct?;
    Some(make(
        When::Day(d),
        "no date in the sentence: the article date".to_owned(),
        None,
        0.6 * dct_confidence.max(0.5),
        DateSource::ArticleDate,
    ))
}

/// The time expression a ceasefire in this sentence takes effect at, which no other event of
/// the sentence may take as its own date.
fn start_timex_of_ceasefire(a: &Analysed) -> Option<&Timex> {
    let c = a
        .sentence
        .tokens
        .iter()
        .position(|t| t.is_any(&["ceasefire", "truce", "armistice"]) || t.is("cease"))?;
    start_timex(a, c)
}

fn quote_of(analysed: &[Analysed], doc_chars: &[char], sentence: usize) -> Quote {
    let s = &analysed[sentence].sentence;
    Quote {
        quote: doc_chars[s.start..s.end].iter().collect(),
        span: [s.start, s.end],
    }
}

/// Whether two dates can name the same event: equal, or one within the other.
fn compatible(a: When, b: When) -> bool {
    a == b || a.contains(b) || b.contains(a)
}

/// Merges what several sentences say about one event: same kind, actor and place, and
/// compatible dates. The most precise date wins, and its sentence becomes the quote.
fn merge(dated: Vec<Dated>, analysed: &[Analysed], doc: &document::Document) -> Vec<Event> {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut groups: Vec<Vec<Dated>> = Vec::new();
    // Per group, its finest date. Calendar periods form a tree, so a date that nests with a
    // group's finest date nests with every date of the group.
    let mut finest: Vec<When> = Vec::new();
    let mut index: HashMap<(EventKind, Option<crate::model::Actor>, Option<String>), Vec<usize>> =
        HashMap::new();
    // Dated mentions first: an offensive mentioned again without a date of its own ("its
    // offensive on Tripoli") is the one already dated, whatever date it was given.
    let (explicit, implicit): (Vec<Dated>, Vec<Dated>) =
        dated.into_iter().partition(|d| d.explicit);
    for d in explicit.into_iter().chain(implicit) {
        let key = (
            d.found.kind,
            d.found.actor,
            d.found.place.as_ref().map(|p| p.0.clone()),
        );
        let slot = index.entry(key).or_default();
        let undated_offensive = d.found.kind == EventKind::Offensive && !d.explicit;
        match slot
            .iter()
            .find(|&&g| undated_offensive || compatible(finest[g], d.date))
        {
            Some(&g) => {
                if d.date.precision() > finest[g].precision() {
                    finest[g] = d.date;
                }
                groups[g].push(d);
            }
            None => {
                slot.push(groups.len());
                finest.push(d.date);
                groups.push(vec![d]);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|group| {
            let best = group.iter().max_by(|a, b| {
                a.explicit
                    .cmp(&b.explicit)
                    .then(a.date.precision().cmp(&b.date.precision()))
                    .then(a.confidence.total_cmp(&b.confidence))
                    .then(b.sentence.cmp(&a.sentence))
            })?;
            let primary = quote_of(analysed, &chars, best.sentence);
            let mut also: Vec<Quote> = Vec::new();
            for d in &group {
                let q = quote_of(analysed, &chars, d.sentence);
                if q.span != primary.span
                    && !also.iter().any(|a| a.span == q.span)
                    && also.len() < MAX_ALSO
                {
                    also.push(q);
                }
            }
            let confidence = group.iter().map(|d| d.confidence).fold(0.0, f64::max);
            // Agreement between sentences raises confidence a little.
            let confidence = (confidence + 0.05 * (group.len() as f64 - 1.0).min(2.0)).min(0.99);
            let f = &best.found;
            Some(Event {
                id: String::new(),
                kind: f.kind,
                date: best.date,
                precision: best.date.precision(),
                date_basis: best.basis.clone(),
                local_time: best.local_time.clone(),
                actor: f.actor,
                place: f.place.clone(),
                from: group.iter().find_map(|d| d.found.from),
                to: if f.kind == EventKind::Capture {
                    f.actor
                } else {
                    None
                },
                origin: group.iter().find_map(|d| d.found.origin.clone()),
                count: group.iter().find_map(|d| d.found.count),
                stance: group.iter().find_map(|d| d.found.stance),
                quote: primary.quote,
                span: primary.span,
                confidence: (confidence * 100.0).round() / 100.0,
                evidence: best.evidence,
                also,
            })
        })
        .collect()
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
        assert_eq!(e.date.to_string(), "2020-06-05");
    }
}
