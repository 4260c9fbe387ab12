//! Text normalisation shared by every decoder: Unicode NFC, HTML entities (and tags, for the
//! sources that send HTML), and extraction of URLs, handles, hashtags and emojis.
//!
//! Extraction fills an entity list only when the decoder left it empty: platforms that return
//! structured entities (X's expanded URLs, TikTok's hashtag names) are trusted over the regexes.
//! URLs, handles and hashtags are listed once each in order of first appearance; emojis in order
//! of appearance with repeats kept, since "😡😡😡" says more than "😡".

use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
use vigia_model::Mention;

static URL: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?i)\bhttps?://[^\s<>"'\u{00A0}\u{3000}]+"#).expect("regex"));
static HANDLE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[^\w@.])@(\w[\w.]{0,29})").expect("regex"));
static HASHTAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?:^|[^\w#&/])[#＃](\w+)").expect("regex"));

/// HTML entities decoded, then NFC.
pub fn normalise_text(text: &str) -> String {
    normalised(text).unwrap_or_else(|| text.to_string())
}

/// [`normalise_text`], or `None` when the text is already normal (the common case: no copy).
fn normalised(text: &str) -> Option<String> {
    let decoded: Cow<str> = if text.contains('&') {
        html_escape::decode_html_entities(text)
    } else {
        Cow::Borrowed(text)
    };
    if decoded.is_ascii() || is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
        match decoded {
            Cow::Borrowed(_) => None,
            Cow::Owned(s) => Some(s),
        }
    } else {
        Some(decoded.nfc().collect())
    }
}

