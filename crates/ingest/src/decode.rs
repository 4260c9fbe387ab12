//! Platform detection and decoding of one raw record.
//!
//! Entry point: [`Decoder::decode`]. Checks run in a fixed order — size, emptiness, UTF-8,
//! header, JSON, shape, fields, timestamps, text — and the first failure decides the
//! [`DlqReason`]. The `vigia.platform` header, when present, decides the decoder: a payload that
//! does not fit the named platform is a dead letter, never re-routed to another decoder. Without
//! a header the payload's shape decides ([`detect`]); a payload that fits no shape, or more than
//! one, is a dead letter (`unrecognised_shape`), never a guess.
//!
//! Canonical `Mention` JSON takes a fast path straight into the struct; native payloads are
//! parsed once into a `serde_json::Value`, whose keys decide the shape, and then deserialized by
//! reference into the platform's typed structs.

use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};
use vigia_model::{DlqReason, Mention, Platform};

use crate::normalise;

mod canonical;
mod facebook;
mod feed;
pub mod fields;
mod instagram;
mod linkedin;
mod reddit;
mod reviews;
mod tiktok;
pub mod time;
mod x;
mod youtube;

pub use fields::classify_serde_error;

/// Limits applied while decoding.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DecodeConfig {
    /// Largest accepted payload in bytes (default 1 MiB).
    pub max_payload_bytes: usize,
    /// How far in the future `created_at` may lie before the record is rejected (default 1 h,
    /// which absorbs clock skew between connectors).
    pub max_future_skew_secs: i64,
}

impl Default for DecodeConfig {
    fn default() -> Self {
        Self {
            max_payload_bytes: 1 << 20,
            max_future_skew_secs: 3600,
        }
    }
}

/// Why a record could not become a [`Mention`]. `detail` names fields and limits, never text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{reason:?}: {detail}")]
pub struct DecodeError {
    pub reason: DlqReason,
    pub detail: String,
}

impl DecodeError {
    pub fn new(reason: DlqReason, detail: impl Into<String>) -> Self {
        Self {
            reason,
            detail: detail.into(),
        }
    }
}

/// The payload formats vigia decodes. Each belongs to one [`Platform`] except canonical JSON,
/// which names its platform itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `Mention` v1 as in `schemas/mention.v1.json`.
    Canonical,
    /// X API v2 tweet lookup / stream response: `{"data": {tweet}, "includes": {...}}`.
    XV2,
    /// X API v1.1 status object.
    XV1,
    /// Facebook Graph API page post or comment.
    Facebook,
    /// Instagram Graph API media or comment.
    Instagram,
    /// TikTok Research API video or comment.
    Tiktok,
    /// YouTube Data API v3 `youtube#commentThread`, `youtube#comment` or `youtube#video`.
    Youtube,
    /// LinkedIn REST Posts API post or socialActions comment.
    Linkedin,
    /// Reddit thing: t1 comment or t3 link, wrapped (`{"kind","data"}`) or bare.
    Reddit,
    /// Google Business Profile review.
    GoogleReview,
    /// Yelp Fusion review.
    YelpReview,
    /// Foursquare tip (Places API v3, or v2 venue tips).
    FoursquareTip,
    /// RSS 2.0 / Atom / JSON Feed item as a feed connector writes it (see `feed` module docs).
    FeedItem,
}

impl Shape {
    pub const ALL: [Shape; 13] = [
        Shape::Canonical,
        Shape::XV2,
        Shape::XV1,
        Shape::Facebook,
        Shape::Instagram,
        Shape::Tiktok,
        Shape::Youtube,
        Shape::Linkedin,
        Shape::Reddit,
        Shape::GoogleReview,
        Shape::YelpReview,
        Shape::FoursquareTip,
        Shape::FeedItem,
    ];

