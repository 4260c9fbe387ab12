//! Quick single-core throughput of decode + normalise + track per platform, on the same fixtures
//! and tracking configuration as the criterion bench (`vigia_ingest::bench_support`). Ignored by
//! default; run it optimised:
//! `cargo test --release -p vigia-ingest --test throughput -- --ignored --nocapture`
//! (the criterion bench: `cargo bench -p vigia-ingest --bench ingest`).

use std::time::Duration;
use vigia_ingest::bench_support::{print_rates, rates, tracker};

#[test]
#[ignore = "timing; run explicitly with optimisations"]
fn mentions_per_second_per_core() {
    assert!(!tracker().is_empty(), "tracking config loads");
    let rates = rates(Duration::from_millis(500));
    assert!(rates.iter().all(|(_, r)| r.wall > 0.0));
    print_rates(&rates);
}
