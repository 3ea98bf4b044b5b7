//! Time expressions: finding them in a sentence and resolving them against the article's date.
//!
//! Resolution follows HeidelTime's rules for news: a bare weekday in the past tense is the
//! latest such day on or before the article date (the same day counts), in the future tense
//! the earliest on or after it; "in January" in the past tense is the latest January not after
//! the article date; "last year" is the year before; "his 14-month offensive" began 14 months
//! before the article date; "6pm [16:00 GMT] Monday, June 8, 2020" is `2020-06-08T16:00Z`.
//! When no tense marker is found, news text is taken to be in the past.

use super::function_words::{HYPHEN, OF, THE};
use super::knowledge::Knowledge;
use super::knowledge::lexicon::Calendar;
use super::tokens::{Token, TokenKind};
use newsmap_core::model::date::{Date, MINUTES_PER_DAY, Weekday, When, YEARS};

/// The grammatical time of the clause around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
}

/// How a weekday is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "on Saturday", "Saturday's", "earlier on Saturday"
    Bare,
    /// "last Saturday"
    Last,
    /// "next Saturday"
    Next,
    /// "this Saturday"
    This,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What an expression says, before it is anchored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// A date complete in itself: "June 8, 2020", "2011", "January 2020".
    Absolute(When),
    /// A day of a month, year unstated, with the weekday the text gives it: "June 8",
    /// "Monday, June 8".
    MonthDay(u8, u8, Option<Weekday>),
    /// A month, year unstated: "in January".
    Month(u8),
    /// A month of a year relative to the article's: "April last year" is (4, −1).
    MonthOfYears(u8, i32),
    Weekday(Weekday, Qualifier),
    /// Days from the article date: yesterday (−1), today (0), tomorrow (1).
    Days(i64),
    /// "last year" (−1), "this year" (0), "two years ago" (−2).
    Years(i32),
    Months(i32),
    /// "14-month" before a noun: something that has lasted this long at the article date.
    Duration(i32, Unit),
    /// A time too vague to place an event: "in recent weeks", "recently", "for months".
    Vague,
    /// Days relative to another event. `clause` is true for "a day after/before …", which
    /// introduces the clause holding the event; false for "a day later/earlier".
    AnchorDays {
        days: i64,
        clause: bool,
    },
    /// Months relative to another event: "a month after …", "two months later".
    AnchorMonths {
        months: i32,
        clause: bool,
    },
}

/// A time expression found in a sentence: tokens `[first, last]` inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub first: usize,
    pub last: usize,
    /// Where the calendar part starts (after a leading time of day).
    pub date_first: usize,
    pub value: Value,
    /// The time of day in minutes: in UTC when the text gives one in GMT/UTC, else in the
    /// story's local time, `local_offset` minutes ahead of UTC.
    pub utc_minute: Option<u16>,
    pub local_offset: i32,
    /// The local wall-clock time written alongside ("6pm" → "18:00").
    pub local_time: Option<String>,
    /// The word before: "on", "in", "from", "since", "until", …
    pub prep: Option<String>,
    pub tense: Tense,
}

/// "14-month" before a noun: what has lasted `n` units at the article date began `n` units
/// before it.
fn duration_start(n: i32, unit: Unit, dct: Date) -> (When, String) {
    let start = match unit {
        Unit::Day => When::Day(dct.add_days(i64::from(n).saturating_neg())),
        Unit::Week => When::Day(dct.add_days(i64::from(n).saturating_mul(-7))),
        Unit::Month => {
            let d = dct.add_months(n.saturating_neg());
            When::Month(d.year, d.month)
        }
        Unit::Year => When::Year(dct.year.saturating_sub(n)),
    };
    (
        start,
        format!(
            "lasting {n} {unit:?}(s) at the article date ({dct}), so began {n} {unit:?}(s) before"
        )
        .to_lowercase(),
    )
}

impl Timex {
    /// Resolves against the article date. `None` when the value needs an anchor event
    /// ([`Value::AnchorDays`]) or cannot be placed. The string says how it was resolved.
    pub fn resolve(&self, dct: Date) -> Option<(When, String)> {
        let (when, basis) = match self.value {
            Value::Absolute(w) => (w, "stated in full".to_owned()),
            Value::MonthDay(m, d, w) => self.resolve_month_day(m, d, w, dct)?,
            Value::Month(m) => self.resolve_month(m, dct),
            Value::Weekday(w, q) => self.resolve_weekday(w, q, dct),
            Value::MonthOfYears(m, n) => (
                When::Month(dct.year.saturating_add(n), m),
                format!("month of the year {n:+} from the article date ({dct})"),
            ),
            Value::Days(n) => (
                When::Day(dct.add_days(n)),
                format!("{n:+} day(s) from the article date ({dct})"),
            ),
            Value::Years(n) => (
                When::Year(dct.year.saturating_add(n)),
                format!("{n:+} year(s) from the article date ({dct})"),
            ),
            Value::Months(n) => {
                let d = dct.add_months(n);
                (
                    When::Month(d.year, d.month),
                    format!("{n:+} month(s) from the article date ({dct})"),
                )
            }
            Value::Duration(n, unit) => duration_start(n, unit, dct),
            Value::AnchorDays { .. } | Value::AnchorMonths { .. } | Value::Vague => return None,
        };
        Some((self.with_time(when), basis))
    }

