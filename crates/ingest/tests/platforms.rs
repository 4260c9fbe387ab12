//! One snapshot per native fixture: what each platform's documented payload decodes to.
//!
//! Each fixture is decoded twice, once detected from its shape and once under its
//! `vigia.platform` header; both must agree. Review snapshots with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test -p vigia-ingest --test platforms`) after an intended change.

use chrono::{DateTime, Utc};
use vigia_ingest::Decoder;
use vigia_model::{DlqReason, Mention};

fn now() -> DateTime<Utc> {
    "2026-11-24T00:00:00Z".parse().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn decode(name: &str, header: &str) -> Mention {
    let bytes = fixture(name);
    let d = Decoder::default();
    let detected = d
        .decode_at(&bytes, None, now())
        .unwrap_or_else(|e| panic!("{name} (detected): {e}"));
    let with_header = d
        .decode_at(&bytes, Some(header), now())
        .unwrap_or_else(|e| panic!("{name} (header {header}): {e}"));
    assert_eq!(
        detected, with_header,
        "{name}: header and detection disagree"
    );
    assert_eq!(detected.platform.as_str(), header_platform(header));
    detected
}

fn header_platform(h: &str) -> &str {
    match h {
        "twitter" => "x",
        "rss" | "atom" => "news",
        other => other,
    }
}

macro_rules! snapshot {
    ($($test:ident: $fixture:literal under $header:literal;)*) => {$(
        #[test]
        fn $test() {
            insta::assert_json_snapshot!($fixture, decode($fixture, $header));
        }
    )*};
}

snapshot! {
    x_v2_reply: "x_v2_reply" under "x";
    x_v2_quote_note: "x_v2_quote_note" under "twitter";
    x_v1_extended: "x_v1_extended" under "x";
    x_v1_retweet: "x_v1_retweet" under "x";
    facebook_post: "facebook_post" under "facebook";
    facebook_comment: "facebook_comment" under "facebook";
    instagram_media: "instagram_media" under "instagram";
    instagram_comment: "instagram_comment" under "instagram";
    tiktok_video: "tiktok_video" under "tiktok";
    tiktok_comment: "tiktok_comment" under "tiktok";
    youtube_comment_thread: "youtube_comment_thread" under "youtube";
    youtube_comment_reply: "youtube_comment_reply" under "youtube";
    youtube_video: "youtube_video" under "youtube";
    linkedin_post: "linkedin_post" under "linkedin";
    linkedin_comment: "linkedin_comment" under "linkedin";
    reddit_t1_comment: "reddit_t1_comment" under "reddit";
    reddit_t3_link: "reddit_t3_link" under "reddit";
    google_review: "google_review" under "google_reviews";
    yelp_review: "yelp_review" under "yelp";
    foursquare_tip: "foursquare_tip" under "foursquare";
    foursquare_tip_v2: "foursquare_tip_v2" under "foursquare";
    news_rss_item: "news_rss_item" under "rss";
    news_atom_entry: "news_atom_entry" under "atom";
    canonical: "canonical" under "x";
}

/// Every fixture file has a snapshot test above (a new fixture without one fails here).
#[test]
fn every_fixture_is_snapshotted() {
    let src = include_str!("platforms.rs");
    for entry in
        std::fs::read_dir(format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"))).unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.trim_end_matches(".json");
        assert!(
            src.contains(&format!("\"{stem}\" under")),
            "fixture {name} has no snapshot test"
        );
    }
}

/// A header naming another platform than the payload's is a dead letter, not a re-route.
#[test]
fn header_mismatch_is_a_dead_letter() {
    let d = Decoder::default();
    for (name, wrong) in [
        ("x_v2_reply", "facebook"),
        ("facebook_post", "instagram"),
        ("reddit_t1_comment", "youtube"),
        ("google_review", "yelp"),
        ("news_rss_item", "reddit"),
        ("canonical", "tiktok"),
    ] {
        let err = d.decode_at(&fixture(name), Some(wrong), now()).unwrap_err();
        assert_eq!(
            err.reason,
            DlqReason::UnrecognisedShape,
            "{name} under {wrong}"
        );
    }
}

/// Minimal Foursquare v3 tips (`id`, `created_at`, `text`) fit several platforms' fields: only
/// the header can tell.
#[test]
fn minimal_tip_needs_its_header() {
    let tip = br#"{"id":"abc","created_at":"2026-11-15T16:48:09.000Z","text":"Ottimo pronto soccorso al Gemelli"}"#;
    let d = Decoder::default();
    assert_eq!(
        d.decode_at(tip, None, now()).unwrap_err().reason,
        DlqReason::UnrecognisedShape
    );
    assert_eq!(
        d.decode_at(tip, Some("foursquare"), now()).unwrap().id,
        "foursquare:abc"
    );
}
