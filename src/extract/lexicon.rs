//! What the extractor knows of the world: a gazetteer of Libyan places (ids, coordinates,
//! spelling variants) and the names by which the story's actors are called.
//!
//! To point the extractor at another article of the same conflict, nothing here needs to
//! change; for another conflict, add its places and actors. Matching is on normalised tokens
//! (see [`super::text`]), longest match first; a name written with a capital must be
//! capitalised in the text ("Turkey", not "turkey").

use super::text::{Token, TokenKind, tokenize};
use crate::model::{Actor, PlaceId};
use std::collections::HashMap;

/// A gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GazetteerPlace {
    pub id: &'static str,
    pub name: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// Other spellings, transliterations and forms with the article.
    pub variants: &'static [&'static str],
}

/// Libyan places likely to appear in reporting of the 2019–2020 war. Coordinates from
/// Wikipedia infoboxes (see `research/geodata.md`); `al_jufra` is the air base, approximate.
pub const GAZETTEER: &[GazetteerPlace] = &[
    GazetteerPlace {
        id: "tripoli",
        name: "Tripoli",
        lat: 32.8872,
        lon: 13.1914,
        variants: &[
            "Tarabulus",
            "Trablus",
            "the capital",
            "the Libyan capital",
            "Libya's capital",
        ],
    },
    GazetteerPlace {
        id: "tarhuna",
        name: "Tarhuna",
        lat: 32.4339,
        lon: 13.6344,
        variants: &["Tarhunah", "Tarhouna", "Tarhounah", "Tarhuna"],
    },
    GazetteerPlace {
        id: "bani_walid",
        name: "Bani Walid",
        lat: 31.7619,
        lon: 14.0139,
        variants: &[
            "Bani Waleed",
            "Beni Walid",
            "Bani Wallid",
            "Beni Ulid",
            "Bani Ulid",
        ],
    },
    GazetteerPlace {
        id: "sirte",
        name: "Sirte",
        lat: 31.2050,
        lon: 16.5886,
        variants: &["Sirt", "Surt", "Syrte"],
    },
    GazetteerPlace {
        id: "misrata",
        name: "Misrata",
        lat: 32.3775,
        lon: 15.0920,
        variants: &["Misratah", "Misurata", "Misrate"],
    },
    GazetteerPlace {
        id: "al_watiya",
        name: "al-Watiya",
        lat: 32.4722,
        lon: 11.9000,
        variants: &[
            "Al Watiya",
            "al-Watiyah",
            "Watiya",
            "Watiyah",
            "al-Wattiya",
            "Al-Watiya air base",
            "Watiya air base",
            "al-Watiya airbase",
        ],
    },
    GazetteerPlace {
        id: "gharyan",
        name: "Gharyan",
        lat: 32.1697,
        lon: 13.0167,
        variants: &["Gharian", "Garian", "Ghiryan"],
    },
    GazetteerPlace {
        id: "al_jufra",
        name: "al-Jufra",
        lat: 29.195,
        lon: 16.0,
        variants: &[
            "Jufra",
            "Al Jufra",
            "al-Jafra",
            "Jufra air base",
            "al-Jufra air base",
        ],
    },
    GazetteerPlace {
        id: "hun",
        name: "Hun",
        lat: 29.1211,
        lon: 15.9403,
        variants: &["Houn", "Hon"],
    },
    GazetteerPlace {
        id: "benghazi",
        name: "Benghazi",
        lat: 32.1167,
        lon: 20.0667,
        variants: &["Bengasi", "Banghazi"],
    },
    GazetteerPlace {
        id: "tobruk",
        name: "Tobruk",
        lat: 32.0761,
        lon: 23.9614,
        variants: &["Tubruq"],
    },
    GazetteerPlace {
        id: "ras_lanuf",
        name: "Ras Lanuf",
        lat: 30.4789,
        lon: 18.5661,
        variants: &["Ras Lanouf"],
    },
    GazetteerPlace {
        id: "ajdabiya",
        name: "Ajdabiya",
        lat: 30.7554,
        lon: 20.2263,
        variants: &["Ajdabiyah", "Ejdabia"],
    },
    GazetteerPlace {
        id: "brega",
        name: "Brega",
        lat: 30.4167,
        lon: 19.5667,
        variants: &["Marsa al-Brega", "Marsa el Brega"],
    },
    GazetteerPlace {
        id: "zawiya",
        name: "Zawiya",
        lat: 32.7571,
        lon: 12.7278,
        variants: &["Zawiyah", "Az Zawiyah", "al-Zawiya"],
    },
    GazetteerPlace {
        id: "sabratha",
        name: "Sabratha",
        lat: 32.7933,
        lon: 12.4885,
        variants: &["Sabratah"],
    },
    GazetteerPlace {
        id: "surman",
        name: "Surman",
        lat: 32.7567,
        lon: 12.5719,
        variants: &["Sorman", "Surmān"],
    },
    GazetteerPlace {
        id: "zuwara",
        name: "Zuwara",
        lat: 32.9312,
        lon: 12.0820,
        variants: &["Zuwarah", "Zuara"],
    },
    GazetteerPlace {
        id: "sabha",
        name: "Sabha",
        lat: 27.0377,
        lon: 14.4283,
        variants: &["Sebha"],
    },
    GazetteerPlace {
        id: "derna",
        name: "Derna",
        lat: 32.7648,
        lon: 22.6367,
        variants: &["Darnah"],
    },
    GazetteerPlace {
        id: "qasr_bin_ghashir",
        name: "Qasr bin Ghashir",
        lat: 32.6889,
        lon: 13.1681,
        variants: &["Qasr Ben Ghashir", "Qasr bin Ghashir"],
    },
    GazetteerPlace {
        id: "abu_grein",
        name: "Abu Grein",
        lat: 31.4500,
        lon: 15.2500,
        variants: &["Abu Qurain", "Abugrein", "Abu Qurayn"],
    },
    GazetteerPlace {
        id: "al_qardabiya",
        name: "al-Qardabiya",
        lat: 31.0603,
        lon: 16.5961,
        variants: &["Qardabiya", "Al Qardabiya", "Ghardabiya", "al-Ghardabiya"],
    },
    GazetteerPlace {
        id: "tripoli_airport",
        name: "Tripoli International Airport",
        lat: 32.6635,
        lon: 13.1590,
        variants: &[
            "Tripoli airport",
            "Tripoli's international airport",
            "Tripoli International airport",
        ],
    },
    GazetteerPlace {
        id: "mitiga",
        name: "Mitiga",
        lat: 32.8941,
        lon: 13.2760,
        variants: &["Mitiga airport", "Mitiga International Airport"],
    },
];

