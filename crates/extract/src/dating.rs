//! The dating policy: which date an event takes, and how far that date can be trusted.
//!
//! In order: a time expression of the event's own sentence (the nearest one in the trigger's
//! clause, never a ceasefire's start nor one in a later clause), resolved against the
//! article's date or, for "a day later", against the event before; else the date of an event
//! in the [`INHERIT_WINDOW`] sentences before; else the article's date, weakly. What a source
//! says in the present tense ("UNSMIL condemns") is said on the article's date. Each way of
//! dating multiplies the event's confidence by a factor of its own, named below.

use super::function_words::PAST_ENDING;
use super::knowledge::Knowledge;
use super::rules::Found;
use super::timex::{Timex, Value};
use super::tokens::{Token, TokenKind};
use super::{Analysed, Dated, dct};
use newsmap_core::model::EventKind;
use newsmap_core::model::Evidence;
use newsmap_core::model::date::{Precision, When};
use newsmap_core::model::{Status, Undated};

/// How many sentences back an undated event may take its date from.
pub const INHERIT_WINDOW: usize = 2;
/// How many tokens after a ceasefire word its start ("from Monday") may stand.
const START_WINDOW: usize = 20;
/// How many tokens before a time "since" makes it the start of a series of strikes.
const SERIES_WINDOW: usize = 4;
/// How far after an event's place a time may stand and date it ("Tarhuna early on Friday").
const PLACE_TIME_REACH: usize = 4;
/// How much farther a time across a comma counts than one in the trigger's own clause.
const OTHER_CLAUSE_DISTANCE: usize = 6;

// Confidence factors, one per way of dating.

/// A sentence in a photo caption is weaker evidence than prose.
const CAPTION: f64 = 0.6;
/// Said in the present tense: the article's date, as sure as that date.
const SAID_NOW: f64 = 0.9;
/// A relative time ("on Friday") resolved against the article's date.
const RELATIVE: f64 = 0.95;
/// "A day later": counted from the event before.
const ANCHORED: f64 = 0.9;
/// No time in the sentence: the date of the event before.
const EVENT_BEFORE: f64 = 0.7;
/// No time anywhere near: the article's date.
const ARTICLE_DATE: f64 = 0.6;
/// No date at all, for want of the article's.
const UNDATED: f64 = 0.5;
/// The least an actor's or the article date's confidence counts for.
const FLOOR: f64 = 0.5;
/// The least the article date's confidence counts for under an anchored date.
const ANCHOR_FLOOR: f64 = 0.8;
/// A time too vague to name ("in recent weeks"), put in the article's month.
const VAGUE: f64 = 0.5;
/// How many tokens before "N days after" a verb may stand that links it to the article's
/// news ("comes nine days after").
const NEWS_LINK_REACH: usize = 4;

/// How far an anchored time lies from its anchor.
#[derive(Debug, Clone, Copy)]
enum Shift {
    Days(i64),
    Months(i32),
}

/// The date and sentence of the event "just before" one found in sentence `index`: in an
/// earlier sentence, dated to the day by the text (not merely by the article's date), and a
/// thing that happened (not a ceasefire's future start). One at the same place, if any, is the
/// better guess ("the LNA said it had withdrawn from Tarhouna" follows the taking of Tarhouna,
/// not the event mentioned in between).
pub(crate) fn event_before(dated: &[Dated], found: &Found, index: usize) -> Before {
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
    let pick = |list: &[&Dated]| {
        let same_place = list
            .iter()
            .rev()
            .find(|d| found.place_id().is_some() && d.found.place_id() == found.place_id());
        same_place
            .or(list.last())
            .and_then(|d| d.date.map(|w| (w, d.sentence)))
    };
    // What someone says is said when they say it: a statement inherits its date from a
    // statement before it, not from the fighting it comments on; but "the next day" counts
    // from whatever came before.
    let said: Vec<&Dated> = before
        .iter()
        .copied()
        .filter(|d| found.kind != EventKind::Statement || d.found.kind == EventKind::Statement)
        .collect();
    Before {
        inherit: pick(&said),
        anchor: pick(&before),
    }
}

/// The events before one: the date it may inherit, and the date "a day later" counts from.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Before {
    pub inherit: Option<(When, usize)>,
    pub anchor: Option<(When, usize)>,
}

