//! LinkedIn REST API (versioned, `LinkedIn-Version` 2023+) posts (`/rest/posts`) and comments
//! (`/rest/socialActions/{urn}/comments`).
//!
//! Post `commentary` is "little text": mentions are `@[Name](urn:li:organization:1)`, hashtags
//! `{hashtag|\#|Tag}`, and reserved characters are backslash-escaped; it is turned into plain
//! text (`Name`, `#Tag`). Ids are URNs (`linkedin:urn:li:share:…`). Times are epoch
//! milliseconds. Engagement lives in a separate socialMetadata resource and is not part of these
//! payloads, except a comment's `likesSummary` and `commentsSummary`.

use once_cell::sync::Lazy;
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, DlqReason, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, opt_id, vid};
use super::time::{Format, RawTime};
use super::DecodeError;

const P: Platform = Platform::Linkedin;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Post {
    id: String,
    author: String,
    #[serde(default)]
    commentary: Option<String>,
    #[serde(default)]
    published_at: Option<RawTime>,
    #[serde(default)]
    created_at: Option<RawTime>,
    #[serde(default)]
    reshare_context: Option<ReshareContext>,
}

#[derive(Deserialize)]
struct ReshareContext {
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    root: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Comment {
    #[serde(default, deserialize_with = "opt_id")]
    id: Option<String>,
    #[serde(default)]
    comment_urn: Option<String>,
    #[serde(default, rename = "$URN")]
    urn: Option<String>,
    actor: String,
    created: Stamp,
    message: Message,
    object: String,
    #[serde(default)]
    parent_comment: Option<String>,
    #[serde(default)]
    likes_summary: Option<LikesSummary>,
    #[serde(default)]
    comments_summary: Option<CommentsSummary>,
}

#[derive(Deserialize)]
struct Stamp {
    time: RawTime,
}

#[derive(Deserialize)]
struct Message {
    text: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LikesSummary {
    #[serde(default, deserialize_with = "count")]
    total_likes: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommentsSummary {
    #[serde(default, deserialize_with = "count")]
    aggregated_total_comments: Option<u64>,
}

pub fn decode(v: &Value) -> Result<Mention, DecodeError> {
    if v.get("actor").is_some() && v.get("message").is_some() {
        return comment(v);
    }
    if v.get("author").is_some() {
        return post(v);
    }
    Err(DecodeError::new(
        DlqReason::UnrecognisedShape,
        "linkedin: neither a post (`author`) nor a comment (`actor`, `message`)",
    ))
}

fn author(urn: &str) -> Author {
    Author {
        id: urn.to_string(),
        ..Author::default()
    }
}

fn post(v: &Value) -> Result<Mention, DecodeError> {
    let p: Post = from_value(v, "linkedin post")?;
    let raw = p
        .published_at
        .as_ref()
        .or(p.created_at.as_ref())
        .ok_or_else(|| fields::missing("linkedin post", "publishedAt"))?;
    let created = fields::timestamp(raw, Format::EpochMillis, "publishedAt")?;
    let text = little_text(p.commentary.as_deref().unwrap_or_default());
    let mut m = Mention::new(P, &p.id, author(&p.author), text, created);
    m.kind = Some(MentionKind::Post);
    m.url = Some(format!("https://www.linkedin.com/feed/update/{}/", p.id));
    if let Some(rc) = &p.reshare_context {
        m.relations.repost_of = rc.parent.as_deref().map(|u| vid(P, u));
        m.relations.conversation_id = rc.root.as_deref().map(|u| vid(P, u));
    }
    Ok(m)
}

fn comment(v: &Value) -> Result<Mention, DecodeError> {
    let c: Comment = from_value(v, "linkedin comment")?;
    let created = fields::timestamp(&c.created.time, Format::EpochMillis, "created.time")?;
    let native = c
        .comment_urn
        .clone()
        .or(c.urn.clone())
        .or(c.id.clone())
        .ok_or_else(|| fields::missing("linkedin comment", "commentUrn"))?;
    let mut m = Mention::new(
        P,
        &native,
        author(&c.actor),
        little_text(&c.message.text),
        created,
    );
    m.kind = Some(MentionKind::Comment);
    m.relations.reply_to = Some(vid(P, c.parent_comment.as_deref().unwrap_or(&c.object)));
    m.relations.conversation_id = Some(vid(P, &c.object));
    m.engagement.likes = c.likes_summary.and_then(|l| l.total_likes);
    m.engagement.replies = c.comments_summary.and_then(|s| s.aggregated_total_comments);
    Ok(m)
}

static MENTION: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"@\[((?:\\.|[^\]\\])*)\]\(urn:li:[^)]*\)").expect("regex"));
static HASHTAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\{hashtag\|\\?#\|((?:\\.|[^}\\])*)\}").expect("regex"));

/// LinkedIn "little text" to plain text.
pub fn little_text(s: &str) -> String {
    if !s.contains(['@', '{', '\\']) {
        return s.to_string();
    }
    let s = MENTION.replace_all(s, "$1");
    let s = HASHTAG.replace_all(&s, "#$1");
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n) if "|{}@[]()<>#\\*_~".contains(n) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn little_text() {
        assert_eq!(
            super::little_text(
                r"Gràcies @[Hospital de Sant Pau](urn:li:organization:123) \(de debò\)! {hashtag|\#|SantPau}"
            ),
            "Gràcies Hospital de Sant Pau (de debò)! #SantPau"
        );
    }
}