/// How actors are named in English-language reporting of the war. Aliases that are
/// possessive ("Haftar's forces") also match without the possessive through their shorter
/// forms ("Haftar").
const ACTOR_ALIASES: &[(Actor, &[&str])] = &[
    (
        Actor::Gna,
        &[
            "GNA",
            "Government of National Accord",
            "UN-recognised government",
            "UN-recognized government",
            "UN-backed government",
            "UN-supported government",
            "internationally recognised government",
            "internationally recognized government",
            "internationally-recognised government",
            "internationally-recognized government",
            "Tripoli government",
            "Tripoli-based government",
            "government in Tripoli",
            "Government of National Accord forces",
            "pro-GNA",
            "pro-government forces",
            "government forces",
            "government-aligned forces",
            "GNA-aligned forces",
            "GNA-allied forces",
            "Presidential Council",
            "Fayez al-Sarraj",
            "Fayez al-Serraj",
            "Sarraj",
            "Serraj",
            "Operation Volcano of Rage",
            "Volcano of Rage",
        ],
    ),
    (
        Actor::Lna,
        &[
            "LNA",
            "Libyan National Army",
            "Libyan Arab Armed Forces",
            "LAAF",
            "Haftar",
            "Hafter",
            "Hifter",
            "Khalifa Haftar",
            "Khalifa Hafter",
            "Khalifa Hifter",
            "Haftar's forces",
            "Hifter's forces",
            "eastern forces",
            "eastern-based forces",
            "east-based forces",
            "Haftar loyalists",
            "pro-Haftar",
        ],
    ),
    (
        Actor::Egypt,
        &[
            "Egypt",
            "Egyptian",
            "Egyptian President",
            "Egypt's president",
            "el-Sisi",
            "al-Sisi",
            "Sisi",
            "Abdel Fattah el-Sisi",
            "Abdel-Fattah el-Sisi",
            "Abdel Fattah al-Sisi",
        ],
    ),
    (
        Actor::Russia,
        &[
            "Russia",
            "Russian",
            "Moscow",
            "Kremlin",
            "Wagner",
            "Wagner Group",
            "Vladimir Putin",
            "Putin",
            "Sergey Lavrov",
            "Lavrov",
        ],
    ),
    (
        Actor::Turkey,
        &[
            "Turkey",
            "Turkish",
            "Türkiye",
            "Ankara",
            "Recep Tayyip Erdogan",
            "Erdogan",
        ],
    ),
    (
        Actor::Uae,
        &[
            "United Arab Emirates",
            "UAE",
            "Emirati",
            "Emirates",
            "Abu Dhabi",
        ],
    ),
    (
        Actor::Un,
        &[
            "United Nations",
            "UN",
            "U.N.",
            "UNSMIL",
            "Security Council",
            "UN Security Council",
        ],
    ),
];

