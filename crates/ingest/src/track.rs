//! Tracking: which organisations, brands, competitors, keywords and hashtags a mention names.
//!
//! All terms of all organisations live in one Aho-Corasick automaton over a folded form of the
//! text (lower case, accents stripped, `#`/`@` and separators collapsed), so matching is one pass
//! whatever the number of organisations.
//!
//! Word boundaries: the folded text and every folded term are padded with spaces, so a term only
//! matches whole words ("Sant Pau" does not match "santpaulino"). A multi-word term is also
//! compiled in its joined form ("santpau"), which is how hashtags and handles write it
//! ("#SantPau", "@santpau"); camel-case hashtags are additionally split ("#UrgenciesSantPau" is
//! also read as "urgencies sant pau").

use aho_corasick::{AhoCorasick, MatchKind as AcMatchKind};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use vigia_model::{MatchKind, Mention, TrackMatch};

/// A brand and the other names people use for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandConfig {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What one organisation tracks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationConfig {
    pub id: String,
    #[serde(default)]
    pub brands: Vec<BrandConfig>,
    #[serde(default)]
    pub competitors: Vec<BrandConfig>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub hashtags: Vec<String>,
    /// A mention containing any of these is not attributed to the organisation.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// What to do with a mention that names no organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnmatchedPolicy {
    /// Count it and drop it.
    #[default]
    Drop,
    /// Count it and send it to `topics.unmatched`.
    Route,
    /// Keep it in the pipeline without an organisation (useful for batch evaluation).
    Keep,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackingConfig {
    #[serde(default)]
    pub organisations: Vec<OrganisationConfig>,
    #[serde(default)]
    pub unmatched: UnmatchedPolicy,
}

#[derive(Debug, Clone)]
struct Term {
    org: usize,
    brand: Option<String>,
    kind: MatchKind,
    /// Excluded terms veto the organisation instead of matching it.
    exclude: bool,
    term: String,
}

/// The compiled matcher.
#[derive(Debug, Clone)]
pub struct Tracker {
    orgs: Vec<String>,
    terms: Vec<Term>,
    /// Automaton pattern index → index into `terms` (a term may have two patterns).
    pattern_term: Vec<usize>,
    automaton: Option<AhoCorasick>,
    pub unmatched: UnmatchedPolicy,
}

/// Lower-case, strip accents, and turn every non-alphanumeric run into one space, so that
/// "#SantPau", "Sant-Pau" and "sant pau" compare on the same footing. The result is padded with
/// spaces so word-boundary checks are plain neighbour checks.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    fold_into(text, &mut out);
    out
}

/// [`fold`] appended to `out` (which, if not empty, must already end in a space).
///
/// Equivalent to folding the text's NFD: each character is decomposed on its own, which differs
/// from the NFD of the whole string only in the order of combining marks, and those are dropped.
/// ASCII, most of any Latin-script text, skips the decomposition tables altogether.
fn fold_into(text: &str, out: &mut String) {
    if out.is_empty() {
        out.push(' ');
    }
    let mut last_space = out.ends_with(' ');
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
                last_space = false;
            } else if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                fold_char(d, out, &mut last_space)
            });
        }
    }
    if !last_space {
        out.push(' ');
    }
}

/// One character of the canonical decomposition.
#[inline]
fn fold_char(c: char, out: &mut String, last_space: &mut bool) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            *last_space = false;
        } else if !*last_space {
            out.push(' ');
            *last_space = true;
        }
        return;
    }
    if unicode_normalization::char::is_combining_mark(c) {
        return;
    }
    if c.is_alphanumeric() {
        // Lower-casing can itself produce combining marks ('İ' → "i\u{307}"): drop them too.
        for l in c.to_lowercase().flat_map(|l| l.nfd()) {
            if !unicode_normalization::char::is_combining_mark(l) {
                out.push(l);
            }
        }
        *last_space = false;
    } else if !*last_space {
        out.push(' ');
        *last_space = true;
    }
}

