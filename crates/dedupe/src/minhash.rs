//! MinHash signatures over word shingles, stored as one byte per hash (b-bit minwise hashing),
//! and LSH band keys derived from them.
//!
//! One byte per hash keeps the state small: two signatures agree on a hash with probability
//! `J + (1 - J) / 256` for Jaccard similarity `J`, which [`similarity`] corrects for. Band keys
//! are computed from the stored bytes, so an index slot can be re-derived from the entry alone
//! (the state's hash tables hold 4-byte entry references, not keys).

use serde::{Deserialize, Serialize};

/// Largest supported rows per band (a band's bytes are packed into one `u64` with its index).
pub const MAX_ROWS: usize = 7;

/// MinHash/LSH parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MinHashParams {
    /// Words per shingle.
    pub shingle: usize,
    /// Hashes per signature (bytes of state per mention); at least `bands * rows`.
    pub hashes: usize,
    /// LSH bands; each band is `rows` consecutive hashes.
    pub bands: usize,
    pub rows: usize,
    /// Estimated Jaccard similarity from which a candidate counts as a near-duplicate.
    pub threshold: f32,
    /// Texts with fewer tokens are matched exactly only: too short to tell copies from chance.
    pub min_tokens: usize,
}

impl Default for MinHashParams {
    /// Chosen on the labelled set (`vigia eval dedupe`, see the README's "Deduplication").
    fn default() -> Self {
        Self {
            shingle: 2,
            hashes: 32,
            bands: 8,
            rows: 3,
            threshold: 0.3,
            min_tokens: 4,
        }
    }
}

impl MinHashParams {
    pub fn validate(&self) -> Result<(), String> {
        if self.shingle == 0 {
            return Err("shingle: must be positive".into());
        }
        if self.rows == 0 || self.rows > MAX_ROWS {
            return Err(format!("rows: must be within 1..={MAX_ROWS}"));
        }
        if self.bands == 0 || self.bands > 64 {
            return Err("bands: must be within 1..=64".into());
        }
        if self.hashes < self.bands * self.rows || self.hashes > 255 {
            return Err("hashes: must be at least bands * rows and at most 255".into());
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err("threshold: must be within 0..=1".into());
        }
        Ok(())
    }
}

#[inline]
fn mix(mut z: u64) -> u64 {
    // splitmix64 finaliser: a bijection with full avalanche.
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn seed(i: usize) -> u64 {
    mix((i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Hashes of the word shingles of `tokens` (a text shorter than one shingle is one shingle).
pub fn shingles(tokens: &[String], n: usize) -> Vec<u64> {
    let th: Vec<u64> = tokens
        .iter()
        .map(|t| xxhash_rust::xxh3::xxh3_64(t.as_bytes()))
        .collect();
    if th.is_empty() {
        return Vec::new();
    }
    let n = n.min(th.len());
    let mut out: Vec<u64> = th
        .windows(n)
        .map(|w| {
            w.iter()
                .fold(0x51_7cc1_b727_220a_u64, |h, &t| mix(h ^ t).rotate_left(17))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// MinHash signature, one byte per hash: the low byte of each hash's minimum.
pub fn signature(shingles: &[u64], hashes: usize) -> Vec<u8> {
    let mut mins = vec![u64::MAX; hashes];
    let seeds: Vec<u64> = (0..hashes).map(seed).collect();
    for &s in shingles {
        for (m, sd) in mins.iter_mut().zip(&seeds) {
            let v = mix(s ^ sd);
            if v < *m {
                *m = v;
            }
        }
    }
    mins.into_iter().map(|m| m as u8).collect()
}

/// Estimated Jaccard similarity of two signatures of equal length (0..=1).
pub fn similarity(a: &[u8], b: &[u8]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    if a.is_empty() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count() as f32;
    let p = eq / a.len() as f32;
    const C: f32 = 1.0 / 256.0;
    ((p - C) / (1.0 - C)).clamp(0.0, 1.0)
}

/// Key of band `band` of `sig` (rows `band*rows .. band*rows+rows`).
#[inline]
pub fn band_key(sig: &[u8], band: usize, rows: usize) -> u64 {
    let mut x = (band as u64 + 1) << 56;
    for (i, &b) in sig[band * rows..band * rows + rows].iter().enumerate() {
        x |= (b as u64) << (8 * i);
    }
    mix(x)
}

/// Probability that two texts of Jaccard similarity `s` share at least one band.
pub fn candidate_probability(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::tokens;
    use proptest::prelude::*;

    fn sig(text: &str, p: &MinHashParams) -> Vec<u8> {
        signature(&shingles(&tokens(text), p.shingle), p.hashes)
    }

    #[test]
    fn similar_texts_score_high_and_unrelated_low() {
        let p = MinHashParams::default();
        let a = sig("six hours waiting in the emergency room of Hospital del Mar tonight, no doctor in sight", &p);
        let b = sig("RT @x: six hours waiting in the emergency room of Hospital del Mar tonight, no doctor in sight 😡 https://t.co/1", &p);
        let c = sig("seven hours waiting in the emergency room of Hospital del Mar today, no nurse in sight", &p);
        let d = sig(
            "the new paediatric wing of Gemelli opens on Monday with forty beds",
            &p,
        );
        assert_eq!(similarity(&a, &b), 1.0);
        assert!(similarity(&a, &c) > 0.4, "{}", similarity(&a, &c));
        assert!(similarity(&a, &d) < 0.3, "{}", similarity(&a, &d));
    }

    proptest! {
        #[test]
        fn identical_texts_always_match(text in "\\PC{0,200}") {
            let p = MinHashParams::default();
            let a = sig(&text, &p);
            prop_assert_eq!(&a, &sig(&text, &p));
            if !a.is_empty() && !tokens(&text).is_empty() {
                prop_assert_eq!(similarity(&a, &a), 1.0);
            }
        }

        #[test]
        fn similarity_is_symmetric_and_bounded(a in "[a-z ]{0,120}", b in "[a-z ]{0,120}") {
            let p = MinHashParams::default();
            let (sa, sb) = (sig(&a, &p), sig(&b, &p));
            let s = similarity(&sa, &sb);
            prop_assert_eq!(s, similarity(&sb, &sa));
            prop_assert!((0.0..=1.0).contains(&s));
        }

        #[test]
        fn decoration_does_not_change_the_signature(
            words in proptest::collection::vec("[a-zà-ú]{3,10}", 1..30),
            handle in "[a-z0-9_]{1,15}",
            url in "[a-zA-Z0-9]{1,12}",
        ) {
            let p = MinHashParams::default();
            let text = words.join(" ");
            let dressed = format!("RT @{handle}: {} https://t.co/{url} 😀", text.to_uppercase());
            prop_assert_eq!(sig(&text, &p), sig(&dressed, &p));
        }

        #[test]
        fn band_keys_agree_when_bands_agree(sig in proptest::collection::vec(any::<u8>(), 24)) {
            let mut other = sig.clone();
            other[23] ^= 1;
            for band in 0..7 {
                prop_assert_eq!(band_key(&sig, band, 3), band_key(&other, band, 3));
            }
            prop_assert_ne!(band_key(&sig, 7, 3), band_key(&other, 7, 3));
        }
    }
}
