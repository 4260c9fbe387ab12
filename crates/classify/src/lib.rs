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
use vigia_model::{
    AspectLabel, LanguageInfo, Mention, MisinformationInfo, PhiInfo, SentimentInfo, SentimentLabel,
};

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
    /// Which mentions the transformer sees (`[classify.tiers]`: tier, uncertainty_margin,
    /// escalate_followers, escalate_phi, escalate_misinfo).
    pub tiers: tiers::RouterConfig,
    pub misinfo: misinfo::MisinfoConfig,
    /// `[classify.phi]`: whether the transformer tier's disclosure head and span tagger run.
    pub phi: phi::PhiConfig,
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
    router: tiers::Router,
    /// The transformer tier; `None` when `tier = "fast"`.
    transformer: Option<sentiment::head::EncoderSentiment>,
    /// The learned disclosure head, read on escalated mentions; `None` when turned off.
    disclosure_head: Option<phi::disclosure_head::DisclosureHead>,
    /// The learned PHI span tagger, read on escalated mentions; `None` when turned off.
    span_tagger: Option<phi::tagger::SpanTagger>,
}

impl Classifier {
    pub fn new(config: &ClassifyConfig) -> Result<Self, ClassifyError> {
        config.tiers.validate()?;
        let transformer = match config.tiers.tier {
            tiers::Tier::Fast => None,
            _ => Some(load_transformer_sentiment(config)?),
        };
        let misinfo = misinfo::MisinfoDetector::with_config(
            &config.misinfo,
            transformer.as_ref().map(|t| (t.encoder(), &config.encoder)),
        )?;
        let mut aspects = aspects::AspectTagger::new(&config.aspects)?;
        if let Some(t) = &transformer {
            let enc = t.encoder().clone();
            aspects = aspects.with_prototypes(|texts| enc.embed(texts))?;
        }
        Ok(Self {
            router: tiers::Router::new(config.tiers),
            transformer,
            lang: lang::LanguageDetector::with_config(config.lang),
            sentiment: sentiment::LexiconSentiment::new(),
            aspects,
            misinfo,
            phi: phi::PhiDetector::new(),
            disclosure_head: if config.phi.disclosure_head {
                Some(phi::disclosure_head::DisclosureHead::bundled()?)
            } else {
                None
            },
            span_tagger: if config.phi.span_tagger {
                Some(phi::tagger::SpanTagger::bundled()?)
            } else {
                None
            },
        })
    }

    /// Classify a batch; results are in input order. Batching lets model backends amortise work.
    /// Every mention gets the fast tier; those the router escalates (see [`tiers`]) then get the
    /// transformer's sentiment and prototype aspects from one encoder pass (its layer means,
    /// which also imply the sentence embedding), and their misinformation is assessed again
    /// with those features (claim matching by embedding, the detector head's full variant). If
    /// the transformer fails, the fast verdicts stand and the failure is logged.
    pub fn classify_batch(&self, mentions: &[&Mention]) -> Vec<Classification> {
        let mut out: Vec<Classification> = mentions.iter().map(|m| self.classify_one(m)).collect();
        if let Some(tr) = &self.transformer {
            let up: Vec<usize> = (0..mentions.len())
                .filter(|&i| {
                    let c = &out[i];
                    let (_, hits) = self
                        .sentiment
                        .raw_score_in(&mentions[i].text, c.language.code.as_deref());
                    let signals = tiers::Signals {
                        followers: mentions[i].author.followers,
                        phi: !c.phi.types.is_empty() || c.phi.self_disclosure,
                        misinfo: c.misinformation.score,
                    };
                    self.router.route(&c.sentiment, hits, &signals).escalated()
                })
                .collect();
            if !up.is_empty() {
                if let Err(e) = self.escalate(tr, mentions, &up, &mut out) {
                    tracing::warn!(error = %e, escalated = up.len(), "transformer tier failed; fast verdicts kept");
                }
            }
        }
        out
    }

