//! The `extract` command as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_extract"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