    /// "June 8": in the article's year, or the one before (past tense) or after (future) when
    /// the day would otherwise fall on the wrong side of the article date.
    fn resolve_month_day(
        &self,
        m: u8,
        d: u8,
        weekday: Option<Weekday>,
        dct: Date,
    ) -> Option<(When, String)> {
        // "Monday, June 8": the year, of the article's and the two around it, in which June 8
        // is a Monday, nearest the article.
        let on_weekday = weekday.and_then(|w| {
            [0, -1, 1]
                .into_iter()
                .filter_map(|shift| Date::new(dct.year.saturating_add(shift), m, d))
                .find(|date| date.weekday() == w)
        });
        if let Some(date) = on_weekday {
            return Some((
                When::Day(date),
                format!(
                    "day of month and weekday ('{}'), in the year nearest the article date ({dct}) that matches",
                    date.weekday().name()
                ),
            ));
        }
        let this_year = Date::new(dct.year, m, d)?;
        let date = match self.tense {
            Tense::Past if this_year > dct => Date::new(dct.year.saturating_sub(1), m, d)?,
            Tense::Future if this_year < dct => Date::new(dct.year.saturating_add(1), m, d)?,
            _ => this_year,
        };
        Some((
            When::Day(date),
            format!(
                "day of month, year from the article date ({dct}) and the {} tense",
                self.tense_name()
            ),
        ))
    }

    /// "in January": the latest such month not after the article date (past tense), the
    /// earliest not before it (future).
    fn resolve_month(&self, m: u8, dct: Date) -> (When, String) {
        let year = match self.tense {
            Tense::Past if m > dct.month => dct.year.saturating_sub(1),
            Tense::Future if m < dct.month => dct.year.saturating_add(1),
            _ => dct.year,
        };
        (
            When::Month(year, m),
            format!(
                "month in the {} tense, latest such month {} the article date ({dct})",
                self.tense_name(),
                if self.tense == Tense::Past {
                    "not after"
                } else {
                    "not before"
                }
            ),
        )
    }

    /// A weekday, by its qualifier and the tense: "last Saturday", "this Saturday", "on
    /// Saturday" in the past or the future.
    fn resolve_weekday(&self, w: Weekday, q: Qualifier, dct: Date) -> (When, String) {
        let date = match (q, self.tense) {
            (Qualifier::Last, _) => dct.add_days(-1).latest_on_or_before(w),
            (Qualifier::Next, _) => dct.add_days(1).earliest_on_or_after(w),
            (Qualifier::This, _) => {
                let back = dct.latest_on_or_before(w);
                let ahead = dct.earliest_on_or_after(w);
                let day = dct.days_since_epoch();
                if day.saturating_sub(back.days_since_epoch())
                    <= ahead.days_since_epoch().saturating_sub(day)
                {
                    back
                } else {
                    ahead
                }
            }
            (Qualifier::Bare, Tense::Past) => dct.latest_on_or_before(w),
            (Qualifier::Bare, Tense::Future) => dct.earliest_on_or_after(w),
        };
        let rule = match (q, self.tense) {
            (Qualifier::Bare, Tense::Past) => "in the past tense, latest on or before",
            (Qualifier::Bare, Tense::Future) => "in the future tense, earliest on or after",
            (Qualifier::Last, _) => "'last', latest before",
            (Qualifier::Next, _) => "'next', earliest after",
            (Qualifier::This, _) => "'this', nearest to",
        };
        (
            When::Day(date),
            format!("weekday '{}' {rule} the article date ({dct})", w.name()),
        )
    }

    fn tense_name(&self) -> &'static str {
        match self.tense {
            Tense::Past => "past",
            Tense::Future => "future",
        }
    }

    /// Adds the UTC time of day to a day value.
    pub fn with_time(&self, when: When) -> When {
        let (When::Day(d), Some(m)) = (when, self.utc_minute) else {
            return when;
        };
        // A local time before the offset falls on the day before in UTC.
        let m = i64::from(m).saturating_sub(i64::from(self.local_offset));
        let day = d.add_days(m.div_euclid(MINUTES_PER_DAY));
        u16::try_from(m.rem_euclid(MINUTES_PER_DAY))
            .map_or(when, |minute| When::Minute(day, minute))
    }
}

/// "18:00" → 1080.
fn minutes_of(hhmm: &str) -> Option<u16> {
    let (h, m) = hhmm.split_once(':')?;
    Some(
        h.parse::<u16>()
            .ok()?
            .saturating_mul(60)
            .saturating_add(m.parse().ok()?),
    )
}

/// A number: digits, or a word the lexicon's calendar counts ("five", "a").
pub fn number_word(k: &Knowledge, t: &Token) -> Option<u32> {
    if t.kind == TokenKind::Number {
        return t.norm.replace(',', "").parse().ok();
    }
    k.calendar.numbers.get(&t.norm).copied()
}

/// The largest number of days, weeks, months or years a relative expression is read with:
/// beyond it, "99999 years ago" is not a date.
const MAX_OFFSET: u32 = 1000;

/// The sentence's tokens, read without ever indexing out of range, with the lexicon's words
/// for time.
#[derive(Clone, Copy)]
struct Toks<'a> {
    tokens: &'a [Token],
    k: &'a Knowledge,
}

