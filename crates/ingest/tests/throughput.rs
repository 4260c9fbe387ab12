//! Quick single-core throughput of decode + normalise + track per platform, for machines where
//! the criterion bench (`cargo bench -p vigia-benches --bench ingest`, which builds the whole
//! workspace in release) is too slow to build. Ignored by default:
//! `CARGO_PROFILE_TEST_OPT_LEVEL=3 cargo test -p vigia-ingest --test throughput -- --ignored --nocapture`

use std::hint::black_box;
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

fn tracker() -> Tracker {
    let text = std::fs::read_to_string(format!(
        "{}/../vigia/data/demo/vigia.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    #[derive(serde::Deserialize)]
    struct Demo {
        tracking: TrackingConfig,
    }
    let v: toml::Value = toml::from_str(&text).unwrap();
    let demo: Demo = v.try_into().unwrap_or_else(|_| Demo {
        tracking: TrackingConfig::default(),
    });
    Tracker::new(&demo.tracking)
}

#[test]
#[ignore = "timing; run explicitly with optimisations"]
fn mentions_per_second_per_core() {
    let decoder = Decoder::default();
    let tracker = tracker();
    assert!(!tracker.is_empty(), "demo tracking config loads");
    for (platform, names) in PLATFORMS {
        let records: Vec<Vec<u8>> = names
            .iter()
            .map(|n| {
                let p = format!("{}/tests/fixtures/{n}.json", env!("CARGO_MANIFEST_DIR"));
                let v: serde_json::Value =
                    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
                serde_json::to_vec(&v).unwrap()
            })
            .collect();
        let (mut n, start) = (0u64, Instant::now());
        while start.elapsed() < Duration::from_millis(500) {
            for r in &records {
                let mut m = decoder.decode(r, None).unwrap();
                black_box(tracker.apply(&mut m));
            }
            n += records.len() as u64;
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        println!("{platform:<15} {rate:>10.0} mentions/s per core");
    }
}
