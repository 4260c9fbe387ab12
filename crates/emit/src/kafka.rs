//! Kafka sink: an idempotent (or transactional) producer and typed sends that resolve when the
//! broker acknowledges the record.

use crate::{EmitError, Output, Topics};
use rdkafka::config::ClientConfig;
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use std::collections::BTreeMap;
use std::time::Duration;

/// Producer settings vigia insists on; user properties may not weaken them.
pub const ENFORCED: &[(&str, &str)] = &[("enable.idempotence", "true"), ("acks", "all")];

/// Build the producer from pass-through librdkafka properties plus vigia's enforced ones.
pub fn producer(
    properties: &BTreeMap<String, String>,
    transactional_id: Option<&str>,
) -> Result<FutureProducer, EmitError> {
    let mut cfg = ClientConfig::new();
    cfg.set("compression.type", "lz4");
    cfg.set("linger.ms", "5");
    for (k, v) in properties {
        cfg.set(k, v);
    }
    for (k, v) in ENFORCED {
        cfg.set(*k, *v);
    }
    if let Some(id) = transactional_id {
        cfg.set("transactional.id", id);
    }
    Ok(cfg.create()?)
}

/// Headers for a dead letter: the original record's headers (`vigia.platform` among them) in
/// their order, then the envelope's fields.
fn dlq_headers(d: &vigia_model::DeadLetter) -> OwnedHeaders {
    let mut headers =
        OwnedHeaders::new_with_capacity(8 + d.original.as_ref().map_or(0, |o| o.headers.len()));
    for (key, value) in d.original_headers().unwrap_or_default() {
        headers = headers.insert(Header {
            key,
            value: value.as_deref(),
        });
    }
    envelope_headers(d, headers)
}

/// The envelope's fields as headers ([`vigia_model::ENVELOPE_HEADERS`]), after `headers`.
fn envelope_headers(d: &vigia_model::DeadLetter, headers: OwnedHeaders) -> OwnedHeaders {
    let partition = d
        .source
        .partition
        .map(|p| p.to_string())
        .unwrap_or_default();
    let offset = d.source.offset.map(|o| o.to_string()).unwrap_or_default();
    let received = d.received_at.to_rfc3339();
    headers
        .insert(Header {
            key: "vigia.stage",
            value: Some(d.stage.as_str()),
        })
        .insert(Header {
            key: "vigia.reason",
            value: Some(d.reason.as_str()),
        })
        .insert(Header {
            key: "vigia.detail",
            value: Some(d.detail.as_str()),
        })
        .insert(Header {
            key: "vigia.source.topic",
            value: Some(d.source.topic.as_str()),
        })
        .insert(Header {
            key: "vigia.source.partition",
            value: Some(partition.as_str()),
        })
        .insert(Header {
            key: "vigia.source.offset",
            value: Some(offset.as_str()),
        })
        .insert(Header {
            key: "vigia.received_at",
            value: Some(received.as_str()),
        })
        .insert(Header {
            key: "vigia.schema_version",
            value: Some("1"),
        })
}

/// Kafka sink bound to a producer and the topic map.
#[derive(Clone)]
pub struct KafkaSink {
    producer: FutureProducer,
    topics: Topics,
}

impl KafkaSink {
    pub fn new(producer: FutureProducer, topics: Topics) -> Self {
        Self { producer, topics }
    }

    pub fn producer(&self) -> &FutureProducer {
        &self.producer
    }

    /// Send one output and wait for the broker's acknowledgement. Retries on a full local queue.
    ///
    /// A dead letter goes out as the original record: its key (none if it had none), its
    /// bytes and its headers, plus the envelope's headers.
    pub async fn send(&self, out: &Output) -> Result<(), EmitError> {
        let topic = out.topic(&self.topics);
        let (key, payload, headers) = match out {
            Output::DeadLetter(d) => (
                d.key().unwrap_or_default(),
                d.payload().unwrap_or_default(),
                dlq_headers(d),
            ),
            other => (
                Some(other.key().into_bytes()),
                other.to_json(),
                OwnedHeaders::new().insert(Header {
                    key: "vigia.schema_version",
                    value: Some("1"),
                }),
            ),
        };
        let mut record = FutureRecord::<[u8], [u8]>::to(topic)
            .payload(&payload)
            .headers(headers);
        if let Some(k) = &key {
            record = record.key(k.as_slice());
        }
        self.producer
            .send(record, Timeout::Never)
            .await
            .map(|_| ())
            .map_err(|(e, _)| EmitError::Kafka(e))
    }

    /// Flush everything in flight (shutdown).
    pub fn flush(&self, timeout: Duration) -> Result<(), EmitError> {
        Ok(self.producer.flush(Timeout::After(timeout))?)
    }
}
