//! Healthcare aspects: which parts of care a mention talks about (multi-label), and the author's
//! stance toward each.
//!
//! Two scorers over one configured taxonomy ([`taxonomy::default_taxonomy`]):
//! - **lexical** (the fast tier): multilingual triggers over the folded text. Cheap, precise on
//!   the words it knows, blind to paraphrase.
//! - **semantic** (the transformer tier): the mention and each of its clauses are embedded with
//!   multilingual-e5-small and compared with the aspect's prototype sentences; the best cosine,
//!   plus `trigger_weight` when a trigger matched, must reach the aspect's threshold. Thresholds
//!   are per aspect, chosen on a dev split (`vigia eval aspects --tune`).
//!
//! Sentiment toward an aspect comes from the clause that carries it (the clause with the trigger,
//! else the most similar clause): the lexicon's verdict on that clause when it has one, otherwise
//! the mention's own sentiment. A clause is a stretch between sentence punctuation, commas, or a
//! contrastive conjunction ("but", "pero", "però", "ma"), so "good surgeons but the food was awful"
//! gives clinical care and food opposite signs.

pub mod taxonomy;

use crate::sentiment::LexiconSentiment;
use crate::ClassifyError;
use serde::Deserialize;
use vigia_model::{AspectLabel, SentimentLabel};

