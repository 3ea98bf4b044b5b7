//! Names in a sentence: the actors and the places the [`Knowledge`] knows, as mentions with
//! their token range.
//!
//! An actor's mention grows over the words that make it a side ("forces loyal to the GNA",
//! "GNA forces"). A place's grows over a facility noun after it ("Mitiga airport" when the
//! gazetteer has no such airport, "Tajoura detention centre"): the place is the town, and the
//! name as written keeps the facility.

use super::function_words::{FOR, HYPHEN, OF, POSSESSIVE, TO, WITH};
use super::knowledge::{Knowledge, Referent};
use super::tokens::{Token, TokenKind};
use newsmap_core::model::{Actor, PlaceId};

/// What a mention names.
#[derive(Debug, Clone, PartialEq)]
pub enum Named {
    Actor(Actor),
    Place(PlaceId),
}

/// A name found in a sentence: tokens `[first, last]`, inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub named: Named,
    /// Whether the name is one the article gives a side of its own (see `aliases`).
    pub alias: bool,
}

impl Mention {
    pub fn actor(&self) -> Option<Actor> {
        match self.named {
            Named::Actor(a) => Some(a),
            Named::Place(_) => None,
        }
    }

    pub fn place(&self) -> Option<&PlaceId> {
        match &self.named {
            Named::Place(p) => Some(p),
            Named::Actor(_) => None,
        }
    }

    /// Whether token `i` lies inside.
    pub fn covers(&self, i: usize) -> bool {
        self.first <= i && i <= self.last
    }
}

/// Every actor and place named in `tokens`, left to right, longest first, not overlapping.
pub fn mentions(k: &Knowledge, tokens: &[Token]) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((referent, len)) = k.name_at(tokens, i) else {
            i = i.saturating_add(1);
            continue;
        };
        let mut first = i;
        let mut last = i.saturating_add(len).saturating_sub(1);
        let named = match referent {
            Referent::Actor(a) => {
                first = extend_left_over_force_noun(k, tokens, first);
                // "GNA forces", "Haftar's fighters"
                let next = last.saturating_add(1);
                let possessive = usize::from(tokens.get(next).is_some_and(|t| t.is(POSSESSIVE)));
                if let Some(n) = k
                    .words
                    .force_nouns
                    .match_at(tokens, next.saturating_add(possessive))
                {
                    last = last.saturating_add(possessive).saturating_add(n);
                }
                Named::Actor(a)
            }
            Referent::Place(p) => {
                if let Some(n) = k
                    .words
                    .facility_nouns
                    .match_at(tokens, last.saturating_add(1))
                {
                    last = last.saturating_add(n);
                }
                match k.places.get(p) {
                    Some(place) => Named::Place(place.id().clone()),
                    None => {
                        i = last.saturating_add(1);
                        continue;
                    }
                }
            }
        };
        out.push(Mention {
            first,
            last,
            named,
            alias: false,
        });
        i = last.saturating_add(1);
    }
    out
}

/// "forces loyal to [Libya's] [the] X", "fighters of X", "pro-X forces" → the mention
/// starts at the force noun.
fn extend_left_over_force_noun(k: &Knowledge, tokens: &[Token], first: usize) -> usize {
    let word = |j: usize| tokens.get(j);
    let before = |j: usize, n: usize| j.checked_sub(n).and_then(|p| tokens.get(p));
    let mut j = first;
    // Skip "Libya's", "the", "its".
    while before(j, 1).is_some_and(|t| t.is(POSSESSIVE))
        && before(j, 2).is_some_and(|t| t.kind == TokenKind::Word)
    {
        j = j.saturating_sub(2);
    }
    if before(j, 1).is_some_and(|t| k.grammar.determiners.has_word(t)) {
        j = j.saturating_sub(1);
    }
    let link = if before(j, 1).is_some_and(|t| t.is_any(&[TO, WITH]))
        && before(j, 2).is_some_and(|t| k.grammar.allegiance.has_word(t))
    {
        2
    } else if before(j, 1).is_some_and(|t| t.is_any(&[OF, FOR])) {
        1
    } else {
        return first;
    };
    match j.checked_sub(link).and_then(|k| k.checked_sub(1)) {
        Some(n) if word(n).is_some_and(|t| k.words.force_nouns.has_word(t)) => n,
        _ => first,
    }
}

