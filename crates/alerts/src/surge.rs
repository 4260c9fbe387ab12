//! Surge detection per brand: counts in fixed event-time buckets compared with an EWMA baseline
//! of earlier buckets (mean and variance), raising when the current bucket's standardised excess
//! passes a threshold and a minimum count. Each brand is judged against its own history.

use chrono::{DateTime, TimeZone, Utc};
use serde::Deserialize;
use std::collections::HashMap;
use vigia_model::{AlertKind, AlertMetrics};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurgeConfig {
    /// Bucket length in seconds (default 15 min).
    pub bucket_secs: i64,
    /// EWMA smoothing factor for the baseline.
    pub alpha: f64,
    /// Standardised excess that raises an alert.
    pub threshold: f64,
    /// Fewer hits than this in a bucket never raise (avoids alerting on 3 vs 0).
    pub min_count: u64,
    /// Buckets of history needed before alerting.
    pub warmup_buckets: u32,
}

impl Default for SurgeConfig {
    fn default() -> Self {
        Self {
            bucket_secs: 900,
            alpha: 0.2,
            threshold: 4.0,
            min_count: 10,
            warmup_buckets: 4,
        }
    }
}

/// Most mention ids an alert links to: the first hits of the surging bucket.
pub const MAX_LINKED_MENTIONS: usize = 20;

#[derive(Debug, Default, Clone)]
struct State {
    bucket: i64,
    count: u64,
    mean: f64,
    var: f64,
    seen_buckets: u32,
    fired_in_bucket: bool,
    /// Ids of the current bucket's hits, up to [`MAX_LINKED_MENTIONS`].
    hits: Vec<String>,
}

/// A bucket that has just become a surge.
#[derive(Debug, Clone, PartialEq)]
pub struct Surge {
    pub metrics: AlertMetrics,
    /// Event-time bounds of the surging bucket.
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    /// The bucket's hits so far (at most [`MAX_LINKED_MENTIONS`]), oldest first.
    pub mention_ids: Vec<String>,
}

pub struct SurgeDetectors {
    config: SurgeConfig,
    states: HashMap<(AlertKind, String), State>,
}

impl SurgeDetectors {
    pub fn new(config: SurgeConfig) -> Self {
        Self {
            config,
            states: HashMap::new(),
        }
    }

