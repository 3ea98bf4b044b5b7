//! Event rules: which words signal which kind of event, and how its roles are found.
//!
//! A narrow, checked lexicon rather than a generic coder (generic coders agree with each
//! other on well under half of stories). Each rule finds a trigger in a sentence and fills
//! the roles from the names around it:
//!
//! - capture: "X seized/captured/recaptured/retook/took control of P [from Y]", passive
//!   "P was taken by X", "P fell to X", "Y lost P to X";
//! - offensive: "X launched an offensive on/to seize P", "X's 14-month offensive to capture
//!   P", "an attempt to seize P", "X advanced on P", with the origin in "from Q";
//! - airstrike: "N (air) strikes on/in/near P" (with the count), "X bombed P";
//! - ceasefire_announced: "X announced/declared/proposed a ceasefire";
//! - ceasefire_effective: "a ceasefire to take effect from T", "a ceasefire from T";
//! - statement: "X backed/welcomed/rejected/announced its support for the ceasefire,
//!   initiative, offer…" (not the passive "is backed by");
//! - uprising: "an uprising/revolution" with a date;
//! - withdrawal: "X withdrew from / pulled out of P".
//!
//! Intentions and denials ("to seize", "failed to", "denied") are not events of their own.
//! Relations that are not events but complete them are collected as [`Fact`]s: who holds a
//! place ("Tarhuna, Haftar's last stronghold") and where an offensive starts from ("used as
//! the main launchpad against Tripoli").

use super::lexicon::Mention;
use super::text::{Token, TokenKind};
use super::timex::number_word;
use crate::model::{Actor, EventKind, PlaceId, Stance};

/// An event as a rule first finds it, before dating and merging.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub kind: EventKind,
    pub trigger: usize,
    pub actor: Option<Actor>,
    /// How the actor was found: 1.0 the clause's subject, less for weaker guesses.
    pub actor_confidence: f64,
    pub place: Option<PlaceId>,
    pub from: Option<Actor>,
    pub origin: Option<PlaceId>,
    pub count: Option<u32>,
    /// How strongly the trigger signals the kind.
    pub trigger_confidence: f64,
    /// For a ceasefire taking effect: the date is the one introduced by "from"/"effective".
    pub wants_start_date: bool,
    /// For a statement: for or against.
    pub stance: Option<Stance>,
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

/// A sentence with its names, ready for the rules.
pub struct View<'a> {
    pub tokens: &'a [Token],
    pub mentions: &'a [Mention],
    /// The actor a pronoun at the start of this sentence most likely means: the subject of
    /// the sentence before.
    pub antecedent: Option<Actor>,
}

/// Words that open an aside between commas, whose names are not the clause's subject.
const ASIDE_OPENERS: &[&str] = &[
    "backed",
    "supported",
    "allied",
    "aligned",
    "armed",
    "which",
    "who",
    "whose",
    "including",
    "led",
];
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "his", "her", "its", "their"];
const SPATIAL: &[&str] = &[
    "west",
    "east",
    "north",
    "south",
    "southwest",
    "southeast",
    "northwest",
    "northeast",
    "outside",
    "near",
    "kilometres",
    "kilometers",
    "km",
    "miles",
];

const OBJECT_MARKERS: &[&str] = &[
    "against",
    "from",
    "to",
    "with",
    "fighting",
    "over",
    "by",
    "on",
    "of",
    "towards",
    "toward",
    "into",
    "at",
    "near",
    "for",
    "attacking",
    "backing",
    "supporting",
    "and",
    "between",
];
/// Nouns that make a possessive an agent: "Turkey's drones bombed …".
const AGENT_NOUNS: &[&str] = &[
    "forces",
    "troops",
    "army",
    "fighters",
    "drones",
    "jets",
    "warplanes",
    "aircraft",
    "air",
    "militias",
    "units",
    "soldiers",
    "allies",
    "loyalists",
    "navy",
    "president",
    "government",
    "leader",
    "ministry",
    "minister",
    "spokesman",
    "spokeswoman",
    "officials",
    "envoy",
];
const DENIAL: &[&str] = &[
    "not", "n't", "never", "denied", "deny", "denies", "failed", "fail", "without",
];
const CEASEFIRE_WORDS: &[&str] = &["ceasefire", "ceasefires", "truce", "armistice"];
const PEACE_OBJECTS: &[&str] = &[
    "ceasefire",
    "truce",
    "initiative",
    "offer",
    "offers",
    "plan",
    "proposal",
    "declaration",
    "talks",
    "deal",
    "agreement",
    "process",
    "efforts",
    "call",
    "move",
    "announcement",
    "roadmap",
    "negotiations",
];

