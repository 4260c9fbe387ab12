//! Helpers for the integration tests against a real Kafka broker (`scripts/kafka start`, or any
//! broker named by `VIGIA_TEST_BROKERS`): broker check, fresh random topics, produce and drain
//! utilities, an in-process pipeline handle, mention generators and the output bookkeeping
//! that turns "every input exactly once" into a checkable statement.
//!
//! Tests never skip: an unreachable broker fails them with the command that starts one.

use anyhow::{anyhow, bail, Context, Result};
use futures::future::join_all;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, ConsumerContext};
use rdkafka::error::KafkaError;
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, OwnedMessage};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::types::RDKafkaErrorCode;
use rdkafka::util::Timeout;
use rdkafka::{ClientContext, Offset, TopicPartitionList};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinHandle;
use vigia::runtime::RunSummary;
use vigia::Config;
use vigia_classify::Classifier;
use vigia_model::DlqReason;
use vigia_telemetry::{Health, Metrics};

/// Partitions of every test topic: enough to exercise per-partition offsets.
pub const PARTITIONS: i32 = 4;

/// Broker address: `VIGIA_TEST_BROKERS`, default `127.0.0.1:9092` (what `scripts/kafka` starts).
pub fn brokers() -> String {
    std::env::var("VIGIA_TEST_BROKERS").unwrap_or_else(|_| "127.0.0.1:9092".into())
}

/// Log set-up (once) and a broker check that fails the test, loudly, when none answers.
pub fn require_broker() -> String {
    static LOGS: OnceLock<()> = OnceLock::new();
    LOGS.get_or_init(|| {
        vigia_telemetry::init_tracing(vigia_telemetry::LogFormat::Pretty, "warn");
    });
    let brokers = brokers();
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("socket.connection.setup.timeout.ms", "3000")
        .create()
        .expect("creating a Kafka client");
    if let Err(e) = consumer.fetch_metadata(None, Duration::from_secs(10)) {
        panic!(
            "no Kafka broker answers at {brokers} ({e}).\n\
             Start one with `scripts/kafka start` (or run everything with `scripts/test`), \
             or point VIGIA_TEST_BROKERS at a broker. These tests never skip."
        );
    }
    brokers
}

/// A name no other test (or earlier run) uses.
pub fn unique(prefix: &str) -> String {
    format!("{prefix}-{}", uuid::Uuid::new_v4().simple())
}

/// One fresh set of the topics a pipeline touches.
#[derive(Debug, Clone)]
pub struct TestTopics {
    pub raw: String,
    pub enriched: String,
    pub alerts: String,
    pub stats: String,
    pub dlq: String,
    pub restricted: String,
    pub unmatched: String,
}

impl TestTopics {
    /// Random names, created on the broker with [`PARTITIONS`] partitions each.
    pub async fn create(test: &str) -> Result<Self> {
        let base = unique(&format!("vigia-test-{test}"));
        let t = Self {
            raw: format!("{base}.raw"),
            enriched: format!("{base}.enriched"),
            alerts: format!("{base}.alerts"),
            stats: format!("{base}.stats"),
            dlq: format!("{base}.dlq"),
            restricted: format!("{base}.restricted"),
            unmatched: format!("{base}.unmatched"),
        };
        create_topics(&t.all(), PARTITIONS).await?;
        Ok(t)
    }

    pub fn all(&self) -> Vec<&str> {
        vec![
            &self.raw,
            &self.enriched,
            &self.alerts,
            &self.stats,
            &self.dlq,
            &self.restricted,
            &self.unmatched,
        ]
    }

    /// The `[topics]` section of a vigia.toml naming these topics.
    pub fn toml(&self) -> String {
        format!(
            "[topics]\nraw = \"{}\"\nenriched = \"{}\"\nalerts = \"{}\"\nstats = \"{}\"\n\
             dlq = \"{}\"\nrestricted = \"{}\"\nunmatched = \"{}\"\n",
            self.raw,
            self.enriched,
            self.alerts,
            self.stats,
            self.dlq,
            self.restricted,
            self.unmatched
        )
    }
}

