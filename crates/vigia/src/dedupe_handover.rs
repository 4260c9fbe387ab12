//! Dedupe state hand-over between the instances of one consumer group, the way Kafka Streams
//! hands over a state store: the owner of input partition `p` writes every state change to
//! partition `p` of the compacted changelog topic (`<group>.dedupe-changelog`; key
//! `partition|seq`, value the entry, tombstone on eviction); an instance that is assigned `p`
//! restores the state from there before it processes any record of `p`.
//!
//! Fast path: the local log (`dedupe.state_dir`) carries a checkpoint, the changelog end offset
//! it was last in step with. If the changelog's end offset is still that, nobody wrote to the
//! partition since, and the local log is used as is; otherwise the changelog is read.
//!
//! Ordering with offsets: changelog records of a batch are produced with its outputs (inside
//! the same transaction in exactly-once mode) and acknowledged before the batch's input offsets
//! are stored, so the changelog is never behind the committed input offsets. It may be ahead
//! (a crash between the two): the replayed records then find themselves in the state with the
//! same input offset and get the verdict they got before (see `vigia_dedupe::Verdict`).

use anyhow::{bail, Context, Result};
use futures::future::join_all;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::{Offset, TopicPartitionList};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tracing::{debug, info, warn};
use vigia_dedupe::{fold_changelog, Deduper};

use crate::config::Config;

const TIMEOUT: Duration = Duration::from_secs(10);

/// The changelog topic of a configuration.
pub fn changelog_topic(config: &Config) -> String {
    config
        .dedupe
        .changelog_topic
        .clone()
        .unwrap_or_else(|| format!("{}.dedupe-changelog", config.kafka.group_id))
}

/// Keeps the deduper's partitions in step with the consumer's assignment.
pub struct Handover {
    deduper: Arc<Mutex<Deduper>>,
    raw_topic: String,
    topic: Option<String>,
    restore_props: ClientConfig,
    /// Partitions whose state is loaded, with the changelog end offset it is in step with.
    owned: BTreeMap<i32, i64>,
    epoch: u64,
}

fn lock(d: &Mutex<Deduper>) -> std::sync::MutexGuard<'_, Deduper> {
    d.lock().unwrap_or_else(|e| e.into_inner())
}

impl Handover {
    /// Create the changelog topic if needed (as many partitions as the input topic, compacted).
    pub async fn start(config: &Config, deduper: Arc<Mutex<Deduper>>) -> Result<Self> {
        let mut restore_props = ClientConfig::new();
        for (k, v) in config.consumer_properties() {
            restore_props.set(k, v);
        }
        restore_props
            .set(
                "group.id",
                format!("{}.dedupe-restore", config.kafka.group_id),
            )
            .set("enable.auto.commit", "false")
            .set("enable.auto.offset.store", "false")
            .set("isolation.level", "read_committed");
        let topic = config.dedupe.changelog.then(|| changelog_topic(config));
        if let Some(t) = &topic {
            ensure_topic(config, &config.topics.raw, t).await?;
            lock(&deduper).enable_changelog();
        }
        Ok(Self {
            deduper,
            raw_topic: config.topics.raw.clone(),
            topic,
            restore_props,
            owned: BTreeMap::new(),
            epoch: 0,
        })
    }