/// Normalise the text, title and author name in place and fill empty `entities` lists.
pub fn normalise_mention(m: &mut Mention) {
    if let Some(t) = normalised(&m.text) {
        m.text = t;
    }
    if let Some(t) = m.title.as_deref().and_then(normalised) {
        m.title = Some(t);
    }
    if let Some(n) = m.author.name.as_deref().and_then(normalised) {
        m.author.name = Some(n);
    }
    let text = &m.text;
    let e = &mut m.entities;
    if e.urls.is_empty() {
        e.urls = extract_urls(text);
    }
    if e.handles.is_empty() {
        e.handles = extract_handles(text);
    }
    if e.hashtags.is_empty() {
        e.hashtags = extract_hashtags(text);
    }
    if e.emojis.is_empty() {
        e.emojis = extract_emojis(text);
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// http(s) URLs, trailing sentence punctuation removed.
pub fn extract_urls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.contains("://") {
        return out;
    }
    for u in URL.find_iter(text) {
        let mut s = u
            .as_str()
            .trim_end_matches(['.', ',', '!', '?', ';', ':', '…', '»', '”']);
        // A closing parenthesis belongs to the URL only if the URL opened one.
        while s.ends_with(')') && s.matches('(').count() < s.matches(')').count() {
            s = &s[..s.len() - 1];
        }
        push_unique(&mut out, s);
    }
    out
}

/// `@handles` without the `@`; e-mail addresses are not handles.
pub fn extract_handles(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.contains('@') {
        return out;
    }
    for c in HANDLE.captures_iter(text) {
        let h = c[1].trim_end_matches('.');
        if !h.is_empty() {
            push_unique(&mut out, h);
        }
    }
    out
}

/// `#hashtags` without the `#`; an all-digit tag (`#1`) is not a hashtag.
pub fn extract_hashtags(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.contains('#') && !text.contains('＃') {
        return out;
    }
    for c in HASHTAG.captures_iter(text) {
        let h = &c[1];
        if h.chars().any(|c| !c.is_ascii_digit() && c != '_') {
            push_unique(&mut out, h);
        }
    }
    out
}

const ZWJ: char = '\u{200D}';
const VS16: char = '\u{FE0F}';
const KEYCAP: char = '\u{20E3}';

fn is_regional(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

fn is_skin_tone(c: char) -> bool {
    matches!(c as u32, 0x1F3FB..=0x1F3FF)
}

fn is_tag(c: char) -> bool {
    matches!(c as u32, 0xE0020..=0xE007F)
}

/// Pictographs shown as emoji by default (the emoji blocks, and the BMP symbols with emoji
/// presentation that people type without a variation selector).
fn is_pictograph(c: char) -> bool {
    let u = c as u32;
    matches!(u,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55 | 0x231A..=0x231B
        | 0x23E9..=0x23F3 | 0x23F8..=0x23FA | 0x2934..=0x2935 | 0x2B05..=0x2B07
        | 0x2B1B..=0x2B1C | 0x3030 | 0x303D | 0x3297 | 0x3299
    ) && !is_regional(c)
        && !is_skin_tone(c)
}

/// Symbols that are emoji only when followed by U+FE0F (©, ®, ™, ‼, ↔ …).
fn is_text_default_symbol(c: char) -> bool {
    matches!(c as u32,
        0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139 | 0x2194..=0x2199 | 0x21A9..=0x21AA
        | 0x2328 | 0x23CF | 0x24C2 | 0x25AA..=0x25AB | 0x25B6 | 0x25C0 | 0x25FB..=0x25FE
    )
}

/// Emoji as users see them: one entry per emoji, with ZWJ sequences (👩‍⚕️), skin tones (👍🏽),
/// flags (🇪🇸, 🏴󠁧󠁢󠁳󠁣󠁴󠁿) and keycaps (1️⃣) kept whole.
pub fn extract_emojis(text: &str) -> Vec<String> {
    // Every emoji holds a pictograph, a regional indicator, U+FE0F or a keycap: text without
    // any has nothing to scan, and the scan can start just before the first one (nothing
    // before it can start an emoji, and a keycap's base is the one character before it).
    // All of those are U+2000 or above, whose UTF-8 starts with a byte of 0xE2 or more.
    if !text.bytes().any(|b| b >= 0xE2) {
        return Vec::new();
    }
    let Some(first) = text.char_indices().position(|(_, c)| {
        c >= '\u{A9}' && (is_pictograph(c) || is_regional(c) || c == VS16 || c == KEYCAP)
    }) else {
        return Vec::new();
    };
    let from = text
        .char_indices()
        .nth(first.saturating_sub(1))
        .map_or(0, |(b, _)| b);
    emojis_from(text, from)
}

/// The emoji scan of [`extract_emojis`] from byte `from` on.
fn emojis_from(text: &str, from: usize) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text[from..]
        .char_indices()
        .map(|(b, c)| (b + from, c))
        .collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let next = chars.get(i + 1).map(|(_, c)| *c);
        let mut j;
        if is_regional(c) {
            j = i + 1;
            if next.is_some_and(is_regional) {
                j += 1;
            }
        } else if (c.is_ascii_digit() || c == '#' || c == '*')
            && ((next == Some(VS16) && chars.get(i + 2).map(|x| x.1) == Some(KEYCAP))
                || next == Some(KEYCAP))
        {
            j = if next == Some(KEYCAP) { i + 2 } else { i + 3 };
        } else if is_pictograph(c) || (is_text_default_symbol(c) && next == Some(VS16)) {
            j = i + 1;
            // modifiers, then any number of ZWJ-joined pictographs with their own modifiers
            loop {
                while j < chars.len()
                    && (chars[j].1 == VS16
                        || is_skin_tone(chars[j].1)
                        || is_tag(chars[j].1)
                        || chars[j].1 == KEYCAP)
                {
                    j += 1;
                }
                if j + 1 < chars.len()
                    && chars[j].1 == ZWJ
                    && (is_pictograph(chars[j + 1].1) || is_text_default_symbol(chars[j + 1].1))
                {
                    j += 2;
                } else {
                    break;
                }
            }
        } else {
            i += 1;
            continue;
        }
        out.push(text[start..end_of(j)].to_string());
        i = j;
    }
    out
}

