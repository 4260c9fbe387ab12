//! The one place vigia's metrics are declared.

use prometheus_client::encoding::{text::encode, EncodeLabelSet};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PlatformLabels {
    pub platform: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DlqLabels {
    pub stage: String,
    pub reason: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DuplicateLabels {
    pub platform: String,
    /// `redelivery`, `exact` or `near`.
    pub kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct SentimentLabels {
    pub platform: String,
    pub label: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct BrandLabels {
    /// Configured organisation id.
    pub organisation: String,
    /// Configured brand name (own or competitor), or `none`.
    pub brand: String,
    pub label: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct AlertLabels {
    pub kind: String,
    pub severity: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StageLabels {
    pub stage: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutputLabels {
    /// `enriched`, `alert`, `stats`, `dead_letter`, `restricted`, `unmatched`.
    pub output: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct AspectLabels {
    pub aspect: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PartitionLabels {
    pub partition: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct InfoLabels {
    pub version: String,
}

/// All metrics. Cheap to clone (handles share state).
#[derive(Clone)]
pub struct Metrics {
    pub records_consumed: Counter,
    pub mentions_ingested: Family<PlatformLabels, Counter>,
    pub dead_letters: Family<DlqLabels, Counter>,
    pub duplicates: Family<DuplicateLabels, Counter>,
    pub unmatched: Counter,
    pub mentions_enriched: Family<SentimentLabels, Counter>,
    pub brand_mentions: Family<BrandLabels, Counter>,
    pub aspects: Family<AspectLabels, Counter>,
    pub misinformation: Family<PlatformLabels, Counter>,
    pub phi_detected: Family<PlatformLabels, Counter>,
    pub alerts: Family<AlertLabels, Counter>,
    pub outputs_produced: Family<OutputLabels, Counter>,
    pub produce_errors: Family<OutputLabels, Counter>,
    pub stage_seconds: Family<StageLabels, Histogram>,
    pub batch_size: Histogram,
    pub inflight_records: Gauge,
    pub consumer_lag: Family<PartitionLabels, Gauge>,
    pub offsets_stored: Counter,
    pub end_to_end_seconds: Histogram,
    pub build_info: Family<InfoLabels, Gauge>,
    pub dedupe_state_entries: Gauge,
}

fn seconds_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.0001, 2.5, 16))
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            records_consumed: Counter::default(),
            mentions_ingested: Family::default(),
            dead_letters: Family::default(),
            duplicates: Family::default(),
            unmatched: Counter::default(),
            mentions_enriched: Family::default(),
            brand_mentions: Family::default(),
            aspects: Family::default(),
            misinformation: Family::default(),
            phi_detected: Family::default(),
            alerts: Family::default(),
            outputs_produced: Family::default(),
            produce_errors: Family::default(),
            stage_seconds: Family::new_with_constructor(seconds_histogram),
            batch_size: Histogram::new(exponential_buckets(1.0, 2.0, 12)),
            inflight_records: Gauge::default(),
            consumer_lag: Family::default(),
            offsets_stored: Counter::default(),
            end_to_end_seconds: Histogram::new(exponential_buckets(0.001, 2.5, 16)),
            build_info: Family::default(),
            dedupe_state_entries: Gauge::default(),
        }
    }
}

impl Metrics {
    /// Register every metric under the `vigia` prefix and return the registry to serve.
    pub fn register(&self) -> Registry {
        let mut r = Registry::with_prefix("vigia");
        r.register(
            "records_consumed",
            "Raw records read from the source",
            self.records_consumed.clone(),
        );
        r.register(
            "mentions_ingested",
            "Records decoded into mentions",
            self.mentions_ingested.clone(),
        );
        r.register(
            "dead_letters",
            "Records sent to the dead-letter topic",
            self.dead_letters.clone(),
        );
        r.register(
            "duplicates",
            "Mentions recognised as duplicates",
            self.duplicates.clone(),
        );
        r.register(
            "unmatched",
            "Mentions that matched no organisation",
            self.unmatched.clone(),
        );
        r.register(
            "mentions_enriched",
            "Enriched mentions by sentiment",
            self.mentions_enriched.clone(),
        );
        r.register(
            "brand_mentions",
            "Mentions per configured brand and sentiment (share of voice)",
            self.brand_mentions.clone(),
        );
        r.register(
            "aspects",
            "Healthcare aspects detected",
            self.aspects.clone(),
        );
        r.register(
            "misinformation_mentions",
            "Mentions scored as likely misinformation",
            self.misinformation.clone(),
        );
        r.register(
            "phi_mentions",
            "Mentions with PHI or health self-disclosure",
            self.phi_detected.clone(),
        );
        r.register("alerts", "Alerts raised", self.alerts.clone());
        r.register(
            "outputs_produced",
            "Records acknowledged by the sink",
            self.outputs_produced.clone(),
        );
        r.register(
            "produce_errors",
            "Records the sink failed to write",
            self.produce_errors.clone(),
        );
        r.register_with_unit(
            "stage_duration",
            "Time per batch in each stage",
            prometheus_client::registry::Unit::Seconds,
            self.stage_seconds.clone(),
        );
        r.register(
            "batch_size_records",
            "Records per processing batch",
            self.batch_size.clone(),
        );
        r.register(
            "inflight_records",
            "Records consumed but not yet acknowledged",
            self.inflight_records.clone(),
        );
        r.register(
            "consumer_lag_messages",
            "Consumer lag per assigned partition",
            self.consumer_lag.clone(),
        );
        r.register(
            "offsets_stored",
            "Offsets stored after their outputs were acknowledged",
            self.offsets_stored.clone(),
        );
        r.register_with_unit(
            "end_to_end_latency",
            "From consumption to acknowledgement",
            prometheus_client::registry::Unit::Seconds,
            self.end_to_end_seconds.clone(),
        );
        r.register("build_info", "Build information", self.build_info.clone());
        r.register(
            "dedupe_state_entries",
            "Entries held in the dedupe window",
            self.dedupe_state_entries.clone(),
        );
        self.build_info
            .get_or_create(&InfoLabels {
                version: env!("CARGO_PKG_VERSION").to_string(),
            })
            .set(1);
        r
    }

    pub fn dead_letter(&self, stage: &str, reason: &str) {
        self.dead_letters
            .get_or_create(&DlqLabels {
                stage: stage.into(),
                reason: reason.into(),
            })
            .inc();
    }
}

/// Text exposition of a registry (OpenMetrics).
pub fn render(registry: &Registry) -> String {
    let mut out = String::new();
    encode(&mut out, registry).expect("encoding to a String cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_convention() {
        let m = Metrics::default();
        let reg = m.register();
        m.dead_letter("ingest", "malformed_json");
        m.records_consumed.inc();
        let text = render(&reg);
        assert!(
            text.contains("vigia_dead_letters_total{stage=\"ingest\",reason=\"malformed_json\"} 1")
        );
        assert!(text.contains("vigia_records_consumed_total 1"));
        assert!(text.contains("vigia_stage_duration_seconds"));
        for line in text.lines().filter(|l| l.starts_with("# TYPE")) {
            let name = line.split_whitespace().nth(2).unwrap();
            assert!(name.starts_with("vigia_"), "{name}");
        }
    }
}
