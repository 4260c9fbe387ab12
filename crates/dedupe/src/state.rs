//! The dedupe state of one input partition: a FIFO ring of compact entries and three kinds of
//! index over it (platform id, normalised text, LSH bands).
//!
//! Layout, per mention: id hash (8 bytes), text fingerprint (4), event time (4), cluster link
//! (4), source offset (4), arena offset (4), MinHash signature (`hashes` bytes), the platform id
//! in an arena (9 bytes for numeric ids, else its length + 1), and 4-byte slots in the indexes.
//! Entries leave in arrival order, when they fall out of the event-time window (measured from
//! the newest event time seen on the partition) or when the entry count exceeds the maximum.
//!
//! Every change is described by an [`EntryRecord`] (insert) or an eviction, and replaying the
//! inserts of the live window in order rebuilds the same state: that is how the local log and
//! the changelog topic restore it.

use crate::minhash::{self, band_key, MinHashParams};
use crate::normalise;
use crate::table::{Ref, RefTable};
use chrono::{DateTime, TimeZone, Utc};
use std::collections::VecDeque;
use vigia_model::{DedupeInfo, DedupeKind, Mention, Platform};

/// Event times are stored as seconds since this instant (2020-01-01T00:00:00Z) in a `u32`.
const EPOCH: i64 = 1_577_836_800;
/// Cluster link: this bit set means "root", the other 31 bits are the cluster size.
const ROOT: u32 = 0x8000_0000;
/// References are `seq mod M + 1`, so 0 stays free for "empty".
const M: u64 = u32::MAX as u64;

/// Insert of one entry, as persisted and sent to the changelog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRecord {
    pub seq: u64,
    pub id: String,
    /// Event time, seconds since 2020-01-01.
    pub time: u32,
    /// The partition's newest event time when this entry was added (replays its evictions).
    pub wm: u32,
    pub text_fp: u32,
    /// `ROOT | 1` for the first of a cluster, else the distance back to the cluster's root.
    pub link: u32,
    /// Low 32 bits of the input offset + 1; 0 when unknown.
    pub src: u32,
    /// Whether the text is long enough to be indexed for near-duplicates.
    pub near: bool,
    pub sig: Vec<u8>,
}

