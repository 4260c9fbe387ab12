use crate::mention::{
    Author, Channel, Engagement, Entities, MentionKind, Platform, Relations, TrackMatch,
};
use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Sentiment class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SentimentLabel {
    Negative,
    Neutral,
    Positive,
}

impl SentimentLabel {
    pub const ALL: [SentimentLabel; 3] = [
        SentimentLabel::Negative,
        SentimentLabel::Neutral,
        SentimentLabel::Positive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SentimentLabel::Negative => "negative",
            SentimentLabel::Neutral => "neutral",
            SentimentLabel::Positive => "positive",
        }
    }

    /// UMSAB's label encoding: 0 negative, 1 neutral, 2 positive.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Self> {
        Self::ALL.get(i).copied()
    }
}

/// Class probabilities; they sum to 1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct SentimentProbs {
    pub negative: f32,
    pub neutral: f32,
    pub positive: f32,
}

impl SentimentProbs {
    pub fn as_array(&self) -> [f32; 3] {
        [self.negative, self.neutral, self.positive]
    }

    pub fn from_array(p: [f32; 3]) -> Self {
        Self {
            negative: p[0],
            neutral: p[1],
            positive: p[2],
        }
    }

    /// The most probable label and its probability.
    pub fn argmax(&self) -> (SentimentLabel, f32) {
        let p = self.as_array();
        let mut best = 0;
        for i in 1..3 {
            if p[i] > p[best] {
                best = i;
            }
        }
        (SentimentLabel::ALL[best], p[best])
    }
}

/// Sentiment of the whole mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SentimentInfo {
    pub label: SentimentLabel,
    /// Calibrated probability of `label` (0..1).
    pub score: f32,
    /// Positive minus negative probability (-1..1), convenient for averaging.
    pub polarity: f32,
    pub probabilities: SentimentProbs,
    /// Which classifier produced it (`lexicon`, `encoder`, ...): the tier that decided.
    pub model: String,
}

/// The detected language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LanguageInfo {
    /// ISO 639-1 code of the best guess, or null when the text is too short or too mixed to tell.
    pub code: Option<String>,
    /// Confidence of the best guess (0..1).
    pub confidence: f32,
    /// False for texts too short or ambiguous for the guess to be trusted.
    pub reliable: bool,
}

/// One healthcare aspect the mention talks about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AspectLabel {
    /// Aspect id from the configured taxonomy (`wait_times`, `billing_cost`, ...).
    pub aspect: String,
    /// Confidence that the aspect is present (0..1).
    pub confidence: f32,
    /// Sentiment toward this aspect, where the text allows telling it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<SentimentLabel>,
}

/// How the mention relates to a matched debunked claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Repeats or endorses the claim.
    Supports,
    /// Debunks or mocks the claim.
    Refutes,
    /// Asks about it or mentions it without taking a side.
    Neutral,
}

/// A knowledge-base claim the mention resembles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimMatch {
    /// Knowledge-base claim id.
    pub id: String,
    /// Cosine similarity to the closest statement of the claim (0..1).
    pub similarity: f32,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

/// One credibility signal (after the WHO's verification steps) and what it contributed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Signal {
    /// `source`, `author`, `date`, `evidence`, `bias`, `fact_checkers`, `claim_match`, `detector`...
    pub kind: String,
    /// Contribution to the misinformation score; negative values lower it.
    pub weight: f32,
    /// Plain-language explanation for a communications officer. Never quotes the mention.
    pub detail: String,
}

/// Misinformation assessment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct MisinformationInfo {
    /// Probability-like score that the mention spreads health misinformation (0..1).
    pub score: f32,
    pub claims: Vec<ClaimMatch>,
    #[serde(default)]
    pub signals: Vec<Signal>,
    /// One-paragraph summary of why the score is what it is.
    #[serde(default)]
    pub explanation: String,
}

/// Protected health information identifier types (HIPAA Safe Harbor, plus EU national ids).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PhiType {
    PersonName,
    StreetAddress,
    PostalCode,
    Date,
    Phone,
    Fax,
    Email,
    NationalId,
    HealthCardNumber,
    MedicalRecordNumber,
    AccountNumber,
    LicencePlate,
    Url,
    IpAddress,
    DeviceId,
    /// A disclosed health condition of the author or of a named person.
    HealthCondition,
}

