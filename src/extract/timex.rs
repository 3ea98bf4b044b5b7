//! Time expressions: finding them in a sentence and resolving them against the article's date.
//!
//! Resolution follows HeidelTime's rules for news: a bare weekday in the past tense is the
//! latest such day on or before the article date (the same day counts), in the future tense
//! the earliest on or after it; "in January" in the past tense is the latest January not after
//! the article date; "last year" is the year before; "his 14-month offensive" began 14 months
//! before the article date; "6pm [16:00 GMT] Monday, June 8, 2020" is `2020-06-08T16:00Z`.
//! When no tense marker is found, news text is taken to be in the past.

use super::text::{Token, TokenKind};
use crate::date::{Date, Weekday, When, month_from_name};

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
    /// A day of a month, year unstated: "June 8".
    MonthDay(u8, u8),
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
}

/// A time expression found in a sentence: tokens `[first, last]` inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    pub first: usize,
    pub last: usize,
    /// Where the calendar part starts (after a leading time of day).
    pub date_first: usize,
    pub value: Value,
    /// The time of day in UTC minutes when the text gives one in GMT/UTC.
    pub utc_minute: Option<u16>,
    /// The local wall-clock time written alongside ("6pm" → "18:00").
    pub local_time: Option<String>,
    /// The word before: "on", "in", "from", "since", "until", …
    pub prep: Option<String>,
    pub tense: Tense,
}

