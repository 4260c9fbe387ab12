//! Self-disclosure false alarms on posts that are not PHI sets: the aspects dev and test sets,
//! the misinformation negatives, the Catalan healthcare text and the first 800 CONSTRAINT
//! validation tweets (1,231 posts when the CONSTRAINT file is present). Health talk, hospital
//! reviews and news, with almost no disclosures: each flagged post is a candidate false alarm.
//!
//! Ignored by default (the CONSTRAINT file lives outside the repository, in
//! `$VIGIA_CONSTRAINT_VAL` or `/work/shared/data/constraint/val.csv`):
//!
//! ```text
//! cargo test -p vigia-classify --test phi_false_alarms -- --ignored --nocapture
//! ```
//!
//! It prints the number of posts flagged per source and their line numbers, never their text.

use serde_json::Value;
use std::path::PathBuf;
use vigia_classify::phi::PhiDetector;

fn data(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data")
        .join(rel)
}

/// The `tweet` column of a CONSTRAINT CSV (`id,tweet,label`, fields quoted when needed).
fn constraint_tweets(csv: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let (mut field, mut fields) = (String::new(), Vec::new());
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            '\n' if !quoted => {
                fields.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut fields));
            }
            '\r' if !quoted => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        rows.push(fields);
    }
    rows.into_iter()
        .skip(1)
        .filter_map(|r| r.get(1).cloned())
        .collect()
}

#[test]
#[ignore = "reads a file outside the repository; run by hand to measure false alarms"]
fn disclosure_false_alarms_on_non_phi_posts() {
    let mut sources: Vec<(&str, Vec<String>)> = Vec::new();
    for set in ["aspects/dev.jsonl", "aspects/test.jsonl"] {
        let text = std::fs::read_to_string(data(set)).expect("aspects set");
        let posts = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("json row");
                v["text"].as_str().expect("text").to_string()
            })
            .collect();
        sources.push((set, posts));
    }
    let neg = std::fs::read_to_string(data("misinfo/negatives.tsv")).expect("negatives");
    sources.push((
        "misinfo/negatives.tsv",
        neg.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
            .collect(),
    ));
    let cat = std::fs::read_to_string(data("catalan/healthcare_text.txt")).expect("catalan text");
    sources.push((
        "catalan/healthcare_text.txt",
        cat.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
    ));
    let val = std::env::var("VIGIA_CONSTRAINT_VAL")
        .unwrap_or_else(|_| "/work/shared/data/constraint/val.csv".into());
    match std::fs::read_to_string(&val) {
        Ok(csv) => sources.push((
            "constraint/val.csv (first 800)",
            constraint_tweets(&csv).into_iter().take(800).collect(),
        )),
        Err(_) => println!("no CONSTRAINT file at {val}: measuring without it"),
    }
    let det = PhiDetector::new();
    let (mut total, mut flagged) = (0, 0);
    for (name, posts) in &sources {
        let hits: Vec<usize> = posts
            .iter()
            .enumerate()
            .filter(|(_, p)| det.detect_and_redact(p, None).0.self_disclosure)
            .map(|(i, _)| i + 1)
            .collect();
        println!(
            "{name}: {} of {} posts flagged (posts no. {hits:?})",
            hits.len(),
            posts.len()
        );
        total += posts.len();
        flagged += hits.len();
    }
    println!("self-disclosure flagged on {flagged} of {total} non-PHI posts");
}
