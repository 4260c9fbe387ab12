//! `vigia.toml`: one typed configuration, layered file + environment, validated at start-up.
//!
//! Environment overrides use the `VIGIA_` prefix and `__` between levels, e.g.
//! `VIGIA_KAFKA__GROUP_ID=vigia-eu` or `VIGIA_TOPICS__RAW=raw.v2`. librdkafka properties pass
//! through untouched in `[kafka.common]`, `[kafka.consumer]` and `[kafka.producer]`.

use anyhow::{bail, Context, Result};
use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;

pub use vigia_alerts::AlertsConfig;
pub use vigia_classify::ClassifyConfig;
pub use vigia_dedupe::DedupeConfig;
pub use vigia_emit::Topics;
pub use vigia_ingest::{DecodeConfig, TrackingConfig};

/// Delivery guarantee of `vigia run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// Offsets are stored only after every output of an input is acknowledged; a crash replays.
    #[default]
    AtLeastOnce,
    /// Outputs and offsets are committed in one Kafka transaction per batch.
    ExactlyOnce,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KafkaConfig {
    /// `bootstrap.servers`.
    pub brokers: String,
    /// `group.id`.
    pub group_id: String,
    pub delivery: Delivery,
    /// Prefix for `transactional.id` in exactly-once mode (instance id appended).
    pub transactional_id: String,
    /// Most records per processing batch.
    pub batch_size: usize,
    /// Longest wait to fill a batch, in milliseconds.
    pub batch_timeout_ms: u64,
    /// Properties for both clients (security.protocol, sasl.*, ssl.* ...).
    pub common: BTreeMap<String, String>,
    pub consumer: BTreeMap<String, String>,
    pub producer: BTreeMap<String, String>,
}

