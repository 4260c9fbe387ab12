//! Language identification with lingua, restricted to the languages vigia's markets use so that
//! Catalan is told from Spanish and short texts are not forced into a guess.
//!
//! A guess is *reliable* only when the text has enough letters and lingua's relative confidence in
//! the best language is high enough and far enough from the runner-up (Catalan/Spanish and
//! Spanish/Portuguese pairs are where the runner-up is close). An unreliable text gets the
//! platform's declared language if there is one, and otherwise no code at all: downstream stages
//! treat `None` as "unknown" rather than acting on a coin flip. The thresholds were chosen on
//! `tests/data/lang/social.tsv` with `vigia eval lang --tsv F --sweep` (that file is their dev set).
//!
//! Lingua's character n-grams can be carried off by proper names: "A jail in Villavicencio Colombia
//! has 95 percent of confirmed cases" reads as Spanish to them. Function words are the check: when
//! lingua's pick has none of its own among the text's words and another language has at least
//! two of its own (and more than any other), that language wins (see [`FUNCTION_WORDS`]).

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
    /// Set when function words overruled lingua's pick: `best` is then their language.
    pub by_function_words: bool,
}

/// Frequent function words that belong to one of the detector's languages and to no other of
/// them (so no "de", "la", "en", "in", "que", "non", "per", "com": shared words vote for nobody).
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "the", "is", "are", "was", "were", "has", "have", "had", "of", "and", "with", "this",
            "that", "there", "will", "from", "for", "my", "we", "they", "been", "you", "your",
            "our", "what", "which", "would", "should", "after", "at", "to", "it", "be", "by",
        ],
    ),
    (
        "es",
        &[
            "y", "los", "las", "pero", "muy", "hay", "esto", "nadie", "cuando", "donde", "también",
            "ahora", "hoy", "fue",
        ],
    ),
    (
        "ca",
        &[
            "els", "amb", "però", "molt", "aquest", "aquesta", "perquè", "també", "ens", "hem",
            "avui", "doncs", "ningú", "res", "meva", "seva",
        ],
    ),
    (
        "it",
        &[
            "gli", "della", "degli", "che", "sono", "è", "perché", "anche", "questo", "questa",
            "molto", "ho", "hanno", "di", "alla", "nel", "oggi",
        ],
    ),
    (
        "pt",
        &[
            "não", "você", "muito", "também", "são", "isso", "isto", "pelo", "pela", "ao", "às",
            "uma", "hoje", "meu", "minha",
        ],
    ),
    (
        "fr",
        &[
            "est",
            "et",
            "des",
            "une",
            "je",
            "nous",
            "vous",
            "avec",
            "pour",
            "dans",
            "sur",
            "cette",
            "aujourd'hui",
        ],
    ),
    (
        "de",
        &[
            "der", "und", "ist", "nicht", "ich", "mit", "ein", "eine", "für", "auf", "zu", "wir",
            "den", "dem", "heute",
        ],
    ),
    (
        "nl",
        &[
            "het", "een", "van", "niet", "ik", "voor", "op", "zijn", "wij", "dat", "vandaag",
        ],
    ),
    ("eu", &["eta", "ez", "bat", "dut", "dago", "gaur"]),
];

/// The language whose function words outvote lingua's pick `best`, if any.
fn function_word_pick(cleaned: &str, best: &str) -> Option<&'static str> {
    let words: std::collections::HashSet<String> = cleaned
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let votes: Vec<(&'static str, usize)> = FUNCTION_WORDS
        .iter()
        .map(|(lang, list)| (*lang, list.iter().filter(|w| words.contains(**w)).count()))
        .collect();
    let own = votes.iter().find(|(l, _)| *l == best).map_or(0, |v| v.1);
    if own > 0 {
        return None;
    }
    let (lang, n) = *votes.iter().max_by_key(|v| v.1)?;
    let tied = votes.iter().filter(|v| v.1 == n).count() > 1;
    (n >= 2 && !tied && lang != best).then_some(lang)
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
                by_function_words: false,
            };
        }
        let values = self.inner.compute_language_confidence_values(&cleaned);
        let best = values.first().map(|(l, c)| (iso(*l), *c));
        let runner_up = values.get(1).map(|(_, c)| *c).unwrap_or(0.0);
        if let Some(pick) = best.and_then(|(b, _)| function_word_pick(&cleaned, b)) {
            let conf = values
                .iter()
                .find(|(l, _)| iso(*l) == pick)
                .map_or(0.0, |(_, c)| *c);
            return RawGuess {
                letters,
                best: Some((pick, conf)),
                runner_up: best.map_or(0.0, |(_, c)| c),
                by_function_words: true,
            };
        }
        RawGuess {
            letters,
            best,
            runner_up,
            by_function_words: false,
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
                && (raw.by_function_words
                    || (conf >= config.min_confidence
                        && conf - raw.runner_up >= config.min_margin)) =>
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

    #[test]
    fn function_words_overrule_names() {
        let d = LanguageDetector::new();
        // Lingua alone reads this as Spanish (the place names carry its n-grams).
        let raw =
            d.raw("A jail in Villavicencio Colombia has 95 percent of confirmed COVID-19 cases.");
        assert!(raw.by_function_words);
        let got = d.detect(
            "A jail in Villavicencio Colombia has 95 percent of confirmed COVID-19 cases.",
            None,
        );
        assert_eq!(got.code.as_deref(), Some("en"));
        assert!(got.reliable);
        // A Spanish post with an English phrase keeps its own language: it has its own words.
        let es = d.detect(
            "Hoy en urgencias de La Paz nadie sabe nada, what a mess, de verdad",
            None,
        );
        assert_eq!(es.code.as_deref(), Some("es"));
    }

    #[test]
    fn shared_words_vote_for_nobody() {
        // "de", "la", "en", "que" belong to several languages: no override on them alone.
        assert_eq!(function_word_pick("de la en que", "ca"), None);
        // One word is not enough, two are, and a tie decides nothing.
        assert_eq!(function_word_pick("situation is", "fr"), None);
        assert_eq!(function_word_pick("there are cases", "es"), Some("en"));
        assert_eq!(function_word_pick("the and els amb", "es"), None);
        // Lingua's pick with a word of its own stands.
        assert_eq!(function_word_pick("the cases of y los", "es"), None);
    }
}