    /// The platform of a native shape; `None` for canonical JSON.
    pub fn platform(self) -> Option<Platform> {
        Some(match self {
            Shape::Canonical => return None,
            Shape::XV2 | Shape::XV1 => Platform::X,
            Shape::Facebook => Platform::Facebook,
            Shape::Instagram => Platform::Instagram,
            Shape::Tiktok => Platform::Tiktok,
            Shape::Youtube => Platform::Youtube,
            Shape::Linkedin => Platform::Linkedin,
            Shape::Reddit => Platform::Reddit,
            Shape::GoogleReview => Platform::GoogleReviews,
            Shape::YelpReview => Platform::Yelp,
            Shape::FoursquareTip => Platform::Foursquare,
            Shape::FeedItem => Platform::News,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Canonical => "canonical",
            Shape::XV2 => "x_v2",
            Shape::XV1 => "x_v1",
            Shape::Facebook => "facebook",
            Shape::Instagram => "instagram",
            Shape::Tiktok => "tiktok",
            Shape::Youtube => "youtube",
            Shape::Linkedin => "linkedin",
            Shape::Reddit => "reddit",
            Shape::GoogleReview => "google_review",
            Shape::YelpReview => "yelp_review",
            Shape::FoursquareTip => "foursquare_tip",
            Shape::FeedItem => "feed_item",
        }
    }
}

/// What the `vigia.platform` header asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    /// `canonical` / `mention`: the payload must be canonical JSON.
    Canonical,
    Platform(Platform),
}

fn parse_header(h: Option<&str>) -> Result<Hint, DecodeError> {
    let Some(h) = h else { return Ok(Hint::None) };
    let t = h.trim();
    if t.eq_ignore_ascii_case("canonical") || t.eq_ignore_ascii_case("mention") {
        return Ok(Hint::Canonical);
    }
    t.parse::<Platform>().map(Hint::Platform).map_err(|_| {
        DecodeError::new(
            DlqReason::UnknownPlatform,
            "vigia.platform header not recognised",
        )
    })
}

/// Decodes raw records; cheap to clone and share across threads.
#[derive(Debug, Clone, Default)]
pub struct Decoder {
    config: DecodeConfig,
}

impl Decoder {
    pub fn new(config: DecodeConfig) -> Self {
        Self { config }
    }

    /// Decode one record. `platform_header` is the value of the `vigia.platform` Kafka header,
    /// when the connector set one (a platform name, or `canonical`); otherwise the payload's
    /// shape decides.
    pub fn decode(
        &self,
        payload: &[u8],
        platform_header: Option<&str>,
    ) -> Result<Mention, DecodeError> {
        self.decode_at(payload, platform_header, Utc::now())
    }

    /// [`Decoder::decode`] with an explicit "now", for deterministic tests.
    pub fn decode_at(
        &self,
        payload: &[u8],
        platform_header: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<Mention, DecodeError> {
        let mut mention = self.decode_raw(payload, platform_header)?;
        normalise::normalise_mention(&mut mention);
        validate(&mention, now, &self.config)?;
        Ok(mention)
    }

    /// Size, encoding, JSON and shape checks and the platform decoder, without normalisation
    /// and validation.
    fn decode_raw(
        &self,
        payload: &[u8],
        platform_header: Option<&str>,
    ) -> Result<Mention, DecodeError> {
        if payload.len() > self.config.max_payload_bytes {
            return Err(DecodeError::new(
                DlqReason::PayloadTooLarge,
                format!(
                    "{} bytes exceeds max_payload_bytes={}",
                    payload.len(),
                    self.config.max_payload_bytes
                ),
            ));
        }
        if payload.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(DecodeError::new(DlqReason::EmptyPayload, "empty record"));
        }
        let text = std::str::from_utf8(payload).map_err(|e| {
            DecodeError::new(
                DlqReason::InvalidUtf8,
                format!("invalid UTF-8 at byte {}", e.valid_up_to()),
            )
        })?;
        let hint = parse_header(platform_header)?;

        // Fast path: `Mention` denies unknown fields, so only canonical JSON deserializes here.
        // A payload without a `"platform"` key cannot be canonical: it skips the attempt (and
        // the error message serde would format) and, like any payload the fast path rejects,
        // goes through the `Value` path below, which decodes canonical JSON just the same.
        if text.contains("\"platform\"") {
            if let Ok(m) = serde_json::from_str::<Mention>(text) {
                return check_header(m, hint);
            }
        }

        let value: Value = serde_json::from_str(text).map_err(|e| {
            DecodeError::new(
                DlqReason::MalformedJson,
                format!(
                    "line {} column {}: {}",
                    e.line(),
                    e.column(),
                    json_error_kind(&e)
                ),
            )
        })?;
        let Some(obj) = value.as_object() else {
            return Err(DecodeError::new(
                DlqReason::WrongType,
                "top level must be a JSON object",
            ));
        };
        let shape = select_shape(obj, hint)?;
        let m = decode_shape(shape, &value)?;
        check_header(m, hint)
    }
}

