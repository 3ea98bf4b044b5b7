//! Merging: what several sentences say about one event becomes one event, with the most
//! precise date, its sentence as the quote and the others as support; then what events leave
//! open is completed from the relations the article states elsewhere.

use super::rules::{Fact, Found};
use super::{Analysed, Dated, document};
use newsmap_core::model::date::When;
use newsmap_core::model::{Actor, Event, EventId, EventKind, Quote, Status};
use rustc_hash::FxHashMap as HashMap;

/// How many supporting sentences an event keeps.
const MAX_ALSO: usize = 6;
/// How much each agreeing sentence (up to [`MAX_AGREEING`]) adds to an event's confidence.
const AGREEMENT_BONUS: f64 = 0.05;
const MAX_AGREEING: usize = 2;
/// The most confidence an event can have.
const MAX_CONFIDENCE: f64 = 0.99;

pub(crate) fn quote_of(analysed: &[Analysed], doc_chars: &[char], sentence: usize) -> Quote {
    let Some(s) = analysed.get(sentence).map(|a| &a.sentence) else {
        return Quote {
            quote: String::new(),
            span: [0, 0],
        };
    };
    Quote {
        quote: doc_chars
            .get(s.start..s.end)
            .unwrap_or_default()
            .iter()
            .collect(),
        span: [s.start, s.end],
    }
}

/// Whether two dates can name the same event: equal, or one within the other.
fn compatible(a: Option<When>, b: Option<When>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || a.contains(b) || b.contains(a),
        (None, None) => true,
        _ => false,
    }
}

/// The key events merge on: kind, actor and place (the gazetteer's id, or the name as
/// written for a place it does not know).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct MergeKey {
    kind: EventKind,
    actor: Option<Actor>,
    place: Option<String>,
}

fn merge_key(f: &Found) -> MergeKey {
    let place = f.place.as_ref().map(|p| match &p.id {
        Some(id) => id.to_string(),
        None => format!("?{}", p.name.to_lowercase()),
    });
    MergeKey {
        kind: f.kind,
        actor: f.actor,
        place,
    }
}

/// The key of a group that has no member: none, but a key is needed to keep the groups and
/// their keys in step.
const NO_KEY: MergeKey = MergeKey {
    kind: EventKind::Uprising,
    actor: None,
    place: None,
};

/// Merges what several sentences say about one event: same kind, actor and place, and
/// compatible dates. The most precise date wins, and its sentence becomes the quote.
pub(crate) fn merge(
    dated: Vec<Dated>,
    analysed: &[Analysed],
    doc: &document::Document,
) -> Vec<Event> {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut groups = Groups::of(dated);
    groups.join_unnamed_actors();
    groups
        .members
        .into_iter()
        .filter_map(|group| event_of_group(&group, analysed, &chars))
        .collect()
}

/// Mentions grouped as events.
struct Groups {
    members: Vec<Vec<Dated>>,
    /// Per group, its finest date. Calendar periods form a tree, so a date that nests with a
    /// group's finest date nests with every date of the group.
    finest: Vec<Option<When>>,
}

impl Groups {
    /// Groups mentions on their key and compatible dates.
    fn of(dated: Vec<Dated>) -> Groups {
        let mut groups = Groups {
            members: Vec::new(),
            finest: Vec::new(),
        };
        let mut index: HashMap<MergeKey, Vec<usize>> = HashMap::default();
        // Dated mentions first: an offensive mentioned again without a date of its own ("its
        // offensive on Tripoli") is the one already dated, whatever date it was given.
        let (explicit, implicit): (Vec<Dated>, Vec<Dated>) =
            dated.into_iter().partition(|d| d.explicit);
        for d in explicit.into_iter().chain(implicit) {
            let slot = index.entry(merge_key(&d.found)).or_default();
            // A mention dated only by the article or the sentence before ("condemns the
            // shelling of Mitiga") is the same event as one the text dates, whatever date it
            // was given.
            let undated = !d.explicit;
            let finest = &groups.finest;
            let group = slot
                .iter()
                .copied()
                .find(|&g| undated || finest.get(g).is_some_and(|f| compatible(*f, d.date)));
            match group {
                Some(g) => groups.add_to(g, d),
                None => {
                    slot.push(groups.members.len());
                    groups.finest.push(d.date);
                    groups.members.push(vec![d]);
                }
            }
        }
        groups
    }

    /// Adds a mention to group `g`, whose finest date it may refine.
    fn add_to(&mut self, g: usize, d: Dated) {
        if let Some(f) = self.finest.get_mut(g)
            && d.date.map(When::precision) > f.map(When::precision)
        {
            *f = d.date;
        }
        if let Some(members) = self.members.get_mut(g) {
            members.push(d);
        }
    }

