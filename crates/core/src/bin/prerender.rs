//! `prerender [REPO]`: writes the story's opening frame into `index.html` and the final
//! state into `assets/snapshot.svg`, from the data in `assets/`. Writes a file only when it
//! changes (trunk runs this before every build). `--check` changes nothing and fails when a
//! file is stale.

use newsmap_core::dataset::Dataset;
use newsmap_core::render::{prerender, snapshot};
use newsmap_core::story::reading::Story;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut check = false;
    let mut root = PathBuf::from(".");
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--check" => check = true,
            _ => root = PathBuf::from(arg),
        }
    }
    match run(&root, check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(root: &Path, check: bool) -> Result<(), String> {
    let (data, errors) = Dataset::read_assets(&root.join("assets"));
    if let Some(e) = errors.iter().find(|e| !e.is_warning()) {
        return Err(format!("the data does not load: {e}"));
    }
    let (Some(places), Some(timeline)) = (data.places, data.timeline) else {
        return Err("the data holds no story".to_owned());
    };
    let articles = data.extraction.map(|x| x.articles).unwrap_or_default();
    let story = Story::new(timeline, places).with_articles(articles);
    let index_path = root.join("index.html");
    let index = read(&index_path)?;
    let page = prerender::prerender(&index, &story, data.basemap.as_ref(), &data.fingerprint)
        .ok_or_else(|| {
            format!(
                "{} has no markers to write between: {} … {}",
                index_path.display(),
                prerender::START,
                prerender::END
            )
        })?;
    let css_path = root.join("assets/style.css");
    let css = prerender::stylesheet(&read(&css_path)?).ok_or_else(|| {
        format!(
            "{} has no markers to write between: {} … {}",
            css_path.display(),
            prerender::CSS_START,
            prerender::CSS_END
        )
    })?;
    let svg = snapshot::render(&story, data.basemap.as_ref(), &css)
        .ok_or("the story has nothing to draw")?;
    let files = [
        (css_path, css),
        (index_path, page),
        (root.join("assets/snapshot.svg"), svg),
    ];
    for (path, text) in files {
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        if old == text {
            continue;
        }
        if check {
            return Err(format!(
                "{} is stale: run `cargo run -p newsmap-core --bin prerender`",
                path.display()
            ));
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("prerender: wrote {}", path.display());
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
