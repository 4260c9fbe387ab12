//! The published schemas in `schemas/` must be exactly what the types generate, and real payloads
//! must validate against them.

use std::path::PathBuf;
use vigia_model::schema;

fn schemas_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schemas")
}

#[test]
fn schemas_match_types() {
    for (stem, schema) in schema::all() {
        let path = schemas_dir().join(schema::file_name(stem));
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{} missing ({e}); run `vigia schemas --out schemas/`",
                path.display()
            )
        });
        assert_eq!(
            committed,
            schema::render(&schema),
            "{} drifted from the Rust types; run `vigia schemas --out schemas/` and review the diff",
            path.display()
        );
    }
}

#[test]
fn canonical_sample_validates_against_mention_schema() {
    let schema_text =
        std::fs::read_to_string(schemas_dir().join(schema::file_name("mention"))).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = serde_json::json!({
        "id": "x:1", "platform": "x", "author": {"id": "9", "followers": 10, "verified": false},
        "text": "hola", "created_at": "2026-01-01T00:00:00Z"
    });
    assert!(validator.is_valid(&good));
    let bad = serde_json::json!({"id": "x:1", "platform": "myspace", "author": {"id": "9"},
        "text": "hola", "created_at": "2026-01-01T00:00:00Z"});
    assert!(!validator.is_valid(&bad));
    let typed: vigia_model::Mention = serde_json::from_value(good).unwrap();
    assert_eq!(typed.native_id(), "1");
}