    /// A mention that names nobody ("Mitiga airport was shelled on Sunday") is the event a
    /// sentence tells with its actor, when there is one of the same kind, place and date.
    fn join_unnamed_actors(&mut self) {
        let mut keys: Vec<MergeKey> = self
            .members
            .iter()
            .map(|g| g.first().map(|d| merge_key(&d.found)).unwrap_or(NO_KEY))
            .collect();
        let mut g = 0;
        while g < self.members.len() {
            let key = keys.get(g).cloned().unwrap_or(NO_KEY);
            let date = self.finest.get(g).copied().flatten();
            let target = (key.actor.is_none() && key.place.is_some())
                .then(|| {
                    (0..self.members.len()).find(|&h| {
                        h != g
                            && keys.get(h).is_some_and(|k| {
                                k.kind == key.kind && k.actor.is_some() && k.place == key.place
                            })
                            && self.finest.get(h).is_some_and(|f| compatible(*f, date))
                    })
                })
                .flatten();
            match target {
                Some(h) => {
                    let moved = self.members.remove(g);
                    keys.remove(g);
                    self.finest.remove(g);
                    let h = if h > g { h.saturating_sub(1) } else { h };
                    if let Some(into) = self.members.get_mut(h) {
                        into.extend(moved);
                    }
                }
                None => g = g.saturating_add(1),
            }
        }
    }
}

/// One event from the sentences that say it.
fn event_of_group(group: &[Dated], analysed: &[Analysed], chars: &[char]) -> Option<Event> {
    let best = group.iter().max_by(|a, b| {
        a.explicit
            .cmp(&b.explicit)
            .then(
                a.date
                    .map(When::precision)
                    .cmp(&b.date.map(When::precision)),
            )
            .then(a.confidence.total_cmp(&b.confidence))
            .then(b.sentence.cmp(&a.sentence))
    })?;
    let primary = quote_of(analysed, chars, best.sentence);
    let mut also: Vec<Quote> = Vec::new();
    for d in group {
        let q = quote_of(analysed, chars, d.sentence);
        if q.span != primary.span && !also.iter().any(|a| a.span == q.span) && also.len() < MAX_ALSO
        {
            also.push(q);
        }
    }
    let confidence = group.iter().map(|d| d.confidence).fold(0.0, f64::max);
    // Agreement between sentences raises confidence a little.
    let agreeing = group.len().saturating_sub(1).min(MAX_AGREEING) as f64;
    let confidence = (confidence + AGREEMENT_BONUS * agreeing).min(MAX_CONFIDENCE);
    let f = &best.found;
    // Reported when any sentence states it in the article's own voice.
    let status = if group.iter().any(|d| d.status == Status::Reported) {
        Status::Reported
    } else {
        Status::Claimed
    };
    Some(Event {
        id: EventId::default(),
        kind: f.kind,
        date: best.date,
        undated: best.undated,
        date_basis: best.basis.clone(),
        local_time: best.local_time.clone(),
        actor: f.actor.or_else(|| group.iter().find_map(|d| d.found.actor)),
        actor_name: actor_name(best, analysed),
        place: f.place_id().cloned(),
        place_name: f.place.as_ref().map(|p| p.name.clone()),
        from: group.iter().find_map(|d| d.found.from),
        to: if f.kind == EventKind::Capture {
            f.actor.or_else(|| group.iter().find_map(|d| d.found.actor))
        } else {
            None
        },
        origin: group.iter().find_map(|d| d.found.origin.clone()),
        count: group.iter().find_map(|d| d.found.count),
        stance: group.iter().find_map(|d| d.found.stance),
        status,
        quote: primary.quote,
        span: primary.span,
        confidence: (confidence * 100.0).round() / 100.0,
        evidence: best.evidence,
        also,
        sources: Vec::new(),
        settled: false,
    })
}

/// The article's own name for the event's actor in its sentence, when the actor was read from
/// one ("the Libyan Army").
fn actor_name(d: &Dated, analysed: &[Analysed]) -> Option<String> {
    let actor = d.found.actor?;
    let a = analysed.get(d.sentence)?;
    a.mentions
        .iter()
        .find(|m| m.alias && m.actor() == Some(actor))
        .map(|m| {
            a.sentence
                .tokens
                .get(m.first..=m.last)
                .unwrap_or_default()
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
}

/// Fills what events leave open from the relations the article states elsewhere: who held a
/// captured place, where an offensive started from.
pub(crate) fn complete_with_facts(
    events: &mut [Event],
    facts: &[(Fact, usize)],
    analysed: &[Analysed],
    doc: &document::Document,
) {
    let chars: Vec<char> = doc.text.chars().collect();
    for e in events.iter_mut() {
        for (fact, sentence) in facts {
            let used = match fact {
                Fact::Holds { place, actor }
                    if e.kind == EventKind::Capture && e.from.is_none() =>
                {
                    let applies = e.place.as_ref() == Some(place) && e.actor != Some(*actor);
                    if applies {
                        e.from = Some(*actor);
                    }
                    applies
                }
                Fact::Origin {
                    origin,
                    target,
                    actor,
                } if e.kind == EventKind::Offensive && e.origin.is_none() => {
                    let applies = e.place.as_ref() == Some(target)
                        && actor.is_none_or(|a| Some(a) == e.actor);
                    if applies {
                        e.origin = Some(origin.clone());
                    }
                    applies
                }
                _ => false,
            };
            if used {
                let q = quote_of(analysed, &chars, *sentence);
                if q.span != e.span
                    && !e.also.iter().any(|a| a.span == q.span)
                    && e.also.len() < MAX_ALSO
                {
                    e.also.push(q);
                }
            }
        }
    }
}
