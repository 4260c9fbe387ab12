//! The supervised detector head: logistic regression over the encoder embedding, hashed
//! TF-IDF n-grams and link/style features, trained on CONSTRAINT (English COVID-19 posts) by
//! `scripts/train-misinfo`. A second, lexical-only head serves when no encoder is loaded.
//!
//! A head is binary (fake against real: the `news` profile) or has three classes, real, fake
//! and everyday posts (the `hospital` profile, whose background posts are a class of their own).
//! Each variant ships as linear *contrasts*: the logit of fake against real, and for three
//! classes also of fake against everyday; P(fake) = 1 / (1 + e^-l1 + e^-l2).
//!
//! Files (`resources/misinfo/`): `head.json` (metadata: data hashes, validation figures, recipe,
//! parity fixtures) and `head.bin` (little-endian f32 arrays in the order `layout` lists).

use super::features::{self, DIM, META_DIM};
use crate::encoder::{self, sigmoid, TextFeatures};
use crate::ClassifyError;
use serde::Deserialize;

const META_JSON: &str = include_str!("../../resources/misinfo/head.json");
const WEIGHTS: &[u8] = include_bytes!("../../resources/misinfo/head.bin");
const NEWS_META_JSON: &str = include_str!("../../resources/misinfo/head-news.json");
const NEWS_WEIGHTS: &[u8] = include_bytes!("../../resources/misinfo/head-news.bin");

/// Which shipped head (`[classify.misinfo] head`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadProfile {
    /// CONSTRAINT train plus everyday posts (UMSAB tweets and synthetic healthcare posts) as a
    /// third class: what a hospital's stream needs (about 1% false alarms on patient posts
    /// instead of 99%).
    #[default]
    Hospital,
    /// CONSTRAINT train alone: the best figure on CONSTRAINT-like news streams (0.960 weighted F1
    /// on val), but it calls nearly every first-person health post fake.
    News,
}

impl HeadProfile {
    pub fn name(self) -> &'static str {
        match self {
            HeadProfile::Hospital => "hospital",
            HeadProfile::News => "news",
        }
    }
}

/// Metadata of a trained head (`head.json`).
#[derive(Debug, Clone, Deserialize)]
pub struct HeadMeta {
    pub name: String,
    pub version: String,
    pub features_version: u32,
    pub lexical_dim: usize,
    pub embedding_dim: usize,
    /// Encoder layers whose mean hidden states, each L2-normalised and times
    /// `embedding_scale`, form the embedding block (0 = the token embeddings, 12 = the last
    /// layer). Empty: the sentence embedding alone.
    #[serde(default)]
    pub embedding_layers: Vec<usize>,
    #[serde(default = "one")]
    pub embedding_scale: f32,
    pub meta_names: Vec<String>,
    /// Encoder whose embeddings the full head was trained on.
    pub encoder: String,
    pub layout: Vec<String>,
    pub full: Option<Variant>,
    pub lexical: Variant,
    #[serde(default)]
    pub parity: Vec<ParityCase>,
    #[serde(default)]
    pub data: serde_json::Value,
    #[serde(default)]
    pub recipe: serde_json::Value,
}

fn one() -> f32 {
    1.0
}

/// One trained variant's biases, decision threshold and validation figures.
#[derive(Debug, Clone, Deserialize)]
pub struct Variant {
    /// Bias of the fake-against-real contrast.
    pub bias: f32,
    /// Bias of the fake-against-everyday contrast (three-class heads only).
    #[serde(default)]
    pub bias_vs_everyday: Option<f32>,
    pub threshold: f32,
    #[serde(default)]
    pub val: serde_json::Value,
}

/// A text with the features and logit the training code computed for it.
#[derive(Debug, Clone, Deserialize)]
pub struct ParityCase {
    pub text: String,
    /// Non-zero lexical buckets (with idf) and their values.
    pub lexical: Vec<(u32, f32)>,
    pub meta: Vec<f32>,
    /// Logit of P(fake) of the lexical-only head.
    pub lexical_logit: f32,
}

