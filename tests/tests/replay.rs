//! `vigia replay`: dead letters go back to the raw topic with their original bytes once their
//! cause is fixed, filtered by reason, and the pipeline then enriches them.

use rdkafka::message::Message;
use std::collections::HashMap;
use std::time::Duration;
use vigia::replay::{parse_reason, replay, ReplayOptions, REPLAYED_FROM};
use vigia_integration_tests::*;

/// Mentions dated `ahead` in the future, which the default skew tolerance (1 h) rejects.
fn from_the_future(run: &str, n: usize, ahead: chrono::Duration) -> Vec<Input> {
    mentions(run, n)
        .into_iter()
        .map(|mut i| {
            let mut v: serde_json::Value =
                serde_json::from_slice(i.payload.as_deref().unwrap()).unwrap();
            v["created_at"] = (chrono::Utc::now() + ahead)
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                .into();
            i.name = format!("{}-future", i.name);
            v["id"] = i.name.clone().into();
            i.payload = Some(serde_json::to_vec(&v).unwrap());
            i
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn replayed_dead_letters_are_enriched_after_the_fix() {
    require_broker();
    let topics = TestTopics::create("replay").await.unwrap();
    let group = unique("vigia-test-replay");
    let run = unique("r");
    let early = from_the_future(&run, 30, chrono::Duration::minutes(90));
    let junk: Vec<Input> = malformed(&run, 24)
        .into_iter()
        .filter(|i| i.name.starts_with("bad-json"))
        .collect();
    let n_junk = junk.len();
    let inputs = interleave(mentions(&run, 50), [early, junk].concat());

    // 1. A connector's clock runs 90 minutes fast: those mentions are dead-lettered.
    let strict = config(&topics, &group, "at_least_once", "");
    let pipeline = RunningPipeline::start(strict.clone());
    let produced = produce(&producer(), &topics.raw, inputs).await;
    wait_caught_up(&group, &topics.raw, Duration::from_secs(60))
        .await
        .unwrap();
    pipeline.stop().await;
    let dlq = drain(&topics.dlq, false);
    assert_eq!(dlq.len(), 30 + n_junk);
    // Each dead letter is its original record: same key (the input's name), same bytes, same
    // `vigia.platform` header (present on some inputs only), plus the envelope's headers.
    let by_name: HashMap<&str, &Input> = produced
        .iter()
        .map(|p| (p.input.name.as_str(), &p.input))
        .collect();
    for m in &dlq {
        let key = m.key().map(|k| String::from_utf8_lossy(k).into_owned());
        let input = by_name
            .get(key.as_deref().unwrap_or_default())
            .unwrap_or_else(|| panic!("dead letter keyed {key:?}: not an input's name"));
        assert_eq!(m.payload(), input.payload.as_deref().or(Some(&[][..])));
        assert_eq!(header(m, "vigia.platform"), input.platform_header);
        assert_eq!(
            header(m, "vigia.source.topic").as_deref(),
            Some(topics.raw.as_str())
        );
    }
    let with_platform = dlq
        .iter()
        .filter(|m| header(m, "vigia.platform").is_some())
        .count();
    assert!(
        with_platform > 0,
        "some dead letters carry a vigia.platform header"
    );

    let opts = ReplayOptions {
        from: topics.dlq.clone(),
        to: topics.raw.clone(),
        reasons: vec![parse_reason("timestamp_in_future").unwrap()],
        max: None,
        dry_run: true,
    };
    // 2. Dry run: counts only, produces nothing.
    let dry = replay(&strict, &opts).await.unwrap();
    assert_eq!(dry.scanned, (30 + n_junk) as u64);
    assert_eq!(dry.replayed, 30);
    assert_eq!(dry.by_reason.get("timestamp_in_future"), Some(&30));
    let limited = replay(
        &strict,
        &ReplayOptions {
            max: Some(7),
            ..opts.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(limited.replayed, 7);
    assert_eq!(drain(&topics.raw, false).len(), produced.len());

    // 3. The tolerance is raised; the future-dated dead letters are replayed, the junk is not.
    let done = replay(
        &strict,
        &ReplayOptions {
            dry_run: false,
            ..opts.clone()
        },
    )
    .await
    .unwrap();
    assert_eq!(done.replayed, 30);
    let raw = drain(&topics.raw, false);
    let replayed: Vec<_> = raw
        .iter()
        .filter(|m| header(m, REPLAYED_FROM).is_some())
        .collect();
    assert_eq!(replayed.len(), 30);
    let dlq_by_origin: HashMap<String, &[u8]> = dlq
        .iter()
        .map(|m| {
            (
                format!("{}/{}/{}", topics.dlq, m.partition(), m.offset()),
                m.payload().unwrap_or_default(),
            )
        })
        .collect();
    for m in &replayed {
        let origin = header(m, REPLAYED_FROM).unwrap();
        assert_eq!(
            Some(&m.payload().unwrap_or_default()),
            dlq_by_origin.get(&origin),
            "replayed bytes differ from the dead letter at {origin}"
        );
        // The original key and headers come back; the envelope's headers do not.
        let key = m.key().map(|k| String::from_utf8_lossy(k).into_owned());
        let input = by_name
            .get(key.as_deref().unwrap_or_default())
            .unwrap_or_else(|| panic!("replayed record keyed {key:?}: not an input's name"));
        assert!(input.name.ends_with("-future"), "{}", input.name);
        assert_eq!(
            header(m, "vigia.platform"),
            input.platform_header,
            "{origin}"
        );
        for h in vigia_model::ENVELOPE_HEADERS {
            assert_eq!(header(m, h), None, "{origin} carries {h}");
        }
    }
    assert!(
        replayed
            .iter()
            .any(|m| header(m, "vigia.platform").is_some()),
        "some replayed records carry their vigia.platform header"
    );

    let mut lenient = strict.clone();
    lenient.ingest.max_future_skew_secs = 3 * 3600;
    let pipeline = RunningPipeline::start(lenient);
    wait_caught_up(&group, &topics.raw, Duration::from_secs(60))
        .await
        .unwrap();
    let second = pipeline.stop().await;
    assert_eq!(second.records, 30, "only the replayed records were new");

    let enriched = drain(&topics.enriched, false);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for m in &enriched {
        let v: serde_json::Value = serde_json::from_slice(m.payload().unwrap()).unwrap();
        *seen
            .entry(v["id"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    for p in produced.iter().filter(|p| p.input.valid) {
        assert_eq!(seen.get(&p.input.name), Some(&1), "{}", p.input.name);
    }
    assert_eq!(enriched.len(), 80);
    assert_eq!(
        drain(&topics.dlq, false).len(),
        30 + n_junk,
        "nothing new dead-lettered"
    );
}

#[test]
fn unknown_reason_names_the_valid_ones() {
    let err = parse_reason("too_spicy").unwrap_err().to_string();
    assert!(err.contains("timestamp_in_future"), "{err}");
}
