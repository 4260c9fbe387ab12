//! End-to-end throughput harness: the real Kafka pipeline (`vigia::runtime::run`, in process)
//! against the real broker, fed with mentions built from the demo sample.
//!
//!     scripts/kafka start
//!     cargo bench -p vigia-benches --bench e2e
//!
//! Two phases on fresh random topics (4 partitions):
//! 1. backlog: N records (default 20 000) are produced first, then the pipeline starts and
//!    drains them; records/s is measured from the first record consumed to the last offset
//!    stored (all outputs acknowledged).
//! 2. steady: records are produced at a fixed rate (default half the backlog throughput) while
//!    the pipeline runs; end-to-end latency is the time from the input's produce (its Kafka
//!    timestamp) to the enriched record's arrival at an independent consumer.
//!
//! Peak RSS is the process' VmHWM (pipeline, its classifier and the harness' own clients).
//!
//! Environment: VIGIA_TEST_BROKERS (default 127.0.0.1:9092), VIGIA_E2E_N (20000),
//! VIGIA_E2E_RATE (records/s in phase 2), VIGIA_E2E_STEADY_SECS (10), VIGIA_E2E_TIER
//! (`fast`, `transformer` or `mixed`: the classification tier; default the configured one). The
//! configuration is built in process, so `VIGIA_CLASSIFY__...` variables do not reach it.

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use rdkafka::{Offset, TopicPartitionList};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use vigia_integration_tests::{
    brokers, require_broker, unique, RunningPipeline, TestTopics, PARTITIONS,
};

const SAMPLE: &[u8] = include_bytes!("../crates/vigia/data/demo/sample.jsonl");
const DEMO_CONFIG: &str = include_str!("../crates/vigia/data/demo/vigia.toml");

fn env_num(key: &str, default: f64) -> f64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `VmHWM` or `VmRSS` from /proc/self/status, in MiB.
fn proc_mib(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as i64
}

/// Canonical mentions of the demo sample (valid lines only), as templates.
fn templates() -> Vec<Value> {
    let v: Vec<Value> = SAMPLE
        .split(|b| *b == b'\n')
        .filter_map(|l| serde_json::from_slice::<Value>(l).ok())
        .filter(|v| serde_json::from_value::<vigia_model::Mention>(v.clone()).is_ok())
        .collect();
    assert!(
        v.len() > 100,
        "the demo sample has {} usable lines",
        v.len()
    );
    v
}

/// Record `i` of a run: a template with a fresh id, a recent timestamp and a text of its own.
fn record(t: &[Value], run: &str, i: usize) -> (String, Vec<u8>) {
    let a = &t[i % t.len()];
    let b = &t[(i / t.len() + 7 * i + 1) % t.len()];
    let mut m = a.clone();
    let platform = m["platform"].as_str().unwrap().to_string();
    let id = format!("{platform}:{run}-{i}");
    m["id"] = Value::String(id.clone());
    // Half the words of three templates, mixed: the vocabulary keeps language, sentiment and
    // aspect cues, but two records share few words, so neither exact nor MinHash dedupe links
    // them and every one is classified, as fresh mentions would be.
    let c = &t[(i * 31 + 17) % t.len()];
    let mut x = (i as u64)
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        x >> 33
    };
    let mut words: Vec<&str> = Vec::new();
    for src in [a, b, c] {
        for w in src["text"].as_str().unwrap().split_whitespace() {
            if next() % 2 == 0 {
                words.push(w);
            }
        }
    }
    for k in (1..words.len()).rev() {
        words.swap(k, next() as usize % (k + 1));
    }
    m["text"] = Value::String(words.join(" "));
    let created = chrono::Utc::now() - chrono::Duration::seconds(3600 - (i % 3600) as i64);
    m["created_at"] = Value::String(created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    m.as_object_mut().unwrap().remove("collected_at");
    (id, serde_json::to_vec(&m).unwrap())
}

