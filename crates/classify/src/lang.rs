//! Language identification with lingua, restricted to the languages vigia's markets use so that
//! Catalan is told from Spanish and short texts are not forced into a guess.

use lingua::{Language, LanguageDetector as Lingua, LanguageDetectorBuilder};
use vigia_model::LanguageInfo;

pub const MODEL_NAME: &str = "lingua@1.8";

/// Below this many letters a guess is flagged unreliable.
const MIN_RELIABLE_LETTERS: usize = 12;
/// Below this confidence the code is withheld.
const MIN_CONFIDENCE: f64 = 0.35;

pub struct LanguageDetector {
    inner: Lingua,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageDetector {
    pub fn new() -> Self {
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
        Self { inner }
    }

    /// Detect the language of `text`. Handles, URLs and hashtags are ignored. A platform hint is
    /// used only when the text itself is too short to tell.
    pub fn detect(&self, text: &str, hint: Option<&str>) -> LanguageInfo {
        let cleaned: String = text
            .split_whitespace()
            .filter(|w| !(w.starts_with('@') || w.starts_with('#') || w.starts_with("http")))
            .collect::<Vec<_>>()
            .join(" ");
        let letters = cleaned.chars().filter(|c| c.is_alphabetic()).count();
        let values = self.inner.compute_language_confidence_values(&cleaned);
        let best = values.first().map(|(l, c)| (*l, *c));
        let hint_code = hint
            .map(|h| h.split(['-', '_']).next().unwrap_or(h).to_ascii_lowercase())
            .filter(|h| h.len() == 2);
        match best {
            Some((lang, conf)) if conf >= MIN_CONFIDENCE => {
                let reliable = letters >= MIN_RELIABLE_LETTERS;
                let code = iso(lang);
                if !reliable {
                    if let Some(h) = hint_code {
                        return LanguageInfo {
                            code: Some(h),
                            confidence: conf as f32,
                            reliable: false,
                        };
                    }
                }
                LanguageInfo {
                    code: Some(code.to_string()),
                    confidence: conf as f32,
                    reliable,
                }
            }
            other => LanguageInfo {
                code: hint_code,
                confidence: other.map(|(_, c)| c as f32).unwrap_or(0.0),
                reliable: false,
            },
        }
    }
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
        let es = d.detect(
            "Hemos esperado cuatro horas en urgencias y nadie nos ha dicho nada",
            None,
        );
        assert_eq!(es.code.as_deref(), Some("es"));
        assert!(es.reliable);
    }

    #[test]
    fn short_text_is_unreliable() {
        let d = LanguageDetector::new();
        assert!(!d.detect("ok 👍", None).reliable);
    }
}
