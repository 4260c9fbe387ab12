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

/// A header of the original record, kept so that a replay restores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OriginalHeader {
    pub key: String,
    /// The value bytes, base64 (standard alphabet, padded); absent for a null value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_base64: Option<String>,
}

/// A header's name and value bytes (`None`: a null value).
pub type HeaderValue<'a> = (&'a str, Option<Vec<u8>>);

/// Header names the dead-letter envelope itself writes on Kafka. An original header of the same
/// name is not copied into a dead letter (its value would be a stale envelope's), and a replay
/// does not send these back.
pub const ENVELOPE_HEADERS: [&str; 8] = [
    "vigia.stage",
    "vigia.reason",
    "vigia.detail",
    "vigia.source.topic",
    "vigia.source.partition",
    "vigia.source.offset",
    "vigia.received_at",
    "vigia.schema_version",
];

/// Whether `key` names a header of the dead-letter envelope ([`ENVELOPE_HEADERS`]).
pub fn is_envelope_header(key: &str) -> bool {
    ENVELOPE_HEADERS.contains(&key)
}

/// Dead-letter envelope, schema v1.
///
/// On Kafka the record is the original one (key, value and headers unchanged) and this envelope's
/// fields travel as extra headers (`vigia.stage`, `vigia.reason`, `vigia.detail`,
/// `vigia.source.topic`, `vigia.source.partition`, `vigia.source.offset`, `vigia.received_at`,
/// `vigia.schema_version`); in batch mode (`vigia enrich --dlq`) the envelope is written as JSON
/// with the payload inline.
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
    /// The original record's key and headers; absent when it had neither (and in batch mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Box<OriginalRecord>>,
}

/// What a dead letter keeps of the original Kafka record besides its value and position.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct OriginalRecord {
    /// The record's key, base64 (standard alphabet, padded); absent when it had none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_base64: Option<String>,
    /// The record's headers in their order (`vigia.platform` among them), except any named
    /// like an envelope header.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<OriginalHeader>,
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
            original: None,
        }
    }

    /// Keep the original record's key and headers (envelope-named headers left out).
    pub fn with_original<'a>(
        mut self,
        key: Option<&[u8]>,
        headers: impl IntoIterator<Item = (&'a str, Option<&'a [u8]>)>,
    ) -> Self {
        let b64 = &base64::engine::general_purpose::STANDARD;
        let original = OriginalRecord {
            key_base64: key.map(|k| b64.encode(k)),
            headers: headers
                .into_iter()
                .filter(|(k, _)| !is_envelope_header(k))
                .map(|(k, v)| OriginalHeader {
                    key: k.to_string(),
                    value_base64: v.map(|v| b64.encode(v)),
                })
                .collect(),
        };
        self.original = (original != OriginalRecord::default()).then(|| Box::new(original));
        self
    }

    /// The original bytes.
    pub fn payload(&self) -> Result<Vec<u8>, base64::DecodeError> {
        base64::engine::general_purpose::STANDARD.decode(&self.payload_base64)
    }

    /// The original record's key, if it had one.
    pub fn key(&self) -> Result<Option<Vec<u8>>, base64::DecodeError> {
        self.original
            .as_ref()
            .and_then(|o| o.key_base64.as_deref())
            .map(|k| base64::engine::general_purpose::STANDARD.decode(k))
            .transpose()
    }

    /// The original record's headers, values decoded.
    pub fn original_headers(&self) -> Result<Vec<HeaderValue<'_>>, base64::DecodeError> {
        self.original
            .iter()
            .flat_map(|o| &o.headers)
            .map(|h| {
                let v = h
                    .value_base64
                    .as_deref()
                    .map(|v| base64::engine::general_purpose::STANDARD.decode(v))
                    .transpose()?;
                Ok((h.key.as_str(), v))
            })
            .collect()
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
    fn original_key_and_headers_round_trip_without_envelope_names() {
        let dl = DeadLetter::new(
            Stage::Ingest,
            DlqReason::MalformedJson,
            "line 1",
            SourcePosition::default(),
            b"{",
        )
        .with_original(
            Some(&[0xff, b'k'][..]),
            [
                ("vigia.platform", Some(&b"reddit"[..])),
                ("vigia.reason", Some(&b"stale"[..])),
                ("trace", None),
            ],
        );
        assert_eq!(dl.key().unwrap(), Some(vec![0xff, b'k']));
        assert_eq!(
            dl.original_headers().unwrap(),
            vec![
                ("vigia.platform", Some(b"reddit".to_vec())),
                ("trace", None)
            ]
        );
        let json = serde_json::to_string(&dl).unwrap();
        let back: DeadLetter = serde_json::from_str(&json).unwrap();
        assert_eq!(back, dl);
        // A dead letter without them serialises as before.
        let bare = DeadLetter::new(
            Stage::Ingest,
            DlqReason::MalformedJson,
            "line 1",
            SourcePosition::default(),
            b"{",
        );
        let json = serde_json::to_string(&bare).unwrap();
        assert!(
            !json.contains("key_base64") && !json.contains("headers"),
            "{json}"
        );
        assert_eq!(bare.key().unwrap(), None);
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
