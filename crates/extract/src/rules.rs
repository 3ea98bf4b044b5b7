//! Event rules: the lexicon's triggers applied to a sentence, each finding its roles by its
//! frame (see `assets/lexicon.toml`).
//!
//! - verbs: "X seized P [from Y]", "P was seized by X", "P, which X seized a day earlier",
//!   "X advanced on P", "X withdrew from P", "P fell to X", "X drove Y out of P";
//! - nouns: "the capture of P", "X's offensive on P", "five air strikes on P", "the shelling
//!   of P", "the withdrawal from P", with the actor as possessor, after "by", or as the
//!   subject of the verb that carries the noun out ("X launched an offensive on P");
//! - ceasefires announced and taking effect, statements of a position, uprisings.
//!
//! Intentions ("to seize", "vowed to retake"), denials ("failed to take") and compound
//! adjectives ("LNA-held") are not events. Relations that are not events but complete them
//! are collected as [`Fact`]s: who holds a place ("Tarhuna, Haftar's last stronghold") and
//! where an offensive starts from ("used as the main launchpad against Tripoli").

use super::clause::{PlaceRef, View};
use super::function_words::{
    AGENT_MARK, FOR, HYPHEN, PARTICIPLE_ENDING, PAST_ENDING, POSSESSIVE, TO,
};
use super::knowledge::{Frame, NounRule, VerbRule};
use super::names::Mention;
use newsmap_core::model::{Actor, EventKind, PlaceId, Stance};

/// An event as a rule first finds it, before dating and merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: EventKind,
    pub trigger: usize,
    pub actor: Option<Actor>,
    /// How the actor was found: 1.0 the clause's subject, less for weaker guesses.
    pub actor_confidence: f64,
    pub place: Option<PlaceRef>,
    pub from: Option<Actor>,
    pub origin: Option<PlaceId>,
    pub count: Option<u32>,
    /// How strongly the trigger signals the kind.
    pub trigger_confidence: f64,
    /// For a ceasefire taking effect: the date is the one introduced by "from"/"effective".
    pub wants_start_date: bool,
    /// For a statement: for or against.
    pub stance: Option<Stance>,
    /// Said in the present tense by the article's own source ("the UN condemns"): the date
    /// is the article's.
    pub present: bool,
}

impl Found {
    fn new(kind: EventKind, trigger: usize, confidence: f64) -> Found {
        Found {
            kind,
            trigger,
            actor: None,
            actor_confidence: 1.0,
            place: None,
            from: None,
            origin: None,
            count: None,
            trigger_confidence: confidence,
            wants_start_date: false,
            stance: None,
            present: false,
        }
    }

    pub fn place_id(&self) -> Option<&PlaceId> {
        self.place.as_ref().and_then(|p| p.id.as_ref())
    }
}

/// A relation that completes events.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// `actor` holds `place` ("Tarhuna, Haftar's last stronghold", "LNA-held Sirte").
    Holds { place: PlaceId, actor: Actor },
    /// Offensives against `target` start from `origin` ("used as the main launchpad against
    /// Tripoli"), by `actor` when known.
    Origin {
        origin: PlaceId,
        target: PlaceId,
        actor: Option<Actor>,
    },
}

/// What the rules may ask of a sentence's time expressions.
pub struct Times<'a> {
    /// Whether a time expression introduced by "from/starting/effective" follows token `i`
    /// closely.
    pub after: &'a dyn Fn(usize) -> bool,
    /// Whether a time expression names what stands at token `i` ("the January 12 truce").
    pub names: &'a dyn Fn(usize) -> bool,
}

/// Every event the rules find in one sentence.
pub fn events(v: &View, times: &Times) -> Vec<Found> {
    let mut out = Vec::new();
    verbs(v, &mut out);
    nouns(v, &mut out);
    ceasefires(v, times, &mut out);
    statements(v, &mut out);
    uprisings(v, &mut out);
    // One event per kind, actor and place in a sentence: a verb and its noun ("shelled … with
    // rockets on Tripoli") say the same thing.
    let mut unique: Vec<Found> = Vec::with_capacity(out.len());
    for f in out {
        let same = unique.iter_mut().find(|u| {
            u.kind == f.kind
                && u.place_id() == f.place_id()
                && u.place.as_ref().map(|p| &p.name) == f.place.as_ref().map(|p| &p.name)
                && (u.actor == f.actor || u.actor.is_none() || f.actor.is_none())
        });
        match same {
            Some(u) => {
                if u.actor.is_none() {
                    u.actor = f.actor;
                    u.actor_confidence = f.actor_confidence;
                }
                u.count = u.count.or(f.count);
                u.from = u.from.or(f.from);
                u.origin = u.origin.clone().or(f.origin);
            }
            None => unique.push(f),
        }
    }
    unique
}

// ---------------------------------------------------------------------------------------
// Verbs.

fn verbs(v: &View, out: &mut Vec<Found>) {
    for (i, t) in v.tokens.iter().enumerate() {
        // "LNA-held", "GNA-controlled": an adjective, not a verb.
        if i > 0 && v.is(i.saturating_sub(1), HYPHEN) {
            continue;
        }
        // "the indiscriminate shelling of …", "the capture of …" are nouns; "forces were
        // shelling …" a verb.
        if is_participle(t) && !verbal_ing(v, i) || after_determiner(v, i) {
            continue;
        }
        for rule in v.k.verb_rules(t) {
            if !v.has_any(&rule.needs) || v.denied(i) || v.intended(i) {
                continue;
            }
            match rule.frame {
                Frame::Takes => takes(v, i, rule, out),
                Frame::Moves => moves(v, i, rule, out),
                Frame::Falls => falls(v, i, rule, out),
                Frame::Expels => expels(v, i, rule, out),
            }
        }
    }
}

