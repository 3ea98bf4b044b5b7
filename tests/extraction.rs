#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The extractor against hand annotations: precision and recall per article, the seed
//! article's required events, the contract of `assets/events.json`, and a metamorphic check
//! that moving the article in time moves every relative date with it.

use newsmap::extract::{document, extract};
use newsmap::model::{Event, Extraction};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Below these, per article, the test fails.
const FLOOR_PRECISION: f64 = 0.8;
const FLOOR_RECALL: f64 = 0.8;

#[derive(Deserialize)]
struct Gold {
    article: String,
    article_date: String,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize, Debug, Clone, PartialEq)]
struct GoldEvent {
    kind: String,
    date: String,
    actor: Option<String>,
    place: Option<String>,
    from: Option<String>,
    origin: Option<String>,
    count: Option<u32>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn golds() -> Vec<(String, Gold)> {
    let dir = root().join("tests/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".gold.json", "");
            (name, serde_json::from_str(&read(&p)).unwrap())
        })
        .collect()
}

/// The strict key: kind, date, actor and place all equal.
fn key(kind: &str, date: &str, actor: Option<&str>, place: Option<&str>) -> String {
    format!(
        "{kind}|{date}|{}|{}",
        actor.unwrap_or("-"),
        place.unwrap_or("-")
    )
}

fn event_key(e: &Event) -> String {
    key(
        e.kind.id(),
        &e.date.to_string(),
        e.actor.map(|a| a.id()),
        e.place.as_ref().map(|p| p.as_str()),
    )
}

fn gold_key(g: &GoldEvent) -> String {
    key(&g.kind, &g.date, g.actor.as_deref(), g.place.as_deref())
}

struct Score {
    precision: f64,
    recall: f64,
    slots_right: usize,
    slots_total: usize,
    missed: Vec<String>,
    spurious: Vec<String>,
}

fn score(gold: &Gold, out: &Extraction) -> Score {
    let found: Vec<String> = out.events.iter().map(event_key).collect();
    let wanted: Vec<String> = gold.events.iter().map(gold_key).collect();
    let tp = found.iter().filter(|k| wanted.contains(k)).count();
    let mut slots_right = 0;
    let mut slots_total = 0;
    for g in &gold.events {
        if let Some(e) = out.events.iter().find(|e| event_key(e) == gold_key(g)) {
            let pairs = [
                (g.from.clone(), e.from.map(|a| a.id().to_owned())),
                (
                    g.origin.clone(),
                    e.origin.as_ref().map(|p| p.as_str().to_owned()),
                ),
                (
                    g.count.map(|c| c.to_string()),
                    e.count.map(|c| c.to_string()),
                ),
            ];
            for (want, got) in pairs {
                if want.is_some() || got.is_some() {
                    slots_total += 1;
                    slots_right += usize::from(want == got);
                }
            }
        }
    }
    Score {
        precision: if found.is_empty() {
            1.0
        } else {
            tp as f64 / found.len() as f64
        },
        recall: if wanted.is_empty() {
            1.0
        } else {
            tp as f64 / wanted.len() as f64
        },
        slots_right,
        slots_total,
        missed: wanted
            .iter()
            .filter(|k| !found.contains(k))
            .cloned()
            .collect(),
        spurious: found
            .iter()
            .filter(|k| !wanted.contains(k))
            .cloned()
            .collect(),
    }
}

#[test]
fn precision_and_recall_per_article_meet_the_floor() {
    let golds = golds();
    assert!(
        golds.len() >= 4,
        "the seed and at least three more annotated articles"
    );
    println!(
        "\n{:<28} {:>10} {:>6} {:>9} {:>7} {:>6}",
        "article", "date", "P", "R", "F1", "slots"
    );
    let mut failures = Vec::new();
    let (mut tp_all, mut found_all, mut wanted_all) = (0.0, 0.0, 0.0);
    for (name, gold) in &golds {
        let out = extract(&read(&root().join(&gold.article)));
        let s = score(gold, &out);
        let f1 = if s.precision + s.recall > 0.0 {
            2.0 * s.precision * s.recall / (s.precision + s.recall)
        } else {
            0.0
        };
        let date = out.article_date.map(|d| d.to_string()).unwrap_or_default();
        let date_ok = date == gold.article_date;
        println!(
            "{name:<28} {:>10} {:>6.2} {:>9.2} {:>7.2} {:>3}/{:<2}",
            if date_ok {
                "ok".to_owned()
            } else {
                format!("{date}!")
            },
            s.precision,
            s.recall,
            f1,
            s.slots_right,
            s.slots_total
        );
        for m in &s.missed {
            println!("    missed   {m}");
        }
        for m in &s.spurious {
            println!("    spurious {m}");
        }
        found_all += out.events.len() as f64;
        wanted_all += gold.events.len() as f64;
        tp_all += s.precision * out.events.len() as f64;
        if !date_ok {
            failures.push(format!(
                "{name}: article date {date}, want {}",
                gold.article_date
            ));
        }
        if s.precision < FLOOR_PRECISION || s.recall < FLOOR_RECALL {
            failures.push(format!(
                "{name}: P {:.2} R {:.2} below the floor",
                s.precision, s.recall
            ));
        }
    }
    println!(
        "{:<28} {:>10} {:>6.2} {:>9.2}   (micro-averaged; floor P {FLOOR_PRECISION} R {FLOOR_RECALL} per article)",
        "all",
        "",
        tp_all / found_all,
        tp_all / wanted_all
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

fn seed() -> Extraction {
    extract(&read(&root().join("assets/article.html")))
}

fn find<'a>(out: &'a Extraction, kind: &str, place: Option<&str>) -> &'a Event {
    out.events
        .iter()
        .find(|e| e.kind.id() == kind && e.place.as_ref().map(|p| p.as_str()) == place)
        .unwrap_or_else(|| panic!("no {kind} at {place:?}"))
}

