//! Priority of a mention for human attention, 0..1.
//!
//! A weighted sum of what makes a mention urgent for a hospital: negativity, reach, the aspects
//! it touches, misinformation and exposed patient data. Weights are documented in the README.

use vigia_model::{AspectLabel, MisinformationInfo, PhiInfo, SentimentInfo, SentimentLabel};

/// Aspects that escalate a negative mention (patient safety and rights).
const SENSITIVE_ASPECTS: &[&str] = &["clinical_care", "emergency_care", "privacy", "medication"];

/// Inputs to the priority formula.
pub struct PriorityInput<'a> {
    pub sentiment: &'a SentimentInfo,
    pub followers: Option<u64>,
    pub interactions: u64,
    pub aspects: &'a [AspectLabel],
    pub misinformation: &'a MisinformationInfo,
    pub phi: &'a PhiInfo,
}

pub fn priority(i: &PriorityInput<'_>) -> f32 {
    let negative = if i.sentiment.label == SentimentLabel::Negative {
        i.sentiment.score
    } else {
        i.sentiment.probabilities.negative * 0.5
    };
    // Reach saturates: 10 followers ≈ 0.17, 10k ≈ 0.67, 1M ≈ 1.
    let reach = ((i.followers.unwrap_or(0) as f32 + i.interactions as f32 * 10.0 + 1.0).log10()
        / 6.0)
        .min(1.0);
    let sensitive = i
        .aspects
        .iter()
        .any(|a| SENSITIVE_ASPECTS.contains(&a.aspect.as_str())) as u8 as f32;
    let phi = if i.phi.exposes_person() { 1.0 } else { 0.0 };
    let p = 0.30 * negative
        + 0.20 * reach
        + 0.10 * sensitive * negative
        + 0.25 * i.misinformation.score
        + 0.25 * phi;
    p.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::SentimentProbs;

    fn sent(label: SentimentLabel, p: f32) -> SentimentInfo {
        SentimentInfo {
            label,
            score: p,
            polarity: 0.0,
            probabilities: SentimentProbs::default(),
            model: "t".into(),
        }
    }

    #[test]
    fn negative_with_reach_outranks_neutral() {
        let mis = MisinformationInfo::default();
        let phi = PhiInfo::default();
        let neg = sent(SentimentLabel::Negative, 0.9);
        let neu = sent(SentimentLabel::Neutral, 0.9);
        let a = priority(&PriorityInput {
            sentiment: &neg,
            followers: Some(100_000),
            interactions: 50,
            aspects: &[],
            misinformation: &mis,
            phi: &phi,
        });
        let b = priority(&PriorityInput {
            sentiment: &neu,
            followers: Some(10),
            interactions: 0,
            aspects: &[],
            misinformation: &mis,
            phi: &phi,
        });
        assert!(a > b + 0.3, "{a} vs {b}");
        let phi_hit = PhiInfo {
            self_disclosure: true,
            ..Default::default()
        };
        let c = priority(&PriorityInput {
            sentiment: &neu,
            followers: Some(10),
            interactions: 0,
            aspects: &[],
            misinformation: &mis,
            phi: &phi_hit,
        });
        assert!(c > b + 0.2);
        // A link alone is redacted but exposes no one: no PHI weight.
        let link_only = PhiInfo {
            types: vec![vigia_model::PhiType::Url],
            ..Default::default()
        };
        let d = priority(&PriorityInput {
            sentiment: &neu,
            followers: Some(10),
            interactions: 0,
            aspects: &[],
            misinformation: &mis,
            phi: &link_only,
        });
        assert_eq!(d, b);
    }
}
