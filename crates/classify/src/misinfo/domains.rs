//! Domain reputation lists (`resources/misinfo/domains.json`) and the URL helpers the
//! credibility signals and the detector's link features share.

use once_cell::sync::Lazy;
use serde::Deserialize;

const BUNDLED: &str = include_str!("../../resources/misinfo/domains.json");

/// What a link points at, as far as the curated lists tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkClass {
    LowCredibility,
    Authoritative,
    FactChecker,
    Study,
    Shortener,
    Other,
}

#[derive(Debug, Deserialize)]
struct Lists {
    version: String,
    #[allow(dead_code)]
    note: String,
    low_credibility: Vec<String>,
    authoritative: Vec<String>,
    fact_checkers: Vec<String>,
    studies: Vec<String>,
    preprints: Vec<String>,
    shorteners: Vec<String>,
}

/// The curated domain lists.
#[derive(Debug)]
pub struct DomainLists {
    lists: Lists,
}

static LISTS: Lazy<DomainLists> = Lazy::new(|| DomainLists {
    lists: serde_json::from_str(BUNDLED).expect("bundled domains.json is valid"),
});

impl DomainLists {
    /// The bundled lists.
    pub fn bundled() -> &'static DomainLists {
        &LISTS
    }

    pub fn version(&self) -> &str {
        &self.lists.version
    }

    /// Classify a URL. Fact-checkers win over studies and authorities (a fact-check on a
    /// health authority's site is still a fact-check); low credibility wins over everything.
    pub fn classify(&self, url: &str) -> LinkClass {
        let Some((host, path)) = host_and_path(url) else {
            return LinkClass::Other;
        };
        let hit = |list: &[String]| list.iter().any(|e| entry_matches(e, &host, &path));
        if hit(&self.lists.low_credibility) {
            LinkClass::LowCredibility
        } else if hit(&self.lists.fact_checkers) {
            LinkClass::FactChecker
        } else if hit(&self.lists.studies) {
            LinkClass::Study
        } else if hit(&self.lists.authoritative) {
            LinkClass::Authoritative
        } else if hit(&self.lists.shorteners) {
            LinkClass::Shortener
        } else {
            LinkClass::Other
        }
    }

    /// A preprint server: evidence, but not yet peer reviewed.
    pub fn is_preprint(&self, url: &str) -> bool {
        host_and_path(url).is_some_and(|(h, p)| {
            self.lists
                .preprints
                .iter()
                .any(|e| entry_matches(e, &h, &p))
        })
    }
}

fn entry_matches(entry: &str, host: &str, path: &str) -> bool {
    let (eh, ep) = match entry.split_once('/') {
        Some((h, p)) => (h, Some(p)),
        None => (entry, None),
    };
    let host_ok = host == eh
        || (host.len() > eh.len()
            && host.ends_with(eh)
            && host.as_bytes()[host.len() - eh.len() - 1] == b'.');
    host_ok
        && ep.is_none_or(|p| {
            let path = path.trim_start_matches('/');
            path.starts_with(p)
        })
}

/// Lower-case host without `www.` and the path of an http(s) URL (or a bare `www.` link).
pub fn host_and_path(url: &str) -> Option<(String, String)> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.starts_with("www.").then_some(lower.as_str()))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = rest[..end].split('@').next_back()?.split(':').next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .trim_end_matches('.');
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    Some((host.to_string(), rest[end..].to_string()))
}

/// The host of a URL, without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    host_and_path(url).map(|(h, _)| h)
}

static URL_RE: Lazy<regex::Regex> =
    Lazy::new(|| regex::Regex::new(r"(?i)(?:https?://|www\.)[^\s<>\x22]+").expect("url regex"));

/// URLs in a text plus the ones the platform extracted, deduplicated, trailing punctuation cut.
pub fn collect_urls(text: &str, extracted: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let found = URL_RE.find_iter(text).map(|m| m.as_str());
    for u in extracted.iter().map(String::as_str).chain(found) {
        let u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'', '"', '…']);
        if !u.is_empty() && !out.iter().any(|x| x == u) {
            out.push(u.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let d = DomainLists::bundled();
        assert_eq!(
            d.classify("https://www.naturalnews.com/2020/x.html"),
            LinkClass::LowCredibility
        );
        assert_eq!(
            d.classify("https://www.who.int/news"),
            LinkClass::Authoritative
        );
        assert_eq!(
            d.classify("https://canalsalut.gencat.cat/ca/"),
            LinkClass::Authoritative
        );
        assert_eq!(
            d.classify("https://maldita.es/malditobulo/x"),
            LinkClass::FactChecker
        );
        assert_eq!(
            d.classify("https://www.reuters.com/fact-check/x"),
            LinkClass::FactChecker
        );
        assert_eq!(
            d.classify("https://www.reuters.com/world/x"),
            LinkClass::Other
        );
        assert_eq!(d.classify("https://doi.org/10.1056/x"), LinkClass::Study);
        assert_eq!(d.classify("https://t.co/abc"), LinkClass::Shortener);
        assert_eq!(d.classify("https://notwho.int/x"), LinkClass::Other);
        assert_eq!(d.classify("not a url"), LinkClass::Other);
        assert!(d.is_preprint("https://www.medrxiv.org/content/1"));
    }

    #[test]
    fn url_collection() {
        let u = collect_urls(
            "see https://who.int/a). and www.cdc.gov/b, again https://who.int/a",
            &["https://x.org/y".into()],
        );
        assert_eq!(
            u,
            vec!["https://x.org/y", "https://who.int/a", "www.cdc.gov/b"]
        );
    }
}