fn json_error_kind(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Io => "io",
        serde_json::error::Category::Syntax => "syntax error",
        serde_json::error::Category::Data => "data error",
        serde_json::error::Category::Eof => "unexpected end of input",
    }
}

fn check_header(m: Mention, hint: Hint) -> Result<Mention, DecodeError> {
    match hint {
        Hint::Platform(p) if p != m.platform => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            format!(
                "vigia.platform header says `{}` but the payload is a `{}` mention",
                p.as_str(),
                m.platform.as_str()
            ),
        )),
        _ => Ok(m),
    }
}

/// The shape to decode with: the header's platform restricts the candidates, the payload's keys
/// choose among them, and anything but exactly one candidate is a dead letter.
fn select_shape(obj: &Map<String, Value>, hint: Hint) -> Result<Shape, DecodeError> {
    let found = detect_inner(obj, hint);
    match (found.as_slice(), hint) {
        ([one], _) => Ok(*one),
        ([], Hint::None) => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            "payload matches no known platform shape",
        )),
        ([], Hint::Canonical) => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            "vigia.platform header says `canonical` but the payload is not a canonical mention",
        )),
        ([], Hint::Platform(p)) => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            format!(
                "payload does not fit the `{}` decoder named by the vigia.platform header",
                p.as_str()
            ),
        )),
        (many, _) => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            format!(
                "ambiguous payload: matches {}",
                many.iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn has(o: &Map<String, Value>, k: &str) -> bool {
    o.get(k).is_some_and(|v| !v.is_null())
}

fn str_of<'a>(o: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    o.get(k).and_then(Value::as_str)
}

fn is_obj(o: &Map<String, Value>, k: &str) -> bool {
    o.get(k).is_some_and(Value::is_object)
}

/// Every shape whose signature the payload's top-level keys fit. Signatures use keys each API
/// documents as part of its resource, chosen so that no documented example fits two of them.
/// With a platform header, only that platform's shapes (and canonical JSON) are candidates, and
/// a few signatures relax to the fields that platform always returns.
pub fn detect(o: &Map<String, Value>, header: Option<Platform>) -> Vec<Shape> {
    detect_inner(o, header.map_or(Hint::None, Hint::Platform))
}

fn detect_inner(o: &Map<String, Value>, hint: Hint) -> Vec<Shape> {
    let with_header = !matches!(hint, Hint::None);
    let mut out = Vec::new();
    for shape in Shape::ALL {
        let allowed = match hint {
            Hint::None => true,
            Hint::Canonical => shape == Shape::Canonical,
            Hint::Platform(p) => shape == Shape::Canonical || shape.platform() == Some(p),
        };
        if allowed && fits(shape, o, with_header) {
            out.push(shape);
        }
    }
    out
}