    /// Before a batch: restore newly assigned partitions, drop revoked ones, and after a
    /// rebalance (`epoch` changed) re-read any kept partition someone else wrote to meanwhile.
    pub async fn sync<C: Consumer<X>, X: rdkafka::consumer::ConsumerContext + 'static>(
        &mut self,
        consumer: &C,
        epoch: u64,
    ) -> Result<()> {
        let assigned: BTreeSet<i32> = consumer
            .assignment()
            .context("reading the consumer assignment")?
            .elements_for_topic(&self.raw_topic)
            .iter()
            .map(|e| e.partition())
            .collect();
        let revoked: Vec<i32> = self
            .owned
            .keys()
            .filter(|p| !assigned.contains(p))
            .copied()
            .collect();
        for p in revoked {
            self.owned.remove(&p);
            if let Err(e) = lock(&self.deduper).revoke(p) {
                warn!(partition = p, error = %e, "dedupe: writing the state of a revoked partition");
            }
            debug!(partition = p, "dedupe state dropped (partition revoked)");
        }
        let rebalanced = epoch != self.epoch;
        self.epoch = epoch;
        for p in assigned {
            match self.owned.get(&p) {
                None => self.restore(p).await?,
                Some(&end) if rebalanced => {
                    if let Some(t) = &self.topic {
                        let hi = self.end_offset(t.clone(), p).await?;
                        if hi != end {
                            info!(
                                partition = p,
                                "dedupe changelog moved on while away; restoring"
                            );
                            self.restore(p).await?;
                        }
                    }
                }
                Some(_) => {}
            }
        }
        Ok(())
    }

    async fn end_offset(&self, topic: String, p: i32) -> Result<i64> {
        let props = self.restore_props.clone();
        tokio::task::spawn_blocking(move || -> Result<i64> {
            let c: BaseConsumer = props.create().context("changelog reader")?;
            let (_, hi) = c
                .fetch_watermarks(&topic, p, TIMEOUT)
                .with_context(|| format!("watermarks of {topic}/{p}"))?;
            Ok(hi)
        })
        .await?
    }

    /// Load partition `p`: from the local log when its checkpoint matches the changelog's end,
    /// else from the changelog (then the local log becomes a snapshot of it).
    async fn restore(&mut self, p: i32) -> Result<()> {
        let t0 = Instant::now();
        let deduper = self.deduper.clone();
        let Some(topic) = self.topic.clone() else {
            let n = lock(&deduper).restore_local(p)?;
            info!(
                partition = p,
                entries = n,
                "dedupe state restored from the local log"
            );
            self.owned.insert(p, 0);
            return Ok(());
        };
        let props = self.restore_props.clone();
        let (end, n, from) = tokio::task::spawn_blocking(move || -> Result<(i64, usize, &'static str)> {
            let c: BaseConsumer = props.create().context("changelog reader")?;
            let (lo, hi) = c
                .fetch_watermarks(&topic, p, TIMEOUT)
                .with_context(|| format!("watermarks of {topic}/{p}"))?;
            let local = lock(&deduper).local_checkpoint(p)?;
            if let Some((cp, recs)) = local {
                if cp == hi {
                    let n = lock(&deduper).restore(p, recs);
                    return Ok((hi, n, "local log"));
                }
            }
            let mut msgs = Vec::new();
            if hi > lo {
                let mut tpl = TopicPartitionList::new();
                tpl.add_partition_offset(&topic, p, Offset::Beginning)?;
                c.assign(&tpl).context("assigning the changelog partition")?;
                let mut idle = Instant::now();
                loop {
                    match c.poll(Duration::from_millis(200)) {
                        Some(Ok(m)) => {
                            idle = Instant::now();
                            let last = m.offset() + 1 >= hi;
                            msgs.push((
                                m.key().unwrap_or_default().to_vec(),
                                m.payload().map(<[u8]>::to_vec),
                            ));
                            if last {
                                break;
                            }
                        }
                        Some(Err(e)) => bail!("reading {topic}/{p}: {e}"),
                        None => {
                            // Transaction markers and compacted gaps leave no message at the
                            // end: stop once the position reached the end offset.
                            let pos = c.position().ok().and_then(|tpl| {
                                tpl.find_partition(&topic, p)
                                    .and_then(|e| e.offset().to_raw())
                            });
                            if pos.is_some_and(|o| o >= hi) {
                                break;
                            }
                            if idle.elapsed() > Duration::from_secs(30) {
                                bail!("reading {topic}/{p}: no progress for 30 s before offset {hi}");
                            }
                        }
                    }
                }
            }
            let recs = fold_changelog(p, msgs);
            let n = lock(&deduper).restore_from_changelog(p, recs, hi)?;
            Ok((hi, n, "changelog"))
        })
        .await??;
        info!(
            partition = p,
            entries = n,
            from,
            elapsed_ms = t0.elapsed().as_millis() as u64,
            "dedupe state restored"
        );
        self.owned.insert(p, end);
        Ok(())
    }

    /// Produce the state changes of the batch just processed; resolves when all are
    /// acknowledged. Call with the batch's outputs (inside its transaction, if any).
    pub async fn send(&mut self, producer: &FutureProducer) -> Result<()> {
        let Some(topic) = &self.topic else {
            return Ok(());
        };
        let changes = lock(&self.deduper).take_changelog();
        if changes.is_empty() {
            return Ok(());
        }
        let keys: Vec<[u8; 12]> = changes.iter().map(|c| c.key()).collect();
        let futs = changes.iter().zip(&keys).map(|(c, k)| {
            let mut r: FutureRecord<'_, [u8], [u8]> =
                FutureRecord::to(topic).partition(c.partition).key(&k[..]);
            if let Some(v) = &c.value {
                r = r.payload(v.as_slice());
            }
            producer.send(r, TIMEOUT)
        });
        let mut ends: BTreeMap<i32, i64> = BTreeMap::new();
        for r in join_all(futs).await {
            match r {
                Ok(d) => {
                    let e = ends.entry(d.partition).or_insert(0);
                    *e = (*e).max(d.offset + 1);
                }
                Err((e, _)) => bail!("dedupe changelog record not acknowledged: {e}"),
            }
        }
        let mut d = lock(&self.deduper);
        for (p, end) in ends {
            if let Some(o) = self.owned.get_mut(&p) {
                *o = end;
                if let Err(e) = d.checkpoint(p, end) {
                    warn!(partition = p, error = %e, "dedupe: writing the local checkpoint");
                }
            }
        }
        Ok(())
    }

    /// Flush the local logs to disk (shutdown).
    pub fn shutdown(&mut self) {
        if let Err(e) = lock(&self.deduper).sync() {
            warn!(error = %e, "dedupe: syncing the local state");
        }
    }
}