    /// Record mention `id` at event time `at` for `key`; `hit` says whether it counts toward
    /// this detector. Returns the surge when the current bucket has just become one (at most
    /// once per bucket). Events older than the current bucket are ignored: a late event never
    /// rewrites a closed bucket nor raises an alert.
    pub fn observe(
        &mut self,
        kind: AlertKind,
        key: &str,
        at: DateTime<Utc>,
        hit: bool,
        id: &str,
    ) -> Option<Surge> {
        let c = &self.config;
        let bucket = at.timestamp().div_euclid(c.bucket_secs);
        let st = self
            .states
            .entry((kind, key.to_string()))
            .or_insert_with(|| State {
                bucket,
                ..Default::default()
            });
        if bucket > st.bucket {
            // Close the finished bucket and any empty ones after it.
            let gap = (bucket - st.bucket).min(1000);
            let mut x = st.count as f64;
            for _ in 0..gap {
                if st.seen_buckets == 0 {
                    st.mean = x;
                    st.var = 0.0;
                } else {
                    let d = x - st.mean;
                    st.mean += c.alpha * d;
                    st.var = (1.0 - c.alpha) * (st.var + c.alpha * d * d);
                }
                st.seen_buckets += 1;
                x = 0.0;
            }
            st.bucket = bucket;
            st.count = 0;
            st.fired_in_bucket = false;
            st.hits.clear();
        } else if bucket < st.bucket {
            return None; // late event: counted in no bucket, never alerts
        }
        if !hit {
            return None;
        }
        st.count += 1;
        if st.hits.len() < MAX_LINKED_MENTIONS {
            st.hits.push(id.to_string());
        }
        if st.fired_in_bucket || st.seen_buckets < c.warmup_buckets || st.count < c.min_count {
            return None;
        }
        let sd = st.var.sqrt().max(1.0);
        let score = (st.count as f64 - st.mean) / sd;
        if score >= c.threshold {
            st.fired_in_bucket = true;
            let start = bucket * c.bucket_secs;
            let ts = |secs: i64| Utc.timestamp_opt(secs, 0).single().unwrap_or(at);
            Some(Surge {
                metrics: AlertMetrics {
                    observed: st.count as f64,
                    baseline: st.mean,
                    score,
                },
                window_start: ts(start),
                window_end: ts(start + c.bucket_secs),
                mention_ids: st.hits.clone(),
            })
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    const NEG: AlertKind = AlertKind::NegativeSurge;

    fn t0() -> DateTime<Utc> {
        "2026-01-01T00:00:00Z".parse().unwrap()
    }

    fn cfg() -> SurgeConfig {
        SurgeConfig {
            bucket_secs: 600,
            alpha: 0.2,
            threshold: 3.0,
            min_count: 5,
            warmup_buckets: 3,
        }
    }

    /// Feed `n` hits for `key` spread over bucket `b` (10 s apart from its start); count alerts.
    fn feed(d: &mut SurgeDetectors, key: &str, b: i64, n: i64) -> Vec<Surge> {
        (0..n)
            .filter_map(|i| {
                let at = t0() + Duration::seconds(b * 600 + i * 10);
                d.observe(NEG, key, at, true, &format!("x:{b}-{i}"))
            })
            .collect()
    }

    #[test]
    fn quiet_baseline_then_surge_fires_once() {
        let mut d = SurgeDetectors::new(SurgeConfig::default());
        let mut fired = 0;
        for b in 0..8 {
            for i in 0..2 {
                let at = t0() + Duration::seconds(b * 900 + i * 10);
                fired += d.observe(NEG, "org/brand", at, true, "x:1").is_some() as u32;
            }
        }
        assert_eq!(fired, 0, "steady 2 per bucket must not fire");
        for i in 0..40 {
            let at = t0() + Duration::seconds(8 * 900 + i);
            fired += d.observe(NEG, "org/brand", at, true, "x:2").is_some() as u32;
        }
        assert_eq!(fired, 1, "a surge fires once per bucket");
    }

    #[test]
    fn surge_reports_its_bucket_baseline_and_first_hits() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..4 {
            assert!(feed(&mut d, "lapaz/La Paz", b, 1).is_empty());
        }
        let s = feed(&mut d, "lapaz/La Paz", 4, 30);
        assert_eq!(s.len(), 1);
        let s = &s[0];
        // Fires at the fifth hit (min_count), score (5 - 1) / max(sd, 1) = 4 >= 3.
        assert_eq!(s.metrics.observed, 5.0);
        assert!((s.metrics.baseline - 1.0).abs() < 1e-9, "{s:?}");
        assert!((s.metrics.score - 4.0).abs() < 1e-9, "{s:?}");
        assert_eq!(s.window_start, t0() + Duration::seconds(2400));
        assert_eq!(s.window_end, t0() + Duration::seconds(3000));
        assert_eq!(
            s.mention_ids,
            (0..5).map(|i| format!("x:4-{i}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn nothing_fires_during_warmup() {
        let mut d = SurgeDetectors::new(cfg());
        // Bucket 0 opens the key; buckets 1 and 2 have seen fewer than 3 closed buckets.
        assert!(feed(&mut d, "k", 0, 0).is_empty());
        assert!(feed(&mut d, "k", 0, 1).is_empty());
        assert!(
            feed(&mut d, "k", 1, 50).is_empty(),
            "1 closed bucket < warmup 3"
        );
        assert!(
            feed(&mut d, "k", 2, 50).is_empty(),
            "2 closed buckets < warmup 3"
        );
    }

    #[test]
    fn min_count_guards_small_numbers() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..6 {
            feed(&mut d, "k", b, 0);
            d.observe(NEG, "k", t0() + Duration::seconds(b * 600), false, "x:n");
        }
        // Baseline 0: four hits are a huge standardised excess but below min_count 5.
        assert!(feed(&mut d, "k", 6, 4).is_empty());
        let fifth = t0() + Duration::seconds(6 * 600 + 300);
        assert!(d.observe(NEG, "k", fifth, true, "x:5th").is_some());
    }

    #[test]
    fn non_hits_advance_time_but_do_not_count() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..5 {
            for i in 0..20 {
                let at = t0() + Duration::seconds(b * 600 + i);
                assert!(d.observe(NEG, "k", at, false, "x:pos").is_none());
            }
        }
        assert_eq!(
            feed(&mut d, "k", 5, 6).len(),
            1,
            "20 positives per bucket are no negatives"
        );
    }

    #[test]
    fn steady_high_volume_is_the_baseline_not_a_surge() {
        let mut d = SurgeDetectors::new(cfg());
        let mut fired = 0;
        for b in 0..20 {
            fired += feed(&mut d, "k", b, 40).len();
        }
        assert_eq!(
            fired, 0,
            "40 negatives every 10 minutes is this brand's normal"
        );
    }

    #[test]
    fn each_brand_is_judged_against_its_own_history() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..6 {
            feed(&mut d, "busy", b, 30);
            feed(&mut d, "quiet", b, 1);
        }
        assert!(
            feed(&mut d, "busy", 6, 12).is_empty(),
            "12 is below busy's usual 30"
        );
        assert_eq!(
            feed(&mut d, "quiet", 6, 12).len(),
            1,
            "12 is far above quiet's usual 1"
        );
        // Detector kinds are separate too.
        let at = t0() + Duration::seconds(6 * 600 + 500);
        assert!(d
            .observe(AlertKind::MisinformationSurge, "quiet", at, true, "x:m")
            .is_none());
    }

    #[test]
    fn empty_buckets_decay_the_baseline() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..5 {
            feed(&mut d, "k", b, 30);
        }
        assert!(feed(&mut d, "k", 5, 25).is_empty());
        // Four silent hours: the baseline decays toward 0, and 25 is a surge again.
        assert_eq!(feed(&mut d, "k", 30, 25).len(), 1);
    }

    #[test]
    fn late_events_never_alert_nor_count() {
        let mut d = SurgeDetectors::new(cfg());
        for b in 0..4 {
            feed(&mut d, "k", b, 1);
        }
        feed(&mut d, "k", 5, 1);
        // Bucket 4 is already behind: a flood of late hits for it is ignored.
        assert!(feed(&mut d, "k", 4, 50).is_empty());
        // ...and did not inflate bucket 5, which still needs its own five hits.
        assert!(feed(&mut d, "k", 5, 3).is_empty());
    }

    #[test]
    fn linked_mentions_are_bounded() {
        let mut d = SurgeDetectors::new(SurgeConfig {
            min_count: 30,
            ..cfg()
        });
        for b in 0..4 {
            feed(&mut d, "k", b, 0);
            d.observe(NEG, "k", t0() + Duration::seconds(b * 600), false, "x:n");
        }
        let s = feed(&mut d, "k", 4, 40);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].metrics.observed, 30.0);
        assert_eq!(s[0].mention_ids.len(), MAX_LINKED_MENTIONS);
    }
}
