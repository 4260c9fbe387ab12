//! Reddit things: t1 comments and t3 links, wrapped as the API lists them
//! (`{"kind": "t1", "data": {...}}`) or bare (`data` alone, told apart by its `name` prefix).
//!
//! Ids are fullnames (`reddit:t1_abc`), so `parent_id` and `link_id` link replies as given.
//! Times are epoch seconds (`created_utc`, a float). `ups` is the like count (`score` when
//! `ups` is absent and non-negative); `num_comments` the reply count of a link.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Channel, DlqReason, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, non_empty, title_and_body, vid};
use super::time::{Format, RawTime};
use super::DecodeError;
use crate::normalise;

const P: Platform = Platform::Reddit;

#[derive(Deserialize)]
struct Thing {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    author_fullname: Option<String>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    selftext: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    is_self: Option<bool>,
    #[serde(default)]
    permalink: Option<String>,
    created_utc: RawTime,
    #[serde(default)]
    subreddit: Option<String>,
    #[serde(default)]
    subreddit_id: Option<String>,
    #[serde(default)]
    subreddit_name_prefixed: Option<String>,
    #[serde(default)]
    score: Option<i64>,
    #[serde(default, deserialize_with = "count")]
    ups: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    num_comments: Option<u64>,
    #[serde(default)]
    link_id: Option<String>,
    #[serde(default)]
    parent_id: Option<String>,
    #[serde(default)]
    crosspost_parent: Option<String>,
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    let (kind, data) = match (v.get("kind").and_then(Value::as_str), v.get("data")) {
        (Some(k), Some(d)) => (Some(k), d),
        _ => (None, v),
    };
    let t: Thing = from_value(data, "reddit")?;
    let fullname = match (&t.name, &t.id, kind) {
        (Some(n), _, _) => n.clone(),
        (None, Some(id), Some(k)) => format!("{k}_{id}"),
        _ => return Err(fields::missing("reddit", "name")),
    };
    let is_comment = match fullname.get(..3) {
        Some("t1_") => true,
        Some("t3_") => false,
        _ => {
            return Err(DecodeError::new(
                DlqReason::UnrecognisedShape,
                "reddit: only t1 comments and t3 links are mentions",
            ))
        }
    };
    let created = fields::timestamp(&t.created_utc, Format::EpochSecs, "created_utc")?;
    let author = Author {
        id: t
            .author_fullname
            .clone()
            .or_else(|| t.author.clone())
            .unwrap_or_else(|| "unknown".into()),
        handle: t.author.clone(),
        ..Author::default()
    };
    let text = if is_comment {
        t.body.clone().unwrap_or_default()
    } else {
        title_and_body(t.title.as_deref(), t.selftext.as_deref())
    };
    let mut m = Mention::new(P, &fullname, author, text, created);
    m.url = t
        .permalink
        .as_ref()
        .map(|p| format!("https://www.reddit.com{p}"));
    m.engagement.likes = t.ups.or(t.score.and_then(|s| u64::try_from(s).ok()));
    if let Some(sub) = &t.subreddit {
        m.channel = Some(Channel {
            id: t.subreddit_id.clone(),
            name: t
                .subreddit_name_prefixed
                .clone()
                .or_else(|| Some(format!("r/{sub}"))),
            url: Some(format!("https://www.reddit.com/r/{sub}/")),
        });
    }
    if is_comment {
        m.kind = Some(MentionKind::Comment);
        m.relations.reply_to = t.parent_id.as_deref().map(|p| vid(P, p));
        m.relations.conversation_id = t.link_id.as_deref().map(|p| vid(P, p));
    } else {
        m.kind = Some(MentionKind::Post);
        m.title = non_empty(t.title.clone());
        m.engagement.replies = t.num_comments;
        m.relations.repost_of = t.crosspost_parent.as_deref().map(|p| vid(P, p));
        // The link target of a link post is the URL the post is about.
        if t.is_self == Some(false) {
            let mut urls: Vec<String> = t.url.iter().cloned().collect();
            for u in normalise::extract_urls(&m.text) {
                if !urls.contains(&u) {
                    urls.push(u);
                }
            }
            m.entities.urls = urls;
        }
    }
    Ok(m)
}
