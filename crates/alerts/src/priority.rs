//! Priority of a mention for human attention, 0..1.
//!
//! Two questions decide it: how bad is the mention, and how many people will see it.
//!
//! *Severity* combines three harms as independent chances (a noisy-OR, so each alone can make a
//! mention severe and together they add up without passing 1): a complaint (negativity, in full
//! when it concerns patient safety and rights, otherwise at [`COMPLAINT_BASE`]), misinformation
//! (its score) and a person's health data exposed ([`EXPOSURE`]).
//!
//! *Reach* (log-scaled followers and interactions) then scales severity between
//! [`REACH_FLOOR`] (nobody follows the author) and 1 (a million or more). So a furious post about
//! the emergency department from an account with half a million followers is critical, the same
//! post from an account with 300 followers is high, and a neutral post stays near 0 however far it
//! travels. Weights are documented in the README.

use vigia_model::{AspectLabel, MisinformationInfo, PhiInfo, SentimentInfo, SentimentLabel};

/// Aspects that escalate a negative mention (patient safety and rights).
const SENSITIVE_ASPECTS: &[&str] = &["clinical_care", "emergency_care", "privacy", "medication"];

/// Share of a complaint's negativity that counts when it touches no patient-safety aspect.
pub const COMPLAINT_BASE: f32 = 0.75;
/// Severity of a person's health data exposed in public.
pub const EXPOSURE: f32 = 0.7;
/// Share of the severity a mention keeps with no reach at all.
pub const REACH_FLOOR: f32 = 0.45;

/// Inputs to the priority formula.
pub struct PriorityInput<'a> {
    pub sentiment: &'a SentimentInfo,
    pub followers: Option<u64>,
    pub interactions: u64,
    pub aspects: &'a [AspectLabel],
    pub misinformation: &'a MisinformationInfo,
    pub phi: &'a PhiInfo,
}

/// Reach in 0..1; saturates: 10 followers ≈ 0.17, 10k ≈ 0.67, 1M ≈ 1.
fn reach(followers: Option<u64>, interactions: u64) -> f32 {
    ((followers.unwrap_or(0) as f32 + interactions as f32 * 10.0 + 1.0).log10() / 6.0).min(1.0)
}

pub fn priority(i: &PriorityInput<'_>) -> f32 {
    let negative = if i.sentiment.label == SentimentLabel::Negative {
        i.sentiment.score
    } else {
        i.sentiment.probabilities.negative * 0.5
    };
    let sensitive = i
        .aspects
        .iter()
        .any(|a| SENSITIVE_ASPECTS.contains(&a.aspect.as_str()));
    let complaint = negative * if sensitive { 1.0 } else { COMPLAINT_BASE };
    let misinformation = i.misinformation.score;
    let exposure = if i.phi.exposes_person() {
        EXPOSURE
    } else {
        0.0
    };
    let unharmed = [complaint, misinformation, exposure]
        .iter()
        .map(|h| 1.0 - h.clamp(0.0, 1.0))
        .product::<f32>();
    let severity = 1.0 - unharmed;
    let p = severity * (REACH_FLOOR + (1.0 - REACH_FLOOR) * reach(i.followers, i.interactions));
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
    /// The default `critical_mention` threshold.
    fn critical() -> f32 {
        crate::AlertsConfig::default().critical_priority
    }

    #[test]
    fn a_viral_patient_safety_complaint_is_critical_and_a_small_one_is_not() {
        let (mis, phi) = (MisinformationInfo::default(), PhiInfo::default());
        let furious = sent(SentimentLabel::Negative, 0.97);
        let er = [aspect("emergency_care")];
        let viral = priority(&input(&furious, 482_000, &er, &mis, &phi));
        let local = priority(&input(&furious, 300, &er, &mis, &phi));
        assert!(viral >= critical(), "{viral}");
        assert!(local < critical() && local > 0.5, "{local}");
        // Without a patient-safety aspect even a viral complaint is high, not critical: the
        // influencer alert covers it.
        let food = [aspect("food")];
        let viral_food = priority(&input(&furious, 482_000, &food, &mis, &phi));
        assert!(
            viral_food < critical() && viral_food > local,
            "{viral_food}"
        );
    }

    #[test]
    fn misinformation_from_a_large_account_is_critical() {
        let neu = sent(SentimentLabel::Neutral, 0.8);
        let phi = PhiInfo::default();
        let claim = MisinformationInfo {
            score: 0.95,
            ..Default::default()
        };
        assert!(priority(&input(&neu, 100_000, &[], &claim, &phi)) >= critical());
        assert!(priority(&input(&neu, 400, &[], &claim, &phi)) < critical());
    }

    #[test]
    fn harms_add_up_without_passing_one() {
        let neg = sent(SentimentLabel::Negative, 0.8);
        let neu = sent(SentimentLabel::Neutral, 0.8);
        let clean = MisinformationInfo::default();
        let none = PhiInfo::default();
        let exposed = PhiInfo {
            self_disclosure: true,
            ..Default::default()
        };
        let complaint = priority(&input(&neg, 1_000, &[], &clean, &none));
        let exposure = priority(&input(&neu, 1_000, &[], &clean, &exposed));
        let both = priority(&input(&neg, 1_000, &[], &clean, &exposed));
        assert!(both > complaint.max(exposure) + 0.05, "{both}");
        assert!(both < complaint + exposure, "{both}");
    }
}
