//! Whether the article states an event or only reports a side's claim.
//!
//! An event is [`Status::Claimed`] when its sentence gives it as the word of a party to the
//! fighting ("the GNA said it had taken Tarhuna", "“We entered the town,” an LNA spokesman
//! said", "according to Haftar's media office"), or says it is unconfirmed ("could not be
//! independently verified"). Otherwise it is [`Status::Reported`]: stated by the article, or
//! by a source outside the fighting such as the UN.

use super::clause::View;
use super::function_words::{HYPHEN, POSSESSIVE};
use super::names::Mention;
use newsmap_core::model::{Actor, EventKind, Status};

/// Marks before a closing tag's speaker: "…,” the LNA said".
const TAG_MARKS: &[&str] = &[",", "\""];

/// The kinds of event a side may claim: what happens on the ground. A statement or an
/// announcement is the speaker's own act, reported when it is reported at all.
pub const CLAIMABLE: [EventKind; 5] = [
    EventKind::Capture,
    EventKind::Offensive,
    EventKind::Airstrike,
    EventKind::Shelling,
    EventKind::Withdrawal,
];

/// The status of the event whose trigger is token `trigger`. `speaker_before` is the party
/// that spoke last in the sentences before, for "he said".
pub fn status(v: &View, trigger: usize, speaker_before: Option<Actor>) -> Status {
    if v.k
        .words
        .unconfirmed
        .find_in(v.tokens, 0, v.len())
        .is_some()
    {
        return Status::Claimed;
    }
    match speaker(v, trigger, speaker_before) {
        Some(actor) if v.k.is_party(actor) => Status::Claimed,
        _ => Status::Reported,
    }
}

/// The speaker of the reporting verb nearest to `trigger` in the same clause, if any.
pub fn speaker(v: &View, trigger: usize, speaker_before: Option<Actor>) -> Option<Actor> {
    let reports: Vec<(usize, usize)> = (0..v.len())
        .filter_map(|r| v.k.words.reporting.match_at(v.tokens, r).map(|n| (r, n)))
        // "a report", "the state": nouns, not reporting verbs.
        .filter(|&(r, _)| {
            !r.checked_sub(1)
                .is_some_and(|p| v.k.grammar.determiners.at(v.tokens, p))
        })
        .filter(|&(r, _)| !v.crosses_break_outside_quotes(r, trigger))
        // A report after the event covers it only as a closing tag ("…, the LNA said"), not
        // as a clause of its own ("… hours after the GNA announced that …").
        .filter(|&(r, _)| r < trigger || closing_tag(v, r))
        .collect();
    let (r, n) = reports
        .into_iter()
        .min_by_key(|&(r, _)| r.abs_diff(trigger))?;
    speaker_of(v, r, n).or_else(|| {
        // "he said", "it added": the speaker named before.
        let k = r.checked_sub(1)?;
        let after = r.saturating_add(n);
        let pronoun = |i: usize| v.k.grammar.subject_pronouns.at(v.tokens, i);
        (pronoun(k) || pronoun(after))
            .then_some(speaker_before)
            .flatten()
            .or(v.antecedent.filter(|_| pronoun(k)))
    })
}

/// Whether the reporting verb at `r` closes what comes before it: a comma or a quotation
/// mark before its speaker ("…,” GNA spokesman Mohamad Gnounou said") or before itself
/// ("…, said the GNA").
fn closing_tag(v: &View, r: usize) -> bool {
    let mark = |k: usize| v.is_any(k, TAG_MARKS);
    if r.checked_sub(1).is_some_and(mark) {
        return true;
    }
    // The speaker's words run back from the verb to a mark.
    let mut k = r;
    while let Some(p) = k.checked_sub(1) {
        if mark(p) {
            return true;
        }
        let t = match v.t(p) {
            Some(t) => t,
            None => return false,
        };
        let part_of_speaker = v.mention_at(p).is_some()
            || v.k.words.speakers.has_word(t)
            || t.capitalised()
            || is_title_word(v, t);
        if !part_of_speaker || r.saturating_sub(p) > 10 {
            return false;
        }
        k = p;
    }
    false
}