impl View<'_> {
    fn t(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    fn is(&self, i: usize, norm: &str) -> bool {
        self.t(i).is_some_and(|t| t.is(norm))
    }

    fn is_any(&self, i: usize, norms: &[&str]) -> bool {
        self.t(i).is_some_and(|t| t.is_any(norms))
    }

    /// Whether `[a, b)` crosses a clause break that roles do not cross: ";" or a quotation
    /// mark.
    fn crosses_break(&self, a: usize, b: usize) -> bool {
        self.tokens[a.min(b)..a.max(b).min(self.tokens.len())]
            .iter()
            .any(|t| t.is_any(&[";", "\""]))
    }

    fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.first <= i && i <= m.last)
    }

    /// Whether a mention stands as a grammatical object or a possessive, which cannot be the
    /// subject of a verb ("fighting the GNA", "the Egyptian President's offer").
    fn is_object_or_possessive(&self, m: &Mention) -> bool {
        let before = |k: usize| m.first.checked_sub(k).and_then(|p| self.t(p));
        let before_skip_the = match before(1) {
            Some(t) if t.is_any(&["the", "its", "his", "their"]) => before(2),
            other => other,
        };
        let object = before_skip_the.is_some_and(|t| t.is_any(OBJECT_MARKERS));
        // "Turkey's drones" acts; "the Egyptian President's offer" does not.
        let possessive = self.is(m.last + 1, "'s")
            && !(m.last + 2..m.last + 4).any(|k| self.is_any(k, AGENT_NOUNS));
        object || possessive
    }

    fn actors(&self) -> impl Iterator<Item = (&Mention, Actor)> {
        self.mentions
            .iter()
            .filter_map(|m| m.actor().map(|a| (m, a)))
    }

    fn places(&self) -> impl Iterator<Item = (&Mention, &PlaceId)> {
        self.mentions
            .iter()
            .filter_map(|m| m.place().map(|p| (m, p)))
    }

    /// The subject of the verb at `i`: the nearer of (a) the nearest actor before it that is
    /// neither an object nor a possessive and (b) a pronoun ("it", "its", "they", "his"),
    /// which stands for the nearest actor named before it or, failing that, for the subject
    /// of the sentence before (1.0, 0.85); else an actor anywhere in the sentence that is not
    /// an object, such as a speaker after a quote (0.8); else any non-possessive actor (0.6).
    fn subject(&self, i: usize) -> Option<(Actor, f64)> {
        let strict = self
            .actors()
            .filter(|(m, _)| {
                m.last < i && !self.is_object_or_possessive(m) && !self.crosses_break(m.last, i)
            })
            .last();
        let pronoun = (i.saturating_sub(6)..i)
            .rev()
            .find(|&k| self.is_any(k, PRONOUNS) && self.mention_at(k).is_none())
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
                    .filter(|(m, _)| !self.is(m.last + 1, "'s"))
                    .min_by_key(|(m, _)| m.first.abs_diff(i))
                    .map(|(_, a)| (a, 0.6))
            })
    }

    /// The actor a pronoun at token `p` stands for.
    /// Names inside an aside ("The LNA, backed by the UAE, Egypt and Russia, began its …")
    /// are skipped.
    fn resolve_pronoun(&self, p: usize) -> Option<(Actor, f64)> {
        let aside = self.aside_before(p);
        self.actors()
            .filter(|(m, _)| m.last < p && !self.crosses_break(m.last, p))
            .filter(|(m, _)| aside.is_none_or(|(a, b)| m.last < a || m.first > b))
            .last()
            .map(|(_, a)| a)
            .or(self.antecedent)
            .map(|a| (a, 0.85))
    }

    /// The token range of an aside that ends at the last comma before `p`: a stretch between
    /// commas that opens with a participle or relative ("backed by", "which", "who").
    fn aside_before(&self, p: usize) -> Option<(usize, usize)> {
        let close = (0..p).rev().find(|&k| self.is(k, ","))?;
        let open = (0..close)
            .rev()
            .filter(|&k| self.is(k, ","))
            .find(|&k| self.is_any(k + 1, ASIDE_OPENERS))?;
        Some((open, close))
    }

    /// Whether a place mention is only a landmark for another ("west of Tripoli",
    /// "the capital's Mitiga airport").
    fn is_landmark(&self, m: &Mention) -> bool {
        self.is(m.last + 1, "'s")
            || (self.is(m.first.wrapping_sub(1), "of")
                && self.is_any(m.first.wrapping_sub(2), SPATIAL))
    }

    /// The first place after `i`, within `window` tokens and the clause, that is not the
    /// origin of a movement ("from Q").
    fn place_after(&self, i: usize, window: usize) -> Option<PlaceId> {
        self.places()
            .filter(|(m, _)| {
                m.first > i && m.first <= i + window && !self.crosses_break(i, m.first)
            })
            .find(|(m, _)| !self.is(m.first.wrapping_sub(1), "from") && !self.is_landmark(m))
            .map(|(_, p)| p.clone())
    }

    /// The subject place of a passive verb at `i`: the nearest place before it within
    /// `window` tokens and the clause, skipping an aside between commas ("The base, 140
    /// kilometres southwest of the capital Tripoli, had been held by …").
    fn place_before(&self, i: usize, window: usize) -> Option<PlaceId> {
        let mut end = i;
        while end > 0
            && self.is_any(
                end - 1,
                &[
                    "was", "were", "is", "are", "been", "being", "be", "had", "has", "have",
                ],
            )
        {
            end -= 1;
        }
        if end > 0
            && self.is(end - 1, ",")
            && let Some(open) = (0..end - 1).rev().find(|&k| self.is(k, ","))
        {
            return self
                .places()
                .filter(|(m, _)| m.last < open && !self.crosses_break(m.last, open))
                .last()
                .map(|(_, p)| p.clone());
        }
        self.places()
            .filter(|(m, _)| m.last < i && m.last + window >= i && !self.crosses_break(m.last, i))
            .last()
            .map(|(_, p)| p.clone())
    }

    /// "from [the] X" after `i`, within `window` tokens: an actor.
    fn source_actor_after(&self, i: usize, window: usize) -> Option<Actor> {
        self.actors()
            .filter(|(m, _)| {
                m.first > i && m.first <= i + window && !self.crosses_break(i, m.first)
            })
            .find(|(m, _)| {
                self.is(m.first - 1, "from")
                    || (self.is(m.first - 1, "the") && self.is(m.first.wrapping_sub(2), "from"))
            })
            .map(|(_, a)| a)
    }

    /// "from Q" after `i`, within `window` tokens: a place.
    fn origin_after(&self, i: usize, window: usize) -> Option<PlaceId> {
        self.places()
            .filter(|(m, _)| {
                m.first > i && m.first <= i + window && !self.crosses_break(i, m.first)
            })
            .find(|(m, _)| self.is(m.first - 1, "from"))
            .map(|(_, p)| p.clone())
    }

    /// The actor right after "by"/"to" at `i` (allowing "the").
    fn agent_after(&self, i: usize) -> Option<Actor> {
        let j = if self.is(i + 1, "the") { i + 2 } else { i + 1 };
        self.mention_at(j)
            .filter(|m| m.first == j)
            .and_then(Mention::actor)
    }

    /// A denial or failure within the few tokens before `i`.
    fn denied(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|k| self.is_any(k, DENIAL))
    }

    /// A passive auxiliary just before `i` ("was taken", "were retaken", "has been seized").
    fn passive(&self, i: usize) -> bool {
        let aux = |k: usize| self.is_any(k, &["was", "were", "is", "are", "been", "being", "be"]);
        (i >= 1 && aux(i - 1))
            || (i >= 2 && aux(i - 2) && self.t(i - 1).is_some_and(|t| t.norm.ends_with("ly")))
    }

    fn found(&self, kind: EventKind, trigger: usize) -> Found {
        Found {
            kind,
            trigger,
            actor: None,
            actor_confidence: 1.0,
            place: None,
            from: None,
            origin: None,
            count: None,
            trigger_confidence: 0.9,
            wants_start_date: false,
            stance: None,
        }
    }
}

