//! Dedupe stage: recognises re-deliveries, exact copies and near-duplicates of earlier mentions.
//!
//! Owns the dedupe state, kept per input partition (windowed by event time, bounded in
//! entries, a little over 100 bytes per mention), its local persistence ([`store`]), and the
//! records that hand it over through a changelog topic. It knows nothing of Kafka: the binary
//! produces [`PartitionChange`]s to the changelog and feeds restored records back. It does not
//! classify: the pipeline skips classification for duplicates and copies their original's labels.
//!
//! - Exact: the same platform id again is a re-delivery ([`Verdict::Redelivery`]); the same
//!   normalised text ([`normalise`]) links to the cluster's first mention (`kind: exact`).
//! - Near: MinHash over word shingles with LSH banding ([`minhash`]); a candidate from a shared
//!   band whose estimated Jaccard similarity reaches the threshold links to its cluster's first
//!   mention (`kind: near`). Cluster sizes count amplification.

pub mod minhash;
pub mod normalise;
pub mod state;
pub mod store;
pub mod table;

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use vigia_model::{DedupeInfo, Mention};

pub use minhash::MinHashParams;
pub use state::{Change, EntryRecord, Limits, PartitionState};
pub use store::{LogStore, StoreError};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupeConfig {
    /// Event-time window in seconds (default 24 h), measured back from the newest event time
    /// seen on the partition.
    pub window_secs: i64,
    /// Most entries kept per input partition; the oldest are evicted first.
    pub max_entries: usize,
    /// Directory of the local state logs (one per partition); none keeps state in memory only.
    pub state_dir: Option<PathBuf>,
    /// In `vigia run`: hand state over through the changelog topic on rebalance.
    pub changelog: bool,
    /// Changelog topic; default `<kafka.group_id>.dedupe-changelog`.
    pub changelog_topic: Option<String>,
    /// Near-duplicate matching.
    pub minhash: MinHashParams,
}

impl Default for DedupeConfig {
    fn default() -> Self {
        Self {
            window_secs: 24 * 3600,
            max_entries: 1_000_000,
            state_dir: None,
            changelog: true,
            changelog_topic: None,
            minhash: MinHashParams::default(),
        }
    }
}

impl DedupeConfig {
    /// Check the values; the message names the key.
    pub fn validate(&self) -> Result<(), String> {
        if self.window_secs <= 0 {
            return Err("dedupe.window_secs: must be positive".into());
        }
        if self.max_entries == 0 || self.max_entries > (1 << 31) {
            return Err("dedupe.max_entries: must be within 1..=2147483648".into());
        }
        self.minhash
            .validate()
            .map_err(|e| format!("dedupe.minhash.{e}"))
    }

    fn limits(&self) -> Limits {
        Limits {
            window_secs: self.window_secs,
            max_entries: self.max_entries,
        }
    }
}

/// Verdict for one mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The same platform id was seen before: a re-delivery. Drop it, count it.
    Redelivery { original: String },
    /// New, or a copy of an earlier mention (then `info.duplicate_of` is set). Also the verdict
    /// for a replay of the same input record after a restart, so its outputs are produced again.
    Fresh { info: DedupeInfo },
}

/// A state change to send to the changelog topic: key `partition (i32 BE) | seq (u64 BE)`,
/// value the encoded [`EntryRecord`], or none (a tombstone) for an eviction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionChange {
    pub partition: i32,
    pub seq: u64,
    pub value: Option<Vec<u8>>,
}

impl PartitionChange {
    pub fn key(&self) -> [u8; 12] {
        changelog_key(self.partition, self.seq)
    }
}

pub fn changelog_key(partition: i32, seq: u64) -> [u8; 12] {
    let mut k = [0u8; 12];
    k[..4].copy_from_slice(&partition.to_be_bytes());
    k[4..].copy_from_slice(&seq.to_be_bytes());
    k
}

/// Decode a changelog key.
pub fn parse_changelog_key(k: &[u8]) -> Option<(i32, u64)> {
    if k.len() != 12 {
        return None;
    }
    Some((
        i32::from_be_bytes(k[..4].try_into().ok()?),
        u64::from_be_bytes(k[4..].try_into().ok()?),
    ))
}