/// Create `changelog` compacted, with the partition count of `raw`, unless it exists.
async fn ensure_topic(config: &Config, raw: &str, changelog: &str) -> Result<()> {
    let props = config.consumer_properties();
    let (raw_t, cl_t) = (raw.to_string(), changelog.to_string());
    let (parts, existing) = tokio::task::spawn_blocking(move || -> Result<(i32, Option<i32>)> {
        let mut cc = ClientConfig::new();
        for (k, v) in &props {
            cc.set(k, v);
        }
        let c: BaseConsumer = cc.create().context("metadata client")?;
        let md = c
            .fetch_metadata(None, TIMEOUT)
            .context("fetching topic metadata")?;
        let count = |name: &str| {
            md.topics()
                .iter()
                .find(|t| t.name() == name && t.error().is_none())
                .map(|t| t.partitions().len() as i32)
        };
        let parts = count(&raw_t).with_context(|| format!("input topic {raw_t} not found"))?;
        Ok((parts, count(&cl_t)))
    })
    .await??;
    match existing {
        Some(n) if n >= parts => return Ok(()),
        Some(n) => bail!(
            "dedupe changelog {changelog} has {n} partitions, fewer than the {parts} of {raw}"
        ),
        None => {}
    }
    let mut cc = ClientConfig::new();
    for (k, v) in config.producer_properties() {
        cc.set(k, v);
    }
    let admin: AdminClient<rdkafka::client::DefaultClientContext> =
        cc.create().context("admin client")?;
    let t = NewTopic::new(changelog, parts, TopicReplication::Fixed(-1))
        .set("cleanup.policy", "compact");
    let res = admin
        .create_topics([&t], &AdminOptions::new().operation_timeout(Some(TIMEOUT)))
        .await
        .context("creating the dedupe changelog topic")?;
    for r in res {
        match r {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((t, e)) => bail!("creating {t}: {e}"),
        }
    }
    info!(
        topic = changelog,
        partitions = parts,
        "dedupe changelog topic created"
    );
    Ok(())
}
