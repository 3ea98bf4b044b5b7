//! The `publish` command, as a desk that scripts runs it: a reviewed `events.json` and a built
//! site in, the embed's folder out; bad input gets a message and writes nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

const ASSETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets");

/// A built site in a fresh folder: a minified page with hashed names, as trunk leaves it.
fn built_site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmap-publish-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    let index = "<!doctype html><html lang=en><meta charset=utf-8><title>The seed's headline</title><link href=./style-1a.css rel=stylesheet><script data-newsmap-js=./app-2b.js data-newsmap-wasm=./app-3c_bg.wasm src=./start.js type=module></script><body><main class=newsmap>seed</main>";
    std::fs::write(dir.join("index.html"), index).unwrap();
    for file in ["style-1a.css", "app-2b.js", "app-3c_bg.wasm", "start.js"] {
        std::fs::write(dir.join(file), file).unwrap();
    }
    for file in ["places.geojson", "basemap.geojson", "gazetteer.geojson"] {
        std::fs::copy(Path::new(ASSETS).join(file), dir.join("assets").join(file)).unwrap();
    }
    dir
}

fn publish(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_publish"))
        .args(args)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

#[test]
fn a_reviewed_events_file_becomes_the_embeds_folder() {
    let dist = built_site("ok");
    let out = dist.join("embed");
    let events = format!("{ASSETS}/events.json");
    let (ok, said) = publish(&[
        &events,
        "--dist",
        dist.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--host",
        "https://graphics.example.com/libya/",
        "--headline-ar",
        "ليبيا",
    ]);
    assert!(ok, "{said}");
    assert!(said.contains("wrote 10 files"), "{said}");
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("<h1>The seed's headline</h1>"),
        "the built page's own headline"
    );
    assert!(page.contains("content=\"ليبيا\"") && page.contains("GNA takes Tarhuna"));
    assert_eq!(
        std::fs::read_to_string(out.join("app-3c_bg.wasm")).unwrap(),
        "app-3c_bg.wasm"
    );
    assert!(out.join("assets/snapshot.svg").exists() && out.join("embed.html").exists());
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn bad_input_is_refused_with_a_reason_and_writes_nothing() {
    let dist = built_site("bad");
    let out = dist.join("embed");
    let events = format!("{ASSETS}/events.json");
    let d = dist.to_str().unwrap();
    let o = out.to_str().unwrap();
    let (ok, said) = publish(&[&events, "--dist", d, "--out", o, "--host", "ftp://x"]);
    assert!(!ok && said.contains("is not a web address"), "{said}");
    let (ok, said) = publish(&[
        &events,
        "--dist",
        "/nowhere",
        "--out",
        o,
        "--host",
        "https://x.org/",
    ]);
    assert!(!ok && said.contains("build the site first"), "{said}");
    let (ok, said) = publish(&[
        "/nowhere/events.json",
        "--dist",
        d,
        "--out",
        o,
        "--host",
        "https://x.org/",
    ]);
    assert!(!ok && said.contains("/nowhere/events.json"), "{said}");
    let (ok, said) = publish(&[&events, "--out"]);
    assert!(!ok && said.contains("--out needs a value"), "{said}");
    assert!(!out.exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dist);
}

#[test]
fn a_story_of_many_reports_is_published_unchanged() {
    let dist = built_site("many");
    let out = dist.join("embed");
    let events = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../stories/tripoli-2019-2020/events.json"
    );
    let (ok, said) = publish(&[
        events,
        "--dist",
        dist.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--host",
        "https://graphics.example.com/tripoli/",
        "--headline",
        "The war for Tripoli, April 2019 to November 2020",
    ]);
    assert!(ok, "{said}");
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let (given, published) = (
        read(Path::new(events)),
        read(&out.join("assets/events.json")),
    );
    assert_eq!(published["articles"], given["articles"]);
    assert_eq!(
        published["events"].as_array().unwrap().len(),
        given["events"].as_array().unwrap().len()
    );
    for (p, g) in published["events"]
        .as_array()
        .unwrap()
        .iter()
        .zip(given["events"].as_array().unwrap())
    {
        assert_eq!(p["sources"], g["sources"], "{}", g["id"]);
    }
    let page = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        page.contains("data-testid=\"sources\""),
        "the caption cites its reports"
    );
    // Every town the reports name is on the published map.
    let places = std::fs::read_to_string(out.join("assets/places.geojson")).unwrap();
    for town in ["ain_zara", "qasr_bin_ghashir", "tajoura"] {
        assert!(places.contains(&format!("\"{town}\"")), "{town}");
    }
    let _ = std::fs::remove_dir_all(&dist);
}
