//! The `vigia` command line.

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use vigia::batch;
use vigia::config::{self, Config, LogFormat};
use vigia::Pipeline;
use vigia_classify::Classifier;
use vigia_emit::file::JsonlSink;
use vigia_ingest::source::InputFormat;
use vigia_model::Platform;
use vigia_telemetry::Metrics;

mod demo;
mod eval;
mod kb;

#[derive(Parser)]
#[command(
    name = "vigia",
    version,
    about = "Social listening for healthcare: raw mentions in, enriched events and alerts out"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON payload per line: canonical Mention or any platform's native payload.
    Jsonl,
    /// One mention text per line.
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Run the Kafka pipeline.
    Run {
        #[arg(short, long, env = "VIGIA_CONFIG")]
        config: PathBuf,
    },
    /// Enrich a file (or stdin) without Kafka: one EnrichedMention JSON per line, in input order.
    Enrich {
        /// Input file, or `-` for stdin.
        #[arg(long, default_value = "-")]
        input: String,
        /// Output file, or `-` for stdout.
        #[arg(long, default_value = "-")]
        output: String,
        #[arg(long, value_enum, default_value_t = Format::Jsonl)]
        format: Format,
        /// Where dead-letter envelopes go (default: stderr).
        #[arg(long)]
        dlq: Option<PathBuf>,
        /// Platform assigned to `--format text` lines.
        #[arg(long, default_value = "x")]
        platform: String,
        /// Optional config file (tracking, classify, alerts sections apply).
        #[arg(short, long)]
        config: Option<PathBuf>,
    },
    /// Run the whole pipeline in-process on the bundled sample; no broker needed.
    Demo {
        /// Where to write enriched.jsonl, alerts.jsonl and dlq.jsonl.
        #[arg(long, default_value = "vigia-demo-out")]
        out_dir: PathBuf,
    },
    /// Check a configuration file and print the effective settings' summary.
    ValidateConfig {
        #[arg(short, long)]
        config: PathBuf,
    },
    /// Write the JSON Schemas of every topic payload.
    Schemas {
        #[arg(long, default_value = "schemas")]
        out: PathBuf,
    },
    /// Dry-run ingest over a JSONL file: counts per platform and per dead-letter reason.
    Validate {
        /// Input file, or `-` for stdin.
        #[arg(long, default_value = "-")]
        input: String,
        /// Optional config file (its `[ingest]` limits apply).
        #[arg(short, long)]
        config: Option<PathBuf>,
        /// Exit with status 2 when any record would be dead-lettered.
        #[arg(long)]
        strict: bool,
    },
    /// Re-produce dead letters' original bytes to the raw topic (after fixing their cause).
    Replay {
        #[arg(short, long, env = "VIGIA_CONFIG")]
        config: PathBuf,
        /// Dead-letter topic to read (default: topics.dlq).
        #[arg(long)]
        from: Option<String>,
        /// Topic to write to (default: topics.raw).
        #[arg(long)]
        to: Option<String>,
        /// Only dead letters with this `vigia.reason` (repeatable), e.g. `timestamp_in_future`.
        #[arg(long = "reason")]
        reasons: Vec<String>,
        /// Replay at most this many.
        #[arg(long)]
        max: Option<u64>,
        /// Count what would be replayed, per reason, and produce nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Evaluation commands over labelled data.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Knowledge base of debunked health claims.
    #[command(subcommand)]
    Kb(kb::KbCommand),
}

fn main() {
    let cli = Cli::parse();
    if let Err(e) = dispatch(cli.command) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn dispatch(cmd: Command) -> Result<()> {
    match cmd {
        Command::Run { config } => run(&config),
        Command::Enrich {
            input,
            output,
            format,
            dlq,
            platform,
            config,
        } => enrich(
            &input,
            &output,
            format,
            dlq.as_deref(),
            &platform,
            config.as_deref(),
        ),
        Command::Demo { out_dir } => demo::run(&out_dir),
        Command::ValidateConfig { config } => {
            let cfg = config::load_file(&config)?;
            println!(
                "{}: valid ({} organisations, delivery {:?}, input topic {})",
                config.display(),
                cfg.tracking.organisations.len(),
                cfg.kafka.delivery,
                cfg.topics.raw
            );
            Ok(())
        }
        Command::Schemas { out } => write_schemas(&out),
        Command::Validate {
            input,
            config,
            strict,
        } => validate(&input, config.as_deref(), strict),
        Command::Replay {
            config,
            from,
            to,
            reasons,
            max,
            dry_run,
        } => replay(&config, from, to, &reasons, max, dry_run),
        Command::Eval(e) => eval::run(e),
        Command::Kb(k) => kb::run(k),
    }
}

fn init_logs(cfg: &Config) {
    let format = match cfg.telemetry.log_format {
        LogFormat::Json => vigia_telemetry::LogFormat::Json,
        LogFormat::Pretty => vigia_telemetry::LogFormat::Pretty,
    };
    vigia_telemetry::init_tracing(format, &cfg.telemetry.log_level);
}

/// Build the classifier, turning a missing model into a message naming the install command.
pub(crate) fn classifier(cfg: &Config) -> Result<Arc<Classifier>> {
    Ok(Arc::new(Classifier::new(&cfg.classify)?))
}

fn run(config: &Path) -> Result<()> {
    let cfg = config::load_file(config)?;
    init_logs(&cfg);
    let classifier = classifier(&cfg)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async move {
        let metrics = Metrics::default();
        let registry = metrics.register();
        let health = vigia_telemetry::Health::default();
        let (tx, rx) = tokio::sync::watch::channel(false);
        let mut srv_rx = rx.clone();
        let addr =
            vigia_telemetry::serve(cfg.telemetry.listen, registry, health.clone(), async move {
                let _ = srv_rx.wait_for(|s| *s).await;
            })
            .await
            .with_context(|| format!("binding telemetry.listen {}", cfg.telemetry.listen))?;
        tracing::info!(%addr, "serving /metrics /healthz /readyz");
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("shutdown requested");
            let _ = tx.send(true);
        });
        let summary = vigia::runtime::run(cfg, classifier, metrics, health, rx).await?;
        tracing::info!(
            records = summary.records,
            outputs = summary.outputs,
            "stopped"
        );
        Ok(())
    })
}

