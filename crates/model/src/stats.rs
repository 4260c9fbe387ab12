use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Counts for one brand (own or competitor) in one window.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct BrandStats {
    pub mentions: u64,
    pub duplicates: u64,
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
    pub misinformation: u64,
    pub phi: u64,
    /// Sum of author followers: potential reach.
    pub reach: u64,
}

/// Windowed aggregate per organisation (`mentions.stats` topic, key: organisation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MentionStats {
    pub schema_version: u32,
    pub organisation: String,
    pub window_start: DateTime<Utc>,
    pub window_end: DateTime<Utc>,
    /// By brand name; competitor brands included, which gives share of voice.
    pub brands: BTreeMap<String, BrandStats>,
    /// Brands that are competitors, to split share of voice.
    #[serde(default)]
    pub competitors: Vec<String>,
}
