//! Features of the supervised detector head: hashed word and character n-grams (TF-IDF style)
//! and link/style features.
//!
//! This is the Rust twin of `training/misinfo_features.py`; both follow the spec written there
//! (version [`FEATURES_VERSION`]) and must give the same vector for the same text. The training
//! script writes parity fixtures into the head's metadata and a test here recomputes them.

use super::domains::{DomainLists, LinkClass};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

pub const FEATURES_VERSION: u32 = 1;
/// Width of the hashed lexical space.
pub const DIM: usize = 1 << 18;
/// Names of the link/style features, in order.
pub const META_NAMES: [&str; 14] = [
    "has_url",
    "n_urls",
    "n_hashtags",
    "n_handles",
    "digit_frac",
    "caps_ratio",
    "exclamations",
    "questions",
    "length",
    "link_low_credibility",
    "link_authoritative",
    "link_fact_checker",
    "link_study",
    "link_shortener",
];
pub const META_DIM: usize = META_NAMES.len();

const FNV_OFFSET: u64 = 0xcbf29ce484222325;
const FNV_PRIME: u64 = 0x100000001b3;

static URL_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)(?:https?://|www\.)\S+").expect("url regex"));
// Python's `(?<![\w@])@\w+` without look-behind: the character before is captured and kept.
static HANDLE_RE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(^|[^\w@])@\w+").expect("handle regex"));
static LINK_RE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?i)(?:https?://|www\.)[^\s<>"]+"#).expect("link regex"));

fn fnv1a(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Letters and numbers (Unicode general categories L and N).
pub fn is_tok_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // `is_alphanumeric` also admits a few combining marks that Python's category test does
        // not; they do not occur in the languages vigia reads once text is NFC-normalised.
        c.is_alphanumeric()
    }
}

