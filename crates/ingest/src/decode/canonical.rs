//! Canonical `Mention` v1 JSON, as documented in `schemas/mention.v1.json`. Reached only when the
//! fast path in [`super::Decoder`] failed, so this is where its error gets a typed reason.

use super::fields::classify_serde_error;
use super::DecodeError;
use serde::Deserialize;
use vigia_model::Mention;

pub fn decode(value: &serde_json::Value) -> Result<Mention, DecodeError> {
    Mention::deserialize(value).map_err(|e| classify_serde_error(&e))
}
