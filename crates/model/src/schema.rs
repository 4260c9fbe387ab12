//! JSON Schemas of the topic payloads, generated from the Rust types.
//!
//! `schemas/<name>.v1.json` in the repository are the published contracts; `vigia schemas --out
//! schemas/` regenerates them, and the `schemas_match_types` test fails when they drift.

use schemars::{schema_for, Schema};

/// (file stem, schema) for every published payload.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("mention", schema_for!(crate::Mention)),
        ("enriched_mention", schema_for!(crate::EnrichedMention)),
        ("alert", schema_for!(crate::Alert)),
        ("mention_stats", schema_for!(crate::MentionStats)),
        ("dead_letter", schema_for!(crate::DeadLetter)),
    ]
}

/// File name of a schema for this major version.
pub fn file_name(stem: &str) -> String {
    format!("{stem}.v{}.json", crate::SCHEMA_VERSION)
}

/// Pretty JSON text of a schema, newline-terminated, as written to `schemas/`.
pub fn render(schema: &Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).expect("schema serialises");
    s.push('\n');
    s
}
