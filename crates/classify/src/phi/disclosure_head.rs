//! The learned self-disclosure head of the transformer tier (`scripts/train-disclosure`,
//! `training/train_disclosure.py`): a logistic regression over the encoder's layer means that
//! tells whether a post discloses a health condition of its author or of a close or named person.
//!
//! The rules in [`super::disclosure`] find most disclosures with high precision, but on blind sets
//! written by someone else they missed a fifth to a third. The head reads wording no rule lists
//! ("back on the ward for round four"), so an escalated mention the rules left alone is flagged
//! when the head is very sure (its `threshold`, chosen out of fold on non-PHI posts). It can only
//! add disclosures, never remove one the rules found. `[classify.phi] disclosure_head = false`
//! turns it off.

use crate::encoder::{self, DIM, LAYERS};
use crate::ClassifyError;
use serde::Deserialize;

/// The shipped head; `disclosure_head.meta.json` beside it says how it was trained.
pub const HEAD_JSON: &str = include_str!("../../resources/phi/disclosure_head.json");

#[derive(Debug, Clone, Deserialize)]
struct Features {
    source: String,
    layers: Vec<usize>,
    scale: f32,
    prefix: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DisclosureHead {
    /// `name@version`, reported in `models`.
    pub name: String,
    features: Features,
    weights: Vec<f32>,
    bias: f32,
    /// Probability at or above which a mention is flagged.
    pub threshold: f32,
}

impl DisclosureHead {
    /// The head bundled in the binary.
    pub fn bundled() -> Result<Self, ClassifyError> {
        Self::from_json(HEAD_JSON)
    }

    pub fn from_json(json: &str) -> Result<Self, ClassifyError> {
        let invalid = |detail: String| ClassifyError::InvalidResource {
            name: "phi/disclosure_head.json".into(),
            detail,
        };
        let h: Self = serde_json::from_str(json).map_err(|e| invalid(e.to_string()))?;
        let f = &h.features;
        if f.source != "layer_means" || f.prefix != "query: " {
            return Err(invalid(format!(
                "features {} with prefix {:?}: expected layer_means with \"query: \"",
                f.source, f.prefix
            )));
        }
        if f.layers.is_empty() || f.layers.iter().any(|&l| l >= LAYERS) {
            return Err(invalid(format!("layers {:?} out of 0..{LAYERS}", f.layers)));
        }
        if h.weights.len() != f.layers.len() * DIM {
            return Err(invalid(format!(
                "{} weights for {} layers of {DIM}",
                h.weights.len(),
                f.layers.len()
            )));
        }
        if !(0.0..=1.0).contains(&h.threshold) {
            return Err(invalid(format!("threshold {}", h.threshold)));
        }
        Ok(h)
    }

    /// P(the post discloses a condition) from one row of layer means (`LAYERS` x `DIM`, computed
    /// with the `query: ` prefix, as the transformer tier does).
    pub fn probability(&self, layer_means: &[f32]) -> f32 {
        let x = encoder::layer_block(layer_means, &self.features.layers, self.features.scale);
        encoder::sigmoid(self.bias + x.iter().zip(&self.weights).map(|(a, w)| a * w).sum::<f32>())
    }

    pub fn flags(&self, layer_means: &[f32]) -> bool {
        self.probability(layer_means) >= self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_head_loads_and_reads_layers_9_to_12() {
        let h = DisclosureHead::bundled().unwrap();
        assert_eq!(h.features.layers, [9, 10, 11, 12]);
        assert!(h.threshold >= 0.5, "{}", h.threshold);
        assert!(h.name.starts_with("e5-disclosure"));
    }

    #[test]
    fn malformed_heads_are_refused() {
        let good: serde_json::Value = serde_json::from_str(HEAD_JSON).unwrap();
        let mut short = good.clone();
        short["weights"] = serde_json::json!([0.1, 0.2]);
        assert!(DisclosureHead::from_json(&short.to_string()).is_err());
        let mut deep = good.clone();
        deep["features"]["layers"] = serde_json::json!([9, 10, 11, 13]);
        assert!(DisclosureHead::from_json(&deep.to_string()).is_err());
        let mut other = good;
        other["features"]["source"] = serde_json::json!("sentence");
        assert!(DisclosureHead::from_json(&other.to_string()).is_err());
    }

    #[test]
    fn probability_is_the_logistic_of_the_weighted_layer_block() {
        let mut h = DisclosureHead::bundled().unwrap();
        h.weights.iter_mut().for_each(|w| *w = 0.0);
        h.bias = 0.0;
        let means = vec![0.5_f32; LAYERS * DIM];
        assert!((h.probability(&means) - 0.5).abs() < 1e-6);
        // One weight on layer 9's first feature: that feature is 1/sqrt(384) x scale.
        h.weights[0] = 10.0;
        let x = h.features.scale / (DIM as f32).sqrt();
        let want = 1.0 / (1.0 + (-(10.0 * x)).exp());
        assert!((h.probability(&means) - want).abs() < 1e-5);
    }
}