/// Whether a token is an "-ing" form.
pub(crate) fn is_participle(t: &crate::tokens::Token) -> bool {
    t.norm.ends_with(PARTICIPLE_ENDING)
}

/// Whether the token before `i` is a determiner or a possessive: a verb form there is a noun
/// ("the capture", "Haftar's offensive").
fn after_determiner(v: &View, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| v.k.grammar.determiners.at(v.tokens, p) || v.is(p, POSSESSIVE))
}

/// Whether an "-ing" form at `i` is a verb: after an auxiliary ("were shelling"), a
/// subordinator ("after seizing"), or its subject ("LNA forces shelling the city").
pub(crate) fn verbal_ing(v: &View, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    v.k.grammar.progressive_leads.at(v.tokens, p)
        || v.mention_at(p).and_then(Mention::actor).is_some()
        || v.t(p).is_some_and(|t| v.k.words.force_nouns.has_word(t))
}

fn push_places(out: &mut Vec<Found>, places: Vec<PlaceRef>, mut template: Found) {
    for p in places {
        template.place = Some(p);
        out.push(template.clone());
    }
}

/// "X seized P", "P was seized by X", "P, which X seized", "after seizing P".
fn takes(v: &View, i: usize, rule: &VerbRule, out: &mut Vec<Found>) {
    let mut f = Found::new(rule.kind, i, rule.confidence);
    if v.passive(i) {
        // "P was taken by X": the place before, the agent after; "houses were shelled in
        // al-Hadba": the place after.
        let after = || {
            let j = i.saturating_add(1);
            let n = v.k.grammar.location_preps.match_at(v.tokens, j)?;
            v.places_from(j.saturating_add(n)).into_iter().next()
        };
        let Some(place) = v.place_before(i, 8).or_else(after) else {
            return;
        };
        f.actor = v.by_agent(i, 8);
        if rule.kind == EventKind::Capture && f.actor.is_none() {
            return; // "was taken" with nobody taking it says too little
        }
        f.place = Some(place);
        out.push(f);
        return;
    }
    // "P, which X captured": the object stands before the relative pronoun.
    if let Some((place, actor)) = object_relative(v, i) {
        f.place = Some(place);
        f.actor = Some(actor);
        out.push(f);
        return;
    }
    let Some(then) = rule.then.match_at(v.tokens, i.saturating_add(1)) else {
        return;
    };
    let places = v.places_from(i.saturating_add(1).saturating_add(then));
    let Some(last) = places.last().map(|p| p.last) else {
        return;
    };
    if let Some((actor, c)) = v.subject(i) {
        f.actor = Some(actor);
        f.actor_confidence = c;
    } else if rule.kind == EventKind::Capture {
        return;
    }
    // "fled the base" is a side's withdrawal; "as I was leaving Benghazi" is nobody's.
    if rule.kind == EventKind::Withdrawal && !f.actor.is_some_and(|a| v.k.is_party(a)) {
        return;
    }
    if rule.kind == EventKind::Capture {
        f.from = v
            .source_actor_after(last, 10)
            .filter(|a| Some(*a) != f.actor);
    }
    if rule.kind == EventKind::Offensive {
        f.origin = v.origin_after(i, 14);
    }
    push_places(out, places, f);
}

/// "P, which X captured a day earlier" / "P that X had seized": the place and the actor.
fn object_relative(v: &View, i: usize) -> Option<(PlaceRef, Actor)> {
    let g = &v.k.grammar;
    let mut k = i.checked_sub(1)?;
    while g.verb_leads.at(v.tokens, k) {
        k = k.checked_sub(1)?;
    }
    // The actor: a name, or a pronoun for one ("Bani Walid, which they captured").
    let (actor, first) = match v.mention_at(k) {
        Some(m) => (m.actor()?, m.first),
        None if g.subject_pronouns.at(v.tokens, k) => (v.resolve_pronoun(k)?.0, k),
        None => return None,
    };
    let mut rel = first.checked_sub(1)?;
    if g.determiners.at(v.tokens, rel) {
        rel = rel.checked_sub(1)?;
    }
    if !g.relatives.at(v.tokens, rel) {
        return None;
    }
    let mut p = rel.checked_sub(1)?;
    if v.is(p, ",") {
        p = p.checked_sub(1)?;
    }
    let place_m = v.mention_at(p).filter(|pm| pm.place().is_some())?;
    Some((v.place_at(place_m.first)?, actor))
}

/// "X advanced on P", "X withdrew from P".
fn moves(v: &View, i: usize, rule: &VerbRule, out: &mut Vec<Found>) {
    let mut j = i.saturating_add(1);
    while v.k.grammar.movement_leads.at(v.tokens, j) {
        j = j.saturating_add(1);
    }
    let Some(prep) = rule.preps.match_at(v.tokens, j) else {
        return;
    };
    let places = v.places_from(j.saturating_add(prep));
    if places.is_empty() {
        return;
    }
    let Some((actor, c)) = v.subject(i) else {
        return;
    };
    let mut f = Found::new(rule.kind, i, rule.confidence);
    f.actor = Some(actor);
    f.actor_confidence = c;
    if rule.kind == EventKind::Offensive {
        f.origin = v.origin_after(i, 14);
    }
    push_places(out, places, f);
}

