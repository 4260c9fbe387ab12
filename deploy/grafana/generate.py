#!/usr/bin/env python3
"""Generate vigia's Grafana dashboards (JSON model, schemaVersion 39, Grafana 10/11).

    python3 deploy/grafana/generate.py

Writes deploy/grafana/dashboards/*.json (provisioned by docker compose) and the same files into
deploy/helm/vigia/dashboards/ (shipped by the chart as sidecar ConfigMaps). Edit this file, not
the JSON. Metric names come from crates/telemetry/src/metrics.rs; tests/tests/deploy.rs checks
that every vigia_* series referenced here exists.
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT_DIRS = [ROOT / "deploy/grafana/dashboards", ROOT / "deploy/helm/vigia/dashboards"]
DS = {"type": "prometheus", "uid": "${datasource}"}


class Layout:
    """Places panels left to right on a 24-column grid."""

    def __init__(self):
        self.x = 0
        self.y = 0
        self.row_h = 0
        self.next_id = 1
        self.panels = []

    def add(self, panel, w, h):
        if self.x + w > 24:
            self.x = 0
            self.y += self.row_h
            self.row_h = 0
        panel["id"] = self.next_id
        self.next_id += 1
        panel["gridPos"] = {"x": self.x, "y": self.y, "w": w, "h": h}
        self.x += w
        self.row_h = max(self.row_h, h)
        self.panels.append(panel)

    def row(self, title):
        if self.x:
            self.x = 0
            self.y += self.row_h
            self.row_h = 0
        self.panels.append({
            "type": "row", "title": title, "collapsed": False, "id": self.next_id,
            "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}, "panels": [],
        })
        self.next_id += 1
        self.y += 1


def target(expr, legend="", ref="A", instant=False, fmt=None):
    t = {"datasource": DS, "expr": expr, "legendFormat": legend, "refId": ref, "range": not instant,
         "instant": instant}
    if fmt:
        t["format"] = fmt
    return t


def targets(*pairs, instant=False):
    return [target(e, l, chr(ord("A") + i), instant=instant) for i, (e, l) in enumerate(pairs)]


def timeseries(title, tgts, unit="short", stack=False, percent=False, bars=False, desc="",
               overrides=None):
    custom = {"drawStyle": "bars" if bars else "line", "lineWidth": 1,
              "fillOpacity": 80 if bars else (30 if stack else 10), "showPoints": "never",
              "spanNulls": False,
              "stacking": {"mode": "percent" if percent else ("normal" if stack else "none"),
                           "group": "A"}}
    return {"type": "timeseries", "title": title, "description": desc, "datasource": DS,
            "targets": tgts,
            "fieldConfig": {"defaults": {"unit": "percentunit" if percent else unit,
                                         "custom": custom, "color": {"mode": "palette-classic"}},
                            "overrides": overrides or []},
            "options": {"legend": {"displayMode": "table", "placement": "right",
                                   "calcs": ["mean", "max"] if not percent else ["mean"]},
                        "tooltip": {"mode": "multi", "sort": "desc"}}}


def stat(title, expr, unit="short", thresholds=None, desc="", decimals=None):
    steps = thresholds or [{"color": "green", "value": None}]
    d = {"unit": unit, "thresholds": {"mode": "absolute", "steps": steps},
         "color": {"mode": "thresholds"}}
    if decimals is not None:
        d["decimals"] = decimals
    return {"type": "stat", "title": title, "description": desc, "datasource": DS,
            "targets": [target(expr, "", instant=True)],
            "fieldConfig": {"defaults": d, "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "colorMode": "background", "graphMode": "none", "textMode": "value",
                        "justifyMode": "auto", "orientation": "auto"}}


def piechart(title, expr, legend, desc=""):
    return {"type": "piechart", "title": title, "description": desc, "datasource": DS,
            "targets": [target(expr, legend, instant=True)],
            "fieldConfig": {"defaults": {"unit": "short", "color": {"mode": "palette-classic"}},
                            "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "pieType": "donut", "displayLabels": ["percent"],
                        "legend": {"displayMode": "table", "placement": "right",
                                   "values": ["value", "percent"]},
                        "tooltip": {"mode": "single"}}}


def bargauge(title, expr, legend, unit="short", desc="", max_=None):
    d = {"unit": unit, "color": {"mode": "continuous-GrYlRd"} if unit == "percentunit"
         else {"mode": "palette-classic"}, "min": 0}
    if max_ is not None:
        d["max"] = max_
    return {"type": "bargauge", "title": title, "description": desc, "datasource": DS,
            "targets": [target(expr, legend, instant=True)],
            "fieldConfig": {"defaults": d, "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "orientation": "horizontal", "displayMode": "gradient",
                        "showUnfilled": True}}


def table(title, expr, desc="", rename=None):
    return {"type": "table", "title": title, "description": desc, "datasource": DS,
            "targets": [target(expr, "", instant=True, fmt="table")],
            "fieldConfig": {"defaults": {}, "overrides": []},
            "transformations": [{"id": "organize", "options": {
                "excludeByName": {"Time": True}, "renameByName": rename or {}}}],
            "options": {"showHeader": True, "sortBy": [{"displayName": "alerts", "desc": True}]}}


def severity_colors():
    colors = {"critical": "red", "high": "orange", "medium": "yellow", "low": "blue",
              "negative": "red", "neutral": "text", "positive": "green"}
    return [{"matcher": {"id": "byName", "options": k},
             "properties": [{"id": "color", "value": {"mode": "fixed", "fixedColor": v}}]}
            for k, v in colors.items()]


def datasource_var():
    return {"name": "datasource", "label": "Prometheus", "type": "datasource",
            "query": "prometheus", "current": {}, "hide": 0, "refresh": 1, "regex": "",
            "options": []}


def query_var(name, label, query, multi=True):
    return {"name": name, "label": label, "type": "query", "datasource": DS,
            "query": {"query": query, "refId": "v"}, "definition": query, "refresh": 2,
            "includeAll": True, "multi": multi, "allValue": ".*", "current": {},
            "options": [], "sort": 1, "hide": 0}


def dashboard(uid, title, desc, layout, variables, tags, refresh="30s", time_from="now-6h"):
    return {"uid": uid, "title": title, "description": desc, "tags": tags, "editable": True,
            "schemaVersion": 39, "version": 1, "graphTooltip": 1, "refresh": refresh,
            "time": {"from": time_from, "to": "now"}, "timezone": "browser",
            "fiscalYearStartMonth": 0, "liveNow": False, "weekStart": "",
            "templating": {"list": [datasource_var()] + variables},
            "annotations": {"list": [{
                "builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"},
                "enable": True, "hide": True, "iconColor": "rgba(0, 211, 255, 1)",
                "name": "Annotations & Alerts", "type": "dashboard"}]},
            "links": [{"title": "vigia dashboards", "type": "dashboards", "tags": ["vigia"],
                       "asDropdown": True, "includeVars": True, "keepTime": True}],
            "panels": layout.panels}


J = 'job=~"$job"'


def pipeline():
    L = Layout()
    L.row("Now")
    L.add(stat("Consumed / s", f'sum(rate(vigia_records_consumed_total{{{J}}}[$__rate_interval]))',
               "rps", desc="Raw records read from mentions.raw"), 4, 4)
    L.add(stat("Enriched / s", f'sum(rate(vigia_mentions_enriched_total{{{J}}}[$__rate_interval]))',
               "rps"), 4, 4)
    L.add(stat("Dead-letter ratio",
               f'sum(rate(vigia_dead_letters_total{{{J}}}[5m])) / '
               f'clamp_min(sum(rate(vigia_records_consumed_total{{{J}}}[5m])), 1e-9)',
               "percentunit", decimals=1,
               thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 0.05},
                           {"color": "red", "value": 0.5}],
               desc="Share of input sent to mentions.dlq over 5 minutes (alert VigiaDeadLetterRateHigh at 5%)"), 4, 4)
    L.add(stat("Consumer lag",
               f'sum(max by (partition) (vigia_consumer_lag_messages{{{J}}}))', "short",
               thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1000},
                           {"color": "red", "value": 100000}],
               desc="Messages behind the end of mentions.raw, all partitions"), 4, 4)
    L.add(stat("p99 batch latency",
               f'histogram_quantile(0.99, sum by (le) (rate(vigia_end_to_end_latency_seconds_bucket{{{J}}}[5m])))',
               "s", thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1},
                                {"color": "red", "value": 5}],
               desc="From consumption of a batch to acknowledgement of all its outputs"), 4, 4)
    L.add(stat("Instances up", f'sum(up{{{J}}})', "short",
               thresholds=[{"color": "red", "value": None}, {"color": "green", "value": 1}]), 4, 4)

    L.row("Throughput")
    L.add(timeseries("Records consumed and outputs produced", targets(
        (f'sum(rate(vigia_records_consumed_total{{{J}}}[$__rate_interval]))', "consumed"),
        (f'sum by (output) (rate(vigia_outputs_produced_total{{{J}}}[$__rate_interval]))', "produced {{output}}"),
    ), "rps"), 12, 8)
    L.add(timeseries("Mentions ingested by platform", targets(
        (f'sum by (platform) (rate(vigia_mentions_ingested_total{{{J}}}[$__rate_interval]))', "{{platform}}"),
    ), "rps", stack=True), 12, 8)
    L.add(timeseries("Consumer lag by partition", targets(
        (f'max by (partition) (vigia_consumer_lag_messages{{{J}}})', "{{partition}}"),
    ), "short", desc="vigia_consumer_lag_messages, from librdkafka statistics every 5 s"), 12, 8)
    L.add(timeseries("Duplicates by kind", targets(
        (f'sum by (kind) (rate(vigia_duplicates_total{{{J}}}[$__rate_interval]))', "{{kind}}"),
        (f'sum(rate(vigia_unmatched_total{{{J}}}[$__rate_interval]))', "unmatched"),
    ), "rps", desc="redelivery: same platform id again (dropped); exact/near: copies linked to an original"), 12, 8)

    L.row("Errors")
    L.add(timeseries("Dead letters by reason", targets(
        (f'sum by (stage, reason) (rate(vigia_dead_letters_total{{{J}}}[$__rate_interval]))', "{{stage}} / {{reason}}"),
    ), "rps", stack=True, bars=False, desc="Records sent to mentions.dlq, with the reason in the vigia.reason header"), 12, 8)
    L.add(timeseries("Produce errors by output", targets(
        (f'sum by (output) (increase(vigia_produce_errors_total{{{J}}}[$__rate_interval]))', "{{output}}"),
    ), "short", bars=True, desc="Records the broker did not acknowledge; vigia stops without storing their offsets"), 12, 8)

    L.row("Latency and resources")
    L.add(timeseries("Stage duration per batch (p50 / p99)", targets(
        (f'histogram_quantile(0.5, sum by (stage, le) (rate(vigia_stage_duration_seconds_bucket{{{J}}}[$__rate_interval])))', "p50 {{stage}}"),
        (f'histogram_quantile(0.99, sum by (stage, le) (rate(vigia_stage_duration_seconds_bucket{{{J}}}[$__rate_interval])))', "p99 {{stage}}"),
    ), "s"), 12, 8)
    L.add(timeseries("Batch latency, consumption to acknowledgement", targets(
        (f'histogram_quantile(0.5, sum by (le) (rate(vigia_end_to_end_latency_seconds_bucket{{{J}}}[$__rate_interval])))', "p50"),
        (f'histogram_quantile(0.9, sum by (le) (rate(vigia_end_to_end_latency_seconds_bucket{{{J}}}[$__rate_interval])))', "p90"),
        (f'histogram_quantile(0.99, sum by (le) (rate(vigia_end_to_end_latency_seconds_bucket{{{J}}}[$__rate_interval])))', "p99"),
    ), "s"), 12, 8)
    L.add(timeseries("Batch size and records in flight", targets(
        (f'sum(rate(vigia_batch_size_records_sum{{{J}}}[$__rate_interval])) / clamp_min(sum(rate(vigia_batch_size_records_count{{{J}}}[$__rate_interval])), 1e-9)', "mean batch size"),
        (f'sum(vigia_inflight_records{{{J}}})', "in flight"),
    ), "short"), 12, 8)
    L.add(timeseries("Dedupe state and offsets stored", targets(
        (f'sum by (instance) (vigia_dedupe_state_entries{{{J}}})', "dedupe entries {{instance}}"),
        (f'sum(rate(vigia_offsets_stored_total{{{J}}}[$__rate_interval]))', "offsets stored / s"),
    ), "short"), 12, 8)
    return dashboard("vigia-pipeline", "vigia / Pipeline health",
                     "Throughput, consumer lag, dead letters, produce errors and latency of the vigia pipeline.",
                     L, [query_var("job", "Job", "label_values(vigia_build_info, job)")],
                     ["vigia", "kafka", "pipeline"], refresh="10s", time_from="now-1h")


O = 'organisation=~"$organisation"'


def listening():
    L = Layout()
    L.row("Share of voice")
    L.add(piechart("Share of voice (range)",
                   f'sum by (brand) (increase(vigia_brand_mentions_total{{{J},{O},brand!="none"}}[$__range]))',
                   "{{brand}}",
                   desc="Mentions of each organisation's own brands and its configured competitors over the selected range"), 8, 9)
    L.add(timeseries("Share of voice over time", targets(
        (f'sum by (brand) (increase(vigia_brand_mentions_total{{{J},{O},brand!="none"}}[$__rate_interval]))', "{{brand}}"),
    ), percent=True, stack=True), 16, 9)
    L.add(bargauge("Negative share by brand (range)",
                   f'sum by (brand) (increase(vigia_brand_mentions_total{{{J},{O},brand!="none",label="negative"}}[$__range]))'
                   f' / clamp_min(sum by (brand) (increase(vigia_brand_mentions_total{{{J},{O},brand!="none"}}[$__range])), 1)',
                   "{{brand}}", unit="percentunit", max_=1,
                   desc="How much of each brand's conversation is negative: compare your brands with competitors"), 12, 8)
    L.add(timeseries("Mentions by brand and sentiment", targets(
        (f'sum by (brand, label) (increase(vigia_brand_mentions_total{{{J},{O},brand!="none"}}[$__rate_interval]))', "{{brand}} {{label}}"),
    ), bars=True, stack=True), 12, 8)

    L.row("Sentiment")
    L.add(timeseries("Sentiment share", targets(
        (f'sum by (label) (increase(vigia_brand_mentions_total{{{J},{O}}}[$__rate_interval]))', "{{label}}"),
    ), percent=True, stack=True, overrides=severity_colors()), 12, 8)
    L.add(timeseries("Sentiment by platform", targets(
        (f'sum by (platform, label) (rate(vigia_mentions_enriched_total{{{J}}}[$__rate_interval]))', "{{platform}} {{label}}"),
    ), "rps", stack=True), 12, 8)
    L.add(bargauge("Healthcare aspects (range)",
                   f'sort_desc(sum by (aspect) (increase(vigia_aspects_total{{{J}}}[$__range])))', "{{aspect}}",
                   desc="Wait times, staff, billing, cleanliness, appointments... detected in mentions"), 12, 8)
    L.add(timeseries("Misinformation and patient-data exposure", targets(
        (f'sum by (platform) (increase(vigia_misinformation_mentions_total{{{J}}}[$__rate_interval]))', "misinformation {{platform}}"),
        (f'sum by (platform) (increase(vigia_phi_mentions_total{{{J}}}[$__rate_interval]))', "PHI {{platform}}"),
    ), bars=True, stack=True), 12, 8)

    L.row("Alerts")
    L.add(timeseries("Alert history by kind and severity", targets(
        (f'sum by (kind, severity) (increase(vigia_alerts_total{{{J}}}[$__rate_interval]))', "{{kind}} ({{severity}})"),
    ), bars=True, stack=True,
        desc="Alerts written to the alerts topic: negative_surge, misinformation_surge, critical_mention, phi_exposure, influencer_mention"), 16, 8)
    L.add(table("Alerts in range",
                f'sort_desc(sum by (kind, severity) (increase(vigia_alerts_total{{{J}}}[$__range])))',
                rename={"Value": "alerts", "kind": "kind", "severity": "severity"}), 8, 8)
    L.add(timeseries("Alerts by severity", targets(
        (f'sum by (severity) (increase(vigia_alerts_total{{{J}}}[$__rate_interval]))', "{{severity}}"),
    ), bars=True, stack=True, overrides=severity_colors()), 24, 6)
    return dashboard("vigia-listening", "vigia / Social listening",
                     "Share of voice against competitors, sentiment, healthcare aspects, misinformation and alert history per organisation.",
                     L, [query_var("job", "Job", "label_values(vigia_build_info, job)"),
                         query_var("organisation", "Organisation",
                                   "label_values(vigia_brand_mentions_total, organisation)")],
                     ["vigia", "social-listening"], refresh="1m", time_from="now-24h")


def main():
    boards = {"vigia-pipeline.json": pipeline(), "vigia-listening.json": listening()}
    for d in OUT_DIRS:
        d.mkdir(parents=True, exist_ok=True)
        for name, board in boards.items():
            (d / name).write_text(json.dumps(board, indent=2, ensure_ascii=False) + "\n")
            print(f"wrote {(d / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
