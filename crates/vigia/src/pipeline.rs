//! The stages wired together, without any transport: raw records in, [`Output`]s out.
//!
//! `vigia enrich`, `vigia demo` and `vigia run` all drive this same struct, so batch mode and
//! the Kafka pipeline cannot drift apart. It is synchronous and owns the stateful stages
//! (dedupe, score); the Kafka runtime runs it on a dedicated thread.

use chrono::{DateTime, Utc};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use vigia_alerts::stats::StatsAggregator;
use vigia_alerts::{priority, Scorer};
use vigia_classify::{Classification, Classifier};
use vigia_dedupe::{Deduper, Verdict};
use vigia_emit::Output;
use vigia_ingest::source::RawRecord;
use vigia_ingest::track::UnmatchedPolicy;
use vigia_ingest::{Decoder, Tracker};
use vigia_model::{DeadLetter, DedupeInfo, EnrichedMention, MatchKind, Mention, Processing, Stage};
use vigia_telemetry::metrics::{
    AlertLabels, AspectLabels, BrandLabels, DuplicateLabels, PlatformLabels, SentimentLabels,
    StageLabels,
};
use vigia_telemetry::Metrics;

use crate::config::Config;

/// Classifications kept for duplicates to inherit, most recent clusters.
const INHERIT_CACHE: usize = 50_000;

/// What happened to one input record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Enriched,
    DeadLetter,
    /// Same platform id seen before: dropped, counted.
    Redelivery,
    /// Matched no organisation and the policy drops it.
    UnmatchedDropped,
    /// Matched no organisation and was routed to the unmatched topic.
    UnmatchedRouted,
}

/// Outputs of one input record, in the order they should be written.
#[derive(Debug, Clone)]
pub struct Processed {
    pub disposition: Disposition,
    pub outputs: Vec<Output>,
}

pub struct Pipeline {
    decoder: Decoder,
    tracker: Tracker,
    deduper: Arc<Mutex<Deduper>>,
    classifier: Arc<Classifier>,
    scorer: Scorer,
    stats: StatsAggregator,
    restricted_enabled: bool,
    metrics: Metrics,
    inherited: HashMap<String, Classification>,
    inherited_order: VecDeque<String>,
}

impl Pipeline {
    pub fn new(config: &Config, classifier: Arc<Classifier>, metrics: Metrics) -> Self {
        Self {
            decoder: Decoder::new(config.ingest.clone()),
            tracker: Tracker::new(&config.tracking),
            deduper: Arc::new(Mutex::new(
                Deduper::open(config.dedupe.clone()).unwrap_or_else(|e| {
                    tracing::error!(error = %e, "dedupe state store unusable; state is kept in memory only");
                    Deduper::new(config.dedupe.clone())
                }),
            )),
            classifier,
            scorer: Scorer::new(config.alerts.clone()),
            stats: StatsAggregator::new(config.alerts.stats.clone()),
            restricted_enabled: config.topics.restricted_enabled,
            metrics,
            inherited: HashMap::new(),
            inherited_order: VecDeque::new(),
        }
    }

