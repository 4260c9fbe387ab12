//! Fields a native payload carries survive enrichment: what the mention is (`kind`) and where it
//! was published (`channel`) reach `mentions.enriched`, decoded from the platform's own shape.

use std::path::PathBuf;
use std::sync::Arc;
use vigia::config::Config;
use vigia::Pipeline;
use vigia_classify::Classifier;
use vigia_emit::Output;
use vigia_ingest::source::RawRecord;
use vigia_model::{MentionKind, SourcePosition};
use vigia_telemetry::Metrics;

/// Keep mentions that name no organisation; fast tier, no models.
const CONFIG: &str = "[tracking]\nunmatched = \"keep\"\n\n[classify.tiers]\ntier = \"fast\"\n";

fn enrich(fixture: &str) -> vigia_model::EnrichedMention {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ingest/tests/fixtures")
        .join(fixture);
    let cfg = Config::from_toml(CONFIG).expect("test config");
    let classifier = Arc::new(Classifier::new(&cfg.classify).expect("classifier"));
    let mut pipeline = Pipeline::new(&cfg, classifier, Metrics::default());
    let record = RawRecord {
        payload: std::fs::read(&path).expect("fixture"),
        position: SourcePosition {
            topic: "test".into(),
            partition: None,
            offset: Some(1),
        },
        ..RawRecord::default()
    };
    let out = pipeline.process_batch(&[record]);
    out[0]
        .outputs
        .iter()
        .find_map(|o| match o {
            Output::Enriched(e) => Some((**e).clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{fixture}: no enriched event"))
}

#[test]
fn kind_and_channel_reach_the_enriched_event() {
    let e = enrich("reddit_t3_link.json");
    assert_eq!(e.kind, Some(MentionKind::Post));
    let ch = e.channel.expect("subreddit as channel");
    assert_eq!(ch.name.as_deref(), Some("r/london"));

    let e = enrich("google_review.json");
    assert_eq!(e.kind, Some(MentionKind::Review));
    assert!(e.rating.is_some());

    let e = enrich("reddit_t1_comment.json");
    assert_eq!(e.kind, Some(MentionKind::Comment));
    assert!(e.relations.reply_to.is_some());
}