impl<'a> Toks<'a> {
    fn at(self, i: usize) -> Option<&'a Token> {
        self.tokens.get(i)
    }

    fn is(self, i: usize, norm: &str) -> bool {
        self.at(i).is_some_and(|t| t.is(norm))
    }

    fn is_any(self, i: usize, norms: &[&str]) -> bool {
        self.at(i).is_some_and(|t| t.is_any(norms))
    }

    fn before(self, i: usize) -> Option<&'a Token> {
        i.checked_sub(1).and_then(|p| self.at(p))
    }

    fn calendar(self) -> &'a Calendar {
        &self.k.calendar
    }

    /// Whether token `i` is in a class of the lexicon's time words.
    fn in_class(self, i: usize, class: &super::knowledge::Phrases) -> bool {
        class.at(self.tokens, i)
    }

    fn weekday(self, t: &Token) -> Option<Weekday> {
        if !(t.capitalised() && t.kind == TokenKind::Word) {
            return None;
        }
        self.calendar()
            .weekday(&t.norm)
            .and_then(|i| Weekday::ALL.get(i).copied())
    }

    fn month(self, t: &Token) -> Option<u8> {
        (t.capitalised() && t.kind == TokenKind::Word)
            .then(|| self.calendar().month(&t.norm))
            .flatten()
    }

    fn unit(self, t: &Token) -> Option<Unit> {
        let name = self.calendar().unit(&t.norm)?;
        let index = Calendar::UNITS.iter().position(|u| *u == name)?;
        [Unit::Day, Unit::Week, Unit::Month, Unit::Year]
            .get(index)
            .copied()
    }

    fn number(self, t: &Token) -> Option<u32> {
        number_word(self.k, t)
    }
}

fn year(t: &Token) -> Option<i32> {
    (t.kind == TokenKind::Number && t.norm.len() == 4)
        .then(|| t.norm.parse::<i32>().ok())
        .flatten()
        .filter(|y| YEARS.contains(y))
}

impl Toks<'_> {
    /// A day of the month written as digits ("8") or an ordinal ("8th", "1st").
    fn day_of_month(self, t: &Token) -> Option<u8> {
        let digits: String = t.norm.chars().take_while(char::is_ascii_digit).collect();
        let suffix = t.norm.get(digits.len()..).unwrap_or_default();
        let plain = t.kind == TokenKind::Number && digits.len() == t.norm.len();
        let ordinal = self.k.time.ordinal_suffixes.has_norm(suffix);
        if digits.is_empty() || digits.len() > 2 || !(plain || ordinal) {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }
}

/// The tense of the clause leading up to token `at`: future when a future marker stands in
/// the eight tokens before it (not across a comma, semicolon, colon or quotation mark), else
/// past.
pub fn tense_before(k: &Knowledge, tokens: &[Token], at: usize) -> Tense {
    let at = at.min(tokens.len());
    let mut from = at.saturating_sub(8);
    let window = tokens.get(from..at).unwrap_or_default();
    if let Some(stop) = window
        .iter()
        .rposition(|t| t.is_any(&[";", "\"", ":", ","]))
    {
        from = from.saturating_add(stop).saturating_add(1);
    }
    let window = tokens.get(from..at).unwrap_or_default();
    let future = k.words.future.find_in(window, 0, window.len()).is_some();
    if future { Tense::Future } else { Tense::Past }
}

/// A time of day, as a number of minutes after midnight and how many tokens it took.
struct Clock {
    minutes: u16,
    len: usize,
}

/// "am"/"pm" markers at `k`: "pm", "PM", "p.m.", "p.m"; returns (afternoon, tokens).
fn meridiem(toks: Toks, k: usize) -> Option<(bool, usize)> {
    let words = &toks.k.time;
    if let Some(n) = words.post_meridiem.match_at(toks.tokens, k) {
        return Some((true, n));
    }
    words
        .ante_meridiem
        .match_at(toks.tokens, k)
        .map(|n| (false, n))
}

fn twelve_hour(h: u16, afternoon: bool) -> Option<u16> {
    (1..=12)
        .contains(&h)
        .then(|| (h % 12).saturating_add(if afternoon { 12 } else { 0 }))
}

/// A clock time at `j`: "6pm", "6 pm", "6 p.m.", "6:30 pm", "18:00", "01:03 AM", "1600" (only
/// before a time zone: `four_digits`).
fn clock(toks: Toks, j: usize, four_digits: bool) -> Option<Clock> {
    let t = toks.at(j)?;
    if t.kind == TokenKind::Word {
        // "6pm" / "6am" as one token.
        let digits: String = t.norm.chars().take_while(char::is_ascii_digit).collect();
        let rest = t.norm.get(digits.len()..).unwrap_or_default();
        let words = &toks.k.time;
        let afternoon = words.post_meridiem.has_norm(rest);
        if digits.is_empty() || !(afternoon || words.ante_meridiem.has_norm(rest)) {
            return None;
        }
        let h = twelve_hour(digits.parse().ok()?, afternoon)?;
        return Some(Clock {
            minutes: h.saturating_mul(60),
            len: 1,
        });
    }
    if t.kind != TokenKind::Number || t.norm.contains([',', '.']) {
        return None;
    }
    if t.norm.len() == 4 && four_digits {
        // "1600 GMT", "0130 GMT"
        let h: u16 = t.norm.get(..2)?.parse().ok().filter(|h| *h < 24)?;
        let m: u16 = t.norm.get(2..)?.parse().ok().filter(|m| *m < 60)?;
        return Some(Clock {
            minutes: h.saturating_mul(60).saturating_add(m),
            len: 1,
        });
    }
    if t.norm.len() > 2 {
        return None;
    }
    let h: u16 = t.norm.parse().ok().filter(|h| *h < 24)?;
    let mut len = 1;
    let mut m = 0;
    if toks.is(j.saturating_add(1), ":") {
        let mm = toks
            .at(j.saturating_add(2))
            .filter(|m| m.kind == TokenKind::Number && m.norm.len() == 2)?;
        m = mm.norm.parse().ok().filter(|m| *m < 60)?;
        len = 3;
    }
    let minutes = match meridiem(toks, j.saturating_add(len)) {
        Some((afternoon, n)) => {
            len = len.saturating_add(n);
            twelve_hour(h, afternoon)?
                .saturating_mul(60)
                .saturating_add(m)
        }
        // A bare "6" is a number, not a time; "18:00" is a time.
        None if len == 3 => h.saturating_mul(60).saturating_add(m),
        None => return None,
    };
    Some(Clock { minutes, len })
}