fn config(topics: &TestTopics, group: &str) -> vigia::Config {
    // The demo's organisations and thresholds, on these topics.
    let text = format!(
        "[kafka]\nbrokers = \"{}\"\ngroup_id = \"{group}\"\nbatch_size = 256\nbatch_timeout_ms = 20\n\
         [kafka.consumer]\n\"statistics.interval.ms\" = \"1000\"\n\"auto.commit.interval.ms\" = \"500\"\n\
         [kafka.producer]\n\"linger.ms\" = \"5\"\n{}\n{DEMO_CONFIG}",
        brokers(),
        topics.toml()
    );
    let mut cfg = vigia::Config::from_toml(&text).expect("bench configuration is valid");
    if let Ok(tier) = std::env::var("VIGIA_E2E_TIER") {
        cfg.classify.tiers.tier = serde_json::from_value(Value::String(tier))
            .expect("VIGIA_E2E_TIER is fast, transformer or mixed");
    }
    cfg
}

fn producer() -> FutureProducer {
    ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("enable.idempotence", "true")
        .set("linger.ms", "5")
        .set("queue.buffering.max.messages", "1000000")
        .create()
        .expect("creating producer")
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Reads the enriched topic from its current end and notes when each id arrives (ms since epoch).
fn watch_enriched(
    topic: String,
    stop: Arc<AtomicBool>,
) -> std::thread::JoinHandle<HashMap<String, i64>> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("group.id", unique("vigia-bench-watch"))
        .set("enable.auto.commit", "false")
        .set("fetch.wait.max.ms", "10")
        .create()
        .expect("creating watcher");
    let mut tpl = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        let (_, high) = consumer
            .fetch_watermarks(&topic, p, Duration::from_secs(10))
            .expect("watermarks");
        tpl.add_partition_offset(&topic, p, Offset::Offset(high))
            .expect("partition list");
    }
    consumer.assign(&tpl).expect("assign");
    std::thread::spawn(move || {
        let mut seen = HashMap::new();
        while !stop.load(Ordering::Relaxed) {
            if let Some(Ok(m)) = consumer.poll(Duration::from_millis(50)) {
                let at = now_ms();
                if let Some(Ok(v)) = m.payload().map(serde_json::from_slice::<Value>) {
                    if let Some(id) = v["id"].as_str() {
                        seen.insert(id.to_string(), at);
                    }
                }
            }
        }
        seen
    })
}

