//! PHI detection and redaction.
//!
//! Finds the HIPAA Safe Harbor identifiers that turn up in social posts (names, street addresses
//! and postal codes, dates tied to a person, phone and fax numbers, e-mails, national ids, health
//! card numbers, medical record and account numbers, licence plates, URLs and IPs, device ids)
//! in English, Spanish, Catalan and Italian, and health self-disclosure ([`disclosure`]).
//!
//! Each rule proposes candidate spans ([`Cand`]); identifiers with a check digit are kept only
//! when it validates (the span records which validator in `PhiSpan::validator`), the others only
//! with cue words nearby. Overlapping candidates are resolved by priority, then length, so the
//! spans reported never overlap. Redaction replaces each span with `PhiType::placeholder`.
//!
//! What is deliberately *not* PHI here, and why (the evaluation set follows the same rules):
//! - an organisation's own published contact points (a hospital switchboard or booking line, a
//!   toll-free number, a role mailbox such as `info@`): they identify no individual;
//! - URLs on public-health authority and fact-checker hosts (`who.int`, `*.gov`, `gencat.cat`,
//!   ...); every other URL counts, as Safe Harbor lists URLs without qualification;
//! - names of public figures, and names that are the subject of reported speech ("X said");
//! - hospital and place names, even when named after a person ("Sant Joan de Déu");
//! - dates of events not tied to a person, and a year on its own;
//! - city names (Safe Harbor would remove them; doing so would strip every post of its place);
//! - look-alike codes whose check digit fails (a product code shaped like a DNI or an NHS number).
//!
//! The disclosed condition itself is not redacted: it is reported as `self_disclosure` and
//! `condition_category`, and the identifiers around it are what get removed.

mod checks;
mod dates;
pub mod disclosure;
pub mod disclosure_head;
mod names;
mod rules;
pub mod tagger;

pub use checks::{
    cartao_cidadao, cip_catsalut, cns_br, codice_fiscale, cpf, dni, iban, imei, luhn, nhs, nie,
    nif_pt, nino, ssn, tessera_sanitaria,
};

use vigia_model::{PhiInfo, PhiSpan, PhiType};

pub const MODEL_NAME: &str = "phi-rules@16";

/// A candidate span (byte offsets) proposed by one rule.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    start: usize,
    end: usize,
    kind: PhiType,
    /// Higher wins an overlap: validated checksums over cue-only matches over bare patterns.
    priority: u8,
    validator: Option<&'static str>,
}

impl Cand {
    pub(crate) fn new(
        start: usize,
        end: usize,
        kind: PhiType,
        priority: u8,
        validator: Option<&'static str>,
    ) -> Self {
        Self {
            start,
            end,
            kind,
            priority,
            validator,
        }
    }
}

/// `[classify.phi]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PhiConfig {
    /// Let the transformer tier's learned head ([`disclosure_head`]) flag disclosures the rules
    /// missed.
    pub disclosure_head: bool,
    /// Let the transformer tier's learned span tagger ([`tagger`]) add the names and dates the
    /// rules missed.
    pub span_tagger: bool,
}

impl Default for PhiConfig {
    fn default() -> Self {
        Self {
            disclosure_head: true,
            span_tagger: true,
        }
    }
}

/// The category of the first health condition `text` names (`oncology`, `chronic`, ...), if any.
pub fn condition_category(text: &str) -> Option<&'static str> {
    disclosure::category_of(text)
}

/// Rule-based PHI detector. Stateless; build once and share.
pub struct PhiDetector;

impl Default for PhiDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl PhiDetector {
    pub fn new() -> Self {
        Self
    }

    /// Non-overlapping identifier spans in `text`, sorted by start (byte offsets).
    fn spans(&self, text: &str) -> Vec<Cand> {
        let mut c = Vec::new();
        rules::emails(text, &mut c);
        rules::urls(text, &mut c);
        rules::ips(text, &mut c);
        rules::national_ids(text, &mut c);
        rules::health_cards(text, &mut c);
        rules::record_numbers(text, &mut c);
        rules::accounts(text, &mut c);
        rules::devices(text, &mut c);
        rules::plates(text, &mut c);
        rules::phones(text, &mut c);
        rules::postal_codes(text, &mut c);
        rules::streets(text, &mut c);
        dates::dates(text, &mut c);
        names::names(text, &mut c);
        let mut kept = resolve(c);
        kept.retain(|k| !said_invalid(text, k));
        kept
    }

    /// Find PHI spans and self-disclosure; return them with the redacted text.
    pub fn detect_and_redact(&self, text: &str, _lang: Option<&str>) -> (PhiInfo, String) {
        let spans = self.spans(text);
        let names: Vec<(usize, usize)> = spans
            .iter()
            .filter(|s| s.kind == PhiType::PersonName)
            .map(|s| (s.start, s.end))
            .collect();
        let category = disclosure::detect(text, &names);
        let (mut info, redacted) = redact_cands(text, &spans);
        info.self_disclosure = category.is_some();
        info.condition_category = category.map(str::to_string);
        (info, redacted)
    }
}

