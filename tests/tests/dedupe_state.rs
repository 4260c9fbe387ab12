//! Dedupe state against a real broker: a restart keeps the links (from the local log, and from
//! the changelog topic alone), and a rebalance between two instances neither loses a link nor
//! invents one.
//!
//! Inputs are keyed the way connectors key `mentions.raw` (by a dedupe key: here one per
//! cluster family), so a copy lands in the partition of its original.

use anyhow::Result;
use rdkafka::message::Message;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use std::collections::HashMap;
use std::time::Duration;
use vigia_integration_tests::*;

const ORIGINALS: [&str; 10] = [
    "Six hours in the emergency room at Hospital de Sant Pau and my father still has not seen a doctor tonight",
    "Les infermeres de la planta sis de l'Hospital de Sant Pau van cuidar la meva mare amb una paciència infinita",
    "El parking del Hospital de Sant Pau cuesta ya tres euros la hora y visitar a mi mujer cada día es carísimo",
    "Sant Pau charged me twice for the same MRI and nobody in billing answers the phone after three weeks",
    "La vacuna de la grip de Sant Pau porta grafè diu una amiga que hi treballa, no la poseu als vostres fills",
    "Cita de cardiología en el Hospital de Sant Pau anulada por tercera vez el día antes, siete meses esperando",
    "Il pronto soccorso del Sant Pau stasera è un disastro, quattro ore di attesa e nessuno ci dice niente",
    "The maternity wing at Hospital de Sant Pau was spotless and the midwives were wonderful with my sister",
    "Les urgències de Sant Pau avui són un caos, quatre hores d'espera i ens diuen que poden ser quatre més",
    "Sant Pau finally refunded the double charge for my MRI after I posted about it, thanks to the billing lead",
];

/// Distinct mentions about the same organisation that copy nothing.
const CONTROLS: [&str; 4] = [
    "New paediatric wing opens at Hospital de Sant Pau next Monday with forty beds and a playground",
    "Sant Pau busca voluntaris per acompanyar gent gran ingressada durant les festes de Nadal",
    "Conferencia abierta sobre diabetes tipo dos en el Hospital de Sant Pau este jueves a las siete",
    "Il Sant Pau ha inaugurato un nuovo laboratorio di genetica con tre sequenziatori di ultima generazione",
];

struct Msg {
    key: String,
    id: String,
    text: String,
}

fn msg(key: &str, id: &str, text: &str) -> Msg {
    Msg {
        key: key.into(),
        id: id.into(),
        text: text.into(),
    }
}

fn originals(run: &str) -> Vec<Msg> {
    ORIGINALS
        .iter()
        .enumerate()
        .map(|(i, t)| msg(&format!("k{i}"), &format!("x:{run}-o{i}"), t))
        .collect()
}

/// Exact copies (RT prefix, URL, emoji), near copies (a word changed) and re-deliveries of the
/// originals, plus controls; each copy keyed like its original.
fn copies(run: &str, round: &str) -> Vec<Msg> {
    let mut v = Vec::new();
    for (i, t) in ORIGINALS.iter().enumerate() {
        let k = format!("k{i}");
        v.push(msg(
            &k,
            &format!("x:{run}-{round}-rt{i}"),
            &format!("RT @someone: {t} https://t.co/Ab{i} 😡"),
        ));
        let near = format!("{t} really"); // keep the tracked brand intact
        v.push(msg(&k, &format!("facebook:{run}-{round}-near{i}"), &near));
    }
    for (i, t) in CONTROLS.iter().enumerate() {
        v.push(msg(
            &format!("k{}", i * 3),
            &format!("x:{run}-{round}-c{i}"),
            t,
        ));
    }
    v
}

fn redeliveries(run: &str) -> Vec<Msg> {
    ORIGINALS
        .iter()
        .enumerate()
        .map(|(i, t)| msg(&format!("k{i}"), &format!("x:{run}-o{i}"), t))
        .collect()
}

