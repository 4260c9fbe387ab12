//! Classification tiers: which mentions the transformer sees.
//!
//! The fast tier (the lexicon in [`crate::sentiment`] and trigger aspects) classifies every
//! mention for almost nothing; the transformer tier (multilingual-e5-small with the sentiment
//! head, and prototype aspects) costs milliseconds per mention on a CPU. `tier = "mixed"` runs the
//! fast tier on everything and sends a mention on to the transformer when
//! - the fast verdict is uncertain: the lexicon found no polar word, or its top probability beats
//!   the runner-up by less than `uncertainty_margin`;
//! - or the mention matters more than most: an author with at least `escalate_followers`
//!   followers, PHI found in it, or a misinformation score of at least `escalate_misinfo`.
//!
//! The decision is a pure function of the fast result and the mention ([`Router::route`]), so
//! the mix can be measured offline (`vigia eval tiers`) before it is configured.

use crate::ClassifyError;
use serde::Deserialize;
use vigia_model::{SentimentInfo, SentimentProbs};

/// `[classify] tier`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Lexicon and triggers only: the most mentions per second, the least accuracy.
    Fast,
    /// The transformer on every mention: the default. On the public benchmarks, through `vigia
    /// enrich`, it beats the mix (UMSAB val sentiment 0.622 against 0.603, CONSTRAINT val
    /// misinformation 0.958 against 0.956), and a hospital's mention volume is far below what
    /// it sustains (see the README's tier table).
    #[default]
    Transformer,
    /// The fast tier, escalating uncertain or important mentions to the transformer: for volume.
    Mixed,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Fast => "fast",
            Tier::Transformer => "transformer",
            Tier::Mixed => "mixed",
        }
    }
}

/// Routing settings (`[classify.tiers]`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RouterConfig {
    pub tier: Tier,
    pub uncertainty_margin: f32,
    pub escalate_followers: u64,
    pub escalate_phi: bool,
    pub escalate_misinfo: f32,
}

impl Default for RouterConfig {
    fn default() -> Self {
        Self {
            tier: Tier::Transformer,
            uncertainty_margin: DEFAULT_MARGIN,
            escalate_followers: 10_000,
            escalate_phi: true,
            escalate_misinfo: 0.5,
        }
    }
}

/// Default `uncertainty_margin`, chosen on UMSAB val (see the README's tier table).
pub const DEFAULT_MARGIN: f32 = 0.3;

impl RouterConfig {
    /// Start-up validation; the message names the key.
    pub fn validate(&self) -> Result<(), ClassifyError> {
        let bad = |key: &str, detail: String| ClassifyError::InvalidResource {
            name: format!("classify.tiers.{key}"),
            detail,
        };
        if !(0.0..=1.0).contains(&self.uncertainty_margin) {
            return Err(bad(
                "uncertainty_margin",
                format!("must be between 0 and 1, got {}", self.uncertainty_margin),
            ));
        }
        if !(0.0..=1.0).contains(&self.escalate_misinfo) {
            return Err(bad(
                "escalate_misinfo",
                format!("must be between 0 and 1, got {}", self.escalate_misinfo),
            ));
        }
        Ok(())
    }
}

/// Why a mention went to the transformer (or did not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Fast,
    Uncertain,
    Followers,
    Phi,
    Misinfo,
    /// `tier = "transformer"`.
    Always,
}

impl Route {
    pub fn escalated(self) -> bool {
        self != Route::Fast
    }
    pub fn name(self) -> &'static str {
        match self {
            Route::Fast => "fast",
            Route::Uncertain => "uncertain",
            Route::Followers => "followers",
            Route::Phi => "phi",
            Route::Misinfo => "misinfo",
            Route::Always => "always",
        }
    }
}

/// What the router knows about a mention besides its fast verdict.
#[derive(Debug, Clone, Copy, Default)]
pub struct Signals {
    pub followers: Option<u64>,
    pub phi: bool,
    pub misinfo: f32,
}

