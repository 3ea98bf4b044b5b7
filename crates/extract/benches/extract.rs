//! Extraction speed: the seed article, and articles of 1 MB and 2 MB made of its paragraphs
//! (to show the time grows linearly). Prints figures; asserts nothing.
//!
//! Run with `cargo bench --bench extract`.

use newsmap_extract::extract;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, html: &str) -> (Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut events = 0;
    for _ in 0..runs {
        let start = Instant::now();
        events = black_box(extract(black_box(html))).events.len();
        times.push(start.elapsed());
    }
    (median(times), events)
}

/// An article of about `bytes` bytes: the seed's paragraphs over and over.
fn big(seed: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + seed.len());
    while out.len() < bytes {
        out.push_str(seed);
    }
    out
}

fn main() {
    let seed = include_str!("../../../assets/article.html");
    // Warm up.
    let _ = extract(seed);
    let (t, n) = time(200, seed);
    println!(
        "seed article ({} bytes): {:.3} ms median of 200 runs, {n} events (goal < 5 ms)",
        seed.len(),
        t.as_secs_f64() * 1e3
    );
    let mut per_mb = Vec::new();
    for mb in [1usize, 2] {
        let html = big(seed, mb << 20);
        let (t, n) = time(5, &html);
        per_mb.push(t.as_secs_f64() / mb as f64);
        println!(
            "{mb} MB article ({} bytes): {:.0} ms median of 5 runs, {n} events (goal < 1 s per MB)",
            html.len(),
            t.as_secs_f64() * 1e3
        );
    }
    println!(
        "time per MB, 2 MB vs 1 MB: {:.2}× (1.00× is linear)",
        per_mb[1] / per_mb[0]
    );
}