fn fits(shape: Shape, o: &Map<String, Value>, with_header: bool) -> bool {
    match shape {
        Shape::Canonical => {
            str_of(o, "platform").is_some()
                && is_obj(o, "author")
                && has(o, "id")
                && has(o, "created_at")
        }
        Shape::XV2 => {
            let tweet = match o.get("data") {
                Some(Value::Object(d)) => Some(d),
                Some(Value::Array(a)) => a.first().and_then(Value::as_object),
                _ => None,
            };
            !has(o, "kind")
                && tweet.is_some_and(|t| has(t, "id") && (has(t, "text") || has(t, "note_tweet")))
        }
        Shape::XV1 => {
            has(o, "id_str")
                && is_obj(o, "user")
                && has(o, "created_at")
                && (has(o, "text") || has(o, "full_text") || has(o, "extended_tweet"))
        }
        Shape::Facebook => has(o, "created_time") && has(o, "id"),
        Shape::Instagram => has(o, "timestamp") && has(o, "id"),
        Shape::Tiktok => has(o, "create_time") && has(o, "id"),
        Shape::Youtube => str_of(o, "kind").is_some_and(|k| k.starts_with("youtube#")),
        Shape::Linkedin => ["author", "actor"]
            .iter()
            .any(|k| str_of(o, k).is_some_and(|v| v.starts_with("urn:li:"))),
        Shape::Reddit => {
            let wrapped =
                str_of(o, "kind").is_some_and(|k| matches!(k, "t1" | "t3")) && is_obj(o, "data");
            let bare = str_of(o, "name")
                .is_some_and(|n| n.starts_with("t1_") || n.starts_with("t3_"))
                && (has(o, "subreddit") || has(o, "created_utc"));
            wrapped || bare
        }
        Shape::GoogleReview => {
            has(o, "starRating")
                || (is_obj(o, "reviewer") && (has(o, "reviewId") || has(o, "createTime")))
        }
        Shape::YelpReview => has(o, "time_created") && (has(o, "rating") || is_obj(o, "user")),
        Shape::FoursquareTip => {
            let v3 = has(o, "created_at") && (has(o, "agree_count") || has(o, "disagree_count"));
            let v2 = has(o, "createdAt")
                && (has(o, "agreeCount")
                    || has(o, "disagreeCount")
                    || str_of(o, "canonicalUrl").is_some_and(|u| u.contains("foursquare.com")));
            let minimal = with_header
                && (has(o, "created_at") || has(o, "createdAt"))
                && has(o, "text")
                && has(o, "id")
                && !has(o, "platform");
            v3 || v2 || minimal
        }
        Shape::FeedItem => {
            const DATES: [&str; 8] = [
                "pubDate",
                "isoDate",
                "published",
                "updated",
                "date_published",
                "date_modified",
                "dc:date",
                "pubdate",
            ];
            const IDS: [&str; 4] = ["link", "guid", "url", "id"];
            DATES.iter().any(|k| has(o, k))
                && IDS.iter().any(|k| has(o, k))
                && !has(o, "kind")
                && !has(o, "platform")
        }
    }
}

fn decode_shape(shape: Shape, v: &Value) -> Result<Mention, DecodeError> {
    match shape {
        Shape::Canonical => canonical::decode(v),
        Shape::XV2 => x::decode_v2(v),
        Shape::XV1 => x::decode_v1(v),
        Shape::Facebook => facebook::decode(v),
        Shape::Instagram => instagram::decode(v),
        Shape::Tiktok => tiktok::decode(v),
        Shape::Youtube => youtube::decode(v),
        Shape::Linkedin => linkedin::decode(v),
        Shape::Reddit => reddit::decode(v),
        Shape::GoogleReview => reviews::decode_google(v),
        Shape::YelpReview => reviews::decode_yelp(v),
        Shape::FoursquareTip => reviews::decode_foursquare(v),
        Shape::FeedItem => feed::decode(v),
    }
}

