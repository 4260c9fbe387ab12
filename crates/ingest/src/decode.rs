//! Platform detection and decoding of one raw record.
//!
//! Entry point: [`Decoder::decode`]. Checks run in a fixed order — size, UTF-8, JSON, platform,
//! shape, fields, timestamps — and the first failure decides the [`DlqReason`].

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use vigia_model::{DlqReason, Mention, Platform};

use crate::normalise;

/// Limits applied while decoding.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DecodeConfig {
    /// Largest accepted payload in bytes (default 1 MiB).
    pub max_payload_bytes: usize,
    /// How far in the future `created_at` may lie before the record is rejected (default 1 h,
    /// which absorbs clock skew between connectors).
    pub max_future_skew_secs: i64,
}

impl Default for DecodeConfig {
    fn default() -> Self {
        Self {
            max_payload_bytes: 1 << 20,
            max_future_skew_secs: 3600,
        }
    }
}

/// Why a record could not become a [`Mention`]. `detail` names fields and limits, never text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason:?}: {detail}")]
pub struct DecodeError {
    pub reason: DlqReason,
    pub detail: String,
}

impl DecodeError {
    pub fn new(reason: DlqReason, detail: impl Into<String>) -> Self {
        Self {
            reason,
            detail: detail.into(),
        }
    }
}

/// Decodes raw records; cheap to clone and share across threads.
#[derive(Debug, Clone, Default)]
pub struct Decoder {
    config: DecodeConfig,
}

impl Decoder {
    pub fn new(config: DecodeConfig) -> Self {
        Self { config }
    }

    /// Decode one record. `platform_header` is the value of the `vigia.platform` Kafka header,
    /// when the connector set one; otherwise the payload's shape decides.
    pub fn decode(
        &self,
        payload: &[u8],
        platform_header: Option<&str>,
    ) -> Result<Mention, DecodeError> {
        self.decode_at(payload, platform_header, Utc::now())
    }

    /// [`Decoder::decode`] with an explicit "now", for deterministic tests.
    pub fn decode_at(
        &self,
        payload: &[u8],
        platform_header: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Mention, DecodeError> {
        if payload.len() > self.config.max_payload_bytes {
            return Err(DecodeError::new(
                DlqReason::PayloadTooLarge,
                format!(
                    "{} bytes exceeds max_payload_bytes={}",
                    payload.len(),
                    self.config.max_payload_bytes
                ),
            ));
        }
        if payload.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(DecodeError::new(DlqReason::EmptyPayload, "empty record"));
        }
        let text = std::str::from_utf8(payload).map_err(|e| {
            DecodeError::new(
                DlqReason::InvalidUtf8,
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        })?;
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            DecodeError::new(
                DlqReason::MalformedJson,
                format!(
                    "line {} column {}: {}",
                    e.line(),
                    e.column(),
                    e.classify_name()
                ),
            )
        })?;
        if let Some(h) = platform_header {
            h.parse::<Platform>().map_err(|_| {
                DecodeError::new(
                    DlqReason::UnknownPlatform,
                    "vigia.platform header not recognised",
                )
            })?;
        }
        let mut mention = crate::decode::canonical::decode(value)?;
        normalise::normalise_mention(&mut mention);
        validate(&mention, now, &self.config)?;
        Ok(mention)
    }
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "io",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "data error",
            serde_json::error::Category::Eof => "unexpected end of input",
        }
    }
}

/// Checks every decoder's output must pass.
pub fn validate(m: &Mention, now: DateTime<Utc>, cfg: &DecodeConfig) -> Result<(), DecodeError> {
    if m.native_id().is_empty() || !m.id.starts_with(m.platform.as_str()) {
        return Err(DecodeError::new(
            DlqReason::InvalidValue,
            "id must be `platform:native_id`",
        ));
    }
    if m.text.trim().is_empty() {
        return Err(DecodeError::new(DlqReason::EmptyText, "text is empty"));
    }
    if m.created_at > now + Duration::seconds(cfg.max_future_skew_secs) {
        return Err(DecodeError::new(
            DlqReason::TimestampInFuture,
            format!(
                "created_at is more than {}s in the future",
                cfg.max_future_skew_secs
            ),
        ));
    }
    Ok(())
}

