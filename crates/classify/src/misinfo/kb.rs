//! The knowledge base of debunked health claims: loading and validation.
//!
//! The bundled base (`resources/kb/health_claims.json`) is compiled into the binary, so vigia
//! always has one; `[classify.misinfo] kb_path` points at another file with the same schema.
//! Every load validates the whole file and refuses it with every problem listed, so a bad edit
//! fails at start-up (and in `vigia kb validate`), never halfway through a stream.

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The knowledge base compiled into vigia.
pub const BUNDLED: &str = include_str!("../../resources/kb/health_claims.json");
/// Schema version this code reads.
pub const SCHEMA: u32 = 1;
/// Languages every claim must have paraphrases in.
pub const REQUIRED_LANGUAGES: [&str; 5] = ["en", "es", "ca", "it", "pt"];

/// One debunked claim.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Stable id (`vaccines-autism`, `covidlies-10`): lowercase letters, digits and `-`.
    pub id: String,
    /// One of the file's `categories`.
    pub category: String,
    /// The false claim, stated plainly in English.
    pub statement: String,
    /// Ways people say it, by ISO 639-1 language code.
    pub paraphrases: BTreeMap<String, Vec<String>>,
    /// Authoritative debunks: health authorities and fact-checkers (http/https URLs).
    pub sources: Vec<String>,
    /// Where the claim came from when it was imported (dataset, original id, licence).
    #[serde(default)]
    pub origin: Option<serde_json::Value>,
}

impl Claim {
    /// Every text of the claim: the statement (as English) first, then each paraphrase.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        std::iter::once(("en", self.statement.as_str())).chain(
            self.paraphrases
                .iter()
                .flat_map(|(l, v)| v.iter().map(move |t| (l.as_str(), t.as_str()))),
        )
    }

    /// Domains of the claim's sources, for explanations (`who.int`, `maldita.es`).
    pub fn source_domains(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.sources {
            if let Some(d) = super::domains::host_of(s) {
                if !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }
}

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnowledgeBase {
    pub schema: u32,
    /// Release of the content (`2026.11.0`); recorded in enriched events as `health-claims-kb@<version>`.
    pub version: String,
    #[serde(default)]
    pub description: String,
    pub languages: Vec<String>,
    /// The allowed categories.
    pub categories: Vec<String>,
    /// Credits for imported material (licence and origin).
    #[serde(default)]
    pub attribution: Vec<serde_json::Value>,
    pub claims: Vec<Claim>,
}

/// Why a knowledge base was refused: every problem found, one per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KbErrors(pub Vec<String>);

impl std::fmt::Display for KbErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} problem(s): {}", self.0.len(), self.0.join("; "))
    }
}

impl KnowledgeBase {
    /// The bundled knowledge base (validated; it is a bug if it does not load).
    pub fn bundled() -> Result<Self, KbErrors> {
        Self::parse(BUNDLED)
    }