const CAPTURE_PAST: &[&str] = &[
    "seized",
    "captured",
    "recaptured",
    "retook",
    "retaken",
    "regained",
    "liberated",
    "overran",
    "overrun",
    "took",
    "taken",
    "wrested",
];

/// Captures, active and passive.
fn captures(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.tokens.len() {
        let t = &v.tokens[i];
        if v.denied(i) {
            continue;
        }
        // "P fell to X" / "P came under the control of X"
        if t.is("fell") && v.is(i + 1, "to") {
            if let (Some(place), Some(actor)) = (v.place_before(i, 6), v.agent_after(i + 1)) {
                let mut f = v.found(EventKind::Capture, i);
                f.place = Some(place);
                f.actor = Some(actor);
                out.push(f);
            }
            continue;
        }
        // "Y lost P to X"
        if t.is("lost") {
            let to = (i + 1..(i + 10).min(v.tokens.len())).find(|&k| v.is(k, "to"));
            if let Some(to) = to {
                let place = v
                    .places()
                    .find(|(m, _)| m.first > i && m.last < to)
                    .map(|(_, p)| p.clone());
                if let (Some(place), Some(actor)) = (place, v.agent_after(to)) {
                    let mut f = v.found(EventKind::Capture, i);
                    f.place = Some(place);
                    f.actor = Some(actor);
                    f.from = v.subject(i).map(|(a, _)| a).filter(|a| *a != actor);
                    out.push(f);
                }
            }
            continue;
        }
        // "the GNA's recapture of … Sabratha and Surman", "the fall of P to X"
        if t.is_any(&[
            "capture",
            "recapture",
            "seizure",
            "takeover",
            "fall",
            "loss",
        ]) && v.is(i + 1, "of")
        {
            let possessor = i
                .checked_sub(2)
                .filter(|&k| v.is(k + 1, "'s"))
                .and_then(|k| v.mention_at(k))
                .and_then(Mention::actor);
            let to = (i + 2..(i + 6).min(v.tokens.len())).find(|&k| v.is(k, "to"));
            let actor = if t.is("fall") {
                to.and_then(|k| v.agent_after(k))
            } else {
                possessor
            };
            let places: Vec<PlaceId> = v
                .places()
                .filter(|(m, _)| {
                    m.first > i + 1
                        && m.first <= i + 16
                        && !v.crosses_break(i, m.first)
                        && !v.is_landmark(m)
                })
                .map(|(_, p)| p.clone())
                .collect();
            if let (Some(actor), false) = (actor, t.is("loss")) {
                for place in places {
                    let mut f = v.found(EventKind::Capture, i);
                    f.place = Some(place);
                    f.actor = Some(actor);
                    f.trigger_confidence = 0.85;
                    out.push(f);
                }
            }
            continue;
        }
        if !t.is_any(CAPTURE_PAST) {
            continue;
        }
        // "took" only as "took control of / took over / took P"; never "took place/part".
        if t.is_any(&["took", "taken"])
            && v.is_any(
                i + 1,
                &[
                    "place", "part", "office", "power", "time", "steps", "a", "an",
                ],
            )
        {
            continue;
        }
        if v.passive(i) {
            // "P was taken by X"
            let by = (i + 1..(i + 6).min(v.tokens.len())).find(|&k| v.is(k, "by"));
            let actor = by.and_then(|b| v.agent_after(b));
            if let (Some(place), Some(actor)) = (v.place_before(i, 6), actor) {
                let mut f = v.found(EventKind::Capture, i);
                f.place = Some(place);
                f.actor = Some(actor);
                f.trigger_confidence = 0.9;
                out.push(f);
            }
            continue;
        }
        // Active: "X seized [the strategic city of] P [from Y]".
        let Some(place) = v.place_after(i, 8) else {
            continue;
        };
        let Some((actor, ac)) = v.subject(i) else {
            continue;
        };
        let mut f = v.found(EventKind::Capture, i);
        f.place = Some(place);
        f.actor = Some(actor);
        f.actor_confidence = ac;
        f.from = v.source_actor_after(i, 16).filter(|a| *a != actor);
        f.trigger_confidence = if t.is_any(&["took", "taken"]) {
            0.85
        } else {
            0.95
        };
        out.push(f);
    }
}

