//! The fields of an event a desk can edit, as text: what the editor shows, and the checks a
//! new value passes before it changes the event. The vocabulary is the extractor's and the
//! map's: the same ids as `events.json`.

use newsmap_core::model::date::When;
use newsmap_core::model::{Actor, Event, EventKind, MAX_STRIKE_MARKS, PlaceId, Status, Undated};

newsmap_core::id_enum! {
    /// An editable field of an event, named as `events.json` names it.
    pub enum Field {
        Kind = "kind",
        Date = "date",
        Actor = "actor",
        Place = "place",
        From = "from",
        Origin = "origin",
        Count = "count",
        Status = "status",
    }
}

impl Field {
    /// The ids a field with a fixed vocabulary takes (empty for free text and places); "" is
    /// "none" where a field may be empty.
    pub fn choices(self) -> Vec<&'static str> {
        let actors = || std::iter::once("").chain(Actor::ALL.iter().map(|a| a.id()));
        match self {
            Field::Kind => EventKind::ALL.iter().map(|k| k.id()).collect(),
            Field::Actor | Field::From => actors().collect(),
            Field::Status => Status::ALL.iter().map(|s| s.id()).collect(),
            Field::Date | Field::Place | Field::Origin | Field::Count => Vec::new(),
        }
    }
}

/// A field's value as the editor shows it ("" for none).
pub fn value(e: &Event, f: Field) -> String {
    let place = |p: &Option<PlaceId>| p.as_ref().map(|p| p.to_string()).unwrap_or_default();
    match f {
        Field::Kind => e.kind.id().to_owned(),
        Field::Date => e.date.map(|d| d.to_string()).unwrap_or_default(),
        Field::Actor => e.actor.map(|a| a.id().to_owned()).unwrap_or_default(),
        Field::Place => place(&e.place),
        Field::From => e.from.map(|a| a.id().to_owned()).unwrap_or_default(),
        Field::Origin => place(&e.origin),
        Field::Count => e.count.map(|c| c.to_string()).unwrap_or_default(),
        Field::Status => e.status.id().to_owned(),
    }
}

/// Sets a field from the editor's text, or says why the text is not a value the map knows.
/// `is_place` tells whether an id names a place the map or the gazetteer knows.
pub fn set(
    e: &mut Event,
    f: Field,
    text: &str,
    is_place: impl Fn(&str) -> bool,
) -> Result<(), String> {
    let text = text.trim();
    let actor = |what: &str| -> Result<Option<Actor>, String> {
        match text {
            "" => Ok(None),
            id => Actor::from_id(id).map(Some).ok_or_else(|| {
                format!(
                    "no {what} called \"{id}\": use one of {}",
                    list(Field::Actor)
                )
            }),
        }
    };
    let place = || -> Result<Option<PlaceId>, String> {
        match text {
            "" => Ok(None),
            id if is_place(id) => Ok(Some(PlaceId::new(id))),
            id => Err(format!(
                "no place \"{id}\" on the map or in the gazetteer: pick one, or place it on the map"
            )),
        }
    };
    match f {
        Field::Kind => {
            e.kind = EventKind::from_id(text)
                .ok_or_else(|| format!("no kind \"{text}\": use one of {}", list(f)))?;
        }
        Field::Date => set_date(e, text)?,
        Field::Actor => e.actor = actor("actor")?,
        Field::From => e.from = actor("side")?,
        Field::Place => {
            e.place = place()?;
            if e.place.is_some() {
                e.place_name = None;
            }
        }
        Field::Origin => e.origin = place()?,
        Field::Count => {
            e.count = match text {
                "" => None,
                n => match n.parse::<u32>() {
                    Ok(c @ 1..) => Some(c),
                    _ => {
                        return Err(format!(
                            "a count is a whole number, 1 or more (the map draws up to {MAX_STRIKE_MARKS} marks)"
                        ));
                    }
                },
            };
        }
        Field::Status => {
            e.status = Status::from_id(text).ok_or_else(|| format!("a status is {}", list(f)))?;
        }
    }
    Ok(())
}

/// A new date, at the precision it is written with; the old date's wording and local time no
/// longer apply.
fn set_date(e: &mut Event, text: &str) -> Result<(), String> {
    let date = match text {
        "" => None,
        t => Some(t.parse::<When>().map_err(|_| {
            format!("\"{t}\" is not a date: write 2020, 2020-06, 2020-06-05 or 2020-06-08T16:00Z")
        })?),
    };
    if date != e.date {
        e.date = date;
        e.undated = None;
        e.local_time = None;
        e.date_basis = match date {
            Some(_) => "set by the desk".into(),
            None => "left undated by the desk".into(),
        };
    }
    Ok(())
}