impl BatchSentiment for crate::sentiment::head::EncoderSentiment {
    fn predict(&self, texts: &[&str]) -> Result<Vec<SentimentProbs>, ClassifyError> {
        Ok(self
            .probs_batch(texts)?
            .into_iter()
            .map(SentimentProbs::from_array)
            .collect())
    }
    fn name(&self) -> &str {
        self.head().name()
    }
}

/// A batch sentiment classifier: the transformer tier implements it.
pub trait BatchSentiment: Send + Sync {
    /// Probabilities (negative, neutral, positive) per text, in input order.
    fn predict(&self, texts: &[&str]) -> Result<Vec<SentimentProbs>, ClassifyError>;
    /// `name@version`, recorded as `sentiment.model`.
    fn name(&self) -> &str;
}

#[derive(Debug, Clone, Copy)]
pub struct Router {
    pub config: RouterConfig,
}

/// Margin between the fast tier's top two probabilities; zero when the lexicon found nothing.
pub fn fast_margin(fast: &SentimentInfo, hits: usize) -> f32 {
    if hits == 0 {
        return 0.0;
    }
    let mut p = fast.probabilities.as_array();
    p.sort_by(|a, b| b.total_cmp(a));
    p[0] - p[1]
}

impl Router {
    pub fn new(config: RouterConfig) -> Self {
        Self { config }
    }

    pub fn route(&self, fast: &SentimentInfo, hits: usize, s: &Signals) -> Route {
        let c = &self.config;
        match c.tier {
            Tier::Fast => return Route::Fast,
            Tier::Transformer => return Route::Always,
            Tier::Mixed => {}
        }
        if c.escalate_phi && s.phi {
            return Route::Phi;
        }
        if s.misinfo >= c.escalate_misinfo {
            return Route::Misinfo;
        }
        if s.followers.is_some_and(|f| f >= c.escalate_followers) {
            return Route::Followers;
        }
        if fast_margin(fast, hits) < c.uncertainty_margin {
            return Route::Uncertain;
        }
        Route::Fast
    }
}

/// A [`SentimentInfo`] from transformer probabilities.
pub fn info_from_probs(probs: SentimentProbs, model: &str) -> SentimentInfo {
    let (label, p) = probs.argmax();
    SentimentInfo {
        label,
        score: p,
        polarity: probs.positive - probs.negative,
        probabilities: probs,
        model: model.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentiment::LexiconSentiment;

    fn router(tier: Tier) -> Router {
        Router::new(RouterConfig {
            tier,
            ..Default::default()
        })
    }

    #[test]
    fn routes() {
        let lex = LexiconSentiment::new();
        let sure = "Terrible, horrible, disgusting service, the worst";
        let (_, hits) = lex.raw_score(sure);
        let f = lex.classify(sure, Some("en"));
        let r = router(Tier::Mixed);
        assert_eq!(r.route(&f, hits, &Signals::default()), Route::Fast);
        let big = Signals {
            followers: Some(1_000_000),
            ..Default::default()
        };
        assert_eq!(r.route(&f, hits, &big), Route::Followers);
        let phi = Signals {
            phi: true,
            ..Default::default()
        };
        assert_eq!(r.route(&f, hits, &phi), Route::Phi);
        let unsure = "The clinic opens at nine";
        let (_, h) = lex.raw_score(unsure);
        assert_eq!(
            r.route(&lex.classify(unsure, Some("en")), h, &Signals::default()),
            Route::Uncertain
        );
        assert_eq!(router(Tier::Fast).route(&f, hits, &big), Route::Fast);
        assert_eq!(
            router(Tier::Transformer).route(&f, hits, &Signals::default()),
            Route::Always
        );
        // Unconfigured, every mention gets the transformer.
        assert_eq!(RouterConfig::default().tier, Tier::Transformer);
    }
}