const OFFENSIVE_NOUNS: &[&str] = &[
    "offensive",
    "counteroffensive",
    "counter-offensive",
    "assault",
    "attack",
    "push",
    "advance",
    "campaign",
    "onslaught",
    "drive",
    "operation",
];
const ATTEMPT_WORDS: &[&str] = &[
    "attempt", "bid", "sought", "seeking", "seeks", "trying", "tried", "effort", "aim", "aimed",
    "aiming", "bent", "launched", "began", "begun", "started",
];
const SEIZE_INFINITIVES: &[&str] = &[
    "seize",
    "capture",
    "take",
    "retake",
    "recapture",
    "regain",
    "storm",
    "enter",
    "reach",
    "control",
];
const MOVE_VERBS: &[&str] = &[
    "advanced",
    "marched",
    "pushed",
    "moved",
    "attacked",
    "stormed",
    "besieged",
    "converged",
];

/// The target of an offensive near `i`: "on/against/towards P", "to seize/capture P",
/// "for control of P", within `window` tokens.
fn offensive_target(v: &View, i: usize, window: usize) -> Option<PlaceId> {
    v.places()
        .filter(|(m, _)| m.first > i && m.first <= i + window && !v.crosses_break(i, m.first))
        .find(|(m, _)| {
            // Walk back from the place over "the [strategic] city/town of", "the capital".
            let mut k = m.first;
            while k > i + 1
                && v.t(k - 1).is_some_and(|t| {
                    t.is_any(&[
                        "the",
                        "of",
                        "city",
                        "town",
                        "capital",
                        "strategic",
                        "coastal",
                        "key",
                        "port",
                        "oil",
                        "base",
                        "air",
                        "nearby",
                        "western",
                        "eastern",
                        "southern",
                        "northern",
                        "outskirts",
                        "libyan",
                        "hometown",
                    ]) || t.kind == TokenKind::Word && t.norm.ends_with("'s")
                })
            {
                k -= 1;
            }
            let before = v.t(k - 1);
            before.is_some_and(|b| {
                b.is_any(&["on", "against", "towards", "toward", "to", "into", "at"])
            }) || before.is_some_and(|b| b.is_any(SEIZE_INFINITIVES) && v.is(k - 2, "to"))
        })
        .map(|(_, p)| p.clone())
}

