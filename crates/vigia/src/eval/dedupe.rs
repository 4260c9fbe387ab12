//! `vigia eval dedupe --pairs F`: precision, recall and F1 of duplicate detection on labelled
//! pairs (tests/data/dedupe/pairs.jsonl, made by tests/data/dedupe/generate.py).
//!
//! Each pair goes through a fresh [`Deduper`] exactly as the pipeline uses it: the first text
//! is checked, then the second; the pair is predicted a duplicate when the second is linked to
//! the first (exact or near). `--sweep` grid-searches shingle size, hashes, bands/rows and
//! threshold, including the text-dedup reference setting (5-word shingles, ~250 hashes, 0.7).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use vigia_dedupe::{DedupeConfig, Deduper, MinHashParams, Verdict};
use vigia_model::Mention;

#[derive(Deserialize)]
struct Pair {
    lang: String,
    edit: String,
    duplicate: bool,
    a: String,
    b: String,
}

pub struct Args<'a> {
    pub pairs: &'a Path,
    pub sweep: bool,
    pub show_errors: bool,
}

/// (shingle size, hashes, bands, rows) of a sweep cell.
type SweepKey = (usize, usize, usize, usize);
/// (precision, recall, F1, parameters) of the best threshold in a cell.
type SweepBest = (f64, f64, f64, MinHashParams);

fn mention(id: &str, text: &str) -> Mention {
    serde_json::from_value(serde_json::json!({
        "id": id, "platform": "x", "author": {"id": id}, "text": text,
        "created_at": "2026-01-01T00:00:00Z",
    }))
    .expect("a valid mention")
}

