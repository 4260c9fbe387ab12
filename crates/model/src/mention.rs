use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Social platform or source family a mention came from.
///
/// The set is closed on purpose: a payload from a platform vigia does not know is a dead letter
/// (`unknown_platform`), never a guess.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// X, formerly Twitter (API v2 and v1.1).
    X,
    Facebook,
    Instagram,
    Tiktok,
    Youtube,
    Linkedin,
    Reddit,
    /// Google Business Profile reviews.
    GoogleReviews,
    Yelp,
    Foursquare,
    /// News sites, blogs, RSS and Atom feeds.
    News,
}

impl Platform {
    pub const ALL: [Platform; 11] = [
        Platform::X,
        Platform::Facebook,
        Platform::Instagram,
        Platform::Tiktok,
        Platform::Youtube,
        Platform::Linkedin,
        Platform::Reddit,
        Platform::GoogleReviews,
        Platform::Yelp,
        Platform::Foursquare,
        Platform::News,
    ];

    /// Stable lower-case name, used in ids (`x:123`), metric labels and the `vigia.platform` header.
    pub fn as_str(self) -> &'static str {
        match self {
            Platform::X => "x",
            Platform::Facebook => "facebook",
            Platform::Instagram => "instagram",
            Platform::Tiktok => "tiktok",
            Platform::Youtube => "youtube",
            Platform::Linkedin => "linkedin",
            Platform::Reddit => "reddit",
            Platform::GoogleReviews => "google_reviews",
            Platform::Yelp => "yelp",
            Platform::Foursquare => "foursquare",
            Platform::News => "news",
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The platform name was not one vigia knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown platform")]
pub struct UnknownPlatform;

impl FromStr for Platform {
    type Err = UnknownPlatform;

    /// Accepts the canonical names and the common aliases connectors use (`twitter`, `tweet`, `rss`...).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim().to_ascii_lowercase();
        Ok(match s.as_str() {
            "x" | "twitter" | "tweet" => Platform::X,
            "facebook" | "fb" => Platform::Facebook,
            "instagram" | "ig" => Platform::Instagram,
            "tiktok" => Platform::Tiktok,
            "youtube" | "yt" => Platform::Youtube,
            "linkedin" => Platform::Linkedin,
            "reddit" => Platform::Reddit,
            "google_reviews" | "google" | "google_business_profile" | "gbp" => {
                Platform::GoogleReviews
            }
            "yelp" => Platform::Yelp,
            "foursquare" => Platform::Foursquare,
            "news" | "rss" | "atom" | "blog" | "web" => Platform::News,
            _ => return Err(UnknownPlatform),
        })
    }
}

/// Who wrote a mention. Every field but `id` may be unknown for some platforms.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// Platform-native author id.
    pub id: String,
    /// Handle without the leading `@`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Followers or subscribers: the author's reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    #[serde(default)]
    pub verified: bool,
    /// When the account was created (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
}

/// Links of this mention to other mentions, as vigia ids (`platform:native_id`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relations {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repost_of: Option<String>,
    /// Root of the conversation or thread, where the platform says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
}

/// Engagement counts as the platform reported them at collection time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reposts: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
}

impl Engagement {
    /// Sum of all interactions (views excluded).
    pub fn interactions(&self) -> u64 {
        [self.likes, self.replies, self.reposts, self.quotes]
            .iter()
            .map(|v| v.unwrap_or(0))
            .sum()
    }
}

/// Entities extracted from the text during normalisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entities {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    /// Mentioned handles, without `@`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handles: Vec<String>,
    /// Hashtags, without `#`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hashtags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emojis: Vec<String>,
}

/// What a mention is on its platform. Lets consumers weigh a review or a news article differently
/// from a comment without knowing every platform's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A top-level post: tweet, page post, Instagram media, Reddit link, LinkedIn post.
    Post,
    /// A comment or reply under another mention (`relations.reply_to` says which).
    Comment,
    /// A video whose description is the text (TikTok, YouTube).
    Video,
    /// A review or tip about a place, usually with a star rating.
    Review,
    /// A news, blog or feed item.
    Article,
}

/// Where a mention was published, beyond its author: the subreddit, Facebook page, YouTube
/// channel, reviewed place or news feed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Platform-native id (subreddit id, page id, channel id, place id, feed URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name (`r/barcelona`, page name, feed title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// What kind of tracked term matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// One of the organisation's own brands (or an alias of one).
    Brand,
    /// A competitor brand the organisation benchmarks against.
    Competitor,
    Keyword,
    Hashtag,
}

/// One tracked term of one organisation found in the mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackMatch {
    pub organisation: String,
    /// The configured brand this term belongs to (for brands and competitors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    pub kind: MatchKind,
    /// The configured term that matched (not the text span).
    pub term: String,
}

/// A normalised social-media mention, schema v1: what every platform decoder produces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// `platform:native_id`, unique across platforms.
    pub id: String,
    pub platform: Platform,
    /// Post, comment, video, review or article; absent when the connector did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MentionKind>,
    /// Organisation this mention is about; set by tracking (or by the connector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Where it was published (subreddit, page, channel, reviewed place, feed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    pub author: Author,
    /// Title of a Reddit link, video, review or article, as published. It is also the first line
    /// of `text`, so text-only consumers see it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Full text, Unicode NFC, HTML entities decoded. For reviews and articles the title, if any,
    /// comes first on its own line.
    pub text: String,
    /// Language the platform declared, if any (BCP 47 as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang_hint: Option<String>,
    /// When the author published it (RFC 3339 UTC).
    pub created_at: DateTime<Utc>,
    /// When the connector collected it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub relations: Relations,
    #[serde(default)]
    pub engagement: Engagement,
    /// Star rating of a review, on the platform's scale (1-5 for all supported review sites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<f32>,
    #[serde(default)]
    pub entities: Entities,
    /// Tracked terms found in the text, across all configured organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracking: Vec<TrackMatch>,
}

impl Mention {
    /// A mention with the required fields set and everything else empty.
    pub fn new(
        platform: Platform,
        native_id: &str,
        author: Author,
        text: String,
        created_at: DateTime<Utc>,
    ) -> Self {
        Self {
            id: format!("{}:{native_id}", platform.as_str()),
            platform,
            kind: None,
            organisation: None,
            url: None,
            channel: None,
            author,
            title: None,
            text,
            lang_hint: None,
            created_at,
            collected_at: None,
            relations: Relations::default(),
            engagement: Engagement::default(),
            rating: None,
            entities: Entities::default(),
            tracking: Vec::new(),
        }
    }

    /// Part of the id after `platform:`.
    pub fn native_id(&self) -> &str {
        self.id.split_once(':').map(|(_, n)| n).unwrap_or(&self.id)
    }

    /// The partition key downstream topics use: organisation (or `unmatched`) and first brand.
    pub fn routing_key(&self) -> String {
        let org = self.organisation.as_deref().unwrap_or("unmatched");
        match self.tracking.iter().find_map(|t| t.brand.as_deref()) {
            Some(brand) => format!("{org}/{brand}"),
            None => org.to_string(),
        }
    }
}
