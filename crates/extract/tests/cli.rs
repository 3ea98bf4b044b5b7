//! The `extract` command as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap()
}

#[test]
fn prints_one_json_document() {
    let out = extract(&["assets/article.html"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.trim().lines().count(), 1, "compact JSON on one line");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["article_date"], "2020-06-06");
    assert!(v["events"].as_array().unwrap().len() >= 10);
}

#[test]
fn pretty_prints_the_same_document() {
    let compact: serde_json::Value =
        serde_json::from_slice(&extract(&["assets/article.html"]).stdout).unwrap();
    let out = extract(&["assets/article.html", "--pretty"]);
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 50);
    let pretty: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(compact, pretty);
}

#[test]
fn unreadable_input_is_one_line_naming_the_file_and_fails() {
    let out = extract(&["no/such/article.html"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no/such/article.html"), "{err}");
    assert!(out.stdout.is_empty());

    let dir = std::env::temp_dir().join(format!("newsmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("photo.jpg");
    std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).unwrap();
    let out = extract(&[binary.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("photo.jpg") && err.contains("not UTF-8"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1);
}

#[test]
fn usage_errors_exit_with_two() {
    assert_eq!(extract(&[]).status.code(), Some(2));
    assert_eq!(extract(&["a.html", "--bogus"]).status.code(), Some(2));
}

/// Writes a file into a temporary folder of this test run.
fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("newsmap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn a_page_without_a_date_warns_once_and_the_desk_can_give_it() {
    let page = temp_file(
        "undated.html",
        "<p>Government forces took control of Tarhuna on Friday.</p>",
    );
    let page = page.to_str().unwrap();
    let out = extract(&[page]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("warning") && err.contains("--date"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article_date"], serde_json::Value::Null);
    assert_eq!(v["events"][0]["date"], serde_json::Value::Null);
    assert_eq!(v["events"][0]["place"], "tarhuna");

    let out = extract(&[page, "--date", "2020-06-06"]);
    assert!(out.status.success() && out.stderr.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article_date"], "2020-06-06");
    assert_eq!(v["events"][0]["date"], "2020-06-05");

    let out = extract(&[page, "--date", "June 6"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date June 6"));
}

#[test]
fn a_desk_extends_the_gazetteer_and_the_lexicon_without_rebuilding() {
    let page = temp_file(
        "mizdah.html",
        "<p>Published <time datetime=\"2020-06-06\">6 June</time></p><p>GNA fighters grabbed Abu Arqub on Friday.</p>",
    );
    let page = page.to_str().unwrap();
    let before: serde_json::Value = serde_json::from_slice(&extract(&[page]).stdout).unwrap();
    assert_eq!(
        before["events"].as_array().unwrap().len(),
        0,
        "'grabbed' is not in the lexicon"
    );

    let lexicon = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/lexicon.toml"
    ))
    .unwrap()
        + "\n[[verb]]\nkind = \"capture\"\nframe = \"takes\"\nlemmas = [\"grab\"]\n";
    let lexicon = temp_file("lexicon.toml", &lexicon);
    let out = extract(&[page, "--lexicon", lexicon.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"][0]["kind"], "capture");
    assert_eq!(v["events"][0]["place"], serde_json::Value::Null);
    assert_eq!(
        v["events"][0]["place_name"], "Abu Arqub",
        "an unknown place is named"
    );

    let gazetteer = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/gazetteer.geojson")).unwrap().replacen(
        "\"features\": [",
        "\"features\": [{\"type\": \"Feature\", \"properties\": {\"id\": \"abu_arqub\", \"name\": \"Abu Arqub\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [13.3, 32.2]}},",
        1,
    );
    let gazetteer = temp_file("gazetteer.geojson", &gazetteer);
    let out = extract(&[
        page,
        "--lexicon",
        lexicon.to_str().unwrap(),
        "--gazetteer",
        gazetteer.to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["events"][0]["place"], "abu_arqub");

    let shipped = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../assets/lexicon.toml"
    ))
    .unwrap();
    let broken = temp_file(
        "broken.toml",
        &format!("{shipped}\n[[verb]]\nkind = \"grab\"\nframe = \"takes\"\nlemmas = [\"x\"]\n"),
    );
    let out = extract(&[page, "--lexicon", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("lexicon.toml: verb ") && err.contains("(x): kind \"grab\""),
        "{err}"
    );
}

const JANZOUR: &str = "tests/real/dev/ocha-2019-10-08-hc-el-hillo-condemns-attacks-janzour.html";
const FIELD_HOSPITAL: &str =
    "tests/real/dev/ocha-2019-10-09-story-hc-condemns-attacks-field-hospital.html";
const QASR: &str = "tests/real/dev/echo-2019-10-08-airstrike-field-hospital-qasr-ben-gashir.html";

#[test]
fn several_reports_are_one_story_with_every_source() {
    let out = extract(&[
        "--outlet",
        "UN OCHA",
        JANZOUR,
        FIELD_HOSPITAL,
        "--outlet",
        "ECHO",
        "--url",
        "https://erccportal.jrc.ec.europa.eu/",
        QASR,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let articles = v["articles"].as_array().unwrap();
    let outlets: Vec<&str> = articles
        .iter()
        .map(|a| a["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(
        outlets,
        [
            "UN OCHA",
            "ocha-2019-10-09-story-hc-condemns-attacks-field-hospital",
            "ECHO"
        ],
        "the desk's name, else the file's"
    );
    assert_eq!(articles[2]["url"], "https://erccportal.jrc.ec.europa.eu/");
    let events = v["events"].as_array().unwrap();
    let qasr: Vec<_> = events
        .iter()
        .filter(|e| e["place"] == "qasr_bin_ghashir" && e["kind"] == "airstrike")
        .collect();
    assert_eq!(qasr.len(), 1, "told twice, one event: {qasr:?}");
    let sources: Vec<&str> = qasr[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["article"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["a2", "a3"]);
    // Each source keeps its own sentence, a quote of its own article.
    let qasr_text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(QASR),
    )
    .unwrap();
    let quote = qasr[0]["sources"][1]["quote"].as_str().unwrap();
    assert!(qasr_text.contains(&quote[..quote.len().min(30)]), "{quote}");

    let one: serde_json::Value = serde_json::from_slice(&extract(&[QASR]).stdout).unwrap();
    assert!(one.get("articles").is_none(), "one article, today's file");
    assert_eq!(
        extract(&[QASR, "--outlet", "ECHO"]).status.code(),
        Some(2),
        "a name with no article after it"
    );
}
