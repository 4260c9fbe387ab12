//! The learned PHI span tagger of the transformer tier (`scripts/train-phi-tagger`,
//! `training/train_phi_tagger.py`): a token classifier (outside, person name, date) over the
//! encoder's per-token hidden states ([`encoder::Output::LayerMeansAndTokens`]).
//!
//! The rules find identifiers with a shape or a check digit almost perfectly, but names and
//! dates come in more shapes than rules list: on blind sets they missed one name in six (all-caps
//! names pasted from SMS reminders, hyphenated, lowercase and foreign first names) and one date
//! in five. The tagger reads the context instead. The transformer tier adds what it tags where the
//! rules found nothing, except names the rules decline on purpose (public figures, hospitals and
//! places named after people, pets: [`super::names::declined`]); it never removes a rule's span.
//! `[classify.phi] span_tagger = false` turns it off.
//!
//! Features of token `t` (the trainer's docs are the spec): its states in each of
//! [`encoder::TOKEN_LAYERS`], each L2-normalised; the previous and next token's the same way
//! times `neighbour_scale` (zeros past either end); four shape bits of its text. Decoding, with
//! hysteresis: a token may take its likeliest class when that class's probability reaches
//! `extend_threshold`; such tokens of one class at most one character apart form a run, kept
//! when one of them reaches `threshold` ("AMARA" sure, "OSEI" less so); a run is widened to
//! whole words and trimmed of anything but letters and digits at its ends.

use crate::encoder::{backend::l2_normalise, DIM, TOKEN_LAYERS, TOKEN_WIDTH};
use crate::ClassifyError;
use serde::Deserialize;
use vigia_model::PhiType;

/// The shipped tagger; `span_tagger.meta.json` beside it says how it was trained.
pub const TAGGER_JSON: &str = include_str!("../../resources/phi/span_tagger.json");

const CLASSES: [&str; 3] = ["outside", "person_name", "date"];
const SHAPE_BITS: usize = 4;
/// Features per token: the token's states, its two neighbours', the shape bits.
const FEATURES: usize = 3 * TOKEN_WIDTH + SHAPE_BITS;

#[derive(Debug, Clone, Deserialize)]
pub struct SpanTagger {
    /// `name@version`, reported in `models`.
    pub name: String,
    classes: Vec<String>,
    token_layers: Vec<usize>,
    neighbour_scale: f32,
    /// Class probability at or above which a token starts a span.
    pub threshold: f32,
    /// Class probability at or above which a token may join a span (hysteresis).
    pub extend_threshold: f32,
    bias: Vec<f32>,
    weights: Vec<Vec<f32>>,
}

impl SpanTagger {
    /// The tagger bundled in the binary.
    pub fn bundled() -> Result<Self, ClassifyError> {
        Self::from_json(TAGGER_JSON)
    }

    pub fn from_json(json: &str) -> Result<Self, ClassifyError> {
        let invalid = |detail: String| ClassifyError::InvalidResource {
            name: "phi/span_tagger.json".into(),
            detail,
        };
        let t: Self = serde_json::from_str(json).map_err(|e| invalid(e.to_string()))?;
        if t.classes != CLASSES {
            return Err(invalid(format!(
                "classes {:?}, expected {CLASSES:?}",
                t.classes
            )));
        }
        if t.token_layers != TOKEN_LAYERS {
            return Err(invalid(format!(
                "trained on layers {:?}, the encoder serves {TOKEN_LAYERS:?}: retrain with scripts/train-phi-tagger",
                t.token_layers
            )));
        }
        if t.bias.len() != CLASSES.len()
            || t.weights.len() != CLASSES.len()
            || t.weights.iter().any(|w| w.len() != FEATURES)
        {
            return Err(invalid(format!(
                "expected {} classes of {FEATURES} weights",
                CLASSES.len()
            )));
        }
        if !(0.0..=1.0).contains(&t.threshold) || !(0.0..=t.threshold).contains(&t.extend_threshold)
        {
            return Err(invalid(format!(
                "threshold {}, extend_threshold {}: want 0 <= extend <= threshold <= 1",
                t.threshold, t.extend_threshold
            )));
        }
        Ok(t)
    }

