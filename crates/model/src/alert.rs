use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What raised the alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// Negative volume for a brand far above its own baseline.
    NegativeSurge,
    /// Misinformation volume for a brand far above its own baseline.
    MisinformationSurge,
    /// One mention whose priority alone warrants a human now.
    CriticalMention,
    /// Patient data or a health self-disclosure exposed in public.
    PhiExposure,
    /// An account with large reach mentioned the brand.
    InfluencerMention,
}

impl AlertKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::NegativeSurge => "negative_surge",
            AlertKind::MisinformationSurge => "misinformation_surge",
            AlertKind::CriticalMention => "critical_mention",
            AlertKind::PhiExposure => "phi_exposure",
            AlertKind::InfluencerMention => "influencer_mention",
        }
    }
}

/// Alert severity, ordered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// Numbers behind a surge alert.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct AlertMetrics {
    /// Observed count in the window.
    pub observed: f64,
    /// Expected count from the brand's own baseline.
    pub baseline: f64,
    /// Standardised deviation from the baseline.
    pub score: f64,
}

/// An alert for a hospital's systems (`alerts` topic, key: organisation), schema v1.
///
/// Alerts are de-duplicated: the same `dedupe_key` is not raised again within its cooldown.
/// They carry redacted excerpts only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Alert {
    pub schema_version: u32,
    /// Unique id of this alert.
    pub id: String,
    pub kind: AlertKind,
    pub severity: Severity,
    pub organisation: String,
    #[serde(default)]
    pub brand: Option<String>,
    /// Same key, same ongoing situation: consumers may collapse alerts on it.
    pub dedupe_key: String,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub window_start: Option<DateTime<Utc>>,
    #[serde(default)]
    pub window_end: Option<DateTime<Utc>>,
    /// Mentions behind the alert (ids only).
    pub mention_ids: Vec<String>,
    /// Redacted excerpt of the most relevant mention, at most 280 characters.
    #[serde(default)]
    pub excerpt: Option<String>,
    #[serde(default)]
    pub metrics: Option<AlertMetrics>,
    /// Short human-readable summary.
    pub summary: String,
    /// What the organisation should do.
    pub recommended_action: String,
}
