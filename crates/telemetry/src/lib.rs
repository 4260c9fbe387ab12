//! Telemetry: every Prometheus metric vigia exports ([`metrics`]), the HTTP endpoints operators
//! and Kubernetes probe ([`server`]: `/metrics`, `/healthz`, `/readyz`), and logging set-up
//! ([`init_tracing`]).
//!
//! Metric names follow `vigia_<thing>_<unit>` with `_total` for counters, and every label comes
//! from a bounded set (platform, stage, reason, label, configured brand) — never user text or ids.

pub mod metrics;
pub mod server;

pub use metrics::Metrics;
pub use server::{serve, Health};

/// Log format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// Human-readable, for terminals.
    #[default]
    Pretty,
    /// One JSON object per line, for production log pipelines.
    Json,
}

/// Install the global tracing subscriber. `RUST_LOG` overrides `default_filter`. Logs go to
/// stderr so that stdout stays free for data (`vigia enrich --output -`).
pub fn init_tracing(format: LogFormat, default_filter: &str) {
    use tracing_subscriber::{fmt, EnvFilter};
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.compact().try_init(),
    };
}
