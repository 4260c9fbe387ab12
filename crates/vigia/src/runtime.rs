//! `vigia run`: the pipeline between Kafka topics.
//!
//! Delivery semantics (see the README's "Offsets and state" section):
//! - at-least-once (default): `enable.auto.offset.store=false`; a record's offset is stored only
//!   after every output produced for it — enriched mention, alerts, dead letter — has been
//!   acknowledged by the broker (`acks=all`, idempotent producer). Stored offsets are committed
//!   by librdkafka's auto-commit and synchronously at shutdown. A crash replays at most the
//!   records whose outputs were not all acknowledged.
//! - exactly-once: each batch's outputs and its input offsets are committed in one Kafka
//!   transaction; consumers of the output topics use `isolation.level=read_committed`.
//!
//! The pipeline runs on a dedicated thread fed through a bounded channel, so model inference
//! never blocks the async runtime; the consumer loop waits on it, which is the backpressure.

use anyhow::{bail, Context, Result};
use futures::future::join_all;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer};
use rdkafka::message::{Headers, Message};
use rdkafka::producer::Producer;
use rdkafka::statistics::Statistics;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, watch};
use tracing::{debug, error, info, warn};
use vigia_classify::Classifier;
use vigia_emit::kafka::{producer, KafkaSink};
use vigia_emit::Output;
use vigia_ingest::source::RawRecord;
use vigia_model::SourcePosition;
use vigia_telemetry::metrics::{OutputLabels, PartitionLabels};
use vigia_telemetry::{Health, Metrics};

use crate::config::{Config, Delivery};
use crate::dedupe_handover::Handover;
use crate::pipeline::{Pipeline, Processed};

/// Consumer callbacks: rebalance bookkeeping, readiness, lag metrics. Never panics: a panic in
/// a librdkafka callback would abort the process.
pub struct VigiaContext {
    metrics: Metrics,
    health: Health,
    /// Partitions revoked since the batch under collection last looked, with a counter that
    /// tells it to look. Rebalance callbacks run inside `recv()`, so the batch loop checks after
    /// every receive (see [`Revocations`]).
    revocations: Revocations,
}

impl VigiaContext {
    fn new(metrics: Metrics, health: Health) -> Self {
        Self {
            metrics,
            health,
            revocations: Revocations::default(),
        }
    }
}

/// Partitions revoked while a batch was being collected.
///
/// Records received from a partition before it was revoked must not be processed: with the
/// eager protocol the partition comes back (to this or another member) at its committed
/// offset, so processing them too would duplicate them, and in exactly-once mode commit a
/// partition this member no longer owns. Records received after the rebalance are current.
#[derive(Default)]
struct Revocations {
    epoch: AtomicU64,
    partitions: Mutex<Vec<(String, i32)>>,
}

impl Revocations {
    fn record(&self, tpl: &TopicPartitionList) {
        let mut parts = self.partitions.lock().unwrap_or_else(|e| e.into_inner());
        parts.extend(
            tpl.elements()
                .iter()
                .map(|e| (e.topic().to_string(), e.partition())),
        );
        self.epoch.fetch_add(1, Ordering::AcqRel);
    }

    fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// Drop from `batch` the records of partitions revoked since `seen`; returns how many.
    fn discard_revoked(&self, seen: &mut u64, batch: &mut Vec<RawRecord>) -> usize {
        let now = self.epoch();
        if now == *seen {
            return 0;
        }
        *seen = now;
        let revoked =
            std::mem::take(&mut *self.partitions.lock().unwrap_or_else(|e| e.into_inner()));
        let before = batch.len();
        batch.retain(|r| {
            !revoked
                .iter()
                .any(|(t, p)| *t == r.position.topic && Some(*p) == r.position.partition)
        });
        before - batch.len()
    }
}

