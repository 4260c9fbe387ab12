//! Text normalisation for matching: what two copies of one message still share after a
//! repost, a cross-post or a copy-paste campaign has dressed them differently.
//!
//! Dropped: URLs, @handles, a leading `RT`/`via` marker, emojis, punctuation, case and
//! diacritics (so `espera`, `Espéra!!` and `ESPERA` are one token). Hashtags keep their word
//! (`#UrgenciasColapsadas` → `urgenciascolapsadas`), since campaigns often differ only in the `#`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cased, diacritic-free word tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(text.len() / 5 + 1);
    for raw in text.split_whitespace() {
        if is_noise_word(raw) {
            continue;
        }
        let mut cur = String::new();
        for c in raw.nfkd() {
            if is_combining_mark(c) {
                continue;
            }
            if c.is_alphanumeric() {
                cur.extend(c.to_lowercase());
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    // "RT @user: text" and "via @user": the handle is gone already, drop the marker.
    if out.first().is_some_and(|t| t == "rt") {
        out.remove(0);
    }
    if out.len() >= 2 && out[out.len() - 1] == "via" {
        out.pop();
    }
    out
}

/// Words that carry no content of the message itself: links and handles.
fn is_noise_word(w: &str) -> bool {
    let w = w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@');
    if w.starts_with('@') {
        return true;
    }
    let lower = w.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

/// The normalised text as one string (tokens joined by single spaces).
pub fn normalised(text: &str) -> String {
    tokens(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_decoration() {
        assert_eq!(
            normalised(
                "RT @pep: Les urgències de #SantPau, 6 hores d'espera!! 😡 https://t.co/Ab1"
            ),
            "les urgencies de santpau 6 hores d espera"
        );
        assert_eq!(normalised("Espéra   ESPERA espera"), "espera espera espera");
        assert_eq!(normalised("😡😡 @a @b https://x.y"), "");
        assert_eq!(normalised("great care via @GemelliRoma"), "great care");
    }
}
