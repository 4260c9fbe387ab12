//! deploy/ stays in step with the code: every metric the Grafana dashboards and Prometheus
//! rules use is one vigia exports, the Helm chart's copies of rules and dashboards match
//! deploy/prometheus and deploy/grafana, and the shipped vigia.toml files are valid.
//! (promtool checks the rules themselves: `scripts/prometheus check`; the real-Prometheus test
//! is prometheus_scrape.rs.)

use serde_json::Value;
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use vigia_telemetry::Metrics;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

fn files(dir: &str, ext: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("listing {dir}: {e}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    v.sort();
    v
}

/// Series names vigia exposes, from the `# TYPE` lines of its registry.
fn exported_series() -> HashSet<String> {
    let reg = Metrics::default().register();
    let text = vigia_telemetry::metrics::render(&reg);
    let mut out = HashSet::new();
    for line in text.lines().filter(|l| l.starts_with("# TYPE ")) {
        let mut parts = line.split_whitespace().skip(2);
        let (name, kind) = (parts.next().unwrap(), parts.next().unwrap());
        match kind {
            "counter" => {
                out.insert(format!("{name}_total"));
                out.insert(format!("{name}_created"));
            }
            "histogram" => {
                // The family name itself may appear in prose (annotations, descriptions).
                out.insert(name.to_string());
                for s in ["_bucket", "_sum", "_count", "_created"] {
                    out.insert(format!("{name}{s}"));
                }
            }
            "info" => {
                out.insert(format!("{name}_info"));
            }
            _ => {
                out.insert(name.to_string());
            }
        }
    }
    out
}

/// `vigia_*` identifiers in a text (recording-rule names use `vigia:` and are not matched).
fn metric_refs(text: &str) -> BTreeSet<String> {
    let b = text.as_bytes();
    let mut out = BTreeSet::new();
    let mut i = 0;
    while let Some(pos) = text[i..].find("vigia_") {
        let start = i + pos;
        let before_ok =
            start == 0 || !(b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_');
        let mut end = start;
        while end < b.len()
            && (b[end].is_ascii_lowercase() || b[end].is_ascii_digit() || b[end] == b'_')
        {
            end += 1;
        }
        if before_ok {
            out.insert(text[start..end].to_string());
        }
        i = end.max(start + 1);
    }
    out
}

#[test]
fn dashboards_and_rules_use_only_exported_metrics() {
    let exported = exported_series();
    let mut sources = files("deploy/grafana/dashboards", ".json");
    sources.push("deploy/prometheus/rules.yml".into());
    let mut used = 0;
    for src in &sources {
        let text = read(src);
        for name in metric_refs(&text) {
            used += 1;
            assert!(
                exported.contains(&name),
                "{src} uses {name}, which vigia does not export (crates/telemetry/src/metrics.rs); exported: {:?}",
                exported.iter().collect::<BTreeSet<_>>()
            );
        }
    }
    assert!(used > 20, "only {used} metric references found");
}

#[test]
fn dashboards_are_valid_grafana_json() {
    let boards = files("deploy/grafana/dashboards", ".json");
    assert!(boards.len() >= 2);
    let mut uids = HashSet::new();
    for path in boards {
        let v: Value = serde_json::from_str(&read(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            uids.insert(v["uid"].as_str().unwrap().to_string()),
            "{path}: duplicate uid"
        );
        let panels = v["panels"].as_array().unwrap();
        let mut ids = HashSet::new();
        for p in panels {
            assert!(
                ids.insert(p["id"].as_u64().unwrap()),
                "{path}: duplicate panel id"
            );
            if p["type"] == "row" {
                continue;
            }
            let targets = p["targets"].as_array().unwrap();
            assert!(
                !targets.is_empty(),
                "{path}: panel {} has no query",
                p["title"]
            );
            for t in targets {
                let expr = t["expr"].as_str().unwrap();
                assert_eq!(
                    expr.matches('(').count(),
                    expr.matches(')').count(),
                    "{path}: {expr}"
                );
                assert_eq!(
                    expr.matches('{').count(),
                    expr.matches('}').count(),
                    "{path}: {expr}"
                );
            }
        }
    }
}

#[test]
fn helm_chart_copies_match_their_sources() {
    assert_eq!(
        read("deploy/helm/vigia/files/rules.yml"),
        read("deploy/prometheus/rules.yml"),
        "copy deploy/prometheus/rules.yml to deploy/helm/vigia/files/rules.yml"
    );
    for src in files("deploy/grafana/dashboards", ".json") {
        let name = Path::new(&src)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(
            read(&format!("deploy/helm/vigia/dashboards/{name}")),
            read(&src),
            "run python3 deploy/grafana/generate.py"
        );
    }
}

/// The `config: |` block of the chart's values.yaml, de-indented.
fn helm_default_config() -> String {
    let values = read("deploy/helm/vigia/values.yaml");
    let mut lines = values
        .lines()
        .skip_while(|l| !l.starts_with("config: |"))
        .skip(1);
    let mut out = String::new();
    for l in lines.by_ref() {
        if !l.is_empty() && !l.starts_with("  ") {
            break;
        }
        out.push_str(l.strip_prefix("  ").unwrap_or(l));
        out.push('\n');
    }
    assert!(out.contains("[kafka]"), "no config block in values.yaml");
    out
}

#[test]
fn shipped_configurations_are_valid() {
    for (name, text) in [
        ("deploy/vigia.toml", read("deploy/vigia.toml")),
        (
            "deploy/helm/vigia/values.yaml config",
            helm_default_config(),
        ),
    ] {
        let cfg = vigia::Config::from_toml(&text).unwrap_or_else(|e| panic!("{name}: {e:#}"));
        assert_eq!(
            cfg.telemetry.listen.ip().to_string(),
            "0.0.0.0",
            "{name}: telemetry must listen on all interfaces in a container"
        );
    }
}