impl Default for KafkaConfig {
    fn default() -> Self {
        Self {
            brokers: "127.0.0.1:9092".into(),
            group_id: "vigia".into(),
            delivery: Delivery::AtLeastOnce,
            transactional_id: "vigia".into(),
            batch_size: 256,
            batch_timeout_ms: 50,
            common: BTreeMap::new(),
            consumer: BTreeMap::new(),
            producer: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetryConfig {
    /// Address of `/metrics`, `/healthz`, `/readyz`.
    pub listen: SocketAddr,
    pub log_format: LogFormat,
    /// Default log filter (RUST_LOG overrides it).
    pub log_level: String,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self {
            listen: "127.0.0.1:9464".parse().expect("valid"),
            log_format: LogFormat::Pretty,
            log_level: "info".into(),
        }
    }
}

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub topics: Topics,
    pub ingest: DecodeConfig,
    pub tracking: TrackingConfig,
    pub dedupe: DedupeConfig,
    pub classify: ClassifyConfig,
    pub alerts: AlertsConfig,
    pub telemetry: TelemetryConfig,
}

impl Config {
    /// Load `path` (if given) under `VIGIA_*` environment overrides, then validate.
    pub fn load(path: Option<&Path>) -> Result<Self> {
        let mut fig = Figment::new();
        if let Some(p) = path {
            if !p.exists() {
                bail!("config file {} does not exist", p.display());
            }
            fig = fig.merge(Toml::file(p));
        }
        // Only `VIGIA_<SECTION>__<KEY>` variables are configuration; others with the prefix
        // (VIGIA_CONFIG, VIGIA_MODEL_DIR, VIGIA_TEST_BROKERS...) belong to scripts and the CLI.
        fig = fig.merge(
            Env::prefixed("VIGIA_")
                .filter(|k| k.as_str().contains("__"))
                .split("__"),
        );
        let cfg: Config = fig.extract().map_err(|e| {
            // figment's error names the key path and the source (file or env var).
            anyhow::anyhow!("invalid configuration: {e}")
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Parse from a TOML string (tests, embedded configs), without environment overrides.
    pub fn from_toml(text: &str) -> Result<Self> {
        let cfg: Config = Figment::new()
            .merge(Toml::string(text))
            .extract()
            .map_err(|e| anyhow::anyhow!("invalid configuration: {e}"))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Semantic checks serde cannot express. Each error names the key.
    pub fn validate(&self) -> Result<()> {
        let k = &self.kafka;
        if k.brokers.trim().is_empty() {
            bail!("kafka.brokers: must not be empty");
        }
        if k.group_id.trim().is_empty() {
            bail!("kafka.group_id: must not be empty");
        }
        if k.batch_size == 0 || k.batch_size > 100_000 {
            bail!(
                "kafka.batch_size: must be between 1 and 100000, got {}",
                k.batch_size
            );
        }
        for (section, map) in [
            ("kafka.common", &k.common),
            ("kafka.consumer", &k.consumer),
            ("kafka.producer", &k.producer),
        ] {
            for key in map.keys() {
                if matches!(
                    key.as_str(),
                    "enable.auto.offset.store" | "enable.idempotence" | "transactional.id"
                ) {
                    bail!("{section}.\"{key}\": set by vigia to guarantee its delivery semantics; remove it");
                }
            }
        }
        let t = &self.topics;
        let names = [
            ("topics.raw", &t.raw),
            ("topics.enriched", &t.enriched),
            ("topics.alerts", &t.alerts),
            ("topics.stats", &t.stats),
            ("topics.dlq", &t.dlq),
            ("topics.restricted", &t.restricted),
            ("topics.unmatched", &t.unmatched),
        ];
        for (key, name) in names {
            if name.is_empty()
                || name.len() > 249
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
            {
                bail!("{key}: `{name}` is not a valid Kafka topic name");
            }
        }
        for (i, (ka, a)) in names.iter().enumerate() {
            for (kb, b) in &names[i + 1..] {
                if a == b {
                    bail!("{kb}: same topic as {ka} (`{a}`)");
                }
            }
        }
        if self.ingest.max_payload_bytes == 0 {
            bail!("ingest.max_payload_bytes: must be positive");
        }
        if self.dedupe.window_secs <= 0 {
            bail!("dedupe.window_secs: must be positive");
        }
        if self.dedupe.max_entries == 0 {
            bail!("dedupe.max_entries: must be positive");
        }
        if let Err(e) = self.dedupe.validate() {
            bail!("{e}");
        }
        let mut ids = std::collections::HashSet::new();
        for (i, org) in self.tracking.organisations.iter().enumerate() {
            if org.id.trim().is_empty() {
                bail!("tracking.organisations[{i}].id: must not be empty");
            }
            if !ids.insert(org.id.as_str()) {
                bail!(
                    "tracking.organisations[{i}].id: duplicate organisation `{}`",
                    org.id
                );
            }
            if org.brands.is_empty() && org.keywords.is_empty() && org.hashtags.is_empty() {
                bail!("tracking.organisations[{i}]: `{}` tracks nothing (no brands, keywords or hashtags)", org.id);
            }
        }
        Ok(())
    }

    /// librdkafka properties for the consumer: common, then consumer-specific.
    pub fn consumer_properties(&self) -> BTreeMap<String, String> {
        let mut p = self.kafka.common.clone();
        p.extend(self.kafka.consumer.clone());
        p.insert("bootstrap.servers".into(), self.kafka.brokers.clone());
        p.insert("group.id".into(), self.kafka.group_id.clone());
        p
    }

    /// librdkafka properties for the producer: common, then producer-specific.
    pub fn producer_properties(&self) -> BTreeMap<String, String> {
        let mut p = self.kafka.common.clone();
        p.extend(self.kafka.producer.clone());
        p.insert("bootstrap.servers".into(), self.kafka.brokers.clone());
        p
    }
}

/// Read and validate a config file, naming it in errors.
pub fn load_file(path: &Path) -> Result<Config> {
    Config::load(Some(path)).with_context(|| format!("loading {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_is_valid() {
        let text = include_str!("../../../vigia.example.toml");
        let cfg = Config::from_toml(text).unwrap();
        assert!(!cfg.tracking.organisations.is_empty());
    }

    #[test]
    fn unknown_key_is_named() {
        let err = Config::from_toml("[kafka]\nbrokerz = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("brokerz"), "{err}");
    }

    #[test]
    fn semantic_errors_name_the_key() {
        let err = Config::from_toml("[kafka]\nbatch_size = 0\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("kafka.batch_size"), "{err}");
        let err = Config::from_toml("[topics]\nalerts = \"mentions.dlq\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("topics.dlq") || err.contains("topics.alerts"),
            "{err}"
        );
        let err = Config::from_toml("[kafka.consumer]\n\"enable.auto.offset.store\" = \"true\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("kafka.consumer"), "{err}");
    }

    #[test]
    #[allow(clippy::result_large_err)] // figment::Jail's closure signature, not ours
    fn environment_overrides_file() {
        figment::Jail::expect_with(|jail| {
            jail.create_file(
                "vigia.toml",
                "[kafka]\ngroup_id = \"from-file\"\nbatch_size = 10\n",
            )?;
            jail.set_env("VIGIA_KAFKA__GROUP_ID", "from-env");
            jail.set_env("VIGIA_TOPICS__RAW", "raw.v2");
            // Prefixed variables that are not `SECTION__KEY` are not configuration.
            jail.set_env("VIGIA_CONFIG", "vigia.toml");
            jail.set_env("VIGIA_MODEL_DIR", "/tmp/models");
            let cfg = Config::load(Some(Path::new("vigia.toml"))).map_err(|e| e.to_string())?;
            assert_eq!(cfg.kafka.group_id, "from-env");
            assert_eq!(cfg.kafka.batch_size, 10);
            assert_eq!(cfg.topics.raw, "raw.v2");
            jail.set_env("VIGIA_KAFKA__BATCH_SIZE", "lots");
            let err = Config::load(Some(Path::new("vigia.toml")))
                .unwrap_err()
                .to_string();
            assert!(err.to_lowercase().contains("kafka.batch_size"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn missing_file_is_an_error() {
        let err = Config::load(Some(Path::new("/nonexistent/vigia.toml"))).unwrap_err();
        assert!(err.to_string().contains("does not exist"));
    }

    #[test]
    fn passthrough_properties_layer() {
        let cfg = Config::from_toml(
            "[kafka.common]\n\"security.protocol\" = \"SASL_SSL\"\n[kafka.producer]\n\"linger.ms\" = \"20\"\n",
        )
        .unwrap();
        let p = cfg.producer_properties();
        assert_eq!(p["security.protocol"], "SASL_SSL");
        assert_eq!(p["linger.ms"], "20");
        assert!(!cfg.consumer_properties().contains_key("linger.ms"));
    }
}
