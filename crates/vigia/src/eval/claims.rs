//! `vigia eval claims`: claim matching on paraphrases held apart from the knowledge base.
//!
//! Three hold-out schemes, each building the index without the texts it queries:
//! - `same-language`: every claim's last English paraphrase, against everything else;
//! - `leave-one-language-out`: every paraphrase in language L, against the other languages only
//!   (for L = en the English statement is held out too);
//! - `cross-language`: the ca, it and pt paraphrases against the English statement and the en and
//!   es paraphrases only.
//!
//! Negatives are health posts that repeat no claim (`tests/data/misinfo/negatives.tsv`, plus the
//! `real` rows of an optional CONSTRAINT CSV). A query counts as a true positive when its top
//! claim is the right one at or above the threshold; a wrong claim above it counts as a false
//! positive and a false negative. The threshold is chosen on half of the claims (and half of the
//! negatives) and reported on the other half, then chosen again on all for `--write-calibration`.

use super::csv;
use super::misinfo::maybe_encoder;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use vigia_classify::encoder::{Encoder, EncoderConfig, DIM};
use vigia_classify::misinfo::kb::KnowledgeBase;
use vigia_classify::misinfo::matcher::{kb_embeddings, Calibration, ClaimIndex, MatchMode};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Scheme {
    SameLanguage,
    LeaveOneOut(&'static str),
    CrossLanguage,
}

impl Scheme {
    fn name(self) -> String {
        match self {
            Scheme::SameLanguage => "same-language (en)".into(),
            Scheme::LeaveOneOut(l) => format!("leave-{l}-out"),
            Scheme::CrossLanguage => "cross-language (ca/it/pt vs en+es)".into(),
        }
    }
    /// Is text `ti` (0 = statement) of claim in language `lang` indexed? And is it a query?
    fn index_keeps(self, kb: &KnowledgeBase, ci: usize, lang: &str, ti: usize) -> bool {
        !self.is_query(kb, ci, lang, ti)
            && match self {
                Scheme::CrossLanguage => ti == 0 || lang == "en" || lang == "es",
                _ => true,
            }
    }
    fn is_query(self, kb: &KnowledgeBase, ci: usize, lang: &str, ti: usize) -> bool {
        match self {
            Scheme::SameLanguage => {
                let c = &kb.claims[ci];
                let n_en = c.paraphrases.get("en").map_or(0, Vec::len);
                // texts: 0 statement, then paraphrases in BTreeMap order (ca, en, es, it, pt)
                let first_en = 1 + c.paraphrases.get("ca").map_or(0, Vec::len);
                n_en >= 2 && lang == "en" && ti == first_en + n_en - 1
            }
            Scheme::LeaveOneOut(l) => lang == l,
            Scheme::CrossLanguage => ti > 0 && matches!(lang, "ca" | "it" | "pt"),
        }
    }
}

/// One scored query: gold claim (None for a negative), top claim, its similarity, and half.
#[derive(Clone, Copy)]
struct Scored {
    gold: Option<usize>,
    top: usize,
    sim: f32,
    half: u8,
}

fn half_of(i: usize) -> u8 {
    (i % 2) as u8
}

#[derive(Default, Clone, Copy)]
struct Prf {
    tp: u32,
    fp: u32,
    fn_: u32,
    top1: u32,
    pos: u32,
}

impl Prf {
    fn p(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn r(&self) -> f64 {
        self.tp as f64 / self.pos.max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn top1(&self) -> f64 {
        self.top1 as f64 / self.pos.max(1) as f64
    }
}

/// One table row: figures at the shipped threshold (`m`), then on half B at half A's (`b`).
fn print_row(name: &str, m: &Prf, b: &Prf) {
    println!(
        "{:<39} {:<8} {:.3}  {:.3}  {:.3}  {:.3}   {:.3} {:.3} {:.3}",
        name,
        m.pos,
        m.top1(),
        m.p(),
        m.r(),
        m.f1(),
        b.p(),
        b.r(),
        b.f1()
    );
}

fn measure<'a>(qs: impl Iterator<Item = &'a Scored>, thr: f32) -> Prf {
    let mut m = Prf::default();
    for q in qs {
        let hit = q.sim >= thr;
        match q.gold {
            Some(g) => {
                m.pos += 1;
                if q.top == g {
                    m.top1 += 1;
                }
                if hit && q.top == g {
                    m.tp += 1;
                } else {
                    m.fn_ += 1;
                    if hit {
                        m.fp += 1;
                    }
                }
            }
            None if hit => m.fp += 1,
            None => {}
        }
    }
    m
}

fn best_threshold<'a>(qs: impl Iterator<Item = &'a Scored> + Clone) -> f32 {
    let mut best = (0.0, 0.5f32);
    for i in 0..=400 {
        let t = i as f32 / 400.0;
        let f = measure(qs.clone(), t).f1();
        if f > best.0 {
            best = (f, t);
        }
    }
    best.1
}

fn negatives(tsv: &Path, constraint: Option<&Path>) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let text =
        std::fs::read_to_string(tsv).with_context(|| format!("reading {}", tsv.display()))?;
    for l in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        out.push(l.split_once('\t').map_or(l, |(_, t)| t).to_string());
    }
    if let Some(p) = constraint {
        let rows = csv::parse(
            &std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        );
        let h = &rows[0];
        let (t, l) = (
            h.iter()
                .position(|x| x == "tweet")
                .context("no tweet column")?,
            h.iter()
                .position(|x| x == "label")
                .context("no label column")?,
        );
        out.extend(
            rows.iter()
                .skip(1)
                .filter(|r| r.get(l).map(String::as_str) == Some("real"))
                .take(500)
                .filter_map(|r| r.get(t).cloned()),
        );
    }
    Ok(out)
}