/// Live records from a changelog partition read start to end: the last value of each key,
/// tombstones applied, in sequence order.
pub fn fold_changelog(
    partition: i32,
    messages: impl IntoIterator<Item = (Vec<u8>, Option<Vec<u8>>)>,
) -> Vec<EntryRecord> {
    let mut live: BTreeMap<u64, EntryRecord> = BTreeMap::new();
    for (k, v) in messages {
        let Some((p, seq)) = parse_changelog_key(&k) else {
            continue;
        };
        if p != partition {
            continue;
        }
        match v.as_deref().and_then(EntryRecord::decode) {
            Some(r) if r.seq == seq => {
                live.insert(seq, r);
            }
            _ => {
                live.remove(&seq);
            }
        }
    }
    live.into_values().collect()
}

/// The dedupe state of every partition this instance owns.
///
/// Partition `-1`... anything works as a partition number; batch mode uses 0.
#[derive(Debug)]
pub struct Deduper {
    config: DedupeConfig,
    parts: BTreeMap<i32, PartitionState>,
    store: Option<LogStore>,
    pending: Vec<PartitionChange>,
    /// Changes persisted but not yet taken for the changelog (when enabled).
    outbox: Option<Vec<PartitionChange>>,
}

impl Deduper {
    /// In-memory state only.
    pub fn new(config: DedupeConfig) -> Self {
        Self {
            config,
            parts: BTreeMap::new(),
            store: None,
            pending: Vec::new(),
            outbox: None,
        }
    }

    /// With the local store of `config.state_dir`, if set. Partitions are loaded from it when
    /// first used (or by [`Deduper::restore_local`]).
    pub fn open(config: DedupeConfig) -> Result<Self, StoreError> {
        let store = match &config.state_dir {
            Some(d) => Some(LogStore::open(d)?),
            None => None,
        };
        Ok(Self {
            config,
            parts: BTreeMap::new(),
            store,
            pending: Vec::new(),
            outbox: None,
        })
    }

    pub fn config(&self) -> &DedupeConfig {
        &self.config
    }

    pub fn has_store(&self) -> bool {
        self.store.is_some()
    }

