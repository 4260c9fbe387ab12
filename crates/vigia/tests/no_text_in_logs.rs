//! Privacy guarantees of a whole run over PHI-laden input (the labelled PHI sets):
//! - `vigia enrich` with every log level on (`RUST_LOG=trace`) writes no mention text and no
//!   identifier to its logs (stderr) or dead-letter output;
//! - the enriched events it writes carry no identifier the detector is known to find;
//! - with the restricted topic enabled, the original text travels only in `Output::Restricted`.
//!
//! Both run the fast classification tier, so they need no model files and stay quick; the PHI
//! detector and redaction are the same in every tier.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use vigia::config::Config;
use vigia::Pipeline;
use vigia_classify::Classifier;
use vigia_emit::Output;
use vigia_ingest::source::RawRecord;
use vigia_model::{Platform, SourcePosition};
use vigia_telemetry::Metrics;

/// Keep mentions that name no organisation (nothing is tracked here); fast tier, no models.
const CONFIG: &str = "[tracking]\nunmatched = \"keep\"\n\n[classify.tiers]\ntier = \"fast\"\n";

struct Post {
    text: String,
    identifiers: Vec<String>,
}

fn labelled() -> Vec<Post> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/phi");
    let mut posts = Vec::new();
    for file in ["dev.jsonl", "heldout.jsonl"] {
        let data = std::fs::read_to_string(root.join(file)).expect("labelled PHI set");
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).expect("json row");
            let text = v["text"].as_str().expect("text").to_string();
            let chars: Vec<char> = text.chars().collect();
            let identifiers = v["spans"]
                .as_array()
                .expect("spans")
                .iter()
                .map(|s| {
                    let (a, b) = (
                        s["start"].as_u64().unwrap() as usize,
                        s["end"].as_u64().unwrap() as usize,
                    );
                    chars[a..b].iter().collect::<String>()
                })
                .collect();
            posts.push(Post { text, identifiers });
        }
    }
    posts
}

/// `needle` occurs in `hay` as a whole token (not inside a longer word or number).
fn contains_token(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(p, _)| {
        let before = hay[..p].chars().next_back();
        let after = hay[p + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn enrich_logs_and_output_carry_no_phi() {
    let posts = labelled();
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("posts.txt");
    let output = dir.path().join("enriched.jsonl");
    let config = dir.path().join("vigia.toml");
    std::fs::write(&config, CONFIG).expect("write config");
    let dlq = dir.path().join("dlq.jsonl");
    let lines: Vec<&str> = posts.iter().map(|p| p.text.as_str()).collect();
    std::fs::write(&input, lines.join("\n") + "\n").expect("write input");

    let run = Command::new(env!("CARGO_BIN_EXE_vigia"))
        .args(["enrich", "--format", "text", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .arg("--dlq")
        .arg(&dlq)
        .arg("--config")
        .arg(&config)
        .env("RUST_LOG", "trace")
        .output()
        .expect("running vigia enrich");
    assert!(
        run.status.success(),
        "vigia enrich failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );

    let logs = format!(
        "{}{}{}",
        String::from_utf8_lossy(&run.stderr),
        String::from_utf8_lossy(&run.stdout),
        std::fs::read_to_string(&dlq).unwrap_or_default()
    );
    for p in &posts {
        assert!(!logs.contains(&p.text), "a mention text reached the logs");
        for id in p.identifiers.iter().filter(|i| i.chars().count() >= 4) {
            assert!(
                !contains_token(&logs, id),
                "identifier {id:?} reached the logs"
            );
        }
    }

    let enriched = std::fs::read_to_string(&output).expect("enriched output");
    assert_eq!(
        enriched.lines().count(),
        posts.len(),
        "one enriched event per post"
    );
    let mut redacted = 0;
    for (line, p) in enriched.lines().zip(&posts) {
        let e: Value = serde_json::from_str(line).expect("enriched json");
        if !p.identifiers.is_empty() {
            assert!(
                !line.contains(&p.text),
                "an original text with PHI reached mentions.enriched"
            );
            redacted += 1;
        }
        for id in &p.identifiers {
            assert!(
                !contains_token(line, id),
                "identifier {id:?} reached mentions.enriched: {}",
                e["redacted_text"]
            );
        }
    }
    assert!(
        redacted >= 150,
        "the set should be PHI-laden ({redacted} posts with identifiers)"
    );
}

#[test]
fn original_text_goes_only_to_the_restricted_topic() {
    let mut cfg = Config::from_toml(CONFIG).expect("test config");
    cfg.topics.restricted_enabled = true;
    let classifier = Arc::new(Classifier::new(&cfg.classify).expect("classifier"));
    let mut pipeline = Pipeline::new(&cfg, classifier, Metrics::default());
    let text = "My mother Maria Lopez was diagnosed with leukaemia, her NHS number is 943 476 5919";
    let payload = vigia_ingest::source::text_line_to_payload(
        text.as_bytes(),
        1,
        Platform::X,
        chrono::Utc::now(),
    );
    let record = RawRecord {
        payload,
        platform_header: None,
        position: SourcePosition {
            topic: "test".into(),
            partition: None,
            offset: Some(1),
        },
        ..RawRecord::default()
    };
    let out = pipeline.process_batch(&[record]);
    let outputs = &out[0].outputs;
    let mut restricted = 0;
    for o in outputs {
        let json = String::from_utf8(o.to_json()).expect("utf-8");
        match o {
            Output::Restricted(m) => {
                restricted += 1;
                assert_eq!(m.text, text);
            }
            Output::Enriched(e) => {
                assert!(e.phi.self_disclosure);
                assert_eq!(e.phi.condition_category.as_deref(), Some("oncology"));
                assert_eq!(
                    e.redacted_text,
                    "My mother [PERSON_NAME] was diagnosed with leukaemia, her NHS number is [HEALTH_CARD_NUMBER]"
                );
                assert!(!json.contains("Maria Lopez") && !json.contains("943 476 5919"));
            }
            Output::Alert(a) => {
                assert!(!json.contains("Maria Lopez") && !json.contains("943 476 5919"));
                if a.kind == vigia_model::AlertKind::PhiExposure {
                    assert!(a.recommended_action.contains("private channel"));
                }
            }
            _ => assert!(!json.contains("Maria Lopez")),
        }
    }
    assert_eq!(restricted, 1);
}