/// A time expression that names what stands at token `i`, right before it: "the January 12
/// truce", "Sunday's ceasefire".
pub(crate) fn naming_timex(a: &Analysed, i: usize) -> Option<&Timex> {
    let tokens = &a.sentence.tokens;
    let end = match i.checked_sub(1) {
        Some(p)
            if tokens
                .get(p)
                .is_some_and(|t| t.is(super::function_words::POSSESSIVE)) =>
        {
            p.checked_sub(1)?
        }
        p => p?,
    };
    a.timexes
        .iter()
        .find(|t| t.last == end && !matches!(t.value, Value::Vague | Value::Duration(..)))
}

/// A time expression introduced by "from/starting/effective/as of" shortly after token `i`.
pub(crate) fn start_timex<'a>(k: &Knowledge, a: &'a Analysed, i: usize) -> Option<&'a Timex> {
    a.timexes.iter().find(|t| {
        t.first > i
            && t.first <= i.saturating_add(START_WINDOW)
            && (t
                .prep
                .as_deref()
                .is_some_and(|p| k.time.start_preps.has_norm(p))
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

/// Dates one event: from the sentence's time expressions, else from the event just before
/// (same or previous sentence), else the article date. Without an article date, an event the
/// text dates only relatively is kept with no date and a basis that says why.
pub(crate) fn date_event(
    k: &Knowledge,
    found: &Found,
    a: &Analysed,
    index: usize,
    before: Before,
    article: &dct::ArticleDate,
) -> Option<Dated> {
    let dating = Dating::new(k, found, a, index);
    let prev = before.anchor;
    // What a source says now ("UNSMIL condemns …") is said on the article's date, unless the
    // sentence opens with a date of its own ("25 May, UNSMIL condemns …").
    if found.present {
        return match leading_date(a, found.trigger) {
            Some(t) => dating.by_timex(t, prev, article),
            None => Some(dating.said_now(article)),
        };
    }
    let chosen: Option<&Timex> = if found.wants_start_date {
        start_timex(k, a, found.trigger).or_else(|| naming_timex(a, found.trigger))
    } else {
        own_timex(k, a, found)
    };
    if let Some(t) = chosen {
        return dating.by_timex(t, prev, article);
    }
    if found.wants_start_date || found.kind == EventKind::Uprising {
        return None;
    }
    if let Some(d) = dating.by_event_before(before.inherit) {
        return Some(d);
    }
    Some(dating.by_article(article))
}

/// How many tokens into a sentence a date may start and still date the whole item ("Security
/// situation: 20 April, Statement, …").
const LEADING_WINDOW: usize = 6;
/// Marks after a leading date that set it apart from the sentence ("25 May, UNSMIL …").
const LEADING_MARKS: &[&str] = &[",", ":", "-", "–"];

/// A date that opens the sentence, set apart by a mark, before the trigger: the date of a
/// list's item or a log's entry ("8 April, Prime Minister al-Sarraj reiterates …").
fn leading_date(a: &Analysed, trigger: usize) -> Option<&Timex> {
    a.timexes.first().filter(|t| {
        t.first <= LEADING_WINDOW
            && t.last < trigger
            && a.sentence
                .tokens
                .get(t.last.saturating_add(1))
                .is_some_and(|m| m.is_any(LEADING_MARKS))
    })
}

/// The time expression of its own sentence that dates an event: a duration that modifies the
/// trigger, else the nearest one that is not a ceasefire's start and not in a later clause.
fn own_timex<'a>(k: &Knowledge, a: &'a Analysed, found: &Found) -> Option<&'a Timex> {
    // A duration that modifies the trigger ("14-month offensive") dates its start.
    let duration = a.timexes.iter().find(|t| {
        matches!(t.value, Value::Duration(..)) && t.last.saturating_add(1) == found.trigger
    });
    let claimed = start_timex_of_ceasefire(k, a);
    let tokens = &a.sentence.tokens;
    // "retook the airport on Wednesday and Tarhuna early on Friday": the time right after
    // the event's own place.
    let by_place = found.place.as_ref().and_then(|p| {
        a.timexes.iter().find(|t| {
            t.first > p.last
                && t.first <= p.last.saturating_add(PLACE_TIME_REACH)
                && !tokens
                    .get(p.last..t.first)
                    .is_some_and(|ts| ts.iter().any(|w| w.is(",")))
                && !matches!(t.value, Value::Duration(..) | Value::Vague)
                && claimed.is_none_or(|c| !std::ptr::eq(*t, c))
        })
    });
    duration.or(by_place).or_else(|| {
        a.timexes
            .iter()
            .filter(|t| !matches!(t.value, Value::Duration(..)))
            // "opened an offensive on Sirte, a day after capturing Tarhuna": the clause "a
            // day after" opens dates what follows it, not the event before it.
            .filter(|t| {
                !matches!(
                    t.value,
                    Value::AnchorDays { clause: true, .. }
                        | Value::AnchorMonths { clause: true, .. }
                ) || found.trigger > t.last
            })
            .filter(|t| claimed.is_none_or(|c| !std::ptr::eq(*t, c)))
            .filter(|t| !in_later_clause(k, &a.sentence.tokens, found.trigger, t.first))
            // "since the end of July 2019": when a series of strikes began, not when this
            // one fell; for an offensive ("waging an offensive since April") its start.
            .filter(|t| {
                !matches!(found.kind, EventKind::Airstrike | EventKind::Shelling)
                    || !(t.first.saturating_sub(SERIES_WINDOW)..t.first)
                        .any(|j| k.events.series_start.at(&a.sentence.tokens, j))
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
                t.first.abs_diff(found.trigger).saturating_add(if comma {
                    OTHER_CLAUSE_DISTANCE
                } else {
                    0
                })
            })
    })
}

/// One event being dated: what every way of dating it shares.
struct Dating<'a> {
    k: &'a Knowledge,
    found: &'a Found,
    a: &'a Analysed,
    index: usize,
    /// The confidence before the date's own: the trigger's and the actor's, less in a
    /// caption.
    base: f64,
}