async fn send(p: &FutureProducer, topic: &str, msgs: &[Msg]) -> Result<()> {
    let now = chrono::Utc::now();
    for (n, m) in msgs.iter().enumerate() {
        let platform = m.id.split(':').next().unwrap_or("x");
        let v = serde_json::json!({
            "id": m.id, "platform": platform,
            "author": {"id": format!("a{n}")},
            "text": m.text,
            "created_at": (now - chrono::Duration::seconds(600 - n as i64)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        });
        let payload = serde_json::to_vec(&v)?;
        p.send(
            FutureRecord::to(topic)
                .key(m.key.as_str())
                .payload(&payload),
            Timeout::After(Duration::from_secs(30)),
        )
        .await
        .map_err(|(e, _)| e)?;
    }
    Ok(())
}

/// `dedupe` of every enriched mention, by id (the last one seen, and how many).
fn enriched_dedupe(topic: &str) -> HashMap<String, (serde_json::Value, usize)> {
    let mut out: HashMap<String, (serde_json::Value, usize)> = HashMap::new();
    for m in drain(topic, false) {
        let v: serde_json::Value = serde_json::from_slice(m.payload().unwrap_or_default()).unwrap();
        let id = v["id"].as_str().unwrap().to_string();
        let e = out.entry(id).or_insert((serde_json::Value::Null, 0));
        e.0 = v["dedupe"].clone();
        e.1 += 1;
    }
    out
}

/// Every copy linked to its original, every control and original unlinked, no re-delivery
/// output beyond the original's own.
fn check_links(run: &str, round: &str, got: &HashMap<String, (serde_json::Value, usize)>) {
    for i in 0..ORIGINALS.len() {
        let orig = format!("x:{run}-o{i}");
        let (d, n) = got
            .get(&orig)
            .unwrap_or_else(|| panic!("{orig} not enriched"));
        assert!(d["duplicate_of"].is_null(), "{orig} is an original: {d}");
        assert_eq!(
            *n, 1,
            "{orig}: its re-delivery must be dropped, not enriched again"
        );
        for (kind, id) in [
            ("exact", format!("x:{run}-{round}-rt{i}")),
            ("near", format!("facebook:{run}-{round}-near{i}")),
        ] {
            let (d, _) = got.get(&id).unwrap_or_else(|| panic!("{id} not enriched"));
            assert_eq!(
                d["duplicate_of"].as_str(),
                Some(orig.as_str()),
                "{id}: link lost: {d}"
            );
            assert_eq!(d["kind"].as_str(), Some(kind), "{id}: {d}");
        }
    }
    for i in 0..CONTROLS.len() {
        let id = format!("x:{run}-{round}-c{i}");
        let (d, _) = got.get(&id).unwrap_or_else(|| panic!("{id} not enriched"));
        assert!(d["duplicate_of"].is_null(), "{id}: link invented: {d}");
    }
}

async fn restart_keeps_links(state_dir: bool) {
    require_broker();
    let topics = TestTopics::create("dedupe-restart").await.unwrap();
    let group = unique("vigia-test-dedupe");
    let run = unique("r");
    let dir = tempfile::tempdir().unwrap();
    let extra = if state_dir {
        format!("[dedupe]\nstate_dir = \"{}\"\n", dir.path().display())
    } else {
        String::new()
    };
    let p = producer();

    send(&p, &topics.raw, &originals(&run)).await.unwrap();
    let a = RunningPipeline::start(config(&topics, &group, "at_least_once", &extra));
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();
    a.stop().await;

    send(&p, &topics.raw, &copies(&run, "r1")).await.unwrap();
    send(&p, &topics.raw, &redeliveries(&run)).await.unwrap();
    let b = RunningPipeline::start(config(&topics, &group, "at_least_once", &extra));
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();
    b.stop().await;

    check_links(&run, "r1", &enriched_dedupe(&topics.enriched));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn restart_keeps_links_from_the_local_log() {
    restart_keeps_links(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn restart_keeps_links_from_the_changelog_alone() {
    restart_keeps_links(false).await;
}

/// A runs alone and sees the originals; B joins the group and takes over some partitions;
/// the copies then arrive. Links to originals A saw must hold on B's partitions (restored from
/// the changelog), and nothing may be linked that is not a copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rebalance_neither_loses_nor_invents_links() {
    require_broker();
    let topics = TestTopics::create("dedupe-rebalance").await.unwrap();
    let group = unique("vigia-test-dedupe-rb");
    let run = unique("r");
    let p = producer();

    send(&p, &topics.raw, &originals(&run)).await.unwrap();
    let a = RunningPipeline::start(config(&topics, &group, "at_least_once", ""));
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();

    let b = RunningPipeline::start(config(&topics, &group, "at_least_once", ""));
    let (bh, bm) = (b.health.clone(), b.metrics.clone());
    wait_for("B assigned partitions", Duration::from_secs(60), || {
        bh.is_ready()
    })
    .await
    .unwrap();
    // give A's side of the rebalance time to settle before the copies arrive
    tokio::time::sleep(Duration::from_secs(2)).await;

    send(&p, &topics.raw, &copies(&run, "r1")).await.unwrap();
    send(&p, &topics.raw, &redeliveries(&run)).await.unwrap();
    wait_caught_up(&group, &topics.raw, Duration::from_secs(120))
        .await
        .unwrap();
    let b_records = bm.records_consumed.get();
    b.stop().await;
    a.stop().await;

    assert!(
        b_records > 0,
        "B took over no partition with records: the test proves nothing"
    );
    check_links(&run, "r1", &enriched_dedupe(&topics.enriched));
}
