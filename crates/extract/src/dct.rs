//! The article's own date (the "document creation time" of TimeML), which news articles
//! often do not print. Evidence, strongest first:
//!
//! 1. publication metadata: `<meta property="article:published_time">`, `<time datetime>`;
//! 2. a full date in the text resolved against past-tense weekday mentions: "a ceasefire from
//!    Monday, June 8, 2020" (the future) and "told a news conference on Saturday" (the past)
//!    put the article on the latest Saturday before that Monday; a full date alone in a
//!    short block is a dateline;
//! 3. a 15-digit `YYMMDDhhmmssSSS` guid (of the article or one it embeds or links);
//! 4. a `/news/YYYY/MM/DD/` (or `/YYYY/MM/`) link;
//! 5. the latest full date the text gives in the past tense.
//!
//! Every piece of evidence found is reported, whichever one decides.

use super::document::Document;
use super::knowledge::Knowledge;
use super::text::Sentence;
use super::timex::{Qualifier, Tense, Timex, Value};
use newsmap_core::model::date::{Date, Weekday, When};

/// The inferred article date.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleDate {
    /// Day precision (weekdays resolve against it) or month precision (only months and
    /// years do); `None` when nothing dates the article.
    pub when: Option<When>,
    /// The evidence that decided, in words.
    pub basis: String,
    /// Every piece of evidence found, in words.
    pub evidence: Vec<String>,
    /// How far the date can be trusted (0..1).
    pub confidence: f64,
}

impl ArticleDate {
    /// The date a desk gives (`--date`), which wins over whatever the page suggests; what the
    /// page suggests stays in the evidence.
    pub fn given(mut self, day: Date) -> ArticleDate {
        self.evidence
            .insert(0, format!("given by the desk → {day}"));
        ArticleDate {
            when: Some(When::Day(day)),
            basis: "given by the desk".to_owned(),
            evidence: self.evidence,
            confidence: 1.0,
        }
    }

    /// The article's day, when known to the day.
    pub fn day(&self) -> Option<Date> {
        match self.when {
            Some(When::Day(d) | When::Minute(d, _)) => Some(d),
            _ => None,
        }
    }
}

fn parse_iso_day(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = s.get(..10)?;
    match date.parse::<When>().ok()? {
        When::Day(d) => Some(d),
        _ => None,
    }
}

/// `YYMMDDhhmmssSSS` → the day and minute it encodes (UTC assumed).
fn parse_guid(s: &str) -> Option<When> {
    if s.len() != 15 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |a: usize, b: usize| s.get(a..b).and_then(|x| x.parse::<u16>().ok());
    let date = Date::new(
        i32::from(n(0, 2)?).saturating_add(2000),
        u8::try_from(n(2, 4)?).ok()?,
        u8::try_from(n(4, 6)?).ok()?,
    )?;
    let (h, m) = (n(6, 8)?, n(8, 10)?);
    (h < 24 && m < 60).then_some(When::Minute(date, h.saturating_mul(60).saturating_add(m)))
}

/// Guids at the end of link file names: `…-200606095959993.html`.
fn guid_in_link(link: &str) -> Option<&str> {
    let stem = link.rsplit('/').next()?.split(['.', '?', '#']).next()?;
    let tail = stem.rsplit('-').next()?;
    (tail.len() == 15 && tail.bytes().all(|b| b.is_ascii_digit())).then_some(tail)
}

/// `/news/2020/06/…`, `/2020/6/6/…` → the year, month and (if present) day in the path.
fn date_in_link(link: &str) -> Option<When> {
    let parts: Vec<&str> = link.split('/').collect();
    for w in parts.windows(3) {
        let [ys, ms, ds] = w else { continue };
        let (Ok(y), Ok(m)) = (ys.parse::<i32>(), ms.parse::<u8>()) else {
            continue;
        };
        if ys.len() != 4
            || !newsmap_core::model::date::YEARS.contains(&y)
            || !(1..=12).contains(&m)
            || ms.len() > 2
        {
            continue;
        }
        let day = ds
            .parse::<u8>()
            .ok()
            .filter(|_| ds.len() <= 2)
            .and_then(|d| Date::new(y, m, d));
        return Some(match day {
            Some(d) => When::Day(d),
            None => When::Month(y, m),
        });
    }
    None
}