impl EntryRecord {
    const VERSION: u8 = 1;

    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(32 + self.sig.len() + self.id.len());
        v.push(Self::VERSION);
        v.extend_from_slice(&self.seq.to_le_bytes());
        v.extend_from_slice(&self.time.to_le_bytes());
        v.extend_from_slice(&self.wm.to_le_bytes());
        v.extend_from_slice(&self.text_fp.to_le_bytes());
        v.extend_from_slice(&self.link.to_le_bytes());
        v.extend_from_slice(&self.src.to_le_bytes());
        v.push(self.near as u8);
        v.push(self.sig.len() as u8);
        v.extend_from_slice(&self.sig);
        v.extend_from_slice(&(self.id.len() as u16).to_le_bytes());
        v.extend_from_slice(self.id.as_bytes());
        v
    }

    pub fn decode(b: &[u8]) -> Option<Self> {
        let mut r = Reader(b);
        if r.u8()? != Self::VERSION {
            return None;
        }
        let seq = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
        let time = r.u32()?;
        let wm = r.u32()?;
        let text_fp = r.u32()?;
        let link = r.u32()?;
        let src = r.u32()?;
        let near = r.u8()? != 0;
        let k = r.u8()? as usize;
        let sig = r.take(k)?.to_vec();
        let n = u16::from_le_bytes(r.take(2)?.try_into().ok()?) as usize;
        let id = String::from_utf8(r.take(n)?.to_vec()).ok()?;
        r.0.is_empty().then_some(Self {
            seq,
            id,
            time,
            wm,
            text_fp,
            link,
            src,
            near,
            sig,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

/// A state change of one partition, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Insert(EntryRecord),
    Evict { seq: u64 },
}

/// What [`PartitionState::check`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Same platform id, another delivery: drop.
    Redelivery,
    /// Same platform id from the same input offset: a replay of a record whose outputs were
    /// not acknowledged before a restart. Process it again with the verdict it got then.
    Replay(DedupeInfo),
    Fresh(DedupeInfo),
}

pub fn to_time(t: DateTime<Utc>) -> u32 {
    (t.timestamp() - EPOCH).clamp(0, u32::MAX as i64) as u32
}

pub fn from_time(t: u32) -> DateTime<Utc> {
    Utc.timestamp_opt(EPOCH + t as i64, 0)
        .single()
        .unwrap_or_default()
}

pub fn id_hash(id: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(id.as_bytes())
}

#[inline]
fn fp_key(fp: u32) -> u64 {
    (fp as u64 | 1 << 40).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Text fingerprint: 32 bits of the normalised text's hash; texts that normalise to nothing
/// are keyed by their raw form, so emoji-only posts do not all collapse into one.
pub fn text_fingerprint(text: &str, tokens: &[String]) -> u32 {
    let h = if tokens.is_empty() {
        let mut raw = String::from("\u{0}raw:");
        raw.push_str(text.trim());
        xxhash_rust::xxh3::xxh3_64(raw.as_bytes())
    } else {
        xxhash_rust::xxh3::xxh3_64(tokens.join(" ").as_bytes())
    };
    (h >> 32) as u32
}

/// A mention prepared for matching: computed once, outside any lock or state.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub id_hash: u64,
    pub text_fp: u32,
    pub sig: Vec<u8>,
    pub near: bool,
}

pub fn prepare(params: &MinHashParams, id: &str, text: &str) -> Prepared {
    let tokens = normalise::tokens(text);
    let sig = minhash::signature(&minhash::shingles(&tokens, params.shingle), params.hashes);
    Prepared {
        id_hash: id_hash(id),
        text_fp: text_fingerprint(text, &tokens),
        near: tokens.len() >= params.min_tokens,
        sig,
    }
}

/// Platform ids in a byte arena: numeric native ids as a tag and 8 bytes, others as a length
/// and the bytes.
mod arena {
    use super::Platform;

    pub fn encode(id: &str, out: &mut impl Extend<u8>) {
        if let Some((p, native)) = id.split_once(':') {
            if let Some(pi) = Platform::ALL.iter().position(|x| x.as_str() == p) {
                if !native.is_empty()
                    && native.len() <= 19
                    && native.bytes().all(|b| b.is_ascii_digit())
                    && (native == "0" || !native.starts_with('0'))
                {
                    if let Ok(n) = native.parse::<u64>() {
                        out.extend([0x80 | pi as u8]);
                        out.extend(n.to_le_bytes());
                        return;
                    }
                }
            }
        }
        let b = id.as_bytes();
        if b.len() < 0x7f {
            out.extend([b.len() as u8]);
        } else {
            let n = b.len().min(u16::MAX as usize);
            out.extend([0x7f]);
            out.extend((n as u16).to_le_bytes());
        }
        out.extend(b.iter().copied().take(u16::MAX as usize));
    }

    /// Bytes taken by the id starting with `bytes`.
    pub fn size(mut bytes: impl Iterator<Item = u8>) -> usize {
        let t = bytes.next().unwrap_or(0);
        match t {
            0x80.. => 9,
            0x7f => {
                let lo = bytes.next().unwrap_or(0) as usize;
                let hi = bytes.next().unwrap_or(0) as usize;
                3 + (lo | hi << 8)
            }
            n => 1 + n as usize,
        }
    }

    pub fn decode(mut bytes: impl Iterator<Item = u8>) -> String {
        let t = bytes.next().unwrap_or(0);
        match t {
            0x80.. => {
                let mut n = [0u8; 8];
                for b in n.iter_mut() {
                    *b = bytes.next().unwrap_or(0);
                }
                let p = super::Platform::ALL[(t & 0x7f) as usize % super::Platform::ALL.len()];
                format!("{}:{}", p.as_str(), u64::from_le_bytes(n))
            }
            0x7f => {
                let lo = bytes.next().unwrap_or(0) as usize;
                let hi = bytes.next().unwrap_or(0) as usize;
                let v: Vec<u8> = bytes.take(lo | hi << 8).collect();
                String::from_utf8_lossy(&v).into_owned()
            }
            n => {
                let v: Vec<u8> = bytes.take(n as usize).collect();
                String::from_utf8_lossy(&v).into_owned()
            }
        }
    }
}

/// Settings of one partition's state.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub window_secs: i64,
    pub max_entries: usize,
}