/// The actor who speaks through the reporting verb at `r` (`n` tokens long): named before it
/// ("GNA spokesman Mohamad Gnounou said", "Haftar's media office said"), or after it ("said
/// the GNA", "according to a spokesman for the LNA").
fn speaker_of(v: &View, r: usize, n: usize) -> Option<Actor> {
    // Before: an actor mention, then at most a few words of title and name.
    let before = v
        .mentions
        .iter()
        .filter(|m| m.actor().is_some() && m.last < r && m.last.saturating_add(7) >= r)
        .rfind(|m| between_is_title(v, m.last.saturating_add(1), r))
        .and_then(Mention::actor);
    if before.is_some() {
        return before;
    }
    // After: "said [the] [spokesman for] [the] X", "said Mikhail Bogdanov, the special
    // representative of Russia".
    let mut k = r.saturating_add(n);
    let limit = k.saturating_add(12);
    while k < limit {
        if let Some(a) = v.mention_at(k).and_then(Mention::actor) {
            return Some(a);
        }
        let t = v.t(k)?;
        if !(is_title_word(v, t)
            || t.is_any(&[",", HYPHEN])
            || v.k.words.speakers.has_word(t)
            || t.capitalised())
        {
            return None;
        }
        k = k.saturating_add(1);
    }
    None
}

/// Whether tokens `[a, b)` are only a speaker's title and name ("'s media office",
/// "spokesman Mohamad Gnounou", "military spokesman Ahmed al-Mismari").
fn between_is_title(v: &View, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        v.t(k).is_some_and(|t| {
            v.k.words.speakers.has_word(t)
                || t.capitalised()
                || is_title_word(v, t)
                || v.k.words.speakers.match_at(v.tokens, k).is_some()
        })
    })
}

/// Whether a token may be part of a speaker's title and name: the lexicon's title words, a
/// possessive or a hyphen ("Haftar's media office", "al-Mismari").
fn is_title_word(v: &View, t: &crate::tokens::Token) -> bool {
    v.k.attribution.speaker_titles.has_word(t) || t.is_any(&[POSSESSIVE, HYPHEN])
}

impl View<'_> {
    /// Whether a ";" lies between `a` and `b` (quotation marks do not separate a quote from
    /// its speaker).
    fn crosses_break_outside_quotes(&self, a: usize, b: usize) -> bool {
        let (lo, hi) = (a.min(b), a.max(b).min(self.len()));
        self.tokens
            .get(lo..hi)
            .is_some_and(|ts| ts.iter().any(|t| t.is(";")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status_of(text: &str, trigger_word: &str) -> Status {
        crate::clause::with_view(text, |v| {
            let trigger = v
                .tokens
                .iter()
                .position(|t| t.is(trigger_word))
                .unwrap_or(0);
            status(v, trigger, Some(Actor::Gna))
        })
    }

    #[test]
    fn a_sides_word_is_a_claim() {
        assert_eq!(
            status_of("The GNA said it had taken Tarhuna.", "taken"),
            Status::Claimed
        );
        assert_eq!(
            status_of(
                "“The air force has carried out five strikes near Sirte,” GNA spokesman Mohamad Gnounou said.",
                "strikes"
            ),
            Status::Claimed
        );
        assert_eq!(
            status_of("Tarhuna fell, according to Haftar's media office.", "fell"),
            Status::Claimed
        );
        assert_eq!(
            status_of("“We entered the town,” he said.", "entered"),
            Status::Claimed
        );
        assert_eq!(
            status_of(
                "Government forces seized Mizdah; the claim could not be independently verified.",
                "seized"
            ),
            Status::Claimed
        );
    }

    #[test]
    fn the_articles_own_voice_and_neutral_sources_report() {
        assert_eq!(
            status_of("The GNA recaptured Bani Walid on Saturday.", "recaptured"),
            Status::Reported
        );
        assert_eq!(
            status_of("UNSMIL said the LNA shelled Tripoli.", "shelled"),
            Status::Reported
        );
        assert_eq!(
            status_of("The GNA seized Tarhuna; the LNA said nothing.", "seized"),
            Status::Reported
        );
    }
}
