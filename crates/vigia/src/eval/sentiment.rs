//! `vigia eval sentiment`: macro-F1, accuracy and per-class F1 of a sentiment model on
//! UMSAB-format files (one text per line; labels 0 negative, 1 neutral, 2 positive).
//!
//! `--texts F --labels F` scores one pair of files; `--umsab DIR` scores every language's
//! `<split>_text.txt`/`<split>_labels.txt` under DIR and prints a per-language table next to the
//! published XLM-T test figures (Barbieri et al., LREC 2022).

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::time::Instant;
use vigia_classify::encoder::{EncoderConfig, Engine};
use vigia_classify::sentiment::head::EncoderSentiment;
use vigia_classify::sentiment::LexiconSentiment;

pub struct Args {
    pub texts: Option<PathBuf>,
    pub labels: Option<PathBuf>,
    pub umsab: Option<PathBuf>,
    pub split: String,
    pub model: String,
    pub engine: Option<String>,
}

/// UMSAB's languages, in folder order.
const LANGS: &[&str] = &[
    "arabic",
    "english",
    "french",
    "german",
    "hindi",
    "italian",
    "portuguese",
    "spanish",
];

/// XLM-T (multilingual fine-tuned XLM-R) test macro-F1 from the UMSAB paper, for the languages
/// the product targets.
const XLMT: &[(&str, f64)] = &[
    ("english", 70.6),
    ("french", 71.2),
    ("german", 77.3),
    ("italian", 69.1),
    ("portuguese", 75.4),
    ("spanish", 67.9),
];

enum Model {
    Lexicon(LexiconSentiment),
    Encoder(EncoderSentiment),
}

impl Model {
    fn predict(&self, texts: &[&str]) -> Result<Vec<usize>> {
        let argmax = |p: [f32; 3]| (0..3).max_by(|&a, &b| p[a].total_cmp(&p[b])).unwrap_or(1);
        Ok(match self {
            Model::Lexicon(l) => texts
                .iter()
                .map(|t| argmax(l.classify(t, None).probabilities.as_array()))
                .collect(),
            Model::Encoder(e) => e.probs_batch(texts)?.into_iter().map(argmax).collect(),
        })
    }
}

#[derive(Default, Clone)]
struct Scores {
    n: usize,
    macro_f1: f64,
    accuracy: f64,
    f1: [f64; 3],
}

fn score(gold: &[usize], pred: &[usize]) -> Scores {
    let mut cm = [[0usize; 3]; 3];
    for (&g, &p) in gold.iter().zip(pred) {
        cm[g][p] += 1;
    }
    let mut f1 = [0.0; 3];
    for (c, f) in f1.iter_mut().enumerate() {
        let tp = cm[c][c] as f64;
        let fp: f64 = (0..3).filter(|&g| g != c).map(|g| cm[g][c] as f64).sum();
        let fn_: f64 = (0..3).filter(|&p| p != c).map(|p| cm[c][p] as f64).sum();
        *f = if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        };
    }
    let correct: usize = (0..3).map(|c| cm[c][c]).sum();
    Scores {
        n: gold.len(),
        macro_f1: f1.iter().sum::<f64>() / 3.0,
        accuracy: correct as f64 / gold.len().max(1) as f64,
        f1,
    }
}

fn read_pair(texts: &Path, labels: &Path) -> Result<(Vec<String>, Vec<usize>)> {
    let t =
        std::fs::read_to_string(texts).with_context(|| format!("reading {}", texts.display()))?;
    let l =
        std::fs::read_to_string(labels).with_context(|| format!("reading {}", labels.display()))?;
    let labels: Vec<usize> = l
        .lines()
        .filter(|x| !x.trim().is_empty())
        .enumerate()
        .map(|(i, x)| match x.trim() {
            "0" => Ok(0),
            "1" => Ok(1),
            "2" => Ok(2),
            other => bail!(
                "{} line {}: label {other:?} is not 0, 1 or 2",
                labels.display(),
                i + 1
            ),
        })
        .collect::<Result<_>>()?;
    let texts: Vec<String> = t.lines().take(labels.len()).map(str::to_string).collect();
    if texts.len() != labels.len() {
        bail!("{} texts but {} labels", texts.len(), labels.len());
    }
    Ok((texts, labels))
}

fn load(model: &str, engine: Option<&str>) -> Result<Model> {
    match model {
        "lexicon" => Ok(Model::Lexicon(LexiconSentiment::new())),
        "encoder" => {
            let mut cfg = EncoderConfig::default();
            if let Some(e) = engine {
                cfg.engine = Engine::parse(e)
                    .with_context(|| format!("--engine {e}: expected onnx-int8 or onnx-fp32"))?;
            }
            Ok(Model::Encoder(EncoderSentiment::load(&cfg)?))
        }
        other => bail!("--model {other}: expected encoder or lexicon"),
    }
}

fn print_scores(name: &str, s: &Scores, reference: Option<f64>) {
    let r = reference.map_or("-".to_string(), |r| format!("{r:.1}"));
    println!(
        "{name:<11} {:>5}  {:>8.1}  {:>8.1}  {:>6.1} {:>6.1} {:>6.1}  {r:>6}",
        s.n,
        s.macro_f1 * 100.0,
        s.accuracy * 100.0,
        s.f1[0] * 100.0,
        s.f1[1] * 100.0,
        s.f1[2] * 100.0
    );
}

pub fn run(a: Args) -> Result<()> {
    let mut sets: Vec<(String, Vec<String>, Vec<usize>)> = Vec::new();
    match (&a.texts, &a.labels, &a.umsab) {
        (Some(t), Some(l), None) => {
            let (texts, labels) = read_pair(t, l)?;
            sets.push(("file".into(), texts, labels));
        }
        (None, None, Some(dir)) => {
            for lang in LANGS {
                let d = dir.join(lang);
                let t = d.join(format!("{}_text.txt", a.split));
                if !t.is_file() {
                    continue;
                }
                let (texts, labels) = read_pair(&t, &d.join(format!("{}_labels.txt", a.split)))?;
                sets.push((lang.to_string(), texts, labels));
            }
            if sets.is_empty() {
                bail!("no <language>/{}_text.txt under {}", a.split, dir.display());
            }
        }
        _ => bail!("give --texts and --labels, or --umsab DIR"),
    }
    let model = load(&a.model, a.engine.as_deref())?;
    let started = Instant::now();
    let (mut all_gold, mut all_pred) = (Vec::new(), Vec::new());
    println!("values in %; xlm-t = published XLM-T test macro-F1 (UMSAB, fine-tuned XLM-R)");
    println!("set            n  macro-F1  accuracy   F1neg  F1neu  F1pos   xlm-t");
    for (name, texts, gold) in &sets {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let pred = model.predict(&refs)?;
        let reference = XLMT
            .iter()
            .find(|(l, _)| *l == name.as_str())
            .map(|(_, f)| *f);
        print_scores(name, &score(gold, &pred), reference);
        all_gold.extend_from_slice(gold);
        all_pred.extend(pred);
    }
    if sets.len() > 1 {
        print_scores("all", &score(&all_gold, &all_pred), Some(69.4));
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} texts in {secs:.1}s ({:.1} texts/s) with the {} model",
        all_gold.len(),
        all_gold.len() as f64 / secs.max(1e-9),
        a.model
    );
    Ok(())
}
