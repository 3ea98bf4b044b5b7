//! What the page's routines and the browser app agree on: the [`Part`]s of the page the app
//! moves, and the table of the page's fixed [`Word`]s. The render marks each with an
//! attribute (`data-part`, `data-word`); the app finds them by it. Neither repeats the other's
//! selectors, and a language switch goes through the whole table, so it cannot miss an
//! element: an element that carries a fixed word is drawn through this table or not at all.
//!
//! ```
//! use newsmap_core::render::parts::{Part, Slot, Word};
//! use newsmap_core::story::words::{Lang, Words};
//! assert_eq!(Part::Slider.selector(), "[data-part=\"slider\"]");
//! assert_eq!(Word::Play.slot(), Slot::Text);
//! let places = newsmap_core::data::places::PlaceSet { places: Vec::new(), boundaries: Vec::new() };
//! assert_eq!(Word::Play.text(&Words::new(Lang::Ar), &places), "▶ تشغيل");
//! ```

use crate::data::places::PlaceSet;
use crate::story::words::{Ui, Words};

id_enum! {
    /// A part of the page the browser app moves or draws anew.
    pub enum Part {
        /// The headline and standfirst (drawn anew in another language).
        Header = "header",
        /// Where the ceasefire's banner goes.
        Ceasefire = "ceasefire",
        /// The map's layouts.
        MapFrame = "map-frame",
        Controls = "controls",
        Play = "play",
        Slider = "slider",
        DateLabel = "date-label",
        /// What happened at the current stop.
        Caption = "caption",
        Legend = "legend",
        /// The events in words.
        Events = "events",
        /// The live region that says each new stop.
        Announcer = "announcer",
    }
}

/// The attributes that mark a part and an element with a fixed word.
const PART_ATTR: &str = "data-part";
const WORD_ATTR: &str = "data-word";

/// The selector of the elements an attribute marks with an id.
fn selector(attr: &str, id: &str) -> String {
    format!("[{attr}=\"{id}\"]")
}

impl Part {
    /// The attribute that marks the part.
    pub fn attr(self) -> (&'static str, &'static str) {
        (PART_ATTR, self.id())
    }

    /// The selector that finds it.
    pub fn selector(self) -> String {
        selector(PART_ATTR, self.id())
    }
}

/// Where an element carries its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// As its text.
    Text,
    /// As its `aria-label`.
    Label,
}

id_enum! {
    /// An element of the page that carries a fixed word, outside the parts drawn anew in
    /// another language (the header, the caption, the legend's entries, the events, the
    /// banner): the table every language switch goes through.
    pub enum Word {
        Play = "play",
        DateInStory = "date-in-story",
        Caption = "caption",
        Legend = "legend",
        LegendFold = "legend-fold",
        EventsFold = "events-fold",
        /// The list's fold in a story of many reports.
        EventsFoldMany = "events-fold-many",
        Events = "events",
        /// The map's description, for its `aria-label` (with the places' names).
        MapDescription = "map-description",
        Locator = "locator",
    }
}

impl Word {
    /// The attribute that marks the element.
    pub fn attr(self) -> (&'static str, &'static str) {
        (WORD_ATTR, self.id())
    }

    /// The selector that finds every element carrying the word.
    pub fn selector(self) -> String {
        selector(WORD_ATTR, self.id())
    }

    pub fn slot(self) -> Slot {
        match self {
            Word::Caption | Word::Legend | Word::Events | Word::MapDescription => Slot::Label,
            Word::Play
            | Word::DateInStory
            | Word::LegendFold
            | Word::EventsFold
            | Word::EventsFoldMany
            | Word::Locator => Slot::Text,
        }
    }

    /// The word in a language (the map's description names `places`).
    pub fn text(self, words: &Words, places: &PlaceSet) -> String {
        let ui = match self {
            Word::Play => Ui::Play,
            Word::DateInStory => Ui::DateInStory,
            Word::Caption => Ui::WhatHappened,
            Word::Legend | Word::LegendFold => Ui::Legend,
            Word::EventsFold => Ui::EventsHeading,
            Word::EventsFoldMany => Ui::EventsHeadingMany,
            Word::Events => Ui::Events,
            Word::Locator => Ui::Locator,
            Word::MapDescription => return map_description(places, words),
        };
        words.ui(ui).to_owned()
    }
}

/// What the map shows, in words.
fn map_description(places: &PlaceSet, words: &Words) -> String {
    let names: Vec<String> = places
        .places
        .iter()
        .map(|p| words.place(places, &p.id))
        .collect();
    format!("{} {}.", words.ui(Ui::MapDescription), names.join(", "))
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::dataset::Dataset;
    use crate::render::markup::Markup;
    use crate::render::page::{self, Heading, Page};
    use crate::story::reading::Story;
    use crate::story::words::Lang;

    /// The seed's page in a language, as a story of `articles` articles.
    fn page_in(lang: Lang, articles: usize) -> String {
        let (data, _) = Dataset::read_assets(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets"),
        );
        let places = data.places.clone().unwrap();
        let told = (1..=articles)
            .map(|n| crate::model::Article {
                id: crate::model::ArticleId::new(format!("a{n}")),
                ..Default::default()
            })
            .collect();
        let story = Story::new(data.timeline.unwrap(), places).with_articles(told);
        let mut m = Markup::default();
        page::page(
            &mut m,
            &Page {
                heading: &Heading::default(),
                story: &story,
                basemap: data.basemap.as_ref(),
                words: &Words::new(lang),
                position: 0.0,
                fingerprint: "",
                root: page::Root::Main,
            },
        );
        m.into_string()
    }

    #[test]
    fn every_word_of_the_table_is_on_the_page_in_either_language() {
        let (en, ar) = (page_in(Lang::En, 1), page_in(Lang::Ar, 1));
        let many = page_in(Lang::Ar, 2);
        let places = PlaceSet::default();
        for w in Word::ALL {
            let attr = format!("data-word=\"{}\"", w.id());
            // The list's heading says "article" or "reports", as the story is told.
            let (en, ar) = match w {
                Word::EventsFoldMany => (&many, &many),
                _ => (&en, &ar),
            };
            assert!(en.contains(&attr) && ar.contains(&attr), "{attr}");
            if *w != Word::MapDescription {
                let said = w.text(&Words::new(Lang::Ar), &places);
                assert!(ar.contains(&said), "{said}");
            }
        }
        for p in Part::ALL {
            let attr = format!("data-part=\"{}\"", p.id());
            assert_eq!(en.matches(&attr).count(), 1, "{attr}");
        }
    }
}