/// "P fell to X", "P came under the control of X".
fn falls(v: &View, i: usize, rule: &VerbRule, out: &mut Vec<Found>) {
    let j = i.saturating_add(1);
    let Some(prep) = rule.preps.match_at(v.tokens, j) else {
        return;
    };
    let Some(actor) = v.agent_after(j.saturating_add(prep).saturating_sub(1)) else {
        return;
    };
    let Some(place) = v.place_before(i, 8) else {
        return;
    };
    let mut f = Found::new(rule.kind, i, rule.confidence);
    f.actor = Some(actor);
    f.place = Some(place);
    out.push(f);
}

/// "X drove Y out of P" (a capture by X from Y); passive "Y was pushed out of P [by X]".
fn expels(v: &View, i: usize, rule: &VerbRule, out: &mut Vec<Found>) {
    let (actor, loser, after) = if v.passive(i) {
        let loser = v
            .actors()
            .filter(|(m, _)| m.last < i && !v.crosses_break(m.last, i))
            .last()
            .map(|(_, a)| a);
        (None, loser, i.saturating_add(1))
    } else {
        let mut j = i.saturating_add(1);
        if v.k.grammar.determiners.at(v.tokens, j) {
            j = j.saturating_add(1);
        }
        let Some(m) = v
            .mention_at(j)
            .filter(|m| m.first == j && m.actor().is_some())
        else {
            return;
        };
        (
            v.subject(i).map(|s| s.0),
            m.actor(),
            m.last.saturating_add(1),
        )
    };
    let Some(prep) = rule.preps.match_at(v.tokens, after) else {
        return;
    };
    let places = v.places_from(after.saturating_add(prep));
    let Some(last) = places.last().map(|p| p.last) else {
        return;
    };
    let actor = actor
        .or_else(|| v.by_agent(last, 6))
        .or_else(|| loser.and_then(Actor::opponent));
    let Some(actor) = actor.filter(|a| Some(*a) != loser) else {
        return;
    };
    let mut f = Found::new(rule.kind, i, rule.confidence);
    f.actor = Some(actor);
    f.from = loser;
    push_places(out, places, f);
}

// ---------------------------------------------------------------------------------------
// Nouns.

/// Marks between an actor and a noun it did: "LNA-declared", "(LNA) shelling", "forces'".
const DESCRIBING_MARKS: &[&str] = &[HYPHEN, ")", "'"];

/// Whether the verb at `i` is in its bare form ("agree", "order") with no subject right
/// before it: an infinitive or a noun ("in order to", "to stop and agree on"), not an act.
fn bare_without_subject(v: &View, i: usize) -> bool {
    let Some(t) = v.t(i) else { return false };
    let inflected = third_person(&t.norm)
        || t.norm.ends_with(PAST_ENDING)
        || t.norm.ends_with(PARTICIPLE_ENDING);
    let subject = i.checked_sub(1).is_some_and(|p| {
        v.mention_at(p).and_then(Mention::actor).is_some()
            || v.k.statement.verb_leads.at(v.tokens, p)
    });
    !inflected && !subject
}