    /// The dedupe state, shared with the Kafka runtime for the partition hand-over (restore
    /// on assignment, drop on revocation, changelog records after each batch). The pipeline
    /// holds the lock only while it checks a batch.
    pub fn deduper(&self) -> Arc<Mutex<Deduper>> {
        self.deduper.clone()
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    fn time<T>(&self, stage: &str, f: impl FnOnce() -> T) -> T {
        let t = Instant::now();
        let r = f();
        self.metrics
            .stage_seconds
            .get_or_create(&StageLabels {
                stage: stage.into(),
            })
            .observe(t.elapsed().as_secs_f64());
        r
    }

    /// Process a batch. The result has one [`Processed`] per input, in input order.
    pub fn process_batch(&mut self, records: &[RawRecord]) -> Vec<Processed> {
        self.metrics.batch_size.observe(records.len() as f64);
        self.metrics.records_consumed.inc_by(records.len() as u64);

        // ingest
        enum Slot {
            Done(Processed),
            Mention(Box<Mention>, DedupeInfo),
        }
        let decoded: Vec<Result<Mention, Box<DeadLetter>>> = self.time("ingest", || {
            records
                .iter()
                .map(|r| {
                    self.decoder
                        .decode(&r.payload, r.platform_header.as_deref())
                        .map_err(|e| r.dead_letter(Stage::Ingest, e.reason, e.detail))
                })
                .collect()
        });

        // track + dedupe
        let mut slots: Vec<Slot> = Vec::with_capacity(records.len());
        let dedupe_start = Instant::now();
        let deduper = self.deduper.clone();
        let mut deduper = deduper.lock().unwrap_or_else(|e| e.into_inner());
        for (d, rec) in decoded.into_iter().zip(records) {
            let mut m = match d {
                Ok(m) => m,
                Err(dl) => {
                    self.metrics
                        .dead_letter(dl.stage.as_str(), dl.reason.as_str());
                    slots.push(Slot::Done(Processed {
                        disposition: Disposition::DeadLetter,
                        outputs: vec![Output::DeadLetter(dl)],
                    }));
                    continue;
                }
            };
            let platform = m.platform.as_str().to_string();
            self.metrics
                .mentions_ingested
                .get_or_create(&PlatformLabels {
                    platform: platform.clone(),
                })
                .inc();
            let matched = self.tracker.apply(&mut m);
            if !matched && !self.tracker.is_empty() {
                self.metrics.unmatched.inc();
                match self.tracker.unmatched {
                    UnmatchedPolicy::Drop => {
                        slots.push(Slot::Done(Processed {
                            disposition: Disposition::UnmatchedDropped,
                            outputs: vec![],
                        }));
                        continue;
                    }
                    UnmatchedPolicy::Route => {
                        slots.push(Slot::Done(Processed {
                            disposition: Disposition::UnmatchedRouted,
                            outputs: vec![Output::Unmatched(Box::new(m))],
                        }));
                        continue;
                    }
                    UnmatchedPolicy::Keep => {}
                }
            }
            let partition = rec.position.partition.unwrap_or(0);
            match deduper.check_at(partition, rec.position.offset, &m) {
                Verdict::Redelivery { .. } => {
                    self.metrics
                        .duplicates
                        .get_or_create(&DuplicateLabels {
                            platform,
                            kind: "redelivery".into(),
                        })
                        .inc();
                    slots.push(Slot::Done(Processed {
                        disposition: Disposition::Redelivery,
                        outputs: vec![],
                    }));
                }
                Verdict::Fresh { info } => {
                    if let Some(kind) = info.kind {
                        self.metrics
                            .duplicates
                            .get_or_create(&DuplicateLabels {
                                platform,
                                kind: kind.as_str().into(),
                            })
                            .inc();
                    }
                    slots.push(Slot::Mention(Box::new(m), info));
                }
            }
        }
        self.metrics
            .stage_seconds
            .get_or_create(&StageLabels {
                stage: "dedupe".into(),
            })
            .observe(dedupe_start.elapsed().as_secs_f64());
        self.metrics.dedupe_state_entries.set(deduper.len() as i64);
        if let Err(e) = deduper.persist() {
            tracing::error!(error = %e, "writing dedupe state");
        }
        drop(deduper);

        // classify: originals, and duplicates whose original's labels are not at hand
        let mut to_classify: Vec<usize> = Vec::new();
        let mut batch_originals: HashMap<&str, usize> = HashMap::new();
        for (i, s) in slots.iter().enumerate() {
            if let Slot::Mention(m, info) = s {
                let inherit = info.duplicate_of.as_ref().is_some_and(|_| {
                    self.inherited.contains_key(&info.cluster_id)
                        || batch_originals.contains_key(info.cluster_id.as_str())
                });
                if !inherit {
                    to_classify.push(i);
                    if info.duplicate_of.is_none() {
                        batch_originals.insert(m.id.as_str(), i);
                    }
                }
            }
        }
        let refs: Vec<&Mention> = to_classify
            .iter()
            .map(|&i| match &slots[i] {
                Slot::Mention(m, _) => m.as_ref(),
                Slot::Done(_) => unreachable!("only mentions are classified"),
            })
            .collect();
        let classifier = self.classifier.clone();
        let results = self.time("classify", || classifier.classify_batch(&refs));
        let mut fresh: HashMap<usize, Classification> =
            to_classify.into_iter().zip(results).collect();

        // score + build outputs
        let score_start = Instant::now();
        let now = Utc::now();
        let mut out = Vec::with_capacity(slots.len());
        for (i, slot) in slots.into_iter().enumerate() {
            match slot {
                Slot::Done(p) => out.push(p),
                Slot::Mention(m, info) => {
                    let cls = match fresh.remove(&i) {
                        Some(c) => {
                            if info.duplicate_of.is_none() {
                                self.remember(&m.id, &c);
                            }
                            c
                        }
                        None => self
                            .inherited
                            .get(&info.cluster_id)
                            .cloned()
                            .expect("duplicate's original was classified or cached"),
                    };
                    out.push(self.finish(*m, info, cls, now));
                }
            }
        }
        self.metrics
            .stage_seconds
            .get_or_create(&StageLabels {
                stage: "score".into(),
            })
            .observe(score_start.elapsed().as_secs_f64());
        out
    }

    /// Emit every open `mentions.stats` window (end of a batch run, shutdown).
    pub fn flush_stats(&mut self) -> Vec<Output> {
        self.stats
            .flush()
            .into_iter()
            .map(|w| Output::Stats(Box::new(w)))
            .collect()
    }

    fn remember(&mut self, id: &str, c: &Classification) {
        if self.inherited.insert(id.to_string(), c.clone()).is_none() {
            self.inherited_order.push_back(id.to_string());
            while self.inherited_order.len() > INHERIT_CACHE {
                if let Some(old) = self.inherited_order.pop_front() {
                    self.inherited.remove(&old);
                }
            }
        }
    }

    fn finish(
        &mut self,
        m: Mention,
        dedupe: DedupeInfo,
        c: Classification,
        now: DateTime<Utc>,
    ) -> Processed {
        let p = priority::priority(&priority::PriorityInput {
            sentiment: &c.sentiment,
            followers: m.author.followers,
            interactions: m.engagement.interactions(),
            aspects: &c.aspects,
            misinformation: &c.misinformation,
            phi: &c.phi,
        });
        let brands: Vec<String> = unique_brands(&m, MatchKind::Brand);
        let competitors: Vec<String> = unique_brands(&m, MatchKind::Competitor);
        let has_phi = !c.phi.types.is_empty() || c.phi.self_disclosure;
        let enriched = EnrichedMention {
            schema_version: vigia_model::SCHEMA_VERSION,
            id: m.id.clone(),
            platform: m.platform,
            organisation: m.organisation.clone(),
            brands,
            competitors,
            kind: m.kind,
            channel: m.channel.clone(),
            url: m.url.clone(),
            author: m.author.clone(),
            created_at: m.created_at,
            collected_at: m.collected_at,
            relations: m.relations.clone(),
            engagement: m.engagement.clone(),
            rating: m.rating,
            entities: redacted_entities(&m, &c.phi),
            tracking: m.tracking.clone(),
            lang: c.language.code.clone(),
            language: c.language,
            dedupe,
            sentiment: c.sentiment,
            aspects: c.aspects,
            misinformation: c.misinformation,
            phi: c.phi,
            redacted_text: c.redacted_text,
            priority: p,
            processing: Processing {
                vigia_version: env!("CARGO_PKG_VERSION").to_string(),
                processed_at: now,
                models: c.models,
            },
        };
        self.count(&enriched);
        let alerts = self.scorer.observe(&enriched);
        let closed_windows = self.stats.observe(&enriched);
        let mut outputs = Vec::with_capacity(2 + alerts.len());
        if has_phi && self.restricted_enabled {
            outputs.push(Output::Restricted(Box::new(m)));
        }
        outputs.push(Output::Enriched(Box::new(enriched)));
        for a in alerts {
            self.metrics
                .alerts
                .get_or_create(&AlertLabels {
                    kind: a.kind.as_str().into(),
                    severity: a.severity.as_str().into(),
                })
                .inc();
            outputs.push(Output::Alert(Box::new(a)));
        }
        outputs.extend(
            closed_windows
                .into_iter()
                .map(|w| Output::Stats(Box::new(w))),
        );
        Processed {
            disposition: Disposition::Enriched,
            outputs,
        }
    }

    fn count(&self, e: &EnrichedMention) {
        let platform = e.platform.as_str().to_string();
        let label = e.sentiment.label.as_str().to_string();
        self.metrics
            .mentions_enriched
            .get_or_create(&SentimentLabels {
                platform: platform.clone(),
                label: label.clone(),
            })
            .inc();
        let org = e.organisation.clone().unwrap_or_else(|| "none".into());
        let mut brands: Vec<&String> = e.brands.iter().chain(e.competitors.iter()).collect();
        let none = "none".to_string();
        if brands.is_empty() {
            brands.push(&none);
        }
        for b in brands {
            self.metrics
                .brand_mentions
                .get_or_create(&BrandLabels {
                    organisation: org.clone(),
                    brand: b.clone(),
                    label: label.clone(),
                })
                .inc();
        }
        for a in &e.aspects {
            self.metrics
                .aspects
                .get_or_create(&AspectLabels {
                    aspect: a.aspect.clone(),
                })
                .inc();
        }
        if e.misinformation.score >= 0.5 {
            self.metrics
                .misinformation
                .get_or_create(&PlatformLabels {
                    platform: platform.clone(),
                })
                .inc();
        }
        if !e.phi.types.is_empty() || e.phi.self_disclosure {
            self.metrics
                .phi_detected
                .get_or_create(&PlatformLabels { platform })
                .inc();
        }
    }
}

fn unique_brands(m: &Mention, kind: MatchKind) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for t in &m.tracking {
        if t.kind == kind && Some(&t.organisation) == m.organisation.as_ref() {
            if let Some(b) = &t.brand {
                if !v.contains(b) {
                    v.push(b.clone());
                }
            }
        }
    }
    v
}

/// The mention's entities without the links the PHI detector found in its text: a personal URL
/// redacted from `redacted_text` must not travel on in `entities.urls`.
fn redacted_entities(m: &Mention, phi: &vigia_model::PhiInfo) -> vigia_model::Entities {
    let mut e = m.entities.clone();
    let flagged: Vec<String> = phi
        .spans
        .iter()
        .filter(|s| s.kind == vigia_model::PhiType::Url)
        .map(|s| m.text.chars().skip(s.start).take(s.end - s.start).collect())
        .collect();
    if !flagged.is_empty() {
        e.urls.retain(|u| {
            !flagged
                .iter()
                .any(|f| u == f || u.contains(f.as_str()) || f.contains(u.as_str()))
        });
    }
    e
}
