//! Words for the reader, in English or Arabic: dates at the precision the text gives, a
//! headline for each event, the names of the sides, and every string of the interface.
//!
//! The page's own words (its headline and standfirst) come from the page, so that a desk
//! edits HTML, not code; everything else the page says is here, once.
//!
//! ```
//! use newsmap_core::story::words::{Lang, Words};
//! let en = Words::new(Lang::En);
//! let w = "2020-06-08T16:00Z".parse()?;
//! assert_eq!(en.date_label(w, Some("18:00")), "Monday 8 June 2020, 18:00 (16:00 GMT)");
//! assert_eq!(Words::new(Lang::Ar).date_label("2020-01".parse()?, None), "يناير 2020");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::data::places::PlaceSet;
use crate::model::date::{Date, MONTH_NAMES, When};
use crate::model::{Actor, Event, EventKind, PlaceId, Stance, Status};

id_enum! {
    /// The language of the page.
    #[derive(Default)]
    pub enum Lang {
        #[default]
        En = "en",
        Ar = "ar",
    }
}

impl Lang {
    /// The writing direction, for `dir`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }
}

/// Every fixed string of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    Play,
    Pause,
    DateInStory,
    WhatHappened,
    PressPlay,
    Background,
    HowTheMapKnows,
    DateBasis,
    Confidence,
    AlsoSays,
    Legend,
    Events,
    EventsHeading,
    /// The list's heading in a story of many reports.
    EventsHeadingMany,
    HeldBy,
    HolderNotStated,
    Claimed,
    UnderAttack,
    OffensiveArrow,
    Strikes,
    Boundary,
    BoundaryLabel,
    CeasefireInEffect,
    CeasefireSince,
    CeasefireAnnounced,
    ToTakeEffect,
    DataProblem,
    MapDescription,
    QuotedNote,
    OtherEvents,
    KeyAndEvents,
    Scale,
    Locator,
    UnnamedForces,
    ReportedBy,
    ListSeparator,
    Reports,
}

/// The words of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub lang: Lang,
}

const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
/// From Monday, as `Weekday::index` counts.
const WEEKDAYS_AR: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

impl Words {
    pub fn new(lang: Lang) -> Words {
        Words { lang }
    }

