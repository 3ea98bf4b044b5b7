//! Bad input never makes the extractor panic: a property test over generated HTML soup, and
//! the named hostile cases (empty, plain text, binary, deep nesting, 10 MB).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use newsmap_core::model::Extraction;
use newsmap_extract::{document, extract};

/// xorshift64*: a small deterministic generator, so a failure names a reproducible seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<figure>",
    "</figure>",
    "<h2>",
    "</h2>",
    "<a href=\"/news/2020/06/x-200606095959993.html\">",
    "</a>",
    "<span style=\"display:none\">",
    "</span>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<br>",
    "<p hidden>",
    "<time datetime=\"2020-13-45\">",
    "<time datetime=\"2020-06-06\">",
    "<meta property=\"article:published_time\" content=\"x\">",
    "&#x2019;",
    "&amp;",
    "&#xZZ;",
    "&#9999999;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "\"",
    "“",
    "”",
    "’s",
    ".",
    ",",
    ";",
    " ",
    " ",
    "\n",
    "The GNA seized",
    "Haftar’s forces",
    "recaptured",
    "the strategic town of",
    "Bani Walid",
    "Sirte",
    "Tarhuna",
    "Tripoli",
    "from the LNA",
    "on Saturday",
    "on Friday",
    "earlier on Monday",
    "in January",
    "in 2011",
    "last year",
    "a day after",
    "a day earlier",
    "14-month offensive",
    "to seize",
    "launched an offensive",
    "five strikes in the outskirts of",
    "air force",
    "ceasefire",
    "from 6pm [16:00 GMT] Monday, June 8, 2020",
    "February 30, 2020",
    "June 0",
    "31st",
    "99999999999999999999",
    "0000 GMT",
    "25:99 GMT",
    "was taken by",
    "fell to",
    "lost",
    "to",
    "the city",
    "the base",
    "Egypt’s president announced",
    "Russia announced its support for",
    "uprising",
    "withdrew from",
    "Gen.",
    "U.N.",
    "ليبيا",
    "🚀",
    "\u{200b}",
    "\u{feff}",
    "Tarhunah",
    "Bani Waleed",
    "Sirt",
    "the capital’s",
    "its",
    "they",
    "He",
];

fn soup(rng: &mut Rng) -> String {
    let n = 1 + rng.below(120);
    (0..n).map(|_| rng.pick(PIECES)).collect()
}

/// The output's own promises: ids in order, spans that index the decoded text and match
/// their quotes, valid dates.
fn check(html: &str, out: &Extraction) {
    let doc = document::parse(html);
    let len = doc.text.chars().count();
    for (i, e) in out.events.iter().enumerate() {
        assert_eq!(e.id.as_str(), format!("e{}", i + 1));
        assert!(
            e.span[0] <= e.span[1] && e.span[1] <= len,
            "span {:?} of {len}",
            e.span
        );
        assert_eq!(doc.slice(e.span[0], e.span[1]), e.quote);
        assert!(e.confidence.is_finite() && (0.0..=1.0).contains(&e.confidence));
        if let Some(date) = e.date {
            let round_trip: newsmap_core::model::date::When = date.to_string().parse().unwrap();
            assert_eq!(round_trip, date);
            assert!((1900..=2100).contains(&date.first_day().year), "{date}");
        } else {
            assert!(!e.date_basis.is_empty(), "an undated event says why");
        }
        assert_eq!(e.precision(), e.date.map(|d| d.precision()));
    }
    // The output serialises and the map's reader reads it back.
    let json = serde_json::to_string(out).unwrap();
    let back = newsmap_core::data::events::parse_events(&json).unwrap();
    assert_eq!(&back, out);
}

#[test]
fn generated_html_soup_never_panics_and_keeps_the_contract() {
    for seed in 1..=3000u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let html = soup(&mut rng);
        let out = std::panic::catch_unwind(|| extract(&html))
            .unwrap_or_else(|_| panic!("panicked on seed {seed}: {html:?}"));
        check(&html, &out);
    }
}

