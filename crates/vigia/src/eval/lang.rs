//! `vigia eval lang --tsv F`: accuracy per language of the language detector.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use vigia_classify::lang::LanguageDetector;

pub fn run(path: &Path) -> Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let det = LanguageDetector::new();
    let mut per: BTreeMap<String, (u32, u32, u32)> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (gold, t) = line
            .split_once('\t')
            .with_context(|| format!("line {}: expected `lang<TAB>text`", i + 1))?;
        let got = det.detect(t, None);
        let e = per.entry(gold.to_string()).or_default();
        e.0 += 1;
        if got.code.as_deref() == Some(gold) {
            e.1 += 1;
        }
        if !got.reliable {
            e.2 += 1;
        }
    }
    let (mut n, mut ok) = (0, 0);
    println!("lang  n     accuracy  unreliable");
    for (l, (total, correct, unrel)) in &per {
        println!(
            "{l:<5} {total:<5} {:<9.3} {unrel}",
            *correct as f64 / *total as f64
        );
        n += total;
        ok += correct;
    }
    println!("all   {n:<5} {:.3}", ok as f64 / n.max(1) as f64);
    Ok(())
}
