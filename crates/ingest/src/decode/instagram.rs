//! Instagram Graph API media (`/{ig-media-id}`, hashtag and mentioned-media searches) and
//! comments (`/{ig-media-id}/comments`, `/{ig-comment-id}/replies`).
//!
//! Media carry `caption` and `media_type`; comments carry `text`. A comment's reply target is
//! its `parent_id` (replies) or its `media`.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, id, opt_id, vid};
use super::time::{Format, RawTime};
use super::DecodeError;

const P: Platform = Platform::Instagram;

#[derive(Deserialize)]
struct Item {
    #[serde(deserialize_with = "id")]
    id: String,
    timestamp: RawTime,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    media_type: Option<String>,
    #[serde(default)]
    permalink: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    owner: Option<User>,
    #[serde(default)]
    from: Option<User>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    comments_count: Option<u64>,
    #[serde(default)]
    media: Option<Ref>,
    #[serde(default, deserialize_with = "opt_id")]
    parent_id: Option<String>,
}

#[derive(Deserialize)]
struct User {
    #[serde(default, deserialize_with = "opt_id")]
    id: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, deserialize_with = "count")]
    followers_count: Option<u64>,
}

#[derive(Deserialize)]
struct Ref {
    #[serde(deserialize_with = "id")]
    id: String,
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    let it: Item = from_value(v, "instagram")?;
    let created = fields::timestamp(&it.timestamp, Format::Iso, "timestamp")?;
    let is_comment = it.text.is_some() && it.caption.is_none() && it.media_type.is_none();
    let user = if is_comment {
        it.from.as_ref()
    } else {
        it.owner.as_ref()
    };
    let handle = user
        .and_then(|u| u.username.clone())
        .or_else(|| it.username.clone());
    let author = Author {
        // The user id when the API returned it, else the username (unique on Instagram).
        id: user
            .and_then(|u| u.id.clone())
            .or_else(|| handle.clone())
            .unwrap_or_else(|| "unknown".into()),
        handle,
        name: user.and_then(|u| u.name.clone()),
        followers: user.and_then(|u| u.followers_count),
        ..Author::default()
    };
    let text = if is_comment {
        it.text.clone()
    } else {
        it.caption.clone()
    };
    let mut m = Mention::new(P, &it.id, author, text.unwrap_or_default(), created);
    m.url = it.permalink.clone();
    m.engagement.likes = it.like_count;
    if is_comment {
        m.kind = Some(MentionKind::Comment);
        let media = it.media.as_ref().map(|r| vid(P, &r.id));
        m.relations.reply_to = it.parent_id.as_deref().map(|p| vid(P, p)).or(media.clone());
        m.relations.conversation_id = media;
    } else {
        m.kind = Some(MentionKind::Post);
        m.engagement.replies = it.comments_count;
    }
    Ok(m)
}