/// The text of tokens `[a, b]` of a sentence.
fn span_text(doc_chars: &[char], s: &Sentence, a: usize, b: usize) -> String {
    let (Some(first), Some(last)) = (s.tokens.get(a), s.tokens.get(b)) else {
        return String::new();
    };
    doc_chars
        .get(first.start..last.end)
        .unwrap_or_default()
        .iter()
        .collect()
}

/// A time expression with the sentence it is in.
struct Found<'a> {
    sentence: &'a Sentence,
    timex: &'a Timex,
}

/// One date the evidence suggests for the article, with the evidence in words and how strong
/// it is.
struct Candidate {
    when: When,
    basis: String,
    confidence: f64,
}

/// The evidence found so far, in words, and the dates it suggests.
#[derive(Default)]
struct Gathered {
    evidence: Vec<String>,
    candidates: Vec<Candidate>,
}

impl Gathered {
    /// Records one piece of evidence, "`basis` → `shown`", suggesting `when`.
    fn add(&mut self, basis: String, shown: impl std::fmt::Display, when: When, confidence: f64) {
        self.evidence.push(format!("{basis} → {shown}"));
        self.candidates.push(Candidate {
            when,
            basis,
            confidence,
        });
    }
}

/// The weekdays the text mentions in the past tense (bare: "on Saturday"), and in the future
/// tense (however qualified).
struct Weekdays {
    past: Vec<Weekday>,
    future: Vec<Weekday>,
}

impl Weekdays {
    /// The weekdays of every time expression found.
    fn of(all: &[Found]) -> Weekdays {
        let mut past: Vec<Weekday> = Vec::new();
        for f in all {
            if let (Value::Weekday(w, Qualifier::Bare), Tense::Past) =
                (f.timex.value, f.timex.tense)
                && !past.contains(&w)
            {
                past.push(w);
            }
        }
        let future: Vec<Weekday> = all
            .iter()
            .filter_map(|f| match (f.timex.value, f.timex.tense) {
                (Value::Weekday(w, _), Tense::Future) => Some(w),
                _ => None,
            })
            .collect();
        Weekdays { past, future }
    }
}

/// Infers the article's date from the document and its sentences' time expressions.
pub fn infer(k: &Knowledge, doc: &Document, sentences: &[(&Sentence, &[Timex])]) -> ArticleDate {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut gathered = Gathered::default();
    let all: Vec<Found> = sentences
        .iter()
        .flat_map(|(s, ts)| {
            ts.iter().map(move |t| Found {
                sentence: s,
                timex: t,
            })
        })
        .collect();
    let full_dates: Vec<(&Found, Date)> = all
        .iter()
        .filter_map(|f| match f.timex.value {
            Value::Absolute(When::Day(d)) => Some((f, d)),
            _ => None,
        })
        .collect();
    // 1. Metadata.
    metadata(doc, &mut gathered);
    // 2. A full date against past-tense weekdays.
    full_dates_against_weekdays(k, &chars, &full_dates, &Weekdays::of(&all), &mut gathered);
    // 3. Guids.
    guids(doc, &mut gathered);
    // 4. Dated link paths.
    dated_links(doc, &mut gathered);
    // 5. The latest full date in the past tense.
    latest_past_full_date(&chars, &full_dates, &mut gathered);
    decide(gathered)
}

/// Step 1: the publication dates of the page's metadata.
fn metadata(doc: &Document, gathered: &mut Gathered) {
    for (value, source) in &doc.published {
        if let Some(d) = parse_iso_day(value) {
            gathered.add(format!("{source} {value}"), d, When::Day(d), 1.0);
        }
    }
}

/// Step 2: each full date of the text, once: a dateline, or a date ahead of the article that
/// past-tense weekdays resolve against.
fn full_dates_against_weekdays(
    k: &Knowledge,
    chars: &[char],
    full_dates: &[(&Found, Date)],
    weekdays: &Weekdays,
    gathered: &mut Gathered,
) {
    let mut seen_full: Vec<Date> = Vec::new();
    for (full, d) in full_dates {
        if seen_full.contains(d) {
            continue; // the same date again adds no evidence
        }
        seen_full.push(*d);
        // A full date alone in a short block ("Thursday, June 27, 2019") is a dateline.
        if full.sentence.tokens.len() <= 12
            && full.sentence.evidence == newsmap_core::model::Evidence::Prose
        {
            let text = span_text(chars, full.sentence, full.timex.date_first, full.timex.last);
            gathered.add(format!("dateline '{text}'"), d, When::Day(*d), 0.9);
            continue;
        }
        weekday_before_full_date(k, chars, full, *d, weekdays, gathered);
    }
}

