//! X (Twitter) API v2 tweet responses and v1.1 status objects.
//!
//! v2: a lookup or stream response holding one tweet in `data` (an object, or an array of one)
//! with the `includes.users` expansion for the author (`expansions=author_id`) and, optionally,
//! `includes.tweets` for referenced tweets. Long posts take their text from `note_tweet`;
//! retweets take the full text of the retweeted tweet when it is included.
//!
//! v1.1: a status object; text from `extended_tweet.full_text`, `full_text` or `text`, in that
//! order; retweets from `retweeted_status`.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, DlqReason, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, id, lang, non_empty, opt_id, vid};
use super::time::{Format, RawTime};
use super::DecodeError;

const P: Platform = Platform::X;

#[derive(Deserialize)]
struct V2Tweet {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    author_id: Option<String>,
    created_at: RawTime,
    #[serde(default, deserialize_with = "opt_id")]
    conversation_id: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    public_metrics: Option<V2Metrics>,
    #[serde(default)]
    referenced_tweets: Vec<V2Ref>,
    #[serde(default)]
    entities: Option<V2Entities>,
    #[serde(default)]
    note_tweet: Option<V2Note>,
}

#[derive(Deserialize)]
struct V2Note {
    text: String,
    #[serde(default)]
    entities: Option<V2Entities>,
}

#[derive(Deserialize, Default)]
struct V2Metrics {
    #[serde(default, deserialize_with = "count")]
    retweet_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    reply_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    quote_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    impression_count: Option<u64>,
}

#[derive(Deserialize)]
struct V2Ref {
    #[serde(rename = "type")]
    kind: String,
    #[serde(deserialize_with = "id")]
    id: String,
}

#[derive(Deserialize, Default)]
struct V2Entities {
    #[serde(default)]
    urls: Vec<UrlEntity>,
    #[serde(default)]
    hashtags: Vec<V2Tag>,
    #[serde(default)]
    mentions: Vec<V2Mention>,
}

#[derive(Deserialize)]
struct UrlEntity {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    expanded_url: Option<String>,
    #[serde(default)]
    unwound_url: Option<String>,
}

#[derive(Deserialize)]
struct V2Tag {
    tag: String,
}

#[derive(Deserialize)]
struct V2Mention {
    username: String,
}

#[derive(Deserialize, Default)]
struct V2Includes {
    #[serde(default)]
    users: Vec<V2User>,
    #[serde(default)]
    tweets: Vec<V2Included>,
}

#[derive(Deserialize)]
struct V2User {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    verified: Option<bool>,
    #[serde(default)]
    created_at: Option<RawTime>,
    #[serde(default)]
    public_metrics: Option<V2UserMetrics>,
}

#[derive(Deserialize)]
struct V2UserMetrics {
    #[serde(default, deserialize_with = "count")]
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct V2Included {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    note_tweet: Option<V2Note>,
}

fn url_of(e: &UrlEntity) -> Option<String> {
    e.unwound_url
        .clone()
        .or_else(|| e.expanded_url.clone())
        .or_else(|| e.url.clone())
}

pub fn decode_v2(v: &Value) -> Result<Mention, DecodeError> {
    let data = match v.get("data") {
        Some(Value::Array(a)) if a.len() == 1 => &a[0],
        Some(Value::Array(a)) => {
            return Err(DecodeError::new(
                DlqReason::UnrecognisedShape,
                format!(
                    "x v2: `data` holds {} tweets; a record carries one mention",
                    a.len()
                ),
            ))
        }
        Some(d) => d,
        None => return Err(fields::missing("x v2", "data")),
    };
    let t: V2Tweet = from_value(data, "x v2 data")?;
    let includes: V2Includes = match v.get("includes") {
        Some(i) if !i.is_null() => from_value(i, "x v2 includes")?,
        _ => V2Includes::default(),
    };
    let author_id = t
        .author_id
        .clone()
        .ok_or_else(|| fields::missing("x v2", "data.author_id"))?;
    let user = includes.users.iter().find(|u| u.id == author_id);
    let author = Author {
        id: author_id.clone(),
        handle: user.and_then(|u| u.username.clone()),
        name: user.and_then(|u| u.name.clone()),
        followers: user
            .and_then(|u| u.public_metrics.as_ref())
            .and_then(|m| m.followers_count),
        verified: user.and_then(|u| u.verified).unwrap_or(false),
        created_at: user
            .and_then(|u| u.created_at.as_ref())
            .and_then(|c| super::time::parse(c, Format::Iso)),
    };
    let created = fields::timestamp(&t.created_at, Format::Iso, "data.created_at")?;

    let mut relations = vigia_model::Relations::default();
    let mut retweeted: Option<&V2Included> = None;
    for r in &t.referenced_tweets {
        let target = Some(vid(P, &r.id));
        match r.kind.as_str() {
            "replied_to" => relations.reply_to = target,
            "quoted" => relations.quote_of = target,
            "retweeted" => {
                relations.repost_of = target;
                retweeted = includes.tweets.iter().find(|i| i.id == r.id);
            }
            _ => {}
        }
    }
    if let Some(c) = &t.conversation_id {
        if *c != t.id {
            relations.conversation_id = Some(vid(P, c));
        }
    }

    // Full text: a retweet's original when included, else the long-post note, else `text`.
    let (text, entities) = match (retweeted, &t.note_tweet) {
        (Some(rt), _) => match &rt.note_tweet {
            Some(n) => (n.text.clone(), None),
            None => (rt.text.clone().unwrap_or_default(), None),
        },
        (None, Some(n)) => (n.text.clone(), n.entities.as_ref().or(t.entities.as_ref())),
        (None, None) => (t.text.clone().unwrap_or_default(), t.entities.as_ref()),
    };

    let mut m = Mention::new(P, &t.id, author, text, created);
    m.kind = Some(if relations.reply_to.is_some() {
        MentionKind::Comment
    } else {
        MentionKind::Post
    });
    m.url = Some(match &m.author.handle {
        Some(h) => format!("https://x.com/{h}/status/{}", t.id),
        None => format!("https://x.com/i/web/status/{}", t.id),
    });
    m.lang_hint = lang(t.lang);
    m.relations = relations;
    if let Some(pm) = t.public_metrics {
        m.engagement.likes = pm.like_count;
        m.engagement.replies = pm.reply_count;
        m.engagement.reposts = pm.retweet_count;
        m.engagement.quotes = pm.quote_count;
        m.engagement.views = pm.impression_count;
    }
    if let Some(e) = entities {
        m.entities.urls = e.urls.iter().filter_map(url_of).collect();
        m.entities.hashtags = e.hashtags.iter().map(|h| h.tag.clone()).collect();
        m.entities.handles = e.mentions.iter().map(|h| h.username.clone()).collect();
    }
    Ok(m)
}

#[derive(Deserialize)]
struct V1Status {
    #[serde(deserialize_with = "id")]
    id_str: String,
    created_at: RawTime,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    full_text: Option<String>,
    #[serde(default)]
    extended_tweet: Option<V1Extended>,
    user: V1User,
    #[serde(default, deserialize_with = "opt_id")]
    in_reply_to_status_id_str: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    quoted_status_id_str: Option<String>,
    #[serde(default)]
    retweeted_status: Option<Box<V1Status>>,
    #[serde(default, deserialize_with = "count")]
    retweet_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    favorite_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    reply_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    quote_count: Option<u64>,
    #[serde(default)]
    entities: Option<V1Entities>,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize)]
