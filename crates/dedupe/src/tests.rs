use super::*;
use proptest::prelude::*;
use vigia_model::DedupeKind;

fn m(id: &str, text: &str, t: &str) -> Mention {
    serde_json::from_value(serde_json::json!({
        "id": id, "platform": "x", "author": {"id": "a"}, "text": text, "created_at": t,
    }))
    .expect("valid mention")
}

fn info(v: Verdict) -> DedupeInfo {
    match v {
        Verdict::Fresh { info } => info,
        v => panic!("{v:?}"),
    }
}

const T0: &str = "2026-01-01T00:00:00Z";

#[test]
fn exact_and_redelivery() {
    let mut d = Deduper::new(DedupeConfig::default());
    let a = m("x:1", "Wait times are awful", T0);
    let b = m(
        "x:2",
        "wait  times are AWFUL https://t.co/x",
        "2026-01-01T00:01:00Z",
    );
    assert!(info(d.check(&a)).duplicate_of.is_none());
    let i = info(d.check(&b));
    assert_eq!(i.duplicate_of.as_deref(), Some("x:1"));
    assert_eq!(i.kind, Some(DedupeKind::Exact));
    assert_eq!(i.similarity, Some(1.0));
    assert_eq!(i.cluster_size, 2);
    assert_eq!(i.first_seen, a.created_at);
    assert!(matches!(d.check(&a), Verdict::Redelivery { .. }));
    assert_eq!(d.len(), 2);
}

#[test]
fn near_duplicates_link_and_topic_neighbours_do_not() {
    let mut d = Deduper::new(DedupeConfig::default());
    let orig = "Six hours waiting in the emergency room of Hospital del Mar tonight and still no doctor has seen my father";
    let near = "RT @pep: six hours waiting in the emergency room of Hospital del Mar today and still no doctor has seen my dad 😡 https://t.co/z";
    let other = "Emergency room of Hospital del Mar: my mother waited two hours tonight, the nurses were kind though";
    assert!(info(d.check(&m("x:1", orig, T0))).duplicate_of.is_none());
    let i = info(d.check(&m("x:2", near, T0)));
    assert_eq!(i.duplicate_of.as_deref(), Some("x:1"));
    assert_eq!(i.kind, Some(DedupeKind::Near));
    assert!(i.similarity.unwrap() >= MinHashParams::default().threshold);
    assert!(info(d.check(&m("x:3", other, T0))).duplicate_of.is_none());
}

#[test]
fn window_and_max_entries_evict() {
    let mut d = Deduper::new(DedupeConfig {
        window_secs: 60,
        max_entries: 10,
        ..Default::default()
    });
    d.check(&m("x:1", "same", T0));
    let i = info(d.check(&m("x:2", "same", "2026-01-01T01:00:00Z")));
    assert!(i.duplicate_of.is_none());
    assert_eq!(d.len(), 1);
    for n in 0..30 {
        d.check(&m(
            &format!("x:{}", 100 + n),
            &format!("text number {n}"),
            "2026-01-01T01:00:00Z",
        ));
    }
    assert_eq!(d.len(), 10);
    // the re-delivery of an evicted id is no longer recognised: the window is the contract
    assert!(matches!(
        d.check(&m("x:100", "text number 0", "2026-01-01T01:00:00Z")),
        Verdict::Fresh { .. }
    ));
}

#[test]
fn replay_of_the_same_offset_is_processed_again() {
    let mut d = Deduper::new(DedupeConfig::default());
    let a = m("x:1", "the new wing opens on monday morning", T0);
    let b = m("x:2", "The new wing opens on Monday morning!", T0);
    d.check_at(0, Some(10), &a);
    let first = info(d.check_at(0, Some(11), &b));
    // restart before the outputs of offset 11 were acknowledged: the record comes again
    assert_eq!(info(d.check_at(0, Some(11), &b)), first);
    // the connector sending x:2 again is a re-delivery
    assert!(matches!(
        d.check_at(0, Some(12), &b),
        Verdict::Redelivery { .. }
    ));
}

