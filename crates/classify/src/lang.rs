//! Language identification with lingua, restricted to the languages vigia's markets use so that
//! Catalan is told from Spanish and short texts are not forced into a guess.
//!
//! A guess is *reliable* only when the text has enough letters and lingua's relative confidence in
//! the best language is high enough and far enough from the runner-up (Catalan/Spanish and
//! Spanish/Portuguese pairs are where the runner-up is close). An unreliable text gets the
//! platform's declared language if there is one, and otherwise no code at all: downstream stages
//! treat `None` as "unknown" rather than acting on a coin flip. The thresholds were chosen on
//! `tests/data/lang/social.tsv` with `vigia eval lang --tsv F --sweep` (that file is their dev set).

use lingua::{Language, LanguageDetector as Lingua, LanguageDetectorBuilder};
use serde::Deserialize;
use vigia_model::LanguageInfo;

pub const MODEL_NAME: &str = "lingua@1.8";

/// Thresholds of the reliability decision (`[classify.lang]`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangConfig {
    /// Fewer letters than this (after handles, hashtags and URLs are removed) is never reliable.
    pub min_letters: usize,
    /// Lingua's relative confidence in the best language must reach this.
    pub min_confidence: f64,
    /// ... and exceed the runner-up's by this much.
    pub min_margin: f64,
}

impl Default for LangConfig {
    fn default() -> Self {
        Self {
            min_letters: 6,
            min_confidence: 0.3,
            min_margin: 0.1,
        }
    }
}

pub struct LanguageDetector {
    inner: Lingua,
    config: LangConfig,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// What lingua says about a text before the reliability decision; exposed for threshold sweeps.
#[derive(Debug, Clone, Copy)]
pub struct RawGuess {
    pub letters: usize,
    pub best: Option<(&'static str, f64)>,
    pub runner_up: f64,
}

impl LanguageDetector {
    pub fn new() -> Self {
        Self::with_config(LangConfig::default())
    }

    pub fn with_config(config: LangConfig) -> Self {
        let inner = LanguageDetectorBuilder::from_languages(&[
            Language::English,
            Language::Spanish,
            Language::Catalan,
            Language::Italian,
            Language::Portuguese,
            Language::French,
            Language::German,
            Language::Basque,
            Language::Dutch,
        ])
        .build();
        Self { inner, config }
    }

    pub fn config(&self) -> LangConfig {
        self.config
    }

    /// Lingua's view of `text` with handles, hashtags and URLs removed.
    pub fn raw(&self, text: &str) -> RawGuess {
        let cleaned = clean(text);
        let letters = cleaned.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            return RawGuess {
                letters,
                best: None,
                runner_up: 0.0,
            };
        }
        let values = self.inner.compute_language_confidence_values(cleaned);
        RawGuess {
            letters,
            best: values.first().map(|(l, c)| (iso(*l), *c)),
            runner_up: values.get(1).map(|(_, c)| *c).unwrap_or(0.0),
        }
    }

    /// Detect the language of `text`. The platform hint is used only when the text itself cannot
    /// be told reliably; without a hint such a text gets `code: None`.
    pub fn detect(&self, text: &str, hint: Option<&str>) -> LanguageInfo {
        decide(&self.raw(text), hint, &self.config)
    }
}

/// The reliability decision over a [`RawGuess`]; pure so that sweeps can re-run it cheaply.
pub fn decide(raw: &RawGuess, hint: Option<&str>, config: &LangConfig) -> LanguageInfo {
    let hint_code = hint
        .map(|h| h.split(['-', '_']).next().unwrap_or(h).to_ascii_lowercase())
        .filter(|h| h.len() == 2 && h.chars().all(|c| c.is_ascii_lowercase()));
    match raw.best {
        Some((code, conf))
            if raw.letters >= config.min_letters
                && conf >= config.min_confidence
                && conf - raw.runner_up >= config.min_margin =>
        {
            LanguageInfo {
                code: Some(code.to_string()),
                confidence: conf as f32,
                reliable: true,
            }
        }
        best => LanguageInfo {
            code: hint_code,
            confidence: best.map(|(_, c)| c as f32).unwrap_or(0.0),
            reliable: false,
        },
    }
}

fn clean(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| {
            !(w.starts_with('@')
                || w.starts_with('#')
                || w.starts_with("http")
                || w.starts_with("www."))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn iso(lang: Language) -> &'static str {
    match lang {
        Language::English => "en",
        Language::Spanish => "es",
        Language::Catalan => "ca",
        Language::Italian => "it",
        Language::Portuguese => "pt",
        Language::French => "fr",
        Language::German => "de",
        Language::Basque => "eu",
        Language::Dutch => "nl",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalan_vs_spanish() {
        let d = LanguageDetector::new();
        let ca = d.detect(
            "Hem esperat quatre hores a urgències i ningú ens ha dit res",
            None,
        );
        assert_eq!(ca.code.as_deref(), Some("ca"));
        assert!(ca.reliable);
        let es = d.detect(
            "Hemos esperado cuatro horas en urgencias y nadie nos ha dicho nada",
            None,
        );
        assert_eq!(es.code.as_deref(), Some("es"));
        assert!(es.reliable);
    }

    #[test]
    fn short_text_is_withheld_unless_hinted() {
        let d = LanguageDetector::new();
        let none = d.detect("ok 👍", None);
        assert!(!none.reliable);
        assert_eq!(none.code, None);
        let hinted = d.detect("ok 👍", Some("es-ES"));
        assert!(!hinted.reliable);
        assert_eq!(hinted.code.as_deref(), Some("es"));
        // Twitter's "und"/"qme" are not languages.
        assert_eq!(d.detect("@santpau 👍", Some("und")).code, None);
    }

    #[test]
    fn noise_is_ignored() {
        let d = LanguageDetector::new();
        let got = d.detect(
            "#SantPau @santpau Ens han deixat al passadís tota la nit 😡 https://t.co/x",
            Some("es"),
        );
        assert_eq!(got.code.as_deref(), Some("ca"));
    }
}