fn offensives(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.tokens.len() {
        let t = &v.tokens[i];
        if v.denied(i) {
            continue;
        }
        let noun = t.is_any(OFFENSIVE_NOUNS)
            && !v.is_any(
                i.wrapping_sub(1),
                &["air", "drone", "terror", "terrorist", "suicide", "heart"],
            );
        // "attempt/bid/sought to seize P", "X advanced on P"
        let attempt =
            t.is_any(ATTEMPT_WORDS) && v.is(i + 1, "to") && v.is_any(i + 2, SEIZE_INFINITIVES);
        let moved = t.is_any(MOVE_VERBS);
        if !(noun || attempt || moved) {
            continue;
        }
        let window = if attempt { 6 } else { 12 };
        let Some(place) = offensive_target(v, i, window) else {
            continue;
        };
        let mut f = v.found(EventKind::Offensive, i);
        // "Haftar's 14-month offensive": the possessive before the noun phrase is the actor.
        let possessor = v
            .actors()
            .filter(|(m, _)| m.last < i && m.last + 6 >= i && v.is(m.last + 1, "'s"))
            .last()
            .map(|(_, a)| a);
        let (actor, ac) = match possessor {
            Some(a) => (Some(a), 1.0),
            None => v.subject(i).map_or((None, 0.0), |(a, c)| (Some(a), c)),
        };
        f.actor = actor;
        f.actor_confidence = ac;
        f.place = Some(place);
        f.origin = v.origin_after(i, 14);
        f.trigger_confidence = if noun { 0.9 } else { 0.8 };
        out.push(f);
    }
}

