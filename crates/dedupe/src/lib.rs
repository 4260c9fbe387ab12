//! Dedupe stage: recognises re-deliveries, exact copies and near-duplicates of earlier mentions.
//!
//! Owns the dedupe state (windowed by event time, bounded in entries) and the cluster
//! bookkeeping that feeds amplification counts. It does not classify: the pipeline skips
//! classification for duplicates and copies their original's labels.
//!
//! Foundation version: exact matching on platform id and normalised-text hash, in memory.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use std::collections::{HashMap, VecDeque};
use unicode_normalization::UnicodeNormalization;
use vigia_model::{DedupeInfo, DedupeKind, Mention};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupeConfig {
    /// Event-time window in seconds (default 24 h).
    pub window_secs: i64,
    /// Most entries kept; the oldest are evicted first.
    pub max_entries: usize,
}

impl Default for DedupeConfig {
    fn default() -> Self {
        Self {
            window_secs: 24 * 3600,
            max_entries: 1_000_000,
        }
    }
}

/// Verdict for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The same platform id was seen before: a re-delivery. Drop it, count it.
    Redelivery { original: String },
    /// New, or a copy of an earlier mention (then `info.duplicate_of` is set).
    Fresh { info: DedupeInfo },
}

#[derive(Debug, Clone)]
struct Cluster {
    first_id: String,
    first_seen: DateTime<Utc>,
    size: u32,
}

/// In-memory exact deduper.
#[derive(Debug)]
pub struct Deduper {
    config: DedupeConfig,
    ids: HashMap<String, u64>,
    texts: HashMap<u64, Cluster>,
    order: VecDeque<(DateTime<Utc>, String, u64)>,
}

/// Text key: NFKC, lower case, URLs/handles dropped, whitespace collapsed, hashed.
pub fn text_hash(text: &str) -> u64 {
    let mut norm = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if word.starts_with("http://") || word.starts_with("https://") || word.starts_with('@') {
            continue;
        }
        if !norm.is_empty() {
            norm.push(' ');
        }
        norm.extend(word.nfkc().flat_map(char::to_lowercase));
    }
    xxhash_rust::xxh3::xxh3_64(norm.as_bytes())
}

impl Deduper {
    pub fn new(config: DedupeConfig) -> Self {
        Self {
            config,
            ids: HashMap::new(),
            texts: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn check(&mut self, m: &Mention) -> Verdict {
        self.evict(m.created_at);
        if self.ids.contains_key(&m.id) {
            return Verdict::Redelivery {
                original: m.id.clone(),
            };
        }
        let h = text_hash(&m.text);
        self.ids.insert(m.id.clone(), h);
        self.order.push_back((m.created_at, m.id.clone(), h));
        let info = match self.texts.get_mut(&h) {
            Some(c) => {
                c.size += 1;
                DedupeInfo {
                    duplicate_of: Some(c.first_id.clone()),
                    cluster_id: c.first_id.clone(),
                    kind: Some(DedupeKind::Exact),
                    similarity: Some(1.0),
                    first_seen: c.first_seen,
                    cluster_size: c.size,
                }
            }
            None => {
                self.texts.insert(
                    h,
                    Cluster {
                        first_id: m.id.clone(),
                        first_seen: m.created_at,
                        size: 1,
                    },
                );
                DedupeInfo {
                    duplicate_of: None,
                    cluster_id: m.id.clone(),
                    kind: None,
                    similarity: None,
                    first_seen: m.created_at,
                    cluster_size: 1,
                }
            }
        };
        Verdict::Fresh { info }
    }

    fn evict(&mut self, now: DateTime<Utc>) {
        let horizon = now - Duration::seconds(self.config.window_secs);
        while let Some((t, _, _)) = self.order.front() {
            if *t >= horizon && self.order.len() < self.config.max_entries {
                break;
            }
            let (_, id, h) = self.order.pop_front().expect("front exists");
            self.ids.remove(&id);
            if self.texts.get(&h).is_some_and(|c| c.first_id == id) {
                self.texts.remove(&h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::{Author, Platform};

    fn m(id: &str, text: &str, t: &str) -> Mention {
        Mention {
            id: id.into(),
            platform: Platform::X,
            organisation: None,
            url: None,
            author: Author::default(),
            text: text.into(),
            lang_hint: None,
            created_at: t.parse().unwrap(),
            collected_at: None,
            relations: Default::default(),
            engagement: Default::default(),
            rating: None,
            entities: Default::default(),
            tracking: vec![],
        }
    }

    #[test]
    fn exact_and_redelivery() {
        let mut d = Deduper::new(DedupeConfig::default());
        let a = m("x:1", "Wait times are awful", "2026-01-01T00:00:00Z");
        let b = m(
            "x:2",
            "wait  times are AWFUL https://t.co/x",
            "2026-01-01T00:01:00Z",
        );
        assert!(matches!(d.check(&a), Verdict::Fresh { info } if info.duplicate_of.is_none()));
        match d.check(&b) {
            Verdict::Fresh { info } => {
                assert_eq!(info.duplicate_of.as_deref(), Some("x:1"));
                assert_eq!(info.cluster_size, 2);
            }
            v => panic!("{v:?}"),
        }
        assert!(matches!(d.check(&a), Verdict::Redelivery { .. }));
    }

    #[test]
    fn window_evicts() {
        let mut d = Deduper::new(DedupeConfig {
            window_secs: 60,
            max_entries: 10,
        });
        d.check(&m("x:1", "same", "2026-01-01T00:00:00Z"));
        let v = d.check(&m("x:2", "same", "2026-01-01T01:00:00Z"));
        assert!(matches!(v, Verdict::Fresh { info } if info.duplicate_of.is_none()));
        assert_eq!(d.len(), 1);
    }
}