/// A time zone at `k`: UTC ("GMT", "UTC") or the local time of the story.
fn zone(toks: Toks, k: usize) -> Option<(bool, usize)> {
    let words = &toks.k.time;
    if let Some(n) = words.utc_zones.match_at(toks.tokens, k) {
        return Some((true, n));
    }
    words
        .local_zones
        .match_at(toks.tokens, k)
        .map(|n| (false, n))
}

/// A time of day: "6pm", "16:00 GMT", "6pm [16:00 GMT]", "6pm (1600 GMT)", "6:30 p.m. local
/// time". Returns (local "HH:MM" if written without UTC, UTC minute if a GMT/UTC time is
/// given, tokens used).
fn time_of_day(toks: Toks, i: usize) -> Option<(Option<String>, Option<u16>, usize)> {
    let hhmm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
    let utc = |at: usize| toks.in_class(at, &toks.k.time.utc_zones);
    let four = utc(i.saturating_add(1));
    let c = clock(toks, i, four)?;
    let mut n = c.len;
    if let Some((utc, z)) = zone(toks, i.saturating_add(n)) {
        n = n.saturating_add(z);
        if utc {
            return Some((None, Some(c.minutes), n));
        }
    }
    let local = Some(hhmm(c.minutes));
    // "6pm [16:00 GMT]" or "6pm (1600 GMT)"
    let open = i.saturating_add(n);
    if toks.is_any(open, &["[", "("]) {
        let inner = open.saturating_add(1);
        let four = utc(inner.saturating_add(1));
        if let Some(c2) = clock(toks, inner, four) {
            let z_at = inner.saturating_add(c2.len);
            if let Some((true, z)) = zone(toks, z_at) {
                let close = z_at.saturating_add(z);
                if toks.is_any(close, &["]", ")"]) {
                    return Some((
                        local,
                        Some(c2.minutes),
                        close.saturating_add(1).saturating_sub(i),
                    ));
                }
            }
        }
    }
    Some((local, None, n))
}

/// The year after a date at `k`: "[,] 2020". Returns (year, tokens).
fn year_after(toks: Toks, k: usize) -> Option<(i32, usize)> {
    let comma = usize::from(toks.is(k, ","));
    toks.at(k.saturating_add(comma))
        .and_then(year)
        .map(|y| (y, comma.saturating_add(1)))
}

/// "-6" or "–6" after a day: the end of a range ("June 5-6"), skipped.
fn range_end(toks: Toks, k: usize) -> usize {
    let dash = toks.is(k, HYPHEN) || toks.in_class(k, &toks.k.time.range_marks);
    let day = toks
        .at(k.saturating_add(1))
        .and_then(|t| toks.day_of_month(t))
        .is_some();
    if dash && day { 2 } else { 0 }
}

/// A day of a month and maybe a year: `Absolute` with the year, `MonthDay` without.
fn day_value(toks: Toks, m: u8, d: u8, after: usize) -> Option<(Value, usize)> {
    match year_after(toks, after) {
        Some((y, n)) => Some((
            Value::Absolute(When::Day(Date::new(y, m, d)?)),
            after.saturating_add(n),
        )),
        None => Some((Value::MonthDay(m, d, None), after)),
    }
}

/// "June 8, 2020", "June 8th", "June 5-6", "June 2020", "June of 2020", "April last year",
/// "January" (at `j`, a month name). Returns the value and the index after it.
fn month_first(toks: Toks, i: usize, j: usize, m: u8) -> Option<(Value, usize)> {
    let next_at = j.saturating_add(1);
    if let Some(next) = toks.at(next_at) {
        if let Some(d) = toks.day_of_month(next) {
            let after = next_at.saturating_add(1);
            let after = after.saturating_add(range_end(toks, after));
            return day_value(toks, m, d, after);
        }
        if let Some(y) = year(next) {
            return Some((
                Value::Absolute(When::Month(y, m)),
                next_at.saturating_add(1),
            ));
        }
        if next.is(OF)
            && let Some(y) = toks.at(next_at.saturating_add(1)).and_then(year)
        {
            return Some((
                Value::Absolute(When::Month(y, m)),
                next_at.saturating_add(2),
            ));
        }
        // "April last year", "January this year": resolved against the article date.
        if let Some(&shift) = toks.calendar().shifts.get(&next.norm)
            && toks
                .at(next_at.saturating_add(1))
                .and_then(|t| toks.unit(t))
                == Some(Unit::Year)
        {
            return Some((Value::MonthOfYears(m, shift), next_at.saturating_add(2)));
        }
    }
    // A bare month that is a word too ("May"), so it needs a preposition before it.
    let ambiguous = toks.k.words.intention.at(toks.tokens, j);
    let may_ok = !ambiguous
        || i.checked_sub(1)
            .is_some_and(|p| toks.in_class(p, &toks.k.time.month_leads));
    may_ok.then_some((Value::Month(m), next_at))
}

