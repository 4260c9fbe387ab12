//! Ingest hot path per platform: decode (parse, detect, platform decoder, normalise, validate)
//! and track (one Aho-Corasick pass over all organisations' terms), on the native fixtures of
//! `crates/ingest/tests/fixtures`. Single-threaded, so the printed rate is per core.
//!
//! `cargo bench -p vigia-benches --bench ingest` (add `-- --measurement-time 1` to shorten).

use criterion::{black_box, criterion_group, Criterion, Throughput};
use std::time::{Duration, Instant};
use vigia_ingest::{Decoder, Tracker, TrackingConfig};

const PLATFORMS: &[(&str, &[&str])] = &[
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

/// The demo's organisations, with their brands, aliases, competitors and hashtags.
fn tracker() -> Tracker {
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

fn payloads(names: &[&str]) -> Vec<Vec<u8>> {
    names
        .iter()
        .map(|n| {
            let path = format!(
                "{}/../crates/ingest/tests/fixtures/{n}.json",
                env!("CARGO_MANIFEST_DIR")
            );
            let v: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).expect(&path)).expect("json");
            // One record per line, as on the wire.
            serde_json::to_vec(&v).expect("json")
        })
        .collect()
}

fn ingest_one(decoder: &Decoder, tracker: &Tracker, payload: &[u8]) -> bool {
    let mut m = decoder.decode(payload, None).expect("fixture decodes");
    tracker.apply(&mut m)
}

fn bench(c: &mut Criterion) {
    let decoder = Decoder::default();
    let tracker = tracker();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(1));
    for (platform, names) in PLATFORMS {
        let records = payloads(names);
        let mut i = 0;
        group.bench_function(*platform, |b| {
            b.iter(|| {
                i = (i + 1) % records.len();
                black_box(ingest_one(&decoder, &tracker, black_box(&records[i])))
            })
        });
    }
    group.finish();
}

/// Mentions per second on one core, measured directly so the figure reads the same whatever
/// criterion's output format.
fn report() {
    let decoder = Decoder::default();
    let tracker = tracker();
    let budget = Duration::from_millis(
        std::env::var("VIGIA_BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(700),
    );
    println!("\ningest (decode + normalise + track), one thread:");
    for (platform, names) in PLATFORMS {
        let records = payloads(names);
        let (mut n, start) = (0u64, Instant::now());
        while start.elapsed() < budget {
            for r in &records {
                black_box(ingest_one(&decoder, &tracker, r));
            }
            n += records.len() as u64;
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        println!("  {platform:<15} {rate:>10.0} mentions/s per core");
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    report();
}