    fn month(&self, m: u8) -> &'static str {
        let i = usize::from(m).wrapping_sub(1);
        match self.lang {
            Lang::En => MONTH_NAMES.get(i),
            Lang::Ar => MONTHS_AR.get(i),
        }
        .copied()
        .unwrap_or("?")
    }

    fn day(&self, d: Date, weekday: bool) -> String {
        let day = format!("{} {} {}", d.day, self.month(d.month), d.year);
        if !weekday {
            return day;
        }
        match self.lang {
            Lang::En => format!("{} {day}", d.weekday().name()),
            Lang::Ar => {
                let name = WEEKDAYS_AR
                    .get(usize::from(d.weekday().index()))
                    .copied()
                    .unwrap_or_default();
                format!("{name} {day}")
            }
        }
    }

    fn time(&self, minute: u16, local_time: Option<&str>) -> String {
        let gmt = match self.lang {
            Lang::En => "GMT",
            Lang::Ar => "بتوقيت غرينتش",
        };
        let utc = format!("{:02}:{:02} {gmt}", minute / 60, minute % 60);
        match local_time {
            Some(local) => format!("{local} ({utc})"),
            None => utc,
        }
    }

    /// The full label of a date: "2011", "January 2020", "Friday 5 June 2020",
    /// "Monday 8 June 2020, 18:00 (16:00 GMT)".
    pub fn date_label(&self, w: When, local_time: Option<&str>) -> String {
        match w {
            When::Year(y) => y.to_string(),
            When::Month(y, m) => format!("{} {y}", self.month(m)),
            When::Day(d) => self.day(d, true),
            When::Minute(d, m) => format!(
                "{}{} {}",
                self.day(d, true),
                self.comma(),
                self.time(m, local_time)
            ),
        }
    }

    /// A shorter label, for announcements and the slider's spoken value: "5 June 2020",
    /// "8 June 2020, 18:00 (16:00 GMT)".
    pub fn short_date_label(&self, w: When, local_time: Option<&str>) -> String {
        match w {
            When::Day(d) => self.day(d, false),
            When::Minute(d, m) => format!(
                "{}{} {}",
                self.day(d, false),
                self.comma(),
                self.time(m, local_time)
            ),
            other => self.date_label(other, local_time),
        }
    }

    fn comma(&self) -> &'static str {
        match self.lang {
            Lang::En => ",",
            Lang::Ar => "،",
        }
    }

    /// A side's short name: "GNA", "قوات حفتر".
    pub fn actor(&self, a: Actor) -> &'static str {
        match (self.lang, a) {
            (Lang::En, Actor::Gna) => "GNA",
            (Lang::En, Actor::Lna) => "LNA",
            (Lang::En, Actor::Egypt) => "Egypt",
            (Lang::En, Actor::Russia) => "Russia",
            (Lang::En, Actor::Turkey) => "Turkey",
            (Lang::En, Actor::Uae) => "UAE",
            (Lang::En, Actor::Un) => "UN",
            (Lang::En, Actor::Other) => "Another party",
            (Lang::Ar, Actor::Gna) => "حكومة الوفاق",
            (Lang::Ar, Actor::Lna) => "قوات حفتر",
            (Lang::Ar, Actor::Egypt) => "مصر",
            (Lang::Ar, Actor::Russia) => "روسيا",
            (Lang::Ar, Actor::Turkey) => "تركيا",
            (Lang::Ar, Actor::Uae) => "الإمارات",
            (Lang::Ar, Actor::Un) => "الأمم المتحدة",
            (Lang::Ar, Actor::Other) => "طرف آخر",
        }
    }

    /// A side's full name, for the legend.
    pub fn actor_long(&self, a: Actor) -> &'static str {
        match (self.lang, a) {
            (Lang::En, Actor::Gna) => "the GNA (UN-recognised government)",
            (Lang::En, Actor::Lna) => "the LNA (Haftar's forces)",
            (Lang::Ar, Actor::Gna) => "حكومة الوفاق (المعترف بها أمميًا)",
            (Lang::Ar, Actor::Lna) => "قوات حفتر",
            _ => self.actor(a),
        }
    }

    /// The reader's name for a place: its name in `places.geojson` (the Arabic one in Arabic,
    /// when the file has it), else its id.
    pub fn place(&self, places: &PlaceSet, id: &PlaceId) -> String {
        match places.get(id) {
            Some(p) if self.lang == Lang::Ar && !p.name_ar.is_empty() => p.name_ar.clone(),
            Some(p) => p.name.clone(),
            None => id.to_string(),
        }
    }

    /// What happened, in a few words: "GNA takes Tarhuna from LNA", "5 GNA air strikes on
    /// Sirte", "GNA offensive on Sirte (claimed)".
    pub fn headline(&self, e: &Event, places: &PlaceSet) -> String {
        let actor = e
            .actor
            .map_or_else(|| self.ui(Ui::UnnamedForces), |a| self.actor(a));
        let place = e
            .place
            .as_ref()
            .map(|p| self.place(places, p))
            .or_else(|| e.place_name.clone())
            .unwrap_or_default();
        let from = e.from.map(|a| self.actor(a));
        let origin = e.origin.as_ref().map(|o| self.place(places, o));
        let count = e.count.filter(|n| *n > 1);
        let text = match self.lang {
            Lang::En => english_headline(e, actor, &place, from, origin, count),
            Lang::Ar => arabic_headline(e, actor, &place, from, origin, count),
        };
        if e.status == Status::Claimed {
            format!("{text} ({})", self.ui(Ui::Claimed))
        } else {
            text
        }
    }

    /// An interface string.
    pub fn ui(&self, key: Ui) -> &'static str {
        match self.lang {
            Lang::En => english(key),
            Lang::Ar => arabic(key),
        }
    }
}

fn english_headline(
    e: &Event,
    actor: &str,
    place: &str,
    from: Option<&str>,
    origin: Option<String>,
    count: Option<u32>,
) -> String {
    match e.kind {
        EventKind::Capture => match from {
            Some(from) => format!("{actor} takes {place} from {from}"),
            None => format!("{actor} takes {place}"),
        },
        EventKind::Offensive => match origin {
            Some(o) => format!("{actor} offensive on {place}, from {o}"),
            None => format!("{actor} offensive on {place}"),
        },
        EventKind::Airstrike => match count {
            Some(n) => format!("{n} {actor} air strikes on {place}"),
            None => format!("{actor} air strikes on {place}"),
        },
        EventKind::Shelling => format!("{actor} shelling of {place}"),
        EventKind::CeasefireAnnounced => format!("{actor} announces a ceasefire"),
        EventKind::CeasefireEffective => "Ceasefire takes effect".to_owned(),
        EventKind::Statement => match e.stance {
            Some(Stance::Rejection) => format!("{actor} condemns"),
            _ => format!("{actor} voices support"),
        },
        EventKind::Uprising => "Uprising".to_owned(),
        EventKind::Withdrawal => format!("{actor} withdraws from {place}"),
    }
}

