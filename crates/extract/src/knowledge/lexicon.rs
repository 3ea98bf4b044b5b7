//! The shape of `lexicon.toml`, and its classes of words as the rules read them.
//!
//! A class is a list of words and phrases taken as written (`words`), verbs given by their
//! lemma and inflected by [`Morphology`] (`verbs`), or both:
//!
//! ```toml
//! [words]
//! spatial = ["west", "east", "near"]
//! denial = { words = ["not", "never"], verbs = ["deny", "fail"] }
//! ```
//!
//! Each section lists the classes the rules ask about; a class missing from the file, or one
//! the rules do not know, is an error that names it.

use super::morphology::Morphology;
use super::phrases::Phrases;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One class of words as the file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ClassEntry {
    Words(Vec<String>),
    Mixed {
        #[serde(default)]
        words: Vec<String>,
        #[serde(default)]
        verbs: Vec<String>,
    },
}

impl ClassEntry {
    /// Every phrase of the class: its words, and every form of its verbs.
    pub fn phrases(&self, m: &Morphology) -> Vec<String> {
        match self {
            ClassEntry::Words(w) => w.clone(),
            ClassEntry::Mixed { words, verbs } => words
                .iter()
                .cloned()
                .chain(verbs.iter().flat_map(|v| m.forms(v)))
                .collect(),
        }
    }
}

/// A section of word classes as the file writes it.
pub type SectionEntry = BTreeMap<String, ClassEntry>;

/// Builds a section's classes, or says which class is missing or unknown.
pub(super) fn build_class(
    entry: &SectionEntry,
    section: &str,
    name: &str,
    known: &[&str],
    m: &Morphology,
) -> Result<Phrases, String> {
    if let Some(unknown) = entry.keys().find(|k| !known.contains(&k.as_str())) {
        return Err(format!(
            "[{section}] {unknown} is not a class the extractor reads; the classes of [{section}] are {}",
            known.join(", ")
        ));
    }
    entry
        .get(name)
        .map(|c| Phrases::new(&c.phrases(m)))
        .ok_or_else(|| format!("[{section}] has no class {name}"))
}

/// Declares a section of word classes: the struct the rules read, how it is built from the
/// file, and the list of its classes (for the test that every class is read).
macro_rules! word_classes {
    (
        $(#[$meta:meta])*
        $section:literal => pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Phrases, )*
        }

        impl $name {
            pub const SECTION: &'static str = $section;
            const CLASSES: &'static [&'static str] = &[$(stringify!($field)),*];

            pub(super) fn build(entry: &SectionEntry, m: &Morphology) -> Result<$name, String> {
                Ok($name {
                    $( $field: build_class(entry, $section, stringify!($field), Self::CLASSES, m)?, )*
                })
            }

            /// Every class of the section, by name.
            pub fn classes(&self) -> Vec<(&'static str, &Phrases)> {
                vec![$( (stringify!($field), &self.$field) ),*]
            }
        }
    };
}

word_classes! {
    /// Words that change what a sentence says.
    "words" => pub struct Words {
        /// Before a trigger: it did not happen ("failed to take").
        denial,
        /// Right before a verb: it is only wanted ("to seize", "could take").
        intention,
        /// In the clause before: it is about the future ("will begin").
        future,
        /// Verbs that report what someone said.
        reporting,
        /// Words that mark a report as unconfirmed.
        unconfirmed,
        /// People and bodies who speak for an actor ("spokesman").
        speakers,
        /// Nouns that make a longer name for a side ("forces loyal to X", "GNA forces").
        force_nouns,
        /// Words for a place already named ("the town").
        place_nouns,
        /// After a place's name, a facility of it ("Zuwara airport").
        facility_nouns,
        /// Before a place: it is only a landmark ("20 km south of Tripoli").
        spatial,
    }
}

