//! TikTok Research API videos (`/v2/research/video/query/`, one item of `data.videos`) and
//! comments (`/v2/research/video/comment/list/`, one item of `data.comments`).
//!
//! Times are epoch seconds. The Research API returns no commenter identity, so a comment's
//! author is `unknown`. A video's text is its description followed, on a new paragraph, by the
//! `voice_to_text` transcript when present: what is said in a video names hospitals too.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, id, non_empty, opt_id, vid};
use super::time::{Format, RawTime};
use super::DecodeError;

const P: Platform = Platform::Tiktok;

#[derive(Deserialize)]
struct Item {
    #[serde(deserialize_with = "id")]
    id: String,
    create_time: RawTime,
    #[serde(default)]
    video_description: Option<String>,
    #[serde(default)]
    voice_to_text: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    username: Option<String>,
    #[serde(default)]
    hashtag_names: Vec<String>,
    #[serde(default, deserialize_with = "count")]
    like_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    comment_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    share_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    view_count: Option<u64>,
    #[serde(default, deserialize_with = "count")]
    reply_count: Option<u64>,
    #[serde(default, deserialize_with = "opt_id")]
    video_id: Option<String>,
    #[serde(default, deserialize_with = "opt_id")]
    parent_comment_id: Option<String>,
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    let it: Item = from_value(v, "tiktok")?;
    let created = fields::timestamp(&it.create_time, Format::EpochSecs, "create_time")?;
    if let Some(video) = &it.video_id {
        let author = Author {
            id: "unknown".into(),
            ..Author::default()
        };
        let mut m = Mention::new(
            P,
            &it.id,
            author,
            it.text.clone().unwrap_or_default(),
            created,
        );
        m.kind = Some(MentionKind::Comment);
        let parent = it.parent_comment_id.as_deref().unwrap_or(video);
        m.relations.reply_to = Some(vid(P, parent));
        m.relations.conversation_id = Some(vid(P, video));
        m.engagement.likes = it.like_count;
        m.engagement.replies = it.reply_count;
        return Ok(m);
    }
    let author = Author {
        id: it.username.clone().unwrap_or_else(|| "unknown".into()),
        handle: it.username.clone(),
        ..Author::default()
    };
    let mut text = it.video_description.clone().unwrap_or_default();
    if let Some(t) = non_empty(it.voice_to_text.clone()) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(t.trim());
    }
    let mut m = Mention::new(P, &it.id, author, text, created);
    m.kind = Some(MentionKind::Video);
    m.url = Some(match &it.username {
        Some(u) => format!("https://www.tiktok.com/@{u}/video/{}", it.id),
        None => format!("https://www.tiktok.com/video/{}", it.id),
    });
    m.engagement.likes = it.like_count;
    m.engagement.replies = it.comment_count;
    m.engagement.reposts = it.share_count;
    m.engagement.views = it.view_count;
    m.entities.hashtags = it.hashtag_names.clone();
    Ok(m)
}