/// Create topics with `partitions` partitions and one replica; fails on any error.
pub async fn create_topics(names: &[&str], partitions: i32) -> Result<()> {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .create()
        .context("creating admin client")?;
    let new: Vec<NewTopic<'_>> = names
        .iter()
        .map(|n| NewTopic::new(n, partitions, TopicReplication::Fixed(1)))
        .collect();
    let opts = AdminOptions::new().operation_timeout(Some(Duration::from_secs(20)));
    for r in admin.create_topics(&new, &opts).await? {
        if let Err((topic, code)) = r {
            bail!("creating topic {topic}: {code}");
        }
    }
    // Creation is acknowledged by the controller; wait until the broker's metadata has leaders.
    let deadline = Instant::now() + Duration::from_secs(20);
    let probe: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .create()?;
    for name in names {
        loop {
            let md = probe.fetch_metadata(Some(name), Duration::from_secs(5))?;
            let ready = md.topics().first().is_some_and(|t| {
                t.error().is_none()
                    && t.partitions().len() == partitions as usize
                    && t.partitions().iter().all(|p| p.leader() >= 0)
            });
            if ready {
                break;
            }
            if Instant::now() > deadline {
                bail!("topic {name} has no leaders 20 s after creation");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    Ok(())
}

/// Tracked organisation every generated valid mention names.
pub const ORG_TOML: &str = r#"
[tracking]
unmatched = "drop"

[[tracking.organisations]]
id = "santpau"
brands = [{ name = "Hospital de Sant Pau", aliases = ["Sant Pau"] }]
"#;

/// Largest payload the test pipelines accept; [`malformed`] makes some larger.
pub const MAX_PAYLOAD: usize = 16 * 1024;

/// A vigia configuration for a test pipeline: these topics, a fresh consumer group, quick
/// commits and statistics, through the same TOML parser and validation `vigia run` uses.
/// `delivery` is `at_least_once` or `exactly_once`; `extra` is appended TOML.
pub fn config(topics: &TestTopics, group: &str, delivery: &str, extra: &str) -> Config {
    let text = format!(
        r#"
[kafka]
brokers = "{brokers}"
group_id = "{group}"
delivery = "{delivery}"
transactional_id = "{group}"
batch_size = 200
batch_timeout_ms = 20

[kafka.consumer]
"auto.commit.interval.ms" = "200"
"statistics.interval.ms" = "1000"
"session.timeout.ms" = "10000"

[ingest]
max_payload_bytes = {MAX_PAYLOAD}
max_future_skew_secs = 3600

{topics}
{ORG_TOML}
{extra}
"#,
        brokers = brokers(),
        topics = topics.toml(),
    );
    Config::from_toml(&text).expect("test configuration is valid")
}

/// Producer settings (append to [`config`]) that make a batch's outputs reach the broker a few
/// at a time, widening the window between the first acknowledgement and the offset commit.
pub const SLOW_PRODUCER: &str = r#"
[kafka.producer]
"linger.ms" = "0"
"batch.num.messages" = "1"
"max.in.flight.requests.per.connection" = "1"
"#;

/// One classifier for every test in a binary (loading language models takes a moment).
pub fn classifier() -> Arc<Classifier> {
    static C: OnceLock<Arc<Classifier>> = OnceLock::new();
    C.get_or_init(|| {
        Arc::new(
            Classifier::new(&vigia::config::ClassifyConfig::default())
                .expect("building the classifier"),
        )
    })
    .clone()
}

/// A record to produce to the raw topic.
#[derive(Debug, Clone)]
pub struct Input {
    /// What the test calls it: the mention id for valid mentions, `bad-<kind>-<n>` otherwise.
    pub name: String,
    /// `None` produces a tombstone (null value).
    pub payload: Option<Vec<u8>>,
    /// Value of a `vigia.platform` header, if any.
    pub platform_header: Option<String>,
    /// Whether the pipeline must accept it (enriched) or dead-letter it.
    pub valid: bool,
}

/// An input as the broker stored it.
#[derive(Debug, Clone)]
pub struct Produced {
    pub input: Input,
    pub partition: i32,
    pub offset: i64,
}

pub fn producer() -> FutureProducer {
    ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("enable.idempotence", "true")
        .set("linger.ms", "5")
        .create()
        .expect("creating test producer")
}

/// Produce `inputs` (keyed by name) and wait for every acknowledgement.
pub async fn produce(producer: &FutureProducer, topic: &str, inputs: Vec<Input>) -> Vec<Produced> {
    let sends = inputs.iter().map(|i| {
        let mut headers = OwnedHeaders::new();
        if let Some(p) = &i.platform_header {
            headers = headers.insert(Header {
                key: "vigia.platform",
                value: Some(p.as_str()),
            });
        }
        let mut rec = FutureRecord::<str, [u8]>::to(topic)
            .key(i.name.as_str())
            .headers(headers);
        if let Some(p) = &i.payload {
            rec = rec.payload(p.as_slice());
        }
        producer.send(rec, Timeout::After(Duration::from_secs(30)))
    });
    let results = join_all(sends).await;
    inputs
        .into_iter()
        .zip(results)
        .map(|(input, r)| {
            let d = r.unwrap_or_else(|(e, _)| panic!("producing {}: {e}", input.name));
            Produced {
                input,
                partition: d.partition,
                offset: d.offset,
            }
        })
        .collect()
}

/// A connector producing `inputs` to `topic` in chunks of `chunk` records, 30 ms apart, while the
/// pipeline under test comes and goes. Resolves to what was produced, with partitions and offsets.
pub fn spawn_feeder(
    topic: String,
    inputs: Vec<Input>,
    chunk: usize,
) -> tokio::task::JoinHandle<Vec<Produced>> {
    tokio::spawn(async move {
        let p = producer();
        let mut produced = Vec::new();
        let mut inputs = inputs.into_iter().peekable();
        while inputs.peek().is_some() {
            let part: Vec<Input> = inputs.by_ref().take(chunk).collect();
            produced.extend(produce(&p, &topic, part).await);
            tokio::time::sleep(std::time::Duration::from_millis(30)).await;
        }
        produced
    })
}

/// Consumer callbacks for reading up to a partition's end, which is expected, not an error.
pub struct ToTheEnd;

impl ClientContext for ToTheEnd {
    fn error(&self, error: KafkaError, reason: &str) {
        if !matches!(
            error,
            KafkaError::PartitionEOF(_) | KafkaError::Global(RDKafkaErrorCode::PartitionEOF)
        ) {
            eprintln!("kafka client error: {error}: {reason}");
        }
    }
}

impl ConsumerContext for ToTheEnd {}

/// Read a topic from the beginning to its current end (every partition at EOF), as an
/// independent consumer. `read_committed` hides aborted transactions.
pub fn drain(topic: &str, read_committed: bool) -> Vec<OwnedMessage> {
    let consumer: BaseConsumer<ToTheEnd> = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("group.id", unique("vigia-test-drain"))
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "true")
        .set(
            "isolation.level",
            if read_committed {
                "read_committed"
            } else {
                "read_uncommitted"
            },
        )
        .create_with_context(ToTheEnd)
        .expect("creating drain consumer");
    let md = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .expect("topic metadata");
    let mut tpl = TopicPartitionList::new();
    let parts: Vec<i32> = md.topics()[0].partitions().iter().map(|p| p.id()).collect();
    for p in &parts {
        tpl.add_partition_offset(topic, *p, Offset::Beginning)
            .expect("partition list");
    }
    consumer.assign(&tpl).expect("assigning partitions");
    let mut at_end: HashSet<i32> = HashSet::new();
    let mut out = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while at_end.len() < parts.len() {
        assert!(
            Instant::now() < deadline,
            "draining {topic}: only partitions {at_end:?} reached their end in 60 s"
        );
        match consumer.poll(Duration::from_millis(200)) {
            None => {}
            Some(Ok(m)) => {
                at_end.remove(&m.partition());
                out.push(m.detach());
            }
            Some(Err(KafkaError::PartitionEOF(p))) => {
                at_end.insert(p);
            }
            Some(Err(e)) => panic!("draining {topic}: {e}"),
        }
    }
    out
}

/// A header's value as text.
pub fn header(m: &OwnedMessage, key: &str) -> Option<String> {
    m.headers().and_then(|hs| {
        hs.iter()
            .find(|h| h.key == key)
            .and_then(|h| h.value)
            .map(|v| String::from_utf8_lossy(v).into_owned())
    })
}

/// Wait until the consumer group `group` has committed the end of every partition of `topic`:
/// the pipeline has nothing left to do there.
pub async fn wait_caught_up(group: &str, topic: &str, within: Duration) -> Result<()> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers())
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()?;
    let md = consumer.fetch_metadata(Some(topic), Duration::from_secs(10))?;
    let parts: Vec<i32> = md.topics()[0].partitions().iter().map(|p| p.id()).collect();
    let mut tpl = TopicPartitionList::new();
    for p in &parts {
        tpl.add_partition(topic, *p);
    }
    let deadline = Instant::now() + within;
    loop {
        // Errors are transient here (e.g. an offset commit still pending in a transaction).
        let behind = group_lag(&consumer, topic, &parts, &tpl);
        match &behind {
            Ok(b) if b.is_empty() => return Ok(()),
            _ if Instant::now() > deadline => {
                bail!("group {group} still behind on {topic} after {within:?}: lag by partition {behind:?}")
            }
            _ => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

/// Uncommitted records per partition (only partitions that have some).
fn group_lag(
    consumer: &BaseConsumer,
    topic: &str,
    parts: &[i32],
    tpl: &TopicPartitionList,
) -> Result<BTreeMap<i32, i64>> {
    let committed = consumer.committed_offsets(tpl.clone(), Duration::from_secs(10))?;
    let mut behind = BTreeMap::new();
    for p in parts {
        let (_, high) = consumer.fetch_watermarks(topic, *p, Duration::from_secs(10))?;
        let c = match committed.find_partition(topic, *p).map(|e| e.offset()) {
            Some(Offset::Offset(o)) => o,
            _ => 0,
        };
        if c < high {
            behind.insert(*p, high - c);
        }
    }
    Ok(behind)
}

/// Wait until `cond` holds, polling; fails with `what` after `within`.
pub async fn wait_for(what: &str, within: Duration, mut cond: impl FnMut() -> bool) -> Result<()> {
    let deadline = Instant::now() + within;
    while !cond() {
        if Instant::now() > deadline {
            bail!("timed out after {within:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    Ok(())
}

/// `vigia::runtime::run` on the test's runtime, with its own metrics and shutdown channel.
pub struct RunningPipeline {
    pub metrics: Metrics,
    pub health: Health,
    shutdown: watch::Sender<bool>,
    handle: JoinHandle<Result<RunSummary>>,
}

impl RunningPipeline {
    /// Start with the shared default classifier (the config's `[classify]` is not read).
    pub fn start(config: Config) -> Self {
        Self::start_with(config, classifier())
    }

    /// Start with a classifier of its own, e.g. one built from the config's `[classify]`.
    pub fn start_with(config: Config, classifier: Arc<Classifier>) -> Self {
        let metrics = Metrics::default();
        let health = Health::default();
        let (shutdown, rx) = watch::channel(false);
        let handle = tokio::spawn(vigia::runtime::run(
            config,
            classifier,
            metrics.clone(),
            health.clone(),
            rx,
        ));
        Self {
            metrics,
            health,
            shutdown,
            handle,
        }
    }

    /// Records whose outputs were acknowledged and offsets stored (or committed).
    pub fn stored(&self) -> u64 {
        self.metrics.offsets_stored.get()
    }

    /// Graceful stop: shutdown signal, drain, flush, final commit.
    pub async fn stop(self) -> RunSummary {
        let _ = self.shutdown.send(true);
        match tokio::time::timeout(Duration::from_secs(60), self.handle).await {
            Err(_) => panic!("the pipeline did not stop within 60 s of the shutdown signal"),
            Ok(Err(e)) => panic!("the pipeline task failed: {e}"),
            Ok(Ok(Err(e))) => panic!("the pipeline returned an error: {e:#}"),
            Ok(Ok(Ok(summary))) => summary,
        }
    }

    /// Kill the pipeline while a batch's outputs are reaching the broker but before its offsets
    /// are stored or committed: the moment a crash hurts most.
    pub async fn kill_while_producing(self, topics: &TestTopics) {
        let m = self.metrics.clone();
        wait_for("a batch in flight", Duration::from_secs(30), || {
            m.inflight_records.get() > 0
        })
        .await
        .unwrap();
        // read_uncommitted: the high watermark, not the last stable offset of a transaction.
        let probe: BaseConsumer = ClientConfig::new()
            .set("bootstrap.servers", brokers())
            .set("isolation.level", "read_uncommitted")
            .create()
            .expect("creating probe");
        let high = |p: i32| {
            probe
                .fetch_watermarks(&topics.enriched, p, Duration::from_secs(5))
                .map(|(_, high)| high)
                .unwrap_or(-1)
        };
        let before: Vec<i64> = (0..PARTITIONS).map(high).collect();
        wait_for(
            "outputs of the batch in flight",
            Duration::from_secs(30),
            || (0..PARTITIONS).any(|p| high(p) > before[p as usize]),
        )
        .await
        .unwrap();
        self.kill().await
    }

    /// Hard stop, as close to a crash as a test can get in-process: the task is dropped at its
    /// next await point, with no final flush or commit.
    pub async fn kill(self) {
        self.handle.abort();
        let _ = self.handle.await;
    }
}

/// Valid canonical mentions naming the tracked organisation, across platforms and languages.
/// Ids are `<platform>:<run>-<n>`, all distinct, texts all distinct.
pub fn mentions(run: &str, n: usize) -> Vec<Input> {
    const PLATFORMS: [&str; 6] = [
        "x",
        "facebook",
        "instagram",
        "reddit",
        "google_reviews",
        "youtube",
    ];
    const TEXTS: [&str; 8] = [
        "Four hours waiting in the emergency room at Sant Pau and nobody tells us anything",
        "Gràcies a les infermeres de l'Hospital de Sant Pau, un tracte excel·lent",
        "En Sant Pau me atendieron muy rápido, el personal fue amabilísimo",
        "Il parcheggio del Sant Pau è un disastro ma i medici sono bravissimi",
        "Cita cancelada por tercera vez en el Hospital de Sant Pau. Inaceptable.",
        "Les urgències de Sant Pau estaven plenes però el tracte va ser bo",
        "Billing at Sant Pau charged me twice for the same appointment",
        "Clean rooms and kind staff at Hospital de Sant Pau, thank you",
    ];
    let now = chrono::Utc::now();
    (0..n)
        .map(|i| {
            let platform = PLATFORMS[i % PLATFORMS.len()];
            let id = format!("{platform}:{run}-{i}");
            let created = now - chrono::Duration::seconds(60 + i as i64);
            let v = serde_json::json!({
                "id": id,
                "platform": platform,
                "author": {
                    "id": format!("u{}", i % 97),
                    "handle": format!("user_{}", i % 97),
                    "followers": (i * 37) % 5000,
                },
                "text": format!("{} (#{i})", TEXTS[i % TEXTS.len()]),
                "created_at": created.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                "engagement": { "likes": i % 13, "replies": i % 3 },
            });
            Input {
                name: id,
                payload: Some(serde_json::to_vec(&v).expect("json")),
                // Some connectors name the platform in a header; most do not.
                platform_header: (i % 5 == 0).then(|| platform.to_string()),
                valid: true,
            }
        })
        .collect()
}

/// Malformed records of every kind the decoder must dead-letter, `n` in all.
pub fn malformed(run: &str, n: usize) -> Vec<Input> {
    (0..n)
        .map(|i| {
            let good = |text: &str, created: &str| {
                format!(
                    r#"{{"id":"x:{run}-bad-{i}","platform":"x","author":{{"id":"u"}},"text":"{text}","created_at":"{created}"}}"#
                )
                .into_bytes()
            };
            let recent = (chrono::Utc::now() - chrono::Duration::minutes(5))
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let (kind, payload, header): (&str, Option<Vec<u8>>, Option<&str>) = match i % 12 {
                0 => {
                    let mut b = good("Sant Pau ", &recent);
                    let at = b.len() - 40;
                    b.splice(at..at, [0xff, 0xfe, 0xc3]);
                    ("utf8", Some(b), None)
                }
                1 => {
                    let b = good("Sant Pau", &recent);
                    ("json", Some(b[..b.len() / 2].to_vec()), None)
                }
                2 => (
                    "type",
                    Some(format!(r#"{{"id":"x:{run}-bad-{i}","platform":"x","author":{{"id":"u"}},"text":{i},"created_at":"{recent}"}}"#).into_bytes()),
                    None,
                ),
                3 => (
                    "missing",
                    Some(format!(r#"{{"id":"x:{run}-bad-{i}","platform":"x","author":{{"id":"u"}},"created_at":"{recent}"}}"#).into_bytes()),
                    None,
                ),
                4 => ("oversize", Some(good(&"Sant Pau ".repeat(MAX_PAYLOAD / 8), &recent)), None),
                5 => (
                    "platform",
                    Some(format!(r#"{{"id":"myspace:{run}-bad-{i}","platform":"myspace","author":{{"id":"u"}},"text":"Sant Pau","created_at":"{recent}"}}"#).into_bytes()),
                    None,
                ),
                6 => ("future", Some(good("Sant Pau", "2099-01-01T00:00:00Z")), None),
                7 => ("timestamp", Some(good("Sant Pau", "yesterday")), None),
                8 => ("array", Some(format!("[{i}, \"Sant Pau\"]").into_bytes()), None),
                9 => ("header", Some(good("Sant Pau", &recent)), Some("myspace")),
                10 => ("empty", Some(Vec::new()), None),
                _ => ("tombstone", None, None),
            };
            Input {
                name: format!("bad-{kind}-{i}"),
                payload,
                platform_header: header.map(String::from),
                valid: false,
            }
        })
        .collect()
}

/// Deterministically interleave `bad` into `good`.
pub fn interleave(good: Vec<Input>, bad: Vec<Input>) -> Vec<Input> {
    let total = good.len() + bad.len();
    let step = (total / bad.len().max(1)).max(1);
    let mut good = good.into_iter();
    let mut bad = bad.into_iter();
    let mut out = Vec::with_capacity(total);
    for i in 0..total {
        let next = if i % step == step - 1 {
            bad.next().or_else(|| good.next())
        } else {
            good.next().or_else(|| bad.next())
        };
        out.extend(next);
    }
    out
}

/// How often each input showed up downstream, and what was wrong on the way.
#[derive(Debug, Default)]
pub struct Tally {
    /// Per input (partition, offset): times seen in enriched and in dead letters.
    pub enriched: HashMap<(i32, i64), usize>,
    pub dead: HashMap<(i32, i64), usize>,
    /// Dead letters per `vigia.reason`.
    pub reasons: BTreeMap<String, usize>,
    /// Contract violations found (wrong headers, changed bytes, unknown ids...).
    pub problems: Vec<String>,
}

impl Tally {
    /// Match enriched and dead-letter records back to the inputs that caused them.
    pub fn of(
        produced: &[Produced],
        raw_topic: &str,
        enriched: &[OwnedMessage],
        dlq: &[OwnedMessage],
    ) -> Self {
        let mut t = Tally::default();
        let by_id: HashMap<&str, &Produced> = produced
            .iter()
            .filter(|p| p.input.valid)
            .map(|p| (p.input.name.as_str(), p))
            .collect();
        let by_pos: HashMap<(i32, i64), &Produced> = produced
            .iter()
            .map(|p| ((p.partition, p.offset), p))
            .collect();
        for m in enriched {
            let v: serde_json::Value = match m.payload().map(serde_json::from_slice) {
                Some(Ok(v)) => v,
                _ => {
                    t.problems.push(format!(
                        "enriched record at {}/{} is not JSON",
                        m.partition(),
                        m.offset()
                    ));
                    continue;
                }
            };
            let id = v["id"].as_str().unwrap_or_default();
            match by_id.get(id) {
                Some(p) => *t.enriched.entry((p.partition, p.offset)).or_default() += 1,
                None => t.problems.push(format!(
                    "enriched id {id:?} was never produced as a valid mention"
                )),
            }
        }
        let known: HashSet<&str> = DlqReason::ALL.iter().map(|r| r.as_str()).collect();
        for m in dlq {
            let at = format!("dead letter {}/{}", m.partition(), m.offset());
            let pos = (
                header(m, "vigia.source.partition").and_then(|p| p.parse::<i32>().ok()),
                header(m, "vigia.source.offset").and_then(|o| o.parse::<i64>().ok()),
            );
            let (Some(part), Some(off)) = pos else {
                t.problems
                    .push(format!("{at}: no vigia.source.partition/offset headers"));
                continue;
            };
            if header(m, "vigia.source.topic").as_deref() != Some(raw_topic) {
                t.problems
                    .push(format!("{at}: vigia.source.topic is not {raw_topic}"));
            }
            if header(m, "vigia.stage").is_none() {
                t.problems.push(format!("{at}: no vigia.stage header"));
            }
            let reason = header(m, "vigia.reason").unwrap_or_default();
            if !known.contains(reason.as_str()) {
                t.problems
                    .push(format!("{at}: vigia.reason {reason:?} is not a DlqReason"));
            }
            *t.reasons.entry(reason).or_default() += 1;
            let Some(p) = by_pos.get(&(part, off)) else {
                t.problems.push(format!(
                    "{at}: names source {part}/{off}, which was never produced"
                ));
                continue;
            };
            let original = p.input.payload.as_deref().unwrap_or_default();
            if m.payload().unwrap_or_default() != original {
                t.problems.push(format!(
                    "{at}: value differs from the original bytes of {}",
                    p.input.name
                ));
            }
            *t.dead.entry((part, off)).or_default() += 1;
        }
        for p in produced {
            let pos = (p.partition, p.offset);
            let (e, d) = (
                t.enriched.get(&pos).copied().unwrap_or(0),
                t.dead.get(&pos).copied().unwrap_or(0),
            );
            if p.input.valid && d > 0 {
                t.problems
                    .push(format!("valid mention {} was dead-lettered", p.input.name));
            }
            if !p.input.valid && e > 0 {
                t.problems
                    .push(format!("malformed input {} was enriched", p.input.name));
            }
        }
        t
    }

    /// Times each input was seen downstream, in total.
    pub fn count(&self, p: &Produced) -> usize {
        let pos = (p.partition, p.offset);
        self.enriched.get(&pos).copied().unwrap_or(0) + self.dead.get(&pos).copied().unwrap_or(0)
    }

    /// Inputs never seen downstream.
    pub fn missing<'a>(&self, produced: &'a [Produced]) -> Vec<&'a str> {
        produced
            .iter()
            .filter(|p| self.count(p) == 0)
            .map(|p| p.input.name.as_str())
            .collect()
    }

    /// Extra copies beyond the first, over all inputs.
    pub fn duplicates(&self, produced: &[Produced]) -> usize {
        produced
            .iter()
            .map(|p| self.count(p).saturating_sub(1))
            .sum()
    }

    /// Fail unless the contract held and every input is accounted for exactly once.
    pub fn assert_exactly_once(&self, produced: &[Produced]) -> Result<()> {
        self.assert_at_least_once(produced)?;
        let dup = self.duplicates(produced);
        if dup > 0 {
            return Err(anyhow!(
                "{dup} duplicate outputs where exactly one per input was expected"
            ));
        }
        Ok(())
    }

    /// Fail unless the contract held and every input is accounted for at least once.
    pub fn assert_at_least_once(&self, produced: &[Produced]) -> Result<()> {
        if !self.problems.is_empty() {
            let shown: Vec<&String> = self.problems.iter().take(10).collect();
            bail!(
                "{} contract violations, first: {shown:#?}",
                self.problems.len()
            );
        }
        let missing = self.missing(produced);
        if !missing.is_empty() {
            let shown: Vec<&&str> = missing.iter().take(10).collect();
            bail!(
                "{} of {} inputs lost, e.g. {shown:?}",
                missing.len(),
                produced.len()
            );
        }
        Ok(())
    }
}