#[test]
fn cluster_outlives_its_first_mention() {
    let mut d = Deduper::new(DedupeConfig {
        window_secs: 3600,
        ..Default::default()
    });
    let text = "free flu vaccines at gemelli this saturday bring your health card";
    d.check(&m("x:1", text, "2026-01-01T00:00:00Z"));
    d.check(&m("x:2", text, "2026-01-01T00:50:00Z"));
    // x:1 leaves the window; x:2 takes over the cluster
    let i = info(d.check(&m("x:3", text, "2026-01-01T01:20:00Z")));
    assert_eq!(i.duplicate_of.as_deref(), Some("x:2"));
    assert_eq!(i.cluster_size, 2);
    let i = info(d.check(&m("x:4", text, "2026-01-01T01:21:00Z")));
    assert_eq!(i.cluster_id, "x:2");
    assert_eq!(i.cluster_size, 3);
}

#[test]
fn local_store_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = DedupeConfig {
        state_dir: Some(dir.path().to_path_buf()),
        ..Default::default()
    };
    let text = "billing at clinica moderna charged me twice for one visit";
    {
        let mut d = Deduper::open(cfg.clone()).unwrap();
        d.check_at(2, Some(0), &m("x:1", text, T0));
        d.persist().unwrap();
    }
    let mut d = Deduper::open(cfg).unwrap();
    let i = info(d.check_at(2, Some(1), &m("x:2", &format!("{text} 😡"), T0)));
    assert_eq!(i.duplicate_of.as_deref(), Some("x:1"));
    assert!(matches!(
        d.check_at(2, Some(2), &m("x:1", text, T0)),
        Verdict::Redelivery { .. }
    ));
}

fn stream() -> impl Strategy<Value = Vec<(u8, u8, u16)>> {
    // (text template, variation, seconds step)
    proptest::collection::vec((0u8..6, 0u8..4, 0u16..900), 1..120)
}

fn mention_of(i: usize, (tpl, var, _): (u8, u8, u16), secs: i64) -> Mention {
    const TPL: [&str; 6] = [
        "waited five hours in the emergency room and nobody told us anything about my mother",
        "the staff on the third floor were wonderful with my grandfather last week thank you",
        "they charged me twice for the same blood test and billing does not answer the phone",
        "vaccines cause autism says a nurse in this video share before they delete it",
        "parking at the hospital costs more than the visit itself this is outrageous",
        "ok",
    ];
    const VAR: [&str; 4] = ["", " @someone", " https://t.co/abc 😀", " really"];
    let t = chrono::DateTime::<chrono::Utc>::from_timestamp(1_767_225_600 + secs, 0).unwrap();
    let mut m = m(
        &format!("x:{}", i % 97),
        &format!("{}{}", TPL[tpl as usize], VAR[var as usize]),
        T0,
    );
    m.created_at = t;
    m
}

proptest! {
    /// Handing a partition over at any point (restore from the changelog records) changes no
    /// verdict: no link lost, none invented.
    #[test]
    fn handover_preserves_verdicts(s in stream(), cut in 0usize..120, small in any::<bool>()) {
        let cfg = DedupeConfig {
            window_secs: 3600,
            max_entries: if small { 20 } else { 1000 },
            ..Default::default()
        };
        let mut secs = 0i64;
        let ms: Vec<(Mention, i64)> = s.iter().enumerate().map(|(i, x)| {
            secs += x.2 as i64;
            (mention_of(i, *x, secs), i as i64)
        }).collect();
        let mut one = Deduper::new(cfg.clone());
        let expected: Vec<Verdict> = ms.iter().map(|(m, o)| one.check_at(5, Some(*o), m)).collect();

        let cut = cut.min(ms.len());
        let mut a = Deduper::new(cfg.clone());
        let mut log: Vec<(Vec<u8>, Option<Vec<u8>>)> = Vec::new();
        let mut got: Vec<Verdict> = Vec::new();
        for (m, o) in &ms[..cut] {
            got.push(a.check_at(5, Some(*o), m));
        }
        for c in a.persist().unwrap() {
            log.push((c.key().to_vec(), c.value));
        }
        let mut b = Deduper::new(cfg);
        b.restore(5, fold_changelog(5, log));
        for (m, o) in &ms[cut..] {
            got.push(b.check_at(5, Some(*o), m));
        }
        prop_assert_eq!(got, expected);
    }
}