/// Pieces of real news pages: bylines and datelines with clock times, ranges, ordinals, time
/// zones, non-breaking spaces, Arabic-Indic digits, impossible dates.
const BYLINES: &[&str] = &[
    "Updated June 5, 2020 01:03 AM",
    "Updated <time>Jun 6, 2020 at 6:30 pm</time>",
    "Published 5 June 2020 | 0130 GMT",
    "TRIPOLI, June 5 (Reuters) -",
    "By Staff | 2020-10-29 23:06",
    "Last updated: 06/06/2020 18:00 local time",
    "June 5-6, 2020",
    "5th June 2020, 6 a.m.",
    "\u{a0}Saturday,\u{a0}June\u{a0}6,\u{a0}2020",
    "٦ يونيو ٢٠٢٠",
    "February 30, 2020 25:99 GMT",
    "2020-13-45",
    "Monday, 31 June 2020",
    "June 99999999999, 2020",
    "99999999999 years ago",
    "at 1600 GMT (6pm local time)",
    "",
];
const ACTORS: &[&str] = &[
    "The GNA",
    "Government forces",
    "Forces loyal to the UN-recognised government",
    "Haftar’s forces",
    "The LNA",
    "Turkish drones",
    "They",
    "Pro-Haftar fighters",
    "Unknown gunmen",
];
const VERBS: &[&str] = &[
    "seized",
    "took control of",
    "recaptured",
    "entered",
    "withdrew from",
    "pulled back from",
    "advanced on",
    "shelled",
    "bombed",
    "launched an offensive on",
    "vowed to retake",
    "said they had taken",
    "drove the LNA out of",
];
const PLACES: &[&str] = &[
    "Tarhuna",
    "the strategic town of Bani Walid",
    "Sirte, Haftar’s last stronghold,",
    "Mitiga airport",
    "al-Watiya air base",
    "Ain Zara",
    "Tarhouna, Bani Walid and Mizdah",
    "the town",
    "Tripoli’s international airport",
];
const WHEN: &[&str] = &[
    "on Friday",
    "on June 5",
    "on the 5th of June",
    "late on Saturday",
    "overnight",
    "at 6pm (1600 GMT) on Monday, June 8, 2020",
    "in January",
    "a day earlier",
    "since April 2019",
    "on June 5-6",
    "in recent weeks",
    "",
];
const TAILS: &[&str] = &[
    ".",
    ", a spokesman said.",
    ", the LNA said in a statement.",
    "; the claim could not be independently verified.",
    ", according to residents.",
    ", which the GNA captured a day earlier.",
    " after heavy fighting, killing 12 people and wounding 30 others in the southern suburbs of the capital, where clashes have raged for months between rival militias loyal to different commanders.",
];

fn realistic(rng: &mut Rng) -> String {
    let mut html = format!("<article><p class=\"byline\">{}</p>", rng.pick(BYLINES));
    for _ in 0..1 + rng.below(6) {
        let open = [
            "<p>",
            "<div><p><span>",
            "<p><a href=\"/news/2020/6/6/x\">",
            "<figure><figcaption>",
        ];
        let close = [
            "</p>",
            "</span></p></div>",
            "</a></p>",
            "</figcaption></figure>",
        ];
        let k = rng.below(open.len());
        html.push_str(&format!(
            "{}{} {} {} {}{}{}",
            open[k],
            rng.pick(ACTORS),
            rng.pick(VERBS),
            rng.pick(PLACES),
            rng.pick(WHEN),
            rng.pick(TAILS),
            close[k]
        ));
    }
    html.push_str("</article>");
    html
}

#[test]
fn realistic_news_fragments_never_panic_and_keep_the_contract() {
    let mut with_events = 0;
    let cases: u64 = 3000;
    for seed in 1..=cases {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let html = realistic(&mut rng);
        let out = std::panic::catch_unwind(|| extract(&html))
            .unwrap_or_else(|_| panic!("panicked on seed {seed}: {html:?}"));
        check(&html, &out);
        with_events += usize::from(!out.events.is_empty());
    }
    // The contract checks above ran on real events, not on empty lists.
    assert!(
        with_events * 10 >= cases as usize * 7,
        "only {with_events} of {cases} generated articles gave events"
    );
}

#[test]
fn every_fragment_alone_reads_without_panic() {
    for piece in BYLINES.iter().chain(WHEN).chain(TAILS).chain(PLACES) {
        for html in [
            piece.to_string(),
            format!("<p>{piece}</p>"),
            format!("<p>The GNA seized Sirte {piece}</p>"),
        ] {
            let out = std::panic::catch_unwind(|| extract(&html))
                .unwrap_or_else(|_| panic!("panicked on {html:?}"));
            check(&html, &out);
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..300 {
        let bytes: Vec<u8> = (0..rng.below(4000)).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let out = extract(&text);
        check(&text, &out);
    }
}

#[test]
fn named_hostile_inputs_give_an_empty_list_or_events() {
    assert!(extract("").events.is_empty());
    assert!(
        extract("Just a line of plain text about nothing.")
            .events
            .is_empty()
    );
    let binary = String::from_utf8_lossy(&[0u8, 159, 146, 150, 255, 0, 1, 2, 3]).into_owned();
    assert!(extract(&binary).events.is_empty());

    let deep = format!(
        "{}<p>The GNA seized Sirte on Friday.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    check(&deep, &extract(&deep));

    let unclosed = "<p>The GNA seized Sirte on Friday.".repeat(5_000);
    check(&unclosed, &extract(&unclosed));

    // One sentence of 10 MB with no full stop: too long to be prose, read for nothing.
    let wall = "Sirte Tripoli GNA LNA seized on Friday ".repeat(260_000);
    assert!(extract(&wall).events.is_empty());
}

#[test]
fn a_ten_megabyte_article_is_read_in_full() {
    let seed = include_str!("../../../assets/article.html");
    let mut big = String::new();
    while big.len() < 10 << 20 {
        big.push_str(seed);
    }
    let out = extract(&big);
    // Repetitions of one article are one article's events, each seen many times.
    let single = extract(seed);
    assert_eq!(out.events.len(), single.events.len());
    assert!(out.events.iter().all(|e| e.also.len() <= 6));
}