    fn escalate(
        &self,
        tr: &sentiment::head::EncoderSentiment,
        mentions: &[&Mention],
        up: &[usize],
        out: &mut [Classification],
    ) -> Result<(), ClassifyError> {
        // Units: each mention whole, then its clauses when it has several. The transformer
        // gives every unit a sentiment (the whole mention's is the mention's, a clause's goes to
        // the aspects it carries) and a sentence embedding (aspect prototypes; the whole
        // mention's also serves claim matching and the misinformation head).
        let units: Vec<Vec<String>> = up
            .iter()
            .map(|&i| self.aspects.units(&mentions[i].text))
            .collect();
        let flat: Vec<&str> = units.iter().flatten().map(String::as_str).collect();
        // One encoder pass: the layer means feed the sentiment head and the misinformation
        // head, and imply the sentence embedding (aspect prototypes, claim matching); with the
        // span tagger on, the same pass returns the tokens' hidden states too.
        let frozen = if self.span_tagger.is_some() {
            encoder::Output::LayerMeansAndTokens
        } else {
            encoder::Output::LayerMeans
        };
        let (infos, rows) = tr.predict_with_features(&flat, frozen)?;
        let (layer_means, tokens): (Vec<&[f32]>, Vec<&[f32]>) =
            rows.iter().map(|r| encoder::split_tokens(r)).unzip();
        let embs: Vec<Vec<f32>> = layer_means
            .iter()
            .map(|r| encoder::TextFeatures::sentence_from_layer_means(r))
            .collect();
        let mut at = 0;
        for (&i, u) in up.iter().zip(&units) {
            let c = &mut out[i];
            let span = at..at + u.len();
            c.sentiment = infos[at].clone();
            let labels: Vec<SentimentLabel> = infos[span.clone()].iter().map(|s| s.label).collect();
            c.aspects = self
                .aspects
                .tag_semantic_with(&mentions[i].text, &embs[span], &labels);
            // units()[0] is the whole mention: its E5 sentence embedding.
            let encoded = encoder::TextFeatures {
                sentence: &embs[at],
                layer_means: Some(layer_means[at]),
            };
            c.misinformation =
                self.misinfo
                    .assess_in(mentions[i], Some(encoded), c.language.code.as_deref());
            // The tagger adds the names and dates the rules missed; it never removes a span.
            if let Some(t) = self.span_tagger.as_ref() {
                let text = &mentions[i].text;
                let ranges = tr.encoder().token_offsets(encoder::Prefix::Query, text)?;
                let found = t.spans(text, tokens[at], &ranges);
                phi::add_spans(text, &mut c.phi, &mut c.redacted_text, &found);
            }
            // The head adds the disclosures the rules missed; it never removes one.
            if let Some(h) = self.disclosure_head.as_ref() {
                if !c.phi.self_disclosure && h.flags(layer_means[at]) {
                    c.phi.self_disclosure = true;
                    c.phi.condition_category = Some(
                        phi::condition_category(&mentions[i].text)
                            .unwrap_or("other")
                            .to_string(),
                    );
                }
            }
            c.models[3] = [
                Some(phi::MODEL_NAME),
                self.span_tagger.as_ref().map(|t| t.name.as_str()),
                self.disclosure_head.as_ref().map(|h| h.name.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("+");
            at += u.len();
            c.models[1] = tr.head().name().to_string();
            c.models[2] = aspects::SEMANTIC_MODEL_NAME.to_string();
        }
        Ok(())
    }

    fn classify_one(&self, m: &Mention) -> Classification {
        let language = self.lang.detect(&m.text, m.lang_hint.as_deref());
        let lang = language.code.as_deref();
        let sentiment = self.sentiment.classify(&m.text, lang);
        let aspects = self.aspects.tag(&m.text, Some(sentiment.label));
        let misinformation = self.misinfo.assess_in(m, None, lang);
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

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::PhiType;

    fn mention(text: &str) -> Mention {
        serde_json::from_value(serde_json::json!({
            "id": "x:1", "platform": "x", "author": {"id": "a"}, "text": text,
            "created_at": "2024-05-01T10:00:00Z"
        }))
        .unwrap()
    }

    fn detector_detail(c: &Classification) -> String {
        c.misinformation
            .signals
            .iter()
            .find(|s| s.kind == "detector")
            .map(|s| s.detail.clone())
            .unwrap_or_default()
    }

    /// The one-pass path gives the same sentiment as the head alone and layer means whose last
    /// layer is the encoder's sentence embedding. Needs the model cache.
    #[test]
    fn one_encoder_pass_serves_sentiment_and_embedding() {
        let tr = load_transformer_sentiment(&ClassifyConfig::default()).unwrap();
        let texts = [
            "Quatre hores esperant a urgències",
            "The nurses were lovely",
        ];
        let (infos, layer_means) = tr.predict_with_layer_means(&texts).unwrap();
        let alone = tr.predict_batch(&texts).unwrap();
        for ((a, b), (lm, t)) in infos.iter().zip(&alone).zip(layer_means.iter().zip(texts)) {
            assert_eq!(a.label, b.label);
            assert!(
                (a.score - b.score).abs() < 1e-4,
                "{} vs {}",
                a.score,
                b.score
            );
            let derived = encoder::TextFeatures::sentence_from_layer_means(lm);
            let direct = tr.encoder().embed(&[t]).unwrap().remove(0);
            let cos: f32 = derived.iter().zip(&direct).map(|(x, y)| x * y).sum();
            assert!(cos > 0.9999, "{cos}");
        }
    }

    /// Needs the model cache (`scripts/models fetch`).
    #[test]
    fn escalated_mentions_are_assessed_with_the_sentence_embedding() {
        let m = mention("Les vacunes provoquen autisme. No vacuneu els vostres fills!");
        let mut cfg = ClassifyConfig::default();
        cfg.tiers.tier = tiers::Tier::Transformer;
        let full = Classifier::new(&cfg).unwrap_or_else(|e| panic!("{e}"));
        let out = full.classify_batch(&[&m]);
        assert!(
            detector_detail(&out[0]).contains("embedding"),
            "{:#?}",
            out[0].misinformation
        );
        assert_eq!(out[0].misinformation.claims[0].id, "vaccines-autism");
        assert!(
            out[0].misinformation.score >= 0.5,
            "{:#?}",
            out[0].misinformation
        );

        cfg.tiers.tier = tiers::Tier::Fast;
        let fast = Classifier::new(&cfg).unwrap();
        let out = fast.classify_batch(&[&m]);
        assert!(detector_detail(&out[0]).contains("text and link features"));
    }

    /// Needs the model cache. The closest claim decides a debunk: "Hot baths do not prevent
    /// coronavirus infection" matches the hot-bath myth (refuted) and, further off, the negative
    /// claim "hand sanitiser does not destroy the virus", which it does not repeat. It scored
    /// 1.0 when any supporting match outvoted the closest one.
    #[test]
    fn a_debunk_is_read_from_its_closest_claim() {
        let m = mention("Hot baths do not prevent coronavirus infection");
        let mut cfg = ClassifyConfig::default();
        cfg.tiers.tier = tiers::Tier::Transformer;
        let full = Classifier::new(&cfg).unwrap_or_else(|e| panic!("{e}"));
        let info = &full.classify_batch(&[&m])[0].misinformation;
        assert_eq!(info.claims[0].id, "hot-bath-covid", "{info:#?}");
        assert_eq!(info.claims[0].stance, vigia_model::Stance::Refutes);
        assert!(
            info.claims
                .iter()
                .all(|c| c.stance != vigia_model::Stance::Supports),
            "{info:#?}"
        );
        assert!(info.score < 0.5, "{info:#?}");
    }

    /// Needs the model cache. The learned head adds a disclosure no rule words (years on an
    /// anti-epileptic), names the head in `models`, stays quiet on health talk, and can be turned
    /// off.
    #[test]
    fn the_disclosure_head_adds_what_the_rules_miss() {
        let told = mention("Three years on Keppra and seizure free, thank you neuro team");
        let talk = mention("Flu season is here: book your jab at your GP surgery");
        let mut cfg = ClassifyConfig::default();
        cfg.tiers.tier = tiers::Tier::Fast;
        let fast = Classifier::new(&cfg).unwrap();
        assert!(!fast.classify_batch(&[&told])[0].phi.self_disclosure);
        cfg.tiers.tier = tiers::Tier::Transformer;
        let full = Classifier::new(&cfg).unwrap_or_else(|e| panic!("{e}"));
        let out = full.classify_batch(&[&told, &talk]);
        assert!(out[0].phi.self_disclosure, "{:#?}", out[0].phi);
        assert_eq!(out[0].phi.condition_category.as_deref(), Some("neurology"));
        assert!(
            out[0].models[3].contains("e5-disclosure"),
            "{:?}",
            out[0].models
        );
        assert!(!out[1].phi.self_disclosure, "{:#?}", out[1].phi);
        cfg.phi.disclosure_head = false;
        let off = Classifier::new(&cfg).unwrap();
        assert!(!off.classify_batch(&[&told])[0].phi.self_disclosure);
    }

    /// Needs the model cache. The span tagger finds names no rule takes (a name pasted in
    /// capitals from an SMS reminder; a first name addressed mid-post), redacts them beside the
    /// rules' date, leaves a public figure alone, and can be turned off.
    #[test]
    fn the_span_tagger_adds_names_the_rules_miss() {
        let sms = mention("Copied from a text I got: 'NHS: Appointment for AMARA OSEI at Outpatients B, Royal Infirmary, on Thu 06/02/2025 10:40.'");
        let bell = mention("A minha mãe fez hoje a última sessão de radioterapia 🔔 Fernanda, és a mulher mais forte que conheço.");
        let public = mention("Pep Guardiola says the flu vaccine is safe, get it");
        let mut cfg = ClassifyConfig::default();
        cfg.tiers.tier = tiers::Tier::Fast;
        let fast = Classifier::new(&cfg).unwrap();
        for c in fast.classify_batch(&[&sms, &bell]) {
            assert!(!c.phi.types.contains(&PhiType::PersonName), "{:#?}", c.phi);
        }
        cfg.tiers.tier = tiers::Tier::Transformer;
        let full = Classifier::new(&cfg).unwrap_or_else(|e| panic!("{e}"));
        let out = full.classify_batch(&[&sms, &bell, &public]);
        for c in &out[..2] {
            assert!(c.phi.types.contains(&PhiType::PersonName), "{:#?}", c.phi);
        }
        for (i, word) in [(0, "AMARA"), (0, "OSEI"), (1, "Fernanda")] {
            let red = &out[i].redacted_text;
            assert!(!red.contains(word), "{red}");
        }
        assert!(out[0].redacted_text.contains("[DATE]"));
        assert!(
            out[0].models[3].contains("e5-phi-span"),
            "{:?}",
            out[0].models
        );
        assert!(out[2].phi.spans.is_empty(), "{:#?}", out[2].phi);
        cfg.phi.span_tagger = false;
        let off = Classifier::new(&cfg).unwrap();
        let out = off.classify_batch(&[&sms]);
        assert!(!out[0].phi.types.contains(&PhiType::PersonName));
        assert!(
            !out[0].models[3].contains("e5-phi-span"),
            "{:?}",
            out[0].models
        );
    }

    /// Needs the model cache. The Rust features, probabilities and spans match the trainer's on
    /// its parity cases (`span_tagger.json`), so the shipped weights mean here what they meant
    /// in training.
    #[test]
    fn span_tagger_matches_the_trainer() {
        let tagger = phi::tagger::SpanTagger::bundled().unwrap();
        let cases: serde_json::Value = serde_json::from_str(phi::tagger::TAGGER_JSON).unwrap();
        let tr = load_transformer_sentiment(&ClassifyConfig::default()).unwrap();
        let cases = cases["parity"].as_array().unwrap();
        assert!(cases.len() >= 3);
        for case in cases {
            let text = case["text"].as_str().unwrap();
            let row = tr
                .encoder()
                .submit(
                    &[text],
                    encoder::Prefix::Query,
                    encoder::Output::LayerMeansAndTokens,
                )
                .unwrap()
                .wait()
                .unwrap()
                .remove(0);
            let states = encoder::split_tokens(&row).1;
            let ranges = tr
                .encoder()
                .token_offsets(encoder::Prefix::Query, text)
                .unwrap();
            let probs = tagger.probabilities(text, states, &ranges).unwrap();
            let want = case["probs"].as_array().unwrap();
            assert_eq!(probs.len(), want.len(), "{text}");
            for (got, want) in probs.iter().zip(want) {
                for (g, w) in got.iter().zip(want.as_array().unwrap()) {
                    let w = w.as_f64().unwrap() as f32;
                    assert!((g - w).abs() < 2e-3, "{text}: {got:?} vs {want}");
                }
            }
            // spans: the trainer's are character offsets
            let got: Vec<(usize, usize, String)> = tagger
                .spans(text, states, &ranges)
                .into_iter()
                .map(|(a, b, k)| {
                    (
                        text[..a].chars().count(),
                        text[..b].chars().count(),
                        k.as_str().to_string(),
                    )
                })
                .collect();
            let want: Vec<(usize, usize, String)> = case["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s[0].as_u64().unwrap() as usize,
                        s[1].as_u64().unwrap() as usize,
                        s[2].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
