//! Classify stage: everything learned or inferred from a mention's text.
//!
//! Owns language identification ([`lang`]), sentiment ([`sentiment`]), healthcare aspects
//! ([`aspects`]), misinformation ([`misinfo`]), PHI detection and redaction ([`phi`]), and the
//! model loading and inference backends they use. It does not decide priority or raise alerts
//! (that is `vigia-alerts`) and knows nothing of Kafka or async runtimes: [`Classifier`] is a
//! plain struct whose batch method is called from a worker thread.

pub mod aspects;
pub mod encoder;
pub mod lang;
pub mod misinfo;
pub mod phi;
pub mod sentiment;
pub mod tiers;

use serde::Deserialize;
use vigia_model::{AspectLabel, LanguageInfo, Mention, MisinformationInfo, PhiInfo, SentimentInfo};

/// Errors loading models or resources at start-up.
#[derive(Debug, thiserror::Error)]
pub enum ClassifyError {
    #[error("model files missing at {path}: run `{install}` to fetch them")]
    ModelMissing { path: String, install: String },
    #[error("invalid resource {name}: {detail}")]
    InvalidResource { name: String, detail: String },
    #[error("inference failed: {0}")]
    Inference(String),
}

/// Configuration of the classify stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClassifyConfig {
    /// The multilingual encoder (`[classify.encoder]`): engine, threads, batching.
    pub encoder: encoder::EncoderConfig,
    pub aspects: aspects::AspectsConfig,
    /// Language identification thresholds (`[classify.lang]`).
    pub lang: lang::LangConfig,
    pub misinfo: misinfo::MisinfoConfig,
}

/// Everything the classify stage says about one mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    pub language: LanguageInfo,
    pub sentiment: SentimentInfo,
    pub aspects: Vec<AspectLabel>,
    pub misinformation: MisinformationInfo,
    pub phi: PhiInfo,
    pub redacted_text: String,
    /// `name@version` of each model or rule set that contributed.
    pub models: Vec<String>,
}

/// The classify stage, built once at start-up and shared by reference.
pub struct Classifier {
    lang: lang::LanguageDetector,
    sentiment: sentiment::LexiconSentiment,
    aspects: aspects::AspectTagger,
    misinfo: misinfo::MisinfoDetector,
    phi: phi::PhiDetector,
}

impl Classifier {
    pub fn new(config: &ClassifyConfig) -> Result<Self, ClassifyError> {
        Ok(Self {
            lang: lang::LanguageDetector::with_config(config.lang),
            sentiment: sentiment::LexiconSentiment::new(),
            aspects: aspects::AspectTagger::new(&config.aspects)?,
            misinfo: misinfo::MisinfoDetector::with_config(&config.misinfo, None)?,
            phi: phi::PhiDetector::new(),
        })
    }

    /// Classify a batch; results are in input order. Batching lets model backends amortise work.
    pub fn classify_batch(&self, mentions: &[&Mention]) -> Vec<Classification> {
        mentions.iter().map(|m| self.classify_one(m)).collect()
    }

    fn classify_one(&self, m: &Mention) -> Classification {
        let language = self.lang.detect(&m.text, m.lang_hint.as_deref());
        let lang = language.code.as_deref();
        let sentiment = self.sentiment.classify(&m.text, lang);
        let aspects = self.aspects.tag(&m.text, Some(sentiment.label));
        let misinformation = self.misinfo.assess(m, None);
        let (phi, redacted_text) = self.phi.detect_and_redact(&m.text, lang);
        Classification {
            language,
            sentiment,
            aspects,
            misinformation,
            phi,
            redacted_text,
            models: vec![
                lang::MODEL_NAME.to_string(),
                sentiment::MODEL_NAME.to_string(),
                aspects::MODEL_NAME.to_string(),
                phi::MODEL_NAME.to_string(),
            ],
        }
    }
}

/// The transformer sentiment tier for `config`: multilingual-e5-small on its own inference
/// thread(s) plus the shipped UMSAB head. Loading takes a second or two; when the model files
/// are missing the error is [`ClassifyError::ModelMissing`], naming `scripts/models fetch`.
pub fn load_transformer_sentiment(
    config: &ClassifyConfig,
) -> Result<sentiment::head::EncoderSentiment, ClassifyError> {
    sentiment::head::EncoderSentiment::load(&config.encoder)
}