/// Whether a verb form is the third person of the present ("condemns"), not a plural noun
/// ending in "ss".
fn third_person(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

fn nouns(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.len() {
        for rule in &v.k.nouns {
            let Some(n) = rule.forms.match_at(v.tokens, i) else {
                continue;
            };
            if !v.has_any(&rule.needs) || v.is(i.saturating_sub(1), HYPHEN) {
                continue;
            }
            noun(v, i, n, rule, out);
        }
    }
}

fn noun(v: &View, i: usize, n: usize, rule: &NounRule, out: &mut Vec<Found>) {
    let end = i.saturating_add(n);
    // "a new offensive", "plans for an offensive", "to avoid any escalation": not done.
    let lead = (i.saturating_sub(3)..i)
        .filter(|&k| !v.mentions.iter().any(|m| m.covers(k)))
        .any(|k| {
            v.k.events.not_done.at(v.tokens, k)
                // "the fighting that led to the capture of": done.
                && !(v.is(k, TO)
                    && rule.kind == EventKind::Capture
                    && v.k.events.carry_out.at(v.tokens, k.saturating_sub(1)))
        });
    if lead && rule.kind != EventKind::Capture || v.denied(i) {
        return;
    }
    // The place: after one of the noun's prepositions, within a few words.
    let mut places = Vec::new();
    let mut at = end;
    while at < end.saturating_add(10).min(v.len()) {
        if v.crosses_break(end, at.saturating_add(1)) {
            break;
        }
        if let Some(p) = rule.preps.match_at(v.tokens, at) {
            places = v.places_from(at.saturating_add(p));
            if !places.is_empty() {
                break;
            }
        }
        at = at.saturating_add(1);
    }
    // "Mitiga airport has come under continuous shelling": the subject of "come under".
    if places.is_empty()
        && let Some(under) =
            (i.saturating_sub(4)..i).find(|&k| v.k.events.under_fire.at(v.tokens, k))
        && let Some(place) = v.place_before(under, 8)
    {
        places.push(place);
    }
    let Some(last) = places.last().map(|p| p.last) else {
        return;
    };
    let mut f = Found::new(rule.kind, i, rule.confidence);
    let (actor, c) = noun_actor(v, i, last, rule.kind).map_or((None, 1.0), |(a, c)| (Some(a), c));
    // A capture or an offensive is a side's: "a 200-kilometre drive east to Misrata" names
    // none.
    if matches!(rule.kind, EventKind::Capture | EventKind::Offensive) && actor.is_none() {
        return;
    }
    f.actor = actor;
    f.actor_confidence = c;
    if matches!(rule.kind, EventKind::Airstrike | EventKind::Shelling) {
        // "five strikes": a count; "an air strike" is one, which needs no saying.
        f.count = v.count_before(i).filter(|&c| c > 1);
    }
    if rule.kind == EventKind::Offensive {
        f.origin = v.origin_after(i, 16);
    }
    push_places(out, places, f);
}

/// How far after a noun its "by" may stand ("an attack by the militias").
const NOUN_AGENT_REACH: usize = 3;

/// Who did what a noun names: the possessor ("Haftar's 14-month offensive"), an actor right
/// before it ("Turkish drone strikes", "LNA shelling"), "by X" or "to X" after it ("the fall
/// of Sirte to the LNA"), or the subject of a verb that carries it out.
fn noun_actor(v: &View, i: usize, place_last: usize, kind: EventKind) -> Option<(Actor, f64)> {
    if let Some(a) = actor_before_noun(v, i) {
        return Some((a, 1.0));
    }
    // "its offensive on Tripoli", "their 14-month offensive".
    if let Some(p) = pronoun_before_noun(v, i) {
        return v.resolve_pronoun(p);
    }
    // "an attack by the militias on Tarhouna", "the capture of Sirte by the LNA".
    if let Some(a) = v
        .by_agent(i, NOUN_AGENT_REACH)
        .or_else(|| v.by_agent(place_last, 6))
    {
        return Some((a, 1.0));
    }
    if kind == EventKind::Capture {
        return capture_actor(v, i, place_last);
    }
    // The subject of "launched", "carried out", … before the noun.
    if let Some(verb) = (i.saturating_sub(6)..i)
        .rev()
        .find(|&k| v.k.events.carry_out.at(v.tokens, k))
    {
        return v.subject(verb).map(|(a, c)| (a, c * 0.9));
    }
    // An offensive is waged by a side: the clause's subject, if it is one ("Haftar … in an
    // abortive attempt to seize the capital"); the UN condemning it is not.
    v.subject(i)
        .filter(|(a, _)| kind == EventKind::Offensive && v.k.is_party(*a))
        .map(|(a, c)| (a, c * 0.8))
}

/// The actor named right before the noun at `i`: its possessor ("Haftar's offensive") or one
/// only describing words apart ("Turkish drone strikes", "LNA forces indiscriminate
/// bombardment").
fn actor_before_noun(v: &View, i: usize) -> Option<Actor> {
    v.actors()
        .filter(|(m, _)| m.last < i && m.last.saturating_add(6) >= i)
        .filter(|(m, _)| {
            let next = m.last.saturating_add(1);
            v.is(next, POSSESSIVE)
                || (next..i)
                    .all(|k| v.k.events.describing.at(v.tokens, k) || v.is_any(k, DESCRIBING_MARKS))
        })
        .last()
        .map(|(_, a)| a)
}

/// A possessive pronoun shortly before the noun at `i`, with only describing words or numbers
/// between: "its offensive", "their 14-month offensive".
fn pronoun_before_noun(v: &View, i: usize) -> Option<usize> {
    (i.saturating_sub(5)..i)
        .rev()
        .find(|&k| v.k.grammar.possessive_pronouns.at(v.tokens, k))
        .filter(|&k| {
            (k.saturating_add(1)..i).all(|j| {
                v.k.events.noun_modifiers.at(v.tokens, j)
                    || v.is(j, HYPHEN)
                    || v.t(j)
                        .is_some_and(|t| t.kind == crate::tokens::TokenKind::Number)
                    || v.t(j)
                        .and_then(|t| super::timex::number_word(v.k, t))
                        .is_some()
            })
        })
}

/// Who took a place a capture noun at `i` names, its place ending at `place_last`: "the fall
/// of Sirte to the LNA"; "the GNA announced the capture of …".
fn capture_actor(v: &View, i: usize, place_last: usize) -> Option<(Actor, f64)> {
    let to = (place_last.saturating_add(1)..place_last.saturating_add(4)).find(|&k| v.is(k, TO));
    if let Some(a) = to.and_then(|k| v.agent_after(k)) {
        return Some((a, 0.9));
    }
    let verb = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| v.k.events.capture_claims.at(v.tokens, k))?;
    v.subject(verb).filter(|(_, c)| *c >= 0.85)
}

// ---------------------------------------------------------------------------------------
// Ceasefires, statements, uprisings.

/// A ceasefire of the sentence taking effect, and one announced or agreed (a deal reached).
fn ceasefires(v: &View, times: &Times, out: &mut Vec<Found>) {
    let (timex_after, timex_names) = (&times.after, &times.names);
    let words = &v.k.ceasefire;
    let Some(c) = words.words.find_in(v.tokens, 0, v.len()) else {
        return;
    };
    // Taking effect: "to take effect from T", "a ceasefire from T", "took effect at T".
    let takes_effect = words
        .effect
        .find_in(v.tokens, c, c.saturating_add(12))
        .is_some();
    if takes_effect && timex_after(c) {
        let mut f = Found::new(EventKind::CeasefireEffective, c, 0.9);
        f.wants_start_date = true;
        out.push(f);
    }
    // "the January 12 truce": a ceasefire named by the day it began.
    if !takes_effect && timex_names(c) {
        let mut f = Found::new(EventKind::CeasefireEffective, c, 0.8);
        f.wants_start_date = true;
        out.push(f);
    }
    if let Some(f) = ceasefire_announced(v, c).or_else(|| ceasefire_deal(v, c)) {
        out.extend(each_side(v, f));
    }
}

