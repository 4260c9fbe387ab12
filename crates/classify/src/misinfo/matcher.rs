//! Claim matching: a mention against every text of every knowledge-base claim.
//!
//! With the encoder loaded, each claim's statement and paraphrases are embedded once at start-up
//! (cached on disk beside the model, keyed by the knowledge base's and the encoder's identity)
//! and a mention matches a claim when its embedding's cosine to the claim's closest text reaches
//! the calibrated threshold. Without the encoder, the same search runs on hashed word and
//! character n-gram TF-IDF vectors: weaker across languages, but it keeps claim matching alive
//! where no model files are installed.

use super::features;
use super::kb::KnowledgeBase;
use crate::encoder::{self, Encoder, EncoderConfig};
use crate::ClassifyError;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

const CALIBRATION: &str = include_str!("../../resources/kb/calibration.json");

/// Thresholds from `resources/kb/calibration.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct Calibration {
    pub embedding_threshold: f32,
    pub lexical_threshold: f32,
    #[serde(default)]
    pub kb_version: String,
}

impl Calibration {
    pub fn bundled() -> Self {
        serde_json::from_str(CALIBRATION).expect("bundled calibration.json is valid")
    }
}

/// Which representation matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    Embedding,
    Lexical,
}

/// The searchable form of a knowledge base.
pub struct ClaimIndex {
    /// Claim index of each text row.
    owner: Vec<usize>,
    /// Language of each text row.
    lang: Vec<String>,
    /// Row-major [rows x DIM] L2-normalised embeddings, when an encoder was given.
    embeddings: Option<Vec<f32>>,
    /// The knowledge base's idf.
    /// Inverted index of the rows' lexical vectors: bucket -> (row, value).
    postings: HashMap<u32, Vec<(u32, f32)>>,
    idf: Vec<f32>,
    /// Per claim, the word stems of its indexed texts ([`super::stance::anchor_stems`]).
    stems: Vec<HashSet<String>>,
    pub claims: usize,
}

/// A candidate claim and its best similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    pub claim: usize,
    pub similarity: f32,
}

impl ClaimIndex {
    /// Build the index; with an encoder, embed every text (or read them from the cache).
    pub fn build(
        kb: &KnowledgeBase,
        enc: Option<(&Encoder, &EncoderConfig)>,
    ) -> Result<Self, ClassifyError> {
        Self::build_filtered(kb, enc, |_, _, _| true)
    }

    /// Build from the texts `keep(claim_index, lang, text_index_within_claim)` admits (evaluation
    /// holds some out). Text 0 of a claim is its statement.
    pub fn build_filtered(
        kb: &KnowledgeBase,
        enc: Option<(&Encoder, &EncoderConfig)>,
        keep: impl Fn(usize, &str, usize) -> bool,
    ) -> Result<Self, ClassifyError> {
        let all = match enc {
            Some((e, cfg)) => Some(kb_embeddings(kb, e, cfg)?),
            None => None,
        };
        let mut owner = Vec::new();
        let mut lang = Vec::new();
        let mut texts: Vec<&str> = Vec::new();
        let mut rows = Vec::new();
        let mut row = 0;
        let mut stems = vec![HashSet::new(); kb.claims.len()];
        for (ci, c) in kb.claims.iter().enumerate() {
            for (ti, (l, t)) in c.texts().enumerate() {
                if keep(ci, l, ti) {
                    stems[ci].extend(super::stance::anchor_stems(t));
                    owner.push(ci);
                    lang.push(l.to_string());
                    texts.push(t);
                    rows.push(row);
                }
                row += 1;
            }
        }
        // idf over the indexed texts
        let n = texts.len() as f32;
        let mut df: HashMap<u32, u32> = HashMap::new();
        for t in &texts {
            for (k, _) in features::lexical(t, None) {
                *df.entry(k).or_insert(0) += 1;
            }
        }
        let mut idf = vec![(1.0 + n).ln() + 1.0; features::DIM];
        for (k, d) in df {
            idf[k as usize] = ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0;
        }
        let mut postings: HashMap<u32, Vec<(u32, f32)>> = HashMap::new();
        for (row, t) in texts.iter().enumerate() {
            for (k, x) in unit(features::lexical(t, Some(&idf))) {
                postings.entry(k).or_default().push((row as u32, x));
            }
        }
        let embeddings = all.map(|a| {
            rows.iter()
                .flat_map(|r| a[r * encoder::DIM..(r + 1) * encoder::DIM].iter().copied())
                .collect()
        });
        Ok(Self {
            owner,
            lang,
            embeddings,
            postings,
            idf,
            stems,
            claims: kb.claims.len(),
        })
    }

    pub fn mode(&self) -> MatchMode {
        if self.embeddings.is_some() {
            MatchMode::Embedding
        } else {
            MatchMode::Lexical
        }
    }

    /// The mode [`Self::rank`] uses for a mention with or without an embedding.
    pub fn mode_for(&self, embedding: Option<&[f32]>) -> MatchMode {
        match (&self.embeddings, embedding) {
            (Some(_), Some(e)) if e.len() == encoder::DIM => MatchMode::Embedding,
            _ => MatchMode::Lexical,
        }
    }

