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

    fn input<'a>(
        sentiment: &'a SentimentInfo,
        followers: u64,
        aspects: &'a [AspectLabel],
        mis: &'a MisinformationInfo,
        phi: &'a PhiInfo,
    ) -> PriorityInput<'a> {
        PriorityInput {
            sentiment,
            followers: Some(followers),
            interactions: 0,
            aspects,
            misinformation: mis,
            phi,
        }
    }

    fn aspect(name: &str) -> AspectLabel {
        AspectLabel {
            aspect: name.into(),
            confidence: 1.0,
            sentiment: None,
        }
    }

    #[test]
    fn stays_within_bounds_at_the_extremes() {
        let neg = sent(SentimentLabel::Negative, 1.0);
        let mis = MisinformationInfo {
            score: 1.0,
            ..Default::default()
        };
        let phi = PhiInfo {
            self_disclosure: true,
            ..Default::default()
        };
        let aspects = [aspect("clinical_care")];
        let mut i = input(&neg, u64::MAX, &aspects, &mis, &phi);
        i.interactions = u64::MAX;
        let p = priority(&i);
        assert!((0.0..=1.0).contains(&p), "{p}");
        assert!(p > 0.95, "everything at once is top priority: {p}");
        let neu = sent(SentimentLabel::Neutral, 0.0);
        let none = MisinformationInfo::default();
        let clean = PhiInfo::default();
        let p = priority(&PriorityInput {
            sentiment: &neu,
            followers: None,
            interactions: 0,
            aspects: &[],
            misinformation: &none,
            phi: &clean,
        });
        assert!((0.0..0.05).contains(&p), "{p}");
    }

    #[test]
    fn reach_raises_priority_and_saturates() {
        let neg = sent(SentimentLabel::Negative, 0.8);
        let (mis, phi) = (MisinformationInfo::default(), PhiInfo::default());
        let p = |f: u64| priority(&input(&neg, f, &[], &mis, &phi));
        assert!(p(10) < p(10_000) && p(10_000) < p(1_000_000));
        assert!(
            (p(1_000_000) - p(100_000_000)).abs() < 1e-6,
            "reach saturates at 1M"
        );
    }

    #[test]
    fn sensitive_aspects_escalate_only_negative_mentions() {
        let (mis, phi) = (MisinformationInfo::default(), PhiInfo::default());
        let neg = sent(SentimentLabel::Negative, 0.8);
        let pos = sent(SentimentLabel::Positive, 0.8);
        let safety = [aspect("clinical_care")];
        let food = [aspect("food")];
        let with = priority(&input(&neg, 100, &safety, &mis, &phi));
        let without = priority(&input(&neg, 100, &food, &mis, &phi));
        assert!(with > without + 0.05, "{with} vs {without}");
        let pos_with = priority(&input(&pos, 100, &safety, &mis, &phi));
        let pos_without = priority(&input(&pos, 100, &food, &mis, &phi));
        assert!((pos_with - pos_without).abs() < 1e-6);
    }

    #[test]
    fn misinformation_raises_priority() {
        let neu = sent(SentimentLabel::Neutral, 0.8);
        let phi = PhiInfo::default();
        let clean = MisinformationInfo::default();
        let claim = MisinformationInfo {
            score: 0.9,
            ..Default::default()
        };
        let a = priority(&input(&neu, 100, &[], &clean, &phi));
        let b = priority(&input(&neu, 100, &[], &claim, &phi));
        assert!(b > a + 0.2, "{a} vs {b}");
    }
}
