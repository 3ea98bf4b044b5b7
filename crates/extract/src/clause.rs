//! Roles in a sentence: who did it (the subject of a verb, the agent of a passive, the
//! possessor of a noun, a pronoun's antecedent) and where (the object of a verb, the place
//! after a preposition, a list of places, a name the gazetteer does not know).
//!
//! There is no parser: roles are read from the order of names and a few function words,
//! which is how news sentences about a war are mostly written. Every look-up is bounded by
//! the sentence and by clause breaks (";", quotation marks), and never indexes out of range.

use super::knowledge::Knowledge;
use super::names::{Mention, unknown_place_at};
use super::tokens::{Token, TokenKind};
use newsmap_core::model::{Actor, PlaceId};

/// A place in a role: the gazetteer's id when it knows the place, and the name as written.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRef {
    pub id: Option<PlaceId>,
    pub name: String,
    /// Its tokens, `[first, last]`.
    pub first: usize,
    pub last: usize,
}

/// A sentence with its names, ready for the rules.
pub struct View<'a> {
    pub k: &'a Knowledge,
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    /// The actor a pronoun with nothing before it in the sentence most likely means: the last
    /// actor that did something in the sentences before.
    pub antecedent: Option<Actor>,
    /// Who speaks in the text's own voice ("I", "we" with no speaker in the sentence): the
    /// actor its heading names first.
    pub voice: Option<Actor>,
}

/// One sentence, read with the shipped knowledge and seen as the rules see it (for tests).
#[cfg(test)]
pub(crate) fn with_view<R>(text: &str, f: impl FnOnce(&View) -> R) -> R {
    let k = Knowledge::builtin();
    let chars: Vec<char> = text.chars().collect();
    let tokens = crate::tokens::tokenize(&chars, 0);
    let m = crate::names::mentions(k, &tokens);
    f(&View {
        k,
        tokens: &tokens,
        mentions: &m,
        antecedent: None,
        voice: None,
    })
}

pub use super::function_words::*;

/// Words of a facility's name after the place it is named for ("General Hospital").
const FACILITY_NAME_WORDS: usize = 4;

/// Quotation marks, which may stand inside a clause.
const QUOTE_MARKS: &[&str] = &["\"", "'"];
/// How many words of a title may stand between "by" and the actor it names ("by President
/// of the Arab Republic of Egypt Abdel Fattah al-Sisi").
const TITLE_REACH: usize = 7;
/// How many tokens after a possessive its agent noun may stand ("the GNA's Sirte-Jufra
/// operations room").
const AGENT_REACH: usize = 6;
/// How many tokens after a verb or preposition the first place of a role may stand.
const PLACE_REACH: usize = 8;
/// How many words may lead from a list's joiner, or a possessive, to a place ("and the
/// residential neighbourhoods of", "'s southern suburbs").
const LIST_LEAD: usize = 4;