fn airstrikes(v: &View, out: &mut Vec<Found>) {
    let has_air = v.tokens.windows(2).any(|w| {
        w[0].is_any(&["air", "drone", "aerial"])
            && w[1].is_any(&["force", "forces", "strike", "strikes", "raid", "raids"])
    });
    for i in 0..v.tokens.len() {
        let t = &v.tokens[i];
        let strike_noun = t.is_any(&["airstrike", "airstrikes", "raids"])
            || (t.is_any(&["strike", "strikes", "raid"])
                && (has_air || v.is_any(i.wrapping_sub(1), &["air", "drone", "aerial"])));
        let bombed = t.is_any(&["bombed", "bombarded", "pounded"]);
        if !(strike_noun || bombed) || v.denied(i) {
            continue;
        }
        let place = v
            .places()
            .filter(|(m, _)| {
                m.first > i && m.first <= i + 8 && !v.crosses_break(i, m.first) && !v.is_landmark(m)
            })
            .find(|(m, _)| {
                let mut k = m.first;
                while k > i + 1
                    && v.is_any(
                        k - 1,
                        &[
                            "the",
                            "of",
                            "outskirts",
                            "city",
                            "town",
                            "areas",
                            "area",
                            "positions",
                            "south",
                            "west",
                            "east",
                            "north",
                            "around",
                        ],
                    )
                {
                    k -= 1;
                }
                v.is_any(
                    k - 1,
                    &[
                        "on",
                        "in",
                        "near",
                        "against",
                        "targeting",
                        "around",
                        "at",
                        "over",
                    ],
                ) || bombed
            })
            .map(|(_, p)| p.clone());
        let Some(place) = place else { continue };
        let mut f = v.found(EventKind::Airstrike, i);
        f.place = Some(place);
        if let Some((a, c)) = v.subject(i) {
            f.actor = Some(a);
            f.actor_confidence = c;
        }
        // "five strikes", "five air strikes"
        let count_at = if v.is_any(i.wrapping_sub(1), &["air", "drone", "aerial"]) {
            i.checked_sub(2)
        } else {
            i.checked_sub(1)
        };
        f.count = count_at
            .and_then(|k| v.t(k))
            .and_then(number_word)
            .filter(|n| *n > 1 || t.norm.ends_with('s'))
            .filter(|_| strike_noun);
        out.push(f);
        // One strike event per sentence and place is enough.
        break;
    }
}

