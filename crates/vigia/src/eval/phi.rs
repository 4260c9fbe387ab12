//! `vigia eval phi --data F`: span-level precision and recall of the PHI detector per identifier
//! type, plus post-level self-disclosure, over a labelled JSONL set (`tests/data/phi/*.jsonl`,
//! one `{"id", "lang", "text", "spans": [{"start", "end", "type"}], "self_disclosure",
//! "condition_category"}` per line; offsets in Unicode scalar values, end exclusive).
//!
//! Matching rule: a predicted span is a true positive when a gold span of the same type overlaps
//! it with character Jaccard (intersection over union) of at least 0.5, each gold span matching
//! at most one prediction (best overlap first). Unmatched predictions are false positives,
//! unmatched gold spans false negatives. Exact-boundary matches are reported alongside, and so
//! is type-blind coverage: the share of gold identifier characters that end up redacted.

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use vigia_classify::phi::PhiDetector;
use vigia_classify::tiers::Tier;
use vigia_classify::{Classifier, ClassifyConfig};

#[derive(Deserialize)]
struct Row {
    id: String,
    #[serde(default)]
    lang: Option<String>,
    text: String,
    spans: Vec<GoldSpan>,
    #[serde(default)]
    self_disclosure: bool,
    #[serde(default)]
    condition_category: Option<String>,
}

#[derive(Deserialize, Clone)]
struct GoldSpan {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: u32,
    pred: u32,
    tp: u32,
    exact: u32,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.tp += o.tp;
        self.exact += o.exact;
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.pred)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn jaccard(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

pub struct Args {
    pub data: Vec<PathBuf>,
    pub show_errors: bool,
    /// Run the transformer tier (rules plus the learned span tagger and disclosure head), as
    /// `vigia enrich` does.
    pub encoder: bool,
}

pub fn run(args: Args) -> Result<()> {
    let det = PhiDetector::new();
    let classifier = if args.encoder {
        let mut cfg = ClassifyConfig::default();
        cfg.tiers.tier = Tier::Transformer;
        Some(Classifier::new(&cfg).context("loading the transformer tier")?)
    } else {
        None
    };
    let mut per_type: BTreeMap<String, Counts> = BTreeMap::new();
    let mut per_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut gold_chars, mut covered_chars) = (0usize, 0usize);
    // self-disclosure: tp, fp, fn, category right among tp
    let (mut sd_tp, mut sd_fp, mut sd_fn, mut cat_ok) = (0u32, 0u32, 0u32, 0u32);
    let mut posts = 0;
    for path in &args.data {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let row: Row = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a labelled PHI row", path.display(), i + 1))?;
            posts += 1;
            let info = match &classifier {
                Some(c) => {
                    let m = super::text_mention(posts, &row.text);
                    c.classify_batch(&[&m]).remove(0).phi
                }
                None => det.detect_and_redact(&row.text, row.lang.as_deref()).0,
            };
            let pred: Vec<(usize, usize, String)> = info
                .spans
                .iter()
                .map(|s| (s.start, s.end, s.kind.as_str().to_string()))
                .collect();
            let mut used = vec![false; pred.len()];
            let mut row_counts: BTreeMap<String, Counts> = BTreeMap::new();
            let mut misses = Vec::new();
            for g in &row.spans {
                row_counts.entry(g.kind.clone()).or_default().gold += 1;
                let best = pred
                    .iter()
                    .enumerate()
                    .filter(|(j, p)| !used[*j] && p.2 == g.kind)
                    .map(|(j, p)| (j, jaccard((g.start, g.end), (p.0, p.1))))
                    .filter(|(_, o)| *o >= 0.5)
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                match best {
                    Some((j, o)) => {
                        used[j] = true;
                        let c = row_counts.get_mut(&g.kind).expect("entry");
                        c.tp += 1;
                        if o >= 1.0 {
                            c.exact += 1;
                        }
                    }
                    None => misses.push(g.clone()),
                }
                gold_chars += g.end - g.start;
                covered_chars += (g.start..g.end)
                    .filter(|c| pred.iter().any(|p| p.0 <= *c && *c < p.1))
                    .count();
            }
            for p in &pred {
                row_counts.entry(p.2.clone()).or_default().pred += 1;
            }
            let lang = row.lang.clone().unwrap_or_else(|| "?".into());
            for (k, c) in row_counts {
                per_type.entry(k).or_default().add(c);
                per_lang.entry(lang.clone()).or_default().add(c);
            }
            match (row.self_disclosure, info.self_disclosure) {
                (true, true) => {
                    sd_tp += 1;
                    if row.condition_category == info.condition_category {
                        cat_ok += 1;
                    } else if args.show_errors {
                        println!(
                            "CAT  {}: gold {:?} got {:?}",
                            row.id, row.condition_category, info.condition_category
                        );
                    }
                }
                (false, true) => {
                    sd_fp += 1;
                    if args.show_errors {
                        println!("SD+  {}: {}", row.id, row.text);
                    }
                }
                (true, false) => {
                    sd_fn += 1;
                    if args.show_errors {
                        println!("SD-  {}: {}", row.id, row.text);
                    }
                }
                (false, false) => {}
            }
            if args.show_errors {
                let chars: Vec<char> = row.text.chars().collect();
                let cut = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
                for g in misses {
                    println!(
                        "FN   {} {:<22} {:?}  | {}",
                        row.id,
                        g.kind,
                        cut(g.start, g.end),
                        row.text
                    );
                }
                for (j, p) in pred.iter().enumerate() {
                    if !used[j] {
                        println!(
                            "FP   {} {:<22} {:?}  | {}",
                            row.id,
                            p.2,
                            cut(p.0, p.1),
                            row.text
                        );
                    }
                }
            }
        }
    }
    let mut all = Counts::default();
    println!("{posts} posts; span match: same type and character Jaccard >= 0.5");
    println!(
        "{:<22} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "type", "gold", "pred", "tp", "P", "R", "F1"
    );
    for (k, c) in &per_type {
        all.add(*c);
        let (p, r) = (c.precision(), c.recall());
        println!(
            "{k:<22} {:>5} {:>5} {:>5} {p:>6.3} {r:>6.3} {:>6.3}",
            c.gold,
            c.pred,
            c.tp,
            f1(p, r)
        );
    }
    let (p, r) = (all.precision(), all.recall());
    println!(
        "{:<22} {:>5} {:>5} {:>5} {p:>6.3} {r:>6.3} {:>6.3}",
        "overall",
        all.gold,
        all.pred,
        all.tp,
        f1(p, r)
    );
    println!(
        "exact boundaries: {} of {} matches; redaction coverage (type-blind): {:.3} of gold identifier characters",
        all.exact,
        all.tp,
        ratio(covered_chars as u32, gold_chars as u32)
    );
    println!("by language:");
    for (l, c) in &per_lang {
        let (p, r) = (c.precision(), c.recall());
        println!(
            "  {l:<4} P {p:.3}  R {r:.3}  (gold {}, pred {})",
            c.gold, c.pred
        );
    }
    let (p, r) = (ratio(sd_tp, sd_tp + sd_fp), ratio(sd_tp, sd_tp + sd_fn));
    println!(
        "self-disclosure: P {p:.3}  R {r:.3}  F1 {:.3}  (tp {sd_tp}, fp {sd_fp}, fn {sd_fn}); category correct {cat_ok} of {sd_tp}",
        f1(p, r)
    );
    Ok(())
}
