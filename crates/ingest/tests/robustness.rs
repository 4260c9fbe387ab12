//! Bad input: every failure is a typed dead-letter reason, the decoder never panics, and the
//! dead-letter detail never carries mention text.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};
use vigia_ingest::{DecodeConfig, Decoder};
use vigia_model::DlqReason;

fn now() -> DateTime<Utc> {
    "2026-11-24T00:00:00Z".parse().unwrap()
}

const FIXTURES: &[&str] = &[
    "x_v2_reply",
    "x_v2_quote_note",
    "x_v1_extended",
    "x_v1_retweet",
    "facebook_post",
    "facebook_comment",
    "instagram_media",
    "instagram_comment",
    "tiktok_video",
    "tiktok_comment",
    "youtube_comment_thread",
    "youtube_comment_reply",
    "youtube_video",
    "linkedin_post",
    "linkedin_comment",
    "reddit_t1_comment",
    "reddit_t3_link",
    "google_review",
    "yelp_review",
    "foursquare_tip",
    "foursquare_tip_v2",
    "news_rss_item",
    "news_atom_entry",
    "canonical",
];

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn reason(v: &Value, header: Option<&str>) -> DlqReason {
    Decoder::default()
        .decode_at(&serde_json::to_vec(v).unwrap(), header, now())
        .unwrap_err()
        .reason
}

fn set(mut v: Value, pointer: &str, new: Value) -> Value {
    *v.pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}")) = new;
    v
}

fn remove(mut v: Value, pointer: &str) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    v.pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove(key)
        .expect(pointer);
    v
}

#[test]
fn each_bad_input_has_its_reason() {
    let d = Decoder::default();
    let r = |b: &[u8]| d.decode_at(b, None, now()).unwrap_err().reason;
    assert_eq!(r(b"{\"data\": {"), DlqReason::MalformedJson);
    assert_eq!(r(b"\xc3\x28"), DlqReason::InvalidUtf8);
    assert_eq!(r(b""), DlqReason::EmptyPayload);
    assert_eq!(r(b"\"just a string\""), DlqReason::WrongType);
    assert_eq!(r(b"{}"), DlqReason::UnrecognisedShape);

    let big = Decoder::new(DecodeConfig::default());
    let mut payload = serde_json::to_vec(&fixture("canonical")).unwrap();
    payload.resize((1 << 20) + 1, b' ');
    assert_eq!(
        big.decode_at(&payload, None, now()).unwrap_err().reason,
        DlqReason::PayloadTooLarge
    );

    // wrong types
    assert_eq!(
        reason(
            &set(
                fixture("x_v2_reply"),
                "/data/public_metrics/like_count",
                json!("many")
            ),
            None
        ),
        DlqReason::InvalidValue
    );
    assert_eq!(
        reason(&set(fixture("x_v2_reply"), "/data/text", json!(42)), None),
        DlqReason::WrongType
    );
    assert_eq!(
        reason(
            &set(
                fixture("reddit_t1_comment"),
                "/data/created_utc",
                json!({"t": 1})
            ),
            None
        ),
        DlqReason::WrongType
    );
    assert_eq!(
        reason(
            &set(fixture("facebook_post"), "/shares/count", json!(-3)),
            None
        ),
        DlqReason::InvalidValue
    );
    assert_eq!(
        reason(&set(fixture("yelp_review"), "/rating", json!("four")), None),
        DlqReason::WrongType
    );
    assert_eq!(
        reason(
            &set(fixture("google_review"), "/starRating", json!("SIX")),
            None
        ),
        DlqReason::InvalidValue
    );
    assert_eq!(
        reason(&set(fixture("yelp_review"), "/rating", json!(9)), None),
        DlqReason::InvalidValue
    );

    // missing required fields
    assert_eq!(
        reason(&remove(fixture("x_v2_reply"), "/data/created_at"), None),
        DlqReason::MissingField
    );
    assert_eq!(
        reason(&remove(fixture("x_v2_reply"), "/data/author_id"), None),
        DlqReason::MissingField
    );
    assert_eq!(
        reason(
            &remove(
                fixture("youtube_comment_thread"),
                "/snippet/topLevelComment"
            ),
            None
        ),
        DlqReason::MissingField
    );
    assert_eq!(
        reason(
            &remove(fixture("tiktok_video"), "/create_time"),
            Some("tiktok")
        ),
        DlqReason::UnrecognisedShape
    );
    assert_eq!(
        reason(&remove(fixture("linkedin_comment"), "/created"), None),
        DlqReason::MissingField
    );
    assert_eq!(
        reason(&remove(fixture("instagram_media"), "/caption"), None),
        DlqReason::EmptyText
    );

    // timestamps
    assert_eq!(
        reason(
            &set(fixture("x_v1_extended"), "/created_at", json!("2026-11-21")),
            None
        ),
        DlqReason::InvalidTimestamp
    );
    assert_eq!(
        reason(
            &set(
                fixture("facebook_comment"),
                "/created_time",
                json!("2099-01-01T00:00:00+0000")
            ),
            None
        ),
        DlqReason::TimestampInFuture
    );
    assert_eq!(
        reason(
            &set(
                fixture("tiktok_video"),
                "/create_time",
                json!(4102444800u64)
            ),
            None
        ),
        DlqReason::TimestampInFuture
    );
    assert_eq!(
        reason(
            &set(fixture("linkedin_post"), "/publishedAt", json!(1e300)),
            None
        ),
        DlqReason::InvalidTimestamp
    );
    assert_eq!(
        reason(
            &set(fixture("news_rss_item"), "/isoDate", json!("someday")),
            None
        ),
        DlqReason::InvalidTimestamp
    );

    // unknown platforms and shapes
    assert_eq!(
        reason(&fixture("canonical"), Some("myspace")),
        DlqReason::UnknownPlatform
    );
    assert_eq!(
        reason(
            &set(fixture("reddit_t1_comment"), "/kind", json!("t5")),
            None
        ),
        DlqReason::UnrecognisedShape
    );
    assert_eq!(
        reason(
            &set(fixture("youtube_video"), "/kind", json!("youtube#playlist")),
            None
        ),
        DlqReason::UnrecognisedShape
    );
    let two = json!({"data": [fixture("x_v2_reply")["data"], fixture("x_v2_reply")["data"]]});
    assert_eq!(reason(&two, None), DlqReason::UnrecognisedShape);
}