pub mod canonical {
    //! Canonical `Mention` v1 JSON, as documented in `schemas/mention.v1.json`.
    use super::DecodeError;
    use vigia_model::{DlqReason, Mention};

    pub fn decode(value: serde_json::Value) -> Result<Mention, DecodeError> {
        if !value.is_object() {
            return Err(DecodeError::new(
                DlqReason::WrongType,
                "top level must be a JSON object",
            ));
        }
        serde_json::from_value::<Mention>(value).map_err(|e| classify_serde_error(&e))
    }

    /// Map serde's message to a typed reason. serde_json does not expose structured error kinds,
    /// so the message prefix is inspected; the detail keeps the field name, never a value.
    pub fn classify_serde_error(e: &serde_json::Error) -> DecodeError {
        let msg = e.to_string();
        let field = msg
            .split('`')
            .nth(1)
            .map(|f| format!(" `{f}`"))
            .unwrap_or_default();
        if msg.starts_with("missing field") {
            DecodeError::new(DlqReason::MissingField, format!("missing field{field}"))
        } else if msg.starts_with("invalid type") {
            DecodeError::new(DlqReason::WrongType, "a field has the wrong JSON type")
        } else if msg.starts_with("unknown variant") {
            DecodeError::new(
                DlqReason::UnknownPlatform,
                format!("unknown variant{field}"),
            )
        } else if msg.starts_with("unknown field") {
            DecodeError::new(
                DlqReason::UnrecognisedShape,
                format!("unknown field{field}"),
            )
        } else if msg.contains("premature end of input")
            || msg.contains("input contains invalid characters")
        {
            DecodeError::new(DlqReason::InvalidTimestamp, "timestamp is not RFC 3339")
        } else {
            DecodeError::new(DlqReason::InvalidValue, "a field has an invalid value")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-06-01T12:00:00Z".parse().unwrap()
    }

    fn reason(bytes: &[u8]) -> DlqReason {
        Decoder::default()
            .decode_at(bytes, None, now())
            .unwrap_err()
            .reason
    }

    const GOOD: &str = r#"{"id":"x:1","platform":"x","author":{"id":"u1"},"text":"Long wait at the ER","created_at":"2026-06-01T10:00:00Z"}"#;

    #[test]
    fn decodes_canonical() {
        let m = Decoder::default()
            .decode_at(GOOD.as_bytes(), None, now())
            .unwrap();
        assert_eq!(m.id, "x:1");
        assert_eq!(m.text, "Long wait at the ER");
    }

    #[test]
    fn typed_reasons() {
        assert_eq!(reason(b"\xff\xfe"), DlqReason::InvalidUtf8);
        assert_eq!(reason(b"{not json"), DlqReason::MalformedJson);
        assert_eq!(reason(b"   "), DlqReason::EmptyPayload);
        assert_eq!(reason(b"[1,2]"), DlqReason::WrongType);
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::MissingField
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":5,"created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::WrongType
        );
        assert_eq!(
            reason(br#"{"id":"mys:1","platform":"myspace","author":{"id":"u"},"text":"a","created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::UnknownPlatform
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":"a","created_at":"2030-06-01T10:00:00Z"}"#),
            DlqReason::TimestampInFuture
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":"a","created_at":"yesterday"}"#),
            DlqReason::InvalidTimestamp
        );
    }

    #[test]
    fn oversized_payload_rejected_before_parsing() {
        let d = Decoder::new(DecodeConfig {
            max_payload_bytes: 10,
            ..Default::default()
        });
        let err = d.decode_at(GOOD.as_bytes(), None, now()).unwrap_err();
        assert_eq!(err.reason, DlqReason::PayloadTooLarge);
    }

    #[test]
    fn unknown_platform_header() {
        let err = Decoder::default()
            .decode_at(GOOD.as_bytes(), Some("myspace"), now())
            .unwrap_err();
        assert_eq!(err.reason, DlqReason::UnknownPlatform);
    }
}