fn list(f: Field) -> String {
    let ids: Vec<&str> = f.choices().into_iter().filter(|c| !c.is_empty()).collect();
    ids.join(", ")
}

/// What is wrong with an event as it stands, field by field: a value the map cannot draw
/// (a kind that needs a place and has none, a date missing), for the editor to mark.
pub fn problems(e: &Event, on_map: impl Fn(&PlaceId) -> bool) -> Vec<(Field, String)> {
    let mut out = Vec::new();
    match (e.date, e.undated) {
        (Some(_), _) => {}
        (None, Some(Undated::ArticleDateUnknown)) => out.push((
            Field::Date,
            "undated, for want of the article's date: give the publication date above and read the article again, or type a date here".to_owned(),
        )),
        (None, None) => out.push((Field::Date, "undated: the map leaves it out".to_owned())),
    }
    let needs_place = e.kind.marks_map();
    match (&e.place, needs_place) {
        (None, true) => {
            out.push((
                Field::Place,
                match &e.place_name {
                    Some(name) => format!("{name} is not on the map: settle it under \"Places to settle\", or choose a place here"),
                    None => "which place? Type or choose one here".to_owned(),
                },
            ));
        }
        (Some(p), _) if !on_map(p) => {
            out.push((Field::Place, format!("{p} is not on the map")));
        }
        _ => {}
    }
    if needs_place && e.actor.is_none() {
        out.push((
            Field::Actor,
            "who did it? The map colours it by its actor".to_owned(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsmap_core::model::date::Precision;

    fn capture() -> Event {
        let quote = "The GNA took Tarhuna.";
        Event {
            date: "2020-06-05".parse().ok(),
            date_basis: "weekday".into(),
            actor: Some(Actor::Gna),
            place: Some(PlaceId::new("tarhuna")),
            place_name: Some("Tarhuna".into()),
            from: Some(Actor::Lna),
            confidence: 0.9,
            ..Event::told(
                newsmap_core::model::EventId::new("e1"),
                EventKind::Capture,
                quote.into(),
                [0, 21],
            )
        }
    }

    #[test]
    fn a_field_takes_a_value_of_the_vocabulary_and_refuses_others() {
        let known = |id: &str| ["tarhuna", "sirte"].contains(&id);
        let mut e = capture();
        set(&mut e, Field::Date, "2020-06-07", known).unwrap();
        assert_eq!(value(&e, Field::Date), "2020-06-07");
        assert_eq!(
            (e.precision(), e.date_basis.as_str()),
            (Some(Precision::Day), "set by the desk")
        );
        set(&mut e, Field::Date, "2020-06", known).unwrap();
        assert_eq!(e.precision(), Some(Precision::Month));
        assert!(
            set(&mut e, Field::Date, "June 7", known)
                .unwrap_err()
                .contains("not a date")
        );
        assert_eq!(
            value(&e, Field::Date),
            "2020-06",
            "a refused value changes nothing"
        );
        set(&mut e, Field::Actor, "lna", known).unwrap();
        assert!(
            set(&mut e, Field::Actor, "hamas", known)
                .unwrap_err()
                .contains("gna, lna")
        );
        set(&mut e, Field::Place, "sirte", known).unwrap();
        assert!(set(&mut e, Field::Place, "atlantis", known).is_err());
        assert!(set(&mut e, Field::Count, "0", known).is_err());
        set(&mut e, Field::Count, "5", known).unwrap();
        set(&mut e, Field::Status, "claimed", known).unwrap();
        set(&mut e, Field::Kind, "offensive", known).unwrap();
        assert!(set(&mut e, Field::Kind, "riot", known).is_err());
        set(&mut e, Field::From, "", known).unwrap();
        assert_eq!(
            Field::ALL.iter().map(|f| value(&e, *f)).collect::<Vec<_>>(),
            [
                "offensive",
                "2020-06",
                "lna",
                "sirte",
                "",
                "",
                "5",
                "claimed"
            ]
            .map(String::from)
        );
    }

    #[test]
    fn problems_name_what_the_map_cannot_draw() {
        let mut e = capture();
        assert!(problems(&e, |_| true).is_empty());
        e.place = None;
        e.place_name = Some("Qasr bin Ghashir".into());
        e.date = None;
        let p = problems(&e, |_| true);
        assert_eq!(
            p.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            [Field::Date, Field::Place]
        );
        assert!(p[1].1.contains("Qasr bin Ghashir"));
    }
}
