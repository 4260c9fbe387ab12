//! vigia's event model: the payloads of every topic the pipeline reads or writes.
//!
//! This crate owns the wire contracts — [`Mention`] (v1, what `mentions.raw` normalises to),
//! [`EnrichedMention`] (`mentions.enriched`), [`Alert`] (`alerts`), [`MentionStats`]
//! (`mentions.stats`) and [`DeadLetter`] (`mentions.dlq`) — and the JSON Schemas generated from
//! them (see [`schema`]). It does no I/O and knows nothing of Kafka, models or configuration:
//! every stage crate depends on it, it depends on none of them.
//!
//! Compatibility rule: within a major schema version fields are only ever added, never renamed or
//! removed, and new fields are optional for readers. `schemas/*.v1.json` are generated from these
//! types and a test fails when the two drift apart.

mod alert;
mod dlq;
mod enriched;
mod mention;
pub mod schema;
mod stats;

pub use alert::{Alert, AlertKind, AlertMetrics, Severity};
pub use dlq::{
    is_envelope_header, DeadLetter, DlqReason, HeaderValue, OriginalHeader, OriginalRecord,
    SourcePosition, Stage, ENVELOPE_HEADERS,
};
pub use enriched::{
    AspectLabel, ClaimMatch, DedupeInfo, DedupeKind, EnrichedMention, LanguageInfo,
    MisinformationInfo, PhiInfo, PhiSpan, PhiType, Processing, SentimentInfo, SentimentLabel,
    SentimentProbs, Signal, Stance,
};
pub use mention::{
    Author, Channel, Engagement, Entities, MatchKind, Mention, MentionKind, Platform, Relations,
    TrackMatch, UnknownPlatform,
};
pub use stats::{BrandStats, MentionStats};

/// Version of the JSON payload contracts this build writes (`schema_version` field).
pub const SCHEMA_VERSION: u32 = 1;
