//! Calendar dates cut to the precision a text supports.
//!
//! A news article rarely gives a full timestamp: "in 2011", "in January", "on Friday",
//! "6pm [16:00 GMT] Monday, June 8, 2020". [`When`] keeps exactly what was said — a year, a
//! month, a day, or a minute in UTC — and knows the instant it starts at, so that events of
//! different precision can be ordered on one time line.
//!
//! Plain proleptic Gregorian arithmetic (Howard Hinnant's `days_from_civil`); no time-zone
//! database is needed because minute values are stored in UTC.
//!
//! ```
//! use newsmap_core::model::date::{When, Precision};
//! let w: When = "2020-06-08T16:00Z".parse()?;
//! assert_eq!(w.precision(), Precision::Minute);
//! assert_eq!(w.to_string(), "2020-06-08T16:00Z");
//! assert!(w.start() > "2020-06-08".parse::<When>()?.start());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// Parses an English weekday name or its usual abbreviation, any case.
    pub fn from_name(s: &str) -> Option<Weekday> {
        let lower = s.to_ascii_lowercase();
        Weekday::ALL.into_iter().find(|w| {
            let name = w.name().to_ascii_lowercase();
            lower.len() >= 3 && name.starts_with(&lower)
        })
    }
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parses an English month name or its three-letter abbreviation ("Jan", "Sept."), any case.
pub fn month_from_name(s: &str) -> Option<u8> {
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.len() < 3 || !s.is_ascii() {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            m.len() >= s.len()
                && m[..s.len()].eq_ignore_ascii_case(s)
                && (s.len() == m.len() || s.len() <= 4)
        })
        .map(|i| i as u8 + 1)
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A valid date, or `None` (30 February, month 13, …).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        let i = (self.days_since_epoch() + 3).rem_euclid(7) as usize;
        Weekday::ALL[i]
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// Moves by whole months, clamping the day to the target month's length.
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The latest `weekday` on or before this date (this date itself counts).
    pub fn latest_on_or_before(self, weekday: Weekday) -> Date {
        let back = (i64::from(self.weekday().index()) - i64::from(weekday.index())).rem_euclid(7);
        self.add_days(-back)
    }

    /// The earliest `weekday` on or after this date (this date itself counts).
    pub fn earliest_on_or_after(self, weekday: Weekday) -> Date {
        let ahead = (i64::from(weekday.index()) - i64::from(self.weekday().index())).rem_euclid(7);
        self.add_days(ahead)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

id_enum! {
    /// How much of a date the text supports.
    pub enum Precision {
        Year = "year",
        Month = "month",
        Day = "day",
        Minute = "minute",
    }
}

impl Precision {
    /// The id, as `events.json` writes it.
    pub fn as_str(self) -> &'static str {
        self.id()
    }
}

/// A date at the precision the text supports: `2011`, `2019-04`, `2020-06-05` or
/// `2020-06-08T16:00Z` (minutes in UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    Year(i32),
    Month(i32, u8),
    Day(Date),
    /// A UTC day and minute of that day (0..1440).
    Minute(Date, u16),
}

/// A point on the story's time axis, in minutes since 1970-01-01T00:00Z: a date starts on a
/// whole minute ([`When::start`]); the slider passes through the fractions between two stops.
/// The one type of time after the dates: the timeline, playback and the page all count in it.
pub type Minutes = f64;

/// The minutes of a day, for the arithmetic of whole minutes.
pub const MINUTES_PER_DAY: i64 = 24 * 60;

/// A day on the time axis.
pub const DAY: Minutes = MINUTES_PER_DAY as Minutes;

/// The years a date of the story may fall in; a year outside them is a misreading (a count,
/// a sum of money), not a date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

impl When {
    pub fn precision(self) -> Precision {
        match self {
            When::Year(_) => Precision::Year,
            When::Month(..) => Precision::Month,
            When::Day(_) => Precision::Day,
            When::Minute(..) => Precision::Minute,
        }
    }

    /// The first day the value covers.
    pub fn first_day(self) -> Date {
        match self {
            When::Year(y) => Date {
                year: y,
                month: 1,
                day: 1,
            },
            When::Month(y, m) => Date {
                year: y,
                month: m,
                day: 1,
            },
            When::Day(d) | When::Minute(d, _) => d,
        }
    }

    /// The instant the value starts at, in minutes since the Unix epoch (UTC).
    pub fn start(self) -> Minutes {
        let minute = match self {
            When::Minute(_, m) => i64::from(m),
            _ => 0,
        };
        // Exact: every minute of the years a story may name is well inside f64's integers.
        (self.first_day().days_since_epoch() * MINUTES_PER_DAY + minute) as Minutes
    }

    /// Cuts a value down to a coarser precision (never refines it).
    pub fn truncate(self, precision: Precision) -> When {
        if precision >= self.precision() {
            return self;
        }
        let d = self.first_day();
        match precision {
            Precision::Year => When::Year(d.year),
            Precision::Month => When::Month(d.year, d.month),
            Precision::Day | Precision::Minute => When::Day(d),
        }
    }

    /// Whether `other` lies within the period this value names (`2020-06` contains `2020-06-05`).
    pub fn contains(self, other: When) -> bool {
        other.precision() >= self.precision() && other.truncate(self.precision()) == self
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            When::Year(y) => write!(f, "{y:04}"),
            When::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            When::Day(d) => write!(f, "{d}"),
            When::Minute(d, m) => write!(f, "{d}T{:02}:{:02}Z", m / 60, m % 60),
        }
    }
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a date of the form YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MMZ",
            self.input
        )
    }
}

