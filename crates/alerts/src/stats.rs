//! Windowed aggregates for `mentions.stats`: per organisation and tumbling event-time window,
//! counts per brand (own and competitor, which gives share of voice), sentiment, duplicates,
//! misinformation, PHI and reach.
//!
//! A window is emitted once the watermark (largest event time seen minus the allowed lateness)
//! passes its end; later events for an emitted window are counted as late and not re-emitted.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::Deserialize;
use std::collections::BTreeMap;
use vigia_model::{EnrichedMention, MentionStats, SentimentLabel};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StatsConfig {
    /// Window length in seconds (default 5 min).
    pub window_secs: i64,
    /// How long after a window's end late events are still accepted (default 1 min).
    pub allowed_lateness_secs: i64,
}

impl Default for StatsConfig {
    fn default() -> Self {
        Self {
            window_secs: 300,
            allowed_lateness_secs: 60,
        }
    }
}

/// Brand key for mentions that name the organisation but none of its brands.
pub const NO_BRAND: &str = "(organisation)";

pub struct StatsAggregator {
    config: StatsConfig,
    /// (window start, organisation) -> stats
    open: BTreeMap<(i64, String), MentionStats>,
    watermark: Option<DateTime<Utc>>,
    late: u64,
}

impl StatsAggregator {
    pub fn new(config: StatsConfig) -> Self {
        Self {
            config,
            open: BTreeMap::new(),
            watermark: None,
            late: 0,
        }
    }

    /// Events that arrived after their window was emitted.
    pub fn late_events(&self) -> u64 {
        self.late
    }

    fn window_start(&self, t: DateTime<Utc>) -> i64 {
        t.timestamp().div_euclid(self.config.window_secs) * self.config.window_secs
    }

    /// Count one enriched mention; returns the windows this event's progress closed.
    pub fn observe(&mut self, m: &EnrichedMention) -> Vec<MentionStats> {
        let Some(org) = m.organisation.clone() else {
            return Vec::new();
        };
        let start = self.window_start(m.created_at);
        if let Some(wm) = self.watermark {
            // Its window has already been closed and emitted.
            if start + self.config.window_secs + self.config.allowed_lateness_secs <= wm.timestamp()
            {
                self.late += 1;
                return Vec::new();
            }
        }
        let ws = Utc.timestamp_opt(start, 0).single().unwrap_or(m.created_at);
        let entry = self
            .open
            .entry((start, org.clone()))
            .or_insert_with(|| MentionStats {
                schema_version: vigia_model::SCHEMA_VERSION,
                organisation: org,
                window_start: ws,
                window_end: ws + Duration::seconds(self.config.window_secs),
                brands: BTreeMap::new(),
                competitors: Vec::new(),
            });
        let mut names: Vec<&String> = m.brands.iter().chain(m.competitors.iter()).collect();
        let none = NO_BRAND.to_string();
        if names.is_empty() {
            names.push(&none);
        }
        for c in &m.competitors {
            if !entry.competitors.contains(c) {
                entry.competitors.push(c.clone());
            }
        }
        for name in names {
            let b = entry.brands.entry(name.clone()).or_default();
            b.mentions += 1;
            if m.dedupe.duplicate_of.is_some() {
                b.duplicates += 1;
            }
            match m.sentiment.label {
                SentimentLabel::Negative => b.negative += 1,
                SentimentLabel::Neutral => b.neutral += 1,
                SentimentLabel::Positive => b.positive += 1,
            }
            if m.misinformation.score >= 0.5 {
                b.misinformation += 1;
            }
            if !m.phi.types.is_empty() || m.phi.self_disclosure {
                b.phi += 1;
            }
            b.reach += m.author.followers.unwrap_or(0);
        }
        self.advance(m.created_at)
    }

    fn advance(&mut self, t: DateTime<Utc>) -> Vec<MentionStats> {
        let wm = match self.watermark {
            Some(w) if w >= t => w,
            _ => t,
        };
        self.watermark = Some(wm);
        let cutoff = wm.timestamp() - self.config.allowed_lateness_secs;
        let closed: Vec<(i64, String)> = self
            .open
            .keys()
            .filter(|(s, _)| s + self.config.window_secs <= cutoff)
            .cloned()
            .collect();
        closed
            .into_iter()
            .filter_map(|k| self.open.remove(&k))
            .collect()
    }

    /// Emit every open window (shutdown, end of a batch run).
    pub fn flush(&mut self) -> Vec<MentionStats> {
        std::mem::take(&mut self.open).into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::*;

    fn enriched(org: &str, brand: &str, at: &str, label: SentimentLabel) -> EnrichedMention {
        let t: DateTime<Utc> = at.parse().unwrap();
        EnrichedMention {
            kind: None,
            channel: None,
            schema_version: 1,
            id: format!("x:{at}"),
            platform: Platform::X,
            organisation: Some(org.into()),
            brands: vec![brand.into()],
            competitors: vec![],
            url: None,
            author: Author {
                followers: Some(10),
                ..Default::default()
            },
            created_at: t,
            collected_at: None,
            relations: Default::default(),
            engagement: Default::default(),
            rating: None,
            entities: Default::default(),
            tracking: vec![],
            lang: None,
            language: LanguageInfo {
                code: None,
                confidence: 0.0,
                reliable: false,
            },
            dedupe: DedupeInfo {
                duplicate_of: None,
                cluster_id: "c".into(),
                kind: None,
                similarity: None,
                first_seen: t,
                cluster_size: 1,
            },
            sentiment: SentimentInfo {
                label,
                score: 1.0,
                polarity: 0.0,
                probabilities: SentimentProbs::default(),
                model: "t".into(),
            },
            aspects: vec![],
            misinformation: MisinformationInfo::default(),
            phi: PhiInfo::default(),
            redacted_text: String::new(),
            priority: 0.0,
            processing: Processing {
                vigia_version: "t".into(),
                processed_at: t,
                models: vec![],
            },
        }
    }

    #[test]
    fn windows_close_after_lateness_and_count() {
        let mut a = StatsAggregator::new(StatsConfig {
            window_secs: 300,
            allowed_lateness_secs: 60,
        });
        assert!(a
            .observe(&enriched(
                "o",
                "B",
                "2026-01-01T00:01:00Z",
                SentimentLabel::Negative
            ))
            .is_empty());
        assert!(a
            .observe(&enriched(
                "o",
                "B",
                "2026-01-01T00:04:00Z",
                SentimentLabel::Positive
            ))
            .is_empty());
        // 00:05:30 is within the lateness of the first window: nothing closes yet.
        assert!(a
            .observe(&enriched(
                "o",
                "B",
                "2026-01-01T00:05:30Z",
                SentimentLabel::Neutral
            ))
            .is_empty());
        let closed = a.observe(&enriched(
            "o",
            "B",
            "2026-01-01T00:06:01Z",
            SentimentLabel::Neutral,
        ));
        assert_eq!(closed.len(), 1);
        let b = &closed[0].brands["B"];
        assert_eq!((b.mentions, b.negative, b.positive, b.reach), (2, 1, 1, 20));
        // An event for the closed window is late: counted, not re-opened.
        assert!(a
            .observe(&enriched(
                "o",
                "B",
                "2026-01-01T00:02:00Z",
                SentimentLabel::Neutral
            ))
            .is_empty());
        assert_eq!(a.late_events(), 1);
        let rest = a.flush();
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].brands["B"].mentions, 2);
    }
}
