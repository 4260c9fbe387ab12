//! `vigia eval misinfo --csv F`: the misinformation detector on a CONSTRAINT-format CSV
//! (`id,tweet,label` with label `real` or `fake`). Prints weighted F1 and the fake-class F1 of
//! the supervised head alone and of the combined score (head + claim matching + signals) under
//! each head gate. `--hospital` adds the false-alarm rate on patient and hospital posts that
//! spread no false claim ([`HOSPITAL_SETS`]): what a hospital's stream would see.

use super::csv;
use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;
use std::time::Instant;
use vigia_classify::encoder::{Encoder, EncoderConfig, Output, Prefix, TextFeatures};
use vigia_classify::misinfo::head::DetectorHead;
use vigia_classify::misinfo::{domains, HeadGate, HeadProfile, MisinfoConfig, MisinfoDetector};

/// Confusion counts with the fake class as positive.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub tn: u32,
    pub fn_: u32,
}

impl Counts {
    pub fn add(&mut self, gold_fake: bool, pred_fake: bool) {
        match (gold_fake, pred_fake) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }
    fn f1(tp: u32, fp: u32, fn_: u32) -> f64 {
        let d = 2 * tp + fp + fn_;
        if d == 0 {
            0.0
        } else {
            2.0 * tp as f64 / d as f64
        }
    }
    pub fn fake_f1(&self) -> f64 {
        Self::f1(self.tp, self.fp, self.fn_)
    }
    pub fn real_f1(&self) -> f64 {
        Self::f1(self.tn, self.fn_, self.fp)
    }
    pub fn n(&self) -> u32 {
        self.tp + self.fp + self.tn + self.fn_
    }
    /// F1 of each class weighted by its support.
    pub fn weighted_f1(&self) -> f64 {
        let fake = (self.tp + self.fn_) as f64;
        let real = (self.tn + self.fp) as f64;
        (self.fake_f1() * fake + self.real_f1() * real) / (fake + real).max(1.0)
    }
    pub fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / self.n().max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

fn load(path: &Path) -> Result<Vec<(String, bool)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let rows = csv::parse(&text);
    let Some(header) = rows.first() else {
        bail!("{}: empty file", path.display())
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .with_context(|| format!("{}: no `{name}` column", path.display()))
    };
    let (t, l) = (col("tweet")?, col("label")?);
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate().skip(1) {
        let (Some(text), Some(label)) = (r.get(t), r.get(l)) else {
            bail!("{}: row {} is short", path.display(), i + 1)
        };
        let fake = match label.trim() {
            "fake" => true,
            "real" => false,
            other => bail!(
                "{}: row {}: label `{other}` is not real/fake",
                path.display(),
                i + 1
            ),
        };
        out.push((text.clone(), fake));
    }
    Ok(out)
}