impl Timex {
    /// Resolves against the article date. `None` when the value needs an anchor event
    /// ([`Value::AnchorDays`]) or cannot be placed. The string says how it was resolved.
    pub fn resolve(&self, dct: Date) -> Option<(When, String)> {
        let (when, basis) = match self.value {
            Value::Absolute(w) => (w, "stated in full".to_owned()),
            Value::MonthDay(m, d) => {
                let this_year = Date::new(dct.year, m, d)?;
                let date = match self.tense {
                    Tense::Past if this_year > dct => Date::new(dct.year - 1, m, d)?,
                    Tense::Future if this_year < dct => Date::new(dct.year + 1, m, d)?,
                    _ => this_year,
                };
                (
                    When::Day(date),
                    format!(
                        "day of month, year from the article date ({dct}) and the {} tense",
                        self.tense_name()
                    ),
                )
            }
            Value::Month(m) => {
                let year = match self.tense {
                    Tense::Past if m > dct.month => dct.year - 1,
                    Tense::Future if m < dct.month => dct.year + 1,
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
            Value::Weekday(w, q) => {
                let date = match (q, self.tense) {
                    (Qualifier::Last, _) => dct.add_days(-1).latest_on_or_before(w),
                    (Qualifier::Next, _) => dct.add_days(1).earliest_on_or_after(w),
                    (Qualifier::This, _) => {
                        let back = dct.latest_on_or_before(w);
                        let ahead = dct.earliest_on_or_after(w);
                        if dct.days_since_epoch() - back.days_since_epoch()
                            <= ahead.days_since_epoch() - dct.days_since_epoch()
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
            Value::MonthOfYears(m, n) => (
                When::Month(dct.year + n, m),
                format!("month of the year {n:+} from the article date ({dct})"),
            ),
            Value::Days(n) => (
                When::Day(dct.add_days(n)),
                format!("{n:+} day(s) from the article date ({dct})"),
            ),
            Value::Years(n) => (
                When::Year(dct.year + n),
                format!("{n:+} year(s) from the article date ({dct})"),
            ),
            Value::Months(n) => {
                let d = dct.add_months(n);
                (
                    When::Month(d.year, d.month),
                    format!("{n:+} month(s) from the article date ({dct})"),
                )
            }
            Value::Duration(n, unit) => {
                let start = match unit {
                    Unit::Day => When::Day(dct.add_days(-i64::from(n))),
                    Unit::Week => When::Day(dct.add_days(-7 * i64::from(n))),
                    Unit::Month => {
                        let d = dct.add_months(-n);
                        When::Month(d.year, d.month)
                    }
                    Unit::Year => When::Year(dct.year - n),
                };
                (start, format!("lasting {n} {unit:?}(s) at the article date ({dct}), so began {n} {unit:?}(s) before").to_lowercase())
            }
            Value::AnchorDays { .. } | Value::Vague => return None,
        };
        Some((self.with_time(when), basis))
    }

    fn tense_name(&self) -> &'static str {
        match self.tense {
            Tense::Past => "past",
            Tense::Future => "future",
        }
    }

    /// Adds the UTC time of day to a day value.
    pub fn with_time(&self, when: When) -> When {
        match (when, self.utc_minute) {
            (When::Day(d), Some(m)) => When::Minute(d, m),
            _ => when,
        }
    }
}

/// "one" … "twenty", "a"/"an" as one, and digits.
pub fn number_word(t: &Token) -> Option<u32> {
    if t.kind == TokenKind::Number {
        return t.norm.replace(',', "").parse().ok();
    }
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    match t.norm.as_str() {
        "a" | "an" | "single" => Some(1),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        w => WORDS.iter().position(|x| *x == w).map(|i| i as u32),
    }
}

fn weekday(t: &Token) -> Option<Weekday> {
    (t.capitalised() && t.kind == TokenKind::Word)
        .then(|| {
            Weekday::ALL
                .into_iter()
                .find(|w| w.name().eq_ignore_ascii_case(&t.text))
        })
        .flatten()
}

fn month(t: &Token) -> Option<u8> {
    (t.capitalised() && t.kind == TokenKind::Word)
        .then(|| month_from_name(&t.text))
        .flatten()
}

fn year(t: &Token) -> Option<i32> {
    (t.kind == TokenKind::Number && t.norm.len() == 4)
        .then(|| t.norm.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn day_of_month(t: &Token, next: Option<&Token>) -> Option<(u8, usize)> {
    if t.kind != TokenKind::Number || t.norm.len() > 2 {
        return None;
    }
    let d: u8 = t.norm.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    // "8th", "1st" arrive as one word token; plain digits as a number.
    let extra = usize::from(next.is_some_and(|n| n.is_any(&["st", "nd", "rd", "th"])));
    Some((d, extra))
}

fn ordinal_day(t: &Token) -> Option<u8> {
    let digits: String = t.norm.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &t.norm[digits.len()..];
    (!digits.is_empty() && ["st", "nd", "rd", "th"].contains(&suffix))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn unit(t: &Token) -> Option<Unit> {
    match t.norm.as_str() {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        _ => None,
    }
}

/// Nouns after which a four-digit number is a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "fighters",
    "troops",
    "people",
    "soldiers",
    "mercenaries",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "dollars",
    "euros",
    "barrels",
    "families",
    "civilians",
    "rockets",
    "vehicles",
];

const FUTURE_MARKERS: &[&[&str]] = &[
    &["will"],
    &["'ll"],
    &["shall"],
    &["would"],
    &["going", "to"],
    &["take", "effect"],
    &["takes", "effect"],
    &["come", "into", "force"],
    &["comes", "into", "force"],
    &["due", "to"],
    &["set", "to"],
    &["expected", "to"],
    &["plans", "to"],
    &["plan", "to"],
    &["scheduled"],
    &["upcoming"],
    &["to", "begin"],
    &["to", "start"],
    &["to", "come", "into"],
];

/// The tense of the clause leading up to token `at`: future when a future marker stands in
/// the eight tokens before it (not across a comma, semicolon, colon or quotation mark), else
/// past.
pub fn tense_before(tokens: &[Token], at: usize) -> Tense {
    let mut from = at.saturating_sub(8);
    if let Some(stop) = tokens[from..at]
        .iter()
        .rposition(|t| t.is_any(&[";", "\"", ":", ","]))
    {
        from += stop + 1;
    }
    let window = &tokens[from..at];
    let future = FUTURE_MARKERS.iter().any(|m| {
        window
            .windows(m.len())
            .any(|w| w.iter().zip(m.iter()).all(|(t, n)| t.is(n)))
    });
    if future { Tense::Future } else { Tense::Past }
}

/// A time of day at tokens `i..`: "6pm", "6 pm", "18:00", "16:00 GMT", "6pm [16:00 GMT]".
/// Returns (local "HH:MM" if written without a zone, UTC minute if a GMT/UTC time is given,
/// tokens used).
fn time_of_day(tokens: &[Token], i: usize) -> Option<(Option<String>, Option<u16>, usize)> {
    let clock = |j: usize| -> Option<(u16, usize, bool)> {
        let t = tokens.get(j)?;
        // "6pm" / "6am" as one token.
        if t.kind == TokenKind::Word {
            let digits: String = t.norm.chars().take_while(char::is_ascii_digit).collect();
            let rest = &t.norm[digits.len()..];
            if !digits.is_empty() && (rest == "pm" || rest == "am") {
                let h: u16 = digits.parse().ok().filter(|h| (1..=12).contains(h))?;
                let h = (h % 12) + if rest == "pm" { 12 } else { 0 };
                return Some((h * 60, 1, false));
            }
            return None;
        }
        if t.kind != TokenKind::Number {
            return None;
        }
        let h: u16 = t.norm.parse().ok().filter(|h| *h < 24)?;
        if tokens.get(j + 1).is_some_and(|c| c.is(":")) {
            let m = tokens
                .get(j + 2)
                .filter(|m| m.kind == TokenKind::Number && m.norm.len() == 2)?;
            let m: u16 = m.norm.parse().ok().filter(|m| *m < 60)?;
            return Some((h * 60 + m, 3, false));
        }
        let ampm = tokens.get(j + 1)?;
        if ampm.is_any(&["pm", "am", "p.m", "a.m"]) && (1..=12).contains(&h) {
            let h = (h % 12) + if ampm.norm.starts_with('p') { 12 } else { 0 };
            let extra = usize::from(
                tokens.get(j + 2).is_some_and(|d| d.is(".")) && ampm.norm.contains('.'),
            );
            return Some((h * 60, 2 + extra, false));
        }
        None
    };
    let zone = |j: usize| tokens.get(j).is_some_and(|z| z.is_any(&["gmt", "utc"]));
    let (m, used, _) = clock(i)?;
    let mut n = used;
    let mut utc = None;
    let mut local = None;
    if zone(i + n) {
        utc = Some(m);
        n += 1;
    } else {
        local = Some(format!("{:02}:{:02}", m / 60, m % 60));
        // "6pm [16:00 GMT]" or "6pm (1600 GMT)"
        if tokens.get(i + n).is_some_and(|b| b.is_any(&["[", "("]))
            && let Some((m2, used2, _)) = clock(i + n + 1)
            && zone(i + n + 1 + used2)
            && tokens
                .get(i + n + 2 + used2)
                .is_some_and(|b| b.is_any(&["]", ")"]))
        {
            utc = Some(m2);
            n += used2 + 3;
        }
    }
    Some((local, utc, n))
}

/// A calendar date at tokens `i..`: "[Monday,] June 8[,] [2020]", "[Monday] 8 June [2020]",
/// "June 2020", "January". Returns the value and the number of tokens used.
fn calendar_date(tokens: &[Token], i: usize) -> Option<(Value, usize)> {
    let mut j = i;
    // An optional weekday before the date: "Monday, June 8".
    if weekday(&tokens[j]).is_some() {
        let k = j + 1 + usize::from(tokens.get(j + 1).is_some_and(|t| t.is(",")));
        if tokens.get(k).is_some_and(|t| {
            month(t).is_some()
                || day_of_month(t, tokens.get(k + 1)).is_some()
                || ordinal_day(t).is_some()
        }) {
            j = k;
        } else {
            return None;
        }
    }
    let t = tokens.get(j)?;
    let year_after = |k: usize| -> Option<(i32, usize)> {
        let comma = usize::from(tokens.get(k).is_some_and(|t| t.is(",")));
        tokens.get(k + comma).and_then(year).map(|y| (y, comma + 1))
    };
    if let Some(m) = month(t) {
        // "June 8, 2020" / "June 8th" / "June 8"
        if let Some(next) = tokens.get(j + 1) {
            let day =
                day_of_month(next, tokens.get(j + 2)).or_else(|| ordinal_day(next).map(|d| (d, 0)));
            if let Some((d, extra)) = day {
                let after = j + 2 + extra;
                return Some(match year_after(after) {
                    Some((y, n)) => (
                        Value::Absolute(When::Day(Date::new(y, m, d)?)),
                        after + n - i,
                    ),
                    None => (Value::MonthDay(m, d), after - i),
                });
            }
            // "June 2020", "June of 2020"
            if let Some(y) = year(next) {
                return Some((Value::Absolute(When::Month(y, m)), j + 2 - i));
            }
            if next.is("of")
                && let Some(y) = tokens.get(j + 2).and_then(year)
            {
                return Some((Value::Absolute(When::Month(y, m)), j + 3 - i));
            }
            // "April last year", "January this year": resolved against the article date.
            if next.is_any(&["last", "this", "next"])
                && tokens.get(j + 2).is_some_and(|y| y.is("year"))
            {
                let shift = match next.norm.as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
                return Some((Value::MonthOfYears(m, shift), j + 3 - i));
            }
        }
        // A bare month: "May" is a verb too, so it needs a preposition before it.
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
        let ok = t.norm != "may"
            || prev.is_some_and(|p| {
                p.is_any(&[
                    "in", "since", "until", "by", "from", "early", "late", "mid", "last", "this",
                    "next", "of",
                ])
            });
        return ok.then_some((Value::Month(m), j + 1 - i));
    }
    // "8 June 2020" / "8th June"
    let day = day_of_month(t, tokens.get(j + 1)).or_else(|| ordinal_day(t).map(|d| (d, 0)));
    if let Some((d, extra)) = day {
        let k = j + 1 + extra;
        let m = tokens.get(k).and_then(month)?;
        return Some(match year_after(k + 1) {
            Some((y, n)) => (
                Value::Absolute(When::Day(Date::new(y, m, d)?)),
                k + 1 + n - i,
            ),
            None => (Value::MonthDay(m, d), k + 1 - i),
        });
    }
    None
}

/// Finds the time expressions of a sentence, left to right, not overlapping.
pub fn find(tokens: &[Token]) -> Vec<Timex> {
    let mut out: Vec<Timex> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((value, n, utc, local, lead)) = match_at(tokens, i) else {
            i += 1;
            continue;
        };
        let prep = i
            .checked_sub(1)
            .map(|p| &tokens[p])
            .filter(|p| {
                p.is_any(&[
                    "on",
                    "in",
                    "from",
                    "since",
                    "until",
                    "till",
                    "by",
                    "at",
                    "starting",
                    "before",
                    "after",
                    "during",
                    "of",
                    "effective",
                ])
            })
            .map(|p| p.norm.clone());
        out.push(Timex {
            first: i,
            last: i + n - 1,
            date_first: i + lead,
            value,
            utc_minute: utc,
            local_time: local,
            prep,
            tense: tense_before(tokens, i),
        });
        i += n;
    }
    out
}

/// (value, tokens used, UTC minute, local time, tokens of a leading time of day)
type Match = (Value, usize, Option<u16>, Option<String>, usize);

fn match_at(tokens: &[Token], i: usize) -> Option<Match> {
    let t = &tokens[i];
    // A time of day, then a date: "6pm [16:00 GMT] Monday, June 8, 2020", "at 16:00 GMT on June 8".
    if let Some((local, utc, n)) = time_of_day(tokens, i) {
        let mut k = i + n;
        if tokens.get(k).is_some_and(|t| t.is_any(&["on", ","])) {
            k += 1;
        }
        if let Some((value, m)) = calendar_date(tokens, k)
            .filter(|(v, _)| matches!(v, Value::Absolute(When::Day(_)) | Value::MonthDay(..)))
        {
            return Some((value, k + m - i, utc, local, k - i));
        }
        if let Some(w) = tokens.get(k).and_then(weekday) {
            return Some((
                Value::Weekday(w, Qualifier::Bare),
                k + 1 - i,
                utc,
                local,
                k - i,
            ));
        }
        return None;
    }
    if let Some((value, n)) = calendar_date(tokens, i) {
        // A time after the date: "June 8 at 6pm (1600 GMT)".
        let k = i + n;
        if tokens.get(k).is_some_and(|t| t.is("at"))
            && let Some((local, utc, m)) = time_of_day(tokens, k + 1)
        {
            return Some((value, n + 1 + m, utc, local, 0));
        }
        return Some((value, n, None, None, 0));
    }
    if let Some(w) = weekday(t) {
        let q = match i.checked_sub(1).map(|p| tokens[p].norm.as_str()) {
            Some("last") => Qualifier::Last,
            Some("next") => Qualifier::Next,
            Some("this") => Qualifier::This,
            _ => Qualifier::Bare,
        };
        return Some((Value::Weekday(w, q), 1, None, None, 0));
    }
    if let Some(y) = year(t) {
        let next = tokens.get(i + 1);
        let is_count = next.is_some_and(|n| n.is_any(COUNT_NOUNS));
        let in_number = i > 0 && tokens[i - 1].is_any(&["$", "€", "£"]);
        return (!is_count && !in_number).then_some((
            Value::Absolute(When::Year(y)),
            1,
            None,
            None,
            0,
        ));
    }
    // "in recent weeks", "in the past few days", "recently", "for months"
    if t.is("recently") || t.is("lately") {
        return Some((Value::Vague, 1, None, None, 0));
    }
    if t.is_any(&["recent", "past", "last", "coming"]) {
        let mut k = i + 1;
        if tokens
            .get(k)
            .is_some_and(|f| f.is_any(&["few", "several", "couple"]))
        {
            k += 1;
        }
        if tokens
            .get(k)
            .is_some_and(|u| u.is_any(&["days", "weeks", "months", "years"]))
        {
            return Some((Value::Vague, k + 1 - i, None, None, 0));
        }
    }
    if t.is("for")
        && tokens
            .get(i + 1)
            .is_some_and(|u| u.is_any(&["days", "weeks", "months", "years"]))
    {
        return Some((Value::Vague, 2, None, None, 0));
    }
    match t.norm.as_str() {
        "yesterday" => return Some((Value::Days(-1), 1, None, None, 0)),
        "today" | "tonight" => return Some((Value::Days(0), 1, None, None, 0)),
        "tomorrow" => return Some((Value::Days(1), 1, None, None, 0)),
        "last" | "this" | "next" | "past" => {
            let shift = match t.norm.as_str() {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            return match tokens.get(i + 1).and_then(unit) {
                Some(Unit::Year) => Some((Value::Years(shift), 2, None, None, 0)),
                Some(Unit::Month) => Some((Value::Months(shift), 2, None, None, 0)),
                _ => None,
            };
        }
        _ => {}
    }
    // "two years ago", "a day after", "a day earlier", "14-month"
    let n = number_word(t)?;
    let n = i32::try_from(n).ok()?;
    let hyphen = tokens.get(i + 1).is_some_and(|h| h.is("-"));
    let u_at = i + 1 + usize::from(hyphen);
    let u = tokens.get(u_at).and_then(unit)?;
    let after = tokens.get(u_at + 1);
    if hyphen {
        // "14-month offensive", "nine-year-old" is not a duration of an event.
        let is_age =
            after.is_some_and(|a| a.is("-")) && tokens.get(u_at + 2).is_some_and(|o| o.is("old"));
        let skip_long = usize::from(
            after.is_some_and(|a| a.is("-")) && tokens.get(u_at + 2).is_some_and(|o| o.is("long")),
        );
        return (!is_age).then_some((
            Value::Duration(n, u),
            u_at + 1 + 2 * skip_long - i,
            None,
            None,
            0,
        ));
    }
    let days = |n: i32| -> i64 {
        match u {
            Unit::Day => i64::from(n),
            Unit::Week => 7 * i64::from(n),
            Unit::Month | Unit::Year => 0,
        }
    };
    match after.map(|a| a.norm.as_str()) {
        Some("ago") => Some((
            match u {
                Unit::Year => Value::Years(-n),
                Unit::Month => Value::Months(-n),
                _ => Value::Days(-days(n)),
            },
            u_at + 2 - i,
            None,
            None,
            0,
        )),
        Some(w @ ("after" | "later" | "before" | "earlier"))
            if matches!(u, Unit::Day | Unit::Week) =>
        {
            let sign = if matches!(w, "after" | "later") {
                1
            } else {
                -1
            };
            let clause = matches!(w, "after" | "before");
            Some((
                Value::AnchorDays {
                    days: sign * days(n),
                    clause,
                },
                u_at + 2 - i,
                None,
                None,
                0,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::tokenize;

    fn sat() -> Date {
        Date::new(2020, 6, 6).unwrap()
    }

    fn resolve(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, 0);
        find(&tokens)
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
        let found = find(&tokens);
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
        let t = &find(&tokens)[0];
        assert_eq!(t.local_time.as_deref(), Some("18:00"));
        assert_eq!(t.utc_minute, Some(16 * 60));
        assert_eq!(t.prep.as_deref(), Some("from"));
    }
}