/// Words that, before "loyal to X" or "of X", make a longer name for X's side
/// ("forces loyal to the UN-recognised government").
pub const FORCE_NOUNS: &[&str] = &[
    "forces", "troops", "fighters", "militias", "units", "soldiers", "army",
];

/// What a name refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Actor(Actor),
    Place(PlaceId),
}

/// A name found in a sentence: tokens `[first, last]`, inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub referent: Referent,
}

impl Mention {
    pub fn actor(&self) -> Option<Actor> {
        match self.referent {
            Referent::Actor(a) => Some(a),
            Referent::Place(_) => None,
        }
    }

    pub fn place(&self) -> Option<&PlaceId> {
        match &self.referent {
            Referent::Place(p) => Some(p),
            Referent::Actor(_) => None,
        }
    }
}

struct Entry {
    tokens: Vec<Token>,
    referent: Referent,
}

/// The names, tokenised once and indexed by their first token.
pub struct Lexicon {
    entries: Vec<Entry>,
    by_first: HashMap<String, Vec<usize>>,
}

/// The lexicon, built on first use and shared.
pub fn shared() -> &'static Lexicon {
    static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEXICON.get_or_init(Lexicon::new)
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

fn tokens_of(s: &str) -> Vec<Token> {
    let chars: Vec<char> = s.chars().collect();
    tokenize(&chars, 0)
}

impl Lexicon {
    pub fn new() -> Lexicon {
        let mut entries = Vec::new();
        for place in GAZETTEER {
            for name in std::iter::once(&place.name).chain(place.variants.iter()) {
                entries.push(Entry {
                    tokens: tokens_of(name),
                    referent: Referent::Place(PlaceId::new(place.id)),
                });
            }
        }
        for (actor, aliases) in ACTOR_ALIASES {
            for alias in *aliases {
                entries.push(Entry {
                    tokens: tokens_of(alias),
                    referent: Referent::Actor(*actor),
                });
            }
        }
        // Longest first, so the first match at a position is the longest.
        entries.sort_by_key(|e| std::cmp::Reverse(e.tokens.len()));
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(first) = e.tokens.first() {
                by_first.entry(first.norm.clone()).or_default().push(i);
            }
        }
        Lexicon { entries, by_first }
    }

    fn matches_at(entry: &Entry, tokens: &[Token], at: usize) -> bool {
        let n = entry.tokens.len();
        at + n <= tokens.len()
            && entry.tokens.iter().zip(&tokens[at..at + n]).all(|(e, t)| {
                e.norm == t.norm
                    && (!e.capitalised() || t.capitalised() || t.kind != TokenKind::Word)
            })
    }

    /// Every actor and place named in `tokens`, left to right, longest match first, not
    /// overlapping. "forces loyal to X" and "X forces" are taken as one mention of X.
    pub fn mentions(&self, tokens: &[Token]) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let candidates = self
                .by_first
                .get(&tokens[i].norm)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let found = candidates
                .iter()
                .map(|&k| &self.entries[k])
                .find(|e| Lexicon::matches_at(e, tokens, i));
            let Some(entry) = found else {
                i += 1;
                continue;
            };
            let mut first = i;
            let mut last = i + entry.tokens.len() - 1;
            if let Referent::Actor(_) = entry.referent {
                first = extend_left_over_force_noun(tokens, first);
                if tokens.get(last + 1).is_some_and(|t| t.is_any(FORCE_NOUNS)) {
                    last += 1;
                }
            }
            out.push(Mention {
                first,
                last,
                referent: entry.referent.clone(),
            });
            i = last + 1;
        }
        out
    }
}