/// A proper name at `at` that the gazetteer does not know, in a place's slot: capitalised
/// words ("Ain Zara", "al-Hadba al-Khadra", "Abu Salim"), with a facility noun after them
/// ("Zawiya Martyrs Hospital"). Returns the last token. Sentence-initial words, actors'
/// names, months and weekdays are not places.
pub fn unknown_place_at(
    k: &Knowledge,
    tokens: &[Token],
    mentions: &[Mention],
    at: usize,
) -> Option<usize> {
    let capital = |t: &Token| {
        t.kind == TokenKind::Word
            && t.capitalised()
            && k.calendar.month(&t.norm).is_none()
            && k.calendar.weekday(&t.norm).is_none()
    };
    let link = |t: &Token| k.grammar.name_links.has_word(t) || t.is(HYPHEN);
    let first = tokens.get(at)?;
    // A lower-case article opens a name ("al-Hadba"); "at", "an" and "as" are English too.
    let article = k.place_words.articles.has_word(first) && k.grammar.name_links.has_word(first);
    if at == 0 || !(capital(first) || article) {
        return None;
    }
    if mentions.iter().any(|m| m.covers(at)) {
        return None;
    }
    let mut last = at;
    let mut k2 = at.saturating_add(1);
    while let Some(t) = tokens.get(k2) {
        if mentions.iter().any(|m| m.covers(k2)) {
            break;
        }
        if capital(t) {
            last = k2;
        } else if !link(t) {
            break;
        }
        k2 = k2.saturating_add(1);
    }
    if !tokens.get(last).is_some_and(capital) {
        return None;
    }
    if let Some(n) = k
        .words
        .facility_nouns
        .match_at(tokens, last.saturating_add(1))
    {
        last = last.saturating_add(n);
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn found(text: &str) -> Vec<(String, String)> {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, 0);
        mentions(Knowledge::builtin(), &tokens)
            .into_iter()
            .map(|m| {
                let words: Vec<&str> = tokens[m.first..=m.last]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect();
                let id = match m.named {
                    Named::Actor(a) => a.id().to_owned(),
                    Named::Place(p) => p.to_string(),
                };
                (words.join(" "), id)
            })
            .collect()
    }

    #[test]
    fn forces_loyal_to_an_actor_are_that_actor() {
        assert_eq!(
            found("forces loyal to Libya’s UN-recognised government entered"),
            [(
                "forces loyal to Libya ’s UN - recognised government".into(),
                "gna".into()
            )]
        );
        assert_eq!(
            found("LNA fighters fled"),
            [("LNA fighters".into(), "lna".into())]
        );
    }

    #[test]
    fn facilities_of_a_known_town_are_the_town_with_their_name() {
        assert_eq!(
            found("shelling of Misrata port"),
            [("Misrata port".into(), "misrata".into())]
        );
        assert_eq!(
            found("a strike on the Tajoura detention centre"),
            [("Tajoura detention centre".into(), "tajoura".into())]
        );
        assert_eq!(
            found("Mitiga airport was hit"),
            [("Mitiga airport".into(), "mitiga".into())]
        );
    }

    #[test]
    fn unknown_places_are_capitalised_names() {
        let k = Knowledge::builtin();
        let at = |text: &str, i: usize| {
            let chars: Vec<char> = text.chars().collect();
            let tokens = tokenize(&chars, 0);
            let m = mentions(k, &tokens);
            unknown_place_at(k, &tokens, &m, i).map(|last| {
                tokens[i..=last]
                    .iter()
                    .map(|t| t.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        assert_eq!(
            at("strikes hit Abu Arqub on Friday", 2).as_deref(),
            Some("Abu Arqub")
        );
        assert_eq!(
            at("strikes hit al-Qadisiya Abu Arqub hospital", 2).as_deref(),
            Some("al - Qadisiya Abu Arqub hospital")
        );
        assert_eq!(at("strikes hit on Friday", 3), None);
        assert_eq!(
            at("strikes hit Tripoli", 2),
            None,
            "a known place is a mention"
        );
        assert_eq!(at("Forces hit", 0), None, "a sentence's first word");
    }
}