struct V1Extended {
    full_text: String,
    #[serde(default)]
    entities: Option<V1Entities>,
}

#[derive(Deserialize)]
struct V1User {
    #[serde(deserialize_with = "id")]
    id_str: String,
    #[serde(default)]
    screen_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, deserialize_with = "count")]
    followers_count: Option<u64>,
    #[serde(default)]
    verified: Option<bool>,
    #[serde(default)]
    created_at: Option<RawTime>,
}

#[derive(Deserialize)]
struct V1Entities {
    #[serde(default)]
    hashtags: Vec<V1Text>,
    #[serde(default)]
    urls: Vec<UrlEntity>,
    #[serde(default)]
    user_mentions: Vec<V1UserMention>,
}

#[derive(Deserialize)]
struct V1Text {
    text: String,
}

#[derive(Deserialize)]
struct V1UserMention {
    screen_name: String,
}

impl V1Status {
    /// The untruncated text and the entities that index into it.
    fn full(&self) -> (String, Option<&V1Entities>) {
        if let Some(e) = &self.extended_tweet {
            return (
                e.full_text.clone(),
                e.entities.as_ref().or(self.entities.as_ref()),
            );
        }
        let text = non_empty(self.full_text.clone())
            .or_else(|| self.text.clone())
            .unwrap_or_default();
        (text, self.entities.as_ref())
    }
}

pub fn decode_v1(v: &Value) -> Result<Mention, DecodeError> {
    let s: V1Status = from_value(v, "x v1.1")?;
    let created = fields::timestamp(&s.created_at, Format::TwitterV1, "created_at")?;
    let u = &s.user;
    let author = Author {
        id: u.id_str.clone(),
        handle: u.screen_name.clone(),
        name: u.name.clone(),
        followers: u.followers_count,
        verified: u.verified.unwrap_or(false),
        created_at: u
            .created_at
            .as_ref()
            .and_then(|c| super::time::parse(c, Format::TwitterV1)),
    };
    let (text, entities) = match &s.retweeted_status {
        Some(rt) => rt.full(),
        None => s.full(),
    };
    let mut m = Mention::new(P, &s.id_str, author, text, created);
    m.relations.reply_to = s.in_reply_to_status_id_str.as_deref().map(|i| vid(P, i));
    m.relations.quote_of = s.quoted_status_id_str.as_deref().map(|i| vid(P, i));
    m.relations.repost_of = s.retweeted_status.as_ref().map(|r| vid(P, &r.id_str));
    m.kind = Some(if m.relations.reply_to.is_some() {
        MentionKind::Comment
    } else {
        MentionKind::Post
    });
    m.url = Some(match &s.user.screen_name {
        Some(h) => format!("https://x.com/{h}/status/{}", s.id_str),
        None => format!("https://x.com/i/web/status/{}", s.id_str),
    });
    m.lang_hint = lang(s.lang.clone());
    m.engagement.likes = s.favorite_count;
    m.engagement.replies = s.reply_count;
    m.engagement.reposts = s.retweet_count;
    m.engagement.quotes = s.quote_count;
    if let Some(e) = entities {
        m.entities.urls = e.urls.iter().filter_map(url_of).collect();
        m.entities.hashtags = e.hashtags.iter().map(|h| h.text.clone()).collect();
        m.entities.handles = e
            .user_mentions
            .iter()
            .map(|h| h.screen_name.clone())
            .collect();
    }
    Ok(m)
}