impl ClientContext for VigiaContext {
    fn stats(&self, stats: Statistics) {
        for (topic, t) in &stats.topics {
            for (p, part) in &t.partitions {
                // -1 is librdkafka's internal "unassigned" partition; a negative lag is unknown.
                if *p < 0 || part.consumer_lag < 0 {
                    continue;
                }
                self.metrics
                    .consumer_lag
                    .get_or_create(&PartitionLabels {
                        partition: format!("{topic}/{p}"),
                    })
                    .set(part.consumer_lag);
            }
        }
    }
}

impl ConsumerContext for VigiaContext {
    fn pre_rebalance(&self, _: &rdkafka::consumer::BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Revoke(tpl) = rebalance {
            info!(partitions = tpl.count(), "partitions revoked");
            self.revocations.record(tpl);
            // A revoked partition's lag is its new owner's to report.
            for e in tpl.elements() {
                self.metrics.consumer_lag.remove(&PartitionLabels {
                    partition: format!("{}/{}", e.topic(), e.partition()),
                });
            }
        }
    }

    fn post_rebalance(&self, _: &rdkafka::consumer::BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Assign(tpl) => {
                info!(partitions = tpl.count(), "partitions assigned");
                self.health.set_ready(true);
            }
            Rebalance::Revoke(_) => {}
            Rebalance::Error(e) => warn!(error = %e, "rebalance error"),
        }
    }
}

type Job = (Vec<RawRecord>, oneshot::Sender<Vec<Processed>>);

/// The pipeline on its own OS thread.
struct Worker {
    tx: mpsc::Sender<Job>,
    handle: std::thread::JoinHandle<()>,
}

impl Worker {
    fn spawn(mut pipeline: Pipeline) -> Self {
        let (tx, mut rx) = mpsc::channel::<Job>(1);
        let handle = std::thread::Builder::new()
            .name("vigia-pipeline".into())
            .spawn(move || {
                while let Some((records, reply)) = rx.blocking_recv() {
                    let out = pipeline.process_batch(&records);
                    let _ = reply.send(out);
                }
            })
            .expect("spawning the pipeline thread");
        Self { tx, handle }
    }

    async fn process(&self, records: Vec<RawRecord>) -> Result<Vec<Processed>> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .send((records, reply))
            .await
            .map_err(|_| anyhow::anyhow!("pipeline thread stopped"))?;
        rx.await.context("pipeline thread dropped a batch")
    }
}

/// Counters returned when the run ends.
#[derive(Debug, Default, Clone)]
pub struct RunSummary {
    pub records: u64,
    pub outputs: u64,
}

/// Build the consumer with vigia's enforced properties on top of the pass-through ones.
pub fn consumer(
    config: &Config,
    metrics: Metrics,
    health: Health,
) -> Result<StreamConsumer<VigiaContext>> {
    let mut cc = ClientConfig::new();
    cc.set("statistics.interval.ms", "5000");
    cc.set("auto.offset.reset", "earliest");
    for (k, v) in config.consumer_properties() {
        cc.set(k, v);
    }
    cc.set("enable.auto.offset.store", "false");
    match config.kafka.delivery {
        Delivery::AtLeastOnce => cc.set("enable.auto.commit", "true"),
        Delivery::ExactlyOnce => cc.set("enable.auto.commit", "false"),
    };
    let c: StreamConsumer<VigiaContext> = cc
        .create_with_context(VigiaContext::new(metrics, health))
        .context("creating Kafka consumer")?;
    c.subscribe(&[config.topics.raw.as_str()])
        .with_context(|| format!("subscribing to {}", config.topics.raw))?;
    Ok(c)
}

/// The consumed record with everything a dead letter must keep: key and every header.
fn to_record(m: &rdkafka::message::BorrowedMessage<'_>) -> RawRecord {
    let headers: Vec<(String, Option<Vec<u8>>)> = m
        .headers()
        .map(|hs| {
            hs.iter()
                .map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec)))
                .collect()
        })
        .unwrap_or_default();
    let platform_header = headers
        .iter()
        .find(|(k, _)| k == "vigia.platform")
        .and_then(|(_, v)| v.as_deref())
        .map(|v| String::from_utf8_lossy(v).into_owned());
    RawRecord {
        payload: m.payload().map(<[u8]>::to_vec).unwrap_or_default(),
        platform_header,
        position: SourcePosition {
            topic: m.topic().to_string(),
            partition: Some(m.partition()),
            offset: Some(m.offset()),
        },
        key: m.key().map(<[u8]>::to_vec),
        headers,
    }
}