word_classes! {
    /// The function words roles are read from.
    "grammar" => pub struct Grammar {
        /// Right before a verb form, they make it a noun ("the capture").
        determiners,
        /// Right before an "-ing" form, they make it a verb ("were shelling").
        progressive_leads,
        /// Open an aside between commas whose names are not the clause's subject.
        aside_openers,
        /// Stand for an actor named before.
        pronouns,
        /// Subject pronouns of a reporting verb ("he said").
        subject_pronouns,
        /// Possessive pronouns before a noun ("its offensive").
        possessive_pronouns,
        /// The first person: the speaker or the text's voice ("we", "I", "our").
        first_person,
        /// Right before a name, they make it an object ("fighting the GNA").
        object_markers,
        /// After a possessive, they make it an agent ("Turkey's drones").
        agent_nouns,
        /// May stand between a verb and the name of its place ("the strategic town of").
        place_lead,
        /// Auxiliaries and adverbs between a subject or object and its verb.
        verb_leads,
        /// Before a participle, a present perfect ("has condemned").
        perfect_auxiliaries,
        /// Relative pronouns ("Bani Walid, which they captured").
        relatives,
        /// Between a verb of movement and its preposition ("advanced further on").
        movement_leads,
        /// Join places of a list ("and", "as well as").
        list_joiners,
        /// After a joiner, they end the list ("and then").
        list_stops,
        /// Introduce the members of what was named ("including").
        including,
        /// After a target ("a convoy", "Haftar's forces"), where it was: "approaching Sirte",
        /// "near Sirte".
        approach_words,
        /// Auxiliaries of a passive ("was taken").
        passive_auxiliaries,
        /// After a passive, the place it happened at ("were shelled in al-Hadba").
        location_preps,
        /// Between a number and what it counts ("five air strikes").
        count_modifiers,
        /// Before "to"/"with" after a force noun: "forces loyal to".
        allegiance,
        /// Lower-case words inside a place's name ("Qasr bin Ghashir").
        name_links,
        /// The last word of a side's name the article may give it ("Libyan Army", "Armed
        /// Forces").
        side_heads,
        /// Of those, the military ones ("army", "forces").
        military_heads,
        /// The scornful names partisan outlets give the other side ("militias").
        scorned_heads,
        /// Between a side's name and the side an apposition gives it ("led by").
        alias_links,
        /// Before a name an article gives a side ("hereafter", "known as").
        alias_marks,
        /// Open a clause of their own ("after", "when").
        subordinators,
        /// Irregular past verbs that open a clause of their own ("took", "said").
        clause_verbs,
    }
}

word_classes! {
    /// Words the event rules read around a trigger.
    "events" => pub struct EventWords {
        /// Verbs whose subject carries out what a noun names ("launched an offensive").
        carry_out,
        /// Before a noun: it is wished for, feared or denied, not done ("a new offensive").
        not_done,
        /// Between an actor and a noun ("LNA indiscriminate bombardment").
        describing,
        /// Between a possessive pronoun and a noun ("their 14-month offensive").
        noun_modifiers,
        /// Verbs whose subject took what a capture noun names ("announced the capture of").
        capture_claims,
        /// "P, X's last stronghold": X holds P.
        stronghold_nouns,
        /// "used as a launchpad against Q": an offensive's origin.
        launch_nouns,
        /// "P was held by X".
        holding_verbs,
        /// Place nouns that do not refer back to a place named ("the area").
        vague_place_nouns,
        /// "the international airport": a facility of a town named before.
        facilities,
        /// Words before a facility noun that its name need not have ("the main airport").
        facility_fillers,
        /// Before a place's name, they make it no topic ("the capital", "Libya's capital").
        capital_markers,
        /// Before a time, it dates the start of a series, not an event ("since July").
        series_start,
        /// Before an attack noun, its subject is where it fell ("came under shelling").
        under_fire,
        /// Before "N days after", they link it to the article's news ("comes a day after").
        news_links,
    }
}

word_classes! {
    /// Ceasefires: announced, agreed, taking effect.
    "ceasefire" => pub struct CeasefireWords {
        words,
        /// After a ceasefire word, an agreement reached ("a ceasefire deal").
        deals,
        /// Verbs whose object a ceasefire is, by the actor that declares it.
        announce,
        /// Between the ceasefire and its time: it takes effect then.
        effect,
        /// Verbs of a call ("called for a ceasefire"): a statement, not an announcement.
        calls_for,
        /// Before a ceasefire deal: only sought ("talks towards a deal").
        sought,
        /// Who agree a ceasefire when both sides do ("the two sides").
        both_sides,
    }
}