fn main() {
    // `cargo bench` passes --bench; any other argument is a filter we do not use.
    require_broker();
    let n = env_num("VIGIA_E2E_N", 20_000.0) as usize;
    let steady_secs = env_num("VIGIA_E2E_STEADY_SECS", 10.0);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let t = templates();
    let rss_start = proc_mib("VmRSS:");

    rt.block_on(async move {
        let topics = TestTopics::create("e2e").await.expect("creating topics");
        let group = unique("vigia-bench-e2e");
        let run = unique("e2e");
        let prod = producer();

        // Phase 1: backlog.
        eprintln!("e2e: producing {n} records to {}", topics.raw);
        let t_produce = Instant::now();
        for start in (0..n).step_by(5000) {
            let chunk: Vec<(String, Vec<u8>)> =
                (start..(start + 5000).min(n)).map(|i| record(&t, &run, i)).collect();
            let sends = chunk.iter().map(|(id, payload)| {
                prod.send(
                    FutureRecord::to(&topics.raw).key(id.as_str()).payload(payload),
                    Timeout::After(Duration::from_secs(60)),
                )
            });
            for r in futures::future::join_all(sends).await {
                r.expect("produce");
            }
        }
        let produce_secs = t_produce.elapsed().as_secs_f64();

        // The pipeline's classifier is built from this configuration (the tests' shared one is
        // always the default), so VIGIA_E2E_TIER reaches it.
        let cfg = config(&topics, &group);
        let classifier =
            vigia_classify::Classifier::new(&cfg.classify).expect("building the classifier");
        let pipeline = RunningPipeline::start_with(cfg, Arc::new(classifier));
        let metrics = pipeline.metrics.clone();
        let started = Instant::now();
        let mut first: Option<Instant> = None;
        loop {
            if first.is_none() && metrics.records_consumed.get() > 0 {
                first = Some(Instant::now());
            }
            if metrics.offsets_stored.get() >= n as u64 {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(900),
                "backlog not drained in 15 min: {} of {n} stored",
                metrics.offsets_stored.get()
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let done = Instant::now();
        let first = first.expect("records were consumed");
        let startup = first.duration_since(started).as_secs_f64();
        let backlog_secs = done.duration_since(first).as_secs_f64();
        let throughput = n as f64 / backlog_secs;
        let rss_after_backlog = proc_mib("VmRSS:");

        // Phase 2: steady rate, latency.
        let rate = env_num("VIGIA_E2E_RATE", (throughput / 2.0).clamp(10.0, 20_000.0).round());
        let total2 = (rate * steady_secs) as usize;
        let stop = Arc::new(AtomicBool::new(false));
        let watcher = watch_enriched(topics.enriched.clone(), stop.clone());
        tokio::time::sleep(Duration::from_millis(500)).await;
        eprintln!("e2e: steady phase, {rate} records/s for {steady_secs} s");
        let mut sent: HashMap<String, i64> = HashMap::with_capacity(total2);
        let mut futures = Vec::with_capacity(total2);
        let t2 = Instant::now();
        for i in 0..total2 {
            let due = Duration::from_secs_f64(i as f64 / rate);
            let el = t2.elapsed();
            if due > el {
                tokio::time::sleep(due - el).await;
            }
            let (id, payload) = record(&t, &run, n + i);
            let ts = now_ms();
            let rec = FutureRecord::to(&topics.raw)
                .key(id.as_str())
                .payload(&payload)
                .timestamp(ts);
            match prod.send_result(rec) {
                Ok(f) => futures.push(f),
                Err((e, _)) => panic!("enqueueing: {e}"),
            }
            sent.insert(id, ts);
        }
        prod.flush(Timeout::After(Duration::from_secs(30))).expect("flush");
        for f in futures {
            f.await.expect("delivery").expect("produce");
        }
        let wait_until = Instant::now() + Duration::from_secs(60);
        while metrics.offsets_stored.get() < (n + total2) as u64 && Instant::now() < wait_until {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        stop.store(true, Ordering::Relaxed);
        let seen = watcher.join().expect("watcher");
        let mut lat: Vec<f64> = sent
            .iter()
            .filter_map(|(id, ts)| seen.get(id).map(|at| (at - ts) as f64))
            .collect();
        lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let summary = pipeline.stop().await;
        let peak = proc_mib("VmHWM:");
        let dups: u64 = {
            let text = vigia_telemetry::metrics::render(&metrics.register());
            text.lines()
                .filter(|l| l.starts_with("vigia_duplicates_total{"))
                .filter_map(|l| l.rsplit(' ').next().and_then(|v| v.parse::<f64>().ok()))
                .sum::<f64>() as u64
        };
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);

        println!();
        println!("vigia end-to-end (real broker at {}, {} partitions, {cores} cores, in-process pipeline)", brokers(), PARTITIONS);
        println!("| phase | measure | value |");
        println!("|---|---|---|");
        println!("| produce | {n} records by the harness | {:.0} records/s |", n as f64 / produce_secs);
        println!("| backlog | start-up to first record (group join) | {startup:.2} s |");
        println!("| backlog | {n} records drained, outputs acknowledged | {backlog_secs:.2} s |");
        println!("| backlog | **throughput** | **{throughput:.0} records/s** |");
        println!("| backlog | duplicates recognised (exact + near) | {dups} |");
        println!("| steady | offered rate, duration | {rate:.0} records/s, {steady_secs:.0} s ({total2} records) |");
        println!("| steady | latency p50 / p90 / p99 / max (produce → enriched consumed) | {:.0} / {:.0} / {:.0} / {:.0} ms |",
            percentile(&lat, 50.0), percentile(&lat, 90.0), percentile(&lat, 99.0), lat.last().copied().unwrap_or(f64::NAN));
        println!("| steady | records matched to an enriched output | {} of {total2} |", lat.len());
        println!("| memory | RSS before / after backlog | {rss_start:.0} / {rss_after_backlog:.0} MiB |");
        println!("| memory | **peak RSS (VmHWM)** | **{peak:.0} MiB** |");
        println!("| total | records consumed by the pipeline | {} |", summary.records);
    });
}