    /// Entries held, all partitions.
    pub fn len(&self) -> usize {
        self.parts.values().map(PartitionState::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Heap bytes of the in-memory state, all partitions.
    pub fn heap_bytes(&self) -> usize {
        self.parts.values().map(PartitionState::heap_bytes).sum()
    }

    /// Partitions with state in memory.
    pub fn partitions(&self) -> Vec<i32> {
        self.parts.keys().copied().collect()
    }

    pub fn partition(&self, p: i32) -> Option<&PartitionState> {
        self.parts.get(&p)
    }

    fn new_state(&self) -> PartitionState {
        PartitionState::new(self.config.minhash, self.config.limits())
    }

    /// Create a partition's state sized for `max_entries` up front (no growth later).
    pub fn reserve(&mut self, partition: i32) {
        let mut s = self.new_state();
        s.reserve_full();
        self.parts.insert(partition, s);
    }

    /// Changes not yet handed out by [`Deduper::persist`].
    pub fn pending_changes(&self) -> usize {
        self.pending.len()
    }

    /// Batch mode: everything is partition 0 and no offsets are known.
    pub fn check(&mut self, m: &Mention) -> Verdict {
        self.check_at(0, None, m)
    }

    /// Check a mention read from `partition` at `offset`.
    pub fn check_at(&mut self, partition: i32, offset: Option<i64>, m: &Mention) -> Verdict {
        let p = state::prepare(&self.config.minhash, &m.id, &m.text);
        if !self.parts.contains_key(&partition) {
            if let Err(e) = self.restore_local(partition) {
                tracing::warn!(partition, error = %e, "dedupe: local state unreadable, starting empty");
                let s = self.new_state();
                self.parts.insert(partition, s);
            }
        }
        let st = self.parts.get_mut(&partition).expect("present");
        let out = st.check(m, &p, offset);
        for c in st.take_changes() {
            self.pending.push(match c {
                Change::Insert(r) => PartitionChange {
                    partition,
                    seq: r.seq,
                    value: Some(r.encode()),
                },
                Change::Evict { seq } => PartitionChange {
                    partition,
                    seq,
                    value: None,
                },
            });
        }
        match out {
            state::Outcome::Redelivery => Verdict::Redelivery {
                original: m.id.clone(),
            },
            state::Outcome::Replay(info) | state::Outcome::Fresh(info) => Verdict::Fresh { info },
        }
    }

    /// Load a partition from the local store (all its records), replacing what is in memory.
    pub fn restore_local(&mut self, partition: i32) -> Result<usize, StoreError> {
        let records = match self.store.as_mut() {
            Some(s) => s.load(partition)?.records,
            None => Vec::new(),
        };
        Ok(self.restore(partition, records))
    }

    /// The local checkpoint of a partition: the changelog end offset its log was last in step
    /// with, and the records up to it.
    pub fn local_checkpoint(
        &mut self,
        partition: i32,
    ) -> Result<Option<(i64, Vec<EntryRecord>)>, StoreError> {
        let Some(s) = self.store.as_mut() else {
            return Ok(None);
        };
        let mut l = s.load(partition)?;
        Ok(l.checkpoint.map(|(o, n)| {
            l.records.truncate(n);
            (o, l.records)
        }))
    }

    /// Replace a partition's state by replaying `records` (oldest first). Returns entries kept.
    pub fn restore(
        &mut self,
        partition: i32,
        records: impl IntoIterator<Item = EntryRecord>,
    ) -> usize {
        let mut s = self.new_state();
        for r in records {
            s.apply(&r);
        }
        let n = s.len();
        self.pending.retain(|c| c.partition != partition);
        if let Some(o) = self.outbox.as_mut() {
            o.retain(|c| c.partition != partition);
        }
        self.parts.insert(partition, s);
        n
    }

    /// Restore from the changelog and make the local log a snapshot of it at `end_offset`.
    pub fn restore_from_changelog(
        &mut self,
        partition: i32,
        records: Vec<EntryRecord>,
        end_offset: i64,
    ) -> Result<usize, StoreError> {
        let n = self.restore(partition, records);
        self.snapshot(partition, Some(end_offset))?;
        Ok(n)
    }

    /// Drop a partition's state (revoked): pending changes are written locally first.
    pub fn revoke(&mut self, partition: i32) -> Result<(), StoreError> {
        let r = self.persist();
        self.parts.remove(&partition);
        if let Some(s) = self.store.as_mut() {
            s.close(partition);
        }
        r.map(|_| ())
    }

    /// Keep persisted changes for [`Deduper::take_changelog`] (the Kafka runtime sends them
    /// to the changelog topic).
    pub fn enable_changelog(&mut self) {
        self.outbox.get_or_insert_with(Vec::new);
    }

    /// Changes persisted since the last call, in order.
    pub fn take_changelog(&mut self) -> Vec<PartitionChange> {
        self.outbox.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Write pending changes to the local store and hand them back, in order (into the
    /// changelog outbox instead, when enabled). Call once per batch, after the checks.
    pub fn persist(&mut self) -> Result<Vec<PartitionChange>, StoreError> {
        let changes = std::mem::take(&mut self.pending);
        let r = self.write_local(&changes);
        match self.outbox.as_mut() {
            Some(o) => {
                o.extend(changes);
                r.map(|()| Vec::new())
            }
            None => r.map(|()| changes),
        }
    }

    fn write_local(&mut self, changes: &[PartitionChange]) -> Result<(), StoreError> {
        if self.store.is_some() {
            let mut by: BTreeMap<i32, Vec<EntryRecord>> = BTreeMap::new();
            for c in changes {
                if let Some(v) = &c.value {
                    if let Some(r) = EntryRecord::decode(v) {
                        by.entry(c.partition).or_default().push(r);
                    }
                }
            }
            for (p, recs) in by {
                let frames = self
                    .store
                    .as_mut()
                    .expect("checked")
                    .append(p, &recs, None)?;
                let live = self.parts.get(&p).map(PartitionState::len).unwrap_or(0) as u64;
                if frames > 2 * live.max(4096) {
                    self.snapshot(p, None)?;
                }
            }
        }
        Ok(())
    }

    /// Record that the changelog holds everything up to `end_offset` (exclusive) for
    /// `partition`: a later assignment with the same end offset may trust the local log.
    pub fn checkpoint(&mut self, partition: i32, end_offset: i64) -> Result<(), StoreError> {
        if let Some(s) = self.store.as_mut() {
            s.append(partition, std::iter::empty(), Some(end_offset))?;
        }
        Ok(())
    }

    /// Rewrite a partition's local log as the live window (and a checkpoint).
    fn snapshot(&mut self, partition: i32, checkpoint: Option<i64>) -> Result<(), StoreError> {
        let (Some(store), Some(st)) = (self.store.as_mut(), self.parts.get(&partition)) else {
            return Ok(());
        };
        store.rewrite(partition, st.records(), checkpoint)
    }

    /// Sync the local logs to disk (shutdown).
    pub fn sync(&mut self) -> Result<(), StoreError> {
        match self.store.as_mut() {
            Some(s) => s.sync(),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