word_classes! {
    /// Statements of a position.
    "statement" => pub struct StatementWords {
        /// Verbs of support.
        support,
        /// Verbs against.
        against,
        /// Feelings that state a position after a copula ("is alarmed").
        feelings,
        /// Phrases that state a position by themselves ("called for").
        calls,
        /// What a position is about.
        objects,
        /// Forms of "be" before a feeling.
        copulas,
        /// Judgements that state a position after a copula ("is deeply shocking").
        evaluations,
        /// Verbs that are nouns too ("support"): verbs only right after one of `verb_leads`.
        homographs,
        /// Right before a homograph, they make it a verb ("we support").
        verb_leads,
        /// Right before a position, it is said now ("is", "we").
        present_markers,
        /// After "announced its", a position, not an announcement ("announced its support").
        stance_nouns,
        /// Verbs of expressing a position ("expressed", "notes with").
        expressions,
        /// What a verb of expressing expresses ("concern", "condemnation").
        stance_objects,
        /// Verbs of saying: what an actor says, in a sentence that tells no fighting.
        speech,
        /// Before an actor, a statement it made ("Statement by").
        headers,
    }
}

word_classes! {
    /// Who speaks.
    "attribution" => pub struct AttributionWords {
        /// Words of a speaker's title and name ("military spokesman Ahmed al-Mismari").
        speaker_titles,
    }
}

word_classes! {
    /// The 2011 uprising.
    "uprising" => pub struct UprisingWords {
        words,
    }
}

word_classes! {
    /// Time expressions.
    "time" => pub struct TimeWords {
        /// Before a time expression, the preposition it keeps.
        preps,
        /// Before a time, the start of something ("from Monday").
        start_preps,
        /// Before a full date, it lies ahead of the article ("until June 30").
        ahead_preps,
        /// After a four-digit number, it is a count, not a year.
        count_nouns,
        /// A time too vague to place an event by itself ("recently").
        vague,
        /// Before a period, a vague span ("in recent weeks").
        vague_leads,
        /// Between a vague lead and its period ("the past few days").
        vague_quantities,
        /// After a number of units: that long before ("two years ago").
        ago,
        /// A time zone that is UTC.
        utc_zones,
        /// A time zone that is the story's local time ("local time").
        local_zones,
        /// Clock marks for the afternoon ("pm").
        post_meridiem,
        /// Clock marks for the morning ("am").
        ante_meridiem,
        /// Before "May", it is the month, not the verb ("in May").
        month_leads,
        /// Between two days, a range ("5 to 6 June").
        range_marks,
        /// After a duration, an age, not a time ("nine-year-old").
        age_marks,
        /// After a duration, its length ("three-week-long").
        length_marks,
        /// Before a period, it means "a few" ("for months").
        span_leads,
        /// After a day's digits, an ordinal ("8th").
        ordinal_suffixes,
    }
}

word_classes! {
    /// Splitting text into sentences.
    "text" => pub struct TextWords {
        /// After these and a full stop, a sentence goes on ("Gen.").
        abbreviations,
    }
}

/// The calendar's words, which the time expressions read as numbers.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Each month's names, January first ("Sept" for September).
    pub months: Vec<Vec<String>>,
    /// Each weekday's names, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// Numbers written as words ("five"), and "a"/"an" as one.
    pub numbers: BTreeMap<String, u32>,
    /// The words of each unit of time: `day`, `week`, `month`, `year`.
    pub units: BTreeMap<String, Vec<String>>,
    /// Words that are a day counted from the article's date ("yesterday" = -1).
    pub days: BTreeMap<String, i64>,
    /// Words before a unit that shift it from the article's ("last year" = -1).
    pub shifts: BTreeMap<String, i32>,
    /// After "N days", a clause relative to another event ("a day after …" = +1).
    pub anchors: BTreeMap<String, i64>,
    /// After "N days", an offset from the event before ("a day later" = +1).
    pub offsets: BTreeMap<String, i64>,
    /// Phrases that are days from the event before ("the next day" = +1, "that same day" =
    /// 0).
    pub relative_days: BTreeMap<String, i64>,
    /// How far the story's local time is ahead of UTC, in minutes: a clock time the text
    /// gives with no zone ("at 8pm") is local.
    pub local_utc_offset_minutes: i32,
    /// `relative_days` as phrases to match, longest first (built when the file is read).
    #[serde(skip)]
    relative_phrases: Vec<(super::phrases::Phrase, i64)>,
}