/// How far after a passive verb its "by" may stand ("was announced on June 6 by …").
const BY_AGENT_REACH: usize = 8;

/// A ceasefire agreed by both sides ("the two sides agreed to a truce", "a ceasefire
/// agreement signed by the warring parties") is announced by each: one event per side.
fn each_side(v: &View, f: Found) -> Vec<Found> {
    // Not when a side is its clause's subject; a speaker the sentence quotes gives way.
    let named = f.actor.is_some() && f.actor_confidence >= 0.85;
    let both = !named
        && v.k
            .ceasefire
            .both_sides
            .find_in(v.tokens, 0, v.len())
            .is_some();
    if !both {
        return vec![f];
    }
    [Actor::Gna, Actor::Lna]
        .into_iter()
        .map(|side| {
            let mut one = f.clone();
            one.actor = Some(side);
            one.actor_confidence = 0.8;
            one
        })
        .collect()
}

/// Announced: a verb of announcing whose object is the ceasefire at `c`; not the participle
/// in "the ceasefire announced in Egypt".
fn ceasefire_announced(v: &View, c: usize) -> Option<Found> {
    let words = &v.k.ceasefire;
    for i in 0..v.len() {
        let called_for = words.calls_for.at(v.tokens, i)
            && (i.saturating_add(1)..i.saturating_add(6).min(v.len()))
                .any(|k| v.is(k, FOR) && k < c);
        if called_for {
            continue; // a call for a ceasefire is a statement
        }
        if words.announce.match_at(v.tokens, i).is_none() || bare_without_subject(v, i) {
            continue;
        }
        if i == c.saturating_add(1) || (i > c && words.words.ends_before(v.tokens, i)) {
            continue;
        }
        // "announced its support for the ceasefire" is a statement, not an announcement.
        if v.k
            .grammar
            .possessive_pronouns
            .at(v.tokens, i.saturating_add(1))
            && v.k.statement.stance_nouns.at(v.tokens, i.saturating_add(2))
        {
            continue;
        }
        if i.abs_diff(c) > 14 || (v.crosses_break(i, c) && i > c) || v.denied(i) || v.intended(i) {
            continue;
        }
        // "Libya's warring parties have agreed to a ceasefire": nobody the lexicon names.
        // In a quote, who declares it is who speaks.
        let mut f = Found::new(EventKind::CeasefireAnnounced, i, 0.9);
        // "was announced on June 6 by President … al-Sisi": the agent of the passive.
        let agent = v
            .passive(i)
            .then(|| v.by_agent(i, BY_AGENT_REACH))
            .flatten();
        if let Some(actor) = agent {
            f.actor = Some(actor);
        } else if let Some((actor, ac)) = v.subject(i).filter(|(_, c)| *c >= 0.85) {
            f.actor = Some(actor);
            f.actor_confidence = ac;
        } else if let Some(speaker) = super::attribution::speaker(v, i, None) {
            f.actor = Some(speaker);
            f.actor_confidence = 0.8;
        }
        return Some(f);
    }
    None
}

/// "last month's ceasefire deal by both parties": an agreement reached on the ceasefire at
/// `c`, not one only sought.
fn ceasefire_deal(v: &View, c: usize) -> Option<Found> {
    let deal = v.k.ceasefire.deals.match_at(v.tokens, c.saturating_add(1));
    let sought = (c.saturating_sub(4)..c)
        .any(|k| v.k.events.not_done.at(v.tokens, k) || v.k.ceasefire.sought.at(v.tokens, k));
    if deal.is_none() || sought || v.denied(c) {
        return None;
    }
    let mut f = Found::new(EventKind::CeasefireAnnounced, c, 0.8);
    let possessor = v
        .actors()
        .filter(|(m, _)| {
            m.last < c
                && m.last.saturating_add(4) >= c
                && v.is(m.last.saturating_add(1), POSSESSIVE)
        })
        .last()
        .map(|(_, a)| a);
    f.actor = possessor.or_else(|| v.by_agent(c, 6));
    Some(f)
}

/// Positions the sentence's actors take ("condemns", "calls for", "supports", "is alarmed",
/// "expressed its concern"), one statement per actor; what an actor says when the sentence
/// reports no fighting ("Guterres said there was still time", "told the Security Council");
/// and a statement a heading names ("Statement by the Humanitarian Coordinator").
fn statements(v: &View, out: &mut Vec<Found>) {
    // "The GNA said it had taken Tarhuna" is a claim, not a position: a sentence that tells of
    // fighting makes no statement of what is merely said.
    let fighting = out
        .iter()
        .any(|f| super::attribution::CLAIMABLE.contains(&f.kind))
        || tells_of_fighting(v);
    let mut said: Vec<Actor> = Vec::new();
    for i in 0..v.len() {
        let Some(position) =
            position_at(v, i).or_else(|| (!fighting).then(|| speech_at(v, i)).flatten())
        else {
            continue;
        };
        let Some((actor, ac)) = statement_actor(v, i) else {
            continue;
        };
        if said.contains(&actor) {
            continue;
        }
        said.push(actor);
        let mut f = Found::new(EventKind::Statement, i, STATEMENT_CONFIDENCE);
        f.actor = Some(actor);
        f.actor_confidence = ac;
        f.stance = position.stance;
        // "condemns", "calls on", "is alarmed", "we urge", "has condemned": said now, on the
        // article's date.
        let present_marker = |k: usize| v.k.statement.present_markers.at(v.tokens, k);
        let perfect =
            v.k.grammar
                .perfect_auxiliaries
                .at(v.tokens, i.saturating_sub(1));
        f.present = third_person(position.word)
            || present_marker(i.saturating_sub(1))
            || present_marker(i)
            || perfect;
        out.push(f);
    }
    if let Some(f) = named_statement(v).filter(|f| f.actor.is_some_and(|a| !said.contains(&a))) {
        out.push(f);
    }
}