thread_local! {
    /// The folded text of the mention being matched, reused across mentions on this thread.
    static HAYSTACK: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Camel-case hashtags ("#SantPau") also match the spaced form: "sant pau".
fn split_camel(word: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

impl Tracker {
    pub fn new(config: &TrackingConfig) -> Self {
        let mut orgs = Vec::new();
        let mut terms = Vec::new();
        for (i, org) in config.organisations.iter().enumerate() {
            orgs.push(org.id.clone());
            let mut push = |name: &str, brand: Option<&str>, kind, exclude| {
                terms.push(Term {
                    org: i,
                    brand: brand.map(str::to_string),
                    kind,
                    exclude,
                    term: name.to_string(),
                })
            };
            for b in &org.brands {
                push(&b.name, Some(&b.name), MatchKind::Brand, false);
                for a in &b.aliases {
                    push(a, Some(&b.name), MatchKind::Brand, false);
                }
            }
            for b in &org.competitors {
                push(&b.name, Some(&b.name), MatchKind::Competitor, false);
                for a in &b.aliases {
                    push(a, Some(&b.name), MatchKind::Competitor, false);
                }
            }
            for k in &org.keywords {
                push(k, None, MatchKind::Keyword, false);
            }
            for h in &org.hashtags {
                push(h.trim_start_matches('#'), None, MatchKind::Hashtag, false);
            }
            for x in &org.exclude {
                push(x, None, MatchKind::Keyword, true);
            }
        }
        let mut patterns: Vec<String> = Vec::with_capacity(terms.len() * 2);
        let mut pattern_term = Vec::with_capacity(terms.len() * 2);
        for (i, t) in terms.iter().enumerate() {
            let folded = fold(&t.term);
            if folded.trim().is_empty() {
                // Nothing matchable ("!!!"): a pattern of bare spaces would match everything.
                continue;
            }
            let inner = folded.trim();
            if inner.contains(' ') {
                patterns.push(format!(" {} ", inner.replace(' ', "")));
                pattern_term.push(i);
            }
            patterns.push(folded);
            pattern_term.push(i);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(AcMatchKind::Standard)
                    .build(&patterns)
                    .expect("tracking automaton builds"),
            )
        };
        Self {
            orgs,
            terms,
            pattern_term,
            automaton,
            unmatched: config.unmatched,
        }
    }

    /// Whether any organisation is configured at all.
    pub fn is_empty(&self) -> bool {
        self.orgs.is_empty()
    }

    /// All tracked terms found in `text`, excluded organisations removed.
    pub fn matches(&self, text: &str, hashtags: &[String]) -> Vec<TrackMatch> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        HAYSTACK.with_borrow_mut(|haystack| {
            haystack.clear();
            fold_into(text, haystack);
            for h in hashtags {
                // Two spaces between the text and each hashtag: no term spans them.
                haystack.push(' ');
                fold_into(&split_camel(h), haystack);
            }
            self.matches_in(ac, haystack)
        })
    }

    /// The matches in an already folded haystack.
    fn matches_in(&self, ac: &AhoCorasick, haystack: &str) -> Vec<TrackMatch> {
        let mut hits: Vec<&Term> = Vec::new();
        let mut vetoed = vec![false; self.orgs.len()];
        // Patterns are folded with surrounding spaces, so every match is word-aligned.
        for m in ac.find_overlapping_iter(haystack) {
            let t = &self.terms[self.pattern_term[m.pattern().as_usize()]];
            if t.exclude {
                vetoed[t.org] = true;
            } else if !hits.iter().any(|h| std::ptr::eq(*h, t)) {
                hits.push(t);
            }
        }
        let mut out: Vec<TrackMatch> = hits
            .into_iter()
            .filter(|t| !vetoed[t.org])
            .map(|t| TrackMatch {
                organisation: self.orgs[t.org].clone(),
                brand: t.brand.clone(),
                kind: t.kind,
                term: t.term.clone(),
            })
            .collect();
        out.dedup_by(|a, b| {
            a.organisation == b.organisation
                && a.brand == b.brand
                && a.kind == b.kind
                && a.term == b.term
        });
        out
    }

    /// Fill `tracking` and, if unset, `organisation` (the organisation of the first own-brand
    /// match, else of the first match). Returns whether any organisation matched.
    pub fn apply(&self, m: &mut Mention) -> bool {
        let found = self.matches(&m.text, &m.entities.hashtags);
        if m.organisation.is_none() {
            m.organisation = found
                .iter()
                .find(|t| t.kind == MatchKind::Brand)
                .or(found.first())
                .map(|t| t.organisation.clone());
        }
        m.tracking = found;
        m.organisation.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tracker() -> Tracker {
        let cfg: TrackingConfig = toml::from_str(
            r##"
            [[organisations]]
            id = "santpau"
            brands = [{ name = "Sant Pau", aliases = ["Hospital de Sant Pau"] }]
            competitors = [{ name = "Vall d'Hebron" }]
            hashtags = ["#UrgenciesSantPau"]
            exclude = ["sant pau del camp"]
            "##,
        )
        .unwrap();
        Tracker::new(&cfg)
    }

    #[test]
    fn word_boundary_case_accent_insensitive() {
        let t = tracker();
        assert_eq!(t.matches("Molt bé a SANT PAU", &[]).len(), 1);
        assert_eq!(t.matches("visita a sànt-pàu avui", &[]).len(), 1);
        assert!(t.matches("santpaulino", &[]).is_empty());
        assert_eq!(t.matches("gràcies #SantPau", &["SantPau".into()]).len(), 1);
        // joined forms: lower-case hashtags and handles
        assert_eq!(t.matches("gràcies #santpau", &["santpau".into()]).len(), 1);
        assert_eq!(t.matches("@SANTPAU ajuda", &[]).len(), 1);
        assert!(t
            .matches("#santpaulino", &["santpaulino".into()])
            .is_empty());
        // a camel-case hashtag that contains the brand
        let hits = t.matches("#UrgènciesSantPau", &["UrgènciesSantPau".into()]);
        assert!(hits.iter().any(|h| h.kind == MatchKind::Brand), "{hits:?}");
        assert!(
            hits.iter().any(|h| h.kind == MatchKind::Hashtag),
            "{hits:?}"
        );
        let comp = t.matches("millor que la Vall d’Hebron", &[]);
        assert_eq!(comp[0].kind, MatchKind::Competitor);
    }

    /// The definition [`fold`] implements: fold the NFD of the whole text.
    fn fold_reference(text: &str) -> String {
        let mut out = String::from(" ");
        let mut last_space = true;
        for c in text.nfd() {
            if unicode_normalization::char::is_combining_mark(c) && !c.is_ascii() {
                continue;
            }
            if c.is_alphanumeric() {
                for l in c.to_lowercase().flat_map(|l| l.nfd()) {
                    if !unicode_normalization::char::is_combining_mark(l) {
                        out.push(l);
                    }
                }
                last_space = false;
            } else if !last_space {
                out.push(' ');
                last_space = true;
            }
        }
        if !last_space {
            out.push(' ');
        }
        out
    }

    #[test]
    fn fold_per_character_equals_fold_of_nfd() {
        for t in [
            "Sànt Pàu",
            "İstanbul",
            "ệ\u{323}\u{302}e\u{302}\u{323}",
            "한국어 병원",
            "ﬁnal Æ ß",
            "Marañón",
            "Ὀδυσσεύς",
            "a\u{301}\u{327}",
            "",
            "!!!",
            "#UrgènciesSantPau",
        ] {
            assert_eq!(fold(t), fold_reference(t), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_equals_reference(t in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold(&t), fold_reference(&t));
        }
    }

    #[test]
    fn exclusions_veto() {
        assert!(tracker()
            .matches("l'església de Sant Pau del Camp", &[])
            .is_empty());
    }
}
