//! Dedupe with a full window: time per check and bytes of state per mention.
//!
//! The state is filled with 1,000,000 distinct mentions (12-30 words drawn from a 6,000-word
//! vocabulary), sized up front like a long-running instance at its `max_entries`; every
//! measured check inserts one mention and evicts the oldest, so the window stays full.
//!
//! `cargo bench -p vigia-benches --bench dedupe` (DEDUPE_BENCH_ENTRIES overrides the 1M).

use criterion::{criterion_group, criterion_main, Criterion};
use vigia_dedupe::{DedupeConfig, Deduper, Verdict};
use vigia_model::Mention;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn vocabulary() -> Vec<String> {
    let mut r = Rng(7);
    (0..6000)
        .map(|_| {
            let len = 2 + r.below(9) as usize;
            (0..len)
                .map(|_| (b'a' + r.below(26) as u8) as char)
                .collect()
        })
        .collect()
}

fn text(r: &mut Rng, vocab: &[String]) -> Vec<String> {
    let n = 12 + r.below(19) as usize;
    (0..n)
        .map(|_| vocab[r.below(vocab.len() as u64) as usize].clone())
        .collect()
}

fn mention(id: u64, text: &str, secs: i64) -> Mention {
    let mut m: Mention = serde_json::from_value(serde_json::json!({
        "id": format!("x:{}", 1_790_000_000_000_000_000u64 + id),
        "platform": "x", "author": {"id": "1"}, "text": text,
        "created_at": "2026-01-01T00:00:00Z",
    }))
    .expect("valid mention");
    m.created_at += chrono::Duration::seconds(secs);
    m
}

/// CPU time of this thread, from /proc/thread-self/schedstat (tick-granular: only for long
/// spans): on a shared, oversubscribed machine wall-clock time measures the neighbours too.
/// Falls back to wall-clock time where /proc is missing.
fn cpu_now() -> std::time::Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(std::time::Duration::from_nanos)
        .unwrap_or_else(|| START.get_or_init(std::time::Instant::now).elapsed())
}

fn bench(c: &mut Criterion) {
    let n: u64 = std::env::var("DEDUPE_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let vocab = vocabulary();
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let config = DedupeConfig {
        max_entries: n as usize,
        ..Default::default()
    };
    let mut d = Deduper::new(config.clone());
    // one partition sized for its max_entries, then filled
    d.reserve(0);
    let mut texts: Vec<Vec<String>> = Vec::new();
    let t0 = std::time::Instant::now();
    let c0 = cpu_now();
    for i in 0..n {
        let words = text(&mut r, &vocab);
        d.check_at(0, Some(i as i64), &mention(i, &words.join(" "), 0));
        if i % 1000 == 0 {
            texts.push(words);
            d.persist().ok(); // drop the changelog records: no store in this bench
        }
    }
    let (fill, fill_cpu) = (t0.elapsed(), cpu_now() - c0);
    let bytes = d.heap_bytes();
    eprintln!(
        "dedupe state: {} entries, {} bytes, {:.1} bytes/mention (filled in {:.2?} wall, {:.2?} CPU: {:.2} us CPU/mention incl. building the Mention)",
        d.len(),
        bytes,
        bytes as f64 / d.len() as f64,
        fill,
        fill_cpu,
        fill_cpu.as_secs_f64() * 1e6 / n as f64
    );
    d.persist().ok();

    let mut next_id = n;
    let mut next = move || {
        next_id += 1;
        next_id
    };
    let mut g = c.benchmark_group(format!("dedupe_{}k_entries", n / 1000));
    // Each case times only the checks (wall clock; the fill above also reports CPU time):
    // mentions are made in chunks outside the clock, and the changelog records the checks
    // leave behind are dropped outside it too.
    let mut run = |g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
                   name: &str,
                   make: &mut dyn FnMut(u64) -> Mention| {
        let (mut checked, mut linked) = (0u64, 0u64);
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut total = std::time::Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    let k = left.min(1024);
                    let ms: Vec<Mention> = (0..k).map(|_| make(next())).collect();
                    let t = std::time::Instant::now();
                    let vs: Vec<Verdict> = ms.iter().map(|m| d.check_at(0, None, m)).collect();
                    total += t.elapsed();
                    checked += vs.len() as u64;
                    linked += vs
                        .iter()
                        .filter(
                            |v| matches!(v, Verdict::Fresh { info } if info.duplicate_of.is_some()),
                        )
                        .count() as u64;
                    d.persist().ok();
                    left -= k;
                }
                total
            })
        });
        eprintln!(
            "{name}: {:.1}% of {checked} checks linked to an earlier mention",
            100.0 * linked as f64 / checked.max(1) as f64
        );
    };
    run(&mut g, "fresh", &mut |id| {
        mention(id, &text(&mut r, &vocab).join(" "), 1)
    });
    let mut k = 0usize;
    run(&mut g, "exact_copy", &mut |id| {
        k = (k + 1) % texts.len();
        mention(
            id,
            &format!("RT @someone: {} https://t.co/x", texts[k].join(" ")),
            1,
        )
    });
    let mut r2 = Rng(99);
    run(&mut g, "near_copy", &mut |id| {
        k = (k + 1) % texts.len();
        let mut w = texts[k].clone();
        let i = r2.below(w.len() as u64) as usize;
        w[i] = "changed".into();
        mention(id, &w.join(" "), 1)
    });
    let last = n;
    run(&mut g, "redelivery", &mut |_| {
        mention(last - 10, "whatever text", 1)
    });
    g.finish();
    d.persist().ok();
    let bytes = d.heap_bytes();
    eprintln!(
        "dedupe state after the runs: {} entries, {:.1} bytes/mention",
        d.len(),
        bytes as f64 / d.len() as f64
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
