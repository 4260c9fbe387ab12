//! `vigia demo`: the whole pipeline, in process, on the bundled sample.

use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use vigia::batch;
use vigia::config::Config;
use vigia::Pipeline;
use vigia_emit::file::JsonlSink;
use vigia_emit::Output;
use vigia_ingest::source::InputFormat;
use vigia_model::Platform;
use vigia_telemetry::Metrics;

/// The bundled sample: healthcare mentions in en, es, ca and it across platforms, in each
/// platform's native payload shape, with duplicates and malformed records mixed in.
const SAMPLE: &str = include_str!("../data/demo/sample.jsonl");
/// Organisations the sample talks about.
const DEMO_CONFIG: &str = include_str!("../data/demo/vigia.toml");

#[derive(Default)]
struct Tally {
    platform: BTreeMap<String, u64>,
    lang: BTreeMap<String, u64>,
    sentiment: BTreeMap<String, u64>,
    brands: BTreeMap<String, u64>,
    aspects: BTreeMap<String, u64>,
    duplicates: u64,
    dlq: BTreeMap<String, u64>,
    alerts: BTreeMap<String, u64>,
    phi: u64,
    misinfo: u64,
}

fn line<K: std::fmt::Display>(title: &str, m: &BTreeMap<K, u64>) {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1));
    let parts: Vec<String> = v.iter().map(|(k, n)| format!("{k} {n}")).collect();
    println!(
        "  {title:<12} {}",
        if parts.is_empty() {
            "-".into()
        } else {
            parts.join(", ")
        }
    );
}

pub fn run(out_dir: &Path) -> Result<()> {
    vigia_telemetry::init_tracing(vigia_telemetry::LogFormat::Pretty, "warn");
    let cfg = Config::from_toml(DEMO_CONFIG).context("bundled demo config")?;
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let open = |name: &str| -> Result<BufWriter<File>> {
        let p = out_dir.join(name);
        Ok(BufWriter::new(
            File::create(&p).with_context(|| format!("creating {}", p.display()))?,
        ))
    };
    let mut alerts_out = open("alerts.jsonl")?;
    let mut sink = JsonlSink::new(open("enriched.jsonl")?, open("dlq.jsonl")?);

    let total = SAMPLE.lines().filter(|l| !l.trim().is_empty()).count() as u64;
    eprintln!("vigia demo: {total} raw records from the bundled sample");
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template("  {bar:40} {pos}/{len} records {elapsed}")
            .expect("template"),
    );
    let started = std::time::Instant::now();
    let classifier = crate::classifier(&cfg)?;
    let mut pipeline = Pipeline::new(&cfg, classifier, Metrics::default());
    let mut t = Tally::default();
    let mut io_err: Option<std::io::Error> = None;
    let counts = batch::run(
        &mut pipeline,
        SAMPLE.as_bytes(),
        "demo:sample.jsonl",
        InputFormat::Jsonl,
        Platform::X,
        &mut sink,
        |o| match o {
            Output::Enriched(e) => {
                bar.inc(1);
                *t.platform.entry(e.platform.to_string()).or_default() += 1;
                *t.lang
                    .entry(e.lang.clone().unwrap_or_else(|| "unknown".into()))
                    .or_default() += 1;
                *t.sentiment
                    .entry(e.sentiment.label.as_str().to_string())
                    .or_default() += 1;
                for b in e.brands.iter().chain(e.competitors.iter()) {
                    *t.brands.entry(b.clone()).or_default() += 1;
                }
                for a in &e.aspects {
                    *t.aspects.entry(a.aspect.clone()).or_default() += 1;
                }
                if e.dedupe.duplicate_of.is_some() {
                    t.duplicates += 1;
                }
                if !e.phi.types.is_empty() || e.phi.self_disclosure {
                    t.phi += 1;
                }
                if e.misinformation.score >= 0.5 {
                    t.misinfo += 1;
                }
            }
            Output::DeadLetter(d) => {
                bar.inc(1);
                *t.dlq.entry(d.reason.as_str().to_string()).or_default() += 1;
            }
            Output::Alert(a) => {
                *t.alerts
                    .entry(format!("{}/{}", a.kind.as_str(), a.severity.as_str()))
                    .or_default() += 1;
                if let Err(e) = serde_json::to_writer(&mut alerts_out, a.as_ref())
                    .and_then(|_| alerts_out.write_all(b"\n").map_err(serde_json::Error::io))
                {
                    io_err.get_or_insert(std::io::Error::other(e));
                }
            }
            _ => {}
        },
    )?;
    bar.finish_and_clear();
    if let Some(e) = io_err {
        return Err(e).context("writing alerts.jsonl");
    }
    alerts_out.flush()?;
    let secs = started.elapsed().as_secs_f64();

    println!(
        "vigia demo: {} records in {:.2}s ({:.0} records/s)",
        counts.records,
        secs,
        counts.records as f64 / secs.max(1e-9)
    );
    println!("  enriched     {}", counts.enriched);
    println!(
        "  duplicates   {} linked to an earlier mention, {} re-deliveries dropped",
        t.duplicates, counts.redeliveries
    );
    println!("  unmatched    {}", counts.unmatched);
    line("platforms", &t.platform);
    line("languages", &t.lang);
    line("sentiment", &t.sentiment);
    line("brands", &t.brands);
    line("aspects", &t.aspects);
    println!("  PHI          {} mentions redacted", t.phi);
    println!("  misinfo      {} mentions scored >= 0.5", t.misinfo);
    line("dead letters", &t.dlq);
    line("alerts", &t.alerts);
    println!("output written to {}/", out_dir.display());
    println!("  enriched.jsonl  {} lines", counts.enriched);
    println!("  alerts.jsonl    {} lines", counts.alerts);
    println!("  dlq.jsonl       {} lines", counts.dead_letters);
    Ok(())
}
