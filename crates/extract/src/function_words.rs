//! The few function words and marks the rules are written around, each with one job of its
//! own. They are the grammar of the rules, not a vocabulary: every list of words a desk may
//! want to change is in the lexicon (`assets/lexicon.toml`), and a test keeps it so.

/// The possessive ending, a token of its own ("Haftar's" is "Haftar", "'s").
pub const POSSESSIVE: &str = "'s";
/// The definite article: "the town" refers back to a place named before.
pub const THE: &str = "the";
/// Marks the agent of a passive ("taken by the GNA").
pub const AGENT_MARK: &str = "by";
/// Links a noun to what it is of ("the capture of Sirte", "south of Tripoli").
pub const OF: &str = "of";
/// Marks where something comes from ("from Misrata", "from the LNA").
pub const FROM: &str = "from";
/// Marks a destination or a recipient ("fell to the GNA").
pub const TO: &str = "to";
/// Marks what something is for ("called for a ceasefire", "fighters for the GNA").
pub const FOR: &str = "for";
/// Links a side to its allegiance ("allied with the GNA").
pub const WITH: &str = "with";
/// Marks where something is ("the airport in Tripoli").
pub const IN: &str = "in";
/// Marks a point ("the base at Watiya", "at 6pm").
pub const AT: &str = "at";
/// The hyphen, a token of its own ("LNA-held" is "LNA", "-", "held").
pub const HYPHEN: &str = "-";
/// Marks that end a stretch roles do not cross: a semicolon, a quotation mark, a colon.
pub const CLAUSE_BREAKS: &[&str] = &[";", "\"", ":"];
/// The ending of an adverb ("reportedly"), which may stand inside a passive.
pub const ADVERB_ENDING: &str = "ly";
/// The ending of a present participle ("shelling").
pub const PARTICIPLE_ENDING: &str = "ing";
/// The ending of a regular past ("captured").
pub const PAST_ENDING: &str = "ed";