impl std::error::Error for DateError {}

fn number<T: FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for When {
    type Err = DateError;

    fn from_str(s: &str) -> Result<When, DateError> {
        let err = || DateError {
            input: s.to_owned(),
        };
        let (date_part, time_part) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        let mut parts = date_part.split('-');
        let year: i32 = parts.next().and_then(|y| number(y, 4)).ok_or_else(err)?;
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(
                number(m, 2)
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(err)?,
            ),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) => Some(number(d, 2).ok_or_else(err)?),
            None => None,
        };
        if parts.next().is_some() {
            return Err(err());
        }
        let when = match (month, day) {
            (None, None) => When::Year(year),
            (Some(m), None) => When::Month(year, m),
            (Some(m), Some(d)) => When::Day(Date::new(year, m, d).ok_or_else(err)?),
            (None, Some(_)) => return Err(err()),
        };
        match (when, time_part) {
            (_, None) => Ok(when),
            (When::Day(d), Some(t)) => {
                let t = t.strip_suffix('Z').ok_or_else(err)?;
                let (h, m) = t.split_once(':').ok_or_else(err)?;
                let h: u16 = number(h, 2).filter(|h| *h < 24).ok_or_else(err)?;
                let m: u16 = number(m, 2).filter(|m| *m < 60).ok_or_else(err)?;
                Ok(When::Minute(d, h * 60 + m))
            }
            _ => Err(err()),
        }
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date and its precision, as two members (`"date": "2020-06", "precision": "month"`):
/// how `events.json` writes an event's date, both from the one value.
pub fn serialize_dated<S: serde::Serializer>(date: &Option<When>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("date", date)?;
    map.serialize_entry("precision", &date.map(When::precision))?;
    map.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn epoch_round_trip_over_four_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
            assert!(Date::new(date.year, date.month, date.day).is_some());
        }
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(d(1970, 1, 1).weekday(), Weekday::Thursday);
        assert_eq!(d(2020, 6, 6).weekday(), Weekday::Saturday);
        assert_eq!(d(2020, 6, 8).weekday(), Weekday::Monday);
        assert_eq!(d(2000, 2, 29).weekday(), Weekday::Tuesday);
    }

    #[test]
    fn weekday_search_counts_the_day_itself() {
        let sat = d(2020, 6, 6);
        assert_eq!(sat.latest_on_or_before(Weekday::Saturday), sat);
        assert_eq!(sat.latest_on_or_before(Weekday::Friday), d(2020, 6, 5));
        assert_eq!(sat.latest_on_or_before(Weekday::Sunday), d(2020, 5, 31));
        assert_eq!(sat.earliest_on_or_after(Weekday::Monday), d(2020, 6, 8));
        assert_eq!(sat.earliest_on_or_after(Weekday::Saturday), sat);
    }

    #[test]
    fn month_arithmetic_clamps_the_day() {
        assert_eq!(d(2020, 6, 6).add_months(-14), d(2019, 4, 6));
        assert_eq!(d(2020, 3, 31).add_months(-1), d(2020, 2, 29));
        assert_eq!(d(2020, 1, 15).add_months(-1), d(2019, 12, 15));
        assert_eq!(d(2019, 12, 15).add_months(1), d(2020, 1, 15));
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 13, 1).is_none());
        assert!(Date::new(2020, 4, 31).is_none());
        assert!(Date::new(2020, 4, 0).is_none());
    }

    #[test]
    fn parses_and_prints_every_precision() {
        for s in ["2011", "2019-04", "2020-06-05", "2020-06-08T16:00Z"] {
            let w: When = s.parse().unwrap();
            assert_eq!(w.to_string(), s);
        }
        assert_eq!("2011".parse::<When>().unwrap().precision(), Precision::Year);
        assert_eq!(
            "2019-04".parse::<When>().unwrap().precision(),
            Precision::Month
        );
    }

    #[test]
    fn refuses_malformed_strings() {
        for s in [
            "",
            "20",
            "2020-6",
            "2020-06-31",
            "2020-13",
            "2020-06-05T16:00",
            "2020-06T10:00Z",
            "2020-06-05T24:00Z",
            "yesterday",
            "2020-06-05-01",
        ] {
            assert!(s.parse::<When>().is_err(), "{s} was accepted");
        }
    }

    #[test]
    fn coarser_values_start_earlier_and_contain_finer_ones() {
        let year: When = "2020".parse().unwrap();
        let month: When = "2020-06".parse().unwrap();
        let day: When = "2020-06-08".parse().unwrap();
        let minute: When = "2020-06-08T16:00Z".parse().unwrap();
        assert!(year.start() < month.start() && month.start() < day.start());
        assert_eq!(minute.start() - day.start(), 16.0 * 60.0);
        assert!(year.contains(minute) && month.contains(day) && day.contains(minute));
        assert!(!day.contains(month));
        assert!(!"2020-05".parse::<When>().unwrap().contains(day));
    }

    #[test]
    fn names_parse() {
        assert_eq!(month_from_name("January"), Some(1));
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("jun"), Some(6));
        assert_eq!(month_from_name("Ma"), None);
        assert_eq!(Weekday::from_name("saturday"), Some(Weekday::Saturday));
        assert_eq!(Weekday::from_name("Sat"), Some(Weekday::Saturday));
        assert_eq!(Weekday::from_name("Satan"), None);
    }
}
