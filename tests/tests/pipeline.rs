//! The Kafka pipeline end to end, at-least-once mode: every input accounted for, dead letters
//! that keep the original bytes, and nothing lost across a graceful stop and a crash.

use std::time::{Duration, Instant};
use vigia_integration_tests::*;
use vigia_telemetry::metrics::PartitionLabels;

const DELIVERY: &str = "at_least_once";

/// Valid mentions and malformed records, mixed, through one pipeline run: each input comes out
/// exactly once, in `mentions.enriched` or `mentions.dlq`.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_input_lands_exactly_once_in_enriched_or_dead_letters() {
    require_broker();
    let t0 = Instant::now();
    let topics = TestTopics::create("once").await.unwrap();
    let group = unique("vigia-test-once");
    let run = unique("r");
    let inputs = interleave(mentions(&run, 3000), malformed(&run, 300));
    let total = inputs.len();

    let pipeline = RunningPipeline::start(config(&topics, &group, "at_least_once", ""));
    let produced = produce(&producer(), &topics.raw, inputs).await;
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();

    // The lag gauge comes from librdkafka's statistics and reaches zero once all is committed.
    let raw = topics.raw.clone();
    let metrics = pipeline.metrics.clone();
    wait_for(
        "consumer lag 0 on every partition",
        Duration::from_secs(15),
        || {
            (0..PARTITIONS).all(|p| {
                metrics
                    .consumer_lag
                    .get(&PartitionLabels {
                        partition: format!("{raw}/{p}"),
                    })
                    .is_some_and(|g| g.get() == 0)
            })
        },
    )
    .await
    .unwrap();
    assert!(
        pipeline.health.is_ready(),
        "ready once partitions are assigned"
    );

    let summary = pipeline.stop().await;
    assert_eq!(
        summary.records, total as u64,
        "one run consumed each record once"
    );

    let enriched = drain(&topics.enriched, false);
    let dlq = drain(&topics.dlq, false);
    let tally = Tally::of(&produced, &topics.raw, &enriched, &dlq);
    tally.assert_exactly_once(&produced).unwrap();
    assert_eq!(enriched.len(), 3000);
    assert_eq!(dlq.len(), 300);
    // Each kind of malformed input was recognised as what it is.
    for reason in [
        "invalid_utf8",
        "malformed_json",
        "wrong_type",
        "missing_field",
        "payload_too_large",
        "unknown_platform",
        "timestamp_in_future",
        "invalid_timestamp",
        "empty_payload",
    ] {
        assert!(
            tally.reasons.contains_key(reason),
            "no dead letter with reason {reason}: {:?}",
            tally.reasons
        );
    }
    for m in &dlq {
        assert_eq!(header(m, "vigia.stage").as_deref(), Some("ingest"));
    }
    eprintln!(
        "exactly-once accounting: {total} inputs, {} enriched, {} dead letters {:?}, {:.1}s",
        enriched.len(),
        dlq.len(),
        tally.reasons,
        t0.elapsed().as_secs_f64()
    );
}

/// Records keep arriving while the pipeline is stopped gracefully, then killed mid-stream, then
/// restarted: every input still comes out at least once. Duplicates are what at-least-once
/// allows; the test reports how many there were.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn stop_and_crash_mid_stream_lose_nothing() {
    require_broker();
    let t0 = Instant::now();
    let topics = TestTopics::create("restart").await.unwrap();
    let group = unique("vigia-test-restart");
    let run = unique("r");
    let inputs = interleave(mentions(&run, 2400), malformed(&run, 240));
    let total = inputs.len();
    let cfg = config(&topics, &group, DELIVERY, "");

    // A connector producing in bursts while the pipeline comes and goes.
    let feeder = spawn_feeder(topics.raw.clone(), inputs, 120);

    let first = RunningPipeline::start(cfg.clone());
    wait_for(
        "the first run to store 500 offsets",
        Duration::from_secs(60),
        || first.stored() >= 500,
    )
    .await
    .unwrap();
    let graceful = first.stop().await;

    // Small produce requests, one at a time: a batch's outputs trickle in, so the kill lands
    // after some are acknowledged and before the batch's offsets are stored.
    let second = RunningPipeline::start(config(&topics, &group, DELIVERY, SLOW_PRODUCER));
    let base = second.stored();
    wait_for(
        "the second run to store 500 offsets",
        Duration::from_secs(60),
        || second.stored() >= base + 500,
    )
    .await
    .unwrap();
    let crashed_at = second.stored();
    second.kill_while_producing(&topics).await;

    let third = RunningPipeline::start(cfg.clone());
    let produced = feeder.await.unwrap();
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();
    let last = third.stop().await;

    let tally = Tally::of(
        &produced,
        &topics.raw,
        &drain(&topics.enriched, false),
        &drain(&topics.dlq, false),
    );
    tally.assert_at_least_once(&produced).unwrap();
    let dup = tally.duplicates(&produced);
    eprintln!(
        "restart: {total} inputs; graceful stop after {} records, crash after {crashed_at}, \
         last run {} records; {dup} duplicates from at-least-once replay; {:.1}s",
        graceful.records,
        last.records,
        t0.elapsed().as_secs_f64()
    );
    // A graceful stop commits everything it processed, so only the crash replays; it can
    // replay at most what the killed run processed.
    assert!(
        dup as u64 <= crashed_at + cfg.kafka.batch_size as u64,
        "{dup} duplicates"
    );
}