/// Columns of the entry ring, indexed by `seq - base`.
#[derive(Debug, Default)]
struct Entries {
    base: u64,
    k: usize,
    rows: usize,
    id_hash: VecDeque<u64>,
    text_fp: VecDeque<u32>,
    time: VecDeque<u32>,
    link: VecDeque<u32>,
    src: VecDeque<u32>,
    id_off: VecDeque<u32>,
    near: VecDeque<bool>,
    sigs: VecDeque<u8>,
    arena: VecDeque<u8>,
    /// Logical offset of `arena[0]`.
    arena_base: u64,
}

impl Entries {
    fn len(&self) -> usize {
        self.id_hash.len()
    }
    fn next(&self) -> u64 {
        self.base + self.len() as u64
    }
    fn live(&self, seq: u64) -> bool {
        seq >= self.base && seq < self.next()
    }
    fn idx(&self, seq: u64) -> usize {
        (seq - self.base) as usize
    }
    fn to_ref(seq: u64) -> Ref {
        (seq % M + 1) as Ref
    }
    fn seq_of(&self, r: Ref) -> u64 {
        let v = r as u64 - 1;
        self.base + (v + M - self.base % M) % M
    }
    fn sig(&self, seq: u64) -> impl Iterator<Item = u8> + '_ {
        let i = self.idx(seq) * self.k;
        self.sigs.range(i..i + self.k).copied()
    }
    fn band_key(&self, seq: u64, band: usize) -> u64 {
        let i = self.idx(seq) * self.k + band * self.rows;
        let mut buf = [0u8; minhash::MAX_ROWS];
        for (b, v) in buf.iter_mut().zip(self.sigs.range(i..i + self.rows)) {
            *b = *v;
        }
        band_key(&buf[..self.rows], 0, self.rows) ^ band_salt(band)
    }
    fn sig_eq(&self, seq: u64, sig: &[u8]) -> bool {
        self.sig(seq).eq(sig.iter().copied())
    }
    fn similarity(&self, seq: u64, sig: &[u8]) -> f32 {
        let mut buf = [0u8; 256];
        for (b, v) in buf.iter_mut().zip(self.sig(seq)) {
            *b = v;
        }
        minhash::similarity(&buf[..self.k], sig)
    }
    fn id(&self, seq: u64) -> String {
        let off = self.id_off[self.idx(seq)];
        let start = (off as u64).wrapping_sub(self.arena_base) as u32 as usize;
        arena::decode(self.arena.range(start..).copied())
    }
    fn heap_bytes(&self) -> usize {
        self.id_hash.capacity() * 8
            + (self.text_fp.capacity()
                + self.time.capacity()
                + self.link.capacity()
                + self.src.capacity()
                + self.id_off.capacity())
                * 4
            + self.near.capacity()
            + self.sigs.capacity()
            + self.arena.capacity()
    }
}

/// Band keys are salted per band so that equal bytes in two bands never share a key.
#[inline]
fn band_salt(band: usize) -> u64 {
    (band as u64 + 1).wrapping_mul(0xd6e8_feb8_6659_fd93)
}

