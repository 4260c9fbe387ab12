//! Credibility signals after the WHO's verification steps: source, author, date, evidence,
//! bias and fact-checkers. Each becomes a [`Signal`] with a weight (its contribution to the
//! misinformation logit; negative lowers the score) and a plain-language detail that never
//! quotes the mention.

use super::domains::{self, DomainLists, LinkClass};
use super::stance::{fold, has_phrase, words};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use once_cell::sync::Lazy;
use regex::Regex;
use vigia_model::{Mention, Signal};

/// Phrases of conspiratorial or sensational framing (folded).
const CONSPIRACY: &[&str] = &[
    // en
    "they don't want you to know",
    "they dont want you to know",
    "what they don't tell you",
    "wake up",
    "big pharma",
    "mainstream media won't",
    "msm won't",
    "do your own research",
    "share before",
    "before it's deleted",
    "before they delete",
    "they are hiding",
    "they're hiding",
    "the truth about",
    "cover up",
    "cover-up",
    "plandemic",
    "scamdemic",
    "sheeple",
    "depopulation",
    "doctors won't tell you",
    "banned video",
    "censored",
    // es
    "lo que no quieren que sepas",
    "no quieren que sepas",
    "despierta",
    "despertad",
    "big pharma",
    "la verdad que",
    "nos ocultan",
    "te ocultan",
    "comparte antes de que",
    "antes de que lo borren",
    "plandemia",
    "censurado",
    "los medios no",
    "la verdad sobre",
    // ca
    "el que no volen que sapigues",
    "no volen que sapigues",
    "desperteu",
    "ens amaguen",
    "comparteix abans que",
    "abans que ho esborrin",
    "la veritat sobre",
    // it
    "quello che non vogliono che tu sappia",
    "non vogliono che tu sappia",
    "svegliatevi",
    "svegliati",
    "ci nascondono",
    "condividi prima che",
    "prima che lo cancellino",
    "la verita su",
    "plandemia",
    "censurato",
    "i media non",
    // pt
    "o que nao querem que voce saiba",
    "nao querem que voce saiba",
    "acordem",
    "acorda",
    "nos escondem",
    "compartilhe antes que",
    "antes que apaguem",
    "a verdade sobre",
    "plandemia",
    "censurado",
];

/// Sensational words (folded whole words).
const SENSATIONAL: &[&str] = &[
    "miracle",
    "miraculous",
    "shocking",
    "secret",
    "banned",
    "exposed",
    "bombshell",
    "urgent",
    "milagro",
    "milagroso",
    "impactante",
    "secreto",
    "prohibido",
    "urgente",
    "escandalo",
    "miracle",
    "miraculos",
    "impactant",
    "secret",
    "prohibit",
    "miracolo",
    "miracoloso",
    "scioccante",
    "segreto",
    "vietato",
    "clamoroso",
    "milagre",
    "milagroso",
    "chocante",
    "segredo",
    "proibido",
    "bomba",
];

static URL_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:[/-]|$)")
        .expect("date regex")
});

/// What the signals found, besides the signals themselves (for stance and explanations).
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub fact_check_link: bool,
    pub low_credibility_link: bool,
    pub study_link: bool,
    pub any_link: bool,
}

/// The date a URL's path carries (`/2019/03/12/`, `/2019-03/`), if any.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    let (_, path) = domains::host_and_path(url)?;
    let c = URL_DATE.captures(&path)?;
    let y: i32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    let d: u32 = c.get(3).map_or(Some(1), |d| d.as_str().parse().ok())?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn sig(kind: &str, weight: f32, detail: String) -> Signal {
    Signal {
        kind: kind.to_string(),
        weight,
        detail,
    }
}

fn list(hosts: &[String]) -> String {
    let mut h: Vec<&str> = hosts.iter().map(String::as_str).collect();
    h.dedup();
    h.truncate(3);
    h.join(", ")
}

/// The WHO steps that can be read off a mention: source, date, evidence, fact-checkers, author, bias.
pub fn credibility(m: &Mention, urls: &[String]) -> (Vec<Signal>, Findings) {
    let lists = DomainLists::bundled();
    let mut out = Vec::new();
    let mut f = Findings {
        any_link: !urls.is_empty(),
        ..Default::default()
    };
    let by = |c: LinkClass| -> Vec<String> {
        urls.iter()
            .filter(|u| lists.classify(u) == c)
            .filter_map(|u| domains::host_of(u))
            .collect()
    };
    let low = by(LinkClass::LowCredibility);
    let auth = by(LinkClass::Authoritative);
    let fc = by(LinkClass::FactChecker);
    let study = by(LinkClass::Study);
    let short = by(LinkClass::Shortener);

    // 1. Source
    if !low.is_empty() {
        f.low_credibility_link = true;
        out.push(sig(
            "source",
            1.5,
            format!(
                "Links to a site with a record of publishing false health claims ({}).",
                list(&low)
            ),
        ));
    }
    if !auth.is_empty() {
        out.push(sig(
            "source",
            -0.7,
            format!("Links to a health authority ({}).", list(&auth)),
        ));
    }
    if !short.is_empty() && low.is_empty() && auth.is_empty() && fc.is_empty() && study.is_empty() {
        // Advice, not evidence: shortened links are how news desks and health services post
        // (on CONSTRAINT train 30% of the posts with one are fake, 67% of those without), and the
        // detector head already reads a shortener as one of its link features.
        out.push(sig(
            "source",
            0.0,
            "The link's destination is hidden behind a URL shortener; check where it leads.".into(),
        ));
    }
    // 2. Fact-checkers
    if !fc.is_empty() {
        f.fact_check_link = true;
        out.push(sig(
            "fact_checkers",
            -1.2,
            format!("Links to a fact-checker ({}).", list(&fc)),
        ));
    }
    // 3. Evidence
    if !study.is_empty() {
        f.study_link = true;
        let preprint = urls.iter().any(|u| lists.is_preprint(u));
        out.push(if preprint {
            sig(
                "evidence",
                -0.2,
                format!(
                    "Cites a preprint ({}): research not yet peer reviewed.",
                    list(&study)
                ),
            )
        } else {
            sig(
                "evidence",
                -0.5,
                format!("Cites published research ({}).", list(&study)),
            )
        });
    }
    // 4. Date: linked content far older than the post
    let posted = m.created_at.date_naive();
    if let Some(oldest) = urls.iter().filter_map(|u| url_date(u)).min() {
        let days = (posted - oldest).num_days();
        if days > 365 {
            out.push(sig(
                "date",
                0.5,
                format!(
                    "The linked content dates from {} {}, about {} year(s) before the post: old news may be recirculating as new.",
                    month_name(oldest.month()),
                    oldest.year(),
                    days / 365
                ),
            ));
        } else if days > 90 {
            out.push(sig(
                "date",
                0.2,
                format!(
                    "The linked content is about {} months older than the post.",
                    days / 30
                ),
            ));
        }
    }
    // 5. Author
    out.extend(author_signals(m));
    // 6. Bias
    out.extend(bias_signals(&m.text));
    (out, f)
}