/// Whether a word of the sentence signals fighting, whether or not a rule made an event of it
/// ("the LNA said it had seized the airport" is a claim even when the airport is unknown).
fn tells_of_fighting(v: &View) -> bool {
    (0..v.len()).any(|i| {
        let fighting = |kind: &EventKind| super::attribution::CLAIMABLE.contains(kind);
        // "vowed to seize Sirte": wanted, not done.
        let done = !v.intended(i) && !v.denied(i);
        done && v.t(i).is_some_and(|t| {
            v.k.verb_rules(t)
                .any(|r| fighting(&r.kind) && v.has_any(&r.needs))
        }) || v.k.nouns.iter().any(|r| {
            fighting(&r.kind) && v.has_any(&r.needs) && r.forms.match_at(v.tokens, i).is_some()
        })
    })
}

/// How far before a position a first-person pronoun may stand ("I very much welcome").
const FIRST_PERSON_REACH: usize = 4;

/// How surely a position or a speech of an actor is a statement.
const STATEMENT_CONFIDENCE: f64 = 0.85;
/// How far after a verb of saying what it is about may stand (before it, anywhere in the
/// sentence).
const SPEECH_WINDOW: usize = 25;
/// How many words may stand between a verb of expressing and what it expresses ("expressed
/// her strong condemnation").
const EXPRESSION_WINDOW: usize = 4;

/// A position taken at a token: the word that takes it, and for or against.
struct Position<'a> {
    word: &'a str,
    stance: Option<Stance>,
}

/// The position the words at `i` take, when they take one on something ("supports the
/// ceasefire"), actively and not denied.
fn position_at<'v>(v: &'v View, i: usize) -> Option<Position<'v>> {
    let words = &v.k.statement;
    let support = words.support.match_at(v.tokens, i);
    let against = words.against.match_at(v.tokens, i);
    // "the UN continues to be extremely concerned", "is alarmed".
    let feeling = words
        .feelings
        .match_at(v.tokens, i)
        .or_else(|| words.evaluations.match_at(v.tokens, i))
        .filter(|_| (i.saturating_sub(3)..i).any(|k| words.copulas.at(v.tokens, k)));
    let call = words
        .calls
        .match_at(v.tokens, i)
        .or(feeling)
        .or_else(|| expression_at(v, i));
    let n = call.or(against).or(support)?;
    let t = v.t(i)?;
    if !is_verb_at(v, i) {
        return None;
    }
    // The passive "is backed by" and "backed by Turkey" describe an alliance, not an act; "is
    // concerned by" is a feeling.
    let alliance = call.is_none() && (v.is(i.saturating_add(1), AGENT_MARK) || v.passive(i));
    if v.denied(i) || alliance {
        return None;
    }
    let end = i.saturating_add(n);
    let object = words
        .objects
        .find_in(v.tokens, end, end.saturating_add(12))
        .is_some()
        || call.is_some();
    let stance = if against.is_some() && call.is_none() {
        Stance::Rejection
    } else {
        Stance::Support
    };
    object.then_some(Position {
        word: t.norm.as_str(),
        stance: Some(stance),
    })
}

/// Whether the word at `i` stands as a verb: a homograph ("support") right after a subject or
/// an auxiliary, an "-ing" form where one is a verb.
fn is_verb_at(v: &View, i: usize) -> bool {
    let Some(t) = v.t(i) else { return false };
    let words = &v.k.statement;
    if words.homographs.has_word(t) && !words.verb_leads.at(v.tokens, i.saturating_sub(1)) {
        return false;
    }
    (!is_participle(t) || verbal_ing(v, i)) && !after_determiner(v, i)
}

/// "expressed her strong condemnation", "notes with grave concern", "reiterated its call":
/// a verb of expressing, then what it expresses within a few words. Returns the tokens up to
/// the expressed noun.
fn expression_at(v: &View, i: usize) -> Option<usize> {
    let words = &v.k.statement;
    words.expressions.match_at(v.tokens, i)?;
    (i.saturating_add(1)..i.saturating_add(1 + EXPRESSION_WINDOW).min(v.len()))
        .find(|&k| words.stance_objects.at(v.tokens, k))
        .map(|k| k.saturating_add(1).saturating_sub(i))
}

/// A verb of saying at `i` ("said", "told", "cautioned"), as a verb, neither denied nor only
/// wanted: what its subject says is a statement.
fn speech_at<'v>(v: &'v View, i: usize) -> Option<Position<'v>> {
    let n = v.k.statement.speech.match_at(v.tokens, i)?;
    let t = v.t(i)?;
    let as_verb = is_verb_at(v, i) && !v.denied(i) && !v.intended(i) && !v.passive(i);
    // What is said must be about the war or its end, not a fact ("said it had started
    // sending troops"); it may come before the verb ("…, his spokesman said").
    let end = i.saturating_add(n);
    let about =
        v.k.statement
            .objects
            .find_in(v.tokens, 0, end.saturating_add(SPEECH_WINDOW))
            .is_some();
    (as_verb && about).then_some(Position {
        word: t.norm.as_str(),
        stance: None,
    })
}

