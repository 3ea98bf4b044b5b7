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

use crate::model::date::When;

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
    pub event: Option<String>,
    pub autoplay: bool,
    pub theme: Theme,
    /// `controls=0`: map and caption only, for small slots.
    pub controls: bool,
    /// pym.js passes the id its parent knows the frame by.
    pub child_id: Option<String>,
}

/// Decodes `%XX` escapes and `+` (as `URLSearchParams` does); invalid escapes stay as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Options {
    /// Parses a query string (with or without the leading `?`). Returns the options and a
    /// warning for each value that was not understood.
    pub fn parse(query: &str) -> (Options, Vec<String>) {
        let mut o = Options {
            controls: true,
            ..Options::default()
        };
        let mut warnings = Vec::new();
        for pair in query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key), decode(value));
            let flag = |v: &str| match v {
                "1" | "true" | "yes" | "" => Some(true),
                "0" | "false" | "no" => Some(false),
                _ => None,
            };
            match key.as_str() {
                "date" => match value.parse::<When>() {
                    Ok(w) => o.date = Some(w),
                    Err(e) => warnings.push(format!("?date: {e}; opening at the start")),
                },
                "event" => {
                    let ok = !value.is_empty()
                        && value.len() <= 32
                        && value
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if ok {
                        o.event = Some(value);
                    } else {
                        warnings.push(format!(
                            "?event: '{value}' is not an event id such as e3; opening at the start"
                        ));
                    }
                }
                "autoplay" => match flag(&value) {
                    Some(b) => o.autoplay = b,
                    None => warnings.push(format!("?autoplay: '{value}' is not 1 or 0")),
                },
                "controls" => match flag(&value) {
                    Some(b) => o.controls = b,
                    None => warnings.push(format!("?controls: '{value}' is not 1 or 0")),
                },
                "theme" => match value.as_str() {
                    "light" => o.theme = Theme::Light,
                    "dark" => o.theme = Theme::Dark,
                    "auto" => o.theme = Theme::Auto,
                    other => warnings.push(format!("?theme: '{other}' is not light, dark or auto")),
                },
                "childId" => o.child_id = Some(value).filter(|v| !v.is_empty() && v.len() <= 128),
                // Parameters hosts add for their own purposes are not ours to judge.
                _ => {}
            }
        }
        (o, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let (o, w) = Options::parse("?event=e3&autoplay=0&theme=dark&controls=0&childId=map%201");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(o.event.as_deref(), Some("e3"));
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

    #[test]
    fn decoding_is_forgiving() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%e2%80%99"), "’");
    }
}
