//! Review sites: Google Business Profile reviews, Yelp Fusion reviews and Foursquare tips.
//!
//! Ratings are kept on the platform's 1–5 scale; Google's `starRating` enum (`ONE`…`FIVE`) is
//! mapped to numbers, `STAR_RATING_UNSPECIFIED` to no rating. Reviewers have no stable id on
//! Google and in some Foursquare responses: their author id is `unknown` and the display name is
//! kept. The business's reply to a review (`reviewReply`) is not the reviewer's words and is not
//! part of the mention.

use serde::Deserialize;
use serde_json::Value;
use vigia_model::{Author, Channel, DlqReason, Mention, MentionKind, Platform};

use super::fields::{self, count, from_value, id, lang, non_empty, opt_id};
use super::time::{Format, RawTime};
use super::DecodeError;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GoogleReview {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    review_id: Option<String>,
    #[serde(default)]
    reviewer: Option<GoogleReviewer>,
    #[serde(default)]
    star_rating: Option<String>,
    #[serde(default)]
    comment: Option<String>,
    create_time: RawTime,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GoogleReviewer {
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    is_anonymous: Option<bool>,
}

pub fn decode_google(v: &Value) -> Result<Mention, DecodeError> {
    let r: GoogleReview = from_value(v, "google review")?;
    let native = r
        .review_id
        .clone()
        .or_else(|| {
            r.name
                .as_deref()
                .and_then(|n| n.rsplit_once("/reviews/"))
                .map(|(_, id)| id.to_string())
        })
        .ok_or_else(|| fields::missing("google review", "reviewId"))?;
    let created = fields::timestamp(&r.create_time, Format::Iso, "createTime")?;
    let rating = match r.star_rating.as_deref() {
        None | Some("STAR_RATING_UNSPECIFIED") => None,
        Some("ONE") => Some(1.0),
        Some("TWO") => Some(2.0),
        Some("THREE") => Some(3.0),
        Some("FOUR") => Some(4.0),
        Some("FIVE") => Some(5.0),
        Some(_) => {
            return Err(DecodeError::new(
                DlqReason::InvalidValue,
                "google review: `starRating` is not ONE..FIVE",
            ))
        }
    };
    let reviewer = r.reviewer.as_ref();
    let anonymous = reviewer.and_then(|r| r.is_anonymous).unwrap_or(false);
    let author = Author {
        id: "unknown".into(),
        name: reviewer
            .and_then(|r| r.display_name.clone())
            .filter(|_| !anonymous),
        ..Author::default()
    };
    let text = original_of_translation(r.comment.as_deref().unwrap_or_default());
    let mut m = Mention::new(Platform::GoogleReviews, &native, author, text, created);
    m.kind = Some(MentionKind::Review);
    m.rating = rating;
    m.channel = r
        .name
        .as_deref()
        .and_then(|n| n.split_once("/reviews/"))
        .map(|(location, _)| Channel {
            id: Some(location.to_string()),
            ..Channel::default()
        });
    Ok(m)
}

/// Google appends machine translations to review comments:
/// `"(Translated by Google) …\n\n(Original)\n…"` or `"…\n\n(Translated by Google)\n…"`.
/// The reviewer's own words are kept; language detection runs on them.
fn original_of_translation(c: &str) -> String {
    if let Some((_, original)) = c.split_once("(Original)\n") {
        return original.trim().to_string();
    }
    if let Some((original, _)) = c.split_once("\n\n(Translated by Google)") {
        return original.trim().to_string();
    }
    c.to_string()
}

#[derive(Deserialize)]
struct YelpReview {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    rating: Option<f32>,
    time_created: RawTime,
    #[serde(default)]
    user: Option<YelpUser>,
}

#[derive(Deserialize)]
struct YelpUser {
    #[serde(default, deserialize_with = "opt_id")]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

pub fn decode_yelp(v: &Value) -> Result<Mention, DecodeError> {
    let r: YelpReview = from_value(v, "yelp review")?;
    let created = fields::timestamp(&r.time_created, Format::YelpPacific, "time_created")?;
    let author = Author {
        id: r
            .user
            .as_ref()
            .and_then(|u| u.id.clone())
            .unwrap_or_else(|| "unknown".into()),
        name: r.user.as_ref().and_then(|u| u.name.clone()),
        ..Author::default()
    };
    let mut m = Mention::new(
        Platform::Yelp,
        &r.id,
        author,
        r.text.unwrap_or_default(),
        created,
    );
    m.kind = Some(MentionKind::Review);
    m.rating = r.rating;
    // `https://www.yelp.com/biz/{alias}?hrid=…`: the business alias names the reviewed place.
    m.channel = r
        .url
        .as_deref()
        .and_then(|u| u.split_once("/biz/"))
        .map(|(host, rest)| {
            let alias = rest.split(['?', '#', '/']).next().unwrap_or_default();
            Channel {
                id: Some(alias.to_string()),
                name: None,
                url: Some(format!("{host}/biz/{alias}")),
            }
        });
    m.url = r.url;
    Ok(m)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Tip {
    #[serde(deserialize_with = "id")]
    id: String,
    #[serde(alias = "created_at")]
    created_at: RawTime,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    canonical_url: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default, alias = "agree_count", deserialize_with = "count")]
    agree_count: Option<u64>,
    #[serde(default)]
    likes: Option<Likes>,
    #[serde(default)]
    user: Option<FsqUser>,
    #[serde(default)]
    venue: Option<Venue>,
}

#[derive(Deserialize)]
struct Likes {
    #[serde(default, deserialize_with = "count")]
    count: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FsqUser {
    #[serde(default, deserialize_with = "opt_id")]
    id: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
}

#[derive(Deserialize)]
struct Venue {
    #[serde(default, deserialize_with = "opt_id")]
    id: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

pub fn decode_foursquare(v: &Value) -> Result<Mention, DecodeError> {
    let t: Tip = from_value(v, "foursquare tip")?;
    let created = fields::timestamp(&t.created_at, Format::IsoOrEpoch, "created_at")?;
    let user = t.user.as_ref();
    let name = user.and_then(|u| {
        let full = [u.first_name.as_deref(), u.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        non_empty(Some(full))
    });
    let author = Author {
        id: user
            .and_then(|u| u.id.clone())
            .unwrap_or_else(|| "unknown".into()),
        name,
        ..Author::default()
    };
    let mut m = Mention::new(
        Platform::Foursquare,
        &t.id,
        author,
        t.text.unwrap_or_default(),
        created,
    );
    m.kind = Some(MentionKind::Review);
    m.url = t.canonical_url.or(t.url);
    m.lang_hint = lang(t.lang);
    m.engagement.likes = t.agree_count.or(t.likes.and_then(|l| l.count));
    m.channel = t.venue.map(|v| Channel {
        id: v.id,
        name: v.name,
        url: None,
    });
    Ok(m)
}