impl View<'_> {
    pub fn t(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    pub fn is(&self, i: usize, norm: &str) -> bool {
        self.t(i).is_some_and(|t| t.is(norm))
    }

    pub fn is_any(&self, i: usize, norms: &[&str]) -> bool {
        self.t(i).is_some_and(|t| t.is_any(norms))
    }

    /// Whether token `i` may stand between a verb or preposition and its place's name.
    fn is_place_lead(&self, i: usize) -> bool {
        self.k.grammar.place_lead.at(self.tokens, i) || self.is_any(i, &[POSSESSIVE, HYPHEN])
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Whether `[a, b)` crosses a clause break that roles do not cross: ";", a quotation
    /// mark, a colon, or a full stop inside the sentence.
    pub fn crosses_break(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = (a.min(b), a.max(b).min(self.tokens.len()));
        self.tokens
            .get(lo..hi)
            .is_some_and(|ts| ts.iter().any(|t| t.is_any(CLAUSE_BREAKS)))
    }

    pub fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.covers(i))
    }

    pub fn actors(&self) -> impl Iterator<Item = (&Mention, Actor)> {
        self.mentions
            .iter()
            .filter_map(|m| m.actor().map(|a| (m, a)))
    }

    fn before(&self, i: usize, n: usize) -> Option<&Token> {
        i.checked_sub(n).and_then(|p| self.t(p))
    }

    /// Whether a mention stands as a grammatical object or a possessive, which cannot be the
    /// subject of a verb ("fighting the GNA", "the Egyptian President's offer").
    pub fn is_object_or_possessive(&self, m: &Mention) -> bool {
        let g = &self.k.grammar;
        let before_skip_the = match self.before(m.first, 1) {
            Some(t) if g.determiners.has_word(t) => self.before(m.first, 2),
            other => other,
        };
        let object = before_skip_the.is_some_and(|t| g.object_markers.has_word(t));
        // "Turkey's drones" acts; "the Egyptian President's offer" does not.
        let after = m.last.saturating_add(1);
        let possessive = self.is(after, POSSESSIVE)
            && !(after.saturating_add(1)..after.saturating_add(AGENT_REACH))
                .any(|k| g.agent_nouns.at(self.tokens, k));
        // "UN-backed talks", "GNA-held town": part of an adjective.
        let adjective = self.is(after, HYPHEN);
        object || possessive || adjective
    }

    /// The subject of the verb at `i` and how sure that is: the nearest actor before it that
    /// is neither an object nor a possessive (1.0), or a pronoun or bare "forces" standing for
    /// the nearest actor named before it or the antecedent (0.85); else an actor anywhere in
    /// the sentence that is not an object, such as a speaker after a quote (0.8); else any
    /// non-possessive actor (0.6).
    pub fn subject(&self, i: usize) -> Option<(Actor, f64)> {
        let aside = self.aside_before(i);
        let strict = self
            .actors()
            .filter(|(m, _)| {
                m.last < i && !self.is_object_or_possessive(m) && !self.crosses_break(m.last, i)
            })
            .filter(|(m, _)| aside.is_none_or(|(a, b)| m.last < a || m.first > b))
            .last();
        let pronoun = (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| {
                self.mention_at(k).is_none()
                    && (self.k.grammar.pronouns.at(self.tokens, k)
                        || (self.k.words.force_nouns.at(self.tokens, k)
                            && self
                                .before(k, 1)
                                .is_some_and(|t| self.k.grammar.determiners.has_word(t))))
            })
            .filter(|&k| !self.crosses_break(k, i));
        match (strict, pronoun) {
            (Some((m, _)), Some(p)) if p > m.last => return self.resolve_pronoun(p),
            (Some((_, a)), _) => return Some((a, 1.0)),
            (None, Some(p)) => return self.resolve_pronoun(p),
            (None, None) => {}
        }
        self.actors()
            .filter(|(m, _)| !self.is_object_or_possessive(m))
            .min_by_key(|(m, _)| m.first.abs_diff(i))
            .map(|(_, a)| (a, 0.8))
            .or_else(|| {
                self.actors()
                    .filter(|(m, _)| !self.is(m.last.saturating_add(1), POSSESSIVE))
                    .min_by_key(|(m, _)| m.first.abs_diff(i))
                    .map(|(_, a)| (a, 0.6))
            })
    }

    /// The actor a pronoun at token `p` stands for. Names inside an aside ("The LNA, backed
    /// by the UAE, Egypt and Russia, began its …") are skipped.
    pub fn resolve_pronoun(&self, p: usize) -> Option<(Actor, f64)> {
        let aside = self.aside_before(p);
        self.actors()
            .filter(|(m, _)| m.last < p && !self.crosses_break(m.last, p))
            .filter(|(m, _)| aside.is_none_or(|(a, b)| m.last < a || m.first > b))
            .filter(|(m, _)| {
                !self.is_object_or_possessive(m) || self.is(m.last.saturating_add(1), POSSESSIVE)
            })
            .last()
            .map(|(_, a)| a)
            .or(self.antecedent)
            .map(|a| (a, 0.85))
            .or_else(|| {
                // "As it withdrew from the suburbs, the LAAF left mines": the side named after
                // the clause the pronoun opens.
                let comma = (p..self.len()).find(|&k| self.is(k, ","))?;
                self.actors()
                    .find(|(m, _)| m.first > comma && !self.is_object_or_possessive(m))
                    .map(|(_, a)| (a, 0.8))
            })
    }

    /// The token range of an aside that ends at the last comma before `p`: a stretch between
    /// commas that opens with a participle or relative ("backed by", "which", "who").
    fn aside_before(&self, p: usize) -> Option<(usize, usize)> {
        let close = (0..p).rev().find(|&k| self.is(k, ","))?;
        let open = (0..close).rev().filter(|&k| self.is(k, ",")).find(|&k| {
            self.k
                .grammar
                .aside_openers
                .at(self.tokens, k.saturating_add(1))
        })?;
        Some((open, close))
    }

    /// The actor right after "by"/"to" at `i` (allowing "the"), or after a force noun ("by
    /// forces of the GNA" is one mention already).
    pub fn agent_after(&self, i: usize) -> Option<Actor> {
        let j = if self
            .k
            .grammar
            .determiners
            .at(self.tokens, i.saturating_add(1))
        {
            i.saturating_add(2)
        } else {
            i.saturating_add(1)
        };
        // "by President of the Arab Republic of Egypt Abdel Fattah al-Sisi": over a title.
        let mut k = j;
        while k < j.saturating_add(TITLE_REACH) {
            if let Some(m) = self.mention_at(k).filter(|m| m.first == k) {
                return m.actor();
            }
            let title = self.t(k).is_some_and(|t| {
                t.capitalised() || self.is_any(k, &[OF]) || self.k.grammar.determiners.has_word(t)
            });
            if !title {
                return None;
            }
            k = k.saturating_add(1);
        }
        None
    }

    /// The actor after "by" within a few tokens of `i`: the agent of a passive.
    pub fn by_agent(&self, i: usize, window: usize) -> Option<Actor> {
        (i.saturating_add(1)..i.saturating_add(window).min(self.len()))
            .take_while(|&k| !self.is_any(k, CLAUSE_BREAKS))
            .find(|&k| self.is(k, AGENT_MARK))
            .and_then(|b| self.agent_after(b))
    }

    /// A passive auxiliary just before `i` ("was taken", "were retaken", "has been seized",
    /// "was reportedly seized").
    pub fn passive(&self, i: usize) -> bool {
        let aux = &self.k.grammar.passive_auxiliaries;
        self.before(i, 1).is_some_and(|t| aux.has_word(t))
            || (self.before(i, 2).is_some_and(|t| aux.has_word(t))
                && self
                    .before(i, 1)
                    .is_some_and(|t| t.norm.ends_with(ADVERB_ENDING)))
    }

    /// Whether the place at `first` is only a landmark for another ("20 km south of Tripoli",
    /// "the capital's Mitiga airport").
    pub fn is_landmark(&self, first: usize, last: usize) -> bool {
        self.is(last.saturating_add(1), POSSESSIVE)
            || (self.before(first, 1).is_some_and(|t| t.is(OF))
                && self
                    .before(first, 2)
                    .is_some_and(|t| self.k.words.spatial.has_word(t)))
            || self
                .before(first, 1)
                .is_some_and(|t| self.k.words.spatial.has_word(t))
    }

    /// The place whose name starts at `at`: a known one, or a name the gazetteer does not
    /// know.
    pub fn place_at(&self, at: usize) -> Option<PlaceRef> {
        if let Some(m) = self.mention_at(at).filter(|m| m.first == at) {
            if let Some(there) = self.facility_in(m) {
                return Some(there);
            }
            let id = m.place()?.clone();
            return Some(PlaceRef {
                name: self.text(m.first, m.last),
                id: Some(id),
                first: m.first,
                last: m.last,
            });
        }
        let last = unknown_place_at(self.k, self.tokens, self.mentions, at)?;
        // A known place spelled another way ("Gaser Ben Gasher"), its name and a facility
        // noun after it.
        let words: Vec<&str> = self
            .tokens
            .get(at..=last)
            .unwrap_or_default()
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !self.k.words.facility_nouns.has_word(t))
            .map(|t| t.norm.as_str())
            .collect();
        let known = self.k.place_by_spelling(&words).map(|p| p.id().clone());
        if known.is_none()
            && let Some(town) = self.town_of(last)
        {
            return Some(PlaceRef { first: at, ..town });
        }
        Some(PlaceRef {
            id: known,
            name: self.text(at, last),
            first: at,
            last,
        })
    }

    /// Where a facility named after a place the gazetteer knows elsewhere is, when the text
    /// says: "Al Khadra General Hospital in Tripoli" is in Tripoli, not in the town of Al
    /// Khadra. A facility of the place itself stays that place ("Mitiga airport in Tripoli").
    fn facility_in(&self, m: &Mention) -> Option<PlaceRef> {
        let (mut k, mut facility) = (m.last.saturating_add(1), false);
        let end = k.saturating_add(FACILITY_NAME_WORDS);
        while k < end {
            if let Some(n) = self.k.words.facility_nouns.match_at(self.tokens, k) {
                (k, facility) = (k.saturating_add(n), true);
            } else if self
                .t(k)
                .is_some_and(|t| t.kind == TokenKind::Word && t.capitalised())
            {
                k = k.saturating_add(1);
            } else {
                break;
            }
        }
        let town = self.town_of(k.checked_sub(1)?).filter(|_| facility)?;
        let named = m.place()?;
        let within = self.k.place(named.as_str()).and_then(|p| p.within.clone());
        let elsewhere = town.id.as_ref() != Some(named) && town.id != within;
        elsewhere.then_some(PlaceRef {
            first: m.first,
            ..town
        })
    }

    /// The known place a name the gazetteer does not know is in, named right after it: "the
    /// Equestrian Club in the Janzour neighborhood", "a farm in Tarhuna". What the map can
    /// show of it.
    fn town_of(&self, last: usize) -> Option<PlaceRef> {
        let mut k = last.saturating_add(1);
        if !self.is(k, IN) {
            return None;
        }
        k = k.saturating_add(1);
        if self.is(k, THE) {
            k = k.saturating_add(1);
        }
        let m = self.mention_at(k).filter(|m| m.first == k)?;
        Some(PlaceRef {
            name: self.text(m.first, m.last),
            id: Some(m.place()?.clone()),
            first: m.first,
            last: m.last,
        })
    }

    /// The words of tokens `[a, b]` as written, spaced as the text spaces them.
    pub fn text(&self, a: usize, b: usize) -> String {
        let mut s = String::new();
        let mut end = None;
        for t in self.tokens.get(a..=b).unwrap_or_default() {
            if end.is_some_and(|e| e < t.start) {
                s.push(' ');
            }
            s.push_str(&t.text);
            end = Some(t.end);
        }
        s
    }

    /// The places of a role that starts at `at`: over the words that lead to a name ("the
    /// strategic town of"), then the name, then any more joined by commas and "and"
    /// ("Tarhuna, Bani Walid and Abu Grein"). Known places are taken a few words further than
    /// unknown ones. Places that are landmarks are passed over.
    pub fn places_from(&self, at: usize) -> Vec<PlaceRef> {
        let found = self.places_named_from(at);
        // "a string of coastal towns, including Sabratha and Surman": the places after
        // "including"; "the whole of the capital, including the international airport": the
        // facility of the place, which is what changed hands.
        let window = at..at.saturating_add(14).min(self.len());
        let including = window
            .clone()
            .take_while(|&k| !self.crosses_break(at, k.saturating_add(1)))
            .find(|&k| self.k.grammar.including.at(self.tokens, k));
        let Some(inc) = including else {
            return found;
        };
        let named = self.places_named_from(inc.saturating_add(1));
        if found.is_empty() {
            return named;
        }
        let parts: Vec<PlaceRef> = named
            .into_iter()
            .filter(|p| {
                let within =
                    p.id.as_ref()
                        .and_then(|id| self.k.place(id.as_str()))
                        .and_then(|kp| kp.within.clone());
                found.iter().any(|f| f.id.is_some() && f.id == within)
            })
            .collect();
        if parts.is_empty() { found } else { parts }
    }

    fn places_named_from(&self, at: usize) -> Vec<PlaceRef> {
        let mut out = Vec::new();
        let mut k = at;
        let limit = at.saturating_add(PLACE_REACH).min(self.len());
        // The first place.
        while k < limit {
            // "a convoy of GNA forces approaching Sirte", "strikes on Haftar's forces near
            // Sirte": a target, then where it was.
            if let Some(n) = self.k.grammar.approach_words.match_at(self.tokens, k)
                && let Some(p) = self.place_at(k.saturating_add(n))
            {
                k = p.last.saturating_add(1);
                out.push(p);
                break;
            }
            if let Some(p) = self.place_at(k) {
                if self.is_landmark(p.first, p.last) {
                    if let Some((place, next)) = self.part_of(&p) {
                        out.push(place);
                        k = next;
                        break;
                    }
                    k = p.last.saturating_add(1);
                    continue;
                }
                k = p.last.saturating_add(1);
                out.push(p);
                break;
            }
            if !self.is_place_lead(k) && self.mention_at(k).and_then(Mention::actor).is_none() {
                return out;
            }
            k = k.saturating_add(1);
        }
        if out.is_empty() {
            return out;
        }
        // More joined by "," / "and" / ", and", over the words that lead to a name ("and the
        // residential neighbourhoods of Abu Salim").
        let g = &self.k.grammar;
        loop {
            let mut j = k;
            let mut joined = false;
            loop {
                let skip = if self.is(j, ",") {
                    Some(1)
                } else {
                    g.list_joiners.match_at(self.tokens, j)
                };
                match skip {
                    Some(n) if n > 0 => {
                        joined = true;
                        j = j.saturating_add(n);
                    }
                    _ => break,
                }
            }
            // "Tajoura, in eastern Tripoli": where the last one is, not one more.
            if !joined || g.list_stops.at(self.tokens, j) || self.is(j, IN) {
                break;
            }
            let lead_end = j.saturating_add(LIST_LEAD);
            while j < lead_end && self.place_at(j).is_none() && self.is_place_lead(j) {
                j = j.saturating_add(1);
            }
            match self.place_at(j) {
                Some(p) if !self.is_landmark(p.first, p.last) => {
                    k = p.last.saturating_add(1);
                    out.push(p);
                }
                _ => break,
            }
        }
        out
    }

    /// A place named as a part of a landmark town: "Tripoli's Abu Salim district" (a part the
    /// gazetteer does not know is the town, by the name the text gives), "Tripoli's southern
    /// suburbs" (the town), "Tripoli's international airport" (the town's one facility whose
    /// name has the words). Returns the place and the token after it.
    fn part_of(&self, p: &PlaceRef) -> Option<(PlaceRef, usize)> {
        if !self.is(p.last.saturating_add(1), POSSESSIVE) {
            return None;
        }
        let part_at = p.last.saturating_add(2);
        if let Some(part) = self.place_at(part_at) {
            let id = part.id.clone().or_else(|| p.id.clone());
            let next = part.last.saturating_add(1);
            return Some((
                PlaceRef {
                    id,
                    name: part.name,
                    first: p.first,
                    last: part.last,
                },
                next,
            ));
        }
        // Words that describe a part of the town, up to a place noun or a facility.
        let mut end = part_at;
        while end < part_at.saturating_add(LIST_LEAD) && self.is_place_lead(end) {
            end = end.saturating_add(1);
        }
        let last = end.checked_sub(1).filter(|&l| l >= part_at)?;
        let town = p.id.as_ref()?;
        let words: Vec<&str> = self
            .tokens
            .get(part_at..=last)
            .unwrap_or_default()
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        let facility = self.k.facility_of(town, &words).map(|f| f.id().clone());
        Some((
            PlaceRef {
                id: facility.or_else(|| Some(town.clone())),
                name: self.text(p.first, last),
                first: p.first,
                last,
            },
            last.saturating_add(1),
        ))
    }

    /// The places of a passive's subject before `i`: the nearest known place before it within
    /// `window` tokens and the clause, skipping an aside between commas ("The base, 140
    /// kilometres southwest of the capital Tripoli, had been held by …").
    pub fn place_before(&self, i: usize, window: usize) -> Option<PlaceRef> {
        let mut end = i;
        while end > 0
            && self
                .k
                .grammar
                .verb_leads
                .at(self.tokens, end.saturating_sub(1))
        {
            end = end.saturating_sub(1);
        }
        let known = |lo: usize, hi: usize| {
            self.mentions
                .iter()
                .filter(|m| m.place().is_some() && m.first >= lo && m.last < hi)
                .rfind(|m| !self.is_landmark(m.first, m.last))
                .and_then(|m| self.place_at(m.first))
        };
        if end > 0
            && self.is(end.saturating_sub(1), ",")
            && let Some(open) = (0..end.saturating_sub(1)).rev().find(|&k| self.is(k, ","))
        {
            return known(0, open).filter(|p| !self.crosses_break(p.last, open));
        }
        known(i.saturating_sub(window), i)
            .filter(|p| !self.crosses_break(p.last, i))
            .or_else(|| {
                // An unknown name right before: "Ain Zara was shelled".
                let start = (0..end).rev().take(6).find(|&k| {
                    self.place_at(k)
                        .is_some_and(|p| p.last.saturating_add(1) == end)
                })?;
                self.place_at(start)
            })
    }

    /// "from [the] X" after `i`, within `window` tokens: an actor.
    pub fn source_actor_after(&self, i: usize, window: usize) -> Option<Actor> {
        self.actors()
            .filter(|(m, _)| {
                m.first > i
                    && m.first <= i.saturating_add(window)
                    && !self.crosses_break(i, m.first)
            })
            .find(|(m, _)| {
                self.before(m.first, 1).is_some_and(|t| t.is(FROM))
                    || (self
                        .before(m.first, 1)
                        .is_some_and(|t| self.k.grammar.determiners.has_word(t))
                        && self.before(m.first, 2).is_some_and(|t| t.is(FROM)))
            })
            .map(|(_, a)| a)
    }

    /// "from Q" after `i`, within `window` tokens: a known place.
    pub fn origin_after(&self, i: usize, window: usize) -> Option<PlaceId> {
        self.mentions
            .iter()
            .filter(|m| {
                m.place().is_some()
                    && m.first > i
                    && m.first <= i.saturating_add(window)
                    && !self.crosses_break(i, m.first)
            })
            .find(|m| self.before(m.first, 1).is_some_and(|t| t.is(FROM)))
            .and_then(|m| m.place().cloned())
    }

    /// A denial or failure within the few tokens before `i` ("did not seize", "failed to
    /// take").
    pub fn denied(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| self.k.words.denial.match_at(self.tokens, k).is_some())
    }

    /// A verb at `i` in the infinitive or after a modal: wanted, not done ("to seize", "could
    /// take", "vowed to retake").
    pub fn intended(&self, i: usize) -> bool {
        // Over a quotation mark: would “take years”.
        let mut p = i.checked_sub(1);
        while let Some(k) = p.filter(|&k| self.is_any(k, QUOTE_MARKS)) {
            p = k.checked_sub(1);
        }
        p.and_then(|k| self.t(k))
            .is_some_and(|t| self.k.words.intention.has_word(t))
    }

    /// A number right before `i` ("five strikes", "4 shells", "dozens of rockets" has none).
    pub fn count_before(&self, i: usize) -> Option<u32> {
        let mut k = i.checked_sub(1)?;
        // "five air strikes", "four heavy shells"
        while self.k.grammar.count_modifiers.at(self.tokens, k) {
            k = k.checked_sub(1)?;
        }
        super::timex::number_word(self.k, self.t(k)?)
    }

    /// Whether any word of `words` stands in the sentence.
    pub fn has_any(&self, words: &[String]) -> bool {
        words.is_empty() || self.tokens.iter().any(|t| words.iter().any(|w| t.is(w)))
    }

    /// Whether token `i` is a word (not a number or a mark).
    pub fn is_word(&self, i: usize) -> bool {
        self.t(i).is_some_and(|t| t.kind == TokenKind::Word)
    }
}
