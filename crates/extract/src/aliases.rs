//! The names an article gives the sides of its own. An outlet close to the GNA may call the
//! GNA's forces "the Libyan Army" and say so once ("The Libyan Army (the forces of the
//! Government of National Accord) …"); one close to Haftar calls his "the Armed Forces" ("the
//! General Commander of the Armed Forces, Field Marshal Khalifa Haftar"). A name is read as
//! the side it is given for:
//!
//! - in a parenthesis right after it: "the Libyan Army (the GNA's forces)";
//! - in an apposition: "the Armed Forces, led by Haftar,", "the Libyan Army, Sarraj's forces,";
//! - by a mark of naming: "the Government of National Accord (hereafter the Tripoli
//!   government)", "Haftar's forces, known as the Libyan Arab Armed Forces".
//!
//! A name given to two sides is given to none. Once a military name is given ("the Libyan
//! Army" for the GNA), the article's other military names that the lexicon does not know ("the
//! Libyan Air Force", "the army") are read as that side too, when all its names agree; and its
//! scornful names ("the militias", "the mercenaries") as the other side.

use super::knowledge::{Knowledge, Phrase};
use super::names::{Mention, Named};
use super::tokens::Token;
use newsmap_core::model::Actor;

/// A name the article gives a side, and where it says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// The name's normalised words ("libyan", "army").
    pub words: Vec<String>,
    /// The name as the article first writes it ("Libyan Army").
    pub name: String,
    pub actor: Actor,
    /// The sentence that gives it.
    pub sentence: usize,
}

/// The article's own names for the sides.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    pub names: Vec<Alias>,
    /// The side the article's military names stand for, when they all stand for one.
    pub military: Option<Actor>,
}

impl Aliases {
    /// The side an article that names its own side's forces calls the other's by a scornful
    /// name ("the militias", "the putschist's mercenaries"): the opponent of its military
    /// names' side.
    pub fn scorned(&self) -> Option<Actor> {
        self.military.and_then(Actor::opponent)
    }
}

/// A stretch of capitalised words ending in a side's head noun ("Libyan Army", "Armed
/// Forces", "Libyan Air Force") that no name of the lexicon covers: `[first, last]`.
fn unnamed_side_at(
    k: &Knowledge,
    tokens: &[Token],
    mentions: &[Mention],
    at: usize,
) -> Option<usize> {
    let g = &k.grammar;
    let capital = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| t.capitalised() && t.norm.chars().all(char::is_alphabetic))
    };
    // The run's first word, not its article ("The Libyan Army" is "Libyan Army") nor a word
    // inside it.
    let article = |i: usize| g.determiners.at(tokens, i);
    let inside = at.checked_sub(1).is_some_and(|p| capital(p) && !article(p));
    if !capital(at) || article(at) || inside || mentions.iter().any(|m| m.covers(at)) {
        return None;
    }
    let mut last = at;
    while capital(last.saturating_add(1)) && last.saturating_sub(at) < MAX_NAME_WORDS {
        last = last.saturating_add(1);
    }
    // The name ends at its last head noun: "Libyan Army" in "Libyan Army Command".
    (at..=last)
        .rev()
        .find(|&i| g.side_heads.at(tokens, i))
        .filter(|&end| !mentions.iter().any(|m| m.first <= end && at <= m.last))
}

/// The most words of a title before an apposition's name ("Field Marshal").
const TITLE_WORDS: usize = 3;
/// The most words a side's name may have.
const MAX_NAME_WORDS: usize = 5;

/// The actor a parenthesis or an apposition after `end` gives: "(the GNA's forces)", ", led by
/// Haftar,", ", Field Marshal Khalifa Haftar,".
fn given_side(k: &Knowledge, tokens: &[Token], mentions: &[Mention], end: usize) -> Option<Actor> {
    let open = end.saturating_add(1);
    let mark = tokens.get(open)?;
    let close: &[&str] = match mark.norm.as_str() {
        "(" => &[")"],
        "," => &[",", ")", ".", ";"],
        _ => return None,
    };
    let mut i = open.saturating_add(1);
    while k.grammar.determiners.at(tokens, i) || k.grammar.alias_links.match_at(tokens, i).is_some()
    {
        i = i.saturating_add(
            k.grammar
                .alias_links
                .match_at(tokens, i)
                .unwrap_or(1)
                .max(1),
        );
    }
    // "…, Field Marshal Khalifa Haftar,": a title before the name.
    let title_end = i.saturating_add(TITLE_WORDS);
    while i < title_end
        && !mentions.iter().any(|m| m.covers(i))
        && tokens.get(i).is_some_and(Token::capitalised)
    {
        i = i.saturating_add(1);
    }
    let m = mentions.iter().find(|m| m.covers(i))?;
    let actor = m.actor()?;
    // The apposition closes right after the name: not a list ("the Libyan Army, Turkey and
    // Qatar").
    let after = tokens.get(m.last.saturating_add(1))?;
    let closes = after.is_any(close)
        && !tokens
            .get(m.last.saturating_add(2))
            .is_some_and(|t| k.grammar.list_joiners.has_word(t));
    (closes || mark.is("(")).then_some(actor)
}

