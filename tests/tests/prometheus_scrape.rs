//! vigia's metrics as a real Prometheus sees them: the Kafka pipeline with its telemetry server,
//! a Prometheus 2.x from Debian's package (`scripts/prometheus`) scraping it every second with
//! deploy/prometheus/rules.yml loaded, and queries through Prometheus' HTTP API.
//!
//! It checks what dashboards and alert rules rely on: the exposition format parses, counters
//! carry the values the pipeline counted (records consumed = records produced), labels are the
//! documented ones, and every alerting rule evaluates without error against real series.

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use vigia_integration_tests::*;

const VALID: usize = 400;
const MALFORMED: usize = 40;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// A Prometheus child process, killed when dropped (also when the test panics).
struct Prometheus {
    child: Child,
    port: u16,
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Config and TSDB of this instance (scripts/prometheus keeps one folder per port).
        let _ = std::fs::remove_dir_all(
            repo_root()
                .join(".cache/prometheus")
                .join(self.port.to_string()),
        );
    }
}

impl Prometheus {
    /// Install (Debian package, once) and start Prometheus scraping `target` every second.
    fn start(target: SocketAddr) -> Self {
        let script = repo_root().join("scripts/prometheus");
        let out = Command::new(&script)
            .arg("install")
            .output()
            .unwrap_or_else(|e| panic!("running {} install: {e}", script.display()));
        assert!(
            out.status.success(),
            "Prometheus is not installed and `scripts/prometheus install` failed \
             (it installs Debian's `prometheus` package with apt-get):\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let port = free_port();
        let child = Command::new(&script)
            .args([
                "run",
                "--target",
                &target.to_string(),
                "--port",
                &port.to_string(),
                "--interval",
                "1s",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {} run: {e}", script.display()));
        let mut p = Prometheus { child, port };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(Some(status)) = p.child.try_wait() {
                panic!("Prometheus exited during start-up ({status}); its log is above");
            }
            if http_get(port, "/-/ready").is_ok_and(|(code, _)| code == 200) {
                return p;
            }
            assert!(
                Instant::now() < deadline,
                "Prometheus did not become ready on 127.0.0.1:{port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Instant query; returns the result vector.
    fn query(&self, promql: &str) -> Vec<Value> {
        let (code, body) = http_get(
            self.port,
            &format!("/api/v1/query?query={}", encode(promql)),
        )
        .unwrap_or_else(|e| panic!("querying Prometheus for {promql}: {e}"));
        let v: Value = serde_json::from_str(&body)
            .unwrap_or_else(|e| panic!("Prometheus answered {code} with non-JSON ({e}): {body}"));
        assert_eq!(v["status"], "success", "query {promql} failed: {body}");
        v["data"]["result"].as_array().cloned().unwrap_or_default()
    }

    /// The single value of an instant query, if the result has exactly one series.
    fn scalar(&self, promql: &str) -> Option<f64> {
        match self.query(promql).as_slice() {
            [one] => one["value"][1].as_str().and_then(|s| s.parse().ok()),
            _ => None,
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("binding an ephemeral port")
}

/// Percent-encode a query parameter.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Minimal HTTP/1.0 GET against 127.0.0.1 (Prometheus answers without chunking).
fn http_get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n")?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let code = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((code, body.to_string()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn prometheus_scrapes_the_pipeline_metrics_and_rules_evaluate() {
    require_broker();
    let t0 = Instant::now();
    let topics = TestTopics::create("prom").await.unwrap();
    let group = unique("vigia-test-prom");
    let run = unique("p");

    let pipeline = RunningPipeline::start(config(&topics, &group, "at_least_once", ""));
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let addr = vigia_telemetry::serve(
        "127.0.0.1:0".parse().unwrap(),
        pipeline.metrics.register(),
        pipeline.health.clone(),
        async move {
            let _ = stop_rx.wait_for(|s| *s).await;
        },
    )
    .await
    .expect("binding the telemetry server");
    let prom = tokio::task::spawn_blocking(move || Prometheus::start(addr))
        .await
        .unwrap();
    let prom_started = t0.elapsed();

    let inputs = interleave(mentions(&run, VALID), malformed(&run, MALFORMED));
    let total = inputs.len();
    let produced = produce(&producer(), &topics.raw, inputs).await;
    assert_eq!(produced.len(), total);
    wait_caught_up(&group, &topics.raw, Duration::from_secs(60))
        .await
        .unwrap();

    // Prometheus scrapes every second: wait until it has seen the final counts.
    let consumed = "sum(vigia_records_consumed_total{job=\"vigia\"})";
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let seen = prom.scalar(consumed);
        if seen == Some(total as f64) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "Prometheus reports {consumed} = {seen:?} 30 s after the pipeline caught up; expected {total}.\n\
             up: {:?}",
            prom.query("up")
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    assert_eq!(prom.scalar("up{job=\"vigia\"}"), Some(1.0));
    assert_eq!(
        prom.scalar("sum(vigia_dead_letters_total)"),
        Some(MALFORMED as f64),
        "dead letters by reason: {:?}",
        prom.query("vigia_dead_letters_total")
    );
    assert_eq!(
        prom.scalar("sum(vigia_mentions_enriched_total)"),
        Some(VALID as f64)
    );
    assert_eq!(
        prom.scalar("sum(vigia_offsets_stored_total)"),
        Some(total as f64)
    );
    assert_eq!(
        prom.scalar("sum(vigia_outputs_produced_total{output=\"enriched\"})"),
        Some(VALID as f64)
    );
    assert_eq!(
        prom.scalar("sum(vigia_outputs_produced_total{output=\"dead_letter\"})"),
        Some(MALFORMED as f64)
    );
    // Labels are the documented, bounded ones.
    let reasons = prom.query("sum by (stage, reason) (vigia_dead_letters_total)");
    assert!(reasons.len() >= 5, "dead-letter reasons: {reasons:?}");
    for r in &reasons {
        assert_eq!(r["metric"]["stage"], "ingest", "{r}");
    }
    let share = prom.query(
        "sum by (organisation, brand) (vigia_brand_mentions_total{organisation=\"santpau\"})",
    );
    assert_eq!(
        share
            .iter()
            .map(|s| s["value"][1].as_str().unwrap().parse::<f64>().unwrap())
            .sum::<f64>(),
        VALID as f64,
        "every generated mention names Hospital de Sant Pau: {share:?}"
    );
    let platforms = prom.query("sum by (platform) (vigia_mentions_ingested_total)");
    assert!(platforms.len() >= 5, "platforms: {platforms:?}");
    // Histograms arrive with buckets: the dashboards' quantiles can be computed.
    for stage in ["ingest", "dedupe", "classify", "score"] {
        let q = format!(
            "histogram_quantile(0.99, sum by (le) (vigia_stage_duration_seconds_bucket{{stage=\"{stage}\"}}))"
        );
        let v = prom.scalar(&q);
        assert!(v.is_some_and(|v| v.is_finite() && v > 0.0), "{q} = {v:?}");
    }
    assert!(prom
        .scalar("sum(vigia_end_to_end_latency_seconds_count)")
        .is_some_and(|n| n >= 1.0));
    // The lag gauge is scraped per partition and reaches zero once everything is committed
    // (librdkafka reports statistics every second in the test config).
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let lag = prom.query(&format!(
            "vigia_consumer_lag_messages{{partition=~\"{}/.*\"}}",
            topics.raw
        ));
        let total_lag: f64 = lag
            .iter()
            .map(|s| s["value"][1].as_str().unwrap().parse::<f64>().unwrap())
            .sum();
        if lag.len() == PARTITIONS as usize && total_lag == 0.0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "consumer lag as Prometheus sees it: {lag:?}"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    // Every alerting rule of deploy/prometheus/rules.yml has been evaluated against these
    // series without error.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_, body) = http_get(prom.port, "/api/v1/rules?type=alert").unwrap();
        let v: Value = serde_json::from_str(&body).unwrap();
        let rules: Vec<&Value> = v["data"]["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["rules"].as_array().unwrap())
            .collect();
        assert!(rules.len() >= 8, "alerting rules loaded: {}", rules.len());
        let bad: Vec<String> = rules
            .iter()
            .filter(|r| r["health"] != "ok")
            .map(|r| format!("{} {} {}", r["name"], r["health"], r["lastError"]))
            .collect();
        if bad.is_empty() {
            // Healthy pipeline: nothing fires except, possibly, nothing at all.
            let firing: Vec<&Value> = rules
                .iter()
                .copied()
                .filter(|r| r["state"] == "firing")
                .collect();
            assert!(
                firing.is_empty(),
                "rules firing on a healthy pipeline: {firing:#?}"
            );
            break;
        }
        assert!(Instant::now() < deadline, "rules not healthy: {bad:#?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    let summary = pipeline.stop().await;
    let _ = stop_tx.send(true);
    drop(prom);
    assert_eq!(summary.records, total as u64);
    eprintln!(
        "prometheus_scrape: {total} records; Prometheus ready after {:.1?}, test took {:.1?}",
        prom_started,
        t0.elapsed()
    );
    assert!(
        t0.elapsed() < Duration::from_secs(90),
        "took {:?}",
        t0.elapsed()
    );
}
