//! Who and where a sentence means without naming them: "the town" and "the base" for a
//! place named before, "they" and "its forces" for the side that last acted, "he said" for
//! the party that last spoke.

use super::function_words::{AT, IN, OF, POSSESSIVE, THE};
use super::knowledge::{Knowledge, PlaceKind};
use super::names::{Mention, Named};
use super::tokens::Token;
use newsmap_core::model::{Actor, PlaceId};

/// How many sentences back a pronoun may find the side it stands for.
pub const PRONOUN_WINDOW: usize = 3;

/// Marks after a capitalised place at the start of a block that make it a dateline
/// ("TRIPOLI - …", "TRIPOLI, June 5").
const DATELINE_MARKS: &[&str] = &["-", ",", "("];

/// What the sentences read so far leave for the next: the side that last did something, the
/// party that last spoke, and the place the text is about.
#[derive(Debug, Default)]
pub struct Discourse {
    /// The actor that last did something, and in which sentence.
    pub last_actor: Option<(Actor, usize)>,
    /// The party that last spoke: for "he said" in the sentences after.
    pub last_speaker: Option<Actor>,
    /// Who speaks in the text's own voice: see [`voice`].
    pub voice: Option<Actor>,
}

/// How many sentences from the top the text's voice may be named in (the heading and the
/// first sentence).
const VOICE_WINDOW: usize = 2;

/// The actor the text speaks for, when it speaks in the first person ("I welcome", "we
/// condemn" with no speaker in the sentence): the first actor named in its heading or first
/// sentence ("Remarks by the Special Representative …").
pub fn voice<'a>(sentences: impl Iterator<Item = &'a [Mention]>) -> Option<Actor> {
    sentences
        .take(VOICE_WINDOW)
        .find_map(|mentions| mentions.iter().find_map(Mention::actor))
}

impl Discourse {
    /// The actor a pronoun of sentence `index` most likely means: the last one that did
    /// something, within [`PRONOUN_WINDOW`] sentences, else the first actor named in the
    /// sentence before (`previous`).
    pub fn antecedent(&self, index: usize, previous: Option<&[Mention]>) -> Option<Actor> {
        self.last_actor
            .filter(|(_, s)| index.saturating_sub(*s) <= PRONOUN_WINDOW)
            .map(|(actor, _)| actor)
            .or_else(|| previous.and_then(|p| p.iter().find_map(Mention::actor)))
    }
}

/// Resolves "the town", "the city", "the base" (not followed by "of") to the place they most
/// likely mean: the first place named earlier in the same sentence, else the topic place of
/// the last sentence that named one. Updates `topic` for the sentences that follow.
pub(crate) fn resolve_definite_places(
    k: &Knowledge,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    topic: &mut Option<PlaceId>,
) {
    // "the capital" and a dateline ("TRIPOLI - …") do not make a place the topic.
    let is_capital = |m: &Mention| {
        k.events.capital_markers.at(tokens, m.first)
            || (m.first == 0
                && tokens
                    .get(m.last.saturating_add(1))
                    .is_some_and(|t| t.is_any(DATELINE_MARKS))
                && tokens
                    .get(m.first)
                    .is_some_and(|t| t.text.chars().all(|c| !c.is_lowercase())))
    };
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is(THE) {
            continue;
        }
        // "the town", "the air base": the noun's last token.
        let next = i.saturating_add(1);
        let Some(noun) = k
            .words
            .place_nouns
            .match_at(tokens, next)
            .and_then(|n| (next..next.saturating_add(n)).last())
        else {
            continue;
        };
        let is_place_noun = !k.events.vague_place_nouns.at(tokens, noun);
        let followed = tokens
            .get(noun.saturating_add(1))
            .is_some_and(|t| t.is_any(&[OF, POSSESSIVE]));
        if !is_place_noun || followed || mentions.iter().any(|m| m.first <= noun && i <= m.last) {
            continue;
        }
        // "the airport", "the base": a facility, never a town nor a facility of another kind
        // ("the airport" after al-Watiya air base is not the base).
        let fits = |place: &PlaceId| {
            if !k.events.facilities.at(tokens, noun) {
                return true;
            }
            k.place(place.as_str()).is_some_and(|p| {
                matches!(p.kind, PlaceKind::Airport | PlaceKind::Airbase)
                    && tokens.get(noun).is_some_and(|t| {
                        let airport = k.place_words.airport_nouns.has_word(t);
                        airport == (p.kind == PlaceKind::Airport)
                    })
            })
        };
        let here = mentions
            .iter()
            .filter(|m| m.last < i && !is_capital(m))
            .find_map(|m| m.place().cloned())
            .filter(fits);
        if let Some(place) = here.or_else(|| topic.clone().filter(fits)) {
            added.push(Mention {
                first: i,
                last: noun,
                named: Named::Place(place),
                alias: false,
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
    tokens: &[Token],
    mentions: &[Mention],
    topic: Option<&PlaceId>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.is(THE) {
            continue;
        }
        let Some(noun) =
            (i.saturating_add(1)..i.saturating_add(4)).find(|&j| k.events.facilities.at(tokens, j))
        else {
            continue;
        };
        let covered = mentions.iter().any(|m| m.first <= noun && i <= m.last);
        let followed = tokens
            .get(noun.saturating_add(1))
            .is_some_and(|t| t.is_any(&[OF, POSSESSIVE, IN, AT]));
        if covered || followed {
            continue;
        }
        let words: Vec<&str> = tokens
            .get(i.saturating_add(1)..noun)
            .unwrap_or_default()
            .iter()
            .filter(|t| !k.events.facility_fillers.has_word(t))
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
                && words
                    .iter()
                    .all(|w| p.place.name.to_lowercase().contains(w))
        });
        if let (Some(only), None) = (candidates.next(), candidates.next()) {
            out.push(Mention {
                first: i,
                last: noun,
                named: Named::Place(only.id().clone()),
                alias: false,
            });
        }
    }
    out
}
