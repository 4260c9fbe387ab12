//! Encoder throughput and latency per engine: `cargo bench -p vigia-benches --bench encoder`.
//!
//! For each engine (all three, or those named in `VIGIA_BENCH_ENGINES=onnx-int8,candle`) it
//! embeds real tweets (UMSAB val, ../shared/data/umsab; about 30 tokens each) through the public
//! `Encoder` API — tokenisation, queue and batching included — as calls of 1 and of 32 texts,
//! one call at a time, and prints texts/second, texts/second/core and p50/p99 call latency.
//! `VIGIA_BENCH_SECONDS` (default 20) bounds the time spent per engine and batch size.

use std::path::Path;
use std::time::{Duration, Instant};
use vigia_classify::encoder::{Encoder, EncoderConfig, Engine};

fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/umsab");
    let mut out = Vec::new();
    for lang in [
        "english",
        "spanish",
        "italian",
        "portuguese",
        "french",
        "german",
    ] {
        if let Ok(t) = std::fs::read_to_string(root.join(lang).join("val_text.txt")) {
            out.extend(
                t.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
        }
    }
    if out.is_empty() {
        out = [
            "Quatre hores esperant a urgències, quina vergonya.",
            "The staff at the emergency department were kind and fast.",
            "Llevo tres meses esperando la cita con el especialista.",
            "Il personale dell'ospedale è stato gentilissimo, grazie!",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
    }
    // Interleave languages so every batch mixes lengths the way a live stream does.
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for i in (1..out.len()).rev() {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        out.swap(i, (rng % (i as u64 + 1)) as usize);
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let budget = Duration::from_secs(
        std::env::var("VIGIA_BENCH_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(20),
    );
    let engines: Vec<Engine> = match std::env::var("VIGIA_BENCH_ENGINES") {
        Ok(s) => s
            .split(',')
            .filter_map(|e| Engine::parse(e.trim()))
            .collect(),
        Err(_) => vec![Engine::OnnxInt8, Engine::OnnxFp32, Engine::Candle],
    };
    let texts = texts();
    println!("cores: {cores}; texts: {} UMSAB val tweets", texts.len());
    println!("| engine | batch | texts/s | texts/s/core | p50 ms | p99 ms | calls |");
    println!("|---|---|---|---|---|---|---|");
    for engine in engines {
        let enc = match Encoder::load(&EncoderConfig {
            engine,
            ..Default::default()
        }) {
            Ok(e) => e,
            Err(e) => {
                println!("| {} | - | skipped: {e} | | | | |", engine.name());
                continue;
            }
        };
        let tokens: usize = texts
            .iter()
            .take(256)
            .map(|t| enc.token_count(t).unwrap_or(0))
            .sum();
        eprintln!(
            "{}: mean tokens {:.1}",
            engine.name(),
            tokens as f64 / 256.0
        );
        for batch in [1usize, 32] {
            // warm-up
            for chunk in texts.chunks(batch).take(3) {
                let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
                enc.embed(&refs).expect("embedding");
            }
            let mut lat = Vec::new();
            let mut n = 0usize;
            let start = Instant::now();
            for chunk in texts.chunks(batch).cycle() {
                if start.elapsed() > budget || lat.len() >= 2000 {
                    break;
                }
                let refs: Vec<&str> = chunk.iter().map(String::as_str).collect();
                let t0 = Instant::now();
                enc.embed(&refs).expect("embedding");
                lat.push(t0.elapsed());
                n += refs.len();
            }
            let wall = start.elapsed().as_secs_f64();
            lat.sort();
            let tps = n as f64 / wall;
            println!(
                "| {} | {batch} | {tps:.1} | {:.1} | {:.1} | {:.1} | {} |",
                engine.name(),
                tps / cores as f64,
                percentile(&lat, 0.5).as_secs_f64() * 1e3,
                percentile(&lat, 0.99).as_secs_f64() * 1e3,
                lat.len()
            );
        }
    }
}
