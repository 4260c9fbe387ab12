//! YouTube Data API v3 resources: `youtube#commentThread` (its top-level comment),
//! `youtube#comment` and `youtube#video`.
//!
//! A thread decodes to its top-level comment with the thread's reply count; replies embedded in
//! `replies.comments` are not expanded (a record carries one mention: connectors emit each reply
//! as its own `youtube#comment`). Comment text is `textOriginal`, else `textDisplay` with its
//! HTML removed. Statistics arrive as decimal strings.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Channel, DlqReason, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, lang, non_empty, title_and_body, vid};
use super::time::{Format, RawTime};
use super::DecodeError;
use crate::normalise;

const P: Platform = Platform::Youtube;

#[derive(Deserialize)]
struct Resource<S> {
    id: String,
    snippet: S,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ThreadSnippet {
    #[serde(default)]
    channel_id: Option<String>,
    top_level_comment: Resource<CommentSnippet>,
    #[serde(default, deserialize_with = "count")]
    total_reply_count: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommentSnippet {
    #[serde(default)]
    author_display_name: Option<String>,
    #[serde(default)]
    author_channel_id: Option<ChannelId>,
    #[serde(default)]
    channel_id: Option<String>,
    #[serde(default)]
    video_id: Option<String>,
    #[serde(default)]
    text_display: Option<String>,
    #[serde(default)]
    text_original: Option<String>,
    #[serde(default)]
    parent_id: Option<String>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    published_at: RawTime,
}

#[derive(Deserialize)]
struct ChannelId {
    value: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VideoSnippet {
    published_at: RawTime,
    channel_id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    channel_title: Option<String>,
    #[serde(default)]
    default_language: Option<String>,
    #[serde(default)]
    default_audio_language: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct VideoStatistics {
    #[serde(default, deserialize_with = "count")]
    view_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    comment_count: Option<u64>,
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    match v.get("kind").and_then(Value::as_str).unwrap_or_default() {
        "youtube#commentThread" => {
            let t: Resource<ThreadSnippet> = from_value(v, "youtube commentThread")?;
            let mut m = comment(&t.snippet.top_level_comment)?;
            m.engagement.replies = t.snippet.total_reply_count;
            if m.channel.is_none() {
                m.channel = t.snippet.channel_id.map(channel);
            }
            Ok(m)
        }
        "youtube#comment" => comment(&from_value(v, "youtube comment")?),
        "youtube#video" => video(v),
        _ => Err(DecodeError::new(
            DlqReason::UnrecognisedShape,
            "youtube: `kind` is not a commentThread, comment or video",
        )),
    }
}

fn channel(id: String) -> Channel {
    Channel {
        url: Some(format!("https://www.youtube.com/channel/{id}")),
        id: Some(id),
        name: None,
    }
}

fn comment(c: &Resource<CommentSnippet>) -> Result<Mention, DecodeError> {
    let s = &c.snippet;
    let created = fields::timestamp(&s.published_at, Format::Iso, "snippet.publishedAt")?;
    let name = s.author_display_name.clone();
    let author = Author {
        id: s
            .author_channel_id
            .as_ref()
            .map(|c| c.value.clone())
            .or_else(|| name.clone())
            .unwrap_or_else(|| "unknown".into()),
        // Display names of channels with a handle are the handle (`@name`).
        handle: name
            .as_deref()
            .and_then(|n| n.strip_prefix('@'))
            .map(str::to_string),
        name,
        ..Author::default()
    };
    let text = match non_empty(s.text_original.clone()) {
        Some(t) => t,
        None => normalise::html_to_text(s.text_display.as_deref().unwrap_or_default()),
    };
    let mut m = Mention::new(P, &c.id, author, text, created);
    m.kind = Some(MentionKind::Comment);
    m.relations.reply_to = s
        .parent_id
        .as_deref()
        .or(s.video_id.as_deref())
        .map(|p| vid(P, p));
    m.relations.conversation_id = s.video_id.as_deref().map(|p| vid(P, p));
    m.url = s
        .video_id
        .as_ref()
        .map(|v| format!("https://www.youtube.com/watch?v={v}&lc={}", c.id));
    m.engagement.likes = s.like_count;
    m.channel = s.channel_id.clone().map(channel);
    Ok(m)
}

fn video(v: &Value) -> Result<Mention, DecodeError> {
    let r: Resource<VideoSnippet> = from_value(v, "youtube video")?;
    let stats: VideoStatistics = match v.get("statistics") {
        Some(s) if !s.is_null() => from_value(s, "youtube video statistics")?,
        _ => VideoStatistics::default(),
    };
    let s = r.snippet;
    let created = fields::timestamp(&s.published_at, Format::Iso, "snippet.publishedAt")?;
    let author = Author {
        id: s.channel_id.clone(),
        name: s.channel_title.clone(),
        ..Author::default()
    };
    let text = title_and_body(s.title.as_deref(), s.description.as_deref());
    let mut m = Mention::new(P, &r.id, author, text, created);
    m.kind = Some(MentionKind::Video);
    m.title = non_empty(s.title);
    m.url = Some(format!("https://www.youtube.com/watch?v={}", r.id));
    m.lang_hint = lang(s.default_language.or(s.default_audio_language));
    m.engagement.views = stats.view_count;
    m.engagement.likes = stats.like_count;
    m.engagement.replies = stats.comment_count;
    let mut ch = channel(s.channel_id);
    ch.name = s.channel_title;
    m.channel = Some(ch);
    Ok(m)
}