/// Is the full date `d` ahead of the article? Its own clause says so, or a future-tense
/// mention of its weekday does ("to take effect from Monday"). Then the article is from the
/// latest past-tense weekday before it.
fn weekday_before_full_date(
    k: &Knowledge,
    chars: &[char],
    full: &Found,
    d: Date,
    weekdays: &Weekdays,
    gathered: &mut Gathered,
) {
    let ahead = full.timex.tense == Tense::Future
        || weekdays.future.contains(&d.weekday())
        || full
            .timex
            .prep
            .as_deref()
            .is_some_and(|p| k.time.ahead_preps.has_norm(p));
    if !ahead {
        return;
    }
    let full_text = span_text(chars, full.sentence, full.timex.date_first, full.timex.last);
    let best = weekdays
        .past
        .iter()
        .filter(|w| **w != d.weekday())
        .map(|w| (*w, d.add_days(-1).latest_on_or_before(*w)))
        .max_by_key(|(_, day)| *day);
    if let Some((w, day)) = best {
        let e = format!("weekday '{}' resolved against '{full_text}'", w.name());
        gathered.add(e, day, When::Day(day), 0.95);
    }
}

/// Step 3: the guids of the article and of the pages it embeds or links, each once.
fn guids(doc: &Document, gathered: &mut Gathered) {
    let guids = doc
        .guids
        .iter()
        .map(String::as_str)
        .chain(doc.links.iter().filter_map(|l| guid_in_link(l)));
    let mut seen = Vec::new();
    for g in guids {
        if seen.contains(&g) {
            continue;
        }
        seen.push(g);
        if let Some(w) = parse_guid(g) {
            let day = w.truncate(newsmap_core::model::date::Precision::Day);
            gathered.add(format!("guid {g}"), w, day, 0.85);
        }
    }
}

/// Step 4: the dates in the paths of links.
fn dated_links(doc: &Document, gathered: &mut Gathered) {
    for link in &doc.links {
        if let Some(w) = date_in_link(link) {
            gathered.add(format!("link {link}"), w, w, 0.8);
        }
    }
}

/// Step 5: the latest full date the text gives in the past tense.
fn latest_past_full_date(chars: &[char], full_dates: &[(&Found, Date)], gathered: &mut Gathered) {
    if let Some((f, d)) = full_dates
        .iter()
        .filter(|(f, _)| f.timex.tense == Tense::Past)
        .max_by_key(|(_, d)| *d)
    {
        let text = span_text(chars, f.sentence, f.timex.date_first, f.timex.last);
        let e = format!("latest full date in the text, '{text}'");
        gathered.add(e, d, When::Day(*d), 0.6);
    }
}

/// The strongest candidate wins; a day beats a month of the same strength.
fn decide(gathered: Gathered) -> ArticleDate {
    let Gathered {
        evidence,
        candidates,
    } = gathered;
    // Of equally strong candidates, the first found: the first dateline, not one of a later
    // item the page appends.
    let decided = candidates.into_iter().reduce(|best, c| {
        let better = c
            .confidence
            .total_cmp(&best.confidence)
            .then(c.when.precision().cmp(&best.when.precision()));
        if better == std::cmp::Ordering::Greater {
            c
        } else {
            best
        }
    });
    match decided {
        Some(c) => ArticleDate {
            when: Some(c.when),
            basis: c.basis,
            evidence,
            confidence: c.confidence,
        },
        None => ArticleDate {
            when: None,
            basis: "no evidence: no metadata, full date, guid or dated link".to_owned(),
            evidence,
            confidence: 0.0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_and_links() {
        assert_eq!(
            parse_guid("200606095959993").unwrap().to_string(),
            "2020-06-06T09:59Z"
        );
        assert!(parse_guid("201306095959993").is_none());
        assert!(parse_guid("20060609595999").is_none());
        assert_eq!(
            guid_in_link("/news/2020/06/libya-gna-forces-200606095959993.html"),
            Some("200606095959993")
        );
        assert_eq!(
            date_in_link("/news/2020/06/libya-x.html")
                .unwrap()
                .to_string(),
            "2020-06"
        );
        assert_eq!(
            date_in_link("https://x.com/news/2020/1/6/sirte-falls")
                .unwrap()
                .to_string(),
            "2020-01-06"
        );
        assert!(date_in_link("/news/libya/2345/x").is_none());
    }
}