#[inline]
fn prepared_band_key(sig: &[u8], band: usize, rows: usize) -> u64 {
    band_key(&sig[band * rows..band * rows + rows], 0, rows) ^ band_salt(band)
}

/// Dedupe state of one input partition.
#[derive(Debug)]
pub struct PartitionState {
    params: MinHashParams,
    limits: Limits,
    e: Entries,
    ids: RefTable,
    texts: RefTable,
    bands: Vec<RefTable>,
    /// Newest event time seen (seconds since [`EPOCH`]).
    watermark: u32,
    /// Changes not yet taken by the caller; `None` while restoring.
    changes: Option<Vec<Change>>,
}

impl PartitionState {
    pub fn new(params: MinHashParams, limits: Limits) -> Self {
        let initial = limits.max_entries.min(4096);
        Self {
            params,
            limits,
            e: Entries {
                k: params.hashes,
                rows: params.rows,
                ..Default::default()
            },
            ids: RefTable::with_capacity(initial),
            texts: RefTable::with_capacity(initial),
            bands: (0..params.bands)
                .map(|_| RefTable::with_capacity(initial))
                .collect(),
            watermark: 0,
            changes: Some(Vec::new()),
        }
    }

    /// Size every structure for `max_entries` up front (benchmarks, known steady state).
    pub fn reserve_full(&mut self) {
        let n = self.limits.max_entries;
        self.ids = RefTable::with_capacity(n);
        self.texts = RefTable::with_capacity(n);
        self.bands = (0..self.params.bands)
            .map(|_| RefTable::with_capacity(n))
            .collect();
        let e = &mut self.e;
        e.id_hash.reserve(n);
        e.text_fp.reserve(n);
        e.time.reserve(n);
        e.link.reserve(n);
        e.src.reserve(n);
        e.id_off.reserve(n);
        e.near.reserve(n);
        e.sigs.reserve(n * e.k);
        e.arena.reserve(n * 10);
    }

    pub fn len(&self) -> usize {
        self.e.len()
    }

    pub fn is_empty(&self) -> bool {
        self.e.len() == 0
    }

    /// Sequence number the next entry gets.
    pub fn next_seq(&self) -> u64 {
        self.e.next()
    }

    /// Bytes of heap this state holds (capacities, not lengths).
    pub fn heap_bytes(&self) -> usize {
        self.e.heap_bytes()
            + self.ids.heap_bytes()
            + self.texts.heap_bytes()
            + self.bands.iter().map(RefTable::heap_bytes).sum::<usize>()
    }

    pub fn take_changes(&mut self) -> Vec<Change> {
        self.changes
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }

    fn record(&self, seq: u64) -> EntryRecord {
        let i = self.e.idx(seq);
        EntryRecord {
            seq,
            id: self.e.id(seq),
            time: self.e.time[i],
            wm: self.e.time[i].max(self.watermark),
            text_fp: self.e.text_fp[i],
            link: self.e.link[i],
            src: self.e.src[i],
            near: self.e.near[i],
            sig: self.e.sig(seq).collect(),
        }
    }