impl Calendar {
    /// The month (1–12) a normalised word names.
    pub fn month(&self, norm: &str) -> Option<u8> {
        self.months
            .iter()
            .position(|names| names.iter().any(|n| n.eq_ignore_ascii_case(norm)))
            .and_then(|i| u8::try_from(i.saturating_add(1)).ok())
    }

    /// The weekday (0 = Monday) a normalised word names.
    pub fn weekday(&self, norm: &str) -> Option<usize> {
        self.weekdays
            .iter()
            .position(|names| names.iter().any(|n| n.eq_ignore_ascii_case(norm)))
    }

    /// The unit of time a normalised word names: `day`, `week`, `month` or `year`.
    pub fn unit(&self, norm: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|(_, words)| words.iter().any(|w| w == norm))
            .map(|(unit, _)| unit.as_str())
    }

    /// The phrase of `relative_days` at token `at`: the days it counts and the tokens it
    /// covers.
    pub fn relative_day_at(
        &self,
        tokens: &[crate::tokens::Token],
        at: usize,
    ) -> Option<(i64, usize)> {
        self.relative_phrases
            .iter()
            .find_map(|(p, days)| p.matches(tokens, at).map(|n| (*days, n)))
    }

    /// Builds what matching needs once the file is read.
    pub(super) fn prepare(&mut self) {
        let mut phrases: Vec<(super::phrases::Phrase, i64)> = self
            .relative_days
            .iter()
            .map(|(text, days)| (super::phrases::Phrase::new(text), *days))
            .filter(|(p, _)| !p.is_empty())
            .collect();
        phrases.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        self.relative_phrases = phrases;
    }

    /// Checks the shape: twelve months, seven weekdays, the four units.
    pub(super) fn check(&self) -> Result<(), String> {
        if self.months.len() != 12 {
            return Err(format!(
                "[calendar] months lists {} months; it needs twelve, January first",
                self.months.len()
            ));
        }
        if self.weekdays.len() != 7 {
            return Err(format!(
                "[calendar] weekdays lists {} days; it needs seven, Monday first",
                self.weekdays.len()
            ));
        }
        for unit in Calendar::UNITS {
            if !self.units.contains_key(unit) {
                return Err(format!("[calendar] units has no {unit}"));
            }
        }
        if let Some(other) = self
            .units
            .keys()
            .find(|u| !Calendar::UNITS.contains(&u.as_str()))
        {
            return Err(format!(
                "[calendar] units: {other} is not one of {}",
                Calendar::UNITS.join(", ")
            ));
        }
        Ok(())
    }

    /// The units of time, in the order of their length.
    pub const UNITS: [&'static str; 4] = ["day", "week", "month", "year"];
}

/// How the lexicon's verbs inflect.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorphologyEntry {
    /// Irregular past and past participle of a verb: `take = ["took", "taken"]`.
    #[serde(default)]
    pub irregular: BTreeMap<String, Vec<String>>,
    /// Verbs of more than one syllable that double their last consonant ("expelled").
    #[serde(default)]
    pub doubling: Vec<String>,
}

impl MorphologyEntry {
    pub fn morphology(&self) -> Morphology {
        let irregular: Vec<(String, Vec<String>)> = self
            .irregular
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Morphology::new(&irregular, &self.doubling)
    }
}

word_classes! {
    /// Places' names.
    "places" => pub struct PlaceWords {
        /// The Arabic article, written or not before a name ("al-Watiya", "Watiya").
        articles,
        /// Facility nouns that name an airport (the others name an air base).
        airport_nouns,
    }
}