/// "Statement by the Humanitarian Coordinator", "Remarks by the Secretary-General": a
/// statement by the actor named right after.
fn named_statement(v: &View) -> Option<Found> {
    let words = &v.k.statement;
    let at = (0..v.len()).find(|&i| words.headers.match_at(v.tokens, i).is_some())?;
    let n = words.headers.match_at(v.tokens, at)?;
    let after = at.saturating_add(n);
    let actor = (after..after.saturating_add(3)).find_map(|k| {
        v.mention_at(k)
            .filter(|m| m.first == k)
            .and_then(Mention::actor)
    })?;
    let mut f = Found::new(EventKind::Statement, at, STATEMENT_CONFIDENCE);
    f.actor = Some(actor);
    f.actor_confidence = 0.9;
    Some(f)
}

/// Who takes the position at `i`. They must be named before it (or be a pronoun for one): a
/// speaker found elsewhere in the sentence is not the subject of "calls for" — unless the
/// position is in their own words ("“we support …,” said Bogdanov"), or in the words of the
/// text's own voice ("I welcome the opportunity", in remarks by the Special Representative).
fn statement_actor(v: &View, i: usize) -> Option<(Actor, f64)> {
    // "we support", "I very much welcome", "we are concerned", "our colleagues are deeply
    // concerned": the speaker's own words, or the text's voice.
    let first_person =
        (i.saturating_sub(FIRST_PERSON_REACH)..i).any(|k| v.k.grammar.first_person.at(v.tokens, k));
    // "The discovery of mass graves is deeply shocking": an evaluation no actor makes is the
    // text's own.
    let evaluation = v.k.statement.evaluations.at(v.tokens, i) && v.actors().next().is_none();
    v.subject(i).filter(|(_, c)| *c >= 0.85).or_else(|| {
        if first_person {
            super::attribution::speaker(v, i, None).or(v.voice)
        } else if evaluation {
            v.voice
        } else {
            None
        }
        .map(|a| (a, 0.8))
    })
}

fn uprisings(v: &View, out: &mut Vec<Found>) {
    if let Some(i) = v.k.uprising.words.find_in(v.tokens, 0, v.len()) {
        out.push(Found::new(EventKind::Uprising, i, 0.9));
    }
}

// ---------------------------------------------------------------------------------------
// Facts.

/// Relations in one sentence that complete events found elsewhere.
pub fn facts(v: &View) -> Vec<Fact> {
    let mut out = Vec::new();
    for m in v.mentions {
        let Some(place) = m.place() else { continue };
        holds_after(v, m, place, &mut out);
        // "X-held P", "X-controlled P"
        if let Some(actor) = m
            .first
            .checked_sub(3)
            .filter(|_| {
                v.k.events
                    .holding_verbs
                    .at(v.tokens, m.first.saturating_sub(1))
            })
            .filter(|_| v.is(m.first.saturating_sub(2), HYPHEN))
            .and_then(|k| v.mention_at(k))
            .and_then(Mention::actor)
        {
            out.push(Fact::Holds {
                place: place.clone(),
                actor,
            });
        }
        // "P, …, which was used as the main launchpad against Q"
        let window = m.last.saturating_add(1)..m.last.saturating_add(30).min(v.len());
        if let Some(j) = window
            .clone()
            .find(|&j| v.k.events.launch_nouns.at(v.tokens, j))
        {
            let target = v
                .mentions
                .iter()
                .filter(|t| t.first > j && t.first <= j.saturating_add(8))
                .find_map(|t| t.place().cloned());
            if let Some(target) = target {
                let holder = out.iter().find_map(|f| match f {
                    Fact::Holds { place: p, actor } if p == place => Some(*actor),
                    _ => None,
                });
                out.push(Fact::Origin {
                    origin: place.clone(),
                    target,
                    actor: holder,
                });
            }
        }
    }
    out
}

