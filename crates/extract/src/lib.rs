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
use newsmap_core::model::{Actor, Event, EventKind, Evidence, Extraction, PlaceId, Quote, Status};
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
    let mut topic: Option<PlaceId> = None;
    let analysed: Vec<Analysed> = text::sentences(&doc)
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
        .collect();

    let for_dct: Vec<(&Sentence, &[Timex])> = analysed
        .iter()
        .filter(|a| a.sentence.evidence != Evidence::Caption)
        .map(|a| (&a.sentence, a.timexes.as_slice()))
        .collect();
    let mut article_date = dct::infer(&doc, &for_dct);
    if let Some(d) = options.date {
        article_date = article_date.given(d);
    }

    let mut dated: Vec<Dated> = Vec::new();
    let mut facts: Vec<(Fact, usize)> = Vec::new();
    // The actor that last did something, and the party that last spoke: for "they", "its
    // forces" and "he said" in the sentences after.
    let mut last_actor: Option<(Actor, usize)> = None;
    let mut last_speaker: Option<Actor> = None;
    for (index, a) in analysed.iter().enumerate() {
        if a.sentence.evidence == Evidence::Heading || a.sentence.tokens.len() > MAX_SENTENCE_TOKENS
        {
            continue;
        }
        let antecedent = last_actor
            .filter(|(_, s)| index.saturating_sub(*s) <= 3)
            .map(|(actor, _)| actor)
            .or_else(|| {
                index
                    .checked_sub(1)
                    .and_then(|p| analysed.get(p))
                    .and_then(|p| p.mentions.iter().find_map(Mention::actor))
            });
        let view = View {
            k,
            tokens: &a.sentence.tokens,
            mentions: &a.mentions,
            antecedent,
        };
        let timex_after = |i: usize| start_timex(k, a, i).is_some();
        facts.extend(rules::facts(&view).into_iter().map(|f| (f, index)));
        for found in rules::events(&view, &timex_after) {
            let future =
                timex::tense_before(&a.sentence.tokens, found.trigger) == timex::Tense::Future;
            if future && found.kind != EventKind::CeasefireEffective {
                continue; // announced intentions are not events yet
            }
            // Whether a side only claims it matters for what happened on the ground; a
            // statement or an announcement is the speaker's own act.
            let status = if attribution::CLAIMABLE.contains(&found.kind) {
                attribution::status(&view, found.trigger, last_speaker)
            } else {
                Status::Reported
            };
            if let Some(actor) = found.actor {
                last_actor = Some((actor, index));
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
            let prev = same_place
                .or(before.last())
                .and_then(|d| d.date.map(|w| (w, d.sentence)));
            if let Some(mut d) = date_event(k, &found, a, index, prev, &article_date) {
                d.status = status;
                dated.push(d);
            }
        }
        if let Some(s) = attribution::speaker(&view, view.len(), last_speaker) {
            last_speaker = Some(s);
        }
    }

    let mut events = merge(dated, &analysed, &doc);
    complete_with_facts(&mut events, &facts, &analysed, &doc);
    events.sort_by_key(|e| e.span[0]);
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i.saturating_add(1));
    }
    Extraction {
        article_date: article_date.when,
        article_date_basis: article_date.basis,
        article_date_evidence: article_date.evidence,
        events,
    }
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
    let dct = article.day();
    let dct_confidence = article.confidence;
    let evidence_factor = match a.sentence.evidence {
        Evidence::Caption => 0.6,
        _ => 1.0,
    };
    let base = found.trigger_confidence * found.actor_confidence.max(0.5) * evidence_factor;
    let make = |date: Option<When>,
                basis: String,
                local_time: Option<String>,
                factor: f64,
                source: DateSource| {
        let date = date.filter(|w| YEARS.contains(&w.first_day().year));
        Dated {
            found: found.clone(),
            date,
            explicit: source == DateSource::Sentence && date.is_some(),
            weak: source == DateSource::ArticleDate,
            basis,
            local_time,
            confidence: (base * factor * 100.0).round() / 100.0,
            sentence: index,
            evidence: a.sentence.evidence,
            status: Status::Reported,
        }
    };
    let undated = |what: &str| {
        make(
            None,
            format!(
                "{what}, and the article's date is unknown: give it (--date) to place the event"
            ),
            None,
            0.5,
            DateSource::ArticleDate,
        )
    };

    // What a source says now ("UNSMIL condemns …") is said on the article's date.
    if found.present {
        return Some(match dct {
            Some(d) => make(
                Some(When::Day(d)),
                "said in the present tense: the article date".to_owned(),
                None,
                0.9 * dct_confidence.max(0.5),
                DateSource::Sentence,
            ),
            None => undated("said in the present tense"),
        });
    }

    let chosen: Option<&Timex> = if found.wants_start_date {
        start_timex(k, a, found.trigger)
    } else {
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
    };

    if let Some(t) = chosen {
        if t.value == Value::Vague {
            return None; // "in recent weeks": cannot be put on the time line
        }
        if let Value::AnchorDays { days, clause } = t.value {
            let (anchor, _) = prev.filter(|(w, _)| w.precision() >= Precision::Day)?;
            let anchor = anchor.first_day();
            let shift = if clause && found.trigger > t.last {
                days.saturating_neg()
            } else {
                days
            };
            let day = anchor.add_days(shift);
            let basis = format!("{shift:+} day(s) from the event before it ({anchor})");
            return Some(make(
                Some(When::Day(day)),
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
                    Some(when),
                    basis,
                    t.local_time.clone(),
                    factor,
                    DateSource::Sentence,
                )
            }),
            None => Some(match t.value {
                Value::Absolute(w) => make(
                    Some(t.with_time(w)),
                    "stated in full".to_owned(),
                    t.local_time.clone(),
                    1.0,
                    DateSource::Sentence,
                ),
                _ => undated("a relative date in the sentence"),
            }),
        };
    }
    if found.wants_start_date || found.kind == EventKind::Uprising {
        return None;
    }
    if let Some((w, _)) = prev.filter(|(w, s)| {
        index.saturating_sub(*s) <= INHERIT_WINDOW && w.precision() >= Precision::Day
    }) {
        let day = w.truncate(Precision::Day);
        let basis =
            format!("no date in the sentence: that of the event in the sentence before ({day})");
        return Some(make(Some(day), basis, None, 0.7, DateSource::EventBefore));
    }
    Some(match dct {
        Some(d) => make(
            Some(When::Day(d)),
            "no date in the sentence: the article date".to_owned(),
            None,
            0.6 * dct_confidence.max(0.5),
            DateSource::ArticleDate,
        ),
        None => undated("no date in the sentence"),
    })
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
type MergeKey = (EventKind, Option<Actor>, Option<String>);

