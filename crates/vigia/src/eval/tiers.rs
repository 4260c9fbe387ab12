//! `vigia eval tiers --texts F --labels F`: sentiment macro-F1, accuracy and throughput of the
//! fast tier, the transformer tier and the mixed tier at several uncertainty margins, on a file
//! in UMSAB's format (one text per line; labels 0 negative, 1 neutral, 2 positive).
//!
//! Throughput is measured, not modelled: each tier classifies every text end to end (language,
//! lexicon, and for escalated texts the encoder and head in batches of `--batch`) on this
//! machine, and mentions per second is texts / wall time. The mixed rows run the transformer
//! only on the texts the router escalates.

use anyhow::{Context, Result};
use std::path::Path;
use std::time::Instant;
use vigia_classify::lang::LanguageDetector;
use vigia_classify::sentiment::LexiconSentiment;
use vigia_classify::tiers::{BatchSentiment, Router, RouterConfig, Signals, Tier};
use vigia_model::SentimentLabel;

pub struct Args<'a> {
    pub texts: &'a Path,
    pub labels: &'a Path,
    pub margins: Vec<f32>,
    pub batch: usize,
}

pub fn load(texts: &Path, labels: &Path) -> Result<(Vec<String>, Vec<usize>)> {
    let t =
        std::fs::read_to_string(texts).with_context(|| format!("reading {}", texts.display()))?;
    let l =
        std::fs::read_to_string(labels).with_context(|| format!("reading {}", labels.display()))?;
    let texts: Vec<String> = t.lines().map(|s| s.trim().to_string()).collect();
    let labels: Vec<usize> = l
        .lines()
        .map(|s| s.trim().parse::<usize>().context("label must be 0, 1 or 2"))
        .collect::<Result<_>>()?;
    anyhow::ensure!(
        texts.len() == labels.len(),
        "{} texts but {} labels",
        texts.len(),
        labels.len()
    );
    Ok((texts, labels))
}

pub fn macro_f1(gold: &[usize], pred: &[usize]) -> (f64, f64) {
    let mut f = 0.0;
    for c in 0..3 {
        let tp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p == c)
            .count() as f64;
        let fp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g != c && **p == c)
            .count() as f64;
        let fn_ = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p != c)
            .count() as f64;
        let denom = 2.0 * tp + fp + fn_;
        f += if denom == 0.0 { 0.0 } else { 2.0 * tp / denom };
    }
    let acc =
        gold.iter().zip(pred).filter(|(g, p)| g == p).count() as f64 / gold.len().max(1) as f64;
    (f / 3.0, acc)
}

fn idx(l: SentimentLabel) -> usize {
    match l {
        SentimentLabel::Negative => 0,
        SentimentLabel::Neutral => 1,
        SentimentLabel::Positive => 2,
    }
}

/// One tier's predictions over all texts, with wall time and the share escalated.
fn run_tier(
    texts: &[String],
    router: &Router,
    transformer: Option<&dyn BatchSentiment>,
    batch: usize,
) -> Result<(Vec<usize>, f64, f64)> {
    let det = LanguageDetector::new();
    let lex = LexiconSentiment::new();
    let start = Instant::now();
    let mut pred = vec![1usize; texts.len()];
    let mut escalated = 0usize;
    for (chunk_i, chunk) in texts.chunks(batch).enumerate() {
        let mut up: Vec<(usize, &str)> = Vec::new();
        for (j, t) in chunk.iter().enumerate() {
            let i = chunk_i * batch + j;
            let lang = det.detect(t, None);
            let f = lex.classify(t, lang.code.as_deref());
            let (_, hits) = lex.raw_score_in(t, lang.code.as_deref());
            pred[i] = idx(f.label);
            if router.route(&f, hits, &Signals::default()).escalated() {
                up.push((i, t.as_str()));
            }
        }
        if let (Some(tr), false) = (transformer, up.is_empty()) {
            let refs: Vec<&str> = up.iter().map(|(_, t)| *t).collect();
            for ((i, _), p) in up.iter().zip(tr.predict(&refs)?) {
                pred[*i] = idx(p.argmax().0);
            }
            escalated += up.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    Ok((pred, secs, escalated as f64 / texts.len().max(1) as f64))
}

pub fn run(a: Args, transformer: Option<Box<dyn BatchSentiment>>) -> Result<()> {
    let (texts, gold) = load(a.texts, a.labels)?;
    println!("tier          margin  escalated  macro_f1  accuracy  mentions/s");
    let mut rows: Vec<(Tier, f32)> = vec![(Tier::Fast, 0.0)];
    if transformer.is_some() {
        rows.push((Tier::Transformer, 0.0));
        rows.extend(a.margins.iter().map(|m| (Tier::Mixed, *m)));
    }
    for (tier, margin) in rows {
        let router = Router::new(RouterConfig {
            tier,
            uncertainty_margin: margin,
            ..Default::default()
        });
        let (pred, secs, share) = run_tier(&texts, &router, transformer.as_deref(), a.batch)?;
        let (f1, acc) = macro_f1(&gold, &pred);
        println!(
            "{:<13} {:<7} {:<10.3} {f1:<9.3} {acc:<9.3} {:.0}",
            tier.name(),
            if tier == Tier::Mixed {
                format!("{margin:.2}")
            } else {
                "-".into()
            },
            share,
            texts.len() as f64 / secs
        );
    }
    if transformer.is_none() {
        println!("(transformer tier unavailable: no sentiment head loaded)");
    }
    Ok(())
}

/// The transformer tier's sentiment, when its head and the model cache are present.
pub fn load_transformer() -> Result<Option<Box<dyn BatchSentiment>>> {
    match vigia_classify::load_transformer_sentiment(&Default::default()) {
        Ok(t) => Ok(Some(Box::new(t))),
        Err(e) => {
            eprintln!("transformer tier unavailable: {e}");
            Ok(None)
        }
    }
}