fn validate(input: &str, config: Option<&Path>, strict: bool) -> Result<()> {
    let cfg = match config {
        Some(p) => config::load_file(p)?,
        None => Config::default(),
    };
    let reader: Box<dyn io::BufRead> = if input == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(BufReader::new(
            File::open(input).with_context(|| format!("opening --input {input}"))?,
        ))
    };
    let r = vigia::validate::validate(reader, input, &cfg.ingest)?;
    println!(
        "{input}: {} records, {} valid, {} would be dead letters",
        r.records,
        r.valid,
        r.invalid()
    );
    for (platform, n) in &r.by_platform {
        println!("  platform {platform:<22} {n}");
    }
    for (reason, (n, line)) in &r.by_reason {
        println!("  reason   {reason:<22} {n} (first at line {line})");
    }
    if strict && r.invalid() > 0 {
        std::process::exit(2);
    }
    Ok(())
}

fn replay(
    config: &Path,
    from: Option<String>,
    to: Option<String>,
    reasons: &[String],
    max: Option<u64>,
    dry_run: bool,
) -> Result<()> {
    let cfg = config::load_file(config)?;
    let opts = vigia::replay::ReplayOptions {
        from: from.unwrap_or_else(|| cfg.topics.dlq.clone()),
        to: to.unwrap_or_else(|| cfg.topics.raw.clone()),
        reasons: reasons
            .iter()
            .map(|r| vigia::replay::parse_reason(r).context("--reason"))
            .collect::<Result<_>>()?,
        max,
        dry_run,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let s = rt.block_on(vigia::replay::replay(&cfg, &opts))?;
    let verb = if dry_run { "would replay" } else { "replayed" };
    println!(
        "{verb} {} of {} dead letters from {} to {}",
        s.replayed, s.scanned, opts.from, opts.to
    );
    for (reason, n) in &s.by_reason {
        println!("  {reason:<22} {n}");
    }
    Ok(())
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("installing SIGTERM handler");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

fn enrich(
    input: &str,
    output: &str,
    format: Format,
    dlq: Option<&Path>,
    platform: &str,
    config: Option<&Path>,
) -> Result<()> {
    let mut cfg = match config {
        Some(p) => config::load_file(p)?,
        None => Config::default(),
    };
    if config.is_none() {
        // Without a config nothing is tracked; keep every mention.
        cfg.tracking.unmatched = vigia_ingest::track::UnmatchedPolicy::Keep;
    }
    vigia_telemetry::init_tracing(vigia_telemetry::LogFormat::Pretty, "warn");
    let platform: Platform = platform
        .parse()
        .map_err(|_| anyhow::anyhow!("--platform: unknown platform `{platform}`"))?;
    let classifier = classifier(&cfg)?;
    let mut pipeline = Pipeline::new(&cfg, classifier, Metrics::default());
    let reader: Box<dyn io::BufRead> = if input == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(BufReader::new(
            File::open(input).with_context(|| format!("opening --input {input}"))?,
        ))
    };
    let writer: Box<dyn Write> = if output == "-" {
        Box::new(BufWriter::new(io::stdout().lock()))
    } else {
        Box::new(BufWriter::new(
            File::create(output).with_context(|| format!("creating --output {output}"))?,
        ))
    };
    let dlq_writer: Box<dyn Write> = match dlq {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating --dlq {}", p.display()))?,
        )),
        None => Box::new(io::stderr()),
    };
    let fmt = match format {
        Format::Jsonl => InputFormat::Jsonl,
        Format::Text => InputFormat::Text,
    };
    let source = if input == "-" {
        "stdin".to_string()
    } else {
        format!("file:{input}")
    };
    let mut sink = JsonlSink::new(writer, dlq_writer);
    let counts = batch::run(
        &mut pipeline,
        reader,
        &source,
        fmt,
        platform,
        &mut sink,
        |_| {},
    )?;
    if counts.dead_letters > 0 {
        eprintln!(
            "{} of {} records went to the dead-letter output",
            counts.dead_letters, counts.records
        );
    }
    Ok(())
}

fn write_schemas(out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for (stem, schema) in vigia_model::schema::all() {
        let path = out.join(vigia_model::schema::file_name(stem));
        std::fs::write(&path, vigia_model::schema::render(&schema))
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    if !out.is_dir() {
        bail!("{} is not a directory", out.display());
    }
    Ok(())
}