/// "P, X's [last] stronghold", "P had been held by X".
fn holds_after(v: &View, m: &Mention, place: &PlaceId, out: &mut Vec<Fact>) {
    let mut k = m.last.saturating_add(1);
    if v.is(k, ",") {
        k = k.saturating_add(1);
        if let Some(actor_m) = v
            .mention_at(k)
            .filter(|a| a.first == k && a.actor().is_some())
        {
            let end = actor_m.last.saturating_add(1);
            let noun_near = (end..end.saturating_add(4).min(v.len()))
                .any(|j| v.k.events.stronghold_nouns.at(v.tokens, j));
            if v.is(end, POSSESSIVE)
                && noun_near
                && let Some(actor) = actor_m.actor()
            {
                out.push(Fact::Holds {
                    place: place.clone(),
                    actor,
                });
            }
        }
    }
    for j in m.last.saturating_add(1)..m.last.saturating_add(14).min(v.len()) {
        if v.k.events.holding_verbs.at(v.tokens, j)
            && v.is(j.saturating_add(1), AGENT_MARK)
            && v.passive(j)
        {
            if v.place_before(j, 14).and_then(|p| p.id).as_ref() == Some(place)
                && let Some(actor) = v.agent_after(j.saturating_add(1))
            {
                out.push(Fact::Holds {
                    place: place.clone(),
                    actor,
                });
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of one sentence as "kind actor place [from] [count]".
    fn read(text: &str) -> Vec<String> {
        crate::clause::with_view(text, |v| {
            events(
                v,
                &Times {
                    after: &|_| false,
                    names: &|_| false,
                },
            )
        })
        .into_iter()
        .map(|f| {
            let mut s = format!(
                "{} {} {}",
                f.kind.id(),
                f.actor.map_or("-", Actor::id),
                f.place.as_ref().map_or("-".to_owned(), |p| p
                    .id
                    .as_ref()
                    .map_or(format!("?{}", p.name), |id| id.to_string()))
            );
            if let Some(a) = f.from {
                s.push_str(&format!(" from {}", a.id()));
            }
            if let Some(c) = f.count {
                s.push_str(&format!(" x{c}"));
            }
            s
        })
        .collect()
    }

    #[test]
    fn captures_in_the_voices_of_wire_reports() {
        assert_eq!(
            read("The GNA recaptured Bani Walid from the LNA."),
            ["capture gna bani_walid from lna"]
        );
        assert_eq!(
            read("Government forces took control of Tarhouna, Bani Walid and Mizdah."),
            [
                "capture gna tarhuna",
                "capture gna bani_walid",
                "capture gna mizdah"
            ]
        );
        assert_eq!(
            read("Sirte was taken by Haftar's forces in January."),
            ["capture lna sirte"]
        );
        assert_eq!(
            read("Gharyan fell to GNA forces on Wednesday."),
            ["capture gna gharyan"]
        );
        assert_eq!(
            read("Pro-government forces drove the LNA out of Gharyan."),
            ["capture gna gharyan from lna"]
        );
        assert_eq!(
            read("the LNA was pushed out of Tarhuna."),
            ["capture gna tarhuna from lna"]
        );
        assert_eq!(
            read("It praised Tarhuna, which the GNA captured a day earlier."),
            ["capture gna tarhuna"]
        );
        assert_eq!(
            read("The GNA announced the capture of al-Watiya air base."),
            ["capture gna al_watiya"]
        );
        assert!(
            read("The capture of al-Watiya air base was a blow.").is_empty(),
            "a capture needs its actor"
        );
        assert_eq!(
            read("The GNA's capture of al-Watiya air base stunned the LNA."),
            ["capture gna al_watiya"]
        );
        assert_eq!(
            read("GNA forces entered Tarhuna on Friday."),
            ["capture gna tarhuna"]
        );
        assert_eq!(
            read("The LNA regained control of Qasr bin Ghashir."),
            ["capture lna qasr_bin_ghashir"]
        );
    }

    #[test]
    fn offensives_strikes_and_withdrawals() {
        assert_eq!(
            read("Forces loyal to the GNA launched an offensive on Saturday to seize Sirte."),
            ["offensive gna sirte"]
        );
        assert_eq!(
            read("GNA forces advanced on Sirte from Misrata."),
            ["offensive gna sirte"]
        );
        assert_eq!(
            read("Turkish drones struck Tarhuna."),
            ["airstrike turkey tarhuna"]
        );
        assert_eq!(
            read("The air force has carried out five strikes in the outskirts of Sirte."),
            ["airstrike - sirte x5"]
        );
        assert_eq!(
            read("LNA forces shelled Mitiga airport."),
            ["shelling lna mitiga"]
        );
        assert_eq!(
            read("Four rockets hit Mitiga airport on Sunday."),
            ["shelling - mitiga x4"]
        );
        assert_eq!(
            read("The LNA withdrew from Tarhuna to spare civilians."),
            ["withdrawal lna tarhuna"]
        );
        assert_eq!(
            read("LNA fighters pulled back from Abu Grein."),
            ["withdrawal lna abu_grein"]
        );
        assert_eq!(
            read("An air strike hit Ain Zara."),
            ["airstrike - ain_zara"]
        );
        assert_eq!(
            read("An air strike hit Abu Arqub."),
            ["airstrike - ?Abu Arqub"]
        );
        assert_eq!(
            read("An airstrike hit a field hospital in Gaser Ben Gasher."),
            ["airstrike - qasr_bin_ghashir"],
            "a known place spelled another way"
        );
    }

    #[test]
    fn intentions_denials_and_adjectives_are_not_events() {
        assert!(
            read("The GNA vowed to seize Sirte.").is_empty(),
            "a vow is an intention, not a capture nor a statement"
        );
        assert!(read("The LNA failed to take Tripoli.").is_empty());
        assert!(read("The GNA could take Sirte soon.").is_empty());
        assert!(read("They fought over LNA-held Sirte.").is_empty());
        assert!(
            read("The UN condemned the air strike on Tajoura.")
                .iter()
                .all(|e| !e.starts_with("airstrike un"))
        );
    }

    #[test]
    fn statements_are_dated_by_their_tense() {
        assert_eq!(
            read("UNSMIL condemns the shelling of Tripoli."),
            ["shelling - tripoli", "statement un -"]
        );
        assert_eq!(
            read("Russia announced its support for the ceasefire."),
            ["statement russia -"]
        );
    }

    #[test]
    fn statements_in_the_words_of_briefings() {
        assert_eq!(
            read("UN chief António Guterres said there was still time to avoid a bloody battle."),
            ["statement un -"]
        );
        assert_eq!(
            read("The GNA remains concerned by the continuing military activity."),
            ["statement gna -"]
        );
        assert_eq!(
            read("The Humanitarian Coordinator expresses her strong condemnation of this attack."),
            ["statement un -"]
        );
        assert_eq!(
            read("6 April, Statement by the Humanitarian Coordinator for Libya."),
            ["statement un -"]
        );
        assert_eq!(
            read("The GNA said its forces had taken Tarhuna."),
            ["capture gna tarhuna"],
            "what a side says it did is a claim, not a statement"
        );
    }
}
