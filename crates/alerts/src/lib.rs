//! Score stage: how urgently a human should look at each mention, and when to raise an alert.
//!
//! Owns the priority formula ([`priority`]), the per-brand surge detectors ([`surge`]) and the
//! alert cooldown that keeps one situation from paging twice ([`Scorer`]), and the windowed
//! aggregates of `mentions.stats` ([`stats`]). It reads enriched
//! mentions and writes [`Alert`]s; it never sees original text (only `redacted_text`).

pub mod priority;
pub mod stats;
pub mod surge;

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use vigia_model::{Alert, AlertKind, AlertMetrics, EnrichedMention, SentimentLabel, Severity};

/// Alerting thresholds and cooldown.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    /// A mention at or above this priority raises `critical_mention`.
    pub critical_priority: f32,
    /// An author with at least this many followers raises `influencer_mention`.
    pub influencer_followers: u64,
    /// Same alert key is not raised again within this many seconds.
    pub cooldown_secs: i64,
    pub surge: surge::SurgeConfig,
    /// Windowed aggregates for `mentions.stats`.
    pub stats: stats::StatsConfig,
}

impl Default for AlertsConfig {
    fn default() -> Self {
        Self {
            critical_priority: 0.8,
            influencer_followers: 50_000,
            cooldown_secs: 3600,
            surge: surge::SurgeConfig::default(),
            stats: stats::StatsConfig::default(),
        }
    }
}

/// Stateful scorer: one per partition group (its baselines are per brand).
pub struct Scorer {
    config: AlertsConfig,
    surges: surge::SurgeDetectors,
    last_raised: HashMap<String, DateTime<Utc>>,
}

/// At most this many characters of redacted text go into an alert.
const EXCERPT_CHARS: usize = 280;

fn excerpt(m: &EnrichedMention) -> String {
    let mut s: String = m.redacted_text.chars().take(EXCERPT_CHARS).collect();
    if m.redacted_text.chars().count() > EXCERPT_CHARS {
        s.push('…');
    }
    s
}

impl Scorer {
    pub fn new(config: AlertsConfig) -> Self {
        let surges = surge::SurgeDetectors::new(config.surge.clone());
        Self {
            config,
            surges,
            last_raised: HashMap::new(),
        }
    }

    /// Alerts this mention raises (after cooldown). `m.priority` must already be set.
    /// Duplicates feed the surge counters (amplification) but raise no single-mention alert.
    pub fn observe(&mut self, m: &EnrichedMention) -> Vec<Alert> {
        let Some(org) = m.organisation.clone() else {
            return Vec::new();
        };
        let brand = m.brands.first().cloned();
        let now = m.created_at;
        let mut out = Vec::new();
        let is_dup = m.dedupe.duplicate_of.is_some();

        let negative = m.sentiment.label == SentimentLabel::Negative;
        let misinfo = m.misinformation.score >= 0.5;
        for (kind, hit) in [
            (AlertKind::NegativeSurge, negative),
            (AlertKind::MisinformationSurge, misinfo),
        ] {
            let key = format!("{org}/{}", brand.as_deref().unwrap_or("*"));
            if let Some(metrics) = self.surges.observe(kind, &key, now, hit) {
                let severity = if metrics.score >= 2.0 * self.config.surge.threshold {
                    Severity::Critical
                } else {
                    Severity::High
                };
                out.push(self.build(kind, severity, &org, brand.clone(), m, Some(metrics)));
            }
        }
        if !is_dup {
            if m.phi.exposes_person() {
                out.push(self.build(
                    AlertKind::PhiExposure,
                    Severity::High,
                    &org,
                    brand.clone(),
                    m,
                    None,
                ));
            }
            if m.priority >= self.config.critical_priority {
                out.push(self.build(
                    AlertKind::CriticalMention,
                    Severity::Critical,
                    &org,
                    brand.clone(),
                    m,
                    None,
                ));
            }
            if m.author.followers.unwrap_or(0) >= self.config.influencer_followers {
                let sev = if negative {
                    Severity::High
                } else {
                    Severity::Medium
                };
                out.push(self.build(
                    AlertKind::InfluencerMention,
                    sev,
                    &org,
                    brand.clone(),
                    m,
                    None,
                ));
            }
        }
        out.retain(|a| self.admit(a, now));
        out
    }

    fn admit(&mut self, a: &Alert, now: DateTime<Utc>) -> bool {
        let cooldown = Duration::seconds(self.config.cooldown_secs);
        match self.last_raised.get(&a.dedupe_key) {
            Some(t) if now - *t < cooldown && now >= *t => false,
            _ => {
                self.last_raised.insert(a.dedupe_key.clone(), now);
                true
            }
        }
    }

    fn build(
        &self,
        kind: AlertKind,
        severity: Severity,
        org: &str,
        brand: Option<String>,
        m: &EnrichedMention,
        metrics: Option<AlertMetrics>,
    ) -> Alert {
        // Per-mention alerts are keyed by mention (one situation = one mention), surges by brand.
        let scope = match kind {
            AlertKind::NegativeSurge | AlertKind::MisinformationSurge => {
                brand.clone().unwrap_or_else(|| "*".into())
            }
            _ => m.dedupe.cluster_id.clone(),
        };
        let dedupe_key = format!("{}:{org}:{scope}", kind.as_str());
        let id = hex::encode(&Sha256::digest(format!("{dedupe_key}@{}", m.id))[..12]);
        let (summary, action) = describe(kind, brand.as_deref().unwrap_or(org));
        Alert {
            schema_version: vigia_model::SCHEMA_VERSION,
            id,
            kind,
            severity,
            organisation: org.to_string(),
            brand,
            dedupe_key,
            created_at: m.created_at,
            window_start: metrics
                .as_ref()
                .map(|_| m.created_at - Duration::seconds(self.config.surge.bucket_secs)),
            window_end: metrics.as_ref().map(|_| m.created_at),
            mention_ids: vec![m.id.clone()],
            excerpt: Some(excerpt(m)),
            metrics,
            summary,
            recommended_action: action,
        }
    }
}

fn describe(kind: AlertKind, who: &str) -> (String, String) {
    match kind {
        AlertKind::NegativeSurge => (
            format!("Negative mentions of {who} are well above their usual level"),
            "Check the linked mentions for a common cause, brief the communications lead, and prepare a holding statement.".into(),
        ),
        AlertKind::MisinformationSurge => (
            format!("Mentions of {who} spreading health misinformation are rising"),
            "Review the matched claims, reply with the authoritative source linked in the claim, and alert the fact-checking contact.".into(),
        ),
        AlertKind::CriticalMention => (
            format!("A high-priority mention of {who} needs attention"),
            "Read the mention and respond through the official account within the service-level target.".into(),
        ),
        AlertKind::PhiExposure => (
            format!("A public mention of {who} exposes patient data or a health condition"),
            "Invite the author to a private channel (direct message or patient services line); do not confirm or deny anyone's patient status in public, and ask the platform to remove exposed identifiers.".into(),
        ),
        AlertKind::InfluencerMention => (
            format!("An account with large reach mentioned {who}"),
            "Review the mention and decide whether the official account should engage.".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phi_exposure_moves_to_a_private_channel_without_confirming_patient_status() {
        let (summary, action) = describe(AlertKind::PhiExposure, "Hospital X");
        assert!(summary.contains("Hospital X"));
        assert!(action.contains("private channel"));
        assert!(action.contains("do not confirm or deny anyone's patient status in public"));
    }
}