fn author_signals(m: &Mention) -> Vec<Signal> {
    let a = &m.author;
    let mut out = Vec::new();
    let age_days = a
        .created_at
        .map(|c: DateTime<Utc>| (m.created_at - c).num_days());
    match age_days {
        Some(d) if (0..30).contains(&d) => out.push(sig(
            "author",
            0.5,
            format!("The account was created {d} day(s) before posting."),
        )),
        Some(d) if (30..180).contains(&d) => out.push(sig(
            "author",
            0.2,
            format!("The account is only about {} months old.", d / 30),
        )),
        _ => {}
    }
    if a.verified {
        out.push(sig(
            "author",
            -0.3,
            "The account is verified by the platform.".into(),
        ));
    }
    match a.followers {
        Some(n) if n >= 100_000 => out.push(sig(
            "author",
            0.0,
            format!(
                "Wide reach: about {} followers; anything false here would spread far.",
                round_count(n)
            ),
        )),
        Some(n) if n < 20 && age_days.is_some_and(|d| d < 180) => out.push(sig(
            "author",
            0.2,
            "A new account with almost no followers.".into(),
        )),
        _ => {}
    }
    out
}

fn bias_signals(text: &str) -> Vec<Signal> {
    let mut out = Vec::new();
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    if letters >= 20 && upper * 2 >= letters {
        out.push(sig(
            "bias",
            0.4,
            "Written largely in capital letters.".into(),
        ));
    }
    let excl = text.matches('!').count();
    if excl >= 3 {
        out.push(sig("bias", 0.3, format!("Uses {excl} exclamation marks.")));
    }
    let folded = fold(text);
    let ws = words(&folded);
    if CONSPIRACY.iter().any(|p| has_phrase(&ws, &fold(p))) {
        out.push(sig(
            "bias",
            0.7,
            "Uses conspiratorial framing (hidden truth, 'wake up', share before it is deleted)."
                .into(),
        ));
    }
    if SENSATIONAL.iter().any(|s| ws.contains(s)) {
        out.push(sig(
            "bias",
            0.3,
            "Uses sensational wording (miracle, shocking, secret...).".into(),
        ));
    }
    out
}

fn round_count(n: u64) -> String {
    if n >= 1_000_000 {
        format!("{:.1} million", n as f64 / 1e6)
    } else {
        format!("{}k", n / 1000)
    }
}

fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m as usize).clamp(1, 12) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigia_model::{Author, Platform};

    fn mention(text: &str) -> Mention {
        let mut m: Mention = serde_json::from_value(serde_json::json!({
            "id": "x:1", "platform": "x", "author": {"id": "a"}, "text": text,
            "created_at": "2024-05-01T10:00:00Z"
        }))
        .unwrap();
        m.platform = Platform::X;
        m
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            url_date("https://ex.com/2019/03/12/story"),
            NaiveDate::from_ymd_opt(2019, 3, 12)
        );
        assert_eq!(
            url_date("https://ex.com/news/2018-11/story"),
            NaiveDate::from_ymd_opt(2018, 11, 1)
        );
        assert_eq!(url_date("https://ex.com/id/2019123"), None);
    }

    #[test]
    fn the_who_steps() {
        let mut m = mention(
            "WAKE UP!!! they don't want you to know https://naturalnews.com/2019/02/01/x.html",
        );
        m.author = Author {
            id: "a".into(),
            followers: Some(3),
            created_at: Some("2024-04-25T00:00:00Z".parse().unwrap()),
            ..Default::default()
        };
        let urls = domains::collect_urls(&m.text, &[]);
        let (s, f) = credibility(&m, &urls);
        let kinds: Vec<&str> = s.iter().map(|s| s.kind.as_str()).collect();
        for k in ["source", "date", "author", "bias"] {
            assert!(kinds.contains(&k), "{k} in {kinds:?}");
        }
        assert!(f.low_credibility_link);
        assert!(s
            .iter()
            .all(|s| !s.detail.to_lowercase().contains("wake up!!!")));
        let m = mention(
            "Evidence here https://doi.org/10.1/x and https://www.maldita.es/malditobulo/y",
        );
        let urls = domains::collect_urls(&m.text, &[]);
        let (s, f) = credibility(&m, &urls);
        assert!(f.fact_check_link && f.study_link);
        assert!(s.iter().map(|s| s.weight).sum::<f32>() < 0.0);
    }
}