fn arabic_headline(
    e: &Event,
    actor: &str,
    place: &str,
    from: Option<&str>,
    origin: Option<String>,
    count: Option<u32>,
) -> String {
    match e.kind {
        EventKind::Capture => match from {
            Some(from) => format!("{actor}: السيطرة على {place} وانتزاعها من {from}"),
            None => format!("{actor}: السيطرة على {place}"),
        },
        EventKind::Offensive => match origin {
            Some(o) => format!("{actor}: هجوم على {place} انطلاقًا من {o}"),
            None => format!("{actor}: هجوم على {place}"),
        },
        EventKind::Airstrike => match count {
            Some(n) => format!("{actor}: {n} غارات جوية على {place}"),
            None => format!("{actor}: غارات جوية على {place}"),
        },
        EventKind::Shelling => format!("{actor}: قصف على {place}"),
        EventKind::CeasefireAnnounced => format!("{actor}: إعلان وقف إطلاق النار"),
        EventKind::CeasefireEffective => "بدء سريان وقف إطلاق النار".to_owned(),
        EventKind::Statement => match e.stance {
            Some(Stance::Rejection) => format!("{actor}: إدانة"),
            _ => format!("{actor}: تأييد"),
        },
        EventKind::Uprising => "انتفاضة".to_owned(),
        EventKind::Withdrawal => format!("{actor}: انسحاب من {place}"),
    }
}

fn english(key: Ui) -> &'static str {
    match key {
        Ui::Play => "▶ Play",
        Ui::Pause => "❚❚ Pause",
        Ui::DateInStory => "Date in the story",
        Ui::WhatHappened => "What happened",
        Ui::PressPlay => "Press play, or choose a date.",
        Ui::Background => "Background: before the period the map shows",
        Ui::HowTheMapKnows => "How the map knows",
        Ui::DateBasis => "Date",
        Ui::Confidence => "Confidence",
        Ui::AlsoSays => "The article also says:",
        Ui::Legend => "Legend",
        Ui::Events => "Events of the story",
        Ui::EventsHeading => "What the article reports",
        Ui::EventsHeadingMany => "What the reports say",
        Ui::HeldBy => "Held by",
        Ui::HolderNotStated => "Holder not stated in the article",
        Ui::Claimed => "claimed",
        Ui::UnderAttack => "Under attack",
        Ui::OffensiveArrow => "Offensive, coloured by the attacker",
        Ui::Strikes => "Air strikes and shelling",
        Ui::Boundary => "Traditional Tripolitania–Cyrenaica boundary (approximate)",
        Ui::BoundaryLabel => "Traditional boundary (approx.)",
        Ui::CeasefireInEffect => "Ceasefire in effect",
        Ui::CeasefireSince => "since",
        Ui::CeasefireAnnounced => "Ceasefire announced",
        Ui::ToTakeEffect => "to take effect",
        Ui::DataProblem => "Part of this map could not be loaded:",
        Ui::MapDescription => "Map of",
        Ui::QuotedNote => "Quoted from the English article.",
        Ui::OtherEvents => "more at this date",
        Ui::KeyAndEvents => "Key and all events",
        Ui::Scale => "km",
        Ui::Locator => "Where the map is, in North Africa",
        Ui::UnnamedForces => "Unnamed forces",
        Ui::ReportedBy => "Reported by",
        Ui::ListSeparator => ", ",
        Ui::Reports => "reports",
    }
}