/// Load the encoder unless told not to; a missing model is reported and the lexical head used.
pub fn maybe_encoder(no_encoder: bool) -> Result<Option<(Encoder, EncoderConfig)>> {
    if no_encoder {
        return Ok(None);
    }
    let cfg = EncoderConfig::default();
    match Encoder::load(&cfg) {
        Ok(e) => Ok(Some((e, cfg))),
        Err(vigia_classify::ClassifyError::ModelMissing { path, install }) => {
            eprintln!(
                "encoder not installed ({path}; `{install}` installs it): lexical features only"
            );
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// A text's encoder output as the pipeline's transformer tier computes it: the layer means of
/// one pass and the sentence embedding they imply.
pub struct Encoded {
    sentence: Vec<f32>,
    layer_means: Vec<f32>,
}

impl Encoded {
    fn features(&self) -> TextFeatures<'_> {
        TextFeatures {
            sentence: &self.sentence,
            layer_means: Some(&self.layer_means),
        }
    }
}

fn encode_all(enc: &Encoder, texts: &[&str]) -> Result<Vec<Encoded>> {
    let mut out = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(256) {
        let rows = enc
            .submit(chunk, Prefix::Query, Output::LayerMeans)?
            .wait()?;
        out.extend(rows.into_iter().map(|layer_means| Encoded {
            sentence: TextFeatures::sentence_from_layer_means(&layer_means),
            layer_means,
        }));
    }
    Ok(out)
}

pub fn embed_all(enc: &Encoder, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
    let mut out = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(256) {
        out.extend(enc.embed(chunk)?);
    }
    Ok(out)
}

/// Patient and hospital posts that spread no false claim (the false-alarm set of `--hospital`):
/// the hand-labelled aspect set, the Catalan set and the claim-matching negatives. None of them
/// is used to train or calibrate anything in the misinformation detector.
pub const HOSPITAL_SETS: [&str; 4] = [
    "tests/data/aspects/dev.jsonl",
    "tests/data/aspects/test.jsonl",
    "tests/data/catalan/healthcare_text.txt",
    "tests/data/misinfo/negatives.tsv",
];

/// Texts of the hospital false-alarm set.
pub fn hospital_texts() -> Result<Vec<String>> {
    let mut out = Vec::new();
    for f in HOSPITAL_SETS {
        let text = std::fs::read_to_string(f)
            .with_context(|| format!("reading {f} (run from the repository root)"))?;
        for line in text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let t = if f.ends_with(".jsonl") {
                let v: serde_json::Value = serde_json::from_str(line)
                    .with_context(|| format!("{f}: a line is not JSON"))?;
                v["text"].as_str().context("no text field")?.to_string()
            } else if f.ends_with(".tsv") {
                line.split_once('\t').map_or(line, |(_, t)| t).to_string()
            } else {
                line.to_string()
            };
            out.push(t);
        }
    }
    Ok(out)
}

/// One scorer's line: its name, CONSTRAINT counts, hospital false alarms (flagged, of).
type Row = (String, Counts, Option<(usize, usize)>);

pub fn run(path: &Path, no_encoder: bool, hospital: bool, dump: Option<&Path>) -> Result<()> {
    let rows = load(path)?;
    let enc = maybe_encoder(no_encoder)?;
    let t0 = Instant::now();
    let detectors = HeadGate::ALL
        .iter()
        .map(|&g| {
            let cfg = MisinfoConfig {
                head_gate: g,
                ..MisinfoConfig::default()
            };
            Ok((
                g,
                MisinfoDetector::with_config(&cfg, enc.as_ref().map(|(e, c)| (e, c)))?,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let det = &detectors[0].1;
    let Some(head) = det.head() else {
        bail!("the detector head is disabled")
    };
    let texts: Vec<&str> = rows.iter().map(|(t, _)| t.as_str()).collect();
    let embeddings = match &enc {
        Some((e, _)) => Some(encode_all(e, &texts)?),
        None => None,
    };
    let hosp = if hospital {
        hospital_texts()?
    } else {
        Vec::new()
    };
    // Languages as the pipeline detects them: the head is damped on non-English posts.
    let ld = vigia_classify::lang::LanguageDetector::new();
    let lang_of = |t: &str| ld.detect(t, None).code;
    let row_lang: Vec<Option<String>> = rows.iter().map(|(t, _)| lang_of(t)).collect();
    let hosp_lang: Vec<Option<String>> = hosp.iter().map(|t| lang_of(t)).collect();
    let hosp_refs: Vec<&str> = hosp.iter().map(String::as_str).collect();
    let hosp_emb = match &enc {
        Some((e, _)) if hospital => Some(encode_all(e, &hosp_refs)?),
        _ => None,
    };
    // Scorers: the head alone, then the combined score under each gate, with the embedding
    // (what escalated mentions get) and, when the encoder is loaded, without it (the fast tier).
    let mut modes = vec![true];
    if enc.is_some() {
        modes.push(false);
    }
    let mut table: Vec<Row> = Vec::new();
    // A head alone: counts on the CSV, false alarms on the hospital set, and which variant ran.
    let head_alone = |h: &DetectorHead| {
        let flags = |t: &str, emb: Option<TextFeatures<'_>>| {
            let s = h.score(t, &domains::collect_urls(t, &[]), emb);
            (s.probability >= s.threshold, s.kind)
        };
        let mut c = Counts::default();
        let mut kind = None;
        for (i, (text, fake)) in rows.iter().enumerate() {
            let (flagged, k) = flags(text, embeddings.as_ref().map(|v| v[i].features()));
            kind = Some(k);
            c.add(*fake, flagged);
        }
        let fa = hospital.then(|| {
            let n = hosp
                .iter()
                .enumerate()
                .filter(|(i, t)| flags(t, hosp_emb.as_ref().map(|v| v[*i].features())).0)
                .count();
            (n, hosp.len())
        });
        (c, fa, kind)
    };
    let (head_c, head_fa, kind) = head_alone(head);
    table.push(("head".into(), head_c, head_fa));
    // The news profile's head alone (CONSTRAINT train only), for comparison.
    let (news_c, news_fa, _) = head_alone(&DetectorHead::bundled_profile(HeadProfile::News)?);
    table.push(("head, news profile".into(), news_c, news_fa));
    let (mut claims, mut refuting) = (0u32, 0u32);
    for (gi, (gate, d)) in detectors.iter().enumerate() {
        for &with_emb in &modes {
            let mut c = Counts::default();
            for (i, (text, fake)) in rows.iter().enumerate() {
                let emb = embeddings
                    .as_ref()
                    .filter(|_| with_emb)
                    .map(|v| v[i].features());
                let info = d.assess_in(&super::text_mention(i, text), emb, row_lang[i].as_deref());
                c.add(*fake, info.score >= 0.5);
                if gi == 0 && with_emb && !info.claims.is_empty() {
                    claims += 1;
                    if info.claims[0].stance == vigia_model::Stance::Refutes {
                        refuting += 1;
                    }
                }
            }
            let fa = hospital.then(|| {
                hosp.iter()
                    .enumerate()
                    .filter(|(i, t)| {
                        let emb = hosp_emb
                            .as_ref()
                            .filter(|_| with_emb)
                            .map(|v| v[*i].features());
                        d.assess_in(&super::text_mention(*i, t), emb, hosp_lang[*i].as_deref())
                            .score
                            >= 0.5
                    })
                    .count()
            });
            let suffix = if enc.is_some() && !with_emb {
                " (no emb)"
            } else {
                ""
            };
            table.push((
                format!("{}{suffix}", gate.name()),
                c,
                fa.map(|n| (n, hosp.len())),
            ));
        }
    }
    if let Some(out) = dump {
        let det = &detectors[0].1;
        let mut w = std::io::BufWriter::new(
            std::fs::File::create(out).with_context(|| format!("creating {}", out.display()))?,
        );
        let sets = [
            ("csv", &texts, &embeddings, &row_lang),
            ("hospital", &hosp_refs, &hosp_emb, &hosp_lang),
        ];
        for (set, set_texts, set_emb, set_lang) in sets {
            for (i, t) in set_texts.iter().enumerate() {
                let emb = set_emb.as_ref().map(|v| v[i].features());
                let info = det.assess_in(&super::text_mention(i, t), emb, set_lang[i].as_deref());
                let hs = head.score(t, &domains::collect_urls(t, &[]), emb);
                let gold = if set == "csv" { rows[i].1 } else { false };
                let line = serde_json::json!({
                    "set": set, "row": i, "fake": gold, "lang": set_lang[i],
                    "head_probability": hs.probability, "score": info.score,
                    "claims": info.claims.iter().map(|c| (c.id.as_str(), c.similarity, c.stance)).collect::<Vec<_>>(),
                    "signals": info.signals.iter().map(|s| (s.kind.as_str(), s.weight)).collect::<Vec<_>>(),
                });
                writeln!(w, "{line}")?;
            }
        }
        w.flush()?;
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{}: {} posts ({} fake), head {} ({:?}), {:.1}s",
        path.display(),
        rows.len(),
        rows.iter().filter(|r| r.1).count(),
        head.model_name(),
        kind.unwrap_or(vigia_classify::misinfo::head::HeadKind::Lexical),
        secs
    );
    println!(
        "scorer                 weighted_f1  fake_f1  fake_precision  fake_recall  accuracy{}",
        if hospital {
            "  hospital_false_alarms"
        } else {
            ""
        }
    );
    for (name, c, fa) in &table {
        let fa = fa.map_or(String::new(), |(n, of)| {
            format!("  {n}/{of} ({:.1}%)", 100.0 * n as f64 / of.max(1) as f64)
        });
        println!(
            "{name:<22} {:<12.4} {:<8.4} {:<15.4} {:<12.4} {:.4}{fa}",
            c.weighted_f1(),
            c.fake_f1(),
            c.precision(),
            c.recall(),
            c.accuracy()
        );
    }
    println!(
        "combined rows name the head gate ([classify.misinfo] head_gate; default {}); they use the {} profile's head ([classify.misinfo] head)",
        HeadGate::default().name(),
        HeadProfile::default().name()
    );
    println!("posts matching a knowledge-base claim: {claims} ({refuting} of them debunking it)");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Counts;

    #[test]
    fn f1_figures() {
        let mut c = Counts::default();
        for (g, p) in [
            (true, true),
            (true, true),
            (true, false),
            (false, false),
            (false, true),
            (false, false),
        ] {
            c.add(g, p);
        }
        assert!((c.fake_f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.real_f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.weighted_f1() - 2.0 / 3.0).abs() < 1e-9);
    }
}