pub const MODEL_NAME: &str = "aspect-keywords@2";
pub const SEMANTIC_MODEL_NAME: &str = "aspect-e5-prototypes@1";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AspectDef {
    pub id: String,
    /// Folded triggers; a word starting with one counts, a trailing space demands the whole word.
    pub stems: Vec<String>,
    /// Folded phrases removed before this aspect's triggers are matched.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Example sentences (any language) whose embeddings stand for the aspect.
    #[serde(default)]
    pub prototypes: Vec<String>,
    /// Score the semantic tagger needs; `default_threshold` when absent.
    #[serde(default)]
    pub threshold: Option<f32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AspectsConfig {
    pub taxonomy: Vec<AspectDef>,
    /// Added to the prototype cosine when one of the aspect's triggers matched.
    pub trigger_weight: f32,
    /// Threshold of aspects that set none.
    pub default_threshold: f32,
    /// Embed clauses as well as the whole mention (better recall on multi-aspect posts, costs
    /// one encoder row per extra clause).
    pub clauses: bool,
}

impl Default for AspectsConfig {
    fn default() -> Self {
        Self {
            taxonomy: taxonomy::default_taxonomy(),
            trigger_weight: 0.1,
            default_threshold: 0.86,
            clauses: true,
        }
    }
}

/// Per-aspect scores of one mention: what tuning and evaluation look at.
#[derive(Debug, Clone)]
pub struct AspectScores {
    /// Best prototype cosine over the mention and its clauses, per aspect (taxonomy order).
    pub similarity: Vec<f32>,
    /// Whether a trigger matched, per aspect.
    pub triggered: Vec<bool>,
    /// Index into `clauses` of the clause that carries each aspect.
    pub clause: Vec<usize>,
    pub clauses: Vec<String>,
}

pub struct AspectTagger {
    config: AspectsConfig,
    /// Prototype embeddings per aspect, when an encoder was given.
    prototypes: Option<Vec<Vec<Vec<f32>>>>,
    lexicon: LexiconSentiment,
}

impl AspectTagger {
    pub fn new(config: &AspectsConfig) -> Result<Self, ClassifyError> {
        for a in &config.taxonomy {
            if a.id.is_empty() || (a.stems.is_empty() && a.prototypes.is_empty()) {
                return Err(ClassifyError::InvalidResource {
                    name: "classify.aspects.taxonomy".into(),
                    detail: format!(
                        "aspect `{}` needs an id and at least one stem or prototype",
                        a.id
                    ),
                });
            }
        }
        Ok(Self {
            config: config.clone(),
            prototypes: None,
            lexicon: LexiconSentiment::new(),
        })
    }

    /// Embed every aspect's prototypes once, enabling [`AspectTagger::tag_semantic`].
    pub fn with_prototypes(
        mut self,
        embed: impl Fn(&[&str]) -> Result<Vec<Vec<f32>>, ClassifyError>,
    ) -> Result<Self, ClassifyError> {
        let mut protos = Vec::with_capacity(self.config.taxonomy.len());
        for a in &self.config.taxonomy {
            let texts: Vec<&str> = a.prototypes.iter().map(String::as_str).collect();
            protos.push(if texts.is_empty() {
                Vec::new()
            } else {
                embed(&texts)?
            });
        }
        self.prototypes = Some(protos);
        Ok(self)
    }

    pub fn config(&self) -> &AspectsConfig {
        &self.config
    }

    pub fn has_prototypes(&self) -> bool {
        self.prototypes.is_some()
    }

    /// The texts the semantic tagger embeds for `text`: the whole mention first, then its
    /// clauses when there are several and `clauses` is on.
    pub fn units(&self, text: &str) -> Vec<String> {
        let mut units = vec![text.to_string()];
        if self.config.clauses {
            let cl = clauses(text);
            if cl.len() > 1 {
                units.extend(cl);
            }
        }
        units
    }

    /// Fast tier: triggers only.
    pub fn tag(&self, text: &str, overall: Option<SentimentLabel>) -> Vec<AspectLabel> {
        let cl = clauses(text);
        let folded: Vec<String> = cl.iter().map(|c| fold(c)).collect();
        let whole = fold(text);
        let mut out = Vec::new();
        for a in &self.config.taxonomy {
            if !matches(a, &whole) {
                continue;
            }
            let at = folded.iter().position(|c| matches(a, c)).unwrap_or(0);
            out.push(AspectLabel {
                aspect: a.id.clone(),
                confidence: 0.6,
                sentiment: self.clause_sentiment(cl.get(at).map(String::as_str), overall),
            });
        }
        out
    }

    /// Scores for `text` given the embeddings of [`AspectTagger::units`] (same order).
    pub fn scores(&self, text: &str, unit_embeddings: &[Vec<f32>]) -> AspectScores {
        let units = self.units(text);
        let clause_texts: Vec<String> = if units.len() > 1 {
            units[1..].to_vec()
        } else {
            vec![text.to_string()]
        };
        let folded: Vec<String> = clause_texts.iter().map(|c| fold(c)).collect();
        let whole = fold(text);
        let protos = self.prototypes.as_deref().unwrap_or(&[]);
        let n = self.config.taxonomy.len();
        let mut s = AspectScores {
            similarity: vec![0.0; n],
            triggered: vec![false; n],
            clause: vec![0; n],
            clauses: clause_texts,
        };
        for (i, a) in self.config.taxonomy.iter().enumerate() {
            s.triggered[i] = matches(a, &whole);
            let mut best = (f32::MIN, 0usize);
            for (u, e) in unit_embeddings.iter().enumerate() {
                let sim = protos
                    .get(i)
                    .map(|ps| ps.iter().map(|p| dot(p, e)).fold(f32::MIN, f32::max))
                    .unwrap_or(0.0);
                if sim > best.0 {
                    best = (sim, u.saturating_sub(1));
                }
            }
            s.similarity[i] = if best.0 == f32::MIN { 0.0 } else { best.0 };
            s.clause[i] = if s.triggered[i] {
                folded.iter().position(|c| matches(a, c)).unwrap_or(best.1)
            } else {
                best.1
            };
        }
        s
    }

    /// The decision over [`AspectScores`] with the configured thresholds.
    pub fn decide(&self, s: &AspectScores, overall: Option<SentimentLabel>) -> Vec<AspectLabel> {
        self.decide_with(s, overall, None)
    }

    /// [`Self::decide`], with the sentiment of each of `s.clauses` when a classifier gave one
    /// (the transformer tier): an aspect takes its clause's label instead of the lexicon's.
    pub fn decide_with(
        &self,
        s: &AspectScores,
        overall: Option<SentimentLabel>,
        clause_labels: Option<&[SentimentLabel]>,
    ) -> Vec<AspectLabel> {
        let mut out = Vec::new();
        for (i, a) in self.config.taxonomy.iter().enumerate() {
            let thr = a.threshold.unwrap_or(self.config.default_threshold);
            let score = s.similarity[i]
                + if s.triggered[i] {
                    self.config.trigger_weight
                } else {
                    0.0
                };
            if score < thr {
                continue;
            }
            out.push(AspectLabel {
                aspect: a.id.clone(),
                // 0.5 at the threshold, about 0.9 five cosine points above it.
                confidence: 1.0 / (1.0 + (-(score - thr) * 45.0).exp()),
                sentiment: match clause_labels {
                    // A clause's own polar verdict, else the mention's: a factual clause
                    // ("six hours in A&E") reads neutral in a furious post.
                    Some(l) => l
                        .get(s.clause[i])
                        .copied()
                        .filter(|x| *x != SentimentLabel::Neutral)
                        .or(overall),
                    None => self
                        .clause_sentiment(s.clauses.get(s.clause[i]).map(String::as_str), overall),
                },
            });
        }
        out
    }

    /// Transformer tier: prototypes and triggers over the unit embeddings.
    pub fn tag_semantic(
        &self,
        text: &str,
        unit_embeddings: &[Vec<f32>],
        overall: Option<SentimentLabel>,
    ) -> Vec<AspectLabel> {
        self.decide(&self.scores(text, unit_embeddings), overall)
    }

    /// [`Self::tag_semantic`] with the transformer's sentiment of every unit (same order as
    /// [`Self::units`]: the whole mention, then its clauses when there are several); each aspect
    /// takes the sentiment of the clause that carries it when that clause is polar, else the
    /// mention's.
    pub fn tag_semantic_with(
        &self,
        text: &str,
        unit_embeddings: &[Vec<f32>],
        unit_labels: &[SentimentLabel],
    ) -> Vec<AspectLabel> {
        let overall = unit_labels.first().copied();
        let clause_labels = if unit_labels.len() > 1 {
            &unit_labels[1..]
        } else {
            unit_labels
        };
        self.decide_with(
            &self.scores(text, unit_embeddings),
            overall,
            Some(clause_labels),
        )
    }

    fn clause_sentiment(
        &self,
        clause: Option<&str>,
        overall: Option<SentimentLabel>,
    ) -> Option<SentimentLabel> {
        if let Some(c) = clause {
            let (score, _) = self.lexicon.raw_score(c);
            if score >= 1.0 {
                return Some(SentimentLabel::Positive);
            }
            if score <= -1.0 {
                return Some(SentimentLabel::Negative);
            }
        }
        overall
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn matches(a: &AspectDef, folded: &str) -> bool {
    let mut text = std::borrow::Cow::Borrowed(folded);
    for x in &a.exclude {
        let pat = format!(" {} ", x.trim());
        if text.contains(&pat) {
            text = std::borrow::Cow::Owned(text.replace(&pat, " "));
        }
    }
    a.stems.iter().any(|s| text.contains(&format!(" {s}")))
}

/// Lower case, accents removed, anything but letters, digits and `&£$€` turned into single
/// spaces, with a space at each end.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if c.is_alphanumeric() || matches!(c, '&' | '£' | '$' | '€') {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Split at sentence punctuation, commas, semicolons and contrastive conjunctions; clauses
/// shorter than two words are merged into their neighbour.
pub fn clauses(text: &str) -> Vec<String> {
    const BUT: &[&str] = &[
        " but ", " pero ", " però ", " ma ", " però, ", " mas ", " aber ",
    ];
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        cur.push(c);
        let boundary = matches!(c, '.' | '!' | '?' | ';' | '\n' | '¡' | '¿')
            || (c == ',' && chars.get(i + 1).is_some_and(|n| n.is_whitespace()));
        if boundary {
            pieces.push(std::mem::take(&mut cur));
        } else if c == ' ' {
            let rest: String = chars[i..chars.len().min(i + 7)]
                .iter()
                .collect::<String>()
                .to_lowercase();
            if BUT.iter().any(|b| rest.starts_with(b)) && !cur.trim().is_empty() {
                pieces.push(std::mem::take(&mut cur));
            }
        }
        i += 1;
    }
    pieces.push(cur);
    let mut out: Vec<String> = Vec::new();
    for p in pieces {
        let t = p
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '¡' | '¿'))
            .to_string();
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if words == 0 {
            continue;
        }
        match out.last_mut() {
            Some(last) if words < 2 => {
                last.push(' ');
                last.push_str(&t);
            }
            _ => out.push(t),
        }
    }
    if out.is_empty() {
        out.push(text.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[AspectLabel]) -> Vec<&str> {
        v.iter().map(|a| a.aspect.as_str()).collect()
    }

    /// "Good surgeons but awful food" splits; a neutral clause in a negative post takes the post's
    /// label (the transformer reads "six hours in A&E" as neutral).
    #[test]
    fn aspect_sentiment_is_the_clause_polar_verdict_else_the_mention() {
        let t = AspectTagger::new(&AspectsConfig::default()).unwrap();
        let n = t.config.taxonomy.len();
        let pos = |id: &str| t.config.taxonomy.iter().position(|a| a.id == id).unwrap();
        let mut s = AspectScores {
            similarity: vec![0.0; n],
            triggered: vec![false; n],
            clause: vec![0; n],
            clauses: vec!["a".into(), "b".into(), "c".into()],
        };
        for (id, clause) in [("clinical_care", 0), ("food", 1), ("wait_times", 2)] {
            s.similarity[pos(id)] = 1.0;
            s.clause[pos(id)] = clause;
        }
        use SentimentLabel::*;
        let got = t.decide_with(&s, Some(Negative), Some(&[Positive, Negative, Neutral]));
        let of = |id: &str| got.iter().find(|a| a.aspect == id).unwrap().sentiment;
        assert_eq!(of("clinical_care"), Some(Positive));
        assert_eq!(of("food"), Some(Negative));
        assert_eq!(
            of("wait_times"),
            Some(Negative),
            "neutral clause takes the mention's"
        );
    }

    #[test]
    fn triggers_in_four_languages() {
        let t = AspectTagger::new(&AspectsConfig::default()).unwrap();
        assert_eq!(
            ids(&t.tag("Cinc hores a urgències, una vergonya", None)),
            ["wait_times", "emergency_care"]
        );
        assert_eq!(
            ids(&t.tag("El parking cuesta 3 euros la hora", None)),
            ["billing_cost", "facilities_parking"]
        );
        assert_eq!(ids(&t.tag("Il cibo era freddo", None)), ["food"]);
        assert_eq!(
            ids(&t.tag("Booked my booster for Saturday", None)),
            ["appointments", "vaccines"]
        );
    }

    #[test]
    fn waiting_room_is_not_a_wait() {
        let t = AspectTagger::new(&AspectsConfig::default()).unwrap();
        assert!(t
            .tag("Els lavabos de la sala d'espera estaven bruts", None)
            .iter()
            .all(|a| a.aspect != "wait_times"));
    }

    #[test]
    fn aspect_sentiment_follows_its_clause() {
        let t = AspectTagger::new(&AspectsConfig::default()).unwrap();
        let got = t.tag("The surgery was excellent but the food was terrible", None);
        let s = |id: &str| {
            got.iter()
                .find(|a| a.aspect == id)
                .and_then(|a| a.sentiment)
        };
        assert_eq!(s("clinical_care"), Some(SentimentLabel::Positive));
        assert_eq!(s("food"), Some(SentimentLabel::Negative));
    }

    #[test]
    fn given_clause_labels_decide_each_aspects_sentiment() {
        let t = AspectTagger::new(&AspectsConfig::default()).unwrap();
        // No prototypes: triggers alone (weight 1) decide which aspects are there.
        let text = "The surgery was fine but the food was cold";
        let n = t.units(text).len();
        assert_eq!(n, 3, "whole mention and two clauses");
        let mut scores = t.scores(text, &vec![vec![0.0; crate::encoder::DIM]; n]);
        // As if the prototypes had found the two aspects the triggers point at.
        for (sim, &hit) in scores.similarity.iter_mut().zip(&scores.triggered) {
            if hit {
                *sim = 1.0;
            }
        }
        use SentimentLabel::*;
        // whole: neutral; clause 1 (surgery): positive; clause 2 (food): negative
        let got = t.decide_with(&scores, Some(Neutral), Some(&[Positive, Negative]));
        let s = |id: &str| {
            got.iter()
                .find(|a| a.aspect == id)
                .and_then(|a| a.sentiment)
        };
        assert_eq!(s("clinical_care"), Some(Positive));
        assert_eq!(s("food"), Some(Negative));
        // and the labels, not the lexicon, decide
        let got = t.decide_with(&scores, Some(Neutral), Some(&[Negative, Positive]));
        let s = |id: &str| {
            got.iter()
                .find(|a| a.aspect == id)
                .and_then(|a| a.sentiment)
        };
        assert_eq!(s("clinical_care"), Some(Negative));
        assert_eq!(s("food"), Some(Positive));
    }

    #[test]
    fn clause_split() {
        assert_eq!(
            clauses("Bon servei però molta cua. Tornarem!"),
            ["Bon servei", "però molta cua. Tornarem!"]
        );
        assert_eq!(clauses("ok"), ["ok"]);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("L'Hospital, A&E!"), " l hospital a&e ");
    }
}
