//! Fixtures and timing loop shared by the criterion bench (`benches/ingest.rs`) and the ignored
//! throughput test (`tests/throughput.rs`), so both measure the same records with the same
//! tracking configuration. Behind the `bench-support` feature: not part of the library's API.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::{Decoder, Tracker, TrackingConfig};

/// Fixture files (`tests/fixtures/<name>.json`) per benchmarked platform.
pub const PLATFORMS: &[(&str, &[&str])] = &[
    ("canonical", &["canonical"]),
    (
        "x",
        &[
            "x_v2_reply",
            "x_v2_quote_note",
            "x_v1_extended",
            "x_v1_retweet",
        ],
    ),
    ("facebook", &["facebook_post", "facebook_comment"]),
    ("instagram", &["instagram_media", "instagram_comment"]),
    ("tiktok", &["tiktok_video", "tiktok_comment"]),
    (
        "youtube",
        &[
            "youtube_comment_thread",
            "youtube_comment_reply",
            "youtube_video",
        ],
    ),
    ("linkedin", &["linkedin_post", "linkedin_comment"]),
    ("reddit", &["reddit_t1_comment", "reddit_t3_link"]),
    ("google_reviews", &["google_review"]),
    ("yelp", &["yelp_review"]),
    ("foursquare", &["foursquare_tip", "foursquare_tip_v2"]),
    ("news", &["news_rss_item", "news_atom_entry"]),
];

/// One fixture as a single-line record, as it travels on the wire.
pub fn payload(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("fixture is JSON");
    serde_json::to_vec(&v).expect("json")
}

/// The records of one benchmarked platform.
pub fn payloads(names: &[&str]) -> Vec<Vec<u8>> {
    names.iter().map(|n| payload(n)).collect()
}

/// Four organisations as the demo configures them: brands with aliases, competitors, keywords,
/// hashtags and an exclusion.
pub fn tracker() -> Tracker {
    let cfg: TrackingConfig = serde_json::from_value(serde_json::json!({
        "unmatched": "keep",
        "organisations": [
            { "id": "santpau", "brands": [{ "name": "Hospital de Sant Pau", "aliases": ["Sant Pau", "HSantPau", "Hospital Sant Pau"] }],
              "competitors": [{ "name": "Vall d'Hebron", "aliases": ["Hospital Vall d'Hebron", "VallHebron"] }, { "name": "Hospital Clínic", "aliases": ["Clínic Barcelona"] }],
              "hashtags": ["#SantPau"], "keywords": ["urgències"], "exclude": ["Sant Pau del Camp"] },
            { "id": "lapaz", "brands": [{ "name": "Hospital La Paz", "aliases": ["La Paz", "HospitalLaPaz"] }],
              "competitors": [{ "name": "Gregorio Marañón", "aliases": ["Marañón"] }] },
            { "id": "gemelli", "brands": [{ "name": "Policlinico Gemelli", "aliases": ["Gemelli"] }],
              "competitors": [{ "name": "Humanitas" }], "hashtags": ["#Gemelli"] },
            { "id": "stmarys", "brands": [{ "name": "St Mary's Hospital", "aliases": ["St Marys Hospital", "St Mary's"] }],
              "competitors": [{ "name": "Royal London Hospital", "aliases": ["Royal London"] }] }
        ]
    }))
    .expect("tracking config");
    Tracker::new(&cfg)
}

/// The measured unit of work: decode (size/UTF-8/JSON checks, shape detection, platform
/// decoder, normalisation, validation) and tracking. Panics if a fixture stops decoding.
pub fn ingest_one(decoder: &Decoder, tracker: &Tracker, payload: &[u8]) -> bool {
    let mut m = decoder.decode(payload, None).expect("fixture decodes");
    tracker.apply(&mut m)
}

/// Throughput of one platform's records on one thread.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    /// Mentions per second of wall-clock time.
    pub wall: f64,
    /// Mentions per second of the thread's own CPU time (Linux `schedstat`), which other
    /// processes competing for the cores do not dilute; `None` where unavailable.
    pub cpu: Option<f64>,
}

/// Nanoseconds the calling thread has run on a CPU, from `/proc/thread-self/schedstat`.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Mentions per second on the calling thread for each platform of [`PLATFORMS`], each measured
/// for about `budget` of wall-clock time.
pub fn rates(budget: Duration) -> Vec<(&'static str, Rate)> {
    let decoder = Decoder::default();
    let tracker = tracker();
    PLATFORMS
        .iter()
        .map(|(platform, names)| {
            let records = payloads(names);
            // warm-up: lazy regexes, allocator, caches
            for r in &records {
                black_box(ingest_one(&decoder, &tracker, r));
            }
            let (mut n, start, cpu_start) = (0u64, Instant::now(), thread_cpu_ns());
            while start.elapsed() < budget {
                for _ in 0..16 {
                    for r in &records {
                        black_box(ingest_one(&decoder, &tracker, black_box(r)));
                    }
                }
                n += 16 * records.len() as u64;
            }
            let wall = n as f64 / start.elapsed().as_secs_f64();
            let cpu = match (cpu_start, thread_cpu_ns()) {
                (Some(a), Some(b)) if b > a => Some(n as f64 / ((b - a) as f64 / 1e9)),
                _ => None,
            };
            (*platform, Rate { wall, cpu })
        })
        .collect()
}

/// One line per platform: mentions/s per core of thread CPU time, and of wall-clock time.
pub fn print_rates(rates: &[(&str, Rate)]) {
    println!(
        "  {:<15} {:>12} {:>12}   (mentions/s per core)",
        "platform", "cpu-time", "wall-clock"
    );
    for (platform, r) in rates {
        let cpu = r
            .cpu
            .map_or_else(|| "n/a".to_string(), |c| format!("{c:.0}"));
        println!("  {platform:<15} {cpu:>12} {:>12.0}", r.wall);
    }
}