impl PhiType {
    pub fn as_str(self) -> &'static str {
        match self {
            PhiType::PersonName => "person_name",
            PhiType::StreetAddress => "street_address",
            PhiType::PostalCode => "postal_code",
            PhiType::Date => "date",
            PhiType::Phone => "phone",
            PhiType::Fax => "fax",
            PhiType::Email => "email",
            PhiType::NationalId => "national_id",
            PhiType::HealthCardNumber => "health_card_number",
            PhiType::MedicalRecordNumber => "medical_record_number",
            PhiType::AccountNumber => "account_number",
            PhiType::LicencePlate => "licence_plate",
            PhiType::Url => "url",
            PhiType::IpAddress => "ip_address",
            PhiType::DeviceId => "device_id",
            PhiType::HealthCondition => "health_condition",
        }
    }

    /// Placeholder written into `redacted_text` for a span of this type.
    pub fn placeholder(self) -> String {
        format!("[{}]", self.as_str().to_ascii_uppercase())
    }
}

/// A PHI span, as character offsets into the original text (which only restricted topics carry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhiSpan {
    #[serde(rename = "type")]
    pub kind: PhiType,
    /// Start offset in Unicode scalar values.
    pub start: usize,
    /// End offset (exclusive) in Unicode scalar values.
    pub end: usize,
    /// Which validator confirmed it, if any (`luhn`, `dni_letter`, `codice_fiscale_check`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validator: Option<String>,
}

/// PHI and health self-disclosure found in the mention.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct PhiInfo {
    /// Distinct identifier types found, sorted.
    pub types: Vec<PhiType>,
    /// The author discloses a health condition of their own or of a named person.
    pub self_disclosure: bool,
    /// Category of the disclosed condition (`oncology`, `mental_health`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition_category: Option<String>,
    #[serde(default)]
    pub spans: Vec<PhiSpan>,
}

impl PhiInfo {
    /// True when the mention exposes a person: a health self-disclosure, or any identifier other
    /// than links and IP addresses. A link alone is redacted but is no patient-data exposure, and
    /// counting it would raise `phi_exposure` for every post that shares an article.
    pub fn exposes_person(&self) -> bool {
        self.self_disclosure
            || self
                .types
                .iter()
                .any(|t| !matches!(t, PhiType::Url | PhiType::IpAddress))
    }
}

/// How a duplicate was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DedupeKind {
    /// Same normalised text as an earlier mention.
    Exact,
    /// Near-duplicate by MinHash/LSH similarity.
    Near,
}

impl DedupeKind {
    /// Serde name, also the `kind` label of `vigia_duplicates_total`.
    pub fn as_str(self) -> &'static str {
        match self {
            DedupeKind::Exact => "exact",
            DedupeKind::Near => "near",
        }
    }
}

/// Duplicate cluster membership.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DedupeInfo {
    /// Id of the earlier mention this one duplicates; null for the first of its cluster.
    pub duplicate_of: Option<String>,
    /// Cluster id: the id of the cluster's first mention.
    pub cluster_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DedupeKind>,
    /// Estimated Jaccard similarity to `duplicate_of` (1 for exact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// Event time of the cluster's first mention.
    pub first_seen: DateTime<Utc>,
    /// Mentions in the cluster so far, this one included.
    pub cluster_size: u32,
}

/// Provenance of the enrichment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Processing {
    pub vigia_version: String,
    pub processed_at: DateTime<Utc>,
    /// Models or rule sets used, `name@version`.
    #[serde(default)]
    pub models: Vec<String>,
}

/// A mention after enrichment: what `mentions.enriched` carries (schema v1).
///
/// It never carries the original text: `redacted_text` is the text with every PHI span replaced
/// by a typed placeholder (identical to the original when nothing was found).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EnrichedMention {
    pub schema_version: u32,
    pub id: String,
    pub platform: Platform,
    #[serde(default)]
    pub organisation: Option<String>,
    /// Own brands matched (configured names, not text spans).
    #[serde(default)]
    pub brands: Vec<String>,
    /// Competitor brands matched.
    #[serde(default)]
    pub competitors: Vec<String>,
    /// Post, comment, video, review or article (null when the source did not say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MentionKind>,
    /// Where it was published: subreddit, page, channel, reviewed place or feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(default)]
    pub url: Option<String>,
    pub author: Author,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub collected_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub relations: Relations,
    #[serde(default)]
    pub engagement: Engagement,
    #[serde(default)]
    pub rating: Option<f32>,
    #[serde(default)]
    pub entities: Entities,
    #[serde(default)]
    pub tracking: Vec<TrackMatch>,
    /// ISO 639-1 code, or null when unknown (see `language.reliable`).
    pub lang: Option<String>,
    pub language: LanguageInfo,
    pub dedupe: DedupeInfo,
    pub sentiment: SentimentInfo,
    pub aspects: Vec<AspectLabel>,
    pub misinformation: MisinformationInfo,
    pub phi: PhiInfo,
    pub redacted_text: String,
    /// Priority for human attention (0..1).
    pub priority: f32,
    pub processing: Processing,
}