impl<'a> Dating<'a> {
    /// Event `found` of sentence `index`, about to be dated.
    fn new(k: &'a Knowledge, found: &'a Found, a: &'a Analysed, index: usize) -> Dating<'a> {
        let evidence_factor = match a.sentence.evidence {
            Evidence::Caption => CAPTION,
            _ => 1.0,
        };
        let base = found.trigger_confidence * found.actor_confidence.max(FLOOR) * evidence_factor;
        Dating {
            k,
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
        let date = date.filter(|w| newsmap_core::model::date::YEARS.contains(&w.first_day().year));
        Dated {
            found: self.found.clone(),
            date,
            explicit: source == DateSource::Sentence && date.is_some(),
            weak: source == DateSource::ArticleDate,
            basis,
            undated: None,
            local_time,
            confidence: (self.base * factor * 100.0).round() / 100.0,
            sentence: self.index,
            evidence: self.a.sentence.evidence,
            status: Status::Reported,
        }
    }

    /// The event left undated for want of the article's date; `what` says what dated it.
    fn undated(&self, what: &str) -> Dated {
        Dated {
            undated: Some(Undated::ArticleDateUnknown),
            ..self.make(
                None,
                format!("{what}, and the article's date is unknown"),
                None,
                UNDATED,
                DateSource::ArticleDate,
            )
        }
    }

    /// Said in the present tense: the article's date.
    fn said_now(&self, article: &dct::ArticleDate) -> Dated {
        match article.day() {
            Some(d) => self.make(
                Some(When::Day(d)),
                "said in the present tense: the article date".to_owned(),
                None,
                SAID_NOW * article.confidence.max(FLOOR),
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
            // "in recent weeks", "over the past few days": the article's month.
            let d = article.day()?;
            return Some(self.make(
                Some(When::Month(d.year, d.month)),
                format!("a recent time the text does not name: the article's month ({d})"),
                None,
                VAGUE,
                DateSource::Sentence,
            ));
        }
        match t.value {
            Value::AnchorDays { days, clause } => {
                return self.by_anchor(t, Shift::Days(days), clause, prev, article);
            }
            Value::AnchorMonths { months, clause } => {
                return self.by_anchor(t, Shift::Months(months), clause, prev, article);
            }
            _ => {}
        }
        let relative = !matches!(t.value, Value::Absolute(_));
        match article.day() {
            Some(d) => t.resolve(d).map(|(when, basis)| {
                let factor = if relative {
                    RELATIVE * article.confidence
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

    /// "A day later", "a day after …", "a month after …": counted from what the sentence is
    /// about. That is another time of the same sentence ("ordered them on Thursday to march,
    /// a day after they took Gharyan"), else the event before when it is news of the article's
    /// weeks ("comes a day after the GNA seized Tarhuna"), else the article's own date ("the
    /// victory comes nine days after …", when the event before is a year old). Counted the
    /// other way when the expression opens a clause the trigger follows.
    fn by_anchor(
        &self,
        t: &Timex,
        shift: Shift,
        clause: bool,
        prev: Option<(When, usize)>,
        article: &dct::ArticleDate,
    ) -> Option<Dated> {
        let article_day = article.day();
        let same_sentence = self.a.timexes.iter().find_map(|other| {
            if std::ptr::eq(other, t) || matches!(other.value, Value::Vague | Value::Duration(..)) {
                return None;
            }
            other
                .resolve(article_day?)
                .filter(|(w, _)| w.precision() >= Precision::Day)
                .map(|(w, _)| w)
        });
        let before = prev
            .map(|(w, _)| w)
            .filter(|w| w.precision() >= Precision::Day);
        // "The victory comes nine days after …", "the latest development came a day after
        // …": counted from the article's news, its date.
        let news = t
            .first
            .checked_sub(NEWS_LINK_REACH)
            .map_or(0..t.first, |f| f..t.first)
            .any(|k| self.k.events.news_links.at(&self.a.sentence.tokens, k));
        let (anchor, what) = match (same_sentence, before, news) {
            (Some(w), _, _) => (w.first_day(), "another time of the sentence"),
            (None, _, true) => (article_day?, "the article date, whose news it follows"),
            (None, Some(w), false) => (w.first_day(), "the event before it"),
            (None, None, false) => (article_day?, "the article date"),
        };
        let backwards = clause && self.found.trigger > t.last;
        let (date, basis) = match shift {
            Shift::Days(days) => {
                let days = if backwards {
                    days.saturating_neg()
                } else {
                    days
                };
                (
                    When::Day(anchor.add_days(days)),
                    format!("{days:+} day(s) from {what} ({anchor})"),
                )
            }
            Shift::Months(months) => {
                let months = if backwards {
                    months.saturating_neg()
                } else {
                    months
                };
                let d = anchor.add_months(months);
                (
                    When::Month(d.year, d.month),
                    format!("{months:+} month(s) from {what} ({anchor})"),
                )
            }
        };
        Some(self.make(
            Some(date),
            basis,
            None,
            ANCHORED * article.confidence.max(ANCHOR_FLOOR),
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
        Some(self.make(
            Some(day),
            basis,
            None,
            EVENT_BEFORE,
            DateSource::EventBefore,
        ))
    }

    /// No date in the sentence nor before it: the article's date, weakly.
    fn by_article(&self, article: &dct::ArticleDate) -> Dated {
        match article.day() {
            Some(d) => self.make(
                Some(When::Day(d)),
                "no date in the sentence: the article date".to_owned(),
                None,
                ARTICLE_DATE * article.confidence.max(FLOOR),
                DateSource::ArticleDate,
            ),
            None => self.undated("no date in the sentence"),
        }
    }
}

/// Whether the time expression at `timex` belongs to a clause of its own after the trigger:
/// "entered the town hours after the government announced on Thursday that …".
fn in_later_clause(k: &Knowledge, tokens: &[Token], trigger: usize, timex: usize) -> bool {
    let Some(between) = tokens.get(trigger.saturating_add(1)..timex) else {
        return false;
    };
    let Some(sub) = between
        .iter()
        .position(|t| k.grammar.subordinators.has_word(t))
    else {
        return false;
    };
    between.iter().skip(sub.saturating_add(1)).any(|t| {
        t.kind == TokenKind::Word
            && (t.norm.ends_with(PAST_ENDING) || k.grammar.clause_verbs.has_word(t))
    })
}

/// The time expression a ceasefire in this sentence takes effect at, which no other event of
/// the sentence may take as its own date.
pub(crate) fn start_timex_of_ceasefire<'a>(k: &Knowledge, a: &'a Analysed) -> Option<&'a Timex> {
    let c = k
        .ceasefire
        .words
        .find_in(&a.sentence.tokens, 0, a.sentence.tokens.len())?;
    start_timex(k, a, c)
}