/// Which head scored a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKind {
    /// Embedding + lexical + link features.
    Full,
    /// Lexical + link features (no encoder loaded).
    Lexical,
}

/// One linear contrast's weights (the embedding block is empty in the lexical variant).
struct Contrast {
    bias: f32,
    embedding: Vec<f32>,
    meta: Vec<f32>,
    lexical: Vec<f32>,
}

/// A loaded head.
pub struct DetectorHead {
    pub meta: HeadMeta,
    idf: Vec<f32>,
    full: Option<Vec<Contrast>>,
    lex: Vec<Contrast>,
}

/// What the head says about one text.
#[derive(Debug, Clone, Copy)]
pub struct HeadScore {
    pub kind: HeadKind,
    pub logit: f32,
    pub probability: f32,
    /// The variant's tuned threshold on the probability.
    pub threshold: f32,
}

fn read_f32s(bytes: &[u8], at: &mut usize, n: usize) -> Result<Vec<f32>, ClassifyError> {
    let end = *at + 4 * n;
    let Some(chunk) = bytes.get(*at..end) else {
        return Err(ClassifyError::InvalidResource {
            name: "misinfo/head.bin".into(),
            detail: format!("{} bytes, layout needs at least {end}", bytes.len()),
        });
    };
    *at = end;
    Ok(chunk
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect())
}

impl DetectorHead {
    /// The head compiled into vigia.
    pub fn bundled() -> Result<Self, ClassifyError> {
        Self::bundled_profile(HeadProfile::default())
    }

    /// One of the heads compiled into vigia.
    pub fn bundled_profile(profile: HeadProfile) -> Result<Self, ClassifyError> {
        match profile {
            HeadProfile::Hospital => Self::from_parts(META_JSON, WEIGHTS),
            HeadProfile::News => Self::from_parts(NEWS_META_JSON, NEWS_WEIGHTS),
        }
    }

    pub fn from_parts(meta_json: &str, weights: &[u8]) -> Result<Self, ClassifyError> {
        let bad = |detail: String| ClassifyError::InvalidResource {
            name: "misinfo/head.json".into(),
            detail,
        };
        let meta: HeadMeta = serde_json::from_str(meta_json).map_err(|e| bad(e.to_string()))?;
        if meta.features_version != features::FEATURES_VERSION
            || meta.lexical_dim != DIM
            || meta.meta_names.len() != META_DIM
        {
            return Err(bad(format!(
                "trained for features v{} ({} buckets, {} link features); this vigia computes v{} ({DIM}, {META_DIM}): retrain with scripts/train-misinfo",
                meta.features_version,
                meta.lexical_dim,
                meta.meta_names.len(),
                features::FEATURES_VERSION
            )));
        }
        let want_dim = match meta.embedding_layers.len() {
            0 => encoder::DIM,
            n => n * encoder::DIM,
        };
        if meta.full.is_some()
            && (meta.embedding_dim != want_dim
                || meta.embedding_layers.iter().any(|&l| l >= encoder::LAYERS))
        {
            return Err(bad(format!(
                "embedding block of {} dims from layers {:?}: retrain with scripts/train-misinfo",
                meta.embedding_dim, meta.embedding_layers
            )));
        }
        let mut at = 0;
        let idf = read_f32s(weights, &mut at, DIM)?;
        // Each variant: its fake-vs-real contrast, then (three classes) fake-vs-everyday.
        let mut contrasts = |v: &Variant, embedding_dim: usize| {
            [Some(v.bias), v.bias_vs_everyday]
                .into_iter()
                .flatten()
                .map(|bias| {
                    Ok(Contrast {
                        bias,
                        embedding: read_f32s(weights, &mut at, embedding_dim)?,
                        meta: read_f32s(weights, &mut at, META_DIM)?,
                        lexical: read_f32s(weights, &mut at, DIM)?,
                    })
                })
                .collect::<Result<Vec<_>, ClassifyError>>()
        };
        let full = match &meta.full {
            Some(v) => Some(contrasts(v, meta.embedding_dim)?),
            None => None,
        };
        let lex = contrasts(&meta.lexical, 0)?;
        if at != weights.len() {
            return Err(bad(format!(
                "head.bin has {} bytes, layout uses {at}",
                weights.len()
            )));
        }
        Ok(Self {
            meta,
            idf,
            full,
            lex,
        })
    }

