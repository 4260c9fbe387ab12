//! Field-level helpers shared by the platform decoders: lenient counts and ids, typed errors.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use std::fmt;
use vigia_model::DlqReason;

use super::time::{self, Format, RawTime};
use super::DecodeError;
use chrono::{DateTime, Utc};

/// Deserialize `T` from a borrowed JSON value; errors become typed reasons prefixed by `what`
/// (the shape being decoded). The detail names fields, never values.
pub fn from_value<T: DeserializeOwned>(
    v: &serde_json::Value,
    what: &str,
) -> Result<T, DecodeError> {
    T::deserialize(v).map_err(|e| {
        let mut err = classify_serde_error(&e);
        err.detail = format!("{what}: {}", err.detail);
        err
    })
}

/// Map serde's message to a typed reason. serde_json does not expose structured error kinds,
/// so the message prefix is inspected; the detail keeps the field name, never a value.
pub fn classify_serde_error(e: &serde_json::Error) -> DecodeError {
    let msg = e.to_string();
    let field = msg
        .split('`')
        .nth(1)
        .filter(|f| f.len() <= 64 && f.chars().all(|c| c.is_ascii_graphic()))
        .map(|f| format!(" `{f}`"))
        .unwrap_or_default();
    if msg.starts_with("missing field") {
        DecodeError::new(DlqReason::MissingField, format!("missing field{field}"))
    } else if msg.starts_with("invalid type") {
        DecodeError::new(DlqReason::WrongType, "a field has the wrong JSON type")
    } else if msg.starts_with("unknown variant") {
        DecodeError::new(DlqReason::UnknownPlatform, "unknown platform name")
    } else if msg.starts_with("unknown field") {
        // The key itself is payload content: not echoed.
        DecodeError::new(
            DlqReason::UnrecognisedShape,
            "a field the schema does not define",
        )
    } else if msg.contains("premature end of input")
        || msg.contains("input contains invalid characters")
        || msg.contains("trailing input")
        || msg.contains("input is out of range")
    {
        DecodeError::new(DlqReason::InvalidTimestamp, "timestamp is not RFC 3339")
    } else {
        DecodeError::new(DlqReason::InvalidValue, "a field has an invalid value")
    }
}

/// Parse a timestamp field or fail with `invalid_timestamp` naming the field.
pub fn timestamp(raw: &RawTime, format: Format, field: &str) -> Result<DateTime<Utc>, DecodeError> {
    time::parse(raw, format).ok_or_else(|| {
        DecodeError::new(
            DlqReason::InvalidTimestamp,
            format!("`{field}` is not a valid timestamp"),
        )
    })
}

pub fn missing(what: &str, field: &str) -> DecodeError {
    DecodeError::new(
        DlqReason::MissingField,
        format!("{what}: missing field `{field}`"),
    )
}

/// A count that platforms send as a number or, like the YouTube Data API, as a decimal string.
/// Negative counts are an `invalid_value`; `null` is absent.
pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a non-negative count")
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            u64::try_from(v)
                .map(Some)
                .map_err(|_| E::custom("invalid value: negative count"))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            if v.is_finite() && v >= 0.0 && v <= u64::MAX as f64 {
                Ok(Some(v as u64))
            } else {
                Err(E::custom("invalid value: count out of range"))
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            v.trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| E::custom("invalid value: count is not a number"))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(V)
}

/// An id that is a string in some APIs and a (64-bit) integer in others (TikTok, X v1.1 `id`).
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    opt_id(d)?.ok_or_else(|| de::Error::custom("invalid type: null id"))
}

pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an id string or integer")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_any(V)
}

/// `Some(s)` for a non-blank string.
pub fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// `platform:native_id` for relations.
pub fn vid(platform: vigia_model::Platform, native: &str) -> String {
    format!("{}:{native}", platform.as_str())
}

/// Language tags the platforms use for "undetermined" carry no hint.
pub fn lang(l: Option<String>) -> Option<String> {
    non_empty(l).filter(|l| !matches!(l.as_str(), "und" | "zxx" | "qme" | "qht" | "qam" | "qst"))
}

/// Join a title and a body the way `Mention::text` documents: title on its own first line.
pub fn title_and_body(title: Option<&str>, body: Option<&str>) -> String {
    match (
        title.map(str::trim).filter(|t| !t.is_empty()),
        body.map(str::trim).filter(|b| !b.is_empty()),
    ) {
        (Some(t), Some(b)) => format!("{t}\n{b}"),
        (Some(t), None) => t.to_string(),
        (None, Some(b)) => b.to_string(),
        (None, None) => String::new(),
    }
}