fn ceasefires(v: &View, timex_after: &dyn Fn(usize) -> bool, out: &mut Vec<Found>) {
    let Some(c) = (0..v.tokens.len()).find(|&i| {
        v.is_any(i, CEASEFIRE_WORDS)
            || (v.is(i, "cease") && v.is(i + 1, "-") && v.is(i + 2, "fire"))
    }) else {
        return;
    };
    // Taking effect: "to take effect from T", "a ceasefire from T", "starting T".
    let takes_effect = (c..(c + 12).min(v.tokens.len())).any(|k| {
        v.is_any(
            k,
            &[
                "effect",
                "force",
                "from",
                "starting",
                "effective",
                "begins",
                "begin",
                "starts",
            ],
        )
    });
    if takes_effect && timex_after(c) {
        let mut f = v.found(EventKind::CeasefireEffective, c);
        f.wants_start_date = true;
        out.push(f);
    }
    // Announced: a verb of announcing whose object is the ceasefire; not the participle in
    // "the ceasefire announced in Egypt".
    for i in 0..v.tokens.len() {
        // "called for a ceasefire", "called on Wednesday for a ceasefire"
        let called_for = v.is_any(i, &["called", "calls", "calling", "urged"])
            && (i + 1..(i + 6).min(v.tokens.len())).any(|k| v.is(k, "for") && k < c);
        if !called_for
            && !v.is_any(
                i,
                &[
                    "announced",
                    "announces",
                    "announce",
                    "declared",
                    "declares",
                    "declaring",
                    "proposed",
                    "proposes",
                    "unveiled",
                    "brokered",
                ],
            )
        {
            continue;
        }
        if i == c + 1 || (i > c && v.is_any(i - 1, CEASEFIRE_WORDS)) {
            continue;
        }
        // "announced its support for the ceasefire" is a statement, not an announcement.
        if v.is_any(i + 1, &["its", "their", "his", "her"])
            && v.is_any(i + 2, &["support", "backing", "rejection", "opposition"])
        {
            continue;
        }
        if i.abs_diff(c) > 14 || v.crosses_break(i, c) && i > c {
            continue;
        }
        if let Some((actor, ac)) = v.subject(i) {
            let mut f = v.found(EventKind::CeasefireAnnounced, i);
            f.actor = Some(actor);
            f.actor_confidence = ac;
            out.push(f);
            break;
        }
    }
}

const STANCE_VERBS: &[&str] = &[
    "backed",
    "backs",
    "supported",
    "supports",
    "support",
    "welcomed",
    "welcomes",
    "endorsed",
    "endorses",
    "rejected",
    "rejects",
    "condemned",
    "condemns",
    "denounced",
    "hailed",
    "praised",
];

fn statements(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.tokens.len() {
        let t = &v.tokens[i];
        let phrase = (t.is_any(&["announced", "expressed", "voiced", "declared", "reiterated"])
            && v.is_any(i + 1, &["its", "their", "his", "her"])
            && v.is_any(i + 2, &["support", "backing", "rejection", "opposition"]))
            || (t.is_any(&["expressed", "voiced"]) && v.is(i + 1, "support"));
        let verb = t.is_any(STANCE_VERBS)
            // "support" as a verb only after a subject or an auxiliary: "we support".
            && (!t.is("support") || v.is_any(i.wrapping_sub(1), &["we", "they", "i", "also", "fully", "strongly", "will", "would", "does", "do"]));
        if !(phrase || verb) || v.denied(i) {
            continue;
        }
        // The passive "is backed by" and "backed by Turkey" describe an alliance, not an act.
        if v.is(i + 1, "by") || v.passive(i) {
            continue;
        }
        let object_window = (i + 1..(i + 10).min(v.tokens.len()))
            .any(|k| v.is_any(k, PEACE_OBJECTS) || v.is(k, "cease"));
        if !object_window {
            continue;
        }
        let Some((actor, ac)) = v.subject(i) else {
            continue;
        };
        let against = t.is_any(&["rejected", "rejects", "condemned", "condemns", "denounced"])
            || (phrase && v.is_any(i + 2, &["rejection", "opposition"]));
        let mut f = v.found(EventKind::Statement, i);
        f.actor = Some(actor);
        f.actor_confidence = ac;
        f.trigger_confidence = 0.85;
        f.stance = Some(if against {
            Stance::Rejection
        } else {
            Stance::Support
        });
        out.push(f);
        break;
    }
}

fn uprisings(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.tokens.len() {
        let arab_spring = v.is(i, "arab") && v.is(i + 1, "spring");
        if v.is_any(i, &["uprising", "revolution", "revolt"]) || arab_spring {
            let mut f = v.found(EventKind::Uprising, i);
            f.trigger_confidence = 0.9;
            out.push(f);
            break;
        }
    }
}

