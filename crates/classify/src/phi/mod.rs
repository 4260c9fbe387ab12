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

pub use checks::{
    cartao_cidadao, cip_catsalut, cns_br, codice_fiscale, cpf, dni, iban, imei, luhn, nhs, nie,
    nif_pt, nino, ssn, tessera_sanitaria,
};

use vigia_model::{PhiInfo, PhiSpan, PhiType};

pub const MODEL_NAME: &str = "phi-rules@13";

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
}

impl Default for PhiConfig {
    fn default() -> Self {
        Self {
            disclosure_head: true,
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

/// A number the post itself calls invalid, fake or non-existent right after it (phi-rules@11):
/// "the 'patient ID' in this scam text is 173 278 1794, which isn't even a valid NHS number",
/// "o CPF 767.610.622-28 ... Esse CPF nem existe": no one's identifier. (Not "they say it
/// doesn't exist": a real number the system failed to find.)
fn said_invalid(text: &str, k: &Cand) -> bool {
    use once_cell::sync::Lazy;
    use regex::Regex;
    static INVALID: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)(?:\b(?:isn't|is\s+not|wasn't|not)\s+even\s+(?:a\s+)?(?:valid|real)\b|\b(?:nem|ni\s+siquiera|neanche|nemmeno|ni\s+tan\s+sols)\s+(?:existe|existeix|esiste)\b|d[íi]gito\s+verificador\s+n[ãa]o\s+bate|check\s+digit\s+(?:fails|is\s+wrong|doesn't)|\b(?:fake|invented|made[- ]up|inventad[oa]|inventat|inventato|falso|fals)\s+(?:number|id|número|numero|nif|dni|cpf))")
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