    /// `name@version`.
    pub fn model_name(&self) -> String {
        format!("{}@{}", self.meta.name, self.meta.version)
    }

    pub fn has_full(&self) -> bool {
        self.full.is_some()
    }

    /// Sparse lexical features with this head's idf.
    pub fn lexical_features(&self, text: &str) -> Vec<(u32, f32)> {
        features::lexical(text, Some(&self.idf))
    }

    /// The full variant's embedding block from a text's encoder features: the sentence
    /// embedding, or the chosen layers' means (each L2-normalised and scaled). `None` when the
    /// features lack what the head was trained on (an engine without layer means).
    fn embedding_block(&self, f: TextFeatures<'_>) -> Option<Vec<f32>> {
        let layers = &self.meta.embedding_layers;
        if layers.is_empty() {
            return (f.sentence.len() == encoder::DIM).then(|| f.sentence.to_vec());
        }
        // Layers were checked against the encoder's at load.
        f.layer_means
            .filter(|m| m.len() == encoder::LAYERS * encoder::DIM)
            .map(|m| encoder::layer_block(m, layers, self.meta.embedding_scale))
    }

    /// Score a text. `urls`: the mention's links; `encoded`: the encoder's features when one is
    /// loaded (the full head runs only when they hold what it was trained on).
    pub fn score(
        &self,
        text: &str,
        urls: &[String],
        encoded: Option<TextFeatures<'_>>,
    ) -> HeadScore {
        let lex = self.lexical_features(text);
        let meta = features::meta(text, urls);
        let dot = |w: &[f32], x: &[f32]| -> f32 { w.iter().zip(x).map(|(a, b)| a * b).sum() };
        let contrast = |c: &Contrast, e: &[f32]| -> f32 {
            c.bias
                + dot(&c.embedding, e)
                + dot(&c.meta, &meta)
                + lex
                    .iter()
                    .map(|(k, v)| c.lexical[*k as usize] * v)
                    .sum::<f32>()
        };
        let block = match (&self.full, encoded) {
            (Some(_), Some(f)) => self.embedding_block(f),
            _ => None,
        };
        let (kind, contrasts, e, threshold) = match (&self.full, &self.meta.full, &block) {
            (Some(cs), Some(v), Some(e)) => (HeadKind::Full, cs, &e[..], v.threshold),
            _ => (
                HeadKind::Lexical,
                &self.lex,
                &[][..],
                self.meta.lexical.threshold,
            ),
        };
        let logit = fake_logit(contrasts.iter().map(|c| contrast(c, e)));
        HeadScore {
            kind,
            logit,
            probability: sigmoid(logit),
            threshold,
        }
    }
}

