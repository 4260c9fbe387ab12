//! Emit stage: writes what the pipeline produced to its destinations and reports when each record
//! is durably accepted.
//!
//! Owns the [`Output`] record type, topic routing ([`Topics`]), the Kafka sink ([`kafka`]:
//! idempotent producer, delivery futures, transactions) and the file/stdout sink ([`file`]).
//! It decides nothing about content; offsets are stored by the caller once every [`Output`] of an
//! input is acknowledged.

pub mod file;
pub mod kafka;

use serde::Deserialize;
use vigia_model::{Alert, DeadLetter, EnrichedMention, Mention, MentionStats};

/// Topic names, one place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Topics {
    pub raw: String,
    pub enriched: String,
    pub alerts: String,
    pub stats: String,
    pub dlq: String,
    /// Original text of mentions with PHI; only written when `restricted_enabled`.
    pub restricted: String,
    pub restricted_enabled: bool,
    /// Mentions that match no organisation, when tracking routes them.
    pub unmatched: String,
}

impl Default for Topics {
    fn default() -> Self {
        Self {
            raw: "mentions.raw".into(),
            enriched: "mentions.enriched".into(),
            alerts: "alerts".into(),
            stats: "mentions.stats".into(),
            dlq: "mentions.dlq".into(),
            restricted: "mentions.restricted".into(),
            restricted_enabled: false,
            unmatched: "mentions.unmatched".into(),
        }
    }
}

/// One record the pipeline wants written.
#[derive(Debug, Clone)]
pub enum Output {
    Enriched(Box<EnrichedMention>),
    Alert(Box<Alert>),
    Stats(Box<MentionStats>),
    /// The dead-letter envelope; on Kafka the value is the original payload and the envelope
    /// travels in headers.
    DeadLetter(Box<DeadLetter>),
    /// The full original mention, for the restricted topic only.
    Restricted(Box<Mention>),
    /// A mention that matched no organisation, routed as configured.
    Unmatched(Box<Mention>),
}

impl Output {
    /// Short name for metrics labels.
    pub fn kind(&self) -> &'static str {
        match self {
            Output::Enriched(_) => "enriched",
            Output::Alert(_) => "alert",
            Output::Stats(_) => "stats",
            Output::DeadLetter(_) => "dead_letter",
            Output::Restricted(_) => "restricted",
            Output::Unmatched(_) => "unmatched",
        }
    }

    /// Partition key: organisation/brand for mentions, organisation for alerts and stats, the
    /// original record's key for dead letters (lossy UTF-8 here, empty when it had none; the
    /// Kafka sink sends the exact bytes, or no key), so that a replay keeps per-key order.
    pub fn key(&self) -> String {
        match self {
            Output::Enriched(e) => {
                let org = e.organisation.as_deref().unwrap_or("unmatched");
                match e.brands.first() {
                    Some(b) => format!("{org}/{b}"),
                    None => org.to_string(),
                }
            }
            Output::Alert(a) => a.organisation.clone(),
            Output::Stats(s) => s.organisation.clone(),
            Output::DeadLetter(d) => d
                .key()
                .ok()
                .flatten()
                .map(|k| String::from_utf8_lossy(&k).into_owned())
                .unwrap_or_default(),
            Output::Restricted(m) | Output::Unmatched(m) => m.routing_key(),
        }
    }

    /// Topic this output goes to.
    pub fn topic<'a>(&self, t: &'a Topics) -> &'a str {
        match self {
            Output::Enriched(_) => &t.enriched,
            Output::Alert(_) => &t.alerts,
            Output::Stats(_) => &t.stats,
            Output::DeadLetter(_) => &t.dlq,
            Output::Restricted(_) => &t.restricted,
            Output::Unmatched(_) => &t.unmatched,
        }
    }

    /// JSON value bytes (for dead letters: the envelope; the Kafka sink sends the raw payload).
    pub fn to_json(&self) -> Vec<u8> {
        let r = match self {
            Output::Enriched(e) => serde_json::to_vec(e),
            Output::Alert(a) => serde_json::to_vec(a),
            Output::Stats(s) => serde_json::to_vec(s),
            Output::DeadLetter(d) => serde_json::to_vec(d),
            Output::Restricted(m) | Output::Unmatched(m) => serde_json::to_vec(m),
        };
        r.expect("model types always serialise")
    }
}

/// A sink failed to accept a record.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    #[error("kafka: {0}")]
    Kafka(#[from] rdkafka::error::KafkaError),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}