fn arabic(key: Ui) -> &'static str {
    match key {
        Ui::Play => "▶ تشغيل",
        Ui::Pause => "❚❚ إيقاف",
        Ui::DateInStory => "التاريخ في القصة",
        Ui::WhatHappened => "ماذا حدث",
        Ui::PressPlay => "اضغط تشغيل أو اختر تاريخًا.",
        Ui::Background => "خلفية: قبل الفترة التي تعرضها الخريطة",
        Ui::HowTheMapKnows => "من أين تعرف الخريطة ذلك",
        Ui::DateBasis => "التاريخ",
        Ui::Confidence => "درجة الثقة",
        Ui::AlsoSays => "ويقول المقال أيضًا:",
        Ui::Legend => "مفتاح الخريطة",
        Ui::Events => "أحداث القصة",
        Ui::EventsHeading => "ما يورده المقال",
        Ui::EventsHeadingMany => "ما تورده التقارير",
        Ui::HeldBy => "تحت سيطرة",
        Ui::HolderNotStated => "لا يذكر المقال من يسيطر عليها",
        Ui::Claimed => "بحسب ادعاء",
        Ui::UnderAttack => "تحت الهجوم",
        Ui::OffensiveArrow => "هجوم، بلون الطرف المهاجم",
        Ui::Strikes => "غارات جوية وقصف",
        Ui::Boundary => "الحد التقليدي بين طرابلس وبرقة (تقريبي)",
        Ui::BoundaryLabel => "الحد التقليدي (تقريبي)",
        Ui::CeasefireInEffect => "وقف إطلاق النار ساري",
        Ui::CeasefireSince => "منذ",
        Ui::CeasefireAnnounced => "أُعلن وقف إطلاق النار",
        Ui::ToTakeEffect => "يسري",
        Ui::DataProblem => "تعذر تحميل جزء من هذه الخريطة:",
        Ui::MapDescription => "خريطة",
        Ui::QuotedNote => "مقتبس من المقال الإنجليزي.",
        Ui::OtherEvents => "أحداث أخرى في هذا التاريخ",
        Ui::KeyAndEvents => "المفتاح وكل الأحداث",
        Ui::Scale => "كم",
        Ui::Locator => "موقع الخريطة في شمال أفريقيا",
        Ui::UnnamedForces => "قوات لم تُسمَّ",
        Ui::ReportedBy => "بحسب",
        Ui::ListSeparator => "، ",
        Ui::Reports => "تقارير",
    }
}

#[cfg(test)]
#[cfg(feature = "native")]
mod tests {
    use super::*;
    use crate::data::events::parse_events;
    use crate::data::places::parse_places;

    #[test]
    fn labels_at_every_precision() {
        let en = Words::new(Lang::En);
        let l = |s: &str| en.date_label(s.parse().unwrap(), None);
        assert_eq!(l("2011"), "2011");
        assert_eq!(l("2019-04"), "April 2019");
        assert_eq!(l("2020-06-05"), "Friday 5 June 2020");
        assert_eq!(l("2020-06-08T16:00Z"), "Monday 8 June 2020, 16:00 GMT");
        assert_eq!(
            en.short_date_label("2020-06-05".parse().unwrap(), None),
            "5 June 2020"
        );
        assert_eq!(
            en.short_date_label("2020-06-08T16:00Z".parse().unwrap(), Some("18:00")),
            "8 June 2020, 18:00 (16:00 GMT)"
        );
    }

    #[test]
    fn arabic_dates_have_arabic_month_and_day_names() {
        let ar = Words::new(Lang::Ar);
        assert_eq!(
            ar.date_label("2020-06-05".parse().unwrap(), None),
            "الجمعة 5 يونيو 2020"
        );
        assert_eq!(
            ar.date_label("2020-06-08T16:00Z".parse().unwrap(), Some("18:00")),
            "الاثنين 8 يونيو 2020، 18:00 (16:00 بتوقيت غرينتش)"
        );
    }

    #[test]
    fn headlines_of_the_seed_events() {
        let places = parse_places(include_str!("../../../../assets/places.geojson")).unwrap();
        let x = parse_events(include_str!("../../../../assets/events.json")).unwrap();
        let en = Words::new(Lang::En);
        let all: Vec<String> = x.events.iter().map(|e| en.headline(e, &places)).collect();
        for want in [
            "GNA takes Tarhuna from LNA",
            "GNA takes Bani Walid from LNA",
            "LNA takes Sirte",
            "GNA offensive on Sirte (claimed)",
            "LNA offensive on Tripoli, from Tarhuna",
            "5 GNA air strikes on Sirte (claimed)",
            "Egypt announces a ceasefire",
            "Ceasefire takes effect",
            "Russia voices support",
        ] {
            assert!(all.iter().any(|h| h == want), "{want} not in {all:?}");
        }
        let ar = Words::new(Lang::Ar);
        let tarhuna = x
            .events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.as_str() == "tarhuna"))
            .unwrap();
        assert_eq!(
            ar.headline(tarhuna, &places),
            "حكومة الوفاق: السيطرة على ترهونة وانتزاعها من قوات حفتر"
        );
    }
}