pub struct Args {
    pub kb: Option<PathBuf>,
    pub negatives: PathBuf,
    pub constraint: Option<PathBuf>,
    pub no_encoder: bool,
    pub write_calibration: Option<PathBuf>,
}

pub fn run(a: Args) -> Result<()> {
    let kb = match &a.kb {
        Some(p) => KnowledgeBase::load(p),
        None => KnowledgeBase::bundled(),
    }
    .map_err(|e| anyhow::anyhow!("knowledge base: {e}"))?;
    let negs = negatives(&a.negatives, a.constraint.as_deref())?;
    let enc = maybe_encoder(a.no_encoder)?;
    let neg_emb = match &enc {
        Some((e, _)) => Some(super::misinfo::embed_all(
            e,
            &negs.iter().map(String::as_str).collect::<Vec<_>>(),
        )?),
        None => None,
    };
    let schemes = [
        Scheme::SameLanguage,
        Scheme::LeaveOneOut("en"),
        Scheme::LeaveOneOut("es"),
        Scheme::LeaveOneOut("ca"),
        Scheme::LeaveOneOut("it"),
        Scheme::LeaveOneOut("pt"),
        Scheme::CrossLanguage,
    ];
    println!(
        "knowledge base {} ({} claims), {} negatives",
        kb.version,
        kb.claims.len(),
        negs.len()
    );
    let mut modes = vec![MatchMode::Lexical];
    if enc.is_some() {
        modes.insert(0, MatchMode::Embedding);
    }
    let mut chosen = Vec::new();
    for mode in modes {
        let encoder = match mode {
            MatchMode::Embedding => enc.as_ref().map(|(e, c)| (e, c)),
            MatchMode::Lexical => None,
        };
        let mut per: Vec<(Scheme, Vec<Scored>)> = Vec::new();
        for s in schemes {
            per.push((s, score_scheme(&kb, s, encoder, &negs, neg_emb.as_deref())?));
        }
        let all: Vec<&Scored> = per.iter().flat_map(|(_, v)| v.iter()).collect();
        let thr_a = best_threshold(all.iter().copied().filter(|q| q.half == 0));
        let thr = best_threshold(all.iter().copied());
        let cal = Calibration::bundled();
        let shipped = match mode {
            MatchMode::Embedding => cal.embedding_threshold,
            MatchMode::Lexical => cal.lexical_threshold,
        };
        println!(
            "\n{} matching: threshold chosen on half A = {thr_a:.3}; on all = {thr:.3}; shipped = {shipped:.3}",
            match mode {
                MatchMode::Embedding => "embedding",
                MatchMode::Lexical => "lexical",
            }
        );
        println!("scheme                                  queries  top1   P@thr  R@thr  F1@thr  (half B at half-A threshold: P R F1)");
        for (s, v) in &per {
            let m = measure(v.iter(), shipped);
            let b = measure(v.iter().filter(|q| q.half == 1), thr_a);
            print_row(&s.name(), &m, &b);
        }
        let m = measure(all.iter().copied(), shipped);
        let b = measure(all.iter().copied().filter(|q| q.half == 1), thr_a);
        print_row("all", &m, &b);
        chosen.push((mode, thr));
    }
    if let Some(out) = a.write_calibration {
        let cal = Calibration::bundled();
        let get = |m| chosen.iter().find(|(x, _)| *x == m).map(|(_, t)| *t);
        let doc = serde_json::json!({
            "note": "Claim-matching thresholds, written by `vigia eval claims --write-calibration` (best F1 over all hold-out schemes and negatives).",
            "kb_version": kb.version,
            "encoder": vigia_classify::encoder::MODEL_NAME,
            "embedding_threshold": get(MatchMode::Embedding).unwrap_or(cal.embedding_threshold),
            "lexical_threshold": get(MatchMode::Lexical).unwrap_or(cal.lexical_threshold),
        });
        std::fs::write(&out, serde_json::to_string_pretty(&doc)? + "\n")
            .with_context(|| format!("writing {}", out.display()))?;
        println!("\nwrote {}", out.display());
    }
    Ok(())
}

fn score_scheme(
    kb: &KnowledgeBase,
    s: Scheme,
    encoder: Option<(&Encoder, &EncoderConfig)>,
    negs: &[String],
    neg_emb: Option<&[Vec<f32>]>,
) -> Result<Vec<Scored>> {
    let index = ClaimIndex::build_filtered(kb, encoder, |ci, l, ti| s.index_keeps(kb, ci, l, ti))?;
    // Every KB text's embedding (cached): the queries are knowledge-base texts too.
    let all = match encoder {
        Some((e, c)) => Some(kb_embeddings(kb, e, c)?),
        None => None,
    };
    let mut queries: Vec<(usize, &str, usize)> = Vec::new();
    let mut row = 0;
    for (ci, c) in kb.claims.iter().enumerate() {
        for (ti, (l, t)) in c.texts().enumerate() {
            if s.is_query(kb, ci, l, ti) {
                queries.push((ci, t, row));
            }
            row += 1;
        }
    }
    let mut out = Vec::new();
    for (ci, t, row) in &queries {
        let q = all.as_ref().map(|a| &a[row * DIM..(row + 1) * DIM]);
        let (_, r) = index.rank(t, q);
        out.push(Scored {
            gold: Some(*ci),
            top: r[0].claim,
            sim: r[0].similarity,
            half: half_of(*ci),
        });
    }
    for (i, t) in negs.iter().enumerate() {
        let (_, r) = index.rank(t, neg_emb.map(|v| v[i].as_slice()));
        out.push(Scored {
            gold: None,
            top: r[0].claim,
            sim: r[0].similarity,
            half: half_of(i),
        });
    }
    Ok(out)
}