    /// Per-token class probabilities (outside, name, date) of `text` from its token states
    /// (`n` x [`TOKEN_WIDTH`], `n` = `ranges.len()`) and its tokens' byte ranges (see
    /// `Encoder::token_offsets`). `None` when the two disagree on the token count.
    pub fn probabilities(
        &self,
        text: &str,
        states: &[f32],
        ranges: &[Option<(usize, usize)>],
    ) -> Option<Vec<[f32; 3]>> {
        let n = ranges.len();
        if n == 0 || states.len() != n * TOKEN_WIDTH {
            return None;
        }
        // Each token's normalised states, then its dot products with each class's three blocks
        // (own, previous, next): the logits are sums of these, so neighbours cost nothing extra.
        let mut dots = vec![[[0f32; 3]; 3]; n];
        let mut f = vec![0f32; TOKEN_WIDTH];
        for (t, d) in dots.iter_mut().enumerate() {
            f.copy_from_slice(&states[t * TOKEN_WIDTH..(t + 1) * TOKEN_WIDTH]);
            for block in f.chunks_exact_mut(DIM) {
                l2_normalise(block);
            }
            for (c, w) in self.weights.iter().enumerate() {
                for (k, dk) in d[c].iter_mut().enumerate() {
                    *dk = dot(&w[k * TOKEN_WIDTH..(k + 1) * TOKEN_WIDTH], &f);
                }
            }
        }
        let s = self.neighbour_scale;
        Some(
            (0..n)
                .map(|t| {
                    let bits = shape_bits(text, ranges[t]);
                    let mut logits = [0f32; 3];
                    for (c, l) in logits.iter_mut().enumerate() {
                        let w = &self.weights[c];
                        *l = self.bias[c]
                            + dots[t][c][0]
                            + if t > 0 { s * dots[t - 1][c][1] } else { 0.0 }
                            + if t + 1 < n {
                                s * dots[t + 1][c][2]
                            } else {
                                0.0
                            }
                            + dot(&w[3 * TOKEN_WIDTH..], &bits);
                    }
                    softmax(logits)
                })
                .collect(),
        )
    }

