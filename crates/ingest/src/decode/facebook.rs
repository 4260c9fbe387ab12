//! Facebook Graph API page posts (`/{page-id}/feed`, `/{post-id}`) and comments
//! (`/{object-id}/comments`).
//!
//! A comment is told from a post by the fields only comments have (`parent`, `object`,
//! `like_count`, `comment_count`, `message_tags` with a comment id shape does not count).
//! Engagement comes from `reactions`/`likes`/`comments` summaries (`summary=total_count`) or the
//! comment counters; `shares.count` is the repost count.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Channel, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, id, non_empty, opt_id, vid};
use super::time::{Format, RawTime};
use super::DecodeError;

const P: Platform = Platform::Facebook;

#[derive(Deserialize)]
struct Item {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    story: Option<String>,
    created_time: RawTime,
    #[serde(default)]
    from: Option<From>,
    #[serde(default)]
    permalink_url: Option<String>,
    #[serde(default)]
    shares: Option<Shares>,
    #[serde(default)]
    reactions: Option<Summarised>,
    #[serde(default)]
    likes: Option<Summarised>,
    #[serde(default)]
    comments: Option<Summarised>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    comment_count: Option<u64>,
    #[serde(default)]
    parent: Option<Ref>,
    #[serde(default, deserialize_with = "opt_id")]
    parent_id: Option<String>,
    #[serde(default)]
    object: Option<Ref>,
}

#[derive(Deserialize)]
struct From {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, deserialize_with = "count")]
    followers_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    fan_count: Option<u64>,
}

#[derive(Deserialize)]
struct Ref {
    #[serde(deserialize_with = "id")]
    id: String,
}

#[derive(Deserialize)]
struct Shares {
    #[serde(default, deserialize_with = "count")]
    count: Option<u64>,
}

#[derive(Deserialize)]
struct Summarised {
    #[serde(default)]
    summary: Option<Summary>,
}

#[derive(Deserialize)]
struct Summary {
    #[serde(default, deserialize_with = "count")]
    total_count: Option<u64>,
}

fn total(s: &Option<Summarised>) -> Option<u64> {
    s.as_ref()
        .and_then(|s| s.summary.as_ref())
        .and_then(|s| s.total_count)
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    let it: Item = from_value(v, "facebook")?;
    let created = fields::timestamp(&it.created_time, Format::Iso, "created_time")?;
    let is_comment = it.parent.is_some()
        || it.object.is_some()
        || it.like_count.is_some()
        || it.comment_count.is_some();
    // Page post ids are `{page-id}_{post-id}`: the page is the publisher when `from` is absent.
    let page_id = (!is_comment)
        .then(|| it.id.split_once('_').map(|(p, _)| p.to_string()))
        .flatten();
    let author = match &it.from {
        Some(f) => Author {
            id: f.id.clone(),
            name: f.name.clone(),
            followers: f.followers_count.or(f.fan_count),
            ..Author::default()
        },
        None => Author {
            id: page_id.clone().unwrap_or_else(|| "unknown".into()),
            ..Author::default()
        },
    };
    let text = non_empty(it.message.clone())
        .or_else(|| it.story.clone())
        .unwrap_or_default();
    let mut m = Mention::new(P, &it.id, author, text, created);
    m.url = it.permalink_url.clone();
    if is_comment {
        m.kind = Some(MentionKind::Comment);
        let target = it.parent.as_ref().or(it.object.as_ref());
        m.relations.reply_to = target.map(|r| vid(P, &r.id));
        m.relations.conversation_id = it.object.as_ref().map(|r| vid(P, &r.id));
        m.engagement.likes = it.like_count;
        m.engagement.replies = it.comment_count;
    } else {
        m.kind = Some(MentionKind::Post);
        m.relations.repost_of = it.parent_id.as_deref().map(|p| vid(P, p));
        m.engagement.likes = total(&it.reactions).or(total(&it.likes));
        m.engagement.replies = total(&it.comments);
        m.engagement.reposts = it.shares.as_ref().and_then(|s| s.count);
        if let Some(p) = page_id {
            m.channel = Some(Channel {
                id: Some(p),
                name: it.from.as_ref().and_then(|f| f.name.clone()),
                url: None,
            });
        }
    }
    Ok(m)
}