    /// Read and validate a file.
    pub fn load(path: &Path) -> Result<Self, KbErrors> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| KbErrors(vec![format!("cannot read {}: {e}", path.display())]))?;
        Self::parse(&text)
    }

    /// Parse and validate JSON text.
    pub fn parse(text: &str) -> Result<Self, KbErrors> {
        let kb: KnowledgeBase = serde_json::from_str(text)
            .map_err(|e| KbErrors(vec![format!("not a valid knowledge-base document: {e}")]))?;
        let problems = kb.problems();
        if problems.is_empty() {
            Ok(kb)
        } else {
            Err(KbErrors(problems))
        }
    }

    /// `name@version` recorded in enriched events.
    pub fn model_name(&self) -> String {
        format!("health-claims-kb@{}", self.version)
    }

    /// Every schema rule the document breaks (empty when valid).
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if self.schema != SCHEMA {
            p.push(format!(
                "schema is {}, this vigia reads {SCHEMA}",
                self.schema
            ));
        }
        if !valid_version(&self.version) {
            p.push(format!(
                "version `{}` is not dotted numbers like 2026.11.0",
                self.version
            ));
        }
        for l in REQUIRED_LANGUAGES {
            if !self.languages.iter().any(|x| x == l) {
                p.push(format!("languages lacks required `{l}`"));
            }
        }
        if self.categories.is_empty() {
            p.push("categories is empty".into());
        }
        if self.claims.is_empty() {
            p.push("claims is empty".into());
        }
        let cats: HashSet<&str> = self.categories.iter().map(String::as_str).collect();
        let mut ids = HashSet::new();
        for (i, c) in self.claims.iter().enumerate() {
            let at = if c.id.is_empty() {
                format!("claims[{i}]")
            } else {
                format!("claim `{}`", c.id)
            };
            if !valid_id(&c.id) {
                p.push(format!(
                    "{at}: id must be lowercase letters, digits and `-`"
                ));
            }
            if !ids.insert(c.id.as_str()) {
                p.push(format!("{at}: duplicate id"));
            }
            if !cats.contains(c.category.as_str()) {
                p.push(format!(
                    "{at}: category `{}` is not one of the allowed categories",
                    c.category
                ));
            }
            if c.statement.trim().is_empty() {
                p.push(format!("{at}: empty statement"));
            }
            for l in &self.languages {
                match c.paraphrases.get(l) {
                    Some(v) if !v.is_empty() && v.iter().all(|t| !t.trim().is_empty()) => {}
                    Some(_) => p.push(format!("{at}: empty paraphrase in `{l}`")),
                    None => p.push(format!("{at}: no paraphrase in `{l}`")),
                }
            }
            for l in c.paraphrases.keys() {
                if !self.languages.contains(l) {
                    p.push(format!("{at}: paraphrases in undeclared language `{l}`"));
                }
            }
            if c.sources.is_empty() {
                p.push(format!("{at}: no source"));
            }
            for s in &c.sources {
                if !valid_url(s) {
                    p.push(format!("{at}: source `{s}` is not an http(s) URL"));
                }
            }
        }
        p
    }

    pub fn get(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }

    /// Count of claims per category, for summaries.
    pub fn category_counts(&self) -> BTreeMap<&str, usize> {
        let mut m = BTreeMap::new();
        for c in &self.claims {
            *m.entry(c.category.as_str()).or_default() += 1;
        }
        m
    }

    /// Total number of texts (statements and paraphrases).
    pub fn text_count(&self) -> usize {
        self.claims.iter().map(|c| c.texts().count()).sum()
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

fn valid_version(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// An absolute http(s) URL with a plausible host (letters, digits, `-`, dots, a TLD).
pub fn valid_url(s: &str) -> bool {
    let rest = match s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        Some(r) => r,
        None => return false,
    };
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_kb_is_valid_and_large_enough() {
        let kb = KnowledgeBase::bundled().unwrap_or_else(|e| panic!("{e}"));
        assert!(kb.claims.len() >= 62 + 100, "{} claims", kb.claims.len());
        let covidlies = kb
            .claims
            .iter()
            .filter(|c| c.id.starts_with("covidlies-"))
            .count();
        assert_eq!(covidlies, 62, "every COVIDLies misconception is in");
        assert!(kb.attribution.iter().any(|a| a["licence"] == "Apache-2.0"));
        for c in &kb.claims {
            for l in REQUIRED_LANGUAGES {
                assert!(!c.paraphrases[l].is_empty(), "{} {l}", c.id);
            }
        }
    }

    #[test]
    fn validation_lists_every_problem() {
        let doc = r#"{"schema":1,"version":"x","languages":["en","es"],"categories":["vaccines"],
          "claims":[
            {"id":"a","category":"vaccines","statement":"s","paraphrases":{"en":["x"],"es":["y"]},"sources":["https://www.who.int/x"]},
            {"id":"a","category":"nope","statement":"s","paraphrases":{"en":["x"]},"sources":["who.int"]}
          ]}"#;
        let e = KnowledgeBase::parse(doc).unwrap_err();
        let all = e.0.join("\n");
        assert!(all.contains("version `x`"), "{all}");
        assert!(all.contains("languages lacks required `ca`"), "{all}");
        assert!(all.contains("duplicate id"), "{all}");
        assert!(all.contains("category `nope`"), "{all}");
        assert!(all.contains("no paraphrase in `es`"), "{all}");
        assert!(all.contains("not an http(s) URL"), "{all}");
    }

    #[test]
    fn urls() {
        assert!(valid_url(
            "https://www.who.int/news-room/fact-sheets/detail/measles"
        ));
        assert!(valid_url("http://fullfact.org/health/"));
        assert!(!valid_url("www.who.int"));
        assert!(!valid_url("https://localhost/x"));
        assert!(!valid_url("https://who int/"));
        assert!(!valid_url("ftp://who.int/"));
    }
}