    /// Name and date spans (byte offsets, sorted, not overlapping) in `text`.
    pub fn spans(
        &self,
        text: &str,
        states: &[f32],
        ranges: &[Option<(usize, usize)>],
    ) -> Vec<(usize, usize, PhiType)> {
        match self.probabilities(text, states, ranges) {
            Some(p) => decode(text, ranges, &p, self.threshold, self.extend_threshold),
            None => Vec::new(),
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn softmax(l: [f32; 3]) -> [f32; 3] {
    let m = l.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let e = l.map(|x| (x - m).exp());
    let z: f32 = e.iter().sum();
    e.map(|x| x / z)
}

/// First character upper case; all upper case and longer than one character; an ASCII digit;
/// starts a word. All zero for tokens outside the text.
fn shape_bits(text: &str, range: Option<(usize, usize)>) -> [f32; SHAPE_BITS] {
    let Some((a, b)) = range else {
        return [0.0; SHAPE_BITS];
    };
    let s = &text[a..b];
    let first_upper = s.chars().next().is_some_and(char::is_uppercase);
    let all_upper = s.chars().count() > 1
        && s.chars().any(char::is_uppercase)
        && !s.chars().any(char::is_lowercase);
    let digit = s.bytes().any(|c| c.is_ascii_digit());
    let word_start = text[..a]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    [first_upper, all_upper, digit, word_start].map(|b| if b { 1.0 } else { 0.0 })
}

/// Spans from per-token probabilities (see the module docs).
fn decode(
    text: &str,
    ranges: &[Option<(usize, usize)>],
    probs: &[[f32; 3]],
    threshold: f32,
    extend: f32,
) -> Vec<(usize, usize, PhiType)> {
    // (start, end, class, has a token at `threshold`)
    let mut runs: Vec<(usize, usize, usize, bool)> = Vec::new();
    let mut cur: Option<(usize, usize, usize, bool)> = None;
    for (r, p) in ranges.iter().zip(probs) {
        let Some((a, b)) = *r else { continue };
        let k = if p[1] >= p[2] { 1 } else { 2 };
        let k = if p[k] >= extend { k } else { 0 };
        let strong = k != 0 && p[k] >= threshold;
        match cur.as_mut() {
            Some(c) if k != 0 && c.2 == k && text[c.1.min(a)..a].chars().count() <= 1 => {
                c.1 = b;
                c.3 |= strong;
                continue;
            }
            _ => {}
        }
        runs.extend(cur.take().filter(|c| c.3));
        if k != 0 {
            cur = Some((a, b, k, strong));
        }
    }
    runs.extend(cur.filter(|c| c.3));
    let word = |c: char| c.is_alphanumeric() || c == '-';
    // An apostrophe between letters is inside a word ("d'abril", "D'Amico"), unless it starts
    // a possessive "'s".
    let inner_apostrophe = |at: usize| {
        let mut rest = text[at..].chars();
        let (apostrophe, next, after) = (rest.next(), rest.next(), rest.next());
        matches!(apostrophe, Some('\'' | '’'))
            && text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
            && (next != Some('s') || after.is_some_and(char::is_alphanumeric))
    };
    let mut out: Vec<(usize, usize, PhiType)> = Vec::new();
    for (mut a, mut b, k, _) in runs {
        while let Some(c) = text[..a].chars().next_back().filter(|&c| word(c)) {
            a -= c.len_utf8();
        }
        loop {
            match text[b..].chars().next() {
                Some(c) if word(c) => b += c.len_utf8(),
                Some(c) if inner_apostrophe(b) => b += c.len_utf8(),
                _ => break,
            }
        }
        while let Some(c) = text[a..b].chars().next().filter(|c| !c.is_alphanumeric()) {
            a += c.len_utf8();
        }
        while let Some(c) = text[a..b]
            .chars()
            .next_back()
            .filter(|c| !c.is_alphanumeric())
        {
            b -= c.len_utf8();
        }
        let kind = if k == 1 {
            PhiType::PersonName
        } else {
            PhiType::Date
        };
        // Widening can make neighbouring runs meet; keep spans disjoint.
        match out.last_mut() {
            Some(last) if a < last.1 && last.2 == kind => last.1 = last.1.max(b),
            Some(last) if a < last.1 => {}
            _ if b > a => out.push((a, b, kind)),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges_of(text: &str) -> Vec<Option<(usize, usize)>> {
        // one token per word, with `<s>` and `</s>` around them
        let mut r = vec![None];
        let mut at = 0;
        for w in text.split(' ') {
            r.push(Some((at, at + w.len())));
            at += w.len() + 1;
        }
        r.push(None);
        r
    }

    #[test]
    fn the_bundled_tagger_loads() {
        let t = SpanTagger::bundled().unwrap();
        assert!(t.name.starts_with("e5-phi-span"));
        assert!((0.5..1.0).contains(&t.threshold), "{}", t.threshold);
    }

    #[test]
    fn malformed_taggers_are_refused() {
        let good: serde_json::Value = serde_json::from_str(TAGGER_JSON).unwrap();
        let mut short = good.clone();
        short["weights"][1] = serde_json::json!([0.1, 0.2]);
        assert!(SpanTagger::from_json(&short.to_string()).is_err());
        let mut layers = good.clone();
        layers["token_layers"] = serde_json::json!([6, 9, 12]);
        assert!(SpanTagger::from_json(&layers.to_string()).is_err());
        let mut extend = good.clone();
        extend["extend_threshold"] = serde_json::json!(0.99);
        assert!(SpanTagger::from_json(&extend.to_string()).is_err());
        let mut classes = good;
        classes["classes"] = serde_json::json!(["outside", "date", "person_name"]);
        assert!(SpanTagger::from_json(&classes.to_string()).is_err());
    }

    #[test]
    fn tagged_tokens_join_into_whole_word_spans() {
        let text = "call AMARA OSEI-BOATENG on 3rd March please";
        let ranges = ranges_of(text);
        let o = [1.0, 0.0, 0.0];
        let name = [0.1, 0.9, 0.0];
        let date = [0.1, 0.0, 0.9];
        // <s> call AMARA OSEI-BOATENG on 3rd March please </s>
        let probs = [o, o, name, name, o, date, date, o, o];
        let got = decode(text, &ranges, &probs, 0.7, 0.7);
        let spans: Vec<(&str, PhiType)> = got.iter().map(|s| (&text[s.0..s.1], s.2)).collect();
        assert_eq!(
            spans,
            [
                ("AMARA OSEI-BOATENG", PhiType::PersonName),
                ("3rd March", PhiType::Date)
            ]
        );
        // below the threshold nothing is tagged
        assert!(decode(text, &ranges, &probs, 0.95, 0.95).is_empty());
    }

    #[test]
    fn a_sure_token_carries_its_less_sure_neighbours_of_the_same_class() {
        let text = "Sr. Abdelkader Bensaid, PET el 27 maig";
        let ranges = ranges_of(text);
        let o = [1.0, 0.0, 0.0];
        // <s> Sr. Abdelkader Bensaid, PET el 27 maig </s>
        let probs = [
            o,
            o,
            [0.1, 0.9, 0.0],
            [0.6, 0.4, 0.0],
            o,
            o,
            [0.5, 0.0, 0.5],
            [0.6, 0.0, 0.4],
            o,
        ];
        let spans = |extend| -> Vec<String> {
            decode(text, &ranges, &probs, 0.7, extend)
                .iter()
                .map(|s| text[s.0..s.1].to_string())
                .collect()
        };
        assert_eq!(spans(0.7), ["Abdelkader"]);
        assert_eq!(spans(0.3), ["Abdelkader Bensaid"]);
        // no token of the date reaches the threshold: no date, however low the extension
        assert_eq!(spans(0.1), ["Abdelkader Bensaid"]);
    }

    #[test]
    fn a_sub_word_token_widens_to_its_word_and_punctuation_is_trimmed() {
        let text = "gràcies, Kerry-Ann!";
        // tokens: "gràcies," "Kerry" "-" "Ann!" (byte ranges)
        let k = text.find("Kerry").unwrap();
        let ranges = vec![
            None,
            Some((0, k - 1)),
            Some((k, k + 5)),
            Some((k + 5, k + 6)),
            Some((k + 6, text.len())),
            None,
        ];
        let o = [1.0, 0.0, 0.0];
        let name = [0.0, 1.0, 0.0];
        let got = decode(text, &ranges, &[o, o, name, o, o, o], 0.5, 0.5);
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].0..got[0].1], "Kerry-Ann");
    }

    #[test]
    fn a_span_runs_through_an_elided_preposition_but_not_a_possessive() {
        let text = "dia 9 d'abril amb Olamide's mum";
        let at = |w: &str| text.find(w).unwrap();
        let ranges = vec![
            None,
            Some((0, 3)),
            Some((at("9"), at("9") + 1)),
            Some((at("d'"), at("d'") + 1)),
            Some((at("'abril"), at(" amb"))),
            Some((at("amb"), at("amb") + 3)),
            Some((at("Olamide"), at("Olamide") + 7)),
            Some((at("'s"), at(" mum"))),
            Some((at("mum"), text.len())),
            None,
        ];
        let o = [1.0, 0.0, 0.0];
        let name = [0.0, 1.0, 0.0];
        let date = [0.0, 0.0, 1.0];
        let got = decode(
            text,
            &ranges,
            &[o, o, date, date, o, o, name, o, o, o],
            0.5,
            0.5,
        );
        let spans: Vec<&str> = got.iter().map(|s| &text[s.0..s.1]).collect();
        assert_eq!(spans, ["9 d'abril", "Olamide"]);
    }

    #[test]
    fn shape_bits_follow_the_trainer() {
        let t = "Hi ANA, it's 3rd";
        assert_eq!(shape_bits(t, Some((0, 2))), [1.0, 0.0, 0.0, 1.0]);
        assert_eq!(shape_bits(t, Some((3, 6))), [1.0, 1.0, 0.0, 1.0]);
        assert_eq!(shape_bits(t, Some((9, 12))), [0.0, 0.0, 0.0, 0.0]);
        assert_eq!(shape_bits(t, Some((13, 16))), [0.0, 0.0, 1.0, 1.0]);
        assert_eq!(shape_bits(t, None), [0.0; 4]);
    }

    #[test]
    fn a_state_count_that_does_not_match_the_tokens_tags_nothing() {
        let t = SpanTagger::bundled().unwrap();
        let text = "Maria";
        let ranges = vec![None, Some((0, 5)), None];
        assert!(t.spans(text, &[0.0; 5], &ranges).is_empty());
        assert!(t.probabilities(text, &[], &[]).is_none());
    }
}
