//! `vigia replay`: send dead letters back through the pipeline once their cause is fixed.
//!
//! A dead letter is the original record, unchanged (see [`vigia_model::DeadLetter`]): same key,
//! same value, same headers, plus the envelope's `vigia.*` headers. Replay re-produces the key,
//! the value and the original headers (`vigia.platform` among them) to the raw topic, without
//! the envelope's headers and with a `vigia.replayed_from` header
//! (`<dlq topic>/<partition>/<offset>`), optionally only for some `vigia.reason`s.
//!
//! Replay is stateless and bounded: it reads the dead-letter topic from its beginning up to the
//! end as of the start of the run (records dead-lettered again meanwhile wait for the next
//! replay, so a record that still fails cannot loop), commits no offsets, and reads
//! `read_committed`, so dead letters of aborted transactions never come back. Running it twice
//! replays twice; the pipeline's dedupe drops re-deliveries it still remembers.

use anyhow::{bail, Context, Result};
use futures::future::join_all;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{Consumer, ConsumerContext, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::util::Timeout;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;
use tracing::warn;
use vigia_emit::kafka::producer;
use vigia_model::{is_envelope_header, DlqReason};

use crate::config::Config;

/// Header naming the dead letter a replayed record came from.
pub const REPLAYED_FROM: &str = "vigia.replayed_from";

/// Records sent before waiting for their acknowledgements.
const IN_FLIGHT: usize = 1000;

/// What to replay.
#[derive(Debug, Clone)]
pub struct ReplayOptions {
    /// Dead-letter topic to read (`topics.dlq` by default on the command line).
    pub from: String,
    /// Topic to write to (`topics.raw` by default on the command line).
    pub to: String,
    /// Only dead letters with one of these reasons; all when empty.
    pub reasons: Vec<DlqReason>,
    /// Stop after replaying this many.
    pub max: Option<u64>,
    /// Count what would be replayed, produce nothing.
    pub dry_run: bool,
}

/// What a replay did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ReplaySummary {
    /// Dead letters read.
    pub scanned: u64,
    /// Re-produced and acknowledged (or, in a dry run, that would have been).
    pub replayed: u64,
    /// Replayed per `vigia.reason` (`unknown` when the header is missing).
    pub by_reason: BTreeMap<String, u64>,
}

/// Parse a reason as the `vigia.reason` header spells it.
pub fn parse_reason(s: &str) -> Result<DlqReason> {
    DlqReason::ALL
        .into_iter()
        .find(|r| r.as_str() == s)
        .with_context(|| {
            let names: Vec<&str> = DlqReason::ALL.iter().map(|r| r.as_str()).collect();
            format!(
                "unknown dead-letter reason `{s}`; one of: {}",
                names.join(", ")
            )
        })
}

fn header<'a>(m: &'a impl Message, key: &str) -> Option<&'a [u8]> {
    m.headers()
        .and_then(|hs| hs.iter().find(|h| h.key == key).and_then(|h| h.value))
}

/// The headers of the record that was dead-lettered: a dead letter's headers without the
/// envelope's and without an earlier replay's `vigia.replayed_from`, in their order.
fn original_headers(m: &impl Message) -> OwnedHeaders {
    let mut out = OwnedHeaders::new();
    if let Some(hs) = m.headers() {
        for h in hs.iter() {
            if !is_envelope_header(h.key) && h.key != REPLAYED_FROM {
                out = out.insert(Header {
                    key: h.key,
                    value: h.value,
                });
            }
        }
    }
    out
}

/// Consumer callbacks for a bounded read: reaching a partition's end is expected, not an error.
struct BoundedRead;

impl ClientContext for BoundedRead {
    fn error(&self, error: KafkaError, reason: &str) {
        if !matches!(
            error,
            KafkaError::PartitionEOF(_) | KafkaError::Global(RDKafkaErrorCode::PartitionEOF)
        ) {
            warn!(error = %error, reason, "Kafka client error");
        }
    }
}

impl ConsumerContext for BoundedRead {}

