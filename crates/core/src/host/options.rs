//! The page's query string: what an embed or a shared link asks for.
//!
//! `?date=2020-06-05` or `?event=e3` opens the story there; `?autoplay=1` plays it. A value
//! that cannot be used is dropped with a warning for the console, never an error page.
//!
//! ```
//! use newsmap_core::host::options::Options;
//! let (o, warnings) = Options::parse("?date=2020-06-05&autoplay=1");
//! assert_eq!(o.date.ok_or("no date")?.to_string(), "2020-06-05");
//! assert!(o.autoplay && warnings.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::model::EventId;
use crate::model::date::When;
use crate::story::words::Lang;

/// Colour scheme requested by the host page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
}

/// What the query string asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Options {
    pub date: Option<When>,
    pub event: Option<EventId>,
    /// `lang=ar`: the page in Arabic.
    pub lang: Lang,
    pub autoplay: bool,
    pub theme: Theme,
    /// `controls=0`: map and caption only, for small slots.
    pub controls: bool,
    /// pym.js passes the id its parent knows the frame by.
    pub child_id: Option<String>,
}

impl Options {
    /// Reads the query's parameters, already decoded (the browser's `URLSearchParams` does
    /// that). Returns the options and a warning for each value that was not understood.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> (Options, Vec<String>) {
        let mut o = Options {
            controls: true,
            ..Options::default()
        };
        let mut warnings = Vec::new();
        for (key, value) in pairs {
            o.read(key.as_ref(), value.as_ref(), &mut warnings);
        }
        (o, warnings)
    }

    /// Reads a query string as it stands (`?date=2020-06-05&autoplay=1`), for tests and
    /// examples: values are taken as written, with no percent-decoding.
    pub fn parse(query: &str) -> (Options, Vec<String>) {
        Options::from_pairs(
            query
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| pair.split_once('=').unwrap_or((pair, ""))),
        )
    }

    fn read(&mut self, key: &str, value: &str, warnings: &mut Vec<String>) {
        let flag = |v: &str| match v {
            "1" | "true" | "yes" | "" => Some(true),
            "0" | "false" | "no" => Some(false),
            _ => None,
        };
        match key {
            "date" => match value.parse::<When>() {
                Ok(w) => self.date = Some(w),
                Err(e) => warnings.push(format!("?date: {e}; opening at the start")),
            },
            "event" => {
                let ok = !value.is_empty()
                    && value.len() <= 32
                    && value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if ok {
                    self.event = Some(EventId::new(value));
                } else {
                    warnings.push(format!(
                        "?event: '{value}' is not an event id such as e3; opening at the start"
                    ));
                }
            }
            "autoplay" => match flag(value) {
                Some(b) => self.autoplay = b,
                None => warnings.push(format!("?autoplay: '{value}' is not 1 or 0")),
            },
            "controls" => match flag(value) {
                Some(b) => self.controls = b,
                None => warnings.push(format!("?controls: '{value}' is not 1 or 0")),
            },
            "theme" => match value {
                "light" => self.theme = Theme::Light,
                "dark" => self.theme = Theme::Dark,
                "auto" => self.theme = Theme::Auto,
                other => warnings.push(format!("?theme: '{other}' is not light, dark or auto")),
            },
            "lang" => match Lang::from_id(value) {
                Some(l) => self.lang = l,
                None => warnings.push(format!("?lang: '{value}' is not en or ar")),
            },
            "childId" => {
                self.child_id = Some(value.to_owned()).filter(|v| !v.is_empty() && v.len() <= 128)
            }
            // Parameters hosts add for their own purposes are not ours to judge.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let (o, w) = Options::from_pairs([
            ("event", "e3"),
            ("autoplay", "0"),
            ("theme", "dark"),
            ("controls", "0"),
            ("childId", "map 1"),
            ("lang", "ar"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.event.as_ref().map(EventId::as_str), Some("e3"));
        assert_eq!(o.lang, Lang::Ar);
        assert!(!o.autoplay && !o.controls);
        assert_eq!(o.theme, Theme::Dark);
        assert_eq!(o.child_id.as_deref(), Some("map 1"));
    }

    #[test]
    fn defaults_show_controls_and_follow_the_system_theme() {
        let (o, w) = Options::parse("");
        assert!(w.is_empty() && o.controls && !o.autoplay);
        assert_eq!((o.theme, o.date, o.event), (Theme::Auto, None, None));
    }

    #[test]
    fn bad_values_warn_and_fall_back() {
        let (o, w) =
            Options::parse("?date=yesterday&event=<script>&autoplay=maybe&theme=neon&utm_source=x");
        assert_eq!(
            o,
            Options {
                controls: true,
                ..Options::default()
            }
        );
        assert_eq!(w.len(), 4, "{w:?}");
        assert!(w[0].contains("?date") && w[1].contains("?event"));
    }
}