/// Checks every decoder's output must pass.
pub fn validate(m: &Mention, now: DateTime<Utc>, cfg: &DecodeConfig) -> Result<(), DecodeError> {
    let prefix_ok =
        m.id.strip_prefix(m.platform.as_str())
            .is_some_and(|rest| rest.starts_with(':'));
    if m.native_id().is_empty() || !prefix_ok {
        return Err(DecodeError::new(
            DlqReason::InvalidValue,
            "id must be `platform:native_id`",
        ));
    }
    if m.text.trim().is_empty() {
        return Err(DecodeError::new(DlqReason::EmptyText, "text is empty"));
    }
    if m.created_at > now + Duration::seconds(cfg.max_future_skew_secs) {
        return Err(DecodeError::new(
            DlqReason::TimestampInFuture,
            format!(
                "created_at is more than {}s in the future",
                cfg.max_future_skew_secs
            ),
        ));
    }
    if let Some(r) = m.rating {
        if !(0.0..=5.0).contains(&r) {
            return Err(DecodeError::new(
                DlqReason::InvalidValue,
                "rating must be between 0 and 5",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-06-01T12:00:00Z".parse().unwrap()
    }

    fn reason(bytes: &[u8]) -> DlqReason {
        Decoder::default()
            .decode_at(bytes, None, now())
            .unwrap_err()
            .reason
    }

    const GOOD: &str = r#"{"id":"x:1","platform":"x","author":{"id":"u1"},"text":"Long wait at the ER","created_at":"2026-06-01T10:00:00Z"}"#;

    #[test]
    fn decodes_canonical() {
        let m = Decoder::default()
            .decode_at(GOOD.as_bytes(), None, now())
            .unwrap();
        assert_eq!(m.id, "x:1");
        assert_eq!(m.text, "Long wait at the ER");
    }

    #[test]
    fn typed_reasons() {
        assert_eq!(reason(b"\xff\xfe"), DlqReason::InvalidUtf8);
        assert_eq!(reason(b"{not json"), DlqReason::MalformedJson);
        assert_eq!(reason(b"   "), DlqReason::EmptyPayload);
        assert_eq!(reason(b"[1,2]"), DlqReason::WrongType);
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::MissingField
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":5,"created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::WrongType
        );
        assert_eq!(
            reason(br#"{"id":"mys:1","platform":"myspace","author":{"id":"u"},"text":"a","created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::UnknownPlatform
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":"a","created_at":"2030-06-01T10:00:00Z"}"#),
            DlqReason::TimestampInFuture
        );
        assert_eq!(
            reason(br#"{"id":"x:1","platform":"x","author":{"id":"u"},"text":"a","created_at":"yesterday"}"#),
            DlqReason::InvalidTimestamp
        );
        assert_eq!(
            reason(br#"{"id":"facebook:1","platform":"x","author":{"id":"u"},"text":"a","created_at":"2026-06-01T10:00:00Z"}"#),
            DlqReason::InvalidValue
        );
    }

    #[test]
    fn oversized_payload_rejected_before_parsing() {
        let d = Decoder::new(DecodeConfig {
            max_payload_bytes: 10,
            ..Default::default()
        });
        let err = d.decode_at(GOOD.as_bytes(), None, now()).unwrap_err();
        assert_eq!(err.reason, DlqReason::PayloadTooLarge);
    }

    #[test]
    fn header_decides() {
        let d = Decoder::default();
        let err = d
            .decode_at(GOOD.as_bytes(), Some("myspace"), now())
            .unwrap_err();
        assert_eq!(err.reason, DlqReason::UnknownPlatform);
        assert!(d.decode_at(GOOD.as_bytes(), Some("twitter"), now()).is_ok());
        assert!(d
            .decode_at(GOOD.as_bytes(), Some("canonical"), now())
            .is_ok());
        let err = d
            .decode_at(GOOD.as_bytes(), Some("reddit"), now())
            .unwrap_err();
        assert_eq!(err.reason, DlqReason::UnrecognisedShape);
    }

    #[test]
    fn ambiguous_and_unknown_shapes() {
        let err = Decoder::default()
            .decode_at(br#"{"id":"1","created_time":"2026-01-01T00:00:00+0000","timestamp":"2026-01-01T00:00:00+0000","message":"hola"}"#, None, now())
            .unwrap_err();
        assert_eq!(err.reason, DlqReason::UnrecognisedShape);
        assert!(err.detail.contains("ambiguous"), "{}", err.detail);
        let err = Decoder::default()
            .decode_at(br#"{"id":"1","body":"hola"}"#, None, now())
            .unwrap_err();
        assert_eq!(err.reason, DlqReason::UnrecognisedShape);
    }
}
