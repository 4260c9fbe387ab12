//! Exactly-once mode (`kafka.delivery = "exactly_once"`): outputs and input offsets commit in
//! one transaction per batch, so a `read_committed` consumer sees each input once, including
//! across a graceful stop and a crash in the middle of a transaction.

use std::time::{Duration, Instant};
use vigia_integration_tests::*;

const DELIVERY: &str = "exactly_once";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn read_committed_sees_each_input_once_across_stop_and_crash() {
    require_broker();
    let t0 = Instant::now();
    let topics = TestTopics::create("eos").await.unwrap();
    let group = unique("vigia-test-eos");
    let run = unique("r");
    let inputs = interleave(mentions(&run, 2000), malformed(&run, 200));
    let total = inputs.len();
    let cfg = config(&topics, &group, DELIVERY, "");

    let feeder = spawn_feeder(topics.raw.clone(), inputs, 100);

    let first = RunningPipeline::start(cfg.clone());
    wait_for(
        "the first run to commit 400 records",
        Duration::from_secs(60),
        || first.stored() >= 400,
    )
    .await
    .unwrap();
    let graceful = first.stop().await;

    // Killed while a transaction may be open: its outputs must never become visible.
    // Small produce requests, one at a time: a batch's outputs trickle in, so the kill lands
    // after some are acknowledged and before the batch's offsets are stored.
    let second = RunningPipeline::start(config(&topics, &group, DELIVERY, SLOW_PRODUCER));
    wait_for(
        "the second run to commit 400 records",
        Duration::from_secs(60),
        || second.stored() >= 400,
    )
    .await
    .unwrap();
    second.kill_while_producing(&topics).await;

    // Same transactional.id: initialising it fences the killed producer and aborts its
    // transaction.
    let third = RunningPipeline::start(cfg.clone());
    let produced = feeder.await.unwrap();
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();
    let last = third.stop().await;

    let enriched = drain(&topics.enriched, true);
    let dlq = drain(&topics.dlq, true);
    let tally = Tally::of(&produced, &topics.raw, &enriched, &dlq);
    tally.assert_exactly_once(&produced).unwrap();

    // The crash did leave aborted records behind: a read_uncommitted reader sees them.
    let uncommitted = drain(&topics.enriched, false).len() + drain(&topics.dlq, false).len();
    eprintln!(
        "exactly-once: {total} inputs; graceful stop after {}, last run {}; read_committed saw \
         {} records, read_uncommitted {uncommitted}; {:.1}s",
        graceful.records,
        last.records,
        enriched.len() + dlq.len(),
        t0.elapsed().as_secs_f64()
    );
}
