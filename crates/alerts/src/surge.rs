//! Surge detection per brand: counts in fixed event-time buckets compared with an EWMA baseline
//! of earlier buckets (mean and variance), raising when the current bucket's standardised excess
//! passes a threshold and a minimum count. Each brand is judged against its own history.

use chrono::{DateTime, Utc};
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

#[derive(Debug, Default, Clone)]
struct State {
    bucket: i64,
    count: u64,
    mean: f64,
    var: f64,
    seen_buckets: u32,
    fired_in_bucket: bool,
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

    /// Record one mention for `key`; `hit` says whether it counts toward this detector.
    /// Returns metrics when the current bucket has just become a surge.
    pub fn observe(
        &mut self,
        kind: AlertKind,
        key: &str,
        at: DateTime<Utc>,
        hit: bool,
    ) -> Option<AlertMetrics> {
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
        } else if bucket < st.bucket {
            return None; // late event: counted in no bucket, never alerts
        }
        if !hit {
            return None;
        }
        st.count += 1;
        if st.fired_in_bucket || st.seen_buckets < c.warmup_buckets || st.count < c.min_count {
            return None;
        }
        let sd = st.var.sqrt().max(1.0);
        let score = (st.count as f64 - st.mean) / sd;
        if score >= c.threshold {
            st.fired_in_bucket = true;
            Some(AlertMetrics {
                observed: st.count as f64,
                baseline: st.mean,
                score,
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

    #[test]
    fn quiet_baseline_then_surge_fires_once() {
        let mut d = SurgeDetectors::new(SurgeConfig::default());
        let t0: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut fired = 0;
        for b in 0..8 {
            for i in 0..2 {
                let at = t0 + Duration::seconds(b * 900 + i * 10);
                fired += d
                    .observe(AlertKind::NegativeSurge, "org/brand", at, true)
                    .is_some() as u32;
            }
        }
        assert_eq!(fired, 0, "steady 2 per bucket must not fire");
        for i in 0..40 {
            let at = t0 + Duration::seconds(8 * 900 + i);
            fired += d
                .observe(AlertKind::NegativeSurge, "org/brand", at, true)
                .is_some() as u32;
        }
        assert_eq!(fired, 1, "a surge fires once per bucket");
    }
}
