//! `vigia eval aspects --data F [--mode lexical|semantic] [--tune]`: per-aspect precision, recall
//! and F1 of the aspect tagger on hand-labelled JSONL (`text`, `lang`, `aspects[{aspect,
//! sentiment}]`), micro and macro F1, and the accuracy of the sentiment given to each correctly
//! found aspect (semantic mode: the transformer's sentiment of the aspect's clause, as in the
//! transformer tier; lexical mode: the lexicon's, as in the fast tier). `--tune` chooses the trigger weight and per-aspect thresholds that maximise F1 on
//! the file given (use the dev split only) and prints them.

use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;
use vigia_classify::aspects::{AspectScores, AspectTagger, AspectsConfig};
use vigia_classify::encoder::EncoderConfig;
use vigia_classify::sentiment::head::EncoderSentiment;
use vigia_classify::sentiment::LexiconSentiment;
use vigia_model::{AspectLabel, SentimentLabel};

#[derive(Deserialize)]
struct Row {
    text: String,
    #[allow(dead_code)]
    lang: String,
    aspects: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    aspect: String,
    sentiment: SentimentLabel,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// Triggers only (the fast tier).
    Lexical,
    /// E5 prototypes plus triggers (the transformer tier).
    Semantic,
}

fn load(path: &Path) -> Result<Vec<Row>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("line {}", i + 1)))
        .collect()
}

pub fn run(path: &Path, mode: Mode, tune: bool) -> Result<()> {
    let rows = load(path)?;
    let cfg = AspectsConfig::default();
    let ids: Vec<String> = cfg.taxonomy.iter().map(|a| a.id.clone()).collect();
    for r in &rows {
        for g in &r.aspects {
            if !ids.contains(&g.aspect) {
                bail!("unknown aspect `{}` in {}", g.aspect, path.display());
            }
        }
    }
    let lexicon = LexiconSentiment::new();
    let overall: Vec<SentimentLabel> = rows
        .iter()
        .map(|r| lexicon.classify(&r.text, None).label)
        .collect();
    let mut tagger = AspectTagger::new(&cfg)?;
    let mut scores: Vec<AspectScores> = Vec::new();
    // Semantic mode, as the transformer tier: sentiment of the mention and of each clause.
    let mut unit_labels: Vec<Vec<SentimentLabel>> = Vec::new();
    if mode == Mode::Semantic || tune {
        let tr = EncoderSentiment::load(&EncoderConfig::default())?;
        let enc = tr.encoder().clone();
        tagger = tagger.with_prototypes(|t| enc.embed(t))?;
        for r in &rows {
            let units = tagger.units(&r.text);
            let refs: Vec<&str> = units.iter().map(String::as_str).collect();
            scores.push(tagger.scores(&r.text, &enc.embed(&refs)?));
            if !tune {
                unit_labels.push(tr.predict_batch(&refs)?.iter().map(|s| s.label).collect());
            }
        }
    }
    if tune {
        return tune_thresholds(&rows, &scores, &ids);
    }
    let predicted: Vec<Vec<AspectLabel>> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| match mode {
            Mode::Lexical => tagger.tag(&r.text, Some(overall[i])),
            Mode::Semantic => {
                let l = &unit_labels[i];
                let clauses = if l.len() > 1 { &l[1..] } else { &l[..] };
                tagger.decide_with(&scores[i], l.first().copied(), Some(clauses))
            }
        })
        .collect();
    report(&rows, &predicted, &ids);
    Ok(())
}

fn f1(tp: u32, fp: u32, fn_: u32) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn report(rows: &[Row], predicted: &[Vec<AspectLabel>], ids: &[String]) {
    println!("aspect               n    precision  recall  f1     sentiment_acc");
    let (mut ttp, mut tfp, mut tfn) = (0, 0, 0);
    let (mut s_ok, mut s_n) = (0, 0);
    let mut f1s = Vec::new();
    for id in ids {
        let (mut tp, mut fp, mut fn_, mut ok) = (0, 0, 0, 0);
        for (r, p) in rows.iter().zip(predicted) {
            let gold = r.aspects.iter().find(|g| &g.aspect == id);
            let got = p.iter().find(|a| &a.aspect == id);
            match (gold, got) {
                (Some(g), Some(a)) => {
                    tp += 1;
                    ok += (a.sentiment == Some(g.sentiment)) as u32;
                }
                (None, Some(_)) => fp += 1,
                (Some(_), None) => fn_ += 1,
                (None, None) => {}
            }
        }
        let (p, r, f) = f1(tp, fp, fn_);
        let n = tp + fn_;
        println!(
            "{id:<20} {n:<4} {p:<10.3} {r:<7.3} {f:<6.3} {}",
            if tp == 0 {
                "-".to_string()
            } else {
                format!("{:.3}", ok as f64 / tp as f64)
            }
        );
        if n > 0 {
            f1s.push(f);
        }
        ttp += tp;
        tfp += fp;
        tfn += fn_;
        s_ok += ok;
        s_n += tp;
    }
    let (p, r, f) = f1(ttp, tfp, tfn);
    println!(
        "micro                {:<4} {p:<10.3} {r:<7.3} {f:<6.3} {:.3}",
        ttp + tfn,
        s_ok as f64 / s_n.max(1) as f64
    );
    println!(
        "macro_f1 {:.3} over {} aspects present; mentions {}; with no gold aspect and none predicted {}",
        f1s.iter().sum::<f64>() / f1s.len().max(1) as f64,
        f1s.len(),
        rows.len(),
        rows.iter()
            .zip(predicted)
            .filter(|(r, p)| r.aspects.is_empty() && p.is_empty())
            .count()
    );
}

fn tune_thresholds(rows: &[Row], scores: &[AspectScores], ids: &[String]) -> Result<()> {
    let gold: Vec<BTreeSet<&str>> = rows
        .iter()
        .map(|r| r.aspects.iter().map(|g| g.aspect.as_str()).collect())
        .collect();
    let grid: Vec<f32> = (0..=50).map(|i| 0.78 + i as f32 * 0.004).collect();
    let mut best_total = (f64::MIN, 0.0f32, Vec::new());
    for w in [0.0f32, 0.02, 0.04, 0.05, 0.06, 0.08, 0.1, 0.15] {
        let mut total = 0.0;
        let mut thr = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let mut best = (f64::MIN, 0.0f32);
            for &t in &grid {
                let (mut tp, mut fp, mut fn_) = (0, 0, 0);
                for (s, g) in scores.iter().zip(&gold) {
                    let on = s.similarity[i] + if s.triggered[i] { w } else { 0.0 } >= t;
                    match (g.contains(id.as_str()), on) {
                        (true, true) => tp += 1,
                        (false, true) => fp += 1,
                        (true, false) => fn_ += 1,
                        _ => {}
                    }
                }
                let f = f1(tp, fp, fn_).2;
                // Ties go to the higher threshold (fewer false alarms on unseen text).
                if f >= best.0 {
                    best = (f, t);
                }
            }
            total += best.0;
            thr.push(best.1);
        }
        println!("trigger_weight {w:.2}: sum of per-aspect F1 {total:.3}");
        if total > best_total.0 {
            best_total = (total, w, thr);
        }
    }
    println!("\nbest trigger_weight = {}", best_total.1);
    for (id, t) in ids.iter().zip(&best_total.2) {
        println!("{id:<20} threshold {t:.3}");
    }
    Ok(())
}