/// "8 June 2020", "8th June", "5-6 June", "the 5th of June" (at `j`, a day).
fn day_first(toks: Toks, j: usize, d: u8) -> Option<(Value, usize)> {
    let mut k = j.saturating_add(1);
    k = k.saturating_add(range_end(toks, k));
    if toks.is(k, OF) {
        k = k.saturating_add(1);
    }
    let m = toks.at(k).and_then(|t| toks.month(t))?;
    day_value(toks, m, d, k.saturating_add(1))
}

/// "2020-10-29": a date as ISO 8601 writes it.
fn iso_date(toks: Toks, j: usize) -> Option<(Value, usize)> {
    let y = toks.at(j).and_then(year)?;
    let part = |k: usize| {
        toks.at(k)
            .filter(|t| t.kind == TokenKind::Number && t.norm.len() == 2)
            .and_then(|t| t.norm.parse::<u8>().ok())
    };
    if !toks.is(j.saturating_add(1), "-") || !toks.is(j.saturating_add(3), "-") {
        return None;
    }
    let date = Date::new(y, part(j.saturating_add(2))?, part(j.saturating_add(4))?)?;
    Some((Value::Absolute(When::Day(date)), j.saturating_add(5)))
}

/// "06/06/2020", "6.6.2020", "06-06-2020": a date in numerals, day first unless the first
/// number cannot be a month's day and the second can ("12/25/2019").
fn numeric_date(toks: Toks, j: usize) -> Option<(Value, usize)> {
    let t = toks.at(j)?;
    let number = |k: usize| {
        toks.at(k)
            .filter(|t| t.kind == TokenKind::Number && (1..=2).contains(&t.norm.len()))
            .and_then(|t| t.norm.parse::<u8>().ok())
    };
    // "6.6.2020" reads as "6.6", ".", "2020"; "06/06/2020" as five tokens.
    let dotted = t
        .norm
        .split_once('.')
        .filter(|_| t.kind == TokenKind::Number && toks.is(j.saturating_add(1), "."));
    let (a, b, y, end) = if let Some((a, b)) = dotted {
        let y = toks.at(j.saturating_add(2)).and_then(year)?;
        let part = |p: &str| (p.len() <= 2).then(|| p.parse::<u8>().ok()).flatten();
        (part(a)?, part(b)?, y, j.saturating_add(3))
    } else {
        let sep = toks.at(j.saturating_add(1))?;
        if !sep.is_any(NUMERIC_DATE_SEPARATORS) || !toks.is(j.saturating_add(3), &sep.norm) {
            return None;
        }
        let y = toks.at(j.saturating_add(4)).and_then(year)?;
        (
            number(j)?,
            number(j.saturating_add(2))?,
            y,
            j.saturating_add(5),
        )
    };
    if !YEARS.contains(&y) {
        return None;
    }
    let (d, m) = if a > 12 || b <= 12 { (a, b) } else { (b, a) };
    let date = Date::new(y, m, d)?;
    Some((Value::Absolute(When::Day(date)), end))
}

/// Marks between the numbers of a date written in numerals.
const NUMERIC_DATE_SEPARATORS: &[&str] = &["/", "-", "."];

/// A calendar date at tokens `i..`: "[Monday,] June 8[,] [2020]", "[Monday] 8 June [2020]",
/// "June 2020", "January", "2020-10-29", "06/06/2020". Returns the value and the number of
/// tokens used.
fn calendar_date(toks: Toks, i: usize) -> Option<(Value, usize)> {
    let mut j = i;
    let weekday = toks.at(j).and_then(|t| toks.weekday(t));
    // An optional weekday before the date: "Monday, June 8".
    if weekday.is_some() {
        let k = j
            .saturating_add(1)
            .saturating_add(usize::from(toks.is(j.saturating_add(1), ",")));
        let dated = toks
            .at(k)
            .is_some_and(|t| toks.month(t).is_some() || toks.day_of_month(t).is_some());
        if !dated {
            return None;
        }
        j = k;
    }
    if toks.is(j, THE)
        && toks
            .at(j.saturating_add(1))
            .and_then(|t| toks.day_of_month(t))
            .is_some()
    {
        j = j.saturating_add(1);
    }
    let t = toks.at(j)?;
    let (value, end) = if let Some(m) = toks.month(t) {
        month_first(toks, i, j, m)?
    } else if let Some(found) = iso_date(toks, j).or_else(|| numeric_date(toks, j)) {
        found
    } else if let Some(d) = toks.day_of_month(t) {
        day_first(toks, j, d)?
    } else {
        return None;
    };
    let value = match value {
        Value::MonthDay(m, d, None) => Value::MonthDay(m, d, weekday),
        v => v,
    };
    Some((value, end.saturating_sub(i)))
}