/// HTML to plain text: tags removed (block ends become line breaks), `<script>`/`<style>`
/// contents dropped. Entities are left for [`normalise_text`].
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') {
        return html.trim().to_string();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // A lone '<' is text.
            out.push('<');
            rest = after;
            continue;
        };
        let tag = &after[..close];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[close + 1..];
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let end = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            match lower.find(&end) {
                Some(e) => {
                    let tail = &rest[e..];
                    rest = tail.find('>').map_or("", |g| &tail[g + 1..]);
                }
                None => rest = "",
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "br" | "p"
                | "div"
                | "li"
                | "tr"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "ul"
                | "ol"
        ) {
            if !out.ends_with('\n') {
                out.push('\n');
            }
        } else if name == "img" || name == "a" || name.is_empty() {
            // inline: nothing
        }
    }
    out.push_str(rest);
    // Collapse runs of blank lines and trailing spaces.
    let mut clean = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        let l = line.trim();
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !clean.is_empty() {
            clean.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        clean.push_str(l);
    }
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_entities() {
        // "e" + combining acute becomes a single "é"; &amp; becomes "&".
        assert_eq!(normalise_text("cafe\u{301} &amp; m&eacute;s"), "café & més");
    }

    #[test]
    fn emoji_clusters() {
        let e = extract_emojis("Gràcies 👩‍⚕️👍🏽 a tot l'equip 🇪🇸 ❤️ 😡😡 1️⃣ © ™️ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 👨‍👩‍👧‍👦");
        assert_eq!(
            e,
            vec!["👩‍⚕️", "👍🏽", "🇪🇸", "❤️", "😡", "😡", "1️⃣", "™️", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👨‍👩‍👧‍👦"]
        );
        assert!(extract_emojis("plain text, àccents and © only").is_empty());
    }

    /// [`extract_emojis`] as first written: the whole text scanned whenever it holds any
    /// character from U+00A9 up outside Latin letters.
    fn emojis_reference(text: &str) -> Vec<String> {
        if !text
            .chars()
            .any(|c| c >= '\u{A9}' && !matches!(c, '\u{C0}'..='\u{24F}'))
        {
            return Vec::new();
        }
        emojis_from(text, 0)
    }

    #[test]
    fn emoji_scan_starts_before_the_first_candidate() {
        for t in [
            "1\u{20E3}",
            "#\u{FE0F}\u{20E3}x",
            "a©\u{FE0F}b",
            "ab😡",
            "x🇪🇸🇪",
            "ñ\u{FE0F}",
        ] {
            assert_eq!(extract_emojis(t), emojis_reference(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn emoji_scan_equals_reference(t in "[a1#* ©™\u{FE0F}\u{20E3}\u{200D}😡👩⚕🏽🇪🇸\u{E0067}é]{0,12}") {
            proptest::prop_assert_eq!(extract_emojis(&t), emojis_reference(&t));
        }
    }

    #[test]
    fn entities() {
        let t = "Mira @hsantpau i @Dr.Puig. (https://santpau.cat/urgencies). Escriu a info@santpau.cat #SantPau #1 #Urgències";
        assert_eq!(extract_handles(t), vec!["hsantpau", "Dr.Puig"]);
        assert_eq!(extract_urls(t), vec!["https://santpau.cat/urgencies"]);
        assert_eq!(extract_hashtags(t), vec!["SantPau", "Urgències"]);
        assert_eq!(
            extract_urls("see https://en.wikipedia.org/wiki/Foo_(bar), ok"),
            vec!["https://en.wikipedia.org/wiki/Foo_(bar)"]
        );
    }

    #[test]
    fn html() {
        assert_eq!(
            html_to_text(
                "<p>Long <b>wait</b> at A&amp;E<br>again</p><script>x()</script><p>2 &lt; 3</p>"
            ),
            "Long wait at A&amp;E\nagain\n2 &lt; 3"
        );
        assert_eq!(html_to_text("a < b"), "a < b");
    }
}