/// Next offset to consume per (topic, partition), for the records of a batch.
fn next_offsets(records: &[RawRecord]) -> Result<TopicPartitionList> {
    let mut max: BTreeMap<(String, i32), i64> = BTreeMap::new();
    for r in records {
        if let (Some(p), Some(o)) = (r.position.partition, r.position.offset) {
            let e = max.entry((r.position.topic.clone(), p)).or_insert(o);
            *e = (*e).max(o);
        }
    }
    let mut tpl = TopicPartitionList::new();
    for ((t, p), o) in max {
        tpl.add_partition_offset(&t, p, Offset::Offset(o + 1))?;
    }
    Ok(tpl)
}

/// Run until `shutdown` turns true, then drain the batch in flight, flush, commit and return.
pub async fn run(
    config: Config,
    classifier: Arc<Classifier>,
    metrics: Metrics,
    health: Health,
    mut shutdown: watch::Receiver<bool>,
) -> Result<RunSummary> {
    let consumer = consumer(&config, metrics.clone(), health.clone())?;
    let txn_id = match config.kafka.delivery {
        Delivery::ExactlyOnce => Some(format!(
            "{}-{}",
            config.kafka.transactional_id,
            std::process::id()
        )),
        Delivery::AtLeastOnce => None,
    };
    let prod = producer(&config.producer_properties(), txn_id.as_deref())?;
    let timeout = Duration::from_secs(30);
    if txn_id.is_some() {
        prod.init_transactions(timeout)
            .context("initialising Kafka transactions")?;
    }
    let sink = KafkaSink::new(prod, config.topics.clone());
    let pipeline = Pipeline::new(&config, classifier, metrics.clone());
    // Dedupe hand-over (crate::dedupe_handover): restore on assignment, changelog per batch.
    let mut handover = Handover::start(&config, pipeline.deduper()).await?;
    let worker = Worker::spawn(pipeline);
    let batch_size = config.kafka.batch_size;
    let batch_wait = Duration::from_millis(config.kafka.batch_timeout_ms);
    let mut summary = RunSummary::default();
    info!(topic = %config.topics.raw, delivery = ?config.kafka.delivery, "consuming");

    let revocations = &consumer.context().revocations;
    let mut seen_epoch = revocations.epoch();
    // True once shutdown was requested or its sender is gone (a dropped sender means nobody can
    // ask any more: stop rather than spin on a closed channel).
    let mut stopping = false;
    loop {
        // Collect a batch: wait for the first record (or shutdown), then fill until size/deadline.
        let mut batch: Vec<RawRecord> = Vec::new();
        let mut started: Option<Instant> = None;
        loop {
            stopping = stopping || *shutdown.borrow();
            if stopping {
                break;
            }
            let wait = match started {
                None => Duration::from_millis(500),
                Some(t) => match batch_wait.checked_sub(t.elapsed()) {
                    Some(w) => w,
                    None => break,
                },
            };
            tokio::select! {
                biased;
                changed = shutdown.changed() => {
                    stopping = changed.is_err() || *shutdown.borrow();
                    if stopping { break }
                }
                r = tokio::time::timeout(wait, consumer.recv()) => {
                    // A rebalance runs inside recv(): drop what it made stale before adding.
                    let dropped = revocations.discard_revoked(&mut seen_epoch, &mut batch);
                    if dropped > 0 {
                        debug!(dropped, "records of revoked partitions left to their new owner");
                    }
                    match r {
                        Err(_) => if started.is_some() { break },
                        Ok(Err(e)) => {
                            warn!(error = %e, "consumer error");
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                        Ok(Ok(m)) => {
                            batch.push(to_record(&m));
                            started.get_or_insert_with(Instant::now);
                            if batch.len() >= batch_size { break }
                        }
                    }
                }
            }
        }
        revocations.discard_revoked(&mut seen_epoch, &mut batch);
        if batch.is_empty() {
            if stopping {
                break;
            }
            continue;
        }
        // Dedupe hand-over: the state of every assigned partition is loaded before its records.
        handover.sync(&consumer, revocations.epoch()).await?;
        let t0 = Instant::now();
        metrics.inflight_records.set(batch.len() as i64);
        let offsets = next_offsets(&batch)?;
        let n = batch.len() as u64;
        let processed = worker.process(batch).await?;
        let outputs: Vec<Output> = processed.into_iter().flat_map(|p| p.outputs).collect();

        if txn_id.is_some() {
            sink.producer()
                .begin_transaction()
                .context("beginning transaction")?;
        }
        let results = join_all(outputs.iter().map(|o| sink.send(o))).await;
        let mut failed = 0;
        for (o, r) in outputs.iter().zip(&results) {
            let labels = OutputLabels {
                output: o.kind().into(),
            };
            match r {
                Ok(()) => {
                    metrics.outputs_produced.get_or_create(&labels).inc();
                }
                Err(e) => {
                    failed += 1;
                    metrics.produce_errors.get_or_create(&labels).inc();
                    error!(error = %e, output = o.kind(), "produce failed");
                }
            }
        }
        // Dedupe hand-over: the batch's state changes, acknowledged (or aborted) with its outputs.
        if let Err(e) = handover.send(sink.producer()).await {
            failed += 1;
            error!(error = %e, output = "dedupe_changelog", "produce failed");
        }
        if failed > 0 {
            if txn_id.is_some() {
                let _ = sink.producer().abort_transaction(timeout);
            }
            // Offsets of this batch are not stored: a restart replays it (at-least-once).
            bail!("{failed} outputs were not acknowledged; stopping without storing their offsets");
        }
        match config.kafka.delivery {
            Delivery::AtLeastOnce => {
                if let Err(e) = consumer.store_offsets(&offsets) {
                    // A partition revoked meanwhile: its new owner replays from the last commit.
                    debug!(error = %e, "storing offsets");
                } else {
                    metrics.offsets_stored.inc_by(n);
                }
            }
            Delivery::ExactlyOnce => {
                let committed = consumer
                    .group_metadata()
                    .context("consumer group metadata unavailable")
                    .and_then(|meta| {
                        sink.producer()
                            .send_offsets_to_transaction(&offsets, &meta, timeout)
                            .context("adding offsets to transaction")
                    })
                    .and_then(|()| {
                        sink.producer()
                            .commit_transaction(timeout)
                            .context("committing transaction")
                    });
                if let Err(e) = committed {
                    // Nothing of this batch becomes visible to read_committed consumers; the
                    // next instance resumes from the last committed transaction.
                    if let Err(abort) = sink.producer().abort_transaction(timeout) {
                        warn!(error = %abort, "aborting the transaction failed");
                    }
                    return Err(e);
                }
                metrics.offsets_stored.inc_by(n);
            }
        }
        metrics.inflight_records.set(0);
        metrics
            .end_to_end_seconds
            .observe(t0.elapsed().as_secs_f64());
        summary.records += n;
        summary.outputs += outputs.len() as u64;
    }

    info!(records = summary.records, "draining and committing");
    health.set_ready(false);
    sink.flush(timeout).context("flushing producer")?;
    handover.shutdown();
    if config.kafka.delivery == Delivery::AtLeastOnce {
        match consumer.commit_consumer_state(CommitMode::Sync) {
            Ok(()) => {}
            // Nothing stored since the last commit.
            Err(rdkafka::error::KafkaError::ConsumerCommit(
                rdkafka::types::RDKafkaErrorCode::NoOffset,
            )) => {}
            Err(e) => warn!(error = %e, "final commit failed; the last batch may be replayed"),
        }
    }
    drop(worker.tx);
    let _ = worker.handle.join();
    Ok(summary)
}
