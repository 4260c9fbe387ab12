//! Text normalisation shared by every decoder: Unicode NFC, HTML entities, entity extraction.

use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;
use vigia_model::Mention;

static URL: Lazy<Regex> = Lazy::new(|| Regex::new(r"https?://[^\s<>\x22']+").unwrap());
static HANDLE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[^\w@])@(\w{1,30})").unwrap());
static HASHTAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[^\w#&])#(\w+)").unwrap());

/// NFC and HTML entity decoding.
pub fn normalise_text(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    decoded.nfc().collect()
}

/// Normalise the text in place and fill `entities` where the decoder left them empty.
pub fn normalise_mention(m: &mut Mention) {
    m.text = normalise_text(&m.text);
    let e = &mut m.entities;
    if e.urls.is_empty() {
        e.urls = URL
            .find_iter(&m.text)
            .map(|u| {
                u.as_str()
                    .trim_end_matches(['.', ',', ')', '!', '?'])
                    .to_string()
            })
            .collect();
    }
    if e.handles.is_empty() {
        e.handles = HANDLE
            .captures_iter(&m.text)
            .map(|c| c[1].to_string())
            .collect();
    }
    if e.hashtags.is_empty() {
        e.hashtags = HASHTAG
            .captures_iter(&m.text)
            .map(|c| c[1].to_string())
            .collect();
    }
    if e.emojis.is_empty() {
        e.emojis = m
            .text
            .chars()
            .filter(|c| is_emoji(*c))
            .map(String::from)
            .collect();
    }
}

/// Pictographic code points (the common emoji blocks).
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F1E6..=0x1F1FF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_entities() {
        // "e" + combining acute becomes a single "é"; &amp; becomes "&".
        assert_eq!(normalise_text("cafe\u{301} &amp; m&eacute;s"), "café & més");
    }
}
