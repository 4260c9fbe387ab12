//! Lexical features of the sentiment head: the misinformation head's hashed word and character
//! n-grams ([`crate::misinfo::features`], reused as they are) plus a block of emoji, emoticons
//! and emphasis that the misinfo tokeniser drops.
//!
//! The Rust twin of `training/sentiment_features.py`, which writes the spec (version
//! [`VERSION`]); `train_sentiment.py` stores parity fixtures in `head.meta.json` and a test here
//! recomputes them.

use crate::misinfo::features::{self, DIM};
use once_cell::sync::Lazy;
use regex::Regex;

/// Version of the spec in `training/sentiment_features.py`.
pub const VERSION: u32 = 1;

const EMOJI_RANGES: [(u32, u32); 5] = [
    (0x2190, 0x21FF),
    (0x2300, 0x23FF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x1F000, 0x1FAFF),
];
const SKIN_TONES: (u32, u32) = (0x1F3FB, 0x1F3FF);

static EMOTICON_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:[:;=][\-o']?[()\[\]dDpP/|*3]|<3|\^\^|\^_\^|xD|XD)$").expect("emoticon regex")
});

fn is_emoji(c: char) -> bool {
    let o = c as u32;
    if (SKIN_TONES.0..=SKIN_TONES.1).contains(&o) {
        return false;
    }
    EMOJI_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&o))
}

/// The symbol block's feature strings: emoji, whole-token emoticons, `!!`, `??`, elongation.
pub fn symbol_features(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .chars()
        .filter(|&c| is_emoji(c))
        .map(|c| format!("e|{c}"))
        .collect();
    for tok in text.split_whitespace() {
        if EMOTICON_RE.is_match(tok) {
            out.push(format!("e|{tok}"));
        }
    }
    if text.contains("!!") {
        out.push("e|!!".into());
    }
    if text.contains("??") {
        out.push("e|??".into());
    }
    let (mut prev, mut run) = (None, 0);
    for c in text.chars() {
        run = if Some(c) == prev { run + 1 } else { 1 };
        prev = Some(c);
        if run == 3 && features::is_tok_char(c) && !c.is_ascii_digit() {
            out.push("e|elong".into());
            break;
        }
    }
    out
}

/// The sparse lexical vector (bucket, value), sorted by bucket: the misinfo word and char blocks
/// with `idf`, plus the symbol block when `symbols`, each block L2-normalised.
pub fn vector(text: &str, idf: &[f32], symbols: bool) -> Vec<(u32, f32)> {
    let (w, c) = features::raw_features(text);
    let mut blocks = vec![w, c];
    if symbols {
        blocks.push(symbol_features(text));
    }
    features::vectorise_blocks(blocks, Some(idf))
}

/// Little-endian IEEE half floats to f32.
pub fn f16s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(2)
        .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
        .collect()
}

fn f16_to_f32(h: u16) -> f32 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let frac = (h & 0x3ff) as f32;
    sign * match exp {
        0 => frac * 2f32.powi(-24),
        31 if frac == 0.0 => f32::INFINITY,
        31 => f32::NAN,
        e => (1.0 + frac / 1024.0) * 2f32.powi(e - 15),
    }
}

/// A linear model over [`vector`]: `DIM` idf values and one `DIM`-wide weight row per class.
#[derive(Debug, Clone)]
pub struct LexicalModel {
    pub symbols: bool,
    idf: Vec<f32>,
    /// `[class][DIM]`
    w: Vec<Vec<f32>>,
    b: Vec<f32>,
}

impl LexicalModel {
    /// From the head file's `lexical.bin` (f16 LE: idf, then each class's weights) and biases.
    pub fn from_bytes(bytes: &[u8], b: Vec<f32>, symbols: bool) -> Result<Self, String> {
        let classes = b.len();
        if bytes.len() != 2 * DIM * (1 + classes) {
            return Err(format!(
                "lexical weights: {} bytes, expected {} for {classes} classes",
                bytes.len(),
                2 * DIM * (1 + classes)
            ));
        }
        let all = f16s(bytes);
        let idf = all[..DIM].to_vec();
        let w = (0..classes)
            .map(|c| all[DIM * (1 + c)..DIM * (2 + c)].to_vec())
            .collect();
        Ok(Self { symbols, idf, w, b })
    }

    pub fn features(&self, text: &str) -> Vec<(u32, f32)> {
        vector(text, &self.idf, self.symbols)
    }

    /// Raw per-class logits.
    pub fn logits(&self, text: &str) -> Vec<f32> {
        let x = self.features(text);
        self.w
            .iter()
            .zip(&self.b)
            .map(|(w, b)| b + x.iter().map(|&(k, v)| w[k as usize] * v).sum::<f32>())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_follow_the_spec() {
        assert_eq!(
            symbol_features("sooo good :) 😍😍 👍🏽 !!! what?? :-( http://x.co/:) 2000"),
            ["e|😍", "e|😍", "e|👍", "e|:)", "e|:-(", "e|!!", "e|??", "e|elong"]
        );
        assert!(symbol_features("nothing here, 1000 times").is_empty());
    }

    #[test]
    fn half_floats() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), (1.0 + 341.0 / 1024.0) / 4.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
    }

    #[test]
    fn blocks_are_normalised() {
        let idf = vec![1.0; DIM];
        let sq = |v: &[(u32, f32)]| v.iter().map(|(_, x)| x * x).sum::<f32>();
        let plain = vector("great staff", &idf, true);
        let with = vector("great staff 😍", &idf, true);
        assert!(with.len() > plain.len());
        assert!(sq(&with) > sq(&plain) + 0.5, "{} {}", sq(&with), sq(&plain));
        assert_eq!(vector("great staff 😍", &idf, false), plain);
    }
}