/// Replay dead letters from `opts.from` to `opts.to`, using the configuration's brokers and
/// client properties (security settings included).
pub async fn replay(config: &Config, opts: &ReplayOptions) -> Result<ReplaySummary> {
    if opts.from == opts.to {
        bail!("--from and --to are the same topic `{}`", opts.from);
    }
    let mut cc = ClientConfig::new();
    for (k, v) in config.consumer_properties() {
        cc.set(k, v);
    }
    cc.set("group.id", format!("{}.replay", config.kafka.group_id))
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        // The last offsets of a transactional topic are commit markers no message carries:
        // end-of-partition events say when a partition is done.
        .set("enable.partition.eof", "true")
        .set("isolation.level", "read_committed");
    let consumer: StreamConsumer<BoundedRead> = cc
        .create_with_context(BoundedRead)
        .context("creating Kafka consumer")?;
    let timeout = Duration::from_secs(30);

    // Bounds: every partition from its low to its high watermark as of now.
    let md = consumer
        .fetch_metadata(Some(&opts.from), timeout)
        .with_context(|| format!("reading metadata of {}", opts.from))?;
    let topic = md
        .topics()
        .first()
        .filter(|t| t.error().is_none() && !t.partitions().is_empty())
        .with_context(|| format!("dead-letter topic `{}` does not exist", opts.from))?;
    let mut end: HashMap<i32, i64> = HashMap::new();
    let mut tpl = TopicPartitionList::new();
    for p in topic.partitions() {
        let (low, high) = consumer
            .fetch_watermarks(&opts.from, p.id(), timeout)
            .with_context(|| format!("reading offsets of {}/{}", opts.from, p.id()))?;
        if high > low {
            end.insert(p.id(), high);
            tpl.add_partition_offset(&opts.from, p.id(), Offset::Offset(low))?;
        }
    }
    let mut summary = ReplaySummary::default();
    if end.is_empty() {
        return Ok(summary);
    }
    consumer.assign(&tpl).context("assigning partitions")?;

    let sink = producer(&config.producer_properties(), None)?;
    let mut pending = Vec::with_capacity(IN_FLIGHT);
    let limit = opts.max.unwrap_or(u64::MAX);
    while !end.is_empty() && summary.replayed < limit {
        let m = match consumer.recv().await {
            Err(KafkaError::PartitionEOF(p)) => {
                end.remove(&p);
                continue;
            }
            Err(e) => return Err(e).context("reading dead letters"),
            Ok(m) => m,
        };
        let partition = m.partition();
        let Some(&stop) = end.get(&partition) else {
            continue;
        };
        if m.offset() + 1 >= stop {
            end.remove(&partition);
            if m.offset() >= stop {
                continue;
            }
        }
        summary.scanned += 1;
        let reason = header(&m, "vigia.reason")
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .unwrap_or_else(|| "unknown".into());
        if !opts.reasons.is_empty() && !opts.reasons.iter().any(|r| r.as_str() == reason) {
            continue;
        }
        summary.replayed += 1;
        *summary.by_reason.entry(reason).or_default() += 1;
        if opts.dry_run {
            continue;
        }
        let origin = format!("{}/{}/{}", opts.from, partition, m.offset());
        let headers = original_headers(&m).insert(Header {
            key: REPLAYED_FROM,
            value: Some(origin.as_str()),
        });
        let payload = m.payload().unwrap_or_default().to_vec();
        let key = m.key().map(<[u8]>::to_vec);
        let sink = &sink;
        let to = opts.to.as_str();
        pending.push(async move {
            let mut rec = FutureRecord::<[u8], [u8]>::to(to)
                .payload(&payload)
                .headers(headers);
            if let Some(k) = &key {
                rec = rec.key(k.as_slice());
            }
            sink.send(rec, Timeout::Never)
                .await
                .map_err(|(e, _)| e)
                .with_context(|| format!("replaying {origin} to {to}"))
        });
        if pending.len() >= IN_FLIGHT {
            for r in join_all(pending.drain(..)).await {
                r?;
            }
        }
    }
    for r in join_all(pending).await {
        r?;
    }
    Ok(summary)
}