fn predict(params: MinHashParams, p: &Pair) -> bool {
    let mut d = Deduper::new(DedupeConfig {
        minhash: params,
        // two mentions per run: small tables (the sweep makes thousands of runs)
        max_entries: 16,
        ..Default::default()
    });
    d.check(&mention("x:1", &p.a));
    match d.check(&mention("x:2", &p.b)) {
        Verdict::Fresh { info } => info.duplicate_of.is_some(),
        Verdict::Redelivery { .. } => true,
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
}

impl Counts {
    fn add(&mut self, gold: bool, got: bool) {
        match (gold, got) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn evaluate(params: MinHashParams, pairs: &[Pair]) -> (Counts, Vec<bool>) {
    let mut c = Counts::default();
    let got: Vec<bool> = pairs.iter().map(|p| predict(params, p)).collect();
    for (p, g) in pairs.iter().zip(&got) {
        c.add(p.duplicate, *g);
    }
    (c, got)
}

pub fn run(args: Args<'_>) -> Result<()> {
    let text = std::fs::read_to_string(args.pairs)
        .with_context(|| format!("reading {}", args.pairs.display()))?;
    let pairs: Vec<Pair> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("line {}", i + 1)))
        .collect::<Result<_>>()?;
    let pos = pairs.iter().filter(|p| p.duplicate).count();
    println!(
        "{} pairs: {} duplicates, {} non-duplicates",
        pairs.len(),
        pos,
        pairs.len() - pos
    );

    if args.sweep {
        return sweep(&pairs);
    }

    let params = MinHashParams::default();
    println!(
        "shingle {} words, {} hashes (1 byte each), {} bands x {} rows, threshold {}, min tokens {}",
        params.shingle, params.hashes, params.bands, params.rows, params.threshold, params.min_tokens
    );
    let (all, got) = evaluate(params, &pairs);
    let mut by_lang: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_edit: BTreeMap<&str, Counts> = BTreeMap::new();
    for (p, g) in pairs.iter().zip(&got) {
        by_lang.entry(&p.lang).or_default().add(p.duplicate, *g);
        by_edit.entry(&p.edit).or_default().add(p.duplicate, *g);
    }
    println!(
        "\n{:<10} {:>5} {:>9} {:>7} {:>6} {:>8}",
        "lang", "n", "precision", "recall", "F1", "correct"
    );
    for (l, c) in &by_lang {
        let (p, r, f) = c.prf();
        let n = c.tp + c.fp + c.fn_ + c.tn;
        let acc = (c.tp + c.tn) as f64 / n as f64;
        if c.tp + c.fn_ == 0 {
            // non-duplicates only (translations): precision and recall are undefined
            println!("{l:<10} {n:>5} {:>9} {:>7} {:>6} {acc:>8.3}", "-", "-", "-");
        } else {
            println!("{l:<10} {n:>5} {p:>9.3} {r:>7.3} {f:>6.3} {acc:>8.3}");
        }
    }
    println!("\n{:<22} {:>5} {:>10}", "edit", "n", "correct");
    for (e, c) in &by_edit {
        let n = c.tp + c.fp + c.fn_ + c.tn;
        println!("{e:<22} {n:>5} {:>10.3}", (c.tp + c.tn) as f64 / n as f64);
    }
    if args.show_errors {
        println!();
        for (p, g) in pairs.iter().zip(&got) {
            if p.duplicate != *g {
                println!(
                    "{} [{} {}]\n  a: {}\n  b: {}",
                    if *g { "FP" } else { "FN" },
                    p.lang,
                    p.edit,
                    p.a,
                    p.b
                );
            }
        }
    }
    let (p, r, f) = all.prf();
    println!(
        "\nall: precision {p:.3}  recall {r:.3}  F1 {f:.3}  (tp {} fp {} fn {} tn {})",
        all.tp, all.fp, all.fn_, all.tn
    );
    Ok(())
}

fn sweep(pairs: &[Pair]) -> Result<()> {
    let mut rows: Vec<(f64, f64, f64, MinHashParams)> = Vec::new();
    let layouts: &[(usize, usize, usize)] = &[
        // (hashes, bands, rows)
        (16, 8, 2),
        (24, 8, 2),
        (32, 8, 2),
        (40, 8, 2),
        (24, 8, 3),
        (40, 8, 3),
        (24, 12, 2),
        (32, 8, 3),
        (32, 8, 4),
        (32, 16, 2),
        (48, 16, 3),
        (64, 16, 4),
        (128, 32, 4),
        (250, 25, 7),
    ];
    for shingle in [1, 2, 3, 5] {
        for &(hashes, bands, rows_) in layouts {
            for t in [0.25f32, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7] {
                let params = MinHashParams {
                    shingle,
                    hashes,
                    bands,
                    rows: rows_,
                    threshold: t,
                    ..MinHashParams::default()
                };
                let (c, _) = evaluate(params, pairs);
                let (p, r, f) = c.prf();
                rows.push((f, p, r, params));
            }
        }
    }
    println!(
        "\n{:<8} {:>6} {:>6} {:>5} {:>9} {:>9} {:>7} {:>6}",
        "shingle", "hashes", "bands", "rows", "threshold", "precision", "recall", "F1"
    );
    let print = |(f, p, r, m): &(f64, f64, f64, MinHashParams)| {
        println!(
            "{:<8} {:>6} {:>6} {:>5} {:>9.2} {:>9.3} {:>7.3} {:>6.3}",
            m.shingle, m.hashes, m.bands, m.rows, m.threshold, p, r, f
        )
    };
    // best per (shingle, layout)
    let mut best: BTreeMap<SweepKey, SweepBest> = BTreeMap::new();
    for r in &rows {
        let k = (r.3.shingle, r.3.hashes, r.3.bands, r.3.rows);
        if best.get(&k).is_none_or(|b| r.0 > b.0) {
            best.insert(k, *r);
        }
    }
    for r in best.values() {
        print(r);
    }
    println!("\ntext-dedup reference (5-word shingles, 250 hashes, threshold 0.7):");
    for r in rows
        .iter()
        .filter(|r| r.3.shingle == 5 && r.3.hashes == 250 && (r.3.threshold - 0.7).abs() < 1e-6)
    {
        print(r);
    }
    Ok(())
}