/// "forces loyal to [Libya's] [the] X" → the mention starts at "forces".
fn extend_left_over_force_noun(tokens: &[Token], first: usize) -> usize {
    let mut j = first;
    // Skip "Libya's", "the", "its".
    while j >= 2 && tokens[j - 1].is("'s") && tokens[j - 2].kind == TokenKind::Word {
        j -= 2;
    }
    if j >= 1 && tokens[j - 1].is_any(&["the", "its"]) {
        j -= 1;
    }
    let link = if j >= 2
        && tokens[j - 1].is_any(&["to", "with"])
        && tokens[j - 2].is_any(&["loyal", "allied", "aligned", "affiliated"])
    {
        2
    } else if j >= 1 && tokens[j - 1].is("of") {
        1
    } else {
        return first;
    };
    let noun = j.checked_sub(link + 1);
    match noun {
        Some(n) if tokens[n].is_any(FORCE_NOUNS) => n,
        _ => first,
    }
}

/// The gazetteer entry for a place id.
pub fn gazetteer_place(id: &str) -> Option<&'static GazetteerPlace> {
    GAZETTEER.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Referent)> {
        let tokens = tokens_of(text);
        Lexicon::new()
            .mentions(&tokens)
            .into_iter()
            .map(|m| {
                let s = tokens[m.first].start;
                let e = tokens[m.last].end;
                (text.chars().skip(s).take(e - s).collect(), m.referent)
            })
            .collect()
    }

    fn actor(a: Actor) -> Referent {
        Referent::Actor(a)
    }

    fn place(id: &str) -> Referent {
        Referent::Place(PlaceId::new(id))
    }

    #[test]
    fn longest_names_win() {
        assert_eq!(
            found("the Tripoli government fought in Tripoli"),
            [
                ("Tripoli government".into(), actor(Actor::Gna)),
                ("Tripoli".into(), place("tripoli"))
            ]
        );
        let gna = found("Libya’s UN-recognised Government of National Accord (GNA)");
        assert_eq!(gna.len(), 2, "{gna:?}");
        assert!(gna.iter().all(|(_, r)| *r == actor(Actor::Gna)));
        assert_eq!(found("the Libyan National Army")[0].1, actor(Actor::Lna));
    }

    #[test]
    fn forces_loyal_to_an_actor_are_that_actor() {
        assert_eq!(
            found("Meanwhile, forces loyal to Libya’s UN-recognised government said")[0],
            (
                "forces loyal to Libya’s UN-recognised government".into(),
                actor(Actor::Gna)
            )
        );
        assert_eq!(
            found("troops of the Tripoli government")[0].0,
            "troops of the Tripoli government"
        );
        assert_eq!(found("GNA forces advanced")[0].0, "GNA forces");
    }

    #[test]
    fn spelling_variants_and_capitalisation() {
        for (text, id) in [
            ("Tarhunah", "tarhuna"),
            ("Bani Waleed", "bani_walid"),
            ("Sirt", "sirte"),
            ("Misratah", "misrata"),
            ("al-Watiya", "al_watiya"),
            ("Jufra", "al_jufra"),
            ("Beni Ulid", "bani_walid"),
        ] {
            assert_eq!(found(text), [(text.to_owned(), place(id))], "{text}");
        }
        assert!(found("we ate turkey").is_empty());
        assert_eq!(found("Turkey backed it")[0].1, actor(Actor::Turkey));
        assert_eq!(found("Hifter’s forces")[0].1, actor(Actor::Lna));
    }

    #[test]
    fn every_gazetteer_place_has_a_plausible_libyan_coordinate() {
        for p in GAZETTEER {
            assert!(
                (9.0..26.0).contains(&p.lon) && (19.0..34.0).contains(&p.lat),
                "{}",
                p.id
            );
        }
    }
}