/// "the Government of National Accord (hereafter the Tripoli government)", "Haftar's forces,
/// known as the Armed Forces": the actor named before a mark of naming, and the name's tokens.
fn named_after(
    k: &Knowledge,
    tokens: &[Token],
    mentions: &[Mention],
    at: usize,
) -> Option<(Actor, usize, usize)> {
    let n = k.grammar.alias_marks.match_at(tokens, at)?;
    let actor = mentions
        .iter()
        .filter(|m| m.last < at && at.saturating_sub(m.last) <= 3)
        .find_map(Mention::actor)?;
    let mut first = at.saturating_add(n);
    while k.grammar.determiners.at(tokens, first) {
        first = first.saturating_add(1);
    }
    let last = unnamed_side_at(k, tokens, mentions, first)?;
    Some((actor, first, last))
}

/// The names the article gives the sides, from every sentence's tokens and lexicon mentions.
pub fn read(k: &Knowledge, sentences: &[(&[Token], &[Mention])]) -> Aliases {
    let mut names: Vec<Alias> = Vec::new();
    let mut conflicting: Vec<Vec<String>> = Vec::new();
    for (index, (tokens, mentions)) in sentences.iter().enumerate() {
        for at in 0..tokens.len() {
            let given = unnamed_side_at(k, tokens, mentions, at)
                .and_then(|end| given_side(k, tokens, mentions, end).map(|a| (a, at, end)))
                .or_else(|| named_after(k, tokens, mentions, at));
            let Some((actor, first, last)) = given else {
                continue;
            };
            let words: Vec<String> = tokens
                .get(first..=last)
                .unwrap_or_default()
                .iter()
                .map(|t| t.norm.clone())
                .collect();
            match names.iter().find(|a| a.words == words) {
                Some(a) if a.actor != actor => conflicting.push(words),
                Some(_) => {}
                None => names.push(Alias {
                    name: tokens
                        .get(first..=last)
                        .unwrap_or_default()
                        .iter()
                        .map(|t| t.text.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    words,
                    actor,
                    sentence: index,
                }),
            }
        }
    }
    names.retain(|a| !conflicting.contains(&a.words));
    let military: Vec<Actor> = names
        .iter()
        .filter(|a| a.words.iter().any(|w| k.grammar.military_heads.has_norm(w)))
        .map(|a| a.actor)
        .collect();
    let agreed = military
        .first()
        .copied()
        .filter(|first| military.iter().all(|a| a == first));
    Aliases {
        names,
        military: agreed,
    }
}

impl Aliases {
    /// Adds to a sentence's mentions the article's own names for the sides: each alias where
    /// it stands, and, when the article's military names agree, any other military name the
    /// lexicon does not know ("the Libyan Air Force", "the army").
    pub fn mark(&self, k: &Knowledge, tokens: &[Token], mentions: &mut Vec<Mention>) {
        let mut added = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let covered = mentions.iter().any(|m| m.covers(i));
            let alias = (!covered)
                .then(|| {
                    self.names.iter().find_map(|a| {
                        Phrase(a.words.clone())
                            .matches(tokens, i)
                            .map(|n| (a.actor, n))
                    })
                })
                .flatten();
            let military = || {
                let actor = self.military?;
                if let Some(end) = unnamed_side_at(k, tokens, mentions, i)
                    .filter(|&end| (i..=end).any(|j| k.grammar.military_heads.at(tokens, j)))
                {
                    return Some((actor, end.saturating_add(1).saturating_sub(i)));
                }
                // "the army": a bare military head after the article.
                let bare = k.grammar.determiners.at(tokens, i.saturating_sub(1))
                    && i > 0
                    && k.grammar.military_heads.at(tokens, i)
                    && !tokens
                        .get(i.saturating_sub(2))
                        .is_some_and(Token::capitalised);
                bare.then_some((actor, 1))
            };
            // "the militias", "the mercenaries": in an article that names one side's forces as
            // its own, the other side.
            let scorned = || {
                let actor = self.scorned()?;
                let bare = i > 0
                    && k.grammar.scorned_heads.at(tokens, i)
                    && !mentions.iter().any(|m| m.covers(i));
                bare.then_some((actor, 1))
            };
            match alias
                .or_else(|| (!covered).then(military).flatten())
                .or_else(|| (!covered).then(scorned).flatten())
            {
                Some((actor, n)) if n > 0 => {
                    added.push(Mention {
                        first: i,
                        last: i.saturating_add(n).saturating_sub(1),
                        named: Named::Actor(actor),
                        alias: true,
                    });
                    i = i.saturating_add(n);
                }
                _ => i = i.saturating_add(1),
            }
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| m.first);
        }
    }
}
