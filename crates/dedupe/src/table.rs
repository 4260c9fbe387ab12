//! Open-addressing hash table of 4-byte entry references.
//!
//! The table stores no keys: a slot holds a reference into the entry ring, and the caller
//! re-derives the key of a referenced entry (its id hash, text fingerprint or band key) when
//! the table needs it. That is what keeps an index at about 5 bytes per entry. Linear probing
//! with backward-shift deletion, so no tombstones accumulate; any length (not only powers of
//! two), by multiply-shift range reduction.

/// A slot's content: 0 is empty, any other value an entry reference.
pub type Ref = u32;
pub const EMPTY: Ref = 0;

/// Most slots in use before the table grows.
const MAX_LOAD: f64 = 0.75;

#[derive(Debug, Default, Clone)]
pub struct RefTable {
    slots: Vec<Ref>,
    count: usize,
}

#[inline]
fn home(key: u64, len: usize) -> usize {
    ((key as u128 * len as u128) >> 64) as usize
}

impl RefTable {
    /// A table that holds `n` references without growing.
    pub fn with_capacity(n: usize) -> Self {
        let len = ((n as f64 / MAX_LOAD) as usize + 1).max(8);
        Self {
            slots: vec![EMPTY; len],
            count: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Ref>()
    }

    /// References on `key`'s probe sequence; the caller checks which really have the key.
    pub fn probe(&self, key: u64) -> Probe<'_> {
        let len = self.slots.len();
        Probe {
            slots: &self.slots,
            i: if len == 0 { 0 } else { home(key, len) },
            left: len,
        }
    }

    /// Put `r` under `key`; a reference for which `same` holds is replaced (one slot per key).
    /// `key_of` gives the key of any stored reference (needed to grow).
    pub fn upsert(
        &mut self,
        key: u64,
        r: Ref,
        same: impl Fn(Ref) -> bool,
        key_of: impl Fn(Ref) -> u64,
    ) {
        debug_assert_ne!(r, EMPTY);
        if (self.count + 1) as f64 > self.slots.len() as f64 * MAX_LOAD {
            self.grow(&key_of);
        }
        let len = self.slots.len();
        let mut i = home(key, len);
        loop {
            let s = self.slots[i];
            if s == EMPTY {
                self.slots[i] = r;
                self.count += 1;
                return;
            }
            if same(s) {
                self.slots[i] = r;
                return;
            }
            i += 1;
            if i == len {
                i = 0;
            }
        }
    }

    /// Remove reference `r` stored under `key`, if it is still there.
    pub fn remove(&mut self, key: u64, r: Ref, key_of: impl Fn(Ref) -> u64) -> bool {
        let len = self.slots.len();
        if len == 0 {
            return false;
        }
        let mut i = home(key, len);
        loop {
            let s = self.slots[i];
            if s == EMPTY {
                return false;
            }
            if s == r {
                break;
            }
            i += 1;
            if i == len {
                i = 0;
            }
        }
        // Backward-shift deletion: move later members of the run into the hole when their
        // home is not cyclically within (hole, j].
        let mut hole = i;
        let mut j = i;
        loop {
            j += 1;
            if j == len {
                j = 0;
            }
            let s = self.slots[j];
            if s == EMPTY {
                break;
            }
            let h = home(key_of(s), len);
            let stays = if hole <= j {
                hole < h && h <= j
            } else {
                hole < h || h <= j
            };
            if !stays {
                self.slots[hole] = s;
                hole = j;
            }
        }
        self.slots[hole] = EMPTY;
        self.count -= 1;
        true
    }

    fn grow(&mut self, key_of: &impl Fn(Ref) -> u64) {
        let new_len = (self.slots.len() * 2).max(8);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; new_len]);
        for r in old.into_iter().filter(|&r| r != EMPTY) {
            let mut i = home(key_of(r), new_len);
            while self.slots[i] != EMPTY {
                i += 1;
                if i == new_len {
                    i = 0;
                }
            }
            self.slots[i] = r;
        }
    }
}

pub struct Probe<'a> {
    slots: &'a [Ref],
    i: usize,
    left: usize,
}

impl Iterator for Probe<'_> {
    type Item = Ref;

    #[inline]
    fn next(&mut self) -> Option<Ref> {
        if self.left == 0 {
            return None;
        }
        let s = self.slots[self.i];
        if s == EMPTY {
            self.left = 0;
            return None;
        }
        self.left -= 1;
        self.i += 1;
        if self.i == self.slots.len() {
            self.i = 0;
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// Against a HashMap model, with keys that collide often (few distinct homes).
        #[test]
        fn behaves_like_a_map(ops in proptest::collection::vec((0u8..3, 1u32..200), 1..400)) {
            let key_of = |r: Ref| (r as u64 % 17).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let mut t = RefTable::with_capacity(4);
            let mut model: HashMap<u32, ()> = HashMap::new();
            for (op, r) in ops {
                match op {
                    0 | 1 => {
                        t.upsert(key_of(r), r, |s| s == r, key_of);
                        model.insert(r, ());
                    }
                    _ => {
                        prop_assert_eq!(t.remove(key_of(r), r, key_of), model.remove(&r).is_some());
                    }
                }
                prop_assert_eq!(t.len(), model.len());
            }
            for r in model.keys() {
                prop_assert!(t.probe(key_of(*r)).any(|s| s == *r), "{} lost", r);
            }
        }
    }
}