/// Finds the time expressions of a sentence, left to right, not overlapping.
pub fn find(k: &Knowledge, tokens: &[Token]) -> Vec<Timex> {
    let toks = Toks { tokens, k };
    let mut out: Vec<Timex> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(m) = match_at(toks, i) else {
            i = i.saturating_add(1);
            continue;
        };
        let prep = toks
            .before(i)
            .filter(|p| k.time.preps.has_word(p))
            .map(|p| p.norm.clone());
        let len = m.len.max(1);
        out.push(Timex {
            first: i,
            last: i.saturating_add(len).saturating_sub(1),
            date_first: i.saturating_add(m.lead),
            value: m.value,
            // A clock time with no zone is the story's local time.
            utc_minute: m.utc.or_else(|| m.local.as_deref().and_then(minutes_of)),
            local_offset: if m.utc.is_none() && m.local.is_some() {
                k.calendar.local_utc_offset_minutes
            } else {
                0
            },
            local_time: m.local,
            prep,
            tense: tense_before(k, tokens, i),
        });
        i = i.saturating_add(len);
    }
    out
}

/// What matched at a position.
struct Match {
    value: Value,
    /// Tokens used.
    len: usize,
    utc: Option<u16>,
    local: Option<String>,
    /// Tokens of a leading time of day.
    lead: usize,
}

impl Match {
    fn plain(value: Value, len: usize) -> Match {
        Match {
            value,
            len,
            utc: None,
            local: None,
            lead: 0,
        }
    }
}

fn match_at(toks: Toks, i: usize) -> Option<Match> {
    time_then_date(toks, i)
        .or_else(|| date_then_time(toks, i))
        .or_else(|| bare_weekday(toks, i))
        .or_else(|| bare_year(toks, i))
        .or_else(|| vague(toks, i))
        .or_else(|| relative(toks, i))
        .or_else(|| counted(toks, i))
}

/// A time of day, then a date: "6pm [16:00 GMT] Monday, June 8, 2020", "at 16:00 GMT on
/// June 8", "at 22:00 GMT on Sunday". A time with no date after it is not read.
fn time_then_date(toks: Toks, i: usize) -> Option<Match> {
    let (local, utc, n) = time_of_day(toks, i)?;
    let mut k = i.saturating_add(n);
    if toks.is(k, ",") || toks.in_class(k, &toks.k.time.preps) {
        k = k.saturating_add(1);
    }
    let lead = k.saturating_sub(i);
    if let Some((value, m)) = calendar_date(toks, k)
        .filter(|(v, _)| matches!(v, Value::Absolute(When::Day(_)) | Value::MonthDay(..)))
    {
        return Some(Match {
            value,
            len: lead.saturating_add(m),
            utc,
            local,
            lead,
        });
    }
    let w = toks.at(k).and_then(|t| toks.weekday(t))?;
    Some(Match {
        value: Value::Weekday(w, Qualifier::Bare),
        len: lead.saturating_add(1),
        utc,
        local,
        lead,
    })
}

/// A date, then maybe a time: "June 8 at 6pm (1600 GMT)", "June 5, 2020 01:03 AM",
/// "2020-10-29 23:06".
fn date_then_time(toks: Toks, i: usize) -> Option<Match> {
    let (value, n) = calendar_date(toks, i)?;
    let k = i.saturating_add(n);
    let gap = usize::from(toks.is_any(k, &[",", HYPHEN]) || toks.in_class(k, &toks.k.time.preps));
    if let Some((local, utc, m)) = time_of_day(toks, k.saturating_add(gap)) {
        return Some(Match {
            value,
            len: n.saturating_add(gap).saturating_add(m),
            utc,
            local,
            lead: 0,
        });
    }
    Some(Match::plain(value, n))
}

fn bare_weekday(toks: Toks, i: usize) -> Option<Match> {
    let w = toks.at(i).and_then(|t| toks.weekday(t))?;
    let shift = toks
        .before(i)
        .and_then(|p| toks.calendar().shifts.get(&p.norm).copied());
    let q = match shift {
        Some(s) if s < 0 => Qualifier::Last,
        Some(s) if s > 0 => Qualifier::Next,
        Some(_) => Qualifier::This,
        None => Qualifier::Bare,
    };
    Some(Match::plain(Value::Weekday(w, q), 1))
}

fn bare_year(toks: Toks, i: usize) -> Option<Match> {
    let y = toks.at(i).and_then(year)?;
    let is_count = toks.in_class(i.saturating_add(1), &toks.k.time.count_nouns);
    let in_number = toks.before(i).is_some_and(|p| p.is_any(CURRENCY_MARKS));
    (!is_count && !in_number).then(|| Match::plain(Value::Absolute(When::Year(y)), 1))
}

/// Marks before a number that make it money, not a year ("$2020").
const CURRENCY_MARKS: &[&str] = &["$", "€", "£"];

/// "in recent weeks", "in the past few days", "recently", "for months".
fn vague(toks: Toks, i: usize) -> Option<Match> {
    let words = &toks.k.time;
    if toks.in_class(i, &words.vague) {
        return Some(Match::plain(Value::Vague, 1));
    }
    let period = |k: usize| {
        toks.at(k)
            .and_then(|t| toks.unit(t))
            .is_some_and(|_| toks.at(k).is_some_and(|t| t.norm.ends_with('s')))
    };
    if toks.in_class(i, &words.vague_leads) {
        let mut k = i.saturating_add(1);
        if toks.in_class(k, &words.vague_quantities) {
            k = k.saturating_add(1);
        }
        if period(k) {
            return Some(Match::plain(
                Value::Vague,
                k.saturating_add(1).saturating_sub(i),
            ));
        }
    }
    (toks.in_class(i, &words.span_leads) && period(i.saturating_add(1)))
        .then(|| Match::plain(Value::Vague, 2))
}