fn merge_key(f: &Found) -> MergeKey {
    let place = f.place.as_ref().map(|p| match &p.id {
        Some(id) => id.to_string(),
        None => format!("?{}", p.name.to_lowercase()),
    });
    (f.kind, f.actor, place)
}

/// Merges what several sentences say about one event: same kind, actor and place, and
/// compatible dates. The most precise date wins, and its sentence becomes the quote.
fn merge(dated: Vec<Dated>, analysed: &[Analysed], doc: &document::Document) -> Vec<Event> {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut groups: Vec<Vec<Dated>> = Vec::new();
    // Per group, its finest date. Calendar periods form a tree, so a date that nests with a
    // group's finest date nests with every date of the group.
    let mut finest: Vec<Option<When>> = Vec::new();
    let mut index: HashMap<MergeKey, Vec<usize>> = HashMap::default();
    // Dated mentions first: an offensive mentioned again without a date of its own ("its
    // offensive on Tripoli") is the one already dated, whatever date it was given.
    let (explicit, implicit): (Vec<Dated>, Vec<Dated>) =
        dated.into_iter().partition(|d| d.explicit);
    for d in explicit.into_iter().chain(implicit) {
        let slot = index.entry(merge_key(&d.found)).or_default();
        // A mention dated only by the article or the sentence before ("condemns the shelling
        // of Mitiga") is the same event as one the text dates, whatever date it was given.
        let undated = !d.explicit;
        let group = slot
            .iter()
            .copied()
            .find(|&g| undated || finest.get(g).is_some_and(|f| compatible(*f, d.date)));
        match group {
            Some(g) => {
                if let Some(f) = finest.get_mut(g)
                    && d.date.map(When::precision) > f.map(When::precision)
                {
                    *f = d.date;
                }
                if let Some(members) = groups.get_mut(g) {
                    members.push(d);
                }
            }
            None => {
                slot.push(groups.len());
                finest.push(d.date);
                groups.push(vec![d]);
            }
        }
    }
    // A mention that names nobody ("Mitiga airport was shelled on Sunday") is the event a
    // sentence tells with its actor, when there is one of the same kind, place and date.
    let mut keys: Vec<MergeKey> = groups
        .iter()
        .map(|g| {
            g.first()
                .map(|d| merge_key(&d.found))
                .unwrap_or((EventKind::Uprising, None, None))
        })
        .collect();
    let mut g = 0;
    while g < groups.len() {
        let (kind, actor, place) =
            keys.get(g)
                .cloned()
                .unwrap_or((EventKind::Uprising, None, None));
        let date = finest.get(g).copied().flatten();
        let target = (actor.is_none() && place.is_some())
            .then(|| {
                (0..groups.len()).find(|&h| {
                    h != g
                        && keys
                            .get(h)
                            .is_some_and(|(k, a, p)| *k == kind && a.is_some() && *p == place)
                        && finest.get(h).is_some_and(|f| compatible(*f, date))
                })
            })
            .flatten();
        match target {
            Some(h) => {
                let moved = groups.remove(g);
                keys.remove(g);
                finest.remove(g);
                let h = if h > g { h.saturating_sub(1) } else { h };
                if let Some(into) = groups.get_mut(h) {
                    into.extend(moved);
                }
            }
            None => g = g.saturating_add(1),
        }
    }
    groups
        .into_iter()
        .filter_map(|group| event_of_group(&group, analysed, &chars))
        .collect()
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
        id: String::new(),
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