/// Add the names and dates another detector found in `text` (byte spans: the transformer tier's
/// [`tagger`]) to the rules' result `info` and `redacted`, and return how many were added or
/// widened. A span is added where the rules found nothing, or widens the one rule span of its
/// type it overlaps (the rules took "AMARA" of "AMARA OSEI"); never when the rules would decline
/// it (a public figure, a hospital named after a person, a number or a year alone, ...). With a
/// new name the self-disclosure rules run again, since a disclosure about a named person needs
/// the name; a disclosure already found is kept.
pub fn add_spans(
    text: &str,
    info: &mut PhiInfo,
    redacted: &mut String,
    found: &[(usize, usize, PhiType)],
) -> usize {
    let byte_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: Vec<(usize, usize, PhiType, Option<String>)> = info
        .spans
        .iter()
        .filter_map(|p| {
            Some((
                *byte_at.get(p.start)?,
                *byte_at.get(p.end)?,
                p.kind,
                p.validator.clone(),
            ))
        })
        .collect();
    let mut added = 0;
    for &(s, e, kind) in found {
        if e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        let span = match kind {
            PhiType::PersonName => names::tagged_name(text, s, e),
            PhiType::Date => (!dates::tagged_date_declined(text, s, e)).then_some((s, e)),
            _ => None,
        };
        let Some((s, e)) = span else { continue };
        let overlapping: Vec<usize> = (0..spans.len())
            .filter(|&j| s < spans[j].1 && spans[j].0 < e)
            .collect();
        match overlapping[..] {
            [] if e > s => {
                spans.push((s, e, kind, None));
                added += 1;
            }
            // The rules took part of the name or date ("AMARA" of "AMARA OSEI"): widen theirs
            // rather than leave the rest of it in the redacted text.
            [j] if spans[j].2 == kind && (s < spans[j].0 || spans[j].1 < e) => {
                spans[j].0 = spans[j].0.min(s);
                spans[j].1 = spans[j].1.max(e);
                added += 1;
            }
            _ => {}
        }
    }
    if added == 0 {
        return 0;
    }
    spans.sort_by_key(|o| o.0);
    let triples: Vec<(usize, usize, PhiType)> = spans.iter().map(|o| (o.0, o.1, o.2)).collect();
    let (mut merged, out) = redact(text, &triples);
    for (span, o) in merged.spans.iter_mut().zip(&spans) {
        span.validator = o.3.clone();
    }
    merged.self_disclosure = info.self_disclosure;
    merged.condition_category = info.condition_category.take();
    if !merged.self_disclosure {
        let names: Vec<(usize, usize)> = triples
            .iter()
            .filter(|t| t.2 == PhiType::PersonName)
            .map(|t| (t.0, t.1))
            .collect();
        if let Some(category) = disclosure::detect(text, &names) {
            merged.self_disclosure = true;
            merged.condition_category = Some(category.to_string());
        }
    }
    *info = merged;
    *redacted = out;
    added
}

/// A number the post itself calls invalid, fake or non-existent right after it (phi-rules@11):
/// "the 'patient ID' in this scam text is 173 278 1794, which isn't even a valid NHS number",
/// "o CPF 767.610.622-28 ... Esse CPF nem existe": no one's identifier. (Not "they say it
/// doesn't exist": a real number the system failed to find.)
fn said_invalid(text: &str, k: &Cand) -> bool {
    use once_cell::sync::Lazy;
    use regex::Regex;
    static INVALID: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)(?:\b(?:isn't|is\s+not|wasn't|not)\s+even\s+(?:a\s+)?(?:valid|real)\b|\b(?:nem|ni\s+siquiera|neanche|nemmeno|ni\s+tan\s+sols)\s+(?:existe|existeix|esiste)\b|\b(?:nem\s+sequer\s+é|ni\s+siquiera\s+es|neanche\s+è|nemmeno\s+è|ni\s+tan\s+sols\s+és|isn't\s+even|is\s+not\s+even)\s+(?:um|una?|un|a)\s+(?:\p{L}+\s+)?(?:v[áa]lid[oa]|valid|vàlid)\b|d[íi]gito\s+verificador\s+n[ãa]o\s+bate|check\s+digit\s+(?:fails|is\s+wrong|doesn't)|\b(?:fake|invented|made[- ]up|inventad[oa]|inventat|inventato|falso|fals)\s+(?:number|id|número|numero|nif|dni|cpf))")
            .expect("invalid regex")
    });
    if !matches!(
        k.kind,
        PhiType::Phone
            | PhiType::MedicalRecordNumber
            | PhiType::NationalId
            | PhiType::HealthCardNumber
            | PhiType::AccountNumber
    ) {
        return false;
    }
    let end = text[k.end..]
        .char_indices()
        .nth(120)
        .map_or(text.len(), |(i, _)| k.end + i);
    INVALID.is_match(&text[k.end..end])
}

/// Keep the best of overlapping candidates: higher priority, then longer, then earlier.
fn resolve(mut c: Vec<Cand>) -> Vec<Cand> {
    c.retain(|x| x.end > x.start);
    c.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Cand> = Vec::with_capacity(c.len());
    for x in c {
        if kept.iter().all(|k| x.end <= k.start || k.end <= x.start) {
            kept.push(x);
        }
    }
    kept.sort_by_key(|k| k.start);
    kept
}

fn redact_cands(text: &str, spans: &[Cand]) -> (PhiInfo, String) {
    let (mut info, out) = redact(
        text,
        &spans
            .iter()
            .map(|s| (s.start, s.end, s.kind))
            .collect::<Vec<_>>(),
    );
    for (span, c) in info.spans.iter_mut().zip(spans) {
        span.validator = c.validator.map(str::to_string);
    }
    (info, out)
}

/// Replace byte spans (sorted, non-overlapping) with placeholders; report char offsets.
pub fn redact(text: &str, spans: &[(usize, usize, PhiType)]) -> (PhiInfo, String) {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut info = PhiInfo::default();
    for (s, e, t) in spans {
        out.push_str(&text[last..*s]);
        out.push_str(&t.placeholder());
        last = *e;
        info.spans.push(PhiSpan {
            kind: *t,
            start: text[..*s].chars().count(),
            end: text[..*e].chars().count(),
            validator: None,
        });
        if !info.types.contains(t) {
            info.types.push(*t);
        }
    }
    out.push_str(&text[last..]);
    info.types.sort();
    (info, out)
}

#[cfg(test)]
mod tests;