    /// Number of indexed texts.
    pub fn rows(&self) -> usize {
        self.owner.len()
    }

    /// Best similarity per claim, highest first (claims with no indexed text are absent).
    /// Uses the embedding when both the index and the caller have one, else lexical vectors.
    /// An embedding match must be anchored: the text shares a word stem with one of the claim's
    /// indexed texts, or its similarity counts as zero (see [`super::stance::anchor_stems`]).
    pub fn rank(&self, text: &str, embedding: Option<&[f32]>) -> (MatchMode, Vec<Candidate>) {
        let mut best: HashMap<usize, f32> = HashMap::new();
        let mode = match (&self.embeddings, embedding) {
            (Some(m), Some(e)) if e.len() == encoder::DIM => {
                let stems = super::stance::anchor_stems(text);
                let anchored: Vec<bool> =
                    self.stems.iter().map(|s| !s.is_disjoint(&stems)).collect();
                for (row, v) in m.chunks_exact(encoder::DIM).enumerate() {
                    if !anchored[self.owner[row]] {
                        best.entry(self.owner[row]).or_insert(0.0);
                        continue;
                    }
                    let s: f32 = v.iter().zip(e).map(|(a, b)| a * b).sum();
                    let b = best.entry(self.owner[row]).or_insert(f32::MIN);
                    *b = b.max(s);
                }
                MatchMode::Embedding
            }
            _ => {
                let q = unit(features::lexical(text, Some(&self.idf)));
                let mut dots = vec![0f32; self.owner.len()];
                for (k, y) in q {
                    if let Some(post) = self.postings.get(&k) {
                        for (row, x) in post {
                            dots[*row as usize] += x * y;
                        }
                    }
                }
                for (row, s) in dots.into_iter().enumerate() {
                    let b = best.entry(self.owner[row]).or_insert(f32::MIN);
                    *b = b.max(s);
                }
                MatchMode::Lexical
            }
        };
        let mut v: Vec<Candidate> = best
            .into_iter()
            .map(|(claim, similarity)| Candidate {
                claim,
                similarity: similarity.clamp(0.0, 1.0),
            })
            .collect();
        v.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.claim.cmp(&b.claim))
        });
        (mode, v)
    }

    /// Languages of the indexed texts (for evaluation reports).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.lang.iter().map(String::as_str)
    }
}

fn unit(mut v: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let n = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= n;
        }
    }
    v
}

/// Embeddings of every text of the knowledge base, row-major in [`Claim::texts`] order
/// (claim by claim), from the cache when it has them.
///
/// [`Claim::texts`]: super::kb::Claim::texts
pub fn kb_embeddings(
    kb: &KnowledgeBase,
    enc: &Encoder,
    cfg: &EncoderConfig,
) -> Result<Vec<f32>, ClassifyError> {
    let texts: Vec<&str> = kb
        .claims
        .iter()
        .flat_map(|c| c.texts().map(|(_, t)| t))
        .collect();
    embed_cached(enc, cfg, &texts)
}

/// Embed the texts, reading and writing a cache file in the model directory so that a restart
/// does not pay for it again. The key covers the texts, the encoder and its engine.
fn embed_cached(
    enc: &Encoder,
    cfg: &EncoderConfig,
    texts: &[&str],
) -> Result<Vec<f32>, ClassifyError> {
    let mut h = Sha256::new();
    h.update(encoder::MODEL_NAME.as_bytes());
    h.update(enc.engine().name().as_bytes());
    for t in texts {
        h.update(t.as_bytes());
        h.update([0u8]);
    }
    let key = hex::encode(&h.finalize()[..8]);
    let path = encoder::model_dir(cfg).join(format!("kb-embeddings-{key}.f32"));
    let want = texts.len() * encoder::DIM;
    if let Ok(bytes) = std::fs::read(&path) {
        if bytes.len() == want * 4 {
            return Ok(bytes
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect());
        }
    }
    let mut out = Vec::with_capacity(want);
    for chunk in texts.chunks(256) {
        for row in enc.embed(chunk)? {
            out.extend(row);
        }
    }
    let bytes: Vec<u8> = out.iter().flat_map(|x| x.to_le_bytes()).collect();
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, &bytes).is_ok() {
        let _ = std::fs::rename(&tmp, &path);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_matching_finds_same_language_paraphrases() {
        let kb = KnowledgeBase::bundled().unwrap();
        let idx = ClaimIndex::build(&kb, None).unwrap();
        assert_eq!(idx.mode(), MatchMode::Lexical);
        let (_, r) = idx.rank("vaccines cause autism in children, everyone knows it", None);
        assert_eq!(kb.claims[r[0].claim].id, "vaccines-autism");
        let (_, r) = idx.rank("el bicarbonato cura el cáncer, lo ocultan", None);
        assert_eq!(kb.claims[r[0].claim].id, "cancer-baking-soda");
        let (_, r) = idx.rank("I waited four hours at the emergency room", None);
        assert!(
            r[0].similarity < Calibration::bundled().lexical_threshold,
            "{:?}",
            r[0]
        );
    }
}