/// Tokens as the spec defines them.
pub fn tokens(text: &str) -> Vec<String> {
    let text: String = text.nfc().collect();
    let text = URL_RE.replace_all(&text, " xurl ");
    let text = HANDLE_RE.replace_all(&text, "$1 xuser ");
    let text = text.to_lowercase();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if is_tok_char(c) {
            cur.push(if c.is_ascii_digit() { '0' } else { c });
        } else if c == '#' && cur.is_empty() && chars.get(i + 1).is_some_and(|n| is_tok_char(*n)) {
            cur.push('#');
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The word and char feature strings of a text.
pub fn raw_features(text: &str) -> (Vec<String>, Vec<String>) {
    let toks = tokens(text);
    let mut words: Vec<String> = toks.iter().map(|t| format!("w|{t}")).collect();
    words.extend(toks.windows(2).map(|w| format!("b|{} {}", w[0], w[1])));
    let mut chars = Vec::new();
    for t in &toks {
        if t == "xurl" || t == "xuser" {
            continue;
        }
        let p: Vec<char> = std::iter::once(' ')
            .chain(t.chars())
            .chain(std::iter::once(' '))
            .collect();
        for n in 2..=5 {
            if p.len() < n {
                continue;
            }
            for i in 0..=(p.len() - n) {
                let mut s = String::with_capacity(2 + 4 * n);
                s.push_str("c|");
                s.extend(&p[i..i + n]);
                chars.push(s);
            }
        }
    }
    (words, chars)
}

fn bucket_counts(feats: &[String]) -> HashMap<u32, u32> {
    let mut m = HashMap::with_capacity(feats.len());
    for f in feats {
        *m.entry((fnv1a(f) % DIM as u64) as u32).or_insert(0) += 1;
    }
    m
}

/// Sparse lexical vector (bucket, value), sorted by bucket. `idf` has [`DIM`] entries, or
/// `None` for all ones.
pub fn lexical(text: &str, idf: Option<&[f32]>) -> Vec<(u32, f32)> {
    let (w, c) = raw_features(text);
    vectorise_blocks([w, c], idf)
}

/// Blocks of feature strings to one sparse vector (bucket, value), sorted by bucket: each
/// block's buckets get sublinear TF x IDF, the block is L2-normalised, and the blocks are summed.
/// Shared with the sentiment head's n-gram model, which adds a block of its own.
pub fn vectorise_blocks(
    blocks: impl IntoIterator<Item = Vec<String>>,
    idf: Option<&[f32]>,
) -> Vec<(u32, f32)> {
    let mut acc: HashMap<u32, f64> = HashMap::new();
    for block in blocks {
        let counts = bucket_counts(&block);
        let vals: Vec<(u32, f64)> = counts
            .into_iter()
            .map(|(k, n)| {
                let i = idf.map_or(1.0, |v| v[k as usize] as f64);
                (k, (1.0 + (n as f64).ln()) * i)
            })
            .collect();
        let norm = vals.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            for (k, x) in vals {
                *acc.entry(k).or_insert(0.0) += x / norm;
            }
        }
    }
    let mut v: Vec<(u32, f32)> = acc.into_iter().map(|(k, x)| (k, x as f32)).collect();
    v.sort_unstable_by_key(|(k, _)| *k);
    v
}

/// URLs of the text as the feature spec sees them (trailing punctuation cut, deduplicated).
pub fn text_urls(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in LINK_RE.find_iter(text) {
        let u = m
            .as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"', '…']);
        if !u.is_empty() && !out.iter().any(|x| x == u) {
            out.push(u.to_string());
        }
    }
    out
}

/// Link and style features ([`META_NAMES`]). `urls` are the mention's links (text and entities).
pub fn meta(text: &str, urls: &[String]) -> [f32; META_DIM] {
    let lists = DomainLists::bundled();
    let mut f = [0f32; META_DIM];
    let n_chars = text.chars().count();
    let (mut letters, mut upper, mut digits, mut excl, mut quest) = (0usize, 0usize, 0usize, 0, 0);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
        if c.is_ascii_digit() {
            digits += 1;
        }
        if c == '!' {
            excl += 1;
        }
        if c == '?' {
            quest += 1;
        }
    }
    let toks = tokens(text);
    let hashtags = toks.iter().filter(|t| t.starts_with('#')).count();
    let handles = toks.iter().filter(|t| *t == "xuser").count();
    f[0] = if urls.is_empty() { 0.0 } else { 1.0 };
    f[1] = urls.len().min(3) as f32 / 3.0;
    f[2] = hashtags.min(5) as f32 / 5.0;
    f[3] = handles.min(5) as f32 / 5.0;
    f[4] = if n_chars > 0 {
        digits as f32 / n_chars as f32
    } else {
        0.0
    };
    f[5] = if letters >= 10 {
        upper as f32 / letters as f32
    } else {
        0.0
    };
    f[6] = excl.min(3) as f32 / 3.0;
    f[7] = quest.min(3) as f32 / 3.0;
    f[8] = n_chars.min(400) as f32 / 400.0;
    for u in urls {
        let i = match lists.classify(u) {
            LinkClass::LowCredibility => 9,
            LinkClass::Authoritative => 10,
            LinkClass::FactChecker => 11,
            LinkClass::Study => 12,
            LinkClass::Shortener => 13,
            LinkClass::Other => continue,
        };
        f[i] = 1.0;
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenisation_follows_the_spec() {
        assert_eq!(
            tokens("RT @who: #COVID19 cases up 25% https://t.co/x1 ¡Increíble!"),
            vec![
                "rt",
                "xuser",
                "#covid00",
                "cases",
                "up",
                "00",
                "xurl",
                "increíble"
            ]
        );
        assert_eq!(tokens("a@b.com ##x # y"), vec!["a", "b", "com", "#x", "y"]);
    }

    #[test]
    fn lexical_blocks_are_normalised() {
        let v = lexical("vaccines cause autism", None);
        let sq: f32 = v.iter().map(|(_, x)| x * x).sum();
        // two unit blocks added: squared norm between 2 (disjoint) and 4 (identical)
        assert!((2.0..=4.0).contains(&sq), "{sq}");
        assert!(lexical("", None).is_empty());
    }

    #[test]
    fn meta_features() {
        let t = "WAKE UP!!! they hide it https://www.naturalnews.com/x #truth";
        let m = meta(t, &text_urls(t));
        assert_eq!(m[0], 1.0);
        assert_eq!(m[6], 1.0);
        assert_eq!(m[9], 1.0);
        assert!(m[2] > 0.0);
    }
}