/// Details name fields and limits; the text of a failing mention never leaks into them.
#[test]
fn detail_never_contains_text() {
    let secret = "SECRETPATIENTTEXT";
    let cases = [
        set(fixture("x_v2_reply"), "/data/created_at", json!(secret)),
        set(
            fixture("x_v2_reply"),
            "/data/public_metrics/like_count",
            json!(secret),
        ),
        set(
            fixture("youtube_video"),
            "/statistics/viewCount",
            json!(secret),
        ),
        set(fixture("canonical"), "/platform", json!(secret)),
        set(fixture("canonical"), "/created_at", json!(secret)),
        set(fixture("canonical"), "/author", json!(secret)),
        set(fixture("google_review"), "/starRating", json!(secret)),
        set(
            fixture("reddit_t1_comment"),
            "/data/name",
            json!(format!("t9_{secret}")),
        ),
        json!({ "id": "x:1", "platform": "x", "author": {"id": "u"}, "text": secret, "created_at": "2099-01-01T00:00:00Z" }),
        json!({ "id": "x:1", "platform": "x", "author": {"id": "u"}, "text": secret, "created_at": "2026-01-01T00:00:00Z", secret: 1 }),
    ];
    for v in cases {
        let err = Decoder::default()
            .decode_at(&serde_json::to_vec(&v).unwrap(), None, now())
            .unwrap_err();
        assert!(
            !err.detail.contains(secret),
            "{:?}: {}",
            err.reason,
            err.detail
        );
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        Just(json!("2026-11-20T08:00:00Z")),
        Just(json!("t1_abc")),
        Just(json!("urn:li:share:1")),
        Just(json!("youtube#comment")),
    ];
    let keys = prop_oneof![
        Just("id".to_string()),
        Just("text".to_string()),
        Just("data".to_string()),
        Just("kind".to_string()),
        Just("created_at".to_string()),
        Just("created_time".to_string()),
        Just("timestamp".to_string()),
        Just("create_time".to_string()),
        Just("platform".to_string()),
        Just("author".to_string()),
        Just("user".to_string()),
        Just("id_str".to_string()),
        Just("snippet".to_string()),
        Just("starRating".to_string()),
        Just("rating".to_string()),
        Just("time_created".to_string()),
        Just("name".to_string()),
        Just("link".to_string()),
        Just("pubDate".to_string()),
        Just("actor".to_string()),
        Just("message".to_string()),
        Just("video_id".to_string()),
        Just("created_utc".to_string()),
        Just("subreddit".to_string()),
        "[a-z_]{1,8}",
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const HEADERS: &[Option<&str>] = &[
    None,
    Some("x"),
    Some("facebook"),
    Some("instagram"),
    Some("tiktok"),
    Some("youtube"),
    Some("linkedin"),
    Some("reddit"),
    Some("google_reviews"),
    Some("yelp"),
    Some("foursquare"),
    Some("news"),
    Some("canonical"),
    Some("nope"),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512), h in 0..HEADERS.len()) {
        let _ = Decoder::default().decode(&bytes, HEADERS[h]);
    }

    #[test]
    fn never_panics_on_json(v in arb_json(), h in 0..HEADERS.len()) {
        let bytes = serde_json::to_vec(&v).unwrap();
        let _ = Decoder::default().decode(&bytes, HEADERS[h]);
    }

    /// Replace one value anywhere in a real fixture with arbitrary JSON: a typed outcome, no panic.
    #[test]
    fn never_panics_on_mutated_fixtures(f in 0..FIXTURES.len(), path_seed in any::<u64>(), new in arb_json()) {
        let mut v = fixture(FIXTURES[f]);
        let mut node = &mut v;
        let mut seed = path_seed;
        loop {
            let len = match node { Value::Object(o) => o.len(), Value::Array(a) => a.len(), _ => 0 };
            if len == 0 || seed % 3 == 0 { break; }
            let i = (seed as usize / 3) % len;
            seed /= 7;
            node = match node {
                Value::Object(o) => o.values_mut().nth(i).unwrap(),
                Value::Array(a) => &mut a[i],
                _ => unreachable!(),
            };
        }
        *node = new;
        let _ = Decoder::default().decode(&serde_json::to_vec(&v).unwrap(), None);
    }

    /// Truncated fixtures are malformed JSON, nothing else.
    #[test]
    fn truncated_fixtures_are_malformed(f in 0..FIXTURES.len(), cut in 1usize..400) {
        let bytes = serde_json::to_vec(&fixture(FIXTURES[f])).unwrap();
        let cut = cut.min(bytes.len() - 1);
        if let Ok(s) = std::str::from_utf8(&bytes[..cut]) {
            let err = Decoder::default().decode(s.as_bytes(), None).unwrap_err();
            prop_assert_eq!(err.reason, DlqReason::MalformedJson);
        }
    }
}
