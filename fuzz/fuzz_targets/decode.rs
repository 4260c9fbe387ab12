//! Fuzz the decoder entry point: arbitrary bytes under every `vigia.platform` header value,
//! then tracking on what decodes and on the raw text.
//! Run from the repository root (cargo-fuzz: `cargo install cargo-fuzz`):
//! `cargo +nightly fuzz run decode fuzz/corpus/decode fuzz/seeds/decode -- -max_total_time=600`.
//! `fuzz/seeds/decode` holds a few fixtures (first byte 0: no header); the corpus libFuzzer
//! grows (`fuzz/corpus`) and crash artefacts (`fuzz/artifacts`) stay out of git.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use vigia_ingest::{Decoder, Tracker};

/// The bench's four organisations (brands with aliases, competitors, keywords, hashtags, an
/// exclusion), so that tracking runs on whatever decodes, as in the pipeline.
fn tracker() -> &'static Tracker {
    static TRACKER: OnceLock<Tracker> = OnceLock::new();
    TRACKER.get_or_init(vigia_ingest::bench_support::tracker)
}

const HEADERS: [Option<&str>; 14] = [
    None,
    Some("x"),
    Some("facebook"),
    Some("instagram"),
    Some("tiktok"),
    Some("youtube"),
    Some("linkedin"),
    Some("reddit"),
    Some("google_reviews"),
    Some("yelp"),
    Some("foursquare"),
    Some("news"),
    Some("canonical"),
    Some("unknown"),
];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the header; the rest is the record.
    let Some((&pick, payload)) = data.split_first() else {
        return;
    };
    let header = HEADERS[pick as usize % HEADERS.len()];
    if let Ok(mut m) = Decoder::default().decode(payload, header) {
        // Whatever decodes is a valid mention: its id carries its platform.
        assert!(m.id.starts_with(m.platform.as_str()));
        assert!(!m.text.trim().is_empty());
        tracker().apply(&mut m);
        for hit in &m.tracking {
            assert!(!hit.organisation.is_empty() && !hit.term.is_empty());
        }
    }
    // The tracking fold and matcher on arbitrary text, as text and as a hashtag.
    if let Ok(text) = std::str::from_utf8(payload) {
        for hit in tracker().matches(text, &[text.to_string()]) {
            assert!(!hit.organisation.is_empty());
        }
    }
});