fn withdrawals(v: &View, out: &mut Vec<Found>) {
    for i in 0..v.tokens.len() {
        let t = &v.tokens[i];
        let ok = (t.is_any(&["withdrew", "withdrawn", "retreated", "fled"]) && v.is(i + 1, "from"))
            || (t.is("pulled") && v.is(i + 1, "out") && v.is(i + 2, "of"));
        if !ok || v.denied(i) {
            continue;
        }
        let place = v
            .places()
            .find(|(m, _)| m.first > i && m.first <= i + 6)
            .map(|(_, p)| p.clone());
        let (Some(place), Some((actor, ac))) = (place, v.subject(i)) else {
            continue;
        };
        let mut f = v.found(EventKind::Withdrawal, i);
        f.place = Some(place);
        f.actor = Some(actor);
        f.actor_confidence = ac;
        out.push(f);
    }
}

/// Every event the rules find in one sentence. `timex_after(i)` says whether a time
/// expression introduced by "from/starting/effective" follows token `i` closely.
pub fn events(v: &View, timex_after: &dyn Fn(usize) -> bool) -> Vec<Found> {
    let mut out = Vec::new();
    captures(v, &mut out);
    offensives(v, &mut out);
    airstrikes(v, &mut out);
    ceasefires(v, timex_after, &mut out);
    statements(v, &mut out);
    uprisings(v, &mut out);
    withdrawals(v, &mut out);
    // A capture verb inside an offensive's purpose ("offensive to seize Sirte") was already
    // excluded by needing a past form; an offensive found by "sought to" and by its noun in
    // the same sentence is one offensive.
    out.dedup_by(|a, b| {
        a.kind == b.kind
            && a.place == b.place
            && a.actor == b.actor
            && a.kind == EventKind::Offensive
    });
    out
}

const STRONGHOLD_NOUNS: &[&str] = &[
    "stronghold",
    "bastion",
    "headquarters",
    "foothold",
    "base",
    "seat",
    "bulwark",
    "fiefdom",
];
const LAUNCH_NOUNS: &[&str] = &[
    "launchpad",
    "springboard",
    "staging",
    "launching",
    "launch",
    "rear",
    "supply",
];

/// Relations in one sentence that complete events found elsewhere.
pub fn facts(v: &View) -> Vec<Fact> {
    let mut out = Vec::new();
    for (m, place) in v.places() {
        // "P, X's [last] stronghold" / "P, a stronghold of X"
        let mut k = m.last + 1;
        if v.is(k, ",") {
            k += 1;
            if let Some(actor_m) = v
                .mention_at(k)
                .filter(|a| a.first == k && a.actor().is_some())
            {
                let end = actor_m.last + 1;
                let noun_near =
                    (end..(end + 4).min(v.tokens.len())).any(|j| v.is_any(j, STRONGHOLD_NOUNS));
                if v.is(end, "'s")
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
        // "P had been held by X", "P was controlled by forces aligned with X"
        for j in m.last + 1..(m.last + 14).min(v.tokens.len()) {
            if v.is_any(j, &["held", "controlled", "occupied"]) && v.is(j + 1, "by") && v.passive(j)
            {
                if v.place_before(j, 14).as_ref() == Some(place)
                    && let Some(actor) = v.agent_after(j + 1)
                {
                    out.push(Fact::Holds {
                        place: place.clone(),
                        actor,
                    });
                }
                break;
            }
        }
        // "X-held P", "X-controlled P"
        if m.first >= 3
            && v.is_any(m.first - 1, &["held", "controlled"])
            && v.is(m.first - 2, "-")
            && let Some(actor) = v.mention_at(m.first - 3).and_then(Mention::actor)
        {
            out.push(Fact::Holds {
                place: place.clone(),
                actor,
            });
        }
        // "P, …, which was used as the main launchpad against Q"
        for j in m.last + 1..(m.last + 30).min(v.tokens.len()) {
            if !v.is_any(j, LAUNCH_NOUNS) {
                continue;
            }
            if let Some(target) = v
                .places()
                .find(|(t, _)| t.first > j && t.first <= j + 8)
                .map(|(_, p)| p.clone())
            {
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
            break;
        }
    }
    out
}