/// "yesterday", "today", "overnight", "last year", "this month".
fn relative(toks: Toks, i: usize) -> Option<Match> {
    let t = toks.at(i)?;
    let cal = toks.calendar();
    // "the next day", "that same day": days from the event before.
    if let Some((days, n)) = cal.relative_day_at(toks.tokens, i) {
        return Some(Match::plain(
            Value::AnchorDays {
                days,
                clause: false,
            },
            n,
        ));
    }
    if let Some(&days) = cal.days.get(&t.norm) {
        return Some(Match::plain(Value::Days(days), 1));
    }
    let shift = *cal.shifts.get(&t.norm)?;
    match toks.at(i.saturating_add(1)).and_then(|u| toks.unit(u)) {
        Some(Unit::Year) => Some(Match::plain(Value::Years(shift), 2)),
        Some(Unit::Month) => Some(Match::plain(Value::Months(shift), 2)),
        _ => None,
    }
}

/// "two years ago", "a day after", "a day earlier", "14-month".
fn counted(toks: Toks, i: usize) -> Option<Match> {
    let n = toks
        .at(i)
        .and_then(|t| toks.number(t))
        .filter(|n| *n <= MAX_OFFSET)?;
    let n = i32::try_from(n).ok()?;
    let hyphen = toks.is(i.saturating_add(1), HYPHEN);
    let u_at = i.saturating_add(1).saturating_add(usize::from(hyphen));
    let u = toks.at(u_at).and_then(|t| toks.unit(t))?;
    let after_at = u_at.saturating_add(1);
    let words = &toks.k.time;
    if hyphen {
        // "14-month offensive"; "nine-year-old" is not a duration of an event.
        let marked =
            |class| toks.in_class(after_at.saturating_add(1), class) && toks.is(after_at, HYPHEN);
        let is_age = marked(&words.age_marks);
        let long = marked(&words.length_marks);
        let len = after_at
            .saturating_add(if long { 2 } else { 0 })
            .saturating_sub(i);
        return (!is_age).then(|| Match::plain(Value::Duration(n, u), len));
    }
    let days = match u {
        Unit::Day => i64::from(n),
        Unit::Week => i64::from(n).saturating_mul(7),
        Unit::Month | Unit::Year => 0,
    };
    let len = after_at.saturating_add(1).saturating_sub(i);
    let after = toks.at(after_at)?;
    if toks.in_class(after_at, &words.ago) {
        return Some(Match::plain(
            match u {
                Unit::Year => Value::Years(n.saturating_neg()),
                Unit::Month => Value::Months(n.saturating_neg()),
                _ => Value::Days(days.saturating_neg()),
            },
            len,
        ));
    }
    let cal = toks.calendar();
    let (sign, clause) = match (cal.anchors.get(&after.norm), cal.offsets.get(&after.norm)) {
        (Some(&s), _) => (s, true),
        (None, Some(&s)) => (s, false),
        (None, None) => return None,
    };
    let value = match u {
        Unit::Day | Unit::Week => Value::AnchorDays {
            days: days.saturating_mul(sign.signum()),
            clause,
        },
        Unit::Month => Value::AnchorMonths {
            months: n.saturating_mul(i32::try_from(sign.signum()).unwrap_or(1)),
            clause,
        },
        Unit::Year => Value::AnchorMonths {
            months: n
                .saturating_mul(12)
                .saturating_mul(i32::try_from(sign.signum()).unwrap_or(1)),
            clause,
        },
    };
    Some(Match::plain(value, len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sat() -> Date {
        Date::new(2020, 6, 6).unwrap()
    }

    fn resolve(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, 0);
        find(Knowledge::builtin(), &tokens)
            .iter()
            .filter_map(|t| t.resolve(sat()).map(|(w, _)| w.to_string()))
            .collect()
    }

    #[test]
    fn weekdays_follow_the_tense() {
        assert_eq!(
            resolve("told a news conference on Saturday"),
            ["2020-06-06"]
        );
        assert_eq!(resolve("Friday's defeat inflicts"), ["2020-06-05"]);
        assert_eq!(
            resolve("a ceasefire to take effect from Monday"),
            ["2020-06-08"]
        );
        assert_eq!(resolve("talks will be held on Saturday"), ["2020-06-06"]);
        assert_eq!(resolve("he arrived last Saturday"), ["2020-05-30"]);
        assert_eq!(resolve("talks next Friday"), ["2020-06-12"]);
        assert_eq!(resolve("earlier on Saturday"), ["2020-06-06"]);
        assert_eq!(resolve("Later on Sunday, it said"), ["2020-05-31"]);
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            resolve("taken virtually without a fight in January"),
            ["2020-01"]
        );
        assert_eq!(resolve("it happened in September"), ["2019-09"]);
        assert_eq!(resolve("elections will be held in September"), ["2020-09"]);
        assert_eq!(resolve("chaos in 2011 when"), ["2011"]);
        assert_eq!(resolve("since last year"), ["2019"]);
        assert_eq!(resolve("two years ago"), ["2018"]);
        assert_eq!(resolve("in April 2019"), ["2019-04"]);
        assert_eq!(resolve("in April last year"), ["2019-04"]);
        assert_eq!(
            resolve("in recent weeks, in the past few days, recently"),
            Vec::<String>::new()
        );
        assert_eq!(resolve("He may go"), Vec::<String>::new());
        assert_eq!(resolve("in May"), ["2020-05"]);
        assert_eq!(
            resolve("2,000 fighters and 2020 troops"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn full_dates_and_times() {
        assert_eq!(
            resolve("declaring a ceasefire from 6pm [16:00 GMT] Monday, June 8, 2020,"),
            ["2020-06-08T16:00Z"]
        );
        assert_eq!(resolve("on 18 May 2020"), ["2020-05-18"]);
        assert_eq!(resolve("on June 4th"), ["2020-06-04"]);
        assert_eq!(resolve("on June 4"), ["2020-06-04"]);
        assert_eq!(resolve("it ends on June 30"), ["2019-06-30"]);
        assert_eq!(resolve("it will end on June 30"), ["2020-06-30"]);
        assert_eq!(
            resolve("a ceasefire to begin at midnight on January 12"),
            ["2021-01-12"]
        );
        assert_eq!(resolve("from midnight at 0000 GMT"), Vec::<String>::new());
        assert_eq!(resolve("at 22:00 GMT on Sunday"), ["2020-05-31T22:00Z"]);
        assert_eq!(resolve("on January 12 at 00:00 GMT"), ["2020-01-12T00:00Z"]);
    }

    #[test]
    fn clock_times_in_the_forms_wires_write_them() {
        let found = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            let tokens = tokenize(&chars, 0);
            find(Knowledge::builtin(), &tokens)
                .iter()
                .map(|t| {
                    let when = t
                        .resolve(sat())
                        .map(|(w, _)| w.to_string())
                        .unwrap_or_default();
                    format!("{when} {}", t.local_time.as_deref().unwrap_or("-"))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("from 6pm (1600 GMT) Monday, June 8, 2020"),
            ["2020-06-08T16:00Z 18:00"]
        );
        // A clock time with no zone is Libya's (UTC+2).
        assert_eq!(found("at 6:30 pm on June 4"), ["2020-06-04T16:30Z 18:30"]);
        assert_eq!(found("at 6 p.m. on June 4"), ["2020-06-04T16:00Z 18:00"]);
        assert_eq!(found("at 0130 GMT on Monday"), ["2020-06-01T01:30Z -"]);
        assert_eq!(
            found("Updated June 5, 2020 01:03 AM"),
            ["2020-06-04T23:03Z 01:03"],
            "a local time before 02:00 is the day before in UTC"
        );
        assert_eq!(found("2020-10-29 23:06"), ["2020-10-29T21:06Z 23:06"]);
        assert_eq!(
            found("at 18:00 local time on June 4"),
            ["2020-06-04T16:00Z 18:00"]
        );
        assert_eq!(
            found("from 06:00 local time (04:00 GMT) on Monday, June 8"),
            ["2020-06-08T04:00Z 06:00"]
        );
        assert_eq!(found("on June 5-6"), ["2020-06-05 -"]);
        assert_eq!(found("on 5-6 June"), ["2020-06-05 -"]);
        assert_eq!(found("on the 5th of June"), ["2020-06-05 -"]);
        assert_eq!(found("the 2011 uprising"), ["2011 -"]);
        assert!(found("6").is_empty() && found("at 25:99 GMT").is_empty());
    }

    #[test]
    fn dates_in_numerals_and_weekdays_that_fix_the_year() {
        assert_eq!(resolve("Published 06/06/2020 10:05"), ["2020-06-06T08:05Z"]);
        assert_eq!(resolve("Tripoli, 6.6.2020"), ["2020-06-06"]);
        assert_eq!(resolve("on 12/25/2019"), ["2019-12-25"]);
        assert_eq!(
            resolve("a ceasefire beginning Monday, June 8"),
            ["2020-06-08"],
            "June 8 is a Monday in 2020, whatever the tense"
        );
        assert_eq!(resolve("talks held on Monday, June 8"), ["2020-06-08"]);
    }

    #[test]
    fn absurd_numbers_are_not_dates() {
        assert_eq!(resolve("99999999 years ago"), Vec::<String>::new());
        assert_eq!(resolve("a 2147483647-month siege"), Vec::<String>::new());
        assert_eq!(
            resolve("February 30, 2020"),
            ["2020"],
            "the impossible day is dropped"
        );
    }

    #[test]
    fn durations_anchor_at_the_article_date() {
        assert_eq!(
            resolve("Haftar's 14-month offensive to capture Tripoli"),
            ["2019-04"]
        );
        assert_eq!(resolve("the nine-year war"), ["2011"]);
        assert_eq!(resolve("a three-week-long siege"), ["2020-05-16"]);
        assert_eq!(resolve("a nine-year-old boy"), Vec::<String>::new());
    }

    #[test]
    fn anchored_offsets_need_an_event() {
        let chars: Vec<char> = "comes a day after the GNA seized".chars().collect();
        let tokens = tokenize(&chars, 0);
        let found = find(Knowledge::builtin(), &tokens);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].value,
            Value::AnchorDays {
                days: 1,
                clause: true
            }
        );
        assert!(found[0].resolve(sat()).is_none());
    }

    #[test]
    fn local_time_is_kept_for_display() {
        let chars: Vec<char> = "from 6pm [16:00 GMT] Monday, June 8, 2020"
            .chars()
            .collect();
        let tokens = tokenize(&chars, 0);
        let t = &find(Knowledge::builtin(), &tokens)[0];
        assert_eq!(t.local_time.as_deref(), Some("18:00"));
        assert_eq!(t.utc_minute, Some(16 * 60));
        assert_eq!(t.prep.as_deref(), Some("from"));
    }
}