/// The logit of P(fake) from the contrasts' logits l_k (fake against each other class):
/// P(fake) = 1 / (1 + sum_k e^-l_k), so logit = -ln(sum_k e^-l_k), computed without overflow.
fn fake_logit(contrasts: impl Iterator<Item = f32>) -> f32 {
    // A running log-sum-exp of -l_k: (max so far, sum of e^(x - max)).
    let (m, sum) = contrasts.fold((f32::NEG_INFINITY, 0.0f32), |(m, sum), l| {
        let x = -l;
        if x > m {
            (x, sum * (m - x).exp() + 1.0)
        } else {
            (m, sum + (x - m).exp())
        }
    });
    -(m + sum.ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrasts_combine_into_the_fake_class_probability() {
        // one contrast: the logit itself
        assert!((fake_logit([1.5].into_iter()) - 1.5).abs() < 1e-6);
        // softmax over (real, fake, everyday) logits (0, 2, 1): l1 = 2, l2 = 1
        let p = sigmoid(fake_logit([2.0, 1.0].into_iter()));
        let want = 2f32.exp() / (1.0 + 2f32.exp() + 1f32.exp());
        assert!((p - want).abs() < 1e-6, "{p} vs {want}");
        // large logits do not overflow
        assert!(fake_logit([200.0, -200.0].into_iter()).is_finite());
    }

    /// Both shipped profiles load; the hospital head has three classes, the news head two.
    #[test]
    fn profiles_load_with_their_contrasts() {
        let h = DetectorHead::bundled_profile(HeadProfile::Hospital).unwrap();
        let n = DetectorHead::bundled_profile(HeadProfile::News).unwrap();
        assert_eq!(h.lex.len(), 2);
        assert_eq!(h.full.as_ref().map(Vec::len), Some(2));
        assert_eq!(n.lex.len(), 1);
        assert_eq!(n.full.as_ref().map(Vec::len), Some(1));
    }

    /// The full variant reads the layers it was trained on: given only a sentence embedding
    /// (an engine without layer means) it falls back to the lexical variant, and a head asking
    /// for layers the encoder lacks, or whose width does not match them, is refused at load.
    #[test]
    fn full_variant_needs_the_layers_it_was_trained_on() {
        let head = DetectorHead::bundled().unwrap();
        let layers = head.meta.embedding_layers.clone();
        assert!(!layers.is_empty(), "the shipped head reads layer means");
        let lm: Vec<f32> = (0..encoder::LAYERS * encoder::DIM)
            .map(|i| ((i * 7919) % 101) as f32 / 100.0 - 0.5)
            .collect();
        let sentence = TextFeatures::sentence_from_layer_means(&lm);
        let text = "5G towers spread the virus, share before they delete this";
        let with = TextFeatures {
            sentence: &sentence,
            layer_means: Some(&lm),
        };
        assert_eq!(head.score(text, &[], Some(with)).kind, HeadKind::Full);
        let only_sentence = TextFeatures::sentence(&sentence);
        assert_eq!(
            head.score(text, &[], Some(only_sentence)).kind,
            HeadKind::Lexical
        );
        // The block is the chosen layers' means, each of norm `embedding_scale`.
        let block = head.embedding_block(with).unwrap();
        assert_eq!(block.len(), layers.len() * encoder::DIM);
        for chunk in block.chunks(encoder::DIM) {
            let n = chunk.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((n - head.meta.embedding_scale).abs() < 1e-4, "{n}");
        }

        let mut v: serde_json::Value = serde_json::from_str(META_JSON).unwrap();
        v["embedding_layers"] = serde_json::json!([encoder::LAYERS]);
        assert!(DetectorHead::from_parts(&v.to_string(), WEIGHTS).is_err());
        let mut v: serde_json::Value = serde_json::from_str(META_JSON).unwrap();
        v["embedding_layers"] = serde_json::json!([12]);
        assert!(DetectorHead::from_parts(&v.to_string(), WEIGHTS).is_err());
    }

    /// The Rust features and the lexical head's logit match what the Python training code
    /// computed for the same texts (fixtures written into head.json by the training script).
    #[test]
    fn parity_with_training_features() {
        let head = DetectorHead::bundled().unwrap();
        assert!(
            !head.meta.parity.is_empty(),
            "head.json carries parity fixtures"
        );
        for case in &head.meta.parity {
            let got = head.lexical_features(&case.text);
            assert_eq!(
                got.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
                case.lexical.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
                "buckets differ for {:?}",
                case.text
            );
            for ((_, a), (_, b)) in got.iter().zip(&case.lexical) {
                assert!((a - b).abs() < 1e-4, "{a} vs {b} for {:?}", case.text);
            }
            let m = features::meta(&case.text, &features::text_urls(&case.text));
            for (a, b) in m.iter().zip(&case.meta) {
                assert!((a - b).abs() < 1e-5, "meta {a} vs {b} for {:?}", case.text);
            }
            let s = head.score(&case.text, &features::text_urls(&case.text), None);
            assert!(
                (s.logit - case.lexical_logit).abs() < 1e-3,
                "logit {} vs {} for {:?}",
                s.logit,
                case.lexical_logit,
                case.text
            );
        }
    }
}