    /// Records of the live window, oldest first (for a snapshot).
    pub fn records(&self) -> impl Iterator<Item = EntryRecord> + '_ {
        (self.e.base..self.e.next()).map(|s| self.record(s))
    }

    /// Check a mention against the state and add it. `src` is its input offset, when known.
    pub fn check(&mut self, m: &Mention, p: &Prepared, src: Option<i64>) -> Outcome {
        let t = to_time(m.created_at);
        self.advance(t);
        let src = src
            .map(|o| (o as u64 as u32).wrapping_add(1).max(1))
            .unwrap_or(0);
        if let Some(seq) = self.find_id(p.id_hash) {
            let i = self.e.idx(seq);
            if src != 0 && self.e.src[i] == src {
                let info = self.info_of(seq, m);
                // Send the entry again: the changelog may not have got it before the restart.
                let rec = self.record(seq);
                if let Some(c) = self.changes.as_mut() {
                    c.push(Change::Insert(rec));
                }
                return Outcome::Replay(info);
            }
            return Outcome::Redelivery;
        }
        self.evict_for_insert();
        // exact: same fingerprint and same signature
        let exact = self
            .texts
            .probe(fp_key(p.text_fp))
            .map(|r| self.e.seq_of(r))
            .find(|&s| {
                let i = self.e.idx(s);
                self.e.text_fp[i] == p.text_fp && self.e.sig_eq(s, &p.sig)
            });
        let matched = match exact {
            Some(s) => Some((s, DedupeKind::Exact)),
            None if p.near => self.best_near(p).map(|s| (s, DedupeKind::Near)),
            None => None,
        };
        let seq = self.e.next();
        let (link, root) = match matched {
            Some((cand, _)) => {
                let root = self.root_for(cand);
                ((seq - root) as u32 & !ROOT, Some(root))
            }
            None => (ROOT | 1, None),
        };
        let rec = EntryRecord {
            seq,
            id: m.id.clone(),
            time: t,
            wm: self.watermark,
            text_fp: p.text_fp,
            link,
            src,
            near: p.near,
            sig: p.sig.clone(),
        };
        self.insert(&rec, p.id_hash);
        if let Some(c) = self.changes.as_mut() {
            c.push(Change::Insert(rec));
        }
        let info = match (matched, root) {
            (Some((_, kind)), Some(root)) => {
                let ri = self.e.idx(root);
                let similarity = if kind == DedupeKind::Exact && self.e.text_fp[ri] == p.text_fp {
                    1.0
                } else {
                    self.e.similarity(root, &p.sig)
                };
                let id = self.e.id(root);
                DedupeInfo {
                    duplicate_of: Some(id.clone()),
                    cluster_id: id,
                    kind: Some(kind),
                    similarity: Some(similarity),
                    first_seen: from_time(self.e.time[ri]),
                    cluster_size: self.e.link[ri] & !ROOT,
                }
            }
            _ => DedupeInfo {
                duplicate_of: None,
                cluster_id: m.id.clone(),
                kind: None,
                similarity: None,
                first_seen: m.created_at,
                cluster_size: 1,
            },
        };
        Outcome::Fresh(info)
    }

    /// Rebuild from a record (restore): the same evictions and cluster updates as when it was
    /// first checked.
    pub fn apply(&mut self, rec: &EntryRecord) {
        let saved = self.changes.take();
        if rec.seq < self.e.next() && !self.is_empty() {
            self.changes = saved;
            return;
        }
        if rec.seq > self.e.next() {
            // The records before it were evicted (the changelog holds the live suffix only).
            if !self.is_empty() {
                self.clear();
            }
            self.e.base = rec.seq;
        }
        self.advance(rec.time.max(rec.wm));
        self.evict_for_insert();
        self.insert(rec, id_hash(&rec.id));
        self.changes = saved;
    }

    fn clear(&mut self) {
        *self = Self::new(self.params, self.limits);
    }

    fn find_id(&self, h: u64) -> Option<u64> {
        self.ids
            .probe(h)
            .map(|r| self.e.seq_of(r))
            .find(|&s| self.e.id_hash[self.e.idx(s)] == h)
    }

    fn best_near(&self, p: &Prepared) -> Option<u64> {
        let mut cands: Vec<u64> = Vec::new();
        for (b, t) in self.bands.iter().enumerate() {
            let key = prepared_band_key(&p.sig, b, self.params.rows);
            for r in t.probe(key) {
                let s = self.e.seq_of(r);
                if self.e.band_key(s, b) == key {
                    cands.push(s);
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let mut best: Option<(f32, u64)> = None;
        for s in cands {
            let sim = self.e.similarity(s, &p.sig);
            if sim >= self.params.threshold
                && best.is_none_or(|(b, bs)| sim > b || (sim == b && s < bs))
            {
                best = Some((sim, s));
            }
        }
        best.map(|(_, s)| s)
    }

    /// The live root of `cand`'s cluster; when that root has left the window, `cand` becomes
    /// the root of what remains of the cluster.
    fn root_for(&self, cand: u64) -> u64 {
        let l = self.e.link[self.e.idx(cand)];
        if l & ROOT != 0 {
            return cand;
        }
        let root = cand - l as u64;
        if self.e.live(root) {
            root
        } else {
            cand
        }
    }

    fn insert(&mut self, rec: &EntryRecord, idh: u64) {
        let seq = self.e.next();
        debug_assert_eq!(seq, rec.seq);
        // cluster bookkeeping
        if rec.link & ROOT == 0 {
            let root = seq - rec.link as u64;
            if self.e.live(root) {
                let ri = self.e.idx(root);
                let l = self.e.link[ri];
                self.e.link[ri] = if l & ROOT != 0 {
                    ROOT | ((l & !ROOT) + 1).min(!ROOT)
                } else {
                    ROOT | 2 // a member whose root left the window takes over
                };
            }
        }
        let e = &mut self.e;
        e.id_hash.push_back(idh);
        e.text_fp.push_back(rec.text_fp);
        e.time.push_back(rec.time);
        e.link.push_back(rec.link);
        e.src.push_back(rec.src);
        e.near.push_back(rec.near);
        let mut sig = rec.sig.clone();
        sig.resize(e.k, 0);
        e.sigs.extend(sig.iter().copied());
        e.id_off
            .push_back((e.arena_base + e.arena.len() as u64) as u32);
        arena::encode(&rec.id, &mut e.arena);

        let r = Entries::to_ref(seq);
        let e = &self.e;
        self.ids
            .upsert(idh, r, |_| false, |s| e.id_hash[e.idx(e.seq_of(s))]);
        let fp = rec.text_fp;
        self.texts.upsert(
            fp_key(fp),
            r,
            |s| {
                let s = e.seq_of(s);
                e.text_fp[e.idx(s)] == fp && e.sig_eq(s, &sig)
            },
            |s| fp_key(e.text_fp[e.idx(e.seq_of(s))]),
        );
        if rec.near {
            // One slot per band value and cluster: the newest member stands for its cluster, so
            // a viral cluster does not fill a bucket, while unrelated mentions whose band bytes
            // happen to agree (one byte per hash: likely at a million entries) each keep theirs.
            let root = if rec.link & ROOT != 0 {
                seq
            } else {
                seq - rec.link as u64
            };
            let root_of = |s: u64| {
                let l = e.link[e.idx(s)];
                if l & ROOT != 0 {
                    s
                } else {
                    s.wrapping_sub(l as u64)
                }
            };
            for (b, t) in self.bands.iter_mut().enumerate() {
                let key = prepared_band_key(&sig, b, e.rows);
                t.upsert(
                    key,
                    r,
                    |s| {
                        let s = e.seq_of(s);
                        root_of(s) == root && e.band_key(s, b) == key
                    },
                    |s| e.band_key(e.seq_of(s), b),
                );
            }
        }
    }

    fn advance(&mut self, t: u32) {
        if t > self.watermark {
            self.watermark = t;
        }
        let horizon = self.watermark as i64 - self.limits.window_secs;
        while let Some(&front) = self.e.time.front() {
            if (front as i64) >= horizon {
                break;
            }
            self.evict_front();
        }
    }

    fn evict_for_insert(&mut self) {
        while self.e.len() >= self.limits.max_entries {
            self.evict_front();
        }
    }

    fn evict_front(&mut self) {
        let seq = self.e.base;
        let r = Entries::to_ref(seq);
        let e = &self.e;
        self.ids
            .remove(e.id_hash[0], r, |s| e.id_hash[e.idx(e.seq_of(s))]);
        self.texts.remove(fp_key(e.text_fp[0]), r, |s| {
            fp_key(e.text_fp[e.idx(e.seq_of(s))])
        });
        if e.near[0] {
            for (b, t) in self.bands.iter_mut().enumerate() {
                t.remove(e.band_key(seq, b), r, |s| e.band_key(e.seq_of(s), b));
            }
        }
        let e = &mut self.e;
        let n = arena::size(e.arena.iter().copied());
        e.arena.drain(..n);
        e.arena_base += n as u64;
        e.id_hash.pop_front();
        e.text_fp.pop_front();
        e.time.pop_front();
        e.link.pop_front();
        e.src.pop_front();
        e.id_off.pop_front();
        e.near.pop_front();
        e.sigs.drain(..e.k);
        e.base += 1;
        if let Some(c) = self.changes.as_mut() {
            c.push(Change::Evict { seq });
        }
    }

    /// The verdict an existing entry got (for replays).
    fn info_of(&self, seq: u64, m: &Mention) -> DedupeInfo {
        let i = self.e.idx(seq);
        let l = self.e.link[i];
        if l & ROOT != 0 {
            return DedupeInfo {
                duplicate_of: None,
                cluster_id: m.id.clone(),
                kind: None,
                similarity: None,
                first_seen: m.created_at,
                cluster_size: l & !ROOT,
            };
        }
        let root = seq - l as u64;
        if !self.e.live(root) {
            return DedupeInfo {
                duplicate_of: None,
                cluster_id: m.id.clone(),
                kind: None,
                similarity: None,
                first_seen: m.created_at,
                cluster_size: 1,
            };
        }
        let ri = self.e.idx(root);
        let exact = self.e.text_fp[ri] == self.e.text_fp[i];
        let sig: Vec<u8> = self.e.sig(seq).collect();
        let id = self.e.id(root);
        DedupeInfo {
            duplicate_of: Some(id.clone()),
            cluster_id: id,
            kind: Some(if exact {
                DedupeKind::Exact
            } else {
                DedupeKind::Near
            }),
            similarity: Some(if exact {
                1.0
            } else {
                self.e.similarity(root, &sig)
            }),
            first_seen: from_time(self.e.time[ri]),
            cluster_size: self.e.link[ri] & !ROOT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::EMPTY;

    #[test]
    fn record_round_trip() {
        let r = EntryRecord {
            seq: 42,
            id: "reddit:t3_abc".into(),
            time: 7,
            wm: 8,
            text_fp: 9,
            link: ROOT | 1,
            src: 3,
            near: true,
            sig: vec![1, 2, 3],
        };
        assert_eq!(EntryRecord::decode(&r.encode()), Some(r));
        assert_eq!(EntryRecord::decode(&[1, 2]), None);
    }

    #[test]
    fn arena_round_trip() {
        for id in [
            "x:1790000000000000001",
            "x:0123",
            "facebook:1_2",
            "news:https://a.b/c",
            "y",
        ] {
            let mut v: Vec<u8> = Vec::new();
            arena::encode(id, &mut v);
            assert_eq!(arena::size(v.iter().copied()), v.len(), "{id}");
            assert_eq!(arena::decode(v.iter().copied()), id);
        }
        let long = "news:".to_string() + &"a".repeat(300);
        let mut v: Vec<u8> = Vec::new();
        arena::encode(&long, &mut v);
        assert_eq!(arena::size(v.iter().copied()), v.len());
        assert_eq!(arena::decode(v.iter().copied()), long);
    }

    #[test]
    fn refs_survive_wraparound() {
        let e = Entries {
            base: M * 3 - 5,
            ..Default::default()
        };
        for s in e.base..e.base + 20 {
            assert_eq!(e.seq_of(Entries::to_ref(s)), s);
            assert_ne!(Entries::to_ref(s), EMPTY);
        }
    }
}
