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
    /// Size of `last_raised` at which expired keys are next pruned.
    prune_at: usize,
}

/// `last_raised` is pruned no earlier than at this many keys.
const PRUNE_MIN: usize = 4096;

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
            prune_at: PRUNE_MIN,
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
            if let Some(surge) = self.surges.observe(kind, &key, now, hit, &m.id) {
                let severity = if surge.metrics.score >= 2.0 * self.config.surge.threshold {
                    Severity::Critical
                } else {
                    Severity::High
                };
                let mut a = self.build(kind, severity, &org, brand.clone(), m, Some(surge.metrics));
                a.window_start = Some(surge.window_start);
                a.window_end = Some(surge.window_end);
                a.mention_ids = surge.mention_ids;
                out.push(a);
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

    /// Cooldown: an alert whose key was raised less than `cooldown_secs` of event time ago is
    /// dropped. An event older than the last raise (out of order) is judged against it too, and
    /// never moves the key's last-raised time backwards.
    fn admit(&mut self, a: &Alert, now: DateTime<Utc>) -> bool {
        let cooldown = Duration::seconds(self.config.cooldown_secs);
        if let Some(t) = self.last_raised.get(&a.dedupe_key) {
            if (now - *t).abs() < cooldown {
                return false;
            }
        }
        let t = self.last_raised.entry(a.dedupe_key.clone()).or_insert(now);
        *t = (*t).max(now);
        self.prune(now);
        true
    }

    /// Forget keys whose cooldown has long expired, so that per-mention keys (one per PHI or
    /// influencer mention) do not accumulate forever in a long-running pipeline.
    fn prune(&mut self, now: DateTime<Utc>) {
        if self.last_raised.len() < self.prune_at {
            return;
        }
        let horizon = Duration::seconds(self.config.cooldown_secs.max(0)) * 2;
        self.last_raised.retain(|_, t| now - *t < horizon);
        self.prune_at = (self.last_raised.len() * 2).max(PRUNE_MIN);
    }

    /// Keys currently held for cooldown (for tests and metrics).
    pub fn cooldown_keys(&self) -> usize {
        self.last_raised.len()
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
    use vigia_model::*;

    fn t(s: &str) -> DateTime<Utc> {
        format!("2026-11-20T{s}Z").parse().unwrap()
    }

    /// An enriched mention of `lapaz` / "Hospital La Paz" at event time `at` (HH:MM:SS).
    fn m(id: &str, at: &str, label: SentimentLabel) -> EnrichedMention {
        let at = t(at);
        EnrichedMention {
            kind: None,
            channel: None,
            schema_version: 1,
            id: id.into(),
            platform: Platform::X,
            organisation: Some("lapaz".into()),
            brands: vec!["Hospital La Paz".into()],
            competitors: vec![],
            url: None,
            author: Author {
                id: "u".into(),
                followers: Some(100),
                ..Default::default()
            },
            created_at: at,
            collected_at: None,
            relations: Default::default(),
            engagement: Default::default(),
            rating: None,
            entities: Default::default(),
            tracking: vec![],
            lang: Some("es".into()),
            language: LanguageInfo {
                code: Some("es".into()),
                confidence: 1.0,
                reliable: true,
            },
            dedupe: DedupeInfo {
                duplicate_of: None,
                cluster_id: id.into(),
                kind: None,
                similarity: None,
                first_seen: at,
                cluster_size: 1,
            },
            sentiment: SentimentInfo {
                label,
                score: 0.9,
                polarity: 0.0,
                probabilities: SentimentProbs::default(),
                model: "t".into(),
            },
            aspects: vec![],
            misinformation: MisinformationInfo::default(),
            phi: PhiInfo::default(),
            redacted_text: format!("text of {id}"),
            priority: 0.1,
            processing: Processing {
                vigia_version: "t".into(),
                processed_at: at,
                models: vec![],
            },
        }
    }

    fn cfg() -> AlertsConfig {
        AlertsConfig {
            critical_priority: 0.75,
            influencer_followers: 50_000,
            cooldown_secs: 3600,
            surge: surge::SurgeConfig {
                bucket_secs: 600,
                alpha: 0.2,
                threshold: 3.0,
                min_count: 5,
                warmup_buckets: 3,
            },
            stats: Default::default(),
        }
    }

    fn kinds(alerts: &[Alert]) -> Vec<AlertKind> {
        alerts.iter().map(|a| a.kind).collect()
    }

    fn phi(mut e: EnrichedMention) -> EnrichedMention {
        e.phi.types = vec![PhiType::Phone];
        e.redacted_text = "call me on [PHONE]".into();
        e
    }

    /// One negative mention per 10-minute bucket from 08:00 to 08:59, then `n` in 11:40-11:49.
    fn quiet_then_burst(s: &mut Scorer, n: usize) -> Vec<Alert> {
        let mut out = Vec::new();
        for b in 0..6 {
            out.extend(s.observe(&m(
                &format!("x:q{b}"),
                &format!("08:{b}5:00"),
                SentimentLabel::Negative,
            )));
        }
        for i in 0..n {
            let at = format!("11:4{}:{:02}", i / 6, (i % 6) * 10);
            out.extend(s.observe(&m(&format!("x:b{i}"), &at, SentimentLabel::Negative)));
        }
        out
    }

    #[test]
    fn negative_burst_raises_one_surge_with_its_window_and_mentions() {
        let mut s = Scorer::new(cfg());
        let alerts = quiet_then_burst(&mut s, 30);
        let surges: Vec<&Alert> = alerts
            .iter()
            .filter(|a| a.kind == AlertKind::NegativeSurge)
            .collect();
        assert_eq!(surges.len(), 1, "{alerts:#?}");
        let a = surges[0];
        assert_eq!(a.organisation, "lapaz");
        assert_eq!(a.brand.as_deref(), Some("Hospital La Paz"));
        assert_eq!(a.dedupe_key, "negative_surge:lapaz:Hospital La Paz");
        assert_eq!(
            a.created_at,
            t("11:40:40"),
            "raised by the fifth mention of the burst"
        );
        assert_eq!(a.window_start, Some(t("11:40:00")));
        assert_eq!(a.window_end, Some(t("11:50:00")));
        assert_eq!(a.mention_ids, vec!["x:b0", "x:b1", "x:b2", "x:b3", "x:b4"]);
        let metrics = a.metrics.as_ref().unwrap();
        assert_eq!(metrics.observed, 5.0);
        assert!(metrics.baseline < 1.0, "{metrics:?}");
        assert!(!a.recommended_action.is_empty());
    }

    #[test]
    fn surge_severity_scales_with_the_excess() {
        // A baseline of exactly 0 (sd floored at 1): the fifth hit scores 5 (< 2 x 3: high);
        // with min_count 7 the first alert scores 7 (>= 6: critical).
        let mut s = Scorer::new(cfg());
        let mut c = cfg();
        c.surge.min_count = 7;
        let mut s7 = Scorer::new(c);
        for sc in [&mut s, &mut s7] {
            for b in 0..5 {
                sc.observe(&m(
                    &format!("x:p{b}"),
                    &format!("08:{b}0:00"),
                    SentimentLabel::Positive,
                ));
            }
        }
        let burst = |sc: &mut Scorer| -> Vec<Alert> {
            (0..10)
                .flat_map(|i| {
                    sc.observe(&m(
                        &format!("x:n{i}"),
                        &format!("08:50:{:02}", i * 5),
                        SentimentLabel::Negative,
                    ))
                })
                .filter(|a| a.kind == AlertKind::NegativeSurge)
                .collect()
        };
        assert_eq!(burst(&mut s)[0].severity, Severity::High);
        assert_eq!(burst(&mut s7)[0].severity, Severity::Critical);
    }

    #[test]
    fn cooldown_holds_a_surge_for_an_hour_of_event_time() {
        let mut s = Scorer::new(cfg());
        assert_eq!(
            kinds(&quiet_then_burst(&mut s, 12)),
            vec![AlertKind::NegativeSurge]
        );
        // The next bucket surges again (40 against a baseline of about 2): same key within the
        // hour, suppressed.
        let again: Vec<Alert> = (0..40)
            .flat_map(|i| {
                s.observe(&m(
                    &format!("x:c{i}"),
                    &format!("11:5{}:{:02}", i / 6, (i % 6) * 10),
                    SentimentLabel::Negative,
                ))
            })
            .collect();
        assert!(again.is_empty(), "{again:#?}");
        // Quiet for two hours, then a new burst well after the cooldown: raised again.
        for b in 0..12 {
            s.observe(&m(
                &format!("x:r{b}"),
                &format!("{}:{}5:00", 12 + b / 6, b % 6),
                SentimentLabel::Neutral,
            ));
        }
        let later: Vec<Alert> = (0..20)
            .flat_map(|i| {
                s.observe(&m(
                    &format!("x:l{i}"),
                    &format!("14:1{}:{:02}", i / 6, (i % 6) * 10),
                    SentimentLabel::Negative,
                ))
            })
            .collect();
        assert_eq!(kinds(&later), vec![AlertKind::NegativeSurge]);
    }

    #[test]
    fn phi_exposure_once_per_cluster_and_never_for_duplicates() {
        let mut s = Scorer::new(cfg());
        let a = s.observe(&phi(m("x:1", "09:00:00", SentimentLabel::Neutral)));
        assert_eq!(kinds(&a), vec![AlertKind::PhiExposure]);
        assert_eq!(a[0].severity, Severity::High);
        assert_eq!(
            a[0].excerpt.as_deref(),
            Some("call me on [PHONE]"),
            "redacted text only"
        );
        assert_eq!(a[0].mention_ids, vec!["x:1"]);
        // A copy of it (same cluster) raises nothing of its own.
        let mut dup = phi(m("x:2", "09:01:00", SentimentLabel::Neutral));
        dup.dedupe.duplicate_of = Some("x:1".into());
        dup.dedupe.cluster_id = "x:1".into();
        assert!(s.observe(&dup).is_empty());
        // Another patient's post is another situation.
        assert_eq!(
            kinds(&s.observe(&phi(m("x:3", "09:02:00", SentimentLabel::Neutral)))),
            vec![AlertKind::PhiExposure]
        );
    }

    #[test]
    fn duplicates_amplify_a_surge() {
        let mut s = Scorer::new(cfg());
        for b in 0..5 {
            s.observe(&m(
                &format!("x:q{b}"),
                &format!("08:{b}0:00"),
                SentimentLabel::Neutral,
            ));
        }
        let orig = m("x:o", "09:00:00", SentimentLabel::Negative);
        let mut alerts = s.observe(&orig);
        for i in 0..6 {
            let mut rt = m(
                &format!("x:rt{i}"),
                &format!("09:0{}:00", i + 1),
                SentimentLabel::Negative,
            );
            rt.dedupe.duplicate_of = Some("x:o".into());
            rt.dedupe.cluster_id = "x:o".into();
            alerts.extend(s.observe(&rt));
        }
        assert_eq!(
            kinds(&alerts),
            vec![AlertKind::NegativeSurge],
            "retweets count toward the surge"
        );
    }

    #[test]
    fn influencer_and_critical_mentions() {
        let mut s = Scorer::new(cfg());
        let mut big = m("x:inf", "10:05:00", SentimentLabel::Negative);
        big.author.followers = Some(482_000);
        let a = s.observe(&big);
        assert_eq!(kinds(&a), vec![AlertKind::InfluencerMention]);
        assert_eq!(a[0].severity, Severity::High, "negative influencer");
        let mut fan = m("x:fan", "10:06:00", SentimentLabel::Positive);
        fan.author.followers = Some(215_000);
        assert_eq!(s.observe(&fan)[0].severity, Severity::Medium);
        let mut urgent = m("x:crit", "10:07:00", SentimentLabel::Negative);
        urgent.priority = 0.8;
        let a = s.observe(&urgent);
        assert_eq!(kinds(&a), vec![AlertKind::CriticalMention]);
        assert_eq!(a[0].severity, Severity::Critical);
        let mut below = m("x:low", "10:08:00", SentimentLabel::Negative);
        below.priority = 0.74;
        assert!(s.observe(&below).is_empty());
    }

    #[test]
    fn no_organisation_no_alert() {
        let mut s = Scorer::new(cfg());
        let mut e = phi(m("x:1", "09:00:00", SentimentLabel::Negative));
        e.organisation = None;
        e.author.followers = Some(1_000_000);
        assert!(s.observe(&e).is_empty());
    }

    #[test]
    fn out_of_order_events_do_not_reopen_the_cooldown() {
        let mut s = Scorer::new(cfg());
        let first = m("x:1", "10:00:00", SentimentLabel::Neutral);
        let mut key_alert = s.build(
            AlertKind::CriticalMention,
            Severity::Critical,
            "lapaz",
            None,
            &first,
            None,
        );
        assert!(s.admit(&key_alert, t("10:00:00")));
        // 50 minutes earlier (late event) and 30 minutes later: both inside the hour, dropped.
        assert!(!s.admit(&key_alert, t("09:10:00")));
        assert!(!s.admit(&key_alert, t("10:30:00")));
        // The late event did not move the last raise back to 09:10.
        assert!(!s.admit(&key_alert, t("10:59:59")));
        key_alert.created_at = t("11:00:00");
        assert!(s.admit(&key_alert, t("11:00:00")));
    }

    #[test]
    fn cooldown_state_is_pruned() {
        let mut s = Scorer::new(cfg());
        // Thousands of PHI posts over two days: each is its own key.
        for i in 0..(3 * PRUNE_MIN as i64) {
            let mut e = phi(m(&format!("x:{i}"), "00:00:00", SentimentLabel::Neutral));
            e.created_at = t("00:00:00") + Duration::seconds(i * 60);
            assert_eq!(s.observe(&e).len(), 1);
        }
        assert!(
            s.cooldown_keys() < PRUNE_MIN,
            "{} keys kept; only the last two hours matter",
            s.cooldown_keys()
        );
    }

    #[test]
    fn excerpt_is_bounded() {
        let mut s = Scorer::new(cfg());
        let mut e = phi(m("x:long", "09:00:00", SentimentLabel::Neutral));
        e.redacted_text = "á".repeat(1000);
        let a = s.observe(&e);
        let ex = a[0].excerpt.as_deref().unwrap();
        assert_eq!(ex.chars().count(), EXCERPT_CHARS + 1);
        assert!(ex.ends_with('…'));
    }

    #[test]
    fn phi_exposure_moves_to_a_private_channel_without_confirming_patient_status() {
        let (summary, action) = describe(AlertKind::PhiExposure, "Hospital X");
        assert!(summary.contains("Hospital X"));
        assert!(action.contains("private channel"));
        assert!(action.contains("do not confirm or deny anyone's patient status in public"));
    }
}