#[test]
fn the_seed_article_gives_the_events_the_map_needs() {
    let out = seed();
    assert_eq!(out.article_date.unwrap().to_string(), "2020-06-06");
    assert_eq!(
        out.article_date_basis,
        "weekday 'Saturday' resolved against 'Monday, June 8, 2020'"
    );

    let tarhuna = find(&out, "capture", Some("tarhuna"));
    assert_eq!(
        (
            tarhuna.date.to_string().as_str(),
            tarhuna.actor.unwrap().id(),
            tarhuna.from.unwrap().id()
        ),
        ("2020-06-05", "gna", "lna")
    );
    assert!(tarhuna.quote.starts_with(
        "The latest development comes a day after the GNA seized the city of Tarhuna"
    ));

    let bani = find(&out, "capture", Some("bani_walid"));
    assert_eq!(
        (bani.date.to_string().as_str(), bani.from.unwrap().id()),
        ("2020-06-06", "lna")
    );

    let sirte = find(&out, "capture", Some("sirte"));
    assert_eq!(
        (sirte.date.to_string().as_str(), sirte.actor.unwrap().id()),
        ("2020-01", "lna")
    );

    let push = find(&out, "offensive", Some("sirte"));
    assert_eq!(
        (push.date.to_string().as_str(), push.actor.unwrap().id()),
        ("2020-06-06", "gna")
    );

    let strikes = find(&out, "airstrike", Some("sirte"));
    assert_eq!(
        (strikes.count, strikes.date.to_string().as_str()),
        (Some(5), "2020-06-06")
    );

    let tripoli = find(&out, "offensive", Some("tripoli"));
    assert_eq!(tripoli.date.to_string(), "2019-04");
    assert_eq!(tripoli.origin.as_ref().unwrap().as_str(), "tarhuna");
    assert!(
        tripoli
            .also
            .iter()
            .any(|q| q.quote.contains("main launchpad against Tripoli"))
    );

    let effective = find(&out, "ceasefire_effective", None);
    assert_eq!(effective.date.to_string(), "2020-06-08T16:00Z");
    assert_eq!(effective.local_time.as_deref(), Some("18:00"));

    let announced = find(&out, "ceasefire_announced", None);
    assert_eq!(
        (
            announced.date.to_string().as_str(),
            announced.actor.unwrap().id()
        ),
        ("2020-06-06", "egypt")
    );

    let russia = out
        .events
        .iter()
        .find(|e| e.kind.id() == "statement" && e.actor.map(|a| a.id()) == Some("russia"))
        .unwrap();
    assert_eq!(russia.date.to_string(), "2020-06-06");
    assert_eq!(find(&out, "uprising", None).date.to_string(), "2011");
}

#[test]
fn quotes_are_the_decoded_sentences_their_spans_name() {
    for (_, gold) in golds() {
        let html = read(&root().join(&gold.article));
        let doc = document::parse(&html);
        let out = extract(&html);
        for (i, e) in out.events.iter().enumerate() {
            assert_eq!(e.id, format!("e{}", i + 1));
            assert_eq!(doc.slice(e.span[0], e.span[1]), e.quote, "{}", e.id);
            assert!(
                !e.quote.contains('<') && !e.quote.contains("&#"),
                "{}: {}",
                e.id,
                e.quote
            );
            assert!((0.0..=1.0).contains(&e.confidence));
            assert_eq!(e.precision, e.date.precision());
            for q in &e.also {
                assert_eq!(doc.slice(q.span[0], q.span[1]), q.quote);
            }
        }
        assert!(
            out.events.windows(2).all(|w| w[0].span[0] <= w[1].span[0]),
            "events in text order"
        );
    }
}

#[test]
fn moving_the_article_a_week_later_moves_every_day_a_week_later() {
    let html = read(&root().join("assets/article.html"));
    // Take away the guid and the dated link, and put the ceasefire a week later.
    let shifted = html
        .replace("200606095959993", "")
        .replace("/news/2020/06/", "/news/")
        .replace("Monday, June 8, 2020", "Monday, June 15, 2020");
    let before = extract(&html);
    let after = extract(&shifted);
    assert_eq!(after.article_date.unwrap().to_string(), "2020-06-13");
    assert_eq!(before.events.len(), after.events.len());
    for (a, b) in before.events.iter().zip(&after.events) {
        assert_eq!((a.kind, a.actor, &a.place), (b.kind, b.actor, &b.place));
        match (a.date, b.date) {
            (newsmap::date::When::Day(x), newsmap::date::When::Day(y)) => {
                assert_eq!(y.days_since_epoch() - x.days_since_epoch(), 7, "{}", a.id)
            }
            (newsmap::date::When::Minute(x, m), newsmap::date::When::Minute(y, n)) => {
                assert_eq!(
                    (y.days_since_epoch() - x.days_since_epoch(), m),
                    (7, n),
                    "{}",
                    a.id
                )
            }
            // Months and years move only when the week crosses them.
            (x, y) => assert_eq!(x, y, "{}", a.id),
        }
    }
}

#[test]
fn events_json_is_the_extractor_output_for_the_article() {
    let shipped = newsmap::events::parse_events(&read(&root().join("assets/events.json")))
        .expect("assets/events.json parses as the extractor's output");
    assert_eq!(
        shipped,
        seed(),
        "assets/events.json is stale: run `cargo run --release --bin extract -- assets/article.html --pretty > assets/events.json`"
    );
}
