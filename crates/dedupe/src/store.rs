//! Local persistence: one append-only log per partition, compacted into a snapshot when it
//! holds twice the live window.
//!
//! Chosen by measurement against redb 4.6 and fjall 3.1 on this workload (README,
//! "Deduplication"): the state is a FIFO window, so evictions need no writes at all (replaying
//! the inserts re-applies them), appends are sequential, and loading is one sequential read.
//!
//! Frame: `len: u32 LE | kind: u8 | payload | check: u32 LE` (xxh3 of kind + payload, low 32
//! bits). A torn or corrupt tail (crash during a write) is cut off at load.

use crate::state::EntryRecord;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const INSERT: u8 = 1;
const CHECKPOINT: u8 = 2;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("dedupe state store {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What the log of one partition holds.
#[derive(Debug, Default, Clone)]
pub struct Loaded {
    /// Insert records, in order.
    pub records: Vec<EntryRecord>,
    /// The last checkpoint (changelog end offset) and how many records preceded it.
    pub checkpoint: Option<(i64, usize)>,
}

#[derive(Debug)]
struct Log {
    w: BufWriter<File>,
    frames: u64,
}

/// Append-only logs under one directory.
#[derive(Debug)]
pub struct LogStore {
    dir: PathBuf,
    open: BTreeMap<i32, Log>,
}

fn frame(kind: u8, payload: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(&(payload.len() as u32 + 1).to_le_bytes());
    let start = out.len();
    out.push(kind);
    out.extend_from_slice(payload);
    let check = xxhash_rust::xxh3::xxh3_64(&out[start..]) as u32;
    out.extend_from_slice(&check.to_le_bytes());
}

impl LogStore {
    pub fn open(dir: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        Ok(Self {
            dir,
            open: BTreeMap::new(),
        })
    }

    pub fn path(&self, partition: i32) -> PathBuf {
        self.dir.join(format!("partition-{partition}.log"))
    }

    /// Partitions with a log on disk.
    pub fn partitions(&self) -> Vec<i32> {
        let mut v: Vec<i32> = fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let n = e.file_name().into_string().ok()?;
                n.strip_prefix("partition-")?
                    .strip_suffix(".log")?
                    .parse()
                    .ok()
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Read a partition's log; a torn tail is truncated away.
    pub fn load(&mut self, partition: i32) -> Result<Loaded, StoreError> {
        self.open.remove(&partition);
        let path = self.path(partition);
        let f = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
            Err(e) => return Err(io_err(&path)(e)),
        };
        let mut r = BufReader::with_capacity(1 << 20, f);
        let mut out = Loaded::default();
        let mut good: u64 = 0;
        let mut buf = Vec::new();
        loop {
            let mut len = [0u8; 4];
            if r.read_exact(&mut len).is_err() {
                break;
            }
            let n = u32::from_le_bytes(len) as usize;
            if n == 0 || n > 1 << 20 {
                break;
            }
            buf.resize(n + 4, 0);
            if r.read_exact(&mut buf).is_err() {
                break;
            }
            let check = u32::from_le_bytes(buf[n..].try_into().expect("4 bytes"));
            if xxhash_rust::xxh3::xxh3_64(&buf[..n]) as u32 != check {
                break;
            }
            match buf[0] {
                INSERT => match EntryRecord::decode(&buf[1..n]) {
                    Some(rec) => out.records.push(rec),
                    None => break,
                },
                CHECKPOINT if n == 9 => {
                    let o = i64::from_le_bytes(buf[1..9].try_into().expect("8 bytes"));
                    out.checkpoint = Some((o, out.records.len()));
                }
                _ => break,
            }
            good += 4 + n as u64 + 4;
        }
        let len = fs::metadata(&path).map_err(io_err(&path))?.len();
        if good < len {
            tracing::warn!(
                partition,
                kept = good,
                dropped = len - good,
                "dedupe log: cut a torn tail"
            );
            OpenOptions::new()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_len(good))
                .map_err(io_err(&path))?;
        }
        Ok(out)
    }

    fn log(&mut self, partition: i32) -> Result<&mut Log, StoreError> {
        if !self.open.contains_key(&partition) {
            let path = self.path(partition);
            let f = OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(io_err(&path))?;
            self.open.insert(
                partition,
                Log {
                    w: BufWriter::with_capacity(1 << 16, f),
                    frames: 0,
                },
            );
        }
        Ok(self.open.get_mut(&partition).expect("inserted"))
    }

    /// Append inserts (and a checkpoint) and flush them to the OS.
    pub fn append<'a>(
        &mut self,
        partition: i32,
        records: impl IntoIterator<Item = &'a EntryRecord>,
        checkpoint: Option<i64>,
    ) -> Result<u64, StoreError> {
        let path = self.path(partition);
        let log = self.log(partition)?;
        let mut bytes = Vec::new();
        let mut n = 0;
        for r in records {
            frame(INSERT, &r.encode(), &mut bytes);
            n += 1;
        }
        if let Some(o) = checkpoint {
            frame(CHECKPOINT, &o.to_le_bytes(), &mut bytes);
            n += 1;
        }
        log.w.write_all(&bytes).map_err(io_err(&path))?;
        log.w.flush().map_err(io_err(&path))?;
        log.frames += n;
        Ok(log.frames)
    }

    /// Frames appended since the log was (re)written by this process.
    pub fn frames(&self, partition: i32) -> u64 {
        self.open.get(&partition).map(|l| l.frames).unwrap_or(0)
    }

    /// Replace the log with a snapshot: `records` and an optional checkpoint, written to a
    /// temporary file, synced, then renamed over the log.
    pub fn rewrite(
        &mut self,
        partition: i32,
        records: impl IntoIterator<Item = EntryRecord>,
        checkpoint: Option<i64>,
    ) -> Result<(), StoreError> {
        self.open.remove(&partition);
        let path = self.path(partition);
        let tmp = path.with_extension("log.tmp");
        let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp).map_err(io_err(&tmp))?);
        let mut bytes = Vec::new();
        for r in records {
            bytes.clear();
            frame(INSERT, &r.encode(), &mut bytes);
            w.write_all(&bytes).map_err(io_err(&tmp))?;
        }
        if let Some(o) = checkpoint {
            bytes.clear();
            frame(CHECKPOINT, &o.to_le_bytes(), &mut bytes);
            w.write_all(&bytes).map_err(io_err(&tmp))?;
        }
        let f = w.into_inner().map_err(|e| io_err(&tmp)(e.into_error()))?;
        f.sync_data().map_err(io_err(&tmp))?;
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
        Ok(())
    }

    /// Sync every open log to disk.
    pub fn sync(&mut self) -> Result<(), StoreError> {
        for (p, log) in &mut self.open {
            let path = self.dir.join(format!("partition-{p}.log"));
            log.w.flush().map_err(io_err(&path))?;
            log.w.get_ref().sync_data().map_err(io_err(&path))?;
        }
        Ok(())
    }

    /// Forget a partition's open handle (the file stays for a later restart).
    pub fn close(&mut self, partition: i32) {
        self.open.remove(&partition);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(seq: u64) -> EntryRecord {
        EntryRecord {
            seq,
            id: format!("x:{seq}"),
            time: seq as u32,
            wm: seq as u32,
            text_fp: 1,
            link: 0x8000_0001,
            src: 0,
            near: true,
            sig: vec![seq as u8; 4],
        }
    }

    #[test]
    fn append_load_and_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = LogStore::open(dir.path()).unwrap();
        let rs: Vec<EntryRecord> = (0..5).map(rec).collect();
        s.append(3, &rs[..3], Some(17)).unwrap();
        s.append(3, &rs[3..], None).unwrap();
        s.close(3);
        // a torn write at the end
        let path = s.path(3);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(&[40, 0, 0, 0, 1, 2]).unwrap();
        drop(f);
        let l = s.load(3).unwrap();
        assert_eq!(l.records, rs);
        assert_eq!(l.checkpoint, Some((17, 3)));
        assert_eq!(s.partitions(), vec![3]);
        s.rewrite(3, rs[2..].iter().cloned(), Some(20)).unwrap();
        let l = s.load(3).unwrap();
        assert_eq!(l.records, rs[2..].to_vec());
        assert_eq!(l.checkpoint, Some((20, 3)));
    }
}
