//! `vigia eval lang --tsv F [--sweep]`: accuracy per language of the language detector.
//!
//! Gold `und` marks texts too short or language-neutral to tell: the right answer for them is no
//! code. Accuracy counts a withheld code as wrong for every other language, so it rewards both
//! being right and daring to answer; `withheld` and `precision` (right among answered) show the
//! trade-off. `--sweep` re-runs the reliability decision over a grid of thresholds and prints the
//! best settings by overall accuracy.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use vigia_classify::lang::{decide, LangConfig, LanguageDetector, RawGuess};

fn load(path: &Path) -> Result<Vec<(String, String)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (gold, t) = line
            .split_once('\t')
            .with_context(|| format!("line {}: expected `lang<TAB>text`", i + 1))?;
        rows.push((gold.to_string(), t.to_string()));
    }
    Ok(rows)
}

#[derive(Default)]
struct Tally {
    n: u32,
    correct: u32,
    answered: u32,
    answered_right: u32,
    unreliable: u32,
}

fn score(
    rows: &[(String, String)],
    raws: &[RawGuess],
    cfg: &LangConfig,
) -> BTreeMap<String, Tally> {
    let mut per: BTreeMap<String, Tally> = BTreeMap::new();
    for ((gold, _), raw) in rows.iter().zip(raws) {
        let got = decide(raw, None, cfg);
        let e = per.entry(gold.clone()).or_default();
        e.n += 1;
        let right = match gold.as_str() {
            "und" => got.code.is_none(),
            g => got.code.as_deref() == Some(g),
        };
        e.correct += right as u32;
        if got.code.is_some() {
            e.answered += 1;
            e.answered_right += right as u32;
        }
        e.unreliable += !got.reliable as u32;
    }
    per
}

fn overall(per: &BTreeMap<String, Tally>) -> f64 {
    let n: u32 = per.values().map(|t| t.n).sum();
    per.values().map(|t| t.correct).sum::<u32>() as f64 / n.max(1) as f64
}

pub fn run(path: &Path, sweep: bool, show_errors: bool) -> Result<()> {
    let rows = load(path)?;
    let det = LanguageDetector::new();
    let raws: Vec<RawGuess> = rows.iter().map(|(_, t)| det.raw(t)).collect();
    if sweep {
        let mut results: Vec<(f64, f64, LangConfig)> = Vec::new();
        for min_letters in [0usize, 4, 6, 8, 10, 12, 15, 20] {
            for min_confidence in [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
                for min_margin in [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4] {
                    let cfg = LangConfig {
                        min_letters,
                        min_confidence,
                        min_margin,
                    };
                    let per = score(&rows, &raws, &cfg);
                    let (a, r) = per
                        .values()
                        .fold((0, 0), |(a, r), t| (a + t.answered, r + t.answered_right));
                    results.push((overall(&per), r as f64 / a.max(1) as f64, cfg));
                }
            }
        }
        results.sort_by(|a, b| b.0.total_cmp(&a.0));
        println!("accuracy  precision  min_letters  min_confidence  min_margin");
        for (acc, prec, c) in results.iter().take(25) {
            println!(
                "{acc:<9.3} {prec:<10.3} {:<12} {:<15} {}",
                c.min_letters, c.min_confidence, c.min_margin
            );
        }
        println!("current default: {:?}", det.config());
        return Ok(());
    }
    let per = score(&rows, &raws, &det.config());
    if show_errors {
        for ((gold, text), raw) in rows.iter().zip(&raws) {
            let got = decide(raw, None, &det.config());
            let right = match gold.as_str() {
                "und" => got.code.is_none(),
                g => got.code.as_deref() == Some(g),
            };
            if !right {
                println!(
                    "gold {gold} got {:<4} conf {:.2} runner-up {:.2} letters {:<3} {text}",
                    got.code.as_deref().unwrap_or("-"),
                    got.confidence,
                    raw.runner_up,
                    raw.letters
                );
            }
        }
    }
    println!("lang  n     accuracy  precision  withheld");
    for (l, t) in &per {
        println!(
            "{l:<5} {:<5} {:<9.3} {:<10} {}",
            t.n,
            t.correct as f64 / t.n.max(1) as f64,
            if t.answered == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", t.answered_right as f64 / t.answered as f64)
            },
            t.n - t.answered,
        )
    }
    let n: u32 = per.values().map(|t| t.n).sum();
    let answered: u32 = per.values().map(|t| t.answered).sum();
    let answered_right: u32 = per.values().map(|t| t.answered_right).sum();
    println!(
        "all   {n:<5} {:<9.3} {:<10.3} {}",
        overall(&per),
        answered_right as f64 / answered.max(1) as f64,
        n - answered
    );
    Ok(())
}
