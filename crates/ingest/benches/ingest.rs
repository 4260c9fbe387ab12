//! Ingest hot path per platform: decode (parse, detect, platform decoder, normalise, validate)
//! and track (one Aho-Corasick pass over all organisations' terms), on the native fixtures of
//! `tests/fixtures`. Single-threaded, so the printed rate is per core.
//!
//! Depends on vigia-ingest and vigia-model only, so a release build stays small:
//! `CARGO_TARGET_DIR=/work/target-bench cargo bench -p vigia-ingest --bench ingest`
//! (`VIGIA_BENCH_MS` sets the per-platform budget of the final mentions/s table).

use criterion::{black_box, criterion_group, Criterion, Throughput};
use std::time::Duration;
use vigia_ingest::bench_support::{ingest_one, payloads, print_rates, rates, tracker, PLATFORMS};
use vigia_ingest::Decoder;

fn bench(c: &mut Criterion) {
    let decoder = Decoder::default();
    let tracker = tracker();
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(1));
    for (platform, names) in PLATFORMS {
        let records = payloads(names);
        let mut i = 0;
        group.bench_function(*platform, |b| {
            b.iter(|| {
                i = (i + 1) % records.len();
                black_box(ingest_one(&decoder, &tracker, black_box(&records[i])))
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    targets = bench
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Mentions per second on one core, measured directly so the figure reads the same whatever
    // criterion's output format; per second of the thread's CPU time and of wall-clock time
    // (the two differ when other processes share the cores).
    let budget = Duration::from_millis(
        std::env::var("VIGIA_BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(700),
    );
    println!("\ningest (decode + normalise + track), one thread:");
    print_rates(&rates(budget));
}
