use base64::Engine;
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Pipeline stage that rejected a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Ingest,
    Dedupe,
    Classify,
    Score,
    Emit,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Ingest => "ingest",
            Stage::Dedupe => "dedupe",
            Stage::Classify => "classify",
            Stage::Score => "score",
            Stage::Emit => "emit",
        }
    }
}

/// Why a record went to the dead-letter topic. A closed set: metric labels and the
/// `vigia.reason` header take these names.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DlqReason {
    /// Bytes are not valid UTF-8.
    InvalidUtf8,
    /// Not parseable as JSON.
    MalformedJson,
    /// Larger than the configured maximum payload size.
    PayloadTooLarge,
    /// Empty record.
    EmptyPayload,
    /// A field has the wrong JSON type.
    WrongType,
    /// A required field is missing.
    MissingField,
    /// A field has the right type but an unusable value (bad id, negative count, ...).
    InvalidValue,
    /// The platform header or field names a platform vigia does not know.
    UnknownPlatform,
    /// The payload's shape matches no known platform, or several.
    UnrecognisedShape,
    /// A timestamp is unparseable.
    InvalidTimestamp,
    /// A timestamp lies further in the future than the configured tolerance.
    TimestampInFuture,
    /// The text is empty after normalisation.
    EmptyText,
    /// A later stage failed on this record (model error, ...).
    ProcessingFailed,
}

impl DlqReason {
    pub const ALL: [DlqReason; 13] = [
        DlqReason::InvalidUtf8,
        DlqReason::MalformedJson,
        DlqReason::PayloadTooLarge,
        DlqReason::EmptyPayload,
        DlqReason::WrongType,
        DlqReason::MissingField,
        DlqReason::InvalidValue,
        DlqReason::UnknownPlatform,
        DlqReason::UnrecognisedShape,
        DlqReason::InvalidTimestamp,
        DlqReason::TimestampInFuture,
        DlqReason::EmptyText,
        DlqReason::ProcessingFailed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DlqReason::InvalidUtf8 => "invalid_utf8",
            DlqReason::MalformedJson => "malformed_json",
            DlqReason::PayloadTooLarge => "payload_too_large",
            DlqReason::EmptyPayload => "empty_payload",
            DlqReason::WrongType => "wrong_type",
            DlqReason::MissingField => "missing_field",
            DlqReason::InvalidValue => "invalid_value",
            DlqReason::UnknownPlatform => "unknown_platform",
            DlqReason::UnrecognisedShape => "unrecognised_shape",
            DlqReason::InvalidTimestamp => "invalid_timestamp",
            DlqReason::TimestampInFuture => "timestamp_in_future",
            DlqReason::EmptyText => "empty_text",
            DlqReason::ProcessingFailed => "processing_failed",
        }
    }
}

/// Where a record came from, for replay.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct SourcePosition {
    /// Kafka topic, or `file:<path>` / `stdin` in batch mode.
    pub topic: String,
    #[serde(default)]
    pub partition: Option<i32>,
    /// Kafka offset, or 1-based line number in batch mode.
    #[serde(default)]
    pub offset: Option<i64>,
}

/// Dead-letter envelope, schema v1.
///
/// On Kafka the record's value is the original bytes unchanged and this envelope's fields travel
/// as headers (`vigia.stage`, `vigia.reason`, `vigia.detail`, `vigia.source.topic`,
/// `vigia.source.partition`, `vigia.source.offset`); in batch mode (`vigia enrich --dlq`) the
/// envelope is written as JSON with the payload inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeadLetter {
    pub schema_version: u32,
    pub stage: Stage,
    pub reason: DlqReason,
    /// Technical detail (field path, limit, parser message). Never contains mention text.
    pub detail: String,
    pub source: SourcePosition,
    pub received_at: DateTime<Utc>,
    /// The original bytes, base64 (standard alphabet, padded).
    pub payload_base64: String,
}

impl DeadLetter {
    pub fn new(
        stage: Stage,
        reason: DlqReason,
        detail: impl Into<String>,
        source: SourcePosition,
        payload: &[u8],
    ) -> Self {
        Self {
            schema_version: crate::SCHEMA_VERSION,
            stage,
            reason,
            detail: detail.into(),
            source,
            received_at: Utc::now(),
            payload_base64: base64::engine::general_purpose::STANDARD.encode(payload),
        }
    }

    /// The original bytes.
    pub fn payload(&self) -> Result<Vec<u8>, base64::DecodeError> {
        base64::engine::general_purpose::STANDARD.decode(&self.payload_base64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips_arbitrary_bytes() {
        let bytes = [0xff, 0x00, b'{', 0xc3];
        let dl = DeadLetter::new(
            Stage::Ingest,
            DlqReason::InvalidUtf8,
            "byte 0",
            SourcePosition::default(),
            &bytes,
        );
        assert_eq!(dl.payload().unwrap(), bytes);
        let json = serde_json::to_string(&dl).unwrap();
        assert!(json.contains("\"reason\":\"invalid_utf8\""));
    }

    #[test]
    fn dedupe_kind_names_match_serde() {
        for k in [crate::DedupeKind::Exact, crate::DedupeKind::Near] {
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::String(k.as_str().into())
            );
        }
    }

    #[test]
    fn reason_names_match_serde() {
        for r in DlqReason::ALL {
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::Value::String(r.as_str().into())
            );
        }
    }
}
