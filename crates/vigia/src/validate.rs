//! `vigia validate --input FILE`: a dry run of ingest over a JSONL file, to check a connector's
//! output before it reaches `mentions.raw`. Each line is decoded exactly as the pipeline would
//! decode a record's value; nothing is classified or written. The report counts records per
//! platform and per dead-letter reason, with the first line of each reason for a quick look.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::BufRead;
use vigia_ingest::source::read_lines;
use vigia_ingest::{DecodeConfig, Decoder};

/// What a validation run found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ValidateReport {
    pub records: u64,
    pub valid: u64,
    /// Valid records per platform.
    pub by_platform: BTreeMap<String, u64>,
    /// Would-be dead letters per `vigia.reason`: count and first line number.
    pub by_reason: BTreeMap<String, (u64, i64)>,
}

impl ValidateReport {
    pub fn invalid(&self) -> u64 {
        self.records - self.valid
    }
}

/// Decode every line of `input`; `source` names it in the report.
pub fn validate<R: BufRead>(
    input: R,
    source: &str,
    config: &DecodeConfig,
) -> Result<ValidateReport> {
    let decoder = Decoder::new(config.clone());
    let mut report = ValidateReport::default();
    for rec in read_lines(input, source) {
        let rec = rec.with_context(|| format!("reading {source}"))?;
        report.records += 1;
        match decoder.decode(&rec.payload, None) {
            Ok(m) => {
                report.valid += 1;
                *report
                    .by_platform
                    .entry(m.platform.as_str().to_string())
                    .or_default() += 1;
            }
            Err(e) => {
                let line = rec.position.offset.unwrap_or(0);
                report
                    .by_reason
                    .entry(e.reason.as_str().to_string())
                    .or_insert((0, line))
                    .0 += 1;
            }
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_platforms_and_reasons_with_first_line() {
        let input = concat!(
            r#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":"Long wait","created_at":"2026-01-01T10:00:00Z"}"#,
            "\n{not json\n",
            "\n",
            r#"{"id":"x:2","platform":"x","author":{"id":"u"},"text":5,"created_at":"2026-01-01T10:00:00Z"}"#,
            "\n{broken\n",
        );
        let r = validate(input.as_bytes(), "test", &DecodeConfig::default()).unwrap();
        assert_eq!(r.records, 4, "blank lines are skipped");
        assert_eq!(r.valid, 1);
        assert_eq!(r.invalid(), 3);
        assert_eq!(r.by_platform.get("x"), Some(&1));
        assert_eq!(r.by_reason.get("malformed_json"), Some(&(2, 2)));
        assert_eq!(r.by_reason.get("wrong_type"), Some(&(1, 4)));
    }
}
